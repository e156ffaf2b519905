"""Helpers over a UD tree: relation bases, nominal phrases, case markers."""

from __future__ import annotations

from collections.abc import Callable

from coder.doc import Sentence
from coder.text import StringMemo, fold

# Dependents that stay inside a noun phrase (for names and pattern words).
PHRASE_RELS = {"amod", "compound", "flat", "fixed", "appos", "nmod", "det", "case", "nummod", "goeswith"}
# Dependents that stay inside a noun phrase when looking for the actor it denotes.
ACTOR_RELS = {"amod", "compound", "flat", "fixed", "appos", "nmod", "det", "case", "goeswith"}
# Relations inside one name: no deeper than the name's head.
NAME_RELS = {"flat", "fixed", "compound"}
CLAUSAL = {"xcomp", "ccomp", "advcl", "acl", "parataxis", "csubj", "conj"}


def _base(deprel: str) -> str:
    return deprel.split(":", 1)[0]


# The base of a deprel: "obl:agent" -> "obl" (memoized: coding asks some 120 times a sentence).
base: Callable[[str], str] = StringMemo(_base, 4096).__getitem__


def rel_matches(rel: str, wanted: str) -> bool:
    """'obl:arg' matches 'obl'; 'compound:prt' matches only 'compound:prt' or 'compound'."""
    return rel == wanted or ":" in rel and rel.startswith(wanted) and rel[len(wanted)] == ":"


def subtree(sent: Sentence, tid: int) -> set[int]:
    """Token ids of ``tid`` and all its descendants."""
    out, stack = {tid}, [tid]
    kids = sent.child_lists()
    while stack:
        for c in kids[stack.pop()]:
            if c not in out:
                out.add(c)
                stack.append(c)
    return out


_case_memo: tuple[Sentence | None, dict[int, frozenset[str]]] = (None, {})
_NO_CASE: frozenset[str] = frozenset()


def case_of(sent: Sentence, tid: int) -> frozenset[str]:
    """Folded prepositions/markers (case, mark) attached to a token (cached per sentence)."""
    global _case_memo
    last, memo = _case_memo
    if last is not sent:  # (the sentence's memo, kept at hand: coding asks for one sentence in turn)
        memo = sent.memo(case_of)
        _case_memo = (sent, memo)
    out = memo.get(tid)
    if out is None:
        found: set[str] | None = None  # (most words have none: no set made for them)
        tokens = sent.tokens  # (tokens[c - 1] is sent.token(c), without the call: hot loops here)
        for c in sent.children(tid):
            t = tokens[c - 1]
            if base(t.deprel) in ("case", "mark"):
                if found is None:
                    found = set()
                found.add(fold(t.lemma))
                found.add(fold(t.form))
        out = memo[tid] = _NO_CASE if found is None else frozenset(found)
    return out


def nested_agents(sent: Sentence, tid: int, agent_preps: frozenset[str]) -> list[int]:
    """The "par"/"by" nmods down the chains of nmods under ``tid``: parsers hang the agent of an
    event noun on its complement, at any depth ("l'expulsion de l'ambassadeur de France par
    Niamey" puts "par Niamey" under "France")."""
    out = []
    for c in sent.children(tid):
        if base(sent.tokens[c - 1].deprel) != "nmod":
            continue
        if case_of(sent, c) & agent_preps:
            out.append(c)
        else:
            out.extend(nested_agents(sent, c, agent_preps))
    return out


def phrase(sent: Sentence, head: int, genitive: frozenset[str] | None = None) -> dict[int, int]:
    """Token id -> depth for the noun phrase of ``head`` (clauses and conjuncts excluded).

    With ``genitive`` given, ``nmod`` dependents are kept only when marked by one of those
    prepositions or by none (possessives): the phrase then names an actor, not a circumstance.
    """
    rels = PHRASE_RELS if genitive is None else ACTOR_RELS
    out = {head: 0}
    stack = [head]
    tokens, kids = sent.tokens, sent.child_lists()
    while stack:
        h = stack.pop()
        d = out[h]
        for c in kids[h]:
            t = tokens[c - 1]
            b = base(t.deprel)
            if b not in rels:  # but a participle or gerund alone, or with its preposition only ("a diplomat of spying")
                if b != "acl" or not all(base(tokens[g - 1].deprel) in ("mark", "case") for g in kids[c]):
                    continue
            if c in out:
                continue
            if genitive is not None and b == "nmod" and t.deprel != "nmod:poss":
                marks = case_of(sent, c)
                if marks and not marks & genitive:
                    continue
            # Parts of one name ("Foreign Minister Sergei Lavrov") share their head's depth.
            out[c] = d if b in NAME_RELS else d + 1
            stack.append(c)
    return out


def conjuncts(sent: Sentence, head: int) -> list[int]:
    """The head and the nominal conjuncts coordinated with it ("Moscou et Pékin")."""
    out = [head]
    tokens = sent.tokens
    for c in sent.children(head):
        if base(tokens[c - 1].deprel) == "conj" and tokens[c - 1].upos in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"):
            out.extend(conjuncts(sent, c))
    return out


def depth(sent: Sentence, tid: int) -> int:
    d = 0
    tokens = sent.tokens
    while tid and d < 200:
        tid = tokens[tid - 1].head
        d += 1
    return d

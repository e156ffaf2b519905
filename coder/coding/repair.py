"""Repairs of frequent parser errors, applied before coding (the cached parse is not changed).

Prepositional adverbs heading their noun: "a protesté auprès de la Chine" often comes out as
"auprès" (ADV) governing "Chine"; the noun goes back to the verb with "auprès" as its case.

An "obl:agent" with no agent preposition is an object the parser mislabelled.

Comma lists of subjects: "L'Espagne, l'Irlande et la Norvège ont reconnu ..." often comes out as
two subjects of the verb; the later one becomes a conjunct of the first.

Verbs read as nouns: "Turkey trades with Iran" often comes out with "trades" a NOUN that has a
subject; a noun with a subject and no copula is a verb.

Quantity adverbs as objects: in "a massé plus de 100.000 soldats" the parser makes "plus" the
object; the counted noun becomes the object.

Subordinators read as prepositions: in "..., as Russia and China vetoed a resolution" parsers
often attach "as" as the case of an oblique "Russia"; a verb with no subject whose oblique before
it is marked only by a subordinator gets that oblique back as its subject.

Wire copy puts a day right after the verb ("a accusé mardi les Occidentaux de ...", "said on
Tuesday that ..."); parsers trained on small treebanks often make that day the head of the
verb's object and complement. A time word keeps only its own modifiers; its other dependents go
back to its governor, and it becomes a temporal oblique.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from coder.coding.tree import base, subtree
from coder.dictionaries.model import Language
from coder.doc import Sentence, Token
from coder.text import fold

# Dependents a time word may keep ("mardi dernier", "le 3 mars", "on Tuesday").
_TIME_KEEPS = {"det", "case", "amod", "nummod", "punct", "advmod", "fixed", "flat", "compound", "nmod"}


def repair(sent: Sentence, lang: Language) -> Sentence:
    """The sentence with the repairs above applied (a copy, marked as repaired)."""
    if sent.repaired:
        return sent
    sent = _comma_lists(_agents_without_preposition(sent, lang))
    sent = _verbs_read_as_nouns(_quantity_objects(sent, lang))
    sent = _subordinate_subjects(_adverb_prepositions(_time_words(sent, lang), lang), lang)
    out = Sentence(sent.id, sent.text, sent.tokens, sent.sent_id, sent._children)  # same tree, same children
    out.repaired = True
    return out


# Each repair first makes a quick test (C-level loops) for a word or tag its condition needs, and
# skips the sentence without it: change the test along with the condition.
def _none_folded_in(words: frozenset[str], tokens: list[Token], field: str) -> bool:
    """Whether no token's folded ``field`` (form, lemma) is one of some words (a quick test)."""
    return words.isdisjoint(map(fold, map(attrgetter(field), tokens)))


def _has(tokens: list[Token], field: str, value: str) -> bool:
    """Whether some token's ``field`` (upos, deprel) has a value (a quick test)."""
    return value in map(attrgetter(field), tokens)


def _rebuilt(sent: Sentence, changes: dict[int, dict[str, object]]) -> Sentence:
    """A copy of the sentence with some tokens' fields changed (token id -> field -> value)."""
    if not changes:
        return sent
    tokens = [replace(t, **changes[t.id]) if t.id in changes else t for t in sent.tokens]
    return Sentence(sent.id, sent.text, tokens, sent.sent_id)


def _moved(sent: Sentence, moves: dict[int, tuple[int, str]]) -> Sentence:
    """A copy of the sentence with some tokens given a new head and relation."""
    return _rebuilt(sent, {i: {"head": h, "deprel": r} for i, (h, r) in moves.items()})


def _agents_without_preposition(sent: Sentence, lang: Language) -> Sentence:
    """An "obl:agent" with no "by"/"par" is an object ("accused Prime Minister Nawaz Sharif")."""
    if not lang.agent_prepositions or not _has(sent.tokens, "deprel", "obl:agent"):
        return sent
    bad = {t.id for t in sent.tokens if t.deprel == "obl:agent"
           and not any(base(sent.token(c).deprel) == "case" and fold(sent.token(c).form) in lang.agent_prepositions
                       for c in sent.children(t.id))}
    if not lang.agent_prepositions:
        return sent
    return _rebuilt(sent, {i: {"deprel": "obj"} for i in bad})


def _adverb_prepositions(sent: Sentence, lang: Language) -> Sentence:
    preps = set(lang.target_prepositions)
    if not _has(sent.tokens, "upos", "ADV"):
        return sent
    moves: dict[int, tuple[int, str]] = {}
    for t in sent.tokens:
        if t.upos != "ADV" or fold(t.form) not in preps or not t.head:
            continue
        head = sent.token(t.head)
        if t.head > t.id and head.upos in ("NOUN", "PROPN", "PRON"):  # "auprès" (advmod) -> "Chine"
            moves[t.id] = (t.head, "case")
            continue
        nouns = [c for c in sent.children(t.id) if c > t.id and sent.token(c).upos in ("NOUN", "PROPN", "PRON")]
        if nouns:
            moves[nouns[0]] = (t.head, "obl")
            moves[t.id] = (nouns[0], "case")
            continue
        # "auprès" (advmod) followed by its sibling "de la Corée" (obl): make it that oblique's case
        for c in sent.children(t.head):
            if c > t.id and base(sent.token(c).deprel) == "obl" and all(
                    sent.token(j).head == c and base(sent.token(j).deprel) in ("case", "det")
                    for j in range(t.id + 1, c)):
                moves[t.id] = (c, "case")
                break
    return _moved(sent, moves)


def _subordinate_subjects(sent: Sentence, lang: Language) -> Sentence:
    if not lang.subordinators or _none_folded_in(lang.subordinators, sent.tokens, "form"):
        return sent
    relabel: dict[int, tuple[int, str]] = {}
    for t in sent.tokens:
        head = sent.token(t.head) if t.head else None
        if head is None or base(t.deprel) not in ("obl", "nmod") or t.id > head.id or head.upos != "VERB":
            continue
        if any(base(sent.token(c).deprel) in ("nsubj", "csubj") for c in sent.children(head.id)):
            continue
        cases = [c for c in sent.children(t.id) if base(sent.token(c).deprel) == "case"]
        if cases and all(fold(sent.token(c).form) in lang.subordinators for c in cases):
            relabel[t.id] = (t.head, "nsubj")
            relabel.update((c, (head.id, "mark")) for c in cases)
    return _moved(sent, relabel)


def _time_words(sent: Sentence, lang: Language) -> Sentence:
    if not lang.time_words or (_none_folded_in(lang.time_words, sent.tokens, "form")
                               and _none_folded_in(lang.time_words, sent.tokens, "lemma")):
        return sent
    moves: dict[int, int] = {}
    fixed: set[int] = set()
    for t in sent.tokens:
        if t.head == 0 or fold(t.form) not in lang.time_words and fold(t.lemma) not in lang.time_words:
            continue
        movers = [c for c in sent.children(t.id) if base(sent.token(c).deprel) not in _TIME_KEEPS]
        if not movers and t.upos in ("NOUN", "PROPN", "ADV", "NUM"):
            continue
        fixed.add(t.id)
        for c in movers:
            moves[c] = t.head
    changes: dict[int, dict[str, object]] = {i: {"head": h} for i, h in moves.items()}
    for i in fixed:
        upos = sent.token(i).upos
        changes.setdefault(i, {}).update(upos="NOUN" if upos in ("VERB", "AUX", "ADJ") else upos, deprel="obl:tmod")
    return _rebuilt(sent, changes)


def _comma_lists(sent: Sentence) -> Sentence:
    if " ".join(map(attrgetter("deprel"), sent.tokens)).count("nsubj") < 2:
        return sent  # (a quick test: two subjects at least)
    moves: dict[int, tuple[int, str]] = {}
    subjects: dict[int, list[int]] = {}  # head -> its subjects, in sentence order
    for t in sent.tokens:
        if 0 <= t.head <= len(sent.tokens) and base(t.deprel) == "nsubj":
            subjects.setdefault(t.head, []).append(t.id)
    for _, subs in sorted(subjects.items()):
        for a, b in zip(subs, subs[1:], strict=False):
            end_a, start_b = max(subtree(sent, a)), min(subtree(sent, b))
            while end_a > a and sent.token(end_a).form == ",":  # the comma may hang on the first
                end_a -= 1
            between = range(end_a + 1, start_b)
            clause = any(sent.token(i).upos in ("VERB", "AUX") for i in range(a, end_a + 1))
            if between and not clause and all(sent.token(i).form == "," for i in between):
                moves[b] = (moves.get(a, (a,))[0] if a in moves else a, "conj")
    return _moved(sent, moves)


def _quantity_objects(sent: Sentence, lang: Language) -> Sentence:
    if not _has(sent.tokens, "upos", "ADV"):
        return sent
    moves: dict[int, tuple[int, str]] = {}
    for t in sent.tokens:
        if t.upos != "ADV" or base(t.deprel) != "obj":
            continue
        nouns = [c for c in sent.children(t.id) if sent.token(c).upos in ("NOUN", "PROPN")
                 and base(sent.token(c).deprel) in ("obl", "nmod")]
        if nouns:
            moves[nouns[0]] = (t.head, "obj")
            moves[t.id] = (nouns[0], "advmod")
    return _moved(sent, moves)


def _verbs_read_as_nouns(sent: Sentence) -> Sentence:
    fix: set[int] = set()
    moves: dict[int, str] = {}
    no_verb = not any(t.upos in ("VERB", "AUX") for t in sent.tokens)
    with_subject = {t.head for t in sent.tokens if base(t.deprel) == "nsubj"}
    for t in sent.tokens:
        if t.upos != "NOUN" or not (t.id in with_subject or t.head == 0 and no_verb):
            continue
        kids = sent.children(t.id)
        rels = {base(sent.token(c).deprel) for c in kids}
        if "nsubj" in rels and not rels & {"cop", "det", "case"}:
            fix.add(t.id)
        elif t.head == 0 and no_verb and kids and kids[0] < t.id and not rels & {"det", "cop"} \
                and sent.token(kids[0]).upos in ("PROPN", "ADJ") and base(sent.token(kids[0]).deprel) in ("amod", "compound"):
            # "Turkey trades with Iran" parsed as one noun phrase with no verb
            fix.add(t.id)
            moves[kids[0]] = "nsubj"
            moves.update((c, "obl") for c in kids if c > t.id and base(sent.token(c).deprel) == "nmod")
    changes: dict[int, dict[str, object]] = {i: {"deprel": r} for i, r in moves.items()}
    for i in fix:
        changes.setdefault(i, {})["upos"] = "VERB"
    return _rebuilt(sent, changes)

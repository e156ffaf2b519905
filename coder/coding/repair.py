"""Repairs of frequent parser errors, applied before coding (the cached parse is not changed).

Wire copy puts a day right after the verb ("a accusé mardi les Occidentaux de ...", "said on
Tuesday that ..."); parsers trained on small treebanks often make that day the head of the
verb's object and complement. A time word keeps only its own modifiers; its other dependents go
back to its governor, and it becomes a temporal oblique.
"""

from __future__ import annotations

from dataclasses import replace

from coder.coding.tree import base
from coder.dictionaries.model import Language
from coder.doc import Sentence
from coder.text import fold

# Dependents a time word may keep ("mardi dernier", "le 3 mars", "on Tuesday").
_TIME_KEEPS = {"det", "case", "amod", "nummod", "punct", "advmod", "fixed", "flat", "compound", "nmod"}


def repair(sent: Sentence, lang: Language) -> Sentence:
    """The sentence with time words that govern arguments reattached (a copy if anything changed)."""
    if not lang.time_words:
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
    if not fixed:
        return sent
    tokens = []
    for t in sent.tokens:
        if t.id in fixed:
            t = replace(t, upos="NOUN" if t.upos in ("VERB", "AUX", "ADJ") else t.upos, deprel="obl:tmod")
        if t.id in moves:
            t = replace(t, head=moves[t.id])
        tokens.append(t)
    return Sentence(sent.id, sent.text, tokens, sent.sent_id)

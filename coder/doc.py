"""The small document model every stage shares: stories, sentences and tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from coder.text import StringMemo


@dataclass
class Story:
    """One news story as ingested: text plus metadata."""

    id: str
    text: str
    date: str | None = None  # ISO YYYY-MM-DD
    language: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Token:
    """One syntactic word of a UD tree. ``id`` and ``head`` are 1-based (0 = root)."""

    id: int
    form: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str
    start: int = -1  # character offsets of the surface token, -1 when unknown
    end: int = -1
    # Multiword tokens ("des" = "de" + "les"): the first word carries the surface text, the
    # others "" ; None for an ordinary word. Names are matched on surface text.
    surface: str | None = None

    @property
    def text(self) -> str:
        """What this word contributes to the surface text ("" for later parts of a contraction)."""
        return self.form if self.surface is None else self.surface

    def feat(self, name: str) -> str | None:
        return _features(self.feats).get(name) if self.feats else None


def _parse_features(feats: str) -> dict[str, str]:
    """A FEATS column as a dict ("_": none; the first value of a repeated feature)."""
    out: dict[str, str] = {}
    if feats != "_":
        for kv in feats.split("|"):
            k, _, v = kv.partition("=")
            out.setdefault(k, v)
    return out


# FEATS -> dict, cached (not to be changed)
_features: Callable[[str], dict[str, str]] = StringMemo(_parse_features, 65_536).__getitem__


@dataclass
class Sentence:
    """A parsed sentence: its text and its tokens (``tokens[k].id == k + 1``)."""

    id: int
    text: str
    tokens: list[Token]
    sent_id: str | None = None
    _children: list[list[int]] | None = field(default=None, repr=False, compare=False)
    repaired: bool = field(default=False, repr=False, compare=False)  # see coder.coding.repair
    _memos: dict[int, dict] | None = field(default=None, repr=False, compare=False)

    def token(self, tid: int) -> Token:
        return self.tokens[tid - 1]

    def children(self, tid: int) -> list[int]:
        """Ids of the dependents of token ``tid`` (0 gives the root), in sentence order."""
        return (self._children or self.child_lists())[tid]

    def child_lists(self) -> list[list[int]]:
        """``children`` of every token id at once (for loops over the tree), built once."""
        if self._children is None:
            n = len(self.tokens)
            kids: list[list[int]] = [[] for _ in range(n + 1)]
            for t in self.tokens:
                if 0 <= t.head <= n:
                    kids[t.head].append(t.id)
            self._children = kids
        return self._children

    def memo(self, owner: object) -> dict:
        """A cache of what ``owner`` (a phrase index, say) derives from this sentence's tokens,
        which must not change while it is used (coder.coding works on repaired copies)."""
        if self._memos is None:
            self._memos = {}
        memo = self._memos.get(id(owner))
        if memo is None:  # (not setdefault: no new dict for each call)
            memo = self._memos[id(owner)] = {}
        return memo


@dataclass
class ParsedStory:
    """A story with its sentences; ``parser`` names the model that produced them."""

    story: Story
    sentences: list[Sentence]
    parser: str = ""

"""Phrase indexes: find dictionary names and words in a run of tokens.

Keys are compacted (no spaces or hyphens) so tokenizer differences ("al-Assad" vs "al - Assad")
do not matter. Case rules: a name written with no lower-case letter ("US", "EI") must match with
the same case; a name starting with a capital ("Turkey") needs a capital in the text; any other
name matches case-insensitively. Accents never matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from coder.doc import Token
from coder.text import compact, fold, strip_accents

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    start: int  # token id of the first word
    end: int  # token id of the last word (inclusive)
    values: tuple[V, ...]


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 1 and not any(c.islower() for c in letters) and len(name) <= 8


class PhraseIndex(Generic[V]):
    """Maps names (one or more words) to values; matches them over sentence tokens."""

    def __init__(self) -> None:
        self._folded: dict[str, list[tuple[V, bool]]] = {}
        self._exact: dict[str, list[V]] = {}
        self._prefixes: set[str] = set()
        self._exact_prefixes: set[str] = set()

    def __len__(self) -> int:
        return len(self._folded) + len(self._exact)

    def add(self, name: str, value: V) -> None:
        name = name.strip()
        if not name:
            return
        if _is_acronym(name):
            key = compact(strip_accents(name))
            self._exact.setdefault(key, []).append(value)
            self._exact_prefixes.update(key[:i] for i in range(1, len(key) + 1))
        else:
            key = compact(fold(name))
            self._folded.setdefault(key, []).append((value, name[:1].isupper()))
            self._prefixes.update(key[:i] for i in range(1, len(key) + 1))

    def entries(self) -> list[tuple[str, list[V]]]:
        """(compacted key, values) for every name, for consistency checks."""
        return [(k, [v for v, _ in vs]) for k, vs in self._folded.items()] + list(self._exact.items())

    def lookup(self, text: str) -> list[V]:
        """Values of a name as typed (case rules applied as if it were text)."""
        out = list(self._exact.get(compact(strip_accents(text)), ()))
        capital = text[:1].isupper()
        out += [v for v, cap in self._folded.get(compact(fold(text)), ()) if capital or not cap]
        return out

    def contains_word(self, word: str) -> bool:
        return compact(fold(word)) in self._folded or compact(strip_accents(word)) in self._exact

    def find(
        self, tokens: Sequence[Token], allowed: Iterable[int] | None = None, use_lemma: bool = False
    ) -> list[Match[V]]:
        """Longest, non-overlapping matches over consecutive tokens (ids in ``allowed`` only)."""
        ids = sorted(allowed) if allowed is not None else [t.id for t in tokens]
        ok = set(ids)
        out: list[Match[V]] = []
        covered = 0
        for start in ids:
            if start <= covered:
                continue
            first = tokens[start - 1]
            if first.surface == "":
                continue  # names start at the beginning of a surface token
            capital = first.text[:1].isupper()
            best = self._scan(tokens, start, ok, capital, surface=True)
            if best is None:  # "Russia's", "Korea's" are one surface token: try the words
                best = self._scan(tokens, start, ok, capital, surface=False)
            if best is None and use_lemma:
                tok = tokens[start - 1]
                vals = [v for v, _ in self._folded.get(compact(fold(tok.lemma)), ())]
                if vals:
                    best = Match(start, start, tuple(vals))
            if best is not None:
                out.append(best)
                covered = best.end
        return out

    def _scan(self, tokens: Sequence[Token], start: int, ok: set[int], capital: bool,
              surface: bool) -> Match[V] | None:
        """Longest match starting at ``start``, on surface text or on syntactic words."""
        best: Match[V] | None = None
        f = e = ""
        j = start
        exact = bool(self._exact)
        while j in ok:
            tok = tokens[j - 1]
            word = tok.text if surface else tok.form
            f += _folded_key(word)
            vals: list[V] = [v for v, cap in self._folded.get(f, ()) if capital or not cap]
            more = f in self._prefixes
            if exact:
                e += _exact_key(word)
                vals = list(self._exact.get(e, ())) + vals
                more = more or e in self._exact_prefixes
            if vals:
                best = Match(start, j, tuple(vals))
            if not more:
                break
            j += 1
        return best


@lru_cache(maxsize=200_000)
def _folded_key(word: str) -> str:
    return compact(fold(word))


@lru_cache(maxsize=200_000)
def _exact_key(word: str) -> str:
    return compact(strip_accents(word))


class WordSet(PhraseIndex[bool]):
    """A set of words or multi-word expressions matched on forms and lemmas (for verb patterns)."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        super().__init__()
        self.words: list[str] = []
        for w in words:
            self.words.append(w)
            self.add(w.lower() if not _is_acronym(w) else w, True)
        # Entries that may span several tokens ("cessez-le-feu", "al Qaeda") need a scan; the
        # others are looked up word by word.
        multi = [w for w in self.words if any(c in w for c in " -'’.")]
        self._starts = frozenset(_folded_key(re.split(r"[ \-'’.]", w, maxsplit=1)[0] or w) for w in multi)
        self._single_folded = frozenset(self._folded)
        self._single_exact = frozenset(self._exact)

    def any_hit_keys(self, folded_keys: frozenset[str], exact_keys: frozenset[str], tokens: Sequence[Token],
                     allowed: Iterable[int]) -> bool:
        """Whether any entry occurs in the allowed tokens (what a pattern condition needs), given
        the region's precomputed word keys (see ``region_keys``)."""
        if not self._single_folded.isdisjoint(folded_keys) or not self._single_exact.isdisjoint(exact_keys):
            return True
        if not self._starts or self._starts.isdisjoint(folded_keys):
            return False
        return bool(self.find(tokens, allowed, use_lemma=True))


def region_keys(tokens: Sequence[Token], allowed: Iterable[int]) -> tuple[frozenset[str], frozenset[str]]:
    """Folded keys (forms, lemmas, surfaces) and exact keys (surfaces) of some tokens."""
    folded, exact = set(), set()
    for i in allowed:
        t = tokens[i - 1]
        folded.add(_folded_key(t.form))
        folded.add(_folded_key(t.lemma))
        if t.surface:
            folded.add(_folded_key(t.surface))
        exact.add(_exact_key(t.text))
    return frozenset(folded), frozenset(exact)

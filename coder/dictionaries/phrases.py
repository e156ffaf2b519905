"""Phrase indexes: find dictionary names and words in a run of tokens.

Keys are compacted (no spaces or hyphens) so tokenizer differences ("al-Assad" vs "al - Assad")
do not matter. Case rules: a name written with no lower-case letter ("US", "EI") must match with
the same case; a name starting with a capital ("Turkey") needs a capital in the text; any other
name matches case-insensitively. Accents never matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from coder.doc import Token
from coder.text import StringMemo, compact, fold, strip_accents

V = TypeVar("V")
_CACHE_SIZE = 100_000  # entries of the per-index caches of words


@dataclass(slots=True)
class Match(Generic[V]):
    """A name found in a sentence (not frozen: frozen dataclasses are slower to make, and finds
    make many)."""

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
        self._prefixes: set[str] = set()  # of the folded names that match any text
        self._capital_prefixes: set[str] = set()  # of those that need a capital in the text
        self._exact_prefixes: set[str] = set()
        self._starts_cache: dict[str, bool] = {}  # word -> whether a name may start with it (_may_start)
        self._scan_cache: dict[tuple, tuple | bool] = {}  # see _scans (False: read more words)

    def __len__(self) -> int:
        return len(self._folded) + len(self._exact)

    def add(self, name: str, value: V) -> None:
        self._starts_cache.clear()
        self._scan_cache.clear()
        name = name.strip()
        if not name:
            return
        if _is_acronym(name):
            key = compact(strip_accents(name))
            self._exact.setdefault(key, []).append(value)
            self._exact_prefixes.update(key[:i] for i in range(1, len(key) + 1))
        else:
            key = compact(fold(name))
            capital = name[:1].isupper()
            self._folded.setdefault(key, []).append((value, capital))
            (self._capital_prefixes if capital else self._prefixes).update(key[:i] for i in range(1, len(key) + 1))

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
        self, tokens: Sequence[Token], allowed: Iterable[int] | None = None, use_lemma: bool = False,
        memo: dict | None = None,
    ) -> list[Match[V]]:
        """Longest, non-overlapping matches over consecutive tokens (ids in ``allowed`` only).

        ``memo``: a dict kept by the caller for one token list (one sentence) and this index; it
        caches the names starting at each token, so repeated searches over parts of the sentence
        cost little.
        """
        n = len(tokens)
        ids: Iterable[int] = sorted(allowed) if allowed is not None else range(1, n + 1)
        # the names starting at each token, by lemma or not: tries by token id (None: not looked at)
        starting: list[tuple | None] | None = None if memo is None else memo.get(use_lemma)
        if starting is None:
            starting = [None] * (n + 1)
            if memo is not None:
                memo[use_lemma] = starting
        out: list[Match[V]] = []
        covered = 0
        may_start, folded = self._starts_cache, self._folded
        for start in ids:
            if start <= covered:
                continue
            tries = starting[start]
            if tries is None:
                t = tokens[start - 1]
                if t.surface is None and may_start.get(t.form) is False and not (
                        use_lemma and folded.get(_folded_key(t.lemma))):
                    tries = starting[start] = ()  # (the usual case, _starting_at's first test inlined)
                else:
                    tries = starting[start] = self._starting_at(tokens, start, use_lemma)
            if not tries:
                continue
            last = start + (tries[0][-1][0] if len(tries) == 1 else max([spans[-1][0] for spans in tries]))
            end = start
            if last > start:
                ok = allowed if isinstance(allowed, (dict, set, frozenset)) else ids  # (a dict: its keys)
                while end < last and end + 1 in ok:
                    end += 1
            # the longest name of any scan ("European Union's": "European" on the surface text,
            # "European Union" on the words); at equal length the first scan's
            longest, values = end - start, None
            best = -1
            for spans in tries:
                for d, vals in spans:
                    if best < d <= longest:
                        best, values = d, vals
            if values is not None:
                out.append(Match(start, start + best, values))
                covered = start + best
        return out

    def _starting_at(self, tokens: Sequence[Token], start: int,
                     use_lemma: bool) -> tuple[tuple[tuple[int, tuple[V, ...]], ...], ...]:
        """The names that may start at a token, as lists of (last token id - ``start``, values),
        shortest first, to try in order: on surface text, then on syntactic words ("Russia's", "Korea's"
        are one surface token), then (with ``use_lemma``) on the word's lemma. ``find`` keeps the
        longest name inside the allowed tokens, from the first list at equal length."""
        first = tokens[start - 1]
        surface = first.surface
        if surface == "":
            return ()  # names start at the beginning of a surface token
        text = first.form if surface is None else surface
        tries: tuple = ()
        may = self._starts_cache.get(text)  # (_may_start's cache, read here first: most words are in it)
        if may is None:
            may = self._may_start(text)
        if may or surface is not None and self._starts_with(first.form, text[:1].isupper()):
            nxt = tokens[start] if start < len(tokens) else None  # (the key of _scans' cache: the first two words)
            key = (surface, first.form) if nxt is None else (surface, first.form, nxt.surface, nxt.form)
            cached = self._scan_cache.get(key)
            while cached is False:  # ("Vladimir Poutine": the scans read the next word too)
                j = start + len(key) // 2 - 1  # (the next word's index in tokens)
                key += (tokens[j].surface, tokens[j].form) if j < len(tokens) else (None,)  # (odd: the end)
                cached = self._scan_cache.get(key)
            tries = self._scans(tokens, start, text, key) if cached is None else cached
        if use_lemma:
            found = self._folded.get(_folded_key(first.lemma))
            if found:
                tries = (*tries, ((0, tuple([v for v, _ in found])),))
        return tries

    def _scans(self, tokens: Sequence[Token], start: int, text: str,
               key: tuple) -> tuple[tuple[tuple[int, tuple[V, ...]], ...], ...]:
        """The non-empty scans from a token (see ``_scan``): on surface text, then on words if
        they differ. Cached under the words the scans read (``key``: the first two, or more when
        ``_starting_at`` found those marked False), then an end mark if they ran out of words; each
        shorter key of two words or more is marked False (most scans stop at two: "the",
        "de" begin names but "the talks", "de la" do not)."""
        capital = text[:1].isupper()
        spans, stop, cut = self._scan(tokens, start, capital, surface=True)
        tries = [spans]
        for k in range(start, stop + 1):
            if tokens[k - 1].surface is not None:  # the words may differ from the surface
                words, stop_words, cut_words = self._scan(tokens, start, capital, surface=False)
                stop, cut = max(stop, stop_words), cut or cut_words
                if words != spans:
                    tries.append(words)
                break
        found = tuple(tuple((j - start, vals) for j, vals in spans) for spans in tries if spans)
        cache = self._scan_cache
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        if start < len(tokens):  # (a last word's key tells all: no end mark)
            for j in range(start + len(key) // 2, stop + 1):  # the words read past the key
                cache[key] = False
                key += (tokens[j - 1].surface, tokens[j - 1].form)
            if cut:
                cache[key] = False
                key += (None,)
        cache[key] = found
        return found

    def _may_start(self, word: str) -> bool:
        """Whether some name may start with this word as written (cached)."""
        known = self._starts_cache.get(word)
        if known is None:
            if len(self._starts_cache) >= _CACHE_SIZE:
                self._starts_cache.clear()
            known = self._starts_cache[word] = self._starts_with(word, word[:1].isupper())
        return known

    def _starts_with(self, word: str, capital: bool) -> bool:
        """Whether some name may start with this word, written with a capital or not (a name that
        needs one cannot start with "said", "in": most short words begin some longer name)."""
        f = _folded_key(word)
        if f in self._prefixes or capital and f in self._capital_prefixes or not f and f in self._folded:
            return True  # ("" may be a key but is no prefix)
        if not self._exact:
            return False
        e = _exact_key(word)
        return e in self._exact_prefixes or e in self._exact

    def _scan(self, tokens: Sequence[Token], start: int, capital: bool,
              surface: bool) -> tuple[list[tuple[int, tuple[V, ...]]], int, bool]:
        """Every match starting at ``start``, on surface text or on syntactic words, shortest
        first; the last token looked at; whether the tokens ran out before the names did."""
        out: list[tuple[int, tuple[V, ...]]] = []
        folded, prefixes, capital_prefixes = self._folded, self._prefixes, self._capital_prefixes
        exact, exact_prefixes = self._exact, self._exact_prefixes
        f = e = ""
        j = start
        while j <= len(tokens):
            tok = tokens[j - 1]
            word = tok.form if not surface or tok.surface is None else tok.surface  # (tok.text, inlined)
            f += _folded_key(word)
            found = folded.get(f)
            vals: list[V] = [v for v, cap in found if capital or not cap] if found else []
            more = f in prefixes or capital and f in capital_prefixes
            if exact:
                e += _exact_key(word)
                found_exact = exact.get(e)
                if found_exact:
                    vals = list(found_exact) + vals
                more = more or e in exact_prefixes
            if vals:
                out.append((j, tuple(vals)))
            if not more:
                break
            j += 1
        return out, min(j, len(tokens)), j > len(tokens)


def _folded(word: str) -> str:
    return compact(fold(word))


def _exact(word: str) -> str:
    return compact(strip_accents(word))


# A word's key among the folded names and among the exact ones (acronyms): see PhraseIndex.add.
_folded_key: Callable[[str], str] = StringMemo(_folded).__getitem__
_exact_key: Callable[[str], str] = StringMemo(_exact).__getitem__


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

    def any_hit_keys(self, folded_keys: AbstractSet[str], exact_keys: AbstractSet[str], tokens: Sequence[Token],
                     allowed: Iterable[int]) -> bool:
        """Whether any entry occurs in the allowed tokens (what a pattern condition needs), given
        the region's precomputed word keys (see ``region_keys``)."""
        if not self._single_folded.isdisjoint(folded_keys) or not self._single_exact.isdisjoint(exact_keys):
            return True
        if not self._starts or self._starts.isdisjoint(folded_keys):
            return False
        return bool(self.find(tokens, allowed, use_lemma=True))

    def may_hit(self, folded_keys: AbstractSet[str], exact_keys: AbstractSet[str]) -> bool:
        """False when no entry can occur in words with these keys (see ``region_keys``): a quick
        test over a whole sentence before testing its parts with ``any_hit_keys``."""
        return (not self._single_folded.isdisjoint(folded_keys) or not self._single_exact.isdisjoint(exact_keys)
                or bool(self._starts) and not self._starts.isdisjoint(folded_keys))


_NO_BITS: frozenset[int] = frozenset()


class WordSetIndex:
    """Many word sets indexed by their keys, to tell at once which of them may hit some words
    (``WordSet.may_hit`` for all): each set is a bit, each word key the bits of its sets."""

    def __init__(self, sets: Iterable[WordSet]) -> None:
        self.bits: dict[WordSet, int] = {}
        self._bit_sets: dict[tuple[str, str, str | None], frozenset[int]] = {}  # (form, lemma, surface) -> bits
        self._folded: dict[str, int] = {}
        self._exact: dict[str, int] = {}
        for ws in sets:
            if ws in self.bits:
                continue
            bit = self.bits[ws] = len(self.bits)
            for k in ws._single_folded | ws._starts:
                self._folded[k] = self._folded.get(k, 0) | 1 << bit
            for k in ws._single_exact:
                self._exact[k] = self._exact.get(k, 0) | 1 << bit

    def _bits_of_word(self, form: str, lemma: str, surface: str | None) -> int:
        """The sets that may hit one word, as an integer with their bits set."""
        keys, e = _word_keys(form, lemma, surface)
        out = self._exact.get(e, 0)
        for k in keys:
            out |= self._folded.get(k, 0)
        return out

    def bit_set(self, tokens: Iterable[Token]) -> set[int]:
        """The bits (numbers) of the indexed sets whose ``may_hit`` is true for the keys of these
        words (see ``region_keys``); testing a few numbers in a set costs less than masking a long
        integer."""
        out: set[int] = set()
        cache = self._bit_sets
        for t in tokens:
            key = (t.form, t.lemma, t.surface)
            found = cache.get(key)
            if found is None:
                m = self._bits_of_word(t.form, t.lemma, t.surface)
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                found = cache[key] = frozenset(i for i in range(m.bit_length()) if m >> i & 1) if m else _NO_BITS
            out |= found
        return out

    def bits_of(self, sets: Iterable[WordSet]) -> frozenset[int] | None:
        """The bits of some sets; None if one of them is not indexed."""
        out = set()
        for ws in sets:
            bit = self.bits.get(ws)
            if bit is None:
                return None
            out.add(bit)
        return frozenset(out)


def region_keys(tokens: Sequence[Token], allowed: Iterable[int]) -> tuple[set[str], set[str]]:
    """Folded keys (forms, lemmas, surfaces) and exact keys (surfaces) of some tokens (sets to
    read, not to change)."""
    folded: set[str] = set()
    exact: set[str] = set()
    for i in allowed:
        t = tokens[i - 1]
        keys, e = _word_keys(t.form, t.lemma, t.surface)
        folded.update(keys)
        exact.add(e)
    return folded, exact


@lru_cache(maxsize=200_000)
def _word_keys(form: str, lemma: str, surface: str | None) -> tuple[tuple[str, ...], str]:
    """A word's folded keys (form, lemma, surface) and exact key (its text), for ``region_keys``."""
    keys = (_folded_key(form), _folded_key(lemma)) + ((_folded_key(surface),) if surface else ())
    return keys, _exact_key(form if surface is None else surface)

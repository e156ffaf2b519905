"""Text normalisation used for every dictionary match."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

V = TypeVar("V")

_APOSTROPHES = "’ʼ`‘"  # written as "'"


def _unify_apostrophes(s: str) -> str:
    """Every apostrophe as "'" (replaced one kind at a time: ``str.translate`` costs some 80 ns a
    character on text that is not ASCII, a search for each kind a few)."""
    for a in _APOSTROPHES:
        if a in s:
            s = s.replace(a, "'")
    return s


def _without_marks(s: str) -> str:
    """Accented letters as their base letters: 'Pékin' -> 'Pekin'."""
    if s.isascii():  # nothing to decompose
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def _fold(s: str) -> str:
    return _without_marks(_unify_apostrophes(s).casefold())


class StringMemo(dict[str, V]):
    """A bounded memo of a function of one string, read as a dict lookup done in C (cheaper than
    ``lru_cache`` for the words coding folds some 60 times a sentence); emptied when full. Use
    its ``__getitem__`` as the function."""

    def __init__(self, fn: Callable[[str], V], size: int = 200_000):
        super().__init__()
        self.fn, self.size = fn, size

    def __missing__(self, s: str) -> V:
        if len(self) >= self.size:
            self.clear()
        out = self[s] = self.fn(s)
        return out


# Lower-case, strip accents, unify apostrophes: 'Pékin' -> 'pekin'.
fold: Callable[[str], str] = StringMemo(_fold).__getitem__
# The same for a whole sentence or story, not memoized: words repeat, texts do not, and a memo of
# texts would only fill up (to 200,000 stories' worth) and push the words out.
fold_text: Callable[[str], str] = _fold


def decomposed(s: str) -> str:
    """``fold`` but for the removal of accents, which costs most: accented letters come out as
    the letter and combining marks ('Pékin' -> 'pe' + U+0301 + 'kin'). Not memoized (for texts)."""
    s = _unify_apostrophes(s).casefold()
    return s if s.isascii() else unicodedata.normalize("NFKD", s)


def _strip_accents(s: str) -> str:
    return _without_marks(_unify_apostrophes(s))


def _compact(s: str) -> str:
    return s.replace(" ", "").replace("-", "").replace("\u2011", "")


# Unify apostrophes and strip accents, keeping case: 'Pékin' -> 'Pekin'.
strip_accents: Callable[[str], str] = StringMemo(_strip_accents).__getitem__
# Drop the spaces and hyphens that tokenizers treat differently ('al-Assad' ~ 'al Assad').
compact: Callable[[str], str] = StringMemo(_compact).__getitem__


# A wire-copy dateline at the start of a story: "BEIRUT, Dec 6 (Reuters) -", "PARIS (AFP) -",
# "Damas, 6 décembre 2016 (AFP) -", "WASHINGTON —". Parsed as words, the city would become the
# subject of the first sentence ("BEIRUT ... said" -> LBNGOV).
_DATELINE = re.compile(
    r"""^\s*
    (?: [A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{1,40}                       # CITY in capitals
        (?:,\s*[^()\n\-–—]{1,40}?)?\s*(?:\([^()\n]{1,30}\))?  # optional ", date" and "(Agency)"
      | [A-ZÀ-Ý][^()\n\-–—]{1,60}?\s*\((?:AFP|Reuters|AP|Xinhua|ANSA|Belga|EFE|DPA|dpa|Anadolu|Interfax|TASS|IRNA|SANA|RIA|APS|MAP|ATS|Kyodo|Yonhap|UPI|Bernama)\)
    )\s*[-–—]+\s+""",
    re.VERBOSE,
)


def blank_dateline(text: str) -> str:
    """The text with a leading dateline replaced by spaces (character offsets are kept)."""
    m = _DATELINE.match(text)
    if not m:
        return text
    return " " * m.end() + text[m.end():]


# English hyphenated modifiers that the parsers split badly ("Saudi-" "led" as the root of the
# sentence). "X-led" names the leader, so the modifier keeps X and drops "-led" ("Saudi coalition"
# -> SAUMIL); "X-backed" names a sponsor or a place, not the actor itself, so it goes entirely
# ("Iran-backed Houthi rebels" -> the Houthis); so do "X-bound", a destination ("a Gaza-bound
# flotilla"), and "X-recognised" ("the U.N.-recognised government" is Libya's, not the U.N.).
_LEADER_SUFFIX = re.compile(r"(?<=[\w.])-led\b")
_SPONSOR_MODIFIER = re.compile(
    r"(?:\b(?!(?:The|A|An|In|On|At|By|For|And|But)\b)[A-Z][\w.]*\s+)*"  # "United States-backed"
    r"(?<![\w-])[\w.]+-(?:backed|supported|sponsored|funded|financed|allied|aligned|armed|trained|based|born|bound|recognised|recognized)\b"
)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def for_parser(text: str, lang: str | None) -> str:
    """The text given to the parser: the dateline blanked and, in English, hyphenated
    leader/sponsor modifiers rewritten (same length, so character offsets are kept)."""
    text = blank_dateline(text)
    if lang == "en" and "-" in text:
        text = _SPONSOR_MODIFIER.sub(_blank, _LEADER_SUFFIX.sub(_blank, text))
    return text

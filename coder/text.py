"""Text normalisation used for every dictionary match."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Lower-case, strip accents, unify apostrophes: 'Pékin' -> 'pekin'."""
    s = unicodedata.normalize("NFKD", s.translate(_APOSTROPHES).casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_APOSTROPHES))
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def compact(s: str) -> str:
    """Drop the spaces and hyphens that tokenizers treat differently ('al-Assad' ~ 'al Assad')."""
    return s.replace(" ", "").replace("-", "").replace("\u2011", "")


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

"""Text normalisation used for every dictionary match."""

from __future__ import annotations

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


def compact(s: str) -> str:
    """Drop the spaces and hyphens that tokenizers treat differently ('al-Assad' ~ 'al Assad')."""
    return s.replace(" ", "").replace("-", "").replace("\u2011", "")

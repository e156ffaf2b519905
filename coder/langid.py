"""Language identification from the stop words each language's dictionary declares."""

from __future__ import annotations

import re

from coder.dictionaries.model import Dictionaries
from coder.text import fold

_WORD = re.compile(r"\w+", re.UNICODE)


def detect(text: str, dicts: Dictionaries) -> str | None:
    """The language whose stop words are most frequent in the text, or None when none occur.
    Dictionaries for a single language (an imported PETRARCH set) give that language."""
    if len(dicts.lexicons) == 1:
        return next(iter(dicts.lexicons))
    words = [fold(w) for w in _WORD.findall(text[:5000])]
    best, best_n = None, 0
    for code, lex in dicts.lexicons.items():
        n = sum(1 for w in words if w in lex.language.stopwords)
        if n > best_n:
            best, best_n = code, n
    return best

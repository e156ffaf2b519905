"""Dictionaries: loading, validation, import of PETRARCH/TABARI files."""

from __future__ import annotations

import gc
from pathlib import Path

from coder.dictionaries.model import Dictionaries
from coder.dictionaries.native import DictionaryErrors, default_dictionary_dir, load_native
from coder.dictionaries.yamlfile import DictionaryError

__all__ = ["Dictionaries", "DictionaryError", "DictionaryErrors", "load_dictionaries", "default_dictionary_dir"]

_CACHE: dict[str, Dictionaries] = {}


def load_dictionaries(path: str | Path | None = None) -> Dictionaries:
    """Load a dictionary directory (default: the shipped one), native or a directory of PETRARCH
    files; cached per process.

    The loaded dictionaries live as long as the process, so they are moved out of the cyclic
    garbage collector's way (``gc.freeze``): their millions of index entries would otherwise be
    traversed by every full collection (about 0.3 s each), which coding triggers now and then."""
    root = Path(path) if path else default_dictionary_dir()
    key = str(root.resolve())
    if key not in _CACHE:
        from coder.dictionaries.petrarch import is_petrarch_dir, load_petrarch_dir

        # a directory of PETRARCH/TABARI files is imported in memory (see `coder dict import`)
        _CACHE[key] = load_petrarch_dir(root)[0] if is_petrarch_dir(root) else load_native(root)[0]
        gc.freeze()
    return _CACHE[key]

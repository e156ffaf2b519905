"""coder: political event coding (CAMEO) from news text, over Universal Dependencies parses."""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from coder.pipeline import Pipeline

_PIPELINES: dict[tuple, Pipeline] = {}


def _pipeline(**kwargs: Any) -> Pipeline:
    from coder.dictionaries import load_dictionaries
    from coder.pipeline import Pipeline

    key = tuple(sorted((k, str(v)) for k, v in kwargs.items()))
    if key not in _PIPELINES:
        dicts = load_dictionaries(kwargs.pop("dictionaries", None))
        _PIPELINES[key] = Pipeline(dictionaries=dicts, **kwargs)
    return _PIPELINES[key]


def code_stories(stories: Any, lang: str | None = None, **options: Any) -> pd.DataFrame:
    """Code many stories: an iterable of ``Story`` or of dicts with id, date, language, text...
    Returns a DataFrame with the columns of the Parquet file (see README). Options: dictionaries,
    models, cache, device, batch_size, context, require_target."""
    from coder.doc import Story
    from coder.ingest import Reject, _story

    items = []
    for n, s in enumerate(stories, 1):
        items.append(s if isinstance(s, Story) else _story(dict(s), "<api>", n, f"story-{n}", {}))
    pipe = _pipeline(**options)
    from coder.pipeline import RunStats

    stats = RunStats()
    df = pipe.code_table(items, lang, stats).to_pandas()
    df.attrs["rejects"] = [str(r) for r in stats.rejects if isinstance(r, Reject)]
    return df


def code_text(text: str, lang: str = "auto", date: str | None = None, **options: Any) -> pd.DataFrame:
    """Code one text: ``coder.code_text("Damascus rejected any truce.", lang="en", date="2016-12-06")``."""
    from coder.doc import Story

    df = code_stories([Story("text", text, date, None if lang == "auto" else lang)], lang, **options)
    if df.attrs.get("rejects"):
        raise ValueError("; ".join(df.attrs["rejects"]))
    return df


__all__ = ["__version__", "code_text", "code_stories"]

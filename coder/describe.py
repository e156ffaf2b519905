"""`coder describe`: what an event file or dataset contains."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from coder import cameo

COLUMNS = ["story_id", "sentence_id", "date", "language", "source", "target", "root_code", "quad_class",
           "goldstein"]
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def describe(path: str | Path, top: int = 10) -> dict[str, Any]:
    """Counts of an event file or dataset: dates, stories, sentences, root codes, quad classes, dyads, actors."""
    from coder.dataset import dataset_metadata, read_dataset

    df = read_dataset(path, COLUMNS)
    dates = pd.to_datetime(df["date"]).dropna()
    target = df["target"].fillna("")
    dyads = df[target != ""].groupby(["source", "target"]).size().sort_values(ascending=False, kind="stable")
    actors = pd.concat([df["source"], target[target != ""]]).value_counts()
    roots = df["root_code"].value_counts().sort_index()
    quads = df["quad_class"].value_counts().sort_index()
    return {
        "path": str(path),
        "events": len(df),
        "first_date": dates.min().date().isoformat() if len(dates) else None,
        "last_date": dates.max().date().isoformat() if len(dates) else None,
        "undated_events": int(df["date"].isna().sum()),
        "stories": int(df["story_id"].nunique()),
        "sentences_with_events": int(df[["story_id", "sentence_id"]].drop_duplicates().shape[0]),
        "languages": {k: int(v) for k, v in df["language"].fillna("").value_counts().items()},
        "root_codes": [{"root_code": rc, "name": cameo.event_types()[rc].name.title() if rc in cameo.event_types()
                        else "", "events": int(n)} for rc, n in roots.items()],
        "quad_classes": [{"quad_class": int(q), "name": QUADS.get(int(q), ""), "events": int(n)} for q, n in quads.items()],
        "goldstein_mean": round(float(df["goldstein"].mean()), 3) if df["goldstein"].notna().any() else None,
        "top_dyads": [{"source": s, "target": t, "events": int(n)} for (s, t), n in dyads.head(top).items()],
        "top_actors": [{"actor": a, "name": cameo.actor_name(a), "events": int(n)} for a, n in actors.head(top).items()],
        "metadata": dataset_metadata(path),
    }


def render(d: dict[str, Any]) -> str:
    """The description as plain text."""
    lines = [
        f"{d['path']}: {d['events']} events, {d['stories']} stories, {d['sentences_with_events']} sentences with events",
        f"dates: {d['first_date']} .. {d['last_date']}" + (f"  ({d['undated_events']} undated events)"
                                                           if d["undated_events"] else ""),
        "languages: " + ", ".join(f"{k or '?'} {v}" for k, v in d["languages"].items()),
        "coder: " + ", ".join(f"{k}={v}" for k, v in d["metadata"].items()),
        "", "events by root code:",
        *(f"  {r['root_code']}  {r['name']:<40} {r['events']:>7}" for r in d["root_codes"]),
        "", "events by quad class:",
        *(f"  {q['quad_class']}  {q['name']:<40} {q['events']:>7}" for q in d["quad_classes"]),
        "", "top dyads:",
        *(f"  {x['source']:>12} -> {x['target']:<12} {x['events']:>7}" for x in d["top_dyads"]),
        "", "top actors:",
        *(f"  {a['actor']:<12} {a['name']:<36} {a['events']:>7}" for a in d["top_actors"]),
    ]
    return "\n".join(lines)

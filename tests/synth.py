"""Synthetic event tables with THE schema (no parsing needed)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa

from coder import cameo
from coder.records import SCHEMA, to_table


def row(event_id: str, story_id: str, date: dt.date | None, source: str = "RUS", target: str = "SYRREB",
        code: str = "190", sentence_id: int = 0, **kw) -> dict:
    et = cameo.event_type(code)
    out = {c: None for c in SCHEMA.names}
    sc, sa = cameo.split_actor(source)
    tc, ta = cameo.split_actor(target) if target else ("", "")
    out.update(event_id=event_id, story_id=story_id, sentence_id=sentence_id, date=date, language="en",
               source=source, source_country=sc, source_agent=sa, source_text=source.lower(),
               target=target, target_country=tc, target_agent=ta, target_text=target.lower(),
               code=code, root_code=et.root_code, quad_class=et.quad_class, goldstein=cameo.goldstein(code),
               verb="v", pattern_id=f"en.test.{code}", verb_index=2, sentence=f"{source} did {code} to {target}.",
               coder_version="test")
    out.update(kw)
    return out


# (story, date, source, target, code): a small war over three months, with one undated story
EVENTS = [
    ("s1", dt.date(2016, 9, 1), "RUSMIL", "SYRREB", "195"),
    ("s1", dt.date(2016, 9, 1), "SYRMIL", "SYRREB", "190"),
    ("s2", dt.date(2016, 9, 12), "USA", "RUS", "036"),
    ("s2", dt.date(2016, 9, 12), "RUS", "USA", "036"),
    ("s3", dt.date(2016, 10, 8), "RUSGOV", "IGOUNO", "129"),
    ("s3", dt.date(2016, 10, 8), "FRA", "RUSGOV", "111"),
    ("s4", dt.date(2016, 10, 20), "SYRMIL", "SYRREB", "190"),
    ("s4", dt.date(2016, 10, 20), "IGOUNO", "SYRGOV", "1041"),
    ("s5", dt.date(2016, 12, 13), "RUS", "TUR", "057"),
    ("s5", dt.date(2016, 12, 13), "SYRGOV", "", "1246"),
    ("s6", None, "TUR", "RUS", "040"),
]


def events_table(events: list[tuple] = EVENTS) -> pa.Table:
    rows = [row(f"e{i:03d}", s, d, src, tgt, code, sentence_id=i % 3) for i, (s, d, src, tgt, code) in enumerate(events)]
    return to_table(rows)


def events_frame(events: list[tuple] = EVENTS) -> pd.DataFrame:
    return events_table(events).to_pandas()

"""THE event record: one pyarrow schema, stable event ids, atomic Parquet writing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder import cameo
from coder.atomic import atomic_path
from coder.coding.actors import Actor
from coder.coding.engine import CodedEvent
from coder.doc import ParsedStory

_S, _I, _F = pa.string(), pa.int32(), pa.float64()
SCHEMA = pa.schema([
    pa.field("event_id", _S, nullable=False, metadata={"doc": "stable id: same story, same dictionaries -> same id"}),
    pa.field("story_id", _S, nullable=False),
    pa.field("sentence_id", _I, nullable=False, metadata={"doc": "0-based sentence index in the story"}),
    pa.field("date", pa.date32(), metadata={"doc": "story date"}),
    pa.field("language", _S),
    pa.field("source", _S, nullable=False, metadata={"doc": "CAMEO actor code, e.g. SYRGOV"}),
    pa.field("source_country", _S),
    pa.field("source_agent", _S),
    pa.field("source_group", _S, metadata={"doc": "known-group code of an armed group, e.g. HMS (Hamas, coded PSEREB)"}),
    pa.field("source_text", _S),
    pa.field("target", _S, metadata={"doc": "CAMEO actor code; empty string when no target was found"}),
    pa.field("target_country", _S),
    pa.field("target_agent", _S),
    pa.field("target_group", _S, metadata={"doc": "known-group code of an armed group, e.g. HMS (Hamas, coded PSEREB)"}),
    pa.field("target_text", _S),
    pa.field("code", _S, nullable=False, metadata={"doc": "CAMEO event code, leading zeros kept"}),
    pa.field("root_code", _S, nullable=False),
    pa.field("quad_class", pa.int8(), nullable=False, metadata={"doc": "1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"}),
    pa.field("goldstein", _F),
    pa.field("verb", _S, metadata={"doc": "lemma of the verb or event noun"}),
    pa.field("pattern_id", _S, nullable=False, metadata={"doc": "the dictionary entry that fired"}),
    pa.field("verb_index", _I, metadata={"doc": "1-based token id of the verb in the sentence"}),
    pa.field("source_start", _I), pa.field("source_end", _I),
    pa.field("target_start", _I), pa.field("target_end", _I),
    pa.field("sentence", _S),
    pa.field("coder_version", _S),
])
COLUMNS = SCHEMA.names
# Columns added after the first release: older files lack them (read as empty).
LATER_COLUMNS = ("source_group", "target_group")


def event_id(story_id: str, e: CodedEvent) -> str:
    key = "\x1f".join(map(str, (story_id, e.sentence, e.pred, e.code, e.source.code, e.source.head,
                                e.target.code if e.target else "", e.target.head if e.target else "")))
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _actor_cols(prefix: str, a: Actor | None, group_in_code: bool = False) -> dict:
    if a is None:
        return {prefix: "", f"{prefix}_country": "", f"{prefix}_agent": "", f"{prefix}_group": "", f"{prefix}_text": "",
                f"{prefix}_start": None, f"{prefix}_end": None}
    country, agent = cameo.split_actor(a.code)
    code = a.code + a.group if group_in_code else a.code
    return {prefix: code, f"{prefix}_country": country, f"{prefix}_agent": agent, f"{prefix}_group": a.group,
            f"{prefix}_text": a.text,
            f"{prefix}_start": a.start, f"{prefix}_end": a.end}


def rows_for(ps: ParsedStory, events: Iterable[CodedEvent], groups_in_codes: bool = False) -> list[dict]:
    """Event records; ``groups_in_codes``: an armed group's known group inside its actor code too
    (``PSEREBHMS``; ``*_group`` still gives it)."""
    from datetime import date

    from coder import __version__

    st = ps.story
    d = date.fromisoformat(st.date) if st.date else None
    out = []
    for e in events:
        et = cameo.event_type(e.code)
        row = {
            "event_id": event_id(st.id, e), "story_id": st.id, "sentence_id": e.sentence, "date": d,
            "language": st.language or "", "code": e.code, "root_code": et.root_code,
            "quad_class": et.quad_class, "goldstein": cameo.goldstein(e.code), "verb": e.lemma,
            "pattern_id": e.pattern.id, "verb_index": e.pred,
            "sentence": ps.sentences[e.sentence].text, "coder_version": __version__,
        }
        row.update(_actor_cols("source", e.source, groups_in_codes))
        row.update(_actor_cols("target", e.target, groups_in_codes))
        out.append(row)
    return out


def to_table(rows: list[dict], metadata: dict[str, str] | None = None) -> pa.Table:
    table = pa.Table.from_pylist(rows, schema=SCHEMA) if rows else SCHEMA.empty_table()
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                               b"coder": json.dumps(metadata).encode()})
    return table


def write_parquet(table: pa.Table, path: str | Path) -> None:
    """Write atomically: a temporary file in the same directory, then a rename."""
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd")


def read_events(path: str | Path):
    """Events as a pandas DataFrame with the SCHEMA columns: a Parquet file or a dataset directory."""
    from coder.dataset import read_dataset

    return read_dataset(path)

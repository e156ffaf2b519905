"""Reading stories: .txt, .jsonl, .csv, .parquet, directories of .txt, and pre-parsed .conllu.

Every problem becomes a ``Reject`` naming the file, the line (or row) and the story; the other
stories go on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path

from coder.conllu import ConlluError, read_conllu
from coder.doc import ParsedStory, Story

FIELDS = ("id", "date", "language", "title", "text", "source", "url")
SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".parquet", ".conllu")


@dataclass(frozen=True)
class Reject:
    file: str
    line: int | None
    story_id: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        sid = f" story {self.story_id!r}" if self.story_id else ""
        return f"{where}:{sid} {self.reason}"


Item = Story | ParsedStory | Reject


def normalize_date(value: object) -> str | None:
    """ISO date 'YYYY-MM-DD' from a date-like value; ValueError when it is not one."""
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    s = str(value).strip()
    d = s[:10]
    try:
        _date.fromisoformat(d)
    except ValueError:
        raise ValueError(f"bad date {s!r} (expected YYYY-MM-DD)") from None
    if len(s) > 10 and s[10] not in "T ":
        raise ValueError(f"bad date {s!r} (expected YYYY-MM-DD)")
    return d


def _story(rec: dict, file: str, line: int | None, default_id: str, defaults: dict) -> Story | Reject:
    sid = str(rec.get("id") or rec.get("story_id") or default_id)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Reject(file, line, sid, "story has no text")
    try:
        date = normalize_date(rec.get("date") or defaults.get("date"))
    except ValueError as e:
        return Reject(file, line, sid, str(e))
    lang = rec.get("language") or rec.get("lang") or defaults.get("language")
    meta = {k: v for k, v in rec.items() if k not in FIELDS and k not in ("story_id", "lang")}
    def opt(k: str) -> str | None:
        v = rec.get(k)
        return None if v is None or (isinstance(v, float) and v != v) else str(v)
    return Story(sid, text, date, str(lang) if lang else None, opt("title"), opt("source"), opt("url"), meta)


def _jsonl(path: Path, defaults: dict) -> Iterator[Item]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield Reject(str(path), n, None, f"broken JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(rec, dict):
                yield Reject(str(path), n, None, "a JSON line must be an object")
                continue
            yield _story(rec, str(path), n, f"{path.stem}-{n}", defaults)


def _csv(path: Path, defaults: dict) -> Iterator[Item]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield Reject(str(path), 1, None, f"CSV needs a 'text' column (has {reader.fieldnames})")
            return
        for rec in reader:
            yield _story(dict(rec), str(path), reader.line_num, f"{path.stem}-{reader.line_num}", defaults)


def _parquet(path: Path, defaults: dict) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    if "text" not in pf.schema_arrow.names:
        yield Reject(str(path), None, None, f"Parquet needs a 'text' column (has {pf.schema_arrow.names})")
        return
    row = 0
    for batch in pf.iter_batches(batch_size=1024):
        for rec in batch.to_pylist():
            row += 1
            yield _story(rec, str(path), row, f"{path.stem}-{row}", defaults)


def _txt(path: Path, defaults: dict) -> Iterator[Item]:
    yield _story({"id": path.stem, "text": path.read_text(encoding="utf-8")}, str(path), None, path.stem, defaults)


def _conllu(path: Path, defaults: dict) -> Iterator[Item]:
    for item in read_conllu(path, defaults.get("date"), defaults.get("language")):
        if isinstance(item, ConlluError):
            file, _, rest = str(item).partition(":")
            line, _, msg = rest.partition(":")
            yield Reject(file, int(line) if line.isdigit() else None, item.story_id, msg.strip() or str(item))
            continue
        st = item.story
        if st.date:
            try:
                st.date = normalize_date(st.date)
            except ValueError as e:
                yield Reject(str(path), None, st.id, str(e))
                continue
        yield item


READERS = {".jsonl": _jsonl, ".json": _jsonl, ".csv": _csv, ".parquet": _parquet, ".txt": _txt, ".conllu": _conllu}


def read_inputs(paths: list[str | Path], date: str | None = None, language: str | None = None) -> Iterator[Item]:
    """Stories (or pre-parsed stories) from files and directories, with rejects for what is broken."""
    defaults = {"date": date, "language": language}
    for p in map(Path, paths):
        files = sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES) if p.is_dir() else [p]
        if p.is_dir() and not files:
            yield Reject(str(p), None, None, f"no input files ({', '.join(SUFFIXES)}) in directory")
        for f in files:
            reader = READERS.get(f.suffix.lower())
            if reader is None:
                yield Reject(str(f), None, None, f"unsupported file type {f.suffix!r} (use {', '.join(SUFFIXES)})")
                continue
            try:
                yield from reader(f, defaults)
            except (OSError, UnicodeDecodeError, csv.Error) as e:
                yield Reject(str(f), None, None, f"cannot read file: {e}")
            except Exception as e:  # noqa: BLE001 - a broken file never stops the run
                yield Reject(str(f), None, None, f"cannot read file: {type(e).__name__}: {e}")

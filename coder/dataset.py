"""The output dataset: one Parquet file or a hive-partitioned directory (year=YYYY/month=MM), written
atomically and streamed (memory stays flat), with append semantics keyed on story ids.

Layout of a directory dataset::

    OUT/year=2016/month=09/part-<uuid>.parquet
    OUT/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-<uuid>.parquet   (no date)

Part files hold exactly ``coder.records.SCHEMA``; ``year``/``month`` live only in the paths, so pandas,
pyarrow, DuckDB (``hive_partitioning``) and polars add them as extra columns; ``read_dataset`` drops them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from coder.records import COLUMNS, LATER_COLUMNS, SCHEMA

NULL_PARTITION = "0000"
META_KEY = b"coder"
SCHEMA_KEY = b"coder_schema"
PART_GLOB = "year=*/month=*/*.parquet"
STAGED = ".parquet.staged"  # staged parts never match *.parquet globs


def is_file_output(out: str | Path) -> bool:
    """A path ending in ``.parquet`` is a single file; anything else is a dataset directory."""
    return str(out).endswith(".parquet")


def _schema_json() -> str:
    return json.dumps([{"name": f.name, "type": str(f.type), "nullable": f.nullable,
                        "doc": (f.metadata or {}).get(b"doc", b"").decode()} for f in SCHEMA])


def _file_schema(metadata: dict[str, str] | None) -> pa.Schema:
    return SCHEMA.with_metadata({META_KEY: json.dumps(metadata or {}, sort_keys=True).encode(),
                                 SCHEMA_KEY: _schema_json().encode()})


def _id_key(event_id: str) -> int:
    try:
        return int(event_id[:16], 16)
    except ValueError:
        return int.from_bytes(hashlib.blake2b(event_id.encode(), digest_size=8).digest(), "big")


class _SeenIds:
    """Event ids written in this run, as 8-byte keys: a sorted array, and a small sorted array of
    the latest ones, merged into it when full (8 bytes an event, looked up a batch at a time)."""

    def __init__(self, pending_max: int = 65_536) -> None:
        self._sorted = np.empty(0, dtype=np.uint64)
        self._pending = np.empty(0, dtype=np.uint64)
        self._pending_max = pending_max

    @staticmethod
    def _keys(ids: list[str]) -> np.ndarray:
        return np.fromiter(map(_id_key, ids), dtype=np.uint64, count=len(ids))

    @staticmethod
    def _in(known: np.ndarray, keys: np.ndarray) -> np.ndarray:
        if not len(known):
            return np.zeros(len(keys), dtype=bool)
        i = np.minimum(np.searchsorted(known, keys), len(known) - 1)
        return known[i] == keys

    def _known(self, keys: np.ndarray) -> np.ndarray:
        return self._in(self._sorted, keys) | self._in(self._pending, keys)

    def add_new(self, ids: list[str]) -> np.ndarray:
        """Record ids; return a mask of those not seen before (first occurrence wins)."""
        keys = self._keys(ids)
        mask = ~self._known(keys)
        first = np.zeros(len(keys), dtype=bool)
        first[np.unique(keys, return_index=True)[1]] = True  # (repeats within the batch)
        mask &= first
        self._pending = np.sort(np.concatenate([self._pending, keys[mask]]))
        if len(self._pending) >= self._pending_max:
            self._sorted = np.sort(np.concatenate([self._sorted, self._pending]), kind="stable")
            self._pending = np.empty(0, dtype=np.uint64)
        return mask

    def contains(self, ids: list[str]) -> np.ndarray:
        return self._known(self._keys(ids))


def _normalize(table: pa.Table) -> pa.Table:
    for c in LATER_COLUMNS:  # parts written before these columns existed: empty
        if c not in table.column_names:
            table = table.append_column(c, pa.nulls(len(table), SCHEMA.field(c).type))
    missing = [c for c in COLUMNS if c not in table.column_names]
    if missing:
        raise ValueError(f"event table lacks columns: {', '.join(missing)}")
    return table.select(COLUMNS).cast(SCHEMA)


def _partition_keys(table: pa.Table) -> np.ndarray:
    """year*100+month per row, -1 for rows without a date."""
    dates = table.column("date")
    key = pc.add(pc.multiply(pc.year(dates), 100), pc.month(dates))
    return pc.fill_null(key, -1).to_numpy(zero_copy_only=False)


def _partition_dir(key: int) -> str:
    if key < 0:
        return f"year={NULL_PARTITION}/month=00"
    return f"year={key // 100:04d}/month={key % 100:02d}"


class DatasetWriter:
    """Stream event tables into ``out`` and install them atomically on ``commit``.

    ``append=True`` keeps existing events except those of the story ids written in this run; otherwise
    the result replaces whatever dataset was at ``out``. Within one run an event id is written once.
    """

    def __init__(self, out: str | Path, metadata: dict[str, str] | None = None, append: bool = False,
                 *, row_group_rows: int = 20_000, max_buffered_rows: int = 100_000, max_open: int = 32) -> None:
        self.out = Path(out)
        self.append = append
        self.is_file = is_file_output(out)
        self.schema = _file_schema(metadata)
        self.rows = 0
        self._stories: set[str] = set()
        self._seen = _SeenIds()
        self._buffers: dict[int, list[pa.Table]] = {}
        self._buffered: dict[int, int] = {}
        self._writers: OrderedDict[int, pq.ParquetWriter] = OrderedDict()
        self._row_group_rows, self._max_buffered, self._max_open = row_group_rows, max_buffered_rows, max_open
        self._done = False
        tag = uuid.uuid4().hex[:12]
        if self.is_file:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self._stage = self.out.parent / f".{self.out.name}.{tag}.tmp"
        else:
            if self.out.exists() and not self.out.is_dir():
                raise ValueError(f"{self.out} exists and is not a directory (a single file must end in .parquet)")
            self.out.mkdir(parents=True, exist_ok=True)
            self._stage = self.out.parent / f".{self.out.name}.staging-{tag}"
            self._stage.mkdir()

    # -- writing ---------------------------------------------------------------------------------
    def write(self, table: pa.Table) -> None:
        """Add a batch of event rows (coder.records.SCHEMA columns)."""
        if self._done:
            raise RuntimeError("DatasetWriter is already committed or aborted")
        if table.num_rows == 0:
            return
        table = _normalize(table)
        mask = self._seen.add_new(table.column("event_id").to_pylist())
        if not mask.all():
            table = table.filter(pa.array(mask))
        if self.append:  # (the stories whose old events an append replaces)
            self._stories.update(pc.unique(table.column("story_id")).to_pylist())
        self.rows += table.num_rows
        keys = np.zeros(table.num_rows, dtype=np.int64) if self.is_file else _partition_keys(table)
        for key in np.unique(keys):
            part = table if len(keys) == 0 or (keys == key).all() else table.filter(pa.array(keys == key))
            self._buffers.setdefault(int(key), []).append(part)
            self._buffered[int(key)] = self._buffered.get(int(key), 0) + part.num_rows
            if self._buffered[int(key)] >= self._row_group_rows:
                self._flush(int(key))
        if sum(self._buffered.values()) >= self._max_buffered:
            for key in list(self._buffers):
                self._flush(key)

    def _writer(self, key: int) -> pq.ParquetWriter:
        if key in self._writers:
            self._writers.move_to_end(key)
            return self._writers[key]
        if len(self._writers) >= self._max_open:
            _, oldest = self._writers.popitem(last=False)
            oldest.close()
        if self.is_file:
            path = self._stage
        else:
            path = self._stage / _partition_dir(key) / f"part-{uuid.uuid4().hex}{STAGED}"
            path.parent.mkdir(parents=True, exist_ok=True)
        w = pq.ParquetWriter(str(path), self.schema, compression="zstd")
        self._writers[key] = w
        return w

    def _flush(self, key: int) -> None:
        tables = self._buffers.pop(key, [])
        self._buffered.pop(key, None)
        if tables:
            self._writer(key).write_table(pa.concat_tables(tables).replace_schema_metadata(self.schema.metadata))

    def _close_writers(self) -> None:
        for key in list(self._buffers):
            self._flush(key)
        while self._writers:
            self._writers.popitem(last=False)[1].close()

    # -- keeping old rows --------------------------------------------------------------------------
    def _keep_mask(self, story_ids: pa.Array, event_ids: pa.Array) -> pa.Array:
        drop = pc.is_in(story_ids, value_set=pa.array(sorted(self._stories), pa.string()))
        drop = np.asarray(drop.to_numpy(zero_copy_only=False), dtype=bool) | self._seen.contains(event_ids.to_pylist())
        return pa.array(~drop)

    def _copy_kept(self, src: Path, writer: pq.ParquetWriter) -> int:
        n = 0
        f = pq.ParquetFile(src)
        for batch in f.iter_batches(columns=[c for c in COLUMNS if c in f.schema_arrow.names]):
            kept = pa.Table.from_batches([batch]).filter(self._keep_mask(batch.column("story_id"),
                                                                          batch.column("event_id")))
            if kept.num_rows:
                writer.write_table(_normalize(kept).replace_schema_metadata(writer.schema.metadata))
                n += kept.num_rows
        return n

    # -- installing ----------------------------------------------------------------------------------
    def commit(self) -> int:
        """Install the result atomically; return the number of rows written in this run."""
        if self._done:
            raise RuntimeError("DatasetWriter is already committed or aborted")
        try:
            for key in list(self._buffers):
                self._flush(key)
            if self.is_file:
                self._commit_file()
            else:
                self._commit_dir()
        except BaseException:
            self.abort()
            raise
        self._done = True
        return self.rows

    def _commit_file(self) -> None:
        if self.append and self.out.is_file():
            self._copy_kept(self.out, self._writer(0))
        elif not self._writers and not self._stage.exists():
            self._writer(0)
        self._close_writers()
        os.replace(self._stage, self.out)

    def _commit_dir(self) -> None:
        self._close_writers()
        old = sorted(self.out.glob(PART_GLOB))
        remove = old if not self.append else []
        kept_parts = 0
        for part in old if self.append else []:
            cols = pq.read_table(part, columns=["story_id", "event_id"])
            keep = self._keep_mask(cols.column("story_id").combine_chunks(), cols.column("event_id").combine_chunks())
            if pc.all(keep).as_py():
                kept_parts += 1
                continue
            remove.append(part)
            if pc.any(keep).as_py():
                dest = self._stage / part.parent.relative_to(self.out) / f"part-{uuid.uuid4().hex}{STAGED}"
                dest.parent.mkdir(parents=True, exist_ok=True)
                schema = SCHEMA.with_metadata(pq.read_schema(part).metadata)  # (its coder metadata)
                with pq.ParquetWriter(str(dest), schema, compression="zstd") as w:
                    self._copy_kept(part, w)
        staged = sorted(self._stage.glob(f"year=*/month=*/*{STAGED}"))
        if not staged and not kept_parts:
            empty = self._stage / _partition_dir(-1) / f"part-{uuid.uuid4().hex}{STAGED}"
            empty.parent.mkdir(parents=True, exist_ok=True)
            pq.ParquetWriter(str(empty), self.schema, compression="zstd").close()
            staged = [empty]
        self._install(staged, remove)

    def _install(self, staged: list[Path], remove: list[Path]) -> None:
        """Move old parts aside, move new parts in; undo on any failure."""
        trash = self._stage.with_name(self._stage.name.replace(".staging-", ".trash-"))
        trash.mkdir()
        moved_out: list[tuple[Path, Path]] = []
        moved_in: list[tuple[Path, Path]] = []
        try:
            for i, part in enumerate(remove):
                aside = trash / f"{i}.parquet"
                os.replace(part, aside)
                moved_out.append((part, aside))
            for src in staged:
                dest = self.out / src.relative_to(self._stage).with_suffix("")
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dest)
                moved_in.append((src, dest))
        except BaseException:
            for src, dest in reversed(moved_in):
                os.replace(dest, src)
            for part, aside in reversed(moved_out):
                os.replace(aside, part)
            shutil.rmtree(trash, ignore_errors=True)
            raise
        shutil.rmtree(trash, ignore_errors=True)
        shutil.rmtree(self._stage, ignore_errors=True)
        _remove_empty_partitions(self.out)

    def abort(self) -> None:
        """Drop everything written in this run; the previous dataset stays as it was."""
        if self._done:
            return
        self._done = True
        self._buffers.clear()
        while self._writers:
            with contextlib.suppress(Exception):
                self._writers.popitem(last=False)[1].close()
        if self._stage.is_dir():
            shutil.rmtree(self._stage, ignore_errors=True)
        else:
            self._stage.unlink(missing_ok=True)

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def _remove_empty_partitions(root: Path) -> None:
    for month in sorted(root.glob("year=*/month=*"), reverse=True):
        if month.is_dir() and not any(month.iterdir()):
            month.rmdir()
    for year in root.glob("year=*"):
        if year.is_dir() and not any(year.iterdir()):
            year.rmdir()


def _parts(path: str | Path) -> list[Path]:
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"no event file or dataset at {path}")
    return sorted(path.glob(PART_GLOB)) or sorted(p for p in path.glob("*.parquet") if not p.name.startswith("."))


def open_dataset(path: str | Path):
    """A ``pyarrow.dataset.Dataset`` over a file or a dataset directory, with exactly SCHEMA."""
    import pyarrow.dataset as ds

    return ds.dataset([str(p) for p in _parts(path)], format="parquet", schema=SCHEMA)


def iter_batches(path: str | Path, columns: list[str] | None = None, batch_size: int = 65_536):
    """Stream record batches of the events (only ``columns`` when given)."""
    yield from open_dataset(path).to_batches(columns=columns or COLUMNS, batch_size=batch_size)


def read_table(path: str | Path, columns: list[str] | None = None) -> pa.Table:
    return open_dataset(path).to_table(columns=columns or COLUMNS)


def read_dataset(path: str | Path, columns: list[str] | None = None):
    """Events of a file or a dataset directory as a pandas DataFrame with the SCHEMA columns
    (no year/month partition columns)."""
    return read_table(path, columns).to_pandas()


def dataset_metadata(path: str | Path) -> dict[str, str]:
    """The ``coder`` metadata of a file or dataset. When parts differ (appends by other coder versions
    or dictionaries), differing values are joined with `` | `` in sorted order; ``parts`` counts files."""
    values: dict[str, set[str]] = {}
    parts = _parts(path)
    for p in parts:
        raw = (pq.read_schema(p).metadata or {}).get(META_KEY)
        for k, v in (json.loads(raw) if raw else {}).items():
            values.setdefault(k, set()).add(str(v))
    out = {k: " | ".join(sorted(v)) for k, v in values.items()}
    out["parts"] = str(len(parts))
    return out

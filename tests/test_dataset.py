"""The dataset layer: partitioned layout readable by every tool, metadata, append, atomicity."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from synth import EVENTS, events_table, row

from coder.dataset import DatasetWriter, dataset_metadata, read_dataset
from coder.records import COLUMNS, SCHEMA, read_events, to_table

META = {"coder_version": "0.1.0", "cameo_version": "CAMEO 1.1b3", "dictionaries_hash": "abc123",
        "models": "en:default;fr:default"}


def _write(out, table, append=False, meta=META, **kw) -> int:
    with DatasetWriter(out, meta, append=append, **kw) as w:
        w.write(table)
    return w.rows


def _parts(out):
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())


def test_partitioned_layout_and_every_reader(tmp_path):
    out = tmp_path / "events"
    assert _write(out, events_table(), row_group_rows=2) == len(EVENTS)
    dirs = {p.rsplit("/", 1)[0] for p in _parts(out)}
    assert dirs == {"year=2016/month=09", "year=2016/month=10", "year=2016/month=12", "year=0000/month=00"}
    assert all(p.endswith(".parquet") and p.split("/")[-1].startswith("part-") for p in _parts(out))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # staging removed

    n = len(EVENTS)
    df = pd.read_parquet(out)
    assert len(df) == n and {"year", "month"} <= set(df.columns)
    assert sorted(df["event_id"]) == sorted(events_table().column("event_id").to_pylist())
    t = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert t.num_rows == n and t.schema.field("year").type == pa.int32()
    by_month = duckdb.sql(f"select year, month, count(*) n from read_parquet('{out}/**/*.parquet', "
                          "hive_partitioning=true) group by all order by all").fetchall()
    assert by_month == [("0000", "00", 1), ("2016", "09", 4), ("2016", "10", 4), ("2016", "12", 2)]
    pdf = pl.scan_parquet(out, hive_partitioning=True).collect()
    assert pdf.height == n and pdf.filter(pl.col("year") == 0)["story_id"].to_list() == ["s6"]

    mine = read_dataset(out)
    assert list(mine.columns) == COLUMNS and len(mine) == n
    assert list(read_events(out).columns) == COLUMNS
    undated = mine[mine["story_id"] == "s6"]
    assert undated["date"].isna().all()


def test_single_file_and_directory_read_the_same(tmp_path):
    _write(tmp_path / "ev.parquet", events_table())
    _write(tmp_path / "ev", events_table())
    a = read_dataset(tmp_path / "ev.parquet").sort_values("event_id", ignore_index=True)
    b = read_dataset(tmp_path / "ev").sort_values("event_id", ignore_index=True)
    pd.testing.assert_frame_equal(a, b)
    assert pq.read_table(tmp_path / "ev.parquet").schema.equals(SCHEMA, check_metadata=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev", "ev.parquet"]


@pytest.mark.parametrize("name", ["ev.parquet", "ev"])
def test_metadata_on_every_part(tmp_path, name):
    out = tmp_path / name
    _write(out, events_table())
    files = [out] if out.is_file() else list(out.rglob("*.parquet"))
    assert files
    for f in files:
        md = pq.read_schema(f).metadata
        assert json.loads(md[b"coder"]) == META
        assert [c["name"] for c in json.loads(md[b"coder_schema"])] == COLUMNS
        assert b"ARROW:schema" in pq.ParquetFile(f).metadata.metadata
    got = dataset_metadata(out)
    assert {k: got[k] for k in META} == META and int(got["parts"]) == len(files)


@pytest.mark.parametrize("name", ["ev.parquet", "ev"])
def test_append_replaces_recoded_story(tmp_path, name):
    out = tmp_path / name
    _write(out, events_table())
    # s3 is re-coded with new dictionaries: one event kept (same id), one gone, one new; s7 is new
    again = to_table([
        row("e004", "s3", dt.date(2016, 10, 8), "RUSGOV", "IGOUNO", "129"),
        row("e900", "s3", dt.date(2016, 10, 8), "GBR", "RUSGOV", "112"),
        row("e901", "s7", dt.date(2016, 11, 2), "USA", "SYRGOV", "172"),
    ])
    assert _write(out, again, append=True, meta={**META, "dictionaries_hash": "def456"}) == 3
    df = read_dataset(out)
    assert df["event_id"].is_unique
    assert sorted(df.loc[df["story_id"] == "s3", "event_id"]) == ["e004", "e900"]
    assert len(df) == len(EVENTS) - 2 + 3
    assert set(df["story_id"]) == {"s1", "s2", "s3", "s4", "s5", "s6", "s7"}
    # kept rows keep the metadata of the run that coded them (a single file has the last run's)
    expected = "abc123 | def456" if out.is_dir() else "def456"
    assert dataset_metadata(out)["dictionaries_hash"] == expected
    # the same run again: nothing changes
    _write(out, again, append=True)
    assert sorted(read_dataset(out)["event_id"]) == sorted(df["event_id"])


def test_duplicate_event_ids_in_one_run_written_once(tmp_path):
    t = events_table()
    with DatasetWriter(tmp_path / "ev", META) as w:
        w.write(t)
        w.write(t.slice(0, 3))
    assert w.rows == len(EVENTS)
    assert read_dataset(tmp_path / "ev")["event_id"].is_unique


def test_seen_ids_first_occurrence_wins_across_merges():
    import random

    from coder.dataset import _SeenIds

    rnd = random.Random(7)
    pool = [f"{rnd.getrandbits(64):016x}{k:08x}" for k in range(300)] + ["not-hex-1", "not-hex-2"]
    seen, reference = _SeenIds(pending_max=50), set()
    for _ in range(40):
        batch = [rnd.choice(pool) for _ in range(rnd.randint(0, 30))]
        expected = []
        for eid in batch:
            expected.append(eid not in reference)
            reference.add(eid)
        assert seen.add_new(batch).tolist() == expected
        assert seen.contains(pool).tolist() == [eid in reference for eid in pool]


@pytest.mark.parametrize("name", ["ev.parquet", "ev"])
def test_replace_without_append(tmp_path, name):
    out = tmp_path / name
    _write(out, events_table())
    _write(out, to_table([row("x1", "s9", dt.date(2017, 1, 5))]))
    df = read_dataset(out)
    assert df["event_id"].tolist() == ["x1"]
    if out.is_dir():
        assert [p.split("/")[0] for p in _parts(out)] == ["year=2017"]  # old partitions removed


@pytest.mark.parametrize("name", ["ev.parquet", "ev"])
def test_failed_run_leaves_previous_dataset_intact(tmp_path, name):
    out = tmp_path / name
    _write(out, events_table())
    before = read_dataset(out).sort_values("event_id", ignore_index=True)
    for append in (False, True):
        with pytest.raises(RuntimeError, match="boom"), DatasetWriter(out, META, append=append, row_group_rows=1) as w:
            w.write(to_table([row("y1", "s1", dt.date(2016, 9, 1))]))
            raise RuntimeError("boom")
        pd.testing.assert_frame_equal(read_dataset(out).sort_values("event_id", ignore_index=True), before)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no staging left behind


def test_failure_during_install_rolls_back(tmp_path, monkeypatch):
    out = tmp_path / "ev"
    _write(out, events_table())
    before = _parts(out)
    import coder.dataset as cd

    calls = {"n": 0}
    real = cd.os.replace

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] == len(before) + 1:  # old parts moved aside, first new part fails
            raise OSError("disk full")
        return real(src, dst)

    monkeypatch.setattr(cd.os, "replace", flaky)
    w = DatasetWriter(out, META)
    w.write(to_table([row("z1", "s1", dt.date(2016, 9, 1))]))
    with pytest.raises(OSError, match="disk full"):
        w.commit()
    monkeypatch.undo()
    assert _parts(out) == before and len(read_dataset(out)) == len(EVENTS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev"]


def test_empty_run_gives_readable_empty_dataset(tmp_path):
    out = tmp_path / "ev"
    assert _write(out, SCHEMA.empty_table()) == 0
    assert len(read_dataset(out)) == 0 and len(pd.read_parquet(out)) == 0
    assert duckdb.sql(f"select count(*) from read_parquet('{out}/**/*.parquet')").fetchall() == [(0,)]


def test_streaming_keeps_few_rows_buffered(tmp_path):
    t = events_table()
    w = DatasetWriter(tmp_path / "ev", META, row_group_rows=2, max_buffered_rows=4)
    for _ in range(3):
        w.write(pa.concat_tables([t]).set_column(0, "event_id", pa.array([f"{_}-{i}" for i in range(len(t))])))
        assert sum(w._buffered.values()) < 4
    assert w.commit() == 3 * len(EVENTS)
    assert len(read_dataset(tmp_path / "ev")) == 3 * len(EVENTS)


def test_bad_table_is_rejected(tmp_path):
    w = DatasetWriter(tmp_path / "ev", META)
    with pytest.raises(ValueError, match="lacks columns"):
        w.write(pa.table({"event_id": ["a"]}))
    w.abort()
    assert not (tmp_path / "ev").exists() or not any((tmp_path / "ev").iterdir())



def test_append_to_a_dataset_written_before_the_group_columns(tmp_path):
    import pyarrow.parquet as pq
    from synth import EVENTS, events_table

    from coder.dataset import DatasetWriter, read_dataset
    from coder.records import LATER_COLUMNS

    out = tmp_path / "events"
    meta = {"coder_version": "t", "dictionaries_hash": "h"}
    with DatasetWriter(out, meta) as w:
        w.write(events_table(EVENTS[:4]))  # stories s1, s2
    for part in out.rglob("*.parquet"):  # as an older coder wrote them
        t = pq.read_table(part)
        pq.write_table(t.drop_columns(list(LATER_COLUMNS)).replace_schema_metadata(t.schema.metadata), part)
    later = events_table(EVENTS).slice(2)  # s2 again (its old part is rewritten), s3-s6
    with DatasetWriter(out, meta, append=True) as w:
        w.write(later)
    df = read_dataset(out)
    assert len(df) == len(EVENTS)
    assert set(df["source_group"].fillna("")) == {""}

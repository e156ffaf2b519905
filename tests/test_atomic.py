"""Atomic writes: all-or-nothing, and files readable like any other the user writes."""

import os
import stat

import pytest

from coder.atomic import atomic_path, write_text_atomic


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_written_file_follows_the_umask_not_mkstemp(tmp_path, umask_022):
    out = tmp_path / "sub" / "graph.json"
    write_text_atomic(out, "{}")
    assert out.read_text() == "{}"
    assert _mode(out) == 0o644


def test_error_leaves_target_untouched_and_no_temp_file(tmp_path):
    out = tmp_path / "events.tsv"
    out.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(out) as tmp:
        tmp.write_text("half")
        raise RuntimeError("crash mid-write")
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.tsv"]


def test_parquet_and_export_outputs_are_group_readable(tmp_path, umask_022):
    from coder.export import export
    from coder.records import SCHEMA, write_parquet

    events = tmp_path / "events.parquet"
    write_parquet(SCHEMA.empty_table(), events)
    assert _mode(events) == 0o644
    tsv = tmp_path / "events.tsv"
    export(events, tsv, "phoenix")
    assert _mode(tsv) == 0o644

"""Checkpoints of a `coder code` run, so that a killed run picks up where it stopped.

``OUT.coder-work/`` beside the output holds ``fingerprint.json`` (what the run codes: inputs with
sizes and mtimes, dictionaries hash, models, options) and one ``part-NNNNNNNN.parquet`` per
finished batch: its events, with its story/sentence counts and rejects in the file metadata.
Each file is written to a temporary name and renamed, so the set of part files *is* the manifest
of finished batches: a file is there whole or not at all. When every batch is done the parts are
merged, in batch order, into the output, and the directory is removed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pyarrow.parquet as pq

from coder.atomic import atomic_path, write_text_atomic
from coder.ingest import Reject
from coder.runner import BatchResult

_META = b"coder_batch"


class StaleWorkDir(RuntimeError):
    """The work directory belongs to a run with other inputs, dictionaries or options."""


def input_files(paths: list[str | Path]) -> list[dict]:
    """Each input file with its size and mtime (directories listed): a change means a new corpus."""
    out = []
    for p in map(Path, paths):
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            st = f.stat()
            out.append({"path": str(f.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns})
    return out


class WorkDir:
    def __init__(self, out: str | Path, fingerprint: dict):
        out = Path(out)
        self.path = out.with_name(out.name + ".coder-work")
        self.fingerprint = json.loads(json.dumps(fingerprint))  # as it reads back from disk

    def open(self, fresh: bool = False) -> set[int]:
        """Create or reuse the directory; the ids of the batches already done.
        Raises StaleWorkDir when it holds another run (unless ``fresh``, which discards it)."""
        fp = self.path / "fingerprint.json"
        if self.path.exists() and (fresh or not fp.is_file()):
            self.remove()
        if fp.is_file():
            old = json.loads(fp.read_text(encoding="utf-8"))
            if old != self.fingerprint:
                changed = sorted(k for k in {*old, *self.fingerprint} if old.get(k) != self.fingerprint.get(k))
                raise StaleWorkDir(
                    f"{self.path} holds an unfinished run of a different command (changed: {', '.join(changed)}); "
                    "rerun with --fresh to discard it, or run the original command to finish it")
            return self.done()
        self.path.mkdir(parents=True, exist_ok=True)
        write_text_atomic(fp, json.dumps(self.fingerprint, indent=1))
        return set()

    def _part(self, batch_id: int) -> Path:
        return self.path / f"part-{batch_id:08d}.parquet"

    def done(self) -> set[int]:
        return {int(p.stem.removeprefix("part-")) for p in self.path.glob("part-*.parquet")}

    def save(self, res: BatchResult) -> None:
        """Write one finished batch atomically."""
        info = {"stories": res.stories, "sentences": res.sentences, "rejects": [asdict(r) for r in res.rejects]}
        table = res.table.replace_schema_metadata({_META: json.dumps(info).encode()})
        with atomic_path(self._part(res.id)) as tmp:
            pq.write_table(table, tmp)

    def parts(self, n: int) -> Iterator[BatchResult]:
        """Batches 0..n-1 in order (each read when needed, so memory stays flat)."""
        for i in range(n):
            table = pq.read_table(self._part(i))
            info = json.loads(table.schema.metadata[_META])
            yield BatchResult(i, table.replace_schema_metadata(None), [Reject(**r) for r in info["rejects"]],
                              info["stories"], info["sentences"])

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

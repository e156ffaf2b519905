"""One `coder code` job: read the inputs in batches, code them with an engine, checkpoint every
finished batch (coder.workdir), then merge the batches in input order into the output dataset.

Killed at any moment and started again with the same command, a job codes only the batches not yet
checkpointed and ends with exactly the events of an uninterrupted run.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from coder.atomic import atomic_path
from coder.ingest import Item, Reject
from coder.pipeline import Pipeline
from coder.runner import DEFAULT_CHUNK, batches, make_engine
from coder.workdir import WorkDir, input_files


@dataclass
class JobOptions:
    engine: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    chunk: int = DEFAULT_CHUNK
    append: bool = False
    fresh: bool = False
    progress: bool = False


@dataclass
class JobSummary:
    stories: int = 0
    sentences: int = 0
    events: int = 0
    rejects: int = 0
    batches: int = 0
    resumed: int = 0  # batches found already done in the work directory
    root_codes: Counter = field(default_factory=Counter)


def fingerprint(inputs: list[str], pipe: Pipeline, lang: str | None, date: str | None, opts: JobOptions) -> dict:
    """What determines the events of a job: a resumed job must have the same."""
    meta = pipe.metadata()
    return {"inputs": input_files(inputs), "lang": lang, "date": date, "chunk": opts.chunk, "append": opts.append,
            "context": pipe.context, "require_target": pipe.require_target,
            "groups_in_codes": pipe.groups_in_codes,
            "dictionaries_hash": meta["dictionaries_hash"], "models": meta["models"],
            "coder_version": meta["coder_version"]}


def rejects_path(out: str | Path) -> Path:
    out = Path(out)
    return out.with_name(out.name.removesuffix(".parquet") + ".rejects.jsonl")


def run_job(items: Iterable[Item], pipe: Pipeline, lang: str | None, out: str | Path, fp: dict,
            opts: JobOptions) -> JobSummary:
    """Code ``items`` into ``out`` (DatasetWriter), resuming from ``OUT.coder-work`` when it is there.
    Raises coder.workdir.StaleWorkDir when the work directory belongs to another command."""
    work = WorkDir(out, fp)
    done = work.open(opts.fresh)
    summary = JobSummary(resumed=len(done))
    count = [0]

    def todo():
        for b in batches(items, opts.chunk):
            count[0] = b.id + 1
            if b.id not in done:
                yield b

    bar = None
    if opts.progress:
        from tqdm import tqdm

        bar = tqdm(unit=" stories", file=sys.stderr, dynamic_ncols=True)
    pending = todo()
    head = list(islice(pending, 2))  # one batch to do: no worker processes to start
    workers = opts.workers if len(head) > 1 or opts.engine != "local" else 1
    with make_engine(pipe, lang, opts.engine, workers, opts.scheduler) as engine:
        for res in engine.map(chain(head, pending)):
            work.save(res)
            if bar is not None:
                bar.update(res.stories)
    if bar is not None:
        bar.close()
    summary.batches = count[0]
    _merge(work, summary, out, pipe.metadata(), opts.append)
    work.remove()
    return summary


def _merge(work: WorkDir, summary: JobSummary, out: str | Path, metadata: dict[str, str], append: bool) -> None:
    """Checkpointed batches, in order, into the dataset; rejects into ``OUT.rejects.jsonl``."""
    from coder.dataset import DatasetWriter

    rpath = rejects_path(out)
    with atomic_path(rpath) as tmp, open(tmp, "w", encoding="utf-8") as rej, \
            DatasetWriter(out, metadata, append) as writer:
        for res in work.parts(summary.batches):
            writer.write(res.table)
            summary.stories += res.stories
            summary.sentences += res.sentences
            summary.root_codes.update(res.table.column("root_code").to_pylist())
            for r in res.rejects:
                rej.write(json.dumps(_reject_record(r), ensure_ascii=False) + "\n")
                summary.rejects += 1
    summary.events = writer.rows
    if not summary.rejects:
        rpath.unlink(missing_ok=True)


def _reject_record(r: Reject) -> dict:
    return {"file": r.file, "line": r.line, "story_id": r.story_id, "reason": r.reason}


def read_rejects(out: str | Path) -> list[Reject]:
    p = rejects_path(out)
    if not p.is_file():
        return []
    return [Reject(**json.loads(line)) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]

"""Running a Pipeline over a corpus in batches: in this process, in worker processes, or on dask.

A corpus is cut into numbered ``Batch``es of stories as it is read (nothing holds the whole
corpus). An engine codes batches and yields a ``BatchResult`` per batch, in completion order;
the caller checkpoints each one (coder.workdir) and merges them in batch order at the end, so
the output is in input story order whatever the engine and the number of workers.

Every engine isolates failures: a story that breaks is rejected by the Pipeline; a batch whose
worker raises or dies is retried once alone, then its stories are rejected; other batches go on.
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

import pyarrow as pa

from coder.doc import ParsedStory, Story
from coder.ingest import Item, Reject
from coder.pipeline import Pipeline, RunStats
from coder.records import to_table

log = logging.getLogger(__name__)
DEFAULT_CHUNK = 128  # stories per batch: the unit of work, of checkpointing and of output writing


@dataclass
class Batch:
    id: int
    items: list[Item]


@dataclass
class BatchResult:
    id: int
    table: pa.Table
    rejects: list[Reject] = field(default_factory=list)
    stories: int = 0
    sentences: int = 0


def batches(items: Iterable[Item], size: int = DEFAULT_CHUNK) -> Iterator[Batch]:
    """Number the input stream in batches of ``size`` items (stories or rejects), lazily."""
    it = iter(items)
    n = 0
    while chunk := list(islice(it, size)):
        yield Batch(n, chunk)
        n += 1


def code_batch(pipe: Pipeline, batch: Batch, lang: str | None) -> BatchResult:
    stats = RunStats()
    rows = [r for chunk in pipe.code(batch.items, lang, stats) for r in chunk]
    return BatchResult(batch.id, to_table(rows), stats.rejects, stats.stories, stats.sentences)


def failed_batch(batch: Batch, reason: str) -> BatchResult:
    """Every story of a batch that could not be coded, rejected with its file and id."""
    rejects = []
    for item in batch.items:
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        st = item.story if isinstance(item, ParsedStory) else item
        rejects.append(Reject(str(st.meta.get("file", "<input>")), None, st.id, reason))
    return BatchResult(batch.id, to_table([]), rejects)


class Engine:
    """Codes batches; ``map`` yields one result per batch, in completion order."""

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LocalEngine(Engine):
    """Everything in this process, one batch after the other."""

    def __init__(self, pipe: Pipeline, lang: str | None):
        self.pipe, self.lang = pipe, lang

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        for b in batches:
            try:
                yield code_batch(self.pipe, b, self.lang)
            except Exception as e:  # noqa: BLE001 - a batch never kills the run
                log.exception("batch %d failed", b.id)
                yield failed_batch(b, f"batch failed: {type(e).__name__}: {e}")


class _Windowed(Engine):
    """Submits at most ``window`` batches ahead of the results, so memory stays flat."""

    window = 2

    def _submit(self, batch: Batch):
        raise NotImplementedError

    def _wait(self, futures: list) -> Iterable:
        raise NotImplementedError

    def _result(self, fut, batch: Batch) -> BatchResult:
        try:
            return fut.result()
        except Exception as e:  # noqa: BLE001 - the batch's stories are rejected, the run goes on
            log.warning("batch %d failed: %s", batch.id, e)
            return failed_batch(batch, f"worker failed: {type(e).__name__}: {e}")

    def _collect(self, pending: dict) -> Iterator[BatchResult]:
        for fut in self._wait(list(pending)):
            yield self._result(fut, pending.pop(fut))

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        pending: dict = {}
        for b in batches:
            pending[self._submit(b)] = b
            while len(pending) >= self.window:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)


# --- worker processes -------------------------------------------------------------------------
_WORKER: dict[str, object] = {}


def _init_worker(pipe: Pipeline, lang: str | None) -> None:
    _WORKER["pipe"], _WORKER["lang"] = pipe, lang


def _work(batch: Batch) -> BatchResult:
    return code_batch(_WORKER["pipe"], batch, _WORKER["lang"])  # type: ignore[arg-type]


def torch_threads(workers: int) -> int:
    return max(1, (os.cpu_count() or 1) // max(1, workers))


class ProcessEngine(_Windowed):
    """``workers`` processes (forkserver, else spawn), each unpickling one Pipeline once."""

    def __init__(self, pipe: Pipeline, lang: str | None, workers: int):
        import multiprocessing as mp

        methods = mp.get_all_start_methods()
        self.ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        self.pipe = replace(pipe, threads=torch_threads(workers))
        self.lang, self.workers, self.window = lang, workers, 2 * workers
        self.pool = self._pool()

    def _pool(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.workers, mp_context=self.ctx, initializer=_init_worker,
                                   initargs=(self.pipe, self.lang))

    def _submit(self, batch: Batch):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.pool.submit(_work, batch)
        except BrokenProcessPool as e:  # the pool broke since the last look: handled in _collect
            fut: Future = Future()
            fut.set_exception(e)
            return fut

    def _wait(self, futures: list) -> Iterable:
        from concurrent.futures import FIRST_COMPLETED, wait

        return wait(futures, return_when=FIRST_COMPLETED).done

    def _collect(self, pending: dict) -> Iterator[BatchResult]:
        from concurrent.futures import ALL_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        crashed: list[Batch] = []
        for fut in list(self._wait(list(pending))):
            if isinstance(fut.exception(), BrokenProcessPool):
                crashed.append(pending.pop(fut))
            else:
                yield self._result(fut, pending.pop(fut))
        if not crashed:
            return
        # A worker died: the pool is gone. Keep what finished, then redo each lost batch alone
        # in a fresh pool, so that only the batch that kills its worker is rejected.
        wait(list(pending), return_when=ALL_COMPLETED)
        for fut, b in list(pending.items()):
            if isinstance(fut.exception(), BrokenProcessPool):
                crashed.append(b)
            else:
                yield self._result(fut, b)
        pending.clear()
        for b in sorted(crashed, key=lambda b: b.id):
            self._restart()
            yield self._result(self._submit(b), b)
        if getattr(self.pool, "_broken", True):
            self._restart()

    def _restart(self) -> None:
        """Replace a broken pool. Its surviving workers are killed: Python 3.11 waits for them forever."""
        for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
            proc.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._pool()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


# --- dask ------------------------------------------------------------------------------------
_THREAD = threading.local()


def _dask_work(pipe: Pipeline, token: str, lang: str | None, batch: Batch) -> BatchResult:
    """On a dask worker: one private Pipeline per worker thread and run (``token``), built once."""
    if getattr(_THREAD, "token", None) != token:
        _THREAD.token, _THREAD.pipe = token, pickle.loads(pickle.dumps(pipe))
    return code_batch(_THREAD.pipe, batch, lang)


class DaskEngine(_Windowed):
    """dask.distributed: a LocalCluster of ``workers`` (one thread each), or ``scheduler``'s cluster."""

    def __init__(self, pipe: Pipeline, lang: str | None, workers: int, scheduler: str | None = None,
                 processes: bool = True):
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
            workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        pipe = replace(pipe, threads=torch_threads(workers) if processes and not scheduler else None)
        self.pipe = self.client.scatter(pipe, broadcast=True)
        self.token, self.lang, self.window = os.urandom(8).hex(), lang, 2 * workers

    def _submit(self, batch: Batch):
        return self.client.submit(_dask_work, self.pipe, self.token, self.lang, batch, pure=False,
                                  key=f"coder-batch-{batch.id}-{self.token}")

    def _wait(self, futures: list) -> Iterable:
        from distributed import wait

        return wait(futures, return_when="FIRST_COMPLETED").done

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(pipe: Pipeline, lang: str | None, engine: str = "local", workers: int | None = None,
                scheduler: str | None = None) -> Engine:
    """``local`` with 1 worker (or a GPU device): this process; ``local`` with more: processes;
    ``dask``: dask.distributed."""
    workers = max(1, workers or os.cpu_count() or 1)
    if engine == "dask":
        return DaskEngine(pipe, lang, workers, scheduler)
    if workers == 1 or (pipe.device or "").startswith("cuda"):
        return LocalEngine(pipe, lang)
    return ProcessEngine(pipe, lang, workers)


def code_stories(items: Iterable[Story | ParsedStory | Reject], pipe: Pipeline, lang: str | None = None,
                 engine: str = "local", workers: int | None = None, chunk: int = DEFAULT_CHUNK,
                 scheduler: str | None = None) -> Iterator[BatchResult]:
    """Code a stream of stories with an engine; results in batch order (for tests and the API)."""
    done: dict[int, BatchResult] = {}
    nxt = 0
    with make_engine(pipe, lang, engine, workers, scheduler) as eng:
        for res in eng.map(batches(items, chunk)):
            done[res.id] = res
            while nxt in done:
                yield done.pop(nxt)
                nxt += 1

"""A `coder code` run killed with SIGKILL and started again gives exactly the uninterrupted events."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pyarrow.parquet as pq
from scale_corpus import conllu_corpus, parsed_sample


def _run(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "coder.cli", "code", *args, "-q", "--workers", "1",
                             "--chunk-size", "20"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_run_resumes_without_loss_or_duplicates(models, tmp_path):
    corpus = conllu_corpus(tmp_path / "corpus.conllu", parsed_sample(models), copies=400)  # 1600 stories
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    full = tmp_path / "full.parquet"
    assert _run([str(corpus), "-o", str(full)], env).wait(timeout=600) == 0

    out = tmp_path / "events.parquet"
    work = tmp_path / "events.parquet.coder-work"
    proc = _run([str(corpus), "-o", str(out)], env)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:  # kill once some batches are checkpointed
        if work.is_dir() and len(list(work.glob("part-*.parquet"))) >= 3:
            break
        time.sleep(0.05)
    interrupted = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert interrupted, "the run finished before it could be killed: make the corpus larger"
    assert not out.exists() and work.is_dir()

    assert _run([str(corpus), "-o", str(out)], env).wait(timeout=600) == 0
    assert not work.exists()
    want = pq.read_table(full).to_pandas()
    got = pq.read_table(out).to_pandas()
    assert not got["event_id"].duplicated().any()
    assert sorted(got["event_id"]) == sorted(want["event_id"]) and len(got) == len(want) > 0

"""The local engine vs a dask LocalCluster on the same pre-parsed corpus.

    python bench/dask_vs_local.py [--stories 5000] [--workers 2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import conllu_corpus, machine

from coder.cli import main as coder_main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stories", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = conllu_corpus(Path(tmp) / "c.conllu", args.stories)
        for engine in ("local", "dask"):
            t0 = time.perf_counter()
            coder_main(["code", str(corpus), "-o", str(Path(tmp) / engine), "-q", "--engine", engine,
                        "--workers", str(args.workers)])
            dt = time.perf_counter() - t0
            print(f"{engine:>6}, {args.workers} workers: {dt:6.1f} s, {args.stories / dt:,.0f} stories/s")


if __name__ == "__main__":
    main()

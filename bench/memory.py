"""Peak memory of `coder code` re-coding pre-parsed corpora of growing size (flat is the target:
within 10% between 10k and 100k stories).

    python bench/memory.py [--sizes 10000 100000] [--workers 1] [--new-words]

With ``--new-words`` every story brings new words (see ``_common.conllu_corpus``): the caches of
words grow to their bounds, so this measures what a long run over varied news holds at most.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, conllu_corpus, machine


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--new-words", action="store_true", help="new nouns, names, adjectives, numbers in every story")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = conllu_corpus(Path(tmp) / f"c{n}.conllu", n, args.new_words)
            out = Path(tmp) / f"e{n}.parquet"
            # each size in a fresh child: ru_maxrss of children is a running maximum, so run the
            # measurement through a wrapper process of its own
            cmd = [sys.executable, "-c",
                   "import resource,subprocess,sys;subprocess.run(sys.argv[1:],check=True,"
                   "stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
                   sys.executable, "-m", "coder.cli", "code", str(corpus), "-o", str(out), "-q",
                   "--workers", str(args.workers)]
            t0 = time.perf_counter()
            res = subprocess.run(cmd, check=True, capture_output=True, text=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
            dt = time.perf_counter() - t0
            print(f"{n:>8} stories: peak RSS {int(res.stdout.split()[-1]) / 1024:7.0f} MiB, {dt:6.1f} s, "
                  f"{n / dt:,.0f} stories/s")


if __name__ == "__main__":
    main()

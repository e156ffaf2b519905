"""Coder alone over parsed sentences, counted in CPU instructions per sentence (valgrind): a
figure that does not move with the load of a shared machine, for comparing two versions of the
code (timings of `coder_speed.py` move by 10% and more from run to run on two busy cores).

    python bench/coder_instructions.py [--repeat 2]    # needs valgrind; takes about 1.5 minutes

Only the coding loop is counted (valgrind collects inside ``functools.reduce``, which runs it);
loading the dictionaries and the parses is not. Hash seeds are fixed so that runs repeat.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile

from _common import code_sample, fresh_passes, machine, parsed_sample


def run_loop(repeat: int) -> None:
    """The loop valgrind counts: code every parsed sample story ``repeat`` times, after a warm-up."""
    from coder.dictionaries import load_dictionaries

    dicts = load_dictionaries(None)
    parsed = parsed_sample()
    code_sample(fresh_passes(parsed), dicts)  # (warm-up)
    passes = fresh_passes(parsed, repeat)

    def once(_acc: None, k: int) -> None:
        code_sample(passes[k:k + 1], dicts)

    functools.reduce(once, range(repeat), None)
    print(sum(len(ps.sentences) for ps in parsed) * repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_loop(args.repeat)
        return
    if shutil.which("valgrind") is None:
        sys.exit("coder_instructions: valgrind is not installed (apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
               f"--callgrind-out-file={tmp}/cg.out", sys.executable, __file__, "--child", "--repeat", str(args.repeat)]
        res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if res.returncode != 0:
        sys.exit(f"coder_instructions: valgrind failed:\n{res.stderr[-2000:]}")
    collected = re.search(r"Collected : (\d+)", res.stderr)
    if collected is None or int(collected.group(1)) == 0:
        sys.exit(f"coder_instructions: valgrind counted nothing inside functools_reduce: {sys.executable} "
                 "has no symbols for it (a stripped build, such as Debian's python3); use a build with symbols "
                 "(pyenv, python.org's source build)")
    sentences = int(res.stdout.split()[-1])
    print(f"machine: {machine()}")
    print(f"coded {sentences} sentences in {int(collected.group(1)):,} instructions: "
          f"{int(collected.group(1)) // sentences:,} instructions per sentence")


if __name__ == "__main__":
    main()

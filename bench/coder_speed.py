"""Coder alone over parsed sentences: sentences per second on one core (target: >= 5,000).

    python bench/coder_speed.py [--repeat 5] [--rounds 10]

One timing of ``--repeat`` passes over the parsed sample stories after a warm-up pass; with
``--rounds N``, N such timings after three warm-up passes, and their median and range (a steadier
figure on a shared machine). Each pass codes fresh copies of the parsed sentences (nothing derived
from a sentence is cached from an earlier pass: a pass pays what new text pays), while the caches
of words, kept per dictionary, are warm, as in a long run.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _common import code_sample, fresh_passes, machine, parsed_sample

from coder.dictionaries import load_dictionaries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=0, help="timings after three warm-up passes (median)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    dicts = load_dictionaries(None)  # (first: parsed_sample loads them too, and they are cached)
    load_s = time.perf_counter() - t0
    parsed = parsed_sample()
    n = sum(len(ps.sentences) for ps in parsed)

    def timed(repeat: int) -> tuple[float, int]:
        passes = fresh_passes(parsed, repeat)
        t0 = time.process_time()
        events = code_sample(passes, dicts)
        return time.process_time() - t0, events

    timed(3 if args.rounds else 1)  # warm the per-lexicon caches
    print(f"machine: {machine()}")
    print(f"dictionaries loaded in {load_s:.2f} s")
    if args.rounds:
        rates = [n * args.repeat / timed(args.repeat)[0] for _ in range(args.rounds)]
        print(f"{args.rounds} timings of {n * args.repeat} sentences: median {statistics.median(rates):,.0f} "
              f"sentences/s per core (range {min(rates):,.0f}-{max(rates):,.0f})")
        return
    dt, events = timed(args.repeat)
    print(f"coded {n * args.repeat} sentences ({events} events) in {dt:.2f} s of CPU: "
          f"{n * args.repeat / dt:,.0f} sentences/s per core")

if __name__ == "__main__":
    main()

"""Coder alone over parsed sentences: sentences per second on one core (target: >= 5,000).

    python bench/coder_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import time

from _common import machine, parsed_sample

from coder.coding.engine import code_parsed_story
from coder.dictionaries import load_dictionaries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    dicts = load_dictionaries(None)  # (first: parsed_sample loads them too, and they are cached)
    load_s = time.perf_counter() - t0
    parsed = parsed_sample()
    n = sum(len(ps.sentences) for ps in parsed)
    for ps in parsed:  # warm the per-lexicon caches
        code_parsed_story(ps, dicts.lexicon(ps.story.language))
    t0 = time.process_time()
    events = 0
    for _ in range(args.repeat):
        for ps in parsed:
            events += len(code_parsed_story(ps, dicts.lexicon(ps.story.language)))
    dt = time.process_time() - t0
    print(f"machine: {machine()}")
    print(f"dictionaries loaded in {load_s:.2f} s")
    print(f"coded {n * args.repeat} sentences ({events} events) in {dt:.2f} s of CPU: "
          f"{n * args.repeat / dt:,.0f} sentences/s per core")


if __name__ == "__main__":
    main()

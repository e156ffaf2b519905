"""Accuracy figures for the README: `coder eval` on the project's gold sets, with the shipped
dictionaries and the Stanza models in $STANZA_RESOURCES_DIR.

    python bench/eval.py            # prints a table per language
    python bench/eval.py --errors 20
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from coder.dictionaries import load_dictionaries
from coder.evaluate import evaluate, format_report, load_gold
from coder.parse import models_dir
from coder.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    pipe = Pipeline(load_dictionaries(None))
    print(f"models: {models_dir()}  machine: {platform.machine()} {platform.processor() or ''}".rstrip())
    rows = []
    for lang in ("fr", "en"):
        t0 = time.perf_counter()
        res = evaluate(pipe, load_gold(ROOT / "tests" / "gold" / f"{lang}.yaml"))
        print(format_report(f"tests/gold/{lang}.yaml", res, args.errors))
        print(f"  ({time.perf_counter() - t0:.1f} s)")
        rows.append((lang, res))
    print("\n| language | items | triple P | triple R | triple F1 | F1, actors to gold depth | root-code F1 |")
    print("|---|---|---|---|---|---|---|")
    for lang, r in rows:
        t, d, rc = r["triples"], r["triples_gold_depth"], r["root_triples"]
        print(f"| {lang} | {r['items']} | {t['precision']:.2f} | {t['recall']:.2f} | {t['f1']:.2f} | {d['f1']:.2f} | {rc['f1']:.2f} |")


if __name__ == "__main__":
    main()

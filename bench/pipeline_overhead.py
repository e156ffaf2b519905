"""Bare Stanza vs the full pipeline on the same stories, without the parse cache (target: the
pipeline's overhead over Stanza at most 10%).

    python bench/pipeline_overhead.py [--stories 70] [--device cpu] [--repeat 3]

Both sides are warmed up first (models loaded, one short story run); with ``--repeat`` the bare
and full runs alternate and the medians are reported (the machine may be shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import time

from _common import machine, sample_stories

from coder.dictionaries import load_dictionaries
from coder.parse import PROCESSORS, models_dir
from coder.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stories", type=int, default=70)
    ap.add_argument("--device", default=None)
    ap.add_argument("--repeat", type=int, default=1, help="alternate bare and full runs; report medians")
    args = ap.parse_args()
    import stanza

    stories = sample_stories()[: args.stories]
    by_lang: dict[str, list] = {}
    for st in stories:
        by_lang.setdefault(st.language, []).append(st)
    use_gpu = args.device != "cpu" if args.device else None
    nlps = {lang: stanza.Pipeline(lang, dir=str(models_dir()), processors=PROCESSORS, verbose=False,
                                  download_method=None, **({"use_gpu": use_gpu} if use_gpu is not None else {}))
            for lang in by_lang}
    pipe = Pipeline(load_dictionaries(None), cache=None, device=args.device)
    from coder.doc import Story

    for lang in by_lang:  # load the models and lazy imports outside the timing, on both sides
        nlps[lang]([stanza.Document([], text="Russia condemned France.")])
        pipe.parser.pipeline(lang)
        pipe.code_table([Story("warm", "Russia condemned France.", None, lang)])

    def bare_run() -> float:
        t0 = time.perf_counter()
        for lang, group in by_lang.items():
            nlps[lang]([stanza.Document([], text=s.text) for s in group])
        return time.perf_counter() - t0

    def full_run() -> tuple[float, float, int]:
        inside = pipe.parser.stanza_seconds
        t0 = time.perf_counter()
        rows = pipe.code_table(stories)
        return time.perf_counter() - t0, pipe.parser.stanza_seconds - inside, rows.num_rows

    bares, fulls, outside = [], [], []
    for _ in range(max(1, args.repeat)):
        bares.append(bare_run())
        full, inside, events = full_run()
        fulls.append(full)
        outside.append(full - inside)
    bare, full = statistics.median(bares), statistics.median(fulls)
    print(f"machine: {machine()}")
    if len(bares) > 1:
        print("runs (bare, full): " + ", ".join(f"({b:.1f}, {f:.1f})" for b, f in zip(bares, fulls, strict=True)))
    print(f"{len(stories)} stories: bare Stanza {bare:.1f} s, full pipeline {full:.1f} s ({events} events)"
          f"{' (medians)' if len(bares) > 1 else ''}: overhead {100 * (full - bare) / bare:+.1f}%")
    # What the pipeline adds around Stanza (input rewriting, conversion, coding, records), measured
    # inside the same run: steadier than the difference of two runs on a busy machine.
    glue = statistics.median(outside)
    print(f"pipeline time outside Stanza: {glue:.2f} s ({100 * glue / bare:.1f}% of bare Stanza)")


if __name__ == "__main__":
    main()

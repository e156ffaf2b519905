"""Bare Stanza vs the full pipeline on the same stories, without the parse cache (target: the
pipeline's overhead over Stanza at most 10%).

    python bench/pipeline_overhead.py [--stories 70] [--device cpu]
"""

from __future__ import annotations

import argparse
import time

from _common import machine, sample_stories

from coder.dictionaries import load_dictionaries
from coder.parse import PROCESSORS, models_dir
from coder.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stories", type=int, default=70)
    ap.add_argument("--device", default=None)
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
    t0 = time.perf_counter()
    for lang, group in by_lang.items():
        nlps[lang]([stanza.Document([], text=s.text) for s in group])
    bare = time.perf_counter() - t0

    pipe = Pipeline(load_dictionaries(None), cache=None, device=args.device)
    from coder.doc import Story

    for lang in by_lang:  # load the models and lazy imports outside the timing, as above
        pipe.parser.pipeline(lang)
        pipe.code_table([Story("warm", "Russia condemned France.", None, lang)])
    t0 = time.perf_counter()
    rows = pipe.code_table(stories)
    full = time.perf_counter() - t0
    print(f"machine: {machine()}")
    print(f"{len(stories)} stories: bare Stanza {bare:.1f} s, full pipeline {full:.1f} s "
          f"({rows.num_rows} events): overhead {100 * (full - bare) / bare:+.1f}%")


if __name__ == "__main__":
    main()

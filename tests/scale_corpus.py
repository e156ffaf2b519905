"""A tiny corpus for the scale tests: sample stories parsed once per session (the parse cache is
the session's tmp one, see conftest), and synthetic CoNLL-U corpora made from them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from coder.conllu import write_conllu
from coder.doc import ParsedStory, Story

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "stories.jsonl"


def sample_stories(n: int = 4) -> list[Story]:
    """The first ``n`` English sample stories (one language: one Stanza model to load)."""
    out = []
    with SAMPLE.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["language"] != "en":
                continue
            out.append(Story(d["id"], d["text"], d["date"], d["language"], meta={"file": str(SAMPLE)}))
            if len(out) == n:
                break
    return out


@cache
def parsed_sample(models: str, n: int = 4) -> tuple[ParsedStory, ...]:
    """Parse the first ``n`` sample stories once (filling the session's parse cache)."""
    from coder.pipeline import Pipeline

    return tuple(Pipeline(models=models).parser.parse(sample_stories(n)))


def conllu_corpus(path: Path, parsed: tuple[ParsedStory, ...], copies: int) -> Path:
    """``copies`` renamed copies of each parsed story, as one pre-parsed .conllu input."""
    items = [ParsedStory(Story(f"{ps.story.id}-{k}", "", ps.story.date, ps.story.language), ps.sentences, ps.parser)
             for k in range(copies) for ps in parsed]
    path.write_text(write_conllu(items), encoding="utf-8")
    return path

"""Shared helpers of the benchmarks: the machine line and a synthetic pre-parsed corpus."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "stories.jsonl"


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    return f"{platform.machine()} {cpu}, {os.cpu_count()} cores, Python {platform.python_version()} ({interpreter()})"


def interpreter() -> str:
    """Which build of Python runs: builds of one version differ by 10-20% in speed. Distributions'
    builds (Debian, Ubuntu, conda, python.org, Docker's python images) use profile-guided
    optimization; pyenv builds without it unless asked (``PYTHON_CONFIGURE_OPTS=--enable-optimizations``),
    and a shared libpython (``--enable-shared``) adds to the cost of every call."""
    import sysconfig

    notes = []
    if "--enable-optimizations" in (sysconfig.get_config_var("CONFIG_ARGS") or ""):
        notes.append("configured with --enable-optimizations")
    try:
        with open("/proc/self/maps") as fh:
            if any("/libpython" in line for line in fh):
                notes.append("libpython shared")
    except OSError:
        pass
    return ", ".join([os.path.realpath(sys.executable), *notes])


def sample_stories():
    from coder.doc import Story

    out = []
    for line in SAMPLE.open(encoding="utf-8"):
        d = json.loads(line)
        out.append(Story(d["id"], d["text"], d["date"], d["language"]))
    return out


def parsed_sample():
    """The bundled sample stories, parsed (through the parse cache)."""
    from coder.pipeline import Pipeline

    return list(Pipeline().parser.parse(sample_stories()))


def fresh_passes(parsed, repeat: int = 1) -> list[list]:
    """``repeat`` copies of some parsed stories, as a new corpus would come: new sentence objects
    (the same tokens) with nothing derived cached on them yet (children lists, memos), so that a
    timed pass over them pays all a sentence costs. Made before timing."""
    from coder.doc import ParsedStory, Sentence

    return [[ParsedStory(ps.story, [Sentence(s.id, s.text, s.tokens, s.sent_id) for s in ps.sentences], ps.parser)
             for ps in parsed] for _ in range(repeat)]


def code_sample(passes, dicts) -> int:
    """Code each pass of parsed stories (see ``fresh_passes``), the coder alone with context; the
    number of events."""
    from coder.coding.engine import code_parsed_story

    events = 0
    for parsed in passes:
        for ps in parsed:
            events += len(code_parsed_story(ps, dicts.lexicon(ps.story.language)))
    return events


def conllu_corpus(path: Path, n: int, new_words: bool = False) -> Path:
    """A pre-parsed corpus of ``n`` stories: renamed copies of the parsed sample stories, each
    sentence's text made unique with the copy's number (a corpus's texts never repeat, and nothing
    kept per text may grow). The words stay those of the sample unless ``new_words``: then each
    copy's nouns, names, adjectives and numbers are new words (the copy's number appended), so the
    caches of words fill up to their bounds, as in a long run over real news."""
    from coder.conllu import write_conllu
    from coder.doc import ParsedStory, Sentence, Story
    from coder.evolve import evolve

    parsed = parsed_sample()
    renamed = ("NOUN", "PROPN", "ADJ", "NUM") if new_words else ()
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            ps = parsed[k % len(parsed)]
            st = Story(f"{ps.story.id}-{k}", "", ps.story.date, ps.story.language)
            sents = [Sentence(s.id, f"[{k}] {s.text}", [
                evolve(t, form=f"{t.form}{k}", lemma=f"{t.lemma}{k}") if t.upos in renamed and t.surface is None
                else t for t in s.tokens], s.sent_id) for s in ps.sentences]
            fh.write(write_conllu([ParsedStory(st, sents, ps.parser)]))
    return path

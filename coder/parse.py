"""Parsing with Stanza: pipelines per language (lazy, one per process), batching, and a parse cache.

Stanza (and torch) are imported and the models loaded only when a story misses the cache, so
re-coding a parsed corpus never loads them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from coder.conllu import read_conllu, write_conllu
from coder.doc import ParsedStory, Sentence, Story, Token
from coder.text import blank_dateline, for_parser

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
log = logging.getLogger(__name__)


class ModelsMissing(RuntimeError):
    pass


def models_dir(explicit: str | Path | None = None) -> Path:
    """The Stanza resources directory: the flag, else $CODER_MODELS_DIR, else $STANZA_RESOURCES_DIR,
    else Stanza's default (~/stanza_resources)."""
    for cand in (explicit, os.environ.get("CODER_MODELS_DIR"), os.environ.get("STANZA_RESOURCES_DIR")):
        if cand:
            return Path(cand).expanduser()
    return Path("~/stanza_resources").expanduser()


def model_id(lang: str, directory: Path) -> str:
    """An identifier of the exact model files used for a language (names and sizes)."""
    lang_dir = directory / lang
    if not lang_dir.is_dir():
        return f"stanza:{lang}:missing"
    parts = []
    for f in sorted(lang_dir.rglob("*.pt")):
        parts.append(f"{f.relative_to(lang_dir)}:{f.stat().st_size}")
    return f"stanza:{lang}:" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def download_models(langs: Iterable[str], directory: str | Path | None = None) -> Path:
    """Fetch the official Stanza models (needs the internet)."""
    import stanza

    d = models_dir(directory)
    for lang in langs:
        stanza.download(lang, model_dir=str(d), processors=PROCESSORS)
    return d




@dataclass
class Parser:
    """Batched Stanza parsing for several languages with one cache."""

    directory: Path
    batch_size: int = 64
    device: str | None = None
    cache: ParseCache | None = None
    threads: int | None = None  # torch threads for this process (None: torch's default)

    def __post_init__(self) -> None:
        self._pipelines: dict[str, object] = {}
        self._mids: dict[str, str] = {}
        self.stanza_seconds = 0.0  # time spent inside Stanza's pipelines (for benchmarks)

    @property
    def loaded(self) -> list[str]:
        """Languages whose Stanza pipeline was loaded (empty when everything came from the cache)."""
        return sorted(self._pipelines)

    def pipeline(self, lang: str):
        if lang not in self._pipelines:
            import stanza

            if not (self.directory / lang).is_dir():
                raise ModelsMissing(
                    f"no Stanza models for {lang!r} in {self.directory}; run `coder models download {lang}` "
                    f"or point --models / STANZA_RESOURCES_DIR at a resources directory"
                )
            logging.getLogger("stanza").setLevel(logging.WARNING)
            if self.threads:
                import torch

                torch.set_num_threads(self.threads)
            kwargs = {"use_gpu": self.device != "cpu"} if self.device else {}
            if self.device and self.device not in ("cpu", "cuda"):
                kwargs["device"] = self.device
            self._pipelines[lang] = stanza.Pipeline(
                lang, dir=str(self.directory), processors=PROCESSORS, download_method=None,
                logging_level="WARN", tokenize_no_ssplit=False, **kwargs,
            )
        return self._pipelines[lang]

    def model_id(self, lang: str) -> str:
        if lang not in self._mids:  # computed once per process: the model files do not change during a run
            self._mids[lang] = model_id(lang, self.directory)
        return self._mids[lang]

    def parse(self, stories: list[Story]) -> Iterator[ParsedStory]:
        """Parse stories (each with a language), batched per language; cached results reused."""
        by_lang: dict[str, list[int]] = {}
        for i, st in enumerate(stories):
            by_lang.setdefault(st.language or "", []).append(i)
        done: dict[int, ParsedStory] = {}  # by position: story ids need not be unique
        for lang, group in by_lang.items():
            mid = self.model_id(lang)
            todo = []
            for i in group:
                hit = self.cache.get(stories[i], mid) if self.cache else None
                if hit is not None:
                    done[i] = hit
                else:
                    todo.append(i)
            for k in range(0, len(todo), self.batch_size):
                chunk = todo[k:k + self.batch_size]
                parsed = self._parse_batch(lang, [stories[i] for i in chunk], mid)
                for i, ps in zip(chunk, parsed, strict=True):
                    if self.cache:
                        self.cache.put(ps)
                    done[i] = ps
        for i in range(len(stories)):
            yield done[i]

    def _parse_batch(self, lang: str, stories: list[Story], mid: str) -> list[ParsedStory]:
        import stanza

        nlp = self.pipeline(lang)
        inputs = [stanza.Document([], text=for_parser(st.text, lang)) for st in stories]
        t0 = time.perf_counter()
        docs = nlp(inputs)
        self.stanza_seconds += time.perf_counter() - t0
        return [ParsedStory(st, from_stanza(doc, st.text), mid) for st, doc in zip(stories, docs, strict=True)]


def from_stanza(doc, original: str | None = None) -> list[Sentence]:
    """Convert a Stanza Document to our sentences (done once, right after parsing). With the
    story's ``original`` text, sentence texts come from it rather than from the parser's input."""
    out = []
    # where the story's text starts for the parser (after a blanked dateline)
    prev_end = len(original) - len(blank_dateline(original).lstrip()) if original is not None else 0
    for i, s in enumerate(doc.sentences):
        tokens = []
        for w in s.words:
            parent = w.parent
            start = parent.start_char if parent is not None and parent.start_char is not None else -1
            end = parent.end_char if parent is not None and parent.end_char is not None else -1
            surface = None
            if parent is not None and len(parent.words) > 1:
                surface = parent.text if parent.words[0] is w else ""
            tokens.append(Token(w.id, w.text, w.lemma or w.text, w.upos or "X", w.feats or "_",
                                w.head or 0, w.deprel or "dep", start, end, surface))
        text = s.text
        if original is not None and tokens and tokens[0].start >= 0 and tokens[-1].end >= 0:
            # from the original, with any words blanked for the parser right before the sentence
            text = original[min(prev_end, tokens[0].start):tokens[-1].end].strip()
            prev_end = tokens[-1].end
        out.append(Sentence(i, text, tokens))
    return out


CACHE_FORMAT = 3  # bump when what the cache stores changes (2: multiword token surfaces, 3: datelines)


def text_key(story: Story, mid: str) -> str:
    """The cache key: model, story text and, where the parser is given a rewritten text (beyond
    the blanked dateline, see ``for_parser``), that text too."""
    key = f"{CACHE_FORMAT}\x00{mid}\x00{story.text}"
    fed = for_parser(story.text, story.language)
    if fed != blank_dateline(story.text):
        key += f"\x00{fed}"
    return hashlib.sha256(key.encode()).hexdigest()


class ParseCache:
    """Parsed stories as CoNLL-U files keyed by a hash of (model, text); re-coding skips Stanza."""

    def __init__(self, directory: str | Path):
        self.dir = Path(directory)

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key[2:]}.conllu"

    def get(self, story: Story, mid: str) -> ParsedStory | None:
        p = self._path(text_key(story, mid))
        if not p.is_file():
            return None
        try:
            items = [x for x in read_conllu(p, parser=mid) if isinstance(x, ParsedStory)]
        except (OSError, ValueError):
            return None
        if len(items) != 1:
            return None
        return ParsedStory(story, items[0].sentences, mid)

    def put(self, ps: ParsedStory) -> None:
        p = self._path(text_key(ps.story, ps.parser))
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_suffix(f".tmp{os.getpid()}-{threading.get_ident()}")
        blank = Story(id="cached", text="")
        tmp.write_text(write_conllu([ParsedStory(blank, ps.sentences, ps.parser)]), encoding="utf-8")
        os.replace(tmp, p)


def default_cache_dir() -> Path:
    d = os.environ.get("CODER_CACHE_DIR")
    if d:
        return Path(d)
    base = os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    return Path(base).expanduser() / "coder" / "parses"

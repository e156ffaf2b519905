"""The pipeline: stories in, event rows out. The CLI and the Python API are thin layers over it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

import pyarrow as pa

from coder.coding.engine import code_parsed_story
from coder.dictionaries import load_dictionaries
from coder.dictionaries.model import Dictionaries
from coder.doc import ParsedStory, Story
from coder.ingest import Reject, normalize_date
from coder.langid import detect
from coder.parse import ParseCache, Parser, default_cache_dir, models_dir
from coder.records import rows_for, to_table

log = logging.getLogger(__name__)


@dataclass
class RunStats:
    stories: int = 0
    sentences: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)


@dataclass
class Pipeline:
    """One pipeline: dictionaries + parser; ``code`` takes stories and returns events.

    ``context``: give agents with no country the sentence's or story's country, and drop events
    whose source stays country-less (coder.coding.context); ``keep_unknown`` keeps those events
    (and country-less targets) after filling, as `coder dict check` does for examples.
    ``require_target``: drop events whose target could not be identified.
    ``groups_in_codes``: write an armed group's known group inside its actor code (``PSEREBHMS``,
    CAMEO-manual style) instead of apart (``PSEREB`` + ``source_group`` ``HMS``, GDELT/Phoenix style).
    ``threads``: torch threads when Stanza runs in this process (None: torch's default).
    A Pipeline pickles as its options and dictionaries: the copy builds its own (lazy) parser,
    which is how worker processes get theirs (see coder.runner).
    """

    dictionaries: Dictionaries | None = None
    models: str | Path | None = None
    cache: str | Path | None | bool = True
    device: str | None = None
    batch_size: int = 32
    context: bool = True
    keep_unknown: bool = False
    require_target: bool = False
    groups_in_codes: bool = False
    threads: int | None = None

    def __post_init__(self) -> None:
        if self.dictionaries is None:
            self.dictionaries = load_dictionaries(None)
        cache = None
        if self.cache is True:
            cache = ParseCache(default_cache_dir())
        elif self.cache:
            cache = ParseCache(self.cache)
        self.parser = Parser(models_dir(self.models), self.batch_size, self.device, cache, self.threads)

    def __reduce__(self):
        return (type(self), tuple(getattr(self, f.name) for f in fields(self)))

    def metadata(self) -> dict[str, str]:
        from coder import __version__
        from coder.cameo import CAMEO_VERSION

        return {
            "coder_version": __version__, "cameo_version": CAMEO_VERSION,
            "dictionaries": ";".join(self.dictionaries.sources), "dictionaries_hash": self.dictionaries.digest,
            "models": ";".join(sorted({self.parser.model_id(lang) for lang in self.dictionaries.lexicons})),
        }

    def _check(self, st: Story, default_lang: str | None) -> Story | Reject:
        file = str(st.meta.get("file", "")) or "<input>"
        lang = st.language or default_lang
        if not lang or lang == "auto":
            lang = detect(st.text, self.dictionaries)
            if lang is None:
                return Reject(file, None, st.id, "cannot tell the story's language; give --lang")
        if lang not in self.dictionaries.lexicons:
            have = ", ".join(sorted(self.dictionaries.lexicons))
            return Reject(file, None, st.id, f"unsupported language {lang!r} (dictionaries for: {have})")
        st.language = lang
        try:
            st.date = normalize_date(st.date)
        except ValueError as e:
            return Reject(file, None, st.id, str(e))
        return st

    def code(self, items: Iterable[Story | ParsedStory | Reject], lang: str | None = None,
             stats: RunStats | None = None, progress: bool = False) -> Iterator[list[dict]]:
        """Yield event rows story by story (batched parsing underneath)."""
        stats = stats if stats is not None else RunStats()
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(unit=" stories", file=sys.stderr, dynamic_ncols=True)
        batch: list[Story] = []

        def flush() -> Iterator[list[dict]]:
            for ps in self._parse(batch, stats):
                yield self._code_one(ps, stats)
                if bar is not None:
                    bar.update(1)
            batch.clear()

        for item in items:
            if isinstance(item, Reject):
                stats.rejects.append(item)
                continue
            story = item.story if isinstance(item, ParsedStory) else item
            checked = self._check(story, lang)
            if isinstance(checked, Reject):
                stats.rejects.append(checked)
                continue
            if isinstance(item, ParsedStory):
                yield self._code_one(item, stats)
                if bar is not None:
                    bar.update(1)
                continue
            batch.append(checked)
            if len(batch) >= self.batch_size * 4:
                yield from flush()
        yield from flush()
        if bar is not None:
            bar.close()

    def _parse(self, stories: list[Story], stats: RunStats) -> list[ParsedStory]:
        if not stories:
            return []
        try:
            return list(self.parser.parse(stories))
        except Exception:  # noqa: BLE001 - isolate the story that breaks the batch
            if len(stories) == 1:
                st = stories[0]
                log.exception("parsing failed for story %s", st.id)
                stats.rejects.append(Reject(str(st.meta.get("file", "<input>")), None, st.id,
                                            f"parser failed: {sys.exc_info()[1]}"))
                return []
            mid = len(stories) // 2
            return self._parse(stories[:mid], stats) + self._parse(stories[mid:], stats)

    def _code_one(self, ps: ParsedStory, stats: RunStats) -> list[dict]:
        stats.stories += 1
        stats.sentences += len(ps.sentences)
        try:
            lex = self.dictionaries.lexicon(ps.story.language or "")
            events = code_parsed_story(ps, lex, self.context, self.keep_unknown)
            if self.require_target:
                events = [e for e in events if e.target is not None]
            rows = rows_for(ps, events, self.groups_in_codes)
        except Exception as e:  # noqa: BLE001 - one broken story never kills a run
            log.exception("coding failed for story %s", ps.story.id)
            stats.rejects.append(Reject(str(ps.story.meta.get("file", "<input>")), None, ps.story.id,
                                        f"coding failed: {type(e).__name__}: {e}"))
            return []
        stats.events += len(rows)
        return rows

    def code_table(self, items: Iterable[Story | ParsedStory | Reject], lang: str | None = None,
                   stats: RunStats | None = None, progress: bool = False) -> pa.Table:
        rows = [r for chunk in self.code(items, lang, stats, progress) for r in chunk]
        return to_table(rows, self.metadata())

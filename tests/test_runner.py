"""The batch runner: streaming batches, worker processes equal one process, crashes isolated,
and re-coding a parsed corpus without loading Stanza."""

from __future__ import annotations

import os
from itertools import count, islice

import pyarrow as pa
import pytest
from scale_corpus import parsed_sample, sample_stories

from coder.doc import Story
from coder.pipeline import Pipeline
from coder.runner import Batch, LocalEngine, ProcessEngine, batches, code_stories


def _table(results) -> pa.Table:
    return pa.concat_tables([r.table for r in results])


def test_batches_are_lazy():
    seen = []

    def endless():
        for i in count():
            seen.append(i)
            yield Story(str(i), "x")

    first = list(islice(batches(endless(), 3), 2))
    assert [b.id for b in first] == [0, 1] and [len(b.items) for b in first] == [3, 3]
    assert len(seen) == 6  # nothing read ahead


@pytest.fixture(scope="module")
def warm(models):
    parsed_sample(str(models))  # fills the parse cache: the tests below never load Stanza
    return Pipeline(models=models)


def test_recoding_parsed_stories_never_loads_stanza(warm):
    pipe = Pipeline(warm.dictionaries, models=warm.models)
    rows = [r for chunk in pipe.code(sample_stories()) for r in chunk]
    assert rows and pipe.parser.loaded == []


def test_two_workers_equal_one(warm):
    stories = sample_stories()
    one = list(code_stories(stories, warm, workers=1, chunk=2))
    two = list(code_stories(stories, warm, workers=2, chunk=2))
    assert [r.id for r in two] == [0, 1]
    assert _table(one).num_rows > 0 and _table(one).equals(_table(two))
    assert sum(r.stories for r in two) == len(stories) and sum(r.sentences for r in one) == sum(r.sentences for r in two)


class _Crash:
    """Kills the worker process that unpickles it."""

    def __reduce__(self):
        return (os._exit, (3,))


def test_worker_crash_loses_only_its_batch(warm):
    stories = sample_stories()
    bad = Story("bad", "Damascus rejected any truce.", "2016-12-06", "en", meta={"boom": _Crash()})
    items = stories[:2] + [bad] + stories[2:]  # batches: [s0 s1] [bad s2] [s3]
    with ProcessEngine(warm, None, 2) as eng:
        got = {r.id: r for r in eng.map(batches(items, 2))}
    assert sorted(got) == [0, 1, 2]
    assert {x.story_id for x in got[1].rejects} == {"bad", stories[2].id} and got[1].stories == 0
    assert all(x.reason.startswith("worker failed") for x in got[1].rejects)
    want = _table(LocalEngine(warm, None).map([Batch(0, stories[:2]), Batch(2, stories[3:])]))
    assert want.num_rows and _table([got[0], got[2]]).equals(want)

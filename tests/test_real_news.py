"""Wire-style sentences of held-out kinds (Sahel, Latin America, courts, strikes), parsed with the
real models: what an article of unseen news needs beyond the gold sentences."""

from __future__ import annotations

import pytest

from coder.coding.frames import _future_form
from coder.doc import Story

FUTURE_ENDINGS = frozenset({"rai", "ras", "ra", "rons", "rez", "ront"})


def events(pipeline, text: str, lang: str, date: str) -> list[tuple[str, str, str]]:
    t = pipeline.code_table([Story("a", text, date, lang)])
    return sorted((r["source"], r["code"], r["target"] or "-") for r in t.to_pylist())


@pytest.mark.parametrize("form,lemma,future", [
    ("rendra", "rendre", True), ("recevront", "recevoir", True), ("ira", "aller", True),
    ("accueillera", "accueillir", True), ("déclarera", "déclarer", True),
    ("déclara", "déclarer", False), ("déclarons", "déclarer", False), ("ouvrez", "ouvrir", False),
    ("tira", "tirer", False), ("a", "avoir", False),
])
def test_future_form(form, lemma, future):
    assert _future_form(form, lemma, FUTURE_ENDINGS) is future


@pytest.mark.parametrize("lang,date,text,present,absent", [
    # a visit or meeting in the future is announced: the intent to meet (036), not a visit (042)
    ("fr", "2022-12-04", "Le président sénégalais Macky Sall se rendra au Mali la semaine prochaine.",
     [("SENGOV", "036", "MLI")], [("SENGOV", "042", "MLI")]),
    ("fr", "2022-12-04", "Le ministre turc va rencontrer son homologue russe à Genève.",
     [("TURGOV", "036", "RUSGOV")], [("TURGOV", "040", "RUSGOV")]),
    ("en", "2023-06-01", "Nigerian President Bola Tinubu will travel to Paris next week to meet Emmanuel Macron.",
     [("NGAGOV", "036", "FRAGOV")], [("NGAGOV", "042", "FRAGOV"), ("NGAGOV", "040", "FRAGOV")]),
    # a visit made stays one
    ("fr", "2022-12-04", "Le président sénégalais Macky Sall s'est rendu au Mali.", [("SENGOV", "042", "MLI")], []),
])
def test_real_news(pipeline, lang, date, text, present, absent):
    got = events(pipeline, text, lang, date)
    assert set(present) <= set(got), got
    assert not set(absent) & set(got), got

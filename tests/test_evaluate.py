"""Scoring: multiset triples, root codes, gold-depth actor matching, confusions."""

from __future__ import annotations

import re

from coder.evaluate import load_gold, parse_triple, score


def test_parse_triple():
    assert parse_triple("SYRGOV 1246 -") == ("SYRGOV", "1246", "")
    assert parse_triple("RUS 129 IGOUNO") == ("RUS", "129", "IGOUNO")


def test_scores():
    gold = {"a": [("RUS", "129", "IGOUNO"), ("CHN", "129", "IGOUNO")], "b": [], "c": [("YEMREB", "190", "USAMIL")]}
    pred = {"a": [("RUS", "129", "IGOUNO"), ("CHN", "111", "IGOUNO")], "b": [("FRA", "010", "")],
            "c": [("YEMREBHOU", "190", "USAMIL")]}
    r = score(gold, pred)
    assert r["triples"]["tp"] == 1 and r["triples"]["predicted"] == 4 and r["triples"]["gold"] == 3
    assert r["triples_gold_depth"]["tp"] == 2
    assert r["root_triples"]["tp"] == 1  # 129 vs 111: different roots
    assert {"gold": "129", "predicted": "111", "count": 1} in r["confusions"]
    assert {"gold": "none", "predicted": "010", "count": 1} in r["confusions"]


def test_gold_files_are_well_formed():
    from coder.cameo import event_types
    from tests.conftest import ROOT

    for lang in ("fr", "en"):
        items = load_gold(ROOT / "tests" / "gold" / f"{lang}.yaml")
        assert len(items) >= 200 and len({i.id for i in items}) == len(items)
        assert all(i.language == lang for i in items)
        codes = {c for i in items for _, c, _ in i.events}
        assert codes <= set(event_types())
        assert {c[:2] for c in codes} == {f"{n:02d}" for n in range(1, 21)}


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def test_gold_sentences_are_not_dictionary_examples():
    # The gold measures sentences the dictionaries were not written from (issue 3): no pattern's
    # example may be a gold sentence or nearly one (4 words in 5 shared).
    from coder.dictionaries import load_dictionaries
    from tests.conftest import ROOT

    dicts = load_dictionaries(None)
    for lang in ("fr", "en"):
        gold = [(i.id, _words(i.text)) for i in load_gold(ROOT / "tests" / "gold" / f"{lang}.yaml")]
        copies = []
        for p in dicts.lexicon(lang).all_patterns():
            ex = _words(p.example or "")
            if len(ex) < 4:
                continue
            copies += [(p.id, gid) for gid, g in gold if len(ex & g) >= 0.8 * len(ex | g)]
        assert not copies, f"{lang}: dictionary examples copying gold sentences: {copies[:10]}"

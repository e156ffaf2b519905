"""Dictionary loading: errors carry file and line; the shipped dictionaries load cleanly."""

from __future__ import annotations

import shutil

import pytest

from coder.dictionaries import DictionaryErrors, load_dictionaries
from coder.dictionaries.native import load_native
from coder.dictionaries.phrases import PhraseIndex
from coder.doc import Token


def test_shipped_dictionaries_load_without_problems():
    from coder.dictionaries.check import check_dictionaries

    assert check_dictionaries(None, examples=False) == []
    d = load_dictionaries(None)
    assert {"fr", "en"} <= set(d.lexicons)


def _broken(tmp_path, verbs: str):
    from tests.conftest import MINI_DICT

    root = tmp_path / "d"
    shutil.copytree(MINI_DICT, root)
    (root / "en" / "verbs" / "bad.yaml").write_text(verbs, encoding="utf-8")
    return root


@pytest.mark.parametrize("verbs,line,msg", [
    ("patterns:\n  - verb: strike\n    code: 190\n", 2, "quoted string"),
    ("patterns:\n  - verb: strike\n    code: \"999\"\n", 2, "unknown CAMEO event code"),
    ("patterns:\n  - verb: strike\n    code: \"190\"\n    wiht: []\n", 2, "unknown key"),
    ("patterns:\n  - verb: strike\n    code: \"190\"\n    require_target: often\n", 2, "require_target is true or false"),
    ("patterns:\n  - verb: strike\n    code: \"190\"\n    with: [{objj: x}]\n", 4, "unknown relation"),
    ("patterns:\n  - verb: strike\n    code: \"190\"\n    with: [{obj: $NOPE}]\n", 4, "unknown synset"),
    ("patterns:\n  - verb: strike\n    code: \"190\n", 3, "YAML error"),
])
def test_pattern_errors_are_line_numbered(tmp_path, verbs, line, msg):
    root = _broken(tmp_path, verbs)
    with pytest.raises(DictionaryErrors) as ei:
        load_native(root)
    errs = [e for e in ei.value.errors if e.path.endswith("bad.yaml")]
    assert errs, ei.value
    assert errs[0].line == line and msg in errs[0].message


def test_yaml_words_no_and_on_stay_words(tmp_path):
    d, errors = load_native(_broken(tmp_path, "patterns: []\n"), strict=False)
    lang = d.lexicon("en").language
    assert "no" in lang.negation and "on" in lang.target_prepositions and not errors


def test_phrase_case_rules():
    idx: PhraseIndex[str] = PhraseIndex()
    idx.add("US", "USA")
    idx.add("Turkey", "TUR")
    idx.add("Bachar al-Assad", "SYRGOV")
    idx.add("syrien", "SYR")
    assert idx.lookup("US") == ["USA"] and idx.lookup("us") == []
    assert idx.lookup("Turkey") == ["TUR"] and idx.lookup("turkey") == []
    assert idx.lookup("Bachar al Assad") == ["SYRGOV"] and idx.lookup("BACHAR AL-ASSAD") == ["SYRGOV"]
    assert idx.lookup("Syrien") == ["SYR"]


def test_phrase_find_case_rules():
    """A name that needs a capital starts at no lower-case word ("he said Jalili"): ``find``'s quick
    test of each word reads its case too, with or without a sentence's memo."""
    idx: PhraseIndex[str] = PhraseIndex()
    idx.add("Said Jalili", "IRNGOV")
    idx.add("syrien", "SYR")

    def found(text: str, memo: bool = False) -> list[tuple[int, int, tuple[str, ...]]]:
        toks = [Token(i, w, w, "X", "_", 0, "dep") for i, w in enumerate(text.split(), 1)]
        return [(m.start, m.end, m.values) for m in idx.find(toks, memo={} if memo else None)]

    for memo in (False, True):
        assert found("Said Jalili said", memo) == [(1, 2, ("IRNGOV",))]
        assert found("he said Jalili", memo) == []
    assert found("le régime syrien") == [(3, 3, ("SYR",))] and found("Syrien") == [(1, 1, ("SYR",))]


def test_overlapping_roles_are_reported_with_their_line(tmp_path):
    from coder.dictionaries.check import check_dictionaries
    from tests.conftest import MINI_DICT

    root = tmp_path / "d"
    shutil.copytree(MINI_DICT, root)
    people = root / "actors" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + (
        "- names: [Ivan Testov]\n  roles:\n"
        "    - {code: RUSGOV, from: 2010-01-01, to: 2015-01-01}\n"
        "    - {code: RUSMIL, from: 2014-01-01}\n"), encoding="utf-8")
    problems = check_dictionaries(root, examples=False)
    assert any("people.yaml:" in p and "roles overlap" in p and "RUSMIL" in p for p in problems), problems

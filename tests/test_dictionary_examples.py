"""Every dictionary pattern's example sentence is parsed and coded: a pattern that stops firing fails."""

from __future__ import annotations

import pytest

from coder.dictionaries import load_dictionaries


def _examples() -> list[tuple[str, str]]:
    d = load_dictionaries(None)
    return [(lang, p.id) for lang, lex in sorted(d.lexicons.items()) for p in lex.all_patterns() if p.example]


@pytest.fixture(scope="module")
def outcomes(pipeline):
    from coder.dictionaries.check import fire_examples

    out = {}
    for lang, lex in pipeline.dictionaries.lexicons.items():
        pats = [p for p in lex.all_patterns() if p.example]
        for p, problem in fire_examples(pipeline, lang, pats):
            out[(lang, p.id)] = problem
    return out


def test_every_pattern_has_an_example():
    d = load_dictionaries(None)
    missing = [f"{p.ref} {p.id}" for lex in d.lexicons.values() for p in lex.all_patterns() if not p.example]
    assert not missing, "patterns without an example:\n" + "\n".join(missing[:50])


@pytest.mark.parametrize("lang,pattern_id", _examples())
def test_example_fires(outcomes, lang, pattern_id):
    assert outcomes[(lang, pattern_id)] == ""

"""The PETRARCH / TABARI importer: each format, the report, the written directory, and the
validation records (tests/data/petrarch, pre-parsed CoNLL-U with UD v1 labels: no Stanza)."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

from coder.cli import main
from coder.dictionaries.native import load_native
from coder.dictionaries.petrarch import import_petrarch, is_petrarch_dir, load_petrarch_dir
from coder.dictionaries.petrarch.actors import parse_actor_file, parse_agent_file, parse_discard_file
from coder.dictionaries.petrarch.common import Report, name_case
from coder.dictionaries.petrarch.verbs import parse_verb_file

DATA = Path(__file__).parent / "data" / "petrarch"
ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "verbs": [DATA / "validate.verbs.txt", DATA / "validate.tabari.verbs"],
    "actors": [DATA / "validate.actors.txt"],
    "agents": [DATA / "validate.agents.txt"],
    "discards": [DATA / "validate.discards.txt"],
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def _bench():
    spec = importlib.util.spec_from_file_location("petrarch_validate", ROOT / "bench" / "petrarch_validate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("imported")
    report = import_petrarch(out, **FILES)
    return out, report


def _patterns(out: Path) -> str:
    return (out / "en" / "verbs" / "imported.yaml").read_text(encoding="utf-8")


# --- parsing of each format -------------------------------------------------------------------

def test_petrarch2_synsets_blocks_and_forms():
    vf = parse_verb_file(DATA / "validate.verbs.txt", Report())
    assert vf.format == "petrarch2"
    assert "CASH" in [w.rstrip("_") for w in vf.synsets["CURRENCY"]]
    meet = next(b for b in vf.blocks if b.name == "MEET_PEOPLE")
    assert meet.code == "040"
    assert [v.token for v in meet.verbs][:2] == ["MEET", "+MEET_WITH"]
    assert meet.verbs[0].forms == ["MEETS", "MET", "MEETING"]
    assert vf.transformations  # read, reported as untranslatable


def test_tabari_format_is_recognized():
    vf = parse_verb_file(DATA / "validate.tabari.verbs", Report())
    assert vf.format == "petrarch1"
    urge = next(b for b in vf.blocks if b.name == "URGE")
    assert any(v.token == "APPEAL" and v.code == "020" for v in urge.verbs)


def test_patterns_with_prepositions_synsets_and_targets(imported):
    text = _patterns(imported[0])
    # - * + (OF ESPIONAGE) [1125]: the phrase is required (on the verb or its object)
    assert 'code: "1125"' in text and '{"other": "espionage", "case": ["of"]}' in text
    # - * &CURRENCY (TO +) [071]: synset word, required 'to' phrase, target there
    assert '{"other": "$CURRENCY"}' in text and 'target: ["obl/to"]' in text
    # a verb line's forms are lemmas too (a lemmatizer's "expell" still finds EXPEL)
    assert '"expelled"' in text
    # TABARI "RELEASE OF +": the target is the 'of' phrase
    assert 'target: ["obl/of", "obj"]' in text


def test_dated_actors_and_synonyms(tmp_path):
    f = _write(tmp_path, "x.actors.txt", """\
        FRANCE_  [FRA]
        +FRENCH_
        NICOLAS_SARKOZY_  # a comment
        +SARKOZY_
        \t[FRAGOV 070516-120515]
        \t[FRAELI]
        BAN_KI-MOON_ [IGOUNO 20070101-20161231]
        OLD_ONE [ABCGOV <991231] [---]
        """)
    r = Report()
    entries = parse_actor_file(f, r)
    assert [e.name for e in entries] == ["FRANCE_", "NICOLAS_SARKOZY_", "BAN_KI-MOON_", "OLD_ONE"]
    sark = entries[1]
    assert sark.aliases == ["SARKOZY_"]
    assert (sark.codes[0].code, sark.codes[0].start, sark.codes[0].end) == ("FRAGOV", "2007-05-16", "2012-05-15")
    assert sark.codes[1].code == "FRAELI" and sark.codes[1].start is None
    assert entries[3].codes[0].end == "1999-12-31" and entries[3].codes[1].code == ""
    assert name_case("ABE_") == "Abe" and name_case("US_") == "US" and name_case("IRA") == "IRA"


def test_agents_with_plurals_and_substitutions(tmp_path):
    f = _write(tmp_path, "x.agents.txt", """\
        !PERSON! = MAN, MEN
        !MINIST! = MINISTER, MINISTRY
        FOREIGN_!MINIST! [~GOV]
        POLICE!PERSON! [~COP]
        TROOPS {} [~MIL]
        SPY {SPIES} [~SPY]
        REBEL [~REB]
        UNION_LEADER [LAB~]
        """)
    entries = parse_agent_file(f, Report())
    by = {e.code: e for e in entries}
    assert by["GOV"].phrases == ["foreign minister", "foreign ministry"]
    assert by["COP"].phrases == ["policeman", "policemen"]
    assert by["MIL"].phrases == ["troops"]
    assert by["SPY"].phrases == ["spy", "spies"]
    assert by["REB"].phrases == ["rebel", "rebels"]
    assert by["LAB"].prefix


def test_discards(tmp_path):
    f = _write(tmp_path, "x.discards.txt", "# c\nWORLD CUP\n+ CHAMPIONS LEAGUE  # story\n")
    d = parse_discard_file(f, Report())
    assert [(x.phrase, x.story) for x in d] == [("WORLD CUP", False), ("CHAMPIONS LEAGUE", True)]


def test_discards_and_require_target_reach_the_language(imported):
    lang = load_native(imported[0])[0].lexicon("en").language
    assert lang.discards == ("world cup", "video game")
    assert lang.story_discards == ("champions league",)
    assert lang.require_target


# --- the report and the written directory -----------------------------------------------------

def test_report_lists_what_was_not_translated(imported):
    out, report = imported
    text = (out / "import_report.txt").read_text(encoding="utf-8")
    assert "PETRARCH-2 transformation" in text
    assert "prefix agent" in text and "UNION_LEADER".lower().replace("_", " ") in text
    assert "null actor [---]" in text
    assert "null code [---]" in text
    assert report.counts["discards"] == 3


def test_import_command_writes_a_directory_that_checks(tmp_path, capsys):
    out = tmp_path / "dict"
    args = ["dict", "import", "-o", str(out)]
    for role, files in FILES.items():
        for f in files:
            args += [f"--{role}", str(f)]
    assert main(args) == 0
    assert "not translated" in capsys.readouterr().out
    assert (out / "actors" / "people.yaml").is_file() and (out / "import_report.txt").is_file()
    assert main(["dict", "check", "--no-examples", str(out)]) == 0


def test_a_directory_of_petrarch_files_loads_directly():
    assert is_petrarch_dir(DATA)
    dicts, report = load_petrarch_dir(DATA)
    assert "en" in dicts.lexicons and report.counts["verb files"] == 2


# --- the validation records -------------------------------------------------------------------

def test_validation_records_imported(imported):
    bench = _bench()
    s = bench.run(DATA / "validate.conllu", imported[0])
    assert s.expected >= 100
    assert s.found_rate >= 0.95, s.report()
    assert s.extra_rate <= 0.05, s.report()


def test_validation_records_with_the_petrarch_directory():
    """`--dictionaries DIR` with the PETRARCH files themselves gives the same figures."""
    bench = _bench()
    s = bench.run(DATA / "validate.conllu", DATA)
    assert s.found_rate >= 0.95 and s.extra_rate <= 0.05, s.report()


def test_conllu_v1_labels_are_normalized():
    from coder.conllu import read_conllu

    stories = {ps.story.id: ps for ps in read_conllu(DATA / "validate.conllu")}
    sent = stories["PASS-01"].sentences[0]
    rels = {t.form: t.deprel for t in sent.tokens}
    assert rels["Iran"] == "nsubj:pass" and rels["was"] == "aux:pass"
    neg = stories["NEG-01"].sentences[0]
    assert any(t.form == "not" and t.deprel == "advmod" and "Polarity=Neg" in t.feats for t in neg.tokens)

"""End to end with the real offline models and the shipped dictionaries: the issue's sentences."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from coder.doc import Story
from coder.records import SCHEMA

ROOT = Path(__file__).resolve().parent.parent


def code(pipeline, text, lang, date="2016-12-06"):
    t = pipeline.code_table([Story("t", text, date, lang)])
    return sorted((r["source"], r["code"], r["target"] or "-") for r in t.to_pylist())


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Moscou et Pékin ont bloqué par leur veto la résolution du Conseil de sécurité.",
     [("CHNGOV", "129", "IGOUNO"), ("RUSGOV", "129", "IGOUNO")]),
    ("en", "Damascus rejected any truce in the city.", [("SYRGOV", "1246", "-")]),
    ("fr", "L'armée syrienne a repris le contrôle d'Alep-Est.", [("SYRMIL", "192", "-")]),
    ("en", "Russian diplomats criticized the French proposal.", [("RUSGOV", "111", "FRA")]),
    ("en", "Syrian rebels attacked the positions of the Syrian army.", [("SYRREB", "190", "SYRMIL")]),
    ("fr", "Paris a vivement critiqué la position russe.", [("FRAGOV", "111", "RUS")]),
    ("en", "Russia and China vetoed the Security Council resolution.", [("CHN", "129", "IGOUNO"), ("RUS", "129", "IGOUNO")]),
    ("en", "Saudi-led forces bombed the port of Hodeidah.", [("SAUMIL", "195", "YEM")]),  # a town stands for its country
    ("en", "Iran-backed Houthi rebels fired missiles at Riyadh.", [("YEMREB", "195", "SAUGOV")]),
])
def test_issue_sentences(pipeline, lang, text, expected):
    assert code(pipeline, text, lang) == expected


def test_require_target_drops_targetless_events(models):
    from coder.dictionaries import load_dictionaries
    from coder.pipeline import Pipeline

    p = Pipeline(load_dictionaries(None), models=models, require_target=True)
    assert code(p, "Damascus rejected any truce in the city.", "en") == []


def test_api_code_text(models):
    import coder

    df = coder.code_text("Damascus rejected any truce in the city.", lang="en", date="2016-12-06", models=str(models))
    assert list(df.columns) == SCHEMA.names
    assert df.loc[0, "source"] == "SYRGOV" and df.loc[0, "code"] == "1246" and df.loc[0, "goldstein"] == -4.0  # GDELT Goldstein of 1246
    assert df.loc[0, "pattern_id"] and df.loc[0, "verb"] == "reject"


def test_cli_code_sample_with_bad_input(tmp_path, models):
    out = tmp_path / "ev.parquet"
    cmd = [sys.executable, "-m", "coder.cli", "code", str(ROOT / "data" / "bad_stories.jsonl"),
           str(ROOT / "data" / "stories.csv"), "-o", str(out), "--quiet", "--graph", str(tmp_path / "g.json")]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "events by CAMEO root code" in r.stdout
    rejects = [json.loads(x) for x in (tmp_path / "ev.rejects.jsonl").read_text().splitlines()]
    assert sorted(x["line"] for x in rejects) == [2, 4, 6]
    assert all(x["file"].endswith("bad_stories.jsonl") for x in rejects)
    df = pd.read_parquet(out)
    assert len(df) > 0 and set(df["story_id"]) <= {f"csv-00{i}" for i in range(1, 7)} | {
        json.loads(line)["id"] for line in (ROOT / "data" / "bad_stories.jsonl").read_text().splitlines()
        if line.startswith("{") and line.rstrip().endswith("}")}
    meta = json.loads(pq.read_schema(out).metadata[b"coder"])
    assert meta["coder_version"] and meta["dictionaries_hash"]
    assert json.loads((tmp_path / "g.json").read_text())["nodes"]


def test_event_ids_stable_across_runs(pipeline):
    stories = [Story("s1", "Damascus rejected any truce in the city.", "2016-12-06", "en")]
    a = pipeline.code_table(stories).column("event_id").to_pylist()
    b = pipeline.code_table(stories).column("event_id").to_pylist()
    assert a == b and len(set(a)) == len(a) == 1


def test_unsupported_language_and_nothing_coded_exit_status(tmp_path, models):
    p = tmp_path / "de.jsonl"
    p.write_text(json.dumps({"id": "x", "date": "2016-01-01", "language": "de", "text": "Berlin kritisiert Moskau."}) + "\n")
    r = subprocess.run([sys.executable, "-m", "coder.cli", "code", str(p), "-o", str(tmp_path / "o.parquet"), "-q"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1
    assert "unsupported language 'de'" in r.stderr and "story 'x'" in r.stderr


def test_preparsed_conllu_skips_stanza(tmp_path, mini_dicts):
    from coder.ingest import read_inputs
    from coder.pipeline import Pipeline

    p = tmp_path / "x.conllu"
    p.write_text("# newdoc id = d1\n# date = 2016-12-06\n# language = en\n"
                 "1\tRussia\tRussia\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tvetoed\tveto\tVERB\t_\t_\t0\troot\t_\t_\n"
                 "3\tthe\tthe\tDET\t_\t_\t4\tdet\t_\t_\n4\tresolution\tresolution\tNOUN\t_\t_\t2\tdobj\t_\t_\n\n")
    pipe = Pipeline(mini_dicts, models=tmp_path / "no-models-here")  # Stanza is never loaded
    t = pipe.code_table(read_inputs([p]))
    assert [(r["source"], r["code"]) for r in t.to_pylist()] == [("RUS", "129")]


def test_coding_gives_the_events_explain_gives(models):
    """``code`` skips what cannot match (patterns whose words are not in the sentence, frames of
    candidates left with none): the events are those of ``explain``, which tries everything."""
    from scale_corpus import parsed_sample

    from coder.coding.engine import coder_for
    from coder.coding.repair import repair_for
    from coder.dictionaries import load_dictionaries

    def key(events):
        return [(e.source.code, e.code, e.target.code if e.target else "-", e.pattern.id, e.pred) for e in events]

    lex = load_dictionaries(None).lexicon("en")
    coder = coder_for(lex)
    n = 0
    for ps in parsed_sample(models):
        for i, sent in enumerate(ps.sentences):
            sent = repair_for(sent, lex)
            coded = coder.code(sent, ps.story.date, i)
            assert key(coded) == key(e for a in coder.explain(sent, ps.story.date, i) for e in a.events)
            n += len(coded)
    assert n > 0

"""`coder export` (GDELT / Phoenix / ICEWS layouts) and `coder describe`."""

from __future__ import annotations

import csv
import json

import pytest
from synth import EVENTS, events_table

from coder.cli import main
from coder.dataset import DatasetWriter
from coder.export import FORMATS, actor_parts, numeric_id, phoenix_actor


@pytest.fixture
def dataset(tmp_path):
    out = tmp_path / "events"
    with DatasetWriter(out, {"coder_version": "0.1.0", "dictionaries_hash": "h1"}) as w:
        w.write(events_table())
    return out


def _rows(path, header: bool) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:] if header else rows


def _by(rows, names, key, value):
    i = names.index(key)
    return [dict(zip(names, r, strict=True)) for r in rows if r[i] == value]


@pytest.mark.parametrize(("fmt", "ncols", "header"), [("gdelt", 61, False), ("phoenix", 26, False), ("icews", 20, True)])
def test_export_layout(dataset, tmp_path, fmt, ncols, header):
    out = tmp_path / f"out.{fmt}.tsv"
    assert main(["export", str(dataset), "-o", str(out), "--format", fmt]) == 0
    names = FORMATS[fmt].names
    assert len(names) == ncols
    lines = out.read_text(encoding="utf-8").splitlines()
    assert (lines[0].split("\t") == names) is header
    rows = _rows(out, header)
    assert len(rows) == len(EVENTS) and all(len(r) == ncols for r in rows)


def test_gdelt_columns(dataset, tmp_path):
    out = tmp_path / "g.tsv"
    main(["export", str(dataset), "-o", str(out), "--format", "gdelt"])
    names = FORMATS["gdelt"].names
    rows = _rows(out, False)
    (veto,) = _by(rows, names, "EventCode", "129")
    assert veto["SQLDATE"] == "20161008" and veto["MonthYear"] == "201610" and veto["Year"] == "2016"
    assert (veto["Actor1Code"], veto["Actor1CountryCode"], veto["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (veto["Actor2Code"], veto["Actor2KnownGroupCode"], veto["Actor2Type1Code"]) == ("IGOUNO", "UNO", "IGO")
    assert (veto["EventBaseCode"], veto["EventRootCode"], veto["QuadClass"]) == ("129", "12", "3")
    assert float(veto["GoldsteinScale"]) == -5.0 and veto["SOURCEURL"] == "s3"
    assert veto["AvgTone"] == "" and veto["ActionGeo_Lat"] == ""
    (refuse,) = _by(rows, names, "EventCode", "1246")
    assert refuse["EventBaseCode"] == "124" and refuse["Actor2Code"] == "" and refuse["Actor2CountryCode"] == ""
    (undated,) = _by(rows, names, "EventCode", "040")
    assert undated["SQLDATE"] == "" and undated["EventCode"] == "040"  # leading zero kept
    assert len({r[0] for r in rows}) == len(rows) and all(r[0].isdigit() for r in rows)


def test_phoenix_columns(dataset, tmp_path):
    out = tmp_path / "p.tsv"
    main(["export", str(dataset), "-o", str(out), "--format", "phoenix"])
    names = FORMATS["phoenix"].names
    (veto,) = _by(_rows(out, False), names, "EventCode", "129")
    assert veto["Date"] == "20161008" and (veto["Year"], veto["Month"], veto["Day"]) == ("2016", "10", "8")
    assert (veto["SourceActorFull"], veto["SourceActorEntity"], veto["SourceActorRole"]) == ("RUSGOV", "RUS", "GOV")
    assert (veto["TargetActorEntity"], veto["TargetActorAttribute"]) == ("IGO", "UNO")
    assert veto["EventRootCode"] == "12" and veto["PentaClass"] == "3" and veto["SentenceID"].startswith("s3_")
    assert phoenix_actor("SYRREB") == ("SYR", "REB", "") and phoenix_actor("") == ("", "", "")


def test_icews_columns(dataset, tmp_path):
    out = tmp_path / "i.tsv"
    main(["export", str(dataset), "-o", str(out), "--format", "icews"])
    names = FORMATS["icews"].names
    (strike,) = _by(_rows(out, True), names, "CAMEO Code", "195")
    assert strike["Event Date"] == "2016-09-01"
    assert (strike["Source Name"], strike["Source Sectors"], strike["Source Country"]) == \
        ("Military (Russia)", "Military", "Russia")
    assert (strike["Target Name"], strike["Target Country"]) == ("Rebels (Syria)", "Syria")
    assert strike["Event Text"] == "Employ aerial weapons" and float(strike["Intensity"]) == -10.0
    assert strike["Story ID"] == "s1" and strike["Sentence Number"] == "1" and strike["Latitude"] == ""


def test_export_helpers():
    assert actor_parts("SYRGOVMIL").types == ("GOV", "MIL")
    assert numeric_id("0123456789abcdef0123") == int("0123456789abcde", 16)
    assert numeric_id("not-hex") == numeric_id("not-hex") > 0


def test_describe(dataset, capsys):
    assert main(["describe", str(dataset), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["events"] == len(EVENTS) and d["stories"] == 6 and d["undated_events"] == 1
    assert (d["first_date"], d["last_date"]) == ("2016-09-01", "2016-12-13")
    assert {r["root_code"]: r["events"] for r in d["root_codes"]}["19"] == 3
    assert {q["quad_class"]: q["events"] for q in d["quad_classes"]} == {1: 4, 3: 4, 4: 3}
    assert d["top_dyads"][0] == {"source": "SYRMIL", "target": "SYRREB", "events": 2}
    assert d["top_actors"][0]["actor"] == "RUS" and d["top_actors"][0]["events"] == 4
    assert d["metadata"]["dictionaries_hash"] == "h1"
    assert d["sentences_with_events"] == len({(s, i % 3) for i, (s, *_) in enumerate(EVENTS)})
    assert main(["describe", str(dataset)]) == 0
    text = capsys.readouterr().out
    assert "2016-09-01 .. 2016-12-13" in text and "SYRMIL -> SYRREB" in text


def test_missing_input_is_usage_error(tmp_path):
    assert main(["describe", str(tmp_path / "nope")]) == 2
    assert main(["export", str(tmp_path / "nope"), "-o", str(tmp_path / "x"), "--format", "gdelt"]) == 2


def test_armed_group_codes_get_their_known_group_back(tmp_path):
    # Events write Hamas as PSEREB with target_group HMS; the exports give the full CAMEO code.
    from synth import row

    from coder.export import convert
    from coder.records import to_table

    table = to_table([row("e1", "s1", None, "ISRMIL", "PSEREB", "190", target_group="HMS"),
                      row("e2", "s1", None, "ISRMIL", "PSEREB", "190", target_group="")])
    df = convert(table.to_pandas(), "gdelt")
    assert df["Actor2Code"].tolist() == ["PSEREBHMS", "PSEREB"]
    inside = to_table([row("e1", "s1", None, "ISRMIL", "PSEREBHMS", "190", target_group="HMS")])  # --groups-in-codes
    assert convert(inside.to_pandas(), "gdelt")["Actor2Code"].tolist() == ["PSEREBHMS"]
    assert df["Actor2KnownGroupCode"].tolist() == ["HMS", ""]
    assert df["Actor2CountryCode"].tolist() == ["PSE", "PSE"]


def test_split_group():
    from coder.cameo import split_group

    assert split_group("AFGINSTAL") == ("AFGREB", "TAL")
    assert split_group("PSEREBHMS") == ("PSEREB", "HMS")
    assert split_group("UKRSEP") == ("UKRREB", "")
    assert split_group("RUSUAFWAG") == ("RUSUAF", "WAG")
    assert split_group("IMGMOSISI") == ("IMGMOSISI", "")
    assert split_group("SYRGOV") == ("SYRGOV", "")

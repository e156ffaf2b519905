"""The Parquet schema round-trips through pyarrow and pandas; the graph aggregates correctly."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq

from coder.graph import build_graph, write_graph
from coder.records import SCHEMA, to_table, write_parquet


def _row(**kw):
    base = {c: None for c in SCHEMA.names}
    base.update(event_id="e", story_id="s", sentence_id=0, source="RUS", code="129", root_code="12",
                quad_class=3, goldstein=-5.0, pattern_id="p", source_country="RUS", target="IGOUNO")
    base.update(kw)
    return base


def test_parquet_round_trip(tmp_path):
    import datetime as dt

    rows = [_row(event_id="1", date=dt.date(2016, 12, 5)), _row(event_id="2", code="010", root_code="01", quad_class=1,
                                                              goldstein=0.0, target="", date=dt.date(2016, 12, 6))]
    out = tmp_path / "ev.parquet"
    write_parquet(to_table(rows, {"coder_version": "x"}), out)
    t = pq.read_table(out)
    assert t.schema.equals(SCHEMA, check_metadata=False)
    df = pd.read_parquet(out)
    assert list(df.columns) == SCHEMA.names and df["code"].tolist() == ["129", "010"]
    assert not list(tmp_path.glob(".*tmp"))  # atomic write leaves no temporary file


def test_graph_edges_and_nodes(tmp_path):
    df = pd.DataFrame([
        _row(event_id="1", source="RUS", target="IGOUNO", quad_class=3, goldstein=-5.0, date="2016-12-05"),
        _row(event_id="2", source="RUS", target="IGOUNO", quad_class=4, goldstein=-10.0, date="2016-12-07"),
        _row(event_id="3", source="SYRGOV", target="", code="1246", quad_class=3, goldstein=-5.0, date="2016-12-06"),
    ])
    g = build_graph(df)
    assert set(g.nodes) == {"RUS", "IGOUNO", "SYRGOV"}
    assert g.nodes["SYRGOV"]["country"] == "SYR" and g.nodes["SYRGOV"]["agent"] == "GOV"
    e = g.edges["RUS", "IGOUNO"]
    assert e["events"] == 2 and e["quad3"] == 1 and e["quad4"] == 1
    assert e["goldstein_total"] == -15.0 and e["goldstein_mean"] == -7.5
    assert (e["first_date"], e["last_date"]) == ("2016-12-05", "2016-12-07")
    for ext in (".graphml", ".gexf", ".json", ".csv"):
        write_graph(g, tmp_path / f"g{ext}")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.edges["RUS", "IGOUNO"]["events"] == 2

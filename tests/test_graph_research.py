"""`coder graph` options: filters, levels, weights, time slices, dynamic graphs, summary."""

from __future__ import annotations

import networkx as nx
import pytest
from synth import events_frame, events_table

from coder.cli import main
from coder.dataset import DatasetWriter
from coder.graph import build_graph
from coder.graph_dynamic import dynamic_graph, sliced_graphs
from coder.graph_select import filter_events, slice_bounds, slice_label
from coder.graph_stats import centrality_table, pagerank


@pytest.fixture
def dataset(tmp_path):
    out = tmp_path / "events"
    with DatasetWriter(out, {"coder_version": "0.1.0"}) as w:
        w.write(events_table())
    return out


def test_filters():
    df = events_frame()
    assert set(filter_events(df, root=["19", "18"])["code"]) == {"190", "195"}
    assert set(filter_events(df, root=["4"])["code"]) == {"040"}
    assert set(filter_events(df, quad=[3])["root_code"]) == {"10", "11", "12"}
    rus = filter_events(df, actor=["rus"])
    assert len(rus) == 7 and all("RUS" in s + t for s, t in zip(rus["source"], rus["target"], strict=True))
    assert set(filter_events(df, country=["TUR"])["story_id"]) == {"s5", "s6"}
    between = filter_events(df, since="2016-09-12", until="2016-10-08")
    assert set(between["story_id"]) == {"s2", "s3"}
    assert len(filter_events(df)) == len(df)


def test_levels_and_weights():
    df = events_frame()
    g = build_graph(df, level="country", weight="conflict_share")
    assert "SYR" in g and "SYRMIL" not in g and "IGOUNO" in g  # no country: keeps its code
    assert g.edges["SYR", "SYR"]["events"] == 2 and g.edges["SYR", "SYR"]["weight"] == 1.0
    assert g.edges["USA", "RUS"]["weight"] == 0.0
    assert g.edges["RUS", "SYR"]["events"] == 1
    assert build_graph(df, weight="goldstein").edges["SYRMIL", "SYRREB"]["weight"] == -20.0
    assert build_graph(df, weight="count").edges["SYRMIL", "SYRREB"]["weight"] == 2.0
    assert "weight" not in build_graph(df).edges["SYRMIL", "SYRREB"]  # default unchanged


def test_slices():
    import datetime as dt

    assert slice_label(dt.date(2016, 9, 12), "week") == "2016-W37"
    assert slice_bounds("2016-W37", "week") == ("2016-09-12", "2016-09-18")
    assert slice_bounds("2016-02", "month") == ("2016-02-01", "2016-02-29")
    assert slice_bounds("2016", "year") == ("2016-01-01", "2016-12-31")
    labels = [label for label, _ in sliced_graphs(events_frame(), "month")]
    assert labels == ["2016-09", "2016-10", "2016-12"]  # undated events belong to no slice
    oct_ = dict(sliced_graphs(events_frame(), "month"))["2016-10"]
    assert set(oct_.edges) == {("RUSGOV", "IGOUNO"), ("FRA", "RUSGOV"), ("SYRMIL", "SYRREB"), ("IGOUNO", "SYRGOV")}


def test_dynamic_graphs(tmp_path):
    df = events_frame()
    g = dynamic_graph(df, "month", weight="count")
    e = g.edges["SYRMIL", "SYRREB"]
    assert e["spells"] == [("2016-09-01", "2016-09-30"), ("2016-10-01", "2016-10-31")]
    assert e["events_t"] == [(1, "2016-09-01", "2016-09-30"), (1, "2016-10-01", "2016-10-31")]
    assert "TUR" in g and ("TUR", "RUS") not in g.edges  # undated event has no time
    from coder.graph import write_graph

    write_graph(g, tmp_path / "d.gexf")
    back = nx.read_gexf(tmp_path / "d.gexf")
    assert back.graph["mode"] == "dynamic"
    m = dynamic_graph(df, "month", multi=True)
    assert m.number_of_edges("SYRMIL", "SYRREB") == 2
    assert {d["start"] for _, _, d in m.edges(data=True)} == {"2016-09-01", "2016-10-01", "2016-12-01"}


def test_centrality_table():
    g = build_graph(events_frame(), weight="goldstein")
    t = centrality_table(g, "weight")
    assert len(t) == g.number_of_nodes() and abs(t["pagerank"].sum() - 1) < 1e-9
    row = t.set_index("actor").loc["SYRREB"]
    assert row["in_strength"] == -30.0 and row["out_strength"] == 0 and row["degree"] == 2
    assert t.set_index("actor").loc["RUS", "betweenness"] > 0
    assert t["pagerank"].is_monotonic_decreasing and len(centrality_table(g, top=3)) == 3
    star = nx.DiGraph([(i, 0) for i in range(1, 6)])
    pr = pagerank(star)
    assert max(pr, key=pr.get) == 0


def test_graph_cli(dataset, tmp_path, capsys):
    out = tmp_path / "g" / "actors.graphml"
    assert main(["graph", str(dataset), "-o", str(out)]) == 0
    assert nx.read_graphml(out).number_of_edges() == 9
    assert main(["graph", str(dataset), "-o", str(out), "--by", "month", "--root", "19,18", "--level", "country"]) == 0
    assert sorted(p.name for p in out.parent.glob("actors-*")) == ["actors-2016-09.graphml", "actors-2016-10.graphml"]
    assert set(nx.read_graphml(out.parent / "actors-2016-09.graphml").edges) == {("RUS", "SYR"), ("SYR", "SYR")}
    assert main(["graph", str(dataset), "-o", str(tmp_path / "dyn.gexf"), "--by", "week", "--dynamic"]) == 0
    assert 'mode="dynamic"' in (tmp_path / "dyn.gexf").read_text()
    capsys.readouterr()
    assert main(["graph", str(dataset), "--summary", "--quad", "4", "--top", "3", "--weight", "count"]) == 0
    text = capsys.readouterr().out
    assert "pagerank" in text and "SYRREB" in text and "USA" not in text
    assert main(["graph", str(dataset)]) == 2  # neither -o nor --summary
    assert main(["graph", str(dataset), "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["graph", str(dataset), "-o", str(tmp_path / "x.gexf"), "--dynamic"]) == 2

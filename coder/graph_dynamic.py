"""Time-sliced actor graphs: one graph per slice, or a single dynamic graph for Gephi."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import pandas as pd

from coder.graph import build_graph
from coder.graph_select import slice_bounds, time_slices

SLICE_ATTRS = ("events", "quad1", "quad2", "quad3", "quad4", "goldstein_total", "weight")


def sliced_graphs(events: pd.DataFrame, by: str, level: str = "actor",
                  weight: str | None = None) -> Iterator[tuple[str, nx.DiGraph]]:
    """(label, graph of that slice's events) in time order."""
    for label, grp in time_slices(events, by):
        yield label, build_graph(grp, level, weight)


def dynamic_graph(events: pd.DataFrame, by: str, level: str = "actor", weight: str | None = None,
                  multi: bool = False) -> nx.DiGraph:
    """A graph whose nodes and edges carry the slices they are active in.

    ``multi=False`` (for GEXF): the aggregate DiGraph, each node and edge with ``spells`` (the first and
    last day of every slice it is active in) and per-slice values of the edge counts as dynamic attributes,
    which Gephi reads as a dynamic graph (timeline). ``multi=True`` (for GraphML, CSV, JSON): a
    MultiDiGraph with one edge per dyad and slice, with ``slice``, ``start`` and ``end`` attributes."""
    g = build_graph(events[events["date"].notna()], level, weight)
    if multi:
        g = nx.MultiDiGraph(nx.create_empty_copy(g))
    for label, sg in sliced_graphs(events, by, level, weight):
        start, end = slice_bounds(label, by)
        for n in sg.nodes:
            g.nodes[n].setdefault("spells", []).append((start, end))
        for s, t, d in sg.edges(data=True):
            if multi:
                g.add_edge(s, t, key=label, slice=label, start=start, end=end, **d)
                continue
            e = g.edges[s, t]
            e.setdefault("spells", []).append((start, end))
            for k in SLICE_ATTRS:
                if k in d:
                    e.setdefault(f"{k}_t", []).append((d[k], start, end))
    if multi:
        for _, d in g.nodes(data=True):
            d.pop("spells", None)
    return g

"""Actor centralities of a graph, as a table."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd


def pagerank(g: nx.DiGraph, weight: str = "events", alpha: float = 0.85, tol: float = 1e-10) -> dict:
    """PageRank by power iteration with numpy (networkx's own needs scipy); dangling nodes spread evenly."""
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    m = np.zeros((n, n))
    for s, t, d in g.edges(data=True):
        m[index[t], index[s]] += abs(float(d.get(weight, 1)))
    out = m.sum(axis=0)
    dangling = out == 0
    m[:, ~dangling] /= out[~dangling]
    r = np.full(n, 1 / n)
    for _ in range(1000):
        new = alpha * (m @ r + r[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(new - r).sum() < tol:
            r = new
            break
        r = new
    return dict(zip(nodes, r / r.sum(), strict=True))


def centrality_table(g: nx.DiGraph, weight: str = "events", top: int | None = None) -> pd.DataFrame:
    """One row per node: events, degree (distinct neighbours), in/out strength (sum of ``weight`` on
    incoming/outgoing edges), betweenness (unweighted, normalized) and PageRank (weighted by event counts).
    Sorted by PageRank; ``top`` keeps the first rows."""
    cols = ["actor", "name", "events", "degree", "in_strength", "out_strength", "betweenness", "pagerank"]
    if g.number_of_nodes() == 0:
        return pd.DataFrame(columns=cols)
    simple = nx.DiGraph(g)
    undirected = simple.to_undirected()
    between = nx.betweenness_centrality(simple)
    ranks = pagerank(simple)
    rows = []
    for n, d in g.nodes(data=True):
        rows.append({
            "actor": n, "name": d.get("name", ""), "events": d.get("events", 0),
            "degree": len(set(undirected[n]) - {n}),
            "in_strength": float(sum(e.get(weight, 0) for _, _, e in g.in_edges(n, data=True))),
            "out_strength": float(sum(e.get(weight, 0) for _, _, e in g.out_edges(n, data=True))),
            "betweenness": between[n], "pagerank": ranks[n],
        })
    df = pd.DataFrame(rows, columns=cols).sort_values(["pagerank", "events", "actor"], ascending=[False, False, True],
                                                      ignore_index=True)
    return df.head(top) if top else df

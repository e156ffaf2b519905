"""The actor graph: one node per actor code, one edge per source -> target dyad (NetworkX)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd

from coder import cameo
from coder.atomic import write_text_atomic

FORMATS = (".graphml", ".gexf", ".json", ".csv")


LEVELS = ("actor", "country")
WEIGHTS = ("count", "goldstein", "conflict_share")


def node_codes(events: pd.DataFrame, side: str, level: str = "actor") -> pd.Series:
    """The node of each event's ``side`` ('source' or 'target'): the actor code, or at country level its
    country (actors without a country, such as IGOUNO or rebels of no known country, keep their code)."""
    codes = events[side].fillna("")
    if level == "actor":
        return codes
    if level != "country":
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    country = events[f"{side}_country"].fillna("")
    return country.where(country != "", codes)


def _edge_weight(attrs: dict, weight: str) -> float:
    if weight == "count":
        return float(attrs["events"])
    if weight == "goldstein":
        return attrs["goldstein_total"]
    if weight == "conflict_share":
        return (attrs["quad3"] + attrs["quad4"]) / attrs["events"]
    raise ValueError(f"unknown weight {weight!r}: use one of {', '.join(WEIGHTS)}")


def build_graph(events: pd.DataFrame, level: str = "actor", weight: str | None = None) -> nx.DiGraph:
    """Aggregate events into a DiGraph. Nodes: name, country, agent, events (as source or target).
    Edges: events, quad1..quad4 counts, goldstein_total, goldstein_mean, first_date, last_date, and
    ``weight`` when asked: event count, Goldstein total or conflict share (quad 3+4 / events).
    ``level="country"`` merges actors into their country (see ``node_codes``)."""
    events = events.assign(source=node_codes(events, "source", level), target=node_codes(events, "target", level))
    g = nx.DiGraph()
    df = events[(events["source"] != "") & (events["target"] != "")].copy()
    for code in pd.concat([events["source"], events["target"]]).unique():
        if not code:
            continue
        country, agent = cameo.split_actor(code)
        g.add_node(code, name=cameo.actor_name(code), country=country, agent=agent, events=0)
    for col in ("source", "target"):
        for code, n in events[col].value_counts().items():
            if code:
                g.nodes[code]["events"] += int(n)
    if df.empty:
        return g
    df["date"] = pd.to_datetime(df["date"])
    for (s, t), grp in df.groupby(["source", "target"], sort=True):
        attrs = {"events": len(grp)}
        for q in (1, 2, 3, 4):
            attrs[f"quad{q}"] = int((grp["quad_class"] == q).sum())
        gs = grp["goldstein"].dropna()
        attrs["goldstein_total"] = float(gs.sum())
        attrs["goldstein_mean"] = float(gs.mean()) if len(gs) else 0.0
        dates = grp["date"].dropna()
        attrs["first_date"] = dates.min().date().isoformat() if len(dates) else ""
        attrs["last_date"] = dates.max().date().isoformat() if len(dates) else ""
        if weight:
            attrs["weight"] = _edge_weight(attrs, weight)
        g.add_edge(s, t, **attrs)
    return g


def write_graph(g: nx.DiGraph, path: str | Path) -> None:
    """Write by extension: .graphml, .gexf, .json (node-link) or .csv (edge list)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise ValueError(f"unknown graph format {ext!r}: use one of {', '.join(FORMATS)}")
    if ext == ".graphml":
        text = "\n".join(nx.generate_graphml(g))
    elif ext == ".gexf":
        text = "\n".join(nx.generate_gexf(g))
    elif ext == ".json":
        text = json.dumps(nx.node_link_data(g, edges="edges"), indent=1, ensure_ascii=False)
    else:
        rows = [{"source": s, "target": t, **d} for s, t, d in g.edges(data=True)]
        cols = ["source", "target", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_total",
                "goldstein_mean", "first_date", "last_date"]
        cols += [c for c in dict.fromkeys(k for r in rows for k in r) if c not in cols]
        text = pd.DataFrame(rows, columns=cols).to_csv(index=False)
    write_text_atomic(path, text)

"""Research commands: `coder export`, `coder describe` and the options of `coder graph`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def _csv(text: str | None) -> list[str]:
    return [v for v in (text or "").split(",") if v.strip()]


def _read(command: str, path: str):
    from coder.dataset import read_dataset

    try:
        return read_dataset(path)
    except (OSError, ValueError) as e:
        print(f"coder {command}: cannot read {path}: {e}", file=sys.stderr)
        return None


def cmd_export(args: argparse.Namespace) -> int:
    from coder.export import export

    try:
        n = export(args.events, args.output, args.format, header=args.header)
    except (OSError, ValueError) as e:
        print(f"coder export: {e}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {n} {args.format} events to {args.output}")
    return EXIT_OK


def cmd_describe(args: argparse.Namespace) -> int:
    from coder.describe import describe, render

    try:
        d = describe(args.dataset, top=args.top)
    except (OSError, ValueError) as e:
        print(f"coder describe: cannot read {args.dataset}: {e}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(d, indent=1, ensure_ascii=False) if args.json else render(d))
    return EXIT_OK if d["events"] else EXIT_NOTHING


def _slice_path(out: Path, label: str) -> Path:
    return out.with_name(f"{out.stem}-{label}{out.suffix}")


def cmd_graph(args: argparse.Namespace) -> int:
    """Build, filter, slice, write and summarize the actor graph."""
    from coder.graph import FORMATS, build_graph, write_graph
    from coder.graph_dynamic import dynamic_graph, sliced_graphs
    from coder.graph_select import filter_events
    from coder.graph_stats import centrality_table

    if not args.output and not args.summary:
        print("coder graph: give -o GRAPH and/or --summary", file=sys.stderr)
        return EXIT_USAGE
    if args.output and Path(args.output).suffix.lower() not in FORMATS:
        print(f"coder graph: unknown graph format {Path(args.output).suffix!r}: use one of {', '.join(FORMATS)}",
              file=sys.stderr)
        return EXIT_USAGE
    if args.dynamic and not args.by:
        print("coder graph: --dynamic needs --by", file=sys.stderr)
        return EXIT_USAGE
    df = _read("graph", args.events)
    if df is None:
        return EXIT_USAGE
    df = filter_events(df, _csv(args.root), _csv(args.quad), _csv(args.actor), _csv(args.country),
                       args.since, args.until)
    g = build_graph(df, args.level, args.weight)
    if args.output:
        out = Path(args.output)
        if args.by and args.dynamic:
            write_graph(dynamic_graph(df, args.by, args.level, args.weight, multi=out.suffix.lower() != ".gexf"), out)
            print(f"wrote {out} (dynamic, by {args.by})")
        elif args.by:
            n = 0
            for label, sg in sliced_graphs(df, args.by, args.level, args.weight):
                write_graph(sg, _slice_path(out, label))
                n += 1
            print(f"wrote {n} graphs {_slice_path(out, '<' + args.by + '>')}")
        else:
            write_graph(g, out)
            print(f"wrote {out}")
    print(f"actors: {g.number_of_nodes()}  dyads: {g.number_of_edges()}  events: {len(df)}")
    if args.summary:
        table = centrality_table(g, "weight" if args.weight else "events", top=args.top)
        print(table.to_string(index=False, float_format=lambda x: f"{x:.4g}"))
    return EXIT_OK


def add_graph_options(p: argparse.ArgumentParser) -> None:
    from coder.graph import LEVELS, WEIGHTS
    from coder.graph_select import SLICES

    p.add_argument("events", metavar="EVENTS", help="a Parquet event file or a dataset directory")
    p.add_argument("-o", "--output", metavar="GRAPH", help=".graphml, .gexf, .json (node-link) or .csv (edges)")
    p.add_argument("--by", choices=SLICES, help="one graph per time slice, named GRAPH-<slice>.ext")
    p.add_argument("--dynamic", action="store_true", help="with --by: one dynamic graph (GEXF: timeline in Gephi; "
                   "other formats: one edge per dyad and slice with start/end)")
    p.add_argument("--root", metavar="CODES", help="keep root codes, e.g. 18,19")
    p.add_argument("--quad", metavar="CLASSES", help="keep quad classes, e.g. 3,4")
    p.add_argument("--actor", metavar="CODES", help="keep events with an actor starting with one of these codes")
    p.add_argument("--country", metavar="CODES", help="keep events with a source or target country among these")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="first day kept")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="last day kept")
    p.add_argument("--weight", choices=WEIGHTS, help="add an edge 'weight': event count, Goldstein total or "
                   "conflict share (quad 3+4 / events)")
    p.add_argument("--level", choices=LEVELS, default="actor", help="nodes are actor codes (default) or countries")
    p.add_argument("--summary", action="store_true", help="print the top actors: degree, strengths, betweenness, "
                   "PageRank")
    p.add_argument("--top", type=int, default=15, help="rows of --summary (default 15)")


def add_research_commands(sub) -> None:
    from coder.export import FORMATS

    p = sub.add_parser("export", help="export events as GDELT, Phoenix or ICEWS tab-separated files")
    p.add_argument("events", metavar="EVENTS", help="a Parquet event file or a dataset directory")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--format", required=True, choices=sorted(FORMATS))
    h = p.add_mutually_exclusive_group()
    h.add_argument("--header", dest="header", action="store_true", default=None,
                   help="write a header row (default: only for icews, as the datasets ship)")
    h.add_argument("--no-header", dest="header", action="store_false")
    p.set_defaults(fn=cmd_export)

    p = sub.add_parser("describe", help="summarize an event file or dataset")
    p.add_argument("dataset", metavar="EVENTS")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--top", type=int, default=10, help="dyads and actors listed (default 10)")
    p.set_defaults(fn=cmd_describe)

"""Command line: `coder code`, `graph`, `explain`, `eval`, `models`, `dict`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def _add_dict_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dictionaries", "-d", metavar="DIR", help="dictionary directory (default: the shipped one)")


def _add_model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--models", metavar="DIR", help="Stanza resources directory (default: $CODER_MODELS_DIR, "
                   "$STANZA_RESOURCES_DIR, ~/stanza_resources)")
    p.add_argument("--device", help="cpu, cuda or cuda:N (default: GPU when available)")
    p.add_argument("--batch-size", type=int, default=32, help="documents per Stanza call (default 32)")
    p.add_argument("--cache", metavar="DIR", help="parse cache directory (default: $CODER_CACHE_DIR or ~/.cache/coder/parses)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the parse cache")


def _pipeline(args: argparse.Namespace):
    from coder.dictionaries import load_dictionaries
    from coder.pipeline import Pipeline

    cache: object = True
    if getattr(args, "no_cache", False):
        cache = None
    elif getattr(args, "cache", None):
        cache = args.cache
    return Pipeline(load_dictionaries(args.dictionaries), models=args.models, cache=cache, device=args.device,
                    batch_size=args.batch_size, context=not getattr(args, "no_context", False),
                    require_target=getattr(args, "require_target", False),
                    groups_in_codes=getattr(args, "groups_in_codes", False))


def cmd_code(args: argparse.Namespace) -> int:
    from coder.ingest import normalize_date, read_inputs
    from coder.job import JobOptions, fingerprint, read_rejects, run_job
    from coder.summary import root_count_lines
    from coder.workdir import StaleWorkDir

    if args.date:
        try:
            normalize_date(args.date)
        except ValueError as e:
            print(f"coder code: --date: {e}", file=sys.stderr)
            return EXIT_USAGE
    for p in args.inputs:
        if not Path(p).exists():
            print(f"coder code: input not found: {p}", file=sys.stderr)
            return EXIT_USAGE
    if args.workers is not None and args.workers < 1 or args.chunk_size < 1:
        print("coder code: --workers and --chunk-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    pipe = _pipeline(args)
    lang = None if args.lang == "auto" else args.lang
    out = Path(args.output)
    opts = JobOptions(args.engine, args.workers, args.scheduler, args.chunk_size, args.append, args.fresh,
                      progress=not args.quiet)
    try:
        s = run_job(read_inputs(args.inputs, args.date, lang), pipe, lang, out,
                    fingerprint(args.inputs, pipe, lang, args.date, opts), opts)
    except StaleWorkDir as e:
        print(f"coder code: {e}", file=sys.stderr)
        return EXIT_USAGE
    rejects = read_rejects(out) if s.rejects else []
    for r in rejects:
        print(f"rejected: {r}", file=sys.stderr)
    if s.resumed:
        print(f"resumed: {s.resumed} of {s.batches} batches were already done")
    print(f"stories: {s.stories}  sentences: {s.sentences}  events: {s.events}  rejected: {s.rejects}")
    if s.root_codes:
        print("events by CAMEO root code:")
        print("\n".join(root_count_lines(s.root_codes)))
    rpath = out.with_name(out.name.removesuffix(".parquet") + ".rejects.jsonl")
    print(f"wrote {out}" + (f" and {rpath}" if s.rejects else ""))
    if args.graph:
        from coder.graph import build_graph, write_graph
        from coder.records import read_events

        write_graph(build_graph(read_events(out)), args.graph)
        print(f"wrote {args.graph}")
    return EXIT_OK if s.stories else EXIT_NOTHING


def cmd_graph(args: argparse.Namespace) -> int:
    from coder.cli_research import cmd_graph as graph

    return graph(args)


def cmd_explain(args: argparse.Namespace) -> int:
    from coder.explain import explain_text

    pipe = _pipeline(args)
    print(explain_text(pipe, args.text, None if args.lang == "auto" else args.lang, args.date))
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    from coder.parse import download_models, models_dir

    d = models_dir(args.dir)
    missing = [lang for lang in args.langs if not (d / lang / "depparse").is_dir()]
    for lang in set(args.langs) - set(missing):
        print(f"models for {lang} already in {d}")
    if missing:
        try:
            download_models(missing, d)
        except Exception as e:  # noqa: BLE001 - network errors of all kinds
            print(f"coder models download: could not download {', '.join(missing)} into {d}: {e}\n"
                  "Offline? Point STANZA_RESOURCES_DIR (or --dir) at an existing Stanza resources directory.",
                  file=sys.stderr)
            return EXIT_NOTHING
        print(f"downloaded {', '.join(missing)} into {d}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    from coder import __version__

    ap = argparse.ArgumentParser(prog="coder", description="CAMEO political event coding from news text.")
    ap.add_argument("--version", action="version", version=f"coder {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("code", help="code stories into a Parquet event file")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl, .csv, .parquet, .conllu or a directory")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="EVENTS.parquet (one file) or a directory (dataset partitioned by year=/month=)")
    p.add_argument("--lang", default="auto", help="fr, en or auto (default: the story's field, else detected)")
    p.add_argument("--date", help="story date YYYY-MM-DD for inputs without one")
    p.add_argument("--require-target", action="store_true", help="drop events with no identified target")
    p.add_argument("--no-context", action="store_true", help="do not give country-less agents the story's country")
    p.add_argument("--groups-in-codes", action="store_true",
                   help="write armed groups' known group inside the actor code (PSEREBHMS), not only in *_group")
    p.add_argument("--graph", metavar="GRAPH", help="also write the actor graph (.graphml, .gexf, .json, .csv)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--append", action="store_true", help="keep the events already in OUT, except those of the "
                   "stories coded again")
    p.add_argument("--workers", "-j", type=int, metavar="N", help="processes for parsing and coding "
                   "(default: all cores; 1 with --device cuda)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or dask.distributed (pip install 'coder[dask]')")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="dask scheduler (default: a LocalCluster "
                   "of --workers processes)")
    p.add_argument("--chunk-size", type=int, default=128, metavar="N",
                   help="stories per batch: the unit of work and of checkpointing (default 128)")
    p.add_argument("--fresh", action="store_true", help="discard the checkpoints of an unfinished run "
                   "(OUT.coder-work) instead of resuming it")
    _add_dict_option(p)
    _add_model_options(p)
    p.set_defaults(fn=cmd_code)

    p = sub.add_parser("graph", help="build the actor graph from an event file")
    from coder.cli_research import add_graph_options, add_research_commands

    add_graph_options(p)
    p.set_defaults(fn=cmd_graph)

    p = sub.add_parser("explain", help="show the parse, the patterns tried and the events of a sentence")
    p.add_argument("text")
    p.add_argument("--lang", default="auto")
    p.add_argument("--date")
    _add_dict_option(p)
    _add_model_options(p)
    p.set_defaults(fn=cmd_explain)

    p = sub.add_parser("models", help="manage Stanza models")
    msub = p.add_subparsers(dest="models_command", required=True)
    m = msub.add_parser("download", help="download the official Stanza models (needs the internet)")
    m.add_argument("langs", nargs="+", metavar="LANG")
    m.add_argument("--dir", help="resources directory (default: $CODER_MODELS_DIR, $STANZA_RESOURCES_DIR, ~/stanza_resources)")
    m.set_defaults(fn=cmd_models)

    from coder.cli_dict import add_dict_commands
    from coder.evaluate import add_eval_command

    add_dict_commands(sub)
    add_eval_command(sub)
    add_research_commands(sub)

    args = ap.parse_args(argv)
    from coder.dictionaries import DictionaryErrors
    from coder.parse import ModelsMissing

    try:
        return args.fn(args)
    except (DictionaryErrors, ModelsMissing, FileNotFoundError) as e:
        print(f"coder {args.command}: {e}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())

"""Importer of existing PETRARCH / TABARI dictionaries into the native format.

``coder dict import --verbs CAMEO.2.0.txt --actors Phoenix.Countries.actors.txt --agents
Phoenix.agents.txt -o DIR`` writes a complete native directory (actors/, en/language.yaml,
en/agents.yaml, en/verbs/imported.yaml) and DIR/import_report.txt listing what could not be
translated. ``load_dictionaries`` also accepts a directory of PETRARCH files (imported in memory).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from coder.dictionaries.petrarch.common import Report
from coder.dictionaries.petrarch.convert import import_petrarch
from coder.dictionaries.petrarch.verbs import looks_like_verb_file

__all__ = ["Report", "import_petrarch", "petrarch_files", "is_petrarch_dir", "load_petrarch_dir",
           "add_import_command"]


def petrarch_files(root: str | Path) -> dict[str, list[Path]]:
    """The PETRARCH-format files of a directory, by role (verbs, actors, agents, discards)."""
    root = Path(root)
    out: dict[str, list[Path]] = {"verbs": [], "actors": [], "agents": [], "discards": []}
    if not root.is_dir():
        return out
    for f in sorted(p for p in root.iterdir() if p.is_file()):
        name = f.name.lower()
        if name.endswith(".verbs") or (re.match(r"cameo.*\.txt$", name) and looks_like_verb_file(f)) or \
                (name.endswith(".txt") and "verb" in name and looks_like_verb_file(f)):
            out["verbs"].append(f)
        elif name.endswith(".actors") or (name.endswith(".txt") and "actors" in name):
            out["actors"].append(f)
        elif name.endswith(".agents") or (name.endswith(".txt") and "agents" in name):
            out["agents"].append(f)
        elif "discard" in name and name.endswith((".txt", ".discards")):
            out["discards"].append(f)
    return out


def is_petrarch_dir(root: str | Path) -> bool:
    """A directory of PETRARCH files rather than a native one (no actors/ subdirectory)."""
    root = Path(root)
    if not root.is_dir() or (root / "actors").is_dir():
        return False
    found = petrarch_files(root)
    return bool(found["verbs"] or found["actors"] or found["agents"])


def load_petrarch_dir(root: str | Path):
    """Import a directory of PETRARCH files in memory; returns (Dictionaries, Report)."""
    from coder.dictionaries.native import load_native

    files = petrarch_files(root)
    with tempfile.TemporaryDirectory(prefix="coder-petrarch-") as tmp:
        report = import_petrarch(tmp, **files)
        dicts = load_native(tmp)[0]
    dicts.sources = [str(Path(root))]
    return dicts, report


# --- CLI --------------------------------------------------------------------------------------

def cmd_import(args: argparse.Namespace) -> int:
    from coder.dictionaries.native import DictionaryErrors, load_native

    files = [*args.verbs, *args.actors, *args.agents, *args.discards]
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        print(f"coder dict import: file(s) not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not files:
        print("coder dict import: give at least one of --verbs, --actors, --agents", file=sys.stderr)
        return 2
    out = Path(args.output)
    if out.exists() and (out / "actors").is_dir() and not args.force and any(out.iterdir()):
        if not (out / "import_report.txt").exists():
            print(f"coder dict import: {out} holds a dictionary not made by the importer (use --force)", file=sys.stderr)
            return 2
    report = import_petrarch(out, args.verbs, args.actors, args.agents, args.discards)
    print(report.summary())
    try:
        load_native(out)
    except DictionaryErrors as e:
        print(f"coder dict import: the written directory does not load:\n{e}", file=sys.stderr)
        return 1
    print(f"wrote {out} (report: {out / 'import_report.txt'})")
    return 0


def add_import_command(dsub) -> None:
    p = dsub.add_parser("import", help="import PETRARCH/TABARI dictionaries into a native directory",
                        description="Translate PETRARCH-2 / PETRARCH-1 (TABARI) verb, actor, agent and discard "
                                    "files into a native dictionary directory; what cannot be translated is "
                                    "listed in DIR/import_report.txt.")
    p.add_argument("--verbs", action="append", default=[], metavar="F",
                   help="verb dictionary (CAMEO.2.0.txt or the older CAMEO.verbpatterns format); repeatable")
    p.add_argument("--actors", action="append", default=[], metavar="F", help="actor dictionary; repeatable")
    p.add_argument("--agents", action="append", default=[], metavar="F", help="agents dictionary")
    p.add_argument("--discards", action="append", default=[], metavar="F", help="discards file (sentence and story discards)")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="native dictionary directory to write")
    p.add_argument("--force", action="store_true", help="write into DIR even if it holds another dictionary")
    p.set_defaults(fn=cmd_import)

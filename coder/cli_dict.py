"""`coder dict check | lookup | stats` (and `import`, see coder.dictionaries.petrarch)."""

from __future__ import annotations

import argparse
from collections import Counter


def cmd_check(args: argparse.Namespace) -> int:
    from coder.dictionaries.check import check_dictionaries

    problems = check_dictionaries(args.dir, examples=not args.no_examples, models=args.models)
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def cmd_lookup(args: argparse.Namespace) -> int:
    from coder.dictionaries import load_dictionaries

    lex = load_dictionaries(args.dir).lexicon(args.lang)
    found = False
    for e in lex.actors.lookup(args.phrase):
        code = e.code_on(args.date)
        roles = "; ".join(f"{r.code} {r.start or '…'}..{r.end or '…'}" for r in e.roles)
        print(f"actor  {e.kind:<9} {code or '(not coded on this date)':<12} {e.ref}" + (f"   roles: {roles}" if roles else ""))
        found = True
    for a in lex.agents.lookup(args.phrase.lower()):
        print(f"agent  {'adjective' if a.adjective else 'noun':<9} {a.agent:<12} {a.ref}")
        found = True
    for p in lex.patterns.get(args.phrase.lower(), []) + lex.nominal_patterns.get(args.phrase.lower(), []):
        print(f"pattern {p.id:<40} {p.code}  {p.ref}")
        found = True
    if not found:
        print(f"{args.phrase!r}: not in the {args.lang} dictionaries")
        return 1
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from coder import cameo
    from coder.dictionaries import load_dictionaries

    dicts = load_dictionaries(args.dir)
    for lang, lex in sorted(dicts.lexicons.items()):
        pats = lex.all_patterns()
        codes = {p.code for p in pats}
        print(f"[{lang}] patterns: {len(pats)}  distinct CAMEO codes: {len(codes)}  "
              f"actor names: {len(lex.actors)}  agent words: {len(lex.agents)}")
        by_root = Counter(p.code[:2] for p in pats)
        for root in sorted(cameo.event_types()):
            if len(root) == 2:
                print(f"  {root} {cameo.event_types()[root].name.title():<40} {by_root.get(root, 0):>5}")
    return 0


def add_dict_commands(sub) -> None:
    from coder.cli import _add_model_options

    p = sub.add_parser("dict", help="dictionary tools: check, lookup, stats, import")
    dsub = p.add_subparsers(dest="dict_command", required=True)
    c = dsub.add_parser("check", help="validate dictionaries and fire every example")
    c.add_argument("dir", nargs="?", help="dictionary directory (default: the shipped one)")
    c.add_argument("--no-examples", action="store_true", help="skip parsing the examples")
    _add_model_options(c)
    c.set_defaults(fn=cmd_check)
    lk = dsub.add_parser("lookup", help="what a phrase resolves to")
    lk.add_argument("phrase")
    lk.add_argument("--lang", default="en")
    lk.add_argument("--date")
    lk.add_argument("--dir", help="dictionary directory")
    lk.set_defaults(fn=cmd_lookup)
    s = dsub.add_parser("stats", help="patterns per root code and language")
    s.add_argument("--dir", help="dictionary directory")
    s.set_defaults(fn=cmd_stats)
    try:
        from coder.dictionaries.petrarch import add_import_command
    except ImportError:  # pragma: no cover
        return
    add_import_command(dsub)



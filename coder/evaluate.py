"""Gold sets (docs/gold.md) and scoring: precision, recall, F1 on (source, code, target) triples."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coder.dictionaries.yamlfile import DictionaryError, line_of, load_yaml
from coder.doc import Story

Triple = tuple[str, str, str]


@dataclass
class GoldItem:
    id: str
    text: str
    language: str
    date: str | None
    events: list[Triple]
    tags: list[str] = field(default_factory=list)


def parse_triple(s: str) -> Triple:
    parts = str(s).split()
    if len(parts) == 2:
        parts.append("-")
    if len(parts) != 3:
        raise ValueError(f"event {s!r}: expected 'SOURCE CODE TARGET'")
    src, code, tgt = parts
    return src, code, "" if tgt == "-" else tgt


def load_gold(path: str | Path) -> list[GoldItem]:
    doc = load_yaml(path).data or {}
    lang = doc.get("language")
    items = []
    for it in doc.get("items", []):
        try:
            events = [parse_triple(e) for e in it.get("events") or []]
        except ValueError as e:
            raise DictionaryError(path, line_of(it), str(e)) from None
        items.append(GoldItem(str(it["id"]), str(it["text"]), str(it.get("language") or lang),
                              str(it["date"]) if it.get("date") else None, events, list(it.get("tags") or [])))
    return items


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "predicted": n_pred, "gold": n_gold}


def _depth_matches(gold: list[Triple], pred: list[Triple]) -> int:
    """Matches where each predicted actor code starts with the gold one (gold gives the depth):
    gold YEMREB matches YEMREBHOU; an empty gold target matches only an empty one."""
    used = [False] * len(pred)
    n = 0
    for gs, gc, gt in sorted(gold, key=lambda t: -len(t[0]) - len(t[2])):
        for i, (ps, pc, pt) in enumerate(pred):
            if not used[i] and pc == gc and ps.startswith(gs) and (pt.startswith(gt) if gt else not pt):
                used[i] = True
                n += 1
                break
    return n


def score(gold: dict[str, list[Triple]], pred: dict[str, list[Triple]], tags: dict[str, list[str]] | None = None) -> dict:
    """Micro-averaged scores over items; each item's events compared as multisets."""
    tp = tp_root = tp_depth = n_pred = n_gold = 0
    per_root: dict[str, list[int]] = {}
    per_tag: dict[str, list[int]] = {}
    confusions: Counter = Counter()
    errors = []
    for iid, g in gold.items():
        p = pred.get(iid, [])
        gc, pc = Counter(g), Counter(p)
        hit = gc & pc
        t = sum(hit.values())
        tp += t
        tp_depth += _depth_matches(g, p)
        n_pred += len(p)
        n_gold += len(g)
        root = lambda x: (x[0], x[1][:2], x[2])  # noqa: E731
        tp_root += sum((Counter(map(root, g)) & Counter(map(root, p))).values())
        for tr in set(gc) | set(pc):
            r = per_root.setdefault(tr[1][:2], [0, 0, 0])
            r[0] += hit[tr]
            r[1] += pc[tr]
            r[2] += gc[tr]
        for tag in (tags or {}).get(iid, []):
            r = per_tag.setdefault(tag, [0, 0, 0])
            r[0] += t
            r[1] += len(p)
            r[2] += len(g)
        missed, extra = gc - pc, pc - gc
        for (s, c, tg) in missed:
            alt = next((x for x in extra if x[0] == s and x[2] == tg), None)
            confusions[(c, alt[1] if alt else "none")] += 1
        for (s, c, tg) in extra:
            if not any(x[0] == s and x[2] == tg for x in missed):
                confusions[("none", c)] += 1
        if missed or extra:
            errors.append({"id": iid, "missed": [" ".join(x) for x in missed.elements()],
                           "extra": [" ".join(x) for x in extra.elements()]})
    return {
        "items": len(gold),
        "triples": _prf(tp, n_pred, n_gold),
        "triples_gold_depth": _prf(tp_depth, n_pred, n_gold),
        "root_triples": _prf(tp_root, n_pred, n_gold),
        "per_root": {k: _prf(*v) for k, v in sorted(per_root.items())},
        "per_tag": {k: _prf(*v) for k, v in sorted(per_tag.items())},
        "confusions": [{"gold": a, "predicted": b, "count": n} for (a, b), n in confusions.most_common(30)],
        "errors": errors,
    }


def evaluate(pipe, items: list[GoldItem]) -> dict:
    stories = [Story(it.id, it.text, it.date, it.language) for it in items]
    table = pipe.code_table(stories)
    pred: dict[str, list[Triple]] = {}
    for r in table.to_pylist():
        pred.setdefault(r["story_id"], []).append((r["source"], r["code"], r["target"] or ""))
    gold = {it.id: it.events for it in items}
    return score(gold, pred, {it.id: it.tags for it in items})


def format_report(name: str, res: dict, show_errors: int = 0) -> str:
    t, r, d = res["triples"], res["root_triples"], res["triples_gold_depth"]
    out = [f"{name}: {res['items']} items",
           f"  triples (source, code, target): P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}"
           f"   ({t['tp']} correct, {t['predicted']} coded, {t['gold']} gold)",
           f"  triples, actors to gold depth:  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}",
           f"  root-code triples:              P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}",
           "  per root code:  root   P      R      F1    gold"]
    for k, v in res["per_root"].items():
        out.append(f"                  {k:>4}  {v['precision']:.3f}  {v['recall']:.3f}  {v['f1']:.3f}  {v['gold']:>4}")
    if res["per_tag"]:
        out.append("  per construction tag:")
        for k, v in res["per_tag"].items():
            out.append(f"    {k:<16} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  ({v['gold']} gold)")
    if res["confusions"]:
        out.append("  top confusions (gold -> coded):")
        for c in res["confusions"][:12]:
            out.append(f"    {c['gold']:>5} -> {c['predicted']:<5} {c['count']}")
    for e in res["errors"][:show_errors]:
        out.append(f"  {e['id']}: missed {e['missed']} extra {e['extra']}")
    return "\n".join(out)


def cmd_eval(args: argparse.Namespace) -> int:
    from coder.cli import _pipeline

    pipe = _pipeline(args)
    results = {}
    for path in args.gold:
        results[str(path)] = evaluate(pipe, load_gold(path))
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        for path, res in results.items():
            print(format_report(path, res, args.errors))
    return 0


def add_eval_command(sub) -> None:
    from coder.cli import _add_dict_option, _add_model_options

    p = sub.add_parser("eval", help="score the coder against gold files (docs/gold.md)")
    p.add_argument("gold", nargs="+", metavar="GOLD.yaml")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="also list N items with errors")
    _add_dict_option(p)
    _add_model_options(p)
    p.set_defaults(fn=cmd_eval)

"""`coder dict check`: every problem in a dictionary directory, with file and line."""

from __future__ import annotations

from pathlib import Path

from coder.dictionaries.model import Dictionaries, Pattern
from coder.dictionaries.native import default_dictionary_dir, load_native


def conflicts(dicts: Dictionaries) -> list[str]:
    """Names that mean two different actors, or agent words listed under two agents."""
    out = []
    seen: set[str] = set()
    for lang, lex in sorted(dicts.lexicons.items()):
        for key, vals in lex.actors.entries():
            codes = {(v.kind in ("country", "adjective"), v.code) for v in vals if not v.roles}
            refs = sorted({v.ref for v in vals})
            if len({c for _, c in codes}) > 1 and key not in seen:
                seen.add(key)
                out.append(f"{refs[0]}: name {key!r} means several actors: {sorted(c for _, c in codes)} ({', '.join(refs)})")
        for key, vals in lex.agents.entries():
            agents = {(v.agent, v.adjective) for v in vals}
            if len({a for a, _ in agents}) > 1:
                out.append(f"{vals[0].ref}: [{lang}] agent word {key!r} listed under {sorted({a for a, _ in agents})}")
    return out


def example_problems(dicts: Dictionaries, models: str | None = None) -> list[str]:
    """Parse and code every pattern example; report the ones that do not fire as expected."""
    from coder.pipeline import Pipeline

    pipe = Pipeline(dicts, models=models)
    out = []
    for lang, lex in sorted(dicts.lexicons.items()):
        pats = [p for p in lex.all_patterns() if p.example]
        results = fire_examples(pipe, lang, pats)
        for p, problem in results:
            if problem:
                out.append(f"{p.ref}: pattern {p.id}: {problem}")
    return out


def fire_examples(pipe, lang: str, patterns: list[Pattern]) -> list[tuple[Pattern, str]]:
    """For each pattern: '' when its example fires it (with the expected events), else what went wrong."""
    from coder.doc import Story

    stories = [Story(f"{lang}-ex-{i}", p.example or "", None, lang) for i, p in enumerate(patterns)]
    keep, pipe.keep_unknown = pipe.keep_unknown, True  # an example tests its pattern, not the context
    try:
        table = pipe.code_table(stories)
    finally:
        pipe.keep_unknown = keep
    by_story: dict[str, list[dict]] = {}
    for r in table.to_pylist():
        by_story.setdefault(r["story_id"], []).append(r)
    out = []
    for st, p in zip(stories, patterns, strict=True):
        rows = by_story.get(st.id, [])
        fired = [r for r in rows if r["pattern_id"] == p.id]
        got = sorted(f"{r['source']} {r['code']} {r['target'] or '-'}" for r in rows)
        if not fired:
            out.append((p, f"example does not fire it (coded: {got or 'nothing'}): {p.example!r}"))
        elif p.expect and sorted(p.expect) != sorted(f"{r['source']} {r['code']} {r['target'] or '-'}" for r in fired):
            mine = sorted(f"{r['source']} {r['code']} {r['target'] or '-'}" for r in fired)
            out.append((p, f"example gives {mine}, expected {sorted(p.expect)}: {p.example!r}"))
        else:
            out.append((p, ""))
    return out


def overlapping_roles(dicts: Dictionaries) -> list[str]:
    """People whose roles with different codes overlap in time (which one applies is ambiguous)."""
    out, seen = [], set()
    for lex in dicts.lexicons.values():
        for _, vals in lex.actors.entries():
            for v in vals:
                if not v.roles or v.ref in seen:
                    continue
                seen.add(v.ref)
                # an undated role is the default outside the dated ones (PETRARCH style), not an overlap
                roles = sorted((r for r in v.roles if r.start or r.end), key=lambda r: r.start or "")
                for a, b in zip(roles, roles[1:], strict=False):
                    if a.code != b.code and (a.end is None or (b.start or "") < a.end):  # a shared handover day is fine
                        out.append(f"{v.ref}: roles overlap: {a.code} {a.start or '…'}..{a.end or '…'} and "
                                   f"{b.code} {b.start or '…'}..{b.end or '…'}")
    return sorted(out)


def check_dictionaries(path: str | Path | None = None, examples: bool = True, models: str | None = None) -> list[str]:
    root = Path(path) if path else default_dictionary_dir()
    dicts, errors = load_native(root, strict=False)
    problems = [str(e) for e in errors]
    problems += conflicts(dicts)
    problems += overlapping_roles(dicts)
    if examples and not errors:
        problems += example_problems(dicts, models)
    return problems

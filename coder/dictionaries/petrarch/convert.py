"""Translate parsed PETRARCH/TABARI dictionaries into a native dictionary directory."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from coder import cameo
from coder.dictionaries.petrarch.actors import (
    ActorEntry,
    AgentEntry,
    parse_actor_file,
    parse_agent_file,
    parse_discard_file,
)
from coder.dictionaries.petrarch.common import Report, lower_phrase, name_case
from coder.dictionaries.petrarch.verbs import (
    DEFAULT_TARGET,
    Cond,
    Lemmatizer,
    PatternError,
    PatternTranslator,
    VerbFile,
    parse_pattern,
    parse_verb_file,
    verb_forms,
    verb_shape,
)
from coder.text import fold

LANG = "en"
DEFAULT_LANGUAGE: dict[str, list[str]] = {
    "negation": ["not", "n't", "never", "no", "nor", "neither", "none", "nobody", "nothing"],
    "target_prepositions": ["against", "on", "to", "with", "at", "toward", "towards", "upon", "into", "from"],
    "agent_prepositions": ["by"],
    "genitive_prepositions": ["of"],
    "hypothetical_auxiliaries": ["would", "could", "might", "may", "should"],
    "hypothetical_moods": [],
    "light_verbs": ["launch", "carry", "conduct", "stage", "mount", "wage"],
    "stopwords": ["the", "of", "and", "a", "an", "is", "was", "to", "in", "that", "for", "on", "with", "by",
                  "has", "have", "said"],
}
# Words that are not proper names when they make up a whole actor name ("rebels", "police").
COMMON_WORDS = {"rebels", "rebel", "insurgents", "insurgent", "militants", "militant", "police", "army",
                "troops", "forces", "force", "government", "security", "guerrillas", "guerrilla", "fighters",
                "gunmen", "protesters", "demonstrators", "opposition", "soldiers", "military", "islamists",
                "extremists", "terrorists", "separatists", "jihadists", "militia", "militias", "armed",
                "group", "groups", "national", "people", "civilians", "refugees"}


def q(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


# --- language ---------------------------------------------------------------------------------

def language_facts() -> dict[str, list[str]]:
    """The shipped en/language.yaml facts (every list: negation, markers, negating verbs ...),
    defaults where there is no shipped file."""
    facts = {k: list(v) for k, v in DEFAULT_LANGUAGE.items()}
    try:
        from coder.dictionaries.native import default_dictionary_dir
        from coder.dictionaries.yamlfile import load_yaml

        data = load_yaml(default_dictionary_dir() / LANG / "language.yaml").data
    except Exception:  # no shipped dictionaries: defaults
        data = None
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(v, list) and k not in ("discards", "story_discards"):
                facts[k] = [str(x) for x in v]
    return facts


def language_yaml(facts: dict[str, list[str]], discards: list[str] = (), story_discards: list[str] = ()) -> str:
    lines = ["# Grammar facts for the engine (docs/dictionaries.md); written by `coder dict import`.",
             f"language: {q(LANG)}"]
    lines += [f"{k}: {q(v)}" for k, v in facts.items()]
    lines += ["# PETRARCH codes no event without a target.", "require_target: true",
              "# PETRARCH discards: a sentence (story) holding one of these phrases is not coded.",
              f"discards: {q(list(dict.fromkeys(discards)))}", f"story_discards: {q(list(dict.fromkeys(story_discards)))}"]
    return "\n".join(lines) + "\n"


# --- verbs ------------------------------------------------------------------------------------

def _cond_dict(c: Cond) -> dict:
    rel, words, case = c
    d: dict[str, Any] = {rel: "*" if words is None else (words[0] if len(words) == 1 else list(words))}
    if case:
        d["case"] = list(case)
    return d


def _specs(specs: tuple[str, ...] | None, default_target: list[str]) -> list[str] | None:
    if specs is None:
        return None
    out: list[str] = []
    for s in specs:
        out += default_target if s == DEFAULT_TARGET else [s]
    return list(dict.fromkeys(out))


def translate_verbs(files: list[VerbFile], report: Report, facts: dict[str, list[str]]) -> tuple[dict, list[dict]]:
    """(synsets, native pattern mappings) for the verb files."""
    events = cameo.event_types()
    default_target = ["obj", "iobj"] + [f"obl/{p}" for p in facts.get("target_prepositions", [])]
    synsets: dict[str, list[str]] = {}
    for vf in files:
        for name, words in vf.synsets.items():
            merged = synsets.setdefault(name, [])
            merged += [w for w in words if w not in merged]
    lemma = Lemmatizer(files)
    tr = PatternTranslator(synsets)
    out: list[dict] = []
    seen: set[str] = set()
    defaults_of: dict[tuple, str] = {}  # (lemma, extra) -> "file:line" of its first default code
    used_synsets: set[str] = set()

    def emit(p: dict) -> None:
        key = json.dumps({k: v for k, v in p.items() if k != "note"}, sort_keys=True)
        if key in seen:
            report.counts["duplicate patterns merged"] += 1
            return
        seen.add(key)
        out.append(p)
        for c in p.get("with", []) + p.get("without", []):
            for v in c.values():
                for w in v if isinstance(v, list) else [v]:
                    if isinstance(w, str) and w.startswith("$"):
                        used_synsets.add(w[1:])

    for vf in files:
        report.counts["verb files"] += 1
        report.counts[f"verb format {vf.format}"] += 1
        for n, text in vf.transformations:
            report.skip(vf.path, n, text, "PETRARCH-2 transformation (~): no native equivalent")
        for block in vf.blocks:
            report.counts["verb blocks"] += 1
            # verbs grouped by shape (multi-word verbs carry extra conditions)
            shapes: dict[tuple, list[str]] = {}
            own_codes: dict[tuple, dict[str, list[str]]] = {}
            for v in block.verbs:
                report.counts["verbs"] += 1
                sh = verb_shape(v.token, lemma)
                forms = verb_forms(v, sh, lemma)
                lems = shapes.setdefault(sh.extra, [])
                lems += [x for x in (*sh.lemmas, *forms) if x not in lems]
                code = v.code if v.code is not None else block.code
                if code and not set(code) <= {"-", ":"}:
                    c = code.split(":")[0] or code.split(":")[-1]
                    if c not in events:
                        report.skip(vf.path, v.line, f"{v.token} [{code}]", f"unknown CAMEO code {c!r}")
                        continue
                    if ":" in code:
                        report.approx(vf.path, v.line, f"{v.token} [{code}]", "paired default code: only the first event is coded")
                    bucket = own_codes.setdefault(sh.extra, {}).setdefault(c, [])
                    for x in sh.lemmas:
                        if (x, sh.extra) in defaults_of:
                            report.approx(vf.path, v.line, v.token,
                                          f"verb already has a default code (at {defaults_of[(x, sh.extra)]}): that one wins")
                            continue
                        defaults_of[(x, sh.extra)] = f"{vf.path.name}:{v.line}"
                        bucket.append(x)
                    for x in forms:  # surface forms follow their lemma, silently
                        if (x, sh.extra) not in defaults_of:
                            defaults_of[(x, sh.extra)] = f"{vf.path.name}:{v.line}"
                            bucket.append(x)
            if not shapes:
                if block.patterns:
                    for rp in block.patterns:
                        report.skip(vf.path, rp.line, rp.raw, "verb block without verbs")
                continue
            exclusions: list[Cond] = []
            for rp in block.patterns:
                report.counts["source patterns"] += 1
                codes = rp.code.split(":")
                first, second = codes[0].strip(), (codes[1].strip() if len(codes) > 1 else "")
                null = set(rp.code) <= {"-", ":", " "}
                try:
                    pre, post = parse_pattern(rp.text, synsets)
                    t = tr.translate(pre, post)
                except PatternError as e:
                    report.skip(vf.path, rp.line, rp.raw, f"untranslatable: {e}")
                    continue
                if null:
                    if len(t.with_) == 1 and not t.negated:
                        exclusions.append(t.with_[0])
                        report.skip(vf.path, rp.line, rp.raw, "null code [---]: kept as an exclusion on the verb's default code")
                    else:
                        report.skip(vf.path, rp.line, rp.raw, "null code [---] with several conditions: dropped")
                    continue
                code = first or second
                if first in ("", "---") and second and second != "---":
                    code = second
                    reversed_ = True
                else:
                    reversed_ = False
                if code not in events:
                    report.skip(vf.path, rp.line, rp.raw, f"unknown CAMEO code {code!r}")
                    continue
                source, target = t.source, t.target
                if reversed_:  # [:B] the event goes from the target to the source
                    source, target = (target or (DEFAULT_TARGET,)), (source or ("nsubj",))
                elif second and second != "---":
                    report.approx(vf.path, rp.line, rp.raw,
                                  "paired code [A:B]: only the first event (source -> target) is coded")
                for note in dict.fromkeys(t.notes):
                    report.approx(vf.path, rp.line, rp.raw, note)
                for extra, lems in shapes.items():
                    p: dict[str, Any] = {"verb": lems[0] if len(lems) == 1 else lems, "code": code}
                    conds = list(dict.fromkeys(list(extra) + t.with_))
                    if conds:
                        p["with"] = [_cond_dict(c) for c in conds]
                    if t.negated:
                        p["negated"] = True
                    src = _specs(source, default_target)
                    tgt = _specs(target, default_target)
                    if src and src != ["nsubj"]:
                        p["source"] = src
                    if tgt is not None:
                        p["target"] = tgt
                    p["note"] = f"{vf.path.name}:{rp.line}: {rp.raw.strip()}"
                    emit(p)
            for extra, by_code in own_codes.items():
                for code, lems in by_code.items():
                    if not lems:
                        continue
                    p = {"verb": lems[0] if len(lems) == 1 else lems, "code": code}
                    if extra:
                        p["with"] = [_cond_dict(c) for c in extra]
                    if exclusions:
                        p["without"] = [_cond_dict(c) for c in dict.fromkeys(exclusions)]
                    p["note"] = f"{vf.path.name}:{block.line}: default code of block {block.name}"
                    emit(p)
    report.counts["patterns written"] = len(out)
    report.counts["synsets"] = len(used_synsets)
    return {k: [lower_phrase(w) for w in v] for k, v in synsets.items() if k in used_synsets}, out


def verbs_yaml(synsets: dict[str, list[str]], patterns: list[dict]) -> str:
    lines = ["# Verb patterns imported from PETRARCH/TABARI dictionaries by `coder dict import`.",
             "# Each pattern's note gives the source file, line and text.", "", "synsets:"]
    if not synsets:
        lines[-1] += " {}"
    for name, words in sorted(synsets.items()):
        lines.append(f"  {q(name)}: {q(list(dict.fromkeys(w for w in words if w)))}")
    lines += ["", "patterns:"]
    if not patterns:
        lines[-1] += " []"
    for p in patterns:
        first = True
        for k, v in p.items():
            lines.append(f"{'- ' if first else '  '}{k}: {q(v)}")
            first = False
    return "\n".join(lines) + "\n"


# --- actors -----------------------------------------------------------------------------------

def translate_actors(entries: Iterable[ActorEntry], report: Report, common: set[str]) -> dict[str, list[dict]]:
    """Native actor entries by file: countries, organizations, people."""
    countries = cameo.countries()
    by_country: dict[str, dict] = {}
    orgs: list[dict] = []
    people: dict[str, dict] = {}  # merged on the first name

    def names_of(e: ActorEntry) -> list[str]:
        out: dict[str, str] = {}
        for raw in [e.name] + e.aliases:
            n = name_case(raw, common)
            if n:
                out.setdefault(fold(n).replace(" ", ""), n)
        return list(out.values())

    for e in entries:
        report.counts["actor entries"] += 1
        names = names_of(e)
        if not names:
            report.skip(e.file, e.line, e.name, "actor without a name")
            continue
        dated = [c for c in e.codes if c.code and (c.start or c.end)]
        undated = [c for c in e.codes if not (c.start or c.end)]
        if not e.codes:
            report.skip(e.file, e.line, e.name, "actor without a code")
            continue
        if not dated:
            codes = [c.code for c in undated if c.code]
            if not codes:
                report.skip(e.file, e.line, e.name, "null actor [---]: not coded (no native equivalent)")
                continue
            if len(set(codes)) > 1:
                report.approx(e.file, e.line, e.name, f"several undated codes {codes}: the first is used")
            code = codes[0]
            if code in countries:
                entry = by_country.setdefault(code, {"country": code, "names": []})
                entry["names"] += [n for n in names if n not in entry["names"]]
            else:
                orgs.append({"code": code, "names": names, "_ref": f"{e.file}:{e.line}"})
            report.counts["actor names"] += len(names)
            continue
        roles = [{"code": c.code, **({"from": c.start} if c.start else {}), **({"to": c.end} if c.end else {})}
                 for c in dated]
        fallback = [c.code for c in undated]
        if fallback and fallback[0]:
            roles.append({"code": fallback[0]})  # outside the dated ranges
        if len(set(fallback)) > 1:
            report.approx(e.file, e.line, e.name, f"several undated codes {fallback}: the first is the default")
        key = fold(names[0])
        if key in people:
            prev = people[key]
            prev["names"] += [n for n in names if n not in prev["names"]]
            undated_prev = [r for r in prev["roles"] if len(r) == 1]
            dated_all = [r for r in prev["roles"] if len(r) > 1] + [r for r in roles if len(r) > 1]
            fall = undated_prev or [r for r in roles if len(r) == 1]
            prev["roles"] = list({json.dumps(r, sort_keys=True): r for r in dated_all}.values()) + fall[:1]
            report.counts["people merged (same name)"] += 1
        else:
            people[key] = {"names": names, "roles": roles, "_ref": f"{e.file}:{e.line}"}
            report.counts["people with dated roles"] += 1
        report.counts["actor names"] += len(names)
    return {"countries": list(by_country.values()), "organizations": orgs, "people": list(people.values())}


def actors_yaml(kind: str, entries: list[dict]) -> str:
    lines = [f"# {kind.title()} imported from PETRARCH/TABARI actor dictionaries by `coder dict import`.",
             "# Names: PETRARCH phrases with '_' as spaces, in Title Case (acronyms upper case, common", "# nouns lower case).", ""]
    if not entries:
        return "\n".join(lines) + "[]\n"
    for e in entries:
        ref = e.get("_ref")
        if ref:
            lines.append(f"# {ref}")
        if "country" in e:
            lines.append(f"- country: {q(e['country'])}")
        elif "roles" in e:
            lines.append(f"- roles: {q(e['roles'])}")
        else:
            lines.append(f"- code: {q(e['code'])}")
        lines.append(f"  names: {q(e['names'])}")
    return "\n".join(lines) + "\n"


# --- agents -----------------------------------------------------------------------------------

def translate_agents(entries: list[AgentEntry], report: Report, path: str) -> list[dict]:
    types = cameo.actor_types()
    by_code: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for a in entries:
        report.counts["agent entries"] += 1
        text = ", ".join(a.phrases[:3])
        if a.prefix:
            report.skip(path, a.line, f"{text} [{a.code}~]", "prefix agent [XXX~] (code before the country): not expressible")
            continue
        chunks = [a.code[i:i + 3] for i in range(0, len(a.code), 3)]
        if not a.code or len(a.code) % 3 or any(c not in types for c in chunks):
            report.skip(path, a.line, f"{text} [~{a.code}]", f"unknown CAMEO agent code {a.code!r}")
            continue
        words = by_code.setdefault(a.code, [])
        for ph in a.phrases:
            k = fold(ph)
            if k in owner:
                if owner[k] != a.code:
                    report.approx(path, a.line, ph, f"agent word already listed under {owner[k]}: the first is kept")
                continue
            owner[k] = a.code
            words.append(ph)
    report.counts["agent words"] = len(owner)
    return [{"agent": code, "nouns": words} for code, words in by_code.items() if words]


def agents_yaml(agents: list[dict]) -> str:
    lines = ["# Agents imported from a PETRARCH/TABARI agents file by `coder dict import`.", ""]
    if not agents:
        return "\n".join(lines) + "[]\n"
    for a in agents:
        lines += [f"- agent: {q(a['agent'])}", f"  nouns: {q(a['nouns'])}"]
    return "\n".join(lines) + "\n"


# --- everything -------------------------------------------------------------------------------

def import_petrarch(out: str | Path, verbs: Iterable[str | Path] = (), actors: Iterable[str | Path] = (),
                    agents: Iterable[str | Path] = (), discards: Iterable[str | Path] = ()) -> Report:
    """Write a native dictionary directory ``out`` from PETRARCH/TABARI files; return the report
    (also written to ``out/import_report.txt``)."""
    out = Path(out)
    report = Report()
    facts = language_facts()
    verb_files = [parse_verb_file(p, report) for p in verbs]
    synsets, patterns = translate_verbs(verb_files, report, facts)
    agent_entries: list[AgentEntry] = []
    agent_path = ""
    for p in agents:
        agent_entries += parse_agent_file(p, report)
        agent_path = Path(p).name
    common = set(COMMON_WORDS)
    for a in agent_entries:
        for ph in a.phrases:
            if " " not in ph:
                common.add(ph)
    actor_entries: list[ActorEntry] = []
    for p in actors:
        report.counts["actor files"] += 1
        actor_entries += parse_actor_file(p, report)
    by_file = translate_actors(actor_entries, report, common)
    agent_list = translate_agents(agent_entries, report, agent_path)
    sentence_discards: list[str] = []
    story_discards: list[str] = []
    for p in discards:
        for d in parse_discard_file(p, report):
            report.counts["discards"] += 1
            phrase = lower_phrase(d.phrase)
            if not phrase:
                report.skip(p, d.line, d.phrase, "empty discard phrase")
                continue
            (story_discards if d.story else sentence_discards).append(phrase)

    (out / "actors").mkdir(parents=True, exist_ok=True)
    (out / LANG / "verbs").mkdir(parents=True, exist_ok=True)
    for kind, entries in by_file.items():
        (out / "actors" / f"{kind}.yaml").write_text(actors_yaml(kind, entries), encoding="utf-8")
    (out / LANG / "language.yaml").write_text(language_yaml(facts, sentence_discards, story_discards), encoding="utf-8")
    (out / LANG / "agents.yaml").write_text(agents_yaml(agent_list), encoding="utf-8")
    (out / LANG / "verbs" / "imported.yaml").write_text(verbs_yaml(synsets, patterns), encoding="utf-8")
    (out / "import_report.txt").write_text(report.text(), encoding="utf-8")
    return report

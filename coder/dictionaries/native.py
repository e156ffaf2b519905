"""Load the native YAML dictionaries (see docs/dictionaries.md) into a ``Dictionaries``."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any

from coder import cameo
from coder.dictionaries.model import (
    ActorEntry,
    AgentEntry,
    Constraint,
    Dictionaries,
    Language,
    Lexicon,
    Pattern,
    Role,
)
from coder.dictionaries.phrases import PhraseIndex, WordSet
from coder.dictionaries.yamlfile import DictionaryError, line_of, load_yaml
from coder.text import fold, fold_text

UD_RELATIONS = {
    "nsubj", "obj", "iobj", "obl", "xcomp", "ccomp", "advmod", "advcl", "compound", "nmod", "amod",
    "expl", "csubj", "aux", "cop", "mark", "case", "conj", "det", "nummod", "appos", "fixed", "flat",
    "acl", "parataxis", "dep", "discourse", "vocative", "dislocated", "list", "orphan", "goeswith",
    "reparandum", "punct", "root", "cc", "clf", "any", "other",
}
PATTERN_KEYS = {"id", "verb", "noun", "code", "with", "without", "negated", "require_target", "source",
                "target", "example", "expect", "note"}
ALIASES = {"subj": "nsubj", "object": "obj"}


class DictionaryErrors(ValueError):
    """All the problems found while loading, each with file and line."""

    def __init__(self, errors: list[DictionaryError]):
        self.errors = errors
        shown = "\n".join(f"  {e}" for e in errors[:50])
        more = f"\n  ... and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"{len(errors)} problem(s) in the dictionaries:\n{shown}{more}")


def default_dictionary_dir() -> Path:
    """The dictionaries shipped with the project (repo checkout or installed copy)."""
    here = Path(__file__).resolve().parent
    for cand in (here.parent.parent / "dictionaries", here.parent / "shipped_dictionaries"):
        if (cand / "actors").is_dir():
            return cand
    raise FileNotFoundError("cannot find the shipped dictionaries directory; pass --dictionaries DIR")


class _Builder:
    """Accumulates entries and errors while reading files."""

    def __init__(self) -> None:
        self.errors: list[DictionaryError] = []
        self.neutral: list[tuple[str, ActorEntry]] = []
        self.by_lang: dict[str, list[tuple[str, ActorEntry]]] = {}
        self.files: list[Path] = []

    def err(self, path: Path, line: int | None, msg: str) -> None:
        self.errors.append(DictionaryError(path, line, msg))

    def names(self, path: Path, entry: dict, key: str, value_entry: ActorEntry) -> None:
        value = entry.get(key)
        if value is None:
            return
        if isinstance(value, dict):
            for lang, names in value.items():
                for n in self._strings(path, entry, f"{key}.{lang}", names):
                    self.by_lang.setdefault(lang, []).append((n, value_entry))
        else:
            for n in self._strings(path, entry, key, value):
                self.neutral.append((n, value_entry))

    def _strings(self, path: Path, entry: dict, key: str, value: Any) -> list[str]:
        items = value if isinstance(value, list) else [value]
        good = [str(v) for v in items if isinstance(v, (str, int, float)) and str(v).strip()]
        if len(good) != len(items):
            self.err(path, line_of(entry), f"{key}: expected a list of non-empty strings")
        return good


def _entries(builder: _Builder, path: Path, data: Any, key: str | None = None) -> list[dict]:
    if data is None:
        return []
    if key and isinstance(data, dict):
        data = data.get(key, [])
    if not isinstance(data, list):
        builder.err(path, line_of(data), "expected a list of entries")
        return []
    out = []
    for item in data:
        if isinstance(item, dict):
            out.append(item)
        else:
            builder.err(path, None, f"expected a mapping, got {item!r}")
    return out


def _load_actor_file(b: _Builder, path: Path) -> None:
    data = load_yaml(path).data
    for e in _entries(b, path, data):
        ref = f"{path.name}:{line_of(e)}"
        if "country" in e and "code" not in e:
            c = str(e["country"])
            if c not in cameo.countries():
                b.err(path, line_of(e), f"unknown CAMEO country code {c!r}")
                continue
            cap = str(e.get("capital_code") or c + "GOV")
            b.names(path, e, "names", ActorEntry("country", c, ref=ref))
            b.names(path, e, "adjectives", ActorEntry("adjective", c, ref=ref))
            b.names(path, e, "capitals", ActorEntry("capital", cap, ref=ref))
            b.names(path, e, "seats", ActorEntry("seat", cap, ref=ref))
            b.names(path, e, "places", ActorEntry("place", c, ref=ref))
        elif "roles" in e:
            roles = []
            for r in e["roles"] if isinstance(e["roles"], list) else []:
                if not isinstance(r, dict) or "code" not in r:
                    b.err(path, line_of(r) or line_of(e), "a role needs a code")
                    continue
                start, end = r.get("from"), r.get("to")
                for d in (start, end):
                    if d is not None and not _valid_date(str(d)):
                        b.err(path, line_of(r), f"bad date {d!r} (expected YYYY-MM-DD)")
                if start and end and str(start) > str(end):
                    b.err(path, line_of(r), f"role ends ({end}) before it starts ({start})")
                roles.append(Role(str(r["code"]), str(start) if start else None, str(end) if end else None))
            if not roles:
                b.err(path, line_of(e), "a person needs at least one role")
                continue
            entry = ActorEntry("person", roles[-1].code, tuple(roles), ref)
            b.names(path, e, "names", entry)
        elif "code" in e:
            entry = ActorEntry("org", str(e["code"]), ref=ref)
            b.names(path, e, "names", entry)
        else:
            b.err(path, line_of(e), "an actor entry needs 'country', 'code' or 'roles'")


def _valid_date(s: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(s)
        return len(s) == 10
    except ValueError:
        return False


# The language.yaml keys that are plain lists of words, folded: every frozenset field of Language
# but the moods (UD feature values, kept as written).
_WORD_SETS = tuple(f.name for f in fields(Language) if f.type == "frozenset[str]" and f.name != "hypothetical_moods")


def _load_language(b: _Builder, path: Path, lang: str) -> Language:
    data = load_yaml(path).data or {}
    if not isinstance(data, dict):
        b.err(path, 1, "expected a mapping")
        data = {}

    def words(key: str) -> list[str]:
        v = data.get(key) or []
        return [fold(str(x)) for x in (v if isinstance(v, list) else [v])]

    return Language(
        code=str(data.get("language") or lang),
        target_prepositions=tuple(words("target_prepositions")),
        hypothetical_moods=frozenset(str(x) for x in data.get("hypothetical_moods") or []),
        leader_suffixes=tuple(words("leader_suffixes")),
        reciprocal_pronouns=tuple(tuple(w.split()) for w in words("reciprocal_pronouns")),
        **{name: frozenset(words(name)) for name in _WORD_SETS},
        discards=tuple(dict.fromkeys(discard_key(str(x)) for x in data.get("discards") or [] if discard_key(str(x)))),
        story_discards=tuple(dict.fromkeys(
            discard_key(str(x)) for x in data.get("story_discards") or [] if discard_key(str(x)))),
        require_target=data.get("require_target") is True,
    )


def discard_key(text: str) -> str:
    """A phrase or sentence as space-separated folded words, for discard matching."""
    return " ".join(re.findall(r"\w+", fold_text(text)))


def _load_agents(b: _Builder, path: Path) -> PhraseIndex[AgentEntry]:
    index: PhraseIndex[AgentEntry] = PhraseIndex()
    for e in _entries(b, path, load_yaml(path).data):
        agent = str(e.get("agent", ""))
        chunks = [agent[i:i + 3] for i in range(0, len(agent), 3)]
        if not agent or len(agent) % 3 or any(c not in cameo.actor_types() for c in chunks):
            b.err(path, line_of(e), f"unknown CAMEO agent code {agent!r}")
            continue
        ref = f"{path.name}:{line_of(e)}"
        for key, adj in (("nouns", False), ("adjectives", True)):
            for n in b._strings(path, e, key, e.get(key) or []):
                index.add(n.lower() if not n.isupper() else n, AgentEntry(agent, adj, ref))
    return index


def _parse_words(b: _Builder, path: Path, line: int | None, value: Any, synsets: dict[str, list[str]]) -> WordSet | None:
    if value in (None, "*", "any"):
        return None
    items = value if isinstance(value, list) else [value]
    words: list[str] = []
    for it in items:
        s = str(it)
        if s.startswith("$"):
            if s[1:] not in synsets:
                b.err(path, line, f"unknown synset {s!r}")
            words.extend(synsets.get(s[1:], []))
        else:
            words.append(s)
    return WordSet(words)


def _parse_constraints(b: _Builder, path: Path, p: dict, key: str, synsets: dict) -> tuple[Constraint, ...]:
    raw = p.get(key) or []
    if isinstance(raw, dict):
        raw = [raw]
    out = []
    for c in raw if isinstance(raw, list) else []:
        line = line_of(c) or line_of(p)
        if not isinstance(c, dict):
            b.err(path, line, f"{key}: each condition is a mapping like {{obj: word}}")
            continue
        rels = [k for k in c if k != "case"]
        if len(rels) != 1:
            b.err(path, line, f"{key}: each condition names exactly one relation, got {rels}")
            continue
        rel = ALIASES.get(rels[0], rels[0])
        if rel.split(":")[0] not in UD_RELATIONS:
            b.err(path, line, f"{key}: unknown relation {rels[0]!r}")
            continue
        case = c.get("case")
        case_set = frozenset(fold(str(x)) for x in (case if isinstance(case, list) else [case])) if case else None
        out.append(Constraint(rel, _parse_words(b, path, line, c[rels[0]], synsets), case_set))
    return out and tuple(out) or ()


def _as_tuple(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    return tuple(str(x) for x in (v if isinstance(v, list) else [v]))


def _load_verbs(b: _Builder, path: Path, synsets: dict[str, list[str]], seen: dict[str, str], order: list[int]) -> list[Pattern]:
    data = load_yaml(path).data or {}
    if not isinstance(data, dict):
        b.err(path, 1, "a verbs file is a mapping with 'synsets' and 'patterns'")
        return []
    out = []
    counters: dict[str, int] = {}
    for p in _entries(b, path, data, "patterns"):
        line = line_of(p)
        unknown = set(p) - PATTERN_KEYS
        if unknown:
            b.err(path, line, f"unknown key(s) {sorted(unknown)} (allowed: {sorted(PATTERN_KEYS)})")
        if ("verb" in p) == ("noun" in p):
            b.err(path, line, "a pattern names either 'verb' or 'noun'")
            continue
        lemmas = _as_tuple(p.get("verb") or p.get("noun"))
        code = p.get("code")
        if not isinstance(code, str):
            b.err(path, line, f"code must be a quoted string such as \"0{code}\"" if code is not None else "missing code")
            continue
        if code not in cameo.event_types():
            b.err(path, line, f"unknown CAMEO event code {code!r}")
            continue
        base = f"{path.parent.parent.name}.{path.stem}.{fold(lemmas[0]).replace(' ', '_')}" if lemmas else path.stem
        pid = str(p.get("id") or "")
        if not pid:
            counters[base] = counters.get(base, 0) + 1
            pid = f"{base}.{code}" + (f".{counters[base]}" if counters[base] > 1 else "")
        if pid in seen:
            b.err(path, line, f"duplicate pattern id {pid!r} (first at {seen[pid]})")
            continue
        seen[pid] = f"{path}:{line}"
        order[0] += 1
        target = p.get("target")
        if not isinstance(p.get("require_target", False), bool):
            b.err(path, line, f"require_target is true or false, got {p['require_target']!r}")
        out.append(Pattern(
            id=pid, lemmas=lemmas, code=code, nominal="noun" in p,
            with_=_parse_constraints(b, path, p, "with", synsets),
            without=_parse_constraints(b, path, p, "without", synsets),
            negated=bool(p.get("negated", False)),
            require_target=p.get("require_target") is True,
            source=tuple(ALIASES.get(s, s) for s in _as_tuple(p.get("source"))) or ("nsubj",),
            target=tuple(ALIASES.get(s, s) for s in _as_tuple(target)) if target is not None else None,
            example=str(p["example"]) if p.get("example") else None,
            expect=_as_tuple(p.get("expect")) or None,
            file=str(path), line=line or 0, order=order[0],
        ))
    return out


def index_patterns(patterns: Iterable[Pattern]) -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]]]:
    """Lemma -> patterns tables (verbal, nominal), most specific first."""
    verbal: dict[str, list[Pattern]] = {}
    nominal: dict[str, list[Pattern]] = {}
    for p in patterns:
        table = nominal if p.nominal else verbal
        keys = {w for lemma in p.lemmas for w in fold(lemma).split()}  # "frappes aériennes": both words
        for k in keys:
            table.setdefault(k, []).append(p)
    for table in (verbal, nominal):
        for ps in table.values():
            ps.sort(key=lambda p: p.specificity, reverse=True)
    return verbal, nominal


def load_native(root: str | Path, strict: bool = True) -> tuple[Dictionaries, list[DictionaryError]]:
    """Read a native dictionary directory. With ``strict`` any problem raises DictionaryErrors."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"dictionary directory not found: {root}")
    b = _Builder()

    def guarded(fn: Callable[..., Any], *args: Any) -> Any:
        try:
            return fn(*args)
        except DictionaryError as e:
            b.errors.append(e)
            return None

    for path in sorted((root / "actors").glob("*.yaml")):
        b.files.append(path)
        guarded(_load_actor_file, b, path)
    dicts = Dictionaries(sources=[str(root)])
    for lang_dir in sorted(d for d in root.iterdir() if (d / "language.yaml").is_file()):
        lang = lang_dir.name
        b.files.append(lang_dir / "language.yaml")
        language = guarded(_load_language, b, lang_dir / "language.yaml", lang) or Language(lang)
        agents = PhraseIndex()
        if (lang_dir / "agents.yaml").is_file():
            b.files.append(lang_dir / "agents.yaml")
            agents = guarded(_load_agents, b, lang_dir / "agents.yaml") or agents
        synsets: dict[str, list[str]] = {}
        seen: dict[str, str] = {}
        patterns: list[Pattern] = []
        order = [0]
        verb_files = sorted((lang_dir / "verbs").glob("*.yaml")) if (lang_dir / "verbs").is_dir() else []
        # synsets may be used across files: read every file's synsets first
        defined: dict[str, str] = {}
        for path in verb_files:
            data = guarded(load_yaml, path)
            data = data.data if data is not None else None
            if isinstance(data, dict) and isinstance(data.get("synsets"), dict):
                for name, words in data["synsets"].items():
                    if str(name) in defined:
                        b.err(path, line_of(data["synsets"]), f"synset {name!r} already defined in {defined[name]}")
                        continue
                    defined[str(name)] = str(path)
                    synsets[str(name)] = [str(w) for w in (words if isinstance(words, list) else [words])]
        for path in verb_files:
            b.files.append(path)
            patterns += guarded(_load_verbs, b, path, synsets, seen, order) or []
        actors: PhraseIndex[ActorEntry] = PhraseIndex()
        for name, entry in b.neutral + b.by_lang.get(lang, []):
            actors.add(name, entry)
        verbal, nominal = index_patterns(patterns)
        dicts.lexicons[lang] = Lexicon(language, actors, agents, verbal, nominal)
    h = hashlib.sha256()
    for f in sorted(b.files):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    dicts.digest = h.hexdigest()[:16]
    if strict and b.errors:
        raise DictionaryErrors(b.errors)
    return dicts, b.errors

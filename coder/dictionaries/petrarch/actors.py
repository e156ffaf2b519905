"""PETRARCH/TABARI actor, agent and discard dictionaries.

Actors (``Phoenix.*.actors.txt``)::

    AFGHANISTAN_  [AFG]                 # a name and its code
    +AFGHAN_                            # synonyms of the entry above
    ALBERT_PINTAT_  # comment
        [ANDELI 610101-000101]          # dated codes (YYMMDD or YYYYMMDD), on their own lines
        [ANDGOV >050527]                # from that date on
        [ANDGOV <061231]                # until that date
        [ANDELI]                        # undated: the code outside the dated ranges
    JEAN_MARIE_GUEHENNO_ [IGOUNO 000101-080801] [---]   # several codes on one line; --- = none

Agents (``Phoenix.agents.txt``): ``!PERSON! = MAN, MEN, ...`` substitution sets, then
``PHRASE {PLURALS} [~GOV]`` (suffix agent: country + GOV) or ``[IGO~]`` (prefix agent). Without
``{...}`` PETRARCH adds the regular plural; ``{}`` means none.

Discards (``Phoenix.discards.txt``): one phrase a line; ``+`` discards the whole story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from coder.dictionaries.petrarch.common import Report, lower_phrase, parse_date, plural, read_lines, strip_comment

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class ActorCode:
    code: str  # "" for [---]
    start: str | None = None
    end: str | None = None


@dataclass
class ActorEntry:
    name: str  # raw PETRARCH phrase
    line: int
    file: str
    aliases: list[str] = field(default_factory=list)
    codes: list[ActorCode] = field(default_factory=list)


def _parse_code(text: str, path: Path, n: int, raw: str, report: Report) -> ActorCode | None:
    parts = text.split()
    if not parts:
        report.skip(path, n, raw, "empty actor code []")
        return None
    code = parts[0].upper()
    if set(code) == {"-"}:
        return ActorCode("")
    if len(parts) == 1:
        return ActorCode(code)
    spec = "".join(parts[1:])
    m = re.fullmatch(r"(\d+)-(\d+)", spec)
    if m:
        a, b = parse_date(m.group(1)), parse_date(m.group(2))
        if a and b:
            return ActorCode(code, a, b) if a <= b else ActorCode(code, b, a)
    elif spec.startswith(">") and parse_date(spec[1:]):
        return ActorCode(code, parse_date(spec[1:]), None)
    elif spec.startswith("<") and parse_date(spec[1:]):
        return ActorCode(code, None, parse_date(spec[1:]))
    elif parse_date(spec):
        report.approx(path, n, raw, "a single date with no '<' or '>': read as a start date")
        return ActorCode(code, parse_date(spec), None)
    report.skip(path, n, raw, f"malformed date restriction {spec!r}")
    return None


def parse_actor_file(path: str | Path, report: Report) -> list[ActorEntry]:
    path = Path(path)
    out: list[ActorEntry] = []
    cur: ActorEntry | None = None
    for n, raw in read_lines(path):
        line = strip_comment(raw)
        if not line.strip():
            continue
        s = line.strip()
        codes_text = _CODE.findall(s)
        head = _CODE.sub(" ", s).strip()
        if s.startswith("["):  # a code line of the current entry
            if cur is None:
                report.skip(path, n, raw, "code line before any actor name")
                continue
        elif s.startswith("+"):
            if cur is None:
                report.skip(path, n, raw, "synonym before any actor name")
                continue
            if head[1:].strip():
                cur.aliases.append(head[1:].strip())
        else:
            if not head:
                continue
            cur = ActorEntry(head, n, path.name)
            out.append(cur)
        for c in codes_text:
            ac = _parse_code(c, path, n, raw, report)
            if ac is not None:
                cur.codes.append(ac)
    return out


# --- agents -----------------------------------------------------------------------------------

@dataclass
class AgentEntry:
    phrases: list[str]  # lower-case words, plurals included
    code: str  # the agent code without "~"
    prefix: bool  # [IGO~]: the code goes before the country
    line: int


def parse_agent_file(path: str | Path, report: Report) -> list[AgentEntry]:
    path = Path(path)
    subs: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for n, raw in read_lines(path):
        s = strip_comment(raw).strip()
        if not s:
            continue
        m = re.fullmatch(r"(![A-Z0-9_]+!)\s*=\s*(.+)", s)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _CODE.search(s)
        if not cm:
            report.skip(path, n, raw, "agent without a [~CODE]")
            continue
        code = cm.group(1).strip().upper()
        text = s[: cm.start()].strip()
        forms: list[str] | None = None
        fm = re.search(r"\{([^}]*)\}", text)
        if fm:
            forms = [f for f in re.split(r"[\s,]+", fm.group(1)) if f]
            text = text[: fm.start()].strip()
        if "~" not in code:
            report.skip(path, n, raw, "agent code without '~'")
            continue
        prefix = not code.startswith("~")
        code = code.replace("~", "")
        bases = _substitute(text, subs)
        phrases: list[str] = []
        for b in bases:
            p = lower_phrase(b)
            phrases.append(p)
            if forms is None and "!" not in text:
                phrases.append(plural(p))
        for f in forms or []:
            phrases += [lower_phrase(x) for x in _substitute(f, subs)]
        out.append(AgentEntry(list(dict.fromkeys(x for x in phrases if x)), code, prefix, n))
    return out


def _substitute(text: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z0-9_]+!", text)
    if not m or m.group(0) not in subs:
        return [text]
    out = []
    for w in subs[m.group(0)]:
        out += _substitute(text[: m.start()] + w + text[m.end():], subs)
    return out


# --- discards ---------------------------------------------------------------------------------

@dataclass
class Discard:
    phrase: str
    story: bool  # '+': discard the whole story
    line: int


def parse_discard_file(path: str | Path, report: Report) -> list[Discard]:
    out = []
    for n, raw in read_lines(path):
        s = strip_comment(raw).strip()
        if not s:
            continue
        story = s.startswith("+")
        out.append(Discard(s.lstrip("+").strip(), story, n))
    return out

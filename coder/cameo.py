"""The CAMEO reference (event codes, names, Goldstein scale, quad classes, actor codes), loaded once."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CAMEO_VERSION = "CAMEO 1.1b3 (GDELT Goldstein and QuadClass)"


@dataclass(frozen=True)
class EventType:
    code: str
    root_code: str
    name: str
    goldstein: float | None
    quad_class: int


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("coder.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    out = {}
    for r in _rows("cameo_events.tsv"):
        g = float(r["goldstein"]) if r["goldstein"] else None
        out[r["code"]] = EventType(r["code"], r["root_code"], r["name"], g, int(r["quad_class"]))
    return out


def event_type(code: str) -> EventType:
    """The reference entry of a CAMEO event code; KeyError names the unknown code."""
    try:
        return event_types()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO event code {code!r}") from None


def goldstein(code: str) -> float | None:
    """Goldstein value of a code, falling back to its 3-digit base then its root when empty."""
    for c in (code, code[:3], code[:2]):
        et = event_types().get(c)
        if et is not None and et.goldstein is not None:
            return et.goldstein
    return None


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """CAMEO country/region code -> name."""
    return {r["code"]: r["name"] for r in _rows("cameo_countries.tsv")}


@lru_cache(maxsize=1)
def actor_types() -> dict[str, str]:
    """CAMEO actor type (agent) code -> description."""
    return {r["code"]: r["description"] for r in _rows("cameo_actor_types.tsv")}


@lru_cache(maxsize=1)
def known_groups() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("cameo_known_groups.tsv")}


# Armed non-state roles. Events name an armed group as GDELT and Phoenix data do: country + REB
# (CAMEO's INS and SEP, which GDELT and Phoenix data hardly use and PLOVER drops, count as REB;
# UAF stays), with the group's own 3-letter code apart (records' *_group, GDELT KnownGroupCode).
ARMED_ROLES = frozenset({"REB", "INS", "SEP", "UAF"})
REBEL_ROLES = frozenset({"INS", "SEP"})


@lru_cache(maxsize=4096)
def split_group(code: str) -> tuple[str, str]:
    """A dictionary code as events write it, and its known group: 'AFGINSTAL' -> ('AFGREB', 'TAL'),
    'PSEREBHMS' -> ('PSEREB', 'HMS'), 'UKRSEP' -> ('UKRREB', ''), 'SYRMIL' -> ('SYRMIL', '')."""
    if len(code) not in (6, 9) or code[3:6] not in ARMED_ROLES or code[:3] not in countries():
        return code, ""
    role = "REB" if code[3:6] in REBEL_ROLES else code[3:6]
    return code[:3] + role, code[6:]


@lru_cache(maxsize=4096)
def split_actor(code: str) -> tuple[str, str]:
    """Split an actor code into (country, agent): 'SYRMIL' -> ('SYR', 'MIL'), 'IGOUNO' -> ('', 'IGO')."""
    country = code[:3] if code[:3] in countries() else ""
    rest = code[len(country):]
    agent = rest[:3] if rest[:3] in actor_types() else ""
    return country, agent


def actor_name(code: str) -> str:
    """A readable name for an actor code: 'SYRMIL' -> 'Syria Military'."""
    parts = []
    rest = code
    if rest[:3] in countries():
        parts.append(countries()[rest[:3]])
        rest = rest[3:]
    while rest:
        chunk, rest = rest[:3], rest[3:]
        parts.append(actor_types().get(chunk) or known_groups().get(chunk) or chunk)
    return " ".join(parts)

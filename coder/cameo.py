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

"""Export events in the layouts of GDELT 2.0, Phoenix and ICEWS (see docs in README, "Export").

All three ship tab-separated; GDELT and Phoenix without a header row, ICEWS with one. Columns we
cannot fill (geography, tone, mentions, issues, publisher...) are left empty.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from coder import cameo
from coder.atomic import atomic_path

Column = Callable[[pd.DataFrame], "pd.Series | str | int"]


@dataclass(frozen=True)
class ActorParts:
    country: str
    known_group: str
    types: tuple[str, ...]


@cache
def actor_parts(code: str) -> ActorParts:
    """Split a CAMEO actor code into country, known group and up to three type codes (GDELT style)."""
    country = code[:3] if code[:3] in cameo.countries() else ""
    group, types = "", []
    for i in range(len(country), len(code), 3):
        chunk = code[i:i + 3]
        if chunk in cameo.known_groups() and not group:
            group = chunk
        else:
            types.append(chunk)
    return ActorParts(country, group, tuple(types[:3]))


def numeric_id(event_id: str) -> int:
    """A stable positive 60-bit integer for an event id (GDELT/ICEWS ids are integers)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16)


@cache
def event_text(code: str) -> str:
    name = cameo.event_types()[code].name if code in cameo.event_types() else code
    for suffix in (", not specified below", ", not specified"):
        name = name.replace(suffix, "")
    return name.capitalize() if name.isupper() else name


@cache
def icews_name(code: str) -> str:
    """ICEWS-style readable actor name: 'Military (Syria)', 'Russia', 'United Nations'."""
    if not code:
        return ""
    p = actor_parts(code)
    if not p.country:
        return cameo.known_groups()[p.known_group] if p.known_group else cameo.actor_name(code)
    country = cameo.countries()[p.country]
    sectors = [cameo.actor_types().get(t) or cameo.known_groups().get(t) or t for t in p.types]
    return f"{' '.join(sectors)} ({country})" if sectors else country


def _sectors(code: str) -> str:
    p = actor_parts(code) if code else ActorParts("", "", ())
    return ",".join(cameo.actor_types().get(t) or t for t in (*p.types, *([p.known_group] if p.known_group else [])))


def _map(col: str, fn: Callable[[str], object]) -> Column:
    return lambda df: df[col].fillna("").map(fn)


def _part(col: str, attr: str, index: int | None = None) -> Column:
    def get(code: str) -> str:
        v = getattr(actor_parts(code), attr) if code else ""
        return (v[index] if index < len(v) else "") if index is not None else v
    return _map(col, get)


def _date(fmt: str) -> Column:
    return lambda df: pd.to_datetime(df["date"]).dt.strftime(fmt)


def _date_part(part: str) -> Column:
    return lambda df: getattr(pd.to_datetime(df["date"]).dt, part).astype("Int64")


def _fraction_date(df: pd.DataFrame) -> pd.Series:
    d = pd.to_datetime(df["date"])
    return (d.dt.year + (d.dt.month * 30 + d.dt.day) / 365).round(4)


def _gdelt_actor(n: int, col: str) -> list[tuple[str, Column]]:
    return [
        (f"Actor{n}Code", lambda df: df[col].fillna("")),
        (f"Actor{n}Name", lambda df: df[f"{col}_text"].fillna("").str.upper()),
        (f"Actor{n}CountryCode", _part(col, "country")),
        (f"Actor{n}KnownGroupCode", _part(col, "known_group")),
        (f"Actor{n}EthnicCode", ""), (f"Actor{n}Religion1Code", ""), (f"Actor{n}Religion2Code", ""),
        (f"Actor{n}Type1Code", _part(col, "types", 0)),
        (f"Actor{n}Type2Code", _part(col, "types", 1)),
        (f"Actor{n}Type3Code", _part(col, "types", 2)),
    ]


def _geo(prefix: str) -> list[tuple[str, Column]]:
    return [(f"{prefix}Geo_{c}", "") for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code",
                                                 "Lat", "Long", "FeatureID")]


GDELT: list[tuple[str, Column]] = [
    ("GLOBALEVENTID", _map("event_id", numeric_id)),
    ("SQLDATE", _date("%Y%m%d")), ("MonthYear", _date("%Y%m")), ("Year", _date("%Y")),
    ("FractionDate", _fraction_date),
    *_gdelt_actor(1, "source"), *_gdelt_actor(2, "target"),
    ("IsRootEvent", lambda df: (df["sentence_id"] == 0).astype(int)),
    ("EventCode", lambda df: df["code"]),
    ("EventBaseCode", lambda df: df["code"].str[:3]),
    ("EventRootCode", lambda df: df["root_code"]),
    ("QuadClass", lambda df: df["quad_class"]),
    ("GoldsteinScale", lambda df: df["goldstein"]),
    ("NumMentions", 1), ("NumSources", 1), ("NumArticles", 1), ("AvgTone", ""),
    *_geo("Actor1"), *_geo("Actor2"), *_geo("Action"),
    ("DATEADDED", ""),
    ("SOURCEURL", lambda df: df["story_id"]),
]

PRIMARY_AGENTS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL"}
PENTA = {**dict.fromkeys(["01", "02"], 0), **dict.fromkeys(["03", "04", "05"], 1),
         **dict.fromkeys(["06", "07", "08"], 2), **dict.fromkeys(["09", "10", "11", "12", "13", "16"], 3),
         **dict.fromkeys(["14", "15", "17", "18", "19", "20"], 4)}


@cache
def phoenix_actor(code: str) -> tuple[str, str, str]:
    """Phoenix (entity, role, attributes): 'SYRGOV' -> ('SYR', 'GOV', ''), 'IGOUNO' -> ('IGO', '', 'UNO')."""
    if not code:
        return "", "", ""
    entity = code[:3] if code[:3] in cameo.countries() or code[:3] in {"IGO", "NGO", "IMG", "MNC"} else ""
    rest = [code[i:i + 3] for i in range(len(entity), len(code), 3)]
    role = rest.pop(0) if rest and rest[0] in PRIMARY_AGENTS else ""
    return entity, role, ";".join(rest)


def _phoenix_actor(col: str, prefix: str) -> list[tuple[str, Column]]:
    return [(f"{prefix}ActorFull", lambda df: df[col].fillna(""))] + [
        (f"{prefix}Actor{name}", _map(col, lambda c, i=i: phoenix_actor(c)[i]))
        for i, name in enumerate(("Entity", "Role", "Attribute"))]


PHOENIX: list[tuple[str, Column]] = [
    ("EventID", lambda df: df["event_id"] + "_" + df["coder_version"].fillna("")),
    ("Date", _date("%Y%m%d")), ("Year", _date("%Y")), ("Month", _date_part("month")), ("Day", _date_part("day")),
    *_phoenix_actor("source", "Source"), *_phoenix_actor("target", "Target"),
    ("EventCode", lambda df: df["code"]), ("EventRootCode", lambda df: df["root_code"]),
    ("PentaClass", _map("root_code", PENTA.get)),
    ("GoldsteinScore", lambda df: df["goldstein"]),
    ("Issues", ""), ("Lat", ""), ("Lon", ""), ("LocationName", ""), ("StateName", ""), ("CountryCode", ""),
    ("SentenceID", lambda df: df["story_id"] + "_" + df["sentence_id"].astype(str)),
    ("URLs", ""), ("NewsSources", ""),
]


def _icews_actor(col: str, label: str) -> list[tuple[str, Column]]:
    return [
        (f"{label} Name", _map(col, icews_name)),
        (f"{label} Sectors", _map(col, _sectors)),
        (f"{label} Country", _map(f"{col}_country", lambda c: cameo.countries().get(c, "") if c else "")),
    ]


ICEWS: list[tuple[str, Column]] = [
    ("Event ID", _map("event_id", numeric_id)),
    ("Event Date", _date("%Y-%m-%d")),
    *_icews_actor("source", "Source"),
    ("Event Text", _map("code", event_text)),
    ("CAMEO Code", lambda df: df["code"]),
    ("Intensity", lambda df: df["goldstein"]),
    *_icews_actor("target", "Target"),
    ("Story ID", lambda df: df["story_id"]),
    ("Sentence Number", lambda df: df["sentence_id"] + 1),
    ("Publisher", ""), ("City", ""), ("District", ""), ("Province", ""), ("Country", ""),
    ("Latitude", ""), ("Longitude", ""),
]


@dataclass(frozen=True)
class Format:
    columns: list[tuple[str, Column]]
    header: bool

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.columns]


FORMATS = {"gdelt": Format(GDELT, False), "phoenix": Format(PHOENIX, False), "icews": Format(ICEWS, True)}


def convert(events: pd.DataFrame, fmt: str) -> pd.DataFrame:
    """Events (SCHEMA columns) -> a DataFrame with the columns of ``fmt``, all values as strings."""
    spec = FORMATS[fmt]
    events = _with_groups(events)
    out = {}
    for name, col in spec.columns:
        v = col(events) if callable(col) else col
        s = v if isinstance(v, pd.Series) else pd.Series([v] * len(events), index=events.index, dtype=object)
        out[name] = s.astype(object).where(s.notna(), "").map(_clean)
    return pd.DataFrame(out, columns=spec.names)


def _with_groups(events: pd.DataFrame) -> pd.DataFrame:
    """Actor codes with their known group put back (PSEREB + HMS -> PSEREBHMS), as the CAMEO codes
    of GDELT, Phoenix and ICEWS carry it (GDELT also gives it apart, as KnownGroupCode)."""
    cols = [c for c in ("source", "target") if f"{c}_group" in events.columns]
    if not cols or not any(events[f"{c}_group"].fillna("").ne("").any() for c in cols):
        return events
    events = events.copy()
    for c in cols:
        code, group = events[c].fillna(""), events[f"{c}_group"].fillna("")
        inside = [bool(g) and x.endswith(g) for x, g in zip(code, group, strict=True)]  # (--groups-in-codes)
        events[c] = code.where(inside, code + group)
    return events


def _clean(v: object) -> str:
    s = str(v)
    return s.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def export(events_path: str | Path, out: str | Path, fmt: str, header: bool | None = None) -> int:
    """Stream a file or dataset into ``out`` (tab-separated, written atomically); return rows written."""
    from coder.dataset import iter_batches

    spec = FORMATS[fmt]
    header = spec.header if header is None else header
    n = 0
    with atomic_path(out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        if header:
            fh.write("\t".join(spec.names) + "\n")
        for batch in iter_batches(events_path):
            df = convert(batch.to_pandas(), fmt)
            fh.writelines("\t".join(r) + "\n" for r in df.itertuples(index=False, name=None))
            n += len(df)
    return n

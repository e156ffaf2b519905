"""Selecting events for a graph: filters (root code, quad class, actor, country, dates) and time slices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pandas as pd

SLICES = ("week", "month", "year")


def _codes(values: Iterable[str] | None) -> list[str]:
    return [v.strip().upper() for v in values or [] if v.strip()]


def filter_events(df: pd.DataFrame, root: Iterable[str] | None = None, quad: Iterable[int] | None = None,
                  actor: Iterable[str] | None = None, country: Iterable[str] | None = None,
                  since: str | None = None, until: str | None = None) -> pd.DataFrame:
    """Keep events with a root code in ``root`` ('18' or '8'), a quad class in ``quad``, an actor code
    starting with one of ``actor`` ('RUS' matches RUS, RUSGOV...) on either side, a source or target
    country in ``country``, and a date in [since, until] (inclusive; undated events are dropped by either)."""
    keep = pd.Series(True, index=df.index)
    if root:
        keep &= df["root_code"].isin([r.strip().zfill(2) for r in root])
    if quad:
        keep &= df["quad_class"].isin([int(q) for q in quad])
    if actor:
        prefixes = tuple(_codes(actor))
        keep &= df["source"].fillna("").str.startswith(prefixes) | df["target"].fillna("").str.startswith(prefixes)
    if country:
        codes = _codes(country)
        keep &= df["source_country"].isin(codes) | df["target_country"].isin(codes)
    dates = pd.to_datetime(df["date"])
    if since:
        keep &= dates >= pd.Timestamp(since)
    if until:
        keep &= dates <= pd.Timestamp(until)
    return df[keep]


def slice_label(d: dt.date, by: str) -> str:
    """'2016-09' (month), '2016-W37' (ISO week), '2016' (year)."""
    if by == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if by == "week":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if by == "year":
        return f"{d.year:04d}"
    raise ValueError(f"unknown slice {by!r}: use one of {', '.join(SLICES)}")


def slice_bounds(label: str, by: str) -> tuple[str, str]:
    """First and last day (ISO, inclusive) of a slice label."""
    if by == "year":
        return f"{label}-01-01", f"{label}-12-31"
    if by == "month":
        start = dt.date.fromisoformat(f"{label}-01")
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return start.isoformat(), end.isoformat()
    year, week = label.split("-W")
    start = dt.date.fromisocalendar(int(year), int(week), 1)
    return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()


def time_slices(df: pd.DataFrame, by: str) -> Iterator[tuple[str, pd.DataFrame]]:
    """(label, events) per slice in time order; undated events belong to no slice."""
    dated = df[df["date"].notna()]
    labels = pd.to_datetime(dated["date"]).dt.date.map(lambda d: slice_label(d, by))
    for label, grp in dated.groupby(labels, sort=True):
        yield str(label), grp

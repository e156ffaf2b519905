"""Short human-readable summaries of a run and of an event table."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

from coder import cameo


def root_code_lines(table: pa.Table) -> list[str]:
    return root_count_lines(Counter(table.column("root_code").to_pylist()) if table.num_rows else Counter())


def root_count_lines(counts: Counter) -> list[str]:
    """One line per CAMEO root code: code, name, number of events."""
    types = cameo.event_types()
    return [f"  {rc}  {types[rc].name.title():<38} {n:>6}" for rc, n in sorted(counts.items())]

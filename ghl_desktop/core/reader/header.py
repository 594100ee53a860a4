"""Find the header row (exports often start with title rows) and make header names usable."""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..mapping import match_header

_NUMBERISH = re.compile(r"^[\s\d.,:/()+\-]+$")
_EMAILISH = re.compile(r"@.+\.")
SCAN_ROWS = 30
#: The first rows ``table_width`` counts the filled cells of: header detection reads no further, so
#: a reader that holds only a sheet's first rows needs this many of them (``reader._HEADER_SAMPLE``).
WIDTH_ROWS = 200


def _non_empty(row: Sequence[str]) -> list[str]:
    return [c.replace("\ufeff", "").strip() for c in row if c and c.replace("\ufeff", "").strip()]


def table_width(rows: Sequence[Sequence[str]]) -> int:
    """The most common number of filled cells among the first ``WIDTH_ROWS`` rows (title rows are
    the exception)."""
    counts = Counter(len(_non_empty(r)) for r in rows[:WIDTH_ROWS] if _non_empty(r))
    if not counts:
        return 0
    top = max(counts.values())
    return max(w for w, c in counts.items() if c == top)


def _looks_like_header(row: Sequence[str], width: int) -> bool:
    cells = _non_empty(row)
    if not cells:
        return False
    if len(cells) < max(1, min(2, width), (width + 1) // 2):
        return False
    texty = [c for c in cells if not _NUMBERISH.match(c) and not _EMAILISH.search(c)]
    if len(texty) * 2 < len(cells):
        return False
    # Header names are distinct, data values often repeat; but exports do repeat a column name
    # ("Email", "Email"), so a row naming known fields may repeat some.
    distinct = len({c.casefold() for c in cells})
    return distinct == len(cells) or header_hits(cells) >= 2


def header_hits(row: Sequence[str]) -> int:
    return sum(1 for c in _non_empty(row) if match_header(c)[0] is not None)


def find_header_row(rows: Sequence[Sequence[str]]) -> int:
    """Index of the header row among ``rows`` (0 for an ordinary file).

    A plausible header has about the table's width in filled cells, mostly non-numeric and
    distinct. The first plausible row wins (so an ordinary file's first line is never skipped)
    unless it names no known field while a later, wider plausible row does: the first was a title
    or note line ("Evento 2024;São Paulo;") above the real header.
    """
    width = table_width(rows)
    candidates = [i for i, r in enumerate(rows[:SCAN_ROWS]) if _looks_like_header(r, width)]
    if not candidates:
        return next((i for i, r in enumerate(rows) if _non_empty(r)), 0)
    first = candidates[0]
    if header_hits(rows[first]) > 0:
        return first
    first_cells = len(_non_empty(rows[first]))
    for i in candidates[1:]:
        if len(_non_empty(rows[i])) > first_cells and header_hits(rows[i]) >= 1:
            return i
    return first


def clean_header(raw: Sequence[str]) -> list[str]:
    """Trim, strip BOMs, name blank columns, number duplicates ("Email 1", "Email 2")."""
    names = []
    for i, h in enumerate(raw):
        h = " ".join((h or "").replace("\ufeff", "").split())
        names.append(h or f"Column {i + 1}")
    counts = Counter(n.casefold() for n in names)
    seen: Counter = Counter()
    taken = {n.casefold() for n in names if counts[n.casefold()] == 1}
    out = []
    for n in names:
        key = n.casefold()
        if counts[key] == 1:
            out.append(n)
            continue
        while True:
            seen[key] += 1
            candidate = f"{n} {seen[key]}"
            if candidate.casefold() not in taken:
                break
        taken.add(candidate.casefold())
        out.append(candidate)
    return out

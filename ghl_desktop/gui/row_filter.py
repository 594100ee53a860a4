"""Which table rows the review shows: a plain list of row numbers built at list-comprehension speed.

A ``QSortFilterProxyModel`` would ask ``filterAcceptsRow`` once per row through Qt — far too slow
for a million contacts. Filtering column-wise over the core table's lists is a few C-level loops.
"""

from __future__ import annotations

from bisect import bisect_left

from ..core import AMBIGUOUS, NEW, UNCHANGED, UPDATE, ContactTable, rows_with_problems

ALL = "all"
#: Rows with a problem, as the core defines them (the report, the export dialog and the file of
#: rows to fix count the same rows).
PROBLEMS = "problems"
#: Rows with a suggested fix to accept (a likely typo in an email domain).
SUGGESTIONS = "suggestions"
MERGED = "merged"
EXCLUDED = "excluded"
MODES = (ALL, PROBLEMS, SUGGESTIONS, MERGED, EXCLUDED)
#: Rows by what importing them does to the contacts already in GHL (the core's marks: a job
#: compared with such files only): creates a contact, updates one, changes nothing, or matches
#: several (GHL would update one of them).
EXISTING_MODES = (NEW, UPDATE, UNCHANGED, AMBIGUOUS)
#: Cells of a column read at once by a search (a slice: one short C call).
_SLICE = 16_384


def filter_rows(table: ContactTable, mode: str, needle: str = "", start: int = 0,
                stop: int | None = None, existing=None) -> list[int] | None:
    """Sorted rows in ``start:stop`` that pass ``mode`` and contain ``needle``; None means "all rows".

    ``existing``: the result's ``ExistingMatch`` (the marks of ``EXISTING_MODES``); without it
    those modes keep no row."""
    stop = len(table) if stop is None else stop
    needle = needle.strip().casefold()
    if mode == ALL:
        base = None
    elif mode == PROBLEMS:
        base = [r for r in rows_with_problems(table) if start <= r < stop]
    elif mode == SUGGESTIONS:
        base = sorted(r for r, s in table.suggestions.items() if s and start <= r < stop)
    elif mode == MERGED:
        base = sorted(r for r in table.merged if start <= r < stop)
    elif mode == EXCLUDED:
        base = sorted(r for r in table.excluded if start <= r < stop)
    elif mode in EXISTING_MODES:
        mark = existing.mark if existing is not None else None
        base = [] if mark is None else [r for r in range(start, min(stop, len(table))) if mark(r) == mode]
    else:
        raise ValueError(f"unknown filter {mode!r}")
    if not needle:
        if base is None and start == 0:
            return None
        return list(range(start, stop)) if base is None else base
    return _search(table, needle, base, start, stop)


def _search(table: ContactTable, needle: str, base: list[int] | None, start: int, stop: int) -> list[int]:
    hits: set[int] = set()
    for col in table.columns.values():
        # A column is read a slice at a time (a running job's columns are its chunks' lists read
        # as one, ``live_table.ChunkedColumn``, where a cell read alone is a Python call).
        for a in range(start, stop, _SLICE):
            b = min(a + _SLICE, stop)
            if base is None:
                hits.update(i for i, v in enumerate(col[a:b], a) if v and needle in v.casefold())
                continue
            rows = base[bisect_left(base, a):bisect_left(base, b)]
            if rows:
                cells = col[a:b]
                hits.update(i for i in rows if (v := cells[i - a]) and needle in v.casefold())
    # Invalid values are not in their column; a person searching for "gmial" must still find them.
    allowed = None if base is None else set(base)
    for r, fields in table.problems.items():
        if start <= r < stop and (allowed is None or r in allowed) and r not in hits:
            if any(p.value and needle in p.value.casefold() for probs in fields.values() for p in probs):
                hits.add(r)
    return sorted(hits)

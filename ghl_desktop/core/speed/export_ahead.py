"""The export's first slices, formatted by the helper process while the conversion ends.

For a caller that exports at once (the command line): the merge and the report are this
process's alone, and the helper would sit idle through them; with ``ExportAhead`` it formats the
export's first slices then, and, when it kept the chunks it normalized, is sent only where their
rows are. The export is the same byte for byte without it (``tests/core/test_parallel.py``).
"""

from __future__ import annotations

import marshal
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, compress, islice, repeat
from operator import gt, lt, sub

from ..export import _cut, _export_field, _risky_fields, _send_parts, _slice_text, not_exported
from ..schema import EMAIL, FIRST_NAME, LAST_NAME, PHONE
from ..table import ContactTable
from . import tuning
from .helper import ChunkHelper, kept_columns




class ExportAhead:
    """The first slices of the coming export, formatted by the helper while the conversion ends.

    A conversion's last steps (merging duplicates, the report) are this process's alone: the
    helper would sit idle through them. A merge only changes the rows of each group of
    duplicates, and those are known, with their merged values, before any row moves
    (``dedupe.BeforeDrop``, which this is). So the exported rows of the table to be can be cut
    into the export's slices then, and the first ``limit`` of them handed to the helper.
    ``write_export(ahead=...)`` uses what came back for the slices it cuts the same way.

    A helper that kept the chunks it normalized (``ChunkHelper(keep=True)``) is sent, for those
    rows, only where they are (``_SlicePlan``): handing over a slice then costs next to nothing,
    and ``sender`` lets the export hand over its later slices the same way.

    Only for a table exported exactly as the conversion leaves it (the command line exports at
    once); nothing here changes the table.
    """

    def __init__(self, helper: ChunkHelper | None, split_rows: int, limit: int = tuning.AHEAD_SLICES) -> None:
        self.helper, self.split_rows, self.limit = helper, split_rows, limit
        self.n_rows: int | None = None
        self.sent: dict[tuple[int, int], list] = {}
        self._plan: _SlicePlan | None = None

    def __call__(self, table: ContactTable, drop: Sequence[int], heads) -> None:
        helper = self.helper
        if helper is None or not helper.active or self.limit <= 0:
            return
        n = len(table)
        merged = heads.table.columns
        contact = [merged[c] for c in (FIRST_NAME, LAST_NAME, EMAIL, PHONE)]
        # The rows the merged table will not export, as numbered now: as today, except that the
        # merged-away rows go and each group's first row is judged on its merged values.
        # A byte per row, not a set of the half million rows merged away and their ints.
        gone = bytearray(n)
        for r in not_exported(table):
            gone[r] = 1
        for r in heads.rows:
            gone[r] = 0
        for r in drop:
            gone[r] = 1
        for i, r in enumerate(heads.rows):
            if r in table.excluded or not any(col[i] for col in contact):
                gone[r] = 1
        kept = _KeptRuns(array("q", compress(range(n), gone)), n)
        del gone
        self.n_rows = kept.count
        _, slices, _ = _cut(kept.count, self.split_rows)
        if len(slices) < tuning.PARALLEL_MIN_SLICES:
            return
        risky = _risky_fields(table.schema)
        flags = [c in risky for c in table.columns]
        self._plan = plan = _SlicePlan(kept, slices, heads, drop, flags,
                                       helper.kept_runs if helper.keep_token is not None else [])
        columns = list(table.columns.values())
        for k in range(min(self.limit, len(slices))):
            pending = plan.send(helper, k, columns, merged=False)
            if pending is None:
                return
            self.sent[slices[k]] = pending

    def take(self, n_rows: int, split_rows: int, slices: list[tuple[int, int]]) -> dict[int, list]:
        """The slices of ``slices`` the helper was given, by index (none if the export is not the
        one foreseen: another row count or split)."""
        sent, self.sent = self.sent, {}
        if not self._foreseen(n_rows, split_rows):
            return {}
        index = {s: k for k, s in enumerate(slices)}
        return {index[s]: pending for s, pending in sent.items() if s in index}

    def sender(self, table: ContactTable, n_rows: int, split_rows: int):
        """For the export foreseen, of the merged ``table``: ``send(k)`` hands slice ``k`` to the
        helper as ``ExportAhead`` handed the first ones (rows it keeps travel by reference); None
        for another export."""
        plan = self._plan
        if plan is None or not plan.owned.runs or not self._foreseen(n_rows, split_rows):
            return None
        columns = list(table.columns.values())
        return lambda k: plan.send(self.helper, k, columns, merged=True)

    def _foreseen(self, n_rows: int, split_rows: int) -> bool:
        return n_rows == self.n_rows and split_rows == self.split_rows


class _SlicePlan:
    """The export's slices as ``ExportAhead`` cut them before the merge, ready to hand to the helper.

    Rows are numbered as before the merge (``kept`` runs, group ``heads``). A slice goes as
    segments: runs of the chunks the helper keeps (by reference) and runs of the other rows (their
    values), with each group head's merged values. Values are read from the table before the
    merge, or from the merged table (``merged=True``), whose rows are the same less the rows merged
    away before them.
    """

    def __init__(self, kept: "_KeptRuns", slices: list[tuple[int, int]], heads, drop: Sequence[int],
                 flags: list[bool], owned: list[tuple[int, int, tuple[int, int]]]) -> None:
        self.kept, self.slices, self.drop, self.flags = kept, slices, drop, flags
        self.owned = _Owned(owned)
        merged = heads.table.columns
        self.merged_columns = list(merged.values())
        # The heads ascending, and where each one's merged values are (None: at its own index,
        # the merge's heads being ascending already; no dict of a quarter million heads).
        rows = heads.rows
        if any(map(gt, rows, islice(rows, 1, None))):
            self.head_index: list[int] | None = sorted(range(len(rows)), key=rows.__getitem__)
            self.head_rows = [rows[i] for i in self.head_index]
        else:
            self.head_index, self.head_rows = None, rows

    def send(self, helper: ChunkHelper, k: int, columns: list[list[str]], merged: bool):
        start, stop = self.slices[k]
        runs = self.kept.runs(start, stop)
        head_rows, head_index, merged_columns = self.head_rows, self.head_index, self.merged_columns
        heads = []  # (place in the slice, merged values) of the group heads in this slice
        at = 0
        for a, b in runs:
            for j in range(bisect_left(head_rows, a), bisect_left(head_rows, b)):
                r, i = head_rows[j], j if head_index is None else head_index[j]
                heads.append((at + r - a, tuple(col[i] for col in merged_columns)))
            at += b - a
        segments = self.owned.segments(runs)
        if merged:  # a kept run holds no merged-away row: it moved up by those before it
            drop = self.drop
            segments = [(None, a - (d := bisect_left(drop, a)), b - d) if key is None else (key, a, b)
                        for key, a, b in segments]
        return _send_kept(helper, segments, columns, heads, self.flags, stop - start)


class _Owned:
    """Which table rows the helper process keeps normalized (``ChunkHelper.kept_runs``)."""

    def __init__(self, runs: list[tuple[int, int, tuple[int, int]]]) -> None:
        runs = sorted(runs)
        self.firsts = [first for first, _, _ in runs]
        self.runs = runs

    def segments(self, rows: list[tuple[int, int]]) -> list[tuple]:
        """``rows`` (runs of table rows, in order) as segments: (key, lo, hi) for rows ``lo:hi``
        of a chunk the helper keeps under ``key``, (None, a, b) for table rows ``a:b`` it does not."""
        out: list[tuple] = []
        firsts, runs = self.firsts, self.runs
        for a, b in rows:
            while a < b:
                k = bisect_right(firsts, a) - 1
                if k >= 0 and a < firsts[k] + runs[k][1]:
                    first, n, key = runs[k]
                    end = min(b, first + n)
                    out.append((key, a - first, end - first))
                else:
                    end = min(b, firsts[k + 1]) if k + 1 < len(firsts) else b
                    out.append((None, a, end))
                a = end
        return out


def _send_kept(helper: ChunkHelper, segments: list[tuple], columns: list[list[str]],
               heads: list[tuple[int, tuple[str, ...]]], flags: list[bool], n: int):
    """Have the helper format a slice from the chunks it keeps, if any, and the rows it does not
    keep, which travel as values (``_kept_slice``), with the merged values of the group heads."""
    values: list[list[str]] = [[] for _ in columns]
    for key, a, b in segments:
        if key is None:
            for v, col in zip(values, columns):
                v += col[a:b]
    try:
        packed = marshal.dumps([v if any(v) else None for v in values]) if any(values) else None
    except ValueError:  # a value marshal cannot carry (never in a normalized table)
        return None
    plan = [(key, lo, hi) if key is not None else (None, hi - lo, 0) for key, lo, hi in segments]
    return helper.call(_kept_slice, helper.keep_token, plan, packed, heads, flags, n)


def _kept_slice(token: str, plan: list[tuple], packed: bytes | None, heads: list[tuple[int, tuple[str, ...]]],
                flags: list[bool], n: int) -> bytes:
    """In the helper process: the CSV bytes of ``n`` rows put together from its kept chunks
    ((key, lo, hi): rows ``lo:hi`` of one) and the rows sent ((None, count, 0): the next ``count``
    of ``packed``), with each group head's merged values in its place."""

    sent = marshal.loads(packed) if packed is not None else [None] * len(flags)
    columns: list[list[str]] = [[] for _ in flags]
    at = 0
    for key, lo, hi in plan:
        if key is None:
            for col, values in zip(columns, sent):
                col += values[at:at + lo] if values is not None else repeat("", lo)
            at += lo
        else:
            for col, values in zip(columns, kept_columns(token, key)):
                col += values[lo:hi] if values is not None else repeat("", hi - lo)
    for place, row in heads:
        for col, value in zip(columns, row):
            col[place] = value
    return _slice_text([_export_field(col, flag) for col, flag in zip(columns, flags)], n).encode("utf-8")


class _KeptRuns:
    """The rows ``0 .. n-1`` but ``gone`` (ascending), as runs: which rows are the kept ones
    ``start .. stop-1``."""

    def __init__(self, gone: Sequence[int], n: int) -> None:
        # Held while the merge copies the table: runs as arrays of machine integers, not a tuple
        # of two int objects per run (~25 MB at a million rows with 30% duplicates); made as
        # arrays too, with no int object per row kept along the way.
        starts, stops = array("q", [0]), array("q", gone)
        starts.extend(map((1).__add__, gone))
        stops.append(n)
        real = bytes(map(lt, starts, stops))
        self._starts = array("q", compress(starts, real))
        self._stops = array("q", compress(stops, real))
        del starts, stops, real
        self.firsts = array("q", accumulate(map(sub, self._stops, self._starts), initial=0))
        self.count = self.firsts[-1]

    def runs(self, start: int, stop: int) -> list[tuple[int, int]]:
        out = []
        k = max(bisect_right(self.firsts, start) - 1, 0)
        while k < len(self._starts) and self.firsts[k] < stop:
            a, b = self._starts[k], self._stops[k]
            first = self.firsts[k]
            lo, hi = a + max(start - first, 0), a + min(stop - first, b - a)
            if lo < hi:
                out.append((lo, hi))
            k += 1
        return out

"""The export's first slices, formatted by the helper process while the conversion ends.

For a caller that exports at once (the command line): the merge and the report are this
process's alone, and the helper would sit idle through them; with ``ExportAhead`` it formats the
export's first slices then, and, when it kept the chunks it normalized, is sent only where their
rows are. The export is the same byte for byte without it (``tests/core/test_parallel.py``).
"""

from __future__ import annotations

import marshal
from bisect import bisect_left, bisect_right
from itertools import compress, count, islice, repeat
from operator import not_, or_, sub

from ..export import _cut, _export_field, _risky_fields, _slice_text, not_exported
from ..schema import EMAIL, FIRST_NAME, LAST_NAME, PHONE
from ..table import ContactTable, _kept_mask, _set_bytes, has_values
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

    def __init__(self, helper: ChunkHelper | None, split_rows: int, limit: int | None = None) -> None:
        """``limit``: the slices handed over at most (None: ``ahead_slices`` of the export's)."""
        self.helper, self.split_rows, self.limit = helper, split_rows, limit
        self.n_rows: int | None = None
        self.sent: dict[tuple[int, int], list] = {}
        self._plan: _SlicePlan | None = None

    def __call__(self, table: ContactTable, drop: list[int], heads) -> None:
        helper = self.helper
        if helper is None or not helper.active or (self.limit is not None and self.limit <= 0):
            return
        exported = _exported_after_merge(table, drop, heads)
        self.n_rows = exported.count(1)
        _, slices, _ = _cut(self.n_rows, self.split_rows)
        if len(slices) < tuning.PARALLEL_MIN_SLICES:
            return
        risky = _risky_fields(table.schema)
        flags = [c in risky for c in table.columns]
        self._plan = plan = _SlicePlan(exported, slices, heads, drop, flags,
                                       helper.kept_runs if helper.keep_token is not None else [])
        columns = list(table.columns.values())
        limit = ahead_slices(len(slices)) if self.limit is None else self.limit
        for k in range(min(limit, len(slices))):
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


def ahead_slices(n_slices: int) -> int:
    """The slices of an export of ``n_slices`` handed to the helper before the merge: about what
    it formats while this process merges and reports (``tuning.AHEAD_SLICES``), but no more than
    ``tuning.AHEAD_PERCENT`` % of them, so that this process has slices of its own to format
    once it is done, rather than wait for the helper's last ones."""
    return min(tuning.AHEAD_SLICES, n_slices * tuning.AHEAD_PERCENT // 100)


def _exported_after_merge(table: ContactTable, drop: list[int], heads) -> bytearray:
    """One byte per row of ``table`` as numbered now, 1 for the rows the merged table will export:
    as today, except that the merged-away rows go and each group's first row is judged on its
    merged values. Set by C-level loops (``_set_bytes``)."""
    exported = bytearray(b"\x01") * len(table)
    _set_bytes(exported, not_exported(table), 0)
    _set_bytes(exported, heads.rows, 1)
    _set_bytes(exported, drop, 0)
    merged = heads.table.columns
    no_contact = map(not_, map(any, zip(*(merged[c] for c in (FIRST_NAME, LAST_NAME, EMAIL, PHONE)))))
    left_out = map(or_, map(table.excluded.__contains__, heads.rows), no_contact)
    _set_bytes(exported, compress(heads.rows, left_out), 0)
    return exported


class _SlicePlan:
    """The export's slices as ``ExportAhead`` cut them before the merge, ready to hand to the helper.

    Rows are numbered as before the merge; ``exported`` has a 1 for each row the merged table
    exports. Slice ``k`` is the exported rows among table rows ``bounds[k]:bounds[k + 1]``. It
    goes as segments: pieces of the chunks the helper keeps (by reference, with the bytes that
    pick their exported rows) and the exported values of the other rows, with each group head's
    merged values and place. Values are read from the table before the merge, or from the merged
    table (``merged=True``), whose rows are the same less the rows merged away before them.
    """

    def __init__(self, exported: bytearray, slices: list[tuple[int, int]], heads, drop: list[int],
                 flags: list[bool], owned: list[tuple[int, int, tuple[int, int]]]) -> None:
        self.exported, self.slices, self.drop, self.flags = exported, slices, drop, flags
        self.owned = _Owned(owned)
        self.bounds = [*_nth_set_bytes(exported, [start for start, _ in slices]), len(exported)]
        # The rows the merge keeps (the merge's own mask, when it made one).
        self.kept = heads.kept if heads.kept is not None else _kept_mask(len(exported), drop)
        self.merged_columns = list(heads.table.columns.values())
        self.merged_filled = [has_values(col) for col in self.merged_columns]  # unmapped fields' are all ""
        self.head_rows = heads.rows  # ascending: the groups are in order of their first row

    def send(self, helper: ChunkHelper, k: int, columns: list[list[str]], merged: bool):
        a, b = self.bounds[k], self.bounds[k + 1]
        exported = self.exported
        segments = []  # (key, lo, hi, the bytes picking the exported rows of lo:hi)
        for key, lo, hi in self.owned.segments([(a, b)]):
            if key is not None:  # rows lo:hi of a kept chunk
                first = self.owned.first_of[key]
                segments.append((key, lo, hi, exported[first + lo:first + hi]))
            elif merged:  # table rows lo:hi, moved up by the rows merged away before them
                segments.append((None, lo - bisect_left(self.drop, lo), hi - bisect_left(self.drop, hi),
                                 bytearray(compress(exported[lo:hi], self.kept[lo:hi]))))
            else:
                segments.append((None, lo, hi, exported[lo:hi]))
        return _send_kept(helper, segments, columns, self._heads(a, b), self.flags, self.slices[k])

    def _heads(self, a: int, b: int) -> tuple[list[int], list[list[str]]]:
        """(places in the slice, merged values column by column) of the exported group heads among
        table rows ``a:b``."""
        rows = self.head_rows
        i, j = bisect_left(rows, a), bisect_left(rows, b)
        if i == j:
            return [], []
        shown = self.exported[a:b]
        picked = [*map(shown.__getitem__, map(sub, rows[i:j], repeat(a)))]
        at = list(compress(range(i, j), picked))
        if not at:
            return [], []
        slice_rows = list(compress(range(a, b), shown))
        places = list(map(bisect_left, repeat(slice_rows), compress(rows[i:j], picked)))
        return places, [list(map(col.__getitem__, at)) if filled else [""] * len(at)
                        for col, filled in zip(self.merged_columns, self.merged_filled)]


def _nth_set_bytes(mask: bytearray, counts: list[int]) -> list[int]:
    """For each of ``counts`` (ascending): the index of the mask's byte that is the count-th 1
    (from 0), found by C-level skips."""
    ones = compress(count(), mask)
    out: list[int] = []
    done = 0
    for c in counts:
        out.append(next(islice(ones, c - done, None)))
        done = c + 1
    return out


class _Owned:
    """Which table rows the helper process keeps normalized (``ChunkHelper.kept_runs``)."""

    def __init__(self, runs: list[tuple[int, int, tuple[int, int]]]) -> None:
        runs = sorted(runs)
        self.firsts = [first for first, _, _ in runs]
        self.first_of = {key: first for first, _, key in runs}
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
               heads: tuple[list[int], list[list[str]]], flags: list[bool], bounds: tuple[int, int]):
    """Have the helper format a slice from the chunks it keeps, if any, and the rows it does not
    keep, which travel as values (``_kept_slice``), with the merged values of the group heads."""
    values: list[list[str]] = [[] for _ in columns]
    plan = []
    for key, lo, hi, pick in segments:
        if key is None:
            for v, col in zip(values, columns):
                v += compress(col[lo:hi], pick)
            plan.append((None, pick.count(1), 0, None))
        else:
            plan.append((key, lo, hi, None if pick.count(0) == 0 else bytes(pick)))
    try:
        packed = marshal.dumps([v if any(v) else None for v in values]) if any(values) else None
    except ValueError:  # a value marshal cannot carry (never in a normalized table)
        return None
    start, stop = bounds
    return helper.call(_kept_slice, helper.keep_token, plan, packed, heads, flags, stop - start)


def _kept_slice(token: str, plan: list[tuple], packed: bytes | None, heads: tuple[list[int], list[list[str]]],
                flags: list[bool], n: int) -> bytes:
    """In the helper process: the CSV bytes of ``n`` rows put together from its kept chunks
    ((key, lo, hi, pick): the rows of ``lo:hi`` of one whose byte in ``pick`` is 1; pick None: all
    of them) and the rows sent ((None, count, 0, None): the next ``count`` of ``packed``), with
    each group head's merged values in its place (``heads``: places, values column by column)."""

    sent = marshal.loads(packed) if packed is not None else [None] * len(flags)
    columns: list[list[str]] = [[] for _ in flags]
    at = 0
    for key, lo, hi, pick in plan:
        if key is None:
            for col, values in zip(columns, sent):
                col += values[at:at + lo] if values is not None else repeat("", lo)
            at += lo
        else:
            size = hi - lo if pick is None else pick.count(1)
            for col, values in zip(columns, kept_columns(token, key)):
                if values is None:
                    col += repeat("", size)
                else:
                    col += values[lo:hi] if pick is None else compress(values[lo:hi], pick)
    places, head_values = heads
    for col, values in zip(columns, head_values):
        for place, value in zip(places, values):
            col[place] = value
    return _slice_text([_export_field(col, flag) for col, flag in zip(columns, flags)], n).encode("utf-8")



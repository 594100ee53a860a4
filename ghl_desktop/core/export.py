"""Write the GHL import CSV (split in parts GHL accepts) and the rejects CSV, atomically.

GHL imports at most 10,000 rows per file, so a longer export becomes ``OUT-part001.csv``,
``OUT-part002.csv``, ... next to OUT. Either every file of an export appears or none does.
"""

from __future__ import annotations

import contextlib
import csv
import io
import marshal
import os
import queue
import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import contains, not_, or_
from pathlib import Path
from typing import Callable, Sequence

from . import messages as M
from .assemble import SourceColumns, flagged_fields, risky_indexes
from .atomic import atomic_open, commit_all, temp_path_for
from .errors import OutputIsFolder
from .fields import EMAIL, FIRST_NAME, GHL_COLUMNS, LAST_NAME, PHONE
from .messages import Message
from .normalize import needs_neutralizing, neutralize_formula
from .normalize.injection import RISKY_STARTS
from .parallel import ChunkHelper, in_order
from .table import ROW, ContactTable

GHL_ROW_LIMIT = 10_000

#: Rows written per step. Each step is a handful of C calls over this many rows (a few ms each),
#: so an export never holds the GIL long, and only one slice of text exists at a time.
SLICE_ROWS = 10_000
#: The characters that make the csv module (excel dialect, QUOTE_MINIMAL) quote a field.
_QUOTE_CHARS = (",", '"', "\r", "\n")


@dataclass
class ExportResult:
    paths: list[Path]
    rows: int
    rejects: int = 0
    rejects_path: Path | None = None
    removed_stale: list[Path] = field(default_factory=list)


def part_paths(out: Path, n_parts: int) -> list[Path]:
    suffix = out.suffix or ".csv"
    return [out.with_name(f"{out.stem}-part{i:03d}{suffix}") for i in range(1, n_parts + 1)]


def _stale_parts(out: Path) -> list[Path]:
    suffix = out.suffix or ".csv"
    pattern = re.compile(re.escape(out.stem) + r"-part\d{3}" + re.escape(suffix) + "$")
    if not out.parent.is_dir():
        return []
    return [p for p in out.parent.iterdir() if pattern.match(p.name)]


def remove_stale_temps(out: Path) -> None:
    """Temp files a killed export left behind (hidden, never mistaken for an export) are cleared."""
    stem = re.escape(out.stem)
    pattern = re.compile(rf"^\.{stem}(-part\d{{3}})?{re.escape(out.suffix or '.csv')}\..+\.tmp$")
    for p in out.parent.iterdir():
        if pattern.match(p.name):
            with contextlib.suppress(OSError):
                p.unlink()


def export_columns(table: ContactTable) -> list[list[str]]:
    """The exported values, column by column (GHL order), formula cells neutralized."""
    keep = exported_index(table)
    return [_export_values(table.columns[c], c in _risky_fields(), keep, 0, _n_exported(table, keep))
            for c in GHL_COLUMNS]


def export_rows(table: ContactTable) -> list[list[str]]:
    """The exported rows as GHL would receive them (for callers that want rows)."""
    return [list(r) for r in zip(*export_columns(table))]


def _risky_fields() -> frozenset[str]:
    return frozenset(flagged_fields())


def not_exported(table: ContactTable) -> list[int]:
    """Rows ``exported_rows`` leaves out (excluded, or no name, email or phone), ascending.

    Found with C-level loops a slice at a time: rows lacking a first name, of those the ones also
    lacking a last name, and so on; the candidates shrink to almost nothing after one column.
    """
    n = len(table.sources)
    cols = table.columns
    first, others = cols[FIRST_NAME], (cols[LAST_NAME], cols[EMAIL], cols[PHONE])
    drop: list[int] = []
    for lo in range(0, n, 16 * SLICE_ROWS):
        hi = min(lo + 16 * SLICE_ROWS, n)
        cand = list(compress(range(lo, hi), map(not_, first[lo:hi])))
        for col in others:
            if not cand:
                break
            cand = list(compress(cand, map(not_, map(col.__getitem__, cand))))
        drop += cand
    if table.excluded:
        drop = sorted(set(drop).union(r for r in table.excluded if 0 <= r < n))
    return drop


def exported_index(table: ContactTable) -> list[int] | None:
    """The exported rows (``table.exported_rows()``), or None when that is every row."""
    drop = not_exported(table)
    if not drop:
        return None
    n = len(table.sources)
    mask = bytearray(b"\x01") * n
    for r in drop:
        mask[r] = 0
    return list(compress(range(n), mask))


def _n_exported(table: ContactTable, keep: list[int] | None) -> int:
    return len(table.sources) if keep is None else len(keep)


def _export_values(col: list[str], risky: bool, keep: list[int] | None, lo: int, hi: int) -> list[str]:
    """Exported rows ``lo:hi`` of one column (``keep`` maps them to table rows), neutralized."""
    values = col[lo:hi] if keep is None else list(map(col.__getitem__, keep[lo:hi]))
    if risky:
        for i in risky_indexes(values, range(len(values))):
            values[i] = neutralize_formula(values[i])
    return values


def _csv_field_quoted(values: list[str]) -> list[str]:
    """``values`` as the csv module writes them (QUOTE_MINIMAL), looped in C.

    A value holding a comma, quote, CR or LF is quoted, its quotes doubled; others are as is.
    """
    return _quoted(values, "".join(values))


def _quoted(values: list[str], joined: str) -> list[str]:
    """``_csv_field_quoted(values)``, given the values joined by any separator but the four."""
    present = [c for c in _QUOTE_CHARS if c in joined]
    if not present:
        return values
    mask = list(map(contains, values, repeat(present[0])))
    for c in present[1:]:
        mask = list(map(or_, mask, map(contains, values, repeat(c))))
    where = list(compress(range(len(values)), mask))
    chosen = map(values.__getitem__, where)
    if '"' in present:
        chosen = map(str.replace, chosen, repeat('"'), repeat('""'))
    out = values.copy()
    for i, v in zip(where, map('"{}"'.format, chosen)):
        out[i] = v
    return out


def _csv_text(columns: list[list[str]]) -> str:
    """Rows (given as equal-length columns) as CSV text, byte for byte what ``csv.writer`` writes.

    Values that are not text (never in a normalized table) make the csv module write the slice.
    """
    if not columns or not columns[0]:
        return ""
    try:
        fields = [_csv_field_quoted(col) for col in columns]
        return "\r\n".join(map(",".join, zip(*fields))) + "\r\n"
    except TypeError:
        buf = io.StringIO(newline="")
        csv.writer(buf).writerows(zip(*columns))
        return buf.getvalue()


def _export_field(values: list[str], risky: bool) -> list[str] | None:
    """One column's exported values for a slice, quoted for CSV; None when all are empty.

    One NUL-join of the slice answers everything at C speed: a join as long as its separators
    means every value is empty; a risky first character shows as a NUL followed by it (the first
    value is looked at on its own); the quoting characters are searched for in the same text.
    """
    joined = "\x00".join(values)
    if len(joined) == len(values) - 1:
        return None
    if risky and (_RISKY_AFTER_NUL.search(joined) or _risky_start(values[0])):
        values = _export_values(values, True, None, 0, len(values))
        joined = "\x00".join(values)
    return _quoted(values, joined)


def _risky_start(value: str) -> bool:
    return bool(value) and (value[0] in RISKY_STARTS or value[0].isspace())


#: A value starting with a risky character or a space, right after the NUL joining it to the one
#: before (the regex engine finds the literal NUL at memchr speed).
_RISKY_AFTER_NUL = re.compile("\x00[%s\\s]" % re.escape("".join(sorted(RISKY_STARTS))))


def _slice_text(fields: list[list[str] | None], n: int) -> str:
    """CSV lines of ``n`` rows from ``_export_field`` results (None: an all-empty column).

    The empty columns at either end go into each line's ending and start, and a run of empty
    columns inside becomes one column of commas: each row is joined from fewer pieces.
    """
    present = [i for i, f in enumerate(fields) if f is not None]
    if not present:
        return ("," * (len(fields) - 1) + "\r\n") * n
    first, last = present[0], present[-1]
    pieces: list[list[str]] = []
    gap = 0
    for f in fields[first:last + 1]:
        if f is None:
            gap += 1
            continue
        if gap:
            pieces.append([","* (gap - 1)] * n)  # the run's commas less the two joins around it
            gap = 0
        pieces.append(f)
    lead, trail = "," * first, "," * (len(fields) - 1 - last)
    ending = trail + "\r\n"
    return lead + (ending + lead).join(map(",".join, zip(*pieces))) + ending


def _formatted_slices(table: ContactTable, keep: list[int] | None, slices: list[tuple[int, int]], cancel,
                      helper: ChunkHelper | None = None, sent: dict[int, list] | None = None, late=None):
    """Yield ``(k, CSV bytes)`` of each slice ``(start, stop)`` of the exported rows, in order.

    With a running ``helper`` process, both processes format slices (``in_order``: whichever is
    free takes the next one); the helper gets a slice's values (empty columns as None), a third of
    the work of formatting them, and sends back bytes. ``sent``: slices the helper already has
    (``ExportAhead``), by index; ``late(k)``, when given, hands slice ``k`` to the helper instead
    of its values (``ExportAhead.sender``). Raises ``Cancelled`` between slices.
    """
    from .errors import Cancelled

    risky = _risky_fields()
    columns = [table.columns[c] for c in GHL_COLUMNS]
    flags = [c in risky for c in GHL_COLUMNS]

    def rows_of(k: int) -> range | list[int]:
        start, stop = slices[k]
        return range(start, stop) if keep is None else keep[start:stop]

    def local(k: int) -> bytes:
        return _rows_text(columns, flags, rows_of(k)).encode("utf-8")

    def send(k: int):
        if late is not None:
            return late(k)
        rows = rows_of(k)
        if isinstance(rows, range):
            parts = [col[rows.start:rows.stop] for col in columns]
        else:
            parts = [list(map(col.__getitem__, rows)) for col in columns]
        return _send_parts(helper, parts, flags)

    def check() -> None:
        if cancel and cancel():
            raise Cancelled()

    use = helper if helper is not None and helper.active and len(slices) >= _PARALLEL_MIN_SLICES else None
    if sent:
        use = helper  # slices already there (a failed helper's come back as None: done here)
    yield from in_order(len(slices), local, send, lambda k, pending: helper.value(pending), use, sent=sent,
                        check=check)
    check()


def _send_parts(helper: ChunkHelper, parts: list[list[str]], flags: list[bool]):
    """Hand one slice's column values (GHL order) to the helper to format; its pending work, or None."""
    try:
        packed = marshal.dumps([p if any(p) else None for p in parts])
    except ValueError:  # a value marshal cannot carry (never in a normalized table)
        return None
    return helper.call(_rows_bytes, packed, flags, len(parts[0]) if parts else 0)


#: Fewer slices than this are formatted here only: the helper's share would not pay for sending.
_PARALLEL_MIN_SLICES = 4


def _rows_bytes(packed: bytes, flags: list[bool], n: int) -> bytes:
    """In the helper process: the CSV bytes of ``n`` rows from their packed column values."""
    fields = [None if values is None else _export_field(values, flag)
              for values, flag in zip(marshal.loads(packed), flags)]
    return _slice_text(fields, n).encode("utf-8")


def _rows_text(columns: list[list[str]], flags: list[bool], rows: range | list[int]) -> str:
    """CSV text of table ``rows`` (ascending), every value neutralized and quoted as exported."""
    n = len(rows)
    if not n:
        return ""
    if isinstance(rows, range):
        parts = [col[rows.start:rows.stop] for col in columns]
    else:
        parts = [list(map(col.__getitem__, rows)) for col in columns]
    try:
        return _slice_text([_export_field(p, flag) for p, flag in zip(parts, flags)], n)
    except TypeError:  # a value that is not text: the csv module's way, neutralized as above
        fields = [_export_values(p, flag, None, 0, n) for p, flag in zip(parts, flags)]
        return _csv_text(fields)


class _WriteBehind:
    """An export's file operations, done in order on a thread of their own.

    Writing a MB of text into the page cache takes the kernel milliseconds (two at a million-row
    process's size here), all of it with the GIL released: on this thread the next slice is
    formatted meanwhile, instead of after. At most ``depth`` operations wait, so at most that many
    formatted slices exist at once. The first failure is raised in the caller by the next ``do``
    or by ``finish``; nothing after a failure is done.
    """

    def __init__(self, depth: int = 4) -> None:
        self._ops: queue.Queue = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (op := self._ops.get()) is not None:
            if self._error is None:
                fn, args = op
                try:
                    fn(*args)
                except BaseException as exc:  # raised again in the caller's thread
                    self._error = exc

    def do(self, fn, *args) -> None:
        """Queue ``fn(*args)`` (waits while ``depth`` are queued); raises an earlier failure."""
        self._raise()
        self._ops.put((fn, args))

    def finish(self) -> None:
        """Wait until everything queued is done; raises its failure, if any."""
        self._ops.put(None)
        self._thread.join()
        self._raise()

    def abandon(self) -> None:
        """After a failure in the caller: skip whatever is still queued and wait for the thread."""
        if self._thread.is_alive():
            self._error = self._error or _Abandoned()
            self._ops.put(None)
            self._thread.join()

    def _raise(self) -> None:
        if self._error is not None and not isinstance(self._error, _Abandoned):
            raise self._error


class _Abandoned(Exception):
    pass


def _close_synced(fh) -> None:
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()


def _header_bytes() -> bytes:
    return _csv_lines([GHL_COLUMNS])


def _cut(n_rows: int, split_rows: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]:
    """(parts, slices, part of each slice) of an export of ``n_rows`` rows: parts of at most
    ``split_rows`` rows (0: one part), each cut into slices of at most ``SLICE_ROWS``. Every
    part's slices are in one list, so that a helper formats ahead across parts."""
    if split_rows and n_rows > split_rows:
        bounds = [(i, min(i + split_rows, n_rows)) for i in range(0, n_rows, split_rows)]
    else:
        bounds = [(0, n_rows)]
    slices = [(start, min(start + SLICE_ROWS, hi)) for lo, hi in bounds for start in range(lo, hi, SLICE_ROWS)]
    part_of = [i for i, (lo, hi) in enumerate(bounds) for _ in range(lo, hi, SLICE_ROWS)]
    return bounds, slices, part_of


#: Slices handed to the helper before the merge (``ExportAhead``): about what it formats while
#: this process merges the duplicates of a million rows and builds the report (~0.4 s; with
#: fewer, it sat idle through the report).
AHEAD_SLICES = 36


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

    def __init__(self, helper: ChunkHelper | None, split_rows: int, limit: int = AHEAD_SLICES) -> None:
        self.helper, self.split_rows, self.limit = helper, split_rows, limit
        self.n_rows: int | None = None
        self.sent: dict[tuple[int, int], list] = {}
        self._plan: _SlicePlan | None = None

    def __call__(self, table: ContactTable, drop: list[int], heads) -> None:
        helper = self.helper
        if helper is None or not helper.active or self.limit <= 0:
            return
        n = len(table)
        merged = heads.table.columns
        contact = [merged[c] for c in (FIRST_NAME, LAST_NAME, EMAIL, PHONE)]
        # The rows the merged table will not export, as numbered now: as today, except that the
        # merged-away rows go and each group's first row is judged on its merged values.
        gone = set(not_exported(table))
        gone.difference_update(heads.rows)
        gone.update(drop)
        gone.update(r for i, r in enumerate(heads.rows)
                    if r in table.excluded or not any(col[i] for col in contact))
        kept = _KeptRuns(sorted(gone), n)
        self.n_rows = kept.count
        _, slices, _ = _cut(kept.count, self.split_rows)
        if len(slices) < _PARALLEL_MIN_SLICES:
            return
        risky = _risky_fields()
        flags = [c in risky for c in GHL_COLUMNS]
        self._plan = plan = _SlicePlan(kept, slices, heads, drop, flags,
                                       helper.kept_runs if helper.keep_token is not None else [])
        columns = [table.columns[c] for c in GHL_COLUMNS]
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
        columns = [table.columns[c] for c in GHL_COLUMNS]
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

    def __init__(self, kept: "_KeptRuns", slices: list[tuple[int, int]], heads, drop: list[int],
                 flags: list[bool], owned: list[tuple[int, int, tuple[int, int]]]) -> None:
        self.kept, self.slices, self.drop, self.flags = kept, slices, drop, flags
        self.owned = _Owned(owned)
        merged = heads.table.columns
        self.merged_columns = [merged[c] for c in GHL_COLUMNS]
        self.head_at = {r: i for i, r in enumerate(heads.rows)}
        self.head_rows = sorted(self.head_at)

    def send(self, helper: ChunkHelper, k: int, columns: list[list[str]], merged: bool):
        start, stop = self.slices[k]
        runs = self.kept.runs(start, stop)
        head_rows, head_at, merged_columns = self.head_rows, self.head_at, self.merged_columns
        heads = []  # (place in the slice, merged values) of the group heads in this slice
        at = 0
        for a, b in runs:
            for r in head_rows[bisect_left(head_rows, a):bisect_left(head_rows, b)]:
                i = head_at[r]
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
    from .parallel import kept_columns

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

    def __init__(self, gone: list[int], n: int) -> None:
        self._runs = [(a, b) for a, b in zip([0, *[g + 1 for g in gone]], [*gone, n]) if a < b]
        self.firsts = list(accumulate((b - a for a, b in self._runs), initial=0))
        self.count = self.firsts[-1]

    def runs(self, start: int, stop: int) -> list[tuple[int, int]]:
        out = []
        k = max(bisect_right(self.firsts, start) - 1, 0)
        while k < len(self._runs) and self.firsts[k] < stop:
            a, b = self._runs[k]
            first = self.firsts[k]
            lo, hi = a + max(start - first, 0), a + min(stop - first, b - a)
            if lo < hi:
                out.append((lo, hi))
            k += 1
        return out


def write_export(
    table: ContactTable,
    out_path: str | os.PathLike,
    split_rows: int = GHL_ROW_LIMIT,
    rejects_path: str | os.PathLike | None = None,
    *,
    sources: Sequence[SourceColumns] | None = None,
    cancel: Callable[[], bool] | None = None,
    helper: ChunkHelper | None = None,
    ahead: "ExportAhead | None" = None,
) -> ExportResult:
    """Write the GHL CSV (in parts when longer than ``split_rows``; 0 = never split).

    Rows are written a slice at a time straight from the table's columns (no row lists, no copy
    of the whole export), as the csv module would write them, byte for byte. ``helper``: a helper
    process still running from the conversion formats some of the slices. ``ahead``: slices it
    was given before the conversion's merge (``ExportAhead``), for the table as the conversion
    left it.
    """
    out = Path(out_path)
    if out.is_dir():
        raise OutputIsFolder(Message(M.OUTPUT_IS_FOLDER, str(out)))
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    keep = exported_index(table)
    n_rows = _n_exported(table, keep)
    bounds, slices, part_of = _cut(n_rows, split_rows)
    dests = part_paths(out, len(bounds)) if len(bounds) > 1 else [out]
    sent = ahead.take(n_rows, split_rows, slices) if ahead is not None else {}
    late = ahead.sender(table, n_rows, split_rows) if ahead is not None and helper is not None else None

    pairs: list[tuple[Path, Path]] = []
    files: list = []  # every part file opened, for closing after a failure
    writer = _WriteBehind()
    try:
        written = -1  # the part whose file is open (or was last)

        def next_part() -> None:
            nonlocal written
            if files:
                writer.do(_close_synced, files[-1])
            written += 1
            tmp = temp_path_for(dests[written])
            pairs.append((tmp, dests[written]))
            files.append(open(tmp, "wb"))
            writer.do(files[-1].write, _header_bytes())

        for k, data in _formatted_slices(table, keep, slices, cancel, helper, sent, late):
            while written < part_of[k]:
                next_part()
            writer.do(files[-1].write, data)
        while written < len(dests) - 1:  # an export of no rows is still a header
            next_part()
        writer.do(_close_synced, files[-1])
        writer.finish()
        rejects = None
        if rejects_path is not None:
            rejects = Path(rejects_path)
            tmp = temp_path_for(rejects)
            pairs.append((tmp, rejects))
            n_rejects = write_rejects(table, tmp, sources)
        else:
            n_rejects = 0
    except BaseException:
        writer.abandon()
        for fh in files:
            with contextlib.suppress(OSError):
                fh.close()
        for tmp, _ in pairs:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    stale = [p for p in _stale_parts(out) if p not in dests]
    if out not in dests and out.exists():
        stale.append(out)  # an older unsplit export would be mistaken for this one
    commit_all(pairs)
    for p in stale:
        with contextlib.suppress(OSError):
            p.unlink()
    return ExportResult(
        paths=dests, rows=n_rows, rejects=n_rejects, rejects_path=rejects, removed_stale=stale
    )


def reject_reason(table: ContactTable, row: int) -> str:
    if row in table.excluded:
        return "excluded during review"
    reasons = [
        str(p.reason) if fld == ROW else f"{fld} {p.value!r}: {p.reason}" if p.value else f"{fld}: {p.reason}"
        for fld, p in table.row_problems(row)
        if p.is_error
    ]
    return "; ".join(reasons)


def rejected_rows(table: ContactTable) -> list[int]:
    """Rows not exported, or exported while holding an invalid value."""
    n = len(table)
    bad = set(not_exported(table))
    for r in table.problems:  # sparse: only rows with problems can hold an invalid value
        if 0 <= r < n and r not in bad and table.has_error(r):
            bad.add(r)
    return sorted(bad)


#: Rejected rows written per step (through the csv module, into one string per step).
_REJECT_BATCH = 2_000


def write_rejects(
    table: ContactTable, path: Path, sources: Sequence[SourceColumns] | None = None
) -> int:
    """Each rejected row with its original values (from ``sources``) and the reason."""
    rows = rejected_rows(table)
    if sources:
        header = list(dict.fromkeys(h for s in sources for h in s.header))
        index = [{h: i for i, h in enumerate(s.header)} for s in sources]
        # Per source, the column holding each header name (None: that file has no such column).
        picks = [[s.columns[idx[h]] if h in idx else None for h in header] for s, idx in zip(sources, index)]
        names = [Path(s.path).name for s in sources]
    else:
        header = list(GHL_COLUMNS)
        picks, names = [], []
    with open(path, "wb") as fh:
        fh.write(_csv_lines([["Source File", "Source Row", "Reason", *header]]))
        for start in range(0, len(rows), _REJECT_BATCH):
            batch = []
            for r in rows[start : start + _REJECT_BATCH]:
                file_idx, src_row = table.sources[r]
                if sources:
                    values = [c[src_row] if c is not None else "" for c in picks[file_idx]]
                    name, line = names[file_idx], sources[file_idx].row_numbers[src_row]
                else:
                    values = [table.columns[c][r] for c in header]
                    name, line = "", src_row + 1
                values = [neutralize_formula(v) if v and needs_neutralizing(v) else v for v in values]
                batch.append([name, line, reject_reason(table, r), *values])
            fh.write(_csv_lines(batch))
        fh.flush()
        os.fsync(fh.fileno())
    return len(rows)


def _csv_lines(rows) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8")


def write_json(path: str | os.PathLike, data) -> None:
    import json

    with atomic_open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

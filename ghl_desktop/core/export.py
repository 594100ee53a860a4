"""Write the GHL import CSV (split in parts GHL accepts) and the file of rows to fix, atomically.

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
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import contains, not_, or_
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from . import messages as M
from .assemble import SourceColumns, flagged_fields, risky_indexes
from .atomic import atomic_open, commit_all, temp_path_for
from .errors import OutputIsFolder
from .messages import Message
from .schema import EMAIL, FIRST_NAME, LAST_NAME, PHONE, TAGS, Schema
from .normalize import join_tags, neutralize_formula, split_tags
from .normalize.injection import RISKY_STARTS
from .speed import tuning
from .speed.helper import ChunkHelper, in_order
from .table import ContactTable
from .tofix import rows_with_problems, write_tofix

if TYPE_CHECKING:
    from .speed.export_ahead import ExportAhead

GHL_ROW_LIMIT = 10_000

#: The characters that make the csv module (excel dialect, QUOTE_MINIMAL) quote a field.
_QUOTE_CHARS = (",", '"', "\r", "\n")


@dataclass
class ExportResult:
    paths: list[Path]
    rows: int
    rejects: int = 0
    rejects_path: Path | None = None
    removed_stale: list[Path] = field(default_factory=list)


def import_tag(text: str | None) -> str:
    """``text`` as one valid GHL tag ("" for none): GHL splits tags on commas, semicolons and
    periods, so those inside become hyphens or spaces (``import 1.2`` → ``import 1-2``)."""
    tags = split_tags((text or "").replace(";", " ").replace(",", " ").replace("|", " "))
    return tags[0] if tags else ""


def tagged(table: ContactTable, tag: str) -> ContactTable:
    """``table`` as exported with ``tag`` added to every row's tags (a view: its columns are
    shared, but for a new Tags column; nothing of ``table`` changes)."""
    tag = import_tag(tag)
    if not tag or TAGS not in table.columns:
        return table
    col = table.columns[TAGS]
    joined = {v: join_tags((*split_tags(v), tag)) if v else tag for v in set(col)}
    columns = dict(table.columns)
    columns[TAGS] = list(map(joined.__getitem__, col))
    view = ContactTable.__new__(ContactTable)
    view.__dict__.update(table.__dict__)
    view.__dict__["columns"] = columns
    return view


def part_paths(out: Path, n_parts: int) -> list[Path]:
    suffix = out.suffix or ".csv"
    return [out.with_name(f"{out.stem}-part{i:03d}{suffix}") for i in range(1, n_parts + 1)]


def _stale_parts(out: Path) -> list[Path]:
    suffix = out.suffix or ".csv"
    pattern = re.compile(re.escape(out.stem) + r"-part\d{3}" + re.escape(suffix) + "$")
    if not out.parent.is_dir():
        return []
    return [p for p in out.parent.iterdir() if pattern.match(p.name)]


def existing_export_files(out: str | os.PathLike, tofix_path: str | os.PathLike | None = None) -> list[Path]:
    """The files already on disk that an export to ``out`` would replace: ``out`` itself, its parts
    (``OUT-part001.csv``, ... whether or not this export is split, since an export clears the parts of
    an older one) and the file of rows to fix, so that the person can be asked first."""
    out = Path(out)
    found = ([out] if out.is_file() else []) + sorted(_stale_parts(out))
    if tofix_path is not None and Path(tofix_path).is_file():
        found.append(Path(tofix_path))
    return found


def remove_stale_temps(out: Path) -> None:
    """Temp files a killed export left behind (hidden, never mistaken for an export) are cleared."""
    stem = re.escape(out.stem)
    pattern = re.compile(rf"^\.{stem}(-part\d{{3}})?{re.escape(out.suffix or '.csv')}\..+\.tmp$")
    for p in out.parent.iterdir():
        if pattern.match(p.name):
            with contextlib.suppress(OSError):
                p.unlink()


def export_columns(table: ContactTable) -> list[list[str]]:
    """The exported values, column by column (the schema's order), formula cells neutralized."""
    keep = exported_index(table)
    risky = _risky_fields(table.schema)
    return [_export_values(col, c in risky, keep, 0, _n_exported(table, keep)) for c, col in table.columns.items()]


def export_rows(table: ContactTable) -> list[list[str]]:
    """The exported rows as GHL would receive them (for callers that want rows)."""
    return [list(r) for r in zip(*export_columns(table))]


def _risky_fields(schema: Schema) -> frozenset[str]:
    return frozenset(flagged_fields(schema))


def not_exported(table: ContactTable) -> list[int]:
    """Rows ``exported_rows`` leaves out (excluded, or no name, email or phone), ascending.

    Found with C-level loops a slice at a time: rows lacking a first name, of those the ones also
    lacking a last name, and so on; the candidates shrink to almost nothing after one column.
    """
    n = len(table.sources)
    cols = table.columns
    first, others = cols[FIRST_NAME], (cols[LAST_NAME], cols[EMAIL], cols[PHONE])
    drop: list[int] = []
    for lo in range(0, n, 16 * tuning.SLICE_ROWS):
        hi = min(lo + 16 * tuning.SLICE_ROWS, n)
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

    risky = _risky_fields(table.schema)
    columns = list(table.columns.values())
    flags = [c in risky for c in table.columns]

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

    use = helper if helper is not None and helper.active and len(slices) >= tuning.PARALLEL_MIN_SLICES else None
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


def _header_bytes(schema: Schema) -> bytes:
    return _csv_lines([schema.columns])


def _cut(n_rows: int, split_rows: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]:
    """(parts, slices, part of each slice) of an export of ``n_rows`` rows: parts of at most
    ``split_rows`` rows (0: one part), each cut into slices of at most ``SLICE_ROWS``. Every
    part's slices are in one list, so that a helper formats ahead across parts."""
    if split_rows and n_rows > split_rows:
        bounds = [(i, min(i + split_rows, n_rows)) for i in range(0, n_rows, split_rows)]
    else:
        bounds = [(0, n_rows)]
    slices = [(start, min(start + tuning.SLICE_ROWS, hi)) for lo, hi in bounds for start in range(lo, hi, tuning.SLICE_ROWS)]
    part_of = [i for i, (lo, hi) in enumerate(bounds) for _ in range(lo, hi, tuning.SLICE_ROWS)]
    return bounds, slices, part_of


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
    tag: str | None = None,
    mappings: Sequence | None = None,
    text: Callable[[Message], str] = str,
) -> ExportResult:
    """Write the GHL CSV (in parts when longer than ``split_rows``; 0 = never split).

    Rows are written a slice at a time straight from the table's columns (no row lists, no copy
    of the whole export), as the csv module would write them, byte for byte. ``helper``: a helper
    process still running from the conversion formats some of the slices. ``ahead``: slices it
    was given before the conversion's merge (``ExportAhead``), for the table as the conversion
    left it. ``tag``: one tag added to every exported row (``import_tag``; GHL has no undo, and a
    tag lets a person find and delete an import); the slices ``ahead`` formatted have no tag, so
    they are not used then. ``rejects_path``: the file of rows to fix (``tofix.write_tofix``: an
    Excel workbook for ``.xlsx``, else a CSV), its words written with ``text`` (English by default).
    """
    out = Path(out_path)
    if out.is_dir():
        raise OutputIsFolder(Message(M.OUTPUT_IS_FOLDER, str(out)))
    if tag and import_tag(tag):
        table, ahead = tagged(table, tag), None
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
            writer.do(files[-1].write, _header_bytes(table.schema))

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
            n_rejects = write_tofix(table, tmp, sources, mappings, text,
                                    xlsx=rejects.suffix.lower() == ".xlsx")
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


def rejected_rows(table: ContactTable) -> list[int]:
    """The rows with a problem (``tofix.rows_with_problems``): what the file of rows to fix lists."""
    return rows_with_problems(table)


def _csv_lines(rows) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8")


def write_json(path: str | os.PathLike, data) -> None:
    import json

    with atomic_open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

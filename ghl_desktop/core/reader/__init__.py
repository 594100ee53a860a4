"""Read any contact file a person drops into a plain table of text.

``read_source`` decides the format by content, detects encoding, delimiter, sheet and header row,
repairs what exports break, and raises ``InputError`` with one clear sentence for anything it
cannot read. Everything comes out as text exactly as the person would see it.
"""

from __future__ import annotations

import csv
import operator
import os
from itertools import compress, repeat
from pathlib import Path
from typing import Callable

from .. import messages as M
from ..errors import Cancelled, InputError
from ..messages import Message
from ..limits import DEFAULT_LIMITS, Limits
from . import delimited, excel, header as header_rules, stream
from .decode import decode, decode_parts
from .header import _non_empty, clean_header, find_header_row
from .sniff import EXCEL_SUFFIXES, is_encrypted_ole, not_a_workbook, sniff


class SourceTable:
    """One input read as text: header, data cells and where each data row came from.

    The cells are held either as ``rows`` (Excel, small texts) or as ``columns`` (delimited text
    read by the stream); the other form is built on first use. :meth:`take_columns` hands the
    columns over without keeping a second copy of a million rows.
    """

    def __init__(
        self,
        path: str,
        format: str,
        encoding: str | None,
        delimiter: str | None,
        sheet: str | None,
        header_row: int,
        header: list[str],
        rows: list[list[str]] | None = None,
        row_numbers: list[int] | None = None,
        warnings: list[Message] | None = None,
        *,
        columns: list[list[str]] | None = None,
        unread: tuple[list[int], int] = ([], 0),
    ) -> None:
        self.path, self.format, self.encoding, self.delimiter = path, format, encoding, delimiter
        #: (columns whose cells were not kept, the first rows they hold: "" after them), when the
        #: read was told to ``keep`` only some columns; ([], 0) when every cell is there.
        self.unread = unread
        self.sheet, self.header_row, self.header = sheet, header_row, header
        self.row_numbers = row_numbers if row_numbers is not None else []
        self.warnings = warnings if warnings is not None else []
        self._rows = rows
        self._columns = columns
        if rows is None and columns is None:
            self._rows = []

    @property
    def n_rows(self) -> int:
        return len(self.row_numbers)

    @property
    def rows(self) -> list[list[str]]:
        if self._rows is None:
            self._rows = [list(r) for r in zip(*self._columns)] if self.row_numbers else []
        return self._rows

    @rows.setter
    def rows(self, value: list[list[str]]) -> None:
        self._rows, self._columns = value, None

    @property
    def columns(self) -> list[list[str]]:
        if self._columns is None:
            self._columns = transpose(self._rows, len(self.header))
        return self._columns

    def take_columns(self) -> list[list[str]]:
        """The data column by column; the table lets go of its cells (rows are freed as they go)."""
        if self._columns is not None:
            columns = self._columns
        else:
            columns = transpose(self._rows, len(self.header), free=True)
        self._rows = self._columns = None
        return columns

    def __repr__(self) -> str:
        return (
            f"SourceTable(path={self.path!r}, format={self.format!r}, encoding={self.encoding!r}, "
            f"delimiter={self.delimiter!r}, sheet={self.sheet!r}, header_row={self.header_row}, "
            f"header={self.header!r}, rows={self.n_rows})"
        )


#: Rows transposed per step: each zip over them is a C call of about a millisecond.
_TRANSPOSE_ROWS = 10_000


def transpose(rows: list[list[str]], width: int, *, free: bool = False) -> list[list[str]]:
    """Rows (all ``width`` long) as columns, a slice at a time (no GIL-holding ``zip(*million)``).

    With ``free`` the row lists are dropped from ``rows`` as they are copied, so the cells are
    never held twice over for the whole table; and the columns that repeat a lot in the first
    slice (cities, companies, tags) keep one string per distinct value, as the text stream does
    (``stream._Columns.share_repeats``): a million-row workbook held millions of equal strings.
    """
    columns: list[list[str]] = [[] for _ in range(width)]
    shared: list[dict[str, str] | None] = [None] * width
    step = _TRANSPOSE_ROWS
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        for j, values in enumerate(zip(*chunk)):
            canon = shared[j]
            if canon is None:
                columns[j].extend(values)
            else:
                columns[j].extend(map(canon.setdefault, values, values))  # looped in C
                if len(canon) > stream._CANON_MAX:
                    shared[j] = None
        if free:
            rows[start : start + step] = repeat(None, len(chunk))
            if not start:
                for j, col in enumerate(columns):
                    if len(col) >= 200 and len(set(col)) * 2 < len(col):
                        canon = shared[j] = {}
                        col[:] = map(canon.setdefault, col, col)
        del chunk
    return columns


def _open_checked(path: Path, limits: Limits) -> int:
    """Size of a readable regular file, or an InputError saying why it cannot be read."""
    name = path.name or str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(Message(M.FILE_MISSING, name, str(path))) from None
    except PermissionError:
        raise InputError(Message(M.FILE_PERMISSION_DENIED, name)) from None
    except OSError as exc:
        raise InputError(Message(M.FILE_UNREADABLE, name, M.os_reason(exc))) from None
    if path.is_dir():
        raise InputError(Message(M.FILE_IS_FOLDER, name))
    if st.st_size == 0:
        raise InputError(Message(M.FILE_EMPTY, name))
    check_size(name, st.st_size, limits)
    return st.st_size


def check_rows(name: str, rows: int, limits: Limits) -> None:
    """InputError when a file has more data rows than the row limit."""
    if rows > limits.max_rows:
        raise InputError(Message(M.FILE_TOO_MANY_ROWS, name, rows, limits.max_rows))


def check_size(name: str, size: int, limits: Limits) -> None:
    """InputError when a file of ``size`` bytes is over the size limit.

    The window calls this before it hashes and copies a dropped file, so a file over the limit is
    refused at once instead of being copied into the data folder first.
    """
    if size > limits.max_file_bytes:
        raise InputError(
            Message(M.FILE_TOO_BIG, name, round(size / 2**20), round(limits.max_file_bytes / 2**20))
        )


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise InputError(Message(M.FILE_PERMISSION_DENIED, path.name)) from None
    except OSError as exc:
        raise InputError(Message(M.FILE_UNREADABLE, path.name, M.os_reason(exc))) from None


def _read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(4096)
    except PermissionError:
        raise InputError(Message(M.FILE_PERMISSION_DENIED, path.name)) from None
    except OSError as exc:
        raise InputError(Message(M.FILE_UNREADABLE, path.name, M.os_reason(exc))) from None


def read_source(
    path: str | os.PathLike,
    *,
    sheet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    cancel: Callable[[], bool] | None = None,
    on_final_rows: stream.FinalRowsFn | None = None,
    on_progress: Callable[[float], None] | None = None,
    keep: stream.KeepFn | None = None,
    pieces: excel.PieceMap | None = None,
) -> SourceTable:
    """Read a CSV/TSV/TXT or Excel file into a SourceTable; InputError for anything unreadable.

    ``on_progress(fraction)`` follows a large delimited text's read block by block.
    ``on_final_rows`` is told, while delimited text is still being read, which rows can no longer
    change (see ``stream.parse_columns``), so their work can start before the read ends; a
    workbook's single sheet is then built into columns as calamine's rows are converted, and told
    of in the same way (``_workbook_columns``).
    ``keep(header, first columns)`` may name the only columns whose cells a delimited text's
    stream keeps past its first rows (``stream.parse_columns``; ``SourceTable.unread`` says which
    were left); a workbook, or text the row-wise reader takes over, is read whole.
    ``pieces``: how a large .xlsx/.xlsm sheet's pieces are read (``excel.read_in_pieces``); the
    same rows come out, cut or not.
    """
    p = Path(path)
    _open_checked(p, limits)
    head = _read_head(p)
    kind = sniff(p, head)
    if kind == "ole":
        data = _read_bytes(p)
        if is_encrypted_ole(data):
            raise InputError(Message(M.FILE_PASSWORD, p.name))
        del data
        return _from_workbook(p, "xls", sheet, limits, cancel)
    if kind == "zip":
        excel.check_zip(p, limits)
        fmt = "xlsm" if p.suffix.lower() == ".xlsm" else "xlsx"
        return _from_workbook(p, fmt, sheet, limits, cancel, pieces, on_final_rows)
    if p.suffix.lower() in EXCEL_SUFFIXES:
        return _text_named_as_workbook(p, limits, cancel)
    parts, encoding = decode_parts(_read_bytes(p), p.name)
    return _parse_parts(p, parts, encoding, limits=limits, cancel=cancel, on_final_rows=on_final_rows,
                        on_progress=on_progress, keep=keep)


def read_source_head(
    path: str | os.PathLike,
    rows: int,
    *,
    sheet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[SourceTable, bool, bool] | None:
    """The first rows of an .xlsx/.xlsm, read without the rest of its sheet: (table, sure, whole).

    ``rows``: the sheet's rows to read, title and header rows included. The table is what
    ``read_source`` gives for those rows; ``sure`` is False when the whole workbook could put other
    rows first (see ``excel.read_workbook_head``); ``whole``: the sheet has no other rows. Its
    warnings cover only the rows read.
    None when only a whole read can answer: not a workbook of that kind, or one whose first rows
    cannot be taken apart. An InputError is the file's own problem, as ``read_source`` would say it.
    """
    p = Path(path)
    _open_checked(p, limits)
    if sniff(p, _read_head(p)) != "zip":
        return None
    excel.check_zip(p, limits)
    fmt = "xlsm" if p.suffix.lower() == ".xlsm" else "xlsx"
    try:
        chosen, got, warnings, sure, whole = excel.read_workbook_head(p, sheet, limits, rows)
    except excel.NoHead:
        return None
    return _from_rows(p, fmt, None, None, chosen, got, 1, warnings, limits=limits), sure, whole


def _from_workbook(p: Path, fmt: str, sheet: str | None, limits: Limits, cancel,
                   pieces: excel.PieceMap | None = None,
                   on_final_rows: stream.FinalRowsFn | None = None) -> SourceTable:
    if on_final_rows is not None:
        opened = excel.open_single_sheet(p, sheet, limits, pieces)
        if opened is not None:
            return _workbook_columns(p, fmt, opened, limits, cancel, on_final_rows)
    chosen, cells, warnings = excel.read_workbook(p, sheet, limits, cancel, pieces)
    if isinstance(cells, excel.SheetColumns):
        return _from_columns(p, fmt, chosen, cells, warnings, limits=limits)
    return _from_rows(p, fmt, None, None, chosen, cells, 1, warnings, limits=limits)


def _from_columns(p: Path, fmt: str, sheet: str, cells: excel.SheetColumns, warnings: list[Message], *,
                  limits: Limits = DEFAULT_LIMITS) -> SourceTable:
    """``_from_rows`` of a sheet held as columns (rows numbered from 1), never making rows: the
    same table when the header row is as wide as the sheet, where rows can only be dropped, and
    only when blank. Any other sheet (a header narrower than the sheet, no value in its first
    rows) goes through ``_from_rows``."""
    columns = cells.columns
    n = len(columns[0])
    head = [list(r) for r in zip(*(col[:_HEADER_SAMPLE] for col in columns))]
    plan = _plain_header(head, len(columns), n)
    if plan is None:
        return _from_rows(p, fmt, None, None, sheet, cells.rows(), 1, warnings, limits=limits)
    h, header, found = plan
    warnings = [*warnings, *found]
    blank = _blank_rows(columns, h + 1)
    for col in columns:
        del col[: h + 1]
    starts = _numbers(h + 2, n + 1)
    if blank:
        kept = [True] * len(starts)
        for i in blank:
            kept[i - h - 1] = False
        columns[:] = [_kept(col, kept) for col in columns]
        starts = _kept(starts, kept)
    if not starts:
        raise InputError(Message(M.FILE_HEADER_ONLY_SHEET, p.name, sheet))
    check_rows(p.name, len(starts), limits)
    return SourceTable(path=str(p), format=fmt, encoding=None, delimiter=None, sheet=sheet, header_row=h,
                       header=header, row_numbers=starts, warnings=warnings, columns=columns)


def _blank_rows(columns: list[list[str]], start: int) -> list[int]:
    """The rows from ``start`` on whose every cell is blank (whitespace at most); the first
    column's are found by scans in C (``_TRANSPOSE_ROWS`` rows each: none holds the GIL long),
    and only those rows are looked at whole."""
    first, out = columns[0], []
    for a in range(start, len(first), _TRANSPOSE_ROWS):
        part = first[a : a + _TRANSPOSE_ROWS]
        maybe = compress(range(a, a + len(part)), map(operator.not_, map(str.strip, part)))
        out += [i for i in maybe if not any(col[i].strip() for col in columns)]
    return out


def _numbers(start: int, stop: int) -> list[int]:
    """``list(range(start, stop))``, ``_TRANSPOSE_ROWS`` numbers per C call."""
    out: list[int] = []
    for a in range(start, stop, _TRANSPOSE_ROWS):
        out += range(a, min(a + _TRANSPOSE_ROWS, stop))
    return out


def _kept(items: list, kept: list[bool]) -> list:
    """The ``items`` whose ``kept`` is true, ``_TRANSPOSE_ROWS`` of them per C call."""
    out: list = []
    for a in range(0, len(items), _TRANSPOSE_ROWS):
        out += compress(items[a : a + _TRANSPOSE_ROWS], kept[a : a + _TRANSPOSE_ROWS])
    return out


#: A sheet's first rows, converted as rows: its header is found among them (``find_header_row``
#: looks at the first ``_HEADER_SAMPLE`` at most: the rows ``table_width`` reads); then the rows
#: converted at a time into columns (a C call each way of a few milliseconds).
_HEAD_ROWS, _SLICE_ROWS = 1_000, 2_000
_HEADER_SAMPLE = header_rules.WIDTH_ROWS


def _workbook_columns(p: Path, fmt: str, opened, limits: Limits, cancel,
                      on_final_rows: stream.FinalRowsFn) -> SourceTable:
    """The table ``_from_rows`` makes of a workbook sheet's rows, built column by column as the
    sheet's rows are converted, ``on_final_rows`` told after each slice (so a helper process
    normalizes the first rows while the others are converted).

    Only the plain shape is built this way: a header as wide as the sheet's used range (so every
    data row is as wide as the header) and no title row without its header in the first rows;
    anything else is left to ``_from_rows`` over the same rows. Blank data rows are left out, as
    ``repair_rows`` drops them.
    """
    sheet, s = opened
    name = p.name
    rows_in = excel.sheet_cell_rows(s, name, sheet, _HEAD_ROWS, _SLICE_ROWS)
    with delimited.gc_paused():
        head = [list(map(excel.cell_value_text, r)) for r in next(rows_in, [])]
        plan = _plain_header(head, s.width, s.height + (s.start or (0, 0))[0])
        if plan is None:
            return _rows_table(p, fmt, sheet, head, rows_in, limits, cancel)
        h, header, warnings = plan
        columns: list[list[str]] = [[] for _ in header]
        shared: list[dict[str, str] | None] = [None] * len(header)
        numbers: list[int] = []
        pending, next_row = head[h + 1 :], h + 2  # the sheet's 1-based row of pending's first row
        while True:
            if cancel is not None and cancel():
                raise Cancelled()
            if pending:
                size = len(pending)
                _extend_columns(columns, shared, pending, numbers, next_row)
                next_row += size
            on_final_rows(header, columns, len(numbers))
            pending = next(rows_in, None)
            if pending is None:
                break
        del s, rows_in
    if not numbers:
        raise InputError(Message(M.FILE_HEADER_ONLY_SHEET, name, sheet))
    check_rows(name, len(numbers), limits)
    return SourceTable(
        path=str(p), format=fmt, encoding=None, delimiter=None, sheet=sheet, header_row=h, header=header,
        columns=columns, row_numbers=numbers, warnings=warnings,
    )


def _named_header(raw_header: list[str]) -> tuple[list[str], list[Message]]:
    """The header made of a sheet's or file's header cells (``clean_header``), and the warning
    that names the cells it had to rename (none when it renamed none)."""
    header = clean_header(raw_header)
    trimmed = [" ".join(c.replace("\ufeff", "").split()) for c in raw_header]
    renamed = sorted({t for t, c in zip(trimmed, header) if t and t != c})
    return header, [Message(M.RENAMED_COLUMNS, ", ".join(renamed))] if renamed else []


def _plain_header(head: list[list[str]], width: int, total_rows: int):
    """(header row index, header, warnings) as ``_from_rows`` finds them from the sheet's first
    rows, when the sheet is of the plain shape; None otherwise."""
    if not head or (len(head) < _HEADER_SAMPLE and len(head) < total_rows):
        return None
    if not any(map(_non_empty, head)):
        return None  # find_header_row would look further down
    h = find_header_row(head)
    if h + 1 >= len(head) and len(head) < total_rows:
        return None  # the data rows start past the first ones
    raw_header = list(head[h])
    while raw_header and not raw_header[-1].strip():
        raw_header.pop()
    if len(raw_header) != width:
        return None
    header, warnings = _named_header(raw_header)
    if any("".join(r).strip() for r in head[:h]):
        warnings.append(Message(M.ROWS_SKIPPED, h))
    return h, header, warnings


def _extend_columns(columns: list[list[str]], shared: list[dict[str, str] | None], raw: list[list],
                    numbers: list[int], first_row: int) -> None:
    """Add ``raw`` rows (calamine's cells, the first one the sheet's row ``first_row``) to
    ``columns`` as text and their row numbers to ``numbers``, but for the blank ones. The first
    rows added decide which columns keep one string per distinct value (as ``transpose`` does)."""
    first = not numbers
    texts = [excel.text_cells(values) for values in zip(*raw)]
    rows = range(first_row, first_row + len(raw))
    if "" in map(str.strip, texts[0]):  # a blank first cell: maybe a blank row
        filled = [bool(r[0].strip() or "".join(r).strip()) for r in zip(*texts)]
        if not all(filled):
            texts = [tuple(compress(values, filled)) for values in texts]
            rows = compress(rows, filled)
    numbers.extend(rows)
    for j, values in enumerate(texts):
        canon = shared[j]
        if canon is None:
            columns[j].extend(values)
        else:
            columns[j].extend(map(canon.setdefault, values, values))
            if len(canon) > stream._CANON_MAX:
                shared[j] = None
        if first and len(values) >= 200 and len(set(values)) * 2 < len(values):
            canon = shared[j] = {}
            columns[j][:] = map(canon.setdefault, columns[j], columns[j])
    raw[:] = ()


def _rows_table(p: Path, fmt: str, sheet: str, head: list[list[str]], rest, limits: Limits,
                cancel) -> SourceTable:
    """``_from_rows`` over the sheet's rows: ``head`` (text rows) and the ``rest`` (slices of
    calamine's rows), as ``excel.read_workbook`` gives them."""
    rows = head
    for raw in rest:
        if cancel is not None and cancel():
            raise Cancelled()
        rows.extend([list(map(excel.cell_value_text, r)) for r in raw])
    return _from_rows(p, fmt, None, None, sheet, rows, 1, [], limits=limits)


def _text_named_as_workbook(p: Path, limits: Limits, cancel) -> SourceTable:
    """A CSV saved with an Excel name (web exports do this) is read as the CSV it is.

    Only text that really is delimited is accepted; anything else gets the plain "not a real Excel
    file" message rather than a confusing one about text encodings.
    """
    try:
        text, encoding = decode(_read_bytes(p), p.name)
    except InputError:
        raise not_a_workbook(p) from None
    first = next((ln for ln in text[:65536].splitlines() if ln.strip()), "")
    d = delimited.detect_delimiter(text)
    if d not in first:
        raise not_a_workbook(p)
    table = parse_text(p, text, encoding, limits=limits, cancel=cancel, delimiter=d)
    table.warnings.insert(0, Message(M.NAMED_AS_WORKBOOK, p.suffix.lower(), delimited.delimiter_name(d)))
    return table


def parse_text(
    p: Path,
    text: str,
    encoding: str | None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    cancel: Callable[[], bool] | None = None,
    delimiter: str | None = None,
    keep: stream.KeepFn | None = None,
) -> SourceTable:
    """Delimited text → SourceTable (exposed for tests that parse without a file on disk)."""
    return _parse_parts(p, [text], encoding, limits=limits, cancel=cancel, delimiter=delimiter, keep=keep)


def _parse_parts(
    p: Path,
    parts: list[str],
    encoding: str | None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    cancel: Callable[[], bool] | None = None,
    delimiter: str | None = None,
    on_final_rows: stream.FinalRowsFn | None = None,
    on_progress: Callable[[float], None] | None = None,
    keep: stream.KeepFn | None = None,
) -> SourceTable:
    """Delimited text, given as line-aligned parts (``decode_parts``), → SourceTable.

    The stream (``stream.parse_columns``) reads it straight into columns; the row-wise reader
    gives the same result and takes over where only it can: malformed quoting (the lenient
    parser), most rows wider than the header, no values in the first records, a refused file.
    """
    d = delimiter or delimited.detect_delimiter(_prefix(parts, delimited._SAMPLE_CHARS + 1))
    try:
        with delimited.gc_paused():
            header, header_row, columns, starts, warnings, unread = stream.parse_columns(
                parts, d, name=p.name, max_columns=limits.max_columns, max_rows=limits.max_rows, cancel=cancel,
                on_final_rows=on_final_rows, on_progress=on_progress, keep=keep,
            )
    except csv.Error:  # malformed quoting: the strict parse fails the same way; repair leniently
        with delimited.gc_paused():
            records, starts, warnings = delimited._parse_lenient(
                parts, d, p.name, limits.max_columns, limits.max_rows, cancel
            )
        return _from_rows(p, "csv", encoding, d, None, records, starts, warnings=warnings, limits=limits)
    except stream.Fallback:
        records, starts, warnings = delimited.parse(
            parts, d, name=p.name, max_columns=limits.max_columns, max_rows=limits.max_rows, cancel=cancel
        )
        return _from_rows(p, "csv", encoding, d, None, records, starts, warnings=warnings, limits=limits)
    if not starts:
        raise InputError(Message(M.FILE_HEADER_ONLY, p.name))
    check_rows(p.name, len(starts), limits)
    return SourceTable(
        path=str(p),
        format="csv",
        encoding=encoding,
        delimiter=d,
        sheet=None,
        header_row=header_row,
        header=header,
        row_numbers=starts,
        warnings=warnings,
        columns=columns,
        unread=unread,
    )


def _prefix(parts: list[str], size: int) -> str:
    """The first ``size`` characters of the text (all of it when shorter)."""
    if len(parts[0]) >= size or len(parts) == 1:
        return parts[0][:size]
    taken, got = [], 0
    for part in parts:
        taken.append(part)
        got += len(part)
        if got >= size:
            break
    return "".join(taken)[:size]


def _from_rows(
    p: Path,
    fmt: str,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    rows: list[list[str]],
    starts,
    warnings: list[Message] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> SourceTable:
    """Header detection, header cleaning and row repair, shared by text and Excel.

    ``starts`` is each row's 1-based line (text) or an int: the number of the first row (Excel).
    """
    warnings = list(warnings or [])
    if isinstance(starts, int):  # Excel: row numbers are positions
        starts = list(range(starts, starts + len(rows)))
    if not any(any(c.strip() for c in r) for r in rows):
        raise InputError(Message(M.FILE_NO_VALUES_SHEET, p.name, sheet) if sheet else Message(M.FILE_NO_VALUES, p.name))
    h = find_header_row(rows)
    raw_header = list(rows[h])
    while raw_header and not raw_header[-1].strip():
        raw_header.pop()  # trailing empty header cells (Excel's used range, a trailing delimiter)
    data, data_starts = rows[h + 1 :], starts[h + 1 :]
    hw = len(raw_header)
    longer = [r for r in data if len(r) > hw]
    if longer:
        with_values = sum(1 for r in longer if any(c.strip() for c in r[hw:]))
        filled = sum(1 for r in data if r and "".join(r).strip())
        if filled and with_values * 2 > filled:
            raw_header += [""] * (max(map(len, longer)) - hw)
            warnings.append(Message(M.WIDER_ROWS))
    header, named = _named_header(raw_header)
    warnings.extend(named)
    if any("".join(r).strip() for r in rows[:h]):
        warnings.append(Message(M.ROWS_SKIPPED if fmt != "csv" else M.LINES_SKIPPED, starts[h] - 1))
    fixed, fixed_starts, more = delimited.repair_rows(data, data_starts, len(header), delimiter or "\t")
    warnings.extend(more)
    if not fixed:
        raise InputError(
            Message(M.FILE_HEADER_ONLY_SHEET, p.name, sheet) if sheet else Message(M.FILE_HEADER_ONLY, p.name)
        )
    check_rows(p.name, len(fixed), limits)
    return SourceTable(
        path=str(p),
        format=fmt,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        header_row=starts[h] - 1,
        header=header,
        rows=fixed,
        row_numbers=fixed_starts,
        warnings=warnings,
    )


def list_sheets(path: str | os.PathLike) -> list[str]:
    p = Path(path)
    _open_checked(p, DEFAULT_LIMITS)
    kind = sniff(p, _read_head(p))
    if kind in ("zip", "ole"):
        if kind == "zip":
            excel.check_zip(p, DEFAULT_LIMITS)
        return excel.list_sheets(p)
    return []


__all__ = ["SourceTable", "read_source", "read_source_head", "list_sheets", "parse_text", "transpose"]

"""Excel workbooks (.xlsx/.xlsm via zip, .xls via OLE2), read with python-calamine.

Values come out as text the way the cell shows them: a phone typed as a number is
``5511987654321`` (never ``5.51198765432e+12``), dates are ISO dates. Before any XML is parsed the
zip is checked: its declared uncompressed size and compression ratio (zip bombs) and any XML entity
declarations (entity expansion) are refused with a clear message.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from decimal import Decimal
from itertools import islice, repeat
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import python_calamine as pc

from .. import messages as M
from ..errors import Cancelled, InputError
from ..messages import Message
from ..limits import Limits
from .delimited import gc_paused
from .header import SCAN_ROWS, header_hits
from .numfmt import apply_padded_formats, column_index, hidden_sheets, padded_styles, sheet_parts, workbook_part
from .stream import _CANON_MAX
from .unzip import open_member, read_member

_RATIO_MIN_TOTAL = 20 * 1024 * 1024
_MAX_RATIO = 200
#: A DOCTYPE must come before the root element; comments may pad it, so look well past 4 KB.
_PROLOG_BYTES = 64 * 1024


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse broken archives, non-workbooks, zip bombs and XML entity declarations."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
                raise InputError(Message(M.ZIP_NOT_WORKBOOK, name))
            if "xl/workbook.bin" in names:
                raise InputError(Message(M.XLSB, name))
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > limits.max_unzipped_bytes or (total > _RATIO_MIN_TOTAL and total / packed > _MAX_RATIO):
                raise InputError(Message(M.ZIP_BOMB, name, round(total / 2**20), packed / 2**20))
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with open_member(zf, info) as fh:
                        head = fh.read(_PROLOG_BYTES)
                    if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
                        raise InputError(Message(M.XML_ENTITIES, name))
    except zipfile.BadZipFile:
        raise InputError(Message(M.BAD_ZIP, name)) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as exc:
        raise InputError(Message(M.EXCEL_UNREADABLE, name, str(exc))) from None


def cell_text(value) -> str:
    """A cell as the person sees it: integers without '.0', short decimals, ISO dates."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _number_text(value: float) -> str:
    """A number the way Excel keeps it: 15 significant digits, no exponent, no binary noise.

    5511987654321.0 -> "5511987654321"; 0.1 + 0.2 -> "0.3"; a 20-digit ID typed as a number
    (Excel already dropped its last digits) -> "12345678901234500000", not "1.23456789012346e+19".
    """
    if value != value or value in (math.inf, -math.inf):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.15g}"
    if "e" in text and 1e-20 < abs(value) < 1e30:
        text = format(Decimal(text), "f")
    return text


def _open(path: Path) -> pc.CalamineWorkbook:
    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise InputError(Message(M.FILE_PASSWORD, path.name)) from None
    except Exception as exc:  # calamine's own errors: damaged or unsupported content
        raise InputError(Message(M.EXCEL_DAMAGED, path.name, _short(exc))) from None


#: A part larger than this (a sheet, the shared strings) is left empty in ``_light_copy``.
_LIGHT_BYTES = 256 * 1024


def _open_light(path: Path) -> pc.CalamineWorkbook:
    """calamine's workbook of ``_light_copy(path)``; what the whole one's opening says when the
    copy cannot be made or opened."""
    try:
        return pc.CalamineWorkbook.from_filelike(_light_copy(path))
    except Exception:
        return _open(path)


def _light_copy(path: Path) -> io.BytesIO:
    """A copy of the workbook's XML parts (as a workbook copy read in pieces holds them) whose
    sheets and shared strings larger than ``_LIGHT_BYTES`` are left empty: calamine gives the
    same sheet names and kinds (workbook.xml and its relationships say them) without parsing
    those."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        large = {i.filename for i in zf.infolist() if i.file_size > _LIGHT_BYTES}
        sheets = set(sheet_parts(zf).values())
        strings = workbook_part(zf, "sharedStrings")
        for info in zf.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            if info.filename in large and info.filename in sheets:
                copy.writestr(info.filename, _EMPTY_SHEET)
            elif info.filename in large and info.filename == strings:
                copy.writestr(info.filename, _EMPTY_STRINGS)
            else:
                copy.writestr(info.filename, read_member(zf, info))
    out.seek(0)
    return out


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


def list_sheets(path: Path) -> list[str]:
    wb = _open(path)
    return list(wb.sheet_names)


def _visible_sheets(wb: pc.CalamineWorkbook) -> list[str]:
    try:
        return [
            m.name for m in wb.sheets_metadata
            if m.visible == pc.SheetVisibleEnum.Visible and m.typ == pc.SheetTypeEnum.WorkSheet
        ]
    except Exception:
        return list(wb.sheet_names)


def _sheet_rows(wb: pc.CalamineWorkbook, sheet: str, name: str, limits: Limits, cancel) -> tuple[list[list[str]], int]:
    """(rows as text, the used range's first column)."""
    try:
        s = wb.get_sheet_by_name(sheet)  # the whole sheet, parsed: load it once
        # height/width: the used range (total_* are the last 0-based indexes, not counts). The
        # header and a few title rows come on top of the data rows; the exact count is checked later.
        if s.height > limits.max_rows + SCAN_ROWS + 1:
            raise InputError(Message(M.SHEET_TOO_LONG, name, sheet, limits.max_rows))
        if s.width > limits.max_columns:
            raise InputError(Message(M.SHEET_TOO_WIDE, name, sheet, s.width, limits.max_columns))
        rows = []
        with gc_paused():
            for i, raw in enumerate(s.iter_rows()):
                # Most cells are text already (calamine gives str): only the others are converted.
                rows.append([v if v.__class__ is str else cell_text(v) for v in raw])
                if i % 10_000 == 9_999 and cancel is not None and cancel():
                    raise Cancelled()
        first_col = (s.start or (0, 0))[1] if rows else 0
    except (InputError, Cancelled):
        raise
    except Exception as exc:
        raise InputError(Message(M.SHEET_UNREADABLE, name, sheet, _short(exc))) from None
    # iter_rows starts at the sheet's first row (so row numbers match Excel's) and at the used
    # range's first column (a blank leading column would only add an empty "Column 1").
    return rows, first_col


def _score(rows: list[list[str]]) -> float:
    """Contacts-likeness: filled rows, plus a lot for header words (nome, e-mail, telefone...)."""
    filled = sum(1 for r in rows if any(c.strip() for c in r))
    hits = max((header_hits(r) for r in rows[:30]), default=0)
    return filled + 50 * hits


def _match_sheet(names: list[str], wanted: str, name: str) -> str:
    match = next((n for n in names if n == wanted), None) or next(
        (n for n in names if n.casefold() == wanted.strip().casefold()), None
    )
    if match is None:
        raise InputError(Message(M.NO_SUCH_SHEET, name, wanted, ", ".join(names)))
    return match


def read_workbook(path: Path, sheet: str | None, limits: Limits, cancel: Callable[[], bool] | None,
                  pieces: PieceMap | None = None):
    """(sheet name, rows as text, warnings): the requested sheet, or the one holding the contacts.

    Without ``sheet``, every visible sheet is read and scored; a sheet over the limits only loses
    (it cannot be the contact list), unless no sheet at all can be read. ``pieces``: how to read a
    large sheet's pieces (``read_in_pieces``), when the one sheet to read is large enough to be
    cut; the cells are the whole read's either way, then held as ``SheetColumns`` instead of rows.
    """
    name = path.name
    if pieces and is_zip(path):
        _, _, single = _workbook_and_single(path, sheet, light=True)
        got = read_in_pieces(path, single, limits, cancel, pieces) if single else None
        if got is not None:
            (columns, first_col), chosen = got, single
            view = _RowsView(columns)
            warnings = apply_padded_formats(path, chosen, view, first_col)
            joined = getattr(pieces, "joined", None)
            if joined is not None:
                joined(columns, first_col, view.rewritten or bool(warnings))
            return chosen, SheetColumns(columns), warnings
    wb, names, single = _workbook_and_single(path, sheet)
    if sheet is not None:
        chosen = single
        rows, first_col = _sheet_rows(wb, chosen, name, limits, cancel)
    else:
        chosen, rows, first_col, best_score, first_error = None, None, 0, -1.0, None
        candidates = _visible_sheets(wb) or names
        for n in candidates:
            try:
                candidate, start = _sheet_rows(wb, n, name, limits, cancel)
            except InputError as exc:
                first_error = first_error or exc
                continue
            score = _score(candidate) if len(candidates) > 1 else 0.0  # one sheet: nothing to compare
            if score > best_score:
                chosen, rows, first_col, best_score = n, candidate, start, score
        if rows is None:
            raise first_error
    warnings: list[Message] = []
    if is_zip(path):
        warnings = apply_padded_formats(path, chosen, rows, first_col or 0)
    return chosen, rows, warnings


def _workbook_and_single(path: Path, sheet: str | None, light: bool = False):
    """(calamine's workbook, its sheet names, the one sheet to read or None when they must be
    scored): ``sheet`` when asked for (an error if the workbook has none of that name), else the
    workbook's only candidate sheet. ``light``: calamine opens a copy of an .xlsx/.xlsm without
    its large sheets and shared strings (``_light_copy``): the same names and sheets, for a
    fraction of the work, and a workbook whose cells only the whole one has."""
    wb = _open(path) if not light else _open_light(path)
    names = list(wb.sheet_names)
    if not names:
        raise InputError(Message(M.NO_SHEETS, path.name))
    return wb, names, _match_sheet(names, sheet, path.name) if sheet is not None else _only_candidate(wb, names)


def open_single_sheet(path: Path, sheet: str | None, limits: Limits, pieces: PieceMap | None = None):
    """(sheet name, calamine's sheet) of the one sheet ``read_workbook`` would read
    whole with ``_sheet_rows`` and leave as calamine gives it (no padding number formats to apply),
    for a caller that converts its rows (``sheet_cell_rows``) as they are needed; None when
    ``read_workbook`` must decide (several sheets to score, a sheet read in pieces, padding
    formats, no cells). Errors are ``read_workbook``'s for the same workbook.
    """
    if not is_zip(path):
        return None
    name = path.name
    if pieces:
        _, _, single = _workbook_and_single(path, sheet, light=True)
        if single is None or _workbook_pieces(path, single, PIECE_BYTES, pieces) is not None:
            return None
    wb, _, single = _workbook_and_single(path, sheet)
    if single is None:
        return None
    try:
        with zipfile.ZipFile(path) as zf:
            if padded_styles(zf):
                return None
    except Exception:  # apply_padded_formats would warn: read_workbook says it
        return None
    try:
        s = wb.get_sheet_by_name(single)
        if s.height > limits.max_rows + SCAN_ROWS + 1:
            raise InputError(Message(M.SHEET_TOO_LONG, name, single, limits.max_rows))
        if s.width > limits.max_columns:
            raise InputError(Message(M.SHEET_TOO_WIDE, name, single, s.width, limits.max_columns))
        if s.start is None:
            return None
    except InputError:
        raise
    except Exception as exc:
        raise InputError(Message(M.SHEET_UNREADABLE, name, single, _short(exc))) from None
    return single, s


def sheet_cell_rows(s: pc.CalamineSheet, name: str, sheet: str, first: int, rows: int) -> Iterator[list[list]]:
    """The rows ``_sheet_rows`` gives of an opened sheet, the ``first`` ones then ``rows`` at a time,
    each cell still as calamine gives it (``cell_value_text`` makes it the text ``_sheet_rows`` gives)."""
    try:
        it = s.iter_rows()
        size = first
        while True:
            raw = list(islice(it, size))
            size = rows
            if not raw:
                return
            yield raw
    except Exception as exc:
        raise InputError(Message(M.SHEET_UNREADABLE, name, sheet, _short(exc))) from None


def cell_value_text(value) -> str:
    """A calamine cell as ``_sheet_rows`` gives it: text as it is, anything else ``cell_text``."""
    return value if value.__class__ is str else cell_text(value)


def text_cells(values):
    """One column's calamine cells as text: ``values`` itself when every cell is text already
    (one C-level join tells: a number or a date makes it raise), else a list of each cell's
    ``cell_value_text``."""
    try:
        "".join(values)
    except TypeError:
        return list(map(cell_value_text, values))
    return values


#: A worksheet or the shared strings are read this many decompressed bytes at a time for a head.
_HEAD_BLOCK = 64 * 1024
_NAME = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROW_START = re.compile(rb"<" + _NAME + rb"row[\s/>]")
_WORKSHEET = re.compile(rb"<(" + _NAME + rb")worksheet[\s>]")
_SHEET_DATA = re.compile(rb"<(" + _NAME + rb")sheetData[\s/>]")
_DIMENSION = re.compile(rb"<" + _NAME + rb'dimension\s[^>]*?\bref="\$?([A-Z]{1,3})')
#: A cell holding a shared string, and the string's index; every ``t="s"`` must be one of these.
_SHARED_CELL = re.compile(rb"<" + _NAME + rb'c\s[^>]*?\bt="s"[^>]*>\s*<' + _NAME + rb"v>\s*([0-9]+)\s*<")
_SHARED_TYPE = re.compile(rb'\st="s"')
_SST = re.compile(rb"<(" + _NAME + rb")sst\b[^>]*>")
_SST_COUNTS = re.compile(rb'\b(count|uniqueCount)="[0-9]*"')
_SI_END = re.compile(rb"</" + _NAME + rb"si>")


def _stream_until(fh, pattern: re.Pattern, count: int) -> tuple[bytearray, re.Match | None]:
    """Decompressed bytes of ``fh`` up to the ``count``-th match of ``pattern`` (and that match),
    or all of them and None when the part has fewer. Only what is needed is decompressed."""
    buf = bytearray()
    seen, pos = 0, 0
    while True:
        block = fh.read(_HEAD_BLOCK)
        if not block:
            return buf, None
        buf += block
        for m in pattern.finditer(buf, pos):
            seen += 1
            if seen == count:
                return buf, m
            pos = m.end()
        pos = max(pos, len(buf) - 16)  # a tag cut by the block's end is matched with the next block


def _sheet_head(fh, rows: int) -> tuple[bytes, bool]:
    """A worksheet's XML up to its ``rows``-th row element, closed again; and whether that is all
    of it (the sheet has no more rows)."""
    buf, cut = _stream_until(fh, _ROW_START, rows + 1)
    if cut is None:
        return bytes(buf), True
    root, data = _WORKSHEET.search(buf), _SHEET_DATA.search(buf)
    if root is None or data is None:
        raise ValueError("no sheetData before the rows")
    close = b"</" + data.group(1) + b"sheetData></" + root.group(1) + b"worksheet>"
    return bytes(buf[: cut.start()]) + close, False


def _strings_head(fh, count: int) -> bytes:
    """The shared strings part up to its ``count``-th string, closed again (its counts corrected)."""
    buf, end = _stream_until(fh, _SI_END, count) if count else _stream_until(fh, _SST, 1)
    if end is None:
        return bytes(buf)
    root = _SST.search(buf)
    if root is None:
        raise ValueError("no sst element")
    start = _SST_COUNTS.sub(lambda m: m.group(1) + b'="' + str(count).encode() + b'"', root.group(0))
    return bytes(buf[: root.start()]) + start + bytes(buf[root.end() : end.end()]) + b"</" + root.group(1) + b"sst>"


_EMPTY_SHEET = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData/></worksheet>")
_EMPTY_STRINGS = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>'


def _workbook_head(path: Path, rows: int, wanted: str | None):
    """A copy of the workbook holding only the first ``rows`` rows of each sheet that may be read
    (``wanted``, or the visible ones) and the shared strings they use, so calamine reads it
    exactly as it reads the whole workbook, for a fraction of the work; the other sheets are left
    empty (a hidden sheet's strings come after the visible ones' when Excel saves).

    Also: the sheets left empty, and for each sheet copied, whether the copy holds all of it and
    its declared used range's first column (``<dimension ref>``; None when absent).
    """
    out = io.BytesIO()
    complete: dict[str, bool] = {}
    declared: dict[str, int | None] = {}
    with zipfile.ZipFile(path) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as head:
        names = set(zf.namelist())
        parts = {n: p for n, p in sheet_parts(zf).items() if p in names}
        if wanted is not None:
            key = wanted.strip().casefold()
            left_out = {n for n in parts if n != wanted and n.casefold() != key}
        else:
            left_out = hidden_sheets(zf) & set(parts)
        strings = workbook_part(zf, "sharedStrings")
        shared, typed, highest = 0, 0, -1
        for sheet, part in parts.items():
            if sheet in left_out:
                head.writestr(part, _EMPTY_SHEET)
                continue
            with open_member(zf, part) as fh:
                data, complete[sheet] = _sheet_head(fh, rows)
            dim = _DIMENSION.search(data, 0, 4096)
            declared[sheet] = column_index(dim.group(1)) if dim else None
            for m in _SHARED_CELL.finditer(data):
                shared += 1
                highest = max(highest, int(m.group(1)))
            typed += len(_SHARED_TYPE.findall(data))
            head.writestr(part, data)
        if strings in names:
            with open_member(zf, strings) as fh:
                # Every shared-string cell was understood: only the strings up to the highest one
                # used are needed (they come in order of first use). Otherwise, all of them.
                head.writestr(strings, _strings_head(fh, highest + 1) if shared == typed else fh.read())
        done = set(parts.values()) | {strings}
        for info in zf.infolist():  # the workbook, its relationships, styles, content types...
            if info.filename not in done and info.filename.endswith((".xml", ".rels")):
                head.writestr(info.filename, read_member(zf, info))
    out.seek(0)
    return out, left_out, complete, declared


def read_workbook_head(path: Path, sheet: str | None, limits: Limits, rows: int):
    """(sheet name, its first ``rows`` rows as text, warnings, sure, whole) of an .xlsx/.xlsm, reading
    only those rows (and the shared strings they use): what ``inspect --limit`` and the first
    preview of a large workbook show, in a fraction of the whole sheet's time.

    The rows are those ``read_workbook`` gives, the same calamine reading them. ``sure`` is False
    when the whole sheet could still differ in which rows come first: several sheets to choose
    from (the choice weighs every row), or a used range that may start in an earlier column
    further down. ``whole``: the sheet has no more rows than those.
    """
    name = path.name
    try:
        copy, left_out, complete, declared = _workbook_head(path, rows, sheet)
        wb = pc.CalamineWorkbook.from_filelike(copy)
    except Exception as exc:  # a head is an optimisation: the caller reads the whole workbook
        raise NoHead(exc) from None
    names = list(wb.sheet_names)
    if not names:
        raise InputError(Message(M.NO_SHEETS, name))
    sure = True
    if sheet is not None:
        chosen = _match_sheet(names, sheet, name)
        got, first_col = _sheet_rows(wb, chosen, name, limits, None)
    else:
        candidates = _visible_sheets(wb) or names
        sure = len(candidates) == 1
        chosen, got, first_col, best = None, None, 0, -1.0
        for n in candidates:
            try:
                candidate, start = _sheet_rows(wb, n, name, limits, None)
            except InputError:
                continue
            score = _score(candidate) if len(candidates) > 1 else 0.0
            if score > best:
                chosen, got, first_col, best = n, candidate, start, score
        if got is None:
            raise NoHead(None)
    if chosen in left_out:  # calamine sees the sheet otherwise than workbook.xml says
        raise NoHead(None)
    whole = complete.get(chosen, True)
    if not whole and first_col and declared.get(chosen) != first_col:
        sure = False  # a row further down may reach further left
    warnings = apply_padded_formats(copy, chosen, got, first_col or 0)
    return chosen, got, warnings, sure, whole


# -- a large sheet read in pieces ------------------------------------------------------------------

#: (the sheet's 0-based row of the first row, first column, last column, the cells as text column
#: by column) of one piece, as ``read_piece`` gives them; None for a piece without cells.
Piece = tuple[int, int, int, list[list[str]]]


class PieceCopy(NamedTuple):
    """One piece of a sheet read in pieces: the workbook's other parts (``fixed``, the other
    sheets emptied) and its worksheet ``part``, made of one stretch of the sheet's rows (``xml``).
    ``workbook()`` is the workbook copy calamine reads; ``styles``, ``strings``: the styles and
    shared strings parts' names (None when the workbook has none); ``size``: the bytes of rows
    the sheet was cut by (``_workbook_pieces``; 0 in a copy made otherwise, whose shared strings
    then always count as costly)."""

    fixed: dict[str, bytes]
    part: str
    xml: bytes
    styles: str | None
    strings: str | None = None
    size: int = 0

    def workbook(self) -> bytes:
        return _zipped(self.fixed, self.part, (self.xml,))

    def strings_costly(self) -> bool:
        """Whether calamine reading this piece spends more on the shared strings (which it reads
        whole) than a piece of its ``size`` is worth."""
        return self.strings in self.fixed and _strings_costly(len(self.fixed[self.strings]), self.size)


#: ``pieces(copies, sheet)`` yields ``read_piece(copy, sheet)`` for each copy, in order; it may read
#: some of them in another process (``speed.pieces``). One whose attribute ``large_strings`` is
#: true is also given the pieces of a sheet whose shared strings are large (``PieceCopy.strings_costly``):
#: it reads them without calamine, or raises for the whole read. One with an attribute ``joined``
#: is told ``joined(columns, first_col, rewritten)`` once the pieces it gave last are the sheet's
#: columns (``rewritten``: some of their cells were changed after, by padding number formats).
PieceMap = Callable[[Iterator[PieceCopy], str], Iterator["Piece | None"]]
#: Decompressed bytes of rows in each piece of a sheet read in pieces (about 2,500 contact rows):
#: small enough that a piece, its text and its cells stay in the processor's caches while it is
#: read, and that it crosses to the helper through a pipe of ``tuning.PIPE_BYTES`` while the
#: helper still reads the one before; large enough that a piece's own cost (the workbook's small
#: parts, copied and parsed again, a message each way) is a fraction of its rows'.
PIECE_BYTES = 1024 * 1024
#: A sheet whose workbook has shared strings is cut into pieces this many times larger: its pieces
#: are read by ``speed.shared_sheet`` (whose cost per piece, the numbers looked up in the strings
#: slice by slice here, is larger) or by calamine, which reads the strings whole for each one.
_SHARED_SCALE = 4
#: A sheet is read in pieces only from this many pieces on (a second of reading or more, worth
#: starting a helper process for), and when its shared strings part (which every piece carries
#: whole) is at most 1/``_STRINGS_SHARE`` of a piece, unless the pieces are read without
#: calamine reading it (``PieceMap``).
_MIN_PIECES, _STRINGS_SHARE = 32, 16
#: The worksheet is decompressed this many bytes at a time while it is cut.
_PIECE_BLOCK = 1024 * 1024
_ROW_TAG = re.compile(rb"<" + _NAME + rb"row[\s/>][^>]*>")
_ROW_NUMBER = re.compile(rb'\sr="[0-9]+"')


class _NotInPieces(Exception):
    """The pieces cannot be put together as the whole read would give them: read it whole."""


def _only_candidate(wb: pc.CalamineWorkbook, names: list[str]) -> str | None:
    """The one sheet a read without a sheet name would read, or None when it scores several."""
    candidates = _visible_sheets(wb) or names
    return candidates[0] if len(candidates) == 1 else None


class SheetColumns:
    """A sheet's cells as text, column by column (each column holds every row from the sheet's
    row 1, as ``_sheet_rows``'s rows do): how a sheet read in pieces comes out, never made rows."""

    def __init__(self, columns: list[list[str]]) -> None:
        self.columns = columns

    def rows(self) -> list[list[str]]:
        """The same cells as ``_sheet_rows``'s rows."""
        return [list(r) for r in zip(*self.columns)]


class _RowsView:
    """Columns seen as rows for ``apply_padded_formats``: ``view[r][c]`` reads and writes
    ``columns[c][r]``; ``rewritten`` once a cell has been written."""

    def __init__(self, columns: list[list[str]]) -> None:
        self._columns = columns
        self.rewritten = False

    def __len__(self) -> int:
        return len(self._columns[0]) if self._columns else 0

    def __getitem__(self, r: int) -> "_RowView":
        return _RowView(self, r)


class _RowView:
    def __init__(self, rows: _RowsView, r: int) -> None:
        self._rows, self._columns, self._r = rows, rows._columns, r

    def __len__(self) -> int:
        return len(self._columns)

    def __getitem__(self, c: int) -> str:
        return self._columns[c][self._r]

    def __setitem__(self, c: int, value: str) -> None:
        self._columns[c][self._r] = value
        self._rows.rewritten = True


def read_in_pieces(path: Path, sheet: str, limits: Limits, cancel, pieces: PieceMap,
                   piece_bytes: int | None = None) -> tuple[list[list[str]], int] | None:
    """(cells as text column by column, the used range's first column) of ``sheet``: the cells of
    ``_sheet_rows``'s rows exactly, ``columns[c][r]`` being ``rows[r][c]``, read as copies of the workbook that each hold one stretch of the sheet's rows (their
    ``r=`` numbers kept; the other parts as they are, the shared strings whole), so that
    ``pieces`` can read some of them in another process while this one cuts and reads the next.
    None when the sheet is too small to be worth it or cannot be taken apart (the caller reads
    it whole): its first rows lacking row numbers, rows out of order, a large shared strings part,
    a piece calamine fails on, a sheet over the limits (the whole read says so).
    """
    size = piece_bytes or PIECE_BYTES
    try:
        copies = _workbook_pieces(path, sheet, size, pieces)
        if copies is None:
            return None
        return _join_pieces(pieces(copies, sheet), limits, cancel)
    except Cancelled:
        raise
    except Exception:  # anything unexpected in the pieces: the whole read decides
        return None


def _workbook_pieces(path: Path, sheet: str, size: int, pieces: PieceMap | None = None) -> Iterator[PieceCopy] | None:
    """The workbook copies ``read_in_pieces`` reads (a generator), or None when not worth it.
    ``size``: their rows' bytes (``_SHARED_SCALE`` times more in a workbook with shared strings)."""
    with zipfile.ZipFile(path) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        part = sheet_parts(zf).get(sheet)
        strings = workbook_part(zf, "sharedStrings")
        if part not in infos or infos[part].file_size < _MIN_PIECES * size:
            return None
        if strings in infos:
            size *= _SHARED_SCALE
        if (strings in infos and _strings_costly(infos[strings].file_size, size)
                and not (getattr(pieces, "large_strings", False) and _plain_strings_head(zf, strings))):
            return None
    return _copies(path, sheet, part, size)


def _strings_costly(strings_bytes: int, size: int) -> bool:
    """Whether shared strings of ``strings_bytes``, which every piece carries whole, cost more
    than a piece of ``size`` bytes of rows is worth (more than 1/``_STRINGS_SHARE`` of it)."""
    return strings_bytes * _STRINGS_SHARE > size


#: What shared strings a ``large_strings`` reader leaves to calamine may start with (rich text
#: and phonetic runs, Excel's escapes, carriage returns).
_NOT_PLAIN_STRINGS = (b"<r>", b"<r ", b"<rPh", b"_x00", b"\r")


def _plain_strings_head(zf: zipfile.ZipFile, strings: str) -> bool:
    """Whether the shared strings' first ``_HEAD_BLOCK`` bytes hold none of ``_NOT_PLAIN_STRINGS``:
    when they do, the strings go to calamine, which reads the sheet whole as it comes."""
    with open_member(zf, strings) as fh:
        head = fh.read(_HEAD_BLOCK)
    return not any(mark in head for mark in _NOT_PLAIN_STRINGS)


def _copies(path: Path, sheet: str, part: str, size: int) -> Iterator[PieceCopy]:
    with zipfile.ZipFile(path) as zf:
        styles, strings = workbook_part(zf, "styles"), workbook_part(zf, "sharedStrings")
        fixed: dict[str, bytes] = {}
        for other, other_part in sheet_parts(zf).items():
            if other != sheet:
                fixed[other_part] = _EMPTY_SHEET
        for info in zf.infolist():  # the workbook, its relationships, styles, shared strings...
            if info.filename not in fixed and info.filename != part and info.filename.endswith((".xml", ".rels")):
                fixed[info.filename] = read_member(zf, info)
        with open_member(zf, part) as fh:
            for xml in _piece_xml(fh, size):
                yield PieceCopy(fixed, part, b"".join(xml), styles, strings if strings in fixed else None, size)


def _zipped(fixed: dict[str, bytes], part: str, xml: tuple) -> bytes:
    """A workbook copy: the ``fixed`` parts, and ``part`` made of the pieces of ``xml``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for name, data in fixed.items():
            copy.writestr(name, data)
        with copy.open(part, "w") as fh:
            for data in xml:
                fh.write(data)
    return out.getvalue()


def _piece_xml(fh, size: int) -> Iterator[tuple]:
    """A worksheet's XML as worksheets of about ``size`` bytes of rows each, every one as the parts
    it is made of (valid until the next is asked for): the part's start (up to its first row), one
    stretch of whole rows, the closing tags; the last one ends as the part does. Every stretch
    after the first starts at a row element with its ``r=`` number."""
    buf, first = _stream_until(fh, _ROW_START, 1)
    if first is None:
        raise _NotInPieces("no rows")
    root, data = _WORKSHEET.search(buf), _SHEET_DATA.search(buf)
    if root is None or data is None or data.start() > first.start():
        raise _NotInPieces("no sheetData before the rows")
    start = bytes(buf[: first.start()])
    if len(start) * 8 > size:  # every piece carries it: it must stay small beside the rows
        raise _NotInPieces("a long start before the rows")
    close = b"</" + data.group(1) + b"sheetData></" + root.group(1) + b"worksheet>"
    rest = buf[first.start() :]
    del buf
    while True:
        cut = _ROW_TAG.search(rest, size) if len(rest) > size else None
        while cut is None:
            block = fh.read(_PIECE_BLOCK)
            if not block:
                yield start, rest
                return
            rest += block
            cut = _ROW_TAG.search(rest, max(size, len(rest) - len(block) - 256)) if len(rest) > size else None
        if not _ROW_NUMBER.search(cut.group(0)):
            raise _NotInPieces("a row without its number")
        with memoryview(rest) as view, view[: cut.start()] as rows:
            yield start, rows, close
        del rest[: cut.start()]


def read_piece(copy: PieceCopy, sheet: str) -> Piece | None:
    """One piece's cells of ``sheet``: (first row, first column, last column, the cells as text
    column by column) from the first row holding a cell on, read by calamine and converted as
    ``_sheet_rows`` converts them; None without cells."""
    wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(copy.workbook()))
    s = wb.get_sheet_by_name(sheet)
    if s.start is None:
        return None
    (row, first_col), (_, last_col) = s.start, s.end
    with gc_paused():
        columns = _text_columns(s.to_python(), last_col - first_col + 1)
    return row, first_col, last_col, columns


def _text_columns(rows: list[list], width: int) -> list[list[str]] | None:
    """calamine's rows (all ``width`` long) as columns of text; None when they are not all that long.

    Most cells are text already: a column is converted only when it holds others (``text_cells``)."""
    if not rows or set(map(len, rows)) != {width}:
        return None
    return [text_cells(list(values)) for values in zip(*rows)]


def _join_pieces(pieces: Iterator[Piece | None], limits: Limits, cancel) -> tuple[list[list[str]], int]:
    """The pieces' cells as the whole sheet's columns: empty cells in the rows no piece has
    (before the first and between pieces), every column from the sheet's first to its last. Each
    piece is placed as it comes (while the helper reads the next ones), and its lists let go."""
    sheet: _SheetColumnsBuilder | None = None
    next_row, top = 0, None
    for piece in pieces:
        if cancel is not None and cancel():
            raise Cancelled()
        if piece is None:
            continue
        row, lo, hi, columns = piece
        del piece
        if row < next_row:
            raise _NotInPieces("rows out of order")
        if columns is None:
            raise _NotInPieces("rows of several lengths")
        top = row if top is None else top
        first_col, last_col = (lo, hi) if sheet is None else (min(sheet.first_col, lo), max(sheet.last_col, hi))
        next_row = row + len(columns[0])
        if next_row - top > limits.max_rows + SCAN_ROWS + 1 or last_col - first_col + 1 > limits.max_columns:
            raise _NotInPieces("over the limits")
        sheet = sheet or _SheetColumnsBuilder(lo, hi)
        sheet.place(row, lo, hi, columns)
        del columns
    if sheet is None:
        raise _NotInPieces("no cells")
    return sheet.columns, sheet.first_col


class _SheetColumnsBuilder:
    """A sheet's columns ``first_col`` to ``last_col`` (widened as pieces need), filled a stretch
    of rows at a time from the sheet's row 1. Contact lists repeat cities, companies and tags: a
    column that repeats a lot in its first rows keeps one string per distinct value (as
    ``reader.transpose`` does), until it has ``_CANON_MAX`` of them."""

    def __init__(self, first_col: int, last_col: int) -> None:
        self.first_col, self.last_col = first_col, last_col
        self.columns: list[list[str]] = [[] for _ in range(last_col - first_col + 1)]
        self._shared: list[dict[str, str] | None] = [None] * len(self.columns)
        self._decided = False
        self.height = 0

    def place(self, row: int, lo: int, hi: int, stretch: list[list[str]]) -> None:
        """The cells of columns ``lo`` to ``hi`` of the rows from ``row`` on (after the rows placed)."""
        self._widen(lo, hi)
        self._pad(row - self.height)  # as iter_rows, from the sheet's row 1
        self._add(lo - self.first_col, stretch)

    def _widen(self, lo: int, hi: int) -> None:
        if lo < self.first_col:
            n = self.first_col - lo
            self.columns[:0] = [[""] * self.height for _ in range(n)]
            self._shared[:0] = [None] * n
            self.first_col = lo
        if hi > self.last_col:
            n = hi - self.last_col
            self.columns.extend([""] * self.height for _ in range(n))
            self._shared.extend([None] * n)
            self.last_col = hi

    def _pad(self, n: int) -> None:
        """``n`` rows without cells."""
        if n > 0:
            for column in self.columns:
                column.extend(repeat("", n))
            self.height += n

    def _add(self, left: int, stretch: list[list[str]]) -> None:
        """A stretch of rows given as its columns, the first of them the sheet's ``left``-th."""
        n = len(stretch[0])
        for j, column in enumerate(self.columns):
            k = j - left
            values = stretch[k] if 0 <= k < len(stretch) else [""] * n
            canon = self._shared[j]
            if canon is None:
                column.extend(values)
            else:
                column.extend(map(canon.setdefault, values, values))  # looped in C
                if len(canon) > _CANON_MAX:
                    self._shared[j] = None
        self.height += n
        if not self._decided and self.height >= _SHARE_DECIDED_AT:
            self._decide()

    def _decide(self) -> None:
        self._decided = True
        for j, column in enumerate(self.columns):
            if len(column) >= 200 and len(set(column)) * 2 < len(column):
                canon = self._shared[j] = {}
                column[:] = map(canon.setdefault, column, column)


#: The rows a sheet's columns have when the ones that repeat a lot are chosen (``_SheetColumnsBuilder``).
_SHARE_DECIDED_AT = 200


class NoHead(Exception):
    """The workbook's first rows cannot be read alone: read the whole workbook."""


def is_zip(path: Path) -> bool:
    """Whether the file starts as a zip archive does (an .xlsx/.xlsm; an old .xls does not)."""
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


__all__ = ["NoHead", "Piece", "PieceMap", "SheetColumns", "cell_text", "cell_value_text", "check_zip", "is_zip", "list_sheets",
           "open_single_sheet", "read_in_pieces", "read_piece", "read_workbook", "read_workbook_head", "sheet_cell_rows", "text_cells"]

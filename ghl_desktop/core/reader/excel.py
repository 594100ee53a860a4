"""Excel workbooks (.xlsx/.xlsm via zip, .xls via OLE2), read with python-calamine.

Values come out as text the way the cell shows them: a phone typed as a number is
``5511987654321`` (never ``5.51198765432e+12``), dates are ISO dates. Before any XML is parsed the
zip is checked: its declared uncompressed size and compression ratio (zip bombs) and any XML entity
declarations (entity expansion) are refused with a clear message.
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Callable

import python_calamine as pc

from .. import messages as M
from ..errors import Cancelled, InputError
from ..messages import Message
from ..limits import Limits
from .delimited import gc_paused
from .header import SCAN_ROWS, header_hits
from .numfmt import apply_padded_formats

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
                    with zf.open(info) as fh:
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


def read_workbook(path: Path, sheet: str | None, limits: Limits, cancel: Callable[[], bool] | None):
    """(sheet name, rows as text, warnings): the requested sheet, or the one holding the contacts.

    Without ``sheet``, every visible sheet is read and scored; a sheet over the limits only loses
    (it cannot be the contact list), unless no sheet at all can be read.
    """
    name = path.name
    wb = _open(path)
    names = list(wb.sheet_names)
    if not names:
        raise InputError(Message(M.NO_SHEETS, name))
    if sheet is not None:
        chosen = _match_sheet(names, sheet, name)
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
    if _is_zip(path):
        warnings = apply_padded_formats(path, chosen, rows, first_col or 0)
    return chosen, rows, warnings


def _is_zip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


__all__ = ["check_zip", "cell_text", "list_sheets", "read_workbook"]

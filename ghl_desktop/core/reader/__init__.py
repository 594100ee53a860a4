"""Read any contact file a person drops into a plain table of text.

``read_source`` decides the format by content, detects encoding, delimiter, sheet and header row,
repairs what exports break, and raises ``InputError`` with one clear sentence for anything it
cannot read. Everything comes out as text exactly as the person would see it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..limits import DEFAULT_LIMITS, Limits
from . import delimited, excel
from .decode import decode
from .header import clean_header, find_header_row
from .sniff import EXCEL_SUFFIXES, is_encrypted_ole, not_a_workbook, sniff


@dataclass
class SourceTable:
    path: str
    format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    warnings: list[str] = field(default_factory=list)


def _open_checked(path: Path, limits: Limits) -> int:
    """Size of a readable regular file, or an InputError saying why it cannot be read."""
    name = path.name or str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file ({path})") from None
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not a file")
    if st.st_size == 0:
        raise InputError(f"{name}: the file is empty")
    check_size(name, st.st_size, limits)
    return st.st_size


def check_size(name: str, size: int, limits: Limits) -> None:
    """InputError when a file of ``size`` bytes is over the size limit.

    The window calls this before it hashes and copies a dropped file, so a file over the limit is
    refused at once instead of being copied into the data folder first.
    """
    if size > limits.max_file_bytes:
        raise InputError(
            f"{name}: the file is {size / 2**20:,.0f} MB; the limit is "
            f"{limits.max_file_bytes / 2**20:,.0f} MB (change it in the settings or split the file)"
        )


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise InputError(f"{path.name}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None


def _read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(4096)
    except PermissionError:
        raise InputError(f"{path.name}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None


def read_source(
    path: str | os.PathLike,
    *,
    sheet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    cancel: Callable[[], bool] | None = None,
) -> SourceTable:
    """Read a CSV/TSV/TXT or Excel file into a SourceTable; InputError for anything unreadable."""
    p = Path(path)
    _open_checked(p, limits)
    head = _read_head(p)
    kind = sniff(p, head)
    if kind == "ole":
        data = _read_bytes(p)
        if is_encrypted_ole(data):
            raise InputError(
                f"{p.name}: the workbook is password-protected; remove the password in Excel and try again"
            )
        del data
        return _from_workbook(p, "xls", sheet, limits, cancel)
    if kind == "zip":
        excel.check_zip(p, limits)
        fmt = "xlsm" if p.suffix.lower() == ".xlsm" else "xlsx"
        return _from_workbook(p, fmt, sheet, limits, cancel)
    if p.suffix.lower() in EXCEL_SUFFIXES:
        return _text_named_as_workbook(p, limits, cancel)
    text, encoding = decode(_read_bytes(p), p.name)
    return parse_text(p, text, encoding, limits=limits, cancel=cancel)


def _from_workbook(p: Path, fmt: str, sheet: str | None, limits: Limits, cancel) -> SourceTable:
    chosen, rows, warnings = excel.read_workbook(p, sheet, limits, cancel)
    return _from_rows(p, fmt, None, None, chosen, rows, 1, warnings, limits=limits)


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
    table.warnings.insert(
        0, f"the file is named {p.suffix.lower()} but holds {delimited.delimiter_name(d)}-separated text; read as text"
    )
    return table


def parse_text(
    p: Path,
    text: str,
    encoding: str | None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    cancel: Callable[[], bool] | None = None,
    delimiter: str | None = None,
) -> SourceTable:
    """Delimited text → SourceTable (exposed for tests that parse without a file on disk)."""
    d = delimiter or delimited.detect_delimiter(text)
    records, starts, warnings = delimited.parse(
        text, d, name=p.name, max_columns=limits.max_columns, max_rows=limits.max_rows, cancel=cancel
    )
    return _from_rows(p, "csv", encoding, d, None, records, starts, warnings=warnings, limits=limits)


def _from_rows(
    p: Path,
    fmt: str,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    rows: list[list[str]],
    starts,
    warnings: list[str] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> SourceTable:
    """Header detection, header cleaning and row repair, shared by text and Excel.

    ``starts`` is each row's 1-based line (text) or an int: the number of the first row (Excel).
    """
    warnings = list(warnings or [])
    if isinstance(starts, int):  # Excel: row numbers are positions
        starts = list(range(starts, starts + len(rows)))
    where = f" (sheet '{sheet}')" if sheet else ""
    if not any(any(c.strip() for c in r) for r in rows):
        raise InputError(f"{p.name}: the file is empty{where}: no values at all")
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
            warnings.append("most rows have more values than the header; the extra columns were named")
    header = clean_header(raw_header)
    trimmed = [" ".join(c.replace("\ufeff", "").split()) for c in raw_header]
    renamed = sorted({t for t, c in zip(trimmed, header) if t and t != c})
    if renamed:
        warnings.append(f"repeated column names were numbered: {', '.join(renamed)}")
    unit = "row" if fmt != "csv" else "line"
    if any("".join(r).strip() for r in rows[:h]):
        warnings.append(f"{starts[h] - 1} {unit}(s) above the header were skipped (titles or notes)")
    fixed, fixed_starts, more = delimited.repair_rows(data, data_starts, len(header), delimiter or "\t")
    warnings.extend(more)
    if not fixed:
        raise InputError(f"{p.name}: has a header but no data rows{where}")
    if len(fixed) > limits.max_rows:
        raise InputError(
            f"{p.name}: has {len(fixed):,} rows; the limit is {limits.max_rows:,} "
            "(change it in the settings or split the file)"
        )
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


__all__ = ["SourceTable", "read_source", "list_sheets", "parse_text"]

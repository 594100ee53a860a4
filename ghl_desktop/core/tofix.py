"""Rows with a problem: the one definition, and the file of rows to fix (CSV or Excel).

A row has a problem when it holds an error (``table.ERROR_KINDS``): an invalid email, phone or
date, or no name, email or phone at all (GHL refuses such a row). Warnings (a suggested fix, a
repaired phone, a neutralized formula) are not problems. The review filter, the report (and its
chart), the export dialog, the file of rows to fix and the command line's report all count with
:func:`rows_with_problems` and :func:`problem_kinds`, so they say the same number.

The file of rows to fix is what an agency sends back to its client: one line per row with a
problem, saying in which file and on which row (the row number in that file) it was, which column,
which value and why, and whether the row was exported without that value or not exported at all,
then the row as it was in the file. ``.xlsx`` gives the same in a workbook, the problem cells
highlighted; anything else is a CSV. Its words come from ``messages`` (English from the command
line; the window passes its translator, ``text``).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Callable, Sequence

from . import messages as M
from .assemble import SourceColumns
from .messages import Message
from .normalize import needs_neutralizing, neutralize_formula
from .table import ERROR_KINDS, INVALID_DATE, INVALID_EMAIL, INVALID_PHONE, NO_CONTACT, ROW, ContactTable

#: The problem kinds, each counted in rows: "rows with an invalid email", and so on.
KINDS = (INVALID_EMAIL, INVALID_PHONE, INVALID_DATE, NO_CONTACT)

Text = Callable[[Message], str]


def _row_kinds(fields: dict) -> set[str]:
    return {p[0] for probs in fields.values() for p in probs if p[0] in ERROR_KINDS}


def rows_with_problems(table: ContactTable) -> list[int]:
    """The rows holding an error (see the module's docstring), ascending. A row with no name,
    email or phone holds one (``NO_CONTACT``, flagged when normalized and after every edit)."""
    n = len(table)
    kinds = ERROR_KINDS
    return sorted(r for r, fields in table.problems.items()
                  if 0 <= r < n and any(p[0] in kinds for probs in fields.values() for p in probs))


def problem_kinds(table: ContactTable) -> dict[str, int]:
    """Per problem kind (``KINDS``), how many rows have one."""
    n = len(table)
    out = dict.fromkeys(KINDS, 0)
    for r, fields in table.problems.items():
        if 0 <= r < n:
            for kind in _row_kinds(fields):
                out[kind] = out.get(kind, 0) + 1
    return out


def split_counts(table: ContactTable, rows: list[int] | None = None) -> tuple[int, int]:
    """(rows with a problem exported without the bad value, rows with a problem not exported)."""
    rows = rows_with_problems(table) if rows is None else rows
    out = sum(1 for r in rows if r in table.excluded or not table.has_contact(r))
    return len(rows) - out, out


def tofix_path_for(out: str | os.PathLike, text: Text = str, suffix: str = ".csv") -> Path:
    """``contatos-ghl.csv`` → ``contatos-ghl-to-fix.csv`` (``-para-corrigir`` in Portuguese)."""
    out = Path(out)
    return out.with_name(f"{out.stem}-{text(Message(M.TOFIX_SUFFIX))}{suffix}")


# -- the file --------------------------------------------------------------------------------------
class _Line:
    __slots__ = ("file", "row", "fields", "values", "reasons", "status", "raw", "bad")

    def __init__(self) -> None:
        self.fields: list[str] = []
        self.values: list[str] = []
        self.reasons: list[str] = []
        self.bad: set[int] = set()  # positions in ``raw`` of the problem cells


def _lines(table: ContactTable, sources: Sequence[SourceColumns] | None, mappings, text: Text):
    """Each row with a problem, as the file shows it; and the header of the original columns."""
    if sources:
        header = list(dict.fromkeys(h for s in sources for h in s.header))
        pos = {h: i for i, h in enumerate(header)}
        index = [{h: i for i, h in enumerate(s.header)} for s in sources]
        names = [(s.info or {}).get("file") or Path(s.path).name for s in sources]
    else:
        header = list(table.schema.columns)
        pos = {h: i for i, h in enumerate(header)}
    whole_row = text(Message(M.TOFIX_WHOLE_ROW))
    excluded, without, not_exported = (text(Message(M.TOFIX_EXCLUDED)), text(Message(M.TOFIX_EXPORTED_WITHOUT)),
                                       text(Message(M.TOFIX_NOT_EXPORTED)))

    def feeding(file_index: int, fld: str) -> list[str]:
        if mappings is None or file_index >= len(mappings):
            return []
        from .edits import _feeds

        return [c.source for c in mappings[file_index].columns if _feeds(c.field, fld)]

    def lines():
        for r in rows_with_problems(table):
            file_idx, src_row = table.sources[r]
            line = _Line()
            if sources:
                s, idx = sources[file_idx], index[file_idx]
                raw = [""] * len(header)
                for h, i in idx.items():
                    raw[pos[h]] = s.columns[i][src_row]
                line.file, line.row = names[file_idx], s.row_numbers[src_row]
            else:
                raw = [table.columns[c][r] for c in header]
                line.file, line.row = "", src_row + 1
            line.raw = raw
            if r in table.excluded:
                line.status = excluded
            elif not table.has_contact(r):
                line.status = not_exported
            else:
                line.status = without
            for fld, p in table.row_problems(r):
                if not p.is_error:
                    continue
                if fld == ROW:
                    line.fields.append(whole_row)
                    line.values.append("")
                else:
                    cols = feeding(file_idx, fld) if sources else [fld]
                    found = next((c for c in cols if c in pos and p.value and p.value in raw[pos[c]]), None)
                    column = found or (cols[0] if cols else fld)
                    if column in pos:
                        line.bad.add(pos[column])
                    line.fields.append(column)
                    line.values.append(p.value)
                reason = p.reason
                line.reasons.append(text(reason) if isinstance(reason, Message) else str(reason))
            yield line

    return header, lines()


def _heads(text: Text) -> list[str]:
    return [text(Message(i)) for i in (M.TOFIX_FILE, M.TOFIX_ROW, M.TOFIX_FIELD, M.TOFIX_VALUE, M.TOFIX_REASON,
                                       M.TOFIX_STATUS)]


def write_tofix(table: ContactTable, path: str | os.PathLike, sources: Sequence[SourceColumns] | None = None,
                mappings=None, text: Text = str, *, xlsx: bool | None = None) -> int:
    """Write the rows to fix to ``path`` (an Excel workbook when it ends in ``.xlsx``, else a
    CSV); returns how many rows. The caller makes it atomic (``path`` is a temporary file)."""
    header, lines = _lines(table, sources, mappings, text)
    if xlsx is None:
        xlsx = Path(path).suffix.lower() == ".xlsx"
    if xlsx:
        return _write_xlsx(path, _heads(text), header, lines, text)
    return _write_csv(path, _heads(text), header, lines)


_BATCH = 2_000


def _join(items: list[str]) -> str:
    return "; ".join(items)


def _safe(v: str) -> str:
    return neutralize_formula(v) if v and needs_neutralizing(v) else v


def _write_csv(path, heads: list[str], header: list[str], lines) -> int:
    n = 0
    with open(path, "wb") as fh:
        fh.write(_csv_lines([[*heads, *header]]))
        batch = []
        for line in lines:
            batch.append([_safe(line.file), line.row, _join(line.fields), _safe(_join(line.values)),
                          _join(line.reasons), line.status, *map(_safe, line.raw)])
            if len(batch) >= _BATCH:
                fh.write(_csv_lines(batch))
                n += len(batch)
                batch = []
        fh.write(_csv_lines(batch))
        n += len(batch)
        fh.flush()
        os.fsync(fh.fileno())
    return n


def _csv_lines(rows) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode("utf-8")


def _write_xlsx(path, heads: list[str], header: list[str], lines, text: Text) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(text(Message(M.TOFIX_SHEET))[:31])
    ws.freeze_panes = "A2"
    widths = [18, 8, 18, 26, 48, 26] + [16] * len(header)
    for i, w in enumerate(widths):
        ws.column_dimensions[_col(i)].width = w
    bold = Font(bold=True)
    highlight = PatternFill("solid", fgColor="FFC7CE")
    reason_font = Font(color="9C0006")

    def cell(value, *, font=None, fill=None, comment=None) -> WriteOnlyCell:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"  # a value starting with "=" is text here, never a formula
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if comment:
            c.comment = Comment(comment, "GHL Desktop")
        return c

    ws.append([cell(h, font=bold) for h in [*heads, *header]])
    n = 0
    for line in lines:
        reasons = _join(line.reasons)
        raw = [cell(v, fill=highlight, comment=reasons) if i in line.bad else cell(v) for i, v in enumerate(line.raw)]
        ws.append([cell(line.file), cell(line.row), cell(_join(line.fields)), cell(_join(line.values)),
                   cell(reasons, font=reason_font), cell(line.status), *raw])
        n += 1
    with open(path, "wb") as fh:
        wb.save(fh)
        fh.flush()
        os.fsync(fh.fileno())
    return n


def _col(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)

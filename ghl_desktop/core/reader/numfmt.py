"""Zero-padded number formats (CEP ``00000-000``, CPF ``000.000.000-00``) shown as Excel shows them.

Brazilian sheets often store a CEP or CPF as a *number* with a custom format that puts the leading
zeros back: the cell holds 1310100 and Excel shows ``01310-100``. calamine gives only the number,
so for .xlsx/.xlsm the formats are looked up with openpyxl — but only when the workbook's styles
declare such a format at all (a cheap look at ``xl/styles.xml``), since openpyxl is much slower.
openpyxl parses through defusedxml when it is installed; without it this step is skipped rather
than parse untrusted XML unprotected.
"""

from __future__ import annotations

import html
import re
import zipfile
from functools import lru_cache
from pathlib import Path

import openpyxl

#: Characters Excel shows literally in a number format without quoting or a backslash.
_PLAIN_LITERALS = set("-+() :")
_FORMAT_CODE = re.compile(rb'formatCode="([^"]*)"')

Tokens = tuple[str | None, ...]  # None is a digit placeholder ("0"); a string is shown as is


@lru_cache(maxsize=256)
def padded_format(code: str) -> Tokens | None:
    """The tokens of a format made only of ``0`` placeholders and literals, if it pads (2+ zeros).

    ``00000\\-000`` -> (None×5, "-", None×3). Anything with decimals, grouping, ``#``, colours,
    conditions, dates or text sections is not a padding format and is left to the plain number.
    """
    section = code.split(";", 1)[0]
    tokens: list[str | None] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == "0":
            tokens.append(None)
        elif ch == "\\" and i + 1 < len(section):
            tokens.append(section[i + 1])
            i += 1
        elif ch == '"':
            end = section.find('"', i + 1)
            if end == -1:
                return None
            tokens.append(section[i + 1 : end])
            i = end
        elif ch in _PLAIN_LITERALS:
            tokens.append(ch)
        else:
            return None
        i += 1
    if tokens.count(None) < 2:
        return None
    return tuple(tokens)


def render_padded(tokens: Tokens, value: float) -> str | None:
    """``value`` through a padding format, as Excel shows it; None for non-integers."""
    if isinstance(value, bool) or not float(value).is_integer():
        return None
    number = int(value)
    slots = tokens.count(None)
    digits = str(abs(number)).zfill(slots)
    extra = len(digits) - slots  # Excel shows digits beyond the placeholders before the first one
    out = ["-"] if number < 0 else []
    pos = 0
    for tok in tokens:
        if tok is None:
            take = 1 + extra if pos == 0 else 1
            out.append(digits[pos : pos + take])
            pos += take
        else:
            out.append(tok)
    return "".join(out)


def has_padded_formats(zf: zipfile.ZipFile) -> bool:
    """Whether the workbook's styles declare any zero-padding number format (cheap, no XML parser)."""
    try:
        styles = zf.read("xl/styles.xml")
    except KeyError:
        return False
    return any(
        padded_format(html.unescape(raw.decode("utf-8", "replace"))) for raw in _FORMAT_CODE.findall(styles)
    )


def apply_padded_formats(path: Path, sheet: str, rows: list[list[str]], first_col: int) -> list[str]:
    """Rewrite, in ``rows``, the numbers whose cells carry a padding format. Returns warnings.

    ``rows`` are calamine's: row 0 is the sheet's row 1, column 0 is sheet column ``first_col``.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            if not has_padded_formats(zf):
                return []
    except (zipfile.BadZipFile, OSError):
        return []
    if not openpyxl.DEFUSEDXML:
        return ["number formats were not read (defusedxml is missing); zero-padded codes may lack leading zeros"]
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:
        return ["number formats could not be read; zero-padded codes (CEP, CPF) may lack leading zeros"]
    try:
        ws = wb[sheet]
        for row in ws.iter_rows(min_col=first_col + 1):
            for cell in row:
                value = getattr(cell, "value", None)
                if type(value) not in (int, float):
                    continue
                tokens = padded_format(cell.number_format or "")
                if tokens is None:
                    continue
                text = render_padded(tokens, value)
                r, c = cell.row - 1, cell.column - 1 - first_col
                if text is not None and 0 <= r < len(rows) and 0 <= c < len(rows[r]):
                    rows[r][c] = text
    except Exception:
        return ["number formats could not be read; zero-padded codes (CEP, CPF) may lack leading zeros"]
    finally:
        wb.close()
    return []

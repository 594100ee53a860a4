"""Zero-padded number formats (CEP ``00000-000``, CPF ``000.000.000-00``) shown as Excel shows them.

Brazilian sheets often store a CEP or CPF as a *number* with a custom format that puts the leading
zeros back: the cell holds 1310100 and Excel shows ``01310-100``. calamine gives only the number,
so for .xlsx/.xlsm the styles are read here: only when ``xl/styles.xml`` declares a padding
format are the cells of those styles looked up in the worksheet. The small XML parts are parsed
with defusedxml (never the plain parser on untrusted files); openpyxl did the same job about
ten times slower. .xls formats are not read (calamine gives the plain number).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from functools import lru_cache
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET

from .. import messages as M
from ..messages import Message
from .unzip import open_member, read_member

#: Characters Excel shows literally in a number format without quoting or a backslash.
_PLAIN_LITERALS = set("-+() :")
_FORMAT_CODE = re.compile(rb"<(?:\w+:)?numFmt\b")
_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')
_STYLE = re.compile(rb'\ss="([0-9]+)"')
_INTEGER = re.compile(r"-?[0-9]{1,15}\Z")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

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


def _xml(zf: zipfile.ZipFile, part: str):
    return DefusedET.fromstring(read_member(zf, part))


def padded_styles(zf: zipfile.ZipFile) -> dict[str, Tokens]:
    """Cell style index (the ``s`` attribute of a cell) -> padding tokens, for padding styles only."""
    try:
        styles = read_member(zf, "xl/styles.xml")
    except KeyError:
        return {}
    if not _FORMAT_CODE.search(styles):  # no custom number formats at all: nothing to do
        return {}
    root = DefusedET.fromstring(styles)
    codes = {
        fmt.get("numFmtId"): padded_format(fmt.get("formatCode") or "")
        for fmt in root.iterfind("{*}numFmts/{*}numFmt")
    }
    out = {}
    for index, xf in enumerate(root.iterfind("{*}cellXfs/{*}xf")):
        tokens = codes.get(xf.get("numFmtId"))
        if tokens is not None:
            out[str(index)] = tokens
    return out


def sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip path of the worksheet named ``sheet`` (workbook.xml names it, the rels locate it)."""
    return sheet_parts(zf).get(sheet)


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Every sheet's name -> its zip path, in workbook order (sheets whose part is not named are left out)."""
    rids = [(el.get("name"), el.get(f"{{{_REL_NS}}}id"))
            for el in _xml(zf, "xl/workbook.xml").iterfind("{*}sheets/{*}sheet")]
    targets = {rel.get("Id"): _part_path(rel.get("Target") or "") for rel in _xml(zf, "xl/_rels/workbook.xml.rels")}
    return {name: targets[rid] for name, rid in rids if rid in targets}


def hidden_sheets(zf: zipfile.ZipFile) -> set[str]:
    """The names of the sheets workbook.xml marks hidden (or very hidden)."""
    return {el.get("name") for el in _xml(zf, "xl/workbook.xml").iterfind("{*}sheets/{*}sheet")
            if el.get("state") in ("hidden", "veryHidden")}


def workbook_part(zf: zipfile.ZipFile, kind: str) -> str | None:
    """The zip path of the workbook's part of relationship type ``kind`` (``sharedStrings``...)."""
    for rel in _xml(zf, "xl/_rels/workbook.xml.rels"):
        if (rel.get("Type") or "").rsplit("/", 1)[-1] == kind:
            return _part_path(rel.get("Target") or "")
    return None


def _part_path(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)


def column_index(letters: bytes) -> int:
    """The 0-based column of a cell reference's letters (b"A" -> 0, b"AA" -> 26)."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def apply_padded_formats(path: Path, sheet: str, rows: list[list[str]], first_col: int) -> list[Message]:
    """Rewrite, in ``rows``, the whole numbers whose cells carry a padding format. Returns warnings.

    ``rows`` are calamine's text: row 0 is the sheet's row 1, column 0 is sheet column
    ``first_col``. The worksheet XML is scanned in blocks by a regular expression that only
    matches cells of a padding style (in C), so a 100,000-row sheet costs a fraction of a second
    where openpyxl would take seconds; the small styles/workbook parts go through defusedxml.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            styles = padded_styles(zf)
            if not styles:
                return []
            part = sheet_part(zf, sheet)
            if part is None:
                return []
            cell = re.compile(
                rb'<(?:\w+:)?c\s[^>]*?\bs="(?:' + b"|".join(k.encode() for k in styles) + rb')"[^>]*>'
            )
            with open_member(zf, part) as fh:
                for tag in _tags(fh, cell):
                    _pad_cell(tag, styles, rows, first_col)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, DefusedXmlException, ET.ParseError):
        return [Message(M.NUMBER_FORMATS)]
    return []


def _tags(fh, pattern: re.Pattern, block: int = 4 * 1024 * 1024):
    """Matches of ``pattern`` in a stream, a block at a time (a tag cut by a block edge is kept)."""
    carry = b""
    while True:
        data = fh.read(block)
        if not data:
            break
        buf = carry + data
        cut = buf.rfind(b"<")  # the last tag may be incomplete: keep it for the next block
        if cut == -1:
            carry = b""
            continue
        for m in pattern.finditer(buf, 0, cut):
            yield m.group(0)
        carry = buf[cut:]
    if carry:
        for m in pattern.finditer(carry):
            yield m.group(0)


def _pad_cell(tag: bytes, styles: dict[str, Tokens], rows: list[list[str]], first_col: int) -> None:
    ref = _REF.search(tag)
    style = _STYLE.search(tag)
    if ref is None or style is None:
        return
    r = int(ref.group(2)) - 1
    c = column_index(ref.group(1)) - first_col
    if 0 <= r < len(rows) and 0 <= c < len(rows[r]) and _INTEGER.match(rows[r][c]):
        rows[r][c] = render_padded(styles[style.group(1).decode()], int(rows[r][c]))

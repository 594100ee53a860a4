"""A piece of an inline-string worksheet read by one regular expression, in C, instead of calamine.

A workbook written row by row (openpyxl's write-only mode, most exporting programs) keeps every
text in its cell (``<c r="B2" t="inlineStr"><is><t>Ana</t></is></c>``) and every number as a plain
``<v>``, and may leave an empty cell out. For such a piece (``reader.excel.read_in_pieces``) ``read_piece`` gives exactly what
``reader.excel.read_piece`` gives (calamine's cells made text) in about 70% of its CPU time: one
match a row, with the row's cells as groups, and the columns made by one ``zip``.

Only pieces of that plain shape are read here; anything else gives None, and calamine reads the
piece: a row or cell of another form (styles, shared strings, formulas, rich text, booleans, an
out-of-order cell, a column not among the first rows' columns, rows not numbered one after
another), a number that is not a plain
whole number of at most 15 digits, an ``&`` entity other than the XML ones, a carriage return,
Excel's escapes (``_x000D_``, which calamine replaces),
a declared encoding other than UTF-8, a default cell style that formats numbers, a text without
``xml:space="preserve"`` written with white space at an end, anything between the rows (every
``<`` there must belong to a matched row), XML around the rows that is not well-formed, or a piece
whose first or last row or column holds no value (calamine's used range would then be narrower).
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache

from defusedxml import ElementTree as DefusedET

from ..reader.excel import Piece, PieceCopy
from ..reader.numfmt import column_index

#: A cell reference's column.
_CELL_COLUMN = re.compile(r'<c r="([A-Z]{1,3})[0-9]+"')
#: Characters of a piece's first rows whose cells give its columns (``_columns_seen``).
_COLUMNS_SAMPLE = 64 * 1024
#: The XML entities a cell's text may hold, and what they stand for.
_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_ENCODING = re.compile(rb"""<\?xml[^>]*\bencoding=["']([^"']*)["']""")
#: The first cell format of styles.xml (the style of a cell without ``s=``), and its number format.
_FIRST_XF = re.compile(rb"<cellXfs\b[^>]*>\s*<xf\b([^>]*)>")
_NUM_FMT = re.compile(rb'\bnumFmtId="([0-9]+)"')


def read_piece(copy: PieceCopy, sheet: str) -> Piece | None:
    """``reader.excel.read_piece(copy, sheet)`` for a piece of the plain inline shape; None for
    any other piece (calamine reads it)."""
    styles = copy.fixed.get(copy.styles) if copy.styles is not None else None
    return read_rows(copy.xml, _default_style_plain(styles))


def _default_style_plain(styles: bytes | None) -> bool:
    """True when a cell without a style shows its number as the number (cell format 0 is General)."""
    if styles is None:
        return True
    m = _FIRST_XF.search(styles)
    if m is None:
        return b"cellXfs" not in styles
    fmt = _NUM_FMT.search(m.group(1))
    return fmt is None or fmt.group(1) == b"0"


def read_rows(xml: bytes, numbers_plain: bool = True) -> Piece | None:
    """A worksheet part's cells as ``reader.excel.read_piece`` gives them: (0-based first row,
    first column, last column, the cells as text column by column); None when the part is not of
    the plain inline shape (see the module). ``numbers_plain``: the default cell style shows
    numbers as they are (else a piece with a number is not read here)."""
    text = _utf8_text(xml)
    if text is None:
        return None
    if "\r" in text:
        return None  # calamine changes it in a text (line ends); Excel's escapes: ``_cell_texts``
    first, close = text.find("<row"), text.rfind("</row>")
    if first < 0 or close < first:
        return None
    last = close + len("</row>")
    if not _well_formed(text[:first] + text[last:]):
        return None
    letters = _columns_seen(text, first, last)
    first_col = _consecutive_columns(letters)
    if first_col is None:
        return None
    rows = _matched_rows(_row_pattern(letters), text, first, last)
    if not rows:
        return None
    whole, numbers, *groups = zip(*rows)
    del rows
    if sum(map(len, whole)) != last - first:
        return None  # rows that did not match, or something between them (``_matched_rows``)
    del whole
    top = int(numbers[0])
    if numbers[-1] != str(top + len(numbers) - 1) or numbers != tuple(map(str, range(top, top + len(numbers)))):
        return None  # rows one after another, as calamine places them
    columns = _cell_texts(groups, len(letters), numbers_plain)
    if columns is None or not _spans_its_range(columns):
        return None
    return top - 1, first_col, first_col + len(letters) - 1, columns


#: Characters of rows matched per call (a few milliseconds holding the GIL: a window's thread
#: reading a piece does not stall it).
_MATCH_CHARS = 256 * 1024


def _row_spans(text: str, first: int, last: int):
    """(start, end) of stretches of whole rows that cover ``text[first:last]``, about
    ``_MATCH_CHARS`` characters each: what one regular-expression call is given. Each stretch
    but the last ends at the ``<`` after its last ``</row>``: text between two rows goes with the
    first of them."""
    pos = first
    while pos < last:
        cut = text.find("</row>", pos + _MATCH_CHARS, last)
        end = last if cut < 0 else text.find("<", cut + len("</row>"), last)
        end = last if end < 0 else end
        yield pos, end
        pos = end


def _matched_rows(pattern: re.Pattern, text: str, first: int, last: int) -> list[tuple[str, ...]]:
    """``pattern.findall(text, first, last)`` (``_row_pattern``: each match a row and the text
    after it up to the next ``<``), ``_MATCH_CHARS`` of whole rows per call, each call's stretch
    ending where the next tag starts.

    A match starts at a ``<row`` and ends before a ``<``, and the matches are found one after
    another: their lengths add up to ``last - first`` exactly when they are all of
    ``text[first:last]``, rows and plain text between them (no element left out, no row that did
    not match). That sum is what ``read_rows`` checks."""
    rows: list[tuple[str, ...]] = []
    for a, b in _row_spans(text, first, last):
        rows += pattern.findall(text, a, b)
    return rows


def _utf8_declared(xml: bytes) -> bool:
    """False when the part's XML declaration names an encoding other than UTF-8 (calamine reads it)."""
    declared = _ENCODING.search(xml, 0, 512)
    return declared is None or declared.group(1).lower().replace(b"-", b"") == b"utf8"


def _utf8_text(xml: bytes) -> str | None:
    """The part as text; None when it is not UTF-8 (or says it is not)."""
    if not _utf8_declared(xml):
        return None
    try:
        return xml.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _well_formed(outside_rows: str) -> bool:
    """True when the part without its rows (its start and end) is well-formed XML without a DTD:
    a part calamine may refuse is left to calamine."""
    try:
        DefusedET.fromstring(outside_rows)
    except Exception:
        return False
    return True


def _columns_seen(text: str, first: int, last: int) -> tuple[str, ...]:
    """The columns of the cells in the first ``_COLUMNS_SAMPLE`` characters of rows, in column
    order (a row may leave out an empty cell; a column first seen later makes its row fail to
    match, and the piece goes to calamine)."""
    return _columns_between(text, first, min(last, first + _COLUMNS_SAMPLE))


def _columns_between(text: str, first: int, last: int) -> tuple[str, ...]:
    """The columns of the cells between ``first`` and ``last``, in column order (found
    ``_MATCH_CHARS`` of whole rows per call)."""
    seen: set[str] = set()
    for a, b in _row_spans(text, first, last):
        seen.update(_CELL_COLUMN.findall(text, a, b))
    return tuple(sorted(seen, key=_column_index))


def _consecutive_columns(letters: tuple[str, ...]) -> int | None:
    """The 0-based index of the first of ``letters``, when they are columns one after another."""
    if not letters:
        return None
    indexes = [_column_index(c) for c in letters]
    if indexes != list(range(indexes[0], indexes[0] + len(indexes))):
        return None
    return indexes[0]


def _column_index(letters: str) -> int:
    return column_index(letters.encode("ascii"))  # [A-Z]{1,3}, as the patterns match them


@lru_cache(maxsize=16)
def _row_pattern(letters: tuple[str, ...]) -> re.Pattern:
    """A row element holding at most one cell of each of ``letters`` in order (an empty cell may be
    left out), each referring to the row's own number, and the text after it up to the next tag:
    groups (all of that, the row number, then per cell: its text with ``xml:space="preserve"``,
    its text without, its number). A text
    without ``xml:space`` that starts or ends with XML white space (calamine strips it) does not
    match."""
    cells = "".join(
        f'(?:<c r="{c}\\2"(?: t="inlineStr"(?: ?/>|><is><t(?: xml:space="preserve">([^<]*+)'
        f'|>((?:[^ \\t\\n\\r<][^<]*+)?+)(?<![ \\t\\n\\r]))</t></is></c>)'
        f'|(?: t="n")?+(?: ?/>|><v>(-?[0-9]{{1,15}}+)</v></c>)))?+'
        for c in letters
    )
    return re.compile(r'(<row r="([1-9][0-9]*)"(?: spans="[0-9]+:[0-9]+")?>' + cells + "</row>[^<]*+)")


#: What calamine strips from both ends of a text without ``xml:space="preserve"`` (after its
#: entities are replaced): XML's white space.
_XML_SPACE = " \t\n\r"


def _cell_texts(groups: list[tuple[str, ...]], width: int, numbers_plain: bool) -> list[list[str]] | None:
    """Each column's text from its (preserved texts, other texts, numbers) groups, as calamine
    gives it: entities replaced, then white space stripped unless preserved. None when a text
    holds an entity not read here or Excel's escapes (``_x000D_``, which calamine replaces: the
    texts are all a matched piece holds that is not tags, digits and cell references), or a
    number is there and numbers are not plain."""
    columns = []
    for j in range(width):
        kept, texts, numbers = groups[3 * j], groups[3 * j + 1], groups[3 * j + 2]
        joined_kept, joined = "".join(kept), "".join(texts)
        if "_x00" in joined_kept or "_x00" in joined:
            return None
        if "&" in joined_kept or "&" in joined:
            kept = [_unescaped(t) if "&" in t else t for t in kept]
            texts = [_unescaped(t).strip(_XML_SPACE) if "&" in t and _unescaped(t) is not None
                     else (None if "&" in t else t) for t in texts]
            if None in kept or None in texts:
                return None
        if any(kept):
            texts = list(map(operator.add, kept, texts))  # one of the two is empty
        if any(numbers):
            if not numbers_plain:
                return None
            texts = _with_numbers(texts, numbers)
        columns.append(list(texts))
    return columns


def _with_numbers(texts, numbers) -> list[str]:
    """A column's texts with its numbers (``-?[0-9]{1,15}``, "" where a text is) put in as
    calamine gives them, ``str(int(n))``: the number as written, unless it starts with a zero
    (``007``, ``-0``: those rows are converted one by one). A cell has one or the other, so each
    row is their sum, made by C-level loops."""
    cells = list(map(operator.add, texts, numbers))
    joined = "\x00" + "\x00".join(numbers)  # "-0" can only start a number, as "\x000" a zero does
    if "\x000" in joined or "-0" in joined:
        cells = [str(int(n)) if n else t for t, n in zip(texts, numbers)]
    return cells


def _unescaped(text: str) -> str | None:
    """``text`` with its XML entities replaced; None when it holds another ``&``."""
    if text.count("&") != len(_ENTITY.findall(text)):
        return None
    try:
        return _ENTITY.sub(_entity, text)
    except ValueError:
        return None


def _entity(m: re.Match) -> str:
    name, dec, hexa = m.groups()
    if name:
        return _NAMED[name]
    code = int(dec) if dec else int(hexa, 16)
    if not (code in (0x9, 0xA) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF):
        raise ValueError(code)
    return chr(code)


def _spans_its_range(columns: list[list[str]]) -> bool:
    """True when the first and last rows and columns each hold a value: calamine's used range of
    the piece is then exactly its rows and columns."""
    return (any(col[0] for col in columns) and any(col[-1] for col in columns)
            and any(columns[0]) and any(columns[-1]))

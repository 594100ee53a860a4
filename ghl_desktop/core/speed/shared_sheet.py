"""A piece of a shared-strings worksheet (as Excel saves one) read by regular expressions, in C,
instead of calamine.

Excel keeps every text once in the shared strings part (``<si><t>Ana</t></si>``) and a cell
names it by its index (``<c r="B2" t="s"><v>17</v></c>``). calamine reads a workbook copy's
shared strings whole, so each piece of a large sheet read by calamine would parse them again.
Here they are read once, in this process (``read_strings``); a piece's cells are read by one
match a row (``read_indices``, in this process or the helper, from the piece's XML alone) as
numbers per column: a shared string's index, or -1 for an empty cell, or -2, -3... for the
piece's other texts (``IndexPiece``: its numbers, written as calamine shows them); ``as_piece``
then gives exactly ``reader.excel.read_piece``'s cells by looking the numbers up in the strings,
a slice at a time (equal texts become one string).

Only the plain shapes are read here; anything else gives None and calamine reads it:

- strings: an ``<si>`` other than one ``<t>`` (rich text runs, phonetic runs), an ``&`` entity
  other than the XML ones, a carriage return, Excel's ``_x00HH_`` escapes, another declared
  encoding, anything but the strings inside ``<sst>``;
- a piece: a row or cell of another form (a formula, a boolean, an inline or formula string, a
  cell without its reference, attributes in another order), a number that is not a plain whole
  number of at most 15 digits, or one whose cell style (``s=``) is not one ``plain_styles``
  accepts, a shared string index the strings do not have, rows out of order, a column not among
  the first rows' columns (unless it is among the piece's), anything between the rows, another
  declared encoding, XML around the rows that is not well-formed.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache
from itertools import compress, repeat

from defusedxml import ElementTree as DefusedET

from ..reader.excel import Piece
from ..table import _SCAN
from .inline_sheet import (_COLUMNS_SAMPLE, _XML_SPACE, _column_index, _columns_between, _row_spans, _unescaped,
                           _utf8_declared, _utf8_text, _well_formed)

#: (0-based row of the first row with a cell, first column, last column, the cells' numbers
#: column by column (see the module), the piece's own texts: the number -2 is ``texts[1]``...,
#: ``texts[0]`` is the empty cell's "", the highest shared string index named, or -1).
IndexPiece = tuple[int, int, int, list[list[int]], list[str], int]
#: What ``read_indices`` gives for a piece that holds no cell with a value.
NO_CELLS = "no cells"
#: (style indexes whose number format shows a number as calamine gives it unformatted, whether a
#: cell without a style does).
Styles = tuple[frozenset[str], bool]

#: Number formats that show a number as calamine gives it (General, and text "@").
_PLAIN_FORMATS = {"0", "49"}

# -- the shared strings -----------------------------------------------------------------------------

#: One string: kept as written (``xml:space="preserve"``), plain (no entity, no white space at
#: an end: as written), or any other text (entities replaced, then XML white space stripped).
_SI = re.compile(r'<si><t(?: xml:space="preserve">([^<]*+)|>((?:[^ \t\n\r<&][^<&]*+)?+)(?<![ \t\n\r])'
                 r'|>([^<]*+))</t></si>')
_SST_START = re.compile(r'\A(?:<\?xml[^>]*\?>)?\s*<sst(?:\s[^<>]*)?>')
_SST_END = re.compile(r"</sst>\s*\Z")
#: Bytes of the shared strings part read per step (each step a few C calls over this much).
_STRINGS_BLOCK = 256 * 1024


def read_strings(xml: bytes) -> list[str] | None:
    """The shared strings part's strings in order, each as calamine reads it; None when the part
    is not of the plain shape (see the module). Read ``_STRINGS_BLOCK`` bytes at a time."""
    if not _utf8_declared(xml):
        return None
    first, last = xml.find(b"<si>"), xml.rfind(b"</si>")
    if first < 0 or last < first:
        return None
    last += len(b"</si>")
    try:
        if not _SST_START.match(xml[:first].decode("utf-8")) or not _SST_END.match(xml[last:].decode("utf-8")):
            return None
    except UnicodeDecodeError:
        return None
    strings: list[str] = []
    pos = first
    while pos < last:
        cut = xml.find(b"</si>", pos + _STRINGS_BLOCK, last)
        end = last if cut < 0 else cut + len(b"</si>")
        block = xml[pos:end]
        pos = end
        if b"\r" in block or b"_x00" in block:
            return None  # calamine changes both (line ends, Excel's escapes): left to it
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError:
            return None
        texts = _split_strings(text)
        if texts is not None:
            if None in texts:
                return None
            strings += texts
            continue
        found = _SI.findall(text)
        if text.count("<") != 4 * len(found):
            return None  # an <si> of another shape, or something between them
        kept, plain, other = zip(*found) if found else ((), (), ())
        texts = list(plain)
        for k in compress(range(len(kept)), kept):
            texts[k] = _unescaped(kept[k]) if "&" in kept[k] else kept[k]
        for k in compress(range(len(other)), other):
            t = _unescaped(other[k])
            texts[k] = t.strip(_XML_SPACE) if t is not None else None
        if None in texts:
            return None
        strings += texts
    return strings


_PRESERVED = '<si><t xml:space="preserve">'
#: Marks a kept text in ``_split_strings`` (a character XML text cannot hold).
_KEPT = "\x01"
_KEEPS = operator.methodcaller("startswith", _KEPT)
#: Characters one kept text's marking takes out of the text.
_MARKING_SAVES = len(_PRESERVED) - len("<si><t>" + _KEPT)


def _split_strings(text: str) -> list[str | None] | None:
    """The strings of ``text`` (whole ``<si>`` elements one after another) as ``read_strings``
    reads them, found by splitting it between its strings; None when an ``<si>`` is not a single
    ``<t>`` written as Excel writes it, or anything stands between them (``_SI`` decides). A
    string holding an ``&`` entity other than the XML ones is None."""
    if _KEPT in text:
        return None
    marked = text.replace(_PRESERVED, "<si><t>" + _KEPT)
    kept_texts = (len(text) - len(marked)) // _MARKING_SAVES  # the texts marked (none held _KEPT)
    if not (marked.startswith("<si><t>") and marked.endswith("</t></si>")):
        return None
    parts = marked[7:-9].split("</t></si><si><t>")
    if marked.count("<") != 4 * len(parts):
        return None  # a "<" inside a string: another element
    n = len(parts)
    # A text with white space at an end (any that str.strip takes, XML's among them), or kept, is
    # made below from its part; any other is its part as it is.
    texts: list[str | None] = list(map(str.strip, parts))
    special = set(compress(range(n), map(operator.ne, texts, parts)))
    if kept_texts and kept_texts != sum(1 for k in special if parts[k][:1] == _KEPT):  # kept, no white space
        special.update(compress(range(n), map(_KEEPS, parts)))
    if "&" in marked:
        special.update(compress(range(n), map(operator.contains, parts, repeat("&"))))
    for k in special:
        t: str | None = parts[k]
        kept = t.startswith(_KEPT)
        if kept:
            t = t[1:]
        if "&" in t:
            t = _unescaped(t)
        texts[k] = t if kept or t is None else t.strip(_XML_SPACE)
    return texts


def plain_styles(styles: bytes | None) -> Styles | None:
    """The cell styles under which calamine gives a number as the number (its format General or
    text, ``numFmtId`` 0 or 49 and not redefined by the workbook); None when styles.xml cannot
    be read here."""
    if styles is None:
        return frozenset(), True
    try:
        root = DefusedET.fromstring(styles)
    except Exception:
        return None
    custom = {fmt.get("numFmtId") for fmt in root.iterfind("{*}numFmts/{*}numFmt")}
    plain = [i for i, xf in enumerate(root.iterfind("{*}cellXfs/{*}xf"))
             if xf.get("numFmtId", "0") in _PLAIN_FORMATS and xf.get("numFmtId", "0") not in custom]
    return frozenset(map(str, plain)), (0 in plain or root.find("{*}cellXfs") is None)


# -- a piece of the sheet ---------------------------------------------------------------------------

def read_indices(xml: bytes, styles: Styles) -> IndexPiece | str | None:
    """A worksheet part's cells as numbers (``IndexPiece``), ``NO_CELLS``, or None when the part
    is not of the plain shape (see the module); ``styles``: ``plain_styles``."""
    text = _utf8_text(xml)
    if text is None:
        return None
    first, end = text.find("<row"), text.rfind("</sheetData>")
    if first < 0 or end < first or not _well_formed(text[:first] + text[end:]):
        return None
    letters = _columns_between(text, first, min(end, first + _COLUMNS_SAMPLE))
    got = _read_rows(text, first, end, letters, styles) if letters else None
    if got is None:
        every = _columns_between(text, first, end)  # a column first seen further down: all of them, once
        if every and every != letters:
            got = _read_rows(text, first, end, every, styles)
            letters = every
    if got is None:
        return None
    numbers, columns, texts, highest = got
    return _trimmed(numbers, columns, texts, _column_index(letters[0]), highest)


def _read_rows(text: str, first: int, end: int, letters: tuple[str, ...], styles: Styles):
    """(row numbers, numbers column by column from ``letters[0]`` to ``letters[-1]``, the piece's
    own texts, the highest shared string index) of the rows between ``first`` and ``end``; None
    when something there is not of a plain row's shape.

    Each match is a row and the text after it up to the next ``<`` (``_row_pattern``), found one
    after another: their lengths add up to a stretch's exactly when they are all of it, rows and
    plain text between them (no element left out, no row that did not match)."""
    pattern = _row_pattern(letters, *styles)
    lo = _column_index(letters[0])
    width = _column_index(letters[-1]) - lo + 1
    places = [_column_index(c) - lo for c in letters]
    columns: list[list[int]] = [[] for _ in range(width)]
    numbers: list[int] = []
    texts = [""]
    highest = -1
    for pos, stop in _row_spans(text, first, end):
        rows = pattern.findall(text, pos, stop)
        if not rows:
            return None  # a stretch starts with a "<": something that is not a row
        whole, row_numbers, *groups = zip(*rows)
        del rows
        if sum(map(len, whole)) != stop - pos:
            return None  # another element, or a row that did not match
        del whole
        n = len(row_numbers)
        numbers += map(int, row_numbers)
        for j, place in enumerate(places):
            shared, number = groups[2 * j], groups[2 * j + 1]
            ints = list(map(int, map(_EMPTY.get, shared, shared)))
            highest = max(highest, max(ints))  # before the numbers' texts (negative) go in
            if number.count("") != n:
                for k in compress(range(n), number):
                    texts.append(str(int(number[k])))
                    ints[k] = -len(texts)
            columns[place] += ints
        for j in set(range(width)).difference(places):
            columns[j] += repeat(-1, n)
    if not numbers:
        return None
    return numbers, columns, texts, highest


#: A shared-string group's text as a number's text: the empty group is an empty cell (-1).
_EMPTY = {"": "-1"}


@lru_cache(maxsize=16)
def _row_pattern(letters: tuple[str, ...], plain: frozenset[str], unstyled: bool) -> re.Pattern:
    """A row element (any attributes after its number; or an empty one, ``<row r="5" .../>``)
    holding at most one cell of each of ``letters`` in order, each referring to the row's own
    number, and the text after it up to the next tag: groups (all of that, the row number, then
    per cell: its shared string's index, its number). A number is matched only in a cell of a
    style in ``plain`` (or without a style, when ``unstyled``)."""
    styles = "|".join(sorted(plain, key=int))
    if styles:
        numbers = f'(?: s="(?:{styles})")' + ("?" if unstyled else "")
    else:
        numbers = "" if unstyled else "(?!)"  # no style at all, or no number
    cells = "".join(
        f'(?:<c r="{c}\\2"(?:(?: s="[0-9]{{1,5}}")? t="s"><v>([0-9]{{1,9}})</v></c>'
        f'|{numbers}(?: t="n")?><v>(-?[0-9]{{1,15}}+)</v></c>'
        f'|(?: s="[0-9]{{1,5}}")?(?: t="n")? ?/>))?+'
        for c in letters
    )
    return re.compile(r'(<row r="([1-9][0-9]{0,6})"(?: [^<>/]*+)?+(?:/>|>' + cells + "</row>)[^<]*+)")


def _trimmed(numbers: list[int], columns: list[list[int]], texts: list[str], lo: int,
             highest: int) -> IndexPiece | str | None:
    """The rows placed at their numbers (rows left out are empty), then cut to the rows and
    columns holding a value (calamine's used range of the piece)."""
    if any(any(map(operator.ge, numbers[a:a + _SCAN], numbers[a + 1:a + _SCAN + 1]))
           for a in range(0, len(numbers), _SCAN)):
        return None  # rows out of order, or twice
    top, n = numbers[0], numbers[-1] - numbers[0] + 1
    if n != len(numbers):  # rows left out: empty ones in their place
        placed = []
        offsets = [r - top for r in numbers]
        for col in columns:
            full = [-1] * n
            for a in range(0, len(offsets), _SCAN):
                any(map(full.__setitem__, offsets[a:a + _SCAN], col[a:a + _SCAN]))
            placed.append(full)
        columns = placed
    used = [j for j, col in enumerate(columns) if sum(col[a:a + _SCAN].count(-1) for a in range(0, n, _SCAN)) != n]
    if not used:
        return NO_CELLS
    columns = columns[used[0] : used[-1] + 1]
    first = next(r for r in range(n) if any(col[r] != -1 for col in columns))
    last = next(r for r in range(n - 1, -1, -1) if any(col[r] != -1 for col in columns))
    if first or last != n - 1:
        columns = [col[first : last + 1] for col in columns]
    return top - 1 + first, lo + used[0], lo + used[-1], columns, texts, highest


def as_piece(got: IndexPiece | str, strings: list[str]) -> Piece | None:
    """``reader.excel.read_piece``'s cells of a piece read by ``read_indices``: each number
    looked up in ``strings`` (which it leaves as it found it), ``_SCAN`` cells per C call. None
    for a piece without cells; a ValueError when a cell names a string ``strings`` does not have
    (calamine fails on such a workbook)."""
    if got == NO_CELLS:
        return None
    row, first_col, last_col, columns, texts, highest = got
    n = len(strings)
    if highest >= n:
        raise ValueError("a shared string index out of range")
    strings += reversed(texts)  # -1 is texts[0], -2 texts[1]...
    try:
        out = []
        for col in columns:
            values: list[str] = []
            for a in range(0, len(col), _SCAN):
                values += map(strings.__getitem__, col[a:a + _SCAN])
            out.append(values)
    finally:
        del strings[n:]
    return row, first_col, last_col, out

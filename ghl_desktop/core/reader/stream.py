"""Delimited text straight into columns, a block of lines at a time: the fast path for big files.

It gives exactly what the row-wise reader gives (``delimited.parse`` + header detection + row
repairs, then a transposition), without ever holding a million row lists. Reading a million rows
that way meant a row list per record plus a column copy of every cell at once, and the
transposition (``zip(*rows)``) was one C call holding the GIL for a quarter of a second.

The text is cut into blocks of ``BLOCK_CHARS`` at line ends, and each block is read the cheapest
way that is still exact:

* **columns** (the common case): every line is one record of exactly the header's width. The
  lines are joined with a sentinel cell and split on the delimiter in one C call, and each column
  is a stride slice of that flat list. Lines holding a quote are parsed by the ``csv`` module (one
  record per line, or the block is not this case) and patched in; a sentinel at every record end
  proves that no unquoted line had another number of fields.
* **rows**: every line is still one record, but some are ragged or blank: ``str.split`` rows
  (``csv`` for the quoted lines), repaired like the row-wise reader does, then transposed.
* **csv**: anything else (quoted line breaks, mixed line ends, NUL, huge fields): the ``csv``
  module reads the block's records (a record running past the block end is read whole).

Each step is one short C call (a few ms), so a job thread reading a huge file never makes the
window wait long for the GIL. When exactness needs the whole file first (a malformed quote: the
lenient parser; most rows wider than the header; no header in the first records) the caller is
told (:class:`Fallback`, ``csv.Error``) and uses the row-wise reader instead.
"""

from __future__ import annotations

import csv
import io
import operator
from collections import deque
from itertools import accumulate, compress, islice, repeat
from typing import Callable, Iterable

from .. import messages as M
from ..errors import Cancelled
from ..messages import Message
from . import delimited
from .delimited import _continues, _line_breaks, _resplit
from .header import _non_empty, clean_header, find_header_row

#: Characters per block (cut at a line end). Small enough that each C call lasts a few ms.
BLOCK_CHARS = 256 * 1024
#: The head is read record by record until it holds this many records: header detection looks at
#: the first 200 (``table_width``) and 30 (``SCAN_ROWS``) records.
HEAD_RECORDS = 1000
HEAD_CHARS = 64 * 1024

_SENTINEL = "\x00"
#: A column sharing repeated values stops when it has more distinct values than this.
_CANON_MAX = 50_000


#: ``(header, columns, rows)``: the first ``rows`` rows of ``columns`` are final (see parse_columns).
FinalRowsFn = Callable[[list[str], list[list[str]], int], None]
#: ``(header, first columns) -> the column indexes to keep, or None for all`` (see parse_columns).
KeepFn = Callable[[list[str], list[list[str]]], "Iterable[int] | None"]


class Fallback(Exception):
    """This text needs the row-wise reader (the stream cannot give the same result cheaply)."""


def _cut(text: str, at: int) -> int:
    """The end of the line running through ``at`` (just after its CR, LF or CRLF)."""
    n = len(text)
    if at >= n:
        return n
    lf = text.find("\n", at)
    stop = n if lf == -1 else lf
    cr = text.find("\r", at, stop)
    if cr != -1 and cr + 1 < n and text[cr + 1] != "\n":
        return cr + 1  # a lone CR ends a line too (old Mac files)
    return n if lf == -1 else lf + 1


def _count_lines(window: str) -> int:
    """Physical lines in ``window`` as ``io.StringIO(window, newline="")`` yields them."""
    if not window:
        return 0
    n = window.count("\n") + window.count("\r") - window.count("\r\n")
    return n + (window[-1] not in "\r\n")


class _Tail:
    """Lines after a block, for a record that runs past the block's end; ``k``/``pos`` say where
    the lines it gave end (part index, position in that part)."""

    def __init__(self, parts: list[str], k: int, pos: int) -> None:
        self.parts, self.k, self.pos = parts, k, pos

    def __iter__(self):
        parts = self.parts
        while self.k < len(parts):
            text = parts[self.k]
            while self.pos < len(text):
                end = _cut(text, self.pos + 64 * 1024)
                for line in io.StringIO(text[self.pos : end], newline=""):
                    self.pos += len(line)
                    yield line
            self.k, self.pos = self.k + 1, 0


def _csv_block(parts: list[str], k: int, pos: int, end: int, line: int, d: str):
    """Records starting in ``parts[k][pos:end]``, by the csv module.

    Returns (records, start lines, (part, position) after them, next line). A record running past
    ``end`` is read whole. Raises csv.Error for malformed quoting, as the row-wise strict parse does.
    """
    window = parts[k][pos:end]
    n_lines = _count_lines(window)
    tail = _Tail(parts, k, end)
    reader = csv.reader(_chain(io.StringIO(window, newline=""), tail), delimiter=d, strict=True)
    records: list[list[str]] = []
    while reader.line_num < n_lines:
        got = list(islice(reader, n_lines - reader.line_num))
        if not got:
            break
        records.extend(got)
    consumed = reader.line_num
    if consumed == len(records):
        starts = list(range(line, line + consumed))
    else:
        starts, at = [], line
        for row in records:
            starts.append(at)
            at += _line_breaks(row)
    return records, starts, (tail.k, tail.pos), line + consumed


def _chain(first, second):
    yield from first
    yield from second


def _fast_block(block: str, d: str, width: int):
    """("columns", columns) or ("rows", rows) when each line of ``block`` is one record, else None.

    Every check is a scan at memchr speed or falls out of a split's length: counting line ends
    with ``str.count`` cost more than splitting the block.
    """
    if len(block) > csv.field_size_limit() or _SENTINEL in block:
        return None
    if "\r" not in block:
        term = "\n"
    elif "\n" not in block:
        term = "\r"
    else:
        term = "\r\n"  # checked below: no CR or LF on its own
    ends = block.endswith(term)
    joint = d + _SENTINEL + d
    lines: list[str] | None = None
    quoted: list[int] = []  # indexes of the lines holding a quote
    records: list[list[str]] = []
    if '"' not in block:
        text = block.replace(term, joint)
        if term == "\r\n" and ("\r" in text or "\n" in text):
            return None  # mixed line ends: the csv path
        # Each replacement lengthens the text by the same amount: the number of line ends.
        n = (len(text) - len(block)) // (len(joint) - len(term)) + (not ends)
        if width > 1:
            columns = _stride_columns(text, ends, d, width, n)
            if columns is not None:
                return "columns", columns
        del text
    else:
        lines = block.split(term)
        if ends:
            lines.pop()
        n = len(lines)
        quoted = list(compress(range(n), map(operator.contains, lines, repeat('"'))))
        qlines = [lines[i] for i in quoted]
        if term == "\r\n" and (any(map(operator.contains, qlines, repeat("\r")))
                                or any(map(operator.contains, qlines, repeat("\n")))):
            return None  # a CR or LF on its own inside a quoted line: the csv path
        try:
            records = list(csv.reader(qlines, delimiter=d, strict=True))
        except csv.Error:
            return None  # malformed, or a quote left open at the block's end: the csv path decides
        if len(records) != len(quoted):
            return None  # a quoted value holds a line break: some record spans lines
        if len(quoted) * 2 > n:  # mostly quoted (some exports quote every value): rows it is
            if term == "\r\n" and (any(map(operator.contains, lines, repeat("\r")))
                                    or any(map(operator.contains, lines, repeat("\n")))):
                return None  # a CR or LF on its own: the csv path
            return "rows", _rows(lines, d, quoted, records)
        blank = d * (width - 1)  # a quoted line's place: its values are patched in below
        placed = lines.copy()
        for i in quoted:
            placed[i] = blank
        text = joint.join(placed)
        del placed
        if term == "\r\n" and ("\r" in text or "\n" in text):
            return None  # a CR or LF on its own: the csv path
        if width > 1 and list(map(len, records)).count(width) == len(records):
            columns = _stride_columns(text, False, d, width, n)
            if columns is not None:
                for col, values in zip(columns, zip(*records)):
                    deque(map(col.__setitem__, quoted, values), 0)  # col[i] = value, looped in C
                return "columns", columns
        del text
    if not n:
        return None
    if lines is None:
        lines = block.split(term)
        if ends:
            lines.pop()
    return "rows", _rows(lines, d, quoted, records)


def _rows(lines: list[str], d: str, quoted: list[int], records: list[list[str]]) -> list[list[str]]:
    """The records of ``lines`` (one per line) as the csv module reads them."""
    if len(quoted) == len(lines):
        return records
    rows = list(map(str.split, lines, repeat(d)))
    for i, rec in zip(quoted, records):
        rows[i] = rec
    if "" in lines:
        i = -1
        try:
            while True:
                i = lines.index("", i + 1)
                rows[i] = []  # the csv module reads an empty line as a record without fields
        except ValueError:
            pass
    return rows


def _stride_columns(text: str, trailing: bool, d: str, width: int, n: int):
    """Columns of the ``n`` lines of ``text``, whose line ends were replaced by a sentinel field;
    None unless every line has ``width`` fields.

    The text is split on the delimiter in one call and each column is a stride slice: with
    exactly ``n - 1`` sentinels, all at every ``width + 1``-th place, every line has ``width``.
    ``trailing``: the text ends with a sentinel (the last line's end).
    """
    flat = text.split(d)
    if trailing:
        del flat[-2:]  # the last sentinel and the empty rest after it
    step = width + 1
    if n < 1 or len(flat) != n * step - 1 or flat[width::step].count(_SENTINEL) != n - 1:
        return None  # some line has another number of fields
    return [flat[j::step] for j in range(width)]


class _Builder:
    """Data rows fitted to the header's width, appended to columns block by block.

    The row repairs are ``delimited.repair_rows``'s, in the same order with the same warnings: a
    line continuing the row above may continue a row of an earlier block (the last kept one).
    """

    def __init__(self, width: int, delimiter: str) -> None:
        self.width = width
        self.columns: list[list[str]] = [[] for _ in range(width)]
        #: Columns whose cells are no longer kept (``leave_out``), and the rows they hold (``left_from``).
        self.left_out: frozenset[int] = frozenset()
        self.left_from = 0
        #: The last kept row's last cell, kept even when that column is left out: a later line may
        #: continue it (``add_rows``), and whether it does depends on that cell.
        self.tail: str | None = None
        self.starts: list[int] = []
        self.warnings: list[Message] = []
        self.others = [c for c in delimited.CANDIDATES if c != delimiter]
        self.short = self.long_ = self.first_short = self.first_long = 0
        self.n_data = self.n_blank = self.with_values = 0
        #: Per column, one string object per distinct value (None: the column barely repeats).
        self.canon: list[dict[str, str] | None] = [None] * width

    def share_repeats(self) -> None:
        """From now on, store one object per distinct value in columns that repeat a lot.

        Contact lists repeat cities, companies, tags and sources: a million rows held millions of
        equal strings (hundreds of MB). Decided on the rows read so far (the head); a column that
        turns out to have more than ``_CANON_MAX`` distinct values stops sharing.
        """
        for j, col in enumerate(self.columns):
            if len(col) >= 200 and len(set(col)) * 2 < len(col):
                canon: dict[str, str] = {}
                col[:] = map(canon.setdefault, col, col)
                self.canon[j] = canon

    def leave_out(self, columns) -> None:
        """Keep no more cells of ``columns`` (indexes): they hold the rows read so far, the rest
        of each is filled with "" at ``finish``. Nothing else read changes: the rows, their line
        numbers and the warnings are those of a full read."""
        self.left_out = frozenset(j for j in columns if 0 <= j < self.width)
        self.left_from = len(self.starts)
        last = self.columns[self.width - 1]
        self.tail = last[-1] if last else None

    def _extend(self, j: int, values) -> None:
        if j in self.left_out:
            if j == self.width - 1 and values:
                self.tail = values[-1]
            return
        canon = self.canon[j]
        if canon is None:
            self.columns[j].extend(values)
            return
        self.columns[j].extend(map(canon.setdefault, values, values))  # looped in C
        if len(canon) > _CANON_MAX:
            self.canon[j] = None

    def add_columns(self, columns: list[list[str]], first_line: int) -> None:
        """Rows of exactly the header's width, as columns; any blank ones go the row way."""
        c0 = columns[0]
        n = len(c0)
        if not all(map(str.strip, c0)):
            maybe = compress(range(n), map(operator.not_, map(str.strip, c0)))
            if any(not "".join(col[i] for col in columns).strip() for i in maybe):
                rows = [list(r) for r in zip(*columns)]
                self.add_rows(rows, range(first_line, first_line + n))
                return
        self.n_data += n
        for j, col in enumerate(columns):
            self._extend(j, col)
        self.starts.extend(range(first_line, first_line + n))

    def add_rows(self, rows: list[list[str]], starts) -> None:
        """Raw data records (any widths), repaired as ``delimited.repair_rows`` does."""
        if not rows:
            return
        width = self.width
        n = len(rows)
        self.n_data += n
        lens = list(map(len, rows))
        if max(lens) > width:
            self.with_values += sum(
                1 for r in rows if len(r) > width and any(c.strip() for c in r[width:])
            )
        # The odd rows: another width, or blank (``repair_rows``'s test), found by C-level loops:
        # only rows whose first value is blank need the full test.
        odd_set = set(compress(range(n), map(operator.ne, lens, repeat(width))))
        firsts = map(next, map(iter, rows), repeat(""))
        for i in compress(range(n), map(operator.not_, map(str.strip, firsts))):
            if i not in odd_set and not "".join(rows[i]).strip():
                odd_set.add(i)
        odd = sorted(odd_set)
        del odd_set, lens
        dropped: set[int] = set()
        cols = self.columns
        for i in odd:
            row, line = rows[i], starts[i]
            if not row or not "".join(row).strip():
                dropped.add(i)
                self.n_blank += 1
                continue
            if len(row) == 1 and width > 1:
                resplit = _resplit(row[0], self.others, width)
                if resplit is not None:
                    self.warnings.append(Message(M.AT_LINE, line, Message(M.OTHER_DELIMITER)))
                    rows[i] = resplit
                    continue
                above = i - 1
                while above >= 0 and above in dropped:
                    above -= 1
                end_left_out = width - 1 in self.left_out
                if above >= 0:
                    last = rows[above][-1]
                elif self.starts:
                    # the last kept row of an earlier block
                    last = self.tail if end_left_out else cols[width - 1][-1]
                else:
                    last = None
                if last is not None and _continues(last, row[0]):
                    if above >= 0:
                        rows[above][-1] += "\n" + row[0]
                    elif end_left_out:
                        self.tail += "\n" + row[0]
                        if len(cols[width - 1]) == len(self.starts):  # that row's cell is still kept
                            cols[width - 1][-1] = self.tail
                    else:
                        cols[width - 1][-1] += "\n" + row[0]
                    dropped.add(i)
                    self.warnings.append(Message(M.AT_LINE, line, Message(M.LINE_BREAK)))
                    continue
            if len(row) < width:
                self.short += 1
                self.first_short = self.first_short or line
                rows[i] = row + [""] * (width - len(row))
            else:
                if any(c.strip() for c in row[width:]):
                    self.long_ += 1
                    self.first_long = self.first_long or line
                rows[i] = row[:width]
        if dropped:
            keep = [i for i in range(len(rows)) if i not in dropped]
            rows = [rows[i] for i in keep]
            starts = [starts[i] for i in keep]
        for j, col in enumerate(zip(*rows)):
            self._extend(j, col)
        self.starts.extend(starts)

    def finish(self) -> list[Message]:
        """The summary warnings; Fallback when most rows are wider than the header.

        The row-wise reader then names the extra columns and fits every row to that wider header.
        """
        filled = self.n_data - self.n_blank
        if filled and self.with_values * 2 > filled:
            raise Fallback("most rows are wider than the header")
        if self.short:
            self.warnings.append(Message(M.SHORT_ROWS, self.short, self.first_short))
        if self.long_:
            self.warnings.append(Message(M.LONG_ROWS, self.long_, self.first_long))
        n = len(self.starts)
        for j in self.left_out:
            col = self.columns[j]
            col += repeat("", n - len(col))
        return self.warnings


def parse_columns(
    parts: list[str],
    d: str,
    *,
    name: str,
    max_columns: int,
    max_rows: int,
    cancel: Callable[[], bool] | None = None,
    on_final_rows: FinalRowsFn | None = None,
    on_progress: Callable[[float], None] | None = None,
    keep: KeepFn | None = None,
):
    """(header, header line index, data columns, data start lines, warnings, unread) of delimited
    text; ``unread``: (the columns not kept, the rows they hold) (see ``keep``).

    ``keep(header, columns)``, given the header and the columns of the first data rows (up to
    ``HEAD_RECORDS``), may name the columns worth keeping (None: all): the cells of the others
    are kept only for those first rows, "" after them (the caller records which, see
    ``SourceTable.unread``). Not with ``on_final_rows``.

    ``on_final_rows(header, columns, n)`` is called after each block: the first ``n`` rows of
    ``columns`` (the very lists returned at the end) will not change any more. Every row but the
    last kept one is final (a later line continuing a value is joined to that one only). Should the
    read end in ``Fallback`` or ``csv.Error``, the other reader builds new lists: a caller that
    started work on rows it was told of checks it got these lists back.
    ``on_progress(fraction)`` is told after each block how much of the text is read.

    ``parts`` is the text in pieces that each end at a line end (``decode.decode_parts``). The
    result is the row-wise ``delimited.parse`` + header detection + ``repair_rows``'s. Raises
    csv.Error when the strict parse fails (use the lenient parser), :class:`Fallback` when only the
    row-wise reader gives the exact result (or words the refusal), InputError/Cancelled as it does.
    """
    k, pos, line = 0, 0, 1

    def advance() -> bool:
        """Move past finished parts; False at the end of the text."""
        nonlocal k, pos
        while k < len(parts) and pos >= len(parts[k]):
            k, pos = k + 1, 0
        return k < len(parts)

    done_before = list(accumulate((len(p) for p in parts), initial=0))  # characters before each part
    total_chars = max(done_before[-1], 1)
    head: list[list[str]] = []
    head_starts: list[int] = []
    while len(head) < HEAD_RECORDS and advance():
        end = _cut(parts[k], pos + HEAD_CHARS)
        records, starts, (k, pos), line = _csv_block(parts, k, pos, end, line, d)
        head.extend(records)
        head_starts.extend(starts)
        if cancel is not None and cancel():
            raise Cancelled()
    if head and max(map(len, head)) > max_columns:
        raise Fallback("too wide")  # refused; the row-wise reader words it (widest of its chunk)
    if not any(_non_empty(r) for r in head):
        raise Fallback("no values in the first records")
    h = find_header_row(head)
    raw_header = list(head[h])
    while raw_header and not raw_header[-1].strip():
        raw_header.pop()
    header = clean_header(raw_header)
    width = len(header)
    warnings: list[Message] = []
    trimmed = [" ".join(c.replace("\ufeff", "").split()) for c in raw_header]
    renamed = sorted({t for t, c in zip(trimmed, header) if t and t != c})
    if renamed:
        warnings.append(Message(M.RENAMED_COLUMNS, ", ".join(renamed)))
    if any("".join(r).strip() for r in head[:h]):
        warnings.append(Message(M.LINES_SKIPPED, head_starts[h] - 1))

    out = _Builder(width, d)
    out.add_rows(head[h + 1 :], head_starts[h + 1 :])
    if keep is not None:
        kept = keep(header, out.columns)
        if kept is not None:
            out.leave_out(set(range(width)).difference(kept))
    out.share_repeats()
    n_records = len(head)
    del head
    while advance():
        if cancel is not None and cancel():
            raise Cancelled()
        if n_records > max_rows + 1:
            raise Fallback("too long")  # refused; the row-wise reader says which limit first
        text = parts[k]
        end = _cut(text, pos + BLOCK_CHARS)
        got = _fast_block(text[pos:end], d, width)
        if got is None:
            records, starts, (k, pos), line = _csv_block(parts, k, pos, end, line, d)
            if records and max(map(len, records)) > max_columns:
                raise Fallback("too wide")
            out.add_rows(records, starts)
            n_records += len(records)
            continue
        kind, values = got
        if kind == "columns":
            count = len(values[0])
            out.add_columns(values, line)
        else:
            count = len(values)
            if max(map(len, values)) > max_columns:
                raise Fallback("too wide")
            out.add_rows(values, range(line, line + count))
        n_records += count
        line += count
        pos = end
        if on_final_rows is not None:
            on_final_rows(header, out.columns, len(out.starts) - 1)
        if on_progress is not None:
            on_progress((done_before[k] + pos) / total_chars)
    if n_records > max_rows + 1:
        raise Fallback("too long")
    warnings.extend(out.finish())
    unread = (sorted(out.left_out), out.left_from)
    return header, head_starts[h] - 1, out.columns, out.starts, warnings, unread

"""Delimited text (CSV/TSV/TXT): detect the delimiter, parse fast, repair what real exports break.

The C ``csv`` module parses well-formed files (the common case, a million rows in seconds). Only
when it reports malformed quoting does the slower lenient parser run, which repairs what exports
really do: quotes inside quoted fields that are not doubled, a quote that is never closed. Rows are
then repaired against the header width: a row written with another delimiter, a line broken inside
an unquoted field, and ragged rows. Every repair is reported as a warning a person can read.

This is the row-wise reader. Files are read by ``stream`` (straight into columns, block by block,
with these same parsers and repairs); it falls back to this module where only a whole-file,
row-wise read gives the exact result (see ``reader.parse_text``).
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections import Counter
from contextlib import contextmanager
from itertools import chain, islice
from typing import Callable

from .. import messages as M
from ..errors import Cancelled, InputError
from ..messages import Message

CANDIDATES = (",", ";", "\t", "|")
_NAMES = {",": Message(M.DELIMITER_COMMA), ";": Message(M.DELIMITER_SEMICOLON), "\t": Message(M.DELIMITER_TAB),
          "|": Message(M.DELIMITER_PIPE)}
_UNCLOSED_QUOTE = Message(M.UNCLOSED_QUOTE)
_STRAY_QUOTES = Message(M.STRAY_QUOTES)
_LINES = re.compile(r"\r\n|\r|\n")
_SAMPLE_CHARS = 256 * 1024
_SAMPLE_RECORDS = 50
_CHUNK = 10_000

csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))


def detect_delimiter(text: str) -> str:
    """The candidate splitting the first records into the most consistent number (>1) of fields."""
    sample = text[:_SAMPLE_CHARS]
    cut = max(sample.rfind("\n"), sample.rfind("\r"))
    if 0 < cut < len(sample) - 1:
        sample = sample[:cut]
    best, best_score = ",", (False, 0.0, 0)
    for d in CANDIDATES:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=d)
        counts = []
        try:
            for row in reader:
                if len(row) > 1 or (row and row[0].strip()):
                    counts.append(len(row))
                if len(counts) >= _SAMPLE_RECORDS:
                    break
        except csv.Error:
            pass
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        mode = Counter(multi).most_common(1)[0][0]
        # The first line is usually the header: a delimiter that splits it like the rest wins.
        score = (counts[0] == mode, counts.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = d, score
    return best


def delimiter_name(d: str | None) -> Message:
    return _NAMES.get(d or "") or M.verbatim(repr(d))


# -- parsing ----------------------------------------------------------------------------------
def parse(
    text: str | list[str],
    delimiter: str,
    *,
    name: str,
    max_columns: int,
    max_rows: int,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[list[str]], list[int], list[Message]]:
    """(records, 1-based start line of each, warnings). Blank records are kept (as []).

    ``text`` may be given as parts that each end at a line end (``decode.decode_parts``).
    """
    with gc_paused():
        return _parse(text, delimiter, name, max_columns, max_rows, cancel)


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while building millions of row lists.

    New lists trigger collections, and as the rows survive, full collections walk every row
    built so far: with it paused a million-row file parses about twice as fast. Rows of strings hold no cycles, so
    nothing is lost; it is switched back on only if it was on (another thread may have paused it).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(text, delimiter, name, max_columns, max_rows, cancel):
    try:
        records, starts = _parse_strict(text, delimiter, name, max_columns, max_rows, cancel)
        return records, starts, []
    except csv.Error:
        records, lines, warnings = _parse_lenient(text, delimiter, name, max_columns, max_rows, cancel)
        return records, lines, warnings


def _too_wide(name: str, n: int, limit: int) -> InputError:
    return InputError(Message(M.ROW_TOO_WIDE, name, n, limit))


def _too_long(name: str, limit: int) -> InputError:
    return InputError(Message(M.TEXT_TOO_LONG, name, limit))


def _physical_lines(text: str | list[str], block: int = 4 * 1024 * 1024):
    """The lines of ``text`` (split on CR, LF and CRLF only, kept), a few MB at a time.

    ``io.StringIO(text)`` would copy the whole text into a 4-bytes-per-character buffer (about
    half a gigabyte for an 80 MB export); blocks cut just after a LF keep that copy small. The
    lines themselves are iterated in C (no Python frame per line). ``text`` may be line-aligned parts.
    """
    return chain.from_iterable(io.StringIO(part, newline="") for part in _pieces(text, block))


def _pieces(text: str | list[str], block: int):
    """Blocks of ``text`` (or of each of its parts), each cut just after a LF."""
    for part in [text] if isinstance(text, str) else text:
        yield from _blocks(part, block)


def _split_lines(text: str | list[str], block: int = 1024 * 1024) -> list[str]:
    """``_LINES.split(text)``, a block at a time (one regex call over 100 MB held the GIL ~0.5 s)."""
    lines: list[str] = []
    for piece in _pieces(text, block):
        got = _LINES.split(piece)
        if lines:  # pieces end at a line end: the last line so far is "" (else it continues)
            lines[-1] += got[0]
            lines.extend(got[1:])
        else:
            lines = got
    return lines or [""]


def _blocks(text: str, block: int):
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", start + block) if start + block < n else -1
        end = n if end == -1 else end + 1
        yield text[start:end]
        start = end


def _parse_strict(text, d, name, max_columns, max_rows, cancel):
    """The C parser in chunks of 10,000 records: C speed, with cancel and limits between chunks.

    Start lines are consecutive unless a chunk holds quoted line breaks (the reader's line count
    then runs ahead); only such chunks pay for counting breaks record by record.
    """
    reader = csv.reader(_physical_lines(text), delimiter=d, strict=True)
    records: list[list[str]] = []
    starts: list[int] = []
    line = 1  # the physical line where the next record starts
    while True:
        chunk = list(islice(reader, _CHUNK))
        if not chunk:
            break
        widest = max(map(len, chunk))
        if widest > max_columns:
            raise _too_wide(name, widest, max_columns)
        if reader.line_num - (line - 1) == len(chunk):
            starts.extend(range(line, line + len(chunk)))
        else:
            for row in chunk:
                starts.append(line)
                line += _line_breaks(row)
        line = reader.line_num + 1
        records.extend(chunk)
        if len(records) > max_rows + 1:
            raise _too_long(name, max_rows)
        if cancel is not None and cancel():
            raise Cancelled()
    return records, starts


def _line_breaks(row: list[str]) -> int:
    """Physical lines a record spans (1 + the CR, LF and CRLF breaks inside its quoted values)."""
    n = 1
    for value in row:
        if "\n" in value or "\r" in value:
            n += value.count("\n") + value.count("\r") - value.count("\r\n")
    return n


def _first_quote_closes(line: str, d: str) -> bool | None:
    """Does this line's first quote close an open quoted field? None when the line has no quote."""
    q = line.find('"')
    if q == -1:
        return None
    if q > 0 and line[q - 1] == d:
        return False  # an opening quote of a new field: the open one was never closed
    after = line[q + 1 : q + 2]
    if after == '"':
        return None  # an escaped quote inside the still-open field; keep looking
    return after in ("", d) or line[q + 1 :].lstrip(" ") == ""


def _closes_later(lines: list[str], j: int, d: str, horizon: int = 50) -> bool:
    for line in lines[j : j + horizon]:
        verdict = _first_quote_closes(line, d)
        if verdict is not None:
            return verdict
    return False


def _parse_record(lines: list[str], i: int, d: str):
    """Parse one record starting at physical line ``i``; returns (fields, next line, repairs)."""
    fields: list[str] = []
    repairs: list[Message] = []
    line, pos = lines[i], 0
    while True:
        if pos < len(line) and line[pos] == '"':
            pos += 1
            buf: list[str] = []
            while True:
                q = line.find('"', pos)
                if q == -1:
                    if i + 1 < len(lines) and _closes_later(lines, i + 1, d):
                        buf.append(line[pos:] + "\n")
                        i += 1
                        line, pos = lines[i], 0
                        continue
                    buf.append(line[pos:])
                    pos = len(line)
                    repairs.append(_UNCLOSED_QUOTE)
                    break
                buf.append(line[pos:q])
                nxt = line[q + 1 : q + 2]
                if nxt == '"':
                    buf.append('"')
                    pos = q + 2
                    continue
                rest = line[q + 1 :]
                if nxt in ("", d) or rest.lstrip(" ") == "" or rest.lstrip(" ").startswith(d):
                    pos = q + 1 + (len(rest) - len(rest.lstrip(" ")))
                    break
                buf.append('"')
                pos = q + 1
                if _STRAY_QUOTES not in repairs:
                    repairs.append(_STRAY_QUOTES)
            fields.append("".join(buf))
        else:
            nd = line.find(d, pos)
            if nd == -1:
                fields.append(line[pos:])
                pos = len(line)
            else:
                fields.append(line[pos:nd])
                pos = nd
        if pos >= len(line):
            return fields, i + 1, repairs
        pos += 1  # the delimiter
        if pos == len(line):
            fields.append("")
            return fields, i + 1, repairs


def _parse_lenient(text, d, name, max_columns, max_rows, cancel):
    lines = _split_lines(text)
    if lines and lines[-1] == "":
        lines.pop()
    records: list[list[str]] = []
    starts: list[int] = []
    warnings: list[Message] = []
    i = 0
    while i < len(lines):
        start = i
        if lines[i] == "":
            fields, i, repairs = [], i + 1, []
        else:
            fields, i, repairs = _parse_record(lines, i, d)
        if len(fields) > max_columns:
            raise _too_wide(name, len(fields), max_columns)
        records.append(fields)
        starts.append(start + 1)
        for r in repairs:
            warnings.append(Message(M.AT_LINE, start + 1, r))
        if len(records) % 10_000 == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if len(records) > max_rows + 1:
                raise _too_long(name, max_rows)
    if len(records) > max_rows + 1:
        raise _too_long(name, max_rows)
    return records, starts, warnings


# -- row repairs against the header ---------------------------------------------------------------
def repair_rows(
    rows: list[list[str]], starts: list[int], width: int, delimiter: str
) -> tuple[list[list[str]], list[int], list[Message]]:
    """Fit every data row to ``width`` fields; drop blank rows. Returns rows, start lines, warnings.

    Well-formed rows (the million-row common case) are found by one cheap pass and left alone;
    only the few odd rows are repaired, in order, since a continuation line joins the row above.
    ``rows`` is modified in place.
    """
    odd = [i for i, r in enumerate(rows) if len(r) != width or not (r[0].strip() or "".join(r).strip())]
    if not odd:
        return rows, starts, []
    dropped: set[int] = set()
    warnings: list[Message] = []
    others = [c for c in CANDIDATES if c != delimiter]
    short = long_ = 0
    first_short = first_long = 0
    for i in odd:
        row, line = rows[i], starts[i]
        if not row or not "".join(row).strip():
            dropped.add(i)
            continue
        if len(row) == 1 and width > 1:
            resplit = _resplit(row[0], others, width)
            if resplit is not None:
                warnings.append(Message(M.AT_LINE, line, Message(M.OTHER_DELIMITER)))
                rows[i] = resplit
                continue
            above = _kept_above(i, dropped)
            if above is not None and _continues(rows[above][-1], row[0]):
                rows[above][-1] += "\n" + row[0]
                dropped.add(i)
                warnings.append(Message(M.AT_LINE, line, Message(M.LINE_BREAK)))
                continue
        if len(row) < width:
            short += 1
            first_short = first_short or line
            rows[i] = row + [""] * (width - len(row))
        else:
            if any(c.strip() for c in row[width:]):
                long_ += 1
                first_long = first_long or line
            rows[i] = row[:width]
    if short:
        warnings.append(Message(M.SHORT_ROWS, short, first_short))
    if long_:
        warnings.append(Message(M.LONG_ROWS, long_, first_long))
    if dropped:
        keep = [i for i in range(len(rows)) if i not in dropped]
        rows = [rows[i] for i in keep]
        starts = [starts[i] for i in keep]
    return rows, starts, warnings


def _continues(last: str, line: str) -> bool:
    """Could ``line`` be the rest of a text value ``last`` broken by an unquoted line break?

    Only free text (a note, an address) is broken like this; an e-mail, phone or number above, or
    an e-mail on the line, means the line is a separate short record instead.
    """
    return bool(last.strip()) and "@" not in last and "@" not in line and any(c.isalpha() for c in last)


def _kept_above(i: int, dropped: set[int]) -> int | None:
    """The nearest row above ``i`` that is kept (blank and merged rows are not)."""
    j = i - 1
    while j >= 0 and j in dropped:
        j -= 1
    return j if j >= 0 else None


def _resplit(text: str, others: list[str], width: int) -> list[str] | None:
    for d in others:
        if d in text:
            try:
                fields = next(csv.reader([text], delimiter=d))
            except (csv.Error, StopIteration):
                continue
            if len(fields) == width:
                return fields
    return None

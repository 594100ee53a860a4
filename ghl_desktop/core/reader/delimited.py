"""Delimited text (CSV/TSV/TXT): detect the delimiter, parse fast, repair what real exports break.

The C ``csv`` module parses well-formed files (the common case, a million rows in seconds). Only
when it reports malformed quoting does the slower lenient parser run, which repairs what exports
really do: quotes inside quoted fields that are not doubled, a quote that is never closed. Rows are
then repaired against the header width: a row written with another delimiter, a line broken inside
an unquoted field, and ragged rows. Every repair is reported as a warning a person can read.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from typing import Callable

from ..errors import Cancelled, InputError

CANDIDATES = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_LINES = re.compile(r"\r\n|\r|\n")
_SAMPLE_CHARS = 256 * 1024
_SAMPLE_RECORDS = 50

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
                if any(c.strip() for c in row):
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


def delimiter_name(d: str | None) -> str:
    return _NAMES.get(d or "", repr(d))


# -- parsing ----------------------------------------------------------------------------------
def parse(
    text: str,
    delimiter: str,
    *,
    name: str,
    max_columns: int,
    max_rows: int,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[list[str]], list[int], list[str]]:
    """(records, 1-based start line of each, warnings). Blank records are kept (as [])."""
    try:
        records, starts = _parse_strict(text, delimiter, name, max_columns, max_rows, cancel)
        return records, starts, []
    except csv.Error:
        records, lines, warnings = _parse_lenient(text, delimiter, name, max_columns, max_rows, cancel)
        return records, lines, warnings


def _too_wide(name: str, n: int, limit: int) -> InputError:
    return InputError(f"{name}: a row has {n:,} columns; the limit is {limit:,} (is this really a contact list?)")


def _too_long(name: str, limit: int) -> InputError:
    return InputError(f"{name}: has more than {limit:,} rows, the limit (change it in the settings or split the file)")


def _parse_strict(text, d, name, max_columns, max_rows, cancel):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=d, strict=True)
    records: list[list[str]] = []
    starts: list[int] = []
    prev = 0
    for row in reader:
        if len(row) > max_columns:
            raise _too_wide(name, len(row), max_columns)
        records.append(row)
        starts.append(prev + 1)
        prev = reader.line_num
        if len(records) % 10_000 == 0:
            if cancel is not None and cancel():
                raise Cancelled()
            if len(records) > max_rows + 1:
                raise _too_long(name, max_rows)
    if len(records) > max_rows + 1:
        raise _too_long(name, max_rows)
    return records, starts


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
    repairs: list[str] = []
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
                    repairs.append("a quote was never closed; closed at the end of the line")
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
                if "unescaped quotes inside a quoted value were kept as text" not in repairs:
                    repairs.append("unescaped quotes inside a quoted value were kept as text")
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
    lines = _LINES.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    records: list[list[str]] = []
    starts: list[int] = []
    warnings: list[str] = []
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
            warnings.append(f"line {start + 1}: {r}")
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
) -> tuple[list[list[str]], list[int], list[str]]:
    """Fit every data row to ``width`` fields; drop blank rows. Returns rows, start lines, warnings."""
    out: list[list[str]] = []
    out_lines: list[int] = []
    warnings: list[str] = []
    others = [c for c in CANDIDATES if c != delimiter]
    short = long_ = 0
    first_short = first_long = 0
    for row, line in zip(rows, starts):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) == 1 and width > 1:
            resplit = _resplit(row[0], others, width)
            if resplit is not None:
                warnings.append(f"line {line}: written with another delimiter; split to match the header")
                row = resplit
            elif out and len(out[-1]) == width and out[-1][-1].strip():
                out[-1][-1] += "\n" + row[0]
                warnings.append(
                    f"line {line}: a line break inside an unquoted value; joined to the row above"
                )
                continue
        if len(row) < width:
            short += 1
            first_short = first_short or line
            row = row + [""] * (width - len(row))
        elif len(row) > width:
            extra = row[width:]
            if any(c.strip() for c in extra):
                long_ += 1
                first_long = first_long or line
            row = row[:width]
        out.append(row)
        out_lines.append(line)
    if short:
        warnings.append(
            f"{short:,} row(s) had fewer values than the header (first at line {first_short}); "
            "the missing ones were left empty"
        )
    if long_:
        warnings.append(
            f"{long_:,} row(s) had more values than the header (first at line {first_long}); "
            "the extra values were dropped"
        )
    return out, out_lines, warnings


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

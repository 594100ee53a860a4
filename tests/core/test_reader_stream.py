"""The stream reader (straight into columns, block by block) reads exactly as the row-wise reader.

Random messy texts (every delimiter and line end, quotes, quoted line breaks, blank and ragged
rows, rows in another delimiter, broken lines, titles above the header, malformed quotes, rows
wider than the header) are read both ways, with tiny blocks so every block boundary is crossed.
"""

import csv
import io
import random
from pathlib import Path

import pytest

from ghl_desktop.core.errors import InputError
from ghl_desktop.core.limits import Limits
from ghl_desktop.core.task import TaskState
from ghl_desktop.core.reader import _from_rows, _parse_parts, delimited, stream

CELLS = ["Ana", "a@x.com", "", " ", "São Paulo", "11 98765-4321", "x, y", 'ele "oi"', "primeira\nsegunda",
         "a\r\nb", "a\rb", "Nome", "Email", "Telefone", "1,50", "b;c", "\ufeffNome", "nota livre", "x|y", "t\tab"]


def row_wise(text: str, limits: Limits):
    """The reference: the whole-file row-wise parse, header detection and repairs."""
    p = Path("t.csv")
    d = delimited.detect_delimiter(text)
    try:
        records, starts, warnings = delimited.parse(
            text, d, name=p.name, max_columns=limits.max_columns, max_rows=limits.max_rows
        )
        t = _from_rows(p, "csv", "utf-8", d, None, records, starts, warnings=warnings, limits=limits)
    except InputError as exc:
        return ("refused", str(exc))
    return (t.header, t.header_row, t.rows, t.row_numbers, t.warnings, t.delimiter)


def streamed(parts: list[str], limits: Limits):
    try:
        t = _parse_parts(Path("t.csv"), parts, "utf-8", limits=limits)
    except InputError as exc:
        return ("refused", str(exc))
    return (t.header, t.header_row, t.rows, t.row_numbers, t.warnings, t.delimiter)


def messy_text(rng: random.Random) -> str:
    d = rng.choice([",", ";", "\t", "|"])
    width = rng.randint(1, 6)
    mess = rng.choice([0, 0.05, 0.3, 1])
    lines = []
    if rng.random() < 0.2:
        lines.append("Lista de contatos" + d)
    header = rng.sample(["Nome", "Email", "Telefone", "Cidade", "Empresa", "Tags", "Obs", "Nome"], width)
    lines.append(d.join(header))
    wide = rng.random() < 0.1
    quote_all = rng.random() < 0.1
    for i in range(rng.choice([0, 1, 3, 40, 400, 1300])):
        r = rng.random()
        if r < 0.03 * mess:
            lines.append("")
            continue
        if r < 0.05 * mess:
            lines.append(d * (width - 1))
            continue
        w = width + (1 if wide and rng.random() < 0.8 else 0)
        if rng.random() < 0.05 * mess:
            w = rng.randint(1, width + 2)
        cells = [rng.choice(CELLS) if rng.random() < 0.4 * (mess > 0) else f"v{i}_{j}" for j in range(w)]
        buf = io.StringIO()
        other = rng.choice([",", ";"]) if rng.random() < 0.03 * mess else d
        quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
        csv.writer(buf, delimiter=other, lineterminator="", quoting=quoting).writerow(cells)
        line = buf.getvalue()
        if rng.random() < 0.01 * mess:
            line += '"x'  # a malformed quote
        lines.append(line)
        if rng.random() < 0.02 * mess:
            lines.append("continua aqui")
    terms = rng.choice([["\n"], ["\r\n"], ["\r"], ["\n", "\r\n", "\r"]])
    return "".join(line + rng.choice(terms) for line in lines)


def line_aligned_parts(text: str, rng: random.Random) -> list[str]:
    """``text`` cut into parts that each end at a line end, as ``decode_parts`` gives them."""
    parts, start = [], 0
    while True:
        at = start + rng.randint(1, 300)
        ends = [i for i in (text.find("\n", at), text.find("\r", at)) if i != -1]
        if at >= len(text) or not ends:
            break
        cut = min(ends)
        if text[cut] == "\r" and text[cut + 1 : cut + 2] == "\n":
            cut += 1
        parts.append(text[start : cut + 1])
        start = cut + 1
    parts.append(text[start:])
    return parts


@pytest.mark.parametrize("seed", range(40))
def test_stream_reads_exactly_as_the_row_wise_reader(seed, monkeypatch):
    rng = random.Random(seed)
    for _ in range(15):
        text = messy_text(rng)
        monkeypatch.setattr(stream, "BLOCK_CHARS", rng.choice([1, 7, 50, 300, 5000, 256 * 1024]))
        monkeypatch.setattr(stream, "HEAD_CHARS", rng.choice([1, 30, 1000, 64 * 1024]))
        limits = Limits(max_rows=rng.choice([5_000_000, 100]), max_columns=rng.choice([2000, 4]))
        expected = row_wise(text, limits)
        assert streamed([text], limits) == expected
        assert streamed(line_aligned_parts(text, rng), limits) == expected


@pytest.mark.parametrize("seed", range(20))
def test_rows_reported_final_never_change(seed, monkeypatch):
    """``on_final_rows`` lets the helper process start on rows while the file is still read: every
    row it reports as final must end up exactly so, in the very lists the read returns."""
    rng = random.Random(1000 + seed)
    checked = tries = 0
    while tries < 15 or (not checked and tries < 200):
        tries += 1
        text = messy_text(rng)
        monkeypatch.setattr(stream, "BLOCK_CHARS", rng.choice([1, 7, 50, 300, 5000]))
        monkeypatch.setattr(stream, "HEAD_CHARS", rng.choice([1, 30, 1000]))
        seen = []  # (the lists reported, a copy of the rows reported final)

        def told(header, columns, n):
            seen.append((columns, [col[:n] for col in columns]))

        try:
            t = _parse_parts(Path("t.csv"), line_aligned_parts(text, rng), "utf-8", on_final_rows=told)
        except InputError:
            continue
        final = t.take_columns()
        for columns, rows in seen:
            if columns is not final:  # the stream gave up; a caller sees other lists and drops its work
                continue
            for got, now in zip(rows, final):
                assert got == now[: len(got)]
                checked += len(got)
    assert checked  # the texts did report rows


def test_a_long_read_reports_its_progress_block_by_block(monkeypatch, tmp_path):
    """A large file no longer sits at 0% while it is read (seconds for millions of rows)."""
    from ghl_desktop.core.pipeline import ConvertOptions, read_sources

    monkeypatch.setattr(stream, "BLOCK_CHARS", 2_000)
    path = tmp_path / "longa.csv"
    path.write_text("Nome;Email\n" + "".join(f"Pessoa {i};p{i}@x.com\n" for i in range(5_000)), encoding="utf-8")
    seen = []
    read_sources([path], ConvertOptions(), state=TaskState(progress=lambda stage, frac: seen.append((stage, frac))))
    reading = [f for stage, f in seen if stage == "reading"]
    assert len(reading) > 20 and reading == sorted(reading)
    assert 0 < reading[len(reading) // 2] < reading[-1]


@pytest.mark.parametrize("seed", range(20))
def test_a_read_keeping_some_columns_reads_them_exactly(seed, monkeypatch):
    """``keep``: the columns kept are those of a full read, cell for cell; the others hold the rows
    read when ``keep`` was asked (which it saw, as they end up) and "" after them; the rows, their
    line numbers and the warnings are the full read's (a line continuing the last cell of an earlier
    block still does when that column is left out)."""
    rng = random.Random(2000 + seed)
    compared = 0
    for _ in range(15):
        text = messy_text(rng)
        monkeypatch.setattr(stream, "BLOCK_CHARS", rng.choice([1, 7, 50, 300, 5000]))
        monkeypatch.setattr(stream, "HEAD_CHARS", rng.choice([1, 30, 1000]))
        monkeypatch.setattr(stream, "HEAD_RECORDS", rng.choice([1, 5, 1000]))
        parts = line_aligned_parts(text, rng)
        try:
            full = _parse_parts(Path("t.csv"), parts, "utf-8")
        except InputError:
            continue
        asked = []

        def keep(header, columns):
            width = len(header)
            kept = [j for j in range(width) if rng.random() < 0.5]
            if rng.random() < 0.5 and width - 1 in kept:
                kept.remove(width - 1)  # the last column, which a broken line continues
            asked.append([col[:] for col in columns])
            return kept

        part = _parse_parts(Path("t.csv"), parts, "utf-8", keep=keep)
        assert (part.header, part.header_row, part.row_numbers, part.warnings) == \
            (full.header, full.header_row, full.row_numbers, full.warnings)
        unread, first = part.unread
        want = full.columns
        for j, col in enumerate(part.columns):
            if j in unread:
                assert col == want[j][:first] + [""] * (len(want[j]) - first)
                compared += 1
            else:
                assert col == want[j]
        if unread:  # the stream read it (not the row-wise reader, which keeps every column)
            seen = max(first - 1, 0)  # the last row read then may be continued by a later line
            assert [col[:seen] for col in asked[0]] == [col[:seen] for col in want]
    assert compared

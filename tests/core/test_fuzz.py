"""Fuzzing: random bytes and random CSV dialects into the reader and the whole pipeline.

Only our own input errors may come out — never a traceback. A short run in CI; the long run on
demand: ``HYPOTHESIS_PROFILE=long python -m pytest tests/core/test_fuzz.py``.
"""

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghl_desktop.core.errors import InputError
from ghl_desktop.core.pipeline import convert
from ghl_desktop.core.reader import read_source

_SUFFIXES = [".csv", ".tsv", ".txt", ".xlsx", ".xls", ".xlsm"]
_HEADS = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe", b"%PDF", b"Nome;Email\n"]


def _try_read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"f{suffix}"
        p.write_bytes(data)
        try:
            t = read_source(p)
        except InputError as exc:
            assert str(exc) and "\n" not in str(exc).strip()
            return
        assert t.header and all(len(r) == len(t.header) for r in t.rows)
        assert len(t.row_numbers) == len(t.rows)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_HEADS), st.binary(max_size=2000), st.sampled_from(_SUFFIXES))
def test_random_bytes_only_input_errors(head, body, suffix):
    _try_read(head + body, suffix)


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=15)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(_cell, min_size=1, max_size=6), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|", ":"]),
    quotechar=st.sampled_from(['"', "'"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]),
    terminator=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_random_dialects_through_the_whole_pipeline(rows, delimiter, quotechar, quoting, terminator, encoding):
    buf = io.StringIO()
    try:
        csv.writer(buf, delimiter=delimiter, quotechar=quotechar, quoting=quoting, lineterminator=terminator,
                   escapechar="\\").writerows(rows)
        data = buf.getvalue().encode(encoding)
    except (csv.Error, UnicodeEncodeError):
        return
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "f.csv"
        p.write_bytes(data)
        try:
            result = convert([p])
        except InputError:
            return
        assert result.report["total_rows"] >= 0
        result.export(Path(d) / "out.csv")

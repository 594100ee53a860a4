"""The export writes exactly the bytes the csv module writes for the exported rows."""

import csv
import io
import random

import pytest

from ghl_desktop.core import fields as F
from ghl_desktop.core.assemble import flagged_fields
from ghl_desktop.core.export import SLICE_ROWS, write_export
from ghl_desktop.core.normalize import neutralize_formula
from ghl_desktop.core.table import ContactTable

VALUES = ["", "", "Ana", "a,b", 'x "q" y', "line\nbreak", "cr\rx", "crlf\r\ny", "=SUM(1)", "+55 11", "-x",
          "@me", " =x", "\t=y", "ç é", "😀", '"', ",", " ", "＝full"]


def reference(table: ContactTable, lo: int = 0, hi: int | None = None) -> bytes:
    rows = table.exported_rows()[lo:hi]
    risky = set(flagged_fields())
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(F.GHL_COLUMNS)
    for r in rows:
        values = [table.columns[c][r] for c in F.GHL_COLUMNS]
        writer.writerow([neutralize_formula(v) if c in risky else v for c, v in zip(F.GHL_COLUMNS, values)])
    return buf.getvalue().encode("utf-8")


@pytest.mark.parametrize("seed", range(6))
def test_export_bytes_equal_the_csv_module(tmp_path, seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 37, SLICE_ROWS + 3, 2 * SLICE_ROWS + 1])
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        t.columns[c] = [rng.choice(VALUES) if rng.random() < 0.5 else f"{c[:2]}{i}" for i in range(n)]
    t.sources = [(0, i) for i in range(n)]
    t.excluded = {r for r in range(n) if rng.random() < 0.05}
    write_export(t, tmp_path / "one.csv", split_rows=0)
    assert (tmp_path / "one.csv").read_bytes() == reference(t)
    split = rng.choice([1, 7, SLICE_ROWS])
    res = write_export(t, tmp_path / "part.csv", split_rows=split)
    if len(res.paths) > 1:
        for k, path in enumerate(res.paths):
            assert path.read_bytes() == reference(t, k * split, (k + 1) * split)


@pytest.mark.parametrize("seed", range(12))
def test_export_bytes_with_empty_and_plain_columns_equal_the_csv_module(tmp_path, seed):
    """Columns all empty (at either end, in runs inside), plain, or holding one odd value: the
    shapes whose slices are written without looking at each value (``export._slice_text``)."""
    rng = random.Random(seed)
    n = rng.choice([1, 2, 37, SLICE_ROWS + 3])
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        shape = rng.choice(["empty", "empty", "plain", "one odd", "NUL"])
        col = [""] * n if shape == "empty" else [f"{c[:3]} {i}" for i in range(n)]
        if shape == "one odd":
            col[rng.randrange(n)] = rng.choice(VALUES[2:])
        elif shape == "NUL":
            col[rng.randrange(n)] = rng.choice(["a\x00=b", "\x00", "=\x00", "x\x00"])
        t.columns[c] = col
    t.columns[F.FIRST_NAME] = [f"Ana {i}" for i in range(n)]  # every row exported
    t.sources = [(0, i) for i in range(n)]
    write_export(t, tmp_path / "out.csv", split_rows=0)
    assert (tmp_path / "out.csv").read_bytes() == reference(t)


def test_a_slice_of_empty_columns_is_only_commas():
    from ghl_desktop.core.export import _slice_text

    assert _slice_text([None, None, None], 2) == ",,\r\n,,\r\n"
    assert _slice_text([None, ["a", "b"], None, None, ["c", "d"], None], 2) == ",a,,,c,\r\n,b,,,d,\r\n"
    assert _slice_text([["a"], None, ["b"]], 1) == "a,,b\r\n"


@pytest.fixture(scope="module")
def helper():
    from ghl_desktop.core.parallel import ChunkHelper

    h = ChunkHelper()
    h.start()
    yield h
    h.close()


def _table(seed: int, n: int) -> ContactTable:
    rng = random.Random(seed)
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        shape = rng.choice(["empty", "mixed", "mixed"])
        t.columns[c] = [""] * n if shape == "empty" else [
            rng.choice(VALUES) if rng.random() < 0.3 else f"{c[:2]}{i}" for i in range(n)]
    t.sources = [(0, i) for i in range(n)]
    t.excluded = {r for r in range(n) if rng.random() < 0.05}
    return t


@pytest.mark.parametrize("seed", range(4))
def test_an_export_formatted_by_both_processes_is_the_same_bytes(tmp_path, monkeypatch, helper, seed):
    from ghl_desktop.core import export

    monkeypatch.setattr(export, "SLICE_ROWS", 50)
    calls = []
    real_call = type(helper).call
    monkeypatch.setattr(type(helper), "call", lambda self, *a: calls.append(1) or real_call(self, *a))
    t = _table(seed, 1_234)
    write_export(t, tmp_path / "one.csv", split_rows=0, helper=helper)
    assert (tmp_path / "one.csv").read_bytes() == reference(t)
    res = write_export(t, tmp_path / "part.csv", split_rows=300, helper=helper)
    assert len(res.paths) == 4
    for k, path in enumerate(res.paths):
        assert path.read_bytes() == reference(t, k * 300, (k + 1) * 300)
    assert calls  # the helper formatted some of it
    assert helper.active


def test_a_helper_failing_during_an_export_only_means_this_process_writes_the_rest(tmp_path, monkeypatch):
    from ghl_desktop.core import export
    from ghl_desktop.core.parallel import ChunkHelper

    monkeypatch.setattr(export, "SLICE_ROWS", 50)
    h = ChunkHelper()
    h.start()
    answered = []
    real_value = ChunkHelper.value

    def value(self, pending):
        if len(answered) == 1:  # the second answer never comes: the process died (two are sent first)
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise_later = real_value(self, [_dead_future()])
            answered.append(raise_later)
            return raise_later
        answered.append(1)
        return real_value(self, pending)

    monkeypatch.setattr(ChunkHelper, "value", value)
    t = _table(9, 1_000)
    try:
        write_export(t, tmp_path / "out.csv", split_rows=0, helper=h)
    finally:
        h.close()
    assert (tmp_path / "out.csv").read_bytes() == reference(t)
    assert answered[1] is None and h.failed


def _dead_future():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    f = Future()
    f.set_exception(BrokenProcessPool("the helper died"))
    return f

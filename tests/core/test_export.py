"""The GHL CSV: exact header, split parts, rejects, atomic writes, formula neutralizing."""

import csv
import os
import threading
from pathlib import Path

import pytest

from ghl_desktop.core.assemble import flag_row_problems

from ghl_desktop.core.speed import tuning
from ghl_desktop.core import atomic
from ghl_desktop.core import schema as F
from ghl_desktop.core.export import write_export
from ghl_desktop.core.table import ContactTable

GHL_HEADER = ["First Name", "Last Name", "Email", "Phone", "Company Name", "Address", "City", "State",
              "Postal Code", "Country", "Date of Birth", "Website", "Source", "Tags",
              "Additional Emails", "Additional Phones", "Notes"]


def make_table(n: int) -> ContactTable:
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        t.columns[c] = [""] * n
    t.columns[F.FIRST_NAME] = [f"P{i}" for i in range(n)]
    t.columns[F.EMAIL] = [f"p{i}@x.com" for i in range(n)]
    t.sources = [(0, i) for i in range(n)]
    return t


def read(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_header_is_exactly_the_ghl_contract(tmp_path):
    assert list(F.GHL_COLUMNS) == GHL_HEADER
    write_export(make_table(2), tmp_path / "out.csv")
    rows = read(tmp_path / "out.csv")
    assert rows[0] == GHL_HEADER and len(rows) == 3
    assert not (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_long_export_is_split_into_numbered_parts(tmp_path):
    res = write_export(make_table(25_001), tmp_path / "out.csv", split_rows=10_000)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["out-part001.csv", "out-part002.csv", "out-part003.csv"]
    sizes = [len(read(tmp_path / n)) - 1 for n in names]
    assert sizes == [10_000, 10_000, 5_001] and res.rows == 25_001
    assert all(read(tmp_path / n)[0] == GHL_HEADER for n in names)


def test_split_zero_never_splits_and_stale_parts_go(tmp_path):
    write_export(make_table(30), tmp_path / "out.csv", split_rows=10)
    assert (tmp_path / "out-part003.csv").exists()
    write_export(make_table(30), tmp_path / "out.csv", split_rows=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    assert len(read(tmp_path / "out.csv")) == 31


def test_rows_without_name_email_or_phone_and_excluded_rows_are_not_exported(tmp_path):
    t = make_table(3)
    t.columns[F.FIRST_NAME][1] = ""
    t.columns[F.EMAIL][1] = ""
    t.columns["Company Name"][1] = "Only a company"
    t.excluded.add(2)
    flag_row_problems(t, range(len(t)))  # as normalizing does: row 1 has no name, email or phone
    res = write_export(t, tmp_path / "out.csv", rejects_path=tmp_path / "rej.csv")
    assert [r[0] for r in read(tmp_path / "out.csv")[1:]] == ["P0"]
    rej = read(tmp_path / "rej.csv")
    assert rej[0][:6] == ["File", "Row", "Field", "Value", "Reason", "In the export"]
    # The row with no name, email or phone is a row to fix; the excluded row has no problem (the
    # person left it out), so it is not one.
    assert res.rejects == 1 and len(rej) == 2
    assert rej[1][1] == "2" and rej[1][2] == "(whole row)" and rej[1][5] == "not exported"
    assert "no name, email or phone" in rej[1][4]


def test_formula_cells_are_neutralized_but_e164_phones_are_not(tmp_path):
    t = make_table(1)
    t.columns["Company Name"][0] = "=HYPERLINK(\"http://evil\",\"x\")"
    t.columns[F.NOTES][0] = "@SUM(1+1)*cmd|' /C calc'!A0"
    t.columns[F.PHONE][0] = "+5511987654321"
    write_export(t, tmp_path / "out.csv")
    row = dict(zip(GHL_HEADER, read(tmp_path / "out.csv")[1]))
    assert row["Company Name"].startswith("'=")
    assert row["Notes"].startswith("'@")
    assert row["Phone"] == "+5511987654321"


def test_failure_part_way_leaves_no_output_at_all(tmp_path, monkeypatch):
    real_replace = os.replace
    calls = {"n": 0}

    def flaky_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", flaky_replace)
    with pytest.raises(OSError):
        write_export(make_table(25), tmp_path / "out.csv", split_rows=10)
    assert list(tmp_path.iterdir()) == []


def test_failure_while_writing_keeps_the_previous_export(tmp_path, monkeypatch):
    write_export(make_table(2), tmp_path / "out.csv")
    before = (tmp_path / "out.csv").read_bytes()
    import ghl_desktop.core.export as export

    def boom(*a, **k):
        raise RuntimeError("disk vanished")

    monkeypatch.setattr(export, "write_tofix", boom)
    with pytest.raises(RuntimeError):
        write_export(make_table(5), tmp_path / "out.csv", rejects_path=tmp_path / "rej.csv")
    assert (tmp_path / "out.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


class _FailingFile:
    """A part file whose ``write`` fails once ``budget`` (shared by the parts) is used up (a disk
    filling up), as the export's writer thread meets it."""

    def __init__(self, real, budget: dict) -> None:
        self._real, self._budget = real, budget

    def write(self, data):
        if self._budget["writes"] <= 0:
            raise OSError(28, "No space left on device")
        self._budget["writes"] -= 1
        return self._real.write(data)

    def __getattr__(self, name):
        return getattr(self._real, name)


@pytest.mark.parametrize("ok_writes", [0, 1, 3, 7, 15])
def test_a_write_failing_on_the_writer_thread_fails_the_export_and_leaves_nothing(tmp_path, monkeypatch,
                                                                                  ok_writes):
    import builtins

    import ghl_desktop.core.export as export

    real_open = builtins.open
    opened = []
    budget = {"writes": ok_writes}

    def failing_open(path, mode="r", *a, **k):
        fh = real_open(path, mode, *a, **k)
        if "w" in mode and str(path).endswith(".tmp"):
            fh = _FailingFile(fh, budget)
            opened.append(fh)
        return fh

    monkeypatch.setattr(tuning, "SLICE_ROWS", 3)  # many slices: the failure comes mid-stream
    monkeypatch.setattr(builtins, "open", failing_open)
    with pytest.raises(OSError, match="No space"):
        write_export(make_table(40), tmp_path / "out.csv", split_rows=15)
    monkeypatch.undo()
    assert opened and all(fh.closed for fh in opened)
    assert list(tmp_path.iterdir()) == []
    assert not [t for t in threading.enumerate() if t.name == "export-writer"]


def test_a_cancel_mid_export_leaves_nothing_and_no_writer_thread(tmp_path, monkeypatch):
    import ghl_desktop.core.export as export
    from ghl_desktop.core.errors import Cancelled

    monkeypatch.setattr(tuning, "SLICE_ROWS", 2)
    asked = {"n": 0}

    def cancel() -> bool:
        asked["n"] += 1
        return asked["n"] > 6

    with pytest.raises(Cancelled):
        write_export(make_table(40), tmp_path / "out.csv", split_rows=9, cancel=cancel)
    assert list(tmp_path.iterdir()) == []
    assert not [t for t in threading.enumerate() if t.name == "export-writer"]


def test_writes_go_through_the_writer_thread_in_order(tmp_path, monkeypatch):
    """Every slice is written by the writer thread, in order: the bytes equal a one-thread export."""
    import ghl_desktop.core.export as export

    monkeypatch.setattr(tuning, "SLICE_ROWS", 4)
    t = make_table(57)
    write_export(t, tmp_path / "a.csv", split_rows=20)
    writers = set()
    real = export._WriteBehind.do

    def spy(self, fn, *args):
        writers.add(self._thread.name)
        return real(self, fn, *args)

    monkeypatch.setattr(export._WriteBehind, "do", spy)
    write_export(t, tmp_path / "b.csv", split_rows=20)
    assert writers == {"export-writer"}
    for i in (1, 2, 3):
        assert (tmp_path / f"a-part00{i}.csv").read_bytes() == (tmp_path / f"b-part00{i}.csv").read_bytes()

"""A workbook sheet read into columns while its rows are converted (``read_source`` with
``on_final_rows``) is exactly the table the row-wise read makes of it.

Every shape is read both ways and compared whole: header, header row, row numbers, warnings,
every cell. The slices are made tiny so that a few rows cross several of them, and a blank row or
anything else the column build leaves to ``_from_rows`` falls in the middle of the read.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ghl_desktop.core import reader
from ghl_desktop.core.errors import InputError
from ghl_desktop.core.reader import header as header_rules, read_source


@pytest.fixture(autouse=True)
def tiny_slices(monkeypatch):
    monkeypatch.setattr(reader, "_HEAD_ROWS", 12)
    monkeypatch.setattr(reader, "_HEADER_SAMPLE", 12)
    monkeypatch.setattr(header_rules, "WIDTH_ROWS", 12)  # header detection reads what the reader holds
    monkeypatch.setattr(reader, "_SLICE_ROWS", 3)


class Recorder:
    """An ``on_final_rows`` that checks what it is told: the same lists each time, rows only added."""

    def __init__(self):
        self.columns, self.snapshots = None, []

    def __call__(self, header, columns, n):
        if self.columns is None:
            self.columns = columns
        assert columns is self.columns
        self.snapshots.append([list(c[:n]) for c in columns])


def _table(src):
    return (src.format, src.sheet, src.header_row, src.header, src.row_numbers,
            [str(w) for w in src.warnings], src.columns)


def _both(path, **kw):
    """(row-wise table, column-built table, recorder); an InputError must be the same both ways."""
    try:
        expected = _table(read_source(path, **kw))
    except InputError as exc:
        with pytest.raises(InputError) as got:
            read_source(path, on_final_rows=Recorder(), **kw)
        assert str(got.value.message) == str(exc.message)
        return None, None, None
    rec = Recorder()
    src = read_source(path, on_final_rows=rec, **kw)
    got = _table(src)
    assert got == expected
    if rec.columns is not None and rec.columns is src.columns:  # built as columns: told rows only grew
        for snap in rec.snapshots:
            assert all(c[: len(s)] == s for c, s in zip(src.columns, snap))
    return expected, got, rec


def _save(tmp_path, rows, name="t.xlsx", **cells):
    wb = Workbook()
    ws = wb.active
    ws.title = "Contatos"
    for r in rows:
        ws.append(r)
    for ref, value in cells.items():
        ws[ref] = value
    path = tmp_path / name
    wb.save(path)
    return path


HEADER = ["Nome", "E-mail", "Telefone", "Cidade"]


def _people(n, start=0):
    return [[f"Pessoa {i}", f"p{i}@x.com.br", 5511987650000 + i, ["Recife", "Natal"][i % 2]]
            for i in range(start, start + n)]


def test_plain_sheet_is_built_as_columns_and_told_as_it_goes(tmp_path):
    path = _save(tmp_path, [HEADER, *_people(40)])
    expected, got, rec = _both(path)
    assert rec.columns is not None and len(rec.snapshots) > 5
    assert got[4][:2] == [2, 3] and got[6][2][0] == "5511987650000"


@pytest.mark.parametrize("blank_at", [1, 5, 13, 14, 30, 40, 41])
def test_blank_rows_anywhere_are_left_out_as_the_row_wise_read_does(tmp_path, blank_at):
    rows = [HEADER, *_people(40)]
    rows.insert(blank_at, [None, " ", "", "\t"])
    rows.insert(blank_at, [None, None, None, " "])
    rows.insert(3, [" "])
    expected, got, rec = _both(_save(tmp_path, rows))
    assert rec.columns is not None  # built as columns, the blank rows dropped on the way
    assert len(got[4]) == 40 and 4 not in got[4]


def test_only_blank_rows_under_the_header(tmp_path):
    _both(_save(tmp_path, [HEADER, [None, " "], [], ["\t", "", "", " "]]))


def test_blank_first_cell_of_a_filled_row_is_kept(tmp_path):
    rows = [HEADER, *_people(20)]
    rows[7][0] = "  "
    expected, got, rec = _both(_save(tmp_path, rows))
    assert rec.columns is not None


@pytest.mark.parametrize("shape", ["title", "narrow_header", "wide_rows", "bom", "renamed", "header_only",
                                   "empty", "away_from_a1", "dates", "booleans", "floats", "header_late"])
def test_other_shapes_read_the_same_both_ways(tmp_path, shape):
    people = _people(30)
    if shape == "title":
        rows = [["Lista de contatos 2024"], [], HEADER, *people]
    elif shape == "narrow_header":
        rows = [HEADER[:3], *people]
    elif shape == "wide_rows":
        rows = [HEADER, *[p + ["extra"] for p in people]]
    elif shape == "bom":
        rows = [["\ufeffNome", "E-mail", "E-mail", ""], *people]
    elif shape == "renamed":
        rows = [[" Nome  completo ", "E-mail", "e-mail", "Cidade"], *people]
    elif shape == "header_only":
        rows = [HEADER]
    elif shape == "empty":
        rows = []
    elif shape == "away_from_a1":
        rows = [[], [], *[[None, None, *r] for r in [HEADER, *people]]]
    elif shape == "dates":
        rows = [HEADER + ["Nascimento"], *[p + [dt.datetime(1990, 1, 1 + i % 28, i % 24)] for i, p in
                                          enumerate(people)]]
    elif shape == "booleans":
        rows = [HEADER + ["Ativo"], *[p + [i % 3 == 0] for i, p in enumerate(people)]]
    elif shape == "floats":
        rows = [HEADER, *[[p[0], p[1], 0.1 * i + 1e20 * (i % 2), p[3]] for i, p in enumerate(people)]]
    else:  # the header after the first rows read at once
        rows = [*([["nota"]] * 14), HEADER, *people]
    _both(_save(tmp_path, rows))


def test_several_sheets_and_a_named_sheet(tmp_path):
    wb = Workbook()
    wb.active.title = "Resumo"
    wb.active.append(["total", 3])
    ws = wb.create_sheet("Contatos")
    for r in [HEADER, *_people(25)]:
        ws.append(r)
    path = tmp_path / "two.xlsx"
    wb.save(path)
    _both(path)
    _both(path, sheet="contatos")
    _both(path, sheet="Resumo")
    _both(path, sheet="nope")


def test_padding_formats_are_applied_as_the_row_wise_read_does(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nome", "CEP"])
    for i in range(20):
        ws.append([f"P{i}", 1310100 + i])
        ws.cell(row=i + 2, column=2).number_format = "00000-000"
    path = tmp_path / "cep.xlsx"
    wb.save(path)
    expected, _, _ = _both(path)
    assert expected[6][1][0] == "01310-100"


_cell = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from(list("aZ &<>\"'ção@.-_ \t0123456789\u00e9\U0001f600")), max_size=8),
    st.integers(min_value=-10**16, max_value=10**16),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2099, 12, 31)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.text(alphabet="abcNomeE-mail ", max_size=6), min_size=1, max_size=5),
       body=st.lists(st.lists(_cell, max_size=6), max_size=25))
# The header's width is counted over the rows the reader holds: past them, a wider row would make
# the row-wise read (all rows) and the column build (its first rows) choose different headers.
@example(header=["E"], body=[[], [], [], [], [], [], [], [], [], ["0", "<"], [], ["0"]])
def test_random_sheets_read_the_same_both_ways(tmp_path_factory, header, body):
    path = _save(tmp_path_factory.mktemp("h"), [header, *body])
    _both(path)

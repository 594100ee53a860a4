"""Excel specifics: values exactly as the cell shows them, the contacts sheet, where the table starts."""

import datetime as dt

import openpyxl
import pytest
from openpyxl import Workbook

from ghl_desktop.core.errors import InputError
from ghl_desktop.core.limits import Limits
from ghl_desktop.core.reader import list_sheets, read_source
from ghl_desktop.core.reader.excel import cell_text
from ghl_desktop.core.reader.numfmt import padded_format, render_padded


def test_openpyxl_parses_with_defusedxml():
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize(
    "value,text",
    [
        (5511987654321.0, "5511987654321"),
        (5511987654321, "5511987654321"),
        (11987654321.0, "11987654321"),
        (-3.0, "-3"),
        (0.1 + 0.2, "0.3"),
        (1.5, "1.5"),
        (1e-05, "0.00001"),
        (12345678901234567890.0, "12345678901234600000"),
        (float("nan"), ""),
        (True, "TRUE"),
        (False, "FALSE"),
        (None, ""),
        ("  texto ", "  texto "),
        (dt.datetime(1990, 3, 15), "1990-03-15"),
        (dt.datetime(2024, 5, 1, 14, 30, 5), "2024-05-01 14:30:05"),
        (dt.date(1985, 12, 1), "1985-12-01"),
        (dt.time(9, 5), "09:05:00"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize(
    "code,value,shown",
    [
        ("00000\\-000", 1310100, "01310-100"),
        ("00000-000", 4538132.0, "04538-132"),
        ("00000000", 1310100, "01310100"),
        ('000"."000"."000"-"00', 1234567890, "012.345.678-90"),
        ("000\\.000\\.000\\-00", 12345678909, "123.456.789-09"),
        ("\\(00\\)\\ 0000\\-0000", 1133334444, "(11) 3333-4444"),
        ("00000-000", 123456789, "123456-789"),
        ("000", -7, "-007"),
    ],
)
def test_padding_formats_render_like_excel(code, value, shown):
    tokens = padded_format(code)
    assert tokens is not None
    assert render_padded(tokens, value) == shown


@pytest.mark.parametrize("code", ["General", "0", "0.00", "#,##0", "0%", "dd/mm/yyyy", "@", "[Red]00000", "0.0E+00", "00.00"])
def test_other_formats_are_not_padding(code):
    assert padded_format(code) is None


def test_padding_never_applies_to_fractions():
    assert render_padded(padded_format("00000"), 12.5) is None


def test_zero_padded_cep_and_cpf_keep_their_zeros(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nome", "CEP", "CPF", "Valor", "Celular"])
    for name, cep, cpf in [("Ana", 1310100, 1234567890), ("Bia", 20040002, 98765432100)]:
        ws.append([name, cep, cpf, 1234.5, 5511987654321])
        r = ws.max_row
        ws.cell(r, 2).number_format = "00000\\-000"
        ws.cell(r, 3).number_format = "000\\.000\\.000\\-00"
        ws.cell(r, 4).number_format = "#,##0.00"
    path = tmp_path / "cadastro.xlsx"
    wb.save(path)
    t = read_source(path)
    assert t.rows == [
        ["Ana", "01310-100", "012.345.678-90", "1234.5", "5511987654321"],
        ["Bia", "20040-002", "987.654.321-00", "1234.5", "5511987654321"],
    ]
    assert t.warnings == []


def test_table_away_from_a1_keeps_excel_row_numbers(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["C3"], ws["D3"], ws["E3"] = "Nome", "CEP", "Email"
    ws["C4"], ws["D4"], ws["E4"] = "Ana", 1310100, "ana@x.com"
    ws["D4"].number_format = "00000-000"
    ws["C6"], ws["D6"], ws["E6"] = "Bia", 4538132, "bia@x.com"
    path = tmp_path / "deslocada.xlsx"
    wb.save(path)
    t = read_source(path)
    assert t.header_row == 2 and t.header == ["Nome", "CEP", "Email"]
    assert t.rows == [["Ana", "01310-100", "ana@x.com"], ["Bia", "4538132", "bia@x.com"]]
    assert t.row_numbers == [4, 6]
    assert not any("skipped" in w for w in map(str, t.warnings))  # blank rows above are not titles


def test_hidden_and_empty_sheets_lose(tmp_path):
    wb = Workbook()
    wb.active.title = "Vazia"
    hidden = wb.create_sheet("Backup")
    hidden.append(["Nome", "Email", "Telefone"])
    for i in range(40):
        hidden.append([f"Velho {i}", f"v{i}@x.com", "1"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("Contatos")
    ws.append(["Nome", "Email"])
    ws.append(["Ana", "ana@x.com"])
    path = tmp_path / "varias.xlsx"
    wb.save(path)
    t = read_source(path)
    assert t.sheet == "Contatos" and t.rows == [["Ana", "ana@x.com"]]
    assert read_source(path, sheet="Backup").rows[0][0] == "Velho 0"
    with pytest.raises(InputError, match="varias.xlsx: the file is empty \\(sheet 'Vazia'\\)"):
        read_source(path, sheet="Vazia")
    assert list_sheets(path) == ["Vazia", "Backup", "Contatos"]


def test_header_words_beat_a_longer_sheet_without_them(tmp_path):
    wb = Workbook()
    log = wb.active
    log.title = "Log"
    log.append(["quando", "o que"])
    for i in range(30):
        log.append([f"2024-01-{i % 28 + 1:02d}", f"importação {i}"])
    ws = wb.create_sheet("Lista")
    ws.append(["Nome", "E-mail", "Celular"])
    for i in range(5):
        ws.append([f"P{i}", f"p{i}@x.com", 5511987654321 + i])
    path = tmp_path / "log.xlsx"
    wb.save(path)
    assert read_source(path).sheet == "Lista"


def test_a_sheet_over_the_limits_only_loses(tmp_path):
    wb = Workbook()
    junk = wb.active
    junk.title = "Dados"
    junk.append([f"c{i}" for i in range(10)])
    junk.append(list(range(10)))
    ws = wb.create_sheet("Contatos")
    ws.append(["Nome", "Email"])
    ws.append(["Ana", "ana@x.com"])
    path = tmp_path / "largas.xlsx"
    wb.save(path)
    assert read_source(path, limits=Limits(max_columns=5)).sheet == "Contatos"
    with pytest.raises(InputError, match="sheet 'Dados' has 10 columns; the limit is 5"):
        read_source(path, sheet="Dados", limits=Limits(max_columns=5))


def test_rows_over_the_limit_are_refused_before_reading(tmp_path):
    wb = Workbook()
    wb.active.append(["Nome", "Email"])
    for i in range(60):
        wb.active.append([f"P{i}", "x@x.com"])
    path = tmp_path / "longa.xlsx"
    wb.save(path)
    with pytest.raises(InputError, match="more than 5 rows"):
        read_source(path, limits=Limits(max_rows=5))


def test_xlsm_and_xls_with_dates(tmp_path):
    import xlwt

    wb = Workbook()
    wb.active.append(["Nome", "Nascimento", "Cadastro"])
    wb.active.append(["Ana", dt.date(1990, 3, 15), dt.datetime(2024, 5, 1, 8, 0, 30)])
    xlsm = tmp_path / "macro.xlsm"
    wb.save(xlsm)
    t = read_source(xlsm)
    assert t.format == "xlsm" and t.rows == [["Ana", "1990-03-15", "2024-05-01 08:00:30"]]

    book = xlwt.Workbook()
    sheet = book.add_sheet("Plan1")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for c, v in enumerate(["Nome", "Nascimento", "Telefone", "Ativo"]):
        sheet.write(0, c, v)
    sheet.write(1, 0, "Conceição")
    sheet.write(1, 1, dt.date(1985, 12, 1), date_style)
    sheet.write(1, 2, 5511987654321)
    sheet.write(1, 3, True)
    xls = tmp_path / "antigo.xls"
    book.save(str(xls))
    t = read_source(xls)
    assert t.format == "xls" and t.encoding is None and t.sheet == "Plan1"
    assert t.rows == [["Conceição", "1985-12-01", "5511987654321", "TRUE"]]
    assert list_sheets(xls) == ["Plan1"]


def test_entity_declaration_hidden_behind_a_long_comment(tmp_path):
    from test_reader_errors import rezip, xlsx_bytes

    lol = (
        b'<?xml version="1.0"?>\n<!--' + b" " * 6000 + b'-->\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>'
    )
    path = rezip(xlsx_bytes(), {}, tmp_path / "comentario.xlsx", add={"xl/sharedStrings.xml": lol})
    with pytest.raises(InputError, match="comentario.xlsx: .*entity"):
        read_source(path)


@pytest.mark.parametrize("block", [1, 7, 64, 4096])
def test_cell_tags_are_found_across_block_edges(block):
    import io
    import re

    from ghl_desktop.core.reader.numfmt import _tags

    xml = b"".join(b'<row r="%d"><c r="A%d" s="3"><v>%d</v></c><c r="B%d" s="1"/></row>' % (i, i, i, i) for i in range(1, 200))
    pattern = re.compile(rb'<(?:\w+:)?c\s[^>]*?\bs="(?:3)"[^>]*>')
    assert list(_tags(io.BytesIO(xml), pattern, block)) == pattern.findall(xml)


def test_each_sheet_is_loaded_once_and_padding_still_applies_away_from_a1(tmp_path, monkeypatch):
    """calamine parses the whole sheet on each ``get_sheet_by_name``: the reader asks once per
    sheet (the used range's first column, for the padded formats, comes from that one load), and a
    zero-padded number in a table that starts at column D keeps its zeros."""
    import python_calamine as pc

    wb = Workbook()
    ws = wb.active
    ws.title = "Contatos"
    ws["D2"], ws["E2"], ws["F2"] = "Nome", "CEP", "Celular"
    ws["D3"], ws["E3"], ws["F3"] = "Ana", 1310100, 5511987654321
    ws["E3"].number_format = "00000\\-000"
    ws["D4"], ws["E4"], ws["F4"] = "Bia", 20040002, "(11) 98765-4321"
    ws["E4"].number_format = "00000\\-000"
    other = wb.create_sheet("Notas")
    other["A1"] = "nada"
    path = tmp_path / "duas.xlsx"
    wb.save(path)
    loads = []
    real = pc.CalamineWorkbook.get_sheet_by_name

    class Counting:
        def __init__(self, wb):
            self._wb = wb

        def __getattr__(self, name):
            return getattr(self._wb, name)

        def get_sheet_by_name(self, name):
            loads.append(name)
            return real(self._wb, name)

    from ghl_desktop.core.reader import excel

    opened = excel._open
    monkeypatch.setattr(excel, "_open", lambda p: Counting(opened(p)))
    t = read_source(path)
    assert t.sheet == "Contatos"
    assert t.rows == [["Ana", "01310-100", "5511987654321"], ["Bia", "20040-002", "(11) 98765-4321"]]
    assert sorted(loads) == ["Contatos", "Notas"]  # each sheet once
    loads.clear()
    assert read_source(path, sheet="Contatos").rows == t.rows and loads == ["Contatos"]

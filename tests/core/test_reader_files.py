"""Reading the files people really have: Brazilian Excel, cp1252 ';' exports, UTF-16, TSV, titles."""

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ghl_desktop.core.errors import Cancelled, InputError
from ghl_desktop.core.limits import Limits
from ghl_desktop.core.reader import list_sheets, read_source


def make_workbook(path):
    wb = Workbook()
    resumo = wb.active
    resumo.title = "Resumo"
    resumo.append(["Total de contatos", 2])
    resumo.append(["Gerado em", dt.date(2024, 5, 1)])
    ws = wb.create_sheet("Contatos")
    ws.append(["Lista de Contatos - Evento 2024"])
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["Nome", "E-mail", "Celular", "Nascimento", "CEP"])
    ws.append(["Maria da Silva", "maria@x.com", 5511987654321, dt.datetime(1990, 3, 15), 1310100])
    ws.append(["João", "joao@x.com", 11987654321.0, dt.date(1985, 12, 1), "04538-132"])
    ws.append(["Ana", "ana@x.com", 0.1 + 0.2, True, None])
    wb.save(path)
    return path


def test_xlsx_picks_contacts_sheet_header_row_and_keeps_numbers_as_shown(tmp_path):
    t = read_source(make_workbook(tmp_path / "evento.xlsx"))
    assert t.format == "xlsx" and t.sheet == "Contatos" and t.encoding is None and t.delimiter is None
    assert t.header_row == 2
    assert t.header == ["Nome", "E-mail", "Celular", "Nascimento", "CEP"]
    assert t.rows[0] == ["Maria da Silva", "maria@x.com", "5511987654321", "1990-03-15", "1310100"]
    assert t.rows[1][2:4] == ["11987654321", "1985-12-01"]
    assert t.rows[2][2:4] == ["0.3", "TRUE"]
    assert t.row_numbers == [4, 5, 6]
    assert list_sheets(tmp_path / "evento.xlsx") == ["Resumo", "Contatos"]


def test_sheet_can_be_named_and_a_missing_one_is_explained(tmp_path):
    path = make_workbook(tmp_path / "evento.xlsx")
    t = read_source(path, sheet="resumo")
    assert t.sheet == "Resumo" and t.header == ["Total de contatos", "2"]
    with pytest.raises(InputError, match="no sheet named 'Clientes'.*Resumo, Contatos"):
        read_source(path, sheet="Clientes")


def test_xls_is_read_by_content(tmp_path):
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("Plan1")
    for r, row in enumerate([["Nome", "Telefone"], ["Ana", 5521987654321]]):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    path = tmp_path / "antigo.xls"
    wb.save(str(path))
    t = read_source(path)
    assert t.format == "xls" and t.rows == [["Ana", "5521987654321"]]
    renamed = tmp_path / "antigo.csv"  # an .xls named .csv is still an .xls
    renamed.write_bytes(path.read_bytes())
    assert read_source(renamed).rows == [["Ana", "5521987654321"]]


def test_cp1252_semicolon_crlf_export(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Nome;Cidade;Obs\r\nConceição;São João;\"a;b\"\r\nJoão;Brasília;ok\r\n".encode("cp1252"))
    t = read_source(path)
    assert (t.encoding, t.delimiter) == ("cp1252", ";")
    assert t.rows == [["Conceição", "São João", "a;b"], ["João", "Brasília", "ok"]]


@pytest.mark.parametrize("encoding,bom", [("utf-16", b""), ("utf-16-le", b"\xff\xfe"), ("utf-8", b"\xef\xbb\xbf")])
def test_bom_and_utf16(tmp_path, encoding, bom):
    path = tmp_path / "u.csv"
    path.write_bytes(bom + "Nome\tE-mail\nÍcaro\tí@x.com\n".encode(encoding))
    t = read_source(path)
    assert t.header == ["Nome", "E-mail"] and t.rows == [["Ícaro", "í@x.com"]]
    assert t.delimiter == "\t"


def test_pipe_delimited_txt_and_blank_lines(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Nome|Email\n\nAna|a@x.com\n  |  \nBia|b@x.com\n", encoding="utf-8")
    t = read_source(path)
    assert t.delimiter == "|" and t.rows == [["Ana", "a@x.com"], ["Bia", "b@x.com"]]
    assert t.row_numbers == [3, 5]


def test_title_lines_above_a_csv_header_are_skipped(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Relatório de contatos;;\nGerado em 01/05/2024;;\n\nNome;Email;Fone\nAna;a@x.com;11 98765-4321\n")
    t = read_source(path)
    assert t.header_row == 3 and t.header == ["Nome", "Email", "Fone"] and len(t.rows) == 1


def test_ordinary_first_line_header_is_never_skipped(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,foo,bar\n1,2,3\n")
    assert read_source(path).header == ["id", "foo", "bar"]


def test_limits_rows_and_cancel(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("Nome,Email\n" + "".join(f"P{i},p{i}@x.com\n" for i in range(25_000)))
    with pytest.raises(InputError, match="more than 20,000 rows"):
        read_source(path, limits=Limits(max_rows=20_000))
    with pytest.raises(Cancelled):
        read_source(path, cancel=lambda: True)
    with pytest.raises(InputError, match="limit is 0 MB"):
        read_source(path, limits=Limits(max_file_bytes=1000))


_word = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=255), min_size=2, max_size=8)
_cell = st.text(alphabet=st.sampled_from(list('abcXYZ áçãÉ"\',;|\t\n\r-0123')), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.lists(_word, min_size=2, max_size=5, unique_by=str.casefold),
    data=st.data(),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    terminator=st.sampled_from(["\n", "\r\n"]),
    encoding=st.sampled_from(["utf-8", "cp1252"]),
)
def test_any_csv_written_by_csv_writer_reads_back(tmp_path, header, data, delimiter, quoting, terminator, encoding):
    rows = data.draw(st.lists(st.lists(_cell, min_size=len(header), max_size=len(header)), min_size=1, max_size=6))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=terminator).writerows([header, *rows])
    # Python's writer leaves a lone "\r" unquoted under some dialects; such files are ambiguous
    # for every reader, so only files the csv module itself reads back are a fair test.
    assume(list(csv.reader(io.StringIO(buf.getvalue(), newline=""), delimiter=delimiter)) == [header, *rows])
    path = tmp_path / "p.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    t = read_source(path)
    assert t.header == header
    assert t.rows == rows

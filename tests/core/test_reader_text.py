"""Delimited text: encodings, delimiters, line endings, header cleaning, repairs and line numbers."""

import io
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.errors import InputError
from ghl_desktop.core.reader import parse_text, read_source
from ghl_desktop.core.reader.decode import decode
from ghl_desktop.core.reader.delimited import _physical_lines, detect_delimiter


def table(text: str, **kwargs):
    return parse_text(Path("t.csv"), text, "utf-8", **kwargs)


# -- encodings ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "data,encoding",
    [
        ("Nome;Cidade\r\nConceição;São João\r\n".encode("cp1252"), "cp1252"),
        ("Nome;Obs\r\nJoão;“aspas” – 5 €\r\n".encode("cp1252"), "cp1252"),
        ("Nome;Cidade\nJoão;São Paulo\n".encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + "Nome;Cidade\nJoão;Brasília\n".encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + "Nome;Cidade\nJoão;Brasília\n".encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + "Nome;Cidade\nJoão;Brasília\n".encode("utf-16-be"), "utf-16"),
        ("Nome;Cidade\nJoão;Brasília\n".encode("utf-16-le"), "utf-16-le"),
        (b"Nome;Cidade\nJo\x81o;x\n", "latin-1"),  # 0x81 is undefined in cp1252
    ],
)
def test_encodings_are_detected_without_mojibake(data, encoding):
    text, got = decode(data, "x.csv")
    assert got == encoding
    assert "Ã" not in text and "\ufffd" not in text and "\ufeff" not in text


def test_short_cp1252_portuguese_stays_cp1252(tmp_path):
    path = tmp_path / "curto.csv"
    path.write_bytes("Nome\r\nConceição\r\n".encode("cp1252"))
    t = read_source(path)
    assert t.encoding == "cp1252" and t.rows == [["Conceição"]]


def test_cp1252_semicolon_crlf_with_decimal_commas(tmp_path):
    path = tmp_path / "excel-br.csv"
    lines = ["Nome;Valor;Cidade", "Conceição;1,50;São Paulo", "João;2,75;Niterói", "Zé;10,00;Belém"]
    path.write_bytes("\r\n".join(lines).encode("cp1252") + b"\r\n")
    t = read_source(path)
    assert (t.encoding, t.delimiter, t.format, t.sheet) == ("cp1252", ";", "csv", None)
    assert t.rows[0] == ["Conceição", "1,50", "São Paulo"] and t.row_numbers == [2, 3, 4]


# -- delimiters and line endings ------------------------------------------------------------------
@pytest.mark.parametrize("d", [",", ";", "\t", "|"])
def test_each_delimiter_is_detected(d):
    text = d.join(["Nome", "Email", "Obs"]) + "\n" + d.join(["Ana", "a@x.com", '"x, y; z | w"']) + "\n"
    assert detect_delimiter(text) == d
    assert table(text).rows == [["Ana", "a@x.com", "x, y; z | w"]]


def test_single_column_file():
    t = table("email\na@x.com\nb@x.com\n")
    assert t.header == ["email"] and t.rows == [["a@x.com"], ["b@x.com"]]


def test_cr_only_and_mixed_line_endings_keep_line_numbers():
    t = table('Nome;Obs\rAna;ok\r\nBia;"a\rb"\nCid;x\r')
    assert t.rows == [["Ana", "ok"], ["Bia", "a\rb"], ["Cid", "x"]]
    assert t.row_numbers == [2, 3, 5]


def test_row_numbers_across_chunks_with_quoted_line_breaks():
    rng = random.Random(5)
    lines, expected, line = ["Nome,Obs"], [], 2
    for i in range(25_000):
        breaks = 2 if rng.random() < 0.01 else 0
        value = "\n".join(["parte"] * (breaks + 1))
        lines.append(f'P{i},"{value}"' if breaks else f"P{i},{value}")
        expected.append(line)
        line += breaks + 1
        if rng.random() < 0.01:
            lines.append("")  # a blank line
            line += 1
    t = table("\n".join(lines) + "\n")
    assert len(t.rows) == 25_000 and t.row_numbers == expected


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab,\r\n\"", max_size=60), st.integers(1, 8))
def test_blockwise_lines_equal_stringio_lines(text, block):
    assert list(_physical_lines(text, block)) == list(io.StringIO(text, newline=""))


# -- header ---------------------------------------------------------------------------------------
def test_header_is_trimmed_bom_stripped_unique_and_named():
    t = table("\ufeff Email ,Email,  Nome  ,,Telefone,,\na,b,c,d,e\n")
    assert t.header == ["Email 1", "Email 2", "Nome", "Column 4", "Telefone"]
    assert any("numbered: Email" in w for w in map(str, t.warnings))


def test_title_lines_with_several_cells_above_the_header():
    t = table("Evento 2024;São Paulo;\nNome;Produto;Valor\nAna;X;10\nBia;Y;12\n")
    assert t.header_row == 1 and t.header == ["Nome", "Produto", "Valor"] and t.row_numbers == [3, 4]


def test_merged_title_and_blank_line_above_the_header():
    t = table("Lista de Contatos - Evento 2024\n\nNome,E-mail,Telefone\nAna,a@x.com,11 98765-4321\n")
    assert t.header_row == 2 and t.header == ["Nome", "E-mail", "Telefone"]


@pytest.mark.parametrize(
    "text",
    [
        "id,foo,bar\n1,2,3\n",
        "Cliente,Cidade,Estado\nMaria Silva,São Paulo,SP\nJoão Souza,Recife,PE\n",
        "a,b\nNome,Email\n",  # a data row naming fields does not displace an unknown header
        "Nome,Email,Email\nAna,ana@x.com,ana2@x.com\n",
    ],
)
def test_an_ordinary_first_line_header_is_never_skipped(text):
    assert table(text).header_row == 0


# -- repairs --------------------------------------------------------------------------------------
def test_ragged_rows_are_padded_and_trimmed_with_warnings():
    t = table("Nome,Email,Fone\nAna,a@x.com\nBia,b@x.com,1,extra\nCid,c@x.com,2,,\n")
    assert t.rows == [["Ana", "a@x.com", ""], ["Bia", "b@x.com", "1"], ["Cid", "c@x.com", "2"]]
    assert any("fewer values" in w and "line 2" in w for w in map(str, t.warnings))
    assert any("more values" in w and "line 3" in w for w in map(str, t.warnings))
    assert not any("line 4" in w for w in map(str, t.warnings))  # empty trailing fields are no loss


def test_quote_repairs():
    t = table('Nome,Obs,Email\nAna,"ele disse "oi" ontem",a@x.com\nBia,"sem fim,b@x.com\nCid,ok,c@x.com\n')
    assert t.rows == [["Ana", 'ele disse "oi" ontem', "a@x.com"], ["Bia", "sem fim,b@x.com", ""], ["Cid", "ok", "c@x.com"]]
    assert any("line 2: unescaped quotes" in w for w in map(str, t.warnings))
    assert any("line 3: a quote was never closed" in w for w in map(str, t.warnings))


def test_a_row_written_with_another_delimiter_is_split():
    t = table("Nome,Email,Fone\nAna,a@x.com,1\nBia;b@x.com;2\n")
    assert t.rows[1] == ["Bia", "b@x.com", "2"]
    assert any("line 3: written with another delimiter" in w for w in map(str, t.warnings))


def test_a_line_break_in_an_unquoted_note_joins_the_row_above():
    t = table("Nome,Email,Obs\nAna,ana@x.com,primeira linha\nsegunda linha\nBia,bia@x.com,ok\n")
    assert t.rows == [["Ana", "ana@x.com", "primeira linha\nsegunda linha"], ["Bia", "bia@x.com", "ok"]]
    assert t.row_numbers == [2, 4]
    assert any("line 3: a line break" in w for w in map(str, t.warnings))


def test_a_short_record_after_an_email_is_not_glued_to_it():
    t = table("Nome,Email\nAna,ana@x.com\nBia\nCid,cid@x.com\n")
    assert t.rows == [["Ana", "ana@x.com"], ["Bia", ""], ["Cid", "cid@x.com"]]


def test_blank_and_whitespace_rows_are_dropped():
    t = table("Nome|Email\n\n|\n  |  \nAna|a@x.com\n\n")
    assert t.rows == [["Ana", "a@x.com"]] and t.row_numbers == [5]


def test_most_rows_wider_than_the_header_name_the_extra_columns():
    t = table("Nome,Email\nAna,a@x.com,11 1111-1111\nBia,b@x.com,22 2222-2222\n")
    assert t.header == ["Nome", "Email", "Column 3"] and t.rows[1] == ["Bia", "b@x.com", "22 2222-2222"]


def test_header_only_is_refused_but_parse_text_reports_the_file():
    with pytest.raises(InputError, match="t.csv: has a header but no data rows"):
        table("Nome,Email\n")


def test_gc_pause_restores_the_collector_as_it_was():
    import gc

    from ghl_desktop.core.reader.delimited import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # someone else paused it: not ours to switch back on
    finally:
        gc.enable()
    with pytest.raises(InputError):
        with gc_paused():
            raise InputError("x")
    assert gc.isenabled()

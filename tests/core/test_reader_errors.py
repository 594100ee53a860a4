"""Every file a person can drop that cannot be read ends in one clear InputError naming the file."""

import builtins
import io
import random
import time
import zipfile

import pytest
from openpyxl import Workbook

from ghl_desktop.core.errors import Cancelled, InputError
from ghl_desktop.core.limits import Limits
from ghl_desktop.core.reader import list_sheets, read_source


def xlsx_bytes(rows=(("Nome", "E-mail"), ("Maria", "maria@x.com"))) -> bytes:
    wb = Workbook()
    for r in rows:
        wb.active.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rezip(base: bytes, replace: dict[str, bytes], path, *, add: dict[str, bytes] | None = None):
    """A copy of the workbook ``base`` with some parts replaced (or added)."""
    src = zipfile.ZipFile(io.BytesIO(base))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, replace.get(item.filename, src.read(item.filename)))
        for name, data in (add or {}).items():
            z.writestr(name, data)
    return path


def refused(path, *needles, **kwargs) -> str:
    """The message of the InputError reading ``path``; it must be one line naming the file."""
    with pytest.raises(InputError) as info:
        read_source(path, **kwargs)
    msg = str(info.value)
    assert msg.startswith(f"{path.name}: ") and "\n" not in msg, msg
    for needle in needles:
        assert needle in msg, msg
    return msg


def test_missing_file_and_folder(tmp_path):
    refused(tmp_path / "nada.csv", "no such file")
    (tmp_path / "pasta.csv").mkdir()
    refused(tmp_path / "pasta.csv", "folder")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "trancado.csv"
    path.write_text("Nome,Email\nAna,a@x.com\n")
    real_open = builtins.open

    def deny(file, *a, **k):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr(builtins, "open", deny)
    refused(path, "permission denied")


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"", "empty"),
        (b"\r\n\n  \n", "empty"),
        (b";;;\n;;\n", "empty"),
        ("Nome;E-mail;Celular\r\n".encode("cp1252"), "has a header but no data rows"),
        (b"Nome,Email\n,\n  ,  \n", "has a header but no data rows"),
    ],
)
def test_empty_and_header_only(tmp_path, content, needle):
    path = tmp_path / "lista.csv"
    path.write_bytes(content)
    refused(path, needle)


def test_binary_pdf_nul_and_other_formats(tmp_path):
    cases = {
        "random.csv": (random.Random(1).randbytes(4096), "binary"),
        "relatorio.csv": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
        "nul.csv": (b"Nome,Email\nMa\x00ria,maria@x.com\n", "line 2"),
        "foto.csv": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
        "pagina.xls": (b"<!DOCTYPE html><html><body><table></table></body></html>", "web page"),
        "controles.txt": (bytes(range(1, 32)) * 20, "binary"),
    }
    for name, (data, needle) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        refused(path, needle)


def test_workbook_names_that_are_not_workbooks(tmp_path):
    not_zip = tmp_path / "contatos.xlsx"
    not_zip.write_bytes(b"Nome,Email\nthis is text pretending\x00\x01\x02 to be a workbook")
    refused(not_zip, "this is not a real Excel file (it is not a zip archive)")
    not_ole = tmp_path / "antigo.xls"
    not_ole.write_bytes(random.Random(2).randbytes(2000))
    refused(not_ole, "not a real Excel file")
    prose = tmp_path / "notas.xlsx"
    prose.write_text("apenas uma frase sem separador nenhum\n")
    refused(prose, "not a real Excel file")


def test_a_real_csv_named_xlsx_is_read_as_csv(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes("Nome;Cidade\r\nJoão;São Paulo\r\n".encode("cp1252"))
    t = read_source(path)
    assert (t.format, t.delimiter, t.encoding) == ("csv", ";", "cp1252")
    assert t.rows == [["João", "São Paulo"]]
    assert "named .xlsx" in str(t.warnings[0])
    assert list_sheets(path) == []


def test_truncated_and_damaged_workbooks(tmp_path):
    data = xlsx_bytes()
    truncated = tmp_path / "cortado.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    refused(truncated, "damaged")
    with pytest.raises(InputError, match="cortado.xlsx"):
        list_sheets(truncated)
    not_excel = tmp_path / "arquivos.xlsx"
    with zipfile.ZipFile(not_excel, "w") as z:
        z.writestr("leia-me.txt", "nada aqui")
    refused(not_excel, "not an Excel workbook")
    broken_sheet = rezip(data, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row><c"}, tmp_path / "quebrado.xlsx")
    refused(broken_sheet, "cannot be read")
    ole_junk = tmp_path / "velho.xls"
    ole_junk.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(3).randbytes(3000))
    refused(ole_junk, "damaged")


def test_password_protected_workbook(tmp_path):
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    out = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(xlsx_bytes())).encrypt("segredo", out)
    path = tmp_path / "protegido.xlsx"
    path.write_bytes(out.getvalue())
    refused(path, "password-protected")
    with pytest.raises(InputError, match="password-protected"):
        list_sheets(path)


def test_zip_bomb_by_declared_size_and_by_ratio(tmp_path):
    data = xlsx_bytes()
    path = tmp_path / "ok.xlsx"
    path.write_bytes(data)
    refused(path, "zip bomb", limits=Limits(max_unzipped_bytes=1000))
    filler = b"<row><c><v>1</v></c></row>" * (25 * 1024 * 1024 // 27)
    bomb = rezip(data, {}, tmp_path / "bomba.xlsx", add={"xl/media/filler.xml": filler})
    started = time.perf_counter()
    refused(bomb, "zip bomb")
    assert time.perf_counter() - started < 2


def test_entity_expansion_is_refused_without_expanding(tmp_path):
    lol = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
        + b']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        b"<si><t>&lol9;</t></si></sst>"
    )
    data = xlsx_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    replace = {"xl/sharedStrings.xml": lol} if "xl/sharedStrings.xml" in names else {}
    add = {} if replace else {"xl/sharedStrings.xml": lol}
    path = rezip(data, replace, tmp_path / "entidades.xlsx", add=add)
    refused(path, "entity")


def test_size_rows_and_columns_limits(tmp_path):
    path = tmp_path / "grande.csv"
    path.write_text("Nome,Email\n" + "Ana,a@x.com\n" * 50)
    refused(path, "the limit is", limits=Limits(max_file_bytes=100))
    refused(path, "more than 10 rows", limits=Limits(max_rows=10))
    wide = tmp_path / "largo.csv"
    wide.write_bytes(b",".join(b"c%d" % i for i in range(300_000)) + b"\n" + b"1," * 299_999 + b"1\n")
    started = time.perf_counter()
    refused(wide, "300,000 columns", "2,000")
    assert time.perf_counter() - started < 3


def test_column_limit_in_text_and_excel(tmp_path):
    path = tmp_path / "tres.csv"
    path.write_text("Nome,Email,Fone\nAna,a@x.com,1\n")
    refused(path, "3 columns; the limit is 2", limits=Limits(max_columns=2))
    book = tmp_path / "tres.xlsx"
    book.write_bytes(xlsx_bytes([("Nome", "Email", "Fone"), ("Ana", "a@x.com", 1)]))
    refused(book, "3 columns; the limit is 2", limits=Limits(max_columns=2))


def test_row_limit_in_excel_is_exact(tmp_path):
    rows = [("Nome", "Email")] + [(f"P{i}", f"p{i}@x.com") for i in range(12)]
    book = tmp_path / "linhas.xlsx"
    book.write_bytes(xlsx_bytes(rows))
    refused(book, "12 rows; the limit is 10", limits=Limits(max_rows=10))
    assert len(read_source(book, limits=Limits(max_rows=12)).rows) == 12


def test_mixed_encodings_name_the_first_bad_line(tmp_path):
    good = "Nome,Cidade\nJoão,São Paulo\nConceição,Brasília\n".encode("utf-8")
    late = tmp_path / "misturado.csv"
    late.write_bytes(good + "Helena,Goiânia\n".encode("cp1252") + "Íris,Maceió\n".encode("utf-8"))
    refused(late, "line 4 is not valid UTF-8")
    early = tmp_path / "cedo.csv"
    early.write_bytes(b"Nome,Cidade\n" + "Helena,Goiânia\n".encode("cp1252") + good[12:] * 3)
    refused(early, "line 2 is not valid UTF-8")
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfNome\nJo\xe3o\n")
    refused(bom, "line 2 is not valid UTF-8")


def test_missing_sheet_lists_the_real_ones(tmp_path):
    book = tmp_path / "planilha.xlsx"
    book.write_bytes(xlsx_bytes())
    refused(book, "no sheet named 'Clientes'", "(sheets: Sheet)", sheet="Clientes")


def test_cancel_raises_cancelled_for_text_and_excel(tmp_path):
    text = tmp_path / "muitos.csv"
    text.write_text("Nome,Email\n" + "".join(f"P{i},p{i}@x.com\n" for i in range(30_000)))
    calls = []

    def cancel_on_second_check():
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(Cancelled):
        read_source(text, cancel=cancel_on_second_check)
    assert len(read_source(text, cancel=lambda: False).rows) == 30_000
    book = tmp_path / "muitos.xlsx"
    book.write_bytes(xlsx_bytes([("Nome", "Email")] + [(f"P{i}", "x") for i in range(10_500)]))
    with pytest.raises(Cancelled):
        read_source(book, cancel=lambda: True)

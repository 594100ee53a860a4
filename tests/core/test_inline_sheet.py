"""The regular-expression reader of plain inline-string pieces (``speed.inline_sheet``) against
calamine (``reader.excel.read_piece``): the same cells whenever it reads a piece, and None for
every piece whose cells it could get wrong."""

import random
import zipfile

import pytest
from openpyxl import Workbook

from ghl_desktop.core.pipeline import ConvertOptions, convert
from ghl_desktop.core.reader import excel
from ghl_desktop.core.speed import helper as parallel
from ghl_desktop.core.speed import inline_sheet, tuning

from test_reader_excel_head import _contacts

_START = (b'<?xml version="1.0" encoding="UTF-8"?>'
          b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_CLOSE = b"</sheetData></worksheet>"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """(the workbook's parts but its sheet, the sheet's part) of a small write-only workbook."""
    path = tmp_path_factory.mktemp("inline") / "base.xlsx"
    wb = Workbook(write_only=True)
    wb.create_sheet("Contatos").append(["Nome", "E-mail"])
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        part = excel.sheet_parts(zf)["Contatos"]
        fixed = {i.filename: zf.read(i) for i in zf.infolist() if i.filename != part}
    return fixed, part


def _copy(base, rows_xml: str, start: bytes = _START, fixed: dict | None = None) -> excel.PieceCopy:
    parts, part = base
    return excel.PieceCopy(fixed or parts, part, start + rows_xml.encode("utf-8") + _CLOSE, "xl/styles.xml")


def _inline(ref: str, text: str, preserve: bool = False) -> str:
    space = ' xml:space="preserve"' if preserve else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _number(ref: str, v: str, typed: bool = True) -> str:
    kind = ' t="n"' if typed else ""
    return f'<c r="{ref}"{kind}><v>{v}</v></c>'


def _rows(cells_by_row: dict[int, list[str]]) -> str:
    return "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in cells_by_row.items())


def _same_or_declined(copy: bytes, *, must_read: bool) -> None:
    got = inline_sheet.read_piece(copy, "Contatos")
    if must_read:
        assert got is not None
    if got is not None:
        assert got == excel.read_piece(copy, "Contatos")


#: Texts calamine reads with their XML entities replaced and, without ``xml:space="preserve"``,
#: XML white space (only) stripped from both ends, entities' included.
TEXTS = ["Ana", " Ana ", "Ana ", " Ana", "a\t", "  ", "a &amp; b", "&lt;tag&gt;", "&quot;x&apos;", "caf&#233;", "&#x1F600;!", "São Paulo",
         "a > b", "\ttab", "line\nbreak", "\n a \n", "&#32;a&#32;", "&#9;a", "a&#10;", " &amp; ", "\u00a0a\u00a0",
         "\u2003a", "\x0ba\x0c", "日本", "x" * 300, "0011", "=1+1"]
NUMBERS = ["5511987654321", "007", "-0", "-42", "0", "999999999999999", "41980000003"]


def _random_rows(texts: list[str], preserve: bool, seed: int) -> str:
    rnd = random.Random(seed)
    rows = {}
    for r in range(5, 80):
        cells = [_inline(f"A{r}", rnd.choice(texts), preserve)]
        kind = rnd.randrange(4)
        if kind == 0:
            cells.append(_number(f"B{r}", rnd.choice(NUMBERS), typed=rnd.random() < 0.5))
        elif kind == 1:
            cells.append(f'<c r="B{r}" t="inlineStr"{rnd.choice(["/>", " />"])}')
        elif kind == 2:
            cells.append(_inline(f"B{r}", ""))
        else:
            cells.append(_inline(f"B{r}", rnd.choice(texts), preserve))
        cells.append(_inline(f"C{r}", rnd.choice(texts), preserve))
        if r not in (5, 79) and rnd.random() < 0.3:  # an empty cell left out (not of the range's edges)
            del cells[rnd.randrange(3)]
        rows[r] = cells
    return _rows(rows)


@pytest.mark.parametrize("preserve", [False, True])
def test_plain_inline_pieces_are_calamines_cells(base, preserve):
    """Read here, as calamine reads them: every text, but a text without ``xml:space`` written
    with white space at an end (read here only when it comes from an entity)."""
    texts = TEXTS if preserve else [t for t in TEXTS if t == t.strip(" \t\n\r")]
    for seed in range(5):
        _same_or_declined(_copy(base, _random_rows(texts, preserve, seed)), must_read=True)


def test_texts_with_white_space_at_an_end_and_no_xml_space_are_left_to_calamine(base):
    for t in TEXTS:
        rows = {1: [_inline("A1", t), _inline("B1", "x")]}
        copy = _copy(base, _rows(rows))
        _same_or_declined(copy, must_read=t == t.strip(" \t\n\r"))
        if t != t.strip(" \t\n\r"):
            assert inline_sheet.read_piece(copy, "Contatos") is None


@pytest.mark.parametrize("match_chars", [inline_sheet._MATCH_CHARS, 200])
def test_pieces_of_a_write_only_contact_sheet_are_read_here_as_calamine_reads_them(tmp_path, monkeypatch, match_chars):
    """Matched whole, or a few rows per call (``_MATCH_CHARS``): calamine's cells either way."""
    monkeypatch.setattr(inline_sheet, "_MATCH_CHARS", match_chars)
    path = _plain_contacts(tmp_path / "w.xlsx", 3000)
    with zipfile.ZipFile(path) as zf:
        part = excel.sheet_parts(zf)["Contatos"]
    copies = list(excel._copies(path, "Contatos", part, 8192))
    assert len(copies) > 10
    for copy in copies:
        _same_or_declined(copy, must_read=True)


DECLINED = {
    "a style": '<c r="A2" s="1" t="n"><v>5</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "a shared string": '<c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "a formula": '<c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "a boolean": '<c r="A2" t="b"><v>1</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "a decimal": '<c r="A2" t="n"><v>1.5</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "16 digits": '<c r="A2" t="n"><v>1234567890123456</v></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "rich text": '<c r="A2" t="inlineStr"><is><r><t>x</t></r></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "an unknown entity": '<c r="A2" t="inlineStr"><is><t>&nbsp;</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "a carriage return": '<c r="A2" t="inlineStr"><is><t>a\r\nb</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "Excel's escape": '<c r="A2" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "a cell out of order": '<c r="B2" t="inlineStr"><is><t>x</t></is></c><c r="A2" t="inlineStr"><is><t>x</t></is></c>',
    "another row's cell": '<c r="A3" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "an empty last column": '<c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="inlineStr"/>',
}


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_pieces_it_could_get_wrong_are_left_to_calamine(base, name):
    first = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nome</t></is></c><c r="B1" t="inlineStr"><is><t>E-mail</t></is></c></row>'
    if name == "an empty last column":
        first = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nome</t></is></c><c r="B1" t="inlineStr"/></row>'
    copy = _copy(base, first + f'<row r="2">{DECLINED[name]}</row>')
    assert inline_sheet.read_piece(copy, "Contatos") is None


def test_rows_not_one_after_another_and_empty_first_rows_are_left_to_calamine(base):
    cell = '<c r="A{0}" t="inlineStr"><is><t>x</t></is></c><c r="B{0}" t="inlineStr"><is><t>y</t></is></c>'
    gap = f'<row r="1">{cell.format(1)}</row><row r="3">{cell.format(3)}</row>'
    assert inline_sheet.read_piece(_copy(base, gap), "Contatos") is None
    empty_first = ('<row r="1"><c r="A1" t="inlineStr"/><c r="B1" t="inlineStr"/></row>'
                   f'<row r="2">{cell.format(2)}</row>')
    assert inline_sheet.read_piece(_copy(base, empty_first), "Contatos") is None


def test_numbers_are_left_to_calamine_when_the_default_style_formats_them(base):
    parts, part = base
    styles = _copy(base, "").styles
    assert styles in parts
    dated = dict(parts)
    dated[styles] = (b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     b'<cellXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>')
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1" t="n"><v>45000</v></c></row>'
    assert inline_sheet.read_piece(_copy(base, rows, fixed=dated), "Contatos") is None
    assert inline_sheet.read_piece(_copy(base, rows), "Contatos") is not None


def test_another_declared_encoding_is_left_to_calamine(base):
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1" t="inlineStr"><is><t>y</t></is></c></row>'
    start = _START.replace(b"UTF-8", b"ISO-8859-1")
    assert inline_sheet.read_piece(_copy(base, rows, start=start), "Contatos") is None


@pytest.mark.parametrize("plain", [True, False])
def test_a_conversion_reading_pieces_here_has_the_same_result(tmp_path, monkeypatch, plain):
    """The conversion on two cores, its pieces read by the regular expression (``plain``: text
    and whole numbers) or by calamine (dates, amounts, booleans): the same table as one process
    reading the sheet whole."""
    path = _plain_contacts(tmp_path / "plain.xlsx", 3000) if plain else _contacts(tmp_path / "c.xlsx", 3000,
                                                                                  write_only=True)
    monkeypatch.setattr(excel, "PIECE_BYTES", 4096)
    monkeypatch.setattr(tuning, "ONE_PROCESS", True)
    one = convert([path], ConvertOptions())
    read_here = []
    real = inline_sheet.read_piece

    def counting(data, sheet):
        got = real(data, sheet)
        read_here.append(got is not None)
        return got

    monkeypatch.setattr(inline_sheet, "read_piece", counting)
    monkeypatch.setattr(tuning, "ONE_PROCESS", False)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    two = convert([path], ConvertOptions())
    assert two.table.columns == one.table.columns and two.table.sources == one.table.sources
    assert two.report["total_rows"] == one.report["total_rows"]
    assert (True in read_here) == plain  # the pieces read in this process


def _plain_contacts(path, n):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Contatos")
    ws.append(["Nome", "E-mail", "Celular", "Cidade"])
    rnd = random.Random(3)
    for i in range(n):
        ws.append([f"Nome {rnd.randrange(n // 2)}", rnd.choice([f"n{i}@x.com.br", ""]),
                   rnd.choice([5511900000000 + i, f"(11) 9{i:04d}", ""]), rnd.choice(["Recife", "Goiânia", "A & B"])])
    wb.save(path)
    return path


def test_anything_between_the_rows_or_a_malformed_start_is_left_to_calamine(base):
    cell = '<c r="A{0}" t="inlineStr"><is><t>x</t></is></c><c r="B{0}" t="inlineStr"><is><t>y</t></is></c>'
    plain = f'<row r="1">{cell.format(1)}</row><row r="2">{cell.format(2)}</row>'
    assert inline_sheet.read_piece(_copy(base, plain), "Contatos") is not None
    for between in ("<x/>", '<row r="9"/>', "<!-- a comment <c r='A3'/> -->", "<x>", "</row>", "\n</row>\n",
                    '<c r="A2" t="inlineStr"><is><t>z</t></is></c>'):
        rows = f'<row r="1">{cell.format(1)}</row>{between}<row r="2">{cell.format(2)}</row>'
        assert inline_sheet.read_piece(_copy(base, rows), "Contatos") is None, between
        # After the last row, before a last ``</row>``.
        for rows in (f"{plain}{between}</row>", f"{plain}<x/>{between}</row>"):
            assert inline_sheet.read_piece(_copy(base, rows), "Contatos") is None, rows
    for between in ("\n", "\n  ", "x"):  # text between rows (rows written a line each): calamine's cells
        rows = f'<row r="1">{cell.format(1)}</row>{between}<row r="2">{cell.format(2)}</row>{between}'
        _same_or_declined(_copy(base, rows), must_read=True)
    # A row that does not match (a cell with a style) and a gap elsewhere: as many rows matched
    # as ``</row><row`` between rows, yet not all of the piece.
    styled = '<row r="2"><c r="A2" s="1" t="inlineStr"><is><t>x</t></is></c></row>'
    rows = f'<row r="1">{cell.format(1)}</row>{styled}<x/><row r="3">{cell.format(3)}</row>'
    assert inline_sheet.read_piece(_copy(base, rows), "Contatos") is None
    malformed = _START.replace(b"<sheetData>", b"<sheetPr><sheetData>")
    assert inline_sheet.read_piece(_copy(base, plain, start=malformed), "Contatos") is None


@pytest.mark.parametrize("match_chars", [inline_sheet._MATCH_CHARS, 1, 150])
def test_rows_matched_a_few_per_call_cover_the_piece_only_when_nothing_else_is_there(base, monkeypatch, match_chars):
    """The rows are matched ``_MATCH_CHARS`` at a time, each call's stretch ending at a tag: the
    text between two rows is counted once whichever call it falls to, and an element or a row
    that does not match anywhere among many rows leaves the piece to calamine."""
    monkeypatch.setattr(inline_sheet, "_MATCH_CHARS", match_chars)
    cell = '<c r="A{0}" t="inlineStr"><is><t>x{0}</t></is></c><c r="B{0}" t="inlineStr"><is><t>y</t></is></c>'
    for between in ("", "\n", "\n  ", "x"):
        rows = between.join(f'<row r="{r}">{cell.format(r)}</row>' for r in range(1, 41)) + between
        _same_or_declined(_copy(base, rows), must_read=True)
        for r in (2, 17, 39, 40):  # (before the first row is the part's start: ``_well_formed``)
            for odd in ("<x/>", '<row r="99"/>', "</row>"):
                bad = rows.replace(f'<row r="{r}">', f'{odd}<row r="{r}">', 1)
                assert inline_sheet.read_piece(_copy(base, bad), "Contatos") is None, (between, r, odd)
            styled = rows.replace(f'<c r="A{r}" t="inlineStr">', f'<c r="A{r}" s="1" t="inlineStr">', 1)
            assert inline_sheet.read_piece(_copy(base, styled), "Contatos") is None, (between, r)


@pytest.mark.parametrize("row", [
    '<c r="B2" t="inlineStr"><is><t>x</t></is></c>',  # the first cell left out
    '<c r="A2" t="inlineStr"><is><t>x</t></is></c>',  # the last one
    '',  # every one: an empty row element
    ('<c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>'
     '<c r="C2" t="inlineStr"><is><t>x</t></is></c>'),  # a column the first row leaves out
])
def test_cells_left_out_of_a_row_are_read_as_calamine_reads_them(base, row):
    """A program writing only the cells that hold something (openpyxl leaves None out): the cells
    left out are empty, as calamine gives them."""
    first = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nome</t></is></c><c r="B1" t="inlineStr"><is><t>E-mail</t></is></c></row>'
    last = '<row r="3"><c r="A3" t="inlineStr"><is><t>y</t></is></c><c r="B3" t="n"><v>7</v></c></row>'
    _same_or_declined(_copy(base, first + f'<row r="2">{row}</row>' + last), must_read=True)


def test_a_column_first_seen_after_the_rows_sampled_is_left_to_calamine(base, monkeypatch):
    """The columns come from the piece's first rows (``_COLUMNS_SAMPLE``): a row with a cell
    further right after them does not match, and calamine reads the piece."""
    first = '<row r="1"><c r="A1" t="inlineStr"><is><t>Nome</t></is></c><c r="B1" t="inlineStr"><is><t>E-mail</t></is></c></row>'
    later = ('<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c>'
             '<c r="C2" t="inlineStr"><is><t>x</t></is></c></row>')
    copy = _copy(base, first + later)
    monkeypatch.setattr(inline_sheet, "_COLUMNS_SAMPLE", len(first))
    assert inline_sheet.read_piece(copy, "Contatos") is None
    monkeypatch.setattr(inline_sheet, "_COLUMNS_SAMPLE", 64 * 1024)
    _same_or_declined(copy, must_read=True)


def test_numbers_are_put_in_as_calamine_gives_them():
    """A column's numbers (``-?[0-9]{1,15}``, "" where a text is) as ``str(int(n))``: as written,
    but those starting with a zero."""
    texts = ["a", "", "b", "", "", "", "", ""]
    for numbers in (["", "5511987654321", "", "-42", "7", "999999999999999", "10", "-1"],
                    ["", "007", "", "-0", "0", "-05", "100", "12"], ["", "1", "", "2", "3", "4", "05", "6"]):
        assert inline_sheet._with_numbers(texts, numbers) == [str(int(n)) if n else t for t, n in zip(texts, numbers)]

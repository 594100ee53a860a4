"""The regular-expression reader of shared-strings pieces (``speed.shared_sheet``) against calamine
(``reader.excel.read_piece``, which reads the workbook copy with its shared strings): the same
cells whenever it reads a piece, and None for every piece or strings part it could get wrong."""

import random
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from ghl_desktop.core.limits import DEFAULT_LIMITS
from ghl_desktop.core.pipeline import ConvertOptions, convert
from ghl_desktop.core.reader import excel, read_source
from ghl_desktop.core.speed import helper as parallel
from ghl_desktop.core.speed import inline_sheet, pieces, shared_sheet, tuning
from ghl_desktop.core.speed.helper import ChunkHelper

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import make_data  # noqa: E402
from test_reader_excel_pieces import _rewrite_sheet  # noqa: E402

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_START = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">'
          '<dimension ref="A1:F9"/><sheetData>')
_CLOSE = "</sheetData></worksheet>"
#: Cell styles: 0 and 1 General, 2 a date, 3 text, 4 a custom decimal format, 5 a custom format
#: that takes the id of a built-in General-looking one.
_STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
           '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00"/>'
           '<numFmt numFmtId="49" formatCode="dd/mm/yyyy"/></numFmts>'
           '<fonts count="1"><font><sz val="11"/></font></fonts>'
           '<cellXfs count="6"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="0" applyFont="1"/>'
           '<xf numFmtId="14" fontId="0" applyNumberFormat="1"/><xf numFmtId="0"/>'
           '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49"/></cellXfs></styleSheet>')

#: Texts as Excel writes them in ``<t>`` (escaped), with or without ``xml:space="preserve"``.
TEXTS = ["Ana", " Ana ", "Ana ", "a\t", "  ", "", "a &amp; b", "&lt;tag&gt;", "&quot;x&apos;", "caf&#233;",
         "&#x1F600;!", "São Paulo", "a > b", "\ttab", "line\nbreak", "\n a \n", "&#32;a&#32;", "&#9;a", "a&#10;",
         " &amp; ", "\u00a0a\u00a0", "\u2003a", "日本", "x" * 300, "0011", "=1+1", "max_x", "a_x0b"]
#: Numbers as a ``<v>``: whole ones of up to 15 digits are read here, others left to calamine.
NUMBERS = ["5511987654321", "007", "-0", "-42", "0", "999999999999999", "41980000003"]
OTHER_NUMBERS = ["1.5", "1234567890123456", "1E3", "0.1", "-1.0", "12345678901234567890"]


@pytest.fixture(scope="module")
def base():
    """(the workbook's parts but its sheet and shared strings, the sheet's part)."""
    parts = dict(make_data._XLSX_PARTS)
    parts["xl/styles.xml"] = _STYLES
    return {k: v.encode() for k, v in parts.items()}, "xl/worksheets/sheet1.xml"


def _sst(texts, preserve=None) -> bytes:
    items = []
    for i, t in enumerate(texts):
        keep = preserve(i, t) if preserve else t != t.strip(" \t\n\r")
        space = ' xml:space="preserve"' if keep else ""
        items.append(f"<si><t{space}>{t}</t></si>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" count="{len(texts)}" '
            f'uniqueCount="{len(texts)}">' + "".join(items) + "</sst>").encode()


def _copy(base, rows_xml: str, sst: bytes, start: str = _START) -> excel.PieceCopy:
    parts, part = base
    fixed = dict(parts)
    fixed["xl/sharedStrings.xml"] = sst
    return excel.PieceCopy(fixed, part, (start + rows_xml + _CLOSE).encode("utf-8"), "xl/styles.xml",
                           "xl/sharedStrings.xml")


def _read(copy):
    """``shared_sheet``'s reading of a piece, or None when it leaves it (its strings or its cells)."""
    strings = shared_sheet.read_strings(copy.fixed[copy.strings])
    styles = shared_sheet.plain_styles(copy.fixed[copy.styles])
    if strings is None or styles is None:
        return None
    got = shared_sheet.read_indices(copy.xml, styles)
    return None if got is None else shared_sheet.as_piece(got, strings)


def _same_or_declined(copy, *, must_read: bool):
    got = _read(copy)
    if must_read:
        assert got is not None
    if got is not None:
        assert got == excel.read_piece(copy, "Contatos")
    return got


#: Styles on empty and text cells, which calamine does not apply to them.
_ANY_STYLE = ["", ' s="2"', ' s="4"']


def _cell(ref, rnd, n_strings, *, numbers=NUMBERS, styles=("", ' s="0"', ' s="1"', ' s="3"')):
    kind = rnd.randrange(6)
    style = rnd.choice(styles)
    if kind == 0:
        return f'<c r="{ref}"{style}><v>{rnd.choice(numbers)}</v></c>'
    if kind == 1:
        return f'<c r="{ref}"{style} t="n"><v>{rnd.choice(numbers)}</v></c>'
    if kind == 2:
        return f'<c r="{ref}"{rnd.choice(_ANY_STYLE)}{rnd.choice(["/>", " />"])}'
    return f'<c r="{ref}"{rnd.choice(_ANY_STYLE)} t="s"><v>{rnd.randrange(n_strings)}</v></c>'


def _random_rows(rnd, n_strings, *, gaps=False, top=5, rows=80, **kw) -> str:
    out = []
    r = top
    for i in range(rows):
        cells = [_cell(f"{c}{r}", rnd, n_strings, **kw) for c in "ABCD"]
        if i not in (0, rows - 1):
            cells = [c for c in cells if rnd.random() < 0.8]  # empty cells left out
        else:
            cells[0] = f'<c r="A{r}" t="s"><v>0</v></c>'  # the used range: the piece's first and last rows
        attrs = rnd.choice(["", ' spans="1:4"', ' spans="1:6" x14ac:dyDescent="0.25"', ' ht="20" customHeight="1"'])
        out.append(f'<row r="{r}"{attrs}>{"".join(cells)}</row>')
        r += 1 + (gaps and rnd.random() < 0.1) * rnd.randrange(1, 4)
        if gaps and rnd.random() < 0.05:
            out.append(f'<row r="{r}" ht="20" customHeight="1"/>')  # a row of a set height, without cells
            r += 1
    return "".join(out)


@pytest.mark.parametrize("gaps", [False, True], ids=["rows-one-after-another", "rows-left-out"])
def test_plain_shared_string_pieces_are_calamines_cells(base, gaps):
    """Read here, as calamine reads them: every text (entities, white space kept or stripped as
    calamine keeps or strips it), numbers written in every plain way, styles General and text,
    empty cells written (styled) or left out, Excel's row attributes, rows left out."""
    sst = _sst(TEXTS)
    for seed in range(8):
        rnd = random.Random(seed)
        _same_or_declined(_copy(base, _random_rows(rnd, len(TEXTS), gaps=gaps), sst), must_read=True)


def test_every_string_is_calamines(base):
    """Each string, with and without ``xml:space="preserve"``, in a cell of its own."""
    for preserve in (lambda i, t: False, lambda i, t: True, lambda i, t: i % 2 == 0):
        sst = _sst(TEXTS, preserve)
        rows = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c><c r="B{i + 1}" t="s"><v>0</v></c></row>'
                       for i in range(len(TEXTS)))
        _same_or_declined(_copy(base, rows, sst), must_read=True)


def test_numbers_not_plain_are_left_to_calamine(base):
    """A decimal, 16 digits or more, an exponent, or a number under a date, a custom or a
    redefined format: calamine reads the piece."""
    sst = _sst(TEXTS)
    for v in OTHER_NUMBERS:
        rows = f'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>{v}</v></c></row>'
        assert _read(_copy(base, rows, sst)) is None, v
    for s in ("2", "4", "5", "6", "01"):
        rows = f'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="{s}"><v>45000</v></c></row>'
        assert _read(_copy(base, rows, sst)) is None, s
    rnd = random.Random(1)
    _same_or_declined(_copy(base, _random_rows(rnd, len(TEXTS), numbers=NUMBERS + OTHER_NUMBERS,
                                               styles=("", ' s="2"', ' s="4"')), sst), must_read=False)


DECLINED = {
    "a formula": '<c r="B2"><f>1+1</f><v>2</v></c>',
    "a boolean": '<c r="B2" t="b"><v>1</v></c>',
    "an inline string": '<c r="B2" t="inlineStr"><is><t>x</t></is></c>',
    "a formula string": '<c r="B2" t="str"><v>x</v></c>',
    "an error": '<c r="B2" t="e"><v>#N/A</v></c>',
    "attributes in another order": '<c r="B2" t="s" s="1"><v>1</v></c>',
    "a cell without its reference": '<c t="s"><v>1</v></c>',
    "another row's cell": '<c r="B3" t="s"><v>1</v></c>',
    "a cell out of order": '<c r="C2" t="s"><v>1</v></c><c r="B2" t="s"><v>1</v></c>',
    "an empty shared string cell": '<c r="B2" t="s"/>',
    "an index with spaces": '<c r="B2" t="s"><v> 1</v></c>',
}


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_pieces_it_could_get_wrong_are_left_to_calamine(base, name):
    first = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    rows = first + f'<row r="2"><c r="A2" t="s"><v>0</v></c>{DECLINED[name]}</row>'
    assert _read(_copy(base, rows, _sst(TEXTS))) is None


@pytest.mark.parametrize("between", ["<x/>", "<!-- a comment <c r='A3'/> -->", "<x>", '<row r="2">'])
def test_anything_between_the_rows_is_left_to_calamine(base, between):
    cell = '<c r="A{0}" t="s"><v>0</v></c><c r="B{0}" t="s"><v>1</v></c>'
    rows = f'<row r="1">{cell.format(1)}</row>{between}<row r="3">{cell.format(3)}</row>'
    assert _read(_copy(base, rows, _sst(TEXTS))) is None


@pytest.mark.parametrize("match_chars", [1, 64, 1 << 20], ids=["a-row-a-call", "a-few-rows-a-call", "all-at-once"])
def test_rows_matched_a_stretch_at_a_time_cover_the_piece_or_it_is_left_to_calamine(base, monkeypatch, match_chars):
    """The rows are matched a stretch at a time (``inline_sheet._row_spans``), each stretch's
    matches checked to cover it: plain text between rows is read as calamine reads it, an element
    between rows is left to calamine wherever a stretch starts or ends."""
    monkeypatch.setattr(inline_sheet, "_MATCH_CHARS", match_chars)
    sst = _sst(TEXTS)
    cell = '<c r="A{0}" t="s"><v>0</v></c><c r="B{0}" t="s"><v>1</v></c>'
    rows = [f'<row r="{r}">{cell.format(r)}</row>' for r in range(1, 7)]
    _same_or_declined(_copy(base, "\n  ".join(rows) + "\n", sst), must_read=True)
    _same_or_declined(_copy(base, "".join(rows[:3]) + '<row r="4"/>' + "".join(rows[4:]), sst), must_read=True)
    for at in range(1, 6):
        for between in ("<x/>", "\n<x/>\n", '<row r="9">'):
            assert _read(_copy(base, "".join(rows[:at]) + between + "".join(rows[at:]), sst)) is None, (at, between)


def test_rows_out_of_order_or_twice_are_left_to_calamine(base):
    cell = '<c r="A{0}" t="s"><v>0</v></c>'
    for order in ((2, 1), (1, 1), (1, 3, 2)):
        rows = "".join(f'<row r="{r}">{cell.format(r)}</row>' for r in order)
        assert _read(_copy(base, rows, _sst(TEXTS))) is None, order


def test_an_index_the_strings_lack_fails_as_calamine_does(base):
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>%d</v></c></row>' % len(TEXTS)
    copy = _copy(base, rows, _sst(TEXTS))
    with pytest.raises(Exception):
        excel.read_piece(copy, "Contatos")
    with pytest.raises(ValueError):
        _read(copy)


SST_DECLINED = {
    "rich text": '<si><r><rPr><b/></rPr><t>Dr. </t></r><r><t>Ana</t></r></si>',
    "a phonetic run": '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
    "Excel's escape": "<si><t>a_x000D_b</t></si>",
    "a carriage return": "<si><t>a\r\nb</t></si>",
    "an unknown entity": "<si><t>&nbsp;</t></si>",
    "an empty t": "<si><t/></si>",
    "CDATA": "<si><t><![CDATA[x]]></t></si>",
    "single quotes": "<si><t xml:space='preserve'> x</t></si>",
}


@pytest.mark.parametrize("name", sorted(SST_DECLINED))
def test_strings_it_could_get_wrong_are_left_to_calamine(name):
    sst = _sst(["Ana"]).replace(b"</sst>", SST_DECLINED[name].encode() + b"</sst>")
    assert shared_sheet.read_strings(sst) is None
    assert shared_sheet.read_strings(_sst(["Ana", "Bia"])) == ["Ana", "Bia"]


def test_another_declared_encoding_is_left_to_calamine(base):
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    sst = _sst(TEXTS)
    assert _read(_copy(base, rows, sst)) is not None
    assert _read(_copy(base, rows, sst, start=_START.replace("UTF-8", "ISO-8859-1"))) is None
    assert shared_sheet.read_strings(sst.replace(b"UTF-8", b"ISO-8859-1")) is None


@pytest.mark.parametrize("block", [shared_sheet._STRINGS_BLOCK, 64])
def test_strings_read_a_block_at_a_time_are_the_whole_reads(base, block, monkeypatch):
    monkeypatch.setattr(shared_sheet, "_STRINGS_BLOCK", block)
    texts = [escape(f"{t} {i}") for i, t in enumerate(["Ana", "São Paulo", "a & b", " x "] * 50)]
    rows = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(len(texts)))
    _same_or_declined(_copy(base, rows, _sst(texts)), must_read=True)


def test_a_column_first_seen_past_the_rows_sampled_is_read_too(base, monkeypatch):
    first = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    later = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="D2" t="s"><v>2</v></c></row>'
    monkeypatch.setattr(shared_sheet, "_COLUMNS_SAMPLE", len(first))
    got = _same_or_declined(_copy(base, first + later, _sst(TEXTS)), must_read=True)
    assert got[1:3] == (0, 3) and got[3][2] == ["", ""]  # column C: none of its cells written


@pytest.mark.parametrize("scan", [3, 16_384])
def test_a_piece_is_looked_up_a_slice_at_a_time(base, monkeypatch, scan):
    """``as_piece`` and the placing of rows left out go ``_SCAN`` cells per C call: the same cells."""
    monkeypatch.setattr(shared_sheet, "_SCAN", scan)
    rnd = random.Random(5)
    _same_or_declined(_copy(base, _random_rows(rnd, len(TEXTS), gaps=True), _sst(TEXTS)), must_read=True)


# -- in a conversion ------------------------------------------------------------------------------------

def _excel_saved(path, n, seed=3):
    return make_data.generate_xlsx(path, n, seed, dup=0.3, intl=0.2, shared_strings=True)


def test_a_bench_workbook_in_pieces_is_read_here_as_calamine_reads_it(tmp_path):
    """Excel's shape as the bench writes it (row attributes, General styles): every piece read here."""
    path = _excel_saved(tmp_path / "x.xlsx", 2000)
    with zipfile.ZipFile(path) as zf:
        part = excel.sheet_parts(zf)["Contatos"]
    copies = list(excel._copies(path, "Contatos", part, 8192))
    assert len(copies) > 10
    for copy in copies:
        _same_or_declined(copy, must_read=True)


def _two_ways(path, monkeypatch, strings_share):
    monkeypatch.setattr(excel, "PIECE_BYTES", 8192)
    monkeypatch.setattr(excel, "_STRINGS_SHARE", strings_share)
    monkeypatch.setattr(tuning, "ONE_PROCESS", True)
    one = convert([path], ConvertOptions())
    monkeypatch.setattr(tuning, "ONE_PROCESS", False)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    two = convert([path], ConvertOptions())
    assert two.table.columns == one.table.columns and two.table.sources == one.table.sources
    assert ({k: v for k, v in two.report.items() if k != "seconds"}
            == {k: v for k, v in one.report.items() if k != "seconds"})


@pytest.mark.parametrize("strings_share", [0, 10**6], ids=["small-strings", "large-strings"])
def test_a_conversion_reading_shared_string_pieces_has_the_same_result(tmp_path, monkeypatch, strings_share):
    """Pieces read here and in the helper, looked up in the strings read once: the same table and
    report as one process reading the sheet whole, whether the strings count as small or large."""
    path = _excel_saved(tmp_path / "x.xlsx", 3000)
    read = []
    real = shared_sheet.read_indices

    def counting(xml, styles):
        got = real(xml, styles)
        read.append(got is not None)
        return got

    monkeypatch.setattr(shared_sheet, "read_indices", counting)
    _two_ways(path, monkeypatch, strings_share)
    assert read and all(read)  # this process's pieces (the helper's are counted there)


def test_the_helper_is_given_more_pieces_while_the_strings_are_read(tmp_path, monkeypatch):
    """Reading the shared strings is one long step here: before it, the helper is given a piece
    per ``STRINGS_BYTES_PER_PIECE`` of them (up to ``STRINGS_PIECES_MAX``), not ``PIECES_DEPTH``;
    after it, ``PIECES_DEPTH`` again. The cells are the whole read's."""
    path = _excel_saved(tmp_path / "x.xlsx", 3000)
    with zipfile.ZipFile(path) as zf:
        strings = zf.getinfo("xl/sharedStrings.xml").file_size
        part = excel.sheet_parts(zf)["Contatos"]
    monkeypatch.setattr(tuning, "STRINGS_BYTES_PER_PIECE", strings // 5)
    copy = next(excel._copies(path, "Contatos", part, 8192))
    reading = pieces._Reading("Contatos")
    assert reading.depth(copy) == 5
    monkeypatch.setattr(tuning, "STRINGS_PIECES_MAX", 4)
    assert reading.depth(copy) == 4
    monkeypatch.setattr(tuning, "STRINGS_BYTES_PER_PIECE", strings * 2)  # small strings: the usual depth
    assert reading.depth(copy) == tuning.PIECES_DEPTH
    monkeypatch.setattr(tuning, "STRINGS_BYTES_PER_PIECE", strings // 5)
    reading.here(copy)  # the strings read: the usual depth from then on
    assert reading.shared and reading.depth(copy) == tuning.PIECES_DEPTH

    calls = []
    real_call, real_strings = ChunkHelper.call, shared_sheet.read_strings
    monkeypatch.setattr(ChunkHelper, "call", lambda self, *a: calls.append(a[0]) or real_call(self, *a))
    before = []
    monkeypatch.setattr(shared_sheet, "read_strings", lambda xml: before.append(len(calls)) or real_strings(xml))
    monkeypatch.setattr(excel, "_STRINGS_SHARE", 10**6)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    with ChunkHelper() as helper:
        got = excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, pieces.piece_reader(helper), 8192)
    assert got is not None and before and before[0] >= 4
    _two_ways(path, monkeypatch, 10**6)


def _rich_last(xml):
    at = xml.rindex(b"<si><t>")
    end = xml.index(b"</t></si>", at)
    text = xml[at + 7 : end]
    return xml[:at] + b"<si><r><t>" + text[:1] + b"</t></r><r><t>" + text[1:] + b"</t></r></si>" + xml[end + 9:]


@pytest.mark.parametrize("where", ["first-strings", "last-string"])
def test_large_strings_of_another_shape_are_read_whole(tmp_path, monkeypatch, where):
    """Rich text in large shared strings: no piece at all (each would parse them again), found
    in their first bytes or once they are read; the whole read, and the same result."""
    path = _excel_saved(tmp_path / "x.xlsx", 3000)
    if where == "first-strings":
        _rewrite_sheet(path, lambda x: x.replace(b"<si><t>Recife</t></si>", b"<si><r><t>Rec</t></r><r><t>ife</t></r></si>"),
                       "xl/sharedStrings.xml")
    else:
        _rewrite_sheet(path, _rich_last, "xl/sharedStrings.xml")
    with zipfile.ZipFile(path) as zf:
        assert excel._plain_strings_head(zf, "xl/sharedStrings.xml") == (where == "last-string")
    monkeypatch.setattr(excel, "PIECE_BYTES", 8192)
    monkeypatch.setattr(excel, "_STRINGS_SHARE", 10**6)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    with ChunkHelper() as helper:
        assert excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, pieces.piece_reader(helper)) is None
    _two_ways(path, monkeypatch, 10**6)


def test_a_few_pieces_of_another_shape_are_read_by_calamine_then_the_sheet_whole(tmp_path, monkeypatch):
    """A piece the reader leaves is read by calamine (with the strings); with large strings only
    ``CALAMINE_PIECES`` of them, then the whole read. The same result either way."""
    path = _excel_saved(tmp_path / "x.xlsx", 3000)

    def formulas(every):
        def rewrite(xml):
            rows = xml.split(b"<row ")
            for i in range(every, len(rows), every):
                rows[i] = rows[i].replace(b"<v>", b"<f>1+1</f><v>", 1).replace(b' t="s"', b"", 1)
            return b"<row ".join(rows)
        return rewrite

    _rewrite_sheet(path, formulas(2500))  # one piece of another shape
    monkeypatch.setattr(excel, "PIECE_BYTES", 8192)
    monkeypatch.setattr(excel, "_STRINGS_SHARE", 10**6)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    with ChunkHelper() as helper:
        got = excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, pieces.piece_reader(helper))
    assert got is not None
    whole = read_source(path)
    with ChunkHelper() as helper:
        cut = read_source(path, pieces=pieces.piece_reader(helper))
    assert (cut.header, cut.rows, cut.row_numbers) == (whole.header, whole.rows, whole.row_numbers)
    _rewrite_sheet(path, formulas(500))  # several
    with ChunkHelper() as helper:
        assert excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, pieces.piece_reader(helper)) is None
    _two_ways(path, monkeypatch, 10**6)


def test_the_light_copy_names_the_same_sheets(tmp_path, monkeypatch):
    """The workbook calamine opens to name the sheets of a workbook read in pieces, its large
    sheets and shared strings left empty: the same names, kinds and visibility, so the same sheet."""
    from openpyxl import Workbook

    path = tmp_path / "varios.xlsx"
    wb = Workbook()
    wb.active.title = "Contatos"
    for i in range(300):
        wb.active.append([f"Ana {i}", f"ana{i}@x.com", 5511900000000 + i])
    hidden = wb.create_sheet("Oculta")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    wb.create_chartsheet("Gráfico")
    wb.create_sheet("Outra").append(["y"])
    wb.save(path)
    monkeypatch.setattr(excel, "_LIGHT_BYTES", 100)
    light = excel._open_light(path)
    whole = excel._open(path)
    assert light.sheet_names == whole.sheet_names
    assert [(m.name, m.typ, m.visible) for m in light.sheets_metadata] == [(m.name, m.typ, m.visible)
                                                                          for m in whole.sheets_metadata]
    assert light.get_sheet_by_name("Contatos").to_python() == []  # its cells were left out
    for sheet in (None, "Contatos", "contatos"):
        assert excel._workbook_and_single(path, sheet, light=True)[1:] == excel._workbook_and_single(path, sheet)[1:]


@pytest.mark.parametrize("edge", [
    '<row r="{0}" ht="20" customHeight="1"/>',  # a row without cells
    '<row r="{0}"><c r="A{0}" s="1"/><c r="B{0}" s="2"/></row>',  # cells without values
])
def test_rows_and_columns_without_values_at_a_pieces_edges_are_left_out_as_calamine_leaves_them(base, edge):
    """calamine's used range of the piece: from the first row and column holding a value to the last."""
    cell = '<c r="B{0}" t="s"><v>1</v></c><c r="C{0}"><v>7</v></c>'
    rows = (edge.format(3) + edge.format(4) + "".join(f'<row r="{r}">{cell.format(r)}</row>' for r in (5, 6))
            + edge.format(7))
    got = _same_or_declined(_copy(base, rows, _sst(TEXTS)), must_read=True)
    assert got[:3] == (4, 1, 2)

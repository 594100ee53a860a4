"""A large sheet read in pieces (``excel.read_in_pieces``): copies of the workbook that each hold one
stretch of rows, read here or in the helper process, put together into exactly the whole read's
rows, row numbers, sheet and warnings; and the whole read whenever the pieces cannot say the same."""

import datetime as dt
import random
import re
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from ghl_desktop.core import pipeline
from ghl_desktop.core.limits import DEFAULT_LIMITS, Limits
from ghl_desktop.core.pipeline import ConvertOptions, convert
from ghl_desktop.core import reader
from ghl_desktop.core.reader import excel, read_source
from ghl_desktop.core.speed import helper as parallel
from ghl_desktop.core.speed import pieces, tuning
from ghl_desktop.core.speed.helper import ChunkHelper

from test_reader_excel_head import _contacts, _with_shared_strings

#: Decompressed bytes of rows per piece in these tests: a few dozen rows each.
PIECE = 4096


def _here(copies, sheet):
    return (excel.read_piece(c, sheet) for c in copies)


@pytest.fixture
def spy(monkeypatch):
    """The pieces calamine reads (their sheet XML's size), with small pieces and shared strings of
    any size allowed."""
    monkeypatch.setattr(excel, "PIECE_BYTES", PIECE)
    monkeypatch.setattr(excel, "_STRINGS_SHARE", 0)
    read = []
    real = excel.read_piece

    def reading(copy, sheet):
        read.append(len(copy.xml))
        return real(copy, sheet)

    monkeypatch.setattr(excel, "read_piece", reading)
    return read


def _same(path, **kw):
    """``path`` read whole and in pieces: the same table (header, rows, row numbers, sheet, warnings)."""
    whole = read_source(path, **kw)
    cut = read_source(path, pieces=_here, **kw)
    assert (cut.header, cut.header_row, cut.sheet, cut.format) == (whole.header, whole.header_row, whole.sheet,
                                                                    whole.format)
    assert cut.rows == whole.rows
    assert cut.row_numbers == whole.row_numbers
    assert [str(w) for w in cut.warnings] == [str(w) for w in whole.warnings]
    return whole


def _rewrite_sheet(path, fn, part="xl/worksheets/sheet1.xml"):
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts[part] = fn(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _varied(path, *, top=1, left=1, gap=False, far_left=False, rich=False, merged=True):
    """Rows starting at sheet row ``top`` and column ``left``: a merged title row, a header, then
    text with accents, phones as numbers, CEPs with a padding format, dates, date-times, times,
    amounts, booleans, empty cells; optionally a stretch of empty rows (several pieces long), a
    row further down starting further left and reaching further right, rich text."""
    rnd = random.Random(11)
    wb = Workbook()
    ws = wb.active
    ws.title = "Contatos"
    r = top
    ws.cell(r, left, "Relatório — contatos")
    if merged:
        ws.merge_cells(start_row=r, start_column=left, end_row=r, end_column=left + 3)
    r += 1
    for j, h in enumerate(["Nome", "E-mail", "Celular", "CEP", "Nascimento", "Visto", "Hora", "Valor", "Ativo"]):
        ws.cell(r, left + j, h)
    for i in range(900):
        r += 1
        if gap and i == 450:
            r += 400  # rows without any cell, over several pieces
            gap_end = r
        ws.cell(r, left, f"{rnd.choice(['Ana', 'JOÃO', 'érica'])} {i}")
        ws.cell(r, left + 1, rnd.choice([f"p{i}@exemplo.com.br", "", f" P{i}@UOL.COM.BR "]) or None)
        ws.cell(r, left + 2, rnd.choice([5511900000000 + i, f"(11) 9{i:04d}-0000", None]))
        cep = ws.cell(r, left + 3, rnd.choice([1310100 + i, None]))
        cep.number_format = "00000\\-000"
        ws.cell(r, left + 4, rnd.choice([dt.date(1980, 1 + i % 12, 1 + i % 28), None]))
        ws.cell(r, left + 5, rnd.choice([dt.datetime(2024, 5, 1, 13, i % 60, 7), None]))
        ws.cell(r, left + 6, rnd.choice([dt.time(9, i % 60), None]))
        ws.cell(r, left + 7, rnd.choice([1234.5 + i, 0.1 + 0.2, 1e20 / (i + 1), -0.0, None]))
        ws.cell(r, left + 8, rnd.choice([True, False, None]))
        if rich and i % 7 == 0:
            ws.cell(r, left, CellRichText([TextBlock(InlineFont(b=True), "Dr. "), f"Rico {i}"]))
    if far_left:
        r += 3
        ws.cell(r, 1, "mais à esquerda")
        ws.cell(r, left + 12, "mais à direita")
    hidden = wb.create_sheet("Notas")
    hidden.append(["nada aqui"])
    hidden.sheet_state = "hidden"
    wb.save(path)
    if gap:  # the empty rows as Excel keeps rows of a set height: row elements without cells
        _rewrite_sheet(path, lambda xml: _empty_rows_before(xml, gap_end))
    return path


def _empty_rows_before(xml, row):
    at = xml.index(b'<row r="%d"' % row)
    empty = b"".join(b'<row r="%d" ht="20" customHeight="1"/>' % r for r in range(row - 400, row))
    return xml[:at] + empty + xml[at:]


@pytest.mark.parametrize("shared", [False, True], ids=["inline-strings", "shared-strings"])
@pytest.mark.parametrize("shape", [
    {}, {"top": 5, "left": 3}, {"gap": True}, {"top": 3, "left": 2, "far_left": True}, {"rich": True},
    {"merged": False, "gap": True, "far_left": True, "left": 4},
], ids=["plain", "further-down", "empty-rows", "row-further-left", "rich-text", "all"])
def test_a_sheet_read_in_pieces_is_the_whole_read(tmp_path, spy, shape, shared):
    path = _varied(tmp_path / "contatos.xlsx", **shape)
    if shared:
        _with_shared_strings(path)
    _same(path)
    assert len(spy) > 10  # really read in pieces
    # each a stretch of rows, not the whole sheet (larger ones with shared strings)
    assert max(spy) < PIECE * (excel._SHARED_SCALE if shared else 1) * 2


@pytest.mark.parametrize("write_only", [False, True], ids=["shared-strings", "inline-strings"])
def test_contact_sheets_read_in_pieces_are_the_whole_read(tmp_path, spy, write_only):
    path = _contacts(tmp_path / "contatos.xlsx", 3000, write_only=write_only)
    _same(path)
    _same(path, sheet="contatos")
    assert len(spy) > 20


def test_the_rows_join_at_every_piece_edge(tmp_path, spy, monkeypatch):
    path = _contacts(tmp_path / "contatos.xlsx", 600, write_only=True)
    for size in (4001, 4096, 5003, 6000):
        monkeypatch.setattr(excel, "PIECE_BYTES", size)
        spy.clear()
        _same(path)
        assert len(spy) > 5


def test_pieces_are_put_together_from_their_rows_and_columns(tmp_path, monkeypatch):
    """The join itself: every piece read is used, at its own rows (a lost, doubled or misplaced
    piece shows)."""
    path = _varied(tmp_path / "contatos.xlsx", gap=True, far_left=True, top=4, left=3)
    monkeypatch.setattr(excel, "PIECE_BYTES", PIECE)
    seen = []

    def noting(copies, sheet):
        for piece in _here(copies, sheet):
            seen.append(piece)
            yield piece

    columns, first_col = excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, noting)
    rows = excel.SheetColumns(columns).rows()
    wb = excel._open(path)
    assert (rows, first_col) == excel._sheet_rows(wb, "Contatos", path.name, DEFAULT_LIMITS, None)
    assert sum(len(p[3][0]) for p in seen if p) < len(rows)  # the empty rows come from the join


def test_rows_without_their_numbers_are_read_whole(tmp_path, spy):
    """A writer that leaves out ``r=`` on rows: a piece could not say where it starts."""
    path = _contacts(tmp_path / "contatos.xlsx", 1500, write_only=True)
    _rewrite_sheet(path, lambda xml: re.sub(rb'(<row)\s+r="[0-9]+"', rb"\1", xml))
    assert excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, _here) is None
    _same(path)


def test_cells_without_their_references_are_read_as_the_whole_read(tmp_path, spy):
    path = _contacts(tmp_path / "contatos.xlsx", 1500, write_only=True)
    _rewrite_sheet(path, lambda xml: re.sub(rb'(<c)\s+r="[A-Z]+[0-9]+"', rb"\1", xml))
    _same(path)


def test_a_long_start_before_the_rows_is_read_whole(tmp_path, spy):
    """Every piece carries the sheet's start (column widths...): a long one is not copied over and over."""
    path = _contacts(tmp_path / "contatos.xlsx", 1500, write_only=True)
    cols = b"<cols>" + b"".join(b'<col min="%d" max="%d" width="12" customWidth="1"/>' % (i, i)
                                for i in range(1, 200)) + b"</cols>"
    _rewrite_sheet(path, lambda xml: xml.replace(b"<sheetData>", cols + b"<sheetData>", 1))
    assert excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, _here) is None
    _same(path)


def test_rows_out_of_order_are_read_whole(tmp_path, spy):
    path = _contacts(tmp_path / "contatos.xlsx", 1500, write_only=True)

    def move_last_row_first(xml):
        rows = re.findall(rb"<row .*?</row>", xml, re.S)
        return xml.replace(rows[-1], b"").replace(rows[3], rows[-1] + rows[3])

    _rewrite_sheet(path, move_last_row_first)
    assert excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, _here) is None
    _same(path)


def test_several_visible_sheets_are_scored_on_the_whole_read(tmp_path, spy):
    path = tmp_path / "dois.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Contatos"
    ws.append(["Nome", "E-mail"])
    for i in range(2000):
        ws.append([f"Ana {i}", f"ana{i}@x.com"])
    wb.create_sheet("Outra").append(["x"])
    wb.save(path)
    whole = _same(path)
    assert spy == [] and whole.sheet == "Contatos"
    _same(path, sheet="Contatos")  # a sheet named: that one, in pieces
    assert len(spy) > 10


def test_a_sheet_over_the_limits_says_so_as_the_whole_read_does(tmp_path, spy):
    path = _contacts(tmp_path / "contatos.xlsx", 1500, write_only=True)
    for limits in (Limits(max_rows=100), Limits(max_columns=5)):
        with pytest.raises(Exception) as whole:
            read_source(path, limits=limits)
        with pytest.raises(Exception) as cut:
            read_source(path, limits=limits, pieces=_here)
        assert (type(cut.value), str(cut.value)) == (type(whole.value), str(whole.value))


def test_small_sheets_and_large_shared_strings_are_read_whole(tmp_path, monkeypatch):
    path = _contacts(tmp_path / "contatos.xlsx", 1500)  # shared strings
    monkeypatch.setattr(excel, "PIECE_BYTES", PIECE)
    assert excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, _here) is None
    monkeypatch.setattr(excel, "PIECE_BYTES", 10**8)
    monkeypatch.setattr(excel, "_STRINGS_SHARE", 0)
    assert excel.read_in_pieces(path, "Contatos", DEFAULT_LIMITS, None, _here) is None


def test_the_helper_process_reads_pieces_and_they_are_the_whole_read(tmp_path, monkeypatch):
    path = _varied(tmp_path / "contatos.xlsx", gap=True, far_left=True)
    monkeypatch.setattr(excel, "PIECE_BYTES", PIECE)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    remote = []
    real = pieces._result

    def noting(helper, reading, copy, pending, *rest):
        remote.append(pending is not None)
        return real(helper, reading, copy, pending, *rest)

    monkeypatch.setattr(pieces, "_result", noting)
    with ChunkHelper() as helper:
        cut = read_source(path, pieces=pieces.piece_reader(helper))
    whole = read_source(path)
    assert (cut.header, cut.rows, cut.row_numbers) == (whole.header, whole.rows, whole.row_numbers)
    assert any(remote) and len(remote) > 10


def test_a_failing_helper_only_means_this_process_reads_the_piece(tmp_path, monkeypatch):
    path = _contacts(tmp_path / "contatos.xlsx", 1500, write_only=True)
    monkeypatch.setattr(excel, "PIECE_BYTES", PIECE)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(ChunkHelper, "value", lambda self, pending: None)
    with ChunkHelper() as helper:
        cut = read_source(path, pieces=pieces.piece_reader(helper))
    assert cut.rows == read_source(path).rows


def test_no_pieces_without_a_helper_process(monkeypatch):
    monkeypatch.setattr(tuning, "ONE_PROCESS", True)
    assert pieces.piece_reader(ChunkHelper()) is None
    assert pieces.piece_reader(None) is None


def test_a_conversion_reads_a_large_sheet_in_pieces_on_two_cores_with_the_same_result(tmp_path, monkeypatch, spy):
    path = _contacts(tmp_path / "contatos.xlsx", 3000, write_only=True)
    cut = []
    real = excel._copies

    def cutting(*args):
        for copy in real(*args):
            cut.append(copy.part)
            yield copy

    monkeypatch.setattr(excel, "_copies", cutting)
    monkeypatch.setattr(tuning, "ONE_PROCESS", True)
    one = convert([path], ConvertOptions())
    assert cut == []  # one process: the sheet is read whole
    monkeypatch.setattr(tuning, "ONE_PROCESS", False)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    two = convert([path], ConvertOptions())
    assert len(cut) > 20  # cut into pieces, read here or in the helper
    assert two.table.columns == one.table.columns and two.table.sources == one.table.sources
    assert {k: v for k, v in two.report.items() if k != "seconds"} == {k: v for k, v in one.report.items() if k != "seconds"}


def _odd_rows(path, header):
    """A sheet whose rows a contact list has now and then: blank ones (no cell, empty cells,
    spaces only), rows whose first cell alone is empty, a title row, a header of repeated and
    spaced-out names."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Contatos")
    ws.append(["Lista de contatos"])
    ws.append(header)
    for i in range(1200):
        kind = i % 9
        if kind == 0:
            ws.append([])
        elif kind == 1:
            ws.append(["", "", "", ""])
        elif kind == 2:
            ws.append(["  ", " \t", "", "\u00a0"])
        elif kind == 3:
            ws.append(["", f"sem.nome{i}@x.com", "", ""])
        elif kind == 4:
            ws.append(["", "", "", f"so no fim {i}"])
        else:
            ws.append([f"Ana {i}", f"ana{i}@x.com", 5511900000000 + i, "SP"])
    wb.save(path)
    return path


@pytest.mark.parametrize("header", [
    ["Nome", "E-mail", "Celular", "Cidade"],
    ["  Nome ", "E-mail", "E-mail", "Cidade  da  pessoa"],
    ["Nome", "E-mail", "Celular", ""],
], ids=["plain", "renamed-and-repeated", "header-narrower-than-the-sheet"])
@pytest.mark.parametrize("step", [None, 7], ids=["one-scan", "scans-of-7-rows"])
def test_rows_kept_and_dropped_from_a_sheet_read_in_pieces_are_the_whole_reads(tmp_path, spy, monkeypatch, header,
                                                                                 step):
    """The table made from the pieces' columns (``reader._from_columns``): blank rows dropped (spaces
    count as blank, a row with a value in any cell is kept), row numbers, header names and
    warnings as the whole read's rows give them; its scans a few rows at a time too."""
    if step:
        monkeypatch.setattr(reader, "_TRANSPOSE_ROWS", step)
    path = _odd_rows(tmp_path / "contatos.xlsx", header)
    whole = _same(path)
    assert len(spy) > 10
    assert whole.n_rows < 1200 and any(not r[0] for r in whole.rows)


def test_the_rows_the_helper_holds_are_told_as_stretches_of_its_pieces():
    """``KeptRows.segments``: a chunk's rows as stretches of the pieces the helper kept and of rows
    to send as cells (pieces read here, rows no piece holds), in the source's row order."""
    # pieces of the sheet (0-based rows): 10-19 kept, 20-29 read here, 35-44 kept (30-34: no cells)
    layout = [(10, 10, ("t", 1, 0)), (20, 10, None), (35, 10, ("t", 1, 2))]
    numbers = list(range(11, 46))  # source row r is the sheet's 1-based row 11 + r: index 10 + r
    kept = pieces.KeptRows(layout, numbers, 0)
    assert kept.segments(0, 10) == [(("t", 1, 0), 0, 10)]
    assert kept.segments(5, 35) == [(("t", 1, 0), 5, 10), (10, 25), (("t", 1, 2), 0, 10)]
    assert kept.segments(12, 20) is None  # only rows read here
    assert kept.segments(22, 28) == [(22, 25), (("t", 1, 2), 0, 3)]
    gapped = pieces.KeptRows(layout, numbers[:3] + numbers[4:], 0)  # a blank row left out
    assert gapped.segments(0, 3) == [(("t", 1, 0), 0, 3)]
    assert gapped.segments(2, 5) is None


def _kept_conversion(tmp_path, monkeypatch, spy, segments=None, before_normalizing=None, path=None, rows=10):
    """A conversion on two processes of a sheet read in pieces (``path``, or contacts), and the
    one-process conversion; the helper's chunks that were told as kept pieces
    (``KeptRows.segments``). ``before_normalizing(helper)`` runs once the sheet is read."""
    path = path or _contacts(tmp_path / "contatos.xlsx", 3000, write_only=True)
    monkeypatch.setattr(tuning, "ONE_PROCESS", True)
    one = convert([path], ConvertOptions())
    monkeypatch.setattr(tuning, "ONE_PROCESS", False)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    # chunks of fewer rows than a piece: the first ones are the first pieces', which the helper reads
    monkeypatch.setattr(tuning, "CHUNK_ROWS", rows)
    monkeypatch.setattr(tuning, "PIECE_ROWS", rows)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    told = []
    real = segments or pieces.KeptRows.segments

    def noting(self, a, b):
        got = real(self, a, b)
        told.append(got)
        return got

    monkeypatch.setattr(pieces.KeptRows, "segments", noting)
    if before_normalizing is not None:
        real_normalize = pipeline.normalize_sources

        def normalizing(*args, **kwargs):
            before_normalizing(kwargs["helper"])
            return real_normalize(*args, **kwargs)

        monkeypatch.setattr(pipeline, "normalize_sources", normalizing)
    two = convert([path], ConvertOptions())
    assert two.table.columns == one.table.columns and two.table.sources == one.table.sources
    assert two.table.problems == one.table.problems
    assert {k: v for k, v in two.report.items() if k != "seconds"} == {k: v for k, v in one.report.items() if k != "seconds"}
    return told


def test_the_helper_normalizes_rows_of_the_pieces_it_read_from_its_own_cells(tmp_path, monkeypatch, spy):
    """Chunks of rows the helper read are sent to it as stretches of its pieces (with cells sent
    along for rows read here: ``test_rows_told_as_kept_pieces_are_normalized_as_the_same_cells_sent``),
    and the conversion is the one-process conversion."""
    told = _kept_conversion(tmp_path, monkeypatch, spy)
    assert any(t is not None and any(len(s) == 3 for s in t) for t in told)


def test_a_helper_without_the_pieces_it_is_told_of_leaves_the_rows_to_this_process(tmp_path, monkeypatch, spy):
    """The helper lacks a piece (here: told of pieces of another conversion): that chunk fails
    there and is normalized here, with the same result."""
    real = pieces.KeptRows.segments

    def elsewhere(self, a, b):
        got = real(self, a, b)
        return None if got is None else [(("other", *s[0][1:]), *s[1:]) if len(s) == 3 else s for s in got]

    told = _kept_conversion(tmp_path, monkeypatch, spy, elsewhere)
    assert any(t is not None for t in told)


def test_cells_changed_after_the_pieces_were_joined_are_not_taken_from_the_helper():
    reader_ = pieces.PieceReader(ChunkHelper())
    columns = [["Nome", "Ana"], ["E-mail", "a@x.com"]]
    for rewritten, kept in ((True, False), (False, True)):
        layout = []
        reader_._sheets[:] = [(layout, [])]
        layout.append((0, 2, ("t", 1, 0)))
        reader_.joined(columns, 0, rewritten)
        src = pipeline.SourceColumns("x.xlsx", ["Nome", "E-mail"], columns, [2])
        assert (reader_.kept_rows(src) is not None) is kept
        other = pipeline.SourceColumns("x.xlsx", ["Nome", "E-mail"], [list(c) for c in columns], [2])
        assert reader_.kept_rows(other) is None  # not the lists the pieces were placed in


def test_rows_told_as_kept_pieces_are_normalized_as_the_same_cells_sent(monkeypatch):
    """In the helper (run here): a chunk given as stretches of kept pieces (narrower than the
    sheet, starting right of its first column) and of cells sent along is the chunk of those cells."""
    import marshal

    from ghl_desktop.core.mapping import auto_map

    # This process stands in for the helper: its kept pieces are this test's only.
    monkeypatch.setattr(parallel, "_pieces", {})
    monkeypatch.setattr(parallel, "_pieces_decoded", {})
    monkeypatch.setattr(parallel, "_pieces_token", None)
    header = ["Nome", "E-mail", "Celular", "Cidade"]
    rows = [[f"Ana {i}", f"ana{i}@x.com", f"55119{i:08d}", "SP" if i % 3 else ""] for i in range(30)]
    columns = [list(c) for c in zip(*rows)]
    mapping = auto_map(header, rows)
    # piece "a": rows 0-11, the sheet's columns B-E (the source's first column is sheet column B)
    parallel.keep_piece(("tok", 1, 0), 1, [marshal.dumps(c[:12]) for c in columns])
    # piece "b": rows 20-29, columns B-C only (the rest of its cells empty)
    parallel.keep_piece(("tok", 1, 2), 1, [marshal.dumps(c[20:]) for c in columns[:2]])
    sent = [marshal.dumps(c[12:20]) for c in columns]
    segments = [(("tok", 1, 0), 2, 12), sent, (("tok", 1, 2), 0, 10)]
    got = parallel._normalize_segments(segments, 4, [0, 1, 2, 3], 1, mapping, 0, 28, "BR")
    cells = [c[2:] for c in columns[:2]] + [c[2:20] + [""] * 10 for c in columns[2:]]
    want = parallel._normalize_remote([marshal.dumps(c) for c in cells], mapping, 0, 28, "BR")
    assert got == want
    with pytest.raises(LookupError):
        parallel._normalize_segments([(("tok", 1, 1), 0, 5)], 4, [0, 1], 1, mapping, 0, 5, "BR")


def test_a_helper_that_dies_holding_the_pieces_it_read_leaves_the_rows_to_this_process(tmp_path, monkeypatch, spy):
    """The helper process is killed once the sheet is read (the cells it kept go with it): every
    chunk is normalized here, with the same result."""
    killed = []

    def kill(helper):
        for process in list(helper._pool._processes.values()):
            process.kill()
            process.join()
            killed.append(process.pid)

    _kept_conversion(tmp_path, monkeypatch, spy, before_normalizing=kill)
    assert killed


def test_rows_the_helper_holds_around_blank_rows_left_out_are_its_cells(tmp_path, monkeypatch, spy):
    """A sheet with a title row and blank rows (left out of the source): its rows are told by
    their sheet rows, and a chunk across a blank row left out is sent as cells."""
    path = _odd_rows(tmp_path / "contatos.xlsx", ["Nome", "E-mail", "Celular", "Cidade"])
    told = _kept_conversion(tmp_path, monkeypatch, spy, path=path, rows=3)  # six rows between blank ones
    assert any(t is not None for t in told) and None in told

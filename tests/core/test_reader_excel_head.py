"""A workbook's first rows, read without the rest of its sheet (``inspect --limit``, the window's
first preview): the same rows the whole read gives, and only a bounded part of the sheet read."""

import datetime as dt
import json
import random
import re
import zipfile

import pytest
from openpyxl import Workbook

from ghl_desktop.cli import main
from ghl_desktop.core import pipeline
from ghl_desktop.core.pipeline import ConvertOptions, convert, head_preview, inspect_source
from ghl_desktop.core.reader import excel, read_source, read_source_head
from ghl_desktop.core.table import ContactTable
from ghl_desktop.core.task import TaskState

NAMES = ["Ana", "BRUNO", "Cláudia", "joão", "Érica", "Fábio", "Gustavo", "Helena"]
CITIES = ["São Paulo", "Curitiba", "Belém", "Porto Alegre"]


_INLINE = re.compile(rb'(<c [^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)
_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFICE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _with_shared_strings(path):
    """``path`` rewritten as Excel saves it: text in the shared strings, in order of first use
    (openpyxl writes every string inline)."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    index, items = {}, []

    def shared(m):
        text = m.group(3)
        if text not in index:
            index[text] = len(items)
            items.append(text)
        return m.group(1) + b't="s"' + m.group(2) + b"><v>%d</v></c>" % index[text]

    for name in parts:
        if name.startswith("xl/worksheets/"):
            parts[name] = _INLINE.sub(shared, parts[name])
    n = b"%d" % len(items)
    parts["xl/sharedStrings.xml"] = (b'<sst xmlns="' + _MAIN + b'" count="' + n + b'" uniqueCount="' + n + b'">'
                                     + b"".join(b"<si>" + t + b"</si>" for t in items) + b"</sst>")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="' + _OFFICE + b'/sharedStrings" Target="sharedStrings.xml" Id="rId99"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _contacts(path, n, *, write_only=False, seed=3, sparse_notes=False, title=True):
    """A contact sheet of ``n`` rows with what real sheets hold: a title row above the header,
    shared strings (as Excel saves them) or inline ones, accented text, phones and CEPs stored as numbers (a padded CEP
    format), dates, amounts, yes/no booleans, empty cells, a second sheet that is hidden."""
    rnd = random.Random(seed)
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Contatos") if write_only else wb.active
    if not write_only:
        ws.title = "Contatos"
    if title:
        ws.append(["Relatório de contatos — exportado"])
    ws.append(["Nome", "E-mail", "Celular", "CEP", "Nascimento", "Valor", "Ativo", "Cidade", "Cor favorita"])
    for i in range(n):
        name = rnd.choice(NAMES)
        row = [
            f"{name} {i}",
            rnd.choice([f"{name.lower()}.{i}@exemplo.com.br", f" {name.upper()}{i}@UOL.COM.BR ", ""]),
            rnd.choice([5511900000000 + i, f"(11) 9{i % 10000:04d}-{i % 9999:04d}", ""]),
            rnd.choice([1310100 + i, None]),
            rnd.choice([dt.datetime(1970 + i % 40, 1 + i % 12, 1 + i % 28), None]),
            rnd.choice([1234.5 + i, 0.1 + 0.2, None]),
            rnd.choice([True, False, None]),
            rnd.choice(CITIES),
            (f"nota {i}" if i > n - 5 else "") if sparse_notes else rnd.choice(["", f"cliente desde {i}"]),
        ]
        ws.append(row)
        if not write_only and row[3] is not None:
            ws.cell(ws.max_row, 4).number_format = "00000\\-000"
    hidden = wb.create_sheet("Notas")
    hidden.append(["nada aqui"])
    hidden.sheet_state = "hidden"
    wb.save(path)
    return path if write_only else _with_shared_strings(path)


def _same_head(head, full):
    n = head.n_rows
    assert n and (head.header, head.header_row, head.sheet) == (full.header, full.header_row, full.sheet)
    assert head.rows == full.rows[:n] and head.row_numbers == full.row_numbers[:n]
    assert [str(w) for w in head.warnings] == [str(w) for w in full.warnings]


@pytest.mark.parametrize("write_only", [False, True], ids=["shared-strings", "inline-strings"])
def test_the_head_is_the_whole_reads_first_rows_and_reads_only_those(tmp_path, monkeypatch, write_only):
    path = _contacts(tmp_path / "contatos.xlsx", 3000, write_only=write_only)
    full = read_source(path)
    parsed, strings = [], []
    real_rows, real_strings = excel._sheet_rows, excel._strings_head

    def counting_rows(*args):
        got = real_rows(*args)
        parsed.append(len(got[0]))
        return got

    def counting_strings(fh, count):
        strings.append(count)
        return real_strings(fh, count)

    monkeypatch.setattr(excel, "_sheet_rows", counting_rows)
    monkeypatch.setattr(excel, "_strings_head", counting_strings)
    head, sure, whole = read_source_head(path, 120)
    assert sure and not whole
    _same_head(head, full)
    assert head.n_rows == 120 - 2  # title and header rows come out of the 120
    assert parsed == [120]  # calamine parsed the chosen sheet's first 120 rows, nothing more
    if write_only:
        assert strings == []
    else:  # only the shared strings those rows use were copied, not the other ~20,000
        assert len(strings) == 1 and 100 < strings[0] < 1000
        with zipfile.ZipFile(path) as zf:
            assert zf.read("xl/sharedStrings.xml").count(b"<si>") > 10 * strings[0]


def test_a_head_longer_than_the_sheet_is_the_whole_sheet(tmp_path):
    path = _contacts(tmp_path / "curta.xlsx", 40)
    head, sure, whole = read_source_head(path, 1000)
    assert sure and whole
    full = read_source(path)
    _same_head(head, full)
    assert head.n_rows == full.n_rows == 40


def test_head_ends_at_row_elements_across_block_edges(tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "_HEAD_BLOCK", 7)  # every tag is cut by some block's end
    path = _contacts(tmp_path / "blocos.xlsx", 300)
    head, sure, _ = read_source_head(path, 50)
    assert sure
    _same_head(head, read_source(path))
    assert head.n_rows == 48


def test_a_row_further_down_reaching_further_left_makes_the_head_unsure(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["C1"], ws["D1"] = "Nome", "Email"
    for r in range(2, 700):
        ws.cell(r, 3, f"P{r}")
        ws.cell(r, 4, f"p{r}@x.com")
    ws["A680"] = "nota solta"  # the used range starts at column A, 680 rows down
    path = tmp_path / "deslocada.xlsx"
    wb.save(path)
    head, sure, whole = read_source_head(path, 20)
    assert not sure and not whole
    opts = ConvertOptions()
    assert pipeline.read_head(path, opts, 5) is None  # inspect reads the whole sheet then
    src, mapping = inspect_source(path, opts, 5)
    full = read_source(path)
    assert src.header == full.header and src.n_rows == full.n_rows


def test_several_sheets_to_choose_from_are_settled_by_the_whole_read(tmp_path):
    wb = Workbook()
    wb.active.title = "Resumo"
    wb.active.append(["Total", 3])
    data = wb.create_sheet("Contatos")
    data.append(["Nome", "Email"])
    for i in range(100):
        data.append([f"P{i}", f"p{i}@x.com"])
    path = tmp_path / "duas.xlsx"
    wb.save(path)
    head, sure, _ = read_source_head(path, 30)
    assert not sure and head.sheet == "Contatos"  # a guess, good for a preview only
    head, sure, _ = read_source_head(path, 30, sheet="contatos")
    assert sure and head.sheet == "Contatos"
    _same_head(head, read_source(path, sheet="Contatos"))


def test_text_files_have_no_head_reading(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("Nome,Email\nAna,a@x.com\n", encoding="utf-8")
    assert read_source_head(path, 10) is None


def test_inspect_with_a_limit_reads_the_head_and_shows_what_the_whole_read_shows(tmp_path, capsys, monkeypatch):
    path = _contacts(tmp_path / "contatos.xlsx", 2000)
    assert main(["inspect", str(path), "--json"]) == 0
    whole = json.loads(capsys.readouterr().out)
    calls = []
    monkeypatch.setattr(pipeline, "read_sources", lambda *a, **k: calls.append(a) or [])
    assert main(["inspect", str(path), "--json", "--limit", "7"]) == 0
    limited = json.loads(capsys.readouterr().out)
    assert calls == []  # never the whole read
    assert limited == {**whole, "rows": whole["rows"][:7]}


def test_inspect_with_a_limit_reads_everything_when_a_column_fills_only_further_down(tmp_path, capsys, monkeypatch):
    path = _contacts(tmp_path / "esparsa.xlsx", 1500, sparse_notes=True)
    assert main(["inspect", str(path), "--json"]) == 0
    whole = json.loads(capsys.readouterr().out)
    assert whole["mapping"]["Cor favorita"]["field"] is not None  # its few values make a custom field
    real, calls = pipeline.read_sources, []
    monkeypatch.setattr(pipeline, "read_sources", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(pipeline, "_INSPECT_HEAD_MAX", 900)  # the head grows to 900 rows, no more
    assert main(["inspect", str(path), "--json", "--limit", "7"]) == 0
    limited = json.loads(capsys.readouterr().out)
    assert len(calls) == 1
    assert limited == {**whole, "rows": whole["rows"][:7]}


def test_the_windows_first_rows_of_a_workbook_come_from_its_head(tmp_path, monkeypatch):
    from ghl_desktop.core.speed import tuning

    monkeypatch.setattr(pipeline, "_PREVIEW_MIN_WORKBOOK_BYTES", 1)
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 150)
    path = _contacts(tmp_path / "grande.xlsx", 1000)
    # Custom fields are judged on every row (the preview's on its rows): leave them out here.
    opts = ConvertOptions(dedupe=False, custom_fields=False)
    preview = head_preview(path, opts)
    assert len(preview) == pipeline.PREVIEW_ROWS
    chunks = []
    result = convert([path], opts, state=TaskState(on_rows=chunks.append))
    assert len(chunks[0]) == pipeline.PREVIEW_ROWS
    assert chunks[0].columns == preview.columns
    streamed = ContactTable()
    for c in chunks:
        streamed.extend(c)
    assert streamed.columns == result.table.columns  # the preview is the table's first rows


def test_a_workbooks_repeated_values_share_one_string_as_a_text_files_do(tmp_path):
    """A million-row workbook held millions of equal strings (cities, companies, tags): the
    columns that repeat keep one string per distinct value, and every cell reads the same."""
    from ghl_desktop.core.pipeline import read_sources

    path = _contacts(tmp_path / "cidades.xlsx", 12_000, write_only=True)
    full = read_source(path)
    rows = [list(r) for r in full.rows]
    src = read_sources([path], ConvertOptions())[0]
    assert [list(r) for r in zip(*src.columns)] == rows
    city = src.columns[src.header.index("Cidade")]
    assert len({id(v) for v in city}) == len(CITIES)
    names = src.columns[src.header.index("Nome")]
    assert len({id(v) for v in names}) == len(names)  # a column of distinct values is left alone

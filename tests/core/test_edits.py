"""A person's edits are a layer by source row and field: they outlive a re-conversion (a new
mapping, another region, a retry), an edit that no longer applies is said with its reason, and
every count of rows with problems agrees (filter, report, chart, dialog, file of rows to fix)."""

from __future__ import annotations

import csv
import json

import pytest

from ghl_desktop.cli import main as cli
from ghl_desktop.core import (
    ConvertOptions,
    convert,
    edits,
    problem_kinds,
    reconvert,
    rows_with_problems,
    split_counts,
    tofix_path_for,
)
from ghl_desktop.core import schema as F
from ghl_desktop.core.assemble import ValueCache
from ghl_desktop.core.table import INVALID_DATE, MERGE_CHECK, ROW

CSV = (
    "Nome,E-mail,Telefone,Nascimento,Empresa\n"
    "Ana Lima,ana@gmial.com,(11) 98765-4321,01/02/1990,Acme\n"
    "Bruno Reis,bruno@,(11) 91234-5678,31/02/1990,Beta\n"
    "Carla Dias,carla@x.com,(21) 99876-5432,xx,Gama\n"
    "Davi Melo,davi@x.com,(11) 3333-4444,05/05/1985,Delta\n"
    "Eva Rocha,eva@x.com,(11) 98765-4321,,Acme\n"
)


@pytest.fixture
def result(tmp_path):
    path = tmp_path / "contatos.csv"
    path.write_text(CSV, encoding="utf-8")
    return convert([path], ConvertOptions())


def row_of(result, name: str) -> int:
    return result.table.columns[F.FIRST_NAME].index(name)


def layer_of(*ops) -> edits.Layer:
    return edits.Layer(list(ops))


def test_edits_are_reapplied_after_a_new_mapping(result):
    cache = ValueCache("BR")
    bruno = row_of(result, "Bruno")
    ops = [edits.edit_op(result, bruno, F.EMAIL, "bruno@reis.com"),
           edits.exclude_op(result, [row_of(result, "Davi")], True),
           edits.edit_op(result, row_of(result, "Carla"), "Company Name", "Gama Ltda")]
    for op in ops:
        assert isinstance(edits.apply_op(result, op, cache), edits.Applied)
    saved = json.loads(json.dumps(layer_of(*ops).to_dict()))  # as the job history keeps it

    # The company column is now ignored: that edit no longer applies, and is said; the others stay.
    mapping = result.mappings[0].with_field("Empresa", None)
    again = reconvert(result, [mapping])
    assert again.table.columns[F.EMAIL][row_of(again, "Bruno")] == ""  # the file's bad value
    done = edits.replay(again, edits.Layer.from_dict(saved))
    assert again.table.columns[F.EMAIL][row_of(again, "Bruno")] == "bruno@reis.com"
    assert row_of(again, "Davi") in again.table.excluded
    assert [str(n.reason) for n in done.not_applied] == [
        "row 4 of contatos.csv: Company Name was typed over the column Empresa, which is no longer mapped to "
        "Company Name"]
    assert again.report["excluded_rows"] == 1
    # Kept in the layer: mapped back, the edit applies again.
    back = reconvert(again, [result.mappings[0]])
    assert not edits.replay(back, done.layer).not_applied
    assert back.table.columns["Company Name"][row_of(back, "Carla")] == "Gama Ltda"


def test_an_edit_on_a_row_now_merged_is_listed(result):
    # Eva shares Ana's phone: with duplicates found by email only, she is a row of her own.
    result.options = ConvertOptions(dedupe_by="email")
    separate = reconvert(result, [None])
    eva = row_of(separate, "Eva")
    op = edits.edit_op(separate, eva, "City", "Recife")
    separate.options = ConvertOptions()  # back to GHL's rule: Eva merges into Ana
    merged = reconvert(separate, [None])
    done = edits.replay(merged, layer_of(op))
    assert [str(n.reason) for n in done.not_applied] == ["row 6 of contatos.csv is now merged into row 2 of contatos.csv"]


def test_undone_edits_survive_as_redo(result):
    cache = ValueCache("BR")
    carla = row_of(result, "Carla")
    op = edits.edit_op(result, carla, "City", "Niterói")
    layer = edits.Layer([], [op])
    done = edits.replay(result, layer, cache)
    assert result.table.columns["City"][carla] == "" and len(done.redo) == 1
    assert done.layer.undone == [op]


def test_a_merge_of_different_emails_is_flagged_and_can_be_split(result):
    ana = row_of(result, "Ana")
    flags = [p for p in result.table.problems[ana].get(ROW, []) if p.kind == MERGE_CHECK]
    assert {str(p.message) for p in flags} == {
        "rows with different emails were merged: ana@gmial.com, eva@x.com",
        "rows with different names were merged: Ana Lima, Eva Rocha"}
    n = len(result.table)
    op = edits.split_op(result, ana)
    done = edits.apply_op(result, op, ValueCache("BR"))
    assert len(result.table) == n + 1 and "Eva" in result.table.columns[F.FIRST_NAME]
    assert result.table.columns[F.EMAIL][ana] == "ana@gmial.com" and ana not in result.table.merged
    edits.undo(result.table, done)
    assert len(result.table) == n and result.table.merged[ana]
    # Re-applied after a re-conversion, like any edit.
    again = reconvert(result, [None])
    assert not edits.replay(again, layer_of(op)).not_applied and len(again.table) == n + 1


def test_dedupe_by_email_only_or_phone_only(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(CSV, encoding="utf-8")
    assert convert([path], ConvertOptions(dedupe_by="email")).duplicates_merged == 0
    assert convert([path], ConvertOptions(dedupe_by="phone")).duplicates_merged == 1
    assert ConvertOptions.from_dict(ConvertOptions(dedupe_by="phone").to_dict()).dedupe_by == "phone"


def test_every_count_of_rows_with_problems_agrees(result, tmp_path):
    """The review filter, the report, the chart, the export dialog, the file of rows to fix (CSV
    and Excel) and the command line's report say the same number, invalid dates included."""
    from openpyxl import load_workbook

    rows = rows_with_problems(result.table)
    kinds = problem_kinds(result.table)
    assert kinds[INVALID_DATE] == 2 and result.report["invalid_dates"] == 2
    assert result.report["rejected_rows"] == len(rows) == 2  # Bruno (email, date), Carla (date)
    assert result.report["invalid_emails"] == kinds["invalid_email"] == 1
    assert result.report["quality"]["date"]["invalid"] == 2
    assert result.report["quality"]["email"]["invalid"] == 1
    assert sum(split_counts(result.table)) == len(rows)
    out = tmp_path / "out.csv"
    res = result.export(out, rejects_path=tofix_path_for(out))
    assert res.rejects == len(rows) and res.rejects_path.name == "out-to-fix.csv"
    lines = list(csv.DictReader(open(res.rejects_path, encoding="utf-8", newline="")))
    assert len(lines) == len(rows)
    bruno = next(r for r in lines if r["Nome"] == "Bruno Reis")
    assert (bruno["File"], bruno["Row"], bruno["In the export"]) == ("contatos.csv", "3", "exported without this value")
    assert bruno["Field"] == "E-mail; Nascimento" and bruno["Value"] == "bruno@; 31/02/1990"
    xlsx = result.export(tmp_path / "x.csv", rejects_path=tmp_path / "x-to-fix.xlsx")
    ws = load_workbook(xlsx.rejects_path).active
    table = list(ws.iter_rows(values_only=True))
    assert len(table) - 1 == len(rows) and table[0][:6] == ("File", "Row", "Field", "Value", "Reason", "In the export")
    header = list(table[0])
    at = next(i for i, r in enumerate(table) if r[header.index("Nome")] == "Bruno Reis")
    cells = list(ws.iter_rows(min_row=at + 1, max_row=at + 1))[0]
    highlighted = {header[i] for i, c in enumerate(cells) if c.fill is not None and c.fill.fgColor.rgb.endswith("FFC7CE")}
    assert highlighted == {"E-mail", "Nascimento"}
    # The command line's report and file say it too.
    src = tmp_path / "contatos.csv"
    src.write_text(CSV, encoding="utf-8")
    assert cli(["convert", str(src), "--out", str(tmp_path / "cli.csv"), "--report", str(tmp_path / "r.json"),
                "--rejects", str(tmp_path / "cli-to-fix.xlsx")]) == 0
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["rejected_rows"] == len(rows) == load_workbook(tmp_path / "cli-to-fix.xlsx").active.max_row - 1


def test_a_formula_in_the_xlsx_is_text(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "f.csv"
    path.write_text("Nome,E-mail\n=HYPERLINK(1),bad@\n", encoding="utf-8")
    result = convert([path], ConvertOptions())
    result.export(tmp_path / "o.csv", rejects_path=tmp_path / "o.xlsx")
    ws = load_workbook(tmp_path / "o.xlsx").active
    assert ws.cell(2, 7).value == "=HYPERLINK(1)" and ws.cell(2, 7).data_type == "s"


def test_an_old_layer_naming_table_rows_is_read_by_source_rows(result):
    bruno = row_of(result, "Bruno")
    layer = edits.Layer.from_dict({"version": 1, "ops": [{"op": "edit", "row": bruno, "field": F.EMAIL,
                                                           "text": "b@r.com"}]}, result.table)
    assert layer.done[0]["src"] == list(result.table.sources[bruno])

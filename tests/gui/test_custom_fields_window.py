"""Custom fields and the import tag in the window: the mapping editor's choices, the review table,
the report, the export dialog's tag, and a file with no contact in it."""

import csv
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ghl_desktop.core import messages as M
from ghl_desktop.core.schema import GHL_COLUMNS, MONEY, NUMBER, OPTIONS, TEXT
from ghl_desktop.gui.core_text import translate_core_text
from ghl_desktop.gui.mapping_editor import CONFIDENCE, CUSTOM_CHOICE
from ghl_desktop.jobs import states as S

from .helpers import drop, wait_finished, wait_result

RD = ("Email;Nome;Celular;Cargo;Valor da última venda;Data da última venda;Interesses;Celular - Tipo\n"
      "joao@silva.com.br;João Silva;(11) 98765-4321;Diretor;R$ 1.234,56;15/03/2024;Vendas; Marketing;Pessoal\n"
      "maria@souza.com;Maria Souza;(21) 99876-5432;Analista;R$ 980,00;02/01/2025;Vendas;Trabalho\n"
      "pedro@lima.net;Pedro Lima;(31) 98877-6655;CEO;R$ 10,00;28/02/2024;Suporte| Vendas;Pessoal\n")


def rd_file(folder, name="leads.csv", more=""):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(RD.replace("Vendas; Marketing", "\"Vendas; Marketing\"") + more, encoding="utf-8")
    return path


def header_of(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, model.columnCount())]


def test_custom_fields_are_shown_chosen_renamed_retyped_left_out_and_remembered(ctx, qtbot, tmp_path):
    w = ctx.window
    drop(w, [rd_file(tmp_path / "in")])
    (job,) = wait_finished(qtbot, ctx, 1)
    wait_result(qtbot, w, job.id)
    # The review table shows the custom fields after the standard columns, in GHL's form.
    assert header_of(w.model)[len(GHL_COLUMNS):] == ["Cargo", "Valor da última venda", "Data da última venda",
                                                    "Interesses"]
    t = w.model.table
    assert t.columns["Valor da última venda"] == ["1234.56", "980.00", "10.00"]
    assert t.columns["Data da última venda"][0] == "2024-03-15"
    editor = w.mapping_editor
    rows = {c.source: i for i, c in enumerate(editor.mapping.columns)}
    assert editor.combos[rows["Cargo"]].currentData() == CUSTOM_CHOICE
    assert editor.custom_cells[rows["Valor da última venda"]].kind.currentData() == MONEY
    assert editor.custom_cells[rows["Interesses"]].kind.currentData() == OPTIONS
    assert editor.combos[rows["Celular - Tipo"]].currentData() is None
    assert editor.table.item(rows["Celular - Tipo"], CONFIDENCE).text() == "describes another column"
    assert editor.table.item(rows["Cargo"], CONFIDENCE).text() == "custom field"
    assert "Cargo" in w.report_panel.unmapped.text() and "Money" in w.report_panel.unmapped.text()

    # A person renames one, changes the kind of another and leaves a third out: converted again.
    editor.choose_custom("Cargo", "Função", TEXT)
    editor.choose_custom("Valor da última venda", kind=NUMBER)
    editor.choose("Interesses", None)
    qtbot.waitUntil(lambda: w.shown_view() == "result" and "Função" in w.model.table.columns
                    and "Interesses" not in w.model.table.columns, timeout=20_000)
    assert w.model.table.columns["Função"] == ["Diretor", "Analista", "CEO"]
    saved = ctx.store.get(job.id).mapping["columns"]
    assert saved["Cargo"] == {"field": "Função", "confidence": 1.0, "custom": True, "kind": TEXT}
    assert saved["Valor da última venda"]["kind"] == NUMBER
    assert saved["Interesses"]["field"] is None

    # The next file with the same columns is mapped the same way.
    drop(w, [rd_file(tmp_path / "in2", "leads-2.csv", "rui@melo.com;Rui Melo;;Gerente;R$ 5,00;;Vendas;\n")])
    wait_finished(qtbot, ctx, 2)
    other = next(j for j in ctx.store.list() if j.file_name == "leads-2.csv")
    wait_result(qtbot, w, other.id)
    assert "Função" in w.model.table.columns and "Interesses" not in w.model.table.columns
    assert w.model.table.columns["Função"][-1] == "Gerente"
    m = w.mapping_editor.mapping
    assert m.schema["Valor da última venda"].kind == NUMBER
    assert w.mapping_editor.custom_cells[rows["Cargo"]].name.text() == "Função"


def test_export_tags_every_contact_by_default_with_the_date_and_remembers_the_choice(ctx, qtbot, tmp_path):
    w = ctx.window
    drop(w, [rd_file(tmp_path / "in")])
    (job,) = wait_finished(qtbot, ctx, 1)
    wait_result(qtbot, w, job.id)

    def export(name, setup):
        w.act_export.trigger()
        dialog = w.export_dialog
        qtbot.waitUntil(dialog.is_ready, timeout=10_000)
        out = tmp_path / "out" / name
        dialog.path_edit.setText(str(out))
        offered = (dialog.tag_on.isChecked(), dialog.tag_edit.text())
        setup(dialog)
        with qtbot.waitSignal(w.exportFinished, timeout=20_000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: w.export_dialog is None, timeout=5_000)
        with open(out, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return offered, [r["Tags"] for r in rows]

    today = f"importado-{dt.date.today().isoformat()}"
    offered, tags = export("a.csv", lambda d: None)
    assert offered == (True, today) and tags == [today] * 3
    offered, tags = export("b.csv", lambda d: d.tag_edit.setText("lista.maio, vip"))
    assert offered == (True, today) and tags == ["lista-maio vip"] * 3  # one tag, no period inside
    offered, tags = export("c.csv", lambda d: d.tag_on.setChecked(False))
    assert offered == (True, "lista.maio, vip") and tags == [""] * 3
    offered, _ = export("d.csv", lambda d: None)
    assert offered == (False, "lista.maio, vip") and not ctx.settings.tag_import


def test_a_file_with_no_contact_column_fails_the_job_with_the_same_sentence(ctx, qtbot, tmp_path):
    w = ctx.window
    path = tmp_path / "pedidos.csv"
    path.write_text("Pedido;Valor\n1001;R$ 10,00\n", encoding="utf-8")
    drop(w, [path])
    (job,) = wait_finished(qtbot, ctx, 1)
    assert job.status == S.FAILED
    assert job.error == "pedidos.csv: no column looks like a name, email or phone"
    ctx.languages.apply("pt_BR")
    assert translate_core_text(M.from_json(job.error_json)) == (
        "pedidos.csv: nenhuma coluna parece conter nome, e-mail ou telefone")

"""Issue 18 on the real window: a job compared with the contacts already in GHL (a GHL-style export
the test writes, with Contact Id) shows which rows are new, updates, unchanged or ambiguous, what
an update changes, the counts in the report, and exports each choice; an edit re-marks its row."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from ghl_desktop.core.schema import EMAIL, FIRST_NAME

CITY = "City"
from ghl_desktop.gui.preview_model import ChangeRole, MarkRole

from .helpers import column, drop, reopened, wait_finished, wait_result

GHL = [
    ["Contact Id", "First Name", "Last Name", "Phone", "Email", "Tags", "City"],
    ["id-a", "Ana", "Silva", "+5511987654321", "ana@x.com", "vip", "São Paulo"],
    ["id-b", "Bruno", "Lima", "+5521987654322", "bruno@x.com", "", ""],
    ["id-c", "Carla", "Dias", "+5531987654323", "carla@x.com", "", ""],
    ["id-d", "Davi", "Reis", "+5541987654324", "davi@x.com", "", ""],
    ["id-e", "Eva", "Melo", "+5551987654325", "eva@x.com", "", "Recife"],
]
LIST = [
    ["Nome", "Sobrenome", "Email", "Celular", "Cidade"],
    ["Ana", "Silva", "ANA@x.com", "", "Rio de Janeiro"],             # by email only: update (City)
    ["Bruno", "Lima", "", "(21) 98765-4322", ""],                     # by phone only: unchanged
    ["Carla", "Dias", "carla@x.com", "(31) 98765-4323", "Curitiba"],  # by both: update
    ["Davi", "Reis", "davi@x.com", "(51) 98765-4325", ""],            # email of d, phone of e: ambiguous
    ["Fabio", "Novo", "fabio@x.com", "(11) 91234-5678", ""],          # new
    ["Gil", "Novo", "gil@x.com", "", "Santos"],                       # new
]


def write_csv(path: Path, rows) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def lists(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    return {"ghl": write_csv(folder / "ghl-contatos.csv", GHL), "new": write_csv(folder / "evento.csv", LIST)}


def row_of(table, name: str) -> int:
    return table.columns[FIRST_NAME].index(name)


def open_job(ctx, qtbot, lists):
    """Drop the new list, then add the GHL export to its job with the job's button (the file
    dialog's answer given): the job is converted again, compared with it."""
    w = ctx.window
    drop(w, [lists["new"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    assert not w.review.existing_bar.isVisibleTo(w.review)  # nothing to compare with yet
    assert not w.report_panel.existing_box.isVisibleTo(w.report_panel)
    button = w.jobs_panel.buttons["existing"]
    assert button.isEnabled() and button.text() == "Contacts already in GHL…"
    asked = []
    w.choose_existing_for_job = asked.append  # the file dialog
    w.jobs_panel.existingAddRequested.disconnect()
    w.jobs_panel.existingAddRequested.connect(w.choose_existing_for_job)
    button.click()
    assert asked == [job.id]
    shown = []
    w.jobShown.connect(lambda job_id, view: shown.append(view))
    assert w.add_existing_to_job(job.id, [lists["ghl"]])
    qtbot.waitUntil(lambda: "result" in shown and w.session.result is not None
                    and w.session.result.existing is not None, timeout=30_000)
    assert ctx.store.get(job.id).existing_paths == [str(lists["ghl"])]  # kept as a copy in the history
    assert "Compared with the contacts already in GHL: ghl-contatos.csv" in w.jobs_panel.detail.text()
    return w, job


def test_review_filters_changes_and_report(ctx, qtbot, lists):
    w, job = open_job(ctx, qtbot, lists)
    panel, model = w.review, w.model
    assert panel.existing_bar.isVisible()
    texts = {m: panel.filter_buttons[m].text() for m in ("new", "update", "unchanged", "ambiguous")}
    assert texts == {"new": "New (2)", "update": "Update (2)", "unchanged": "Unchanged (1)",
                     "ambiguous": "Ambiguous (1)"}
    panel.filter_buttons["update"].click()
    assert model.visible_count() == 2
    names = {model.index(r, column(FIRST_NAME)).data() for r in range(model.rowCount())}
    assert names == {"Ana", "Carla"}
    ana = next(r for r in range(model.rowCount()) if model.index(r, column(FIRST_NAME)).data() == "Ana")
    city = model.index(ana, column(CITY))
    assert city.data(ChangeRole) == ("São Paulo", "Rio de Janeiro")
    assert "In GHL: São Paulo → new: Rio de Janeiro" in city.data(0x03)  # ToolTipRole
    assert model.index(ana, column(EMAIL)).data(ChangeRole) is None  # same email: no change
    panel.select_cell(ana, column(CITY))
    detail = panel.existing_detail.text()
    assert "id-a" in detail and "São Paulo → new: Rio de Janeiro" in detail

    report = w.report_panel
    w.tabs.setCurrentWidget(report)
    qtbot.waitUntil(lambda: report.existing_box.isVisible())
    assert {k: report.values[k].text() for k in ("new_rows", "update_rows", "unchanged_rows", "ambiguous_rows")} == \
        {"new_rows": "2", "update_rows": "2", "unchanged_rows": "1", "ambiguous_rows": "1"}
    assert "ghl-contatos.csv" in report.existing_title.text()
    assert report.chart.existing_values() == {"new": 2, "update": 2, "unchanged": 1, "ambiguous": 1}
    w.grab().save("/tmp/g18/review.png")


def export_choice(w, qtbot, tmp_path, only: str, unchanged: bool = False) -> list[dict]:
    """Export with the dialog's choice; the rows written (every part, header by name)."""
    w.act_export.trigger()
    dialog = w.export_dialog
    assert dialog is not None and dialog.is_ready() and dialog.existing_box.isVisibleTo(dialog)
    dialog.only_buttons[only].click()
    dialog.unchanged.setChecked(unchanged)
    dialog.tag_on.setChecked(False)
    out = tmp_path / "out" / f"{only}-{int(unchanged)}.csv"
    dialog.path_edit.setText(str(out))
    counted = dialog.choice_count.text()
    with qtbot.waitSignal(w.exportFinished, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    rows = []
    for p in sorted(out.parent.glob(f"{out.stem}*.csv")):
        with open(p, encoding="utf-8", newline="") as fh:
            rows += list(csv.DictReader(fh))
    assert counted == ("1 row will be exported." if len(rows) == 1 else f"{len(rows)} rows will be exported.")
    if w.message_box is not None:
        w.message_box.close()
    return rows


def test_export_choices_write_the_rows_they_count(ctx, qtbot, lists, tmp_path):
    w, _job = open_job(ctx, qtbot, lists)
    w.act_export.trigger()
    dialog = w.export_dialog
    texts = {o: b.text() for o, b in dialog.only_buttons.items()}
    assert texts == {"all": "Everything: new contacts and updates (5 rows)",
                     "new": 'Only new contacts, for GHL\'s "Create only" (2 rows)',
                     "update": 'Only updates of contacts already in GHL, for "Update only" (3 rows)'}
    assert not dialog.unchanged.isChecked() and "1 contact GHL already has" in dialog.unchanged.text()
    assert "Don't update empty values" in dialog.empty_note.text()
    dialog.unchanged.setChecked(True)
    assert dialog.only_buttons["all"].text().endswith("(6 rows)")
    dialog.only_buttons["new"].click()
    assert not dialog.unchanged.isEnabled() and dialog.choice_count.text() == "2 rows will be exported."
    dialog.reject()
    qtbot.waitUntil(lambda: w.export_dialog is None)

    everything = export_choice(w, qtbot, tmp_path, "all")
    assert sorted(r["First Name"] for r in everything) == ["Ana", "Carla", "Davi", "Fabio", "Gil"]
    ids = {r["First Name"]: r["Contact Id"] for r in everything}
    assert ids == {"Ana": "id-a", "Carla": "id-c", "Davi": "id-d", "Fabio": "", "Gil": ""}
    ana = next(r for r in everything if r["First Name"] == "Ana")
    assert ana["Phone"] == "+5511987654321"  # empty in the list: GHL's value, never an empty overwrite
    assert ana["City"] == "Rio de Janeiro"

    new = export_choice(w, qtbot, tmp_path, "new")
    assert sorted(r["First Name"] for r in new) == ["Fabio", "Gil"]
    updates = export_choice(w, qtbot, tmp_path, "update")
    assert sorted(r["First Name"] for r in updates) == ["Ana", "Carla", "Davi"]
    with_unchanged = export_choice(w, qtbot, tmp_path, "update", unchanged=True)
    assert sorted(r["First Name"] for r in with_unchanged) == ["Ana", "Bruno", "Carla", "Davi"]


def test_an_edit_re_marks_its_row_and_the_counts_follow(ctx, qtbot, lists):
    w, job = open_job(ctx, qtbot, lists)
    panel, model = w.review, w.model
    table = model.table
    gil = row_of(table, "Gil")
    assert model.index(gil, 0).data(MarkRole) == "new"
    # Gil's email becomes Bruno's: the row now updates Bruno (names and city change).
    assert model.setData(model.index(gil, column(EMAIL)), "bruno@x.com")
    assert w.session.result.existing.mark(gil) == "update"
    assert w.session.result.existing.contact_id(gil) == "id-b"
    qtbot.waitUntil(lambda: panel.filter_buttons["new"].text() == "New (1)")
    assert panel.filter_buttons["update"].text() == "Update (3)"
    assert model.index(gil, column(FIRST_NAME)).data(ChangeRole) == ("Bruno", "Gil")
    qtbot.waitUntil(lambda: w.report_panel.report.get("update_rows") == 3, timeout=10_000)
    assert w.report_panel.values["new_rows"].text() == "1"
    # Undo: new again.
    w.act_undo.trigger()
    assert w.session.result.existing.mark(gil) == "new"
    qtbot.waitUntil(lambda: panel.filter_buttons["new"].text() == "New (2)")
    # Redo, then reopen the job: the edit is performed again and the row is still an update.
    w.act_redo.trigger()
    w.jobs_panel.select_job("")
    w.show_job("")
    w.show_job(job.id)
    wait_result(qtbot, w, job.id)
    assert w.session.result.existing.mark(row_of(w.model.table, "Gil")) == "update"
    assert w.review.filter_buttons["update"].text() == "Update (3)"


def test_settings_compare_every_new_job_and_a_job_can_stop_comparing(ctx, qtbot, lists):
    w = ctx.window
    dialog = w.open_settings()
    dialog.add_existing_file(lists["ghl"])
    assert dialog.existing.count() == 1 and dialog.existing.item(0).text() == "ghl-contatos.csv"
    dialog.accept()
    assert ctx.settings.existing_files == [str(lists["ghl"])]
    drop(w, [lists["new"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    assert w.session.result.existing is not None
    assert w.review.filter_buttons["ambiguous"].text() == "Ambiguous (1)"
    # The arrow's menu: stop comparing with the file; the job is converted again without it.
    w.jobs_panel._fill_existing_menu()
    actions = [a for a in w.jobs_panel.existing_menu.actions() if a.text()]
    assert [a.text() for a in actions] == ["Add files…", "Stop comparing with ghl-contatos.csv"]
    shown = []
    w.jobShown.connect(lambda job_id, view: shown.append(view))
    actions[1].trigger()
    qtbot.waitUntil(lambda: "result" in shown and w.session.result is not None
                    and w.session.result.existing is None, timeout=30_000)
    assert not w.review.existing_bar.isVisibleTo(w.review)
    assert "existing" not in ctx.store.get(job.id).options
    # A default file that is gone: said when files are dropped, and the job converts without it.
    lists["ghl"].unlink()
    other = write_csv(lists["new"].with_name("outra.csv"), LIST[:3])
    drop(w, [other])
    qtbot.waitUntil(lambda: w.message_box is not None)
    assert "ghl-contatos.csv" in w.message_box.text() and "not found" in w.message_box.windowTitle()
    jobs = wait_finished(qtbot, ctx, 2)
    assert all(j.status == "done" for j in jobs)


def test_an_existing_file_that_cannot_be_read_leaves_the_job_as_it_was(ctx, qtbot, lists, tmp_path):
    w, job = open_job(ctx, qtbot, lists)
    gone = tmp_path / "in" / "sumiu.csv"
    gone.write_text("x", encoding="utf-8")
    # Not a file the history can copy (it vanishes between the dialog and the copy).
    gone.unlink()
    w.add_existing_to_job(job.id, [gone])
    qtbot.waitUntil(lambda: w.message_box is not None)
    box = w.message_box
    assert box.windowTitle() == "Contacts already in GHL not added"
    assert box.text().startswith("evento.csv is compared with the same files as before: contacts already in GHL:")
    assert "sumiu.csv" in box.text()
    box.close()
    job = ctx.store.get(job.id)
    assert job.status == "done" and job.existing_paths == [str(lists["ghl"])]
    assert w.session.result.existing is not None


MARK_KEYS = ("new_rows", "update_rows", "unchanged_rows", "ambiguous_rows")


def _import_counts(w) -> dict[str, int]:
    """The report's four counts under "Importing into GHL" and its rows to export, as shown."""
    return {k: int(w.report_panel.values[k].text()) for k in (*MARK_KEYS, "exported_rows")}


def test_an_excluded_row_leaves_the_import_counts_and_they_survive_a_restart(qapp, data_dir, qtbot, lists, tmp_path):
    """Compared with GHL, a person fixes a cell and excludes a new contact: the report's four
    counts drop it and add up to its rows to export, the export dialog and the file written agree,
    while the review's filters still count every row; closed and reopened, all of it is the same."""
    from ghl_desktop.gui.app import AppContext, make_application

    make_application()
    first = AppContext(data_dir)
    first.window.show()
    try:
        w, job = open_job(first, qtbot, lists)
        model = w.model
        gil = row_of(model.table, "Gil")
        assert model.setData(model.index(gil, column(CITY)), "Guarujá")
        w.review.select_cell(row_of(model.table, "Fabio"), column(FIRST_NAME))
        w.toggle_exclude_selected()
        qtbot.waitUntil(lambda: w.report_panel.report.get("new_rows") == 1, timeout=10_000)
        before = _import_counts(w)
        assert before == {"new_rows": 1, "update_rows": 2, "unchanged_rows": 1, "ambiguous_rows": 1,
                          "exported_rows": 5}
        assert sum(before[k] for k in MARK_KEYS) == before["exported_rows"]
        qtbot.waitUntil(lambda: w.review.filter_buttons["new"].text() == "New (2)")  # every row, Fabio too
        assert w.review.existing_title.text() == "Compared with GHL:"
        w.act_export.trigger()
        assert w.export_dialog.only_buttons["new"].text().endswith("(1 row)")
        w.export_dialog.reject()
        qtbot.waitUntil(lambda: w.export_dialog is None)
        written = export_choice(w, qtbot, tmp_path / "before", "all")
        assert sorted(r["First Name"] for r in written) == ["Ana", "Carla", "Davi", "Gil"]
        assert next(r for r in written if r["First Name"] == "Gil")["City"] == "Guarujá"
    finally:
        first.close()

    with reopened(data_dir, qtbot, job.id) as w:
        qtbot.waitUntil(lambda: w.report_panel.values["new_rows"].text().isdigit(), timeout=10_000)
        assert _import_counts(w) == before
        assert row_of(w.model.table, "Fabio") in w.model.table.excluded
        assert w.review.filter_buttons["new"].text() == "New (2)"
        assert export_choice(w, qtbot, tmp_path / "after", "all") == written


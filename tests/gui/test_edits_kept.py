"""Issue 16 on the real window: a person's edits outlive a new mapping, "process again" and Retry
(kept by default, or started over), undo history survives a restart, closing after edits logs no
error, and a merged contact can be split back (undoable)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from ghl_desktop.core.schema import EMAIL, FIRST_NAME, NOTES, PHONE
from ghl_desktop.gui.row_filter import MERGED

from .helpers import column, drop, find_row, reopened, wait_finished, wait_result


def review_a_few_things(w, qtbot):
    """Fix an email, accept a suggestion, exclude the row with the bad phone."""
    model = w.model
    r = find_row(model, EMAIL, "ana.pereira@@example")
    assert model.setData(model.index(r, column(EMAIL)), "ana.pereira@example.org")
    w.session.accept_suggestion(model.table.columns[EMAIL].index("joao.souza@gmial.com"), EMAIL)
    carlos = model.table.columns[FIRST_NAME].index("Carlos")
    w.session.set_excluded([carlos], True)
    assert w.session.edit_count() == 3


def asked(qtbot, w) -> QMessageBox:
    qtbot.waitUntil(lambda: w.message_box is not None, timeout=5_000)  # the editor waits a moment
    return w.message_box


def click(box: QMessageBox, name: str) -> None:
    button = next(b for b in box.buttons() if b.objectName() == name)
    button.click()


def test_edits_are_kept_after_a_new_mapping_and_a_retry(ctx, qtbot, files):
    w = ctx.window
    drop(w, [files["a"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    review_a_few_things(w, qtbot)

    # Change one column's field: the window asks, "keep my 3 edits" is the default.
    shown = []
    w.jobShown.connect(lambda job_id, view: shown.append(view))
    w.mapping_editor.choose("Observação", None)
    box = asked(qtbot, w)
    assert "3 edits" in box.text()
    assert box.defaultButton().objectName() == "keepEdits" and "Keep my 3 edits" == box.defaultButton().text()
    click(box, "keepEdits")
    qtbot.waitUntil(lambda: "result" in shown and w.model.table.columns[NOTES][0] == "", timeout=20_000)
    table = w.model.table
    assert "ana.pereira@example.org" in table.columns[EMAIL]
    assert "joao.souza@gmail.com" in table.columns[EMAIL]
    assert table.columns[FIRST_NAME].index("Carlos") in table.excluded
    assert w.act_undo.isEnabled()
    w.act_undo.trigger()  # the exclusion, made before the remap, is still undoable
    assert not table.excluded
    w.act_redo.trigger()
    qtbot.waitUntil(lambda: w.report_panel.report.get("excluded_rows") == 1, timeout=10_000)

    # Retry: start over this time.
    shown.clear()
    w.jobs_panel.retry_current()
    box = asked(qtbot, w)
    assert "3 edits" in box.text()
    click(box, "startOver")
    qtbot.waitUntil(lambda: "result" in shown, timeout=20_000)
    wait_result(qtbot, w, job.id)
    assert not w.model.table.excluded and "joao.souza@gmial.com" in w.model.table.columns[EMAIL]
    assert not w.act_undo.isEnabled() and not ctx.store.get(job.id).edits.get("ops")


def test_an_edit_that_no_longer_applies_is_listed(ctx, qtbot, files):
    w = ctx.window
    drop(w, [files["a"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    model = w.model
    r = find_row(model, NOTES, "lead")
    model.setData(model.index(r, column(NOTES)), "ligar amanhã")
    shown = []
    w.jobShown.connect(lambda job_id, view: shown.append(view))
    w.mapping_editor.choose("Observação", None)
    click(asked(qtbot, w), "keepEdits")
    qtbot.waitUntil(lambda: "result" in shown and w.session.result is not None, timeout=20_000)
    wait_result(qtbot, w, job.id)
    banner = w.review.banner
    assert banner.isVisible() and "1 of your edits no longer applies" in banner.text()
    assert "row 3 of evento.csv: Notes was typed over the column Observação" in banner.text()
    assert ctx.store.get(job.id).edits["pending"]  # kept, not dropped


def test_undo_history_survives_a_restart_and_closing_logs_no_error(qapp, data_dir, qtbot, files, caplog):
    from ghl_desktop.gui.app import AppContext, make_application

    make_application()
    first = AppContext(data_dir)
    first.window.show()
    drop(first.window, [files["a"]])
    job = wait_finished(qtbot, first, 1)[0]
    wait_result(qtbot, first.window, job.id)
    review_a_few_things(first.window, qtbot)
    first.window.act_undo.trigger()  # the exclusion is undone: on the redo side
    with caplog.at_level(logging.WARNING):
        first.close()  # closing after edits: saved once, cleanly
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    saved = first.store  # closed
    del saved

    with reopened(data_dir, qtbot, job.id) as w:
        assert "ana.pereira@example.org" in w.model.table.columns[EMAIL]
        assert not w.model.table.excluded
        assert w.act_redo.isEnabled() and w.act_undo.isEnabled()
        w.act_redo.trigger()
        assert w.model.table.columns[FIRST_NAME].index("Carlos") in w.model.table.excluded
        w.act_undo.trigger()
        w.act_undo.trigger()  # the accepted suggestion
        assert "joao.souza@gmial.com" in w.model.table.columns[EMAIL]


def test_a_merged_contact_is_split_back_and_undone(ctx, qtbot, files):
    w = ctx.window
    drop(w, [files["a"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    w.review.set_mode(MERGED)
    assert w.model.rowCount() == 1
    w.review.select_cell(0, column(PHONE))
    n = len(w.model.table)
    assert w.split_selected()
    assert len(w.model.table) == n + 1 and w.model.rowCount() == 0  # no merged contact left
    assert ctx.store.get(job.id).edits["ops"][-1]["op"] == "split"
    w.act_undo.trigger()
    assert len(w.model.table) == n and w.model.rowCount() == 1


def _counts_on_screen(w, qtbot, folder) -> dict[str, int]:
    """Rows with a problem as each screen says it: the filter button, the report, the export
    dialog, and the file of rows to fix that the export writes (its distinct rows)."""
    import csv
    import re

    from ghl_desktop.gui.row_filter import PROBLEMS

    qtbot.waitUntil(lambda: re.search(r"\((\d+)\)", w.review.filter_buttons[PROBLEMS].text()) is not None)
    button = int(re.search(r"\((\d+)\)", w.review.filter_buttons[PROBLEMS].text()).group(1))
    report = int(w.report_panel.values["rejected_rows"].text())
    w.export_current()
    qtbot.waitUntil(lambda: w.export_dialog is not None and w.export_dialog.is_ready())
    dialog = w.export_dialog
    dialog_rows = int(re.match(r"\d+", dialog.warning.text()).group(0)) if dialog.warning.isVisibleTo(dialog) else 0
    dialog.path_edit.setText(str(folder / "out.csv"))
    dialog.rejects.setChecked(True)
    dialog.tofix.setCurrentIndex(dialog.tofix.findData(".csv"))
    done = []
    w.exportFinished.connect(done.append)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    if w.message_box is not None:
        w.message_box.close()
    tofix = next(p for p in done[0] if "to-fix" in p.name)
    with open(tofix, encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh))[1:]
    return {"filter": button, "report": report, "export dialog": dialog_rows,
            "to-fix file": len({(f, r) for f, r, *_ in lines})}


def test_a_person_reviews_remaps_exports_closes_and_reopens_and_every_count_agrees(
        qapp, data_dir, qtbot, files, tmp_path):
    """Drop, fix cells, exclude a row, change the mapping (edits kept), export, close, reopen,
    export again: the edits are there, and the filter, the report, the export dialog and the file
    of rows to fix give one count of rows with a problem, the same before closing and after."""
    from ghl_desktop.gui.app import AppContext, make_application

    make_application()
    first = AppContext(data_dir)
    first.window.show()
    try:
        w = first.window
        drop(w, [files["a"]])
        job = wait_finished(qtbot, first, 1)[0]
        wait_result(qtbot, w, job.id)
        review_a_few_things(w, qtbot)
        w.mapping_editor.choose("Observação", None)
        click(asked(qtbot, w), "keepEdits")
        qtbot.waitUntil(lambda: first.store.get(job.id).status == "done" and w.shown_view() == "result"
                        and w.session.result is not None and w.session.edit_count() == 3, timeout=30_000)
        # The jobs list's rows and the report agree once the kept exclusion is performed again.
        qtbot.waitUntil(lambda: w.report_panel.values["exported_rows"].text().isdigit())
        assert first.store.get(job.id).exported_rows == int(w.report_panel.values["exported_rows"].text())
        before = _counts_on_screen(w, qtbot, tmp_path / "before")
        assert len(set(before.values())) == 1 and before["filter"] > 0, before
    finally:
        first.close()

    with reopened(data_dir, qtbot, job.id) as w:
        assert "ana.pereira@example.org" in w.model.table.columns[EMAIL]
        assert w.model.table.columns[FIRST_NAME].index("Carlos") in w.model.table.excluded
        assert not any(w.model.table.columns[NOTES])  # the new mapping left the notes out
        after = _counts_on_screen(w, qtbot, tmp_path / "after")
        assert after == before

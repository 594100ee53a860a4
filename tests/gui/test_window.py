"""The real window end to end: drop, live preview, review with undo, mapping, export, errors."""

import csv
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ghl_desktop.core.speed import tuning
from ghl_desktop.core import pipeline
from ghl_desktop.core.schema import EMAIL, FIRST_NAME, GHL_COLUMNS, NOTES, PHONE
from ghl_desktop.core.table import EMAIL_TYPO, INVALID_EMAIL, INVALID_PHONE
from ghl_desktop.gui.preview_model import ProblemKindsRole, TableRowRole
from ghl_desktop.core import rows_with_problems
from ghl_desktop.gui.row_filter import EXCLUDED, PROBLEMS, SUGGESTIONS
from ghl_desktop.jobs import states as S

from .conftest import write_contacts
from .helpers import column, drop, find_row, wait_finished, wait_result


def test_empty_window_invites_a_drop(ctx):
    w = ctx.window
    assert w.pages.currentWidget() is w.drop_area
    assert w.drop_area.title.text() == "Drop your spreadsheets here"
    assert w.drop_area.open_button.isVisible()
    assert w.act_open.shortcut().toString() == "Ctrl+O"
    assert w.act_export.shortcut().toString() == "Ctrl+E"
    assert w.act_undo.shortcut().toString() == "Ctrl+Z"
    assert w.act_redo.shortcut().toString() == "Ctrl+Y"
    assert w.act_exclude.shortcut().toString() == "Del"


def test_two_files_dropped_reviewed_and_exported(ctx, qtbot, files, tmp_path):
    w = ctx.window
    drop(w.drop_area, [files["a"], files["b"]])
    jobs = wait_finished(qtbot, ctx, 2)
    assert {j.status for j in jobs} == {S.DONE}
    assert w.pages.currentWidget() is w.splitter

    job_a = next(j for j in jobs if j.file_name == "evento.csv")
    w.jobs_panel.select_job(job_a.id)
    wait_result(qtbot, w, job_a.id)
    model = w.model
    assert model.rowCount() == 4  # 5 rows, the two Marias merged

    # An invalid email is shown (it is not in the column), highlighted, with the reason as tooltip.
    r = find_row(model, EMAIL, "ana.pereira@@example")
    idx = model.index(r, column(EMAIL))
    assert INVALID_EMAIL in idx.data(ProblemKindsRole)
    assert idx.data(Qt.ItemDataRole.BackgroundRole) == model.colors.error
    assert "Invalid email" in idx.data(Qt.ItemDataRole.ToolTipRole)
    assert model.table.columns[EMAIL][idx.data(TableRowRole)] == ""
    phone = model.index(find_row(model, PHONE, "123"), column(PHONE))
    assert INVALID_PHONE in phone.data(ProblemKindsRole)
    # A changed value shows original → normalized; merged duplicates are marked.
    maria = find_row(model, EMAIL, "maria.silva@example.com.br")
    assert "MARIA → Maria" in model.index(maria, column(FIRST_NAME)).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(maria, 0).data() == "+1"
    assert "Merged with 1 duplicate" in model.index(maria, 0).data(Qt.ItemDataRole.ToolTipRole)

    # Filter to rows with problems.
    # Filter to rows with problems (the core's one count); a typo suggestion is under "Suggestions".
    w.review.set_mode(PROBLEMS)
    assert model.rowCount() == len(rows_with_problems(model.table)) == 2
    assert w.review.filter_buttons[PROBLEMS].text().endswith("(2)")
    w.review.set_mode(SUGGESTIONS)
    assert model.rowCount() == 1 and model.index(0, column(EMAIL)).data() == "joao.souza@gmial.com"
    w.review.set_mode(PROBLEMS)

    # Edit in place (re-validated by core), then undo and redo.
    r = find_row(model, EMAIL, "ana.pereira@@example")
    row = model.index(r, column(EMAIL)).data(TableRowRole)
    assert model.setData(model.index(r, column(EMAIL)), "  Ana.Pereira@Example.org ")
    assert model.table.columns[EMAIL][row] == "ana.pereira@example.org"
    assert INVALID_EMAIL not in model.index(r, column(EMAIL)).data(ProblemKindsRole)
    assert w.act_undo.isEnabled()
    w.act_undo.trigger()
    assert model.table.columns[EMAIL][row] == ""
    assert model.index(r, column(EMAIL)).data() == "ana.pereira@@example"
    w.act_redo.trigger()
    assert model.table.columns[EMAIL][row] == "ana.pereira@example.org"

    # Accept the suggested fix with one click.
    w.review.set_mode(SUGGESTIONS)
    r = find_row(model, EMAIL, "joao.souza@gmial.com")
    assert EMAIL_TYPO in model.index(r, column(EMAIL)).data(ProblemKindsRole)
    w.review.select_cell(r, column(EMAIL))
    w.act_accept.trigger()
    assert model.index(r, column(EMAIL)).data() == "joao.souza@gmail.com"

    # Exclude the row with the bad phone (Delete), see it under "Excluded".
    w.review.set_mode(PROBLEMS)
    r = find_row(model, PHONE, "123")
    carlos = model.index(r, 0).data(TableRowRole)
    w.review.select_cell(r, column(PHONE))
    w.act_exclude.trigger()
    assert carlos in model.table.excluded
    w.review.set_mode(EXCLUDED)
    assert model.rowCount() == 1 and model.index(0, 0).data(TableRowRole) == carlos

    # Edits are saved with the job, and the report follows them.
    ops = ctx.store.get(job_a.id).edits["ops"]
    assert [o["op"] for o in ops] == ["edit", "accept", "exclude"]
    qtbot.waitUntil(lambda: w.report_panel.report.get("excluded_rows") == 1, timeout=10_000)
    assert w.report_panel.report["invalid_emails"] == 0

    # Export: default name, parts, rejects, then the message with "Open folder".
    w.act_export.trigger()
    dialog = w.export_dialog
    assert dialog is not None and dialog.is_ready()
    assert dialog.out_path().name == "evento-ghl.csv"
    # The bad email was fixed; the row with the bad phone is excluded: one row to fix, not exported.
    assert dialog.warning.isVisible() and dialog._problems == (0, 1)
    assert "1 not exported" in dialog.warning.text()
    out = tmp_path / "out" / "evento-ghl.csv"
    dialog.path_edit.setText(str(out))
    dialog.split.setValue(2)
    dialog.rejects.setChecked(True)
    dialog.tofix.setCurrentIndex(dialog.tofix.findData(".csv"))
    with qtbot.waitSignal(w.exportFinished, timeout=20_000) as sig:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    paths = sig.args[0]
    parts = sorted((tmp_path / "out").glob("evento-ghl-part*.csv"))
    assert len(parts) == 2 and all(p in paths for p in parts)
    rows = []
    for p in parts:
        with open(p, encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            assert next(reader) == list(GHL_COLUMNS)
            rows += list(reader)
    emails = [r[GHL_COLUMNS.index(EMAIL)] for r in rows]
    assert sorted(emails) == ["ana.pereira@example.org", "joao.souza@gmail.com", "maria.silva@example.com.br"]
    rejects = list(csv.DictReader(open(tmp_path / "out" / "evento-ghl-to-fix.csv", encoding="utf-8", newline="")))
    assert [(r["File"], r["In the export"]) for r in rejects] == [("evento.csv", "not exported: excluded during review")]
    box = w.message_box
    assert box is not None and "3 contacts exported" in box.text()
    open_button = box.findChild(type(box.buttons()[0]), "openExportFolder")
    open_button.click()
    assert ctx.opened == [tmp_path / "out"]
    assert ctx.store.get(job_a.id).outputs

    # Reopening the job replays the saved edits on the saved result.
    job_b = next(j for j in jobs if j.file_name == "crm.csv")
    w.jobs_panel.select_job(job_b.id)
    wait_result(qtbot, w, job_b.id)
    assert w.model.table.columns[EMAIL][0].startswith("pessoa")
    w.jobs_panel.select_job(job_a.id)
    wait_result(qtbot, w, job_a.id)
    assert carlos in w.model.table.excluded
    assert "ana.pereira@example.org" in w.model.table.columns[EMAIL]


def test_live_preview_fills_while_the_job_runs(ctx, qtbot, files, monkeypatch):
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 4)  # 31 rows → 8 chunks
    w = ctx.window
    seen = []
    # Event order, not the store's status at slot time (under load the job may already be done
    # when a queued rowsInserted is handled): preview rows must arrive before the finish signal.
    w.model.rowsInserted.connect(lambda *_: seen.append(("rows", w.model.rowCount())))
    w.manager.jobFinished.connect(lambda *_: seen.append(("finished", None)))
    drop(w, [files["b"]])
    assert w.shown_view() == "live"
    assert not w.session.editable
    wait_finished(qtbot, ctx, 1)
    wait_result(qtbot, w, w.current_job_id())
    first_finish = seen.index(("finished", None))
    live = [n for kind, n in seen[:first_finish] if kind == "rows"]
    assert len(live) >= 2 and live == sorted(live) and live[0] < 31
    assert w.model.rowCount() == 31
    assert w.report_panel.report["total_rows"] == 31 and not w.report_panel.live


def test_a_finished_jobs_live_table_is_freed_off_the_gui_thread(ctx, qtbot, files, monkeypatch):
    """Its last reference must not drop on the GUI thread (a million-row table froze the window)."""
    from ghl_desktop.gui import main_window

    released = []
    monkeypatch.setattr(main_window, "release_in_background", released.append)
    w = ctx.window
    drop(w, [files["b"]])
    wait_finished(qtbot, ctx, 1)
    wait_result(qtbot, w, w.current_job_id())
    qtbot.waitUntil(lambda: bool(released), timeout=5_000)  # once the result has been painted
    # The live rows, handed over whole (chunks still waiting when the job ended are not added).
    assert len(released) == 1 and 0 < len(released[0]) <= 31
    assert w.model.table is not released[0] and w.model.rowCount() == 31
    main_window.release(released[0])  # what the helper thread does: empty it in place
    assert len(released[0]) == 0 and w.model.rowCount() == 31  # the result shown is untouched


def test_mapping_change_reruns_and_is_remembered(ctx, qtbot, files, tmp_path):
    w = ctx.window
    drop(w, [files["a"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    editor = w.mapping_editor
    fields = {c.source: c.field for c in editor.mapping.columns}
    assert fields["E-mail"] == EMAIL
    assert w.model.table.columns[NOTES][0].startswith("vip")
    shown = []
    w.jobShown.connect(lambda job_id, view: shown.append(view))
    editor.choose("Observação", None)  # leave the notes out
    qtbot.waitUntil(lambda: "result" in shown and w.model.table.columns[NOTES][0] == "", timeout=20_000)
    saved = ctx.store.get(job.id).mapping
    assert saved["columns"]["Observação"]["field"] is None
    assert ctx.store.recall_mapping(saved["signature"])["columns"]["Observação"]["field"] is None

    # The next file with the same headers maps itself the same way.
    other = write_contacts(tmp_path / "in" / "evento2.csv", ["Bia;Costa;bia@example.com;85991234567;Fortaleza;nova"])
    drop(w, [other])
    wait_finished(qtbot, ctx, 2)
    new_job = next(j for j in ctx.store.list() if j.file_name == "evento2.csv")
    wait_result(qtbot, w, new_job.id)
    assert w.model.table.columns[NOTES] == [""]
    # A column left out keeps why in the remembered mapping: a person's choice.
    assert {c.source: c.reason for c in w.mapping_editor.mapping.columns}["Observação"] == "manual"


def test_bad_and_unsupported_files_say_what_is_wrong(ctx, qtbot, tmp_path):
    w = ctx.window
    broken = tmp_path / "planilha.xlsx"
    broken.write_bytes(b"this is not a workbook at all")
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n")
    drop(w.drop_area, [broken, photo])
    box = w.message_box
    assert box is not None and "foto.png" in box.text()
    box.close()
    job = wait_finished(qtbot, ctx, 1)[0]
    assert job.status == S.FAILED and job.file_name == "planilha.xlsx"
    qtbot.waitUntil(lambda: w.shown_view() == "failed")
    qtbot.waitUntil(lambda: "planilha.xlsx" in w.jobs_panel.detail.text())  # the panel updates on its own signal
    why = job.error.removeprefix("planilha.xlsx: ")
    assert w.jobs_panel.detail.text() == f"planilha.xlsx could not be converted: {why}"  # named once
    assert w.review.banner.isVisible() and "planilha.xlsx" in w.review.banner.text()
    assert w.isVisible()  # the app stays open
    assert not w.jobs_panel.buttons["retry"].isEnabled()  # no spreadsheet: converting it again cannot help


def test_export_waits_for_the_running_job(ctx, qtbot, files):
    w = ctx.window
    drop(w, [files["a"]])
    w.act_export.trigger()  # at once: the job has not even started
    dialog = w.export_dialog
    assert dialog is not None
    assert not dialog.is_ready() and not dialog.waiting.isHidden()
    qtbot.waitUntil(dialog.is_ready, timeout=30_000)
    assert dialog.waiting.isHidden()
    # Two rows keep an invalid email or phone: the dialog warns before export.
    assert not dialog.warning.isHidden() and "2 rows" in dialog.warning.text()
    dialog.reject()


def test_language_switch_to_portuguese(ctx, qtbot):
    w = ctx.window
    dialog = w.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("pt_BR"))
    dialog.accept()
    assert ctx.settings.language == "pt_BR"
    qtbot.waitUntil(lambda: w.drop_area.title.text() == "Arraste suas planilhas aqui")
    assert w.tabs.tabText(0) != "Review"
    assert "Abrir" in w.act_open.text()
    ctx.languages.apply("en")
    qtbot.waitUntil(lambda: w.drop_area.title.text() == "Drop your spreadsheets here")


def test_finished_job_notifies_only_when_window_is_not_in_front(ctx, qtbot, files):
    w = ctx.window
    w.notifier.in_front = lambda: False
    drop(w, [files["a"]])
    wait_finished(qtbot, ctx, 1)
    qtbot.waitUntil(lambda: len(w.notifier.sent) == 1)
    assert "evento.csv" in w.notifier.sent[0][1]
    w.notifier.in_front = lambda: True
    w.jobs_panel.retry_current()
    qtbot.waitUntil(lambda: ctx.store.get(w.current_job_id()).status == S.DONE, timeout=30_000)
    qtbot.waitUntil(lambda: w.shown_view() == "result")
    assert len(w.notifier.sent) == 1


def test_jobs_panel_actions(ctx, qtbot, files):
    w = ctx.window
    drop(w, [files["a"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    panel = w.jobs_panel
    qtbot.waitUntil(lambda: panel.model.index(0, 2).data() == "Done")
    assert panel.model.index(0, 3).data() == "4 / 5"
    assert panel.buttons["reexport"].isEnabled() and not panel.buttons["cancel"].isEnabled()
    assert not panel.buttons["folder"].isEnabled()  # nothing exported yet
    panel.buttons["delete"].click()
    qtbot.waitUntil(lambda: ctx.store.get(job.id) is None)
    assert panel.model.rowCount() == 0
    assert w.pages.currentWidget() is w.drop_area


def test_window_geometry_is_remembered(ctx, qtbot):
    w = ctx.window
    w.resize(w.width(), 530)  # the offscreen screen is 800x600: only the height can really change
    w.close()
    ctx.settings.sync()
    from ghl_desktop.gui.main_window import MainWindow

    again = MainWindow(ctx.manager, ctx.settings, ctx.languages)
    assert ctx.settings.geometry("geometry") is not None
    assert again.size().height() == 530
    again.deleteLater()


def test_smoke_test_entry_point(tmp_path):
    import subprocess
    import sys

    png = tmp_path / "shot.png"
    sample = Path(__file__).resolve().parents[2] / "installer" / "sample-contacts.csv"
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "ghl_desktop", "--smoke-test", str(sample), "--screenshot", str(png)],
                          capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "done" in proc.stdout and png.stat().st_size > 10_000
    assert time.perf_counter() - started < 60


def test_live_rows_arriving_together_are_added_one_chunk_per_pass_of_the_event_loop(ctx, qtbot):
    """A job catching up on the helper's chunks sends several at once: added in one go they froze
    the window, so each waits for its own pass (timers and paints run in between)."""
    from .helpers import live_chunks

    w = ctx.window
    sent = live_chunks(3)
    for rows in sent:
        w.manager.rowsReady.emit("other-job", rows)
    assert "other-job" not in w._live  # queued, nothing added yet
    w._add_next_rows()
    assert len(w._live["other-job"]) == 5 and len(w._row_queue) == 2  # one chunk per pass
    qtbot.waitUntil(lambda: len(w._live["other-job"]) == 15, timeout=5_000)
    assert w._live["other-job"].columns[FIRST_NAME][5] == f"{FIRST_NAME}10"  # in order
    # Each chunk's own lists, not copies: adding a chunk costs the window no cell copied.
    assert all(part is rows.table.columns[FIRST_NAME]
               for part, rows in zip(w._live["other-job"].columns[FIRST_NAME].parts, sent, strict=True))
    assert w._live_reports["other-job"].counts["total_rows"] == 15

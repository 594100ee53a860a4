"""Issue 16, the smaller things on the real window: an export never replaces files without asking."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from ghl_desktop.jobs import states as S

from .helpers import drop, wait_finished, wait_result


def open_export(w, qtbot, out):
    w.act_export.trigger()
    dialog = w.export_dialog
    qtbot.waitUntil(dialog.is_ready, timeout=30_000)
    dialog.path_edit.setText(str(out))
    dialog.rejects.setChecked(True)
    dialog.tofix.setCurrentIndex(dialog.tofix.findData(".csv"))
    return dialog


def test_exporting_over_existing_files_asks_first(ctx, qtbot, files, tmp_path):
    w = ctx.window
    drop(w, [files["a"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    out = tmp_path / "out" / "evento-ghl.csv"

    # The first export asks nothing: no file is in the way.
    dialog = open_export(w, qtbot, out)
    with qtbot.waitSignal(w.exportFinished, timeout=20_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.replace_box is None
    tofix = tmp_path / "out" / "evento-ghl-to-fix.csv"
    assert out.is_file() and tofix.is_file()
    w.message_box.close()
    out.write_text("mine", encoding="utf-8")  # the person's own file, under the same name

    # Again to the same place: the window asks, naming both files; "keep" leaves them alone.
    dialog = open_export(w, qtbot, tmp_path / "out" / "evento-ghl")  # ".csv" added, as when written
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    box = dialog.replace_box
    assert box is not None and dialog.isVisible()
    assert str(out) in box.text() and str(tofix) in box.text() and "2 files already exist" in box.text()
    assert box.defaultButton().objectName() == "keepExisting"
    exported = []
    w.exportFinished.connect(exported.append)
    box.defaultButton().click()
    qtbot.wait(200)
    assert not exported and dialog.isVisible() and out.read_text(encoding="utf-8") == "mine"

    # Replace: written over.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    box = dialog.replace_box
    with qtbot.waitSignal(w.exportFinished, timeout=20_000) as sig:
        next(b for b in box.buttons() if b.objectName() == "replaceExport").click()
    assert out in [p for p in sig.args[0]] and out.read_text(encoding="utf-8") != "mine"


def test_portuguese_country_names_and_words(ctx, qtbot, tmp_path):
    w = ctx.window
    ctx.languages.apply("pt_BR")
    try:
        dialog = w.open_settings()
        region = dialog.region
        texts = [region.itemText(i) for i in range(region.count())]
        assert texts[:3] == ["Brasil (BR)", "Portugal (PT)", "Estados Unidos (US)"]
        assert "Alemanha (DE)" in texts and "Germany (DE)" not in texts
        assert texts.index("África do Sul (ZA)") < texts.index("Alemanha (DE)") < texts.index("Zâmbia (ZM)")
        assert region.currentData() == ctx.settings.region
        dialog.reject()
        # "Excluir" is the row's (out of the export); the job is removed ("Remover").
        qtbot.waitUntil(lambda: w.jobs_panel.buttons["delete"].text() == "Remover")
        assert w.act_exclude.text() == "Excluir da exportação / incluir"
        pdf = tmp_path / "folheto.pdf"
        pdf.write_bytes(b"%PDF-1.4\n")
        w.handle_paths([pdf])
        assert "Estes arquivos não são planilhas" in w.message_box.text()
        w.message_box.close()
    finally:
        ctx.languages.apply("en")
    qtbot.waitUntil(lambda: w.jobs_panel.buttons["delete"].text() == "Delete")
    dialog = w.open_settings()
    assert "Germany (DE)" in [dialog.region.itemText(i) for i in range(dialog.region.count())]
    dialog.reject()


def test_after_a_restart_the_latest_job_is_open(qapp, data_dir, qtbot, files):
    from ghl_desktop.core.schema import EMAIL
    from ghl_desktop.gui.app import AppContext, make_application
    from ghl_desktop.gui.row_filter import ALL

    make_application()
    first = AppContext(data_dir)
    first.window.show()
    drop(first.window, [files["b"]])
    wait_finished(qtbot, first, 1)
    drop(first.window, [files["a"]])
    latest = next(j for j in wait_finished(qtbot, first, 2) if j.file_name == "evento.csv")
    first.window.jobs_panel.select_job(next(j.id for j in first.store.list() if j.id != latest.id))
    first.close()

    again = AppContext(data_dir)
    again.window.show()
    try:
        w = again.window
        assert w.current_job_id() == latest.id  # the newest, whatever was selected before
        wait_result(qtbot, w, latest.id)
        assert w.model.rowCount() == 4 and "maria.silva@example.com.br" in w.model.table.columns[EMAIL]
        assert w.review.filter_buttons[ALL].text().endswith("(4)")
    finally:
        again.close()


def test_no_retry_for_a_file_that_is_no_spreadsheet(ctx, qtbot, files, tmp_path):
    w = ctx.window
    fake = tmp_path / "contatos.csv"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20)
    drop(w, [fake])
    job = wait_finished(qtbot, ctx, 1)[0]
    assert job.status == S.FAILED and job.error_message.id == "sniff.not_a_spreadsheet"
    panel = w.jobs_panel
    panel.select_job(job.id)
    qtbot.waitUntil(lambda: panel.current_job_id() == job.id)
    assert not panel.buttons["retry"].isEnabled()
    panel.retry_current()  # the shortcut does nothing either
    qtbot.wait(100)
    assert ctx.store.get(job.id).status == S.FAILED
    # A real spreadsheet can be converted again.
    drop(w, [files["a"]])
    good = next(j for j in wait_finished(qtbot, ctx, 2) if j.id != job.id)
    panel.select_job(good.id)
    qtbot.waitUntil(lambda: panel.buttons["retry"].isEnabled())



def test_the_quality_chart_is_filled_when_shown_or_read(qtbot):
    """A report set while the chart is hidden (a running job's live counts, with the review tab on
    screen) rescales the chart only once it is shown, or when its values are read."""
    from ghl_desktop.gui.quality_chart import QualityChart

    chart = QualityChart()
    qtbot.addWidget(chart)
    quality = {"email": {"valid": 5, "repaired": 1, "invalid": 2, "missing": 0},
               "phone": {"valid": 3, "repaired": 0, "invalid": 1, "missing": 4}}
    chart.set_quality(quality)
    assert chart._stale and chart.axis_x.max() < 8
    assert chart.values()["email"] == quality["email"] and not chart._stale
    chart.set_quality({**quality, "date": {"valid": 9}})
    assert chart._stale
    chart.show()
    qtbot.waitExposed(chart)
    assert not chart._stale and chart.axis_x.max() >= 9
    chart.set_quality(quality)  # on screen: at once
    assert not chart._stale and chart.values()["date"]["valid"] == 0


def test_the_window_process_maps_big_blocks(qapp, monkeypatch):
    """The window's process asks for big heap blocks to be mapped (``speed.memory.map_big_blocks``):
    the columns of a running job and of a loading result grow without copies with the GIL held."""
    from ghl_desktop.gui import app

    calls = []
    monkeypatch.setattr(app, "map_big_blocks", lambda: calls.append(1) or True)
    app.make_application()
    assert calls == [1]

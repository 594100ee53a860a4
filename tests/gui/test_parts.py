"""The window's parts on their own: the lazy model on a million rows, filters, errors, settings, i18n."""

import logging
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from ghl_desktop.core.schema import EMAIL, GHL_COLUMNS, PHONE
from ghl_desktop.core.limits import DEFAULT_LIMITS
from ghl_desktop.core.table import INVALID_EMAIL, ContactTable, Problem
from ghl_desktop.gui.drop_area import collect_inputs
from ghl_desktop.gui.errors import ErrorReporter, mask_personal_data, setup_logging
from ghl_desktop.gui.export_flow import default_export_name
from ghl_desktop.gui.paths import resources_dir, translations_dir
from ghl_desktop.gui.preview_model import FETCH_BATCH, PreviewModel
from ghl_desktop.gui.row_filter import ALL, EXCLUDED, MERGED, PROBLEMS, filter_rows
from ghl_desktop.gui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


def big_table(n: int) -> ContactTable:
    """``n`` rows sharing a few strings (cheap to build), with sparse problems, merges, exclusions."""
    t = ContactTable()
    for c in GHL_COLUMNS:
        t.columns[c] = [""] * n
    t.columns[EMAIL] = ["pessoa@exemplo.com.br"] * n
    t.columns[PHONE] = ["+5511987654321"] * n
    t.sources = [(0, 0)] * n
    for r in range(0, n, 1000):
        t.columns[EMAIL][r] = ""
        t.problems[r] = {EMAIL: [Problem(INVALID_EMAIL, "no @", f"bad{r}.example")]}
    t.merged = {r: [(0, r + 1)] for r in range(5, n, 5000)}
    t.excluded = set(range(7, n, 10_000))
    return t


def test_million_rows_are_served_lazily(qapp):
    table = big_table(1_000_000)
    model = PreviewModel()
    started = time.perf_counter()
    model.set_table(table)
    assert time.perf_counter() - started < 0.5
    assert model.rowCount() == FETCH_BATCH and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1_000_000
    last = model.index(999_000, GHL_COLUMNS.index(EMAIL) + 1)
    assert last.data() == "bad999000.example"
    assert last.data(Qt.ItemDataRole.BackgroundRole) == model.colors.error
    started = time.perf_counter()
    for r in range(0, 1_000_000, 997):  # a scroll's worth of cells, anywhere
        for c in range(model.columnCount()):
            model.index(r, c).data()
    assert time.perf_counter() - started < 2.0
    started = time.perf_counter()
    model.apply_filter(PROBLEMS)
    assert time.perf_counter() - started < 0.5
    assert model.rowCount() == 1000 and model.table_row(1) == 1000


def test_filters_and_search(qapp):
    t = big_table(20_000)
    assert filter_rows(t, ALL) is None
    assert filter_rows(t, PROBLEMS) == list(range(0, 20_000, 1000))
    assert filter_rows(t, MERGED) == [5, 5005, 10005, 15005]
    assert filter_rows(t, EXCLUDED) == [7, 10_007]
    assert filter_rows(t, ALL, "BAD3000") == [3000]  # invalid values are searchable too
    assert filter_rows(t, PROBLEMS, "nothing like this") == []
    assert filter_rows(t, ALL, "", start=10, stop=12) == [10, 11]


def test_collect_inputs_walks_folders_and_refuses_by_name(tmp_path):
    (tmp_path / "a.csv").write_text("x")
    sub = tmp_path / "pasta"
    sub.mkdir()
    (sub / "b.XLSX").write_bytes(b"x")
    (sub / "~$b.xlsx").write_bytes(b"x")  # Excel's lock file
    (sub / "notes.pdf").write_bytes(b"x")
    pic = tmp_path / "foto.jpg"
    pic.write_bytes(b"x")
    accepted, refused = collect_inputs([tmp_path / "a.csv", sub, pic])
    assert accepted == [tmp_path / "a.csv", sub / "b.XLSX"]
    assert refused == [pic]  # files inside a dropped folder that are not spreadsheets are skipped quietly


def test_default_export_name():
    assert default_export_name("Contatos Evento.xlsx") == "Contatos Evento-ghl.csv"
    assert default_export_name("lista.csv") == "lista-ghl.csv"


def test_masking_and_rotating_log(qapp, tmp_path):
    text = "maria.silva@example.com.br ligou de (11) 98765-4321 em 2026-11-24 10:44:25"
    masked = mask_personal_data(text)
    assert "maria.silva" not in masked and "98765" not in masked
    assert "m***@e***.br" in masked and masked.endswith("2026-11-24 10:44:25")
    log_path = setup_logging(tmp_path)
    reporter = ErrorReporter()
    reporter.log_path = log_path
    try:
        raise ValueError("bad row for joao@gmail.com 11987654321")
    except ValueError as exc:
        reporter.handle(type(exc), exc, exc.__traceback__)
    qapp.processEvents()
    assert reporter.dialog is not None and reporter.dialog.isVisible()
    assert "ValueError" in reporter.dialog.detailedText()
    assert "joao@gmail.com" not in reporter.dialog.detailedText()
    for h in logging.getLogger().handlers:
        h.flush()
    logged = log_path.read_text(encoding="utf-8")
    assert "ValueError" in logged and "joao@gmail.com" not in logged and "11987654321" not in logged
    reporter.dialog.close()


def test_settings_are_an_ini_file(qapp, tmp_path):
    s = AppSettings(tmp_path)
    assert s.region == "BR" and s.dedupe and s.split_rows == 10_000
    s.region, s.dedupe, s.split_rows, s.language = "pt", False, 2500, "pt_BR"
    s.sync()
    again = AppSettings(tmp_path)
    assert (again.region, again.dedupe, again.split_rows, again.language) == ("PT", False, 2500, "pt_BR")
    assert again.convert_options().split_rows == 2500
    assert QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).value("convert/region") == "PT"
    assert "[convert]" in (tmp_path / "settings.ini").read_text()


def test_input_limits_are_settings_with_sensible_defaults(qapp, tmp_path):
    s = AppSettings(tmp_path)
    assert (s.max_file_mb, s.max_rows) == (500, 5_000_000)
    assert s.convert_options().limits == DEFAULT_LIMITS
    s.max_file_mb, s.max_rows = 50, 20_000
    s.sync()
    again = AppSettings(tmp_path)
    limits = again.convert_options().limits
    assert (limits.max_file_bytes, limits.max_rows) == (50 * 2**20, 20_000)
    assert limits.max_columns == DEFAULT_LIMITS.max_columns  # what the person cannot set stays put
    # Hand-edited nonsense in the INI falls back or is clamped, never crashes the app.
    again.q.setValue("limits/max_file_mb", "lots")
    again.q.setValue("limits/max_rows", -5)
    assert (again.max_file_mb, again.max_rows) == (500, 1_000)


def test_settings_dialog_saves_the_limits(qapp, tmp_path):
    from ghl_desktop.gui.settings_dialog import SettingsDialog

    s = AppSettings(tmp_path)
    dialog = SettingsDialog(s)
    assert (dialog.max_file.value(), dialog.max_rows.value()) == (500, 5_000_000)
    dialog.max_file.setValue(120)
    dialog.max_rows.setValue(250_000)
    dialog.save()
    assert (AppSettings(tmp_path).max_file_mb, AppSettings(tmp_path).max_rows) == (120, 250_000)


def test_resources_are_found_from_source_and_bundle(monkeypatch, tmp_path):
    assert resources_dir() == ROOT / "resources"
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert translations_dir() == tmp_path / "resources" / "translations"


def test_portuguese_catalog_is_complete_and_compiled(tmp_path):
    ts = translations_dir() / "ghl_desktop_pt_BR.ts"
    root = ET.parse(ts).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 150
    for m in messages:
        tr = m.find("translation")
        assert tr.get("type") is None, m.find("source").text
        assert (tr.text or "").strip() or tr.findall("numerusform"), m.find("source").text
    assert (translations_dir() / "ghl_desktop_pt_BR.qm").stat().st_size > 10_000
    # Every string in the code is in the catalog (lupdate finds nothing new).
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    copy = tmp_path / "check.ts"
    shutil.copy(ts, copy)
    sources = sorted(str(p) for p in (ROOT / "ghl_desktop" / "gui").glob("*.py"))
    out = subprocess.run([lupdate, *sources, "-ts", str(copy)], capture_output=True, text=True, timeout=60)
    assert "(0 new and" in out.stdout + out.stderr, out.stdout + out.stderr


def test_a_running_jobs_rows_fill_the_view_only_up_to_a_screenful_and_more_on_scrolling(qapp):
    """Live rows: the view holds the first ``LIVE_BATCH`` rows while more arrive (each insertion
    moved the scroll bar and repainted the page); scrolling down fetches more as for any table."""
    from ghl_desktop.gui.preview_model import LIVE_BATCH

    model = PreviewModel()
    model.set_table(ContactTable())
    inserted = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    chunk = big_table(20_000)
    model.append_chunk(chunk.take(list(range(200))))  # the first rows, as the head preview sends them
    assert model.rowCount() == 200
    for _ in range(3):
        model.append_chunk(chunk)
    assert model.rowCount() == LIVE_BATCH and len(model.table) == 60_200
    assert inserted == [(0, 199), (200, LIVE_BATCH - 1)]  # nothing more while rows arrive
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == min(60_200, LIVE_BATCH + FETCH_BATCH)


def test_counts_growing_while_rows_arrive_leave_the_review_layout_alone(qapp):
    """The filter buttons, the row count and the row numbers are sized for seven-digit counts:
    as a job's counts grow from hundreds to a million, no widget of the review page moves."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from ghl_desktop.gui.review_panel import ReviewPanel
    from ghl_desktop.gui.review_session import ReviewSession

    session = ReviewSession(None, PreviewModel(), QUndoStack())
    panel = ReviewPanel(session)
    panel.resize(1000, 600)
    panel.show()
    small = big_table(300)
    session.model.set_table(small)
    QApplication.processEvents()
    widgets = [*panel.filter_buttons.values(), panel.count, panel.view, panel.search,
               panel.view.viewport(), panel.view.verticalHeader()]
    before = [w.geometry() for w in widgets]
    session.model.set_table(big_table(1_000_000))
    while session.model.canFetchMore():
        session.model.fetchMore()
    panel.view.scrollToBottom()  # the last row numbers, seven digits, are on screen
    QApplication.processEvents()
    assert "1000000" in "".join(ch for ch in panel.count.text() if ch.isdigit() or ch == " ")
    assert [w.geometry() for w in widgets] == before
    panel.close()


def test_a_count_answering_after_the_review_is_gone_is_dropped(qapp):
    """The rows-with-a-problem count runs on the thread pool; a window closed before it answers
    (its review deleted) must not have the answer shown on deleted buttons (it raised and logged
    an error at every such close)."""
    import shiboken6
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from ghl_desktop.gui.review_panel import ReviewPanel
    from ghl_desktop.gui.review_session import ReviewSession
    from ghl_desktop.gui.tasks import wait_for_tasks

    session = ReviewSession(None, PreviewModel(), QUndoStack())
    panel = ReviewPanel(session)
    table = big_table(300)
    session.model.set_table(table)
    panel._forget_count()
    panel._count_problems(table)  # answers through a queued signal, after the panel is gone
    assert wait_for_tasks()
    shiboken6.delete(panel)
    QApplication.processEvents()  # a RuntimeError in the answer's slot fails the test (pytest-qt)

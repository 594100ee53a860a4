"""A job's rows on screen from the drop to its result (issue 16, points 9 and 11): every count on
screen agrees with the live rows shown, the review never empties between the live rows and the
result, and the work at the job's end happens off the GUI thread."""

import threading

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QMessageBox

from ghl_desktop.core import rows_with_problems
from ghl_desktop.core.speed import tuning
from ghl_desktop.core.schema import EMAIL, NOTES
from ghl_desktop.gui import main_window, mapping_editor
from ghl_desktop.gui.row_filter import ALL, PROBLEMS
from ghl_desktop.jobs import states as S

from .conftest import write_contacts
from .helpers import column, drop, find_row, live_chunks, wait_finished, wait_result


def _many_rows(tmp_path, n=60):
    """A file with a problem every few rows, so the live count of rows with problems moves."""
    rows = []
    for i in range(n):
        email = f"p{i}@@broken" if i % 5 == 0 else f"pessoa{i}@exemplo.com.br"
        rows.append(f"Pessoa{i};Teste;{email};(21) 9{i:04d}-{i:04d};Niterói;")
    return write_contacts(tmp_path / "muitos.csv", rows)


def _on_every_pass(qtbot, check):
    """Call ``check`` between any two events of the GUI thread (what a person can see: paints
    happen there too) until the returned timer is stopped."""
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(check)
    timer.start()
    return timer


def test_counts_agree_with_the_live_rows_as_they_arrive(ctx, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 6)  # 60 rows: 10 chunks, at least 25 ms apart
    w = ctx.window
    path = _many_rows(tmp_path)
    loc = QLocale()
    seen, wrong = [], []

    def check():
        if w.shown_view() != "live" or not len(w.model.table):
            return
        t = w.model.table
        n, bad = len(t), len(rows_with_problems(t))
        shown = {
            "all": w.review.filter_buttons[ALL].text(),
            "problems": w.review.filter_buttons[PROBLEMS].text(),
            "count": w.review.count.text(),
            "report rows": w.report_panel.values["total_rows"].text(),
            "report problems": w.report_panel.values["rejected_rows"].text(),
        }
        expected = {
            "all": f"All ({loc.toString(n)})",
            "problems": f"With problems ({loc.toString(bad)})",
            "count": f"Showing {loc.toString(n)} of {loc.toString(n)} rows",
            "report rows": loc.toString(n),
            "report problems": loc.toString(bad),
        }
        seen.append(n)
        if shown != expected:
            wrong.append((n, shown, expected))

    timer = _on_every_pass(qtbot, check)
    drop(w, [path])
    wait_finished(qtbot, ctx, 1)
    wait_result(qtbot, w, w.current_job_id())
    timer.stop()
    assert len(set(seen)) >= 2, "the live rows were never seen arriving"
    assert not wrong, wrong[:3]
    # And the result's counts once it is open.
    assert w.review.filter_buttons[ALL].text() == f"All ({loc.toString(len(w.model.table))})"


def test_the_live_rows_stay_on_screen_until_the_result_replaces_them(ctx, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 6)
    w = ctx.window
    counts, views = [], []

    def record(*_):
        counts.append(w.model.rowCount())
        views.append(w.shown_view())

    for sig in (w.model.modelReset, w.model.rowsInserted, w.model.rowsRemoved, w.model.layoutChanged):
        sig.connect(record)
    w.jobShown.connect(lambda _id, view: views.append(view))
    drop(w, [_many_rows(tmp_path)])
    wait_finished(qtbot, ctx, 1)
    wait_result(qtbot, w, w.current_job_id())
    first = next(i for i, n in enumerate(counts) if n)
    assert 0 not in counts[first:], counts  # never an empty review after the first rows
    assert counts[-1] == 60 and w.model.table is w.session.result.table
    assert "loading" in views  # the live rows were shown while the result was being opened
    assert w.model.table is not None and not w._finished_live  # the live rows were let go of


def test_a_finished_jobs_waiting_rows_are_not_added_at_its_end(ctx, qtbot, monkeypatch):
    """At a job's end the window added every chunk still waiting in one go (issue 16, point 11):
    they are dropped instead, as the result, with every row, replaces the live rows."""
    released = []
    monkeypatch.setattr(main_window, "release_in_background", released.append)
    w = ctx.window
    for rows in live_chunks(4):
        w.manager.rowsReady.emit("other-job", rows)
    w._add_next_rows()  # one chunk added, three waiting
    assert len(w._live["other-job"]) == 5 and len(w._row_queue) == 3
    w.manager.jobFinished.emit("other-job", S.DONE)
    assert not w._row_queue and "other-job" not in w._live
    assert len(released) == 1 and len(released[0]) == 5  # not on screen: freed off the GUI thread


def test_opening_a_result_reads_and_normalizes_nothing_on_the_gui_thread(ctx, qtbot, files, monkeypatch):
    """Loading the result, replaying the edits and suggesting the columns' kinds (the mapping
    editor normalizes up to 500 values a column) all run on the thread pool: on the GUI thread
    the last one stalled the window ~130-345 ms when a 200k-row job finished (point 11)."""
    gui = threading.main_thread()
    calls = []

    def spy(name, fn):
        def wrapped(*args, **kwargs):
            calls.append((name, threading.current_thread() is gui))
            return fn(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(main_window, "load_result", spy("load_result", main_window.load_result))
    monkeypatch.setattr(mapping_editor, "detect_kind", spy("detect_kind", mapping_editor.detect_kind))
    w = ctx.window
    drop(w, [files["a"]])
    job = wait_finished(qtbot, ctx, 1)[0]
    wait_result(qtbot, w, job.id)
    assert {name for name, _ in calls} == {"load_result", "detect_kind"}
    assert not [name for name, on_gui in calls if on_gui], calls
    # The editor shows what was sampled (its widgets are built when its tab is opened).
    w.tabs.setCurrentWidget(w.mapping_editor)
    row = [c.source for c in w.mapping_editor.mapping.columns].index("E-mail")
    assert "Maria.Silva@Example.com.br" in w.mapping_editor.table.item(row, mapping_editor.EXAMPLES).text()
    # A mapping change cancelled (the person had edits): the editor shows the result's mapping
    # again, with its examples, sampling nothing anew on the GUI thread.
    model = w.model
    r = find_row(model, NOTES, "lead")
    model.setData(model.index(r, column(NOTES)), "ligar amanhã")
    calls.clear()
    w.mapping_editor.choose("Observação", None)
    qtbot.waitUntil(lambda: w.message_box is not None, timeout=5_000)
    w.message_box.button(QMessageBox.StandardButton.Cancel).click()
    notes = [c.source for c in w.mapping_editor.mapping.columns].index("Observação")
    assert w.mapping_editor.mapping.columns[notes].field == NOTES
    assert "vip" in w.mapping_editor.table.item(notes, mapping_editor.EXAMPLES).text()
    assert not calls


def test_a_results_rows_with_problems_are_counted_with_its_loading(ctx, qtbot, tmp_path, monkeypatch):
    """The result's "With problems (N)" is right from the moment it is shown and costs the window
    no walk of the rows: counted on the thread that loaded the result. Before, a large result was
    walked twice on the thread pool (one walk per model reset), competing with its first paint,
    and the button showed the live count until then."""
    from ghl_desktop.gui import review_panel

    monkeypatch.setattr(review_panel, "BACKGROUND_SEARCH_ROWS", 0)  # every table counts as large
    walks = []
    monkeypatch.setattr(review_panel, "rows_with_problems",
                        lambda t: walks.append(len(t)) or rows_with_problems(t))
    w = ctx.window
    at_open = []

    def shown(_job_id, view):
        if view == "result":
            walks.clear()
            at_open.append((w.review.filter_buttons[PROBLEMS].text(), len(rows_with_problems(w.model.table))))

    w.jobShown.connect(shown)
    drop(w, [_many_rows(tmp_path)])
    wait_finished(qtbot, ctx, 1)
    wait_result(qtbot, w, w.current_job_id())
    qtbot.wait(300)
    text, bad = at_open[-1]
    assert bad == 12 and text == f"With problems ({bad})"
    assert not walks
    # An edit still gets the count right (the given count is forgotten, the rows walked again).
    model = w.model
    bad_email = next(r for r, fields in model.table.problems.items() if EMAIL in fields)
    assert model.setData(model.index(model.view_row(bad_email), column(EMAIL)), "fixed@example.com")
    qtbot.waitUntil(lambda: w.review.filter_buttons[PROBLEMS].text() == "With problems (11)", timeout=5_000)
    assert walks

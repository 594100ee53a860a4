"""Driving the window as a person would: drop files, wait for jobs, find cells."""

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ghl_desktop.core.schema import GHL_COLUMNS
from ghl_desktop.jobs import states as S


def drop(widget, paths: list[Path]) -> None:
    """Send a real drag-enter and drop of ``paths`` to ``widget`` (file URLs, as Explorer sends)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = widget.rect().center()
    enter = QDragEnterEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def wait_finished(qtbot, ctx, count: int, timeout: int = 60_000) -> list:
    store = ctx.store

    def finished():
        jobs = store.list()
        assert len(jobs) == count
        assert all(j.status in S.FINISHED for j in jobs)

    qtbot.waitUntil(finished, timeout=timeout)
    return store.list()


def wait_result(qtbot, window, job_id: str, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: window.session.job_id == job_id and window.shown_view() == "result"
                    and window.session.result is not None, timeout=timeout)


@contextmanager
def reopened(data_dir: Path, qtbot, job_id: str):
    """The app started again on ``data_dir`` (a new ``AppContext``, as after closing it) with
    ``job_id``'s result shown: its window, closed when the block ends."""
    from ghl_desktop.gui.app import AppContext

    again = AppContext(data_dir)
    again.window.show()
    try:
        again.window.jobs_panel.select_job(job_id)
        wait_result(qtbot, again.window, job_id)
        yield again.window
    finally:
        again.close()


def column(field: str) -> int:
    return GHL_COLUMNS.index(field) + 1


def find_row(model, field: str, text: str) -> int:
    """The view row whose ``field`` shows ``text`` (as displayed, invalid values included)."""
    col = column(field)
    for r in range(model.rowCount()):
        if model.index(r, col).data() == text:
            return r
    raise AssertionError(f"no row shows {text!r} in {field}")


def live_chunks(count: int, rows: int = 5) -> list:
    """``count`` chunks of live rows as a running job sends them (first names only), numbered on."""
    from ghl_desktop.core.report import chunk_counts
    from ghl_desktop.core.schema import FIRST_NAME
    from ghl_desktop.core.table import ContactTable
    from ghl_desktop.jobs.runner import LiveRows

    chunks = []
    for k in range(count):
        t = ContactTable()
        for c in GHL_COLUMNS:
            t.columns[c] = [f"{c}{k}{i}" if c == FIRST_NAME else "" for i in range(rows)]
        t.sources = [(0, rows * k + i) for i in range(rows)]
        chunks.append(LiveRows(t, chunk_counts(t)))
    return chunks

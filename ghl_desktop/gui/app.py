"""Start the window: application, data folder, settings, language, error handling, smoke test.

``ghl-desktop [FILE ...]`` opens the window (and starts jobs for FILEs);
``ghl-desktop --smoke-test FILE [--screenshot PNG]`` runs FILE through the real window in a
temporary data folder and exits 0 only if the job ended ``done`` with rows in the preview; it
prints the language, whether the window icon loaded, and the window title and tab names as shown.
``--language pt_BR|en`` picks the interface language for one run (without it: Settings, else the
system's), which is how a test asks for Portuguese on any machine.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..core import map_big_blocks
from .errors import ErrorReporter, setup_logging
from .i18n import LanguageSwitcher
from .paths import DATA_DIR_ENV, data_dir, icon_path, resources_dir
from .settings import LANGUAGES

ORGANIZATION = "GHL Desktop"
APPLICATION = "GHL Desktop"
SMOKE_TIMEOUT_MS = 180_000

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ghl-desktop", description="GHL Desktop window")
    p.add_argument("files", nargs="*", help="spreadsheets to convert when the window opens")
    p.add_argument("--smoke-test", metavar="FILE", help="convert FILE through the window and exit")
    p.add_argument("--screenshot", metavar="PNG", help="with --smoke-test: save the window here")
    p.add_argument("--language", choices=LANGUAGES,
                   help="interface language for this run (default: the one in Settings, else the system's)")
    return p.parse_args(argv)


#: How long a job's thread may keep the GIL while the GUI thread waits for it (Python's default is
#: 5 ms). A paint of the preview calls the Python model (``rowCount``, ``index``, ``data``) a few
#: thousand times, and while a job runs each call must win the GIL back from the job's thread,
#: waiting up to this interval: at the default a paint takes seconds. The value's measurements
#: (``bench/_window_probe.py``) are in docs/performance.md.
GUI_SWITCH_INTERVAL_S = 0.0002


def make_application(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    map_big_blocks()  # the jobs' growing columns move by remapping, not by a copy with the GIL held
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "ghl-desktop", *(argv or [])])
    app.setWindowIcon(QIcon(str(icon_path())))
    return app


def load_stylesheet() -> str:
    path = resources_dir() / "styles" / "app.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


class AppContext:
    """Everything one window needs, created in order and closed in reverse."""

    def __init__(self, folder: Path, language: str | None = None) -> None:
        from ..jobs.runner import JobManager
        from ..jobs.store import JobStore
        from .main_window import MainWindow
        from .settings import AppSettings

        self.app = QApplication.instance()
        self.data_dir = Path(folder)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.errors = ErrorReporter()
        self.errors.log_path = setup_logging(self.data_dir)
        self.errors.install()
        self.settings = AppSettings(self.data_dir)
        self.languages = LanguageSwitcher(self.app)
        self.languages.apply(language or self.settings.language)
        self.app.setStyleSheet(load_stylesheet())
        self.store = JobStore(self.data_dir)
        self.manager = JobManager(self.store, self.data_dir)
        self.window = MainWindow(self.manager, self.settings, self.languages)
        self.errors.parent_widget = self.window

    def close(self) -> None:
        self.window.close()
        self.manager.shutdown(3000)
        from .tasks import wait_for_tasks

        wait_for_tasks(10_000)
        self.app.processEvents()  # deliver the last task results while the store is still open
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        self.store.close()
        self.errors.uninstall()


def run_smoke_test(file: Path, screenshot: Path | None, language: str | None = None) -> int:
    """The real window, a temporary history, FILE dropped → done with rows → screenshot → exit code."""
    from ..jobs import states as S

    if not file.is_file():
        print(f"smoke test: {file} not found", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="ghl-desktop-smoke-"))
    os.environ[DATA_DIR_ENV] = str(folder)
    app = make_application()
    ctx = AppContext(folder, language)
    window = ctx.window
    outcome = {"code": 1, "why": "timed out", "shown": ""}

    def finish(code: int, why: str) -> None:
        outcome.update(code=code, why=why)
        app.quit()

    def check() -> None:
        job_id = window.current_job_id()
        job = ctx.store.get(job_id) if job_id else None
        if job is None:
            return
        if job.status in (S.FAILED, S.CANCELLED):
            finish(1, f"job {job.status}: {job.error}")
            return
        if job.status == S.DONE and window.shown_view() == "result" and window.report_panel.report:
            window.tabs.setCurrentWidget(window.report_panel)
            app.processEvents()
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(screenshot))
            rows = window.model.rowCount()
            tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
            outcome["shown"] = (
                f"language {ctx.languages.language}, window icon "
                f"{'missing' if app.windowIcon().isNull() else 'loaded'}, "
                f"on screen: {' | '.join([window.windowTitle(), *tabs])}")
            finish(0 if rows > 0 else 1, f"done, {rows} rows in the preview")

    window.show()
    window.handle_paths([file])
    poll = QTimer(interval=100)
    poll.timeout.connect(check)
    poll.start()
    QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: finish(1, "timed out"))
    app.exec()
    poll.stop()
    ctx.close()
    print(f"smoke test: {outcome['why']}")
    if hasattr(sys.stdout, "reconfigure"):  # a console that cannot show "ã" or "—" gets escapes, not a crash
        sys.stdout.reconfigure(errors="backslashreplace")
    if outcome["shown"]:
        print(f"smoke test: {outcome['shown']}")
    shutil.rmtree(folder, ignore_errors=True)
    return int(outcome["code"])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke_test:
        return run_smoke_test(Path(args.smoke_test), Path(args.screenshot) if args.screenshot else None,
                              args.language)
    app = make_application()
    try:
        ctx = AppContext(data_dir(), args.language)
    except Exception as exc:  # e.g. the history is held by another running copy
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APPLICATION, str(exc))
        return 1
    ctx.window.show()
    if args.files:
        QTimer.singleShot(0, lambda: ctx.window.handle_paths([Path(f) for f in args.files]))
    code = app.exec()
    ctx.close()
    return code

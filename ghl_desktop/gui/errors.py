"""Unexpected exceptions: logged (contacts masked) to a rotating file, shown in a copyable dialog.

The app stays open: a bug in one action must not lose a person's review work. Emails and phone
numbers are masked before anything reaches the log, because contact lists are personal data and a
log file gets attached to support requests.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

LOG_NAME = "ghl-desktop.log"
_EMAIL = re.compile(r"([A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]*@([A-Za-z0-9\-])[A-Za-z0-9.\-]*\.([A-Za-z]{2,})")
_PHONE = re.compile(r"\+?\d[\d\s().\-]{6,}\d")
_DATE_OR_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}|^\d{1,2}:\d{2}")


def mask_personal_data(text: str) -> str:
    """``maria.silva@example.com`` → ``m***@e***.com``; phone-like digit runs keep their last 2 digits."""
    text = _EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}***.{m.group(3)}", text)

    def phone(m: re.Match) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) < 8 or _DATE_OR_TIME.match(m.group(0)):
            return m.group(0)  # a date, a time or a short number: not a phone
        return "#" * (len(digits) - 2) + digits[-2:]

    return _PHONE.sub(phone, text)


class MaskingFormatter(logging.Formatter):
    """Masks the message and traceback; the timestamp and logger name are left as they are."""

    def format(self, record: logging.LogRecord) -> str:
        masked = logging.makeLogRecord(record.__dict__)
        masked.msg, masked.args = mask_personal_data(record.getMessage()), None
        if record.exc_info:
            masked.exc_text = mask_personal_data(self.formatException(record.exc_info))
            masked.exc_info = None
        return super().format(masked)


def setup_logging(data_dir: Path) -> Path:
    """A 1 MB x 3 rotating log in ``<data>/logs``; returns its path."""
    folder = Path(data_dir) / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_ghl_desktop", False):
            root.removeHandler(h)
            h.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler._ghl_desktop = True  # type: ignore[attr-defined]
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


class ErrorReporter(QObject):
    """Installed as ``sys.excepthook``: log, then show the report in the GUI thread."""

    _show = Signal(str)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.parent_widget = parent_widget
        self.log_path: Path | None = None
        self.shown: list[str] = []  #: reports shown so far (the window and tests read it)
        self.dialog: QMessageBox | None = None
        self._show.connect(self._show_dialog, Qt.ConnectionType.QueuedConnection)
        self._previous = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            threading.excepthook = threading.__excepthook__

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        logging.getLogger("ghl_desktop").error("unexpected error\n%s", text)
        masked = mask_personal_data(text)
        if sys.stderr is not None:
            print(masked, file=sys.stderr)
        self._show.emit(masked)

    def _show_dialog(self, report: str) -> None:
        self.shown.append(report)
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Unexpected error"))
        box.setText(QCoreApplication.translate("ErrorReporter", "Something went wrong. Your work is kept and the app stays open."))
        where = str(self.log_path) if self.log_path else ""
        box.setInformativeText(QCoreApplication.translate("ErrorReporter", "The details below were also written to the log: {0}").format(where))
        box.setDetailedText(report)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

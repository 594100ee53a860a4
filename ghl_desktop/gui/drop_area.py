"""The drop target: files and folders in, a clear list of what was taken and what was refused.

Refusal here is only by name (an image, a PDF, a ZIP): the content of an accepted name is judged by
the core reader, which says precisely what is wrong with a file that cannot be read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

SUPPORTED_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".xlsb")
#: Folders are walked at most this deep, and at most this many files are taken from one drop.
MAX_DEPTH = 3
MAX_FILES = 500


def collect_inputs(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(spreadsheets to convert, refused files) from dropped files and folders, in a stable order."""
    accepted: list[Path] = []
    refused: list[Path] = []

    def visit(p: Path, depth: int) -> None:
        if len(accepted) >= MAX_FILES:
            return
        if p.is_dir():
            if depth >= MAX_DEPTH:
                return
            try:
                children = sorted(p.iterdir(), key=lambda c: c.name.lower())
            except OSError:
                refused.append(p)
                return
            for child in children:
                if child.name.startswith(".") or child.name.startswith("~$"):
                    continue  # hidden files and Excel's lock files
                if child.is_dir() or child.suffix.lower() in SUPPORTED_SUFFIXES:
                    visit(child, depth + 1)
            return
        if p.suffix.lower() in SUPPORTED_SUFFIXES:
            accepted.append(p)
        else:
            refused.append(p)

    for p in paths:
        visit(Path(p), 0)
    return list(dict.fromkeys(accepted)), refused


def paths_from_mime(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class DropArea(QFrame):
    """A large, friendly target on the empty window; a slim strip once there is work to show."""

    pathsDropped = Signal(list)  #: list[Path], as dropped (folders not yet expanded)
    openRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("DropAreaCompact" if compact else "DropArea")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.compact = compact
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("dropTitle")
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("dropHint")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.openRequested)
        layout = QVBoxLayout(self)
        if compact:
            layout.setContentsMargins(8, 6, 8, 6)
            layout.addWidget(self.title)
            layout.addWidget(self.open_button)
        else:
            layout.addStretch(2)
            layout.addWidget(self.title)
            layout.addWidget(self.hint)
            layout.addSpacing(12)
            layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addStretch(3)
            font = self.title.font()
            font.setPointSizeF(font.pointSizeF() * 1.8)
            font.setBold(True)
            self.title.setFont(font)
            self.open_button.setMinimumWidth(180)
        self.setProperty("dragging", False)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Drop your spreadsheets here"))
        self.hint.setText(self.tr(
            "CSV, TXT, XLSX or XLS — several files or whole folders at once. "
            "Nothing leaves this computer."))
        self.open_button.setText(self.tr("Open files…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_dragging(self, on: bool) -> None:
        self.setProperty("dragging", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if paths_from_mime(event):
            event.acceptProposedAction()
            self._set_dragging(True)

    def dragLeaveEvent(self, event) -> None:
        self._set_dragging(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dragging(False)
        paths = paths_from_mime(event)
        if paths:
            event.acceptProposedAction()
            self.pathsDropped.emit(paths)

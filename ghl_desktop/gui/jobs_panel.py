"""The job history: one row per dropped file, read from the SQLite store, with its actions.

The model re-reads a single job from the store when the manager says it changed (``jobChanged``),
so a running job's progress bar moves without re-listing the whole history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QAbstractTableModel,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import messages
from ..jobs import states as S
from ..jobs.store import INTERRUPTED, Job
from .core_text import translate_core_text

FILE, DATE, STATUS, ROWS = range(4)
JobIdRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

STATUS_COLORS = {
    S.QUEUED: QColor(128, 128, 128),
    S.PROCESSING: QColor(59, 130, 246),
    S.DONE: QColor(34, 160, 80),
    S.FAILED: QColor(220, 60, 60),
    S.CANCELLED: QColor(210, 140, 0),
}


def never_converts(job: Job) -> bool:
    """The job failed because its file is no spreadsheet (a PDF named .csv): a retry cannot help."""
    error = job.error_message if job.status == S.FAILED else None
    return error is not None and error.id in messages.NOT_SPREADSHEET_IDS


def status_label(status: str) -> str:
    return {
        S.QUEUED: QCoreApplication.translate("JobsPanel", "Queued"),
        S.PROCESSING: QCoreApplication.translate("JobsPanel", "Processing"),
        S.DONE: QCoreApplication.translate("JobsPanel", "Done"),
        S.FAILED: QCoreApplication.translate("JobsPanel", "Failed"),
        S.CANCELLED: QCoreApplication.translate("JobsPanel", "Cancelled"),
    }.get(status, status)


def stage_label(stage: str) -> str:
    return {
        "reading": QCoreApplication.translate("JobsPanel", "reading"),
        "mapping": QCoreApplication.translate("JobsPanel", "mapping"),
        "normalizing": QCoreApplication.translate("JobsPanel", "normalizing"),
        "merging": QCoreApplication.translate("JobsPanel", "merging duplicates"),
        "writing": QCoreApplication.translate("JobsPanel", "saving"),
    }.get(stage, stage)


def error_text(job: Job) -> str:
    if job.error == INTERRUPTED:
        return QCoreApplication.translate("JobsPanel", "Interrupted: the app closed while this file was being processed. Retry it.")
    # The message's id and arguments when the history has them; else the text as recorded.
    return translate_core_text(job.error_message or job.error)


def failure_reason(job: Job) -> str:
    """Why the job failed, without the file name the core's messages usually start with (the
    window names the file itself)."""
    why = error_text(job)
    prefix = f"{job.file_name}: "
    return why[len(prefix):] if why.startswith(prefix) else why


def failure_text(job: Job) -> str:
    """"<file> could not be converted: <why>", naming the file once."""
    return QCoreApplication.translate("JobsPanel", "{0} could not be converted: {1}").format(
        job.file_name, failure_reason(job))


class JobsModel(QAbstractTableModel):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.jobs: list[Job] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.jobs = self.store.list()
        self.endResetModel()

    def refresh_job(self, job_id: str) -> None:
        job = self.store.get(job_id)
        row = self.row_of(job_id)
        if job is None:
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.jobs[row]
                self.endRemoveRows()
            return
        if row is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self.jobs.insert(0, job)
            self.endInsertRows()
        else:
            self.jobs[row] = job
            self.dataChanged.emit(self.index(row, 0), self.index(row, ROWS))

    def row_of(self, job_id: str) -> int | None:
        return next((i for i, j in enumerate(self.jobs) if j.id == job_id), None)

    def job(self, row: int) -> Job | None:
        return self.jobs[row] if 0 <= row < len(self.jobs) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.jobs)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("File"), self.tr("Date"), self.tr("Status"), self.tr("Rows")][section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        job = self.job(index.row()) if index.isValid() else None
        if job is None:
            return None
        col = index.column()
        if role == JobIdRole:
            return job.id
        if role == ProgressRole:
            return job.progress
        if role == StatusRole:
            return job.status
        if role == Qt.ItemDataRole.DisplayRole:
            if col == FILE:
                return job.file_name
            if col == DATE:
                stamp = QDateTime.fromSecsSinceEpoch(int(job.created_at))
                fmt = "HH:mm" if stamp.date() == QDateTime.currentDateTime().date() else QLocale().dateFormat(QLocale.FormatType.ShortFormat)
                return QLocale().toString(stamp, fmt)
            if col == STATUS:
                if job.status == S.PROCESSING:
                    return f"{job.progress}% {stage_label(job.stage)}".strip()
                return status_label(job.status)
            if col == ROWS:
                if job.exported_rows is None:
                    return ""
                loc = QLocale()
                return f"{loc.toString(job.exported_rows)} / {loc.toString(job.total_rows or 0)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == FILE:
                return job.original_path
            if col == DATE:
                stamp = QDateTime.fromSecsSinceEpoch(int(job.created_at))
                return QLocale().toString(stamp, QLocale.FormatType.LongFormat)
            if col == STATUS and job.status == S.FAILED:
                return error_text(job)
            if col == STATUS and job.status == S.PROCESSING:
                return f"{job.progress}% {stage_label(job.stage)}"
            if col == ROWS and job.exported_rows is not None:
                return self.tr("{0} rows to export of {1} read").format(job.exported_rows, job.total_rows or 0)
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            return STATUS_COLORS.get(job.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ROWS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class StatusDelegate(QStyledItemDelegate):
    """A progress bar while a job runs; the status in its colour with a dot otherwise."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        status = index.data(StatusRole)
        if status != S.PROCESSING:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(3, 3, -3, -3))
        bar.minimum, bar.maximum = 0, 100
        bar.progress = int(index.data(ProgressRole) or 0)
        bar.text = f"{bar.progress}%"  # the stage is in the tooltip: the cell is narrow
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        color = STATUS_COLORS.get(index.data(StatusRole))
        if color is not None and index.data(StatusRole) != S.PROCESSING:
            option.palette.setColor(QPalette.ColorRole.Text, color)  # selected rows keep the readable highlight text
            option.text = "● " + option.text

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 120), hint.height())


def existing_of(job: Job | None) -> list[str]:
    """The files of contacts already in GHL a job is compared with, where the person had them (the
    job holds copies: they are used even after the originals move)."""
    return list(job.existing_paths) if job is not None else []


def open_folder(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class JobsPanel(QWidget):
    """The history list with Retry / Cancel / Re-export / Delete / Open export folder."""

    currentJobChanged = Signal(str)  #: job id ("" when none)
    reexportRequested = Signal(str)
    #: job id: the person wants to add files of contacts already in GHL to it (a file dialog).
    existingAddRequested = Signal(str)
    #: job id, the files it keeps: the person took some (or all) away.
    existingSetRequested = Signal(str, list)

    def __init__(self, manager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.model = JobsModel(manager.store, self)
        #: Replaced in tests; opens a folder in the system file manager.
        self.open_folder: Callable[[Path], bool] = open_folder
        self.confirm_delete = True

        self.view = QTableView(self)
        self.view.setObjectName("jobsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setItemDelegateForColumn(STATUS, StatusDelegate(self.view))
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ROWS, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setColumnWidth(STATUS, 104)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for key, handler in (("retry", self.retry_current), ("cancel", self.cancel_current),
                             ("reexport", self._reexport_current), ("delete", self.delete_current),
                             ("folder", self.open_current_folder)):
            b = QToolButton(self)
            b.setObjectName(f"job_{key}")
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.clicked.connect(handler)
            self.buttons[key] = b
            bar.addWidget(b)
        bar.addStretch(1)

        # The contacts already in GHL the job is compared with: a click adds files, the arrow's
        # menu takes them away again (one, or all).
        self.existing_button = QToolButton(self)
        self.existing_button.setObjectName("job_existing")
        self.existing_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.existing_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.existing_button.clicked.connect(self._add_existing)
        self.existing_menu = QMenu(self.existing_button)
        self.existing_menu.aboutToShow.connect(self._fill_existing_menu)
        self.existing_button.setMenu(self.existing_menu)
        self.buttons["existing"] = self.existing_button
        bar2 = QHBoxLayout()
        bar2.addWidget(self.existing_button)
        bar2.addStretch(1)

        self.detail = QLabel(self)
        self.detail.setObjectName("jobDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        layout.addWidget(self.detail)

        manager.jobAdded.connect(self._on_job_added)
        manager.jobChanged.connect(self._on_job_changed)
        manager.jobRemoved.connect(self._on_job_removed)
        self.model.reload()
        self.retranslate()
        self._update_actions()

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Jobs"))
        labels = {"retry": (self.tr("Retry"), self.tr("Process this file again")),
                  "cancel": (self.tr("Cancel"), self.tr("Stop this job")),
                  "reexport": (self.tr("Re-export"), self.tr("Write the GHL CSV for this job again")),
                  "delete": (self.tr("Delete"), self.tr("Remove this job and its saved result")),
                  "folder": (self.tr("Folder"), self.tr("Open the folder of the last export"))}
        labels["existing"] = (self.tr("Contacts already in GHL…"),
                              self.tr("Compare this job with a GHL contacts export: see which rows are new "
                                      "and which update a contact already in GHL"))
        for key, (text, tip) in labels.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, ROWS)
        if self.model.jobs:
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(len(self.model.jobs) - 1, ROWS))
        self._update_detail()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- selection -------------------------------------------------------------------------------
    def current_job_id(self) -> str:
        idx = self.view.currentIndex()
        return idx.data(JobIdRole) or "" if idx.isValid() else ""

    def current_job(self) -> Job | None:
        job_id = self.current_job_id()
        return self.manager.store.get(job_id) if job_id else None

    def select_job(self, job_id: str) -> None:
        row = self.model.row_of(job_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, FILE))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        self.currentJobChanged.emit(current.data(JobIdRole) or "" if current.isValid() else "")

    def _update_actions(self) -> None:
        job = self.current_job()
        status = job.status if job else None
        active = status in S.ACTIVE
        self.buttons["retry"].setEnabled(status in (S.FAILED, S.CANCELLED, S.DONE) and not never_converts(job))
        self.buttons["cancel"].setEnabled(active)
        self.buttons["reexport"].setEnabled(status == S.DONE and not job.files_purged)
        self.buttons["delete"].setEnabled(job is not None)
        self.buttons["folder"].setEnabled(bool(job and job.outputs))
        # Not while it runs: the files change what the conversion does.
        self.buttons["existing"].setEnabled(status in (S.FAILED, S.CANCELLED, S.DONE) and not never_converts(job))
        self._update_detail()

    def _update_detail(self) -> None:
        job = self.current_job()
        if job is None:
            self.detail.setText("")
            return
        existing = existing_of(job)
        compared = (self.tr("Compared with the contacts already in GHL: {0}").format(
            ", ".join(Path(p).name for p in existing)) if existing else "")
        if job.status == S.FAILED:
            self.detail.setText("\n".join(filter(None, (failure_text(job), compared))))
            self.detail.setProperty("state", "error")
        elif job.files_purged:
            self.detail.setText(self.tr("The saved result of this job was removed after the retention period."))
            self.detail.setProperty("state", "")
        elif job.outputs:
            self.detail.setText("\n".join(filter(None, (compared, self.tr("Last export: {0}").format(job.outputs[-1])))))
            self.detail.setProperty("state", "")
        else:
            self.detail.setText(compared)
            self.detail.setProperty("state", "")
        self.detail.setToolTip("\n".join(existing))
        self.detail.style().unpolish(self.detail)
        self.detail.style().polish(self.detail)

    # -- manager signals -------------------------------------------------------------------------
    def _on_job_added(self, job_id: str) -> None:
        self.model.refresh_job(job_id)
        self._update_actions()

    def _on_job_changed(self, job_id: str) -> None:
        self.model.refresh_job(job_id)
        if job_id == self.current_job_id():
            self._update_actions()

    def _on_job_removed(self, job_id: str) -> None:
        if job_id:
            self.model.refresh_job(job_id)
        else:
            self.model.reload()
        self._update_actions()
        if not self.current_job_id():
            self.currentJobChanged.emit("")

    # -- actions ---------------------------------------------------------------------------------
    #: ``confirm_reconvert(job_id, proceed)``: asks about the job's edits before it is converted
    #: again (the main window's), then calls ``proceed``.
    confirm_reconvert = None

    def retry_current(self) -> None:
        job = self.current_job()
        if job and job.status in (S.FAILED, S.CANCELLED, S.DONE) and not never_converts(job):
            job_id = job.id

            def proceed() -> None:
                current = self.manager.store.get(job_id)
                if current is not None and current.status in (S.FAILED, S.CANCELLED, S.DONE):
                    self.manager.retry(job_id)
                self._update_actions()

            if self.confirm_reconvert is not None:
                self.confirm_reconvert(job_id, proceed)
            else:
                proceed()

    def _add_existing(self) -> None:
        job_id = self.current_job_id()
        if job_id and self.buttons["existing"].isEnabled():
            self.existingAddRequested.emit(job_id)

    def _fill_existing_menu(self) -> None:
        """Add files; take one away; take them all away."""
        menu = self.existing_menu
        menu.clear()
        job = self.current_job()
        if job is None:
            return
        job_id, existing = job.id, existing_of(job)
        add = QAction(self.tr("Add files…"), menu)
        add.setObjectName("existingAdd")
        add.triggered.connect(self._add_existing)
        menu.addAction(add)
        if existing:
            menu.addSeparator()
        for path in existing:
            drop = QAction(self.tr("Stop comparing with {0}").format(Path(path).name), menu)
            drop.setToolTip(path)
            drop.triggered.connect(lambda _c=False, p=path: self.existingSetRequested.emit(
                job_id, [x for x in existing if x != p]))
            menu.addAction(drop)
        if len(existing) > 1:
            clear = QAction(self.tr("Stop comparing with all of them"), menu)
            clear.triggered.connect(lambda: self.existingSetRequested.emit(job_id, []))
            menu.addAction(clear)

    def cancel_current(self) -> None:
        job_id = self.current_job_id()
        if job_id:
            self.manager.cancel(job_id)

    def _reexport_current(self) -> None:
        job_id = self.current_job_id()
        if job_id:
            self.reexportRequested.emit(job_id)

    def delete_current(self) -> None:
        job = self.current_job()
        if job is None:
            return
        if not self.confirm_delete:
            self.manager.delete(job.id)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete job"),
                          self.tr("Delete {0} from the history, with its saved result and review edits? "
                                  "Exported files are kept.").format(job.file_name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        job_id = job.id
        box.buttonClicked.connect(
            lambda b: self.manager.delete(job_id) if box.standardButton(b) == QMessageBox.StandardButton.Yes else None)
        box.open()

    def open_current_folder(self) -> None:
        job = self.current_job()
        if job and job.outputs:
            self.open_folder(Path(job.outputs[-1]).parent)

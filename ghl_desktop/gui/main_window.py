"""The main window: drop files, watch them convert, review, fix the mapping, read the report, export.

It wires the pieces together and keeps one rule: anything that reads files or walks a whole table
runs on a thread pool (the job manager's, or ``tasks.run_in_pool``), and the window only shows what
comes back.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core import ContactTable, edits, release, rows_with_problems, tofix_path_for
from ..jobs import runner as R
from ..jobs.runner import LiveRows
from ..jobs import states as S
from ..jobs.engine import load_result, mapping_record
from .core_text import translate_core_text
from .drop_area import DropArea, collect_inputs, paths_from_mime
from .export_flow import ExportDialog, existing_choices, problem_counts
from .jobs_panel import JobsPanel, existing_of, failure_reason, failure_text, open_folder
from .live_report import LiveReport
from .live_table import LiveTable
from .mapping_editor import MappingEditor, sample_columns
from .notify import Notifier
from .paths import icon_path
from .preview_model import PreviewModel
from .report_panel import ReportPanel
from .review_panel import ReviewPanel
from .review_session import ReviewSession
from .settings import AppSettings
from .settings_dialog import SettingsDialog
from .tasks import run_in_pool

log = logging.getLogger(__name__)

FILE_FILTER_EXTS = "*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.xlsb"
#: A finished job's live rows are freed this long after its result (or anything else) replaced them
#: on screen: freed at once, they competed with the result's first paints for the GIL and the CPU.
RELEASE_AFTER_MS = 1_000

# What the review area shows for the current job.
VIEW_NONE, VIEW_LIVE, VIEW_LOADING, VIEW_RESULT, VIEW_FAILED = "none", "live", "loading", "result", "failed"


def release_in_background(table: ContactTable) -> None:
    """Free a finished job's live table without freezing the window.

    Dropping the last reference to a million-row table frees millions of objects in one C call
    (over 100 ms with the GIL held: the window stops repainting). ``release`` empties it a slice
    at a time instead, on a helper thread, so the GUI thread gets the GIL between slices. Only for
    a table nothing else refers to: it is emptied in place.
    """
    threading.Thread(target=release, args=(table,), name="ghl-release", daemon=True).start()


class MainWindow(QMainWindow):
    #: job id, what is shown (live | result | failed | none): the smoke test and tests wait on it.
    jobShown = Signal(str, str)
    #: the export finished: list of written paths ([] after a failure).
    exportFinished = Signal(list)

    def __init__(self, manager: R.JobManager, settings: AppSettings, languages=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.manager = manager
        self.store = manager.store
        self.settings = settings
        self.languages = languages
        self.setAcceptDrops(True)
        self.setWindowIcon(QIcon(str(icon_path())))
        self.open_folder = open_folder  # replaced in tests

        #: A running job's rows as they arrive, the chunks' own lists (``LiveTable``).
        self._live: dict[str, LiveTable] = {}
        self._live_reports: dict[str, LiveReport] = {}
        #: A finished job's live rows, left on screen until its result replaces them (never an
        #: empty review in between); freed off the GUI thread once they are not shown.
        self._finished_live: dict[str, ContactTable] = {}
        self._mapping_samples = None  # the shown result's source columns, as the mapping editor shows them
        self._shown = ("", VIEW_NONE, "")  # job id, view, job status
        self._load_generation = 0
        self._exporting = False
        self.export_dialog: ExportDialog | None = None
        self.message_box: QMessageBox | None = None
        self.last_export: list[Path] = []

        # -- review state ----------------------------------------------------------------------------
        self.undo_stack = QUndoStack(self)
        self.model = PreviewModel(self)
        self.session = ReviewSession(self.store, self.model, self.undo_stack, self)
        self.session.reportChanged.connect(self._on_session_report)
        self.session.editableChanged.connect(lambda _e: self._update_actions())

        self._build_actions()
        self._build_ui()
        self.notifier = Notifier(self, self.windowIcon())

        manager.rowsReady.connect(self._on_rows)
        manager.jobFinished.connect(self._on_job_finished)
        manager.jobChanged.connect(self._on_job_changed)
        manager.jobAdded.connect(lambda _id: self._show_page())
        manager.jobRemoved.connect(lambda _id: self._show_page())

        # Chunks of live rows wait here and are added one per pass of the event loop (see _on_rows).
        self._row_queue: deque[tuple[str, object]] = deque()
        self._row_timer = QTimer(self, singleShot=True, interval=0)
        self._row_timer.timeout.connect(self._add_next_rows)

        self.retranslate()
        self._restore_geometry()
        self._show_page()
        self._update_actions()
        # After a restart the latest job is open again, not an empty review with nothing selected.
        latest = self.jobs_panel.model.job(0)
        if latest is not None and not self.current_job_id():
            self.jobs_panel.select_job(latest.id)
        if self.store.recovered_from_corruption:
            QTimer.singleShot(0, self._tell_history_recovered)

    # -- building ------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(name: str, shortcut=None, slot=None) -> QAction:
            a = QAction(self)
            a.setObjectName(name)
            if shortcut is not None:
                a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
            if slot is not None:
                a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.act_open = action("actOpen", QKeySequence.StandardKey.Open, self.open_files)
        self.act_export = action("actExport", QKeySequence("Ctrl+E"), self.export_current)
        # Own undo/redo actions (not createUndoAction): short fixed labels, the command in the tooltip.
        self.act_undo = action("actUndo", QKeySequence("Ctrl+Z"), self.undo_stack.undo)
        self.act_redo = action("actRedo", [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")], self.undo_stack.redo)
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda t: self.act_undo.setToolTip(t))
        self.undo_stack.redoTextChanged.connect(lambda t: self.act_redo.setToolTip(t))
        self.act_exclude = action("actExclude", QKeySequence(Qt.Key.Key_Delete), self.toggle_exclude_selected)
        self.act_accept = action("actAccept", QKeySequence("Ctrl+Return"), self.accept_current_suggestion)
        self.act_split = action("actSplit", None, self.split_selected)
        self.act_settings = action("actSettings", QKeySequence("Ctrl+,"), self.open_settings)
        self.act_quit = action("actQuit", QKeySequence.StandardKey.Quit, self.close)
        for a in (self.act_exclude, self.act_accept, self.act_split):
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_ui(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_open, self.act_export, None, self.act_undo, self.act_redo, None, self.act_settings):
            self.toolbar.addSeparator() if a is None else self.toolbar.addAction(a)
        self.addToolBar(self.toolbar)

        self.drop_area = DropArea(self)
        self.drop_area.pathsDropped.connect(self.handle_paths)
        self.drop_area.openRequested.connect(self.open_files)

        self.compact_drop = DropArea(self, compact=True)
        self.compact_drop.pathsDropped.connect(self.handle_paths)
        self.compact_drop.openRequested.connect(self.open_files)
        self.jobs_panel = JobsPanel(self.manager, self)
        self.jobs_panel.open_folder = lambda p: self.open_folder(p)
        self.jobs_panel.currentJobChanged.connect(self.show_job)
        self.jobs_panel.reexportRequested.connect(self.reexport_job)
        self.jobs_panel.existingAddRequested.connect(self.choose_existing_for_job)
        self.jobs_panel.existingSetRequested.connect(self.set_job_existing)
        self.jobs_panel.confirm_reconvert = self.confirm_reconvert
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.compact_drop)
        left_layout.addWidget(self.jobs_panel, 1)

        self.review = ReviewPanel(self.session, self)
        for a in (self.act_exclude, self.act_accept, self.act_split):
            self.review.add_action(a)
        self.mapping_editor = MappingEditor(self)
        self.mapping_editor.mappingChanged.connect(self.rerun_mapping)
        self.report_panel = ReportPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.review, "")
        self.tabs.addTab(self.mapping_editor, "")
        self.tabs.addTab(self.report_panel, "")

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 880])
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(320)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.drop_area)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("GHL Desktop — contacts ready for GoHighLevel"))
        texts = {
            self.act_open: (self.tr("&Open files…"), self.tr("Choose spreadsheets to convert")),
            self.act_export: (self.tr("&Export…"), self.tr("Write the GHL CSV for the selected job")),
            self.act_exclude: (self.tr("Exclude / include"), self.tr("Leave the selected rows out of the export, or take them back")),
            self.act_accept: (self.tr("Accept suggestion"), self.tr("Use the suggested fix for the selected cell")),
            self.act_split: (self.tr("Split merged"), self.tr("Split the selected merged contact back into its rows")),
            self.act_settings: (self.tr("&Settings…"), self.tr("Country, duplicates, split size, language")),
            self.act_quit: (self.tr("&Quit"), ""),
        }
        for a, (text, tip) in texts.items():
            a.setText(text)
            shortcut = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            a.setToolTip(f"{tip} ({shortcut})" if tip and shortcut else tip)
        self.act_undo.setText(self.tr("Undo"))
        self.act_redo.setText(self.tr("Redo"))
        self.tabs.setTabText(0, self.tr("Review"))
        self.tabs.setTabText(1, self.tr("Mapping"))
        self.tabs.setTabText(2, self.tr("Report"))
        self._update_banner()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self.sizeHint())
        state = self.settings.geometry("splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def _show_page(self) -> None:
        has_jobs = bool(self.jobs_panel.model.jobs)
        self.pages.setCurrentIndex(1 if has_jobs else 0)

    # -- input ---------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if paths_from_mime(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = paths_from_mime(event)
        if paths:
            event.acceptProposedAction()
            self.handle_paths(paths)

    def open_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Open spreadsheets"), self.settings.last_folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Spreadsheets ({0})").format(FILE_FILTER_EXTS), self.tr("All files (*)")])
        dialog.filesSelected.connect(lambda files: self.handle_paths([Path(f) for f in files]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def handle_paths(self, paths: list) -> list:
        """Start jobs for dropped or opened files and folders; refuse the rest by name."""
        accepted, refused = collect_inputs([Path(p) for p in paths])
        if refused:
            names = "\n".join(f"• {p.name or p}" for p in refused[:20])
            more = len(refused) - 20
            if more > 0:
                names += "\n" + self.tr("…and {0} more").format(more)
            self._message(QMessageBox.Icon.Warning, self.tr("Some files were not added"),
                          self.tr("These are not spreadsheets GHL Desktop can read (CSV, TXT, XLSX, XLS):")
                          + "\n" + names)
        if not accepted:
            return []
        self.settings.last_folder = str(accepted[0].parent)
        options = self.settings.convert_options()
        missing = [p for p in options.existing if not Path(p).is_file()]
        if missing:  # the defaults of Settings: said, not silently dropped nor failing every job
            options.existing = tuple(p for p in options.existing if p not in missing)
            self._message(QMessageBox.Icon.Warning, self.tr("Contacts already in GHL not found"),
                          self.tr("These files of contacts already in GHL (Settings) were not found, so the new "
                                  "jobs are not compared with them:") + "\n"
                          + "\n".join(f"• {p}" for p in missing))
        outcomes = self.manager.submit(accepted, options)
        started = [o for o in outcomes if o.started]
        errors = [o for o in outcomes if o.kind == R.ERROR]
        again = [o for o in outcomes if o.needs_choice]
        active = [o for o in outcomes if o.kind == R.ACTIVE]
        if errors:
            self._message(QMessageBox.Icon.Warning, self.tr("Some files could not be added"),
                          "\n".join(f"• {translate_core_text(o.error)}" for o in errors))
        if active:
            self.set_status(self.tr("Already converting: {0}").format(", ".join(o.path.name for o in active)))
        first = started[0].job_id if started else (again[0].job_id if again else None)
        self._show_page()
        if first:
            self.jobs_panel.select_job(first)
        if again:
            self._ask_process_again(again)
        if started:
            self.set_status(self.tr("Converting %n file(s)…", "", len(started)))
        return outcomes

    def _ask_process_again(self, outcomes) -> None:
        names = ", ".join(o.path.name for o in outcomes)
        paths = [o.path for o in outcomes]
        n = sum(self._edit_count(o.job_id) for o in outcomes)
        text = self.tr("{0} was converted before. Its result is open; process it again?").format(names)
        if n:
            self.session.save()
            text += "\n\n" + self._edits_kept_text(n)
        box = self._message(QMessageBox.Icon.Question, self.tr("Converted before"), text,
                            buttons=QMessageBox.StandardButton.No)
        yes = box.addButton(self.tr("Keep my %n edit(s)", "", n) if n else self.tr("Process again"),
                            QMessageBox.ButtonRole.YesRole)
        yes.setObjectName("keepEdits")
        fresh = None
        if n:
            fresh = box.addButton(self.tr("Start over"), QMessageBox.ButtonRole.DestructiveRole)
            fresh.setObjectName("startOver")
        box.setDefaultButton(yes)

        def chosen(button) -> None:
            if button is fresh:
                for o in outcomes:
                    self.store.save_edits(o.job_id, {})
            if button is yes or button is fresh:
                self.manager.submit(paths, self.settings.convert_options(), force=True)

        box.buttonClicked.connect(chosen)

    # -- converting a job again, with or without the person's edits ----------------------------------
    def _edit_count(self, job_id: str) -> int:
        if job_id and job_id == self.session.job_id and self.session.result is not None:
            return self.session.edit_count()
        job = self.store.get(job_id) if job_id else None
        data = (job.edits if job else None) or {}
        return len(data.get("ops") or []) + len(data.get("pending") or [])

    def _edits_kept_text(self, n: int) -> str:
        return self.tr("You made %n edit(s) in its review. They are applied again to the new conversion; "
                       "any that no longer fit are listed for you.", "", n)

    def confirm_reconvert(self, job_id: str, proceed, cancelled=None) -> None:
        """Before a job is converted again (a new mapping, Retry): with edits, ask whether to keep
        them (the default) or start over; then ``proceed()``, or ``cancelled()``."""
        n = self._edit_count(job_id)
        if not n:
            proceed()
            return
        self.session.save()
        job = self.store.get(job_id)
        box = self._message(QMessageBox.Icon.Question, self.tr("Convert again"),
                            self.tr("{0} will be converted again.").format(job.file_name if job else "")
                            + "\n\n" + self._edits_kept_text(n),
                            buttons=QMessageBox.StandardButton.Cancel)
        keep = box.addButton(self.tr("Keep my %n edit(s)", "", n), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("keepEdits")
        fresh = box.addButton(self.tr("Start over"), QMessageBox.ButtonRole.DestructiveRole)
        fresh.setObjectName("startOver")
        box.setDefaultButton(keep)

        def chosen(button) -> None:
            if button is fresh:
                self.store.save_edits(job_id, {})
                if self.session.job_id == job_id:
                    self.session.not_applied = []
            if button is keep or button is fresh:
                proceed()
            elif cancelled is not None:
                cancelled()

        box.buttonClicked.connect(chosen)

    # -- contacts already in GHL, per job --------------------------------------------------------------
    def choose_existing_for_job(self, job_id: str) -> None:
        """Ask for files of contacts already in GHL (a GHL contacts export) to compare the job with."""
        dialog = QFileDialog(self, self.tr("Contacts already in GHL (a GHL contacts export)"),
                             self.settings.last_folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Spreadsheets ({0})").format(FILE_FILTER_EXTS), self.tr("All files (*)")])
        dialog.filesSelected.connect(lambda files: self.add_existing_to_job(job_id, [Path(f) for f in files]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def add_existing_to_job(self, job_id: str, paths: list) -> bool:
        """Compare the job with these files too, converting it again (the edits kept, if wanted)."""
        accepted, refused = collect_inputs([Path(p) for p in paths])
        if refused:
            self._message(QMessageBox.Icon.Warning, self.tr("Some files were not added"),
                          self.tr("These are not spreadsheets GHL Desktop can read (CSV, TXT, XLSX, XLS):")
                          + "\n" + "\n".join(f"• {p.name or p}" for p in refused[:20]))
        job = self.store.get(job_id)
        if not accepted or job is None:
            return False
        return self.set_job_existing(job_id, existing_of(job) + [str(p) for p in accepted])

    def set_job_existing(self, job_id: str, paths: list) -> bool:
        """The files of contacts already in GHL ``job_id`` is compared with; when they change, the
        job is converted again through the job system, asking first about the person's edits."""
        job = self.store.get(job_id)
        paths = list(dict.fromkeys(str(p) for p in paths))
        if job is None or job.status in S.ACTIVE or paths == existing_of(job):
            return False

        def proceed() -> None:
            current = self.store.get(job_id)
            if current is None or current.status in S.ACTIVE:
                return
            error = self.manager.set_existing(job_id, paths)  # copied into the history, then queued
            if error is not None:
                self._message(QMessageBox.Icon.Warning, self.tr("Contacts already in GHL not added"),
                              self.tr("{0} is compared with the same files as before: {1}").format(
                                  current.file_name, translate_core_text(error)))
                return
            self.set_status(self.tr("Comparing {0} with the contacts already in GHL…").format(current.file_name)
                            if paths else self.tr("Converting {0} again without the contacts already in GHL…")
                            .format(current.file_name))

        self.confirm_reconvert(job_id, proceed)
        return True

    # -- the current job -----------------------------------------------------------------------------
    def current_job_id(self) -> str:
        return self.jobs_panel.current_job_id()

    def show_job(self, job_id: str) -> None:
        """Show ``job_id`` in review, mapping and report: live rows, its loaded result, or its error."""
        self._load_generation += 1
        job = self.store.get(job_id) if job_id else None
        self.report_panel.set_existing_files([])
        if job is None:
            self.session.clear()
            self.mapping_editor.set_mapping(None)
            self.report_panel.clear()
            self._set_shown("", VIEW_NONE, "")
            return
        if job.status in S.ACTIVE:
            table = self._live.setdefault(job_id, LiveTable())
            self._show_live_counts(job_id, table)
            self.session.show_live(job_id, table)
            self.mapping_editor.set_mapping(None)
            self._set_shown(job_id, VIEW_LIVE, job.status)
            return
        if job.status != S.DONE or job.files_purged:
            self.session.clear()
            self.mapping_editor.set_mapping(None)
            self.report_panel.set_report(job.report if job.status == S.DONE else {})
            self._set_shown(job_id, VIEW_FAILED if job.status == S.FAILED else VIEW_NONE, job.status)
            return
        if self.model.table is not self._finished_live.get(job_id):
            self.session.clear()  # else its live rows stay on screen until the result replaces them
        self._set_shown(job_id, VIEW_LOADING, job.status)
        generation = self._load_generation
        result_dir = self.store.data.result_dir(job_id)
        saved = job.edits or {}

        def work():
            # Everything that reads the whole result or normalizes values runs here, off the GUI
            # thread; what is left for it is building the models and widgets.
            result = load_result(result_dir)
            layer = edits.Layer.from_dict(saved, result.table)
            replayed = None
            if not layer.empty:  # the person's edits, on this conversion of the file (maybe a new one)
                replayed = edits.replay(result, layer, take_back_redo=False)
                if result.existing is not None:  # edited emails and phones may match other contacts
                    result.rematch()
            samples = sample_columns(result.sources[0].columns if result.sources else None)
            return result, replayed, samples, len(rows_with_problems(result.table))

        def done(loaded) -> None:
            if generation != self._load_generation:
                return
            self._show_result(job_id, *loaded)

        def failed(exc: BaseException, _tb: str) -> None:
            if generation != self._load_generation:
                return
            log.warning("could not open the result of job %s: %s", job_id, exc)
            self._set_shown(job_id, VIEW_FAILED, job.status)
            self.review.set_banner(self.tr("The saved result could not be opened ({0}). Retry the job to convert the file again.").format(translate_core_text(exc)))

        run_in_pool(work, done, failed, owner=self)

    def _show_result(self, job_id: str, result, replayed=None, samples=None, problems=None) -> None:
        if problems is not None:  # counted with the loading: the review's count walks nothing
            self.review.set_problem_count(result.table, problems)
        self.session.show_result(job_id, result, replayed)
        self.review.apply_filter()
        self._mapping_samples = samples
        self.mapping_editor.set_mapping(result.mappings[0] if result.mappings else None, samples)
        job = self.store.get(job_id)
        self.report_panel.set_existing_files((job.existing_names if job else result.existing.contacts.files)
                                             if result.existing is not None else [])
        self.report_panel.set_report(result.report)
        if job is not None and (job.exported_rows, job.total_rows) != (
                result.report.get("exported_rows"), result.report.get("total_rows")):
            # The job ended before the person's kept edits were performed again on its rows (an
            # exclusion among them): the jobs list shows the rows as the report counts them.
            self.store.save_report(job_id, result.report)
            self.jobs_panel.model.refresh_job(job_id)
        self._set_shown(job_id, VIEW_RESULT, job.status if job else S.DONE)
        if replayed is not None and replayed.layer.to_dict() != edits.Layer.from_dict(job.edits if job else {}, None).to_dict():
            self.session.save()  # the layer as it now stands (an old one named table rows)
        if self.export_dialog is not None:
            self._update_export_dialog()

    def _set_shown(self, job_id: str, view: str, status: str) -> None:
        self._release_finished_live(RELEASE_AFTER_MS)
        self._shown = (job_id, view, status)
        self._update_banner()
        self._update_actions()
        self.jobShown.emit(job_id, view)

    def shown_view(self) -> str:
        return self._shown[1]

    def _release_finished_live(self, after_ms: int = 0) -> None:
        """Free the live rows of finished jobs that are no longer on screen (off the GUI thread),
        ``after_ms`` from now."""
        for job_id, table in list(self._finished_live.items()):
            if self.model.table is not table:
                del self._finished_live[job_id]
                if after_ms:
                    QTimer.singleShot(after_ms, lambda t=table: release_in_background(t))
                else:
                    release_in_background(table)

    def _update_banner(self) -> None:
        job_id, view, _status = self._shown
        job = self.store.get(job_id) if job_id else None
        if view == VIEW_LIVE:
            text = self.tr("Converting {0}… rows appear as they are normalized; editing opens when it is done.").format(job.file_name if job else "")
        elif view == VIEW_LOADING:
            text = self.tr("Opening the result…")
        elif view == VIEW_FAILED and job is not None and job.status == S.FAILED:
            text = failure_text(job)
        elif job is not None and job.status == S.CANCELLED:
            text = self.tr("{0} was cancelled. Retry it to convert it again.").format(job.file_name)
        elif view == VIEW_RESULT and self.session.not_applied:
            missed = self.session.not_applied
            text = self.tr("%n of your edits no longer apply to this conversion (they are kept, and apply "
                           "again if the mapping goes back):", "", len(missed))
            text += "".join(f"\n• {translate_core_text(m.reason)}" for m in missed[:8])
            if len(missed) > 8:
                text += "\n" + self.tr("…and {0} more").format(len(missed) - 8)
        else:
            text = ""
        self.review.set_banner(text)
        self.review.banner.setProperty("state", "error" if view == VIEW_FAILED else "")
        self.review.banner.style().unpolish(self.review.banner)
        self.review.banner.style().polish(self.review.banner)

    def _update_actions(self) -> None:
        job_id, view, _ = self._shown
        editable = self.session.editable and not self._exporting
        self.act_exclude.setEnabled(editable)
        self.act_accept.setEnabled(editable)
        self.act_split.setEnabled(editable)
        self.act_export.setEnabled(bool(job_id) and view in (VIEW_LIVE, VIEW_LOADING, VIEW_RESULT)
                                   and not self._exporting)

    # -- manager signals -----------------------------------------------------------------------------
    def _on_rows(self, job_id: str, rows) -> None:
        """Queue a chunk of live rows; they are added one chunk per pass of the event loop.

        A job catching up on chunks the helper process finished during the read sends several at
        once; added in one go they kept the window from repainting for most of a tenth of a second.
        """
        self._row_queue.append((job_id, rows))
        if not self._row_timer.isActive():
            self._row_timer.start()

    def _add_next_rows(self) -> None:
        if self._row_queue:
            self._add_rows(*self._row_queue.popleft())
        if self._row_queue:
            self._row_timer.start()

    def _add_rows(self, job_id: str, rows) -> None:
        if not isinstance(rows, LiveRows):
            return
        chunk = rows.table
        shown_live = self._shown[0] == job_id and self._shown[1] == VIEW_LIVE
        if shown_live:
            self.model.append_chunk(chunk)  # extends self._live[job_id], which the model shows
        else:
            self._live.setdefault(job_id, LiveTable()).extend(chunk)
        self._live_reports.setdefault(job_id, LiveReport()).add(rows.counts)
        if shown_live:
            self._show_live_counts(job_id, self.model.table)
            self.review.update_counts()

    def _show_live_counts(self, job_id: str, table: ContactTable) -> None:
        """The review's count of rows with a problem and the report, for a running job's live
        rows: set in the same pass of the event loop as the rows, so no count on screen is ever
        behind the table."""
        live = self._live_reports.get(job_id)
        report = live.report() if live else {}
        # Rows with a problem, summed chunk by chunk in the job's thread (``chunk_counts``: the
        # same count as ``rows_with_problems``); the live rows are never walked here.
        self.review.set_problem_count(table, int(report.get("rejected_rows", 0)))
        self.report_panel.set_report(report, live=True)

    def _on_job_changed(self, job_id: str) -> None:
        if job_id != self._shown[0]:
            return
        job = self.store.get(job_id)
        if job is None:
            return
        was_active = self._shown[2] in S.ACTIVE
        if job.status in S.ACTIVE and not was_active:  # retried / processed again: back to live
            self._live.pop(job_id, None)
            self._live_reports.pop(job_id, None)
            self.show_job(job_id)
        elif job.status != self._shown[2] and job.status in S.ACTIVE:
            self._shown = (job_id, self._shown[1], job.status)

    def _on_job_finished(self, job_id: str, status: str) -> None:
        # Its chunks still waiting are not added: its result, every row in it, replaces the live
        # rows as soon as it is loaded; adding them all here held the GUI thread at the job's end.
        if any(j == job_id for j, _ in self._row_queue):
            self._row_queue = deque((j, r) for j, r in self._row_queue if j != job_id)
        live = self._live.pop(job_id, None)
        self._live_reports.pop(job_id, None)
        if live is not None:
            self._finished_live[job_id] = live
        job = self.store.get(job_id)
        if job_id == self.current_job_id():
            self.show_job(job_id)
        self._release_finished_live()
        name = job.file_name if job else ""
        if status == S.DONE:
            self.set_status(self.tr("{0} is ready for review").format(name))
            self.notifier.notify(self.tr("Conversion finished"),
                                 self.tr("{0}: {1} contacts ready to review and export.").format(
                                     name, job.exported_rows if job else 0))
        elif status == S.FAILED:
            self.set_status(self.tr("{0} could not be converted").format(name))
            self.notifier.notify(self.tr("Conversion failed"), self.tr("{0}: {1}").format(name, failure_reason(job) if job else ""), error=True)
        elif status == S.CANCELLED:
            self.set_status(self.tr("{0} was cancelled").format(name))

    # -- review actions ------------------------------------------------------------------------------
    def toggle_exclude_selected(self) -> None:
        if self.session.editable:
            self.session.toggle_excluded(self.review.selected_table_rows())

    def split_selected(self) -> bool:
        """Split the selected merged contacts back into their rows (one undo step each)."""
        rows = [r for r in self.review.selected_table_rows() if self.session.table.merged.get(r)]
        if not self.session.editable or not rows:
            self.set_status(self.tr("Select a merged contact to split it (filter: Merged duplicates)."))
            return False
        for r in sorted(rows, reverse=True):
            self.session.split_merged(r)
        return True

    def accept_current_suggestion(self) -> bool:
        cell = self.review.current_cell()
        if cell is None:
            return False
        return self.session.accept_suggestion(*cell)

    def _on_session_report(self, report: dict) -> None:
        self.report_panel.set_report(report)
        self.jobs_panel.model.refresh_job(self.session.job_id)

    # -- mapping ---------------------------------------------------------------------------------------
    def rerun_mapping(self, mapping) -> None:
        """A person changed the mapping: remember it for files with the same columns, and convert
        the job again with it, through the job system like any job (progress, cancel, history)."""
        result, job_id = self.session.result, self.session.job_id
        if result is None or mapping is None or job_id is None:
            return
        job = self.store.get(job_id)
        if job is None or job.status in (S.QUEUED, S.PROCESSING):
            return
        record = mapping_record(result.sources[0].header, mapping)

        def proceed() -> None:
            self.store.save_mapping(job_id, record)
            self.store.remember_mapping(record["signature"], record)
            self.manager.retry(job_id)  # the edits stay with the job and are performed on the new result
            self.set_status(self.tr("Converting again with the new mapping; it will be used for files with the same columns."))

        def cancelled() -> None:  # the editor shows the mapping the result was made with
            if self.session.result is result:
                self.mapping_editor.set_mapping(result.mappings[0], self._mapping_samples)

        self.confirm_reconvert(job_id, proceed, cancelled)

    # -- export ----------------------------------------------------------------------------------------
    def reexport_job(self, job_id: str) -> None:
        if self.current_job_id() != job_id:
            self.jobs_panel.select_job(job_id)
        self.export_current()

    def export_current(self) -> None:
        job_id = self.current_job_id()
        job = self.store.get(job_id) if job_id else None
        if job is None or self._exporting:
            return
        if self.export_dialog is not None:
            self.export_dialog.raise_()
            return
        folder = self.settings.last_export_folder or str(Path(job.original_path).parent)
        if not Path(folder).is_dir():
            folder = str(Path.home())
        dialog = ExportDialog(job.file_name, folder, self.settings.split_rows, self.settings.write_rejects, self,
                              tag=self.settings.import_tag(), tag_on=self.settings.tag_import)
        dialog.job_id = job_id
        dialog.accepted.connect(lambda: self._start_export(dialog))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.export_dialog = dialog
        self._update_export_dialog()
        dialog.open()

    def _forget_dialog(self, dialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        dialog.deleteLater()

    def _export_ready(self, job_id: str) -> bool:
        return (self.session.job_id == job_id and self.session.result is not None
                and self._shown[1] == VIEW_RESULT)

    def _update_export_dialog(self) -> None:
        d = self.export_dialog
        if d is None:
            return
        ready = self._export_ready(d.job_id)
        d.set_ready(ready)
        if ready:
            result = self.session.result
            d.set_existing(existing_choices(result) if result.existing is not None else None,
                           problem_counts(self.session.table))

    def _start_export(self, dialog: ExportDialog) -> None:
        out = dialog.final_path()
        split, rejects = dialog.split.value(), dialog.rejects.isChecked()
        self.settings.write_rejects = rejects
        self.settings.tag_import = dialog.tag_on.isChecked()
        self.settings.set_import_tag(dialog.tag_edit.text())
        self.settings.tofix_format = dialog.tofix_format()
        self.run_export(dialog.job_id, out, split, rejects, dialog.tofix_format(), tag=dialog.tag(),
                        only=dialog.only(), include_unchanged=dialog.include_unchanged())

    def run_export(self, job_id: str, out: Path, split_rows: int, rejects: bool, tofix_format: str = ".xlsx",
                   tag: str | None = None, only: str = "all", include_unchanged: bool = False) -> None:
        """Write the GHL CSV (and the file of rows to fix) for the loaded job on the thread pool;
        ``tag``: added to every contact; ``only``, ``include_unchanged``: which rows of a job
        compared with the contacts already in GHL (``ConversionResult.export``)."""
        result = self.session.result
        if result is None or self.session.job_id != job_id:
            return
        self._exporting = True
        self.session.set_busy(True)
        self._update_actions()
        self.set_status(self.tr("Exporting…"))
        rejects_path = tofix_path_for(out, translate_core_text, tofix_format) if rejects else None

        def work():
            return result.export(out, split_rows=split_rows, rejects_path=rejects_path, tag=tag,
                                 text=translate_core_text, only=only, include_unchanged=include_unchanged)

        def done(res) -> None:
            self._export_done()
            paths = [Path(p) for p in res.paths] + ([Path(res.rejects_path)] if res.rejects_path else [])
            self.last_export = paths
            self.store.add_exports(job_id, [str(p) for p in res.paths])  # the export; not the rows to fix
            self.settings.last_export_folder = str(out.parent)
            self.jobs_panel.model.refresh_job(job_id)
            self.jobs_panel._update_actions()
            text = self.tr("%n contact(s) exported", "", res.rows)
            if len(res.paths) > 1:
                text += " " + self.tr("in {0} files of at most {1} rows").format(len(res.paths), split_rows)
            text += ":\n" + "\n".join(str(p) for p in res.paths)
            if res.rejects_path:
                text += "\n\n" + self.tr("%n row(s) to fix listed in", "", res.rejects) + f"\n{res.rejects_path}"
            box = self._message(QMessageBox.Icon.Information, self.tr("Export finished"), text,
                                buttons=QMessageBox.StandardButton.Close)
            open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            open_button.setObjectName("openExportFolder")
            open_button.clicked.connect(lambda: self.open_folder(out.parent))
            self.set_status(self.tr("Exported to {0}").format(out.parent))
            self.exportFinished.emit(paths)

        def failed(exc: BaseException, _tb: str) -> None:
            self._export_done()
            self._message(QMessageBox.Icon.Critical, self.tr("Export failed"),
                          self.tr("Nothing was written. {0}").format(translate_core_text(exc)))
            self.exportFinished.emit([])

        run_in_pool(work, done, failed)

    def _export_done(self) -> None:
        self._exporting = False
        self.session.set_busy(False)
        self._update_actions()

    # -- settings --------------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.open()
        return dialog

    def apply_settings(self, dialog: SettingsDialog) -> None:
        old_language = self.settings.language
        dialog.save()
        if self.languages is not None and self.settings.language != old_language:
            self.languages.apply(self.settings.language)
        self.set_status(self.tr("Settings saved"))

    # -- little helpers --------------------------------------------------------------------------------
    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _message(self, icon, title: str, text: str, buttons=QMessageBox.StandardButton.Ok) -> QMessageBox:
        """A non-blocking message box (the event loop keeps running; tests can read and close it)."""
        box = QMessageBox(icon, title, text, buttons, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_box = box
        box.destroyed.connect(lambda *_: setattr(self, "message_box", None) if self.message_box is box else None)
        box.open()
        return box

    def _tell_history_recovered(self) -> None:
        self._message(QMessageBox.Icon.Warning, self.tr("History recovered"),
                      self.tr("The job history was damaged and has been started anew. The old copy was kept at:\n{0}")
                      .format(self.store.recovered_from_corruption))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.close()  # the edits saved once, before anything is torn down
        self.settings.set_geometry("geometry", self.saveGeometry())
        self.settings.set_geometry("splitter", self.splitter.saveState())
        self.settings.sync()
        self.manager.shutdown(3000)
        self.notifier.hide()
        super().closeEvent(event)

"""The job under review: its table, its undo stack, and saving edits with the job.

Edits are saved as the list of review ops still on the undo stack (plus those replayed when the
job was opened), written to the history on every change; opening the job again replays them on
the saved result. The report is recomputed by core (``refresh_report``) off the GUI thread after a
short pause in editing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core import ContactTable, ValueCache
from .preview_model import PreviewModel
from .review_commands import (
    EDITS_VERSION,
    AcceptSuggestionCommand,
    EditCellCommand,
    SetExcludedCommand,
)
from .tasks import run_in_pool

log = logging.getLogger(__name__)


class ReviewSession(QObject):
    reportChanged = Signal(dict)  #: the core report after edits
    editableChanged = Signal(bool)

    def __init__(self, store, model: PreviewModel, stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = model
        self.stack = stack
        self.job_id = ""
        self.result = None
        self.cache: ValueCache | None = None
        self.base_ops: list[dict] = []
        self._quiet = False
        self._report_pending = False
        self._report_running = False
        self._report_timer = QTimer(self, singleShot=True, interval=300)
        self._report_timer.timeout.connect(self._refresh_report)
        stack.indexChanged.connect(self._on_stack_index)
        model.editRequested.connect(self.edit)

    # -- what is shown ---------------------------------------------------------------------------
    @property
    def table(self) -> ContactTable:
        return self.model.table

    @property
    def editable(self) -> bool:
        return self.result is not None and not self.model.read_only

    def show_live(self, job_id: str, table: ContactTable) -> None:
        """A running job's rows as they arrive: read-only until the final result is loaded."""
        self._reset(job_id, None, [])
        self.model.read_only = True
        self.model.set_table(table, None)
        self.editableChanged.emit(False)

    def show_result(self, job_id: str, result, base_ops: list[dict]) -> None:
        """A done job's loaded result, with its saved ops already replayed onto it."""
        self._reset(job_id, result, base_ops)
        self.cache = ValueCache(result.options.region)
        self.model.read_only = False
        self.model.set_table(result.table, result)
        self.editableChanged.emit(True)

    def clear(self) -> None:
        self._reset("", None, [])
        self.model.read_only = True
        self.model.clear()
        self.editableChanged.emit(False)

    def set_busy(self, busy: bool) -> None:
        """Freeze editing while an export or a mapping re-run reads the table on another thread."""
        self.model.read_only = busy or self.result is None
        self.editableChanged.emit(self.editable)

    def _reset(self, job_id: str, result, base_ops: list[dict]) -> None:
        self._quiet = True
        try:
            self.stack.clear()
        finally:
            self._quiet = False
        self.job_id, self.result, self.base_ops = job_id, result, list(base_ops)
        self._report_timer.stop()

    # -- review actions (all undoable) -----------------------------------------------------------
    def edit(self, row: int, field: str, text: str) -> None:
        if self.editable and field in self.table.columns and 0 <= row < len(self.table):
            self.stack.push(EditCellCommand(self, row, field, text))

    def accept_suggestion(self, row: int, field: str) -> bool:
        if self.editable and self.table.suggestions.get(row, {}).get(field):
            self.stack.push(AcceptSuggestionCommand(self, row, field))
            return True
        return False

    def set_excluded(self, rows: list[int], excluded: bool) -> None:
        rows = [r for r in rows if 0 <= r < len(self.table) and (r in self.table.excluded) != excluded]
        if self.editable and rows:
            self.stack.push(SetExcludedCommand(self, rows, excluded))

    def toggle_excluded(self, rows: list[int]) -> None:
        """Exclude the rows, or include them again when every one is already excluded."""
        if rows:
            self.set_excluded(rows, not all(r in self.table.excluded for r in rows))

    # -- ReviewTarget for the commands -----------------------------------------------------------
    def rows_changed(self, rows: list[int]) -> None:
        self.model.rows_changed(rows)
        self._report_timer.start()

    def ops(self) -> list[dict]:
        return self.base_ops + [self.stack.command(i).op for i in range(self.stack.index())]

    def _on_stack_index(self, _index: int) -> None:
        if self._quiet or not self.job_id or self.result is None:
            return
        self.store.save_edits(self.job_id, {"version": EDITS_VERSION, "ops": self.ops()})

    # -- report ------------------------------------------------------------------------------------
    def _refresh_report(self) -> None:
        if self.result is None:
            return
        if self._report_running:
            self._report_pending = True
            return
        self._report_running = True
        result, job_id = self.result, self.job_id

        def work() -> dict:
            for _ in range(3):  # an edit may land mid-count; count again
                try:
                    return dict(result.refresh_report())
                except RuntimeError:
                    continue
            return dict(result.report)

        def done(report: dict) -> None:
            self._report_running = False
            if result is self.result:
                self.store.save_report(job_id, report)
                self.reportChanged.emit(report)
            if self._report_pending:
                self._report_pending = False
                self._refresh_report()

        def failed(exc: BaseException, _tb: str) -> None:
            self._report_running = False
            log.warning("report refresh failed: %s", exc)

        run_in_pool(work, done, failed)

    def report_now(self) -> None:
        """Recompute soon (used after loading and after a mapping re-run)."""
        self._report_timer.stop()
        self._refresh_report()

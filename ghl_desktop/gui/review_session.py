"""The job under review: its table, its undo stack, and saving edits with the job.

A person's edits are the core's edits layer (``core.edits``): ops named by source row and field.
The layer saved with the job holds the ops done (the undo stack up to its index), the ops undone
(the redo part: history survives a restart) and the ops that did not apply at the last opening
(kept, and listed to the person). It is written on every change and once more when the window
closes; opening the job, after any re-conversion too, performs it again on the result. The report
is recomputed by core (``refresh_report``) off the GUI thread after a short pause in editing. With
contacts already in GHL, the rows an edit touched are marked again at once (``rematch``: one
index lookup per key), so the filter counts and the changes shown follow the edit.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core import ContactTable, ValueCache, edits
from .preview_model import PreviewModel
from .review_commands import OpCommand
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
        #: Ops that did not apply when the job was opened (kept in the layer), with why.
        self.not_applied: list[edits.NotApplied] = []
        self._quiet = False
        self._closed = False
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
        self._reset(job_id, None)
        self.model.read_only = True
        self.model.set_table(table, None)
        self.editableChanged.emit(False)

    def show_result(self, job_id: str, result, replayed: edits.Replayed | None = None) -> None:
        """A done job's loaded result, with its saved layer performed on it (``edits.replay``
        with ``take_back_redo=False``): the undo stack is rebuilt from it, the undone ops taken
        back by the stack itself, so undo and redo go on where the person left them."""
        self._reset(job_id, result)
        self.cache = ValueCache(result.options.region)
        self.model.read_only = False
        self.model.set_table(result.table, result)  # before the stack takes back the undone ops
        if replayed is not None:
            self.not_applied = list(replayed.not_applied)
            self._quiet = True
            try:
                for done in [*replayed.applied, *replayed.redo]:
                    self.stack.push(OpCommand(self, done.op, done.rows, done))
                self.stack.setIndex(len(replayed.applied))
            finally:
                self._quiet = False
            if replayed.redo:
                self._report_timer.start()
        self.editableChanged.emit(True)

    def clear(self) -> None:
        self._reset("", None)
        self.model.read_only = True
        self.model.clear()
        self.editableChanged.emit(False)

    def set_busy(self, busy: bool) -> None:
        """Freeze editing while an export or a mapping re-run reads the table on another thread."""
        self.model.read_only = busy or self.result is None
        self.editableChanged.emit(self.editable)

    def _reset(self, job_id: str, result) -> None:
        self._quiet = True
        try:
            self.stack.clear()
        finally:
            self._quiet = False
        self.job_id, self.result, self.not_applied = job_id, result, []
        self._report_timer.stop()

    # -- review actions (all undoable) -----------------------------------------------------------
    def edit(self, row: int, field: str, text: str) -> None:
        if self.editable and field in self.table.columns and 0 <= row < len(self.table):
            self.stack.push(OpCommand(self, edits.edit_op(self.result, row, field, text), [row]))

    def accept_suggestion(self, row: int, field: str) -> bool:
        op = edits.accept_op(self.result, row, field) if self.editable and 0 <= row < len(self.table) else None
        if op is None:
            return False
        self.stack.push(OpCommand(self, op, [row]))
        return True

    def set_excluded(self, rows: list[int], excluded: bool) -> None:
        rows = sorted({r for r in rows if 0 <= r < len(self.table) and (r in self.table.excluded) != excluded})
        if self.editable and rows:
            self.stack.push(OpCommand(self, edits.exclude_op(self.result, rows, excluded), rows))

    def split_merged(self, row: int) -> bool:
        """Split the merged contact in ``row`` back into the rows it was made of (undoable)."""
        op = edits.split_op(self.result, row) if self.editable and 0 <= row < len(self.table) else None
        if op is None:
            return False
        self.stack.push(OpCommand(self, op, [row]))
        return True

    def toggle_excluded(self, rows: list[int]) -> None:
        """Exclude the rows, or include them again when every one is already excluded."""
        if rows:
            self.set_excluded(rows, not all(r in self.table.excluded for r in rows))

    # -- ReviewTarget for the commands -----------------------------------------------------------
    def rows_changed(self, rows: list[int], resized: bool = False) -> None:
        existing = getattr(self.result, "existing", None)
        if existing is not None:  # an edited email or phone may match another GHL contact now
            existing.table = self.table
            existing.rematch(None if resized else rows)
        if resized:  # a split added rows (or its undo took them away): the view is made anew
            self.model.apply_filter(self.model.mode, self.model.needle)
        else:
            self.model.rows_changed(rows)
        self._report_timer.start()

    def layer(self) -> edits.Layer:
        """The edits as they stand: done, undone (to redo), and not applied."""
        stack, index = self.stack, self.stack.index()
        done = [stack.command(i).op for i in range(index)]
        undone = [stack.command(i).op for i in range(index, stack.count())]
        return edits.Layer(done, undone, [n.op for n in self.not_applied])

    def edit_count(self) -> int:
        return len(self.layer())

    def save(self) -> None:
        if self._closed or not self.job_id or self.result is None:
            return
        self.store.save_edits(self.job_id, self.layer().to_dict())

    def close(self) -> None:
        """The window is closing: save once, then hear nothing more from the stack (it is torn
        down with the window, and its last signals must not reach a half-deleted session)."""
        self._report_timer.stop()
        self.save()
        self._closed = True
        try:
            self.stack.indexChanged.disconnect(self._on_stack_index)
        except (RuntimeError, TypeError):
            pass

    def _on_stack_index(self, _index: int) -> None:
        if self._quiet or self._closed:
            return
        self.save()

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

        run_in_pool(work, done, failed, owner=self)

    def report_now(self) -> None:
        """Recompute soon (used after loading and after a mapping re-run)."""
        self._report_timer.stop()
        self._refresh_report()

"""Undoable review actions: each applies a core review function and keeps its snapshots for undo.

``redo`` calls ``core.review`` (the same validation the file's values went through), ``undo``
restores the snapshots it returned. Each command also has a plain ``op`` record; the list of ops
still on the undo stack is what is saved with the job, and replayed by :func:`replay_ops` when the
job is opened again.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core import review
from ..core import ContactTable, ValueCache

EDITS_VERSION = 1


class ReviewTarget(Protocol):
    table: ContactTable
    cache: ValueCache

    def rows_changed(self, rows: list[int]) -> None: ...


class _RowsCommand(QUndoCommand):
    """Common undo: restore every row snapshot taken by redo, newest first."""

    def __init__(self, target: ReviewTarget, text: str) -> None:
        super().__init__(text)
        self.target = target
        self.snaps: list[review.RowSnapshot] = []
        self.op: dict = {}

    def undo(self) -> None:
        for snap in reversed(self.snaps):
            review.restore(self.target.table, snap)
        rows = [s.row for s in self.snaps]
        self.snaps = []
        self.target.rows_changed(rows)


class EditCellCommand(_RowsCommand):
    def __init__(self, target: ReviewTarget, row: int, field: str, text: str) -> None:
        super().__init__(target, QCoreApplication.translate("ReviewCommands", "Edit {0} in row {1}").format(field, row + 1))
        self.row, self.field, self.value = row, field, text
        self.op = {"op": "edit", "row": row, "field": field, "text": text}

    def redo(self) -> None:
        self.snaps = [review.edit_cell(self.target.table, self.row, self.field, self.value, self.target.cache)]
        self.target.rows_changed([self.row])


class AcceptSuggestionCommand(_RowsCommand):
    def __init__(self, target: ReviewTarget, row: int, field: str) -> None:
        super().__init__(target, QCoreApplication.translate("ReviewCommands", "Accept the suggested {0} in row {1}").format(field, row + 1))
        self.row, self.field = row, field
        self.op = {"op": "accept", "row": row, "field": field}

    def redo(self) -> None:
        snap = review.accept_suggestion(self.target.table, self.row, self.field, self.target.cache)
        self.snaps = [snap] if snap is not None else []
        self.target.rows_changed([self.row])


class SetExcludedCommand(_RowsCommand):
    def __init__(self, target: ReviewTarget, rows: list[int], excluded: bool) -> None:
        text = QCoreApplication.translate("ReviewCommands", "Exclude {0} row(s)") if excluded else QCoreApplication.translate("ReviewCommands", "Include {0} row(s)")
        super().__init__(target, text.format(len(rows)))
        self.rows, self.excluded = sorted(set(rows)), excluded
        self.op = {"op": "exclude", "rows": self.rows, "value": excluded}

    def redo(self) -> None:
        table = self.target.table
        self.snaps = [review.set_excluded(table, r, self.excluded) for r in self.rows]
        self.target.rows_changed(self.rows)


def replay_ops(table: ContactTable, ops: list[dict], cache: ValueCache) -> int:
    """Re-apply saved review ops to a freshly loaded table; returns how many applied."""
    n = len(table)
    applied = 0
    for op in ops:
        kind = op.get("op")
        if kind == "edit" and 0 <= op.get("row", -1) < n:
            review.edit_cell(table, op["row"], op["field"], op.get("text", ""), cache)
        elif kind == "accept" and 0 <= op.get("row", -1) < n:
            review.accept_suggestion(table, op["row"], op["field"], cache)
        elif kind == "exclude":
            for r in op.get("rows", []):
                if 0 <= r < n:
                    review.set_excluded(table, r, bool(op.get("value")))
        else:
            continue
        applied += 1
    return applied

"""Undoable review actions: each performs one op of the core's edits layer and keeps what undo needs.

An op (``core.edits``) names its rows by where they came from in the file and its field by name,
so the list of ops is what the job saves and what is performed again on any later conversion of
the same file. ``redo`` performs the op with ``edits.apply_op`` (the same validation the file's
values went through), ``undo`` takes it back with ``edits.undo``. A command made for history
restored at start-up is given the op already performed (``done``): its first redo does nothing.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core import ContactTable, ValueCache, edits

EDITS_VERSION = edits.VERSION


class ReviewTarget(Protocol):
    result: object
    table: ContactTable
    cache: ValueCache

    def rows_changed(self, rows: list[int], resized: bool = False) -> None: ...


def op_text(op: dict, rows: list[int]) -> str:
    """What the undo/redo buttons say for an op (row numbers as the review table shows them)."""
    translate = QCoreApplication.translate
    kind = op.get("op")
    first = rows[0] + 1 if rows else 0
    if kind == edits.EDIT:
        return translate("ReviewCommands", "Edit {0} in row {1}").format(op.get("field", ""), first)
    if kind == edits.ACCEPT:
        return translate("ReviewCommands", "Accept the suggested {0} in row {1}").format(op.get("field", ""), first)
    if kind == edits.EXCLUDE:
        n = len(op.get("src", []))
        return (translate("ReviewCommands", "Exclude {0} row(s)") if op.get("value")
                else translate("ReviewCommands", "Include {0} row(s)")).format(n)
    if kind == edits.SPLIT:
        return translate("ReviewCommands", "Split the merged contact in row {0}").format(first)
    return kind or ""


class OpCommand(QUndoCommand):
    def __init__(self, target: ReviewTarget, op: dict, rows: list[int], done: edits.Applied | None = None) -> None:
        super().__init__(op_text(op, rows))
        self.target = target
        self.op = op
        self.done = done
        self._performed = done is not None

    def redo(self) -> None:
        if self._performed:  # restored history: the op was performed when the job was opened
            self._performed = False
            return
        out = edits.apply_op(self.target.result, self.op, self.target.cache)
        if isinstance(out, edits.Applied):
            self.done = out
            self.target.rows_changed(out.rows, bool(out.appended))
        else:
            self.done = None
            self.setObsolete(True)

    def undo(self) -> None:
        if self.done is None:
            return
        edits.undo(self.target.table, self.done)
        rows = [r for r in self.done.rows if r < len(self.target.table)]
        self.target.rows_changed(rows, bool(self.done.appended))
        self.done = None

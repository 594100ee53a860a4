"""Source column → GHL field, one combo box per column, the automatic choice preselected.

The editor only edits a ``core.mapping.Mapping`` (through ``with_field``); the window re-runs
normalization with it and remembers it for the next file with the same headers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import FULL_NAME, Mapping

SOURCE, EXAMPLES, TARGET, CONFIDENCE = range(4)
EXAMPLE_COUNT = 3


def confidence_color(conf: float) -> QColor:
    if conf >= 0.9:
        return QColor(34, 160, 80)
    if conf >= 0.6:
        return QColor(210, 140, 0)
    return QColor(220, 60, 60)


class MappingEditor(QWidget):
    mappingChanged = Signal(object)  #: the new Mapping, after a short pause (several quick changes → one run)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mapping: Mapping | None = None
        self.combos: list[QComboBox] = []
        self._examples: list[list[str]] = []
        self._changed: set[str] = set()  # sources the person changed since the mapping was shown
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("mappingTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(EXAMPLES, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(CONFIDENCE, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(lambda: self.mappingChanged.emit(self.mapping))
        self.retranslate()

    def set_mapping(self, mapping: Mapping | None, columns: list[list[str]] | None = None) -> None:
        """Show ``mapping``; ``columns`` are the source's raw cells (for a few example values)."""
        self._timer.stop()
        self.mapping = mapping
        self._changed = set()
        self.combos = []
        self.table.setRowCount(0)
        if mapping is None:
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self._examples = []
        for c in mapping.columns:
            col = columns[c.index] if columns and c.index < len(columns) else []
            seen: list[str] = []
            for v in col[:200]:
                if v and v not in seen:
                    seen.append(v)
                    if len(seen) == EXAMPLE_COUNT:
                        break
            self._examples.append(seen)
        self.table.setRowCount(len(mapping.columns))
        for row, c in enumerate(mapping.columns):
            src = QTableWidgetItem(c.source)
            src.setToolTip(c.source)
            self.table.setItem(row, SOURCE, src)
            ex = QTableWidgetItem(" · ".join(self._examples[row]))
            ex.setToolTip("\n".join(self._examples[row]))
            self.table.setItem(row, EXAMPLES, ex)
            combo = QComboBox(self.table)
            combo.setObjectName(f"mapping_{row}")
            self._fill_combo(combo, c.field)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._on_combo(r))
            self.table.setCellWidget(row, TARGET, combo)
            self.combos.append(combo)
            self.table.setItem(row, CONFIDENCE, QTableWidgetItem())
            self._show_confidence(row)

    def _fill_combo(self, combo: QComboBox, field: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(leave out)"), None)
        for f in self.mapping.schema.mappable:
            label = self.tr("Full Name (split into First/Last)") if f == FULL_NAME else f
            combo.addItem(label, f)
        combo.setCurrentIndex(max(0, combo.findData(field)) if field else 0)
        combo.blockSignals(False)

    def _show_confidence(self, row: int) -> None:
        c = self.mapping.columns[row]
        item = self.table.item(row, CONFIDENCE)
        if c.field is None:
            item.setText(self.tr("not mapped"))
            item.setForeground(QColor(150, 150, 150))
            item.setToolTip("")
            return
        # A saved mapping does not keep its reasons (core restores them as "manual"), so "chosen by
        # you" is said only of columns changed here; the others show their confidence alone.
        reasons = {"header": self.tr("by the header"), "values": self.tr("by the values"),
                   "header+values": self.tr("header and values agree")}
        why = self.tr("chosen by you") if c.source in self._changed else reasons.get(c.reason, "")
        item.setText(f"{round(c.confidence * 100)}% · {why}" if why else f"{round(c.confidence * 100)}%")
        item.setForeground(confidence_color(c.confidence))
        item.setToolTip(self.tr("Confidence of the automatic choice"))

    def _on_combo(self, row: int) -> None:
        if self.mapping is None:
            return
        field = self.combos[row].currentData()
        source = self.mapping.columns[row].source
        self._changed.add(source)
        self.mapping = self.mapping.with_field(source, field)
        for r in range(len(self.mapping.columns)):
            self._show_confidence(r)
        self._timer.start()

    def choose(self, source: str, field: str | None) -> None:
        """Select ``field`` for ``source`` as a person would in the combo box."""
        row = next(i for i, c in enumerate(self.mapping.columns) if c.source == source)
        combo = self.combos[row]
        combo.setCurrentIndex(combo.findData(field) if field else 0)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Column mapping"))
        self.hint.setText(self.tr(
            "Each column of your file and the GHL field it fills. Change a field and the contacts are "
            "converted again; the choice is remembered for files with the same columns."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Your column"), self.tr("Examples"), self.tr("GHL field"), self.tr("Confidence")])
        if self.mapping is not None:
            for row, combo in enumerate(self.combos):
                self._fill_combo(combo, self.mapping.columns[row].field)
                self._show_confidence(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

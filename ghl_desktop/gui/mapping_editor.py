"""Source column → GHL field, one combo box per column, the automatic choice preselected.

Each column may fill a standard field, be kept as a custom field (its name editable, its kind
chosen among ``CUSTOM_KINDS``: the kind decides how its values are written for GHL), or be left
out. The editor only edits a ``core.mapping.Mapping`` (through ``with_field`` and
``with_custom``); the window re-runs normalization with it and remembers it for the next file
with the same headers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import (
    CUSTOM_KINDS,
    DATE,
    FULL_NAME,
    LEFT_OUT_EMPTY,
    LEFT_OUT_LABEL,
    MONEY,
    NUMBER,
    OPTIONS,
    TEXT,
    Mapping,
    detect_kind,
)

SOURCE, EXAMPLES, TARGET, CUSTOM, CONFIDENCE = range(5)
EXAMPLE_COUNT = 3
# The target combo box's data for "a custom field" (a standard field's data is its name).
CUSTOM_CHOICE = "\x00custom"
# Values of a column looked at to suggest a custom field's kind.
KIND_SAMPLE = 500


class ColumnSample:
    """What the editor shows of one source column: a few example values and the kind its values
    suggest for a custom field (``detect_kind``: a few ms per column, normalizing up to
    ``KIND_SAMPLE`` values)."""

    __slots__ = ("examples", "kind")

    def __init__(self, examples: list[str], kind: str) -> None:
        self.examples, self.kind = examples, kind


def sample_columns(columns: list[list[str]] | None) -> list[ColumnSample]:
    """Per source column, its examples and suggested kind: plain Python, no Qt.

    The window works them out on the thread pool with the result it loads (``set_mapping`` then
    only builds widgets): on the GUI thread they held it for ~100 ms when a six-column job
    finished, and more with more columns.
    """
    out = []
    for col in columns or []:
        seen: list[str] = []
        for v in col[:200]:
            if v and v not in seen:
                seen.append(v)
                if len(seen) == EXAMPLE_COUNT:
                    break
        out.append(ColumnSample(seen, detect_kind(col[:KIND_SAMPLE])))
    return out


def kind_label(kind: str) -> str:
    """A custom field kind as the person reads it (the GHL custom field type to create)."""
    return {
        TEXT: QCoreApplication.translate("MappingEditor", "Text"),
        NUMBER: QCoreApplication.translate("MappingEditor", "Number"),
        MONEY: QCoreApplication.translate("MappingEditor", "Money"),
        DATE: QCoreApplication.translate("MappingEditor", "Date"),
        OPTIONS: QCoreApplication.translate("MappingEditor", "Multiple options"),
    }.get(kind, kind)


class CustomFieldCell(QWidget):
    """A custom field's name (editable) and kind, in one cell of the mapping table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setMinimumWidth(150)
        self.kind = QComboBox(self)
        for kind in CUSTOM_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.kind)

    def show_field(self, name: str | None, kind: str | None) -> None:
        """Show a custom field, or nothing for a column that is not one."""
        for w in (self.name, self.kind):
            w.blockSignals(True)
        self.name.setText(name or "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)) if kind else 0)
        for w in (self.name, self.kind):
            w.blockSignals(False)
            w.setVisible(name is not None)

    def retranslate(self) -> None:
        self.kind.blockSignals(True)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_label(self.kind.itemData(i)))
        self.kind.blockSignals(False)
        self.name.setToolTip(QCoreApplication.translate(
            "MappingEditor", "Name of the custom field: create one with this name in GHL"))
        self.kind.setToolTip(QCoreApplication.translate(
            "MappingEditor", "How the values are written for GHL: dates as YYYY-MM-DD, numbers and money as "
                             "1234.56, options separated by commas"))


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
        self._combos: list[QComboBox] = []
        self._custom_cells: list[CustomFieldCell] = []
        self._unbuilt = False  # the mapping shown has no widgets yet (see set_mapping)
        self._examples: list[list[str]] = []
        self._kinds: list[str] = []  # per column, the kind its values suggest for a custom field
        self._changed: set[str] = set()  # sources the person changed since the mapping was shown
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("mappingTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(EXAMPLES, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(TARGET, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(CUSTOM, QHeaderView.ResizeMode.Interactive)
        h.resizeSection(CUSTOM, 290)
        h.setSectionResizeMode(CONFIDENCE, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(lambda: self.mappingChanged.emit(self.mapping))
        self.retranslate()

    def set_mapping(self, mapping: Mapping | None, samples: list[ColumnSample] | None = None) -> None:
        """Show ``mapping``; ``samples`` are its source's columns as ``sample_columns`` sees them
        (worked out off the GUI thread).

        Its widgets (a few ms a column: two combo boxes and a name box each) are built when the
        editor is on screen, or as soon as it is shown: a job's result opens with the review in
        front, and building them for a hidden tab made that moment longer.
        """
        self._timer.stop()
        self.mapping = mapping
        self._changed = set()
        self.setEnabled(mapping is not None)
        self._examples = []
        self._kinds = []
        for c in mapping.columns if mapping is not None else []:
            sample = samples[c.index] if samples and c.index < len(samples) else ColumnSample([], TEXT)
            self._examples.append(sample.examples)
            custom = mapping.custom_field(c.source)
            self._kinds.append(custom.kind if custom else sample.kind)
        self._unbuilt = True
        if self.isVisible():
            self._build()

    @property
    def combos(self) -> list[QComboBox]:
        """Per column, its field's combo box."""
        self._build()
        return self._combos

    @property
    def custom_cells(self) -> list[CustomFieldCell]:
        """Per column, its custom field's name and kind."""
        self._build()
        return self._custom_cells

    def showEvent(self, event) -> None:
        self._build()
        super().showEvent(event)

    def _build(self) -> None:
        if not self._unbuilt:
            return
        self._unbuilt = False
        mapping = self.mapping
        self._combos = []
        self._custom_cells = []
        self.table.setRowCount(0)
        if mapping is None:
            return
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
            self._fill_combo(combo, self._choice(row))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._on_combo(r))
            self.table.setCellWidget(row, TARGET, combo)
            self._combos.append(combo)
            cell = CustomFieldCell(self.table)
            cell.setObjectName(f"custom_{row}")
            cell.retranslate()
            cell.name.editingFinished.connect(lambda r=row: self._on_custom_name(r))
            cell.kind.currentIndexChanged.connect(lambda _i, r=row: self._on_custom_kind(r))
            self.table.setCellWidget(row, CUSTOM, cell)
            self._custom_cells.append(cell)
            self._show_custom(row)
            self.table.setItem(row, CONFIDENCE, QTableWidgetItem())
            self._show_confidence(row)

    def _choice(self, row: int) -> str | None:
        """What the combo box should show for a column: a standard field, CUSTOM_CHOICE or None."""
        c = self.mapping.columns[row]
        return CUSTOM_CHOICE if self.mapping.custom_field(c.source) is not None else c.field

    def _fill_combo(self, combo: QComboBox, choice: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(leave out)"), None)
        for f in self.mapping.schema.without_custom().mappable:
            label = self.tr("Full Name (split into First/Last)") if f == FULL_NAME else f
            combo.addItem(label, f)
        combo.insertSeparator(combo.count())
        combo.addItem(self.tr("Custom field"), CUSTOM_CHOICE)
        combo.setCurrentIndex(max(0, combo.findData(choice)) if choice else 0)
        combo.blockSignals(False)

    def _show_custom(self, row: int) -> None:
        field = self.mapping.custom_field(self.mapping.columns[row].source)
        self.custom_cells[row].show_field(field.name if field else None, field.kind if field else None)

    def _show_confidence(self, row: int) -> None:
        c = self.mapping.columns[row]
        item = self.table.item(row, CONFIDENCE)
        if c.field is None:
            # A column left out keeps its reason in a saved mapping (a person's choice: "manual").
            left_out = {LEFT_OUT_LABEL: self.tr("describes another column"), LEFT_OUT_EMPTY: self.tr("no values"),
                        "manual": self.tr("left out by you")}
            text = self.tr("left out by you") if c.source in self._changed else (
                left_out.get(c.reason, self.tr("not mapped")))
            item.setText(text)
            item.setForeground(QColor(150, 150, 150))
            item.setToolTip(self.tr("Not exported") if c.reason in left_out else "")
            return
        if self.mapping.custom_field(c.source) is not None:
            item.setText(self.tr("chosen by you") if c.source in self._changed else self.tr("custom field"))
            item.setForeground(QColor(38, 139, 210))
            item.setToolTip(self.tr("It fills no standard field: exported as a column of its own, after Notes"))
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
        choice = self.combos[row].currentData()
        source = self.mapping.columns[row].source
        self._changed.add(source)
        if choice == CUSTOM_CHOICE:
            self.mapping = self.mapping.with_custom(source, kind=self._kinds[row])
        else:
            self.mapping = self.mapping.with_field(source, choice)
        self._refresh()

    def _on_custom_name(self, row: int) -> None:
        if self.mapping is None or self.mapping.custom_field(self.mapping.columns[row].source) is None:
            return
        source = self.mapping.columns[row].source
        name = self.custom_cells[row].name.text()
        if name.strip() == self.mapping.custom_field(source).name:
            return
        self._changed.add(source)
        self.mapping = self.mapping.with_custom(source, name=name)  # an empty name: the column's own
        self._refresh()

    def _on_custom_kind(self, row: int) -> None:
        if self.mapping is None or self.mapping.custom_field(self.mapping.columns[row].source) is None:
            return
        source = self.mapping.columns[row].source
        self._changed.add(source)
        self._kinds[row] = self.custom_cells[row].kind.currentData()
        self.mapping = self.mapping.with_custom(source, kind=self._kinds[row])
        self._refresh()

    def _refresh(self) -> None:
        """Show the edited mapping (names may have been made distinct) and re-run after a pause."""
        for r in range(len(self.mapping.columns)):
            self._show_custom(r)
            self._show_confidence(r)
        self._timer.start()

    def _row_of(self, source: str) -> int:
        return next(i for i, c in enumerate(self.mapping.columns) if c.source == source)

    def choose(self, source: str, field: str | None) -> None:
        """Select ``field`` for ``source`` as a person would in the combo box (None: leave out)."""
        combo = self.combos[self._row_of(source)]
        combo.setCurrentIndex(combo.findData(field) if field else 0)

    def choose_custom(self, source: str, name: str | None = None, kind: str | None = None) -> None:
        """Keep ``source`` as a custom field, named and of the kind given, as a person would: the
        combo box, then the name typed, then the kind picked."""
        row = self._row_of(source)
        combo = self.combos[row]
        combo.setCurrentIndex(combo.findData(CUSTOM_CHOICE))
        cell = self.custom_cells[row]
        if name is not None:
            cell.name.setText(name)
            cell.name.editingFinished.emit()
        if kind is not None:
            cell.kind.setCurrentIndex(cell.kind.findData(kind))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Column mapping"))
        self.hint.setText(self.tr(
            "Each column of your file and the GHL field it fills. A column that fills no standard field "
            "is kept as a custom field (create it in GHL with the same name and type) unless you leave it "
            "out. Change a field and the contacts are converted again; the choice is remembered for files "
            "with the same columns."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Your column"), self.tr("Examples"), self.tr("GHL field"), self.tr("Custom field: name and type"),
             self.tr("Confidence")])
        if self.mapping is not None and not self._unbuilt:  # else they are built in this language
            for row, combo in enumerate(self._combos):
                self._fill_combo(combo, self._choice(row))
                self._custom_cells[row].retranslate()
                self._show_confidence(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

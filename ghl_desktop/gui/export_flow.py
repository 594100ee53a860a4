"""Export: choose where (default ``<source>-ghl.csv``), split size, rejects and the import tag, then
write off-thread.

The dialog waits while the job (or a mapping re-run) is still working, and says how many rows
still carry problems; writing happens on the thread pool and ends with a message that can open
the folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import GHL_ROW_LIMIT, import_tag


def default_export_name(source_name: str) -> str:
    """``Contatos Evento.xlsx`` → ``Contatos Evento-ghl.csv``."""
    stem = Path(source_name).stem or "contacts"
    return f"{stem}-ghl.csv"


def rejects_path_for(out: Path) -> Path:
    return out.with_name(f"{out.stem}-rejects.csv")


def rows_with_problems(table) -> int:
    """Rows that will be exported while still holding an invalid value (the person may want to fix them)."""
    return sum(1 for r in table.problems if table.is_exported(r) and table.has_error(r))


class ExportDialog(QDialog):
    def __init__(self, source_name: str, folder: str, split_rows: int, rejects: bool,
                 parent: QWidget | None = None, *, tag: str = "", tag_on: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.path_edit = QLineEdit(str(Path(folder) / default_export_name(source_name)))
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setMinimumWidth(420)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        self.split = QSpinBox()
        self.split.setRange(1, GHL_ROW_LIMIT)
        self.split.setSingleStep(1000)
        self.split.setValue(split_rows)
        self.rejects = QCheckBox()
        self.rejects.setChecked(rejects)
        self.tag_on = QCheckBox()
        self.tag_on.setObjectName("exportTagOn")
        self.tag_on.setChecked(tag_on)
        self.tag_edit = QLineEdit(tag)
        self.tag_edit.setObjectName("exportTag")
        self.tag_edit.setEnabled(tag_on)
        self.tag_on.toggled.connect(self.tag_edit.setEnabled)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_on)
        tag_row.addWidget(self.tag_edit, 1)
        self.waiting = QLabel()
        self.waiting.setObjectName("exportWaiting")
        self.warning = QLabel()
        self.warning.setObjectName("exportWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.form = QFormLayout()
        self.form.addRow("", row)
        self.form.addRow("", self.split)
        self.form.addRow("", self.rejects)
        self.form.addRow("", tag_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        self._problems = 0
        self.retranslate()
        self.set_ready(True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export GHL CSV"))
        self.browse.setText(self.tr("Browse…"))
        self.rejects.setText(self.tr("Also write the rows with problems to a rejects file"))
        self.split.setSuffix(self.tr(" rows per file"))
        self.split.setToolTip(self.tr("GHL imports at most 10,000 rows per file; longer exports become parts"))
        self.tag_on.setText(self.tr("Tag every contact with"))
        tip = self.tr("GHL has no undo: a tag on every contact of this import lets you find them (and delete "
                      "them) in GHL. Commas and periods become hyphens: GHL would split the tag on them.")
        self.tag_on.setToolTip(tip)
        self.tag_edit.setToolTip(tip)
        labels = [self.tr("Save as:"), self.tr("Split into parts of:"), "", self.tr("Import tag:")]
        for i, text in enumerate(labels):
            item = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.waiting.setText(self.tr("Waiting for the conversion to finish…"))
        self.set_problem_rows(self._problems)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_ready(self, ready: bool) -> None:
        """Export is possible only once the job's result is loaded and nothing is re-running."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
        self.waiting.setVisible(not ready)

    def is_ready(self) -> bool:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    def set_problem_rows(self, n: int) -> None:
        self._problems = n
        self.warning.setVisible(n > 0)
        self.warning.setText(self.tr(
            "%n row(s) still have invalid values. They are exported without those values; "
            "review them first if you can.", "", n))

    def tag(self) -> str | None:
        """The tag to add to every contact (as GHL will read it), or None when switched off or empty."""
        return (import_tag(self.tag_edit.text()) or None) if self.tag_on.isChecked() else None

    def out_path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save GHL CSV"), self.path_edit.text(),
                                              self.tr("CSV files (*.csv)"))
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            self.path_edit.setText(path)

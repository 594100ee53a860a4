"""Export: choose where (default ``<source>-ghl.csv``), split size, the file of rows to fix and the
import tag, then write off-thread.

The dialog waits while the job (or a mapping re-run) is still working, and says how many rows
still have a problem (the core's one count, ``rows_with_problems``: the filter, the report and the
file of rows to fix say the same), how many of them go without the bad value and how many not at
all; writing happens on the thread pool and ends with a message that can open the folder.

For a job compared with the contacts already in GHL, it also asks what to export: everything, only
the new contacts (for GHL's "create only") or only the updates ("update only"), unchanged
contacts left out unless asked, and says how many rows each choice writes; the counts of rows with
a problem then follow the choice (the file of rows to fix lists those of what is exported).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import (
    EXPORT_ONLY,
    GHL_ROW_LIMIT,
    existing_export_files,
    import_tag,
    rows_with_problems,
    split_counts,
    tofix_path_for,
)
from .core_text import translate_core_text


def default_export_name(source_name: str) -> str:
    """``Contatos Evento.xlsx`` → ``Contatos Evento-ghl.csv``."""
    stem = Path(source_name).stem or "contacts"
    return f"{stem}-ghl.csv"


def problem_counts(table) -> tuple[int, int]:
    """(rows with a problem exported without the bad value, rows with a problem not exported)."""
    return split_counts(table, rows_with_problems(table))


ONLY_ALL, ONLY_NEW, ONLY_UPDATE = EXPORT_ONLY


def existing_choices(result) -> dict[tuple[str, bool], tuple[int, int, int]]:
    """For a result compared with the contacts already in GHL, per export choice (``only``,
    include unchanged): (rows written, rows with a problem written without the bad value, rows
    with a problem not written). Rows excluded by the person or with no name, email or phone
    are never written, whatever the choice."""
    existing, table = result.existing, result.table
    existing.table = table
    writes = bytearray(len(table))
    for r in table.exported_rows():
        writes[r] = 1
    problems = set(rows_with_problems(table))
    out = {}
    for only in EXPORT_ONLY:
        for unchanged in (False, True):
            rows = existing.rows_for(only, unchanged)
            bad = [r for r in rows if r in problems]
            out[only, unchanged] = (sum(writes[r] for r in rows), *split_counts(table, bad))
    return out

#: The formats of the file of rows to fix: (suffix, label).
TOFIX_FORMATS = (".xlsx", ".csv")


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
        self.split.setGroupSeparatorShown(True)  # "10.000", as the settings write it
        self.split.setValue(split_rows)
        self.split.valueChanged.connect(lambda _v: self._update_choice() if self._choices else None)
        self.rejects = QCheckBox()
        self.rejects.setObjectName("exportToFix")
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
        self.tofix = QComboBox()
        self.tofix.setObjectName("exportToFixFormat")
        for suffix in TOFIX_FORMATS:
            self.tofix.addItem("", suffix)
        fmt = getattr(parent, "settings", None)
        fmt = getattr(fmt, "tofix_format", ".xlsx")
        self.tofix.setCurrentIndex(max(0, self.tofix.findData(fmt)))
        self.rejects.toggled.connect(self.tofix.setEnabled)
        self.tofix.setEnabled(rejects)
        tofix_row = QHBoxLayout()
        tofix_row.addWidget(self.rejects, 1)
        tofix_row.addWidget(self.tofix)
        self.waiting = QLabel()
        self.waiting.setObjectName("exportWaiting")
        self.warning = QLabel()
        self.warning.setObjectName("exportWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.form = QFormLayout()
        self.form.addRow(QLabel(), row)
        self.form.addRow(QLabel(), self.split)
        self.form.addRow(QLabel(), tofix_row)
        self.form.addRow(QLabel(), tag_row)
        # Only for a job compared with the contacts already in GHL (``set_existing``).
        self._choices: dict[tuple[str, bool], tuple[int, int, int]] = {}
        self._all_problems = (0, 0)
        self.existing_box = QGroupBox()
        self.existing_box.setObjectName("exportExisting")
        self.only_group = QButtonGroup(self)
        self.only_buttons: dict[str, QRadioButton] = {}
        box_layout = QVBoxLayout(self.existing_box)
        for only in EXPORT_ONLY:
            b = QRadioButton()
            b.setObjectName(f"exportOnly_{only}")
            self.only_group.addButton(b)
            self.only_buttons[only] = b
            box_layout.addWidget(b)
            b.toggled.connect(lambda on: on and self._update_choice())
        self.only_buttons[ONLY_ALL].setChecked(True)
        self.unchanged = QCheckBox()
        self.unchanged.setObjectName("exportUnchanged")
        self.unchanged.setChecked(False)  # sending GHL what it already has changes nothing
        self.unchanged.toggled.connect(lambda _on: self._update_choice())
        box_layout.addWidget(self.unchanged)
        self.empty_note = QLabel()
        self.empty_note.setObjectName("exportEmptyNote")
        self.empty_note.setWordWrap(True)
        box_layout.addWidget(self.empty_note)
        self.choice_count = QLabel()
        self.choice_count.setObjectName("exportChoiceCount")
        self.choice_count.setWordWrap(True)
        box_layout.addWidget(self.choice_count)
        self.existing_box.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.existing_box)
        layout.addWidget(self.warning)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        self._problems = (0, 0)
        # The question "replace these files?" while it is open.
        self.replace_box: QMessageBox | None = None
        self.retranslate()
        self.set_ready(True)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export GHL CSV"))
        self.browse.setText(self.tr("Browse…"))
        self.rejects.setText(self.tr("Also save the rows to fix (for you or your client)"))
        self.rejects.setToolTip(self.tr("One row per contact with a problem: file, row, column, value, reason, and "
                                        "whether it was exported without that value or not at all"))
        self.tofix.setItemText(0, self.tr("Excel (.xlsx)"))
        self.tofix.setItemText(1, self.tr("CSV (.csv)"))
        self.split.setSuffix(self.tr(" rows per file"))
        self.split.setToolTip(self.tr("GHL imports at most 10,000 rows per file; longer exports become parts"))
        self.tag_on.setText(self.tr("Tag every contact with"))
        tip = self.tr("GHL has no undo: a tag on every contact of this import lets you find them (and delete "
                      "them) in GHL. Commas and periods become hyphens: GHL would split the tag on them.")
        self.tag_on.setToolTip(tip)
        self.tag_edit.setToolTip(tip)
        labels = [self.tr("Save as:"), self.tr("Split into parts of:"), self.tr("Rows to fix:"), self.tr("Import tag:")]
        for i, text in enumerate(labels):
            item = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.waiting.setText(self.tr("Waiting for the conversion to finish…"))
        self.existing_box.setTitle(self.tr("Contacts already in GHL"))
        self.empty_note.setText(self.tr(
            "Empty fields never overwrite what GHL has: where a row has no value, the export writes GHL's own, "
            "so the import keeps it whether or not you tick GHL's \"Don't update empty values\". Tags are "
            "added to the contact's tags and notes become new notes."))
        self._update_choice()

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

    def set_problem_rows(self, without: int, not_exported: int = 0) -> None:
        """The rows with a problem: ``without`` are exported without the bad value, ``not_exported``
        are not exported (no name, email or phone, or excluded by the person)."""
        self._problems = (without, not_exported)
        n = without + not_exported
        self.warning.setVisible(n > 0)
        text = self.tr("%n row(s) still have a problem:", "", n)
        if without:
            text += " " + self.tr("%n exported without the bad value", "", without)
        if without and not_exported:
            text += self.tr(";")
        if not_exported:
            text += " " + self.tr("%n not exported", "", not_exported)
        self.warning.setText(text + ". " + self.tr("Review them first if you can."))

    def set_existing(self, choices: dict[tuple[str, bool], tuple[int, int, int]] | None,
                     problems: tuple[int, int] = (0, 0)) -> None:
        """The export choices of a job compared with the contacts already in GHL (``existing_choices``),
        or None for a job without them; ``problems``: the whole table's (``problem_counts``)."""
        self._choices = dict(choices or {})
        self._all_problems = problems
        self.existing_box.setVisible(bool(self._choices))
        self._update_choice()

    def only(self) -> str:
        """What to export: "all", "new" (GHL's "create only") or "update" ("update only")."""
        if not self._choices:
            return ONLY_ALL
        return next(o for o, b in self.only_buttons.items() if b.isChecked())

    def include_unchanged(self) -> bool:
        return bool(self._choices) and self.unchanged.isChecked() and self.only() != ONLY_NEW

    def _update_choice(self) -> None:
        """The counts on the choices and the problem rows of the chosen one."""
        if not self._choices:
            self.set_problem_rows(*self._all_problems)
            return
        unchanged = self.unchanged.isChecked()
        n = {o: self._choices.get((o, unchanged and o != ONLY_NEW), (0, 0, 0))[0] for o in EXPORT_ONLY}
        texts = {ONLY_ALL: self.tr("Everything: new contacts and updates (%n row(s))", "", n[ONLY_ALL]),
                 ONLY_NEW: self.tr("Only new contacts, for GHL's \"Create only\" (%n row(s))", "", n[ONLY_NEW]),
                 ONLY_UPDATE: self.tr("Only updates of contacts already in GHL, for \"Update only\" (%n row(s))", "",
                                      n[ONLY_UPDATE])}
        for o, b in self.only_buttons.items():
            b.setText(texts[o])
        extra = (self._choices.get((ONLY_ALL, True), (0,))[0] - self._choices.get((ONLY_ALL, False), (0,))[0])
        self.unchanged.setText(self.tr("Also export the %n contact(s) GHL already has unchanged", "", extra) if extra
                               else self.tr("Also export the contacts GHL already has unchanged (there are none)"))
        self.unchanged.setToolTip(self.tr("Off: rows that would change nothing in GHL are left out"))
        self.unchanged.setEnabled(self.only() != ONLY_NEW and extra > 0)
        rows, without, not_exported = self._choices.get((self.only(), self.include_unchanged()), (0, 0, 0))
        parts = max(1, -(-rows // max(1, self.split.value())))
        text = self.tr("%n row(s) will be exported", "", rows)
        if parts > 1:
            text += " " + self.tr("in {0} files of at most {1} rows").format(parts, self.split.value())
        self.choice_count.setText(text + ".")
        self.set_problem_rows(without, not_exported)

    def tofix_format(self) -> str:
        return self.tofix.currentData() or ".xlsx"

    def tag(self) -> str | None:
        """The tag to add to every contact (as GHL will read it), or None when switched off or empty."""
        return (import_tag(self.tag_edit.text()) or None) if self.tag_on.isChecked() else None

    def out_path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def final_path(self) -> Path:
        """The export's path as written: ``.csv`` added when the person left it out."""
        out = self.out_path()
        return out if out.suffix.lower() == ".csv" else out.with_name(out.name + ".csv")

    def tofix_path(self) -> Path | None:
        """Where the file of rows to fix goes, or None when it is not wanted."""
        if not self.rejects.isChecked():
            return None
        return tofix_path_for(self.final_path(), translate_core_text, self.tofix_format())

    def accept(self) -> None:
        """Export; when files of an earlier export are in the way, ask before replacing them."""
        existing = existing_export_files(self.final_path(), self.tofix_path())
        if not existing:
            super().accept()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace existing files?"),
                          self.tr("%n file(s) already exist and will be replaced:", "", len(existing))
                          + "\n" + "\n".join(str(p) for p in existing),
                          QMessageBox.StandardButton.Cancel, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("replaceExport")
        box.button(QMessageBox.StandardButton.Cancel).setObjectName("keepExisting")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # replacing is never the accident
        self.replace_box = box
        box.destroyed.connect(lambda *_: setattr(self, "replace_box", None) if self.replace_box is box else None)

        def chosen(button) -> None:
            if button is replace:
                QDialog.accept(self)

        box.buttonClicked.connect(chosen)
        box.open()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save GHL CSV"), self.path_edit.text(),
                                              self.tr("CSV files (*.csv)"))
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            self.path_edit.setText(path)

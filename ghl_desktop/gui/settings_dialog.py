"""Preferences: default country for phones, duplicate merging, split size, input limits, the contacts
already in GHL every new job is compared with, and language."""

from __future__ import annotations

from functools import cmp_to_key
from pathlib import Path

import phonenumbers
from PySide6.QtCore import QCollator, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import GHL_ROW_LIMIT, country_display_name
from ..core import DEDUPE_BY
from .settings import FILE_MB_RANGE, ROWS_RANGE, AppSettings

FIRST_REGIONS = ("BR", "PT", "US")
LANGUAGE_NAMES = {"pt_BR": "Português (Brasil)", "en": "English"}


def region_name(code: str, language: str | None = None) -> str:
    """``Brasil (BR)`` in Portuguese, ``Brazil (BR)`` in English: CLDR's names, which the core ships
    (Qt gives territory names in English only). ``language``: the window's, by default."""
    name = country_display_name(code, language or QLocale().name())
    return f"{name} ({code})" if name and name != code else code


def fill_regions(box: QComboBox, language: str | None = None) -> None:
    """The phone regions: Brazil, Portugal and the USA first, then the rest in the language's order."""
    current = box.currentData()
    collator = QCollator(QLocale(language) if language else QLocale())
    names = {code: region_name(code, language) for code in phonenumbers.SUPPORTED_REGIONS}
    rest = sorted((c for c in names if c not in FIRST_REGIONS), key=cmp_to_key(
        lambda a, b: collator.compare(names[a], names[b])))
    box.clear()
    for code in (*FIRST_REGIONS, *rest):
        box.addItem(names[code], code)
    box.insertSeparator(len(FIRST_REGIONS))
    if current is not None:
        box.setCurrentIndex(box.findData(current))


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings = settings
        self.region = QComboBox()
        self.region.setObjectName("settingsRegion")
        fill_regions(self.region)
        self.region.setCurrentIndex(self.region.findData(settings.region))
        # What makes a duplicate, as GHL's own deduplication setting offers it (or no merging).
        self.dedupe = QComboBox()
        self.dedupe.setObjectName("settingsDedupe")
        for value in (*DEDUPE_BY, ""):
            self.dedupe.addItem("", value)
        self.dedupe.setCurrentIndex(self.dedupe.findData(settings.dedupe_by if settings.dedupe else ""))
        self.split = QSpinBox()
        self.split.setRange(1, GHL_ROW_LIMIT)
        self.split.setSingleStep(1000)
        self.split.setGroupSeparatorShown(True)
        self.split.setValue(settings.split_rows)
        self.max_file = QSpinBox()
        self.max_file.setObjectName("settingsMaxFile")
        self.max_file.setRange(*FILE_MB_RANGE)
        self.max_file.setSingleStep(100)
        self.max_file.setValue(settings.max_file_mb)
        self.max_rows = QSpinBox()
        self.max_rows.setObjectName("settingsMaxRows")
        self.max_rows.setRange(*ROWS_RANGE)
        self.max_rows.setSingleStep(500_000)
        self.max_rows.setGroupSeparatorShown(True)
        self.max_rows.setValue(settings.max_rows)
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        # Contacts already in GHL: every new job is compared with these files (a job can add its own).
        self.existing = QListWidget()
        self.existing.setObjectName("settingsExisting")
        self.existing.setMaximumHeight(self.existing.fontMetrics().height() * 4 + 12)
        for path in settings.existing_files:
            self.add_existing_file(path)
        self.existing_add = QPushButton()
        self.existing_add.setObjectName("settingsExistingAdd")
        self.existing_add.clicked.connect(self._choose_existing)
        self.existing_remove = QPushButton()
        self.existing_remove.setObjectName("settingsExistingRemove")
        self.existing_remove.clicked.connect(self.remove_selected_existing)
        self.existing.currentRowChanged.connect(self._existing_row_changed)
        self.existing_remove.setEnabled(False)
        existing_buttons = QVBoxLayout()
        existing_buttons.addWidget(self.existing_add)
        existing_buttons.addWidget(self.existing_remove)
        existing_buttons.addStretch(1)
        existing_row = QHBoxLayout()
        existing_row.addWidget(self.existing, 1)
        existing_row.addLayout(existing_buttons)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        fields = (self.region, self.dedupe, self.split, self.max_file, self.max_rows, existing_row, self.language)
        self.labels = [QLabel() for _ in fields]
        for label, field in zip(self.labels, fields):
            self.form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        if self.region.count():
            fill_regions(self.region)  # the names in the new language
        texts = (self.tr("Default country for phones:"), self.tr("Duplicates:"),
                 self.tr("Split exports into parts of:"), self.tr("Largest file accepted:"),
                 self.tr("Most rows in one file:"), self.tr("Contacts already in GHL:"), self.tr("Language:"))
        for label, text in zip(self.labels, texts):
            label.setText(text)
        for i, text in enumerate((self.tr("Merge rows with the same email or phone (GHL's rule)"),
                                  self.tr("Merge rows with the same email only"),
                                  self.tr("Merge rows with the same phone only"),
                                  self.tr("Never merge rows"))):
            self.dedupe.setItemText(i, text)
        self.split.setSuffix(self.tr(" rows"))
        self.max_file.setSuffix(self.tr(" MB"))
        self.max_rows.setSuffix(self.tr(" rows"))
        self.note.setText(self.tr("Country, duplicates, split size, limits and the contacts already in GHL apply "
                                  "to the next files you convert. Larger limits need more memory: about 1 GB per "
                                  "million rows."))
        self.existing_add.setText(self.tr("Add…"))
        self.existing_remove.setText(self.tr("Remove"))
        self.existing.setToolTip(self.tr("GHL contacts exports (or earlier exports of this app): every new job shows "
                                         "which rows are new contacts and which update one already in GHL"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def existing_files(self) -> list[str]:
        return [self.existing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.existing.count())]

    def add_existing_file(self, path) -> None:
        path = str(path)
        if path in self.existing_files():
            return
        item = QListWidgetItem(Path(path).name)
        item.setData(Qt.ItemDataRole.UserRole, path)
        item.setToolTip(path)
        self.existing.addItem(item)

    def _existing_row_changed(self, row: int) -> None:
        self.existing_remove.setEnabled(row >= 0)

    def remove_selected_existing(self) -> None:
        row = self.existing.currentRow()
        if row >= 0:
            self.existing.takeItem(row)

    def _choose_existing(self) -> None:
        dialog = QFileDialog(self, self.tr("Contacts already in GHL (a GHL contacts export)"), self.settings.last_folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.xlsb)"),
                               self.tr("All files (*)")])
        dialog.filesSelected.connect(lambda files: [self.add_existing_file(f) for f in files])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def save(self) -> None:
        """Store the choices (called when the dialog is accepted)."""
        s = self.settings
        s.region = self.region.currentData()
        s.dedupe = bool(self.dedupe.currentData())
        if s.dedupe:
            s.dedupe_by = self.dedupe.currentData()
        s.split_rows = self.split.value()
        s.max_file_mb = self.max_file.value()
        s.max_rows = self.max_rows.value()
        s.language = self.language.currentData()
        s.existing_files = self.existing_files()
        s.sync()

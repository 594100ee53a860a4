"""Preferences: default country for phones, duplicate merging, split size and language."""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.export import GHL_ROW_LIMIT
from .settings import AppSettings

FIRST_REGIONS = ("BR", "PT", "US")
LANGUAGE_NAMES = {"pt_BR": "Português (Brasil)", "en": "English"}


def region_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    name = QLocale.territoryToString(territory) if territory != QLocale.Country.AnyCountry else ""
    return f"{name} ({code})" if name else code


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings = settings
        self.region = QComboBox()
        self.region.setObjectName("settingsRegion")
        rest = sorted((r for r in phonenumbers.SUPPORTED_REGIONS if r not in FIRST_REGIONS), key=region_name)
        for code in (*FIRST_REGIONS, *rest):
            self.region.addItem(region_name(code), code)
        self.region.insertSeparator(len(FIRST_REGIONS))
        self.region.setCurrentIndex(self.region.findData(settings.region))
        self.dedupe = QCheckBox()
        self.dedupe.setChecked(settings.dedupe)
        self.split = QSpinBox()
        self.split.setRange(1, GHL_ROW_LIMIT)
        self.split.setSingleStep(1000)
        self.split.setValue(settings.split_rows)
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.region, self.dedupe, self.split, self.language)):
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
        texts = (self.tr("Default country for phones:"), self.tr("Duplicates:"),
                 self.tr("Split exports into parts of:"), self.tr("Language:"))
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.dedupe.setText(self.tr("Merge rows with the same email or phone"))
        self.split.setSuffix(self.tr(" rows"))
        self.note.setText(self.tr("Country, duplicates and split size apply to the next files you convert."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        """Store the choices (called when the dialog is accepted)."""
        s = self.settings
        s.region = self.region.currentData()
        s.dedupe = self.dedupe.isChecked()
        s.split_rows = self.split.value()
        s.language = self.language.currentData()
        s.sync()

"""Loading the interface language: our ``.qm`` plus Qt's own (for standard buttons and dialogs).

Switching at run time removes the old translators and installs new ones; Qt then sends every
widget a ``LanguageChange`` event, and each widget re-sets its texts in ``retranslate()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .paths import translations_dir

APP_CATALOG = "ghl_desktop"

log = logging.getLogger(__name__)


class LanguageSwitcher:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> bool:
        """Install ``language`` ("pt_BR" or "en"); True when our catalog was found (or English)."""
        for t in self._installed:
            self.app.removeTranslator(t)
        self._installed.clear()
        self.language = language
        if language == "en":
            # English is the source language; its catalog only holds plural forms ("1 row", "2 rows").
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            plurals = QTranslator(self.app)
            if plurals.load(f"{APP_CATALOG}_en", str(translations_dir())):
                self.app.installTranslator(plurals)
                self._installed.append(plurals)
            return True
        QLocale.setDefault(QLocale(language))
        ours = QTranslator(self.app)
        found = ours.load(f"{APP_CATALOG}_{language}", str(translations_dir()))
        if found:
            self.app.installTranslator(ours)
            self._installed.append(ours)
        else:  # the window stays in English; say where the catalog was looked for
            log.warning("no %s_%s.qm in %s", APP_CATALOG, language, translations_dir())
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self.app)
        if qt.load(f"qtbase_{language}", qt_dir):
            self.app.installTranslator(qt)
            self._installed.append(qt)
        return found

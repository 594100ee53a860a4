"""The person's preferences, kept with ``QSettings`` in an INI file in the data folder.

INI rather than the Windows registry: the file sits with the history, is easy to inspect or
delete, and a test's temporary data folder gets its own settings for free.
"""

from __future__ import annotations

from pathlib import Path

import phonenumbers
from PySide6.QtCore import QByteArray, QLocale, QSettings

from ..core.export import GHL_ROW_LIMIT
from ..core.pipeline import ConvertOptions

LANGUAGES = ("pt_BR", "en")


def system_language() -> str:
    """pt_BR for a Portuguese system, English otherwise."""
    return "pt_BR" if QLocale.system().language() == QLocale.Language.Portuguese else "en"


class AppSettings:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / "settings.ini"
        self.q = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- conversion -----------------------------------------------------------------------------
    @property
    def region(self) -> str:
        value = str(self.q.value("convert/region", "BR")).upper()
        return value if value in phonenumbers.SUPPORTED_REGIONS else "BR"

    @region.setter
    def region(self, value: str) -> None:
        self.q.setValue("convert/region", value.upper())

    @property
    def dedupe(self) -> bool:
        return _bool(self.q.value("convert/dedupe", True))

    @dedupe.setter
    def dedupe(self, value: bool) -> None:
        self.q.setValue("convert/dedupe", bool(value))

    @property
    def split_rows(self) -> int:
        try:
            n = int(self.q.value("convert/split_rows", GHL_ROW_LIMIT))
        except (TypeError, ValueError):
            n = GHL_ROW_LIMIT
        return min(max(n, 1), GHL_ROW_LIMIT)

    @split_rows.setter
    def split_rows(self, value: int) -> None:
        self.q.setValue("convert/split_rows", int(value))

    def convert_options(self) -> ConvertOptions:
        return ConvertOptions(region=self.region, dedupe=self.dedupe, split_rows=self.split_rows)

    # -- interface ------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self.q.value("ui/language", "") or "")
        return value if value in LANGUAGES else system_language()

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def last_folder(self) -> str:
        return str(self.q.value("ui/last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.q.setValue("ui/last_folder", value)

    @property
    def last_export_folder(self) -> str:
        return str(self.q.value("ui/last_export_folder", "") or "")

    @last_export_folder.setter
    def last_export_folder(self, value: str) -> None:
        self.q.setValue("ui/last_export_folder", value)

    @property
    def write_rejects(self) -> bool:
        return _bool(self.q.value("export/rejects", True))

    @write_rejects.setter
    def write_rejects(self, value: bool) -> None:
        self.q.setValue("export/rejects", bool(value))

    def geometry(self, key: str) -> QByteArray | None:
        value = self.q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.q.sync()


def _bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)

"""The person's preferences, kept with ``QSettings`` in an INI file in the data folder.

INI rather than the Windows registry: the file sits with the history, is easy to inspect or
delete, and a test's temporary data folder gets its own settings for free.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import phonenumbers
from PySide6.QtCore import QByteArray, QLocale, QSettings

from ..core import DEFAULT_LIMITS, GHL_ROW_LIMIT, ConvertOptions, Limits
from ..core import DEDUPE_BY

LANGUAGES = ("pt_BR", "en")

#: Bounds a person may choose for the input limits (the defaults are core.limits.DEFAULT_LIMITS).
#: The ceilings are what a 64-bit machine with 8 GB of memory still converts comfortably.
FILE_MB_RANGE = (1, 4096)
ROWS_RANGE = (1_000, 20_000_000)


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
    def dedupe_by(self) -> str:
        """What makes a duplicate, as GHL's own setting: "email_phone" (its default), "email", "phone"."""
        value = str(self.q.value("convert/dedupe_by", DEDUPE_BY[0]))
        return value if value in DEDUPE_BY else DEDUPE_BY[0]

    @dedupe_by.setter
    def dedupe_by(self, value: str) -> None:
        self.q.setValue("convert/dedupe_by", value if value in DEDUPE_BY else DEDUPE_BY[0])

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

    @property
    def max_file_mb(self) -> int:
        """Largest file accepted, in MB (MiB, as the size in the refusal message)."""
        return _bounded_int(self.q.value("limits/max_file_mb"), DEFAULT_LIMITS.max_file_bytes // 2**20,
                            FILE_MB_RANGE)

    @max_file_mb.setter
    def max_file_mb(self, value: int) -> None:
        self.q.setValue("limits/max_file_mb", int(value))

    @property
    def max_rows(self) -> int:
        """Most data rows accepted in one file."""
        return _bounded_int(self.q.value("limits/max_rows"), DEFAULT_LIMITS.max_rows, ROWS_RANGE)

    @max_rows.setter
    def max_rows(self, value: int) -> None:
        self.q.setValue("limits/max_rows", int(value))

    @property
    def existing_files(self) -> list[str]:
        """Files of contacts already in GHL every new job is compared with (none by default)."""
        value = self.q.value("convert/existing", [])
        if isinstance(value, str):  # QSettings gives one item back as a plain string
            value = [value] if value else []
        return [str(v) for v in (value or []) if str(v)]

    @existing_files.setter
    def existing_files(self, paths) -> None:
        self.q.setValue("convert/existing", list(dict.fromkeys(str(p) for p in paths)))

    def limits(self) -> Limits:
        return Limits(max_file_bytes=self.max_file_mb * 2**20, max_rows=self.max_rows)

    def convert_options(self) -> ConvertOptions:
        return ConvertOptions(region=self.region, dedupe=self.dedupe, split_rows=self.split_rows,
                              limits=self.limits(), dedupe_by=self.dedupe_by, existing=tuple(self.existing_files))

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

    @property
    def tag_import(self) -> bool:
        """Whether the export adds the import tag to every contact (on unless switched off)."""
        return _bool(self.q.value("export/tag_enabled", True))

    @tag_import.setter
    def tag_import(self, value: bool) -> None:
        self.q.setValue("export/tag_enabled", bool(value))

    def import_tag(self, today: dt.date | None = None) -> str:
        """The tag the export dialog offers: the one the person wrote last time, or, when that was
        the dated default (or there was none), today's ``importado-YYYY-MM-DD``."""
        value = str(self.q.value("export/tag", "") or "").strip()
        return value if value and not _DATED_TAG.match(value) else default_import_tag(today)

    def set_import_tag(self, value: str) -> None:
        self.q.setValue("export/tag", value.strip())

    @property
    def tofix_format(self) -> str:
        """The file of rows to fix: ".xlsx" (the default) or ".csv"."""
        value = str(self.q.value("export/tofix_format", ".xlsx"))
        return value if value in (".xlsx", ".csv") else ".xlsx"

    @tofix_format.setter
    def tofix_format(self, value: str) -> None:
        self.q.setValue("export/tofix_format", value if value in (".xlsx", ".csv") else ".xlsx")

    def geometry(self, key: str) -> QByteArray | None:
        value = self.q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.q.sync()


#: The default import tag, dated by the day of the export (what GHL's help advises: one tag per import).
_DATED_TAG = re.compile(r"^importado-\d{4}-\d{2}-\d{2}$")


def default_import_tag(today: dt.date | None = None) -> str:
    return f"importado-{(today or dt.date.today()).isoformat()}"


def _bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _bounded_int(value, default: int, bounds: tuple[int, int]) -> int:
    """An INI value as an int within ``bounds``; the default when missing or not a number."""
    try:
        n = int(value) if value is not None else default
    except (TypeError, ValueError):
        n = default
    return min(max(n, bounds[0]), bounds[1])

"""Input limits: a file larger or longer than these is refused with a clear message."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 500 * 1024 * 1024
    max_rows: int = 5_000_000
    max_columns: int = 2_000
    #: Guard against zip bombs: total uncompressed size of an Excel workbook's parts.
    max_unzipped_bytes: int = 2 * 1024 * 1024 * 1024
    max_cell_chars: int = 32_767


DEFAULT_LIMITS = Limits()

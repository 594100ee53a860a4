"""The conversion engine: reading, mapping, normalizing, dedupe, report, export.

This package's root is the engine's one door: the window, the jobs and the command line import
``ghl_desktop.core`` and nothing under it (``tests/core/test_layers.py`` checks). What they may
use is listed below; everything else is the engine's own business.

Nothing in this package imports Qt, so it runs (and is tested) headless and from the CLI;
``tests/core/test_no_qt.py`` proves it.
"""

from .assemble import SourceColumns, ValueCache
from .atomic import temp_path_for
from .errors import Cancelled, InputError
from .export import GHL_ROW_LIMIT, ExportResult, rejected_rows, write_json
from .limits import DEFAULT_LIMITS, Limits
from .mapping import ColumnMapping, Mapping, auto_map, header_signature
from .pipeline import (
    ConversionResult,
    ConvertOptions,
    convert,
    gc_paused,
    head_preview,
    normalize_sources,
    read_and_normalize,
    read_sources,
    release,
    sample_rows,
)
from .reader import check_size
from .report import CHUNK_SUMMED, chunk_counts
from .schema import (
    EMAIL,
    FIRST_NAME,
    FULL_NAME,
    GHL_COLUMNS,
    LAST_NAME,
    PHONE,
    STANDARD,
    Field,
    Schema,
)
from .table import (
    EMAIL_TYPO,
    ERROR_KINDS,
    FORMULA,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    NO_CONTACT,
    PHONE_REPAIRED,
    ROW,
    ContactTable,
    Problem,
)
from . import review

"""The conversion engine: reading, mapping, normalizing, dedupe, report, export.

This package's root is the engine's one door: the window, the jobs and the command line import
``ghl_desktop.core`` and nothing under it (``tests/test_layers.py`` checks). Long calls take a
:class:`TaskState` (progress out, rows out for a live preview, cancel in):

- ``convert(paths, options, state=...)`` reads, maps, normalizes and merges; ``reconvert(result,
  mappings, state=...)`` maps the same inputs again; ``convert_and_export`` does both and writes
  the CSV at once (the command line);
- ``ConversionResult`` is the outcome: ``.export(...)``, ``.save(folder)``, ``.load(folder)``,
  ``.refresh_report()``; ``review`` edits its table (``edit_cell``, ``accept_suggestion``,
  ``set_excluded``, each undoable; then ``result.rematch(rows)``); ``edits`` keeps a person's edits as a layer by source row and
  field, re-applied after a re-conversion; ``rows_with_problems`` is the one count of rows to fix;
- ``ConvertOptions(existing=(paths...))``: the contacts already in GHL; ``result.existing`` (an
  ``ExistingMatch``) marks each row ``NEW``/``UPDATE``/``UNCHANGED``/``AMBIGUOUS`` (``.mark``,
  ``.contact_id``, ``.changes``, ``.counts``), ``result.export(only=..., include_unchanged=...)``;
- ``STANDARD`` is GHL's field schema; ``Schema.with_field(Field(...))`` adds a field at run time.

Nothing in this package imports Qt, so it runs (and is tested) headless and from the CLI;
``tests/core/test_no_qt.py`` proves it.
"""

from . import edits, messages, review
from .dedupe import BY_EMAIL, BY_EMAIL_PHONE, BY_PHONE, DEDUPE_BY
from .assemble import SourceColumns, ValueCache
from .atomic import temp_path_for
from .errors import Cancelled, InputError
from .messages import Message
from .existing import AMBIGUOUS, COUNT_KEYS as EXISTING_COUNT_KEYS, MARKS, NEW, ONLY as EXPORT_ONLY, UNCHANGED, UPDATE
from .existing import ExistingContacts, ExistingMatch
from .export import GHL_ROW_LIMIT, ExportResult, existing_export_files, import_tag, rejected_rows, write_json
from .limits import DEFAULT_LIMITS, Limits
from .normalize.countries import country_display_name
from .normalize.custom import detect_kind
from .mapping import ColumnMapping, Mapping, auto_map, header_signature
from .mapping import CUSTOM as MAPPED_CUSTOM, EMPTY as LEFT_OUT_EMPTY, LABEL as LEFT_OUT_LABEL
from .pipeline import (
    ConversionResult,
    ConvertOptions,
    convert,
    convert_and_export,
    head_preview,
    inspect_source,
    read_sources,
    reconvert,
    sample_rows,
)
from .reader import check_size
from .report import CHUNK_SUMMED, chunk_counts
from .schema import (
    CONTACT_ID,
    CUSTOM_KINDS,
    DATE,
    EMAIL,
    FIRST_NAME,
    FULL_NAME,
    GHL_COLUMNS,
    LAST_NAME,
    MONEY,
    NUMBER,
    OPTIONS,
    PHONE,
    STANDARD,
    TEXT,
    Field,
    Schema,
)
from .speed.memory import end_process, gc_paused, map_big_blocks, release
from .table import (
    EMAIL_TYPO,
    ERROR_KINDS,
    EXISTING_AMBIGUOUS,
    FORMULA,
    INVALID_COUNTRY,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    INVALID_VALUE,
    MERGE_CHECK,
    NO_CONTACT,
    PHONE_REPAIRED,
    ROW,
    ContactTable,
    Problem,
)
from .task import STAGES, TaskState
from .tofix import problem_kinds, rows_with_problems, split_counts, tofix_path_for

__all__ = [
    "AMBIGUOUS", "CONTACT_ID", "EXISTING_AMBIGUOUS", "EXISTING_COUNT_KEYS", "EXPORT_ONLY", "ExistingContacts",
    "ExistingMatch", "MARKS", "NEW", "UNCHANGED", "UPDATE",
    "CUSTOM_KINDS", "DATE", "INVALID_VALUE", "LEFT_OUT_EMPTY", "LEFT_OUT_LABEL", "MAPPED_CUSTOM", "MONEY",
    "NUMBER", "OPTIONS", "TEXT", "country_display_name", "detect_kind", "existing_export_files", "import_tag",
    "BY_EMAIL", "BY_EMAIL_PHONE", "BY_PHONE", "DEDUPE_BY", "MERGE_CHECK", "edits", "problem_kinds",
    "rows_with_problems", "split_counts", "tofix_path_for",
    "CHUNK_SUMMED", "DEFAULT_LIMITS", "EMAIL", "EMAIL_TYPO", "ERROR_KINDS", "FIRST_NAME", "FORMULA",
    "FULL_NAME", "GHL_COLUMNS", "GHL_ROW_LIMIT", "INVALID_COUNTRY", "INVALID_DATE", "INVALID_EMAIL", "INVALID_PHONE",
    "LAST_NAME", "Message", "NO_CONTACT", "PHONE", "PHONE_REPAIRED", "ROW", "STAGES", "STANDARD", "Cancelled",
    "ColumnMapping", "ContactTable", "ConversionResult", "ConvertOptions", "ExportResult", "Field",
    "InputError", "Limits", "Mapping", "Problem", "Schema", "SourceColumns", "TaskState", "ValueCache",
    "auto_map", "check_size", "chunk_counts", "convert", "convert_and_export", "end_process",
    "gc_paused", "head_preview", "header_signature", "inspect_source", "map_big_blocks", "read_sources", "reconvert", "rejected_rows",
    "messages", "release", "review", "sample_rows", "temp_path_for", "write_json",
]

"""Every message the core writes for a person: an id, its English template, and a value type.

A message is a :class:`Message`, an id and its arguments (a file name, a count, another message),
never a finished sentence. ``str(message)`` renders the English, which is what the command line,
the report, the rejects file and every log say; the window looks the id up in its own table
(``gui/core_text.py``) and renders the translated template with the same arguments. The core
therefore writes each sentence once, here, and nothing ever reads a sentence back into an id.

The exception is text the core does not own: email-validator's reasons and the operating
system's. They are turned into ids where the core receives them (:class:`LibraryText`, used by
``normalize/emails.py`` for the email library's wording; ``os_reason``/``os_error`` for an
``OSError``), with :data:`TEXT` (the words as they are) for anything not recognised.

Arguments are written according to their kind (:data:`ARG_TEXT`, :data:`ARG_COUNT`, ...), fixed
per placeholder in the catalogue, so a translation can put numbers in its own format.
"""

from __future__ import annotations

import errno
import json
import re
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter

# -- how an argument is written ------------------------------------------------------------------
#: A file name, a path, a sheet name, an address, a library's own words: exactly as given (str).
ARG_TEXT = "text"
#: A line number, or a number a library wrote: plain digits (int).
ARG_INT = "int"
#: A count or a size in MB: digits with thousands separators, "300,000" (int).
ARG_COUNT = "count"
#: A size in MB with one decimal, "1.5" (float).
ARG_DECIMAL = "decimal"
#: Another :class:`Message`.
ARG_MESSAGE = "message"
#: A tuple of items (str, or Messages such as a character's name) written as "a, b, c".
ARG_LIST = "list"

_KINDS = frozenset({ARG_TEXT, ARG_INT, ARG_COUNT, ARG_DECIMAL, ARG_MESSAGE, ARG_LIST})
_PLACEHOLDER = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True)
class Entry:
    id: str
    #: The English text, with ``{0}``, ``{1}``… where the arguments go.
    template: str
    #: How each argument is written, by placeholder number.
    kinds: tuple[str, ...]
    #: Whether an argument holds Messages (a nested message or a list).
    nested: bool = False


#: id -> its entry: every message the core can write.
CATALOGUE: dict[str, Entry] = {}


def _entry(id: str, template: str, *kinds: str) -> str:
    numbers = sorted({int(n) for n in _PLACEHOLDER.findall(template)})
    bare = _PLACEHOLDER.sub("", template)
    if numbers != list(range(len(kinds))) or not set(kinds) <= _KINDS or id in CATALOGUE or set("{}") & set(bare):
        raise ValueError(f"bad catalogue entry {id!r}")
    CATALOGUE[id] = Entry(id, template, kinds, ARG_MESSAGE in kinds or ARG_LIST in kinds)
    return id


T, INT, COUNT, DECIMAL, MSG, LIST = ARG_TEXT, ARG_INT, ARG_COUNT, ARG_DECIMAL, ARG_MESSAGE, ARG_LIST

# -- text the core does not own, kept as written ----------------------------------------------------
#: A library's or the operating system's words that match no entry (or text from outside the core).
TEXT = _entry("text", "{0}", T)

# -- opening a file: core/reader/__init__.py -----------------------------------------------------
FILE_MISSING = _entry("file.missing", "{0}: no such file ({1})", T, T)
FILE_PERMISSION_DENIED = _entry("file.permission_denied", "{0}: cannot be read (permission denied)", T)
FILE_UNREADABLE = _entry("file.unreadable", "{0}: cannot be read ({1})", T, MSG)
FILE_IS_FOLDER = _entry("file.is_folder", "{0}: is a folder, not a file", T)
FILE_EMPTY = _entry("file.empty", "{0}: the file is empty", T)
FILE_TOO_BIG = _entry("file.too_big", "{0}: the file is {1} MB; the limit is {2} MB "
                                      "(change it in the settings or split the file)", T, COUNT, COUNT)
FILE_PASSWORD = _entry("file.password", "{0}: the workbook is password-protected; "
                                        "remove the password in Excel and try again", T)
FILE_NO_VALUES = _entry("file.no_values", "{0}: the file is empty: no values at all", T)
FILE_NO_VALUES_SHEET = _entry("file.no_values_sheet", "{0}: the file is empty (sheet '{1}'): no values at all", T, T)
FILE_HEADER_ONLY = _entry("file.header_only", "{0}: has a header but no data rows", T)
FILE_HEADER_ONLY_SHEET = _entry("file.header_only_sheet", "{0}: has a header but no data rows (sheet '{1}')", T, T)
FILE_TOO_MANY_ROWS = _entry("file.too_many_rows", "{0}: has {1} rows; the limit is {2} "
                                                  "(change it in the settings or split the file)", T, COUNT, COUNT)
#: "<file>: <the operating system's reason>" (a dropped file that cannot be copied in).
FILE_OS_ERROR = _entry("file.os_error", "{0}: {1}", T, MSG)

# -- what the bytes are: core/reader/sniff.py ------------------------------------------------------
NOT_A_SPREADSHEET = _entry("sniff.not_a_spreadsheet",
                           "{0}: this is {1}, not a spreadsheet (use a CSV or Excel file)", T, MSG)
KIND_PDF = _entry("sniff.pdf", "a PDF document")
KIND_PNG = _entry("sniff.png", "a PNG image")
KIND_JPEG = _entry("sniff.jpeg", "a JPEG image")
KIND_GIF = _entry("sniff.gif", "a GIF image")
KIND_RAR = _entry("sniff.rar", "a RAR archive")
KIND_7Z = _entry("sniff.7z", "a 7-Zip archive")
KIND_GZIP = _entry("sniff.gzip", "a gzip archive")
KIND_RTF = _entry("sniff.rtf", "an RTF document")
KIND_PROGRAM = _entry("sniff.program", "a program")
WEB_PAGE = _entry("sniff.web_page", "{0}: this is a web page saved with a spreadsheet name; "
                                    "open it in Excel and save it as .xlsx or .csv", T)
FAKE_EXCEL = _entry("sniff.fake_excel", "{0}: this is not a real Excel file ({1})", T, MSG)
FAKE_XLS = _entry("sniff.fake_xls", "it is neither an Excel 97-2003 workbook nor text")
FAKE_ZIP = _entry("sniff.fake_zip", "it is not a zip archive")
#: Failures that say a file is no spreadsheet at all (a PDF, an image, a web page): converting the
#: same file again cannot help, so the window offers no Retry for them.
NOT_SPREADSHEET_IDS = frozenset({NOT_A_SPREADSHEET, WEB_PAGE, FAKE_EXCEL})

# -- text files: core/reader/decode.py, core/reader/delimited.py -------------------------------------
UTF16_DAMAGED = _entry("text.utf16_damaged", "{0}: the file says it is UTF-16 but its text is damaged", T)
NUL_BYTE = _entry("text.nul_byte", "{0}: contains binary data (a NUL byte on line {1}); "
                                   "this is not a text spreadsheet", T, INT)
MIXED_ENCODINGS = _entry("text.mixed_encodings",
                         "{0}: line {1} is not valid UTF-8 although the rest of the file is (mixed encodings); "
                         "save it again in Excel as 'CSV UTF-8 (Delimitado por vírgulas)'", T, INT)
BINARY_TEXT = _entry("text.binary", "{0}: contains binary data, not text; this is not a spreadsheet", T)
ROW_TOO_WIDE = _entry("text.too_wide", "{0}: a row has {1} columns; the limit is {2} "
                                       "(is this really a contact list?)", T, COUNT, COUNT)
TEXT_TOO_LONG = _entry("text.too_long", "{0}: has more than {1} rows, the limit "
                                        "(change it in the settings or split the file)", T, COUNT)

# -- workbooks: core/reader/excel.py -----------------------------------------------------------------
ZIP_NOT_WORKBOOK = _entry("excel.not_workbook", "{0}: this zip archive is not an Excel workbook", T)
XLSB = _entry("excel.xlsb", "{0}: binary workbooks (.xlsb) are not supported; save it as .xlsx", T)
ZIP_BOMB = _entry("excel.zip_bomb", "{0}: the workbook would unpack to {1} MB from {2} MB; "
                                    "refused as unsafe (a 'zip bomb')", T, COUNT, DECIMAL)
XML_ENTITIES = _entry("excel.entities", "{0}: the workbook contains XML entity declarations, "
                                        "which Excel never writes; refused as unsafe", T)
BAD_ZIP = _entry("excel.bad_zip", "{0}: the Excel file is damaged or incomplete (its zip archive cannot be read)", T)
EXCEL_UNREADABLE = _entry("excel.unreadable", "{0}: the Excel file cannot be read ({1})", T, T)
EXCEL_DAMAGED = _entry("excel.damaged", "{0}: the Excel file is damaged and cannot be read ({1})", T, T)
SHEET_TOO_LONG = _entry("excel.sheet_too_long", "{0}: sheet '{1}' has more than {2} rows, the limit", T, T, COUNT)
SHEET_TOO_WIDE = _entry("excel.sheet_too_wide", "{0}: sheet '{1}' has {2} columns; the limit is {3}",
                        T, T, COUNT, COUNT)
SHEET_UNREADABLE = _entry("excel.sheet_unreadable", "{0}: sheet '{1}' cannot be read ({2})", T, T, T)
NO_SUCH_SHEET = _entry("excel.no_such_sheet", "{0}: there is no sheet named '{1}' (sheets: {2})", T, T, T)
NO_SHEETS = _entry("excel.no_sheets", "{0}: the workbook has no sheets", T)

# -- several files: core/pipeline.py; the command line: cli.py -----------------------------------
INPUT_TOO_MANY_ROWS = _entry("input.too_many_rows", "the input has {0} rows; the limit is {1} "
                                                    "(change it in the settings or split the file)", COUNT, COUNT)
NO_INPUT = _entry("input.none", "no input file given")
NO_CONTACT_COLUMNS = _entry("input.no_contact_columns", "{0}: no column looks like a name, email or phone", T)
OUTPUT_IS_FOLDER_CLI = _entry("cli.output_is_folder",
                              "{0}: the output is a folder; give a file name such as contacts-ghl.csv", T)

# -- contacts already in GHL: core/existing.py, core/pipeline.py -------------------------------------
EXISTING_UNREADABLE = _entry("existing.unreadable", "contacts already in GHL: {0}", MSG)
EXISTING_NO_KEYS = _entry("existing.no_keys", "{0}: no column looks like a Contact Id, an email or a phone, "
                                             "so no contact can be matched (is this a GHL contacts export?)", T)
EXISTING_AMBIGUOUS = _entry("existing.ambiguous", "matches {0} contacts already in GHL ({1}); GHL would update "
                                                  "{2}", COUNT, T, T)
EXISTING_NO_ID = _entry("existing.no_id", "a contact without Contact Id")
ONLY_WITHOUT_EXISTING = _entry("existing.only_without", "--only needs --existing (a file of the contacts "
                                                        "already in GHL)")

# -- a job that fails: jobs/worker.py ------------------------------------------------------------
STORED_COPY_GONE = _entry("job.copy_gone", "the stored copy of {0} is gone (removed by the retention setting "
                                           "or by hand); drop the file again", T)
OUT_OF_MEMORY = _entry("job.out_of_memory", "the file is too large for this computer's memory")
UNEXPECTED = _entry("job.unexpected", "unexpected error: {0}", T)

# -- a saved result that cannot be opened: core/persist.py; an export: core/export.py -------------
SAVED_OTHER_VERSION = _entry("saved.other_version", "{0} was saved by another version of the app", T)
SAVED_DAMAGED = _entry("saved.damaged", "{0} is damaged ({1})", T, MSG)
SAVED_TRUNCATED = _entry("saved.truncated", "truncated")
SAVED_NO_DATA = _entry("saved.no_data", "no data")
SAVED_UNREADABLE = _entry("saved.unreadable", "the saved result cannot be read ({0})", MSG)
SAVED_META_OTHER_VERSION = _entry("saved.meta_other_version",
                                  "the saved result was written by another version of the app")
OUTPUT_IS_FOLDER = _entry("export.output_is_folder", "{0} is a folder, not a file name", T)

# -- the operating system's reasons (OSError.strerror on Linux/macOS, and Windows') ------------------
OS_ERRNO_FILE = _entry("os.errno_file", "[Errno {0}] {1}: {2}", INT, MSG, T)
OS_ERRNO = _entry("os.errno", "[Errno {0}] {1}", INT, MSG)
OS_WINERROR_FILE = _entry("os.winerror_file", "[WinError {0}] {1}: {2}", INT, MSG, T)
OS_WINERROR = _entry("os.winerror", "[WinError {0}] {1}", INT, MSG)
OS_PERMISSION_DENIED = _entry("os.permission_denied", "Permission denied")
OS_NOT_PERMITTED = _entry("os.not_permitted", "Operation not permitted")
OS_NO_SUCH_FILE = _entry("os.no_such_file", "No such file or directory")
OS_IS_DIRECTORY = _entry("os.is_directory", "Is a directory")
OS_IO_ERROR = _entry("os.io_error", "Input/output error")
OS_NO_SPACE = _entry("os.no_space", "No space left on device")
OS_READ_ONLY = _entry("os.read_only", "Read-only file system")
OS_NAME_TOO_LONG = _entry("os.name_too_long", "File name too long")
OS_ACCESS_DENIED = _entry("os.access_denied", "Access is denied")
OS_FILE_NOT_FOUND = _entry("os.file_not_found", "The system cannot find the file specified")
OS_PATH_NOT_FOUND = _entry("os.path_not_found", "The system cannot find the path specified")
OS_IN_USE = _entry("os.in_use", "The process cannot access the file because it is being used by another process")

# -- reader warnings: core/reader/__init__.py, delimited.py, stream.py, numfmt.py --------------------
AT_LINE = _entry("warn.at_line", "line {0}: {1}", INT, MSG)
UNCLOSED_QUOTE = _entry("repair.unclosed_quote", "a quote was never closed; closed at the end of the line")
STRAY_QUOTES = _entry("repair.stray_quotes", "unescaped quotes inside a quoted value were kept as text")
OTHER_DELIMITER = _entry("repair.other_delimiter", "written with another delimiter; split to match the header")
LINE_BREAK = _entry("repair.line_break", "a line break inside an unquoted value; joined to the row above")
SHORT_ROWS = _entry("warn.short_rows", "{0} row(s) had fewer values than the header (first at line {1}); "
                                       "the missing ones were left empty", COUNT, INT)
LONG_ROWS = _entry("warn.long_rows", "{0} row(s) had more values than the header (first at line {1}); "
                                     "the extra values were dropped", COUNT, INT)
NAMED_AS_WORKBOOK = _entry("warn.named_as_workbook",
                           "the file is named {0} but holds {1}-separated text; read as text", T, MSG)
DELIMITER_COMMA = _entry("delimiter.comma", "comma")
DELIMITER_SEMICOLON = _entry("delimiter.semicolon", "semicolon")
DELIMITER_TAB = _entry("delimiter.tab", "tab")
DELIMITER_PIPE = _entry("delimiter.pipe", "pipe")
WIDER_ROWS = _entry("warn.wider_rows", "most rows have more values than the header; the extra columns were named")
RENAMED_COLUMNS = _entry("warn.renamed_columns", "repeated column names were numbered: {0}", T)
LINES_SKIPPED = _entry("warn.lines_skipped", "{0} line(s) above the header were skipped (titles or notes)", INT)
ROWS_SKIPPED = _entry("warn.rows_skipped", "{0} row(s) above the header were skipped (titles or notes)", INT)
NUMBER_FORMATS = _entry("warn.number_formats", "number formats could not be read; zero-padded codes (CEP, CPF) "
                                               "may lack leading zeros")

# -- problems on cells and rows: core/assemble.py, core/review.py ----------------------------------
DID_YOU_MEAN = _entry("problem.did_you_mean", "did you mean {0}?", T)
NINTH_DIGIT = _entry("problem.ninth_digit", "old 8-digit mobile: the ninth digit was added")
NO_CONTACT = _entry("problem.no_contact", "no name, email or phone: GHL cannot import it")
FORMULA = _entry("problem.formula", "starts like a spreadsheet formula; exported with a leading '")
NOT_A_NUMBER = _entry("problem.not_a_number", "not a number (GHL reads numbers written as 1234.56)")
MERGED_EMAILS = _entry("problem.merged_emails", "rows with different emails were merged: {0}", T)
MERGED_NAMES = _entry("problem.merged_names", "rows with different names were merged: {0}", T)

# -- review edits that no longer apply after a re-conversion: core/edits.py ----------------------------
EDIT_WHERE = _entry("edit.where", "row {0} of {1}", INT, T)
EDIT_ROW_MERGED = _entry("edit.row_merged", "{0} is now merged into {1}", MSG, MSG)
EDIT_ROW_GONE = _entry("edit.row_gone", "{0} is no longer in the result", MSG)
EDIT_ROWS_GONE = _entry("edit.rows_gone", "{0} row(s) are no longer in the result or are merged into others", COUNT)
EDIT_FIELD_GONE = _entry("edit.field_gone", "{0}: the field {1} is no longer in the result", MSG, T)
EDIT_COLUMN_UNMAPPED = _entry("edit.column_unmapped", "{0}: {1} was typed over the column {2}, which is no longer "
                                                      "mapped to {1}", MSG, T, T)
EDIT_NOT_MERGED = _entry("edit.not_merged", "{0}: is no longer merged with other rows", MSG)
EDIT_UNKNOWN = _entry("edit.unknown", "an edit this version does not know ({0})", T)

# -- the file of rows to fix: core/tofix.py --------------------------------------------------------
TOFIX_FILE = _entry("tofix.file", "File")
TOFIX_ROW = _entry("tofix.row", "Row")
TOFIX_FIELD = _entry("tofix.field", "Field")
TOFIX_VALUE = _entry("tofix.value", "Value")
TOFIX_REASON = _entry("tofix.reason", "Reason")
TOFIX_STATUS = _entry("tofix.status", "In the export")
TOFIX_EXPORTED_WITHOUT = _entry("tofix.exported_without", "exported without this value")
TOFIX_NOT_EXPORTED = _entry("tofix.not_exported", "not exported")
TOFIX_EXCLUDED = _entry("tofix.excluded", "not exported: excluded during review")
TOFIX_WHOLE_ROW = _entry("tofix.whole_row", "(whole row)")
TOFIX_SHEET = _entry("tofix.sheet", "Rows to fix")
TOFIX_SUFFIX = _entry("tofix.suffix", "to-fix")

# -- phone reasons: core/normalize/phones.py -------------------------------------------------------
PHONE_UNKNOWN_COUNTRY = _entry("phone.unknown_country", "unknown country code")
PHONE_NOT_A_NUMBER = _entry("phone.not_a_number", "not a phone number")
PHONE_TOO_SHORT = _entry("phone.too_short", "too short")
PHONE_TOO_LONG = _entry("phone.too_long", "too long")
PHONE_WRONG_LENGTH = _entry("phone.wrong_length", "wrong number of digits")
PHONE_NO_SUCH_NUMBER = _entry("phone.no_such_number", "not a valid number (no such area code or prefix)")
PHONE_NO_AREA_CODE = _entry("phone.no_area_code", "no area code (DDD): write it as (11) 98765-4321")
PHONE_TOO_LONG_TEXT = _entry("phone.too_long_text", "too long to be a phone number")

# -- date reasons: core/normalize/dates.py ---------------------------------------------------------
DATE_NO_SUCH_DATE = _entry("date.no_such_date", "no such date (check the day and month)")
DATE_FUTURE = _entry("date.future", "date of birth in the future")
DATE_BEFORE_1900 = _entry("date.before_1900", "year before 1900")
DATE_NOT_A_DATE = _entry("date.not_a_date", "not a date (use {0})", MSG)
DATE_BARE_NUMBER = _entry("date.bare_number", "a bare number is not a date (type it as {0})", MSG)
DATE_DAY_FIRST = _entry("date.day_first", "DD/MM/YYYY")
DATE_MONTH_FIRST = _entry("date.month_first", "MM/DD/YYYY")
DATE_NO_YEAR = _entry("date.no_year", "a birthday without a year: GHL needs day, month and year")

# -- country reasons: core/normalize/countries.py --------------------------------------------------
COUNTRY_UNKNOWN = _entry("country.unknown", "not a country: write its name or its two-letter code (BR, US, PT)")
COUNTRY_SEVERAL = _entry("country.several", "several countries in one cell: keep one")

# -- email reasons: core/normalize/emails.py, then email-validator's own wording (syntax.py,
#    validate_email.py; deliverability is never checked), read back by ``read_library_text`` ----
EMAIL_NOT_VALID = _entry("email.not_valid", "not a valid email address ({0})", T)
_E = "email_validator."
_L = "email_validator.length."  # the "(5 characters too many)" of its "is too long" reasons
EMAIL_FULLWIDTH_AT = _entry(_E + "fullwidth_at", "The email address has the \"full-width\" at-sign (@) character "
                                                 "instead of a regular at-sign.")
EMAIL_SMALL_AT = _entry(_E + "small_at", "The email address has the \"small commercial at\" character "
                                         "instead of a regular at-sign.")
EMAIL_NO_AT = _entry(_E + "no_at", "An email address must have an @-sign.")
EMAIL_AFTER_CLOSE_QUOTE = _entry(_E + "after_close_quote", "Extra character(s) found after close quote: {0}", LIST)
EMAIL_DISPLAY_NAME_CHARS = _entry(_E + "display_name_chars",
                                  "The display name contains invalid characters when not quoted: {0}.", LIST)
EMAIL_OPEN_ANGLE = _entry(_E + "open_angle", "An open angle bracket at the start of the email address has to be "
                                             "followed by a close angle bracket at the end.")
EMAIL_AFTER_ADDRESS = _entry(_E + "after_address", "There can't be anything after the email address.")
EMAIL_NOTHING_BEFORE_AT = _entry(_E + "nothing_before_at", "There must be something before the @-sign.")
EMAIL_NOTHING_AFTER_AT = _entry(_E + "nothing_after_at", "There must be something after the @-sign.")
EMAIL_LOCAL_TOO_LONG = _entry(_E + "local_too_long", "The email address is too long before the @-sign {0}.", MSG)
EMAIL_DOMAIN_TOO_LONG = _entry(_E + "domain_too_long", "The email address is too long after the @-sign {0}.", MSG)
EMAIL_DOMAIN_BYTE_TOO_MANY = _entry(_E + "domain_byte_too_many", "The email address is too long after the @-sign "
                                                                 "({0} byte too many after IDNA encoding).", INT)
EMAIL_DOMAIN_BYTES_TOO_MANY = _entry(_E + "domain_bytes_too_many", "The email address is too long after the @-sign "
                                                                   "({0} bytes too many after IDNA encoding).", INT)
EMAIL_TOO_LONG = _entry(_E + "too_long", "The email address is too long {0}.", MSG)
EMAIL_LABEL_TOO_LONG = _entry(_E + "label_too_long", "After the @-sign, periods cannot be separated by so many "
                                                     "characters {0}.", MSG)
EMAIL_CHARACTER_TOO_MANY = _entry(_L + "character", "({0} character too many)", INT)
EMAIL_CHARACTERS_TOO_MANY = _entry(_L + "characters", "({0} characters too many)", INT)
EMAIL_CHARACTER_RANGE_TOO_MANY = _entry(_L + "character_range", "({0}-{1} characters too many)", INT, INT)
EMAIL_NORMALIZED_BYTE_TOO_MANY = _entry(_L + "normalized_byte", "after normalization ({0} byte too many)",
                                        INT)
EMAIL_NORMALIZED_BYTES_TOO_MANY = _entry(_L + "normalized_bytes",
                                         "after normalization ({0} bytes too many)", INT)
EMAIL_IDNA_BYTE_TOO_MANY = _entry(_L + "idna_byte", "when the part after the @-sign is converted to IDNA "
                                                             "ASCII ({0} byte too many)", INT)
EMAIL_IDNA_BYTES_TOO_MANY = _entry(_L + "idna_bytes", "when the part after the @-sign is converted to IDNA "
                                                               "ASCII ({0} bytes too many)", INT)
EMAIL_INTL_LOCAL_CHARS = _entry(_E + "intl_local_chars",
                                "Internationalized characters before the @-sign are not supported: {0}.", LIST)
EMAIL_INTL_LOCAL = _entry(_E + "intl_local", "Internationalized characters before the @-sign are not supported.")
EMAIL_QUOTED_CHARS = _entry(_E + "quoted_chars", "The email address contains invalid characters in quotes before "
                                                 "the @-sign: {0}.", LIST)
EMAIL_INVALID_CHARACTER = _entry(_E + "invalid_character", "The email address contains an invalid character.")
EMAIL_LOCAL_CHARS = _entry(_E + "local_chars", "The email address contains invalid characters before the @-sign: "
                                               "{0}.", LIST)
EMAIL_LOCAL_INVALID = _entry(_E + "local_invalid", "The email address contains invalid characters before the "
                                                   "@-sign.")
EMAIL_UNSAFE_CHARS = _entry(_E + "unsafe_chars", "The email address contains unsafe characters: {0}.", LIST)
EMAIL_START_PERIOD = _entry(_E + "start_period", "An email address cannot start with a period.")
EMAIL_PERIOD_BEFORE_AT = _entry(_E + "period_before_at", "An email address cannot have a period immediately "
                                                         "before the @-sign.")
EMAIL_PERIOD_AFTER_AT = _entry(_E + "period_after_at", "An email address cannot have a period immediately after "
                                                       "the @-sign.")
EMAIL_HYPHEN_AFTER_AT = _entry(_E + "hyphen_after_at", "An email address cannot have a hyphen immediately after "
                                                       "the @-sign.")
EMAIL_END_PERIOD = _entry(_E + "end_period", "An email address cannot end with a period.")
EMAIL_END_HYPHEN = _entry(_E + "end_hyphen", "An email address cannot end with a hyphen.")
EMAIL_TWO_PERIODS = _entry(_E + "two_periods", "An email address cannot have two periods in a row.")
EMAIL_PERIOD_HYPHEN = _entry(_E + "period_hyphen", "An email address cannot have a period and a hyphen next to "
                                                   "each other.")
EMAIL_DOMAIN_CHARS = _entry(_E + "domain_chars", "The part after the @-sign contains invalid characters: {0}.", LIST)
EMAIL_DOMAIN_CHARS_IDNA = _entry(_E + "domain_chars_idna", "The part after the @-sign contains invalid characters "
                                                           "({0}).", T)
EMAIL_DOMAIN_CHARS_NORMALIZED = _entry(_E + "domain_chars_normalized", "The part after the @-sign contains invalid "
                                       "characters after Unicode normalization: {0}.", LIST)
EMAIL_DOUBLE_DASH = _entry(_E + "double_dash", "An email address cannot have two letters followed by two dashes "
                                               "immediately after the @-sign or after a period, except Punycode.")
EMAIL_DOMAIN_INVALID = _entry(_E + "domain_invalid", "The part after the @-sign is invalid ({0}).", T)
EMAIL_DOMAIN_AFTER_IDNA = _entry(_E + "domain_after_idna", "The email address contains invalid characters after "
                                                           "the @-sign after IDNA encoding.")
EMAIL_NO_PERIOD = _entry(_E + "no_period", "The part after the @-sign is not valid. It should have a period.")
EMAIL_NO_TLD = _entry(_E + "no_tld", "The part after the @-sign is not valid. It is not within a valid "
                                     "top-level domain.")
EMAIL_SPECIAL_USE = _entry(_E + "special_use", "The part after the @-sign is a special-use or reserved name that "
                                               "cannot be used with email.")
EMAIL_NOT_IDNA = _entry(_E + "not_idna", "The part after the @-sign is not valid IDNA ({0}).", T)
EMAIL_INVALID_AFTER_NORMALIZING = _entry(_E + "invalid_after_normalizing", "The part after the @-sign became invalid "
                                         "after normalizing to international characters ({0}).", T)
EMAIL_NOT_IPV4 = _entry(_E + "not_ipv4", "The address in brackets after the @-sign is not valid: It is not an "
                                         "IPv4 address ({0}) or is missing an address literal tag.", T)
EMAIL_BAD_IPV6 = _entry(_E + "bad_ipv6", "The IPv6 address in brackets after the @-sign is not valid ({0}).", T)
EMAIL_IPV6_ZONE = _entry(_E + "ipv6_zone", "The IPv6 address in brackets after the @-sign is not valid "
                                           "(It has a zone index).")
EMAIL_BRACKETS_NO_TAG = _entry(_E + "brackets_no_tag", "The part after the @-sign in brackets is not an IPv4 "
                                                       "address and has no address literal tag.")
EMAIL_BRACKETS_CHARS = _entry(_E + "brackets_chars", "The part after the @-sign contains invalid characters in "
                                                     "brackets: {0}.", LIST)
EMAIL_BRACKETS_TAG = _entry(_E + "brackets_tag", "The part after the @-sign contains an invalid address literal "
                                                 "tag in brackets.")
EMAIL_NOT_ASCII = _entry(_E + "not_ascii", "The email address is not valid ASCII.")
EMAIL_AFTER_NORMALIZATION = _entry(_E + "after_normalization", "After Unicode normalization: {0}", MSG)
EMAIL_NO_QUOTING = _entry(_E + "no_quoting", "Quoting the part before the @-sign is not allowed here.")
EMAIL_NO_IP = _entry(_E + "no_ip", "A bracketed IP address after the @-sign is not allowed here.")
EMAIL_NO_DISPLAY_NAME = _entry(_E + "no_display_name", "A display name and angle brackets around the email "
                                                       "address are not permitted here.")
# Characters email-validator names instead of showing them (``unicodedata.name``).
CHAR_SPACE = _entry("char.space", "SPACE")
CHAR_NO_BREAK_SPACE = _entry("char.no_break_space", "NO-BREAK SPACE")
CHAR_ZERO_WIDTH_SPACE = _entry("char.zero_width_space", "ZERO WIDTH SPACE")
CHAR_ZERO_WIDTH_NO_BREAK_SPACE = _entry("char.zero_width_no_break_space", "ZERO WIDTH NO-BREAK SPACE")
CHAR_TABULATION = _entry("char.tabulation", "CHARACTER TABULATION")
CHAR_SOFT_HYPHEN = _entry("char.soft_hyphen", "SOFT HYPHEN")

del T, INT, COUNT, DECIMAL, MSG, LIST, _E, _L


# -- the value --------------------------------------------------------------------------------------
class Message(tuple):
    """A message: its catalogue id and its arguments; ``str()`` is the English text.

    A tuple ``(id, args)`` underneath, compared and hashed by value: cheap to make, and code that
    has checked its id makes it in C with ``tuple.__new__(Message, (id, args))`` (``args`` a
    tuple). Arguments are str, int, float, Messages, or (for a list argument) a tuple of str and
    Messages. ``to_plain`` gives the same data as plain tuples, which is what a ``table.Problem``
    holds (``marshal`` refuses tuple subclasses).
    """

    __slots__ = ()

    def __new__(cls, id: str, *args) -> "Message":
        entry = CATALOGUE.get(id)
        if entry is None or len(args) != len(entry.kinds):
            raise ValueError(f"no catalogue message {id!r} with {len(args)} argument(s)")
        return tuple.__new__(cls, (id, args))

    id = property(itemgetter(0), doc="The catalogue id.")
    args = property(itemgetter(1), doc="The arguments, in placeholder order.")

    @property
    def text(self) -> str:
        """The English text."""
        entry = CATALOGUE[self[0]]
        return entry.template.format(*map(_english, entry.kinds, self[1]))

    __str__ = text.fget

    def __format__(self, spec: str) -> str:
        return format(self.text, spec)

    def __repr__(self) -> str:
        return f"Message({', '.join(map(repr, (self[0], *self[1])))})"

    def __getnewargs__(self) -> tuple:
        return (self[0], *self[1])

    def replace_text(self, old: str, new: str) -> "Message":
        """This message with ``old`` replaced by ``new`` in every text argument (nested ones too)."""
        kinds = CATALOGUE[self[0]].kinds
        return tuple.__new__(Message, (self[0], tuple(map(_replaced, kinds, self[1], repeat(old), repeat(new)))))


def _replaced(kind: str, value, old: str, new: str):
    if kind == ARG_TEXT:
        return value.replace(old, new)
    if kind == ARG_MESSAGE:
        return value.replace_text(old, new)
    if kind == ARG_LIST:
        return tuple(v.replace_text(old, new) if isinstance(v, Message) else v.replace(old, new) for v in value)
    return value


def _english(kind: str, value) -> str:
    if kind == ARG_COUNT:
        return f"{value:,}"
    if kind == ARG_DECIMAL:
        return f"{value:,.1f}"
    if kind == ARG_LIST:
        return ", ".join(map(str, value))
    return str(value)


def verbatim(value: str) -> Message:
    """Words the core does not own (a library's, another program's), as they are."""
    return tuple.__new__(Message, (TEXT, (value,)))


# -- plain data: problems (see ``table.Problem``), the job history ---------------------------------
def to_plain(message):
    """A Message as plain tuples (what ``marshal`` and JSON store); any other value as it is."""
    if type(message) is not Message:
        return message
    entry = CATALOGUE[message[0]]
    if not entry.nested:
        return tuple(message)
    return (message[0], tuple(map(_plain_arg, entry.kinds, message[1])))


def _plain_arg(kind: str, value):
    if kind == ARG_MESSAGE:
        return to_plain(value)
    if kind == ARG_LIST:
        return tuple(map(to_plain, value))
    return value


def from_plain(plain):
    """What ``to_plain`` gave (tuples may have become lists, as in JSON) back as a Message; a str
    stays a str. KeyError or ValueError when the data is no message of this catalogue."""
    if isinstance(plain, str):
        return plain
    id, args = plain
    entry = CATALOGUE[id]
    if len(args) != len(entry.kinds):
        raise ValueError(f"{id!r} takes {len(entry.kinds)} argument(s)")
    if not entry.nested:
        return tuple.__new__(Message, (id, tuple(args)))
    return tuple.__new__(Message, (id, tuple(map(_from_plain_arg, entry.kinds, args))))


def _from_plain_arg(kind: str, value):
    if kind == ARG_MESSAGE:
        return from_plain(value)
    if kind == ARG_LIST:
        return tuple(v if isinstance(v, str) else from_plain(v) for v in value)
    return value


def to_json(message: Message) -> str:
    """``message`` as JSON text (where it is stored as text, as in the job history)."""
    return json.dumps(to_plain(message), ensure_ascii=False)


def from_json(data: str) -> Message:
    """``to_json``'s message; ValueError (or KeyError) when ``data`` is none of this catalogue."""
    message = from_plain(json.loads(data))
    if type(message) is not Message:
        raise ValueError("not a message")
    return message


# -- text the core does not own ----------------------------------------------------------------------
#: errno / Windows error number -> the entry whose English is that system's ``strerror``.
_ERRNO_REASONS = {
    errno.EACCES: OS_PERMISSION_DENIED,
    errno.EPERM: OS_NOT_PERMITTED,
    errno.ENOENT: OS_NO_SUCH_FILE,
    errno.EISDIR: OS_IS_DIRECTORY,
    errno.EIO: OS_IO_ERROR,
    errno.ENOSPC: OS_NO_SPACE,
    errno.EROFS: OS_READ_ONLY,
    errno.ENAMETOOLONG: OS_NAME_TOO_LONG,
}
_WINERROR_REASONS = {5: OS_ACCESS_DENIED, 2: OS_FILE_NOT_FOUND, 3: OS_PATH_NOT_FOUND, 32: OS_IN_USE}


def os_reason(exc: OSError) -> Message:
    """The operating system's reason (``strerror``) for ``exc`` as a message.

    Known error numbers get their own id, but only when the system's words are the catalogue's (a
    system in another language, or another wording, keeps its own words under :data:`TEXT`).
    """
    reason = exc.strerror
    if not reason:
        return verbatim(str(exc))
    winerror = getattr(exc, "winerror", None)
    id = _WINERROR_REASONS.get(winerror) if winerror is not None else _ERRNO_REASONS.get(exc.errno)
    if id is not None and CATALOGUE[id].template == reason:
        return tuple.__new__(Message, (id, ()))
    return verbatim(reason)


def os_error(exc: OSError) -> Message:
    """``str(exc)`` ("[Errno 28] No space left on device: '/x'") as a message with the same English."""
    winerror = getattr(exc, "winerror", None)
    number, plain, named = (winerror, OS_WINERROR, OS_WINERROR_FILE) if winerror is not None else (
        exc.errno, OS_ERRNO, OS_ERRNO_FILE)
    if isinstance(number, int) and exc.strerror and exc.filename2 is None:
        reason = os_reason(exc)
        message = (Message(plain, number, reason) if exc.filename is None
                   else Message(named, number, reason, repr(exc.filename)))
        if message.text == str(exc):
            return message
    return verbatim(str(exc))


def message_of(exc: BaseException) -> Message:
    """What ``exc`` says, as a message: its own for the core's errors, the system's for an
    ``OSError``, anything else's ``str()`` as :data:`TEXT`."""
    message = getattr(exc, "message", None)
    if isinstance(message, Message):
        return message
    if isinstance(exc, OSError):
        return os_error(exc)
    return verbatim(str(exc))


class LibraryText:
    """Reads a library's English back into ids whose templates are the library's own words.

    ``ids`` are tried most specific first (most fixed characters); a placeholder of kind
    :data:`ARG_MESSAGE` is read by ``nested[id]``, the items of a :data:`ARG_LIST` are looked up
    in ``items`` (text -> id; other items stay text). A reading counts only when its English is
    exactly the text read, so nothing is ever reworded; otherwise the answer is None.
    """

    _PATTERNS = {ARG_TEXT: r"(.+?)", ARG_MESSAGE: r"(.+?)", ARG_LIST: r"(.+?)", ARG_INT: r"(\d+)",
                 ARG_COUNT: r"(\d{1,3}(?:,\d{3})*)", ARG_DECIMAL: r"(\d{1,3}(?:,\d{3})*\.\d)"}

    def __init__(self, ids, items: dict[str, str] | None = None) -> None:
        self.exact: dict[str, Message] = {}
        self.patterns: list[tuple[str, re.Pattern, Entry, tuple[int, ...]]] = []
        self.items = {text: tuple.__new__(Message, (id, ())) for text, id in (items or {}).items()}
        self.nested: dict[str, LibraryText] = {}
        entries = [CATALOGUE[id] for id in ids]
        for e in sorted(entries, key=lambda e: -len(_PLACEHOLDER.sub("", e.template))):
            if not e.kinds:
                self.exact[e.template] = tuple.__new__(Message, (e.id, ()))
                continue
            pieces = _PLACEHOLDER.split(e.template)  # text, number, text, number, ..., text
            pattern = "".join(re.escape(p) if i % 2 == 0 else self._PATTERNS[e.kinds[int(p)]]
                              for i, p in enumerate(pieces))
            order = tuple(int(n) for n in pieces[1::2])
            self.patterns.append((pieces[0], re.compile(pattern, re.DOTALL), e, order))

    def read(self, text: str) -> Message | None:
        found = self.exact.get(text)
        if found is not None:
            return found
        for prefix, pattern, entry, order in self.patterns:
            if not text.startswith(prefix):
                continue
            m = pattern.fullmatch(text)
            if m is None:
                continue
            values: list = [None] * len(entry.kinds)
            for n, group in zip(order, m.groups()):
                values[n] = self._value(entry, n, group)
            if None in values:
                continue
            message = tuple.__new__(Message, (entry.id, tuple(values)))
            if message.text == text:
                return message
        return None

    def _value(self, entry: Entry, n: int, group: str):
        kind = entry.kinds[n]
        if kind == ARG_MESSAGE:
            reader = self.nested.get(entry.id)
            return reader.read(group) if reader is not None else None
        if kind == ARG_LIST:
            return tuple(self.items.get(item, item) for item in group.split(", "))
        if kind in (ARG_INT, ARG_COUNT):
            return int(group.replace(",", ""))
        if kind == ARG_DECIMAL:
            return float(group.replace(",", ""))
        return group


__all__ = ["CATALOGUE", "Entry", "LibraryText", "Message", "from_json", "from_plain", "message_of", "os_error",
           "os_reason", "to_json", "to_plain", "verbatim"]

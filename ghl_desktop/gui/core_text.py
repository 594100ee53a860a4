"""The core's messages, shown in the window in the interface language.

The core engine (no Qt) and the command line write :class:`~ghl_desktop.core.messages.Message`
values: an id from the core's catalogue (``core/messages.py``) and its arguments. Why a file cannot
be read (``InputError``), the reader's warnings, the reasons on invalid cells (ours, and
email-validator's, which the core has already turned into ids), why a job failed. The window passes
each one, or the error or problem that carries it, through :func:`translate_core_text`.

Each catalogue id has one entry below: the catalogue's English template, marked for translation in
the ``CoreText`` context of the catalog. The translated template is filled with the message's
arguments: names and paths as they are, counts and sizes in the locale's number format, nested
messages translated in turn. An id without an entry is shown in the catalogue's English rather
than lost. With the English interface every message comes back exactly as ``str(message)``.

Nothing here reads English text: a plain string (a job that failed before its history stored
message ids, say) is shown as it is. ``tests/gui/test_core_text.py`` checks that every catalogue id
has an entry with the catalogue's exact words and a Portuguese translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ..core import messages as M
from ..core import Message, Problem, messages

ARG_COUNT, ARG_DECIMAL, ARG_LIST, ARG_MESSAGE = (
    messages.ARG_COUNT, messages.ARG_DECIMAL, messages.ARG_LIST, messages.ARG_MESSAGE)
CATALOGUE, message_of = messages.CATALOGUE, messages.message_of

CONTEXT = "CoreText"

# Catalogue id -> its English template (the catalogue's words exactly), marked for translation.
TEMPLATES: dict[str, str] = {
    # -- text the core does not own (a library's, the system's, another program's): as written
    M.TEXT: QT_TRANSLATE_NOOP("CoreText", "{0}"),
    # -- opening a file: core/reader/__init__.py; a dropped file: jobs/runner.py
    M.FILE_MISSING: QT_TRANSLATE_NOOP("CoreText", "{0}: no such file ({1})"),
    M.FILE_PERMISSION_DENIED: QT_TRANSLATE_NOOP("CoreText", "{0}: cannot be read (permission denied)"),
    M.FILE_UNREADABLE: QT_TRANSLATE_NOOP("CoreText", "{0}: cannot be read ({1})"),
    M.FILE_IS_FOLDER: QT_TRANSLATE_NOOP("CoreText", "{0}: is a folder, not a file"),
    M.FILE_EMPTY: QT_TRANSLATE_NOOP("CoreText", "{0}: the file is empty"),
    M.FILE_TOO_BIG: QT_TRANSLATE_NOOP("CoreText", "{0}: the file is {1} MB; the limit is {2} MB (change it in the "
                                                  "settings or split the file)"),
    M.FILE_PASSWORD: QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook is password-protected; remove the password "
                                                   "in Excel and try again"),
    M.FILE_NO_VALUES: QT_TRANSLATE_NOOP("CoreText", "{0}: the file is empty: no values at all"),
    M.FILE_NO_VALUES_SHEET: QT_TRANSLATE_NOOP("CoreText", "{0}: the file is empty (sheet '{1}'): no values at all"),
    M.FILE_HEADER_ONLY: QT_TRANSLATE_NOOP("CoreText", "{0}: has a header but no data rows"),
    M.FILE_HEADER_ONLY_SHEET: QT_TRANSLATE_NOOP("CoreText", "{0}: has a header but no data rows (sheet '{1}')"),
    M.FILE_TOO_MANY_ROWS: QT_TRANSLATE_NOOP("CoreText", "{0}: has {1} rows; the limit is {2} (change it in the "
                                                        "settings or split the file)"),
    M.FILE_OS_ERROR: QT_TRANSLATE_NOOP("CoreText", "{0}: {1}"),
    # -- what the bytes are: core/reader/sniff.py
    M.NOT_A_SPREADSHEET: QT_TRANSLATE_NOOP("CoreText", "{0}: this is {1}, not a spreadsheet (use a CSV or Excel "
                                                       "file)"),
    M.KIND_PDF: QT_TRANSLATE_NOOP("CoreText", "a PDF document"),
    M.KIND_PNG: QT_TRANSLATE_NOOP("CoreText", "a PNG image"),
    M.KIND_JPEG: QT_TRANSLATE_NOOP("CoreText", "a JPEG image"),
    M.KIND_GIF: QT_TRANSLATE_NOOP("CoreText", "a GIF image"),
    M.KIND_RAR: QT_TRANSLATE_NOOP("CoreText", "a RAR archive"),
    M.KIND_7Z: QT_TRANSLATE_NOOP("CoreText", "a 7-Zip archive"),
    M.KIND_GZIP: QT_TRANSLATE_NOOP("CoreText", "a gzip archive"),
    M.KIND_RTF: QT_TRANSLATE_NOOP("CoreText", "an RTF document"),
    M.KIND_PROGRAM: QT_TRANSLATE_NOOP("CoreText", "a program"),
    M.WEB_PAGE: QT_TRANSLATE_NOOP("CoreText", "{0}: this is a web page saved with a spreadsheet name; open it in "
                                              "Excel and save it as .xlsx or .csv"),
    M.FAKE_EXCEL: QT_TRANSLATE_NOOP("CoreText", "{0}: this is not a real Excel file ({1})"),
    M.FAKE_XLS: QT_TRANSLATE_NOOP("CoreText", "it is neither an Excel 97-2003 workbook nor text"),
    M.FAKE_ZIP: QT_TRANSLATE_NOOP("CoreText", "it is not a zip archive"),
    # -- text files: core/reader/decode.py, core/reader/delimited.py
    M.UTF16_DAMAGED: QT_TRANSLATE_NOOP("CoreText", "{0}: the file says it is UTF-16 but its text is damaged"),
    M.NUL_BYTE: QT_TRANSLATE_NOOP("CoreText", "{0}: contains binary data (a NUL byte on line {1}); this is not a "
                                              "text spreadsheet"),
    M.MIXED_ENCODINGS: QT_TRANSLATE_NOOP("CoreText", "{0}: line {1} is not valid UTF-8 although the rest of the "
                                                     "file is (mixed encodings); save it again in Excel as 'CSV "
                                                     "UTF-8 (Delimitado por vírgulas)'"),
    M.BINARY_TEXT: QT_TRANSLATE_NOOP("CoreText", "{0}: contains binary data, not text; this is not a spreadsheet"),
    M.ROW_TOO_WIDE: QT_TRANSLATE_NOOP("CoreText", "{0}: a row has {1} columns; the limit is {2} (is this really a "
                                                  "contact list?)"),
    M.TEXT_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "{0}: has more than {1} rows, the limit (change it in the "
                                                   "settings or split the file)"),
    # -- workbooks: core/reader/excel.py
    M.ZIP_NOT_WORKBOOK: QT_TRANSLATE_NOOP("CoreText", "{0}: this zip archive is not an Excel workbook"),
    M.XLSB: QT_TRANSLATE_NOOP("CoreText", "{0}: binary workbooks (.xlsb) are not supported; save it as .xlsx"),
    M.ZIP_BOMB: QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook would unpack to {1} MB from {2} MB; refused as "
                                              "unsafe (a 'zip bomb')"),
    M.XML_ENTITIES: QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook contains XML entity declarations, which Excel "
                                                  "never writes; refused as unsafe"),
    M.BAD_ZIP: QT_TRANSLATE_NOOP("CoreText", "{0}: the Excel file is damaged or incomplete (its zip archive cannot "
                                             "be read)"),
    M.EXCEL_UNREADABLE: QT_TRANSLATE_NOOP("CoreText", "{0}: the Excel file cannot be read ({1})"),
    M.EXCEL_DAMAGED: QT_TRANSLATE_NOOP("CoreText", "{0}: the Excel file is damaged and cannot be read ({1})"),
    M.SHEET_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "{0}: sheet '{1}' has more than {2} rows, the limit"),
    M.SHEET_TOO_WIDE: QT_TRANSLATE_NOOP("CoreText", "{0}: sheet '{1}' has {2} columns; the limit is {3}"),
    M.SHEET_UNREADABLE: QT_TRANSLATE_NOOP("CoreText", "{0}: sheet '{1}' cannot be read ({2})"),
    M.NO_SUCH_SHEET: QT_TRANSLATE_NOOP("CoreText", "{0}: there is no sheet named '{1}' (sheets: {2})"),
    M.NO_SHEETS: QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook has no sheets"),
    # -- several files: core/pipeline.py; the command line: cli.py
    M.INPUT_TOO_MANY_ROWS: QT_TRANSLATE_NOOP("CoreText", "the input has {0} rows; the limit is {1} (change it in "
                                                         "the settings or split the file)"),
    M.NO_INPUT: QT_TRANSLATE_NOOP("CoreText", "no input file given"),
    M.NO_CONTACT_COLUMNS: QT_TRANSLATE_NOOP("CoreText", "{0}: no column looks like a name, email or phone"),
    # -- contacts already in GHL: core/existing.py, core/pipeline.py
    M.EXISTING_UNREADABLE: QT_TRANSLATE_NOOP("CoreText", "contacts already in GHL: {0}"),
    M.EXISTING_NO_KEYS: QT_TRANSLATE_NOOP("CoreText", "{0}: no column looks like a Contact Id, an email or a phone, "
                                                      "so no contact can be matched (is this a GHL contacts export?)"),
    M.EXISTING_AMBIGUOUS: QT_TRANSLATE_NOOP("CoreText", "matches {0} contacts already in GHL ({1}); GHL would update "
                                                        "{2}"),
    M.EXISTING_NO_ID: QT_TRANSLATE_NOOP("CoreText", "a contact without Contact Id"),
    M.ONLY_WITHOUT_EXISTING: QT_TRANSLATE_NOOP("CoreText", "--only needs --existing (a file of the contacts already "
                                                           "in GHL)"),
    M.OUTPUT_IS_FOLDER_CLI: QT_TRANSLATE_NOOP("CoreText", "{0}: the output is a folder; give a file name such as "
                                                          "contacts-ghl.csv"),
    # -- a job that fails: jobs/worker.py
    M.STORED_COPY_GONE: QT_TRANSLATE_NOOP("CoreText", "the stored copy of {0} is gone (removed by the retention "
                                                      "setting or by hand); drop the file again"),
    M.OUT_OF_MEMORY: QT_TRANSLATE_NOOP("CoreText", "the file is too large for this computer's memory"),
    M.UNEXPECTED: QT_TRANSLATE_NOOP("CoreText", "unexpected error: {0}"),
    # -- a saved result that cannot be opened: core/persist.py; an export: core/export.py
    M.SAVED_OTHER_VERSION: QT_TRANSLATE_NOOP("CoreText", "{0} was saved by another version of the app"),
    M.SAVED_DAMAGED: QT_TRANSLATE_NOOP("CoreText", "{0} is damaged ({1})"),
    M.SAVED_TRUNCATED: QT_TRANSLATE_NOOP("CoreText", "truncated"),
    M.SAVED_NO_DATA: QT_TRANSLATE_NOOP("CoreText", "no data"),
    M.SAVED_UNREADABLE: QT_TRANSLATE_NOOP("CoreText", "the saved result cannot be read ({0})"),
    M.SAVED_META_OTHER_VERSION: QT_TRANSLATE_NOOP("CoreText", "the saved result was written by another version of "
                                                              "the app"),
    M.OUTPUT_IS_FOLDER: QT_TRANSLATE_NOOP("CoreText", "{0} is a folder, not a file name"),
    # -- the operating system's reasons (OSError, Linux/macOS and Windows)
    M.OS_ERRNO_FILE: QT_TRANSLATE_NOOP("CoreText", "[Errno {0}] {1}: {2}"),
    M.OS_ERRNO: QT_TRANSLATE_NOOP("CoreText", "[Errno {0}] {1}"),
    M.OS_WINERROR_FILE: QT_TRANSLATE_NOOP("CoreText", "[WinError {0}] {1}: {2}"),
    M.OS_WINERROR: QT_TRANSLATE_NOOP("CoreText", "[WinError {0}] {1}"),
    M.OS_PERMISSION_DENIED: QT_TRANSLATE_NOOP("CoreText", "Permission denied"),
    M.OS_NOT_PERMITTED: QT_TRANSLATE_NOOP("CoreText", "Operation not permitted"),
    M.OS_NO_SUCH_FILE: QT_TRANSLATE_NOOP("CoreText", "No such file or directory"),
    M.OS_IS_DIRECTORY: QT_TRANSLATE_NOOP("CoreText", "Is a directory"),
    M.OS_IO_ERROR: QT_TRANSLATE_NOOP("CoreText", "Input/output error"),
    M.OS_NO_SPACE: QT_TRANSLATE_NOOP("CoreText", "No space left on device"),
    M.OS_READ_ONLY: QT_TRANSLATE_NOOP("CoreText", "Read-only file system"),
    M.OS_NAME_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "File name too long"),
    M.OS_ACCESS_DENIED: QT_TRANSLATE_NOOP("CoreText", "Access is denied"),
    M.OS_FILE_NOT_FOUND: QT_TRANSLATE_NOOP("CoreText", "The system cannot find the file specified"),
    M.OS_PATH_NOT_FOUND: QT_TRANSLATE_NOOP("CoreText", "The system cannot find the path specified"),
    M.OS_IN_USE: QT_TRANSLATE_NOOP("CoreText", "The process cannot access the file because it is being used by "
                                               "another process"),
    # -- reader warnings: core/reader/__init__.py, delimited.py, stream.py, numfmt.py
    M.AT_LINE: QT_TRANSLATE_NOOP("CoreText", "line {0}: {1}"),
    M.UNCLOSED_QUOTE: QT_TRANSLATE_NOOP("CoreText", "a quote was never closed; closed at the end of the line"),
    M.STRAY_QUOTES: QT_TRANSLATE_NOOP("CoreText", "unescaped quotes inside a quoted value were kept as text"),
    M.OTHER_DELIMITER: QT_TRANSLATE_NOOP("CoreText", "written with another delimiter; split to match the header"),
    M.LINE_BREAK: QT_TRANSLATE_NOOP("CoreText", "a line break inside an unquoted value; joined to the row above"),
    M.SHORT_ROWS: QT_TRANSLATE_NOOP("CoreText", "{0} row(s) had fewer values than the header (first at line {1}); "
                                                "the missing ones were left empty"),
    M.LONG_ROWS: QT_TRANSLATE_NOOP("CoreText", "{0} row(s) had more values than the header (first at line {1}); "
                                               "the extra values were dropped"),
    M.NAMED_AS_WORKBOOK: QT_TRANSLATE_NOOP("CoreText", "the file is named {0} but holds {1}-separated text; read "
                                                       "as text"),
    M.DELIMITER_COMMA: QT_TRANSLATE_NOOP("CoreText", "comma"),
    M.DELIMITER_SEMICOLON: QT_TRANSLATE_NOOP("CoreText", "semicolon"),
    M.DELIMITER_TAB: QT_TRANSLATE_NOOP("CoreText", "tab"),
    M.DELIMITER_PIPE: QT_TRANSLATE_NOOP("CoreText", "pipe"),
    M.WIDER_ROWS: QT_TRANSLATE_NOOP("CoreText", "most rows have more values than the header; the extra columns "
                                                "were named"),
    M.RENAMED_COLUMNS: QT_TRANSLATE_NOOP("CoreText", "repeated column names were numbered: {0}"),
    M.LINES_SKIPPED: QT_TRANSLATE_NOOP("CoreText", "{0} line(s) above the header were skipped (titles or notes)"),
    M.ROWS_SKIPPED: QT_TRANSLATE_NOOP("CoreText", "{0} row(s) above the header were skipped (titles or notes)"),
    M.NUMBER_FORMATS: QT_TRANSLATE_NOOP("CoreText", "number formats could not be read; zero-padded codes (CEP, "
                                                    "CPF) may lack leading zeros"),
    # -- problems on cells and rows: core/assemble.py, core/review.py
    M.DID_YOU_MEAN: QT_TRANSLATE_NOOP("CoreText", "did you mean {0}?"),
    M.NINTH_DIGIT: QT_TRANSLATE_NOOP("CoreText", "old 8-digit mobile: the ninth digit was added"),
    M.NO_CONTACT: QT_TRANSLATE_NOOP("CoreText", "no name, email or phone: GHL cannot import it"),
    M.FORMULA: QT_TRANSLATE_NOOP("CoreText", "starts like a spreadsheet formula; exported with a leading '"),
    M.NOT_A_NUMBER: QT_TRANSLATE_NOOP("CoreText", "not a number (GHL reads numbers written as 1234.56)"),
    M.MERGED_EMAILS: QT_TRANSLATE_NOOP("CoreText", "rows with different emails were merged: {0}"),
    M.MERGED_NAMES: QT_TRANSLATE_NOOP("CoreText", "rows with different names were merged: {0}"),
    # -- review edits that no longer apply: core/edits.py
    M.EDIT_WHERE: QT_TRANSLATE_NOOP("CoreText", "row {0} of {1}"),
    M.EDIT_ROW_MERGED: QT_TRANSLATE_NOOP("CoreText", "{0} is now merged into {1}"),
    M.EDIT_ROW_GONE: QT_TRANSLATE_NOOP("CoreText", "{0} is no longer in the result"),
    M.EDIT_ROWS_GONE: QT_TRANSLATE_NOOP("CoreText", "{0} row(s) are no longer in the result or are merged into others"),
    M.EDIT_FIELD_GONE: QT_TRANSLATE_NOOP("CoreText", "{0}: the field {1} is no longer in the result"),
    M.EDIT_COLUMN_UNMAPPED: QT_TRANSLATE_NOOP("CoreText", "{0}: {1} was typed over the column {2}, which is no longer mapped to {1}"),
    M.EDIT_NOT_MERGED: QT_TRANSLATE_NOOP("CoreText", "{0}: is no longer merged with other rows"),
    M.EDIT_UNKNOWN: QT_TRANSLATE_NOOP("CoreText", "an edit this version does not know ({0})"),
    # -- the file of rows to fix: core/tofix.py
    M.TOFIX_FILE: QT_TRANSLATE_NOOP("CoreText", "File"),
    M.TOFIX_ROW: QT_TRANSLATE_NOOP("CoreText", "Row"),
    M.TOFIX_FIELD: QT_TRANSLATE_NOOP("CoreText", "Field"),
    M.TOFIX_VALUE: QT_TRANSLATE_NOOP("CoreText", "Value"),
    M.TOFIX_REASON: QT_TRANSLATE_NOOP("CoreText", "Reason"),
    M.TOFIX_STATUS: QT_TRANSLATE_NOOP("CoreText", "In the export"),
    M.TOFIX_EXPORTED_WITHOUT: QT_TRANSLATE_NOOP("CoreText", "exported without this value"),
    M.TOFIX_NOT_EXPORTED: QT_TRANSLATE_NOOP("CoreText", "not exported"),
    M.TOFIX_EXCLUDED: QT_TRANSLATE_NOOP("CoreText", "not exported: excluded during review"),
    M.TOFIX_WHOLE_ROW: QT_TRANSLATE_NOOP("CoreText", "(whole row)"),
    M.TOFIX_SHEET: QT_TRANSLATE_NOOP("CoreText", "Rows to fix"),
    M.TOFIX_SUFFIX: QT_TRANSLATE_NOOP("CoreText", "to-fix"),
    # -- phone reasons: core/normalize/phones.py
    M.PHONE_UNKNOWN_COUNTRY: QT_TRANSLATE_NOOP("CoreText", "unknown country code"),
    M.PHONE_NOT_A_NUMBER: QT_TRANSLATE_NOOP("CoreText", "not a phone number"),
    M.PHONE_TOO_SHORT: QT_TRANSLATE_NOOP("CoreText", "too short"),
    M.PHONE_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "too long"),
    M.PHONE_WRONG_LENGTH: QT_TRANSLATE_NOOP("CoreText", "wrong number of digits"),
    M.PHONE_NO_SUCH_NUMBER: QT_TRANSLATE_NOOP("CoreText", "not a valid number (no such area code or prefix)"),
    M.PHONE_NO_AREA_CODE: QT_TRANSLATE_NOOP("CoreText", "no area code (DDD): write it as (11) 98765-4321"),
    M.PHONE_TOO_LONG_TEXT: QT_TRANSLATE_NOOP("CoreText", "too long to be a phone number"),
    # -- date reasons: core/normalize/dates.py
    M.DATE_NO_SUCH_DATE: QT_TRANSLATE_NOOP("CoreText", "no such date (check the day and month)"),
    M.DATE_FUTURE: QT_TRANSLATE_NOOP("CoreText", "date of birth in the future"),
    M.DATE_BEFORE_1900: QT_TRANSLATE_NOOP("CoreText", "year before 1900"),
    M.DATE_NOT_A_DATE: QT_TRANSLATE_NOOP("CoreText", "not a date (use {0})"),
    M.DATE_BARE_NUMBER: QT_TRANSLATE_NOOP("CoreText", "a bare number is not a date (type it as {0})"),
    M.DATE_DAY_FIRST: QT_TRANSLATE_NOOP("CoreText", "DD/MM/YYYY"),
    M.DATE_MONTH_FIRST: QT_TRANSLATE_NOOP("CoreText", "MM/DD/YYYY"),
    M.DATE_NO_YEAR: QT_TRANSLATE_NOOP("CoreText", "a birthday without a year: GHL needs day, month and year"),
    # -- country reasons: core/normalize/countries.py
    M.COUNTRY_UNKNOWN: QT_TRANSLATE_NOOP("CoreText", "not a country: write its name or its two-letter code (BR, US, "
                                                     "PT)"),
    M.COUNTRY_SEVERAL: QT_TRANSLATE_NOOP("CoreText", "several countries in one cell: keep one"),
    # -- email reasons: core/normalize/emails.py, then email-validator's own words
    M.EMAIL_NOT_VALID: QT_TRANSLATE_NOOP("CoreText", "not a valid email address ({0})"),
    M.EMAIL_FULLWIDTH_AT: QT_TRANSLATE_NOOP("CoreText", "The email address has the \"full-width\" at-sign (@) "
                                                        "character instead of a regular at-sign."),
    M.EMAIL_SMALL_AT: QT_TRANSLATE_NOOP("CoreText", "The email address has the \"small commercial at\" character "
                                                    "instead of a regular at-sign."),
    M.EMAIL_NO_AT: QT_TRANSLATE_NOOP("CoreText", "An email address must have an @-sign."),
    M.EMAIL_AFTER_CLOSE_QUOTE: QT_TRANSLATE_NOOP("CoreText", "Extra character(s) found after close quote: {0}"),
    M.EMAIL_DISPLAY_NAME_CHARS: QT_TRANSLATE_NOOP("CoreText", "The display name contains invalid characters when "
                                                              "not quoted: {0}."),
    M.EMAIL_OPEN_ANGLE: QT_TRANSLATE_NOOP("CoreText", "An open angle bracket at the start of the email address has "
                                                      "to be followed by a close angle bracket at the end."),
    M.EMAIL_AFTER_ADDRESS: QT_TRANSLATE_NOOP("CoreText", "There can't be anything after the email address."),
    M.EMAIL_NOTHING_BEFORE_AT: QT_TRANSLATE_NOOP("CoreText", "There must be something before the @-sign."),
    M.EMAIL_NOTHING_AFTER_AT: QT_TRANSLATE_NOOP("CoreText", "There must be something after the @-sign."),
    M.EMAIL_LOCAL_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "The email address is too long before the @-sign {0}."),
    M.EMAIL_DOMAIN_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "The email address is too long after the @-sign {0}."),
    M.EMAIL_DOMAIN_BYTE_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "The email address is too long after the @-sign "
                                                                "({0} byte too many after IDNA encoding)."),
    M.EMAIL_DOMAIN_BYTES_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "The email address is too long after the @-sign "
                                                                 "({0} bytes too many after IDNA encoding)."),
    M.EMAIL_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "The email address is too long {0}."),
    M.EMAIL_LABEL_TOO_LONG: QT_TRANSLATE_NOOP("CoreText", "After the @-sign, periods cannot be separated by so "
                                                          "many characters {0}."),
    M.EMAIL_CHARACTER_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "({0} character too many)"),
    M.EMAIL_CHARACTERS_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "({0} characters too many)"),
    M.EMAIL_CHARACTER_RANGE_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "({0}-{1} characters too many)"),
    M.EMAIL_NORMALIZED_BYTE_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "after normalization ({0} byte too many)"),
    M.EMAIL_NORMALIZED_BYTES_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "after normalization ({0} bytes too many)"),
    M.EMAIL_IDNA_BYTE_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "when the part after the @-sign is converted to IDNA "
                                                              "ASCII ({0} byte too many)"),
    M.EMAIL_IDNA_BYTES_TOO_MANY: QT_TRANSLATE_NOOP("CoreText", "when the part after the @-sign is converted to "
                                                               "IDNA ASCII ({0} bytes too many)"),
    M.EMAIL_INTL_LOCAL_CHARS: QT_TRANSLATE_NOOP("CoreText", "Internationalized characters before the @-sign are "
                                                            "not supported: {0}."),
    M.EMAIL_INTL_LOCAL: QT_TRANSLATE_NOOP("CoreText", "Internationalized characters before the @-sign are not "
                                                      "supported."),
    M.EMAIL_QUOTED_CHARS: QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters in quotes "
                                                        "before the @-sign: {0}."),
    M.EMAIL_INVALID_CHARACTER: QT_TRANSLATE_NOOP("CoreText", "The email address contains an invalid character."),
    M.EMAIL_LOCAL_CHARS: QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters before the "
                                                       "@-sign: {0}."),
    M.EMAIL_LOCAL_INVALID: QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters before the "
                                                         "@-sign."),
    M.EMAIL_UNSAFE_CHARS: QT_TRANSLATE_NOOP("CoreText", "The email address contains unsafe characters: {0}."),
    M.EMAIL_START_PERIOD: QT_TRANSLATE_NOOP("CoreText", "An email address cannot start with a period."),
    M.EMAIL_PERIOD_BEFORE_AT: QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a period immediately "
                                                            "before the @-sign."),
    M.EMAIL_PERIOD_AFTER_AT: QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a period immediately "
                                                           "after the @-sign."),
    M.EMAIL_HYPHEN_AFTER_AT: QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a hyphen immediately "
                                                           "after the @-sign."),
    M.EMAIL_END_PERIOD: QT_TRANSLATE_NOOP("CoreText", "An email address cannot end with a period."),
    M.EMAIL_END_HYPHEN: QT_TRANSLATE_NOOP("CoreText", "An email address cannot end with a hyphen."),
    M.EMAIL_TWO_PERIODS: QT_TRANSLATE_NOOP("CoreText", "An email address cannot have two periods in a row."),
    M.EMAIL_PERIOD_HYPHEN: QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a period and a hyphen next "
                                                         "to each other."),
    M.EMAIL_DOMAIN_CHARS: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid characters: "
                                                        "{0}."),
    M.EMAIL_DOMAIN_CHARS_IDNA: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid "
                                                             "characters ({0})."),
    M.EMAIL_DOMAIN_CHARS_NORMALIZED: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid "
                                                                   "characters after Unicode normalization: {0}."),
    M.EMAIL_DOUBLE_DASH: QT_TRANSLATE_NOOP("CoreText", "An email address cannot have two letters followed by two "
                                                       "dashes immediately after the @-sign or after a period, "
                                                       "except Punycode."),
    M.EMAIL_DOMAIN_INVALID: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is invalid ({0})."),
    M.EMAIL_DOMAIN_AFTER_IDNA: QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters after "
                                                             "the @-sign after IDNA encoding."),
    M.EMAIL_NO_PERIOD: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is not valid. It should have a "
                                                     "period."),
    M.EMAIL_NO_TLD: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is not valid. It is not within a "
                                                  "valid top-level domain."),
    M.EMAIL_SPECIAL_USE: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is a special-use or reserved "
                                                       "name that cannot be used with email."),
    M.EMAIL_NOT_IDNA: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is not valid IDNA ({0})."),
    M.EMAIL_INVALID_AFTER_NORMALIZING: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign became invalid "
                                                                     "after normalizing to international "
                                                                     "characters ({0})."),
    M.EMAIL_NOT_IPV4: QT_TRANSLATE_NOOP("CoreText", "The address in brackets after the @-sign is not valid: It is "
                                                    "not an IPv4 address ({0}) or is missing an address literal "
                                                    "tag."),
    M.EMAIL_BAD_IPV6: QT_TRANSLATE_NOOP("CoreText", "The IPv6 address in brackets after the @-sign is not valid "
                                                    "({0})."),
    M.EMAIL_IPV6_ZONE: QT_TRANSLATE_NOOP("CoreText", "The IPv6 address in brackets after the @-sign is not valid "
                                                     "(It has a zone index)."),
    M.EMAIL_BRACKETS_NO_TAG: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign in brackets is not an IPv4 "
                                                           "address and has no address literal tag."),
    M.EMAIL_BRACKETS_CHARS: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid characters "
                                                          "in brackets: {0}."),
    M.EMAIL_BRACKETS_TAG: QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains an invalid address "
                                                        "literal tag in brackets."),
    M.EMAIL_NOT_ASCII: QT_TRANSLATE_NOOP("CoreText", "The email address is not valid ASCII."),
    M.EMAIL_AFTER_NORMALIZATION: QT_TRANSLATE_NOOP("CoreText", "After Unicode normalization: {0}"),
    M.EMAIL_NO_QUOTING: QT_TRANSLATE_NOOP("CoreText", "Quoting the part before the @-sign is not allowed here."),
    M.EMAIL_NO_IP: QT_TRANSLATE_NOOP("CoreText", "A bracketed IP address after the @-sign is not allowed here."),
    M.EMAIL_NO_DISPLAY_NAME: QT_TRANSLATE_NOOP("CoreText", "A display name and angle brackets around the email "
                                                           "address are not permitted here."),
    # Characters email-validator names instead of showing them (unicodedata.name).
    M.CHAR_SPACE: QT_TRANSLATE_NOOP("CoreText", "SPACE"),
    M.CHAR_NO_BREAK_SPACE: QT_TRANSLATE_NOOP("CoreText", "NO-BREAK SPACE"),
    M.CHAR_ZERO_WIDTH_SPACE: QT_TRANSLATE_NOOP("CoreText", "ZERO WIDTH SPACE"),
    M.CHAR_ZERO_WIDTH_NO_BREAK_SPACE: QT_TRANSLATE_NOOP("CoreText", "ZERO WIDTH NO-BREAK SPACE"),
    M.CHAR_TABULATION: QT_TRANSLATE_NOOP("CoreText", "CHARACTER TABULATION"),
    M.CHAR_SOFT_HYPHEN: QT_TRANSLATE_NOOP("CoreText", "SOFT HYPHEN"),
}


def core_message(what) -> Message | str:
    """The message ``what`` carries: a Message itself, a problem's reason, an error's message (an
    ``OSError`` as the core reads it); a plain string stays what it is."""
    if isinstance(what, Message) or isinstance(what, str):
        return what
    if isinstance(what, Problem):
        return what.reason
    if isinstance(what, BaseException):
        return message_of(what)
    return "" if what is None else str(what)


def translate_core_text(what) -> str:
    """The message ``what`` carries (see ``core_message``) in the interface language."""
    message = core_message(what)
    if not isinstance(message, Message):
        return message
    text, translated = _translate(message)
    return text if translated else message.text


def _translate(message: Message) -> tuple[str, bool]:
    """(the message in the interface language, whether any of it was translated)."""
    id, args = message
    source = TEMPLATES.get(id) or CATALOGUE[id].template
    template = QCoreApplication.translate(CONTEXT, source)
    translated = template != source
    parts = []
    for kind, value in zip(CATALOGUE[id].kinds, args):
        if kind == ARG_MESSAGE:
            part, nested = _translate(value)
            translated = translated or nested
        elif kind == ARG_LIST:
            items = [_translate(v) if isinstance(v, Message) else (v, False) for v in value]
            part = ", ".join(text for text, _ in items)
            translated = translated or any(changed for _, changed in items)
        elif kind == ARG_COUNT:
            part = QLocale().toString(value)
        elif kind == ARG_DECIMAL:
            part = QLocale().toString(float(value), "f", 1)
        else:
            part = str(value)
        parts.append(part)
    return template.format(*parts), translated


__all__ = ["CONTEXT", "TEMPLATES", "core_message", "translate_core_text"]

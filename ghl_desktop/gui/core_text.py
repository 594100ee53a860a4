"""The core's English texts, shown in the window in the interface language.

The core engine (no Qt) and the command line speak English: why a file cannot be read
(``InputError``), the reader's warnings, the reasons on invalid cells (ours, and email-validator's
own), why a job failed. The window passes each such text through :func:`translate_core_text`.

Every known message has one entry below: a template in the core's exact words, with ``{0}``,
``{1}``… where the core puts a file name, a number or another message, and what kind of value each
placeholder holds. A text that matches a template comes back translated (``CoreText`` context of
the catalog) with those values put back in; nested messages ("line 3: <repair>", "<name>: <OS
error>") are translated part by part. A text that matches nothing comes back unchanged: a new core
message is shown in English rather than lost. With the English interface every text comes back
exactly as the core wrote it.

Keep the templates word for word as the core writes them; ``tests/gui/test_core_text.py`` runs the
core on bad files and crafted values and fails when a message no longer matches any entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

CONTEXT = "CoreText"


def _number(text: str) -> str:
    """An English-formatted count or size ("300,000", "1.0") in the current locale's format."""
    plain = text.replace(",", "")
    decimals = len(plain.partition(".")[2])
    return QLocale().toString(float(plain), "f", decimals)


def _each(text: str) -> str:
    """A comma-separated list (email-validator's bad characters: "SPACE, ','"), item by item."""
    return ", ".join(translate_core_text(item) for item in text.split(", "))


@dataclass(frozen=True)
class Kind:
    """What a placeholder holds: the pattern it matches and how its text is carried over."""

    pattern: str
    # How the matched text is put back; None: exactly as written.
    convert: Callable[[str], str] | None = None
    # Holds another message of the table (``convert`` translates it); a message whose template
    # and nested parts all come back unchanged (English) is returned exactly as written.
    nested: bool = False


# A file name, a path, a sheet name, an address, a library's own message: kept as written.
KEEP = Kind(r".+?")
# A line number ("line 12"): kept as written.
LINE = Kind(r"\d+")
# A count or size the core formats with thousands commas ("300,000", "1.0"): locale format.
COUNT = Kind(r"\d+(?:,\d{3})*(?:\.\d+)?", _number)
# Another message that has its own entry (a repair, an OS error, a length reason): translated.
TEXT = Kind(r".+?", lambda text: translate_core_text(text), nested=True)
# A list of characters as email-validator names them ("SPACE, ','"): each item translated.
CHARS = Kind(r".+?", _each, nested=True)

_PLACEHOLDER = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True)
class Entry:
    template: str
    kinds: tuple[Kind, ...]
    regex: re.Pattern
    # Characters of fixed text: when several templates match, the most specific one wins.
    weight: int


def _entry(template: str, *kinds: Kind) -> Entry:
    pieces = _PLACEHOLDER.split(template)  # text, index, text, index, …, text
    count = len(pieces) // 2
    kinds = kinds + (KEEP,) * (count - len(kinds))
    pattern = "".join(
        re.escape(p) if i % 2 == 0 else f"(?P<p{p}>{kinds[int(p)].pattern})" for i, p in enumerate(pieces)
    )
    weight = sum(len(p) for p in pieces[0::2])
    return Entry(template, kinds, re.compile(pattern, re.DOTALL), weight)


# One entry per message, grouped by where the core (or a library it relies on) writes it.
ENTRIES: tuple[Entry, ...] = (
    # -- opening a file: core/reader/__init__.py ------------------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: no such file ({1})")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: cannot be read (permission denied)")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: cannot be read ({1})"), KEEP, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: is a folder, not a file")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the file is empty")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the file is {1} MB; the limit is {2} MB "
                                         "(change it in the settings or split the file)"), KEEP, COUNT, COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook is password-protected; "
                                         "remove the password in Excel and try again")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the file is empty: no values at all")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the file is empty (sheet '{1}'): no values at all")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: has a header but no data rows")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: has a header but no data rows (sheet '{1}')")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: has {1} rows; the limit is {2} "
                                         "(change it in the settings or split the file)"), KEEP, COUNT, COUNT),
    # -- what the bytes are: core/reader/sniff.py ------------------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: this is {1}, not a spreadsheet (use a CSV or Excel file)"),
           KEEP, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a PDF document")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a PNG image")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a JPEG image")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a GIF image")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a RAR archive")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a 7-Zip archive")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a gzip archive")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "an RTF document")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a program")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: this is a web page saved with a spreadsheet name; "
                                         "open it in Excel and save it as .xlsx or .csv")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: this is not a real Excel file ({1})"), KEEP, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "it is neither an Excel 97-2003 workbook nor text")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "it is not a zip archive")),
    # -- text files: core/reader/decode.py, core/reader/delimited.py -------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the file says it is UTF-16 but its text is damaged")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: contains binary data (a NUL byte on line {1}); "
                                         "this is not a text spreadsheet"), KEEP, LINE),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: line {1} is not valid UTF-8 although the rest of the file is "
                                         "(mixed encodings); save it again in Excel as "
                                         "'CSV UTF-8 (Delimitado por vírgulas)'"), KEEP, LINE),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: contains binary data, not text; this is not a spreadsheet")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: a row has {1} columns; the limit is {2} "
                                         "(is this really a contact list?)"), KEEP, COUNT, COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: has more than {1} rows, the limit "
                                         "(change it in the settings or split the file)"), KEEP, COUNT),
    # -- workbooks: core/reader/excel.py ---------------------------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: this zip archive is not an Excel workbook")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: binary workbooks (.xlsb) are not supported; save it as .xlsx")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook would unpack to {1} MB from {2} MB; "
                                         "refused as unsafe (a 'zip bomb')"), KEEP, COUNT, COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook contains XML entity declarations, "
                                         "which Excel never writes; refused as unsafe")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the Excel file is damaged or incomplete "
                                         "(its zip archive cannot be read)")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the Excel file cannot be read ({1})")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the Excel file is damaged and cannot be read ({1})")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: sheet '{1}' has more than {2} rows, the limit"), KEEP, KEEP, COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: sheet '{1}' has {2} columns; the limit is {3}"),
           KEEP, KEEP, COUNT, COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: sheet '{1}' cannot be read ({2})")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: there is no sheet named '{1}' (sheets: {2})")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0}: the workbook has no sheets")),
    # -- several files: core/pipeline.py ---------------------------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "the input has {0} rows; the limit is {1} "
                                         "(change it in the settings or split the file)"), COUNT, COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "no input file given")),
    # -- a job that fails: jobs/worker.py --------------------------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "the stored copy of {0} is gone (removed by the retention setting "
                                         "or by hand); drop the file again")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "the file is too large for this computer's memory")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "unexpected error: {0}")),
    # -- a saved result that cannot be opened: core/persist.py; an export: core/export.py ---------
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0} was saved by another version of the app")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0} is damaged ({1})"), KEEP, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "truncated")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "the saved result cannot be read ({0})"), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "the saved result was written by another version of the app")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0} is a folder, not a file name")),
    # -- the operating system's reasons (OSError.strerror, Linux/macOS and Windows) ---------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "[Errno {0}] {1}: {2}"), LINE, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "[Errno {0}] {1}"), LINE, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Permission denied")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Operation not permitted")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "No such file or directory")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Is a directory")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Input/output error")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "No space left on device")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Read-only file system")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "File name too long")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Access is denied")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The system cannot find the file specified")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The system cannot find the path specified")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The process cannot access the file because it is being used "
                                         "by another process")),
    # -- reader warnings: core/reader/__init__.py, delimited.py, numfmt.py --------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "line {0}: {1}"), LINE, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a quote was never closed; closed at the end of the line")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "unescaped quotes inside a quoted value were kept as text")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "written with another delimiter; split to match the header")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a line break inside an unquoted value; joined to the row above")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0} row(s) had fewer values than the header (first at line {1}); "
                                         "the missing ones were left empty"), COUNT, LINE),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0} row(s) had more values than the header (first at line {1}); "
                                         "the extra values were dropped"), COUNT, LINE),
    _entry(QT_TRANSLATE_NOOP("CoreText", "the file is named {0} but holds {1}-separated text; read as text"),
           KEEP, TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "comma")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "semicolon")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "tab")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "pipe")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "most rows have more values than the header; "
                                         "the extra columns were named")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "repeated column names were numbered: {0}")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0} line(s) above the header were skipped (titles or notes)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "{0} row(s) above the header were skipped (titles or notes)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "number formats could not be read; zero-padded codes (CEP, CPF) "
                                         "may lack leading zeros")),
    # -- problems on cells and rows: core/assemble.py, core/review.py -------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "did you mean {0}?")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "old 8-digit mobile: the ninth digit was added")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "no name, email or phone: GHL cannot import it")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "starts like a spreadsheet formula; exported with a leading '")),
    # -- phone reasons: core/normalize/phones.py --------------------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "unknown country code")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "not a phone number")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "too short")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "too long")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "wrong number of digits")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "not a valid number (no such area code or prefix)")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "no area code (DDD): write it as (11) 98765-4321")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "too long to be a phone number")),
    # -- date reasons: core/normalize/dates.py ----------------------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "no such date (check the day and month)")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "date of birth in the future")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "year before 1900")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "not a date (use {0})"), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "a bare number is not a date (type it as {0})"), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "DD/MM/YYYY")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "MM/DD/YYYY")),
    # -- email reasons: core/normalize/emails.py, then email-validator's own (syntax.py,
    #    validate_email.py; deliverability is never checked) ------------------------------------
    _entry(QT_TRANSLATE_NOOP("CoreText", "not a valid email address ({0})")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address has the \"full-width\" at-sign (@) character "
                                         "instead of a regular at-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address has the \"small commercial at\" character "
                                         "instead of a regular at-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address must have an @-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Extra character(s) found after close quote: {0}"), CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The display name contains invalid characters when not quoted: {0}."),
           CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An open angle bracket at the start of the email address has to be "
                                         "followed by a close angle bracket at the end.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "There can't be anything after the email address.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "There must be something before the @-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "There must be something after the @-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address is too long before the @-sign {0}."), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address is too long after the @-sign {0}."), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address is too long after the @-sign "
                                         "({0} byte too many after IDNA encoding)."), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address is too long after the @-sign "
                                         "({0} bytes too many after IDNA encoding)."), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address is too long {0}."), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "After the @-sign, periods cannot be separated by so many "
                                         "characters {0}."), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "({0} character too many)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "({0} characters too many)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "({0}-{1} characters too many)"), COUNT, COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "after normalization ({0} byte too many)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "after normalization ({0} bytes too many)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "when the part after the @-sign is converted to IDNA ASCII "
                                         "({0} byte too many)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "when the part after the @-sign is converted to IDNA ASCII "
                                         "({0} bytes too many)"), COUNT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Internationalized characters before the @-sign are not supported: {0}."),
           CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Internationalized characters before the @-sign are not supported.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters in quotes before the "
                                         "@-sign: {0}."), CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address contains an invalid character.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters before the @-sign: {0}."),
           CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters before the @-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address contains unsafe characters: {0}."), CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot start with a period.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a period immediately before the @-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a period immediately after the @-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a hyphen immediately after the @-sign.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot end with a period.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot end with a hyphen.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot have two periods in a row.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot have a period and a hyphen next to each other.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid characters: {0}."), CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid characters ({0}).")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid characters after Unicode "
                                         "normalization: {0}."), CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "An email address cannot have two letters followed by two dashes "
                                         "immediately after the @-sign or after a period, except Punycode.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is invalid ({0}).")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address contains invalid characters after the @-sign after "
                                         "IDNA encoding.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is not valid. It should have a period.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is not valid. It is not within a valid "
                                         "top-level domain.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is a special-use or reserved name that "
                                         "cannot be used with email.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign is not valid IDNA ({0}).")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign became invalid after normalizing to "
                                         "international characters ({0}).")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The address in brackets after the @-sign is not valid: It is not an "
                                         "IPv4 address ({0}) or is missing an address literal tag.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The IPv6 address in brackets after the @-sign is not valid ({0}).")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The IPv6 address in brackets after the @-sign is not valid "
                                         "(It has a zone index).")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign in brackets is not an IPv4 address and has "
                                         "no address literal tag.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains invalid characters in brackets: {0}."),
           CHARS),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The part after the @-sign contains an invalid address literal tag in "
                                         "brackets.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "The email address is not valid ASCII.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "After Unicode normalization: {0}"), TEXT),
    _entry(QT_TRANSLATE_NOOP("CoreText", "Quoting the part before the @-sign is not allowed here.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "A bracketed IP address after the @-sign is not allowed here.")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "A display name and angle brackets around the email address are not "
                                         "permitted here.")),
    # Characters email-validator names instead of showing them (unicodedata.name).
    _entry(QT_TRANSLATE_NOOP("CoreText", "SPACE")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "NO-BREAK SPACE")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "ZERO WIDTH SPACE")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "ZERO WIDTH NO-BREAK SPACE")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "CHARACTER TABULATION")),
    _entry(QT_TRANSLATE_NOOP("CoreText", "SOFT HYPHEN")),
)


def match_core_text(text: str) -> tuple[Entry, list[str]] | None:
    """The most specific entry whose template matches all of ``text``, with the placeholder values."""
    best: tuple[Entry, list[str]] | None = None
    for entry in ENTRIES:
        if best is not None and entry.weight <= best[0].weight:
            continue
        m = entry.regex.fullmatch(text)
        if m is not None:
            best = (entry, [m.group(f"p{i}") for i in range(len(entry.kinds))])
    return best


def translate_core_text(text: str) -> str:
    """``text`` (a message written by the core) in the interface language; unknown text unchanged."""
    if not text:
        return text
    found = match_core_text(text)
    if found is None:
        return _translate_after_prefix(text)
    return _translate_match(text, *found)


def _translate_match(text: str, entry: Entry, values: list[str]) -> str:
    template = QCoreApplication.translate(CONTEXT, entry.template)
    nested = [k.convert(v) if k.nested else v for k, v in zip(entry.kinds, values)]
    if template == entry.template and nested == values:
        return text  # nothing to translate (the English interface): exactly as the core wrote it
    parts = [n if k.nested or k.convert is None else k.convert(v) for k, v, n in zip(entry.kinds, values, nested)]
    return template.format(*parts)


def _translate_after_prefix(text: str) -> str:
    """"<name>: <message>" (a file name and an OS error, say) with the message translated.

    Only a message that matches an entry whole is translated after the first ": " that leads to
    one, so a long unknown text costs one match per ": ", never a search of every split.
    """
    start = 0
    while (i := text.find(": ", start)) != -1:
        rest = text[i + 2:]
        found = match_core_text(rest)
        if found is not None:
            translated = _translate_match(rest, *found)
            if translated != rest:
                return text[: i + 2] + translated
        start = i + 1
    return text


__all__ = ["ENTRIES", "Entry", "match_core_text", "translate_core_text"]

"""Phone numbers to E.164: ``phonenumbers`` decides validity; we only add what it cannot know.

A single plain number gives exactly the library's answer. On top of it, documented rewrites, each
tried only when the library's own reading is not a valid number (or, for ``00``, always, because
the library reads ``0055…`` for BR as a carrier-selection prefix and returns the wrong number):

* a leading ``00`` is an international prefix and becomes ``+`` (if that is not valid either, the
  library's carrier-code reading is kept when *it* is valid: ``0021 1 212 555 0123``);
* a Brazilian number typed as an Excel number, country code without ``+`` (``5511987654321``);
* words after the last digit are dropped (``11 98765-4321 (WhatsApp)``): the library reads letters
  as keypad digits;
* a Brazilian mobile written before the ninth digit (2-digit area code + 8 digits starting 6-9)
  gets its ``9`` and is re-validated; landlines (8 digits starting 2-5) are never touched.

None of these touches a number with letters between its digits (other than ``0xx``): the library
reads those as keypad letters, and "repairing" such digits would invent a number.

Several numbers in one cell are split on real separators only (``/ ; , |``, newline, `` e ``,
`` ou ``, Google's `` ::: ``, or a ``+`` after a number's last digit); spaces, dots, dashes and parentheses belong to a
number. Extensions (``ramal 12``) are cut off and returned so the caller can keep them in Notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from .. import messages as M
from ..messages import Message
from .multi import GOOGLE_SEPARATOR_PATTERN

#: A cell longer than this is not a list of phone numbers (and parsing it part by part would be slow).
MAX_CELL_CHARS = 1000
#: One number with its extension and a label ("Celular: +55 (11) 98765-4321 ramal 1234") fits in this.
MAX_PART_CHARS = 120

_SPLIT = re.compile(r"[/;,|\n\r]|\s(?:e|ou|or|y)\s|(?<=\d)\s+(?=\+)|" + GOOGLE_SEPARATOR_PATTERN, re.IGNORECASE)
_EXTENSION_WORD = r"(?:(?<![^\W\d_])(?:ramal|ext(?:ens[aã]o|ension)?|rml|r)(?![^\W\d_])\.?|(?<![^\W\d_])x|#)"
_EXTENSION = re.compile(_EXTENSION_WORD + r"[ \t]*[:.]?[ \t]*(\d{1,7})$", re.IGNORECASE)
_EXTENSION_ONLY = re.compile(r"^" + _EXTENSION_WORD + r"[ \t]*[:.]?[ \t]*(\d{1,7})$", re.IGNORECASE)
_NON_DIGIT = re.compile(r"[^\d+]")
#: Words after the last digit ("11 98765-4321 (WhatsApp)"); the library would read them as digits.
_TRAILING_LABEL = re.compile(r"(?<=\d)[^\d]*[^\W\d_][^\d]*$")
_FIRST_DIGIT = re.compile(r"[+\d]")
_LETTER = re.compile(r"[^\W\d_]")
#: "(0xx11)": the Brazilian way of writing "trunk prefix + any carrier" before the area code.
_TRUNK_XX = re.compile(r"0\s*xx", re.IGNORECASE)

UNKNOWN_COUNTRY = Message(M.PHONE_UNKNOWN_COUNTRY)
NOT_A_NUMBER = Message(M.PHONE_NOT_A_NUMBER)
TOO_SHORT = Message(M.PHONE_TOO_SHORT)
TOO_LONG = Message(M.PHONE_TOO_LONG)
NO_SUCH_NUMBER = Message(M.PHONE_NO_SUCH_NUMBER)
NO_AREA_CODE = Message(M.PHONE_NO_AREA_CODE)
TOO_LONG_TEXT = Message(M.PHONE_TOO_LONG_TEXT)

_PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: UNKNOWN_COUNTRY,
    NumberParseException.NOT_A_NUMBER: NOT_A_NUMBER,
    NumberParseException.TOO_SHORT_AFTER_IDD: TOO_SHORT,
    NumberParseException.TOO_SHORT_NSN: TOO_SHORT,
    NumberParseException.TOO_LONG: TOO_LONG,
}
_POSSIBLE_REASONS = {
    ValidationResult.TOO_SHORT: TOO_SHORT,
    ValidationResult.TOO_LONG: TOO_LONG,
    ValidationResult.INVALID_LENGTH: Message(M.PHONE_WRONG_LENGTH),
    ValidationResult.INVALID_COUNTRY_CODE: UNKNOWN_COUNTRY,
}


@dataclass(frozen=True, slots=True)
class PhoneResult:
    phones: tuple[str, ...]
    status: str  # "empty" | "valid" | "repaired" | "invalid"
    reason: Message | str = ""  # a Message when invalid
    invalid_parts: tuple[str, ...] = ()
    repaired: bool = False
    extension: str = ""


EMPTY_PHONE = PhoneResult((), "empty")


def _e164(num) -> str:
    return phonenumbers.format_number(num, PhoneNumberFormat.E164)


def _parse(text: str, region: str):
    try:
        return phonenumbers.parse(text, region), ""
    except NumberParseException as exc:
        return None, _PARSE_REASONS.get(exc.error_type, NOT_A_NUMBER)
    except Exception:  # defensive: a library bug must not crash a job
        return None, NOT_A_NUMBER


def _valid_e164(text: str, region: str) -> str:
    num, _ = _parse(text, region)
    return _e164(num) if num is not None and phonenumbers.is_valid_number(num) else ""


def brazil_ninth_digit(num) -> str:
    """E.164 of an old 8-digit Brazilian mobile with its ninth digit, if that makes it valid."""
    if num is None or num.country_code != 55:
        return ""
    nsn = phonenumbers.national_significant_number(num)
    # area codes are 11-99; a leading 0 means the digits were read as something else entirely
    if len(nsn) == 10 and nsn[0] != "0" and nsn[1] != "0" and nsn[2] in "6789":
        candidate = "+55" + nsn[:2] + "9" + nsn[2:]
        if _valid_e164(candidate, "BR") == candidate:
            return candidate
    return ""


def _invalid_reason(num, why: Message | str, digits: str, region: str) -> Message:
    if why:
        return why
    if num is None:
        return NOT_A_NUMBER
    if region == "BR" and num.country_code == 55 and len(digits) in (8, 9):
        if phonenumbers.national_significant_number(num) == digits:
            return NO_AREA_CODE
    return _POSSIBLE_REASONS.get(phonenumbers.is_possible_number_with_reason(num), NO_SUCH_NUMBER)


def _rewrites(text: str, region: str) -> tuple[str, bool]:
    """The documented rewrites of one number already stripped of labels: (E.164, repaired) or ("", False)."""
    compact = _NON_DIGIT.sub("", text)
    digits = compact.replace("+", "")
    if compact.startswith("00") and not compact.startswith("000"):
        plus, _ = _parse("+" + digits[2:], region)
        if plus is not None and phonenumbers.is_valid_number(plus):
            return _e164(plus), False
        repaired = brazil_ninth_digit(plus)
        if repaired:
            return repaired, True
    num, _ = _parse(text, region)
    if num is not None and phonenumbers.is_valid_number(num):
        return _e164(num), False
    # A country code typed without "+" (Excel drops it): 55 11 98765 4321 for BR.
    if region == "BR" and not compact.startswith("+") and digits.startswith("55") and len(digits) in (12, 13):
        alt, _ = _parse("+" + digits, region)
        if alt is not None and phonenumbers.is_valid_number(alt):
            return _e164(alt), False
        repaired = brazil_ninth_digit(alt)
        if repaired:
            return repaired, True
    repaired = brazil_ninth_digit(num)
    return (repaired, True) if repaired else ("", False)


def normalize_one(text: str, region: str) -> tuple[str, bool, Message | str]:
    """(E.164, repaired, "") for a single number (no extension), or ("", False, reason).

    The library's own reading wins whenever it is valid (except for "00", read as "+" first). The
    rewrites only see the number without a trailing label, and never a number with letters inside
    it: the library reads those as keypad letters, and "repairing" such digits would invent a number.
    """
    if len(text) > MAX_PART_CHARS:
        return "", False, TOO_LONG_TEXT
    compact = _NON_DIGIT.sub("", text)
    digits = compact.replace("+", "")
    num, why = _parse(text, region)
    library = _e164(num) if num is not None and phonenumbers.is_valid_number(num) else ""
    starts_00 = compact.startswith("00") and not compact.startswith("000")
    if library and not starts_00:
        return library, False, ""
    label = _TRAILING_LABEL.search(text)
    core = text[: label.start()] if label and label.start() > 0 else text
    first = _FIRST_DIGIT.search(core)
    if first and not _LETTER.search(_TRUNK_XX.sub("0", core[first.start():])):
        value, repaired = _rewrites(core, region)
        if value:
            return value, repaired, ""
    if library:
        return library, False, ""  # "0021 1 212 555 0123": "+21…" is no number, carrier 21 + "+1…" is
    if starts_00:
        num, why = _parse("+" + digits[2:], region)  # explain the "+" reading, which is what was meant
    return "", False, _invalid_reason(num, why, digits, region)


def split_extension(part: str) -> tuple[str, str]:
    """(number, extension digits) — "(11) 3333-4444 ramal 12" → ("(11) 3333-4444", "12")."""
    m = _EXTENSION.search(part)
    if m and any(c.isdigit() for c in part[: m.start()]):
        return part[: m.start()].rstrip(), m.group(1)
    return part, ""


def split_cell(text: str) -> list[str]:
    """The non-empty, stripped parts of a cell holding one or more numbers."""
    return [p for p in (s.strip() for s in _SPLIT.split(text)) if p]


def normalize_phone(raw: str, region: str = "BR") -> PhoneResult:
    text = (raw or "").strip()
    if not text:
        return EMPTY_PHONE
    if len(text) > MAX_CELL_CHARS:
        return PhoneResult((), "invalid", TOO_LONG_TEXT, (text[:40] + "…",))
    region = (region or "BR").strip().upper() or "BR"
    phones: list[str] = []
    invalid: list[str] = []
    extensions: list[str] = []
    reason: Message | str = ""
    repaired_primary = any_repaired = False
    for part in split_cell(text):
        only_ext = _EXTENSION_ONLY.match(part)
        if only_ext and (phones or invalid):
            extensions.append(only_ext.group(1))  # "11 3333-4444, ramal 12": belongs to the number before
            continue
        number, ext = split_extension(part)
        if ext:
            extensions.append(ext)
        value, repaired, why = normalize_one(number, region)
        if value:
            if value not in phones:
                if not phones:
                    repaired_primary = repaired
                phones.append(value)
            any_repaired = any_repaired or repaired
        else:
            invalid.append(part)
            reason = reason or why
    if not phones and not invalid:  # only separators (";", " / "): still not a phone number
        invalid.append(text)
        reason = NOT_A_NUMBER
    if phones:
        status = "repaired" if repaired_primary else "valid"
    else:
        status = "invalid"
    return PhoneResult(tuple(phones), status, reason, tuple(invalid), any_repaired, ", ".join(extensions))


def phone_region(country: str, default: str) -> str:
    """The region a row's phones are read in: its country's code when ``phonenumbers`` knows it
    (a country column says where the contact is), the list's default region otherwise."""
    return country if country in phonenumbers.SUPPORTED_REGIONS else default

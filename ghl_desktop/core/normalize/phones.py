"""Phone numbers to E.164: ``phonenumbers`` decides validity; we only add what it cannot know.

A single plain number gives exactly the library's answer. On top of it, documented repairs:
a leading ``00`` is an international prefix (libphonenumber misreads ``0055…`` for BR), Brazilian
mobiles written before the ninth digit are repaired and re-validated, several numbers in one cell are
split, and extensions (``ramal 12``) are taken out of the number and returned for the Notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

#: Separators between numbers in one cell. Spaces, dots, dashes and parentheses belong to a number.
_SPLIT = re.compile(r"\s*(?:[/;,|\n\r]|\s+e\s+|\s+ou\s+|\s+or\s+|\s+y\s+)\s*", re.IGNORECASE)
_EXTENSION = re.compile(
    r"\s*(?:\b(?:ramal|ext(?:ens[aã]o|ension)?|rml|r)\b\.?|\bx|#)\s*[:.]?\s*(\d{1,7})\s*$",
    re.IGNORECASE,
)
_NON_DIGIT = re.compile(r"[^\d+]")

_PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
    NumberParseException.NOT_A_NUMBER: "not a phone number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too short",
    NumberParseException.TOO_SHORT_NSN: "too short",
    NumberParseException.TOO_LONG: "too long",
}
_POSSIBLE_REASONS = {
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.TOO_LONG: "too long",
    ValidationResult.INVALID_LENGTH: "wrong number of digits",
    ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
}


@dataclass(frozen=True, slots=True)
class PhoneResult:
    phones: tuple[str, ...]
    status: str  # "empty" | "valid" | "repaired" | "invalid"
    reason: str = ""
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
        return None, _PARSE_REASONS.get(exc.error_type, "not a phone number")
    except Exception:  # defensive: a library bug must not crash a job
        return None, "not a phone number"


def _brazil_ninth_digit(num) -> str:
    """E.164 of an old 8-digit Brazilian mobile with its ninth digit, if that makes it valid."""
    if num is None or num.country_code != 55:
        return ""
    nsn = phonenumbers.national_significant_number(num)
    if len(nsn) == 10 and nsn[2] in "6789":
        fixed, _ = _parse("+55" + nsn[:2] + "9" + nsn[2:], "BR")
        if fixed is not None and phonenumbers.is_valid_number(fixed):
            return _e164(fixed)
    return ""


def normalize_one(text: str, region: str) -> tuple[str, bool, str]:
    """(E.164, repaired, "") for a single number, or ("", False, reason)."""
    compact = _NON_DIGIT.sub("", text)
    if compact.startswith("00") and not compact.startswith("000"):
        text = "+" + compact[2:]
    num, why = _parse(text, region)
    if num is not None and phonenumbers.is_valid_number(num):
        return _e164(num), False, ""
    digits = compact.lstrip("+")
    if num is None and not why:
        why = "not a phone number"
    # A country code typed without "+" (Excel drops it): 55 11 98765 4321 for BR.
    if region.upper() == "BR" and digits.startswith("55") and len(digits) in (12, 13) and not compact.startswith("+"):
        alt, _ = _parse("+" + digits, region)
        if alt is not None and phonenumbers.is_valid_number(alt):
            return _e164(alt), False, ""
        if alt is not None:
            repaired = _brazil_ninth_digit(alt)
            if repaired:
                return repaired, True, ""
    repaired = _brazil_ninth_digit(num)
    if repaired:
        return repaired, True, ""
    if num is not None:
        if not why:
            why = _POSSIBLE_REASONS.get(
                phonenumbers.is_possible_number_with_reason(num),
                "not a valid number (no such area code or prefix)",
            )
    return "", False, why


def normalize_phone(raw: str, region: str = "BR") -> PhoneResult:
    text = (raw or "").strip()
    if not text:
        return EMPTY_PHONE
    region = (region or "BR").upper()
    phones: list[str] = []
    invalid: list[str] = []
    extensions: list[str] = []
    reason = ""
    repaired_primary = any_repaired = False
    for part in (p for p in _SPLIT.split(text) if p and p.strip()):
        m = _EXTENSION.search(part)
        if m and _NON_DIGIT.sub("", part[: m.start()]):
            extensions.append(m.group(1))
            part = part[: m.start()]
        value, repaired, why = normalize_one(part.strip(), region)
        if value:
            if value not in phones:
                if not phones:
                    repaired_primary = repaired
                phones.append(value)
            any_repaired = any_repaired or repaired
        else:
            invalid.append(part.strip())
            reason = reason or why
    if phones:
        status = "repaired" if repaired_primary else "valid"
    else:
        status = "invalid"
    return PhoneResult(tuple(phones), status, reason, tuple(invalid), any_repaired, ", ".join(extensions))

"""Dates of birth to ``YYYY-MM-DD``, the only form GHL accepts.

Slashed dates are ambiguous, so the region decides: day first (BR and most of the world) or month
first (US and a few others). A bare number is refused rather than guessed (an Excel serial? a year?).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

MONTH_FIRST_REGIONS = frozenset({"US", "CA", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "UM", "VI", "PR"})

_MONTHS = {
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "marco": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
    "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "jan": 1, "fev": 2, "mar": 3, "abr": 4, "mai": 5, "jun": 6, "jul": 7, "ago": 8, "set": 9,
    "out": 10, "nov": 11, "dez": 12,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "feb": 2, "apr": 4, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "dec": 12,
    # Spanish
    "enero": 1, "febrero": 2, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9,
    "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "ene": 1, "dic": 12,
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})(?:\s*de)?[\s/\-.]*([a-z]+)\.?(?:\s*de)?[\s/\-.]*(\d{2}|\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


@dataclass(frozen=True, slots=True)
class DateResult:
    value: str
    status: str  # "empty" | "valid" | "invalid"
    reason: str = ""


EMPTY_DATE = DateResult("", "empty")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def _year(text: str, today: dt.date) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y <= today.year % 100 else 1900
    return y


def _build(y: int, m: int, d: int, today: dt.date) -> DateResult:
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return DateResult("", "invalid", "no such date")
    if date > today:
        return DateResult("", "invalid", "date of birth in the future")
    if y < 1900:
        return DateResult("", "invalid", "year before 1900")
    return DateResult(date.isoformat(), "valid")


def normalize_date(raw: str, region: str = "BR", *, today: dt.date | None = None) -> DateResult:
    text = " ".join((raw or "").split())
    if not text:
        return EMPTY_DATE
    today = today or dt.date.today()
    if m := _ISO.match(text) or _YMD.match(text):
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)), today)
    if m := _NUMERIC.match(text):
        a, b, y = int(m.group(1)), int(m.group(2)), _year(m.group(3), today)
        month_first = (region or "").upper() in MONTH_FIRST_REGIONS
        day, month = (b, a) if month_first else (a, b)
        return _build(y, month, day, today)
    folded = _fold(text)
    if m := _DAY_MONTH_NAME.match(folded):
        month = _MONTHS.get(m.group(2))
        if month:
            return _build(_year(m.group(3), today), month, int(m.group(1)), today)
    if m := _MONTH_NAME_DAY.match(folded):
        month = _MONTHS.get(m.group(1))
        if month:
            return _build(int(m.group(3)), month, int(m.group(2)), today)
    if text.isdigit():
        return DateResult("", "invalid", "a bare number is not a date (type it as DD/MM/YYYY)")
    return DateResult("", "invalid", "not a date (use DD/MM/YYYY)")

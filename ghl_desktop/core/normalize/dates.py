"""Dates of birth to ``YYYY-MM-DD``, the only form GHL accepts (it refuses ``DD/MM/YYYY``).

Slashed dates are ambiguous, so the region decides: day first (BR and most of the world) or month
first (US and a few others). ISO dates, also with Excel's time part, are read the same everywhere.
Month names may be Portuguese, English or Spanish. A bare number is refused rather than guessed
(an Excel serial? a year? ``19900315``?). Impossible dates, dates in the future and years before
1900 are refused with a reason a person can act on.

What contact exports write: Outlook's ``0/0/00`` means "no birthday" and is read as empty; Google's
birthday without a year (``--03-14``) cannot be imported (GHL needs the year) and is refused with
that reason; several values in one cell (Google's `` ::: ``) give the first that is a date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .. import messages as M
from ..messages import Message
from .multi import split_values

#: Regions whose people write the month first (``03/15/1990``).
MONTH_FIRST_REGIONS = frozenset({"US", "CA", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "UM", "VI", "PR"})

#: Longer than any way of writing a date ("quarta-feira, 15 de setembro de 1990" is 37 characters).
MAX_DATE_CHARS = 80

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

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + r"$")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})" + _TIME + r"$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})" + _TIME + r"$")
_ORDINAL = r"(?:o|a|st|nd|rd|th)?"  # "1º de março" (º folds to "o"), "March 1st"
_DAY_MONTH_NAME = re.compile(
    r"^(\d{1,2})" + _ORDINAL + r"(?: de | del |[ /.\-]+)([a-z]+)\.?(?: de | del |[ /.\-,]+)(\d{2}|\d{4})$"
)
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.? (\d{1,2})" + _ORDINAL + r",? (\d{4})$")
#: Google's birthday without a year: ``--MM-DD``.
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_BARE_NUMBER = re.compile(r"^\d+(?:[.,]0+)?$")
#: A weekday before the date ("quarta-feira, 15 de março de 1990", "Thursday, March 15, 1990").
_WEEKDAY = re.compile(
    r"^(?:(?:segunda|terca|quarta|quinta|sexta)(?:-feira)?|sabado|domingo"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday),? "
)


@dataclass(frozen=True, slots=True)
class DateResult:
    value: str
    status: str  # "empty" | "valid" | "invalid"
    reason: Message | str = ""  # a Message when invalid


EMPTY_DATE = DateResult("", "empty")

_NO_SUCH_DATE = DateResult("", "invalid", Message(M.DATE_NO_SUCH_DATE))
_FUTURE = DateResult("", "invalid", Message(M.DATE_FUTURE))
_BEFORE_1900 = DateResult("", "invalid", Message(M.DATE_BEFORE_1900))
_NO_YEAR_DATE = DateResult("", "invalid", Message(M.DATE_NO_YEAR))
#: By "the region writes the month first": how to write a date there.
_HINTS = {False: Message(M.DATE_DAY_FIRST), True: Message(M.DATE_MONTH_FIRST)}
_NOT_A_DATE = {k: DateResult("", "invalid", Message(M.DATE_NOT_A_DATE, hint)) for k, hint in _HINTS.items()}
_BARE_NUMBER_DATE = {k: DateResult("", "invalid", Message(M.DATE_BARE_NUMBER, hint)) for k, hint in _HINTS.items()}


def _fold(text: str) -> str:
    """Lower case without accents, so "Março" and "marco" are the same month."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def _year(text: str, today: dt.date) -> int:
    """A 2-digit year up to this year's last two digits is in the 2000s, otherwise the 1900s."""
    y = int(text)
    if len(text) == 2:
        y += 2000 if y <= today.year % 100 else 1900
    return y


def _build(y: int, m: int, d: int, today: dt.date) -> DateResult:
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return _NO_SUCH_DATE
    if date > today:
        return _FUTURE
    if y < 1900:
        return _BEFORE_1900
    return DateResult(date.isoformat(), "valid")


def normalize_date(raw: str, region: str = "BR", *, today: dt.date | None = None) -> DateResult:
    """``today`` is only for tests (the future-date check and the 2-digit-year pivot use it)."""
    text = " ".join((raw or "").split())
    if not text:
        return EMPTY_DATE
    region = (region or "BR").strip().upper()
    if len(text) > MAX_DATE_CHARS:
        return _NOT_A_DATE[region in MONTH_FIRST_REGIONS]
    today = today or dt.date.today()
    if ":::" in text:
        results = [normalize_date(part, region, today=today) for part in split_values(text)]
        return next((r for r in results if r.status == "valid"), results[0] if results else EMPTY_DATE)
    if text[:2] == "--" and (m := _NO_YEAR.match(text)):
        try:
            dt.date(2000, int(m.group(1)), int(m.group(2)))  # a leap year: --02-29 is a birthday
        except ValueError:
            return _NO_SUCH_DATE
        return _NO_YEAR_DATE
    if m := _ISO.match(text) or _YMD.match(text):
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)), today)
    if m := _NUMERIC.match(text):
        if not (int(m.group(1)) or int(m.group(3)) or int(m.group(4))):
            return EMPTY_DATE  # Outlook's 0/0/00
        a, b, y = int(m.group(1)), int(m.group(3)), _year(m.group(4), today)
        day, month = (b, a) if region in MONTH_FIRST_REGIONS else (a, b)
        return _build(y, month, day, today)
    folded = _WEEKDAY.sub("", _fold(text))
    if m := _DAY_MONTH_NAME.match(folded):
        month = _MONTHS.get(m.group(2))
        if month:
            return _build(_year(m.group(3), today), month, int(m.group(1)), today)
    if m := _MONTH_NAME_DAY.match(folded):
        month = _MONTHS.get(m.group(1))
        if month:
            return _build(int(m.group(3)), month, int(m.group(2)), today)
    if _BARE_NUMBER.match(text):
        return _BARE_NUMBER_DATE[region in MONTH_FIRST_REGIONS]
    return _NOT_A_DATE[region in MONTH_FIRST_REGIONS]

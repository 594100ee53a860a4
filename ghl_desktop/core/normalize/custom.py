"""Custom field values in the form GHL reads, and the kind a custom column's values have.

GHL reads a number or an amount with a decimal point and no grouping (``1234.56``; Brazilian
``1.234,56`` is misread), a date as ``YYYY-MM-DD`` (never ``DD/MM/YYYY``), and the options of a
multiple-choice field separated by a comma, a semicolon *or a period* (so a period inside an
option would split it). Each rule below handles one value: pure, never raises.

A value that does not fit its column's kind (a word in a number column) is not changed into
something else: the caller leaves the cell empty and flags the value for review, with its reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .. import messages as M
from ..messages import Message
from .dates import normalize_date

#: Currency marks written before or after an amount ("R$ 1.234,56", "1.234,56 BRL", "US$ 10").
_CURRENCY = re.compile(r"(?i)^(?:r\$|us\$|u\$s|\$|€|£|brl|usd|eur)\s*|\s*(?:r\$|\$|€|£|brl|usd|eur|reais)$")
_GROUPED_POINT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")    # 1.234 / 1.234.567,89
_GROUPED_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")    # 1,234 / 1,234,567.89
_DECIMAL_COMMA = re.compile(r"^\d*,\d+$")                          # 1234,56 / ,5
_DECIMAL_POINT = re.compile(r"^\d*\.\d+$|^\d+$")                   # 1234.56 / .5 / 1234
#: Regions whose people write a decimal point (``1,234.56``); elsewhere the comma is the decimal mark.
DECIMAL_POINT_REGIONS = frozenset({
    "US", "GB", "CA", "AU", "NZ", "IE", "IN", "MX", "PH", "SG", "MY", "JP", "CN", "KR", "HK", "TW",
    "IL", "TH", "NG", "KE", "ZA", "GT", "DO", "PR", "PA", "PE", "SV", "HN", "NI",
})

#: How options are separated in a cell: ``;`` ``|`` line breaks, Google's `` ::: ``, and commas.
_OPTION_SPLIT = re.compile(r"\s+:::\s+|[;|\n\r,]+")
_INNER_PERIODS = re.compile(r"(?<=[^\s.])\.+(?=[^\s.])")


@dataclass(frozen=True, slots=True)
class CustomResult:
    value: str
    status: str  # "empty" | "valid" | "invalid"
    reason: Message | str = ""  # a Message when invalid


EMPTY = CustomResult("", "empty")


def normalize_number(raw: str, region: str = "BR") -> CustomResult:
    """A number or an amount as GHL reads it: ``1.234,56`` / ``R$ 1.234,56`` / ``1,234.56`` → ``1234.56``.

    Grouping marks are told from the decimal mark by their places (``1.234.567``, ``1.234,56``);
    a single ambiguous mark (``1.234``, ``1,234``) is read as the ``region`` writes numbers (in
    Brazil, ``1.234`` is one thousand two hundred thirty-four and ``1,5`` one and a half). A minus
    sign or parentheses make it negative. Anything else is not a number.
    """
    text = " ".join((raw or "").split())
    if not text:
        return EMPTY
    body = text.replace("\u00a0", " ")
    negative = False
    if body.startswith("(") and body.endswith(")"):
        body, negative = body[1:-1].strip(), True
    if body[:1] in "-+" or body[:1] == "\u2212":
        negative = negative or body[0] != "+"
        body = body[1:].strip()
    body = _CURRENCY.sub("", body).strip()
    if body[:1] in "-\u2212" and not negative:  # "R$ -10,00"
        negative, body = True, body[1:].strip()
    body = body.replace(" ", "")
    comma_decimal = (region or "BR").strip().upper() not in DECIMAL_POINT_REGIONS
    if _GROUPED_POINT.match(body) and ("," in body or comma_decimal or body.count(".") > 1):
        digits = body.replace(".", "").replace(",", ".")
    elif _GROUPED_COMMA.match(body) and ("." in body or not comma_decimal or body.count(",") > 1):
        digits = body.replace(",", "")
    elif _DECIMAL_COMMA.match(body):
        digits = body.replace(",", ".")
    elif _DECIMAL_POINT.match(body):
        digits = body
    else:
        return CustomResult("", "invalid", Message(M.NOT_A_NUMBER))
    try:
        Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        return CustomResult("", "invalid", Message(M.NOT_A_NUMBER))
    if digits.startswith("."):
        digits = "0" + digits
    return CustomResult(("-" if negative and digits.strip("0.") else "") + digits, "valid")


#: "today" for a date that may lie in the future (a custom date is no date of birth).
_FAR_FUTURE = dt.date(9999, 12, 31)


def normalize_custom_date(raw: str, region: str = "BR") -> CustomResult:
    """A date as ``YYYY-MM-DD``, read as a date of birth is (``normalize_date``) but allowed in
    the future: a next appointment or a contract's end is a valid custom date."""
    res = normalize_date(raw, region)
    if res.status == "invalid" and res.reason == Message(M.DATE_FUTURE):
        res = normalize_date(raw, region, today=_FAR_FUTURE)
    return CustomResult(res.value, res.status, res.reason)


def clean_option(option: str) -> str:
    """One option with collapsed spaces, no comma, and no period that GHL would split it on:
    a period between two characters becomes a hyphen (``v1.2`` → ``v1-2``), any other is dropped."""
    option = " ".join(option.replace(",", " ").split())
    option = _INNER_PERIODS.sub("-", option)
    return " ".join(option.replace(".", " ").split())


def split_options(raw: str) -> list[str]:
    """The options of one cell, cleaned, the first spelling of each kept, in order."""
    seen: dict[str, str] = {}
    for part in _OPTION_SPLIT.split(raw or ""):
        option = clean_option(part)
        if option:
            seen.setdefault(option.casefold(), option)
    return list(seen.values())


def normalize_options(raw: str) -> str:
    """A multiple-choice cell as GHL reads it: its options ``", "``-separated (``a; b.c`` → ``a, b-c``)."""
    return ", ".join(split_options(raw))


# -- which kind a custom column's values have -------------------------------------------------
#: Share of a column's non-empty values that must fit a kind for the column to be of that kind
#: (in a column of four values or more, one may always be off); the few that do not are flagged
#: for review.
FIT = 0.9
_CURRENCY_MARK = re.compile(r"(?i)r\$|us\$|\$|€|£|\bbrl\b|\busd\b|\beur\b|\breais\b")
_STRONG_SEPARATOR = re.compile(r"[;|\n]|\s:::\s")
_DATE_SHAPE = re.compile(r"[/\-.]|[^\W\d_]{3}")  # a separator or a month name: not a bare number


def detect_kind(values, region: str = "BR") -> str:
    """The kind (``schema.CUSTOM_KINDS``) of a custom column from its (sampled) values.

    Dates when all are dates but one in four or one in ten (which are then flagged); money when numbers and some carry a currency mark; number
    when (nearly) all are numbers; options when many cells hold several short options that repeat
    across rows; text otherwise. An empty column is text.
    """
    from .. import schema as F

    cells = [v for v in (" ".join(str(x).split()) for x in values if x is not None) if v]
    n = len(cells)
    if not n:
        return F.TEXT
    need = n if n < 4 else min(FIT * n, n - 1)
    distinct = set(cells)
    date_ok = sum(1 for v in cells if _DATE_SHAPE.search(v)
                  and normalize_custom_date(v, region).status == "valid")
    if date_ok >= need:
        return F.DATE
    number_ok = sum(1 for v in cells if normalize_number(v, region).status == "valid")
    if number_ok >= need:
        return F.MONEY if any(_CURRENCY_MARK.search(v) for v in distinct) else F.NUMBER
    splits = [split_options(v) for v in cells]
    multi = [v for v, s in zip(cells, splits) if len(s) > 1]
    items = [o for s in splits for o in s]
    if n < 3 or len(multi) < max(0.2 * n, 2) or any(len(o) > 40 for o in items):
        return F.TEXT
    # Options separated by ";" "|" or " ::: " say so; commas alone also separate the parts of an
    # address or a sentence, so then the options must repeat across rows as a fixed list does.
    marked = any(_STRONG_SEPARATOR.search(v) for v in multi)
    if marked or len({o.casefold() for o in items}) <= 0.5 * len(items):
        return F.OPTIONS
    return F.TEXT

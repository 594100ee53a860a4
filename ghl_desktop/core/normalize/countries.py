"""Countries as GHL accepts them: the ISO 3166 alpha-2 code (``BR``, ``US``, ``PT``).

GHL takes an exact name from its own list or the two-letter code, and refuses what people write
(``Brasil``, ``EUA``, ``Estados Unidos``, ``USA``). So every country is written as its code:

* a two-letter code is upper-cased (``br`` → ``BR``); ``UK`` is GB;
* a name in English, Portuguese or Spanish, or an alpha-3 code, is looked up in CLDR's names
  (``country_names.py``, generated from the Unicode consortium's locale data) after folding case,
  accents and periods (``E.U.A.`` = ``eua``, ``México`` = ``mexico``);
* plus the informal names and abbreviations CLDR does not list (:data:`EXTRA_NAMES`: ``EUA``,
  ``EE.UU.``, ``Inglaterra``, ``Holanda``, ...).

Anything else is not guessed: it is left for review with a reason. A cell holding several values
(Google's `` ::: ``) gives their country when they all name the same one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .. import messages as M
from ..messages import Message
from .country_names import CODES, DISPLAY, NAMES
from .multi import split_values

#: Longer than any country's name ("South Georgia and the South Sandwich Islands" is 44).
MAX_COUNTRY_CHARS = 80

#: Names and abbreviations people write that CLDR does not list, folded (see :func:`fold`).
EXTRA_NAMES: dict[str, str] = {
    # the United States
    "eua": "US", "e u a": "US", "eeuu": "US", "ee uu": "US", "u s": "US", "u s a": "US",
    "united states of america": "US", "estados unidos da america": "US",
    "estados unidos de america": "US", "estados unidos de norteamerica": "US",
    # the United Kingdom and its nations
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "gra bretanha": "GB",
    "gran bretana": "GB", "england": "GB", "inglaterra": "GB", "scotland": "GB", "escocia": "GB",
    "wales": "GB", "gales": "GB", "pais de gales": "GB", "northern ireland": "GB",
    "irlanda do norte": "GB", "irlanda del norte": "GB",
    # older or informal names
    "holanda": "NL", "holland": "NL", "republica tcheca": "CZ", "republica checa": "CZ",
    "czech republic": "CZ", "macedonia": "MK", "swaziland": "SZ", "suazilandia": "SZ",
    "burma": "MM", "birmania": "MM", "ivory coast": "CI", "east timor": "TL", "turkey": "TR",
    "vaticano": "VA", "vatican": "VA", "palestina": "PS", "palestine": "PS",
}

NOT_A_COUNTRY = Message(M.COUNTRY_UNKNOWN)
SEVERAL_COUNTRIES = Message(M.COUNTRY_SEVERAL)


@dataclass(frozen=True, slots=True)
class CountryResult:
    value: str   # the alpha-2 code, "" unless valid
    status: str  # "empty" | "valid" | "invalid"
    reason: Message | str = ""  # a Message when invalid


EMPTY_COUNTRY = CountryResult("", "empty")
_INVALID = CountryResult("", "invalid", NOT_A_COUNTRY)


def fold(text: str) -> str:
    """Lower case, no accents, no periods or apostrophes, other punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").replace("'", "").replace("\u2019", "")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def country_code(text: str) -> str:
    """The alpha-2 code of one written country, or "" when it names none."""
    text = text.strip()
    if len(text) == 2 and text.isascii() and text.isalpha() and text.upper() in CODES:
        return text.upper()
    if len(text) > MAX_COUNTRY_CHARS:
        return ""
    key = fold(text)
    return NAMES.get(key) or EXTRA_NAMES.get(key, "")


def normalize_country(raw: str) -> CountryResult:
    text = (raw or "").strip()
    if not text:
        return EMPTY_COUNTRY
    codes = {country_code(part) for part in split_values(text)}
    if "" in codes or not codes:
        return _INVALID
    if len(codes) > 1:
        return CountryResult("", "invalid", SEVERAL_COUNTRIES)
    return CountryResult(codes.pop(), "valid")


def country_display_name(code: str, language: str = "en") -> str:
    """The region's name to show a person, in ``language`` (``pt_BR``, ``pt``, ``en``, ``es``; any
    other: English), from CLDR: ``BR`` → ``Brasil`` in Portuguese. An unknown code is given back."""
    code = (code or "").upper()
    names = DISPLAY.get((language or "en").replace("-", "_").split("_")[0].lower(), DISPLAY["en"])
    return names.get(code) or DISPLAY["en"].get(code) or code

"""Fast paths for the shapes most contact lists are made of, with the exact libraries' answers.

``email-validator`` takes ~20 µs per address and ``phonenumbers.parse`` ~13 µs per number; most
values in a real list are plain ASCII addresses and Brazilian numbers in a handful of layouts. For
those, a regex plus the libraries' own rules (special-use domains; ``phonenumbers``' metadata via
``is_valid_number`` on a number built directly) gives the same result in a few microseconds.
Anything not *surely* of a simple shape returns ``None`` and goes to the full normalizer.
``tests/core/test_fastpath.py`` checks, over 100,000+ generated values, that a fast answer always
equals the full normalizer's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from email_validator import SPECIAL_USE_DOMAIN_NAMES
from phonenumbers import PhoneMetadata

from ..messages import Message
from ..normalize import EmailResult, PhoneResult, normalize_phone, suggest_domain
from ..normalize.emails import validate_one
from ..normalize.phones import _SPLIT, MAX_CELL_CHARS

# Plain ASCII address: common atext characters, dot-separated local part, LDH domain labels
# (no "--", which could be an IDNA A-label the library must check), alphabetic TLD. The local
# part's runs are possessive (``++``, ``*+``): neither "." nor "@" is in their class, so giving
# characters back never helps a match, and the engine then keeps no backtracking state for them
# (~15% of this regex's time). ``tests/core/test_fastpath.py`` checks it against the plain form.
_LOCAL_PART = r"[A-Za-z0-9_%+\-]++(?:\.[A-Za-z0-9_%+\-]++)*+"
_DOMAIN_PART = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
_SIMPLE_EMAIL_PATTERN = _LOCAL_PART + "@(" + _DOMAIN_PART + ")"
_SIMPLE_EMAIL = re.compile(_SIMPLE_EMAIL_PATTERN)
# What is run per cell: ``_SIMPLE_EMAIL`` in two steps. The address is matched with any run of
# domain characters after its one "@" (a possessive scan, no backtracking), and the domain's own
# rules (``_PLAIN_DOMAIN``, whose labels backtrack) are checked once per distinct domain, in
# ``_domain_suggestion``: a list has few domains and many addresses.
# Both steps pass exactly when ``_SIMPLE_EMAIL`` matches, with the same domain (tested).
_PLAIN_ADDRESS = re.compile(_LOCAL_PART + r"@([A-Za-z0-9.\-]++)")
_PLAIN_DOMAIN = re.compile(_DOMAIN_PART)
_SPECIAL = tuple(SPECIAL_USE_DOMAIN_NAMES)

# An address whose local part has accented Latin letters (joão.silva@...), at a plain ASCII domain.
# email-validator reads such a local part as an internationalized dot-atom: every character
# allowed, letters of any kind safe, a combining mark safe anywhere but first; the address it
# gives is the NFC form of the local part, "@", the domain as for an ASCII address; the length
# limit is 254 bytes of UTF-8 (original, normalized; there is no 64-character limit before the "@"
# unless strict). Here: the ASCII atext of ``_LOCAL_PART`` plus the letters U+00C0-U+024F (all of
# category L but × and ÷), each followed by any combining diacritics (U+0300-U+036F), so no run
# starts with a mark; dot-separated runs. ``_intl_email_value`` checks the forms it derives
# (NFC, lower-cased) against the same pattern, so the value it gives re-validates to itself.
_INTL_CHAR = r"[A-Za-z0-9_%+\-\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F][\u0300-\u036F]*+"
_INTL_LOCAL = re.compile(f"(?:{_INTL_CHAR})++(?:\\.(?:{_INTL_CHAR})++)*+")
_INTL_ADDRESS = re.compile(_INTL_LOCAL.pattern + r"@([A-Za-z0-9.\-]++)")

# Brazilian numbers: optional +55, a 2-digit area code (optionally in parentheses), then 8 or 9
# digits with the usual separators. ASCII digits and the plain space only: the full normalizer
# splits a cell at a line break and reads a tab or an em space otherwise, and reads full-width or
# Arabic-Indic digits as digits (``\d`` and ``\s`` would take all of those here).
_BR_PHONE = re.compile(r"(\+55[ .\-]*|00[ .\-]*55[ .\-]*)?\(?([0-9]{2})\)?[ .\-]*([0-9]{4,5})[ .\-]?([0-9]{4})")


class _RegionValidator:
    """``phonenumbers.is_valid_number`` for one region's national numbers, from its own metadata.

    The library's rule: the number fits the region's general description, and at least one number
    type (fixed line, mobile, toll free, ...) describes it; a description fits when the length is
    one of its possible lengths and its national-number pattern matches in full.
    """

    _TYPES = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
              "voicemail", "fixed_line", "mobile")

    def __init__(self, region: str) -> None:
        meta = PhoneMetadata.metadata_for_region(region)
        self.general = self._desc(meta.general_desc)
        self.types = [d for d in (self._desc(getattr(meta, t, None)) for t in self._TYPES) if d]
        self._by_length: dict[int, re.Pattern | None] = {}

    @staticmethod
    def _desc(desc):
        if desc is None or desc.national_number_pattern is None:
            return None
        return frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)

    @staticmethod
    def _fits(desc, nsn: str) -> bool:
        lengths, pattern = desc
        if lengths and len(nsn) not in lengths:
            return False
        return pattern.fullmatch(nsn) is not None

    def is_valid(self, nsn: str) -> bool:
        try:
            rx = self._by_length[len(nsn)]
        except KeyError:
            rx = self._by_length[len(nsn)] = self._for_length(len(nsn))
        return rx is not None and rx.fullmatch(nsn) is not None

    def is_valid_by_rules(self, nsn: str) -> bool:
        """The rule written out (what ``is_valid`` compiles into one regex per length)."""
        if not self._fits(self.general, nsn):
            return False
        return any(self._fits(d, nsn) for d in self.types)

    def _for_length(self, n: int):
        """One regex for numbers of length ``n``: the general pattern (a lookahead) and the union of
        the types that allow ``n`` digits. One regex call instead of up to eleven."""
        lengths, general = self.general
        if lengths and n not in lengths:
            return None
        alts = [pattern.pattern for allowed, pattern in self.types if not allowed or n in allowed]
        if not alts:
            return None
        return re.compile("(?=(?:%s)\\Z)(?:%s)" % (general.pattern, "|".join(f"(?:{a})" for a in alts)))


_BR = _RegionValidator("BR")
#: ``_BR.is_valid``'s regex for each length ``_BR_PHONE`` gives (2 + 4 or 5 + 4 digits).
_BR_VALID_BY_LENGTH = {n: _BR._for_length(n) or re.compile("(?!)") for n in (10, 11)}
#: Where the library may strip a national or carrier prefix from a national number (BR: "0…",
#: "90…"): such numbers go to the full normalizer. Area codes 91-99 do not match.
_BR_NATIONAL_PREFIX = re.compile(PhoneMetadata.metadata_for_region("BR").national_prefix_for_parsing)

#: domain as written -> the popular domain it is probably a typo of ("" for none), or None when
#: the address is not a plain one (the domain breaks ``_PLAIN_DOMAIN``) or must go to the full
#: normalizer (special-use, "--", too long).
_domains: dict[str, str | None] = {}
#: Distinct domains remembered at most (then forgotten and learned again): a list of addresses at
#: a million made-up domains must not leave a million entries behind in a long-running window.
_DOMAINS_MAX = 100_000


def _domain_suggestion(domain_as_written: str) -> str | None:
    if _PLAIN_DOMAIN.fullmatch(domain_as_written) is None:
        return None
    domain = domain_as_written.lower()
    if "--" in domain or len(domain) > 253 or any(domain == s or domain.endswith("." + s) for s in _SPECIAL):
        return None
    return suggest_domain(domain)


def _email_value(text: str) -> tuple[str, str] | None:
    """(normalized address, suggested address or "") for a plain address already stripped, else None."""
    m = _PLAIN_ADDRESS.fullmatch(text)
    if m is None or len(text) > 254 or text.index("@") > 64:
        return None
    d = m.group(1)
    try:
        suggestion = _domains[d]
    except KeyError:
        if len(_domains) >= _DOMAINS_MAX:
            _domains.clear()
        suggestion = _domains[d] = _domain_suggestion(d)
    if suggestion is None:
        return None
    value = text.lower()
    return value, (value[: value.index("@") + 1] + suggestion if suggestion else "")


def _judged_domain(d: str) -> str | None:
    """``_domains[d]``, judged now if it was not yet."""
    try:
        return _domains[d]
    except KeyError:
        if len(_domains) >= _DOMAINS_MAX:
            _domains.clear()
        suggestion = _domains[d] = _domain_suggestion(d)
        return suggestion


def _intl_email_value(text: str) -> tuple[str, str] | None:
    """``_email_value`` for an address with accented letters before the "@" (see ``_INTL_LOCAL``):
    (normalized address, suggested address or ""), else None (the full normalizer decides)."""
    m = _INTL_ADDRESS.fullmatch(text)
    if m is None:
        return None
    at = m.start(1) - 1
    if at > 64:
        return None
    suggestion = _judged_domain(m.group(1))
    if suggestion is None:
        return None
    local = text[:at]
    nfc = unicodedata.normalize("NFC", local)
    lowered = nfc.lower()
    # validate_one lower-cases the library's address and validates it again until it is stable:
    # it is at once when the lower-cased local part is NFC, lower case and of the same pattern.
    if (lowered.lower() != lowered or not unicodedata.is_normalized("NFC", lowered)
            or _INTL_LOCAL.fullmatch(nfc) is None or _INTL_LOCAL.fullmatch(lowered) is None):
        return None
    d = len(m.group(1))
    if max(len(text.encode()), len(nfc.encode()) + 1 + d,
           len(lowered.encode()) + 1 + max(d, len(suggestion))) > 254:
        return None
    value = lowered + "@" + m.group(1).lower()
    return value, (lowered + "@" + suggestion if suggestion else "")


#: ``_domains.get`` default in ``email_column``: a domain not judged yet.
_UNJUDGED = object()

#: Cells made only of these can be judged invalid without the library (see ``_surely_invalid``):
#: ASCII letters, digits, a few atext characters, the plain space, "@", and the accented letters
#: of ``_INTL_CHAR`` (letters, never combining: none of them can hide an "@" or make a space legal).
_PLAIN_CHARS = re.compile(r"[A-Za-z0-9._%+\- @\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+")


def _surely_invalid(text: str) -> bool:
    """True for a cell holding one address that no reading of email-validator accepts.

    Only unquoted plain text (``_PLAIN_CHARS``: no quotes, angle brackets, comments, separators or
    combining marks) is judged:
    without an "@", ending or starting with the "@", a space around one "@", or two "@" and no space
    (a cell with two "@" and spaces may be two addresses, so it goes to the full normalizer).
    """
    if _PLAIN_CHARS.fullmatch(text) is None:
        return False
    at = text.count("@")
    if at == 0:
        return True
    if at == 1:
        return text[0] == "@" or text[-1] == "@" or " " in text.partition("@")[0]
    return " " not in text


def fast_email(raw: str) -> EmailResult | None:
    text = raw.strip()
    found = _email_value(text) if text.isascii() else _intl_email_value(text)
    if found is not None:
        value, suggestion = found
        return EmailResult((value,), "valid", "", (), suggestion)
    if text and _surely_invalid(text):
        return EmailResult((), "invalid", invalid_email_reason(text), (text,), "")
    return None


@lru_cache(maxsize=4096)
def invalid_email_reason(text: str) -> Message:
    """The library's reason for an address it refuses (computed only when a person asks)."""
    return validate_one(text)[1]


def email_column(col: list[str]) -> tuple[list[str], dict[int, str], dict[int, str], list[int]]:
    """One email column at once: (addresses, suggestions by row, invalid text by row, slow rows).

    ``addresses[r]`` is the normalized address or ""; an invalid cell's reason is the library's
    and is computed later, by ``invalid_email_reason``, when someone looks at it. Rows listed in
    ``slow rows`` need the full normalizer (several addresses, Unicode other than accented letters
    before the "@", quoting, special domains).
    """
    values = [""] * len(col)
    suggestions: dict[int, str] = {}
    invalid: dict[int, str] = {}
    slow: list[int] = []
    value_of, intl_value_of = _email_value, _intl_email_value
    # The usual cell, a plain address at a domain already judged, is answered inline:
    # ``_email_value``'s steps for it without its call (a domain seen for the first time, and
    # everything else, takes the call).
    plain, judged = _PLAIN_ADDRESS.fullmatch, _domains.get
    for r, raw in enumerate(col):
        if not raw:
            continue
        text = raw.strip()
        m = plain(text)
        # The "@" is just before the domain: the local part is m.start(1) - 1 characters long.
        if m is not None and len(text) <= 254 and m.start(1) <= 65:
            suggestion = judged(m.group(1), _UNJUDGED)
            if suggestion is None:  # not a plain domain (the full normalizer decides)
                slow.append(r)
                continue
            if suggestion is not _UNJUDGED:
                values[r] = value = text.lower()
                if suggestion:
                    suggestions[r] = value[: value.index("@") + 1] + suggestion
                continue
        found = value_of(text) if m is not None else None if text.isascii() else intl_value_of(text)
        if found is not None:
            values[r], suggestion = found
            if suggestion:
                suggestions[r] = suggestion
        elif text and _surely_invalid(text):
            invalid[r] = text
        else:
            slow.append(r)
    return values, suggestions, invalid, slow


_EXCEL_55 = re.compile(r"55([0-9]{10,11})")


def _phone_value(text: str, region: str) -> tuple[str, bool] | None:
    """(E.164, repaired) for one stripped Brazilian number of a plain layout, else None.

    ("", False) means the layout is plain and the number is invalid for sure: the library reads
    exactly these digits as the national number, and neither they nor the ninth-digit repair are
    valid, so ``normalize_phone`` has no other reading either (the differential tests check it).
    """
    m = _BR_PHONE.fullmatch(text)
    if m is None:
        # 55 + national number typed as an Excel number: too long for a national number, so the
        # library reads the leading 55 as Brazil's country code.
        e = _EXCEL_55.fullmatch(text) if region == "BR" else None
        if e is None or e.group(1)[0] == "0":
            return None
        found = _br_value(e.group(1))
        return found if found[0] else None  # invalid: the full normalizer explains this layout
    prefix, area, a, b = m.groups()
    nsn = area + a + b
    if not prefix:
        # National layout: only for region BR, and never where the library would strip a national
        # or carrier prefix (BR: a leading 0 or 90) or read a leading 55 as the country code.
        if region != "BR" or _BR_NATIONAL_PREFIX.match(nsn) or nsn.startswith("55"):
            return None
    elif nsn[0] == "0":
        return None
    found = _br_value(nsn)
    if not found[0] and prefix and prefix[0] == "0":
        return None  # "00 55 …" invalid as +55 may still be valid in the library's carrier-code reading
    return found


def _br_value(nsn: str) -> tuple[str, bool]:
    """(E.164, repaired), or ("", False) when neither the number nor its ninth-digit repair is valid."""
    if _BR.is_valid(nsn):
        return "+55" + nsn, False
    if len(nsn) == 10 and nsn[2] in "6789":  # a mobile from before the ninth digit
        fixed = nsn[:2] + "9" + nsn[2:]
        if _BR.is_valid(fixed):
            return "+55" + fixed, True
    return _NOT_VALID


_NOT_VALID = ("", False)


def fast_phone(raw: str, region: str) -> PhoneResult | None:
    """One plain number, or several plain numbers split as ``normalize_phone`` splits them."""
    text = raw.strip()
    found = _phone_value(text, region)
    if found is not None:
        value, repaired = found
        if not value:
            return PhoneResult((), "invalid", invalid_phone_reason(text, region), (text,))
        return PhoneResult((value,), "repaired", "", (), True, "") if repaired else PhoneResult((value,), "valid")
    return _fast_phones(text, region)


@lru_cache(maxsize=4096)
def invalid_phone_reason(text: str, region: str) -> Message:
    """The full normalizer's reason for a number it refuses (computed only when a person asks)."""
    return normalize_phone(text, region).reason


def _fast_phones(text: str, region: str) -> PhoneResult | None:
    """A cell of several plain numbers ("(11) 98765-4321 / 11 3333-4444"), or None.

    Each part is a plain number (digits and ``+ ( ) . -`` only: no extension words, no labels), so
    ``normalize_phone`` would read each one alone; the cell result is put together the same way.
    """
    found = _plain_numbers(text, region)
    if found is None:
        return None
    phones, repaired_primary, any_repaired = found
    return PhoneResult(tuple(phones), "repaired" if repaired_primary else "valid", "", (), any_repaired, "")


def _plain_numbers(text: str, region: str) -> tuple[list[str], bool, bool] | None:
    """(distinct E.164 numbers, first one repaired, any repaired) of a cell of several valid plain
    numbers, split as ``normalize_phone`` splits a cell; None for anything else."""
    if len(text) > MAX_CELL_CHARS:
        return None
    pieces = _SPLIT.split(text)
    if len(pieces) < 2:
        return None  # no separator: a single number, and not a plain one
    phones: list[str] = []
    repaired_primary = any_repaired = False
    for piece in pieces:
        part = piece.strip()
        if not part:
            continue
        found = _phone_value(part, region)
        if found is None or not found[0]:
            return None
        value, repaired = found
        if value not in phones:
            if not phones:
                repaired_primary = repaired
            phones.append(value)
        any_repaired = any_repaired or repaired
    if not phones:
        return None
    return phones, repaired_primary, any_repaired


#: Per region, cells already found to need the full normalizer: lists repeat their junk ("sem
#: telefone", "123", "0000-0000"), and each costs two more pattern tries before it is sent there.
_known_slow: dict[str, set[str]] = {}
_KNOWN_SLOW_MAX = 4096


def phone_column(col: list[str], region: str) -> tuple[list[str], list[int], dict[int, str], list[int], dict[int, str]]:
    """One phone column at once: (E.164 values, repaired rows, invalid text by row, slow rows,
    further numbers by row).

    ``values[r]`` is the (first) number in E.164 or ""; a cell of several plain numbers gives the
    others, comma-separated, in ``further numbers``. An invalid plain number's reason is computed
    later, by ``invalid_phone_reason``, when someone looks at it. Rows listed in ``slow rows`` need
    the full normalizer (other layouts, other countries, extensions, labels).
    """
    values = [""] * len(col)
    repaired: list[int] = []
    invalid: dict[int, str] = {}
    slow: list[int] = []
    further: dict[int, str] = {}
    value_of = _phone_value
    # The usual cell, a valid number in a plain layout, is answered inline: ``_phone_value``'s
    # steps for it, without its three Python calls (about a third of this loop's time). Anything
    # else (invalid, repaired, other layouts and regions) takes the general path below.
    layout, national = _BR_PHONE.fullmatch, region == "BR"
    known_slow = _known_slow.setdefault(region, set())
    prefix_stripped, valid = _BR_NATIONAL_PREFIX.match, _BR_VALID_BY_LENGTH
    for r, raw in enumerate(col):
        if not raw:
            continue
        text = raw.strip()
        m = layout(text)
        if m is not None:
            prefix, area, a, b = m.groups()
            nsn = area + a + b
            # ``_phone_value``'s layout rules: international, not starting with 0; or national,
            # for BR only, and never where the library would strip a prefix or read a 55.
            if (nsn[0] != "0") if prefix else (national and nsn[:2] != "55" and prefix_stripped(nsn) is None):
                if valid[len(nsn)].fullmatch(nsn) is not None:
                    values[r] = "+55" + nsn
                    continue
                if len(nsn) == 10 and nsn[2] in "6789":  # ``_br_value``'s ninth-digit repair
                    fixed = nsn[:2] + "9" + nsn[2:]
                    if valid[11].fullmatch(fixed) is not None:
                        values[r] = "+55" + fixed
                        repaired.append(r)
                        continue
        if text in known_slow:
            slow.append(r)
            continue
        found = value_of(text, region)
        if found is None:
            several = _plain_numbers(text, region)
            if several is None:
                slow.append(r)
                if len(known_slow) < _KNOWN_SLOW_MAX:
                    known_slow.add(text)
                continue
            phones, _, any_repaired = several
            values[r] = phones[0]
            if len(phones) > 1:
                further[r] = ", ".join(phones[1:])
            if any_repaired:
                repaired.append(r)
        elif found[0]:
            values[r], was_repaired = found
            if was_repaired:
                repaired.append(r)
        else:
            invalid[r] = text
    return values, repaired, invalid, slow, further


#: A number as most lists write it, in ASCII: an optional minus, an optional ``R$`` and digits
#: with at most grouping points and one decimal mark (``123``, ``1234.56``, ``1.234,56``,
#: ``R$ 1.234,56``, ``-10``). ``fast_number`` tells these apart; anything else is ``None``.
_NUMBER_SHAPE = re.compile(r"(-?)(?:R\$ ?)?([0-9.,]+)")


def fast_number(raw: str) -> str | None:
    """``normalize_number(raw, region).value`` for a valid number of a common shape, the same in
    every region, or ``None`` (the full normalizer decides). A single mark before exactly three
    digits (``1.234``, ``1,234``) is left to it: the region tells grouping from decimals."""
    m = _NUMBER_SHAPE.fullmatch(raw)
    if m is None:
        return None
    sign, body = m.groups()
    commas = body.count(",")
    if not commas and "." not in body:
        digits = body
    elif commas > 1:
        return None
    elif not commas or "." not in body:  # one mark: "1234.56" / "1234,56"
        if body.count(".") > 1:
            return None
        whole, _, frac = body.partition("," if commas else ".")
        if not whole or not frac or (len(frac) == 3 and len(whole) <= 3):
            return None
        digits = whole + "." + frac
    else:  # "1.234.567,89": grouping points, then a decimal comma
        whole, _, frac = body.partition(",")
        groups = whole.split(".")
        if (not frac or "." in frac or not 1 <= len(groups[0]) <= 3
                or any(len(g) != 3 for g in groups[1:])):
            return None
        digits = "".join(groups) + "." + frac
    return "-" + digits if sign and digits.strip("0.") else digits


# -- whole columns of plain shapes ---------------------------------------------------------------
# A column whose every cell has a shape of the rule's simplest case is told by a few C-level
# passes over its cells joined by NULs (a cell holding a NUL itself fails the count of
# separators), and then given its values without a Python call per distinct cell.


def _joined(column: list[str]) -> str | None:
    """The cells joined by NULs, or None when a cell holds a NUL itself (or there are none)."""
    joined = "\x00".join(column)
    return joined if column and joined.count("\x00") == len(column) - 1 else None


def unchanged_text_column(column: list[str]) -> bool:
    """True when every cell is already what ``assemble.clean_text`` gives (whitespace runs made one
    space, the ends stripped) and holds one value (no Google ``:::``): printable text's only
    whitespace is the plain space (every other whitespace character is of category C or Z), so a
    cell without two spaces in a row or one at an end is left as it is."""
    joined = _joined(column)
    return (joined is not None and ":::" not in joined and "  " not in joined and " \x00" not in joined
            and "\x00 " not in joined and joined[:1] != " " and joined[-1:] != " "
            and joined.replace("\x00", "").isprintable())


#: Cells that are ASCII CEPs (``01310-100``, ``01310100``, or ``1310100`` with its leading zero
#: dropped by Excel) or empty, NUL-separated.
_PLAIN_CEPS = re.compile(r"(?:[0-9]{5}-?[0-9]{3}|[0-9]{7})?(?:\x00(?:[0-9]{5}-?[0-9]{3}|[0-9]{7})?)*+")


def postal_column(column: list[str], region: str) -> list[str] | None:
    """``assemble.format_postal_code`` of every cell when every cell is empty or a CEP of ASCII
    digits (see ``_PLAIN_CEPS``), else None. In Brazil such a CEP is written ``01310-100``, its
    leading zero restored; elsewhere every such cell is left as it is."""
    joined = _joined(column)
    if joined is None or _PLAIN_CEPS.fullmatch(joined) is None:
        return None
    return _formatted_ceps(column) if region.upper() == "BR" else list(column)


def _formatted_ceps(column: list[str]) -> list[str]:
    """Each CEP of ``_PLAIN_CEPS`` as ``01310-100`` (an empty cell stays empty)."""
    return [v if len(v) == 9 or not v else f"{v.zfill(8)[:5]}-{v.zfill(8)[5:]}" for v in column]


#: Cells that are ASCII digits with at most a decimal mark and one or two decimals, or empty,
#: NUL-separated: the shapes ``fast_number`` answers with the cell itself, its comma made a point.
_PLAIN_NUMBERS = re.compile(r"(?:[0-9]++(?:[.,][0-9]{1,2})?)?(?:\x00(?:[0-9]++(?:[.,][0-9]{1,2})?)?)*+")


def number_column(column: list[str]) -> list[str] | None:
    """``fast_number`` of every cell ("" for an empty one) when every cell is a plain number
    (``1234``, ``1234,5``, ``1234.56``) or empty, else None: such a cell's value is its own text
    with a decimal comma made a point, in every region."""
    joined = _joined(column)
    if joined is None or _PLAIN_NUMBERS.fullmatch(joined) is None:
        return None
    return joined.replace(",", ".").split("\x00") if "," in joined else list(column)

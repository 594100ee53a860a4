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

from email_validator import SPECIAL_USE_DOMAIN_NAMES
from phonenumbers import PhoneMetadata

from .normalize import EmailResult, PhoneResult, suggest_domain

# Plain ASCII address: common atext characters, dot-separated local part, LDH domain labels
# (no "--", which could be an IDNA A-label the library must check), alphabetic TLD.
_SIMPLE_EMAIL = re.compile(
    r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*"
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)
_SPECIAL = tuple(SPECIAL_USE_DOMAIN_NAMES)

# Brazilian numbers: optional +55, a 2-digit area code (optionally in parentheses), then 8 or 9
# digits with the usual separators.
_BR_PHONE = re.compile(r"(\+55[\s.\-]*|00[\s.\-]*55[\s.\-]*)?\(?(\d{2})\)?[\s.\-]*(\d{4,5})[\s.\-]?(\d{4})")


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
        if not self._fits(self.general, nsn):
            return False
        return any(self._fits(d, nsn) for d in self.types)


_BR = _RegionValidator("BR")

_suggestions: dict[str, str] = {}


def fast_email(raw: str) -> EmailResult | None:
    text = raw.strip()
    m = _SIMPLE_EMAIL.fullmatch(text)
    if m is None or len(text) > 254 or text.index("@") > 64 or "--" in m.group(1):
        return None
    domain = m.group(1).lower()
    if len(domain) > 253 or any(domain == s or domain.endswith("." + s) for s in _SPECIAL):
        return None
    try:
        suggestion = _suggestions[domain]
    except KeyError:
        suggestion = _suggestions[domain] = suggest_domain(domain)
    value = text.lower()
    return EmailResult((value,), "valid", "", (), f"{value.rpartition('@')[0]}@{suggestion}" if suggestion else "")


_EXCEL_55 = re.compile(r"55(\d{10,11})")


def fast_phone(raw: str, region: str) -> PhoneResult | None:
    text = raw.strip()
    m = _BR_PHONE.fullmatch(text)
    if m is None:
        # 55 + national number typed as an Excel number: too long for a national number, so the
        # library reads the leading 55 as Brazil's country code.
        e = _EXCEL_55.fullmatch(text) if region == "BR" else None
        if e is None or e.group(1)[0] == "0":
            return None
        return _br_result(e.group(1))
    prefix, area, a, b = m.groups()
    nsn = area + a + b
    if not prefix:
        # National layout: only for region BR, and never where the library would strip a national
        # or carrier prefix (leading 0 / 9) or read a leading 55 as the country code.
        if region != "BR" or nsn[0] in "09" or nsn.startswith("55"):
            return None
    elif nsn[0] == "0":
        return None
    return _br_result(nsn)


def _br_result(nsn: str) -> PhoneResult | None:
    if _BR.is_valid(nsn):
        return PhoneResult(("+55" + nsn,), "valid")
    if len(nsn) == 10 and nsn[2] in "6789":  # a mobile from before the ninth digit
        fixed = nsn[:2] + "9" + nsn[2:]
        if _BR.is_valid(fixed):
            return PhoneResult(("+55" + fixed,), "repaired", "", (), True, "")
    return None

"""Value normalizers. Each is pure, deterministic, never raises on any text, and is called once per
distinct value (the pipeline caches), so correctness comes first.

Validity is decided by well-kept libraries (``email-validator``, ``phonenumbers``); these modules
only add what the libraries cannot know about Brazilian spreadsheets, each rewrite documented in its
module: splitting cells holding several values, ``00`` prefixes, the ninth digit, typo suggestions.
Module names are plural (``emails``, ``phones``) so nothing here can shadow the stdlib ``email``.
"""

from .custom import (
    CustomResult,
    detect_kind,
    normalize_custom_date,
    normalize_number,
    normalize_options,
    split_options,
)
from .countries import CountryResult, country_display_name, normalize_country
from .dates import DateResult, normalize_date
from .emails import EmailResult, normalize_email, suggest_domain
from .injection import needs_neutralizing, neutralize_formula
from .names import normalize_name, split_full_name
from .multi import split_values
from .phones import PhoneResult, normalize_phone, phone_region
from .tags import join_tags, split_tags

__all__ = [
    "CountryResult", "CustomResult", "DateResult", "EmailResult", "PhoneResult", "detect_kind", "join_tags",
    "country_display_name",
    "needs_neutralizing", "neutralize_formula", "normalize_country", "normalize_custom_date", "normalize_date",
    "normalize_email", "normalize_name", "normalize_number", "normalize_options", "normalize_phone",
    "phone_region", "split_full_name", "split_options", "split_tags", "split_values", "suggest_domain",
]

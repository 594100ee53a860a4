"""Value normalizers. Each is pure, never raises on any text, and is called once per distinct value."""

from .dates import DateResult, normalize_date
from .emails import EmailResult, normalize_email, suggest_domain
from .injection import needs_neutralizing, neutralize_formula
from .names import normalize_name, split_full_name
from .phones import PhoneResult, normalize_phone
from .tags import join_tags, split_tags

__all__ = [
    "DateResult", "EmailResult", "PhoneResult", "join_tags", "needs_neutralizing", "neutralize_formula",
    "normalize_date", "normalize_email", "normalize_name", "normalize_phone", "split_full_name",
    "split_tags", "suggest_domain",
]

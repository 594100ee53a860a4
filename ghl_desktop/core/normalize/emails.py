"""Email addresses: ``email-validator`` decides validity; we only split cells and suggest typo fixes.

A single address gives exactly the library's answer (normalized, then lower-cased). A cell holding
several addresses (two or more ``@`` and a separator) is split first. Domain typos of popular
providers are *suggested*, never applied: ``gmial.com`` is a syntactically valid domain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from rapidfuzz.distance import OSA

_SEPARATORS = re.compile(r"[;,/\s]+")

#: Real, popular mailbox domains (never flagged) that typos are measured against.
POPULAR_DOMAINS = (
    "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "yahoo.com", "uol.com.br",
    "bol.com.br", "terra.com.br", "ig.com.br", "icloud.com", "live.com", "msn.com", "globo.com",
    "globomail.com", "r7.com", "hotmail.com.br", "outlook.com.br", "live.com.br", "oi.com.br",
    "me.com", "mac.com", "aol.com", "gmx.com", "ymail.com", "protonmail.com", "proton.me",
    "zoho.com", "yandex.com", "mail.com", "rocketmail.com", "googlemail.com", "uolinc.com",
    "estadao.com.br", "sercomtel.com.br", "veloxmail.com.br", "pop.com.br", "zipmail.com.br",
)
_POPULAR = frozenset(POPULAR_DOMAINS)
#: Common mistyped top-level endings of the popular domains.
_TLD_TYPOS = {".con": ".com", ".cmo": ".com", ".ocm": ".com", ".om": ".com", ".co": ".com",
              ".comm": ".com", ".cm": ".com", ".vom": ".com", ".xom": ".com", ".com.bt": ".com.br",
              ".com.be": ".com.br", ".con.br": ".com.br", ".combr": ".com.br", ".br": ".com.br"}


@dataclass(frozen=True, slots=True)
class EmailResult:
    emails: tuple[str, ...]
    status: str  # "empty" | "valid" | "invalid"
    reason: str = ""
    invalid_parts: tuple[str, ...] = ()
    suggestion: str = ""


EMPTY_EMAIL = EmailResult((), "empty")


def validate_one(address: str) -> tuple[str, str]:
    """(normalized lower-cased address, "") or ("", the library's reason)."""
    try:
        return validate_email(address, check_deliverability=False).normalized.lower(), ""
    except EmailNotValidError as exc:
        return "", str(exc)
    except Exception as exc:  # the library should never raise anything else; never let a cell crash a job
        return "", f"not a valid email address ({type(exc).__name__})"


def suggest_domain(domain: str) -> str:
    """The popular domain ``domain`` is probably a typo of, or ""."""
    domain = domain.lower()
    if domain in _POPULAR or len(domain) < 5:
        return ""
    for wrong, right in _TLD_TYPOS.items():
        if domain.endswith(wrong):
            fixed = domain[: -len(wrong)] + right
            if fixed in _POPULAR:
                return fixed
    best, best_d = "", 99
    for good in POPULAR_DOMAINS:
        if abs(len(good) - len(domain)) > 2:
            continue
        d = OSA.distance(domain, good, score_cutoff=2)
        if d < best_d:
            best, best_d = good, d
    allowed = 1 if len(domain) < 9 else 2
    return best if best_d <= allowed else ""


def _split_cell(text: str) -> list[str]:
    if text.count("@") >= 2 and _SEPARATORS.search(text):
        return [p for p in _SEPARATORS.split(text) if p]
    return [text]


def normalize_email(raw: str) -> EmailResult:
    text = (raw or "").strip()
    if not text:
        return EMPTY_EMAIL
    emails: list[str] = []
    invalid: list[str] = []
    reason = suggestion = ""
    for part in _split_cell(text):
        value, why = validate_one(part)
        if value:
            if value not in emails:
                emails.append(value)
            if not suggestion:
                local, _, domain = value.rpartition("@")
                fixed = suggest_domain(domain)
                if fixed:
                    suggestion = f"{local}@{fixed}"
        else:
            invalid.append(part)
            reason = reason or why
    status = "valid" if emails else "invalid"
    return EmailResult(tuple(emails), status, reason, tuple(invalid), suggestion)

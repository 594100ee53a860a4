"""Email addresses: ``email-validator`` decides validity; we only split cells and suggest typo fixes.

A single address gives exactly the library's answer (``normalized``, then lower-cased, because GHL
matches contacts by email case-insensitively and a CRM export often shouts). A cell holding several
addresses (two or more ``@``) is split first. Domain typos of popular providers are *suggested*,
never applied: ``gmial.com`` is a syntactically valid domain, and only the person knows.

Typo detection is deliberately conservative, because a wrong "did you mean" on a real company
domain is worse than a missed typo: the domain is cut into its first label (``gmail``) and the rest
(``.com``). The rest may be fixed only from a table of known mistypings (``.con`` → ``.com``); the
label may be fixed by one edit (rapidfuzz OSA: Damerau-Levenshtein, so a swap counts once) and
only towards a provider label of five letters or more (``ms.com`` is Morgan Stanley, not ``msn``).
A domain whose label *is* a provider's (``yahoo.com.ar``, ``hotmail.fr``) is only fixed by the
table, so other countries' real provider domains are never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from rapidfuzz.distance import OSA

from .. import messages as M
from ..messages import LibraryText, Message
from .multi import GOOGLE_SEPARATOR_PATTERN

#: Real, popular mailbox domains: never flagged, and the only targets a typo is corrected to.
POPULAR_DOMAINS: tuple[str, ...] = (
    "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "yahoo.com", "uol.com.br",
    "bol.com.br", "terra.com.br", "ig.com.br", "icloud.com", "live.com", "msn.com", "globo.com",
    "globomail.com", "r7.com", "hotmail.com.br", "outlook.com.br", "live.com.br", "oi.com.br",
    "me.com", "mac.com", "aol.com", "gmx.com", "ymail.com", "protonmail.com", "proton.me",
    "zoho.com", "yandex.com", "mail.com", "rocketmail.com", "googlemail.com",
)
_POPULAR = frozenset(POPULAR_DOMAINS)

#: Real domains one edit away from a provider's label: never "corrected" (hotmart.com is Brazil's
#: biggest digital-product platform, email.com belongs to mail.com).
KNOWN_REAL_LOOKALIKES = frozenset({"email.com", "hotmart.com", "gmx.net", "gmx.de", "zohomail.com"})

#: Fuzzy label matching only towards labels this long: shorter ones collide with real domains.
_MIN_FUZZY_LABEL = 5

#: Mistyped endings → what was meant. Tried longest first; the result must be a popular domain.
SUFFIX_TYPOS: dict[str, tuple[str, ...]] = {
    ".con": (".com",), ".cmo": (".com",), ".ocm": (".com",), ".om": (".com",), ".co": (".com",),
    ".comm": (".com",), ".cm": (".com",), ".vom": (".com",), ".xom": (".com",), ".cim": (".com",),
    ".cpm": (".com",), ".coom": (".com",), ".c": (".com",), ".com.": (".com",),
    ".com.bt": (".com.br",), ".com.be": (".com.br",), ".com.brr": (".com.br",), ".com.b": (".com.br",),
    ".con.br": (".com.br",), ".co.br": (".com.br",), ".cm.br": (".com.br",), ".combr": (".com.br",),
    ".com.r": (".com.br",), ".br": (".com.br",),
    # Brazilians add ".br" to providers that have no Brazilian domain (gmail.com.br does not exist).
    ".com.br": (".com",),
}
_SUFFIXES_LONGEST_FIRST = sorted(SUFFIX_TYPOS, key=len, reverse=True)

#: label -> the endings it has among the popular domains ("hotmail" -> {".com", ".com.br"}).
_PROVIDER_SUFFIXES: dict[str, frozenset[str]] = {}
for _d in POPULAR_DOMAINS:
    _label, _, _rest = _d.partition(".")
    _PROVIDER_SUFFIXES[_label] = _PROVIDER_SUFFIXES.get(_label, frozenset()) | {"." + _rest}
_FUZZY_LABELS = tuple(lb for lb in _PROVIDER_SUFFIXES if len(lb) >= _MIN_FUZZY_LABEL)

#: Several addresses in one cell are separated by these, Google's " ::: " too (only considered
#: with two or more "@").
_STRONG_SEPARATORS = re.compile(r"[;,/|\n\r]+|" + GOOGLE_SEPARATOR_PATTERN)
_WHITESPACE = re.compile(r"\s+")
#: Stripped from both ends of a cell: a trailing "; " is export debris, not part of an address.
_SEPARATOR_JUNK = ";,/|"
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EmailResult:
    emails: tuple[str, ...]
    status: str  # "empty" | "valid" | "invalid"
    reason: Message | str = ""  # a Message when invalid
    invalid_parts: tuple[str, ...] = ()
    suggestion: str = ""


EMPTY_EMAIL = EmailResult((), "empty")


def validate_one(address: str) -> tuple[str, Message | str]:
    """(normalized lower-cased address, "") or ("", the library's reason as a message).

    Lower-casing can, for rare non-ASCII letters, yield text the library would normalize again, so
    non-ASCII results are re-validated until stable: every returned address re-validates to itself.
    """
    try:
        value = validate_email(address, check_deliverability=False).normalized.lower()
        for _ in range(3):
            if value.isascii():
                break
            again = validate_email(value, check_deliverability=False).normalized.lower()
            if again == value:
                break
            value = again
        return value, ""
    except EmailNotValidError as exc:
        return "", library_reason(str(exc))
    except Exception as exc:  # the library should never raise anything else; never let a cell crash a job
        return "", Message(M.EMAIL_NOT_VALID, type(exc).__name__)


#: email-validator's reasons, in its own words (``messages``' email entries).
_LIBRARY_REASONS = LibraryText(
    [id for id in M.CATALOGUE if id.startswith("email_validator.") and not id.startswith("email_validator.length.")],
    items={M.CATALOGUE[id].template: id for id in M.CATALOGUE if id.startswith("char.")},
)
#: The "(5 characters too many)" after the library's "is too long" reasons.
_LENGTH_REASONS = LibraryText([id for id in M.CATALOGUE if id.startswith("email_validator.length.")])
_LIBRARY_REASONS.nested = {
    M.EMAIL_LOCAL_TOO_LONG: _LENGTH_REASONS, M.EMAIL_DOMAIN_TOO_LONG: _LENGTH_REASONS,
    M.EMAIL_TOO_LONG: _LENGTH_REASONS, M.EMAIL_LABEL_TOO_LONG: _LENGTH_REASONS,
    M.EMAIL_AFTER_NORMALIZATION: _LIBRARY_REASONS,
}


def library_reason(text: str) -> Message:
    """email-validator's reason as a message with the same English (its words as they are when
    they are none of the ones the catalogue knows)."""
    return _LIBRARY_REASONS.read(text) or M.verbatim(text)


def _suffix_candidates(domain: str) -> list[tuple[str, str]]:
    """(label, ending) readings of ``domain``: as written, then with a known ending typo fixed."""
    label, dot, rest = domain.partition(".")
    out = [(label, dot + rest)] if dot else []
    for wrong in _SUFFIXES_LONGEST_FIRST:
        if domain.endswith(wrong) and len(domain) > len(wrong):
            stem = domain[: -len(wrong)]
            if "." in stem:
                continue  # "mail.gmail.co" is a sub-domain, not a mistyped provider
            out.extend((stem, right) for right in SUFFIX_TYPOS[wrong])
    return out


def suggest_domain(domain: str, *, allow_exact: bool = False) -> str:
    """The popular domain ``domain`` is probably a typo of, or "".

    ``allow_exact`` also returns ``domain`` itself when it is popular (used for repaired invalid
    addresses, where getting back to a real provider *is* the suggestion).
    """
    domain = domain.lower().strip()
    if domain in _POPULAR:
        return domain if allow_exact else ""
    if domain in KNOWN_REAL_LOOKALIKES or len(domain) < 4:
        return ""
    candidates = _suffix_candidates(domain)
    if not candidates:
        return ""
    written_label = candidates[0][0]
    for label, ending in candidates:
        if label + ending in _POPULAR:
            return label + ending
    if written_label in _PROVIDER_SUFFIXES:
        return ""  # a provider's own label with a real-looking ending (yahoo.com.ar): leave it
    for label, ending in candidates:
        best = ""
        for provider in _FUZZY_LABELS:
            if ending in _PROVIDER_SUFFIXES[provider] and OSA.distance(label, provider, score_cutoff=1) <= 1:
                if best:
                    return ""  # two providers equally close: do not guess
                best = provider
        if best:
            return best + ending
    return ""


def _repair_invalid_domain(domain: str) -> str:
    """Readings of an invalid domain a person plausibly meant: "gmail,com", "gmailcom", "gmail.com."."""
    fixed = domain.replace(",", ".").replace(";", ".")
    fixed = re.sub(r"\.{2,}", ".", fixed).strip(".")
    if "." not in fixed:
        for ending in ("combr", "com"):
            if fixed.endswith(ending) and len(fixed) > len(ending):
                fixed = fixed[: -len(ending)] + ("." + ending if ending == "com" else ".com.br")
                break
    return fixed


def suggest_address(address: str, valid: bool) -> str:
    """The corrected full address for a popular-provider domain typo, or ""."""
    local, at, domain = address.rpartition("@")
    if not at or not local:
        return ""
    if valid:
        fixed = suggest_domain(domain)
    else:
        fixed = suggest_domain(_repair_invalid_domain(domain), allow_exact=True)
    if not fixed:
        return ""
    value, _ = validate_one(f"{local}@{fixed}")
    return value


def split_cell(text: str) -> list[str]:
    """The address-like parts of one cell; a single address is never split.

    Only a cell with two or more "@" holds several addresses. It is cut on ``; , / |``, newlines and ``:::``,
    and a piece is cut on whitespace only if it still holds two "@" ("joao silva@x.com; b@y.com"
    keeps "joao silva@x.com" whole and invalid rather than inventing "silva@x.com").
    """
    if text.count("@") < 2:
        return [text]
    parts: list[str] = []
    for piece in _STRONG_SEPARATORS.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if piece.count("@") >= 2:
            parts.extend(p for p in _WHITESPACE.split(piece) if p)
        else:
            parts.append(piece)
    return parts


def trim_cell(raw: str) -> str:
    """The cell without surrounding whitespace (any Unicode space: Excel and web pages leave
    non-breaking spaces) and separator debris, and without a ``mailto:`` prefix."""
    text = _trim(raw or "")
    if _MAILTO.match(text):
        text = _trim(_MAILTO.sub("", text))
    return text


def _trim(text: str) -> str:
    while True:
        trimmed = text.strip().strip(_SEPARATOR_JUNK)
        if trimmed == text:
            return text
        text = trimmed


def normalize_email(raw: str) -> EmailResult:
    text = trim_cell(raw)
    if not text:
        return EMPTY_EMAIL
    emails: list[str] = []
    invalid: list[str] = []
    reason: Message | str = ""
    suggestion = ""
    for part in split_cell(text):
        value, why = validate_one(part)
        if value:
            if value not in emails:
                emails.append(value)
        else:
            invalid.append(part)
            reason = reason or why
        if not suggestion:
            suggestion = suggest_address(value or part, bool(value))
    status = "valid" if emails else "invalid"
    return EmailResult(tuple(emails), status, reason, tuple(invalid), suggestion)

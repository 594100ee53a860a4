"""Map source columns to GHL fields: header words first, the values as tiebreaker and fallback.

The mapping is a plain data object with a confidence per column; the window shows it and lets a
person change it, and a changed mapping is remembered per set of headers (``signature``).
Matching is on whole normalized phrases — never on substrings, so ``LASTUPDATED`` is not Last Name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Sequence

from . import fields as F
from .synonyms import (
    AMBIGUOUS_NAME,
    LEADING_QUALIFIERS,
    MEANINGLESS_WORDS,
    SYNONYMS,
    TRAILING_QUALIFIERS,
)

#: Fields that several source columns may feed (the pipeline keeps them all).
MULTI_SOURCE = frozenset({F.EMAIL, F.PHONE, F.TAGS, F.NOTES, F.ADDITIONAL_EMAILS, F.ADDITIONAL_PHONES})

_PHRASE_TO_FIELD: dict[str, str] = {}
for _field, _phrases in SYNONYMS.items():
    for _p in _phrases:
        _PHRASE_TO_FIELD.setdefault(_p, _field)

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DIGIT_EDGE = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^[\d\s().\-+/]+$")
_DATE_RE = re.compile(r"^(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}(?:[ T][\d:.]+)?)$")
_CEP_RE = re.compile(r"^\d{5}-?\d{3}$")
_NAME_RE = re.compile(r"^[^\W\d_]+(?:[\s'’.-]+[^\W\d_]+)+$")
BR_STATES = frozenset(
    "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split()
)


def normalize_header(text: str) -> str:
    """Lower-case words without accents or punctuation; camelCase and digits split; e-mail → email."""
    text = _CAMEL.sub(" ", text or "")
    text = _DIGIT_EDGE.sub(" ", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = _NON_WORD.sub(" ", text).split()
    out: list[str] = []
    for w in words:
        if w == "mail" and out and out[-1] == "e":
            out[-1] = "email"
        else:
            out.append(w)
    return " ".join(out)


def header_signature(header: Sequence[str]) -> str:
    """Same CRM export → same signature, whatever the column order, case or accents."""
    words = sorted({normalize_header(h) for h in header})
    return hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:20]


@dataclass
class ColumnMapping:
    source: str
    index: int
    field: str | None
    confidence: float
    reason: str


@dataclass
class Mapping:
    columns: list[ColumnMapping]

    def sources_for(self, field: str) -> list[int]:
        return [c.index for c in self.columns if c.field == field]

    def unmapped(self) -> list[str]:
        return [c.source for c in self.columns if c.field is None]

    def with_field(self, source: str, field: str | None) -> "Mapping":
        if field is not None and field not in F.MAPPABLE_FIELDS:
            raise ValueError(f"unknown field {field!r}")
        return Mapping([
            replace(c, field=field, confidence=1.0, reason="manual") if c.source == source else replace(c)
            for c in self.columns
        ])

    def to_dict(self) -> dict:
        return {c.source: {"field": c.field, "confidence": c.confidence} for c in self.columns}

    @classmethod
    def from_dict(cls, header: list[str], data: dict) -> "Mapping":
        cols = []
        for i, h in enumerate(header):
            entry = data.get(h) or {}
            field = entry.get("field")
            if field not in F.MAPPABLE_FIELDS:
                field = None
            conf = float(entry.get("confidence", 0.0)) if field else 0.0
            cols.append(ColumnMapping(h, i, field, round(conf, 2), "saved" if field else ""))
        return cls(cols)

    def signature(self) -> str:
        return header_signature([c.source for c in self.columns])


def match_header(text: str) -> tuple[str | None, float]:
    """(field, confidence) from the header alone; ``F.FULL_NAME`` with 0.6 for a bare "Nome"."""
    norm = normalize_header(text)
    if not norm:
        return None, 0.0
    if norm in _PHRASE_TO_FIELD:
        return _PHRASE_TO_FIELD[norm], 0.97
    if norm in AMBIGUOUS_NAME:
        return F.FULL_NAME, 0.6
    words = norm.split()
    # Strip qualifiers from either end: "Telefone 2", "E-mail 1 - Value", "Primary Email".
    stripped = False
    while len(words) > 1 and words[-1] in TRAILING_QUALIFIERS:
        words, stripped = words[:-1], True
    while len(words) > 1 and words[0] in LEADING_QUALIFIERS:
        words, stripped = words[1:], True
    if stripped:
        core = " ".join(words)
        if core in _PHRASE_TO_FIELD:
            return _PHRASE_TO_FIELD[core], 0.95
        if core in AMBIGUOUS_NAME:
            return F.FULL_NAME, 0.55
    return None, 0.0


def _is_meaningless(text: str) -> bool:
    words = normalize_header(text).split()
    return all(w in MEANINGLESS_WORDS or w.isdigit() for w in words)


def _value_profile(values: list[str]) -> dict[str, float]:
    """Share of non-empty sample values that look like each kind."""
    vals = [v.strip() for v in values if v and v.strip()]
    if not vals:
        return {}
    n = len(vals)

    def share(pred) -> float:
        return sum(1 for v in vals if pred(v)) / n

    def phone_like(v: str) -> bool:
        if not _PHONE_CHARS.match(v):
            return False
        digits = sum(c.isdigit() for c in v)
        return 8 <= digits <= 15 and not _DATE_RE.match(v) and not _CEP_RE.match(v)

    return {
        "email": share(lambda v: bool(_EMAIL_RE.match(v))),
        "phone": share(phone_like),
        "date": share(lambda v: bool(_DATE_RE.match(v))),
        "cep": share(lambda v: bool(_CEP_RE.match(v))),
        "uf": share(lambda v: v.upper() in BR_STATES),
        "name": share(lambda v: bool(_NAME_RE.match(v)) and "@" not in v),
    }


_AGREES = {
    F.EMAIL: "email", F.ADDITIONAL_EMAILS: "email", F.PHONE: "phone", F.ADDITIONAL_PHONES: "phone",
    F.DATE_OF_BIRTH: "date", F.POSTAL_CODE: "cep", F.STATE: "uf", F.FULL_NAME: "name",
}


def _decide(source: str, values: list[str]) -> tuple[str | None, float, str]:
    field, conf = match_header(source)
    prof = _value_profile(values)
    email, phone = prof.get("email", 0.0), prof.get("phone", 0.0)

    if field is not None:
        kind = _AGREES.get(field)
        # Values that strongly contradict the header win (header "Email" full of phone numbers).
        if kind == "email" and phone >= 0.6 and email < 0.2:
            return F.PHONE, 0.7, "values"
        if kind == "phone" and email >= 0.6:
            return F.EMAIL, 0.7, "values"
        if field == F.FULL_NAME and conf < 0.9:  # a bare "Nome"/"Contato": let values speak
            if email >= 0.6:
                return F.EMAIL, 0.8, "header+values"
            if phone >= 0.6:
                return F.PHONE, 0.8, "header+values"
            if prof and prof.get("name", 0.0) < 0.3 and normalize_header(source) in {"contato", "contact", "lead", "cliente", "client"}:
                return None, 0.0, ""
        if kind and prof.get(kind, 0.0) >= 0.6:
            return field, 0.99, "header+values"
        if kind in ("email", "phone", "date") and prof and prof.get(kind, 0.0) < 0.2:
            return field, round(conf * 0.7, 2), "header"  # header says so but values disagree
        return field, conf, "header"

    # No header match: values decide, for unambiguous shapes.
    if email >= 0.6:
        return F.EMAIL, round(0.5 + 0.4 * email, 2), "values"
    if phone >= 0.6:
        return F.PHONE, round(0.5 + 0.35 * phone, 2), "values"
    if _is_meaningless(source):
        if prof.get("date", 0.0) >= 0.8:
            return F.DATE_OF_BIRTH, 0.6, "values"
        if prof.get("cep", 0.0) >= 0.8:
            return F.POSTAL_CODE, 0.6, "values"
        if prof.get("name", 0.0) >= 0.8:
            return F.FULL_NAME, 0.55, "values"
    if prof.get("uf", 0.0) >= 0.9:
        return F.STATE, 0.6, "values"
    return None, 0.0, ""


def auto_map(header: list[str], rows: Sequence[Sequence[str]], *, sample_size: int = 500) -> Mapping:
    sample = rows[:sample_size]
    cols: list[ColumnMapping] = []
    for i, source in enumerate(header):
        values = [r[i] for r in sample if i < len(r)]
        field, conf, reason = _decide(source, values)
        cols.append(ColumnMapping(source, i, field, round(conf, 2), reason))
    _resolve_names(cols)
    _resolve_single_valued(cols)
    return Mapping(cols)


def _resolve_names(cols: list[ColumnMapping]) -> None:
    """A bare "Nome" beside a "Sobrenome" is the first name; never two Full Name columns."""
    has_last = any(c.field == F.LAST_NAME for c in cols)
    has_first = any(c.field == F.FIRST_NAME for c in cols)
    full = [c for c in cols if c.field == F.FULL_NAME]
    for c in full:
        ambiguous = normalize_header(c.source) in AMBIGUOUS_NAME
        if ambiguous and has_last and not has_first:
            c.field, has_first = F.FIRST_NAME, True
            c.confidence = max(c.confidence, 0.9)
    full = [c for c in cols if c.field == F.FULL_NAME]
    if len(full) > 1:
        best = max(full, key=lambda c: c.confidence)
        for c in full:
            if c is not best:
                c.field, c.confidence, c.reason = None, 0.0, ""


def _resolve_single_valued(cols: list[ColumnMapping]) -> None:
    """Two columns competing for one single-valued field: the more confident one wins."""
    by_field: dict[str, list[ColumnMapping]] = {}
    for c in cols:
        if c.field and c.field not in MULTI_SOURCE:
            by_field.setdefault(c.field, []).append(c)
    for group in by_field.values():
        if len(group) > 1:
            best = max(group, key=lambda c: (c.confidence, -c.index))
            for c in group:
                if c is not best:
                    c.field, c.confidence, c.reason = None, 0.0, ""

"""Turn mapped source rows into normalized GHL contacts, a chunk at a time.

Contact lists repeat values (the same city, company, tag, even the same phone), so every normalizer
is called once per distinct value through :class:`ValueCache`, and work goes column by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from . import fields as F
from .fastpath import fast_email, fast_phone
from .mapping import Mapping
from .normalize.injection import RISKY_STARTS
from .normalize import (
    join_tags,
    needs_neutralizing,
    normalize_date,
    normalize_email,
    normalize_name,
    normalize_phone,
    split_full_name,
    split_tags,
)
from .table import (
    EMAIL_TYPO,
    FORMULA,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    NO_CONTACT,
    PHONE_REPAIRED,
    ROW,
    ContactTable,
)

#: Fields holding free text that is copied (trimmed) from the first non-empty source column.
_TEXT_FIELDS = (F.COMPANY, F.ADDRESS, F.COUNTRY, F.WEBSITE, F.SOURCE)
#: Fields never checked for formula injection: E.164 phones legitimately start with "+".
_PHONE_FIELDS = frozenset({F.PHONE, F.ADDITIONAL_PHONES})

_SPACES = re.compile(r"\s+")
_CEP = re.compile(r"^\d{5}-?\d{3}$")


def clean_text(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


class ValueCache:
    """Memoizes each normalizer per distinct raw value for one conversion run."""

    def __init__(self, region: str) -> None:
        self.region = region
        self._caches: dict[str, dict] = {}

    def get(self, kind: str, fn: Callable, raw: str):
        cache = self._caches.setdefault(kind, {})
        try:
            return cache[raw]
        except KeyError:
            result = cache[raw] = fn(raw)
            return result

    def drop_high_cardinality(self, limit: int = 5_000) -> None:
        """Forget per-value results for kinds that barely repeat (emails and phones are mostly
        distinct): a million cached results cost hundreds of MB and save almost nothing."""
        for kind in ("email", "phone"):
            cache = self._caches.get(kind)
            if cache is not None and len(cache) > limit:
                cache.clear()

    def email(self, raw: str):
        return self.get("email", lambda v: fast_email(v) or normalize_email(v), raw)

    def phone(self, raw: str):
        region = self.region
        return self.get("phone", lambda v: fast_phone(v, region) or normalize_phone(v, region), raw)

    def name(self, raw: str) -> str:
        return self.get("name", normalize_name, raw)

    def full_name(self, raw: str) -> tuple[str, str]:
        return self.get("full_name", split_full_name, raw)

    def date(self, raw: str):
        return self.get("date", lambda v: normalize_date(v, self.region), raw)

    def tags(self, raw: str) -> tuple[str, ...]:
        return self.get("tags", split_tags, raw)


def format_postal_code(value: str, region: str) -> str:
    """Brazilian CEPs as ``01310-100``; Excel drops the leading zero of a numeric CEP, so restore it."""
    value = clean_text(value)
    if region.upper() == "BR":
        digits = re.sub(r"[\s.\-]", "", value)
        if digits.isdigit() and len(digits) in (7, 8):
            digits = digits.zfill(8)
            return f"{digits[:5]}-{digits[5:]}"
    return value


def format_state(value: str) -> str:
    value = clean_text(value)
    return value.upper() if len(value) == 2 and value.isalpha() else value


@dataclass
class SourceColumns:
    """One input file's raw cells, column-major, as read (before normalizing)."""

    path: str
    header: list[str]
    columns: list[list[str]]
    row_numbers: list[int]
    info: dict = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return len(self.row_numbers)

    def raw_row(self, index: int) -> list[str]:
        return [col[index] for col in self.columns]


def normalize_chunk(
    src: SourceColumns,
    mapping: Mapping,
    file_index: int,
    start: int,
    stop: int,
    cache: ValueCache,
) -> ContactTable:
    """Normalize rows ``start:stop`` of one source into a new :class:`ContactTable`."""
    n = stop - start
    table = ContactTable()
    table.sources = [(file_index, i) for i in range(start, stop)]
    cols = table.columns
    region = cache.region

    def source_cols(field_name: str) -> list[list[str]]:
        return [src.columns[i][start:stop] for i in mapping.sources_for(field_name)]

    # -- emails: Email columns first, then Additional Emails columns ---------------------------
    email_cols = source_cols(F.EMAIL) + source_cols(F.ADDITIONAL_EMAILS)
    email_results = [[cache.email(v) for v in col] for col in email_cols]
    primary_emails, extra_emails = [""] * n, [""] * n
    for r in range(n):
        found: list[str] = []
        for results in email_results:
            res = results[r]
            if res.status == "empty":
                continue
            for e in res.emails:
                if e not in found:
                    found.append(e)
            for part in res.invalid_parts:
                table.add_problem(r, F.EMAIL, INVALID_EMAIL, res.reason, part)
            if res.suggestion:
                table.suggestions.setdefault(r, {})[F.EMAIL] = res.suggestion
                table.add_problem(
                    r, F.EMAIL, EMAIL_TYPO, f"did you mean {res.suggestion}?"
                )
        if found:
            primary_emails[r] = found[0]
            extra_emails[r] = ", ".join(found[1:])
    cols[F.EMAIL], cols[F.ADDITIONAL_EMAILS] = primary_emails, extra_emails

    # -- phones ---------------------------------------------------------------------------
    phone_cols = source_cols(F.PHONE) + source_cols(F.ADDITIONAL_PHONES)
    phone_results = [[cache.phone(v) for v in col] for col in phone_cols]
    primary_phones, extra_phones = [""] * n, [""] * n
    extensions: dict[int, list[str]] = {}
    for r in range(n):
        found = []
        for results in phone_results:
            res = results[r]
            if res.status == "empty":
                continue
            for p in res.phones:
                if p not in found:
                    found.append(p)
            for part in res.invalid_parts:
                table.add_problem(r, F.PHONE, INVALID_PHONE, res.reason, part)
            if res.repaired:
                table.add_problem(
                    r, F.PHONE, PHONE_REPAIRED, "old 8-digit mobile: the ninth digit was added"
                )
            if res.extension:
                extensions.setdefault(r, []).append(res.extension)
        if found:
            primary_phones[r] = found[0]
            extra_phones[r] = ", ".join(found[1:])
    cols[F.PHONE], cols[F.ADDITIONAL_PHONES] = primary_phones, extra_phones

    # -- names ----------------------------------------------------------------------------
    def first_non_empty(columns: list[list[str]], fn: Callable[[str], str]) -> list[str]:
        out = [""] * n
        for col in columns:
            for r, v in enumerate(col):
                if not out[r] and v and not v.isspace():
                    out[r] = fn(v)
        return out

    first = first_non_empty(source_cols(F.FIRST_NAME), cache.name)
    last = first_non_empty(source_cols(F.LAST_NAME), cache.name)
    for col in source_cols(F.FULL_NAME):
        for r, v in enumerate(col):
            if v and not first[r]:  # "Nome completo" beside a "Sobrenome": still a first name
                f, rest = cache.full_name(v)
                first[r] = f
                if not last[r]:
                    last[r] = rest
    cols[F.FIRST_NAME], cols[F.LAST_NAME] = first, last

    # -- plain text and lightly formatted fields ----------------------------------------------
    for name in _TEXT_FIELDS:
        cols[name] = first_non_empty(source_cols(name), clean_text)
    cols[F.CITY] = first_non_empty(source_cols(F.CITY), cache.name)
    cols[F.STATE] = first_non_empty(source_cols(F.STATE), format_state)
    cols[F.POSTAL_CODE] = first_non_empty(
        source_cols(F.POSTAL_CODE), lambda v: format_postal_code(v, region)
    )

    # -- date of birth ------------------------------------------------------------------
    dob = [""] * n
    for col in source_cols(F.DATE_OF_BIRTH):
        for r, v in enumerate(col):
            if dob[r] or not v or v.isspace():
                continue
            res = cache.date(v)
            if res.status == "valid":
                dob[r] = res.value
            elif res.status == "invalid":
                table.add_problem(r, F.DATE_OF_BIRTH, INVALID_DATE, res.reason, v)
    cols[F.DATE_OF_BIRTH] = dob

    # -- tags (every tag column unioned) and notes ----------------------------------------
    tag_cols = source_cols(F.TAGS)
    if tag_cols:
        cols[F.TAGS] = [
            join_tags(t for col in tag_cols for t in cache.tags(col[r])) for r in range(n)
        ]
    else:
        cols[F.TAGS] = [""] * n
    note_cols = source_cols(F.NOTES)
    notes = [""] * n
    for r in range(n):
        parts = [clean_text(col[r]) for col in note_cols if col[r] and not col[r].isspace()]
        if r in extensions:
            parts.append("Ramal/Ext.: " + ", ".join(extensions[r]))
        notes[r] = "\n".join(parts)
    cols[F.NOTES] = notes

    flag_row_problems(table, range(n))
    return table


def risky_indexes(column: list[str], rows) -> list[int]:
    """Rows whose value in ``column`` must be neutralized (cheap first-character filter first)."""
    out = []
    for r in rows:
        v = column[r]
        if v and (v[0] in RISKY_STARTS or v[0].isspace()) and needs_neutralizing(v):
            out.append(r)
    return out


def flag_row_problems(table: ContactTable, rows) -> None:
    """Row-level checks shared by normalizing and by review edits: contactability and formulas."""
    rows = list(rows)
    for r in rows:
        if not table.has_contact(r):
            table.add_problem(r, ROW, NO_CONTACT, "no name, email or phone: GHL cannot import it")
    for name in F.GHL_COLUMNS:
        if name in _PHONE_FIELDS:
            continue
        for r in risky_indexes(table.columns[name], rows):
            table.add_problem(
                r, name, FORMULA, "starts like a spreadsheet formula; exported with a leading '"
            )


def flagged_fields() -> Sequence[str]:
    """Fields the export neutralizes (every column but the E.164 phone columns)."""
    return [c for c in F.GHL_COLUMNS if c not in _PHONE_FIELDS]

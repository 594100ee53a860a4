"""Review edits: a person fixes a cell by hand, excludes a row, or accepts a suggested fix.

An edited value goes through the same rules as the file's values did (so a typed phone becomes
E.164, a bad email stays flagged), and row-level checks are re-run. Each change returns a snapshot of
the row as it was, which is all an undo needs.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from . import messages as M
from . import schema as F
from .assemble import (
    PLAIN_KINDS,
    REPAIRED_MESSAGE,
    ValueCache,
    clean_text,
    flag_row_problems,
    plain_value,
)
from .messages import Message
from .normalize import join_tags, phone_region, split_tags
from .table import (
    EMAIL_TYPO,
    FORMULA,
    INVALID_COUNTRY,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    INVALID_VALUE,
    NO_CONTACT,
    PHONE_REPAIRED,
    ContactTable,
    Problem,
)

@dataclass
class RowSnapshot:
    row: int
    values: dict[str, str]
    problems: dict[str, list[Problem]] | None
    suggestions: dict[str, str] | None
    excluded: bool


def snapshot(table: ContactTable, row: int) -> RowSnapshot:
    return RowSnapshot(
        row,
        table.row_dict(row),
        copy.deepcopy(table.problems.get(row)),
        copy.deepcopy(table.suggestions.get(row)),
        row in table.excluded,
    )


def restore(table: ContactTable, snap: RowSnapshot) -> None:
    for c, v in snap.values.items():
        table.columns[c][snap.row] = v
    for attr, value in (("problems", snap.problems), ("suggestions", snap.suggestions)):
        target = getattr(table, attr)
        if value:
            target[snap.row] = copy.deepcopy(value)
        else:
            target.pop(snap.row, None)
    if snap.excluded:
        table.excluded.add(snap.row)
    else:
        table.excluded.discard(snap.row)


def _normalize_cell(
    kind: str, text: str, cache: ValueCache, region: str | None = None, custom: bool = False
) -> tuple[str, list[Problem], str]:
    """(value, problems, suggestion) for one typed value of a field of ``kind`` (``custom``: a
    custom field's), under the import rules; a phone is read in ``region`` (the row's country;
    None: the default region)."""
    text = text or ""
    if not text.strip():
        return "", [], ""
    if kind in (F.EMAIL_KIND, F.EMAIL_LIST):
        res = cache.email(text)
        probs = [Problem(INVALID_EMAIL, res.reason, p) for p in res.invalid_parts]
        if res.suggestion:
            probs.append(Problem(EMAIL_TYPO, Message(M.DID_YOU_MEAN, res.suggestion), text))
        return ", ".join(res.emails), probs, res.suggestion
    if kind in (F.PHONE_KIND, F.PHONE_LIST):
        res = cache.phone(text, region)
        probs = [Problem(INVALID_PHONE, res.reason, p) for p in res.invalid_parts]
        if res.repaired:
            probs.append(Problem(PHONE_REPAIRED, REPAIRED_MESSAGE, text))
        return ", ".join(res.phones), probs, ""
    if kind == F.DATE:
        res = cache.custom_date(text) if custom else cache.date(text)
        probs = [Problem(INVALID_DATE, res.reason, text)] if res.status == "invalid" else []
        return res.value, probs, ""
    if kind in (F.NUMBER, F.MONEY):
        res = cache.number(text)
        probs = [Problem(INVALID_VALUE, res.reason, text)] if res.status == "invalid" else []
        return res.value, probs, ""
    if kind == F.OPTIONS:
        return cache.options(text), [], ""
    if kind == F.COUNTRY:
        res = cache.country(text)
        probs = [Problem(INVALID_COUNTRY, res.reason, text.strip())] if res.status == "invalid" else []
        return res.value, probs, ""
    if kind == F.NAME:
        return cache.name(text), [], ""
    if kind in PLAIN_KINDS:
        return plain_value(kind, text, cache.region), [], ""
    if kind == F.TAGS_KIND:
        return join_tags(split_tags(text)), [], ""
    if kind == F.NOTES_KIND:
        return text.strip(), [], ""
    return clean_text(text), [], ""


def edit_cell(
    table: ContactTable, row: int, field: str, text: str, cache: ValueCache
) -> RowSnapshot:
    """Set ``field`` of ``row`` from typed ``text``, re-validated; returns the undo snapshot."""
    before = snapshot(table, row)
    fld = table.schema[field]
    value, probs, suggestion = _normalize_cell(fld.kind, text, cache, _row_region(table, row, cache), fld.custom)
    if field in (F.EMAIL, F.PHONE) and ", " in value:
        # Several valid addresses/numbers typed in the main cell: the rest become additional ones.
        first, rest = value.split(", ", 1)
        extra = F.ADDITIONAL_EMAILS if field == F.EMAIL else F.ADDITIONAL_PHONES
        existing = table.columns[extra][row]
        table.columns[extra][row] = ", ".join(dict.fromkeys(rest.split(", ") + (existing.split(", ") if existing else [])))
        value = first
    table.columns[field][row] = value
    row_probs = table.problems.setdefault(row, {})
    row_probs[field] = probs
    if suggestion:
        table.suggestions.setdefault(row, {})[field] = suggestion
    elif field in table.suggestions.get(row, {}):
        del table.suggestions[row][field]
    _recheck_row(table, row)
    return before


def _row_region(table: ContactTable, row: int, cache: ValueCache) -> str:
    """The region a row's phones are read in: its country's, as when the file was read."""
    country = next((table.columns[f.name][row] for f in table.schema if f.kind == F.COUNTRY and f.exported), "")
    return phone_region(country, cache.region)


def _recheck_row(table: ContactTable, row: int) -> None:
    """Drop row-level and formula flags, then run the shared row checks again."""
    probs = table.problems.get(row, {})
    for fld in list(probs):
        probs[fld] = [p for p in probs[fld] if p.kind not in (FORMULA, NO_CONTACT)]
        if not probs[fld]:
            del probs[fld]
    flag_row_problems(table, [row])
    if not table.problems.get(row):
        table.problems.pop(row, None)
    if not table.suggestions.get(row):
        table.suggestions.pop(row, None)


def accept_suggestion(table: ContactTable, row: int, field: str, cache: ValueCache) -> RowSnapshot | None:
    """Apply the suggested fix (e.g. ``maria@gmial.com`` → ``maria@gmail.com``); None if there is none."""
    suggestion = table.suggestions.get(row, {}).get(field)
    if not suggestion:
        return None
    return edit_cell(table, row, field, suggestion, cache)


def set_excluded(table: ContactTable, row: int, excluded: bool) -> RowSnapshot:
    before = snapshot(table, row)
    if excluded:
        table.excluded.add(row)
    else:
        table.excluded.discard(row)
    return before

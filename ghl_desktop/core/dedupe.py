"""Merge rows that are the same person: they share a normalized email or an E.164 phone.

Shared keys chain (A shares an email with B, B a phone with C: one contact), so groups come from a
union-find over the keys. The first row of a group is kept; for each field the first non-empty value
wins, and tags, extra emails and extra phones are unioned. Problems that the merge resolved (an
invalid email when another row supplied a valid one) are dropped; the rest travel with the contact.
"""

from __future__ import annotations

from . import fields as F
from .normalize import join_tags, split_tags
from .table import ERROR_KINDS, NO_CONTACT, ContactTable

_UNION_FIELDS = {F.TAGS, F.ADDITIONAL_EMAILS, F.ADDITIONAL_PHONES, F.NOTES}


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def _keys(table: ContactTable, row: int):
    cols = table.columns
    for e in [cols[F.EMAIL][row], *_split_list(cols[F.ADDITIONAL_EMAILS][row])]:
        if e:
            yield "e:" + e
    for p in [cols[F.PHONE][row], *_split_list(cols[F.ADDITIONAL_PHONES][row])]:
        if p:
            yield "p:" + p


def duplicate_groups(table: ContactTable) -> list[list[int]]:
    """Rows grouped by identity, each group in row order, groups ordered by their first row."""
    parent = list(range(len(table)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, int] = {}
    for r in range(len(table)):
        for key in _keys(table, r):
            other = owner.setdefault(key, r)
            if other != r:
                a, b = find(other), find(r)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for r in range(len(table)):
        groups.setdefault(find(r), []).append(r)
    return sorted(groups.values(), key=lambda g: g[0])


def merge_duplicates(table: ContactTable) -> tuple[ContactTable, int]:
    """Return the merged table and how many rows were merged into others."""
    groups = duplicate_groups(table)
    if len(groups) == len(table):
        return table, 0
    out = table.take([g[0] for g in groups])
    merged_count = 0
    for new_row, group in enumerate(groups):
        if len(group) == 1:
            continue
        merged_count += len(group) - 1
        _merge_into(out, new_row, table, group)
    return out, merged_count


def _merge_into(out: ContactTable, new_row: int, table: ContactTable, group: list[int]) -> None:
    cols = table.columns
    values: dict[str, str] = {}
    for name in F.GHL_COLUMNS:
        if name in _UNION_FIELDS:
            continue
        values[name] = next((cols[name][r] for r in group if cols[name][r]), "")

    def union(name: str, exclude: str = "") -> str:
        seen: list[str] = []
        for r in group:
            for v in _split_list(cols[name][r]):
                if v != exclude and v not in seen:
                    seen.append(v)
        return ", ".join(seen)

    # Emails/phones of the other rows that did not win become additional ones.
    for main, extra in ((F.EMAIL, F.ADDITIONAL_EMAILS), (F.PHONE, F.ADDITIONAL_PHONES)):
        extras = [cols[main][r] for r in group if cols[main][r] and cols[main][r] != values[main]]
        joined = ", ".join(dict.fromkeys(extras + _split_list(union(extra, values[main]))))
        values[extra] = joined
    values[F.TAGS] = join_tags(t for r in group for t in split_tags(cols[F.TAGS][r]))
    notes: list[str] = []
    for r in group:
        if cols[F.NOTES][r] and cols[F.NOTES][r] not in notes:
            notes.append(cols[F.NOTES][r])
    values[F.NOTES] = "\n".join(notes)

    for name, v in values.items():
        out.columns[name][new_row] = v

    # Problems: keep those not resolved by the merge.
    problems: dict[str, list] = {}
    suggestions: dict[str, str] = {}
    for r in group:
        for fld, probs in table.problems.get(r, {}).items():
            for p in probs:
                if p.kind == NO_CONTACT:
                    continue
                if p.kind in ERROR_KINDS:
                    keep = not values.get(fld, "")
                else:  # warnings belong to the value that won
                    keep = bool(fld) and values.get(fld) == cols[fld][r]
                if keep:
                    problems.setdefault(fld, []).append(p)
        for fld, s in table.suggestions.get(r, {}).items():
            if values.get(fld) == cols[fld][r]:
                suggestions.setdefault(fld, s)
    if problems:
        out.problems[new_row] = problems
    else:
        out.problems.pop(new_row, None)
    if suggestions:
        out.suggestions[new_row] = suggestions
    else:
        out.suggestions.pop(new_row, None)
    out.merged[new_row] = [table.sources[r] for r in group[1:]]

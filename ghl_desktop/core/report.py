"""The conversion report: how clean the list is, as plain JSON-ready data.

Counts come from the final table, so the CLI's report, the window's report panel (recomputed after
every review edit) and the chart all speak of the same contacts. A row with a problem, and each kind
of problem, is counted in rows as ``tofix`` defines them: ``rejected_rows`` is the number of rows
the review's "With problems" filter, the export dialog and the file of rows to fix show, and
``invalid_emails``/``invalid_phones``/``invalid_dates`` are rows with such a value.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import chain, islice

from . import schema as F
from .table import (
    _SCAN,
    EMAIL_TYPO,
    ERROR_KINDS,
    FORMULA,
    INVALID_COUNTRY,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    INVALID_VALUE,
    PHONE_REPAIRED,
    ContactTable,
)

# At a million rows a per-row method call (``has_contact``, ``row_problems``, ``is_exported``) costs
# about a second, and the report is recomputed after every review edit. So counts over exported rows
# are "all rows minus the few that are not exported" (``ContactTable.not_exported_rows``), column
# counts are C-level loops, and the sparse problems are walked once (``_problem_rows``).

_COUNTED = (INVALID_EMAIL, INVALID_PHONE, INVALID_DATE, INVALID_VALUE, INVALID_COUNTRY, PHONE_REPAIRED, EMAIL_TYPO,
           FORMULA)
#: Why a column was left out, as the report says it (by ``mapping.ColumnMapping.reason``).
LEFT_OUT_REASONS = {"label": "label", "empty": "empty", "manual": "ignored", "": "unmapped"}
#: Per kind of value: its chart row, its main field, the problem that makes it invalid.
_QUALITY = (("email", F.EMAIL, INVALID_EMAIL), ("phone", F.PHONE, INVALID_PHONE),
            ("date", F.DATE_OF_BIRTH, INVALID_DATE))


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


# ``_SCAN`` (imported from the table: one bound for every scan): items per C-level count (``_filled``,
# ``_filled_exported``, ``_exported_among``); the report is made on the job's thread while the
# window runs, and one C call over a million rows holds the GIL.


def _slices(items):
    """Lists of at most ``_SCAN`` of ``items`` (any iterable), in order."""
    items = iter(items)
    while part := list(islice(items, _SCAN)):
        yield part


def _problem_rows(table: ContactTable) -> dict[tuple[str, str], list[int]]:
    """(field, kind) -> the row of each such problem (a row twice if it has two), in one pass."""
    found: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for r, fields in table.problems.items():
        for fld, probs in fields.items():
            for p in probs:
                found[fld, p.kind].append(r)
    return found


def _exported_among(rows, gone: set[int], n: int) -> set[int]:
    """The distinct ``rows`` that are exported, given the rows that are not and the table length."""
    distinct: set[int] = set()
    for part in _slices(rows):
        distinct.update(part)
    rows = distinct
    if gone:
        rows -= gone
    if rows and (min(rows) < 0 or max(rows) >= n):
        rows = {r for r in rows if 0 <= r < n}
    return rows


def _filled(col: list[str], rows) -> int:
    """How many of ``rows`` have a value in ``col``."""
    return sum(len(list(filter(None, map(col.__getitem__, part)))) for part in _slices(rows))


def _filled_exported(table: ContactTable, fld: str, gone: list[int]) -> int:
    """How many exported rows have a value in ``fld`` (cells are strings: empty is "")."""
    col = table.columns[fld]
    n = len(table)
    empty = sum(col[a:min(a + _SCAN, n)].count("") for a in range(0, n, _SCAN))
    return n - empty - _filled(col, gone)


def _count(found: dict[tuple[str, str], list[int]]) -> dict[str, int]:
    """Per kind: the rows with such a problem for an error kind (``tofix.problem_kinds``), the
    problems themselves for a warning (two repaired phones in a row are two repairs)."""
    counts = dict.fromkeys(_COUNTED, 0)
    rows_of: defaultdict[str, set[int]] = defaultdict(set)
    for (_, kind), rows in found.items():
        if kind in ERROR_KINDS:
            for part in _slices(rows):
                rows_of[kind].update(part)
        elif kind in counts:
            counts[kind] += len(rows)
    for kind, rows in rows_of.items():
        if kind in counts:
            counts[kind] = len(rows)
    return counts


def count_problems(table: ContactTable) -> dict[str, int]:
    return _count(_problem_rows(table))


def _quality(
    n: int,
    table: ContactTable,
    gone: list[int],
    found: dict[tuple[str, str], list[int]],
    filled: dict[str, int],
) -> dict[str, dict[str, int]]:
    """Per exported contact and kind of value: valid, repaired, invalid (the row has such an
    invalid value, wherever in the row: the same rows the report counts) or missing."""
    gone_set = set(gone)
    n_exported = n - len(gone)
    out = {}
    for key, fld, bad in _QUALITY:
        if fld not in table.columns:
            continue
        col = table.columns[fld]
        invalid_rows = _exported_among(chain.from_iterable(rows for (_, kind), rows in found.items() if kind == bad),
                                       gone_set, n)
        repaired_rows = _exported_among(found.get((fld, PHONE_REPAIRED), ()), gone_set, n) - invalid_rows
        repaired = _filled(col, repaired_rows)
        invalid = len(invalid_rows)
        valid = filled[fld] - repaired - _filled(col, invalid_rows)
        out[key] = {
            "valid": valid,
            "repaired": repaired,
            "invalid": invalid,
            "missing": n_exported - valid - repaired - invalid,
        }
    return out


def quality_breakdown(table: ContactTable, exported: list[int] | None = None) -> dict[str, dict[str, int]]:
    """Per exported contact: is its email / phone valid, repaired, invalid or missing (for the chart)."""
    quality = [q for q in _QUALITY if q[1] in table.columns]
    if exported is None:
        gone = table.not_exported_rows()
        filled = {fld: _filled_exported(table, fld, gone) for _, fld, _ in quality}
        return _quality(len(table), table, gone, _problem_rows(table), filled)
    out = {key: {"valid": 0, "repaired": 0, "invalid": 0, "missing": 0} for key, _, _ in quality}
    cols = table.columns
    for r in exported:
        probs = table.problems.get(r, {})
        for key, fld, bad in quality:
            if any(p.kind == bad for ps in probs.values() for p in ps):
                out[key]["invalid"] += 1
            elif cols[fld][r]:
                kinds = {p.kind for p in probs.get(fld, ())}
                out[key]["repaired" if PHONE_REPAIRED in kinds else "valid"] += 1
            else:
                out[key]["missing"] += 1
    return out


def _counts(table: ContactTable, fields_filled: dict[str, int], gone: list[int], total_rows: int,
            duplicates_merged: int) -> dict:
    """The report's counts, in the report's order (the rows read and merged as given; exported
    rows, the percentages, the problem counts and excluded rows from the table), and last the
    quality breakdown. ``fields_filled``: per field, at least the quality breakdown's, the
    exported rows with a value (``_filled_exported``); ``gone``: ``table.not_exported_rows()``."""
    n = len(table)
    n_exported = n - len(gone)
    filled = {fld: fields_filled[fld] for _, fld, _ in _QUALITY if fld in table.columns}
    found = _problem_rows(table)
    counts = _count(found)
    # The rows with a problem (``tofix.rows_with_problems``): every row holding an error.
    error_rows = chain.from_iterable(rows for (_, kind), rows in found.items() if kind in ERROR_KINDS)
    rejected = len(_exported_among(error_rows, set(), n))
    return {
        "total_rows": total_rows,
        "exported_rows": n_exported,
        "pct_with_email": _pct(filled.get(F.EMAIL, 0), n_exported),
        "pct_with_phone": _pct(filled.get(F.PHONE, 0), n_exported),
        "invalid_emails": counts[INVALID_EMAIL],
        "invalid_phones": counts[INVALID_PHONE],
        "phones_repaired": counts[PHONE_REPAIRED],
        "duplicates_merged": duplicates_merged,
        "rejected_rows": rejected,
        "invalid_dates": counts[INVALID_DATE],
        "invalid_values": counts[INVALID_VALUE],
        "invalid_countries": counts[INVALID_COUNTRY],
        "email_typos": counts[EMAIL_TYPO],
        "formulas_neutralized": counts[FORMULA],
        "excluded_rows": len(table.excluded),
        "quality": _quality(n, table, gone, found, filled),
    }


def build_report(
    table: ContactTable,
    *,
    total_rows: int,
    duplicates_merged: int,
    mappings: list[dict],
    unmapped: list[list[str]],
    inputs: list[dict],
    seconds: float,
) -> dict:
    """The report JSON. ``mappings``/``unmapped``/``inputs`` are per input file, in order."""
    gone = table.not_exported_rows()  # usually a handful
    # Each column counted once: the quality breakdown and the percentages read their fields' counts here.
    fields_filled = {fld: _filled_exported(table, fld, gone) for fld in table.columns}
    counts = _counts(table, fields_filled, gone, total_rows, duplicates_merged)
    quality = counts.pop("quality")  # it comes after the mappings
    merged_mapping: dict[str, dict] = {}
    for m in mappings:
        for source, entry in m.items():
            merged_mapping.setdefault(source, entry)
    unmapped_all = list(dict.fromkeys(c for cols_ in unmapped for c in cols_))
    return {
        **counts,
        "mapping": merged_mapping,
        "unmapped_columns": unmapped_all,
        "custom_fields": custom_fields(table, mappings, fields_filled),
        "left_out_columns": left_out_columns(mappings),
        "quality": quality,
        # Per exported field of the table's schema, in order: how many exported rows have a value.
        "fields_filled": fields_filled,
        "inputs": [
            {**info, "mapping": m, "unmapped_columns": u}
            for info, m, u in zip(inputs, mappings, unmapped)
        ],
        "seconds": round(seconds, 3),
    }


def custom_fields(table: ContactTable, mappings: list[dict], filled: dict[str, int]) -> list[dict]:
    """Each custom field of the table, in export order: its name, the source column it keeps (the
    first file's, if several files have it), its kind, and how many exported rows have a value."""
    sources: dict[str, str] = {}
    for m in mappings:
        for source, entry in m.items():
            if entry.get("custom") and entry.get("field"):
                sources.setdefault(entry["field"], source)
    return [{"name": f.name, "source": sources.get(f.name, f.name), "kind": f.kind, "filled": filled.get(f.name, 0)}
            for f in table.schema.custom]


def left_out_columns(mappings: list[dict]) -> list[dict]:
    """The source columns not exported and why: ``label`` (it only describes another column),
    ``empty`` (no value at all), ``ignored`` (a person chose so), ``unmapped`` (custom fields off)."""
    out: dict[str, str] = {}
    for m in mappings:
        for source, entry in m.items():
            if entry.get("field") is None:
                out.setdefault(source, LEFT_OUT_REASONS.get(entry.get("reason", ""), "unmapped"))
    return [{"source": s, "reason": r} for s, r in out.items()]


#: The report's counts that add up over row chunks (``chunk_counts``): a running job's live
#: report is their sum.
CHUNK_SUMMED = ("total_rows", "exported_rows", "invalid_emails", "invalid_phones", "phones_repaired",
                "rejected_rows", "invalid_dates", "invalid_values", "invalid_countries", "email_typos",
                "formulas_neutralized", "excluded_rows")


def chunk_counts(table: ContactTable) -> dict:
    """The additive counts of one chunk of rows (``CHUNK_SUMMED`` and the quality breakdown).

    Computed where the chunk is made (the job's thread), so the window only adds numbers up. Only
    the quality breakdown's fields are counted (the per-field counts of the other columns, custom
    ones included, are no part of a live report).
    """
    gone = table.not_exported_rows()
    quality_filled = {fld: _filled_exported(table, fld, gone) for _, fld, _ in _QUALITY if fld in table.columns}
    part = _counts(table, quality_filled, gone, len(table), 0)
    out = {k: int(part[k]) for k in CHUNK_SUMMED}
    out["quality"] = part["quality"]
    return out

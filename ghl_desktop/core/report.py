"""The conversion report: how clean the list is, as plain JSON-ready data.

Counts come from the final table, so the CLI's report, the window's report panel (recomputed after
every review edit) and the chart all speak of the same contacts.
"""

from __future__ import annotations

from . import fields as F
from .table import (
    EMAIL_TYPO,
    FORMULA,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    PHONE_REPAIRED,
    ContactTable,
)


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


def count_problems(table: ContactTable) -> dict[str, int]:
    counts = {k: 0 for k in (INVALID_EMAIL, INVALID_PHONE, INVALID_DATE, PHONE_REPAIRED, EMAIL_TYPO, FORMULA)}
    for fields in table.problems.values():
        for probs in fields.values():
            for p in probs:
                if p.kind in counts:
                    counts[p.kind] += 1
    return counts


def quality_breakdown(table: ContactTable, exported: list[int] | None = None) -> dict[str, dict[str, int]]:
    """Per exported contact: is its email / phone valid, repaired, invalid or missing (for the chart)."""
    out = {
        "email": {"valid": 0, "repaired": 0, "invalid": 0, "missing": 0},
        "phone": {"valid": 0, "repaired": 0, "invalid": 0, "missing": 0},
    }
    cols = table.columns
    for r in table.exported_rows() if exported is None else exported:
        probs = table.problems.get(r, {})
        for key, fld, bad in (("email", F.EMAIL, INVALID_EMAIL), ("phone", F.PHONE, INVALID_PHONE)):
            kinds = {p.kind for p in probs.get(fld, ())}
            if cols[fld][r]:
                out[key]["repaired" if PHONE_REPAIRED in kinds else "valid"] += 1
            elif bad in kinds:
                out[key]["invalid"] += 1
            else:
                out[key]["missing"] += 1
    return out


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
    exported = table.exported_rows()
    cols = table.columns
    with_email = sum(1 for r in exported if cols[F.EMAIL][r])
    with_phone = sum(1 for r in exported if cols[F.PHONE][r])
    counts = count_problems(table)
    exported_set = set(exported)
    rejected = len(table) - len(exported) + sum(
        1 for r in table.problems if r in exported_set and table.has_error(r)
    )

    merged_mapping: dict[str, dict] = {}
    for m in mappings:
        for source, entry in m.items():
            merged_mapping.setdefault(source, entry)
    unmapped_all = list(dict.fromkeys(c for cols_ in unmapped for c in cols_))
    return {
        "total_rows": total_rows,
        "exported_rows": len(exported),
        "pct_with_email": _pct(with_email, len(exported)),
        "pct_with_phone": _pct(with_phone, len(exported)),
        "invalid_emails": counts[INVALID_EMAIL],
        "invalid_phones": counts[INVALID_PHONE],
        "phones_repaired": counts[PHONE_REPAIRED],
        "duplicates_merged": duplicates_merged,
        "rejected_rows": rejected,
        "invalid_dates": counts[INVALID_DATE],
        "email_typos": counts[EMAIL_TYPO],
        "formulas_neutralized": counts[FORMULA],
        "excluded_rows": len(table.excluded),
        "mapping": merged_mapping,
        "unmapped_columns": unmapped_all,
        "quality": quality_breakdown(table, exported),
        "inputs": [
            {**info, "mapping": m, "unmapped_columns": u}
            for info, m, u in zip(inputs, mappings, unmapped)
        ],
        "seconds": round(seconds, 3),
    }

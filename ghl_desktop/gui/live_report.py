"""A running job's report, summed chunk by chunk from core's own per-chunk report.

Each chunk's counts come from ``core.report.build_report`` (no rule is re-implemented here); this
only adds them up so the report panel and chart move while a long job runs. The job's final
report (after duplicates are merged) replaces it.
"""

from __future__ import annotations

from ..core.report import build_report
from ..core.table import ContactTable

SUMMED = ("total_rows", "exported_rows", "invalid_emails", "invalid_phones", "phones_repaired",
          "rejected_rows", "invalid_dates", "email_typos", "formulas_neutralized", "excluded_rows")


class LiveReport:
    def __init__(self) -> None:
        self.counts = {k: 0 for k in SUMMED}
        self.quality = {k: {"valid": 0, "repaired": 0, "invalid": 0, "missing": 0} for k in ("email", "phone")}

    def add(self, chunk: ContactTable) -> None:
        part = build_report(chunk, total_rows=len(chunk), duplicates_merged=0, mappings=[], unmapped=[],
                            inputs=[], seconds=0.0)
        for k in SUMMED:
            self.counts[k] += int(part.get(k, 0))
        for kind, counts in part["quality"].items():
            for k, v in counts.items():
                self.quality[kind][k] += int(v)

    def report(self) -> dict:
        exported = self.counts["exported_rows"]

        def pct(kind: str) -> float:
            q = self.quality[kind]
            return round(100.0 * (q["valid"] + q["repaired"]) / exported, 2) if exported else 0.0

        return {**self.counts, "duplicates_merged": 0, "pct_with_email": pct("email"),
                "pct_with_phone": pct("phone"),
                "quality": {k: dict(v) for k, v in self.quality.items()}}

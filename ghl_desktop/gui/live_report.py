"""A running job's report, summed chunk by chunk from core's own per-chunk counts.

Each chunk's counts come from ``core.report.chunk_counts`` (no rule is re-implemented here), worked
out in the job's thread; this only adds them up so the report panel and chart move while a long
job runs. The job's final report (after duplicates are merged) replaces it.
"""

from __future__ import annotations

from ..core import CHUNK_SUMMED


class LiveReport:
    def __init__(self) -> None:
        self.counts = {k: 0 for k in CHUNK_SUMMED}
        self.quality = {k: {"valid": 0, "repaired": 0, "invalid": 0, "missing": 0} for k in ("email", "phone", "date")}

    def add(self, part: dict) -> None:
        """Add a chunk's counts (``chunk_counts`` of it, worked out in the job's thread)."""
        for k in CHUNK_SUMMED:
            self.counts[k] += int(part.get(k, 0))
        for kind, kind_counts in part["quality"].items():
            mine = self.quality.setdefault(kind, {"valid": 0, "repaired": 0, "invalid": 0, "missing": 0})
            for k, v in kind_counts.items():
                mine[k] = mine.get(k, 0) + int(v)

    def report(self) -> dict:
        exported = self.counts["exported_rows"]

        def pct(kind: str) -> float:
            q = self.quality[kind]
            return round(100.0 * (q["valid"] + q["repaired"]) / exported, 2) if exported else 0.0

        return {**self.counts, "duplicates_merged": 0, "pct_with_email": pct("email"),
                "pct_with_phone": pct("phone"),
                "quality": {k: dict(v) for k, v in self.quality.items()}}

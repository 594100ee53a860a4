"""The normalized contact table: GHL columns plus what a person needs to review them.

Column-major (one ``list[str]`` per GHL column) because normalization and export work a column at a
time and a million rows of per-row dicts would cost seconds and gigabytes. Review information is
sparse: most rows have no problem, so problems and suggestions are dicts keyed by row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import EMAIL, FIRST_NAME, GHL_COLUMNS, LAST_NAME, PHONE

#: Problem kinds. "Errors" make a value unusable; the others are warnings a person may want to see.
INVALID_EMAIL = "invalid_email"
INVALID_PHONE = "invalid_phone"
INVALID_DATE = "invalid_date"
NO_CONTACT = "no_contact"  # row has no name, email or phone: GHL would refuse it
EMAIL_TYPO = "email_typo"
FORMULA = "formula"  # a cell that spreadsheet programs would run as a formula; neutralized on export
PHONE_REPAIRED = "phone_repaired"

ERROR_KINDS = frozenset({INVALID_EMAIL, INVALID_PHONE, INVALID_DATE, NO_CONTACT})

#: The field key used for a problem that concerns the whole row.
ROW = ""


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    message: str
    #: The offending text as found (for an invalid value, which is not kept in the column).
    value: str = ""

    @property
    def is_error(self) -> bool:
        return self.kind in ERROR_KINDS


@dataclass
class ContactTable:
    """Normalized contacts, one per row, in GHL column order."""

    columns: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in GHL_COLUMNS})
    #: Per row: (input file index, 0-based data-row index in that file) of the row it came from.
    sources: list[tuple[int, int]] = field(default_factory=list)
    #: row -> field (or ROW) -> problems found while normalizing.
    problems: dict[int, dict[str, list[Problem]]] = field(default_factory=dict)
    #: row -> field -> a suggested replacement (e.g. an email domain typo fix), never applied silently.
    suggestions: dict[int, dict[str, str]] = field(default_factory=dict)
    #: row -> other source rows (file index, row index) merged into it as duplicates.
    merged: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    #: rows a person excluded during review.
    excluded: set[int] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.sources)

    # -- reading -----------------------------------------------------------------------------
    def value(self, row: int, column: str) -> str:
        return self.columns[column][row]

    def row_dict(self, row: int) -> dict[str, str]:
        return {c: self.columns[c][row] for c in GHL_COLUMNS}

    def row_problems(self, row: int) -> list[tuple[str, Problem]]:
        return [(f, p) for f, probs in self.problems.get(row, {}).items() for p in probs]

    def has_error(self, row: int) -> bool:
        return any(p.is_error for _, p in self.row_problems(row))

    def has_contact(self, row: int) -> bool:
        """GHL needs at least a name, an email or a phone to create a contact."""
        cols = self.columns
        return bool(
            cols[FIRST_NAME][row] or cols[LAST_NAME][row] or cols[EMAIL][row] or cols[PHONE][row]
        )

    def is_exported(self, row: int) -> bool:
        return row not in self.excluded and self.has_contact(row)

    def exported_rows(self) -> list[int]:
        cols = self.columns
        first, last, email, phone = cols[FIRST_NAME], cols[LAST_NAME], cols[EMAIL], cols[PHONE]
        excluded = self.excluded
        return [
            r for r in range(len(self.sources))
            if (first[r] or last[r] or email[r] or phone[r]) and r not in excluded
        ]

    # -- building ----------------------------------------------------------------------------
    def add_problem(self, row: int, column: str, kind: str, message: str, value: str = "") -> None:
        self.problems.setdefault(row, {}).setdefault(column, []).append(Problem(kind, message, value))

    def extend(self, other: "ContactTable") -> None:
        """Append ``other``'s rows (used to assemble chunks); its row numbers are shifted."""
        offset = len(self)
        for c in GHL_COLUMNS:
            self.columns[c].extend(other.columns[c])
        self.sources.extend(other.sources)
        for attr in ("problems", "suggestions", "merged"):
            mine = getattr(self, attr)
            for r, v in getattr(other, attr).items():
                mine[r + offset] = v
        self.excluded.update(r + offset for r in other.excluded)

    def take(self, rows: list[int]) -> "ContactTable":
        """A new table with just ``rows`` (in that order), review data carried along."""
        out = ContactTable()
        for c in GHL_COLUMNS:
            col = self.columns[c]
            out.columns[c] = [col[r] for r in rows]
        out.sources = [self.sources[r] for r in rows]
        for new, old in enumerate(rows):
            for attr in ("problems", "suggestions", "merged"):
                v = getattr(self, attr).get(old)
                if v:
                    getattr(out, attr)[new] = v
            if old in self.excluded:
                out.excluded.add(new)
        return out

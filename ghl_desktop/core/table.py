"""The normalized contact table: GHL columns plus what a person needs to review them.

Column-major (one ``list[str]`` per GHL column) because normalization and export work a column at a
time and a million rows of per-row dicts would cost seconds and gigabytes. Review information is
sparse: most rows have no problem, so problems and suggestions are dicts keyed by row.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter, not_, sub, truth

from .messages import Message, from_plain, to_plain
from .schema import EMAIL, FIRST_NAME, LAST_NAME, PHONE, STANDARD, Schema

#: Problem kinds. "Errors" make a value unusable; the others are warnings a person may want to see.
INVALID_EMAIL = "invalid_email"
INVALID_PHONE = "invalid_phone"
INVALID_DATE = "invalid_date"
INVALID_VALUE = "invalid_value"  # a custom field's value that is not of its kind (a word in a number field)
INVALID_COUNTRY = "invalid_country"  # names no country (GHL refuses the field): left for review
NO_CONTACT = "no_contact"  # row has no name, email or phone: GHL would refuse it
EMAIL_TYPO = "email_typo"
FORMULA = "formula"  # a cell that spreadsheet programs would run as a formula; neutralized on export
PHONE_REPAIRED = "phone_repaired"
MERGE_CHECK = "merge_check"  # duplicates merged although their emails or names differ: worth a look
#: Matches two or more different contacts already in GHL (``core/existing.py``): GHL would update
#: one of them, so a person should look. A warning: the row is still exported.
EXISTING_AMBIGUOUS = "existing_ambiguous"

ERROR_KINDS = frozenset({INVALID_EMAIL, INVALID_PHONE, INVALID_DATE, INVALID_VALUE, INVALID_COUNTRY, NO_CONTACT})

#: The message of an invalid phone whose reason is computed when read (``Problem.reason``): this
#: marker and the region it was read for ("\x00phone:BR"). An invalid email's is simply "". Every
#: other problem's message is a ``messages.Message``, held in its plain form (``messages.to_plain``).
LAZY_PHONE_REASON = "\x00phone:"

#: The field key used for a problem that concerns the whole row.
ROW = ""


class Problem(tuple):
    """One thing found in a cell (or a row): its kind, a ``Message``, and the offending text.

    Immutable and compared by value, like a frozen dataclass, but a tuple underneath: a million
    rows make hundreds of thousands of these (and the helper process's results are turned back
    into them), and a tuple is made in a fraction of a frozen dataclass's time. Equal only to
    another ``Problem``, never to a plain tuple.

    The message is held as plain tuples (``messages.to_plain``), which ``marshal`` takes as they
    are: the helper process and a saved result carry problems without a conversion each, and
    ``message``/``reason`` give the ``Message`` back when read.
    """

    __slots__ = ()

    def __new__(cls, kind: str, message: Message | str, value: str = "") -> "Problem":
        if message.__class__ is Message:
            message = to_plain(message)
        return tuple.__new__(cls, (kind, message, value))

    kind = property(itemgetter(0), doc="One of the problem kinds above.")
    #: The offending text as found (for an invalid value, which is not kept in the column).
    value = property(itemgetter(2), doc="The offending text as found.")

    @property
    def message(self) -> Message | str:
        """What is wrong, for a person: a Message, or a lazy marker (see ``reason``)."""
        message = self[1]
        return message if message.__class__ is str else from_plain(message)

    def __repr__(self) -> str:
        return f"Problem(kind={self[0]!r}, message={self.message!r}, value={self[2]!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Problem) and tuple.__eq__(self, other)

    def __ne__(self, other) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def __getnewargs__(self) -> tuple:
        return tuple(self)

    @property
    def is_error(self) -> bool:
        return self[0] in ERROR_KINDS

    @property
    def reason(self) -> Message | str:
        """What to tell a person: the message, or for an invalid address recorded without one (the
        fast column path defers it) the library's own reason, computed now (a Message either way)."""
        kind, message, value = self
        if message.__class__ is not str:
            return from_plain(message)
        if message.startswith(LAZY_PHONE_REASON) and kind == INVALID_PHONE:
            from .speed.fastpath import invalid_phone_reason

            return invalid_phone_reason(value, message[len(LAZY_PHONE_REASON):])
        if message or kind != INVALID_EMAIL or not value:
            return message
        from .speed.fastpath import invalid_email_reason

        return invalid_email_reason(value)


#: At most this many rows are dropped from columns in place (``drop_rows``): each costs a move of
#: a column's tail, so past a few hundred a copy of the kept runs is quicker.
_IN_PLACE_DROPS = 256
#: Items per C-level scan over a table's rows (``take``, ``without_rows``, ``_empty_positions``):
#: each scan holds the GIL, and one over a million rows stalls the window.
_SCAN = 16_384
#: Entries per step when ``without_rows`` rebuilds a review dict (each step a short C call).
_REBUILD_SLICE = _SCAN


def _sliced(fn, *lists: list) -> list:
    """``list(fn(*lists))`` for a ``fn`` that goes item by item along the equally long ``lists``
    (``map``, ``compress``, ...), made ``_SCAN`` items at a time."""
    out: list = []
    for a in range(0, len(lists[0]), _SCAN):
        out += fn(*(seq[a:a + _SCAN] for seq in lists))
    return out


def true_positions(flags) -> list[int]:
    """The indexes of the true items of ``flags``. Quick when few are: a C scan of bytes, where
    ``compress(range(n), flags)`` makes an int for every row."""
    data = bytes(map(truth, flags))
    if data.count(1) * 32 > len(data):
        return list(compress(range(len(data)), data))
    out: list[int] = []
    find = data.find
    i = find(1)
    while i >= 0:
        out.append(i)
        i = find(1, i + 1)
    return out


def _empty_positions(col: list[str], n: int) -> list[int]:
    """The rows below ``n`` whose cell is empty (cells are strings: falsy is ""). ``list.index``
    scans in C from one to the next, quick when there are few (usually); one pass either way."""
    out: list[int] = []
    find = col.index
    i = -1
    try:
        while len(out) < 64:
            i = find("", i + 1, n)
            out.append(i)
    except ValueError:
        return out
    # Many empty cells: the rest in C passes of ``_SCAN`` cells.
    for a in range(i + 1, n, _SCAN):
        out += map(a.__add__, true_positions(map(not_, col[a:min(a + _SCAN, n)])))
    return out


class RowSources:
    """Per row, where it came from: (input file index, 0-based data-row index in that file).

    Held as two arrays of machine integers, not a list of tuples: a million ``(0, 123456)`` tuples
    cost ~90 MB and a quarter of a second to build and free; the arrays cost 12 MB and are made,
    cut and joined by C loops. Reading one row still gives the tuple.
    """

    __slots__ = ("files", "rows")

    def __init__(self, pairs=()) -> None:
        self.files = array("I")
        self.rows = array("q")
        if pairs:
            self.extend(pairs)

    @classmethod
    def run(cls, file_index: int, start: int, stop: int) -> "RowSources":
        """Rows ``start:stop`` of file ``file_index``, in order."""
        out = cls()
        out.files = array("I", [file_index]) * max(stop - start, 0)
        out.rows = array("q", range(start, stop))
        return out

    @classmethod
    def _of(cls, files: array, rows: array) -> "RowSources":
        out = cls.__new__(cls)
        out.files, out.rows = files, rows
        return out

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._of(self.files[i], self.rows[i])
        return self.files[i], self.rows[i]

    def __delitem__(self, i) -> None:
        del self.files[i]
        del self.rows[i]

    def __iter__(self):
        return zip(self.files, self.rows)

    def __eq__(self, other) -> bool:
        if isinstance(other, RowSources):
            return self.files == other.files and self.rows == other.rows
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    def __repr__(self) -> str:
        return f"RowSources({list(self)!r})"

    def append(self, pair: tuple[int, int]) -> None:
        self.files.append(pair[0])
        self.rows.append(pair[1])

    def extend(self, other) -> None:
        if isinstance(other, RowSources):
            self.files.extend(other.files)
            self.rows.extend(other.rows)
        else:
            for f, r in other:
                self.files.append(f)
                self.rows.append(r)

    def __iadd__(self, other) -> "RowSources":
        self.extend(other)
        return self

    def take(self, rows) -> "RowSources":
        """Just ``rows``, in that order (C loops of ``_SCAN`` rows)."""
        rows = rows if isinstance(rows, list) else list(rows)
        files, numbers = array("I"), array("q")
        for a in range(0, len(rows), _SCAN):
            part = rows[a:a + _SCAN]
            files.extend(map(self.files.__getitem__, part))
            numbers.extend(map(self.rows.__getitem__, part))
        return self._of(files, numbers)

    def clear(self) -> None:
        self.files = array("I")
        self.rows = array("q")


@dataclass
class ContactTable:
    """Normalized contacts, one per row, a column per exported field of ``schema``, in its order."""

    #: field name -> its values, one per row (made empty from ``schema`` when not given).
    columns: dict[str, list[str]] = None  # type: ignore[assignment]
    #: Per row: (input file index, 0-based data-row index in that file) of the row it came from.
    sources: RowSources = field(default_factory=RowSources)
    #: row -> field (or ROW) -> problems found while normalizing.
    problems: dict[int, dict[str, list[Problem]]] = field(default_factory=dict)
    #: row -> field -> a suggested replacement (e.g. an email domain typo fix), never applied silently.
    suggestions: dict[int, dict[str, str]] = field(default_factory=dict)
    #: row -> other source rows (file index, row index) merged into it as duplicates.
    merged: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    #: rows a person excluded during review.
    excluded: set[int] = field(default_factory=set)
    #: The fields the table holds.
    schema: Schema = STANDARD

    def __post_init__(self) -> None:
        if self.columns is None:
            self.columns = {c: [] for c in self.schema.columns}

    def empty_like(self) -> "ContactTable":
        """A table with no rows and the same schema."""
        return ContactTable(schema=self.schema)

    def __setattr__(self, name: str, value) -> None:
        if name == "sources" and not isinstance(value, RowSources):
            value = RowSources(value)  # a list of (file, row) pairs
        object.__setattr__(self, name, value)

    def __len__(self) -> int:
        return len(self.sources)

    # -- reading -----------------------------------------------------------------------------
    def value(self, row: int, column: str) -> str:
        return self.columns[column][row]

    def row_dict(self, row: int) -> dict[str, str]:
        return {c: col[row] for c, col in self.columns.items()}

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
    def add_problem(self, row: int, column: str, kind: str, message: Message | str, value: str = "") -> None:
        self.problems.setdefault(row, {}).setdefault(column, []).append(Problem(kind, message, value))

    def add_problems(self, column: str, kind: str, rows, messages, values) -> None:
        """``add_problem(row, column, kind, message, value)`` for each row, message and value of
        the three iterables taken together, in order, without a Python call per problem: a column
        path adds thousands of them (~30% of a million rows have one). Messages are given in
        their plain form (``messages.to_plain``) or as lazy markers."""
        problems, make = self.problems, tuple.__new__  # (Problem, triple): Problem(...) made in C
        for r, message, value in zip(rows, messages, values):
            p = make(Problem, (kind, message, value))
            fields = problems.get(r)
            if fields is None:
                problems[r] = {column: [p]}
            elif column in fields:
                fields[column].append(p)
            else:
                fields[column] = [p]

    def extend(self, other: "ContactTable") -> None:
        """Append ``other``'s rows (used to assemble chunks); its row numbers are shifted."""
        offset = len(self)
        for c, col in self.columns.items():
            col.extend(other.columns[c])
        self.sources.extend(other.sources)
        for attr in ("problems", "suggestions", "merged"):
            mine = getattr(self, attr)
            for r, v in getattr(other, attr).items():
                mine[r + offset] = v
        self.excluded.update(r + offset for r in other.excluded)

    def take(self, rows: list[int]) -> "ContactTable":
        """A new table with just ``rows`` (in that order), review data carried along."""
        out = self.empty_like()
        for c, col in self.columns.items():
            out.columns[c] = [col[r] for r in rows]
        out.sources = self.sources.take(rows)
        for new, old in enumerate(rows):
            for attr in ("problems", "suggestions", "merged"):
                v = getattr(self, attr).get(old)
                if v:
                    getattr(out, attr)[new] = v
            if old in self.excluded:
                out.excluded.add(new)
        return out

    # -- fast whole-table helpers (a million rows: C-level loops, no per-row Python calls) -------
    def not_exported_rows(self) -> list[int]:
        """The rows ``exported_rows`` leaves out, ascending (excluded ones and ones with no name,
        email or phone). Usually a handful, so counts over exported rows are "all rows minus these"."""
        n = len(self.sources)
        cols = self.columns
        # Rows lacking a first name, then of those the ones also lacking a last name, ...: each step
        # is a C loop and the candidates shrink to almost nothing after the first column.
        cand = _empty_positions(cols[FIRST_NAME], n)
        for c in (LAST_NAME, EMAIL, PHONE):
            if not cand:
                break
            empty = cols[c].__getitem__
            cand = _sliced(lambda part: compress(part, map(not_, map(empty, part))), cand)
        if self.excluded:
            cand = sorted(set(cand).union(r for r in self.excluded if 0 <= r < n))
        return cand

    def drop_rows(self, drop: list[int]) -> None:
        """``without_rows`` in place: the table loses ``drop`` (ascending, distinct, in range).

        For the few rows a merge usually drops, each column loses them where it is (each deletion
        moves the tail of one list: a few ms a column) instead of being copied whole: no new
        million-row lists to allocate, fill and later free, and no scan of the columns. Many
        rows (or a ragged table) go the ``without_rows`` way.
        """
        n = len(self.sources)
        if any(len(col) != n for col in self.columns.values()):
            kept = self.without_rows(drop)
        elif len(drop) > _IN_PLACE_DROPS:
            # Many rows: each column is replaced by its copy as soon as that is made, so the old
            # one is freed right away and the table is never held twice over.
            kept = self.without_rows(drop, columns=False)
            # The old review data goes first: the columns' copies below reuse its memory.
            self.sources, self.problems, self.suggestions, self.merged, self.excluded = (
                kept.sources, kept.problems, kept.suggestions, kept.merged, kept.excluded)
            mask = bytearray(b"\x01") * n
            for d in drop:
                mask[d] = 0
            for name, col in self.columns.items():
                new: list[str] = []
                for a in range(0, n, _REBUILD_SLICE):  # no one C call over millions of rows
                    new += compress(col[a:a + _REBUILD_SLICE], mask[a:a + _REBUILD_SLICE])
                self.columns[name] = new
                del col, new
            kept.columns = self.columns
        else:
            kept = self.without_rows(drop, columns=False)  # review data and sources renumbered
            for col in self.columns.values():
                for d in reversed(drop):
                    del col[d]
            kept.columns = self.columns
        self.columns, self.sources = kept.columns, kept.sources
        self.problems, self.suggestions, self.merged, self.excluded = (
            kept.problems, kept.suggestions, kept.merged, kept.excluded)

    def without_rows(self, drop: list[int], *, columns: bool = True) -> "ContactTable":
        """``take`` of every row except ``drop`` (ascending, distinct, in range), review data
        carried along and renumbered. When few rows go (merging duplicates) each column costs a
        list copy, in C, instead of a Python step per row. ``columns=False``: the new table's
        columns are left empty (``drop_rows`` cuts the columns in place)."""
        n = len(self.sources)
        out = self.empty_like()
        if len(drop) * 16 < n:
            runs = list(zip([0, *[d + 1 for d in drop]], [*drop, n]))

            def gather(seq: list) -> list:
                if len(drop) <= 48:  # a copy, then each deletion moves the tail: quickest for a few
                    res = seq[:n]
                    for d in reversed(drop):
                        del res[d]
                    return res
                res = seq[:drop[0]]  # else copy the runs between the dropped rows
                for a, b in runs[1:]:
                    res += seq[a:b]
                return res
        else:
            mask = bytearray(b"\x01") * n
            for d in drop:
                mask[d] = 0
            keep: list[int] = []
            for a in range(0, n, _SCAN):
                keep += compress(range(a, min(a + _SCAN, n)), mask[a:a + _SCAN])
            runs = None

            def gather(seq: list) -> list:
                return _sliced(lambda part: map(seq.__getitem__, part), keep)

        n_kept = n - len(drop)
        for c, col in self.columns.items() if columns else ():
            # A column nobody filled (an unmapped field): no copy, one shared "". ``any`` stops at the
            # first value (a C scan), where ``count("")`` compared every cell of a filled column.
            out.columns[c] = [""] * n_kept if len(col) == n and not any(col) else gather(col)
        out.sources = gather(self.sources) if runs is not None else self.sources.take(keep)

        def renumber(rows, values: list | None = None) -> tuple[list[int], list]:
            """The new numbers of the kept ``rows`` (ascending, given in ascending order) and
            their ``values`` (aligned with ``rows``); rows dropped or out of range go."""
            new: list[int] = []
            kept_values: list = []
            if runs is not None:  # shift each run of rows by the number of dropped rows before it
                for shift, (a, b) in enumerate(runs):
                    i, j = bisect_left(rows, a), bisect_left(rows, b)
                    if i != j:
                        new += map(sub, rows[i:j], repeat(shift)) if shift else rows[i:j]
                        if values is not None:
                            kept_values += values[i:j]
                return new, kept_values
            i, j = bisect_left(rows, 0), bisect_left(rows, n)
            rows = rows[i:j]
            flags = _sliced(lambda part: map(mask.__getitem__, part), rows)
            kept = _sliced(compress, rows, flags)
            if values is not None:
                kept_values = _sliced(compress, values[i:j], flags)
            return _sliced(lambda part: map(bisect_left, repeat(keep), part), kept), kept_values

        for attr in ("problems", "suggestions", "merged"):
            src = getattr(self, attr)
            if not src:
                continue
            rows = list(src)
            old = sorted(rows)
            # Rows are usually in order already: then the values come in order too, no lookups.
            values = list(src.values()) if old == rows else list(map(src.__getitem__, old))
            new, values = renumber(old, values)
            if all(values):
                rebuilt: dict = {}
                for a in range(0, len(new), _REBUILD_SLICE):  # no one C call over millions of rows
                    rebuilt.update(zip(new[a:a + _REBUILD_SLICE], values[a:a + _REBUILD_SLICE]))
                setattr(out, attr, rebuilt)
            else:  # like take: empty entries are not carried
                setattr(out, attr, {k: v for k, v in zip(new, values) if v})
        if self.excluded:
            out.excluded = set(renumber(sorted(self.excluded))[0])
        return out

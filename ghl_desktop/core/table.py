"""The normalized contact table: GHL columns plus what a person needs to review them.

Column-major (one ``list[str]`` per GHL column) because normalization and export work a column at a
time and a million rows of per-row dicts would cost seconds and gigabytes. Review information is
sparse: most rows have no problem, so problems and suggestions are dicts keyed by row.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Sequence
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, gt, itemgetter, not_, sub, truth

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


def _array_of(code: str, items) -> array:
    """``array(code, items)`` for an iterable ``items``, taken ``_SCAN`` items at a time."""
    out = array(code)
    items = iter(items)
    while True:
        size = len(out)
        out.extend(islice(items, _SCAN))
        if len(out) - size < _SCAN:
            return out


def _set_bytes(mask: bytearray, rows, value: int) -> None:
    """``mask[r] = value`` for each of ``rows`` (a list or any iterable of ints), by C-level
    loops of ``_SCAN`` rows."""
    rows = iter(rows)
    while part := list(islice(rows, _SCAN)):
        deque(map(mask.__setitem__, part, repeat(value)), 0)


def _kept_mask(n: int, drop: Sequence[int]) -> bytearray:
    """One byte per row below ``n``: 0 for the rows of ``drop`` (all in range), 1 for the others."""
    mask = bytearray(b"\x01") * n
    _set_bytes(mask, drop, 0)
    return mask


def _kept_before(mask: bytearray, rows: list[int]) -> list[int]:
    """For each of ``rows`` (ascending): how many bytes of ``mask`` before it are 1 (its number
    among the kept rows), counted between one row and the next by C-level loops of ``_SCAN`` rows."""
    out: list[int] = []
    before, last = 0, 0
    for a in range(0, len(rows), _SCAN):
        part = rows[a:a + _SCAN]
        counts = list(accumulate(map(mask.count, repeat(1), [last, *part[:-1]], part), initial=before))
        out += islice(counts, 1, None)
        before, last = counts[-1], part[-1]
    return out


def _is_ascending(items) -> bool:
    """Whether ``items`` (a list or an array) never goes down, checked ``_SCAN`` items at a time."""
    return not any(any(map(gt, items[a:a + _SCAN], items[a + 1:a + _SCAN + 1])) for a in range(0, len(items), _SCAN))


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


def has_values(col: list[str]) -> bool:
    """Whether any cell of ``col`` is filled (cells are strings: falsy is ""), by C scans of
    ``_SCAN`` cells that stop at the first filled one: an unmapped field's column has none."""
    return any(any(col[a:a + _SCAN]) for a in range(0, len(col), _SCAN))


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
        if not isinstance(rows, (list, array)):
            rows = list(rows)
        files, numbers = array("I"), array("q")
        for a in range(0, len(rows), _SCAN):
            part = rows[a:a + _SCAN]
            files.extend(map(self.files.__getitem__, part))
            numbers.extend(map(self.rows.__getitem__, part))
        return self._of(files, numbers)

    def clear(self) -> None:
        self.files = array("I")
        self.rows = array("q")


class MergedRows:
    """Per merged contact's row (its head), the source rows (file index, data-row index) merged
    into it as duplicates: ``get(head)`` gives them as a list of pairs, in the order of the merge.

    Read like the dict ``{head: [(file, row), ...]}`` it stands for (``get``, ``in``, ``len``,
    iteration over the heads, ``items``), and written like one (``[head] = pairs``, ``pop``,
    ``update``), but held as arrays of machine integers: the heads ascending, where each head's
    pairs end, and the pairs themselves (a ``RowSources``). 550k merged rows under 250k heads cost
    10 MB here, 85 MB as the dict's tuples, ints and lists. A head's list is made
    when asked for. A head with no pairs is not kept (setting one removes the head).

    Writing a head beyond the last is an append; elsewhere it moves the arrays' tails (a C copy),
    so the bulk builders below (``from_groups``, ``take``, ``picked``, ``placed_at``) are what
    whole-table work uses.
    """

    __slots__ = ("heads", "ends", "refs")

    def __init__(self, entries=()) -> None:
        """From a mapping ``{head: pairs}`` or an iterable of ``(head, pairs)``, in any order."""
        self.heads = array("q")
        self.ends = array("q")
        self.refs = RowSources()
        if isinstance(entries, MergedRows):
            self._share(entries.copy())
            return
        items = entries.items() if hasattr(entries, "items") else entries
        for head, pairs in sorted(items, key=itemgetter(0)):
            self[head] = pairs

    # -- building ----------------------------------------------------------------------------
    @classmethod
    def _of(cls, heads: array, ends: array, refs: RowSources) -> "MergedRows":
        out = cls.__new__(cls)
        out.heads, out.ends, out.refs = heads, ends, refs
        return out

    @classmethod
    def from_groups(cls, heads, counts, refs: RowSources) -> "MergedRows":
        """``heads`` (ascending) each with the next ``counts[i]`` (all above 0) pairs of ``refs``."""
        return cls._of(_array_of("q", heads), _array_of("q", accumulate(counts)), refs)

    @classmethod
    def from_flat(cls, heads, files, rows) -> "MergedRows":
        """From three parallel sequences, a pair each (``flat``'s): a head's pairs in their order,
        the heads in any order."""
        heads = list(heads)
        if any(map(gt, heads, islice(heads, 1, None))):  # not ascending: a stable sort by head
            order = sorted(range(len(heads)), key=heads.__getitem__)
            heads = [heads[i] for i in order]
            files = [files[i] for i in order]
            rows = [rows[i] for i in order]
        refs = RowSources._of(array("I", files), array("q", rows))
        firsts = [0, *(i for i in range(1, len(heads)) if heads[i] != heads[i - 1])] if heads else []
        return cls._of(array("q", map(heads.__getitem__, firsts)), array("q", [*firsts[1:], len(heads)]), refs)

    def copy(self) -> "MergedRows":
        return self._of(array("q", self.heads), array("q", self.ends), self.refs[:])

    def _share(self, other: "MergedRows") -> None:
        self.heads, self.ends, self.refs = other.heads, other.ends, other.refs

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.heads)

    def __iter__(self):
        return iter(self.heads)

    def keys(self):
        return iter(self.heads)

    def _find(self, head) -> int:
        """The index of ``head`` in ``heads``, or -1."""
        heads = self.heads
        i = bisect_left(heads, head)
        return i if i < len(heads) and heads[i] == head else -1

    def _span(self, i: int) -> tuple[int, int]:
        return (self.ends[i - 1] if i else 0), self.ends[i]

    def _pairs(self, i: int) -> list[tuple[int, int]]:
        a, b = self._span(i)
        return list(zip(self.refs.files[a:b], self.refs.rows[a:b]))

    def __contains__(self, head) -> bool:
        return self._find(head) >= 0

    def get(self, head, default=None):
        i = self._find(head)
        return default if i < 0 else self._pairs(i)

    def __getitem__(self, head) -> list[tuple[int, int]]:
        i = self._find(head)
        if i < 0:
            raise KeyError(head)
        return self._pairs(i)

    def counts(self) -> list[int]:
        """How many pairs each head has, in head order."""
        ends = self.ends
        out: list[int] = []
        for a in range(0, len(ends), _SCAN):  # each end minus the one before, a slice at a time
            out += map(sub, ends[a:a + _SCAN], ends[a - 1:a + _SCAN - 1] if a else [0, *ends[:_SCAN - 1]])
        return out

    def values(self):
        files, rows = self.refs.files, self.refs.rows
        a = 0
        for b in self.ends:
            yield list(zip(files[a:b], rows[a:b]))
            a = b

    def items(self):
        return zip(self.heads, self.values())

    def flat(self) -> tuple[list[int], list[int], list[int]]:
        """Three parallel lists, a pair each: its head, file index and row index (``from_flat``)."""
        heads = list(chain.from_iterable(map(repeat, self.heads, self.counts())))
        return heads, self.refs.files.tolist(), self.refs.rows.tolist()

    def heads_by_source(self) -> dict[tuple[int, int], int]:
        """Each merged pair -> the head it is merged into."""
        heads = chain.from_iterable(map(repeat, self.heads, self.counts()))
        return dict(zip(self.refs, heads))

    def to_plain(self) -> tuple[bytes, bytes, bytes, bytes]:
        """The arrays as bytes (what ``marshal`` takes); ``from_plain`` gives them back."""
        return self.heads.tobytes(), self.ends.tobytes(), self.refs.files.tobytes(), self.refs.rows.tobytes()

    @classmethod
    def from_plain(cls, plain) -> "MergedRows":
        heads, ends, files, rows = (array(code) for code in "qqIq")
        for a, data in zip((heads, ends, files, rows), plain):
            a.frombytes(data)
        return cls._of(heads, ends, RowSources._of(files, rows))

    def __eq__(self, other) -> bool:
        if isinstance(other, MergedRows):
            return self.heads == other.heads and self.ends == other.ends and self.refs == other.refs
        if isinstance(other, dict):
            return len(other) == len(self) and all(other.get(h) == v for h, v in self.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"MergedRows({dict(self.items())!r})"

    # -- writing -----------------------------------------------------------------------------
    def __setitem__(self, head, pairs) -> None:
        pairs = list(pairs)
        if not pairs:
            self.pop(head, None)
            return
        heads, ends, refs = self.heads, self.ends, self.refs
        new = RowSources(pairs)
        if not heads or head > heads[-1]:  # appended: no tail to move
            heads.append(head)
            refs.extend(new)
            ends.append(len(refs))
            return
        i = bisect_left(heads, head)
        if i < len(heads) and heads[i] == head:
            a, b = self._span(i)
            ends[i:] = array("q", map(add, ends[i:], repeat(len(new) - (b - a))))
        else:
            a = b = ends[i - 1] if i else 0
            heads.insert(i, head)
            ends.insert(i, a)
            ends[i:] = array("q", map(add, ends[i:], repeat(len(new))))
        refs.files[a:b] = new.files
        refs.rows[a:b] = new.rows

    def __delitem__(self, head) -> None:
        i = self._find(head)
        if i < 0:
            raise KeyError(head)
        a, b = self._span(i)
        del self.heads[i]
        del self.ends[i]
        self.ends[i:] = array("q", map(sub, self.ends[i:], repeat(b - a)))
        del self.refs[a:b]

    def pop(self, head, *default):
        i = self._find(head)
        if i < 0:
            if default:
                return default[0]
            raise KeyError(head)
        pairs = self._pairs(i)
        del self[head]
        return pairs

    def clear(self) -> None:
        self.heads, self.ends, self.refs = array("q"), array("q"), RowSources()

    def update(self, other) -> None:
        """``other``'s heads (a ``MergedRows`` or a mapping) set here, each replacing any pairs
        the head had. All above the last head here (assembling chunks, a merge's heads into a
        table with none): joined on in C; else head by head."""
        if not isinstance(other, MergedRows):
            for head, pairs in other.items():
                self[head] = pairs
            return
        if not other:
            return
        if not self.heads or other.heads[0] > self.heads[-1]:
            base = len(self.refs)
            self.heads.extend(other.heads)
            self.ends.extend(array("q", map(add, other.ends, repeat(base))) if base else other.ends)
            self.refs.extend(other.refs)
            return
        for head, pairs in other.items():
            self[head] = pairs

    # -- whole-table work --------------------------------------------------------------------
    def shifted(self, offset: int) -> "MergedRows":
        """A copy with every head moved by ``offset`` (a chunk's rows appended to a table)."""
        return self._of(array("q", map(add, self.heads, repeat(offset))), array("q", self.ends), self.refs[:])

    def picked(self, kept: list[int], new_heads: list[int]) -> "MergedRows":
        """The heads at indexes ``kept``, renamed ``new_heads`` (ascending)."""
        if len(kept) == len(self.heads) and all(
                kept[a:a + _SCAN] == list(range(a, min(a + _SCAN, len(kept)))) for a in range(0, len(kept), _SCAN)):
            return self._of(_array_of("q", new_heads), self.ends[:], self.refs[:])
        counts = self.counts()
        files, rows = array("I"), array("q")
        for i in kept:
            a, b = self._span(i)
            files += self.refs.files[a:b]
            rows += self.refs.rows[a:b]
        return self.from_groups(new_heads, map(counts.__getitem__, kept), RowSources._of(files, rows))

    def placed_at(self, at: list[int]) -> "MergedRows":
        """A copy whose head ``h`` is now ``at[h]``; ``at`` is ascending unless said otherwise
        (then the heads are sorted again, head by head)."""
        new_heads = _sliced(lambda part: map(at.__getitem__, part), self.heads)
        if not _is_ascending(new_heads):
            return MergedRows(zip(new_heads, self.values()))
        return self._of(_array_of("q", new_heads), self.ends[:], self.refs[:])

    def take(self, rows) -> "MergedRows":
        """For a table made of ``rows`` (in that order): row ``i`` gets the pairs of ``rows[i]``."""
        if not self.heads:
            return MergedRows()
        index = dict(zip(self.heads, range(len(self.heads))))
        found = [(new, i) for new, i in enumerate(map(index.get, rows)) if i is not None]
        return self.picked([i for _, i in found], [new for new, _ in found])


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
    #: row -> other source rows (file index, row index) merged into it as duplicates (a dict given
    #: is made one).
    merged: MergedRows = field(default_factory=MergedRows)
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
        elif name == "merged" and not isinstance(value, MergedRows):
            value = MergedRows(value)  # a dict {row: [(file, row), ...]}
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
        for attr in ("problems", "suggestions"):
            # C-level updates of ``_SCAN`` entries, in ``other``'s order: the window adds each
            # chunk of a running job's rows here, and a Python step per entry gave the GIL up
            # to the job's thread every few hundred entries (each time waiting to win it back).
            theirs = getattr(other, attr)
            mine, keys, values = getattr(self, attr), iter(theirs), iter(theirs.values())
            for _ in range(0, len(theirs), _SCAN):
                mine.update(zip(map(offset.__add__, islice(keys, _SCAN)), islice(values, _SCAN)))
        if other.merged:
            self.merged.update(other.merged.shifted(offset))
        self.excluded.update(map(offset.__add__, other.excluded))

    def take(self, rows: list[int]) -> "ContactTable":
        """A new table with just ``rows`` (in that order), review data carried along."""
        out = self.empty_like()
        for c, col in self.columns.items():
            out.columns[c] = [col[r] for r in rows]
        out.sources = self.sources.take(rows)
        out.merged = self.merged.take(rows)
        for new, old in enumerate(rows):
            for attr in ("problems", "suggestions"):
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

    def drop_rows(self, drop: Sequence[int], kept_mask: bytearray | None = None) -> None:
        """``without_rows`` in place: the table loses ``drop`` (ascending, distinct, in range).
        ``kept_mask``: ``_kept_mask(len(self), drop)``, if made already.

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
            mask = _kept_mask(n, drop) if kept_mask is None else kept_mask
            kept = self.without_rows(drop, columns=False, kept_mask=mask)
            # The old review data goes first: the columns' copies below reuse its memory.
            self.sources, self.problems, self.suggestions, self.merged, self.excluded = (
                kept.sources, kept.problems, kept.suggestions, kept.merged, kept.excluded)
            for name, col in self.columns.items():
                if not has_values(col):  # an unmapped field's column: nothing to pick out
                    self.columns[name] = [""] * (n - len(drop))
                    del col
                    continue
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

    def without_rows(self, drop: Sequence[int], *, columns: bool = True,
                     kept_mask: bytearray | None = None) -> "ContactTable":
        """``take`` of every row except ``drop`` (ascending, distinct, in range), review data
        carried along and renumbered. When few rows go (merging duplicates) each column costs a
        list copy, in C, instead of a Python step per row. ``columns=False``: the new table's
        columns are left empty (``drop_rows`` cuts the columns in place). ``kept_mask``:
        ``_kept_mask(len(self), drop)``, if made already."""
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
            mask = _kept_mask(n, drop) if kept_mask is None else kept_mask
            # The kept rows as machine integers (half a million ints as objects would cost 16 MB),
            # found ``_SCAN`` rows at a time.
            keep = array("q")
            for a in range(0, n, _SCAN):
                keep.extend(compress(range(a, min(a + _SCAN, n)), mask[a:a + _SCAN]))
            runs = None

            def gather(seq: list) -> list:
                return _sliced(lambda part: map(seq.__getitem__, part), keep)

        n_kept = n - len(drop)
        for c, col in self.columns.items() if columns else ():
            # A column nobody filled (an unmapped field): no copy, one shared "". ``has_values`` stops
            # at the first value, where ``count("")`` compared every cell of a filled column.
            out.columns[c] = [""] * n_kept if len(col) == n and not has_values(col) else gather(col)
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
            return _kept_before(mask, kept), kept_values

        if self.merged:
            heads, kept = renumber(list(self.merged.heads), list(range(len(self.merged))))
            out.merged = self.merged.picked(kept, heads)
        for attr in ("problems", "suggestions"):
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

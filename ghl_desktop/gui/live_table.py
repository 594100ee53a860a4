"""A running job's rows as the window holds them: each chunk's own lists, kept as they came.

The window adds a chunk of rows to the live table every few tens of ms while a job runs. Had
each column been one list, every chunk would copy its cells into the columns (a reference count
touched per cell), and all the columns, growing by the same rows, would outgrow their room at the
same chunk and be moved to a larger block together: tens of ms on the GUI thread, while the job's
thread competes for the GIL. Here a column is the chunks' lists read as one
(``ChunkedColumn``): adding a chunk appends a reference to each of its lists. The review data
(problems, suggestions, merges, exclusions) stays in the table's dicts, as in any
``ContactTable``: ``ContactTable.extend`` shifts them into place a slice at a time.

A live table is only read (the review is read-only until the job's result replaces it), and
the chunks it holds are the job's: nothing changes them once sent.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain

from ..core import ContactTable


class ChunkedColumn(Sequence):
    """A sequence made of parts (lists of cells, or a chunk's ``RowSources``), read as one.

    ``extend(part)`` appends ``part`` itself, not a copy: it must not change afterwards. Reading
    a row finds its part by bisection over the parts' first rows.
    """

    __slots__ = ("parts", "starts", "_len")

    def __init__(self) -> None:
        self.parts: list = []
        #: The row at which each part begins.
        self.starts: list[int] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def extend(self, part) -> None:
        """Append the rows of ``part`` (kept as it is, shared)."""
        n = len(part)
        if n:
            self.parts.append(part)
            self.starts.append(self._len)
            self._len += n

    def __getitem__(self, i):
        if i.__class__ is not int:
            if isinstance(i, slice):
                return self._slice(i)
            i = i.__index__()
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("row out of range")
        k = bisect_right(self.starts, i) - 1
        return self.parts[k][i - self.starts[k]]

    def _slice(self, key: slice) -> list:
        start, stop, step = key.indices(self._len)
        if step != 1:
            return self._slice(slice(start, stop))[::step] if step > 0 else list(self)[key]
        out: list = []
        if start >= stop:
            return out
        k = bisect_right(self.starts, start) - 1
        while k < len(self.parts) and self.starts[k] < stop:
            first = self.starts[k]
            out += self.parts[k][max(start - first, 0):stop - first]
            k += 1
        return out

    def __iter__(self):
        return chain.from_iterable(self.parts)

    def __delitem__(self, key) -> None:
        """Only a tail (``del col[a:]``), as ``release`` empties a column from its end: whole
        parts are let go of; the part cut in two is replaced by a copy of its head."""
        start, stop, step = key.indices(self._len) if isinstance(key, slice) else (None, None, None)
        if start is None or step != 1 or stop != self._len:
            raise ValueError("only a column's tail can be deleted")
        while self.parts and self.starts[-1] >= start:
            self.parts.pop()
            self.starts.pop()
        if self.parts and start < self._len:
            self.parts[-1] = self.parts[-1][:start - self.starts[-1]]
        self._len = min(start, self._len)

    def clear(self) -> None:
        self.parts, self.starts, self._len = [], [], 0

    def __repr__(self) -> str:
        return f"ChunkedColumn({self._len} rows in {len(self.parts)} parts)"


def as_columns_of(table: ContactTable, chunk: ContactTable) -> ContactTable:
    """``chunk`` read with ``table``'s schema and columns, one it lacks as empty cells (``chunk``
    itself when it has the same columns)."""
    if list(chunk.columns) == list(table.columns):
        return chunk
    n = len(chunk)
    return replace(chunk, columns={c: chunk.columns[c] if c in chunk.columns else [""] * n for c in table.columns},
                   schema=table.schema)


class LiveTable(ContactTable):
    """A ``ContactTable`` whose columns and sources are ``ChunkedColumn``s: ``extend`` (the
    window adding a chunk of a running job's rows) copies no cell. Only read, never edited.

    It takes the job's schema from the first chunk with rows (custom fields included), so a
    running job shows every column its result will have; a later chunk without one of them
    (none is expected: a job's chunks share its mapping) adds empty cells there."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", {c: ChunkedColumn() for c in self.schema.columns})
        object.__setattr__(self, "sources", ChunkedColumn())

    def takes_schema_of(self, chunk: ContactTable) -> bool:
        """Whether adding ``chunk`` gives this table other columns (its first rows, another schema)."""
        return not len(self) and len(chunk) > 0 and list(chunk.schema.columns) != list(self.schema.columns)

    def extend(self, other: ContactTable) -> None:
        if self.takes_schema_of(other):
            object.__setattr__(self, "schema", other.schema)
            object.__setattr__(self, "columns", {c: ChunkedColumn() for c in other.schema.columns})
        super().extend(as_columns_of(self, other))

    def __setattr__(self, name: str, value) -> None:
        if name == "sources" and isinstance(value, ChunkedColumn):
            object.__setattr__(self, name, value)
        else:
            super().__setattr__(name, value)

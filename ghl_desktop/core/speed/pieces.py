"""A large worksheet read on two cores: its pieces (``reader.excel.read_in_pieces``) are read by
this process and the helper process at once.

calamine parses a whole sheet in one call, which left the second core idle for the first seconds
of a large workbook's conversion. The reader cuts the sheet into workbook copies that each hold
one stretch of rows; here each copy goes to the helper while it holds fewer than ``PIECES_DEPTH``
of them (more while this process reads shared strings: ``_Reading.depth``), and this process
reads the next one itself otherwise. The results come back in order,
and a piece the helper fails on is read here: the cells are ``read_piece``'s either way. A piece
of the plain inline-string shape is read by ``inline_sheet.read_piece`` (the same cells, in about
70% of calamine's CPU time), any other by calamine.

A workbook with shared strings (as Excel saves one) has them read once, here, by
``shared_sheet.read_strings``; its pieces then travel to the helper as their sheet XML alone, are
read by ``shared_sheet.read_indices`` there or here, and come back as numbers that this process
looks up in the strings (``shared_sheet.as_piece``). A piece that reader leaves is read by
calamine, which parses the shared strings again for it: when they are large, only for
``CALAMINE_PIECES`` pieces; then, as when the strings themselves are not of the plain shape, the
pieces are given up (``reader.excel`` reads the sheet whole).

The cells of a piece the helper read (not those of a shared-strings piece: it has only their
numbers) stay there too, as the bytes it sent back (``PieceReader``): a chunk of those rows that
it is later given to normalize is sent as where they are in its pieces (``KeptRows``), not as
cells again. A helper that has lost them fails that chunk, and this process normalizes it.
"""

from __future__ import annotations

import marshal
import uuid
from bisect import bisect_right
from collections import deque
from typing import Iterator

from ..assemble import SourceColumns
from ..reader.excel import Piece, PieceCopy, read_piece
from . import inline_sheet, shared_sheet, tuning
from .helper import ChunkHelper, keep_piece

#: Pieces of a sheet with large shared strings calamine may read (each parses them whole) before
#: the pieces are given up for the whole read.
CALAMINE_PIECES = 2


def read_any_piece(copy: PieceCopy, sheet: str) -> Piece | None:
    """``read_piece(copy, sheet)``: by ``inline_sheet`` when the piece is of its shape."""
    return inline_sheet.read_piece(copy, sheet) or read_piece(copy, sheet)


def _read_piece_remote(copy: PieceCopy, sheet: str, key: tuple | None = None) -> list[bytes]:
    """In the helper: ``read_any_piece``, sent back as ``marshal`` bytes (``_as_piece``): its
    place, then each column (one short C call each way). ``key``: keep the columns there under it
    (``helper.keep_piece``), for the chunks of these rows it may be asked to normalize."""
    piece = read_any_piece(copy, sheet)
    if piece is None or piece[3] is None:
        return [marshal.dumps(piece)]
    _share_repeats(piece[3])
    columns = list(map(marshal.dumps, piece[3]))
    if key is not None:
        keep_piece(key, piece[1], columns)
    return [marshal.dumps(piece[:3]), *columns]


def _as_piece(parts: list[bytes]) -> Piece | None:
    """What ``_read_piece_remote`` read."""
    head = marshal.loads(parts[0])
    if head is None or len(head) == 4:
        return head
    return (*head, [marshal.loads(p) for p in parts[1:]])


def _share_repeats(columns: list[list[str]]) -> None:
    """A column's repeated values made one string each: ``marshal`` then sends each value once and
    a reference to it after, and this process reads the piece back in a third of the time."""
    for j, column in enumerate(columns):
        if len(set(column)) * 2 < len(column):
            canon: dict[str, str] = {}
            columns[j] = list(map(canon.setdefault, column, column))


def _read_indices_remote(xml: bytes, styles: shared_sheet.Styles) -> bytes:
    """In the helper: ``shared_sheet.read_indices``, sent back as ``marshal`` bytes."""
    return marshal.dumps(shared_sheet.read_indices(xml, styles))


class _NotHere(Exception):
    """The pieces cannot be read without calamine parsing large shared strings again and again."""


class _Reading:
    """How one sheet's pieces are read: each by ``read_any_piece``, or, in a workbook with shared
    strings, by ``shared_sheet``. The helper is given the first pieces as shared-strings pieces
    while this process reads the strings; when they are not of the plain shape, those pieces are
    read again here (as any other) or, the strings being large, the pieces given up."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.strings: list[str] | None = None
        self.styles: shared_sheet.Styles | None = None
        self.shared: bool | None = None  # None: not known yet; then whether the strings were read
        self.calamine_left = CALAMINE_PIECES

    def _shared_task(self, copy: PieceCopy) -> bool:
        if self.shared is None and self.styles is None and copy.strings is not None:
            self.styles = shared_sheet.plain_styles(copy.fixed.get(copy.styles) if copy.styles else None)
        return self.shared is not False and copy.strings is not None and self.styles is not None

    def _read_strings(self, copy: PieceCopy) -> bool:
        """Whether the pieces are shared-strings pieces: the strings read (once) and of the plain shape."""
        if self.shared is None:
            if self._shared_task(copy):
                self.strings = shared_sheet.read_strings(copy.fixed[copy.strings])
            self.shared = self.strings is not None
            if not self.shared and copy.strings_costly():
                raise _NotHere("shared strings not of the plain shape")
        return self.shared

    def depth(self, copy: PieceCopy) -> int:
        """The pieces the helper may hold as ``copy`` comes: more than ``PIECES_DEPTH`` while the
        strings are still to be read here (``read_strings``, one long step) and it is given
        shared-strings pieces, one per ``STRINGS_BYTES_PER_PIECE`` of the strings."""
        if self.shared is None and self._shared_task(copy):
            covered = len(copy.fixed[copy.strings]) // tuning.STRINGS_BYTES_PER_PIECE
            return max(tuning.PIECES_DEPTH, min(covered, tuning.STRINGS_PIECES_MAX))
        return tuning.PIECES_DEPTH

    def task(self, copy: PieceCopy) -> tuple:
        """(function, its arguments) reading ``copy`` in the helper."""
        if self._shared_task(copy):
            return _read_indices_remote, copy.xml, self.styles
        return _read_piece_remote, copy, self.sheet

    def here(self, copy: PieceCopy) -> Piece | None:
        """``read_piece(copy, sheet)``, read in this process."""
        if self._read_strings(copy):
            return self.finish(copy, shared_sheet.read_indices(copy.xml, self.styles), True)
        return read_any_piece(copy, self.sheet)

    def finish(self, copy: PieceCopy, got, shared: bool) -> Piece | None:
        """The piece read as ``task`` said (``shared``: by ``shared_sheet``), ``got``, as
        ``read_piece`` gives it."""
        if not shared:
            return got
        if not self._read_strings(copy):
            return read_any_piece(copy, self.sheet)  # read before the strings were known
        if got is not None:
            return shared_sheet.as_piece(got, self.strings)
        inline = inline_sheet.read_piece(copy, self.sheet)
        if inline is not None:
            return inline
        if copy.strings_costly():
            if self.calamine_left <= 0:
                raise _NotHere("too many pieces calamine must read")
            self.calamine_left -= 1
        return read_piece(copy, self.sheet)


class PieceReader:
    """How a conversion reads a large sheet's pieces with its helper process (``pieces_in_order``),
    and which rows of each sheet so read the helper holds: the pieces it read keep their cells
    there, so that a chunk of those rows is sent to it to normalize as where they are
    (``kept_rows``), not as cells."""

    large_strings = True  # its pieces are read without calamine (``_Reading``)

    def __init__(self, helper: ChunkHelper) -> None:
        self.helper = helper
        self.token = uuid.uuid4().hex
        #: One per sheet read: (its pieces' (first row, rows, the helper's key or None), and once
        #: the pieces are the sheet's columns (``joined``), (columns, first column)).
        self._sheets: list[tuple[list[tuple[int, int, tuple | None]], list]] = []

    def __call__(self, copies: Iterator[PieceCopy], sheet: str) -> Iterator[Piece | None]:
        layout: list[tuple[int, int, tuple | None]] = []
        self._sheets.append((layout, []))
        return pieces_in_order(self.helper, copies, sheet, (self.token, len(self._sheets)), layout)

    def joined(self, columns: list[list[str]], first_col: int, rewritten: bool) -> None:
        """The pieces given last are the sheet's ``columns`` (``reader.excel.read_workbook``);
        ``rewritten``: some cells were changed since (the helper's would be out of date)."""
        if self._sheets and not rewritten:
            self._sheets[-1][1][:] = [columns, first_col]

    def kept_rows(self, src: SourceColumns) -> "KeptRows | None":
        """Which rows of ``src`` the helper holds, if its cells are a sheet read here: its columns
        the very lists the pieces were placed in, no cell changed since."""
        for layout, joined in self._sheets:
            if not joined or not any(key is not None for _, _, key in layout):
                continue
            columns, first_col = joined
            if len(columns) == len(src.columns) and all(a is b for a, b in zip(columns, src.columns)):
                return KeptRows(layout, src.row_numbers, first_col)
        return None


class KeptRows:
    """The rows of one source read in pieces, as the pieces the helper kept (``PieceReader``)."""

    def __init__(self, layout: list[tuple[int, int, tuple | None]], row_numbers: list[int], first_col: int) -> None:
        self.layout, self.row_numbers, self.first_col = layout, row_numbers, first_col
        self._ends = [row + n for row, n, _ in layout]

    def segments(self, a: int, b: int) -> list[tuple] | None:
        """Rows ``a:b`` of the source, in order, as stretches of kept pieces, (key, first row, end
        row) in the piece, and of rows to send as cells, (first row, end row) in the source; None
        when no kept piece holds any of them, or when they are not one stretch of the sheet's
        rows (blank rows were left out between them)."""
        numbers = self.row_numbers
        if b <= a or numbers[b - 1] - numbers[a] != b - 1 - a:
            return None
        start = numbers[a] - 1  # the sheet's 0-based row, as the pieces count them
        end = start + (b - a)
        out: list[tuple] = []
        i, at = bisect_right(self._ends, start), start
        while at < end:
            row, n, key = self.layout[i] if i < len(self.layout) else (end, 0, None)
            if row > at:  # rows no piece holds (no cells)
                stop, key = min(row, end), None
            else:
                stop = min(row + n, end)
                i += 1
            if key is not None:
                out.append((key, at - row, stop - row))
            elif out and len(out[-1]) == 2:
                out[-1] = (out[-1][0], stop - start + a)
            else:
                out.append((at - start + a, stop - start + a))
            at = stop
        return out if any(len(seg) == 3 for seg in out) else None


def piece_reader(helper: ChunkHelper | None) -> PieceReader | None:
    """How a conversion reads a large sheet's pieces with ``helper`` (started when a sheet is
    cut), or None when no helper process may run (one process, one core): the sheet is then
    read whole, as cutting it would only add work."""
    if helper is None or helper.failed or not ChunkHelper.possible():
        return None
    return PieceReader(helper)


def pieces_in_order(helper: ChunkHelper, copies: Iterator[PieceCopy], sheet: str, keep: tuple | None = None,
                    layout: list | None = None) -> Iterator[Piece | None]:
    """``read_piece(copy, sheet)`` for each copy, in order, read here or in ``helper``. ``keep``:
    the pieces the helper reads keep their cells there, under ``(*keep, n)`` (the n-th piece);
    ``layout`` is given each piece's (first row, rows, that key, or None for a piece read here)."""
    helper.start()
    reading = _Reading(sheet)
    # (copy, the helper's work, whether it reads a shared-strings piece, its key; or None, None,
    # the piece read here, None)
    waiting: deque[tuple[PieceCopy | None, list | None, "bool | Piece | None", tuple | None]] = deque()

    def done(piece: Piece | None, key: tuple | None) -> Piece | None:
        if layout is not None and piece is not None and piece[3] is not None:
            layout.append((piece[0], len(piece[3][0]), key))
        return piece

    try:
        for n, copy in enumerate(copies):
            busy = sum(1 for _, pending, _, _ in waiting if pending is not None and not helper.ready(pending))
            task = reading.task(copy) if busy < reading.depth(copy) else None
            key = None
            if task is not None and task[0] is _read_piece_remote and keep is not None:
                key = (*keep, n)
                task = (*task, key)
            pending = helper.call(*task) if task is not None else None
            if pending is not None:
                waiting.append((copy, pending, task[0] is _read_indices_remote, key))
                if task[0] is _read_indices_remote and reading.shared is None:
                    # Taking a result now would read the shared strings (one long step): the
                    # helper is given the pieces it has room for first (``_Reading.depth``).
                    continue
            else:
                waiting.append((None, None, reading.here(copy), None))
            while waiting and helper.ready(waiting[0][1]):
                yield done(*_result(helper, reading, *waiting.popleft()))
        while waiting:
            yield done(*_result(helper, reading, *waiting.popleft()))
    finally:
        for _, pending, _, _ in waiting:
            for future in pending or ():
                future.cancel()


def _result(helper: ChunkHelper, reading: _Reading, copy: PieceCopy | None, pending: list | None,
            done, key: tuple | None) -> tuple[Piece | None, tuple | None]:
    """(the piece, the key the helper keeps its cells under, or None)."""
    if pending is None:
        return done, None
    packed = helper.value(pending)  # None: the helper failed, and this piece is read here
    if packed is None:
        return reading.here(copy), None
    if done:  # a shared-strings piece: the helper holds its numbers only
        return reading.finish(copy, marshal.loads(packed), done), None
    return reading.finish(copy, _as_piece(packed), done), key

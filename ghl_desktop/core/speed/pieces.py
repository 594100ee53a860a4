"""A large worksheet read on two cores: its pieces (``reader.excel.read_in_pieces``) are read by
this process and the helper process at once.

calamine parses a whole sheet in one call, which left the second core idle for the first seconds
of a large workbook's conversion. The reader cuts the sheet into workbook copies that each hold
one stretch of rows; here each copy goes to the helper while it holds fewer than ``PIECES_DEPTH``
of them, and this process reads the next one itself otherwise. The results come back in order,
and a piece the helper fails on is read here: the cells are ``read_piece``'s either way. A piece
of the plain inline-string shape is read by ``inline_sheet.read_piece`` (the same cells, in about
60% of calamine's CPU time), any other by calamine.
"""

from __future__ import annotations

import marshal
from collections import deque
from typing import Iterator

from ..reader.excel import Piece, PieceCopy, PieceMap, read_piece
from . import inline_sheet, tuning
from .helper import ChunkHelper


def read_any_piece(copy: PieceCopy, sheet: str) -> Piece | None:
    """``read_piece(copy, sheet)``: by ``inline_sheet`` when the piece is of its shape."""
    return inline_sheet.read_piece(copy, sheet) or read_piece(copy, sheet)


def _read_piece_remote(copy: PieceCopy, sheet: str) -> bytes:
    """In the helper: ``read_any_piece``, sent back as ``marshal`` bytes (one C call each way)."""
    piece = read_any_piece(copy, sheet)
    if piece is not None and piece[3] is not None:
        _share_repeats(piece[3])
    return marshal.dumps(piece)


def _share_repeats(columns: list[list[str]]) -> None:
    """A column's repeated values made one string each: ``marshal`` then sends each value once and
    a reference to it after, and this process reads the piece back in a third of the time."""
    for j, column in enumerate(columns):
        if len(set(column)) * 2 < len(column):
            canon: dict[str, str] = {}
            columns[j] = list(map(canon.setdefault, column, column))


def piece_reader(helper: ChunkHelper | None) -> PieceMap | None:
    """How a conversion reads a large sheet's pieces with ``helper`` (started when a sheet is
    cut), or None when no helper process may run (one process, one core): the sheet is then
    read whole, as cutting it would only add work."""
    if helper is None or helper.failed or not ChunkHelper.possible():
        return None

    def read(copies: Iterator[PieceCopy], sheet: str) -> Iterator[Piece | None]:
        return pieces_in_order(helper, copies, sheet)

    return read


def pieces_in_order(helper: ChunkHelper, copies: Iterator[PieceCopy], sheet: str) -> Iterator[Piece | None]:
    """``read_any_piece(copy, sheet)`` for each copy, in order, read here or in ``helper``."""
    helper.start()
    waiting: deque[tuple[PieceCopy | None, list | None, Piece | None]] = deque()  # (copy, helper's work, result)
    try:
        for copy in copies:
            busy = sum(1 for _, pending, _ in waiting if pending is not None and not helper.ready(pending))
            pending = helper.call(_read_piece_remote, copy, sheet) if busy < tuning.PIECES_DEPTH else None
            if pending is not None:
                waiting.append((copy, pending, None))
            else:
                waiting.append((None, None, read_any_piece(copy, sheet)))
            while waiting and helper.ready(waiting[0][1]):
                yield _result(helper, *waiting.popleft(), sheet)
        while waiting:
            yield _result(helper, *waiting.popleft(), sheet)
    finally:
        for _, pending, _ in waiting:
            for future in pending or ():
                future.cancel()


def _result(helper: ChunkHelper, copy: PieceCopy | None, pending: list | None, done: Piece | None, sheet: str) -> Piece | None:
    if pending is None:
        return done
    packed = helper.value(pending)  # None: the helper failed, and this piece is read here
    return marshal.loads(packed) if packed is not None else read_any_piece(copy, sheet)

"""A second core for normalizing: every other chunk of a large file goes to a helper process.

Python runs one thread of Python code at a time, so normalizing two chunks at once needs a second
*process*. For a large input (``MIN_ROWS`` and up, on a machine with two cores or more) one helper
process is started with ``spawn`` (the same on Windows, macOS and Linux, and safe beside Qt's
threads, unlike ``fork``) as soon as the file is known to be large, so its start-up overlaps the
read. The conversion then hands it every other chunk while normalizing the rest itself, and takes
the results back in order, so the live preview and progress still advance chunk by chunk.

The helper runs exactly the same ``normalize_chunk`` on exactly the same values, so its rows are
the rows the main process would have made. Anything going wrong with it (it cannot start, it dies,
a result cannot be sent back) only means that chunk is normalized in the main process instead.
Small inputs never start it: below ``MIN_ROWS`` the start-up costs more than it saves.

The frozen app calls ``multiprocessing.freeze_support()`` first thing (``installer/entry.py``),
which is what lets the helper start from the packaged executable.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
import types
from concurrent.futures import Future, ProcessPoolExecutor

from .assemble import SourceColumns, ValueCache, normalize_chunk
from .mapping import Mapping
from .table import ContactTable

log = logging.getLogger(__name__)

#: Inputs with fewer rows are normalized in the main process only.
MIN_ROWS = int(os.environ.get("GHL_DESKTOP_PARALLEL_MIN_ROWS", "150000"))
#: Rows per message to and from the helper (see ``ChunkHelper.submit``).
PIECE_ROWS = 5_000
#: A text file this large has at least ``MIN_ROWS`` rows in practice (~80 bytes a contact row),
#: which is enough to start the helper before the read has even finished.
MIN_BYTES_TO_PRESTART = MIN_ROWS * 60

_cache: ValueCache | None = None


def _warm_up() -> bool:
    """Runs first in the helper: importing the normalizers happens while the main process reads."""
    return True


def _normalize_remote(columns: list[list[str] | None], mapping: Mapping, file_index: int,
                      n: int, region: str) -> ContactTable:
    """In the helper: one chunk's mapped columns (others None) → its normalized table (no sources)."""
    global _cache
    if _cache is None or _cache.region != region:
        _cache = ValueCache(region)
    src = SourceColumns("", [], [c if c is not None else [] for c in columns], [])
    table = normalize_chunk(src, mapping, file_index, 0, n, _cache)
    _cache.drop_high_cardinality()
    table.sources = []  # rebuilt in the main process: no need to send a million tuples back
    return table


@contextlib.contextmanager
def _caller_script_hidden():
    """While the helper process starts, ``__main__`` is an empty stand-in module.

    ``spawn`` normally re-imports the caller's main script in the child (as ``__mp_main__``) so that
    functions defined there can be unpickled. The helper only runs this module's functions, and a
    caller's script without an ``if __name__ == "__main__":`` guard would otherwise be re-run in the
    helper: a second conversion, second output files. Without a ``__file__`` or ``__spec__`` on
    ``__main__``, spawn imports nothing of the caller's.
    """
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is not None:
            sys.modules["__main__"] = real


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class ChunkHelper:
    """One helper process normalizing chunks on request; ``None``-safe for the caller's loop."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self.failed = False

    @classmethod
    def wanted(cls, rows: int) -> bool:
        return rows >= MIN_ROWS and cores() >= 2

    def start(self) -> None:
        """Start the helper process now (idempotent); its imports overlap whatever comes next."""
        if self._pool is not None or self.failed:
            return
        try:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            with _caller_script_hidden():
                self._pool.submit(_warm_up)  # the process starts here, synchronously
        except Exception:  # no processes allowed here, resources exhausted, ...: one core it is
            log.warning("could not start the normalizing helper process", exc_info=True)
            self._shutdown()
            self.failed = True

    def submit(self, src: SourceColumns, mapping: Mapping, file_index: int, start: int, stop: int,
               region: str) -> list[Future] | None:
        """Normalize rows ``start:stop`` of ``src`` in the helper; None when it is not available.

        Sent in pieces of ``PIECE_ROWS``: each piece is pickled (in a feeder thread) and its result
        unpickled (in the pool's manager thread) by one C call that holds the GIL, so pieces keep
        those calls to a few milliseconds and the window repainting.
        """
        self.start()
        if self._pool is None:
            return None
        used = {c.index for c in mapping.columns if c.field is not None}
        pending = []
        try:
            for a in range(start, stop, PIECE_ROWS):
                b = min(a + PIECE_ROWS, stop)
                columns = [col[a:b] if i in used else None for i, col in enumerate(src.columns)]
                pending.append(self._pool.submit(_normalize_remote, columns, mapping, file_index, b - a, region))
        except Exception:
            log.warning("the normalizing helper process is gone", exc_info=True)
            self.failed = True
            for f in pending:
                f.cancel()
            return None
        return pending

    @staticmethod
    def ready(pending: list[Future] | None) -> bool:
        return pending is None or all(f.done() for f in pending)

    def result(self, pending: list[Future] | None, file_index: int, start: int, stop: int) -> ContactTable | None:
        """The helper's table for rows ``start:stop`` with its sources filled in, or None (failed)."""
        if pending is None:
            return None
        table = ContactTable()
        try:
            for a, future in zip(range(start, stop, PIECE_ROWS), pending):
                piece = future.result()
                # Sources first: ``extend`` numbers the piece's rows after the rows already there.
                piece.sources = [(file_index, i) for i in range(a, min(a + PIECE_ROWS, stop))]
                table.extend(piece)
        except Exception:
            log.warning("the normalizing helper process failed; normalizing here instead", exc_info=True)
            self.failed = True
            return None
        return table

    def close(self) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> "ChunkHelper":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

"""A second core for normalizing: chunks of a large file go to a helper process too.

Python runs one thread of Python code at a time, so normalizing two chunks at once needs a second
*process*. For a large input (``MIN_ROWS`` and up, on a machine with two cores or more) one helper
process is started with ``spawn`` (the same on Windows, macOS and Linux, and safe beside Qt's
threads, unlike ``fork``) as soon as the file is known to be large, so its start-up overlaps the
read; it gets chunks of rows as soon as the reader reports them final, and afterwards both
processes take the next chunk nobody has taken (``in_order``). The results come back in order, so
the live preview and progress still advance chunk by chunk.

The helper runs exactly the same ``normalize_chunk`` on exactly the same values, so its rows are
the rows the main process would have made. Anything going wrong with it (it cannot start, it dies,
a result cannot be sent back) only means that chunk is normalized in the main process instead.
Small inputs never start it: below ``MIN_ROWS`` the start-up costs more than it saves.

The frozen app calls ``multiprocessing.freeze_support()`` first thing (``installer/entry.py``),
which is what lets the helper start from the packaged executable.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import marshal
import multiprocessing
import os
import sys
import threading
import types
import uuid
import zipfile
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import compress, repeat
from operator import ne

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from ..assemble import SourceColumns, ValueCache, normalize_chunk
from ..mapping import Mapping
from ..reader.excel import is_zip
from ..schema import STANDARD, Schema
from ..table import ContactTable, MergedRows, Problem, RowSources
from . import tuning

log = logging.getLogger(__name__)

_cache: ValueCache | None = None

#: In the helper: the normalized columns of the chunks it made for a conversion that asked it to
#: keep them (``ChunkHelper(keep=True)``), as the ``marshal`` bytes it sent back, by (file index,
#: first row); only the latest conversion's (``_kept_token``). See ``kept_columns``.
_kept: dict[tuple[int, int], list[bytes]] = {}
_kept_token: str | None = None
#: (key, columns) of the kept chunk decoded last: an export's slices come in row order.
_decoded: tuple | None = None

#: In the helper: the cells of the sheet pieces it read for the latest conversion that asked it to
#: keep them (``speed.pieces``), as the ``marshal`` bytes of each column it sent back, with the
#: piece's first column, by key; only that conversion's (``_pieces_token``). See ``_kept_piece``.
_pieces: dict[tuple, tuple[int, list[bytes]]] = {}
_pieces_token: str | None = None
#: Decoded columns of the pieces read last by ``_kept_column`` (a piece spans a chunk or two).
_pieces_decoded: dict[tuple, list[list[str] | None]] = {}
_PIECES_DECODED = 3


def _warm_up() -> bool:
    """Runs first in the helper: importing the normalizers happens while the main process reads.

    The helper only builds acyclic data (strings, lists, dicts of them) that reference counting
    frees, so the cyclic garbage collector is switched off for good: left on, it walks the
    growing heap every few hundred allocations and halves the helper's speed (the main process
    pauses it for a conversion the same way, see ``pipeline.gc_paused``).
    """
    gc.disable()
    gc.freeze()
    threading.Thread(target=_end_with_parent, name="end-with-parent", daemon=True).start()
    return True


def _end_with_parent() -> None:
    """In the helper: end as soon as the process that started it has ended, however it ended.

    The helper waits for work on a pipe whose writing end it holds a copy of itself, so a parent
    that was killed, crashed or ended with ``os._exit`` would never look like the end of the work:
    the helper would wait there for ever. The parent's sentinel becomes ready when it ends.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    parent.join()
    os._exit(0)


def _normalize_remote(packed_columns: list[bytes | None], mapping: Mapping, file_index: int, n: int,
                      region: str, keep: tuple[str, tuple[int, int]] | None = None) -> list[bytes]:
    """In the helper: one piece's mapped columns (others None) → its normalized table, packed.

    Both ways the data travels as ``marshal`` bytes of plain lists and tuples: the pool then only
    copies bytes objects, and decoding is a fast C call on the receiving side (pickling ``Problem``
    objects goes through copyreg for each one and costs several times more). One bytes object per
    column (see ``_as_parts``): each decode is one C call holding the GIL, and a whole chunk's at
    once would be long enough to stall the window when the main process is the app's.
    ``keep``: (conversion token, key) to keep the columns under, for the export (``kept_columns``).
    """
    columns = [marshal.loads(c) if c is not None else [] for c in packed_columns]
    return _normalize_columns(columns, mapping, file_index, n, region, keep)


def _normalize_segments(segments: list[tuple], width: int, used: list[int], first_col: int, mapping: Mapping,
                        file_index: int, n: int, region: str,
                        keep: tuple[str, tuple[int, int]] | None = None) -> list[bytes]:
    """In the helper: ``_normalize_remote`` of rows given as ``segments`` (``ChunkHelper.submit``):
    in order, stretches of the pieces it read and kept, as (key, first row, end row) of the piece,
    and stretches of cells sent along, as their packed columns (a list). ``width``: the
    source's columns; ``used``: those the mapping reads (the others stay empty); ``first_col``:
    the sheet's column the source's first one is."""
    columns: list[list[str]] = [[] for _ in range(width)]
    for seg in segments:
        if type(seg) is list:
            for i in used:
                columns[i] += marshal.loads(seg[i])
            continue
        key, a, b = seg
        lo, cells = _kept_piece(key)
        for i in used:
            j = first_col + i - lo
            col = _kept_column(key, cells, j) if 0 <= j < len(cells) else None
            if col is None:
                columns[i] += repeat("", b - a)
            else:
                columns[i] += col[a:b]
    return _normalize_columns(columns, mapping, file_index, n, region, keep)


def keep_piece(key: tuple, first_col: int, columns: list[bytes]) -> None:
    """In the helper: keep a piece's packed columns, ``key`` being (conversion token, ...): a new
    token drops the pieces kept before."""
    global _pieces_token
    if key[0] != _pieces_token:
        _pieces.clear()
        _pieces_decoded.clear()
        _pieces_token = key[0]
    _pieces[key] = (first_col, columns)


def _kept_piece(key: tuple) -> tuple[int, list[bytes]]:
    """(first column, packed columns) of a piece kept (``keep_piece``); LookupError when there is
    none (the chunk then fails here, and the main process normalizes it)."""
    if key not in _pieces:
        raise LookupError(f"no kept piece {key}")
    return _pieces[key]


def _kept_column(key: tuple, cells: list[bytes], j: int) -> list[str]:
    """Column ``j`` of a kept piece, decoded once for the chunks that read it."""
    decoded = _pieces_decoded.get(key)
    if decoded is None:
        while len(_pieces_decoded) >= _PIECES_DECODED:
            del _pieces_decoded[next(iter(_pieces_decoded))]
        decoded = _pieces_decoded[key] = [None] * len(cells)
    if decoded[j] is None:
        decoded[j] = marshal.loads(cells[j])
    return decoded[j]


def _normalize_columns(columns: list[list[str]], mapping: Mapping, file_index: int, n: int, region: str,
                       keep: tuple[str, tuple[int, int]] | None) -> list[bytes]:
    global _cache
    if _cache is None or _cache.region != region:
        _cache = ValueCache(region)
    src = SourceColumns("", [], columns, [])
    table = normalize_chunk(src, mapping, file_index, 0, n, _cache)
    _cache.drop_high_cardinality()
    parts = _as_parts(_pack(table))
    if keep is not None:
        _keep(*keep, parts[1:])
    return _as_source_refs(parts, table, mapping, src.columns)


def _as_source_refs(parts: list[bytes], table: ContactTable, mapping: Mapping,
                    columns: list[list[str]]) -> list[bytes]:
    """``parts`` with each normalized column that is mostly its one source column (ids, codes,
    most custom fields; emails, cities and CEPs typed as they are kept) sent as that column's
    index and the cells that differ (``_source_patch``): the main process takes its own cells
    for the rest, so the table shares their strings with the sources instead of holding a copy,
    and less travels and is decoded."""
    reply = parts
    for k, (name, col) in enumerate(table.columns.items(), 1):
        feeding = mapping.sources_for(name)
        if len(feeding) != 1 or not any(col):
            continue
        patch = _source_patch(col, columns[feeding[0]], feeding[0])
        if patch is not None:
            if reply is parts:
                reply = list(parts)
            reply[k] = marshal.dumps(patch)
    return reply


#: The first rows of a column ``_source_patch`` compares before comparing all of them.
_PATCH_PROBE_ROWS = 512


def _source_patch(col: list[str], source: list[str], index: int):
    """``index`` when ``col`` is ``source`` cell for cell; (``index``, rows, cells) when it differs
    in at most half of its rows (those rows and their cells); else None. See ``_patched``."""
    if len(col) != len(source):
        return None
    if col == source:
        return index
    head = _PATCH_PROBE_ROWS
    if sum(map(ne, col[:head], source[:head])) * 2 > min(head, len(col)):
        return None  # most cells differ (phones, dates, amounts): the whole column travels
    differ = list(compress(range(len(col)), map(ne, col, source)))
    if len(differ) * 2 > len(col):
        return None
    return index, differ, list(map(col.__getitem__, differ))


def _patched(sent, columns: list[list[str]], a: int, b: int) -> list[str] | None:
    """The column ``_source_patch`` (or a plain column) stands for, rows ``a:b`` of ``columns``."""
    if type(sent) is int:
        return columns[sent][a:b]
    if type(sent) is tuple:
        index, rows, cells = sent
        col = columns[index][a:b]
        deque(map(col.__setitem__, rows, cells), 0)  # col[r] = cell, looped in C
        return col
    return sent


def _keep(token: str, key: tuple[int, int], columns: list[bytes]) -> None:
    """In the helper: keep a chunk's packed columns (a new conversion's token drops the last one's)."""
    global _kept_token, _decoded
    if token != _kept_token:
        _kept.clear()
        _kept_token, _decoded = token, None
    elif _decoded is not None and _decoded[0] == key:
        _decoded = None  # the same rows normalized again (a read that fell back): not the old ones
    _kept[key] = columns


def kept_columns(token: str, key: tuple[int, int]) -> list[list[str] | None]:
    """In the helper: the normalized columns (schema order; None for an all-empty one) of a chunk it
    kept for conversion ``token``. Raises LookupError when it has no such chunk (the caller's
    work then fails, and the main process does it)."""
    global _decoded
    if token != _kept_token or key not in _kept:
        raise LookupError(f"no kept chunk {key} for this conversion")
    if _decoded is None or _decoded[0] != key:
        _decoded = (key, [marshal.loads(p) for p in _kept[key]])
    return _decoded[1]


def _packed(columns: list[list[str]], used: set[int], a: int, b: int) -> list[bytes | None]:
    """Rows ``a:b`` of the ``used`` columns as ``marshal`` bytes, a column at a time (others None)."""
    return [marshal.dumps(col[a:b]) if i in used else None for i, col in enumerate(columns)]


def _as_parts(data: tuple) -> list[bytes]:
    """``_pack``'s tuple as ``marshal`` bytes: its columns one by one, then everything else."""
    n, columns, *rest = data
    return [marshal.dumps((n, *rest)), *map(marshal.dumps, columns)]


def _from_parts(parts: list[bytes]) -> tuple:
    """What ``_as_parts`` was given (one short C call per column)."""
    n, *rest = marshal.loads(parts[0])
    return (n, [marshal.loads(p) for p in parts[1:]], *rest)


def _pack(table: ContactTable) -> tuple:
    """A table as plain data (sources left out: the main process knows them). A column of empty
    cells only (most GHL fields, in most lists) goes as None: nothing to encode or decode."""
    # A Problem is a tuple subclass, which marshal refuses: it travels as its plain tuple.
    problems = [(r, f, tuple(p))
                for r, fields in table.problems.items() for f, probs in fields.items() for p in probs]
    columns = [col if any(col) else None for col in table.columns.values()]
    return (len(table), columns, problems, table.suggestions,
            table.merged.to_plain(), sorted(table.excluded))


def _unpack(data: tuple, schema: Schema = STANDARD) -> ContactTable:
    """``_pack``'s data as a table of ``schema`` (the one the packed table had)."""
    n, columns, problems, suggestions, merged, excluded = data
    table = ContactTable(schema=schema)
    table.columns = {c: [""] * n if col is None else col for c, col in zip(schema.columns, columns)}
    as_problem = tuple.__new__  # (Problem, triple): no Python-level call per problem
    for r, f, triple in problems:  # packed in the table's own order
        table.problems.setdefault(r, {}).setdefault(f, []).append(as_problem(Problem, triple))
    table.suggestions = suggestions
    table.merged = MergedRows.from_plain(merged)
    table.excluded = set(excluded)
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


def _widen_pipes(pool: ProcessPoolExecutor) -> None:
    """Give the pool's pipes ``PIPE_BYTES`` of room where the system allows it (Linux).

    A pipe holds 64 KB by default, so a 2 MB result crosses in ~40 writes and ~40 reads; each read
    here runs on the pool's manager thread, which must win the GIL back from the normalizing thread
    every time (a switch interval each), and meanwhile the helper sits blocked in its write. That
    left the helper idle a third of the time. With room for a whole MB, a message crosses in a few
    steps. Windows pipes move a whole message per call already; elsewhere this does nothing. Best
    effort: the queues are the pool's private attributes, and any failure leaves the defaults.
    """
    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setpipe is None:
        return
    for queue, end in ((getattr(pool, "_call_queue", None), "_writer"),
                       (getattr(pool, "_result_queue", None), "_reader")):
        try:
            fcntl.fcntl(getattr(queue, end).fileno(), setpipe, tuning.PIPE_BYTES)
        except (AttributeError, OSError, ValueError):  # no such pipe, or above the system's limit
            log.debug("could not widen a helper pipe", exc_info=True)


def likely_rows(paths) -> int:
    """A guess at the row count from the file sizes, known before reading: enough to start the
    helper while the file is still being read."""
    try:
        return sum(_workbook_rows(p) or os.path.getsize(p) // tuning.BYTES_PER_ROW for p in paths)
    except OSError:
        return 0


def _workbook_rows(path) -> int:
    """For an .xlsx/.xlsm, a guess from its worksheets' XML size (the zip's own directory says it:
    a compressed sheet is several times smaller than its rows); 0 for any other file."""
    try:
        if not is_zip(path):
            return 0
        with zipfile.ZipFile(path) as zf:
            size = sum(i.file_size for i in zf.infolist() if i.filename.startswith("xl/worksheets/"))
    except (OSError, zipfile.BadZipFile, ValueError):
        return 0
    return size // tuning.XML_BYTES_PER_ROW


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class ChunkHelper:
    """One helper process normalizing chunks on request; ``None``-safe for the caller's loop."""

    def __init__(self, keep: bool = False) -> None:
        """``keep``: the helper keeps the columns of every chunk it normalizes, and ``kept_runs``
        says which table rows they are, so that an export right after the conversion can have
        those rows formatted there without sending them back (``export.ExportAhead``). For a
        caller that exports at once (the command line): they cost the helper ~60 MB a million rows.
        """
        self._pool: ProcessPoolExecutor | None = None
        self.failed = False
        self._switch_interval: float | None = None
        #: The conversion's token in the helper (None: nothing is kept there).
        self.keep_token: str | None = uuid.uuid4().hex if keep else None
        self._kept_pieces: dict[tuple[int, int], int] = {}  # (file index, first row) -> rows
        self._keep_rows = 0  # rows sent to be kept (``KEEP_MAX_ROWS``)
        self._keeping: set[tuple[int, int]] = set()  # (file index, first row) of the pieces sent so
        #: (first table row, rows, key) of each run of table rows whose columns the helper keeps,
        #: in table order (see ``placed``).
        self.kept_runs: list[tuple[int, int, tuple[int, int]]] = []
        #: The schema of the chunks submitted (one conversion's mappings share one).
        self.schema: Schema = STANDARD

    @property
    def active(self) -> bool:
        """Started and not failed: chunks sent now will be normalized there."""
        return self._pool is not None and not self.failed

    @classmethod
    def wanted(cls, rows: int) -> bool:
        return rows >= tuning.MIN_ROWS and cls.possible()

    @staticmethod
    def possible() -> bool:
        """A helper process may run here at all: not told to use one process, two cores or more."""
        return not tuning.ONE_PROCESS and cores() >= 2

    def start(self) -> None:
        """Start the helper process now (idempotent); its imports overlap whatever comes next.
        Never with ``tuning.ONE_PROCESS``: every chunk is then normalized here."""
        if self._pool is not None or self.failed or tuning.ONE_PROCESS:
            return
        # The pool's feeder and manager threads need this process's GIL for every hand-off to the
        # helper; at Python's default 5 ms switch interval they wait behind the normalizing thread
        # long enough to leave the helper idle a third of the time. Restored by close().
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, tuning.HAND_OFF_SWITCH_INTERVAL_S))
        try:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            with _caller_script_hidden():
                self._pool.submit(_warm_up)  # the process starts here, synchronously
            _widen_pipes(self._pool)
        except Exception:  # no processes allowed here, resources exhausted, ...: one core it is
            log.warning("could not start the normalizing helper process", exc_info=True)
            self._shutdown()
            self.failed = True

    def submit(self, src: SourceColumns, mapping: Mapping, file_index: int, start: int, stop: int,
               region: str, kept=None) -> list[Future] | None:
        """Normalize rows ``start:stop`` of ``src`` in the helper; None when it is not available.

        Sent in pieces of at most ``PIECE_ROWS``, as ``marshal`` bytes both ways, a column at a
        time: the pool's feeder and manager threads then only copy bytes, and each encode and
        decode here is one short C call. ``kept``: which of ``src``'s rows the helper holds
        already, as the sheet pieces it read (``speed.pieces.KeptRows``): those rows are sent as
        where they are in those pieces, not as cells.
        """
        self.start()
        if self._pool is None:
            return None
        used = {c.index for c in mapping.columns if c.field is not None}
        self.schema = mapping.schema
        pending = []
        try:
            for a in range(start, stop, tuning.PIECE_ROWS):
                b = min(a + tuning.PIECE_ROWS, stop)
                segments = kept.segments(a, b) if kept is not None else None
                keep = None
                if self.keep_token is not None and self._keep_rows + (b - a) <= tuning.KEEP_MAX_ROWS:
                    keep = (self.keep_token, (file_index, a))
                    self._keep_rows += b - a
                    self._keeping.add((file_index, a))
                if segments is None:
                    columns = _packed(src.columns, used, a, b)
                    pending.append(self._pool.submit(_normalize_remote, columns, mapping, file_index, b - a,
                                                     region, keep))
                    continue
                wire = [seg if len(seg) == 3 else _packed(src.columns, used, *seg) for seg in segments]
                pending.append(self._pool.submit(_normalize_segments, wire, len(src.columns), sorted(used),
                                                 kept.first_col, mapping, file_index, b - a, region, keep))
        except Exception:
            log.warning("the normalizing helper process is gone", exc_info=True)
            self.failed = True
            for f in pending:
                f.cancel()
            return None
        return pending

    def call(self, fn, *args) -> list[Future] | None:
        """``fn(*args)`` in the helper, if it is already running (``fn``: a module-level function
        of this package); None when it is not, so the caller does the work itself."""
        if not self.active:
            return None
        try:
            return [self._pool.submit(fn, *args)]
        except Exception:
            log.warning("the helper process is gone", exc_info=True)
            self.failed = True
            return None

    def offload(self, fn, *args):
        """``fn(*args)`` started in the helper (see ``call``): a function that waits for its value
        (None: the helper failed on the way), or None when the helper is not running."""
        pending = self.call(fn, *args)
        return None if pending is None else lambda: self.value(pending)

    def value(self, pending: list[Future] | None):
        """What ``call`` gave (waiting for it), or None when the helper failed on the way."""
        if pending is None:
            return None
        try:
            return pending[0].result()
        except Exception:
            log.warning("the helper process failed; doing the work here instead", exc_info=True)
            self.failed = True
            return None

    @staticmethod
    def ready(pending: list[Future] | None) -> bool:
        return pending is None or all(f.done() for f in pending)

    def result(self, pending: list[Future] | None, file_index: int, start: int, stop: int,
               src: SourceColumns) -> ContactTable | None:
        """The helper's table for rows ``start:stop`` of ``src`` with its sources filled in, or None
        (failed). A column the helper found to be mostly its source column is ``src``'s own cells
        but where they differ (``_patched``)."""
        if pending is None:
            return None
        pieces = []
        try:
            for a, future in zip(range(start, stop, tuning.PIECE_ROWS), pending):
                data = _from_parts(future.result())
                b = min(a + tuning.PIECE_ROWS, stop)
                data[1][:] = [_patched(col, src.columns, a, b) for col in data[1]]
                piece = _unpack(data, self.schema)
                piece.sources = RowSources.run(file_index, a, min(a + tuning.PIECE_ROWS, stop))
                pieces.append(piece)
        except Exception:
            log.warning("the normalizing helper process failed; normalizing here instead", exc_info=True)
            self.failed = True
            return None
        if self._keeping:
            for a, piece in zip(range(start, stop, tuning.PIECE_ROWS), pieces):
                if (file_index, a) in self._keeping:
                    self._kept_pieces[(file_index, a)] = len(piece)
        if len(pieces) == 1:
            return pieces[0]  # the usual case (one piece a chunk): no copy
        table = ContactTable(schema=self.schema)
        for piece in pieces:
            table.extend(piece)
        return table

    def placed(self, file_index: int, start: int, stop: int, base: int) -> None:
        """Rows ``start:stop`` of input ``file_index`` (as normalized) became the table's rows from
        ``base`` on: the runs of them the helper keeps go into ``kept_runs``."""
        if not self._kept_pieces:
            return
        for a in range(start, stop, tuning.PIECE_ROWS):  # the pieces ``submit`` cut
            n = self._kept_pieces.pop((file_index, a), None)
            if n is not None:
                self.kept_runs.append((base + a - start, n, (file_index, a)))

    def close(self, wait: bool = False) -> None:
        """Stop the helper. ``wait``: until it has ended and the pool's pipes and semaphores are
        released (before the process ends with ``os._exit``, which runs no clean-up of its own:
        the semaphores would be left to the resource tracker, which warns about them)."""
        self._shutdown(wait)

    def _shutdown(self, wait: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def __enter__(self) -> "ChunkHelper":
        return self

    def __exit__(self, *exc) -> None:
        self.close()




def in_order(n: int, local, send, receive, helper: ChunkHelper | None, *, sent: dict | None = None,
             check=None):
    """Yield ``(k, result)`` for items ``0 .. n-1`` in order, shared between this process and ``helper``.

    Both processes take the next item nobody has taken yet whenever they are free: ``send(k)``
    hands item ``k`` to the helper (giving its pending work, or None when it cannot) whenever the
    helper holds fewer than ``HELPER_DEPTH`` items, and this process does the next free item itself
    (``local(k)``) whenever the item due is still in the helper. ``receive(k, pending)`` gives the
    helper's result (waiting for it), or None if the helper failed, and then the item is done here.
    Both cores stay busy to the end whatever their speeds, and results still come out in order (an
    item done early waits). ``sent``: items already handed to the helper, by index. ``check()`` runs
    before each step (to raise on cancel).
    """
    sent = dict(sent or {})
    claimed = set(sent)
    done: dict[int, object] = {}
    free = 0  # no item before this one is free

    def next_free() -> int | None:
        nonlocal free
        while free < n and free in claimed:
            free += 1
        return free if free < n else None

    def do_here(k: int) -> None:
        claimed.add(k)
        done[k] = local(k)

    def top_up() -> None:
        if helper is None or helper.failed:
            return
        busy = sum(1 for pending in sent.values() if not helper.ready(pending))
        while busy < tuning.HELPER_DEPTH:
            k = next_free()
            if k is None or (busy and len(claimed) == n - 1):
                # The last item is not queued behind the one the helper is busy with: this
                # process does it meanwhile, rather than wait for both at the end.
                return
            pending = send(k)
            if pending is None:
                return
            claimed.add(k)
            sent[k] = pending
            busy += 1

    for k in range(n):
        while k not in done:
            if check is not None:
                check()
            top_up()
            if k not in sent:
                do_here(k)
            elif helper.ready(sent[k]) or next_free() is None:
                result = receive(k, sent.pop(k))  # waits if not ready
                if result is None:
                    do_here(k)
                else:
                    done[k] = result
            else:
                do_here(next_free())  # get on with the next free item meanwhile
        yield k, done.pop(k)

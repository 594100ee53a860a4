"""Memory and the garbage collector around big conversions, and the command line's quick exit.

A million-row conversion builds and later drops tens of millions of small objects. Python's cyclic
collector would walk them all, more than once, with the GIL held (the window freezes), and
dropping a result frees them one by one in a single C call. These helpers keep both short.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
from typing import NoReturn

@contextlib.contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector while building millions of (acyclic) objects.

    A full collection walks every live object with the GIL held: at a million rows that is a
    multi-second freeze of the whole app, GUI included. On the way out the survivors are frozen
    (``gc.freeze``) so later collections never walk them either. Our objects form no reference
    cycles, so reference counting still frees every one of them when the result is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:
        # Never freeze on the way out of an error: a traceback's frames hold the job's data in a
        # cycle, and frozen objects are never collected.
        if was_enabled:
            gc.enable()
        raise
    gc.freeze()
    if was_enabled:
        gc.enable()


#: Items freed per step by :func:`release`: a couple of ms of deallocation each.
_RELEASE_ITEMS = 20_000


def release(*items) -> None:
    """Free job data (results, tables, sources) a slice at a time, so the GIL is never held long.

    Dropping the last reference to a million-row result frees tens of millions of objects in one
    C call: the window froze for most of a second when a finished job let go of its result.
    Here every big list is emptied from its end in slices and every big dict item by item, with
    the GIL free between steps. Only for data nobody needs any more: the containers are emptied
    in place (the report and mappings of a result are left alone).
    """
    seen: set[int] = set()
    for item in items:
        _release(item, seen)


def _release(obj, seen: set[int]) -> None:
    if obj is None or id(obj) in seen:
        return
    seen.add(id(obj))
    from ..assemble import SourceColumns
    from ..table import ContactTable

    if hasattr(obj, "table") and hasattr(obj, "sources"):  # a conversion result
        _release(obj.table, seen)
        _release(obj.sources, seen)
    elif isinstance(obj, ContactTable):
        for col in obj.columns.values():
            _clear_list(col)
        obj.sources.clear()  # arrays of machine integers: nothing to free one by one
        for d in (obj.problems, obj.suggestions):
            _clear_dict(d)
        obj.merged.clear()  # arrays of machine integers, like the sources
        if len(obj.excluded) > _RELEASE_ITEMS:
            excluded = obj.excluded
            while excluded:
                excluded.pop()
        obj.excluded.clear()
    elif isinstance(obj, SourceColumns):
        for col in obj.columns:
            _clear_list(col)
        _clear_list(obj.row_numbers)
    elif isinstance(obj, list):
        if obj and (isinstance(obj[0], (ContactTable, SourceColumns)) or hasattr(obj[0], "table")):
            for x in obj:
                _release(x, seen)


def _clear_list(values: list) -> None:
    while len(values) > _RELEASE_ITEMS:
        del values[-_RELEASE_ITEMS:]
    values.clear()


def _clear_dict(d: dict) -> None:
    if len(d) > _RELEASE_ITEMS:
        while d:
            d.popitem()
    d.clear()




#: glibc's ``mallopt`` parameter number of the mmap threshold.
_M_MMAP_THRESHOLD = -3
#: Blocks at least this big get a mapping of their own (see :func:`map_big_blocks`): a list of
#: 131,072 items or more.
BIG_BLOCK = 1 << 20


def map_big_blocks() -> bool:
    """Give every heap block of ``BIG_BLOCK`` bytes or more a mapping of its own, for good (glibc's
    mmap threshold, fixed; elsewhere nothing). True when it was set.

    glibc raises its threshold to the size of each mapped block freed (up to 32 MB), so once a
    job has freed its first million-row column, the next ones come from the heap, and a list
    that grows past its room there is copied into a new block: one ``extend`` of a slice
    copying 8 MB into pages never touched before, with the GIL held. A mapped block grows by
    ``mremap`` instead (no copy, no new pages but the slice's own). For the window's process,
    where a GIL held that long is a stall (a one-shot command line has no window to keep
    responsive).
    """
    opt = _glibc("mallopt")
    if opt is None:
        return False
    with contextlib.suppress(Exception):
        return bool(opt(_M_MMAP_THRESHOLD, BIG_BLOCK))
    return False


def trim_heap() -> None:
    """Hand the C heap's free memory back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    A merge of a million rows frees tens of MB of lists between ones still in use; glibc keeps
    those pages, so the process's resident memory stays at its high-water mark and the next step
    (the table's columns rebuilt without the merged-away rows) adds to it: dup60 at a million rows
    peaked ~25-60 MB higher without this call. A few ms; the GIL is free meanwhile (ctypes)."""
    trim = _glibc("malloc_trim")
    if trim is not None:
        with contextlib.suppress(Exception):
            trim(0)


@functools.lru_cache(maxsize=None)
def _glibc(name: str):
    """glibc's function ``name`` (``mallopt``, ``malloc_trim``), or None (another C library,
    another system)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


def end_process(code: int) -> NoReturn:
    """End the command-line process now: flush what it printed, then ``os._exit``.

    Every output file is already written, synced and renamed into place by then. What is skipped
    is the interpreter's teardown, which frees a finished conversion's tens of millions of objects
    one by one before the process can end; the helper process sees its pipe close and ends too.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)

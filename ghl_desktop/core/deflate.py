"""Deflate, in zlib's format, by ISA-L (``python-isal``) where its wheel is installed, else by the
standard library's zlib.

Either library reads what the other writes (the same format), ISA-L several times faster, and
both let go of the GIL while they work. Used where the app's own bytes are deflated or inflated
in bulk: the zip members of a workbook (``reader.unzip``) and the saved results (``persist``).
"""

from __future__ import annotations

import zlib

try:
    from isal import isal_zlib as _isal
except ImportError:  # no wheel for this platform: the standard library's zlib, same bytes read
    _isal = None

#: Whether ISA-L is there.
FAST = _isal is not None
_lib = _isal if _isal is not None else zlib
#: What broken data raises: zlib's error, or ISA-L's own.
ERRORS: tuple[type[Exception], ...] = (zlib.error,) if _isal is None else (zlib.error, _isal.error)
crc32 = _lib.crc32


def compress(data) -> bytes:
    """``data`` in zlib's format, at the library's fastest level that still compresses (1)."""
    return _lib.compress(data, 1)


def decompress(data) -> bytes:
    """What ``compress`` (of either library) made of it."""
    return _lib.decompress(data)


def decompressobj(wbits: int):
    """An inflater as ``zlib.decompressobj(wbits)`` gives one (``decompress(data, max_length)``,
    ``flush``, ``eof``, ``unconsumed_tail``)."""
    return _lib.decompressobj(wbits)

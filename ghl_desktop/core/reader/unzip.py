"""A workbook's zip members, inflated by ISA-L (``python-isal``) rather than by zlib.

An .xlsx is a zip of XML parts, and a big list's worksheet is hundreds of MB of XML once
inflated, by the process that cuts it into the pieces the other core waits for: ISA-L inflates
the same bytes, and checks their CRC-32, several times faster than the standard library's zlib
(``docs/performance.md`` has the figures), and lets go of the GIL while it works.
``open_member`` reads a deflated member's bytes straight from the archive, as ``zipfile`` does
(same local header, same checks of its name, size and CRC-32, the same ``BadZipFile`` when they
fail); anything else (a stored or encrypted member, another method, an archive not on disk, no
ISA-L wheel for this platform) goes through ``zipfile`` itself.
``tests/core/test_unzip.py`` compares the two byte for byte.
"""

from __future__ import annotations

import struct
import zipfile
import zlib

from .. import deflate

#: Compressed bytes read from the archive at a time by ``read(n)``: the inflater's output is
#: bounded by ``n``, and what it has not consumed is kept (and copied) for the next ``read``.
_RAW_BLOCK = 64 * 1024
#: A member's local header, as ``zipfile`` reads it (its layout and signature).
_LOCAL_HEADER = struct.Struct(zipfile.structFileHeader)
_LOCAL_MAGIC = zipfile.stringFileHeader
_ENCRYPTED = 0x1
_UTF8_NAME = 0x800


def open_member(zf: zipfile.ZipFile, member: str | zipfile.ZipInfo):
    """A readable file (``read(n)``, ``read()``, a context manager) of the member's bytes."""
    info = member if isinstance(member, zipfile.ZipInfo) else zf.getinfo(member)
    if (not deflate.FAST or info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & _ENCRYPTED
            or not isinstance(zf.filename, str)):
        return zf.open(info)
    return _Inflated(zf.filename, info)


def read_member(zf: zipfile.ZipFile, member: str | zipfile.ZipInfo) -> bytes:
    """The member's bytes, as ``zf.read(member)`` gives them."""
    with open_member(zf, member) as fh:
        return fh.read()


class _Inflated:
    """A deflated member read from its own handle on the archive and inflated by ISA-L."""

    def __init__(self, path: str, info: zipfile.ZipInfo) -> None:
        self._fp = open(path, "rb")
        try:
            self._fp.seek(info.header_offset)
            header = self._fp.read(_LOCAL_HEADER.size)
            if len(header) != _LOCAL_HEADER.size:
                raise zipfile.BadZipFile("Truncated file header")
            fields = _LOCAL_HEADER.unpack(header)
            if fields[0] != _LOCAL_MAGIC:
                raise zipfile.BadZipFile("Bad magic number for file header")
            name = self._fp.read(fields[10])
            self._fp.seek(fields[11], 1)  # the extra field
            encoding = "utf-8" if fields[3] & _UTF8_NAME else "cp437"
            if name.decode(encoding, "replace") != info.orig_filename:
                raise zipfile.BadZipFile(f"File name in directory {info.orig_filename!r} and header {name!r} differ.")
        except BaseException:
            self._fp.close()
            raise
        self._name = info.filename
        self._raw_left = info.compress_size
        self._size_left = info.file_size
        self._expected_crc = info.CRC
        self._crc = 0
        self._inflater = deflate.decompressobj(-15)
        self._done = False
        self._pending = b""

    def read(self, n: int = -1) -> bytes:
        whole = n is None or n < 0  # the rest of the member, inflated in one call (no join)
        parts: list[bytes] = []
        want = n
        if self._pending:
            taken = self._pending if whole else self._pending[:want]
            self._pending = self._pending[len(taken):]
            parts.append(taken)
            want -= len(taken)
        while (whole or want > 0) and not self._done:
            inflater = self._inflater
            data = inflater.unconsumed_tail
            if not data and self._raw_left > 0:
                data = self._fp.read(self._raw_left if whole else min(self._raw_left, _RAW_BLOCK))
                if not data:
                    raise EOFError("The archive ends inside a member")
                self._raw_left -= len(data)
            try:
                if data:
                    out = inflater.decompress(data) if whole else inflater.decompress(data, want)
                else:  # every compressed byte given: what the inflater still holds
                    out = inflater.flush()
            except deflate.ERRORS as exc:  # broken deflate data: the error zipfile's zlib raises
                raise zlib.error(str(exc)) from None
            if out:
                self._take(out)
                if not whole and len(out) > want:  # only a flush's output is not bounded by ``want``
                    out, self._pending = out[:want], out[want:]
                parts.append(out)
                want -= len(out)
            if inflater.eof or not data:  # (a stream cut short fails the size or CRC check)
                self._finish()
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def _take(self, out: bytes) -> None:
        self._size_left -= len(out)
        if self._size_left < 0:
            raise zipfile.BadZipFile(f"Bad size for file {self._name!r}")
        self._crc = deflate.crc32(out, self._crc)

    def _finish(self) -> None:
        self._done = True
        if self._size_left != 0:
            raise zipfile.BadZipFile(f"Bad size for file {self._name!r}")
        if self._crc != self._expected_crc:
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {self._name!r}")

    def close(self) -> None:
        self._fp.close()

    def __enter__(self) -> _Inflated:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

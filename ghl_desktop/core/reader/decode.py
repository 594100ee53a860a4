"""Turn bytes into text without mojibake: BOMs, UTF-8, or the Windows-1252 that Brazilian Excel writes.

Deterministic on purpose: strict UTF-8 first, then Windows-1252 (Latin-1 for its five undefined
bytes). A statistical guesser can call a short Portuguese cp1252 file "cp1250" and garble every
accent. What must not happen silently is a *mixed* file (mostly valid UTF-8 with stray cp1252
bytes): decoding either way garbles part of it, so the person is told which line to fix.
"""

from __future__ import annotations

import codecs

from .. import messages as M
from ..errors import InputError
from ..messages import Message

#: Bytes decoded per call. Each decode call holds the GIL; at a few hundred KB it lasts well under
#: a millisecond, so the window never waits long on a job decoding a 100 MB export (one call over
#: all of it: ~60 ms, and as long again to join slices into one string, mostly page faults of the
#: fresh memory). The reader's stream takes each part as one block, so they are about its size.
SLICE_BYTES = 256 * 1024

#: Encodings in which a LF or CR byte is always that character (never part of another one), so
#: the bytes can be cut at line ends and each slice decoded on its own.
_BYTE_LINE_ENCODINGS = frozenset({"utf-8", "cp1252", "latin-1"})


def _line_cut(data: bytes, pos: int, stop: int, n: int) -> int:
    """A cut at or before ``stop`` (or the first one after, for a very long line) just after a
    line end: a LF, or a CR not followed by a LF."""
    if stop >= n:
        return n
    cut = data.rfind(b"\n", pos, stop) + 1
    if cut > pos:
        return cut
    cr = data.rfind(b"\r", pos, stop - 1)  # the byte after it is no LF (none in pos:stop)
    if cr != -1:
        return cr + 1
    lf = data.find(b"\n", stop)
    cr = data.find(b"\r", stop, n if lf == -1 else lf)
    if cr != -1 and cr + 1 < n and data[cr + 1] != 10:
        return cr + 1
    return n if lf == -1 else lf + 1


def _decode(data: bytes, encoding: str, errors: str = "strict", start: int = 0) -> list[str]:
    """``data[start:].decode(encoding, errors)`` as parts of ``SLICE_BYTES``, each ending at a line end.

    Joined, the parts are exactly the whole decode (a UnicodeDecodeError's ``start``/``end`` are
    positions in ``data``, as after one whole decode). A part ends just after a LF, or after a CR
    not followed by a LF, so no line (and no CRLF) is split between two parts.
    """
    n = len(data)
    if encoding in _BYTE_LINE_ENCODINGS and n - start > SLICE_BYTES:
        # Cut the bytes at line ends: a slice never splits a character, so each decodes alone.
        parts: list[str] = []
        pos = start
        with memoryview(data) as view:
            while pos < n:
                cut = _line_cut(data, pos, pos + SLICE_BYTES, n)
                try:
                    parts.append(str(view[pos:cut], encoding, errors))
                except UnicodeDecodeError as exc:
                    raise UnicodeDecodeError(exc.encoding, data, pos + exc.start, pos + exc.end, exc.reason) from None
                pos = cut
        return parts
    if n - start <= SLICE_BYTES:
        try:
            return [(data[start:] if start else data).decode(encoding, errors)]
        except UnicodeDecodeError as exc:
            raise UnicodeDecodeError(exc.encoding, data, start + exc.start, start + exc.end, exc.reason) from None
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    parts: list[str] = []
    carry = ""
    pos = start
    with memoryview(data) as view:
        while pos < n:
            stop = min(pos + SLICE_BYTES, n)
            # The decoder holds back the first bytes of a sequence cut at a slice end; an error's
            # positions count from those held-back bytes.
            held = len(decoder.getstate()[0])
            try:
                piece = decoder.decode(view[pos:stop], stop == n)
            except UnicodeDecodeError as exc:
                raise UnicodeDecodeError(
                    exc.encoding, data, pos - held + exc.start, pos - held + exc.end, exc.reason
                ) from None
            pos = stop
            if carry:
                piece, carry = carry + piece, ""
            if pos < n:
                cut = max(piece.rfind("\n"), piece.rfind("\r", 0, len(piece) - 1)) + 1
                if cut < len(piece):
                    piece, carry = piece[:cut], piece[cut:]
            if piece:
                parts.append(piece)
    if carry:
        parts.append(carry)
    return parts or [""]


def decode_parts(data: bytes, name: str) -> tuple[list[str], str]:
    """(the text as line-aligned parts, encoding name): :func:`decode` without one huge string.

    Joining a 100 MB text into one string is one C call holding the GIL for ~50 ms; the reader
    works on the parts instead.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _decode(data, "utf-8", start=3), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _mixed(name, data, exc.start) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _decode(data, "utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(Message(M.UTF16_DAMAGED, name)) from None
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:4000] else None
    if utf16:
        try:
            return _decode(data, utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(Message(M.NUL_BYTE, name, line))
    _refuse_control_bytes(data, name)
    try:
        return _decode(data, "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise _mixed(name, data, exc.start) from None
    try:
        return _decode(data, "cp1252"), "cp1252"
    except UnicodeDecodeError:
        return _decode(data, "latin-1"), "latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name). Raises InputError for binary or mixed-encoding content."""
    parts, encoding = decode_parts(data, name)
    return (parts[0] if len(parts) == 1 else "".join(parts)), encoding


def _mostly_utf8(data: bytes) -> bool:
    """Whether the non-ASCII text is mostly well-formed UTF-8 (so the bad bytes are a mix-up).

    Counted over the whole file, not just before the first bad byte: a cp1252 line near the top of
    an otherwise UTF-8 file must not turn every later accent into mojibake. A real cp1252 file
    almost never forms valid UTF-8 pairs (an accented capital followed by a symbol like "º").
    All in C: decoding with replacement marks each bad byte with U+FFFD. Counted a few MB at a
    time, so no single call holds the GIL for long and the decoded copy stays small.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    bad = valid = 0
    with memoryview(data) as view:
        for pos in range(0, len(view), SLICE_BYTES):
            piece = decoder.decode(view[pos : pos + SLICE_BYTES], pos + SLICE_BYTES >= len(view))
            n_bad = piece.count("\ufffd")
            bad += n_bad
            valid += len(piece) - len(piece.encode("ascii", errors="ignore")) - n_bad
    return valid >= 2 and valid > bad


def _mixed(name: str, data: bytes, pos: int) -> InputError:
    line = data.count(b"\n", 0, pos) + 1
    return InputError(Message(M.MIXED_ENCODINGS, name, line))


def _refuse_control_bytes(data: bytes, name: str) -> None:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(8, len(sample) // 100):
        raise InputError(Message(M.BINARY_TEXT, name))

"""Turn bytes into text without mojibake: BOMs, UTF-8, or the Windows-1252 that Brazilian Excel writes.

Deterministic on purpose: strict UTF-8 first, then Windows-1252 (Latin-1 for its five undefined
bytes). A statistical guesser can call a short Portuguese cp1252 file "cp1250" and garble every
accent. What must not happen silently is a *mixed* file (mostly valid UTF-8 with stray cp1252
bytes): decoding either way garbles part of it, so the person is told which line to fix.
"""

from __future__ import annotations


from ..errors import InputError


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
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _mixed(name, data, exc.start + 3) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(f"{name}: the file says it is UTF-16 but its text is damaged") from None
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:4000] else None
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(
            f"{name}: contains binary data (a NUL byte on line {line}); this is not a text spreadsheet"
        )
    _refuse_control_bytes(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise _mixed(name, data, exc.start) from None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _mostly_utf8(data: bytes) -> bool:
    """Whether the non-ASCII text is mostly well-formed UTF-8 (so the bad bytes are a mix-up).

    Counted over the whole file, not just before the first bad byte: a cp1252 line near the top of
    an otherwise UTF-8 file must not turn every later accent into mojibake. A real cp1252 file
    almost never forms valid UTF-8 pairs (an accented capital followed by a symbol like "º").
    All in C: decoding with replacement marks each bad byte with U+FFFD.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return valid >= 2 and valid > bad


def _mixed(name: str, data: bytes, pos: int) -> InputError:
    line = data[:pos].count(b"\n") + 1
    return InputError(
        f"{name}: line {line} is not valid UTF-8 although the rest of the file is (mixed encodings); "
        "save it again in Excel as 'CSV UTF-8 (Delimitado por vírgulas)'"
    )


def _refuse_control_bytes(data: bytes, name: str) -> None:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(8, len(sample) // 100):
        raise InputError(f"{name}: contains binary data, not text; this is not a spreadsheet")

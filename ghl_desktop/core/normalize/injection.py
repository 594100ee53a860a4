"""CSV formula injection (OWASP): a cell starting with = + - @ TAB or CR is run by spreadsheet apps.

Prefixing a single quote (OWASP's advice) makes Excel and LibreOffice show the text instead of
running it; a leading TAB or CR is removed as well, since it only exists to smuggle a formula past
naive checks. Leading spaces do not protect a cell (Excel trims them), so a risky character after
whitespace counts too, as do the full-width forms (＝ ＋ － ＠) that some spreadsheet apps convert.

Deliberately strict: a lone ``-`` or a note like ``-5% de desconto`` is harmless, but telling that
apart from ``-2+3`` is guesswork and the quote costs nothing. E.164 phones legitimately start with
``+``, so the export leaves its phone columns alone.
"""

from __future__ import annotations

RISKY_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def needs_neutralizing(value: str) -> bool:
    if not value:
        return False
    return value[0] in RISKY_STARTS or value.lstrip()[:1] in RISKY_STARTS


def neutralize_formula(value: str) -> str:
    """The text to export for ``value``: unchanged if safe, else quoted (leading TAB/CR removed)."""
    return "'" + value.lstrip("\t\r") if needs_neutralizing(value) else value

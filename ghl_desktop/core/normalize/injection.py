"""CSV formula injection (OWASP): a cell starting with = + - @ TAB or CR is run by spreadsheet apps.

Prefixing a single quote makes Excel and LibreOffice show the text instead of running it. E.164
phones legitimately start with "+", so the export leaves its phone columns alone.
"""

from __future__ import annotations

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def needs_neutralizing(value: str) -> bool:
    if not value:
        return False
    return value[0] in RISKY_STARTS or value.lstrip(" \t\r\n")[:1] in RISKY_STARTS


def neutralize_formula(value: str) -> str:
    return "'" + value.lstrip("\t\r") if needs_neutralizing(value) else value

"""Decide what a file *is* from its bytes, not its name: people rename files, systems lie."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

#: Other binary formats people drop by mistake, named so the message can say what it is.
_OTHER_BINARIES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"MZ", "a program"),
)

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb"}


def sniff(path: Path, head: bytes) -> str:
    """'zip' (xlsx/xlsm), 'ole' (xls), or 'text'; raises InputError for known non-spreadsheets.

    The name is only used in messages: a CSV saved as ``.xlsx`` is still read as a CSV (the caller
    decides, since only decoding shows whether the bytes really are text).
    """
    name = path.name
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    for magic, what in _OTHER_BINARIES:
        if head.startswith(magic):
            raise InputError(f"{name}: this is {what}, not a spreadsheet (use a CSV or Excel file)")
    low = head[:512].lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html")) :
        raise InputError(
            f"{name}: this is a web page saved with a spreadsheet name; open it in Excel and save it "
            "as .xlsx or .csv"
        )
    return "text"


def not_a_workbook(path: Path) -> InputError:
    """The message for a file named like a workbook whose bytes are neither a workbook nor text."""
    if path.suffix.lower() == ".xls":
        why = "it is neither an Excel 97-2003 workbook nor text"
    else:
        why = "it is not a zip archive"
    return InputError(f"{path.name}: this is not a real Excel file ({why})")


def is_encrypted_ole(data: bytes) -> bool:
    """A password-protected .xlsx is an OLE2 container holding an 'EncryptedPackage' stream."""
    return _ENCRYPTED_PACKAGE in data

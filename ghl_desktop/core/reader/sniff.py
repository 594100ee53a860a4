"""Decide what a file *is* from its bytes, not its name: people rename files, systems lie."""

from __future__ import annotations

from pathlib import Path

from .. import messages as M
from ..errors import InputError
from ..messages import Message

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

#: Other binary formats people drop by mistake, named so the message can say what it is.
_OTHER_BINARIES = (
    (b"%PDF", Message(M.KIND_PDF)),
    (b"\x89PNG", Message(M.KIND_PNG)),
    (b"\xff\xd8\xff", Message(M.KIND_JPEG)),
    (b"GIF8", Message(M.KIND_GIF)),
    (b"Rar!", Message(M.KIND_RAR)),
    (b"7z\xbc\xaf\x27\x1c", Message(M.KIND_7Z)),
    (b"\x1f\x8b", Message(M.KIND_GZIP)),
    (b"{\\rtf", Message(M.KIND_RTF)),
    (b"MZ", Message(M.KIND_PROGRAM)),
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
            raise InputError(Message(M.NOT_A_SPREADSHEET, name, what))
    low = head[:512].lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html")) :
        raise InputError(Message(M.WEB_PAGE, name))
    return "text"


def not_a_workbook(path: Path) -> InputError:
    """The message for a file named like a workbook whose bytes are neither a workbook nor text."""
    if path.suffix.lower() == ".xls":
        why = Message(M.FAKE_XLS)
    else:
        why = Message(M.FAKE_ZIP)
    return InputError(Message(M.FAKE_EXCEL, path.name, why))


def is_encrypted_ole(data: bytes) -> bool:
    """A password-protected .xlsx is an OLE2 container holding an 'EncryptedPackage' stream."""
    return _ENCRYPTED_PACKAGE in data

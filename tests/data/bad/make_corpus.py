"""Make the bad-input corpus: every kind of file a person might drop that cannot be converted.

The files are generated (into a folder given on the command line, or by the tests into a temporary
folder) rather than committed, so the repository stays small and the zip bomb never sits on disk
unasked. ``python tests/data/bad/make_corpus.py OUTDIR`` writes them all for manual trials.

Each case is ``name -> (builder, what the message must mention)``; builders return the path to use.
"""

from __future__ import annotations

import io
import os
import random
import sys
import zipfile
from pathlib import Path
from typing import Callable

#: A valid little workbook, the base of the Excel cases.
CONTACTS = [["Nome", "E-mail", "Celular"], ["Maria", "maria@x.com", "11987654321"]]


def _xlsx_bytes(rows=CONTACTS) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def empty(d: Path) -> Path:
    p = d / "empty.csv"
    p.write_bytes(b"")
    return p


def header_only(d: Path) -> Path:
    p = d / "header-only.csv"
    p.write_bytes("Nome;E-mail;Celular\r\n".encode("cp1252"))
    return p


def binary(d: Path) -> Path:
    p = d / "binary.csv"
    p.write_bytes(random.Random(1).randbytes(4096))
    return p


def pdf_renamed(d: Path) -> Path:
    p = d / "report.csv"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"0" * 512)
    return p


def xlsx_not_zip(d: Path) -> Path:
    p = d / "not-a-zip.xlsx"
    p.write_text("Nome,Email\nthis is text pretending to be a workbook\x00\x01\x02", encoding="latin-1")
    return p


def truncated_zip(d: Path) -> Path:
    data = _xlsx_bytes()
    p = d / "truncated.xlsx"
    p.write_bytes(data[: len(data) // 2])
    return p


def password_xlsx(d: Path) -> Path:
    import msoffcrypto.format.ooxml as ooxml

    plain = io.BytesIO(_xlsx_bytes())
    out = io.BytesIO()
    ooxml.OOXMLFile(plain).encrypt("segredo", out)
    p = d / "password.xlsx"
    p.write_bytes(out.getvalue())
    return p


def zip_bomb(d: Path) -> Path:
    """A ~0.3 MB workbook whose sheet inflates to ~300 MB."""
    p = d / "bomb.xlsx"
    base = zipfile.ZipFile(io.BytesIO(_xlsx_bytes()))
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for item in base.infolist():
            if item.filename == "xl/worksheets/sheet1.xml":
                head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                row = b'<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>'
                with z.open(item.filename, "w", force_zip64=True) as fh:
                    fh.write(head)
                    block = row * 10_000
                    for _ in range(300 * 1024 * 1024 // len(block)):
                        fh.write(block)
                    fh.write(b"</sheetData></worksheet>")
            else:
                z.writestr(item, base.read(item.filename))
    return p


def entity_expansion(d: Path) -> Path:
    """'Billion laughs' in the shared strings part."""
    lol = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        b"<si><t>&lol9;</t></si></sst>"
    )
    p = d / "entities.xlsx"
    base = zipfile.ZipFile(io.BytesIO(_xlsx_bytes()))
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        names = [i.filename for i in base.infolist()]
        for item in base.infolist():
            data = base.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                data = lol
            z.writestr(item, data)
        if "xl/sharedStrings.xml" not in names:
            z.writestr("xl/sharedStrings.xml", lol)
    return p


def sparse_huge(d: Path) -> Path:
    """Larger than the default size limit, without using the disk space (a sparse file)."""
    p = d / "huge.csv"
    with open(p, "wb") as fh:
        fh.write(b"Nome,Email\nMaria,maria@x.com\n")
        fh.truncate(600 * 1024 * 1024)
    return p


def nul_bytes(d: Path) -> Path:
    p = d / "nul.csv"
    p.write_bytes(b"Nome,Email\nMa\x00ria,maria@x.com\nJo\x00\x00ao,joao@x.com\n")
    return p


def very_wide(d: Path) -> Path:
    p = d / "wide.csv"
    p.write_bytes(b",".join(b"c%d" % i for i in range(300_000)) + b"\n" + b"1," * 299_999 + b"1\n")
    return p


def invalid_utf8(d: Path) -> Path:
    """Looks UTF-8 (valid accents), then a line with bytes that are not UTF-8: mixed encodings."""
    good = "Nome,Cidade\nJoão,São Paulo\nConceição,Brasília\n".encode("utf-8")
    p = d / "mixed-encoding.csv"
    p.write_bytes(good + "Helena,Goiânia\n".encode("cp1252") + "Íris,Maceió\n".encode("utf-8"))
    return p


def directory(d: Path) -> Path:
    p = d / "a-folder.csv"
    p.mkdir(exist_ok=True)
    return p


def missing(d: Path) -> Path:
    return d / "does-not-exist.csv"


def unreadable(d: Path) -> Path:
    p = d / "locked.csv"
    p.write_text("Nome,Email\nMaria,maria@x.com\n", encoding="utf-8")
    os.chmod(p, 0)
    return p


#: name -> (builder, a word the one-line message must contain)
CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty": (empty, "empty.csv"),
    "header_only": (header_only, "header-only.csv"),
    "binary": (binary, "binary.csv"),
    "pdf_renamed": (pdf_renamed, "report.csv"),
    "xlsx_not_zip": (xlsx_not_zip, "not-a-zip.xlsx"),
    "truncated_zip": (truncated_zip, "truncated.xlsx"),
    "password_xlsx": (password_xlsx, "password"),
    "zip_bomb": (zip_bomb, "bomb.xlsx"),
    "entity_expansion": (entity_expansion, "entities.xlsx"),
    "sparse_huge": (sparse_huge, "huge.csv"),
    "nul_bytes": (nul_bytes, "nul.csv"),
    "very_wide": (very_wide, "wide.csv"),
    "invalid_utf8": (invalid_utf8, "mixed-encoding.csv"),
    "directory": (directory, "a-folder.csv"),
    "missing": (missing, "does-not-exist.csv"),
    "unreadable": (unreadable, "locked.csv"),
}


def make_all(out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    return {name: build(out) for name, (build, _) in CASES.items()}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-corpus")
    for name, path in make_all(target).items():
        print(f"{name:18} {path}")

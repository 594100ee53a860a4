"""``reader.unzip`` gives a zip member's bytes exactly as ``zipfile`` does, and fails as it fails."""

from __future__ import annotations

import io
import random
import zipfile
import zlib

import pytest

from ghl_desktop.core import deflate
from ghl_desktop.core.reader import unzip
from ghl_desktop.core.reader.unzip import open_member, read_member

pytestmark = pytest.mark.skipif(not deflate.FAST, reason="no ISA-L wheel on this platform")


def _payloads(seed: int) -> dict[str, bytes]:
    rnd = random.Random(seed)
    xmlish = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>'
        % (i, i, "".join(rnd.choice("abcdeçãé ") for _ in range(rnd.randint(0, 30))).encode())
        for i in range(60_000)
    )
    return {
        "empty.xml": b"",
        "one.xml": b"x",
        "small.xml": b"<a>ol\xc3\xa1</a>" * 7,
        "noise.bin": rnd.randbytes(300_000),  # incompressible: deflate stores it in blocks
        "xl/worksheets/sheet1.xml": xmlish,  # compressible, several MB
        "xl/açúcar/ünïcode.xml": b"<x/>" * 1000,  # a UTF-8 name (flag 0x800)
    }


def _archive(tmp_path, payloads, level=6, name="book.xlsx"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for member, data in payloads.items():
            zf.writestr(member, data)
    return path


@pytest.mark.parametrize("level", [1, 6, 9])
def test_every_member_reads_as_zipfile_reads_it_whole_and_in_blocks(tmp_path, level):
    payloads = _payloads(level)
    path = _archive(tmp_path, payloads, level)
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            expected = zf.read(info)
            assert expected == payloads[info.filename]
            with open_member(zf, info) as fh:
                assert isinstance(fh, unzip._Inflated)  # the ISA-L path, not zipfile's
            assert read_member(zf, info) == expected
            assert read_member(zf, info.filename) == expected
            for size in (1, 7, 4096, 65_537, 1 << 20):
                parts = []
                with open_member(zf, info) as fh:
                    while part := fh.read(size):
                        assert len(part) <= size
                        parts.append(part)
                    assert fh.read(size) == b""
                assert b"".join(parts) == expected


def test_stored_members_and_archives_in_memory_go_through_zipfile(tmp_path):
    path = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.xml", b"<a/>" * 100)
    with zipfile.ZipFile(path) as zf, open_member(zf, "a.xml") as fh:
        assert not isinstance(fh, unzip._Inflated)
        assert fh.read() == b"<a/>" * 100
    deflated = _archive(tmp_path, {"a.xml": b"<a/>" * 100})
    with zipfile.ZipFile(io.BytesIO(deflated.read_bytes())) as zf, open_member(zf, "a.xml") as fh:
        assert not isinstance(fh, unzip._Inflated)
        assert fh.read() == b"<a/>" * 100


def test_without_isal_zipfile_reads(tmp_path, monkeypatch):
    path = _archive(tmp_path, {"a.xml": b"<a/>" * 100})
    monkeypatch.setattr(deflate, "FAST", False)
    with zipfile.ZipFile(path) as zf, open_member(zf, "a.xml") as fh:
        assert not isinstance(fh, unzip._Inflated)
        assert fh.read() == b"<a/>" * 100


def _outcome(read):
    try:
        return "ok", read()
    except Exception as exc:  # noqa: BLE001 - the kind of failure is what is compared
        return "error", type(exc)


def _corruptions(data: bytes, rnd: random.Random):
    """The archive with one thing broken: a byte of the deflated data, the CRC or size in the
    central directory, the local header's magic or name, or the file cut short."""
    body = bytearray(data)
    yield "cut", bytes(body[: len(body) // 2]) + bytes(body[-400:])  # keeps the directory, loses data
    central = data.rfind(b"PK\x01\x02")
    for offset, what in ((16, "crc"), (24, "size")):
        broken = bytearray(data)
        broken[central + offset] ^= 0x55
        yield what, bytes(broken)
    broken = bytearray(data)
    broken[1] ^= 0xFF
    yield "magic", bytes(broken)
    broken = bytearray(data)
    broken[30] ^= 0x01
    yield "name", bytes(broken)
    for _ in range(25):
        broken = bytearray(data)
        at = rnd.randrange(60, central - 20)
        broken[at] ^= 1 << rnd.randrange(8)
        yield f"bit {at}", bytes(broken)


def test_a_broken_member_fails_with_zipfiles_kind_of_error(tmp_path):
    rnd = random.Random(7)
    text = b"".join(b"<c>%d %s</c>" % (i, rnd.choice([b"ana", b"bia", b"caio"])) for i in range(20_000))
    data = _archive(tmp_path, {"x.xml": text}).read_bytes()
    seen = set()
    for what, broken in _corruptions(data, rnd):
        path = tmp_path / "broken.xlsx"
        path.write_bytes(broken)
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            continue
        with zf:
            info = zf.infolist()[0]
            theirs = _outcome(lambda: zf.read(info))
            ours = _outcome(lambda: read_member(zf, info))
        assert ours[0] == theirs[0], what
        if theirs[0] == "ok":
            assert ours[1] == theirs[1], what
        else:
            assert ours[1] is theirs[1] or {ours[1], theirs[1]} <= {zipfile.BadZipFile, EOFError}, what
        seen.add(theirs[0] if theirs[0] == "ok" else theirs[1].__name__)
    assert {"BadZipFile", "error"} <= seen  # the corruptions reached both kinds of failure

"""``core.deflate``: ISA-L and the standard library's zlib read each other's bytes, fail on broken
data with an error of ``ERRORS``, and a saved result written by either reopens with the other."""

from __future__ import annotations

import marshal
import random
import zlib

import pytest

from ghl_desktop.core import deflate

needs_isal = pytest.mark.skipif(not deflate.FAST, reason="no ISA-L wheel on this platform")


def _payloads():
    rnd = random.Random(3)
    yield b""
    yield b"a"
    yield rnd.randbytes(200_000)
    yield marshal.dumps([f"pessoa{i}@exemplo.com.br" if i % 3 else "" for i in range(40_000)])
    yield marshal.dumps(["São Paulo", "Niterói", "+5511987654321"] * 20_000)


@needs_isal
def test_either_library_reads_what_the_other_wrote():
    for data in _payloads():
        ours = deflate.compress(data)
        assert zlib.decompress(ours) == data
        assert deflate.decompress(zlib.compress(data, 1)) == data
        assert deflate.decompress(zlib.compress(data, 9)) == data
        assert deflate.crc32(data) == zlib.crc32(data)
        assert deflate.crc32(data[7:], deflate.crc32(data[:7])) == zlib.crc32(data)


def test_broken_data_raises_one_of_its_errors():
    rnd = random.Random(5)
    good = deflate.compress(marshal.dumps([str(i) for i in range(30_000)]))
    kinds = set()
    for _ in range(40):
        broken = bytearray(good)
        broken[rnd.randrange(2, len(broken))] ^= 1 << rnd.randrange(8)
        try:
            deflate.decompress(bytes(broken))
        except deflate.ERRORS as exc:
            kinds.add(type(exc))
    try:
        deflate.decompress(good[: len(good) // 2])
    except deflate.ERRORS as exc:
        kinds.add(type(exc))
    assert kinds  # corruption was noticed, and always as one of ERRORS


@needs_isal
def test_a_result_saved_with_zlib_reopens_and_one_saved_now_opens_with_zlib(tmp_path, monkeypatch):
    from ghl_desktop.core.pipeline import ConversionResult, convert

    src = tmp_path / "c.csv"
    src.write_text("Nome;E-mail;Celular\n" + "".join(
        f"Pessoa {i};p{i}@exemplo.com.br;(11) 9{i:04d}-{i:04d}\n" for i in range(2_000)), encoding="utf-8")
    result = convert([src])
    monkeypatch.setattr(deflate, "_lib", zlib)  # as the standard library alone writes and reads
    result.save(tmp_path / "old")
    monkeypatch.undo()
    assert ConversionResult.load(tmp_path / "old").table.columns == result.table.columns
    result.save(tmp_path / "new")
    monkeypatch.setattr(deflate, "_lib", zlib)
    assert ConversionResult.load(tmp_path / "new").table.columns == result.table.columns

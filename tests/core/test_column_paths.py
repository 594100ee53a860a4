"""Whole-column paths of plain fields (text, CEPs, numbers) give each cell's normalizer's answer."""

import random
import re
import sys

import pytest

from ghl_desktop.core.assemble import clean_text, format_postal_code
from ghl_desktop.core.normalize.custom import normalize_number
from ghl_desktop.core.speed.fastpath import fast_number, number_column, postal_column, unchanged_text_column

#: ``clean_text`` as written by its rule (what its quick test of printable text must agree with).
_SPACES = re.compile(r"\s+")


def by_rule(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


def test_clean_text_equals_its_rule_around_every_character():
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        for value in (c, "a" + c + "b", c + " x", "x " + c, c + " ", " " + c):
            assert clean_text(value) == by_rule(value), hex(code)


ODD = [" ", "  ", "\t", "\n", "\r", "\xa0", "\u2003", "\u3000", "\x85", "\x00", "\x1f", ":::", " ::: ", "\u200b"]


def text_cells(n, seed):
    rnd = random.Random(seed)
    words = ["Rua das Flores", "ACME LTDA", "São Paulo", "C12345", "lead", "", "Não ligar, prefere \"WhatsApp\""]
    out = []
    for _ in range(n):
        v = rnd.choice(words)
        if rnd.random() < 0.3:
            i = rnd.randrange(len(v) + 1)
            v = v[:i] + rnd.choice(ODD) + v[i:]
        out.append(v)
    return out


def test_a_text_column_is_taken_as_it_is_only_when_every_cell_is_clean():
    cells = text_cells(40_000, seed=61)
    taken = 0
    for i in range(0, len(cells), 4):
        column = cells[i:i + 4]
        clean = [clean_text(v) if v and not v.isspace() else "" for v in column]
        unchanged = clean == column and not any(":::" in v for v in column)
        if unchanged_text_column(column):  # (a clean cell of unprintable text goes the long way)
            assert unchanged, column
            taken += 1
        else:
            assert not unchanged or not all(map(str.isprintable, column)), column
    assert taken > 1_000
    assert unchanged_text_column(["Rua A", "", "ACME"]) and not unchanged_text_column(["a\x00b", ""])


def cep_cells(n, seed):
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        digits = "".join(rnd.choice("0123456789") for _ in range(8))
        out.append(rnd.choice([
            "", digits, digits[1:], f"{digits[:5]}-{digits[5:]}", digits[2:], digits + "1",
            f"{digits[:5]} {digits[5:]}", f"{digits[:2]}.{digits[2:5]}-{digits[5:]}", " " + digits,
            "\u0661" + digits[1:], "CEP " + digits, f"{digits[:5]}--{digits[5:]}",
        ]))
    return out


@pytest.mark.parametrize("region", ["BR", "br", "US", "PT"])
def test_the_cep_column_path_equals_format_postal_code(region):
    cells = cep_cells(20_000, seed=62)
    plain = [v for v in cells if re.fullmatch(r"[0-9]{5}-?[0-9]{3}|[0-9]{7}|", v)]
    assert postal_column(plain, region) == [format_postal_code(v, region) for v in plain]
    taken = 0
    for i in range(0, len(cells), 3):
        column = cells[i:i + 3]
        got = postal_column(column, region)
        if got is not None:
            taken += 1
            assert got == [format_postal_code(v, region) for v in column], column
    assert taken > 200
    assert postal_column(["1234567", "01310100", "01310-100", ""], region) == [
        format_postal_code(v, region) for v in ["1234567", "01310100", "01310-100", ""]]


def number_cells(n, seed):
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        whole = str(rnd.choice([0, 7, 12, 123, 1234, 98765, rnd.randrange(10 ** 7)]))
        if rnd.random() < 0.1:
            whole = "0" + whole
        frac = "".join(rnd.choice("0123456789") for _ in range(rnd.choice([0, 0, 1, 2, 2, 3])))
        v = whole + (rnd.choice(".,") + frac if frac else "")
        if rnd.random() < 0.1:
            v = rnd.choice(["", "", "-", "R$ ", " ", "1.", "\u0661", "abc"]) + v
        out.append(v)
    return out


@pytest.mark.parametrize("region", ["BR", "US", "PT"])
def test_the_number_column_path_equals_the_full_normalizer(region):
    cells = number_cells(20_000, seed=63)
    taken = 0
    for i in range(0, len(cells), 3):
        column = cells[i:i + 3]
        got = number_column(column)
        if got is not None:
            taken += 1
            assert got == [fast_number(v) or "" for v in column], column
            assert got == [normalize_number(v, region).value for v in column], column
    assert taken > 1_000
    assert number_column(["15556,98", "", "13", "1234.5"]) == ["15556.98", "", "13", "1234.5"]
    assert number_column(["1,234"]) is None and number_column(["1\x002"]) is None


@pytest.mark.parametrize("region", ["BR", "US"])
def test_mapped_with_a_path_for_many_values_gives_the_one_by_one_answers(region):
    """Chunk after chunk, columns of mostly new values and of values seen before: with the path
    of ``COLUMN_PATHS`` or without it, the same answers (and a cell it does not take still read)."""
    from ghl_desktop.core.assemble import COLUMN_PATHS, PLAIN_KINDS, ValueCache

    rnd = random.Random(64)
    ceps, texts = cep_cells(6_000, seed=65), text_cells(6_000, seed=66)
    for memo, cells in (("postal_code", ceps), ("text", texts)):
        kind = next(k for k, (m, _) in PLAIN_KINDS.items() if m == memo)
        fn = PLAIN_KINDS[kind][1](region)
        plain = [v for v in cells if COLUMN_PATHS[memo]([v], region) is not None]
        with_path, without = ValueCache(region), ValueCache(region)
        for _ in range(60):
            pool = rnd.choice([cells, plain, plain[:50]])
            column = [rnd.choice(pool) for _ in range(rnd.choice([1, 10, 200]))]
            got = with_path.mapped(memo, fn, column, each=True,
                                   whole=lambda values: COLUMN_PATHS[memo](values, region))
            assert got == without.mapped(memo, fn, column, each=True), column

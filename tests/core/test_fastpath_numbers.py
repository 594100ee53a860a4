"""``fast_number`` answers exactly what ``normalize_number`` does, in every region, or ``None``."""

import itertools
import random

import pytest

from ghl_desktop.core.normalize.custom import normalize_number
from ghl_desktop.core.speed.fastpath import fast_number

REGIONS = ("BR", "US", "PT", "GB", "")


def agree(text: str) -> bool:
    """True when the fast answer, if any, is the full normalizer's valid value in every region."""
    fast = fast_number(text)
    if fast is None:
        return True
    return all(normalize_number(text, r).status == "valid" and normalize_number(text, r).value == fast
               for r in REGIONS)


def common_shapes(rng: random.Random) -> str:
    """A number as lists write it: plain, decimal, grouped, with R$ and signs, now and then odd."""
    whole = str(rng.choice([0, 1, 7, 12, 123, 999, 1000, 1234, 12345, 123456, 1234567, rng.randrange(10 ** 9)]))
    if rng.random() < 0.1:
        whole = "0" * rng.randint(1, 3) + whole
    frac = "".join(rng.choice("0123456789") for _ in range(rng.choice([0, 0, 1, 2, 2, 3, 4])))
    point, comma = (".", ",") if rng.random() < 0.5 else (",", ".")
    if rng.random() < 0.4:  # grouped, as in 1.234.567
        head, rest = whole[:len(whole) % 3 or 3], whole[len(whole) % 3 or 3:]
        whole = head + "".join(comma + rest[i:i + 3] for i in range(0, len(rest), 3))
    text = whole + (point + frac if frac or rng.random() < 0.05 else "")
    text = rng.choice(["", "", "R$ ", "R$", "r$ ", "US$ ", "$"]) + text
    text = rng.choice(["", "", "", "-", "+", "\u2212", "- "]) + text
    if rng.random() < 0.05:
        text = "(" + text + ")"
    if rng.random() < 0.1:  # a typo, a stray mark or a non-ASCII digit
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(".,- $R\u00a0\u0661a0") + text[i:]
    if rng.random() < 0.05:
        text = rng.choice([" ", "\u00a0", "\t"]) + text
    return text


def test_fast_number_equals_the_full_normalizer_on_60k_generated_values():
    rng = random.Random(17)
    values = [common_shapes(rng) for _ in range(60_000)]
    answered = [v for v in values if fast_number(v) is not None]
    assert len(answered) > 10_000  # the fast path really covers the common shapes
    assert [v for v in values if not agree(v)] == []


EDGES = ["0", "-0", "-0,00", "-0.0", "007", "0,5", ",5", ".5", "5,", "5.", "-", "R$", "R$ ", "R$ -10",
         "-R$ 10", "1.234", "1,234", "1.234,5", "1,234.5", "1.234.567", "1,234,567", "12.345,67",
         "1.23,4", "1234.567", "123.4567", "0.001", "R$ 1.234,56", "R$1.234,56", "1.234,56,7",
         "\u0661\u0662", "12\u00a034", "١٢٣,٤٥", "1.2.3", "1..2", "1,,2", "+10", "(10)", "10-"]


@pytest.mark.parametrize("text", EDGES)
def test_fast_number_edge_cases(text):
    assert agree(text)


def test_fast_number_agrees_on_every_short_string_of_its_alphabet():
    alphabet = "019.,-R$ "
    for n in range(1, 6):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert agree(text), text


def test_the_common_shapes_are_answered_fast():
    for text, value in [("123", "123"), ("1234.56", "1234.56"), ("1.234,56", "1234.56"),
                        ("R$ 1.234,56", "1234.56"), ("-10", "-10"), ("15556,98", "15556.98")]:
        assert fast_number(text) == value == normalize_number(text).value

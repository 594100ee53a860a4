"""Formula injection (OWASP CSV injection): risky cells are exported with a leading quote."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.normalize import needs_neutralizing, neutralize_formula

OWASP = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
         "\t=1+1", "\r=1+1", "=1+1"]


@pytest.mark.parametrize("payload", OWASP)
def test_owasp_payloads_are_neutralized(payload):
    assert needs_neutralizing(payload)
    assert neutralize_formula(payload) == "'" + payload.lstrip("\t\r")


@pytest.mark.parametrize("payload,expected", [
    (" =1+1", "' =1+1"),             # Excel trims the space and runs it
    ("\n=1+1", "'\n=1+1"),
    ("\t\r=1+1", "'=1+1"),           # leading TAB/CR removed
    ("\t", "'"),
    ("\u00a0@SUM(A1)", "'\u00a0@SUM(A1)"),
    ("＝1+1", "'＝1+1"),              # full-width forms
    ("-", "'-"),                     # a lone dash is harmless, but quoting it costs nothing (documented choice)
    ("-5% de desconto", "'-5% de desconto"),
    ("+55 11 98765-4321", "'+55 11 98765-4321"),  # why the export skips its E.164 phone columns
])
def test_risky_after_whitespace_and_borderline_values(payload, expected):
    assert needs_neutralizing(payload) and neutralize_formula(payload) == expected


@pytest.mark.parametrize("safe", ["Maria", "Rua 1", "a=b", "email@x.com", "", " ", "'=1+1", "Ana-Luiza", "1+1"])
def test_plain_text_is_left_alone(safe):
    assert not needs_neutralizing(safe) and neutralize_formula(safe) == safe


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_output_never_starts_like_a_formula(text):
    out = neutralize_formula(text)
    assert out[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert out.lstrip()[:1] not in ("=", "+", "-", "@") or out.startswith("'")
    assert neutralize_formula(out) == out  # applying it twice changes nothing
    assert needs_neutralizing(text) == (out != text)


@pytest.mark.parametrize("raw", ["=" * 100_000, " " * 100_000 + "=1", "\x00=1", "😀"])
def test_huge_and_odd_cells_do_not_raise(raw):
    assert neutralize_formula(raw)[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_column_scan_for_risky_cells_equals_the_row_by_row_check():
    """``risky_indexes`` scans a whole column at once (one regex over the NUL-joined values); it must
    flag exactly the rows the per-row check flags, whatever the values hold (even a NUL)."""
    import random

    from ghl_desktop.core.assemble import risky_indexes

    rnd = random.Random(1)
    pool = ["", "a", "=x", " =y", "+1", "ok", "\t", "b=", "-", "\uff1dz", " ", "x\x00y", "\x00=", "é", "\u00a0@a"]
    for _ in range(5000):
        col = [rnd.choice(pool) for _ in range(rnd.randint(0, 12))]
        assert risky_indexes(col, range(len(col))) == risky_indexes(col, list(range(len(col)))), col

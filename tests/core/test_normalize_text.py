"""Names, dates, tags and the formula guard."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.normalize import (
    join_tags,
    needs_neutralizing,
    neutralize_formula,
    normalize_date,
    normalize_name,
    split_full_name,
    split_tags,
)


@pytest.mark.parametrize("raw,expected", [
    ("  MARIA   DA  CONCEIÇÃO ", "Maria da Conceição"),
    ("joão dos santos e silva", "João dos Santos e Silva"),
    ("D'ÁVILA", "D'Ávila"),
    ("ANA-LUIZA", "Ana-Luiza"),
    ("McDonald", "McDonald"),
    ("João da Silva", "João da Silva"),
    ("DA SILVA", "Da Silva"),
    ("", ""),
    ("123", "123"),
])
def test_names(raw, expected):
    assert normalize_name(raw) == expected


def test_split_full_name():
    assert split_full_name("MARIA DA SILVA") == ("Maria", "da Silva")
    assert split_full_name("Cher") == ("Cher", "")
    assert split_full_name("  ") == ("", "")


TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize("raw,region,expected", [
    ("15/03/1990", "BR", "1990-03-15"),
    ("03/15/1990", "US", "1990-03-15"),
    ("03/04/1990", "BR", "1990-04-03"),
    ("03/04/1990", "US", "1990-03-04"),
    ("1990-03-15", "BR", "1990-03-15"),
    ("1990-03-15 00:00:00", "BR", "1990-03-15"),
    ("15.03.1990", "BR", "1990-03-15"),
    ("15-03-90", "BR", "1990-03-15"),
    ("01/01/05", "BR", "2005-01-01"),
    ("15 de março de 1990", "BR", "1990-03-15"),
    ("15/mar/1990", "BR", "1990-03-15"),
    ("March 15, 1990", "US", "1990-03-15"),
])
def test_dates(raw, region, expected):
    r = normalize_date(raw, region, today=TODAY)
    assert (r.value, r.status) == (expected, "valid")


@pytest.mark.parametrize("raw", ["31/02/1990", "01/01/2099", "01/01/1850", "32750", "ontem", "13/13/2000"])
def test_bad_dates_are_invalid_with_a_reason(raw):
    r = normalize_date(raw, "BR", today=TODAY)
    assert r.status == "invalid" and r.value == "" and r.reason


def test_tags():
    assert split_tags("vip; evento.2024 |Sr. Cliente, vip.\nnovo") == ("vip", "evento-2024", "Sr Cliente", "vip", "novo")
    assert split_tags(" ;; , ") == ()
    assert join_tags(["VIP", "vip", "Lead", "lead quente"]) == "VIP, Lead, lead quente"


OWASP = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
         "\t=1+1", "\r=1+1", "=1+1", " =1+1"]


@pytest.mark.parametrize("payload", OWASP)
def test_owasp_payloads_are_neutralized(payload):
    assert needs_neutralizing(payload)
    out = neutralize_formula(payload)
    assert out.startswith("'") and out[1:2] not in ("\t", "\r")


@pytest.mark.parametrize("safe", ["Maria", "Rua 1", "a=b", "email@x.com", ""])
def test_plain_text_is_left_alone(safe):
    assert not needs_neutralizing(safe) and neutralize_formula(safe) == safe


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_text_properties(text):
    assert normalize_name(normalize_name(text)) == normalize_name(text)
    for t in split_tags(text):
        assert "." not in t and "," not in t and t == t.strip() and t
    assert not neutralize_formula(text)[:1] in ("=", "+", "-", "@", "\t", "\r")
    d = normalize_date(text, "BR")
    assert d.status in {"empty", "valid", "invalid"}
    if d.value:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value)

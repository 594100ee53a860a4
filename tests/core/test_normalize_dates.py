"""Dates of birth: every common way to write one becomes ``YYYY-MM-DD``; guesses are refused with a reason."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.normalize import DateResult, normalize_date

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize("raw,region,expected", [
    ("15/03/1990", "BR", "1990-03-15"),
    ("03/04/1990", "BR", "1990-04-03"),          # day first in Brazil ...
    ("03/04/1990", "US", "1990-03-04"),          # ... month first in the US
    ("03/15/1990", "US", "1990-03-15"),
    ("03/04/1990", "CA", "1990-03-04"),
    ("03/04/1990", "PT", "1990-04-03"),          # any other region reads day first
    ("03/04/1990", "", "1990-04-03"),
    ("03/04/1990", "us", "1990-03-04"),
    ("1990-03-15", "BR", "1990-03-15"),          # ISO everywhere
    ("1990-03-15", "US", "1990-03-15"),
    ("1990-3-5", "BR", "1990-03-05"),
    ("1990-03-15 00:00:00", "BR", "1990-03-15"),  # as Excel writes it
    ("1990-03-15T00:00:00.000Z", "BR", "1990-03-15"),
    ("1990/03/15", "BR", "1990-03-15"),
    ("15.03.1990", "BR", "1990-03-15"),
    ("15-03-1990", "BR", "1990-03-15"),
    ("5/3/1990", "BR", "1990-03-05"),
    ("15/03/1990 10:30", "BR", "1990-03-15"),
    ("15-03-90", "BR", "1990-03-15"),             # 2-digit years: up to this year's "26" is 20xx
    ("01/01/05", "BR", "2005-01-01"),
    ("01/01/26", "BR", "2026-01-01"),
    ("01/01/27", "BR", "1927-01-01"),
    ("15 de março de 1990", "BR", "1990-03-15"),
    ("15 de Marco de 1990", "BR", "1990-03-15"),
    ("1º de janeiro de 1990", "BR", "1990-01-01"),
    ("quarta-feira, 15 de setembro de 1993", "BR", "1993-09-15"),
    ("15/mar/1990", "BR", "1990-03-15"),
    ("15-MAR-90", "BR", "1990-03-15"),
    ("15 fev. 1990", "BR", "1990-02-15"),
    ("15 de dezembro, 1990", "BR", "1990-12-15"),
    ("March 15, 1990", "US", "1990-03-15"),
    ("March 15, 1990", "BR", "1990-03-15"),
    ("Mar 15 1990", "BR", "1990-03-15"),
    ("March 1st, 1990", "BR", "1990-03-01"),
    ("Thursday, March 15, 1990", "US", "1990-03-15"),
    ("15 March 1990", "BR", "1990-03-15"),
    ("15 de enero de 1990", "BR", "1990-01-15"),
    ("  15/03/1990  ", "BR", "1990-03-15"),
    ("2026-11-24", "BR", "2026-11-24"),           # today is not the future
    ("29/02/2000", "BR", "2000-02-29"),
    ("01/01/1900", "BR", "1900-01-01"),
])
def test_dates(raw, region, expected):
    assert normalize_date(raw, region, today=TODAY) == DateResult(expected, "valid")


@pytest.mark.parametrize("raw,reason", [
    ("31/02/1990", "no such date"),
    ("29/02/1990", "no such date"),
    ("13/13/2000", "no such date"),
    ("03/15/1990", "no such date"),               # month-first date in Brazil
    ("2026-11-25", "future"),
    ("01/01/2099", "future"),
    ("01/01/1850", "before 1900"),
    ("31/12/1899", "before 1900"),
    ("32750", "bare number"),                     # an Excel serial is too ambiguous
    ("32750.0", "bare number"),
    ("19900315", "bare number"),
    ("ontem", "not a date"),
    ("15 de marçoo de 1990", "not a date"),
    ("15/03", "not a date"),
    ("março de 1990", "not a date"),
    ("15-03/1990", "not a date"),
    ("1" * 10_000, "not a date"),
])
def test_bad_dates_are_invalid_with_a_reason(raw, reason):
    r = normalize_date(raw, "BR", today=TODAY)
    assert r.status == "invalid" and r.value == "" and reason in str(r.reason)


def test_the_reason_shows_the_regions_order():
    assert "MM/DD/YYYY" in str(normalize_date("ontem", "US", today=TODAY).reason)
    assert "DD/MM/YYYY" in str(normalize_date("ontem", "BR", today=TODAY).reason)


@pytest.mark.parametrize("raw", ["", "   ", "\t\n"])
def test_empty(raw):
    assert normalize_date(raw) == DateResult("", "empty")


def test_default_today_is_the_real_date():
    assert normalize_date((dt.date.today() + dt.timedelta(days=1)).isoformat()).status == "invalid"
    assert normalize_date(dt.date.today().isoformat()).status == "valid"


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY), st.sampled_from(["BR", "US", "PT"]))
def test_every_real_date_round_trips_in_the_regions_order(date, region):
    slashed = date.strftime("%m/%d/%Y" if region == "US" else "%d/%m/%Y")
    for text in (slashed, date.isoformat(), date.strftime("%B %d, %Y"), date.strftime("%d %b %Y")):
        assert normalize_date(text, region, today=TODAY) == DateResult(date.isoformat(), "valid"), text


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"\d{1,4}[/.\- ]\w{1,9}[/.\- ]\d{1,4}", fullmatch=True)))
def test_any_text_never_raises(text):
    r = normalize_date(text, "BR", today=TODAY)
    assert r.status in {"empty", "valid", "invalid"}
    assert (r.status == "invalid") == bool(r.reason)
    if r.value:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.value)
        assert dt.date(1900, 1, 1) <= dt.date.fromisoformat(r.value) <= TODAY


def test_google_year_less_birthday_is_left_empty_with_the_reason():
    res = normalize_date("--03-14")
    assert (res.value, res.status) == ("", "invalid")
    assert str(res.reason) == "a birthday without a year: GHL needs day, month and year"
    assert normalize_date("--02-29").reason == res.reason  # a real birthday, in leap years
    assert str(normalize_date("--02-30").reason) == "no such date (check the day and month)"


@pytest.mark.parametrize("text", ["0/0/00", "00/00/0000", "0/0/0000", "00.00.00"])
def test_outlooks_zero_date_is_no_birthday(text):
    assert normalize_date(text) == DateResult("", "empty")


def test_several_dates_in_one_cell_give_the_first_that_is_a_date():
    assert normalize_date("--03-14 ::: 1990-03-15").value == "1990-03-15"
    assert normalize_date("1990-03-15 ::: 1991-01-01").value == "1990-03-15"
    assert normalize_date("--03-14 ::: x").reason == normalize_date("--03-14").reason

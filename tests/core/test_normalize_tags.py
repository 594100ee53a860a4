"""Tags: GHL splits on commas and periods, so neither may survive inside a tag."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.normalize import join_tags, split_tags


@pytest.mark.parametrize("raw,expected", [
    ("vip; evento.2024 |Sr. Cliente, vip.\nnovo", ("vip", "evento-2024", "Sr Cliente", "vip", "novo")),
    ("v1.2", ("v1-2",)),
    ("a..b", ("a-b",)),
    ("Sr. Cliente", ("Sr Cliente",)),
    ("vip.", ("vip",)),
    (".NET", ("NET",)),
    ("...", ()),
    ("a . b", ("a b",)),
    ("  lead    quente  ", ("lead quente",)),
    ("a\r\nb", ("a", "b")),
    (" ;; , ", ()),
    ("", ()),
    ("Evento São Paulo", ("Evento São Paulo",)),
])
def test_split_tags(raw, expected):
    assert split_tags(raw) == expected


def test_join_tags_dedupes_case_insensitively_keeping_the_first_spelling_and_order():
    assert join_tags(["VIP", "vip", "Lead", "lead quente", "LEAD"]) == "VIP, Lead, lead quente"
    assert join_tags(["São Paulo", "SÃO PAULO"]) == "São Paulo"
    assert join_tags(x for x in ["b", "a", "B"]) == "b, a"
    assert join_tags([]) == ""
    assert join_tags(["", "  ", "a"]) == "a"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_tags_never_hold_a_period_or_comma(text):
    tags = split_tags(text)
    for t in tags:
        assert t and "." not in t and "," not in t and t == t.strip() and "  " not in t
    joined = join_tags(tags)
    first_spellings: dict[str, str] = {}
    for t in tags:
        first_spellings.setdefault(t.casefold(), t)
    assert split_tags(joined) == tuple(first_spellings.values())  # joining then splitting loses nothing


@pytest.mark.parametrize("raw", ["a.b, " * 20_000, "." * 100_000, "\x00;" * 10_000, "😀." * 10_000])
def test_huge_and_odd_cells_do_not_raise(raw):
    for t in split_tags(raw):
        assert t and "." not in t and "," not in t


def test_googles_separator_splits_and_its_own_labels_are_no_tags():
    assert split_tags("* myContacts ::: * starred ::: Clientes ::: VIP") == ("Clientes", "VIP")
    assert split_tags("System Group: My Contacts ::: Amigos") == ("Amigos",)
    assert split_tags("* friends ::: Família") == ("friends", "Família")  # Google's marker dropped
    assert split_tags("*vip, a*b") == ("*vip", "a*b")  # a person's own asterisks stay

"""Names: shouting and all-lower text re-cased the Brazilian way; what a person typed in mixed case is kept."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghl_desktop.core.normalize import normalize_name, split_full_name


@pytest.mark.parametrize("raw,expected", [
    ("  MARIA   DA  CONCEIÇÃO ", "Maria da Conceição"),
    ("joão dos santos e silva", "João dos Santos e Silva"),
    ("ANA DAS DORES DO CARMO", "Ana das Dores do Carmo"),
    ("JOÃO da SILVA", "João da Silva"),          # particles lowered by a CRM, the rest shouting
    ("D'ÁVILA", "D'Ávila"),
    ("MARIA D'ÁVILA", "Maria D'Ávila"),
    ("O’NEIL", "O’Neil"),
    ("ANA-LUIZA", "Ana-Luiza"),
    ("JEAN-PIERRE D'ARC", "Jean-Pierre D'Arc"),
    ("ÁLVARO ÇAVALCANTE", "Álvaro Çavalcante"),
    ("DA SILVA", "Da Silva"),                    # a particle is capitalized as the first word
    ("E", "E"),
    ("JOÃO II", "João II"),
    ("McDonald", "McDonald"),                    # mixed case is what the person typed
    ("João da Silva", "João da Silva"),
    ("Maria SILVA", "Maria Silva"),              # each word judged on its own
    ("Lucas LIMA", "Lucas Lima"),
    ("joão Ribeiro", "João Ribeiro"),
    ("MARIA Ribeiro", "Maria Ribeiro"),
    ("ana McDONALD", "Ana McDONALD"),            # a mixed-case word is kept as typed
    ("Pedro DOS Santos", "Pedro dos Santos"),    # a particle in capitals lowered
    ("João Da Silva", "João Da Silva"),          # a particle the person capitalized is kept
    ("maria D'ÁVILA", "Maria D'Ávila"),
    ("joão\u200b silva", "João Silva"),          # invisible characters from web forms
    ("ana\x00maria", "Ana Maria"),
    ("maria\tde\nsouza", "Maria de Souza"),
    ("", ""),
    ("   ", ""),
    ("123", "123"),
    ("😀", "😀"),
])
def test_names(raw, expected):
    assert normalize_name(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("MARIA DA SILVA", ("Maria", "da Silva")),
    ("  joão   pedro  dos santos ", ("João", "Pedro dos Santos")),
    ("Lucas LIMA", ("Lucas", "Lima")),
    ("joão Ribeiro", ("João", "Ribeiro")),
    ("MARIA Ribeiro DA costa", ("Maria", "Ribeiro da Costa")),
    ("Cher", ("Cher", "")),
    ("CHER", ("Cher", "")),
    ("  ", ("", "")),
    ("", ("", "")),
])
def test_split_full_name(raw, expected):
    assert split_full_name(raw) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_properties(text):
    name = normalize_name(text)
    assert normalize_name(name) == name  # idempotent
    assert name == name.strip() and "  " not in name
    assert not any(unicodedata.category(c) == "Cc" for c in name)  # no NUL, no control characters
    first, last = split_full_name(text)
    assert " " not in first and (first + " " + last).strip() == name


@pytest.mark.parametrize("raw", ["A " * 50_000, "\x00" * 10_000, "😀" * 10_000, "-'" * 10_000])
def test_huge_and_odd_cells_do_not_raise(raw):
    name = normalize_name(raw)
    assert normalize_name(name) == name and split_full_name(raw)[0] == name.partition(" ")[0]

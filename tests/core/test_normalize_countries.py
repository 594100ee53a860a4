"""Countries as ISO 3166 alpha-2 codes: CLDR's names in three languages, abbreviations, never a guess."""

import importlib.util
from pathlib import Path

import phonenumbers
import pytest

from ghl_desktop.core.normalize import normalize_country, phone_region
from ghl_desktop.core.normalize import countries
from ghl_desktop.core.normalize.country_names import CODES, DISPLAY, NAMES

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_country_names.py"


@pytest.mark.parametrize("text, code", [
    # what GHL refuses, written as its code
    ("Brasil", "BR"), ("EUA", "US"), ("Estados Unidos", "US"), ("USA", "US"), ("E.U.A.", "US"),
    ("EE.UU.", "US"), ("United States of America", "US"), ("Brazil", "BR"), ("brasil ", "BR"),
    # Portuguese, English and Spanish names, any case, accents or not
    ("Portugal", "PT"), ("Argentina", "AR"), ("Alemanha", "DE"), ("Germany", "DE"), ("Alemania", "DE"),
    ("México", "MX"), ("MEXICO", "MX"), ("Espanha", "ES"), ("España", "ES"), ("Spain", "ES"),
    ("Reino Unido", "GB"), ("Inglaterra", "GB"), ("UK", "GB"), ("Holanda", "NL"), ("Países Baixos", "NL"),
    ("Japão", "JP"), ("Coreia do Sul", "KR"), ("Costa do Marfim", "CI"), ("Côte d’Ivoire", "CI"),
    ("Emirados Árabes Unidos", "AE"), ("Perú", "PE"), ("Estados Unidos ::: Estados Unidos", "US"),
    # codes: two letters upper-cased, three letters read
    ("br", "BR"), ("Pt", "PT"), ("US", "US"), ("BRA", "BR"), ("prt", "PT"), ("ARG", "AR"),
])
def test_names_and_codes_become_the_alpha_2_code(text, code):
    res = normalize_country(text)
    assert (res.value, res.status) == (code, "valid")


@pytest.mark.parametrize("text", ["Atlântida", "América", "Europa", "Ásia", "SP", "XX", "123", "-", "Brasil/PT",
                                  "x" * 200, "Brasil ::: Portugal"])
def test_what_names_no_single_country_is_left_for_review_never_guessed(text):
    res = normalize_country(text)
    assert (res.value, res.status) == ("", "invalid") and res.reason


def test_the_reasons_say_what_to_write():
    assert str(normalize_country("Atlântida").reason) == (
        "not a country: write its name or its two-letter code (BR, US, PT)")
    assert str(normalize_country("Brasil ::: Portugal").reason) == "several countries in one cell: keep one"
    assert normalize_country("  ").status == "empty" and normalize_country(" ::: ").status == "invalid"


def test_every_code_is_iso_and_every_phone_region_is_a_code():
    assert len(CODES) == 250 and all(len(c) == 2 and c.isupper() for c in CODES)
    assert set(NAMES.values()) <= CODES and set(countries.EXTRA_NAMES.values()) <= CODES
    assert phonenumbers.SUPPORTED_REGIONS - CODES == {"AC", "TA"}  # Ascension, Tristan: parts of SH
    for key in countries.EXTRA_NAMES:
        assert countries.fold(key) == key and NAMES.get(key, countries.EXTRA_NAMES[key]) == countries.EXTRA_NAMES[key]


def test_a_rows_phone_region_is_its_country_when_phonenumbers_knows_it():
    assert phone_region("PT", "BR") == "PT" and phone_region("", "BR") == "BR"
    assert phone_region("AQ", "BR") == "BR"  # Antarctica has no numbering plan


def _tool():
    spec = importlib.util.spec_from_file_location("make_country_names", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_table_is_the_one_cldr_gives():
    """The table is generated from CLDR (babel); after a babel upgrade, run the tool and commit."""
    pytest.importorskip("babel")
    tool = _tool()
    version, names, codes = tool.build_table()
    assert codes == CODES and names == NAMES, "run: python tools/make_country_names.py"
    assert tool.build_display() == DISPLAY, "run: python tools/make_country_names.py"
    for text in ["São Tomé & Príncipe", "Côte d’Ivoire", "E.U.A.", "St. Kitts", "Guiné-Bissau"]:
        assert tool.fold(text) == countries.fold(text)


@pytest.mark.parametrize("code, language, name", [
    ("BR", "pt_BR", "Brasil"), ("DE", "pt_BR", "Alemanha"), ("US", "pt", "Estados Unidos"),
    ("DE", "en", "Germany"), ("DE", "es", "Alemania"), ("de", "en_US", "Germany"),
    ("AC", "pt_BR", "Ilha de Ascensão"),  # a phone region that is no ISO country is named too
    ("DE", "fr", "Germany"), ("QQ", "pt_BR", "QQ"), ("", "pt_BR", ""),
])
def test_country_display_names(code, language, name):
    from ghl_desktop.core import country_display_name

    assert country_display_name(code, language) == name

"""Header normalization and synonym matching (whole phrases only), and the Mapping object itself."""

import json

import pytest

from ghl_desktop.core import schema as F
from ghl_desktop.core.mapping import (
    ColumnMapping,
    Mapping,
    auto_map,
    header_signature,
    match_header,
    normalize_header,
)


@pytest.mark.parametrize("raw, norm", [
    ("E-mail 1 - Value", "email 1 value"),
    ("E Mail", "email"),
    ("Phone1", "phone 1"),
    ("phoneNumber1", "phone number 1"),
    ("  Endereço_Completo ", "endereco completo"),
    ("LASTUPDATED", "lastupdated"),
    ("lastUpdated", "last updated"),
    ("Código Postal", "codigo postal"),
    ("State/Region", "state region"),
    ("Observações (obs.)", "observacoes obs"),
    ("", ""),
])
def test_normalize_header(raw, norm):
    assert normalize_header(raw) == norm


def test_every_synonym_is_written_normalized_and_maps_exactly():
    for fld in F.STANDARD:
        for phrase in fld.synonyms:
            assert normalize_header(phrase) == phrase, phrase
            got, conf = match_header(phrase)
            assert conf >= 0.95, phrase
            assert got == fld.name, phrase


@pytest.mark.parametrize("header, field", [
    ("nome completo", F.FULL_NAME), ("Primeiro Nome", F.FIRST_NAME), ("SOBRENOME", F.LAST_NAME),
    ("e-mail", F.EMAIL), ("WhatsApp", F.PHONE), ("fone", F.PHONE), ("Endereço", "Address"),
    ("Logradouro", "Address"), ("País", "Country"), ("nascimento", F.DATE_OF_BIRTH), ("Site", "Website"),
    ("Obs", F.NOTES), ("Observações", F.NOTES), ("given_name", F.FIRST_NAME), ("familyName", F.LAST_NAME),
    ("DOB", F.DATE_OF_BIRTH), ("Work Phone", F.PHONE), ("Organization", "Company Name"), ("Province", "State"),
    ("Zip Code", "Postal Code"), ("URL", "Website"), ("Comments", F.NOTES), ("Apellido", F.LAST_NAME),
    ("Correo", F.EMAIL), ("Origen", "Source"), ("Additional Emails", F.ADDITIONAL_EMAILS),
    ("Outros emails", F.ADDITIONAL_EMAILS), ("Cell", F.PHONE), ("Surname", F.LAST_NAME),
])
def test_exact_synonyms_are_high_confidence(header, field):
    assert match_header(header) == (field, 0.97)


@pytest.mark.parametrize("header, field", [
    ("Telefone 2", F.PHONE), ("Email 1", F.EMAIL), ("phone 1 value", F.PHONE), ("Celular principal", F.PHONE),
    ("E-mail 2 Address", F.EMAIL), ("Primary Mobile", F.PHONE), ("Sua cidade", "City"), ("Email Contato 2", F.EMAIL), ("Person - Phone - Mobile", F.PHONE),
    ("Cidade do cliente", "City"), ("Celular1", F.PHONE), ("Business City", "City"),
])
def test_synonym_plus_qualifier_still_matches(header, field):
    assert match_header(header) == (field, 0.95)


@pytest.mark.parametrize("trap", [
    "LASTUPDATED", "Email Opt Out", "Phone Verified", "Data de cadastro", "Nome da campanha", "Empresa ID",
    "Last Contacted", "Created At", "Email Bounced", "Phone Type", "E-mail 1 - Type", "Lastname Source",
    "Nome do vendedor", "Cidade natal do pai", "Emailing", "Telefonema", "Companyid", "Tagged", "Sitemap",
    "Cargo", "Status", "Unsubscribed",
])
def test_words_inside_other_headers_never_match(trap):
    assert match_header(trap) == (None, 0.0)


def test_a_bare_name_word_is_an_ambiguous_full_name():
    assert match_header("Nome") == (F.FULL_NAME, 0.6)
    assert match_header("Contato") == (F.FULL_NAME, 0.6)


# -- the Mapping object -------------------------------------------------------------------------

def sample_mapping():
    header = ["Nome", "E-mail", "Obs Interna", "Celular"]
    return header, auto_map(header, [["Ana Lima", "a@b.com", "x", "11987654321"]])


def test_to_dict_is_json_ready_in_header_order_and_round_trips():
    header, m = sample_mapping()
    d = m.to_dict()
    assert list(d) == header
    assert d["E-mail"] == {"field": F.EMAIL, "confidence": 0.99}
    assert d["Obs Interna"] == {"field": None, "confidence": 0.0}
    back = Mapping.from_dict(header, json.loads(json.dumps(d)))
    assert back.to_dict() == d
    assert [(c.source, c.index, c.field) for c in back.columns] == [(c.source, c.index, c.field) for c in m.columns]
    assert {c.reason for c in back.columns} == {"manual", ""}


def test_from_dict_leaves_unknown_and_missing_sources_out():
    data = {"Nome": {"field": F.FULL_NAME, "confidence": 0.6}, "E-mail": {"field": "Fax", "confidence": 1.0},
            "Gone": {"field": F.PHONE, "confidence": 1.0}, "Celular": "garbage"}
    m = Mapping.from_dict(["Nome", "E-mail", "Novo", "Celular"], data)
    assert [c.field for c in m.columns] == [F.FULL_NAME, None, None, None]
    assert m.unmapped() == ["E-mail", "Novo", "Celular"]
    assert [c.index for c in m.columns] == [0, 1, 2, 3]


def test_with_field_is_a_manual_copy():
    _, m = sample_mapping()
    changed = m.with_field("Obs Interna", F.NOTES)
    note = changed.columns[2]
    assert (note.field, note.confidence, note.reason) == (F.NOTES, 1.0, "manual")
    assert m.columns[2].field is None  # the original is untouched
    assert changed.unmapped() == [] and m.unmapped() == ["Obs Interna"]
    dropped = changed.with_field("Celular", None)
    assert dropped.sources_for(F.PHONE) == [] and dropped.unmapped() == ["Celular"]
    assert dropped.columns[3].reason == "manual"
    with pytest.raises(ValueError):
        m.with_field("Celular", "Fax")
    with pytest.raises(KeyError):
        m.with_field("Nope", F.NOTES)


def test_sources_for_is_in_header_order():
    cols = [ColumnMapping("B", 1, F.PHONE, 0.9, "header"), ColumnMapping("A", 0, F.PHONE, 0.9, "header")]
    assert Mapping(cols).sources_for(F.PHONE) == [0, 1]


def test_signature_ignores_order_case_and_accents_but_not_content():
    _, m = sample_mapping()
    assert header_signature(["CELULAR", "obs interna", "E-MAIL", "nomé"]) == m.signature()
    assert header_signature(["Celular", "Nome", "E Mail", "Obs_Interna"]) == m.signature()
    assert header_signature(["Nome", "E-mail", "Obs Interna"]) != m.signature()
    assert header_signature(["Nome", "E-mail", "Obs Interna", "Telefone"]) != m.signature()
    assert len(m.signature()) == 20 and m.signature() == m.signature()

"""Auto-mapping: whole-word synonyms in three languages, values as tiebreaker and fallback."""

from ghl_desktop.core import fields as F
from ghl_desktop.core.mapping import Mapping, auto_map, header_signature, normalize_header


def fields_of(header, rows):
    return {c.source: c.field for c in auto_map(header, rows).columns}


def test_brazilian_excel_export():
    header = ["Nome", "E-mail", "Celular", "Telefone", "Empresa", "Cidade", "UF", "CEP", "Data de Nascimento",
              "Etiquetas", "Origem"]
    rows = [["Maria Silva", "m@x.com", "11987654321", "1133334444", "Acme", "São Paulo", "SP", "01310-100",
             "15/03/1990", "vip", "Instagram"]]
    assert fields_of(header, rows) == {
        "Nome": F.FULL_NAME, "E-mail": F.EMAIL, "Celular": F.PHONE, "Telefone": F.PHONE, "Empresa": F.COMPANY,
        "Cidade": F.CITY, "UF": F.STATE, "CEP": F.POSTAL_CODE, "Data de Nascimento": F.DATE_OF_BIRTH,
        "Etiquetas": F.TAGS, "Origem": F.SOURCE,
    }


def test_english_crm_export_and_substring_traps():
    header = ["First Name", "Last Name", "Email Address", "Mobile Phone", "Phone 1", "Company", "Zip", "Birthday",
              "Tags", "Lead Source", "LASTUPDATED", "Email Opt Out", "Phone Verified", "Last Contacted", "Created At"]
    rows = [["Ann", "Lee", "a@b.com", "+1 415 555 2671", "415 555 2672", "Acme", "94105", "1990-01-01", "x", "web",
             "2024-01-01", "false", "true", "2024-02-02", "2024-01-01"]]
    m = fields_of(header, rows)
    assert m["First Name"] == F.FIRST_NAME and m["Last Name"] == F.LAST_NAME
    assert m["Email Address"] == F.EMAIL and m["Mobile Phone"] == F.PHONE and m["Phone 1"] == F.PHONE
    assert m["Company"] == F.COMPANY and m["Zip"] == F.POSTAL_CODE and m["Birthday"] == F.DATE_OF_BIRTH
    assert m["Lead Source"] == F.SOURCE
    for trap in ("LASTUPDATED", "Email Opt Out", "Phone Verified", "Last Contacted", "Created At"):
        assert m[trap] is None, trap


def test_portuguese_traps_do_not_map():
    header = ["Nome", "Sobrenome", "Data de cadastro", "Nome da campanha", "Empresa ID"]
    rows = [["Ana", "Silva", "01/01/2020", "Black Friday", "12"]]
    m = fields_of(header, rows)
    assert m == {"Nome": F.FIRST_NAME, "Sobrenome": F.LAST_NAME, "Data de cadastro": None,
                 "Nome da campanha": None, "Empresa ID": None}


def test_spanish_export():
    header = ["Nombre", "Apellidos", "Correo electrónico", "Teléfono", "Móvil", "Ciudad", "Código postal",
              "Fecha de nacimiento", "Notas"]
    m = fields_of(header, [["Ana", "Ruiz", "a@b.es", "912345678", "612345678", "Madrid", "28001", "1990-01-01", "x"]])
    assert m == {"Nombre": F.FIRST_NAME, "Apellidos": F.LAST_NAME, "Correo electrónico": F.EMAIL,
                 "Teléfono": F.PHONE, "Móvil": F.PHONE, "Ciudad": F.CITY, "Código postal": F.POSTAL_CODE,
                 "Fecha de nacimiento": F.DATE_OF_BIRTH, "Notas": F.NOTES}


def test_google_contacts_headers():
    header = ["Given Name", "Family Name", "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value",
              "Organization 1 - Name", "Labels"]
    m = fields_of(header, [["Ana", "Lee", "* Home", "a@b.com", "Mobile", "+55 11 98765-4321", "Acme", "* myContacts"]])
    assert m == {"Given Name": F.FIRST_NAME, "Family Name": F.LAST_NAME, "E-mail 1 - Type": None,
                 "E-mail 1 - Value": F.EMAIL, "Phone 1 - Type": None, "Phone 1 - Value": F.PHONE,
                 "Organization 1 - Name": F.COMPANY, "Labels": F.TAGS}


def test_wordless_headers_are_resolved_by_values():
    rows = [["Maria Silva", "m@x.com", "(11) 98765-4321", "15/03/1990"], ["João Souza", "j@x.com", "11 3333-4444", "01/01/1980"]]
    m = auto_map(["Col1", "Col2", "Col3", "Col4"], rows)
    assert [c.field for c in m.columns] == [F.FULL_NAME, F.EMAIL, F.PHONE, F.DATE_OF_BIRTH]
    assert all(c.reason == "values" for c in m.columns)
    assert fields_of(["Contato"], [["a@b.com"], ["c@d.com"]]) == {"Contato": F.EMAIL}


def test_header_contradicted_by_values():
    m = auto_map(["Email"], [["11 98765-4321"], ["21 99876-5432"]])
    assert m.columns[0].field == F.PHONE and m.columns[0].confidence < 0.9
    agree = auto_map(["Email"], [["a@b.com"]])
    assert agree.columns[0].confidence == 0.99 and agree.columns[0].reason == "header+values"


def test_two_cities_keep_the_best_and_two_phones_keep_both():
    m = fields_of(["Cidade", "Cidade 2", "Telefone", "Celular", "Email", "Email 2"], [["SP", "RJ", "1", "2", "a@b.c", "d@e.f"]])
    assert m["Cidade"] == F.CITY and m["Cidade 2"] is None
    assert m["Telefone"] == m["Celular"] == F.PHONE
    assert m["Email"] == F.EMAIL and m["Email 2"] == F.ADDITIONAL_EMAILS


def test_round_trip_with_field_and_signature():
    header = ["Nome", "E-mail", "Obs Interna"]
    m = auto_map(header, [["Ana", "a@b.com", "x"]])
    assert Mapping.from_dict(header, m.to_dict()).to_dict() == m.to_dict()
    changed = m.with_field("Obs Interna", F.NOTES)
    assert changed.columns[2].field == F.NOTES and changed.columns[2].reason == "manual"
    assert m.columns[2].field is None  # the original is untouched
    assert changed.unmapped() == [] and m.unmapped() == ["Obs Interna"]
    assert header_signature(["E-MAIL", "nome", "Obs interna"]) == m.signature()
    assert header_signature(["Nome", "E-mail"]) != m.signature()


def test_normalize_header():
    assert normalize_header("E-mail 1 - Value") == "email 1 value"
    assert normalize_header("phoneNumber1") == "phone number 1"
    assert normalize_header("  Endereço_Completo ") == "endereco completo"

"""Auto-mapping of realistic exports: whole-word synonyms in three languages, values as tiebreaker and fallback."""

import random
import time

import pytest

from ghl_desktop.core import schema as F
from ghl_desktop.core.mapping import auto_map


def fields_of(header, rows):
    return {c.source: c.field for c in auto_map(header, rows).columns}


def by_source(mapping):
    return {c.source: c for c in mapping.columns}


# -- one realistic table per source -------------------------------------------------------------

def test_brazilian_excel_export():
    header = ["Nome", "E-mail", "Celular", "Telefone", "Empresa", "Cidade", "UF", "CEP", "Data de Nascimento",
              "Etiquetas", "Origem"]
    rows = [
        ["Maria Silva", "maria@x.com.br", "(11) 98765-4321", "11 3333-4444", "Acme Ltda", "São Paulo", "SP",
         "01310-100", "15/03/1990", "vip; evento", "Instagram"],
        ["João de Souza", "joao@y.com", "21 99876-5432", "", "Padaria Pão Bom", "Rio de Janeiro", "RJ",
         "20040-002", "01/12/1985", "", "Indicação"],
    ]
    m = auto_map(header, rows)
    assert {c.source: c.field for c in m.columns} == {
        "Nome": F.FULL_NAME, "E-mail": F.EMAIL, "Celular": F.PHONE, "Telefone": F.ADDITIONAL_PHONES,
        "Empresa": "Company Name",
        "Cidade": "City", "UF": "State", "CEP": "Postal Code", "Data de Nascimento": F.DATE_OF_BIRTH,
        "Etiquetas": F.TAGS, "Origem": "Source",
    }
    cols = by_source(m)
    for agreeing in ("Nome", "E-mail", "Celular", "Telefone", "UF", "CEP", "Data de Nascimento"):
        assert (cols[agreeing].confidence, cols[agreeing].reason) == (0.99, "header+values"), agreeing
    assert (cols["Empresa"].confidence, cols["Empresa"].reason) == (0.97, "header")
    assert m.sources_for(F.PHONE) == [2] and m.sources_for(F.ADDITIONAL_PHONES) == [3]  # the mobile is Phone
    assert m.unmapped() == []


def test_english_crm_export_and_substring_traps():
    header = ["First Name", "Last Name", "Email Address", "Mobile Phone", "Phone 1", "Company", "Zip", "Birthday",
              "Tags", "Lead Source", "LASTUPDATED", "Email Opt Out", "Phone Verified", "Last Contacted", "Created At"]
    rows = [["Ann", "Lee", "a@b.com", "+1 415 555 2671", "415 555 2672", "Acme", "94105", "1990-01-01", "x", "web",
             "2024-01-01", "false", "true", "2024-02-02", "2024-01-01 10:00:00"]]
    m = auto_map(header, rows)
    got = {c.source: c.field for c in m.columns}
    assert got == {
        "First Name": F.FIRST_NAME, "Last Name": F.LAST_NAME, "Email Address": F.EMAIL, "Mobile Phone": F.PHONE,
        "Phone 1": F.ADDITIONAL_PHONES, "Company": "Company Name", "Zip": "Postal Code", "Birthday": F.DATE_OF_BIRTH,
        "Tags": F.TAGS, "Lead Source": "Source", "LASTUPDATED": None, "Email Opt Out": None,
        "Phone Verified": None, "Last Contacted": None, "Created At": None,
    }
    assert m.unmapped() == ["LASTUPDATED", "Email Opt Out", "Phone Verified", "Last Contacted", "Created At"]
    assert all(c.reason == "" and c.confidence == 0.0 for c in m.columns if c.field is None)


def test_spanish_export():
    header = ["Nombre", "Apellidos", "Correo electrónico", "Teléfono", "Móvil", "Empresa", "Ciudad", "Provincia",
              "Código postal", "Fecha de nacimiento", "Etiquetas", "Fuente", "Notas"]
    rows = [["Ana", "Ruiz García", "ana@b.es", "912 345 678", "+34 612 345 678", "Acme SL", "Madrid", "Madrid",
             "28001", "1990-01-01", "cliente", "feria", "llamar"]]
    assert fields_of(header, rows) == {
        "Nombre": F.FIRST_NAME, "Apellidos": F.LAST_NAME, "Correo electrónico": F.EMAIL,
        "Teléfono": F.ADDITIONAL_PHONES, "Móvil": F.PHONE, "Empresa": "Company Name", "Ciudad": "City", "Provincia": "State",
        "Código postal": "Postal Code", "Fecha de nacimiento": F.DATE_OF_BIRTH, "Etiquetas": F.TAGS,
        "Fuente": "Source", "Notas": F.NOTES,
    }


def test_google_contacts_old_format():
    header = ["Name", "Given Name", "Additional Name", "Family Name", "Birthday", "Notes", "Group Membership",
              "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value", "Phone 1 - Type",
              "Phone 1 - Value", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
              "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country", "Organization 1 - Name",
              "Organization 1 - Title", "Website 1 - Value"]
    row = ["Ana Maria Lee", "Ana", "Maria", "Lee", "1990-03-15", "met at expo", "* myContacts ::: Clientes",
           "* Home", "ana@b.com", "Work", "ana@acme.com", "Mobile", "+55 11 98765-4321",
           "Rua A, 1\nSão Paulo", "Rua A, 1", "São Paulo", "SP", "01310-100", "Brasil", "Acme", "CEO",
           "https://acme.com"]
    m = fields_of(header, [row])
    assert m == {
        "Name": F.FULL_NAME, "Given Name": F.FIRST_NAME, "Additional Name": None, "Family Name": F.LAST_NAME,
        "Birthday": F.DATE_OF_BIRTH, "Notes": F.NOTES, "Group Membership": F.TAGS, "E-mail 1 - Type": None,
        "E-mail 1 - Value": F.EMAIL, "E-mail 2 - Type": None, "E-mail 2 - Value": F.EMAIL,
        "Phone 1 - Type": None, "Phone 1 - Value": F.PHONE, "Address 1 - Formatted": None,
        "Address 1 - Street": "Address", "Address 1 - City": "City", "Address 1 - Region": "State",
        "Address 1 - Postal Code": "Postal Code", "Address 1 - Country": "Country",
        "Organization 1 - Name": "Company Name", "Organization 1 - Title": None, "Website 1 - Value": "Website",
    }


def test_google_contacts_new_format_and_labels():
    header = ["First Name", "Middle Name", "Last Name", "E-mail 1 - Label", "E-mail 1 - Value", "Phone 1 - Label",
              "Phone 1 - Value", "Organization Name", "Labels"]
    row = ["Ana", "M", "Lee", "Home", "a@b.com", "Mobile", "+55 11 98765-4321", "Acme", "* myContacts"]
    assert fields_of(header, [row]) == {
        "First Name": F.FIRST_NAME, "Middle Name": None, "Last Name": F.LAST_NAME, "E-mail 1 - Label": None,
        "E-mail 1 - Value": F.EMAIL, "Phone 1 - Label": None, "Phone 1 - Value": F.PHONE,
        "Organization Name": "Company Name", "Labels": F.TAGS,
    }


def test_hubspot_export():
    header = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number", "Company Name",
              "Street Address", "City", "State/Region", "Postal Code", "Country/Region", "Website URL",
              "Original Source", "Contact owner", "Create Date", "Last Activity Date", "Lifecycle Stage"]
    row = ["1234567890", "Ann", "Lee", "a@b.com", "+1 415 555 2671", "+1 415 555 2672", "Acme", "1 Main St",
           "Boston", "MA", "02110", "United States", "acme.com", "Organic Search", "Bob Seller",
           "2024-01-01 10:00", "2024-02-01 10:00", "lead"]
    m = fields_of(header, [row])
    assert m["Record ID"] is None and m["Contact owner"] is None and m["Create Date"] is None
    assert m["Last Activity Date"] is None and m["Lifecycle Stage"] is None
    assert [m[h] for h in header[1:14]] == [
        F.FIRST_NAME, F.LAST_NAME, F.EMAIL, F.ADDITIONAL_PHONES, F.PHONE, "Company Name", "Address", "City", "State",
        "Postal Code", "Country", "Website", "Source",
    ]


def test_rd_station_and_pipedrive_exports():
    rd = ["Email", "Nome", "Empresa", "Cargo", "Celular", "Telefone", "Cidade", "Estado", "Tags",
          "Origem da primeira conversão", "Data da primeira conversão", "Identificador"]
    rd_row = ["a@b.com", "Ana Lima", "Acme", "CEO", "11987654321", "1133334444", "Campinas", "SP", "quente",
              "Landing page", "2024-01-01", "123"]
    got = fields_of(rd, [rd_row])
    assert [got[h] for h in rd] == [F.EMAIL, F.FULL_NAME, "Company Name", None, F.PHONE, F.ADDITIONAL_PHONES, "City",
                                    "State",
                                    F.TAGS, "Source", None, None]
    pipedrive = ["Person - Name", "Person - Email - Work", "Person - Email - Home", "Person - Phone - Mobile",
                 "Person - Organization", "Person - Labels", "Person - Owner"]
    pd_row = ["Ana Lima", "ana@acme.com", "ana@gmail.com", "+55 11 98765-4321", "Acme", "Hot", "Bob Seller"]
    got = fields_of(pipedrive, [pd_row])
    assert [got[h] for h in pipedrive] == [F.FULL_NAME, F.EMAIL, F.EMAIL, F.PHONE, "Company Name", F.TAGS, None]


# -- values as fallback and tiebreaker ----------------------------------------------------------

def test_wordless_headers_are_resolved_by_values():
    rows = [["Maria Silva", "m@x.com", "(11) 98765-4321", "15/03/1990", "01310-100", "SP"],
            ["João Souza", "j@x.com", "11 3333-4444", "01/01/1980", "20040-002", "RJ"]]
    m = auto_map(["Col1", "Col2", "Col3", "Col4", "Column 5", "Unnamed: 6"], rows)
    assert [c.field for c in m.columns] == [F.FULL_NAME, F.EMAIL, F.PHONE, F.DATE_OF_BIRTH, "Postal Code", "State"]
    assert all(c.reason == "values" and 0.5 <= c.confidence < 0.95 for c in m.columns)


def test_contato_column_follows_its_values():
    assert fields_of(["Contato"], [["a@b.com"], ["c@d.com"]]) == {"Contato": F.EMAIL}
    assert fields_of(["Contato"], [["(11) 98765-4321"], ["21 99876-5432"]]) == {"Contato": F.PHONE}
    assert fields_of(["Contato"], [["Ana Lima"], ["Rui Costa"]]) == {"Contato": F.FULL_NAME}
    assert fields_of(["Contato"], [["A-17"], ["B-22"]]) == {"Contato": None}


def test_mostly_means_more_than_sixty_percent_of_non_empty_cells():
    header = ["Info"]
    mostly = [["a@b.com"], ["c@d.com"], ["e@f.com"], ["x"], [""], [""], [""]]
    assert fields_of(header, mostly) == {"Info": F.EMAIL}  # 3 of 4 non-empty
    exactly_60 = [["a@b.com"], ["c@d.com"], ["e@f.com"], ["x"], ["y"]]
    assert fields_of(header, exactly_60) == {"Info": None}


def test_dates_map_to_birthday_only_when_the_header_does_not_say_otherwise():
    rows = [["01/01/2020", "02/02/2021"], ["03/03/2022", "04/04/2023"]]
    assert fields_of(["Data de cadastro", "Col2"], rows) == {"Data de cadastro": None, "Col2": F.DATE_OF_BIRTH}


def test_cep_needs_a_header_hint_or_a_wordless_header():
    rows = [["01310-100", "01310-100"], ["20040-002", "20040-002"]]
    got = fields_of(["CEP Residencial", "Referência"], rows)
    assert got == {"CEP Residencial": "Postal Code", "Referência": None}


def test_ids_and_owner_columns_are_never_taken_for_contact_phones_or_emails():
    rows = [[f"{i:03d}.456.789-0{i % 10}", f"98765{i:05d}", "vendas@loja.com", f"1{i:09d}"] for i in range(20)]
    got = fields_of(["CPF", "Código do cliente", "Responsável", "Record ID"], rows)
    assert got == {"CPF": None, "Código do cliente": None, "Responsável": None, "Record ID": None}
    # The same owner address on every row is not each contact's own e-mail, even without a telling header.
    assert fields_of(["Col9"], [["vendas@loja.com"]] * 20) == {"Col9": None}


def test_header_contradicted_by_values():
    m = auto_map(["Email"], [["11 98765-4321"], ["21 99876-5432"]])
    assert (m.columns[0].field, m.columns[0].reason) == (F.PHONE, "values") and m.columns[0].confidence < 0.9
    m = auto_map(["Celular"], [["a@b.com"], ["c@d.com"]])
    assert (m.columns[0].field, m.columns[0].reason) == (F.EMAIL, "values")
    agree = auto_map(["Email"], [["a@b.com"]]).columns[0]
    assert (agree.field, agree.confidence, agree.reason) == (F.EMAIL, 0.99, "header+values")
    # Values that are neither: header kept, confidence lowered so a person looks at it.
    weak = auto_map(["Email"], [["n/a"], ["pedir"]]).columns[0]
    assert weak.field == F.EMAIL and weak.reason == "header" and weak.confidence < 0.9
    # Yes/no answers under a phone or e-mail header are a flag, not contact data.
    assert fields_of(["WhatsApp", "E-mail"], [["Sim", "sim"], ["Não", "não"], ["sim", ""]]) == {
        "WhatsApp": None, "E-mail": None}
    # No values at all: the header alone decides, at full header confidence.
    alone = auto_map(["Email"], []).columns[0]
    assert (alone.field, alone.confidence, alone.reason) == (F.EMAIL, 0.97, "header")


# -- several columns for one field --------------------------------------------------------------

def test_two_phones_and_two_emails_all_feed_their_field():
    header = ["Telefone", "Telefone 2", "Email", "Email 2", "Outros emails", "Outros telefones"]
    rows = [["1133334444", "11987654321", "a@b.com", "c@d.com", "e@f.com", "1144445555"]]
    m = auto_map(header, rows)
    assert m.sources_for(F.PHONE) == [0, 1]
    assert m.sources_for(F.EMAIL) == [2, 3]
    assert m.sources_for(F.ADDITIONAL_EMAILS) == [4]
    assert m.sources_for(F.ADDITIONAL_PHONES) == [5]


def test_competing_single_valued_columns_keep_the_most_confident():
    header = ["Cidade", "Cidade 2", "UF", "Estado", "Col5"]
    rows = [["Santos", "Campinas", "SP", "São Paulo", "SP"], ["Niterói", "Rio", "RJ", "Rio de Janeiro", "RJ"]]
    m = auto_map(header, rows)
    got = {c.source: c.field for c in m.columns}
    assert got == {"Cidade": "City", "Cidade 2": None, "UF": "State", "Estado": None, "Col5": None}
    assert m.unmapped() == ["Cidade 2", "Estado", "Col5"]


def test_nome_with_sobrenome_is_the_first_name():
    got = fields_of(["Nome", "Sobrenome"], [["Ana", "Silva"]])
    assert got == {"Nome": F.FIRST_NAME, "Sobrenome": F.LAST_NAME}
    assert fields_of(["Name", "Surname"], [["Ann", "Lee"]]) == {"Name": F.FIRST_NAME, "Surname": F.LAST_NAME}
    assert fields_of(["Primeiro nome"], [["Ana"]]) == {"Primeiro nome": F.FIRST_NAME}


@pytest.mark.parametrize("header", ["Nome", "Nome completo", "Name", "Full Name", "Nombre completo"])
def test_a_lone_name_column_is_the_full_name(header):
    assert fields_of([header], [["Ana Maria Silva"]]) == {header: F.FULL_NAME}


def test_never_two_full_name_columns():
    m = auto_map(["Nome", "Nome completo", "Nome do cliente"], [["Ana", "Ana Maria Silva", "Ana M. Silva"]])
    assert [c.field for c in m.columns].count(F.FULL_NAME) == 1
    assert m.columns[1].field == F.FULL_NAME  # the values agree with it: 0.99 beats a bare "Nome"


def test_short_rows_and_non_text_cells_do_not_break_profiling():
    m = auto_map(["Email", "Telefone", "Idade"], [["a@b.com"], ["c@d.com", None], ["e@f.com", 11987654321, 30]])
    assert [c.field for c in m.columns] == [F.EMAIL, F.PHONE, None]


def test_sample_size_limits_the_rows_looked_at():
    rows = [["x"]] * 10 + [[f"p{i}@b.com"] for i in range(100)]
    assert fields_of(["Col1"], rows) == {"Col1": F.EMAIL}
    assert auto_map(["Col1"], rows, sample_size=10).columns[0].field is None


def _wide_sheet(n_columns: int, n_rows: int) -> tuple[list[str], list[list[str]]]:
    rng = random.Random(7)
    kinds = [
        lambda: f"user{rng.randrange(10**6)}@mail.com",
        lambda: f"(11) 9{rng.randrange(10**4):04d}-{rng.randrange(10**4):04d}",
        lambda: f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/19{rng.randrange(50, 99)}",
        lambda: rng.choice(["Ana Silva", "João Souza", "Maria de Lima"]),
        lambda: rng.choice(["SP", "RJ", "MG"]),
        lambda: f"texto livre {rng.randrange(1000)}",
    ]
    header = [f"Campo extra {i}" if i % 2 else f"Col{i}" for i in range(n_columns)]
    makers = [kinds[i % len(kinds)] for i in range(n_columns)]
    return header, [[make() for make in makers] for _ in range(n_rows)]


def _best_of_three(header, rows) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        auto_map(header, rows)
        best = min(best, time.perf_counter() - start)
    return best


def test_mapping_cost_grows_linearly_with_the_columns():
    """A 300-column export maps in about five times a 60-column one's time (measured in the same
    run, so a busy machine slows both): nothing in the mapping compares every column with every
    other. A ratio, not a timed threshold."""
    narrow, wide = _wide_sheet(60, 500), _wide_sheet(300, 500)
    auto_map(narrow[0], narrow[1][:5])  # warm up regex caches
    ratio = _best_of_three(*wide) / _best_of_three(*narrow)
    assert ratio < 9, f"5x the columns cost {ratio:.1f}x the time"
    m = auto_map(*wide)
    assert m.columns[0].field == F.EMAIL


@pytest.mark.parametrize("header, mobile, others", [
    (["Nome", "Telefone", "Celular"], "Celular", ["Telefone"]),
    (["Nome", "Telefone comercial", "WhatsApp", "Fone residencial"], "WhatsApp", ["Telefone comercial", "Fone residencial"]),
    (["Name", "Business Phone", "Home Phone", "Mobile Phone"], "Mobile Phone", ["Business Phone", "Home Phone"]),
    (["Name", "Phone Number", "Mobile Phone Number"], "Mobile Phone Number", ["Phone Number"]),
    (["Name", "Primary Phone", "Cell"], "Cell", ["Primary Phone"]),
])
def test_the_mobile_column_is_the_phone_and_the_others_are_additional(header, mobile, others):
    row = ["Ana Lee"] + ["(11) 3333-4444"] * (len(header) - 1)
    m = auto_map(header, [row] * 5)
    fields = {c.source: c.field for c in m.columns}
    assert fields[mobile] == F.PHONE
    assert all(fields[o] == F.ADDITIONAL_PHONES for o in others)


def test_without_a_mobile_column_every_phone_column_stays_phone():
    m = auto_map(["Nome", "Telefone", "Telefone 2"], [["Ana", "(11) 3333-4444", "(11) 3333-5555"]] * 5)
    assert [c.field for c in m.columns[1:]] == [F.PHONE, F.PHONE]


@pytest.mark.parametrize("fax", ["Fax", "Business Fax", "Telefone/Fax", "Fax comercial", "Home Fax"])
def test_a_fax_column_is_never_a_phone(fax):
    m = auto_map(["Nome", fax], [["Ana Lee", "(11) 3333-4444"]] * 5)
    assert m.columns[1].field is None


def test_a_column_with_values_wins_a_single_field_over_an_empty_one():
    header = ["Name", "Home Street", "Business Street", "Home Country/Region", "Business Country/Region"]
    m = auto_map(header, [["Ana Lee", "", "Rua Augusta, 500", "", "Brasil"]] * 5)
    fields = {c.source: c.field for c in m.columns}
    assert fields["Business Street"] == "Address" and fields["Home Street"] is None
    assert fields["Business Country/Region"] == "Country" and fields["Home Country/Region"] is None

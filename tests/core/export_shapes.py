"""Contact exports in the shapes people bring, written by the tests, with the contacts they hold.

Each builder writes one file in a vendor's shape (header set, separators, encoding, the vendor's
own ways of writing "several values" and "no value") into a folder and returns a :class:`Shape`:
the file and, contact by contact, what the GHL export must hold for it. The header sets are the
ones public code reading these exports uses (``shared/reference/ghl-import-format.md``); no vendor
documents its own.

``check_contacts(result, shape)`` compares a conversion's rows with the expected contacts, field
by field, and checks that no standard field holds one of the file's labels (a "Mobile" type, a
"* myContacts" group) instead of a value. Other test modules may add builders here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ghl_desktop.core import schema as F

COUNTRY = F.COUNTRY_FIELD


@dataclass
class Shape:
    path: Path
    #: Per contact, in file order: field -> the exported value ("" = must be empty).
    contacts: list[dict[str, str]]
    #: Texts of the file that are labels or markers, never a value of a standard field.
    labels: frozenset[str] = frozenset()
    #: (row, field, problem kind, offending text) that the conversion must flag.
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8",
              newline: str = "\r\n") -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return path


def _table(header: list[str], records: list[dict[str, str]]) -> list[list[str]]:
    unknown = {k for r in records for k in r} - set(header)
    assert not unknown, unknown  # a typo in a builder's column name would test nothing
    return [header] + [[r.get(h, "") for h in header] for r in records]


# -- Google Contacts ------------------------------------------------------------------------------
GOOGLE_HEADER = [
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name",
    "Organization Title", "Organization Department", "Birthday", "Notes", "Photo", "Labels",
    "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value",
    "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value",
    "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
    "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
    "Address 1 - Extended Address", "Website 1 - Label", "Website 1 - Value",
    "Custom Field 1 - Label", "Custom Field 1 - Value",
]


def google_contacts(folder: Path) -> Shape:
    """Google Contacts' current CSV: `` ::: `` joins several values of one label, ``* myContacts``
    and ``* starred`` are Google's own labels, a birthday without a year is ``--MM-DD``."""
    records = [
        {"First Name": "Ana", "Middle Name": "Maria", "Last Name": "Lee", "File As": "Ana Lee",
         "Organization Name": "Acme", "Organization Title": "Gerente", "Birthday": "1985-07-20",
         "Labels": "* myContacts ::: * starred ::: Clientes",
         "E-mail 1 - Label": "* Work", "E-mail 1 - Value": "ana@acme.com.br ::: ana.lee@acme.com.br",
         "E-mail 2 - Label": "Home", "E-mail 2 - Value": "ana.lee@gmail.com",
         "Phone 1 - Label": "Mobile", "Phone 1 - Value": "+55 11 98765-4321",
         "Phone 2 - Label": "Work", "Phone 2 - Value": "+55 11 3333-4444 ::: +55 11 3333-5555",
         "Address 1 - Label": "Work", "Address 1 - Formatted": "Av. Paulista, 1000\nSão Paulo",
         "Address 1 - Street": "Av. Paulista, 1000", "Address 1 - City": "São Paulo",
         "Address 1 - Region": "SP", "Address 1 - Postal Code": "01310-100", "Address 1 - Country": "Brasil",
         "Website 1 - Label": "Work", "Website 1 - Value": "https://acme.com.br"},
        {"First Name": "Bruno", "Last Name": "Costa", "Birthday": "--03-14",
         "Labels": "* myContacts ::: Fornecedores ::: VIP",
         "E-mail 1 - Label": "* Other", "E-mail 1 - Value": "bruno@costa.pt",
         "Phone 1 - Label": "Mobile", "Phone 1 - Value": "912 345 678",
         "Address 1 - Label": "Home", "Address 1 - City": "Lisboa", "Address 1 - Country": "Portugal",
         "Notes": "Conheceu na feira"},
        {"First Name": "Carla", "Last Name": "Dias", "Birthday": "--02-30", "Labels": "* myContacts",
         "Phone 1 - Label": "Mobile", "Phone 1 - Value": "(21) 99876-5432 ::: (21) 2555-1234",
         "Address 1 - Country": "Atlântida"},
    ]
    path = write_csv(folder / "contacts.csv", _table(GOOGLE_HEADER, records))
    contacts = [
        {F.FIRST_NAME: "Ana", F.LAST_NAME: "Lee", F.EMAIL: "ana@acme.com.br",
         F.ADDITIONAL_EMAILS: "ana.lee@acme.com.br, ana.lee@gmail.com", F.PHONE: "+5511987654321",
         F.ADDITIONAL_PHONES: "+551133334444, +551133335555", "Company Name": "Acme",
         "Address": "Av. Paulista, 1000", "City": "São Paulo", "State": "SP", "Postal Code": "01310-100",
         COUNTRY: "BR", F.DATE_OF_BIRTH: "1985-07-20", "Website": "https://acme.com.br", F.TAGS: "Clientes"},
        {F.FIRST_NAME: "Bruno", F.LAST_NAME: "Costa", F.EMAIL: "bruno@costa.pt", F.ADDITIONAL_EMAILS: "",
         F.PHONE: "+351912345678", F.ADDITIONAL_PHONES: "", "City": "Lisboa", COUNTRY: "PT",
         F.DATE_OF_BIRTH: "", F.TAGS: "Fornecedores, VIP", F.NOTES: "Conheceu na feira"},
        {F.FIRST_NAME: "Carla", F.LAST_NAME: "Dias", F.EMAIL: "", F.PHONE: "+5521998765432",
         F.ADDITIONAL_PHONES: "+552125551234", COUNTRY: "", F.DATE_OF_BIRTH: "", F.TAGS: ""},
    ]
    problems = [(1, F.DATE_OF_BIRTH, "invalid_date", "--03-14"), (2, F.DATE_OF_BIRTH, "invalid_date", "--02-30"),
                (2, COUNTRY, "invalid_country", "Atlântida")]
    labels = frozenset({"* myContacts", "* starred", "* Work", "* Other", "Work", "Home", "Mobile", "Gerente",
                        "Ana Lee"})
    return Shape(path, contacts, labels, problems)


GOOGLE_OLD_HEADER = [
    "Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Given Name Yomi",
    "Additional Name Yomi", "Family Name Yomi", "Name Prefix", "Name Suffix", "Initials", "Nickname",
    "Short Name", "Maiden Name", "Birthday", "Gender", "Location", "Billing Information",
    "Directory Server", "Mileage", "Occupation", "Hobby", "Sensitivity", "Priority", "Subject", "Notes",
    "Language", "Photo", "Group Membership", "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type",
    "E-mail 2 - Value", "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value",
    "Address 1 - Type", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
    "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
    "Address 1 - Extended Address", "Organization 1 - Type", "Organization 1 - Name",
    "Organization 1 - Yomi Name", "Organization 1 - Title", "Organization 1 - Department",
    "Organization 1 - Symbol", "Organization 1 - Location", "Organization 1 - Job Description",
    "Website 1 - Type", "Website 1 - Value",
]


def google_contacts_older(folder: Path) -> Shape:
    """Google Contacts' older CSV ("Google CSV" of the old interface): Given/Family Name, the
    groups in "Group Membership", "Type" columns beside each value."""
    records = [
        {"Name": "Diego Alves", "Given Name": "Diego", "Family Name": "Alves", "Birthday": "--11-02",
         "Group Membership": "* myContacts ::: Amigos ::: * starred",
         "E-mail 1 - Type": "* Home", "E-mail 1 - Value": "diego@alves.com ::: diego.alves@gmail.com",
         "Phone 1 - Type": "Mobile", "Phone 1 - Value": "(31) 98888-7777 ::: (31) 3222-1111",
         "Address 1 - Type": "Home", "Address 1 - City": "Belo Horizonte", "Address 1 - Region": "MG",
         "Address 1 - Country": "BR", "Organization 1 - Type": "Work", "Organization 1 - Name": "Alves & Filhos",
         "Organization 1 - Title": "Sócio"},
        {"Name": "Elena Ruiz", "Given Name": "Elena", "Family Name": "Ruiz", "Birthday": "1990-01-31",
         "Group Membership": "* myContacts", "E-mail 1 - Type": "* Work", "E-mail 1 - Value": "elena@ruiz.es",
         "Phone 1 - Type": "Work", "Phone 1 - Value": "612 34 56 78", "Address 1 - Country": "España"},
    ]
    path = write_csv(folder / "google.csv", _table(GOOGLE_OLD_HEADER, records))
    contacts = [
        {F.FIRST_NAME: "Diego", F.LAST_NAME: "Alves", F.EMAIL: "diego@alves.com",
         F.ADDITIONAL_EMAILS: "diego.alves@gmail.com", F.PHONE: "+5531988887777",
         F.ADDITIONAL_PHONES: "+553132221111", "Company Name": "Alves & Filhos", "City": "Belo Horizonte",
         "State": "MG", COUNTRY: "BR", F.DATE_OF_BIRTH: "", F.TAGS: "Amigos"},
        {F.FIRST_NAME: "Elena", F.LAST_NAME: "Ruiz", F.EMAIL: "elena@ruiz.es", F.PHONE: "+34612345678",
         COUNTRY: "ES", F.DATE_OF_BIRTH: "1990-01-31", F.TAGS: ""},
    ]
    problems = [(0, F.DATE_OF_BIRTH, "invalid_date", "--11-02")]
    labels = frozenset({"* myContacts", "* starred", "* Home", "* Work", "Mobile", "Work", "Home", "Sócio"})
    return Shape(path, contacts, labels, problems)


# -- Outlook ---------------------------------------------------------------------------------------
OUTLOOK_HEADER = [
    "First Name", "Middle Name", "Last Name", "Title", "Suffix", "Initials", "Web Page", "Gender",
    "Birthday", "Anniversary", "Location", "Language", "Notes", "E-mail Address", "E-mail 2 Address",
    "E-mail 3 Address", "Primary Phone", "Home Phone", "Home Phone 2", "Mobile Phone", "Pager", "Home Fax",
    "Home Street", "Home City", "Home State", "Home Postal Code", "Home Country/Region", "Spouse",
    "Manager's Name", "Assistant's Name", "Company Main Phone", "Business Phone", "Business Phone 2",
    "Business Fax", "Assistant's Phone", "Company", "Job Title", "Department", "Business Street",
    "Business City", "Business State", "Business Postal Code", "Business Country/Region", "Other Phone",
    "Other Fax", "Categories",
]


def outlook(folder: Path) -> Shape:
    """Outlook's "Comma Separated Values" export, in the Windows code page (cp1252, CRLF): Business,
    Mobile and Fax phones, ``0/0/00`` for no birthday, categories separated by ";"."""
    records = [
        {"First Name": "João", "Last Name": "Conceição", "Title": "Sr.", "Birthday": "0/0/00",
         "Anniversary": "0/0/00", "E-mail Address": "joao@empresa.com.br", "E-mail 2 Address": "joao@gmail.com",
         "Mobile Phone": "(11) 98765-4321", "Business Phone": "(11) 3333-4444", "Business Fax": "(11) 3333-4445",
         "Assistant's Name": "Rita", "Assistant's Phone": "(11) 3333-4446", "Company": "Empresa Ltda",
         "Job Title": "Diretor", "Business Street": "Rua Augusta, 500", "Business City": "São Paulo",
         "Business State": "SP", "Business Postal Code": "01305-000", "Business Country/Region": "Brasil",
         "Categories": "Clientes;VIP"},
        {"First Name": "Mônica", "Last Name": "Araújo", "Birthday": "15/3/1985", "Anniversary": "0/0/00",
         "E-mail Address": "monica@araujo.com.br", "Home Phone": "(21) 2555-1234",
         "Business Phone": "(21) 3222-9876", "Home Fax": "(21) 2555-1235", "Business Country/Region": "Brazil",
         "Categories": "Fornecedores"},
        {"First Name": "Paul", "Last Name": "Wright", "Birthday": "0/0/00", "E-mail Address": "paul@wright.com",
         "Mobile Phone": "+1 415 555 2671", "Business Phone": "+1 212 555 0123",
         "Business Country/Region": "United States of America"},
    ]
    path = write_csv(folder / "outlook.csv", _table(OUTLOOK_HEADER, records), encoding="cp1252")
    contacts = [
        {F.FIRST_NAME: "João", F.LAST_NAME: "Conceição", F.EMAIL: "joao@empresa.com.br",
         F.ADDITIONAL_EMAILS: "joao@gmail.com", F.PHONE: "+5511987654321", F.ADDITIONAL_PHONES: "+551133334444",
         "Company Name": "Empresa Ltda", "Address": "Rua Augusta, 500", "City": "São Paulo", "State": "SP",
         "Postal Code": "01305-000", COUNTRY: "BR", F.DATE_OF_BIRTH: "", F.TAGS: "Clientes, VIP"},
        {F.FIRST_NAME: "Mônica", F.LAST_NAME: "Araújo", F.EMAIL: "monica@araujo.com.br",
         F.PHONE: "+552125551234", F.ADDITIONAL_PHONES: "+552132229876", COUNTRY: "BR",
         F.DATE_OF_BIRTH: "1985-03-15", F.TAGS: "Fornecedores"},
        {F.FIRST_NAME: "Paul", F.LAST_NAME: "Wright", F.EMAIL: "paul@wright.com", F.PHONE: "+14155552671",
         F.ADDITIONAL_PHONES: "+12125550123", COUNTRY: "US", F.DATE_OF_BIRTH: ""},
    ]
    labels = frozenset({"0/0/00", "Sr.", "Rita", "Diretor", "+551133334445", "+551133334446", "+552125551235"})
    return Shape(path, contacts, labels)


# -- a list with a country column --------------------------------------------------------------
def country_list(folder: Path) -> Shape:
    """An event list whose rows come from several countries: Brazil, Portugal, Argentina, the
    United States, Spain; countries written the ways people write them; phones written the local
    way of each row's country (or with their ``+code``)."""
    rows = [
        ["Nome", "E-mail", "E-mail 2", "Telefone", "Celular", "País"],
        ["Maria Souza", "maria@exemplo.com.br", "", "(11) 3333-4444", "(11) 98765-4321", "Brasil"],
        ["João Pereira", "joao@exemplo.pt", "joao.p@gmail.com", "21 123 4567", "912 345 678", "Portugal"],
        ["Lucía Fernández", "lucia@exemplo.com.ar", "", "011 4567-8901", "011 15-2345-6789", "Argentina"],
        ["John Smith", "john@example.com", "", "", "(415) 555-2671", "EUA"],
        ["Mary Jones", "mary@example.com", "", "(212) 555-0123", "", "Estados Unidos"],
        ["Bob Brown", "bob@example.com", "", "", "650 253 0000", "USA"],
        ["Pablo Gil", "pablo@ejemplo.es", "", "", "612 34 56 78", "España"],
        ["Ana Costa", "ana@exemplo.pt", "", "", "+351 913 456 789", ""],
        ["Rui Lopes", "rui@exemplo.com.br", "", "", "(31) 98888-7777", "Atlantida"],
        ["Carlos Ruiz", "carlos@exemplo.com.ar", "", "", "11 2345-6789", "ar"],
    ]
    path = write_csv(folder / "lista-internacional.csv", rows, delimiter=";", encoding="utf-8-sig")

    def c(first, last, email, phone, extra, country, extra_email=""):
        return {F.FIRST_NAME: first, F.LAST_NAME: last, F.EMAIL: email, F.ADDITIONAL_EMAILS: extra_email,
                F.PHONE: phone, F.ADDITIONAL_PHONES: extra, COUNTRY: country}

    contacts = [
        c("Maria", "Souza", "maria@exemplo.com.br", "+5511987654321", "+551133334444", "BR"),
        c("João", "Pereira", "joao@exemplo.pt", "+351912345678", "+351211234567", "PT", "joao.p@gmail.com"),
        c("Lucía", "Fernández", "lucia@exemplo.com.ar", "+5491123456789", "+541145678901", "AR"),
        c("John", "Smith", "john@example.com", "+14155552671", "", "US"),
        c("Mary", "Jones", "mary@example.com", "+12125550123", "", "US"),
        c("Bob", "Brown", "bob@example.com", "+16502530000", "", "US"),
        c("Pablo", "Gil", "pablo@ejemplo.es", "+34612345678", "", "ES"),
        c("Ana", "Costa", "ana@exemplo.pt", "+351913456789", "", ""),
        c("Rui", "Lopes", "rui@exemplo.com.br", "+5531988887777", "", ""),
        c("Carlos", "Ruiz", "carlos@exemplo.com.ar", "+541123456789", "", "AR"),
    ]
    problems = [(8, COUNTRY, "invalid_country", "Atlantida")]
    return Shape(path, contacts, frozenset(), problems)


# -- checking --------------------------------------------------------------------------------------
def check_contacts(result, shape: Shape) -> None:
    """Every expected contact, field by field, in file order; the flagged problems; no label as a value."""
    table = result.table
    assert len(table) == len(shape.contacts), [table.row_dict(r) for r in range(len(table))]
    for r, want in enumerate(shape.contacts):
        got = table.row_dict(r)
        wrong = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
        assert not wrong, f"contact {r} ({want.get(F.FIRST_NAME)}): field -> (got, expected): {wrong}"
        for name, value in got.items():
            if table.schema[name].custom:  # another column of the file, kept under its own name
                continue
            parts = {p.strip() for p in value.split(",")} | {value}
            assert not parts & shape.labels, f"contact {r}: {name} holds a label: {value!r}"
    for r, fld, kind, text in shape.problems:
        found = [(p.kind, p.value) for p in table.problems.get(r, {}).get(fld, [])]
        assert (kind, text) in found, f"contact {r}: no {kind} for {text!r} in {fld}: {found}"

"""Custom fields: the columns that fill no standard field are kept, in the form GHL reads.

Files in the shapes of the exports people bring (HubSpot, RD Station, Google Contacts), written
by the tests, are converted and checked contact by contact; then the rules one by one.
"""

from __future__ import annotations

import csv
import json

import pytest

from ghl_desktop.cli import main
from ghl_desktop.core import pipeline
from ghl_desktop.core import schema as F
from ghl_desktop.core.dedupe import merge_duplicates
from ghl_desktop.core.errors import InputError
from ghl_desktop.core.mapping import Mapping, auto_map
from ghl_desktop.core.normalize.custom import (
    detect_kind,
    normalize_custom_date,
    normalize_number,
    normalize_options,
)
from ghl_desktop.core.pipeline import ConversionResult, ConvertOptions, convert, reconvert
from ghl_desktop.core.review import edit_cell
from ghl_desktop.core.assemble import ValueCache
from ghl_desktop.core.speed import helper as parallel
from ghl_desktop.core.speed import tuning
from ghl_desktop.core.table import INVALID_VALUE

STANDARD_COLUMNS = list(F.GHL_COLUMNS)


def write_csv(path, header, rows, encoding="utf-8", delimiter=","):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def run_cli(*args):
    return main([str(a) for a in args])


# -- the exports people bring ---------------------------------------------------------------------

HUBSPOT_HEADER = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number",
                  "Company Name", "City", "State/Region", "Country/Region", "Contact owner",
                  "Lifecycle Stage", "Lead Status", "Create Date", "Last Activity Date"]
HUBSPOT_ROWS = [
    ["5101", "Ana", "Souza", "ana@empresa.com.br", "", "+55 11 98765-4321", "Empresa X", "São Paulo", "SP",
     "Brazil", "Carlos Mendes", "lead", "NEW", "2024-03-12 10:22", "2024-05-01 08:00"],
    ["5102", "Bruno", "Lima", "bruno@lima.com", "(21) 98888-7777", "", "Lima ME", "Rio de Janeiro", "RJ",
     "Brazil", "Carlos Mendes", "customer", "OPEN", "2024-04-01 09:00", ""],
    ["5103", "Carla", "Dias", "carla@dias.net", "", "", "", "Curitiba", "PR", "Brazil", "Paula Reis",
     "lead", "", "2023-12-24 17:45", "2024-01-02 10:10"],
]


def test_hubspot_export_keeps_its_own_columns_as_custom_fields_and_no_standard_field_holds_them(tmp_path):
    src = write_csv(tmp_path / "hubspot-contacts.csv", HUBSPOT_HEADER, HUBSPOT_ROWS)
    out, report = tmp_path / "ghl.csv", tmp_path / "report.json"
    assert run_cli("convert", src, "--out", out, "--report", report) == 0
    header, rows = read_csv(out)
    assert header[:len(STANDARD_COLUMNS)] == STANDARD_COLUMNS
    assert header[len(STANDARD_COLUMNS):] == ["Record ID", "Contact owner", "Lifecycle Stage", "Lead Status",
                                              "Create Date", "Last Activity Date"]
    ana, bruno, carla = rows
    assert (ana["First Name"], ana["Last Name"], ana["Email"], ana["Phone"]) == (
        "Ana", "Souza", "ana@empresa.com.br", "+5511987654321")
    assert (ana["Record ID"], ana["Contact owner"], ana["Lifecycle Stage"]) == ("5101", "Carlos Mendes", "lead")
    assert ana["Create Date"] == "2024-03-12" and ana["Last Activity Date"] == "2024-05-01"
    assert bruno["Phone"] == "+5521988887777" and bruno["Last Activity Date"] == ""
    assert carla["Create Date"] == "2023-12-24" and carla["Contact owner"] == "Paula Reis"
    # No standard field holds a record id, a create date or an owner's name.
    for row, raw in zip(rows, HUBSPOT_ROWS):
        standard = {row[c] for c in STANDARD_COLUMNS} - {""}
        assert not standard & {raw[0], raw[10], raw[13], raw[13][:10]}
    data = json.loads(report.read_text(encoding="utf-8"))
    kinds = {f["name"]: (f["source"], f["kind"], f["filled"]) for f in data["custom_fields"]}
    assert kinds["Create Date"] == ("Create Date", F.DATE, 3)
    assert kinds["Contact owner"] == ("Contact owner", F.TEXT, 3)
    assert kinds["Last Activity Date"] == ("Last Activity Date", F.DATE, 2)
    assert data["mapping"]["Record ID"]["custom"] is True


RD_HEADER = ["Email", "Nome", "Telefone", "Celular", "Cargo", "Empresa", "País", "Estado", "Cidade",
             "Estágio no funil", "Dono do Lead", "Data da última venda", "Valor da última venda", "Tags",
             "Data de aniversário", "Total de conversões", "Interesses", "Campo vazio"]
RD_ROWS = [
    ["joao@silva.com.br", "JOÃO DA SILVA", "(11) 3333-4444", "(11) 98765-4321", "Diretor Comercial",
     "Silva Ltda", "Brasil", "SP", "São Paulo", "Cliente", "Marina Costa", "15/03/2024", "R$ 1.234,56",
     "vip, evento", "10/05/1980", "3", "Marketing; Vendas", ""],
    ["maria@souza.com", "Maria Souza", "", "(21) 99876-5432", "Analista", "Souza SA", "Brasil", "RJ",
     "Rio de Janeiro", "Lead", "Marina Costa", "02/01/2025", "R$ 980,00", "", "", "12",
     "Vendas; Atendimento ao cliente", ""],
    ["pedro@lima.net", "Pedro Lima", "", "(31) 98877-6655", "", "", "Brasil", "MG", "Belo Horizonte",
     "Lead", "Rafael Alves", "", "1.500", "", "", "1", "Marketing; Vendas ver. 2.0", ""],
    ["ana@costa.org", "Ana Costa", "", "(41) 99911-2233", "CEO", "Costa & Filhos", "Brasil", "PR",
     "Curitiba", "Oportunidade", "Rafael Alves", "28/02/2024", "a combinar", "", "", "7",
     "Atendimento ao cliente", ""],
]


@pytest.fixture
def rd_file(tmp_path):
    return write_csv(tmp_path / "leads-rd.csv", RD_HEADER, RD_ROWS, encoding="utf-8-sig", delimiter=";")


def test_rd_station_export_keeps_cargo_money_dates_and_options_in_ghls_form(rd_file, tmp_path):
    out, report = tmp_path / "ghl.csv", tmp_path / "report.json"
    assert run_cli("convert", rd_file, "--out", out, "--report", report) == 0
    header, rows = read_csv(out)
    assert header[len(STANDARD_COLUMNS):] == ["Cargo", "Estágio no funil", "Dono do Lead", "Data da última venda",
                                              "Valor da última venda", "Total de conversões", "Interesses"]
    joao, maria, pedro, ana = rows
    assert (joao["First Name"], joao["Last Name"], joao["Email"]) == ("João", "da Silva", "joao@silva.com.br")
    assert joao["Date of Birth"] == "1980-05-10"
    assert joao["Cargo"] == "Diretor Comercial" and joao["Dono do Lead"] == "Marina Costa"
    assert joao["Data da última venda"] == "2024-03-15"  # never DD/MM/YYYY
    assert maria["Data da última venda"] == "2025-01-02"
    assert [r["Valor da última venda"] for r in rows] == ["1234.56", "980.00", "1500", ""]
    assert [r["Total de conversões"] for r in rows] == ["3", "12", "1", "7"]
    # Options apart with GHL's separators; a period inside an option never splits it.
    assert joao["Interesses"] == "Marketing, Vendas"
    assert pedro["Interesses"] == "Marketing, Vendas ver 2-0"
    assert "." not in "".join(r["Interesses"] for r in rows)
    # No standard field holds the owner's name.
    assert all("Marina Costa" not in r[c] and "Rafael Alves" not in r[c] for r in rows for c in STANDARD_COLUMNS)
    data = json.loads(report.read_text(encoding="utf-8"))
    kinds = {f["name"]: f["kind"] for f in data["custom_fields"]}
    assert kinds == {"Cargo": F.TEXT, "Estágio no funil": F.TEXT, "Dono do Lead": F.TEXT,
                     "Data da última venda": F.DATE, "Valor da última venda": F.MONEY,
                     "Total de conversões": F.NUMBER, "Interesses": F.OPTIONS}
    assert {"source": "Campo vazio", "reason": "empty"} in data["left_out_columns"]
    # "a combinar" is no amount: left for review, flagged, not changed into something else.
    assert data["invalid_values"] == 1
    result = convert([rd_file])
    (problem,) = result.table.problems[3]["Valor da última venda"]
    assert problem.kind == INVALID_VALUE and problem.value == "a combinar" and problem.is_error
    assert result.table.columns["Valor da última venda"][3] == ""


GOOGLE_HEADER = ["First Name", "Middle Name", "Last Name", "Nickname", "Organization Title", "Birthday",
                 "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value",
                 "Phone 2 - Type", "Phone 2 - Value", "Custom Field 1 - Label", "Custom Field 1 - Value"]
GOOGLE_ROWS = [
    ["Lucas", "", "Pereira", "Lu", "Gerente", "1985-07-20", "Clientes", "* Home", "lucas@pereira.com",
     "Mobile", "+55 11 97777-1111", "Work", "+55 11 3222-1111", "Time", "Corinthians"],
    ["Fernanda", "Maria", "Rocha", "", "", "", "Fornecedores", "Work", "fernanda@rocha.com.br",
     "Home", "(11) 96666-2222", "", "", "", ""],
]


def test_google_contacts_label_and_type_columns_are_left_out_not_fields(tmp_path):
    src = write_csv(tmp_path / "contacts.csv", GOOGLE_HEADER, GOOGLE_ROWS)
    out, report = tmp_path / "ghl.csv", tmp_path / "report.json"
    assert run_cli("convert", src, "--out", out, "--report", report) == 0
    header, rows = read_csv(out)
    assert header[len(STANDARD_COLUMNS):] == ["Middle Name", "Nickname", "Organization Title",
                                              "Custom Field 1 - Value"]
    lucas, fernanda = rows
    assert (lucas["Email"], lucas["Phone"], lucas["Organization Title"]) == (
        "lucas@pereira.com", "+5511977771111", "Gerente")
    labels = {"* Home", "Mobile", "Work", "Home", "Time"}
    assert all(not labels & {r[c] for c in header} for r in rows)  # no type label anywhere
    data = json.loads(report.read_text(encoding="utf-8"))
    left = {c["source"]: c["reason"] for c in data["left_out_columns"]}
    assert left == {"E-mail 1 - Label": "label", "Phone 1 - Label": "label", "Phone 2 - Type": "label",
                    "Custom Field 1 - Label": "label"}
    assert fernanda["Middle Name"] == "Maria"


# -- the contract: --drop-unmapped, --tag, no contact columns ------------------------------------

def test_drop_unmapped_gives_the_standard_columns_only(rd_file, tmp_path):
    kept, dropped = tmp_path / "kept.csv", tmp_path / "dropped.csv"
    assert run_cli("convert", rd_file, "--out", kept) == 0
    assert run_cli("convert", rd_file, "--out", dropped, "--drop-unmapped") == 0
    header, rows = read_csv(dropped)
    assert header == STANDARD_COLUMNS
    with open(kept, encoding="utf-8", newline="") as fh:
        cut = [r[:len(STANDARD_COLUMNS)] for r in csv.reader(fh)]
    with open(dropped, encoding="utf-8", newline="") as fh:
        assert list(csv.reader(fh)) == cut
    # A file with nothing but standard fields: the same bytes either way.
    plain = write_csv(tmp_path / "plain.csv", ["Nome", "E-mail", "Celular"],
                      [["Ana Lima", "ana@lima.com", "(11) 98765-4321"], ["Rui Melo", "rui@melo.com", ""]])
    assert run_cli("convert", plain, "--out", tmp_path / "a.csv") == 0
    assert run_cli("convert", plain, "--out", tmp_path / "b.csv", "--drop-unmapped") == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_tag_is_added_to_every_row_and_stays_one_valid_tag(rd_file, tmp_path, capsys):
    out = tmp_path / "ghl.csv"
    assert run_cli("convert", rd_file, "--out", out, "--tag", "importado-2026-12-02") == 0
    _, rows = read_csv(out)
    assert [r["Tags"] for r in rows] == ["vip, evento, importado-2026-12-02", "importado-2026-12-02",
                                         "importado-2026-12-02", "importado-2026-12-02"]
    assert run_cli("convert", rd_file, "--out", out, "--tag", "lista v1.2, maio") == 0
    _, rows = read_csv(out)
    assert rows[1]["Tags"] == "lista v1-2 maio"  # one tag: no period or comma inside
    capsys.readouterr()
    assert run_cli("convert", rd_file, "--out", tmp_path / "x.csv", "--tag", " ... ") == 2
    assert capsys.readouterr().err.startswith("error: --tag")


def test_a_file_with_no_contact_column_is_an_error(tmp_path, capsys):
    src = write_csv(tmp_path / "pedidos.csv", ["Pedido", "Valor", "Data"],
                    [["1001", "R$ 10,00", "01/02/2024"], ["1002", "R$ 20,00", "02/02/2024"]])
    out = tmp_path / "ghl.csv"
    assert run_cli("convert", src, "--out", out) == 2
    assert capsys.readouterr().err == "error: pedidos.csv: no column looks like a name, email or phone\n"
    assert not out.exists()
    with pytest.raises(InputError) as info:
        convert([src])
    assert info.value.message.id == "input.no_contact_columns"


# -- the mapping ----------------------------------------------------------------------------------

def test_mapping_with_custom_fields_round_trips_with_names_kinds_and_ignored_columns():
    header = ["Nome", "Email", "Cargo", "Valor", "Cargo ", "Observação interna", "Phone 1 - Type",
              "Phone 1 - Value"]
    rows = [["Ana", "a@x.com", "CEO", "R$ 1,00", "Sócia", "x", "Mobile", "11987654321"]] * 3
    m = auto_map(header, rows, custom=True)
    fields = {c.source: c.field for c in m.columns}
    assert fields["Cargo"] == "Cargo" and fields["Cargo "] == "Cargo (2)"  # distinct headers
    assert fields["Phone 1 - Type"] is None and fields["Observação interna"] == "Observação interna"
    assert m.schema["Valor"].kind == F.MONEY and m.schema["Valor"].custom
    m = m.with_custom("Cargo", "Cargo atual", F.OPTIONS)
    m = m.with_field("Observação interna", None)  # a person leaves it out
    m = m.with_custom("Valor", kind=F.NUMBER)  # a person overrides the detected kind
    m = m.with_custom("Phone 1 - Type", "Email")  # a name taken by a standard field
    assert m.schema["Cargo atual"].kind == F.OPTIONS and "Cargo" not in m.schema
    assert [f.name for f in m.schema.custom] == ["Cargo atual", "Valor", "Cargo (2)", "Email (2)"]
    data = json.loads(json.dumps(m.to_dict()))
    assert data["Observação interna"] == {"field": None, "confidence": 0.0, "reason": "manual"}
    assert data["Valor"]["kind"] == F.NUMBER and data["Valor"]["custom"] is True
    back = Mapping.from_dict(header, data)
    assert back.schema == m.schema
    assert [(c.source, c.field) for c in back.columns] == [(c.source, c.field) for c in m.columns]
    # A standard field chosen again: the custom field goes.
    again = back.with_field("Valor", "Notes")
    assert "Valor" not in again.schema and again.schema["Notes"].kind == F.NOTES_KIND
    with pytest.raises(ValueError):
        back.with_custom("Valor", kind="weird")


def test_a_remembered_mapping_is_used_with_its_custom_fields(rd_file):
    first = convert([rd_file])
    chosen = first.mappings[0].with_custom("Cargo", "Função", F.TEXT).with_field("Estágio no funil", None)
    record = json.loads(json.dumps(chosen.to_dict()))
    second = convert([rd_file], mapping_for=lambda i, header: Mapping.from_dict(header, record))
    assert "Função" in second.table.columns and "Estágio no funil" not in second.table.columns
    assert second.table.columns["Função"][0] == "Diretor Comercial"
    left = {c["source"]: c["reason"] for c in second.report["left_out_columns"]}
    assert left["Estágio no funil"] == "ignored"
    # reconverting with it after a person's change, and saving and reopening, keep it all
    redone = reconvert(first, [chosen])
    assert redone.table.schema == second.table.schema


def test_saved_result_keeps_custom_fields_and_review_edits_use_their_kind(rd_file, tmp_path):
    result = convert([rd_file])
    result.save(tmp_path / "saved")
    back = ConversionResult.load(tmp_path / "saved")
    assert back.table.schema == result.table.schema
    assert back.mappings[0].to_dict() == result.mappings[0].to_dict()
    cache = ValueCache("BR")
    edit_cell(back.table, 3, "Valor da última venda", "R$ 2.000,00", cache)
    assert back.table.columns["Valor da última venda"][3] == "2000.00"
    assert not back.table.problems.get(3, {}).get("Valor da última venda")
    edit_cell(back.table, 0, "Data da última venda", "31/12/2031", cache)  # a custom date may be ahead
    assert back.table.columns["Data da última venda"][0] == "2031-12-31"
    edit_cell(back.table, 0, "Interesses", "a.b; c", cache)
    assert back.table.columns["Interesses"][0] == "a-b, c"


# -- several files, duplicates, two processes -----------------------------------------------------

def test_several_files_share_one_schema_the_union_of_their_custom_fields(rd_file, tmp_path):
    other = write_csv(tmp_path / "outra.csv", ["Nome", "E-mail", "Cargo", "Time"],
                      [["Rita Gomes", "rita@gomes.com", "Sócia", "Palmeiras"],
                       ["Maria Souza", "maria@souza.com", "Gerente", "Santos"]])
    result = convert([rd_file, other])
    customs = [f.name for f in result.table.schema.custom]
    assert customs[-1] == "Time" and customs.count("Cargo") == 1
    t = result.table
    row = {e: r for r, e in enumerate(t.columns["Email"])}
    assert t.columns["Time"][row["rita@gomes.com"]] == "Palmeiras"
    # Maria is in both files: merged, the first non-empty value wins for each custom field.
    m = row["maria@souza.com"]
    assert t.columns["Cargo"][m] == "Analista" and t.columns["Time"][m] == "Santos"
    assert result.duplicates_merged == 1


def test_duplicates_union_the_options_of_a_multiple_choice_field(tmp_path):
    src = write_csv(tmp_path / "dup.csv", ["Nome", "Email", "Interesses"],
                    [["Ana", "ana@x.com", "A; B"], ["Ana", "ana@x.com", "B; C"], ["Rui", "rui@x.com", "A"],
                     ["Lia", "lia@x.com", "C; A"]])
    table, merged = merge_duplicates(convert([src], ConvertOptions(dedupe=False)).table)
    assert merged == 1 and table.columns["Interesses"][0] == "A, B, C"


def _two_cores(monkeypatch):
    from ghl_desktop.core.reader import stream

    monkeypatch.setattr(tuning, "CHUNK_ROWS", 200)
    monkeypatch.setattr(stream, "BLOCK_CHARS", 4096)
    monkeypatch.setattr(tuning, "MIN_ROWS", 100)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(tuning, "BYTES_PER_ROW", 1)


def _snapshot(result):
    t = result.table
    problems = {r: {f: [(p.kind, str(p.reason), p.value) for p in ps] for f, ps in fs.items()}
                for r, fs in t.problems.items()}
    return t.schema, t.columns, list(t.sources), problems


def test_chunks_sent_to_the_helper_with_an_older_schema_are_redone(tmp_path, monkeypatch):
    """The helper is given chunks while the file is read, mapped on its first rows; a custom column
    filled only further down, or a second file's custom column, changes the conversion's columns."""
    rows = [[f"Pessoa {i}", f"p{i}@mail.com", f"(11) 9{i:04d}-{i:04d}", "" if i < 1500 else f"Cargo {i % 7}"]
            for i in range(3000)]
    big = write_csv(tmp_path / "grande.csv", ["Nome", "Email", "Celular", "Cargo"], rows)
    small = write_csv(tmp_path / "pequena.csv", ["Nome", "Email", "Time"], [["Rita", "rita@x.com", "Santos"]])
    with monkeypatch.context() as m:
        m.setattr(tuning, "MIN_ROWS", 10**9)
        one_core = [convert([big]), convert([big, small])]
    _two_cores(monkeypatch)
    feeds = []
    real_init = pipeline._Prefeed.__init__
    monkeypatch.setattr(pipeline._Prefeed, "__init__",
                        lambda self, *a, **k: real_init(self, *a, **k) or feeds.append(self))
    for paths, want in (([big], one_core[0]), ([big, small], one_core[1])):
        feeds.clear()
        result = convert(paths)
        assert feeds and feeds[0].mapping is not None and "Cargo" not in feeds[0].mapping.schema
        assert not feeds[0].sent  # thrown away: mapped without the Cargo column
        assert _snapshot(result) == _snapshot(want)
        assert result.table.columns["Cargo"][2999] == "Cargo 3"


# -- the rules for one value ----------------------------------------------------------------------

@pytest.mark.parametrize("raw,want", [
    ("1.234,56", "1234.56"), ("R$ 1.234,56", "1234.56"), ("R$1.234.567,89", "1234567.89"),
    ("1234,5", "1234.5"), ("1.500", "1500"), ("1,234.56", "1234.56"), ("-12,30", "-12.30"),
    ("(10,00)", "-10.00"), ("R$ -5,00", "-5.00"), (".5", "0.5"), ("1234", "1234"), ("1.234 BRL", "1234"),
    ("US$ 12.50", "12.50"), ("  ", ""),
])
def test_numbers_and_money_written_the_brazilian_way_become_a_decimal_point(raw, want):
    assert normalize_number(raw).value == want


@pytest.mark.parametrize("raw", ["a combinar", "10%", "1.2.3,4,5", "R$", "12 reais e 50"])
def test_anything_else_is_not_a_number(raw):
    res = normalize_number(raw)
    assert res.status == "invalid" and res.value == "" and str(res.reason).startswith("not a number")


def test_an_ambiguous_grouping_mark_is_read_the_regions_way():
    assert normalize_number("1.234", "BR").value == "1234" and normalize_number("1.234", "US").value == "1.234"
    assert normalize_number("1,234", "US").value == "1234" and normalize_number("1,5", "BR").value == "1.5"


def test_custom_dates_are_iso_and_may_lie_in_the_future():
    assert normalize_custom_date("15/03/2024").value == "2024-03-15"
    assert normalize_custom_date("03/15/2024", "US").value == "2024-03-15"
    assert normalize_custom_date("2099-01-31 10:00").value == "2099-01-31"
    assert normalize_custom_date("31/02/2024").status == "invalid"


def test_options_keep_apart_and_never_split_on_a_period():
    assert normalize_options("a; b | c ::: d\ne") == "a, b, c, d, e"
    assert normalize_options("Plano 2.0; Sr. Cliente; vip.") == "Plano 2-0, Sr Cliente, vip"
    assert normalize_options("A; a; B") == "A, B"


def test_the_kind_of_a_column_follows_its_values():
    assert detect_kind(["15/03/2024", "2024-01-02", "1 de março de 2020"]) == F.DATE
    assert detect_kind(["R$ 10,00", "1.234,56", "5"]) == F.MONEY
    assert detect_kind(["3", "12", "1.500"]) == F.NUMBER
    assert detect_kind(["1", "2", "3", "4", "5", "6", "7", "8", "9", "dez"]) == F.NUMBER  # one flagged
    assert detect_kind(["1", "2", "três"]) == F.TEXT
    assert detect_kind(["Vendas; Marketing", "Marketing", "Vendas; Suporte", "Suporte"]) == F.OPTIONS
    assert detect_kind(["Rua A, 10", "Rua B, 20", "Av. C, 30"]) == F.TEXT
    assert detect_kind(["Bom, gostou", "Ruim, não voltou", "Ótimo, indicou"]) == F.TEXT
    assert detect_kind(["vip, evento", "evento", "vip, lead", "lead, evento"]) == F.OPTIONS
    assert detect_kind([]) == F.TEXT


def test_a_field_fed_by_two_columns_takes_the_first_valid_date_and_flags_a_later_column_only_where_no_value_came():
    """Dates (and custom numbers) from several source columns: the first valid value wins; an
    invalid cell of a later column is flagged only on a row that has no value yet, so a person
    is not asked to fix a birthday the row already has."""
    from ghl_desktop.core.assemble import SourceColumns, normalize_chunk
    from ghl_desktop.core.table import INVALID_DATE

    header = ["Nome", "Email", "Nascimento", "Aniversário"]
    rows = [
        ["Ana", "ana@x.com", "03/04/1990", "nope"],     # first column valid: the later "nope" is not flagged
        ["Bia", "bia@x.com", "", "05/06/1985"],         # only the second column: its value
        ["Caio", "caio@x.com", "bad", "07/08/1970"],    # first invalid (flagged), second fills the row
        ["Duda", "duda@x.com", "", "nope"],             # nothing valid: the second column's cell is flagged
    ]
    m = auto_map(header, rows).with_field("Nascimento", F.DATE_OF_BIRTH).with_field("Aniversário", F.DATE_OF_BIRTH)
    assert m.sources_for(F.DATE_OF_BIRTH) == [2, 3]
    src = SourceColumns("x.csv", header, [list(c) for c in zip(*rows)], list(range(2, 6)))
    table = normalize_chunk(src, m, 0, 0, len(rows), ValueCache("BR"))
    assert table.columns[F.DATE_OF_BIRTH] == ["1990-04-03", "1985-06-05", "1970-08-07", ""]
    flagged = {r: [p.value for p in fields[F.DATE_OF_BIRTH] if p.kind == INVALID_DATE]
               for r, fields in table.problems.items() if F.DATE_OF_BIRTH in fields}
    assert flagged == {2: ["bad"], 3: ["nope"]}

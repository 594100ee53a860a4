"""End-to-end rules of one conversion: mapping → normalizing → merging → report."""

import csv
from pathlib import Path

import pytest

from ghl_desktop.core.speed import tuning
from ghl_desktop.core import schema as F
from ghl_desktop.core.errors import Cancelled, InputError
from ghl_desktop.core.pipeline import ConversionResult, ConvertOptions, convert
from ghl_desktop.core.task import STAGES, TaskState
from ghl_desktop.core.table import FORMULA, INVALID_EMAIL, NO_CONTACT, ContactTable


def write_csv(path: Path, rows, delimiter=",", encoding="utf-8", newline="\n") -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator=newline)
        w.writerows(rows)
    return path


BR_HEADER = ["Nome", "E-mail", "Celular", "Telefone", "Empresa", "Cidade", "UF", "CEP",
             "Data de Nascimento", "Etiquetas", "Origem"]


def br_file(tmp_path, rows, name="contatos.csv"):
    return write_csv(tmp_path / name, [BR_HEADER, *rows], delimiter=";", encoding="cp1252", newline="\r\n")


def row_of(result, i=0):
    return result.table.row_dict(i)


def test_brazilian_excel_export_is_normalized(tmp_path):
    path = br_file(tmp_path, [
        ["MARIA DA CONCEIÇÃO", " Maria@Exemplo.COM.br ", "(11) 98765-4321", "11 3333-4444",
         "Padaria  Pão Quente", "SÃO PAULO", "sp", "1310100", "15/03/1990", "vip; evento.2024 |clientes", "Instagram"],
    ])
    result = convert([path])
    r = row_of(result)
    assert (r[F.FIRST_NAME], r[F.LAST_NAME]) == ("Maria", "da Conceição")
    assert r[F.EMAIL] == "maria@exemplo.com.br"
    assert r[F.PHONE] == "+5511987654321"
    assert r[F.ADDITIONAL_PHONES] == "+551133334444"
    assert r["Company Name"] == "Padaria Pão Quente"
    assert r["City"] == "São Paulo"
    assert r["State"] == "SP"
    assert r["Postal Code"] == "01310-100"
    assert r[F.DATE_OF_BIRTH] == "1990-03-15"
    assert r[F.TAGS] == "vip, evento-2024, clientes"
    assert r["Source"] == "Instagram"
    assert result.report["total_rows"] == 1
    assert result.report["exported_rows"] == 1
    assert result.report["mapping"]["E-mail"]["field"] == F.EMAIL


def test_us_region_reads_month_first_dates(tmp_path):
    path = write_csv(tmp_path / "us.csv", [["Name", "Phone", "Birthday"], ["Ann Lee", "(415) 555-2671", "03/04/1990"]])
    r = row_of(convert([path], ConvertOptions(region="US")))
    assert r[F.PHONE] == "+14155552671"
    assert r[F.DATE_OF_BIRTH] == "1990-03-04"


def test_two_email_columns_and_extension(tmp_path):
    path = write_csv(tmp_path / "c.csv", [
        ["First Name", "Last Name", "Email", "Email 2", "Phone"],
        ["ana", "souza", "ana@a.com", "ana@b.com", "11 3333-4444 ramal 12"],
    ])
    r = row_of(convert([path]))
    assert (r[F.FIRST_NAME], r[F.LAST_NAME]) == ("Ana", "Souza")
    assert r[F.EMAIL] == "ana@a.com" and r[F.ADDITIONAL_EMAILS] == "ana@b.com"
    assert r[F.PHONE] == "+551133334444"
    assert "12" in r[F.NOTES]


def test_old_mobile_is_repaired_and_counted(tmp_path):
    path = br_file(tmp_path, [["João", "", "(21) 8765-4321", "", "", "", "", "", "", "", ""]])
    result = convert([path])
    assert row_of(result)[F.PHONE] == "+5521987654321"
    assert result.report["phones_repaired"] == 1


def test_invalid_values_are_kept_for_review_not_exported(tmp_path):
    path = br_file(tmp_path, [
        ["Ana", "ana@@x", "123", "", "", "", "", "", "31/02/1990", "", ""],
        ["", "", "", "", "Só empresa", "", "", "", "", "", ""],
    ])
    result = convert([path])
    t = result.table
    assert t.value(0, F.EMAIL) == "" and t.value(0, F.PHONE) == ""
    kinds = {p.kind for _, p in t.row_problems(0)}
    assert INVALID_EMAIL in kinds
    assert any(p.value == "ana@@x" for _, p in t.row_problems(0))
    assert result.report["invalid_emails"] == 1
    assert result.report["invalid_phones"] == 1
    assert result.report["invalid_dates"] == 1
    assert {p.kind for _, p in t.row_problems(1)} == {NO_CONTACT}
    assert result.report["exported_rows"] == 1  # the name-only row still exports; the company-only one cannot
    assert result.report["rejected_rows"] == 2


def test_formula_cells_are_flagged_but_phones_are_not(tmp_path):
    path = write_csv(tmp_path / "f.csv", [["Name", "Company", "Phone"], ["Eve", "=HYPERLINK(\"http://x\")", "+55 11 98765-4321"]])
    result = convert([path])
    kinds = {(f, p.kind) for f, p in result.table.row_problems(0)}
    assert ("Company Name", FORMULA) in kinds
    assert all(f != F.PHONE for f, _ in kinds)


DUP_ROWS = [
    ["Ana Silva", "ana@x.com", "11 98765-4321", "", "", "", "", "", "", "a", ""],
    ["ANA SILVA", "ANA@X.COM", "", "", "Acme", "", "", "", "", "b", ""],               # same email, other case
    ["Ana S.", "", "+55 (11) 98765-4321", "", "", "Rio", "", "", "", "c", ""],         # same phone, other format
    ["", "ana2@y.com", "5511987654321", "", "", "", "", "", "", "", ""],               # same phone as Excel number
    ["Bruno", "bruno@y.com", "21 99876-5432", "", "", "", "", "", "", "", ""],
    ["Carla", "carla@y.com", "21 99876-0000", "", "", "", "", "", "", "", ""],
    ["Carla B", "bruno@y.com", "", "", "", "", "", "", "", "", ""],                    # chains Bruno (email)…
]


def test_duplicates_in_several_forms_are_merged(tmp_path):
    result = convert([br_file(tmp_path, DUP_ROWS)])
    t = result.table
    assert len(t) == 3
    assert result.report["duplicates_merged"] == 4
    ana = t.row_dict(0)
    assert ana[F.FIRST_NAME] == "Ana" and ana[F.EMAIL] == "ana@x.com"
    assert ana["Company Name"] == "Acme" and ana["City"] == "Rio"   # first non-empty wins per field
    assert ana[F.TAGS] == "a, b, c"                            # tags unioned
    assert ana[F.ADDITIONAL_EMAILS] == "ana2@y.com"            # extra emails unioned
    assert len(t.merged[0]) == 3
    bruno = t.row_dict(1)
    assert bruno[F.FIRST_NAME] == "Bruno" and len(t.merged[1]) == 1


def test_no_dedupe_keeps_every_row(tmp_path):
    result = convert([br_file(tmp_path, DUP_ROWS)], ConvertOptions(dedupe=False))
    assert len(result.table) == len(DUP_ROWS)
    assert result.report["duplicates_merged"] == 0


def test_several_inputs_are_mapped_each_on_its_own_and_merged(tmp_path):
    a = br_file(tmp_path, [["Ana", "ana@x.com", "", "", "", "", "", "", "", "", ""]], "a.csv")
    b = write_csv(tmp_path / "b.csv", [["Email Address", "First Name", "Mobile"], ["ANA@X.COM", "Ana", "11987654321"],
                                       ["zed@z.com", "Zed", ""]])
    result = convert([a, b])
    assert result.report["total_rows"] == 3
    assert len(result.table) == 2
    assert result.table.value(0, F.PHONE) == "+5511987654321"
    assert [i["file"] for i in result.report["inputs"]] == ["a.csv", "b.csv"]


def test_progress_is_monotonic_and_names_stages_and_rows_arrive_in_chunks(tmp_path, monkeypatch):
    import ghl_desktop.core.pipeline as pipeline

    monkeypatch.setattr(tuning, "CHUNK_ROWS", 100)
    rows = [[f"Pessoa {i}", f"p{i}@x.com", f"11 9{i:04d}-{i:04d}"] for i in range(450)]
    path = write_csv(tmp_path / "p.csv", [["Nome", "Email", "Celular"], *rows])
    seen, chunks = [], []
    result = convert([path], state=TaskState(progress=lambda s, f: seen.append((s, f)), on_rows=chunks.append))
    fracs = [f for _, f in seen]
    assert fracs == sorted(fracs) and 0 <= fracs[0] and fracs[-1] <= 1
    assert [s for s in STAGES[:4] if s in {x for x, _ in seen}] == list(STAGES[:4])
    assert [len(c) for c in chunks] == [100, 100, 100, 100, 50]
    assert len(result.table) == 450


def test_cancel_between_chunks(tmp_path, monkeypatch):
    import ghl_desktop.core.pipeline as pipeline

    monkeypatch.setattr(tuning, "CHUNK_ROWS", 10)
    path = write_csv(tmp_path / "p.csv", [["Nome", "Email"], *[[f"P{i}", f"p{i}@x.com"] for i in range(100)]])
    chunks = []
    with pytest.raises(Cancelled):
        convert([path], state=TaskState(on_rows=chunks.append, cancel=lambda: len(chunks) >= 3))
    assert len(chunks) == 3


def test_bad_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        convert([tmp_path / "missing.csv"])
    with pytest.raises(InputError):
        convert([])


@pytest.mark.parametrize("slice_rows", [100_000, 2])  # 2: every list (and the row sources) in many slices
def test_result_saves_and_loads_with_review_state(tmp_path, monkeypatch, slice_rows):
    from ghl_desktop.core import persist

    monkeypatch.setattr(persist, "_SLICE", slice_rows)
    path = br_file(tmp_path, DUP_ROWS + [["X", "bad@", "", "", "", "", "", "", "", "", ""]])
    result = convert([path])
    result.table.excluded.add(1)
    result.refresh_report()
    result.save(tmp_path / "res")
    back = ConversionResult.load(tmp_path / "res")
    assert back.table.columns == result.table.columns
    assert back.table.problems == result.table.problems
    assert back.table.merged == result.table.merged
    assert back.table.sources == result.table.sources and len(back.table.sources) == len(result.table)
    assert back.table.excluded == {1}
    assert back.report == result.report
    assert [m.to_dict() for m in back.mappings] == [m.to_dict() for m in result.mappings]
    assert back.sources[0].raw_row(0) == result.sources[0].raw_row(0)
    result.save(tmp_path / "res")  # saving again replaces the folder atomically
    assert ConversionResult.load(tmp_path / "res").table.columns == result.table.columns


def test_head_preview_comes_first_and_is_not_repeated(tmp_path, monkeypatch):
    import ghl_desktop.core.pipeline as pipeline

    monkeypatch.setattr(pipeline, "_PREVIEW_MIN_BYTES", 1)
    monkeypatch.setattr(tuning, "CHUNK_ROWS", 150)
    rows = [[f"PESSOA {i}", f"P{i}@X.COM", f"11 9{i:04d}-{i:04d}"] for i in range(1000)]
    path = write_csv(tmp_path / "p.csv", [["Nome", "Email", "Celular"], *rows])
    chunks = []
    result = convert([path], ConvertOptions(dedupe=False), state=TaskState(on_rows=chunks.append))
    assert len(chunks[0]) == pipeline.PREVIEW_ROWS
    assert sum(len(c) for c in chunks) == len(result.table) == 1000
    streamed = ContactTable()
    for c in chunks:
        streamed.extend(c)
    assert streamed.columns == result.table.columns  # the stream adds up to the final table


def test_no_preview_for_small_files_or_excel(tmp_path):
    from ghl_desktop.core.pipeline import head_preview

    small = write_csv(tmp_path / "s.csv", [["Nome"], ["Ana"]])
    assert head_preview(small, ConvertOptions()) is None


def test_full_name_beside_a_surname_column_still_gives_a_first_name(tmp_path):
    path = write_csv(tmp_path / "n.csv", [["Nome completo", "Sobrenome", "Email"], ["MARIA DA SILVA", "Souza", "m@x.com"],
                                          ["Ana Lima", "", "a@x.com"]])
    t = convert([path]).table
    assert (t.value(0, F.FIRST_NAME), t.value(0, F.LAST_NAME)) == ("Maria", "Souza")
    assert (t.value(1, F.FIRST_NAME), t.value(1, F.LAST_NAME)) == ("Ana", "Lima")


def test_a_damaged_or_foreign_saved_result_is_refused_clearly(tmp_path):
    from ghl_desktop.core.persist import ResultUnreadable

    result = convert([br_file(tmp_path, DUP_ROWS)])
    result.save(tmp_path / "res")
    (tmp_path / "res" / "review.bin").write_bytes(b"ghl-result/2/py2.7\nxx")
    with pytest.raises(ResultUnreadable, match="another version"):
        ConversionResult.load(tmp_path / "res")
    result.save(tmp_path / "res")
    data = (tmp_path / "res" / "table.bin").read_bytes()
    (tmp_path / "res" / "table.bin").write_bytes(data[: len(data) // 2])
    with pytest.raises(ResultUnreadable, match="damaged"):
        ConversionResult.load(tmp_path / "res")


def test_collector_is_paused_during_a_conversion_and_restored_after(tmp_path):
    import gc

    from ghl_desktop.core import gc_paused

    states = []
    path = br_file(tmp_path, DUP_ROWS)
    convert([path], state=TaskState(progress=lambda s, f: states.append(gc.isenabled())))
    assert states and not any(states) and gc.isenabled()
    with pytest.raises(InputError):
        convert([tmp_path / "missing.csv"])
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()

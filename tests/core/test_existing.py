"""Contacts already in GHL: each row's mark, the Contact Id carried, empty-never-overwrites, the
export choices, the report keys, the command line, a saved result, and the cheap key index
against normalizing every existing row."""

from __future__ import annotations

import csv
import json
import random

import pytest

from ghl_desktop import cli
from ghl_desktop.core import ConversionResult, ConvertOptions, InputError, convert, rows_with_problems
from ghl_desktop.core import messages as M
from ghl_desktop.core.assemble import ValueCache
from ghl_desktop.core.normalize import normalize_email, normalize_phone
from ghl_desktop.core.speed.existing_keys import KeyIndex

GHL = [
    ["Contact Id", "First Name", "Last Name", "Phone", "Email", "Tags", "City"],
    ["id-a", "Ana", "Silva", "+5511987654321", "ana@x.com", "vip", "São Paulo"],
    ["id-b", "Bruno", "Lima", "+5521987654322", "bruno@x.com", "", ""],
    ["id-c", "Carla", "Dias", "+5531987654323", "carla@x.com", "", ""],
    ["id-d", "Davi", "Reis", "+5541987654324", "davi@x.com", "", ""],
    ["id-e", "Eva", "Melo", "+5551987654325", "eva@x.com", "", "Recife"],
]
NEW = [
    ["Nome", "Sobrenome", "Email", "Celular", "Cidade"],
    ["Ana", "Silva", "ANA@x.com", "", "Rio de Janeiro"],          # by email only: update (City)
    ["Bruno", "Lima", "", "(21) 98765-4322", ""],                  # by phone only: unchanged
    ["Carla", "Dias", "carla@x.com", "(31) 98765-4323", "Curitiba"],  # by both: update
    ["Davi", "Reis", "davi@x.com", "(51) 98765-4325", ""],         # email of d, phone of e: ambiguous
    ["Eva", "Melo", "eva@x.com", "", "Recife"],                    # nothing new: unchanged
    ["Fabio", "Novo", "fabio@x.com", "(11) 91234-5678", ""],       # new
]


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def files(tmp_path):
    return _write(tmp_path / "ghl.csv", GHL), _write(tmp_path / "new.csv", NEW)


@pytest.fixture
def result(files):
    ghl, new = files
    return convert([new], ConvertOptions(existing=(str(ghl),)))


def _row(result, email_or_name):
    t = result.table
    for r in range(len(t)):
        if email_or_name in (t.columns["Email"][r], t.columns["First Name"][r]):
            return r
    raise AssertionError(email_or_name)


def test_each_row_is_marked_with_the_contact_id_ghl_would_update(result):
    e = result.existing
    expect = {"Ana": ("update", "id-a"), "Bruno": ("unchanged", "id-b"), "Carla": ("update", "id-c"),
              "Davi": ("ambiguous", "id-d"), "Eva": ("unchanged", "id-e"), "Fabio": ("new", "")}
    got = {name: (e.mark(_row(result, name)), e.contact_id(_row(result, name))) for name in expect}
    assert got == expect
    assert e.changes(_row(result, "Ana")) == [("City", "São Paulo", "Rio de Janeiro")]
    assert e.changes(_row(result, "Carla")) == [("City", "", "Curitiba")]
    assert e.changes(_row(result, "Bruno")) == []


def test_the_marks_partition_the_rows_and_the_report_counts_them(result):
    counts = result.existing.counts()
    assert counts == {"new_rows": 1, "update_rows": 2, "unchanged_rows": 2, "ambiguous_rows": 1}
    assert sum(counts.values()) == len(result.table)
    assert {k: result.report[k] for k in counts} == counts


def test_the_reports_counts_hold_only_the_rows_the_import_holds(files, tmp_path):
    # The review's filters count every row; the report, under "Importing into GHL", counts the
    # rows it exports: a row with no name, email or phone and a row excluded in review are left out.
    from ghl_desktop.core.edits import apply_op, exclude_op

    ghl, _ = files
    new = _write(tmp_path / "more.csv", NEW + [["", "", "", "", "Natal"]])
    result = convert([new], ConvertOptions(existing=(str(ghl),)))
    everything = result.existing.counts()
    assert everything == {"new_rows": 2, "update_rows": 2, "unchanged_rows": 2, "ambiguous_rows": 1}
    marks = {k: result.report[k] for k in everything}
    assert marks == {**everything, "new_rows": 1}
    assert sum(marks.values()) == result.report["exported_rows"] == len(result.table) - 1

    apply_op(result, exclude_op(result, [_row(result, "Carla")], True), ValueCache("BR"))
    report = result.refresh_report()
    assert {k: report[k] for k in everything} == {**everything, "new_rows": 1, "update_rows": 1}
    assert sum(report[k] for k in everything) == report["exported_rows"] == len(result.table) - 2
    assert result.existing.counts() == everything  # the filters still see every row


def test_an_ambiguous_row_is_flagged_for_review_but_is_no_problem_row(result):
    r = _row(result, "Davi")
    kinds = [p.kind for _, p in result.table.row_problems(r)]
    assert kinds == ["existing_ambiguous"]
    message = result.table.row_problems(r)[0][1].message
    assert message.id == M.EXISTING_AMBIGUOUS and "id-d, id-e" in str(message)
    assert r not in rows_with_problems(result.table)


def _exported(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_export_choices_and_empty_never_overwrites(result, tmp_path):
    out = tmp_path / "all.csv"
    result.export(out)
    rows = _exported(out)
    assert [r["First Name"] for r in rows] == ["Ana", "Carla", "Davi", "Fabio"]  # unchanged left out
    assert list(rows[0])[-1] == "Contact Id"
    assert [r["Contact Id"] for r in rows] == ["id-a", "id-c", "id-d", ""]
    # Ana's new file has no phone: GHL's is written, so the import cannot clear it.
    assert rows[0]["Phone"] == "+5511987654321" and rows[0]["City"] == "Rio de Janeiro"
    assert rows[0]["Tags"] == ""  # tags are added by GHL, never written back
    result.export(out, include_unchanged=True)
    assert [r["First Name"] for r in _exported(out)] == ["Ana", "Bruno", "Carla", "Davi", "Eva", "Fabio"]
    result.export(out, only="new")
    assert [(r["First Name"], r["Contact Id"]) for r in _exported(out)] == [("Fabio", "")]
    result.export(out, only="update")
    assert [r["First Name"] for r in _exported(out)] == ["Ana", "Carla", "Davi"]
    result.export(out, only="update", include_unchanged=True)
    assert [r["First Name"] for r in _exported(out)] == ["Ana", "Bruno", "Carla", "Davi", "Eva"]


def test_without_existing_files_nothing_changes(files, tmp_path):
    _, new = files
    result = convert([new], ConvertOptions())
    assert result.existing is None and "new_rows" not in result.report
    result.export(tmp_path / "o.csv")
    assert "Contact Id" not in _exported(tmp_path / "o.csv")[0]
    with pytest.raises(ValueError):
        result.export(tmp_path / "o.csv", only="new")


def test_an_edit_marks_the_row_again(result):
    from ghl_desktop.core import review

    r = _row(result, "Fabio")
    review.edit_cell(result.table, r, "Email", "bruno@x.com", ValueCache("BR"))
    result.rematch([r])
    assert result.existing.mark(r) == "update" and result.existing.contact_id(r) == "id-b"
    assert result.report["new_rows"] == 0


def test_saved_and_reopened(result, tmp_path):
    result.save(tmp_path / "res")
    again = ConversionResult.load(tmp_path / "res")
    assert [again.existing.mark(r) for r in range(len(again.table))] == \
        [result.existing.mark(r) for r in range(len(result.table))]
    assert again.options.existing == result.options.existing


def test_options_round_trip_and_older_options_load():
    opts = ConvertOptions(existing=("a.csv", "b.csv"))
    assert ConvertOptions.from_dict(opts.to_dict()).existing == ("a.csv", "b.csv")
    assert ConvertOptions.from_dict({"region": "BR"}).existing == ()


def test_a_bad_existing_file_names_the_file(files, tmp_path):
    _, new = files
    with pytest.raises(InputError) as err:
        convert([new], ConvertOptions(existing=(str(tmp_path / "missing.csv"),)))
    assert err.value.message.id == M.EXISTING_UNREADABLE and "missing.csv" in str(err.value)
    keyless = _write(tmp_path / "keyless.csv", [["Nome", "Cidade"], ["Ana", "Recife"]])
    with pytest.raises(InputError) as err:
        convert([new], ConvertOptions(existing=(str(keyless),)))
    assert err.value.message.id == M.EXISTING_NO_KEYS and "keyless.csv" in str(err.value)


def test_cli_flags_report_and_errors(files, tmp_path, capsys):
    ghl, new = files
    out, report = tmp_path / "out.csv", tmp_path / "r.json"
    code = cli.main(["convert", str(new), "--out", str(out), "--existing", str(ghl), "--existing", str(ghl),
                     "--only", "update", "--report", str(report)])
    assert code == 0
    assert [r["Contact Id"] for r in _exported(out)] == ["id-a", "id-c", "id-d"]
    data = json.loads(report.read_text())
    assert {k: data[k] for k in ("new_rows", "update_rows", "unchanged_rows", "ambiguous_rows")} == {
        "new_rows": 1, "update_rows": 2, "unchanged_rows": 2, "ambiguous_rows": 1}
    assert data["exported_rows"] == 3  # the rows written, as the export's choice left them
    assert cli.main(["convert", str(new), "--out", str(out), "--only", "new"]) == 2
    assert cli.main(["convert", str(new), "--out", str(out), "--existing", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-2].startswith("error: --only needs --existing")
    assert err[-1].startswith("error: contacts already in GHL: nope.csv")
    assert cli.main(["convert", str(new), "--out", str(out), "--report", str(report)]) == 0
    assert "new_rows" not in json.loads(report.read_text())


# -- the cheap key index finds every row the rules would match -------------------------------------
def _phone_cells(rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        pick = rnd.random()
        if pick < 0.3:
            out.append(f"+55{rnd.randint(11, 99)}9{rnd.randint(0, 99999999):08d}")
        elif pick < 0.4:
            out.append(f"+55{rnd.randint(11, 99)}{rnd.randint(6, 9)}{rnd.randint(0, 9999999):07d}")  # old mobile
        elif pick < 0.5:
            out.append(f"+1{rnd.randint(200, 999)}{rnd.randint(2000000, 9999999)}")
        elif pick < 0.6:
            out.append(f"+44{rnd.choice(['0', ''])}7{rnd.randint(100000000, 999999999)}")  # a trunk 0 kept
        elif pick < 0.7:
            out.append(f"+39{rnd.choice(['0', '3'])}{rnd.randint(10000000, 999999999)}")
        elif pick < 0.8:
            out.append(f"+351{rnd.choice(['9', '2'])}{rnd.randint(10000000, 99999999)}")
        elif pick < 0.9:
            out.append(f"({rnd.randint(11, 99)}) 9{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}")
        else:
            out.append(rnd.choice(["", "sem telefone", "+55 11 98765-4321", "0055 11 987654321"]))
    return out


def _email_cells(rnd: random.Random, n: int) -> list[str]:
    return [rnd.choice([f"u{i}@x.com", f"U{i}@X.COM", f" u{i}@x.com ", f"u{i}@x.com.", f"u{i}@gmial.com",
                        f"joão{i}@x.com", f"u{i}@x.com; v{i}@y.com", "", "not an email"])
            for i in (rnd.randint(0, 300) for _ in range(n))]


def test_key_index_finds_every_row_full_normalization_matches():
    rnd = random.Random(18)
    phones, emails = _phone_cells(rnd, 3000), _email_cells(rnd, 3000)
    index = KeyIndex(3000, [(0, emails)], [(0, phones)], [])
    norm_phones = [normalize_phone(v, "BR").phones for v in phones]
    norm_emails = [normalize_email(v).emails for v in emails]
    phone_keys = sorted({p for ps in norm_phones for p in ps})
    email_keys = sorted({e for es in norm_emails for e in es})
    # Keys as a new list has them: some of the existing ones, and others.
    wanted_phones = phone_keys[::3] + [f"+55{rnd.randint(11, 99)}9{rnd.randint(0, 99999999):08d}" for _ in range(50)]
    wanted_emails = email_keys[::3] + ["nobody@x.com"]
    found = set(index.candidates(wanted_emails, wanted_phones, []))
    truth = {r for r in range(3000)
             if set(norm_phones[r]) & set(wanted_phones) or set(norm_emails[r]) & set(wanted_emails)}
    assert truth <= found
    # and a filter: of the plain cells, only those sharing a key's words or last digits
    plain_found, plain_truth = found - set(index.odd), truth - set(index.odd)
    assert len(plain_found - plain_truth) < 100 < len(plain_truth)
    for key in wanted_phones[:40]:
        assert {r for r in range(3000) if key in norm_phones[r]} <= set(index.for_phone(key))
    for key in wanted_emails[:40]:
        assert {r for r in range(3000) if key in norm_emails[r]} <= set(index.for_email(key))


class _EveryRow:
    """A key index that offers every existing row for every key: each one is normalized in full."""

    def __init__(self, n: int) -> None:
        self.rows = list(range(n))

    def candidates(self, emails, phones, ids):
        return self.rows

    def for_email(self, key):
        return self.rows

    for_phone = for_id = for_email


def _local_form(rnd: random.Random, e164: str) -> str:
    """How a person might type a number the rules read as ``e164`` (or something else entirely)."""
    if e164.startswith("+55") and rnd.random() < 0.6:
        national = e164[3:]
        return rnd.choice([f"({national[:2]}) {national[2:-4]}-{national[-4:]}", f"0{national}",
                           f"+55 {national[:2]} {national[2:]}", national])
    return rnd.choice([e164, e164.replace("+", "00", 1), f" {e164} ", e164[:-1] + "0"])


def test_marks_with_the_key_index_equal_marks_with_every_existing_row_normalized(tmp_path):
    """The overlap case: a GHL-like export (ids, E.164 phones of several countries, a few messy
    cells) and a list holding many of its people with emails in other case and spaces and phones
    in local and international forms: every row's mark, pick, Contact Id and changes are the same
    whether only the index's candidates are normalized or every existing row is, and the marks
    worked out a column at a time equal those of the rule applied to each row."""
    from ghl_desktop.core.existing import ExistingContacts, ExistingMatch

    rnd = random.Random(1818)
    phones = [p for p in _phone_cells(rnd, 1500) if p.startswith("+")]
    ghl = [["Contact Id", "First Name", "Last Name", "Phone", "Email", "City", "Tags"]]
    for i, phone in enumerate(phones):
        email = rnd.choice([f"p{i}@x.com", f"p{i}@y.com.br", "", f" P{i}@X.com", f"p{i}@x.com; q{i}@y.com"])
        ghl.append([f"id-{i}" if rnd.random() < 0.9 else "", f"N{i % 40}", f"S{i % 17}", phone, email,
                    rnd.choice(["", "Rio", "Lisboa"]), rnd.choice(["", "vip", "a, b"])])
    new = [["Nome", "Sobrenome", "Email", "Telefone", "Cidade", "Tags", "País"]]
    for i in rnd.sample(range(len(phones)), 700):  # people of the export, typed otherwise
        _, first, last, phone, email, city, tags = ghl[i + 1]
        email = rnd.choice([email.upper(), f"  {email.strip()} ", email, "", f"p{rnd.randint(0, 2000)}@x.com"])
        phone = rnd.choice([_local_form(rnd, phone), "", phone])
        new.append([rnd.choice([first, first.lower(), "Outro"]), last, email, phone,
                    rnd.choice([city, "", "Recife"]), rnd.choice([tags, "", "vip, novo", "b", "b, a"]),
                    rnd.choice(["", "", "BR", "PT", "US"])])
    for i in range(300):  # and people it does not have
        new.append([f"Novo{i}", "", f"novo{i}@z.com", f"(11) 9{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}",
                    "", "", ""])
    result = convert([_write(tmp_path / "new.csv", new)],
                     ConvertOptions(existing=(str(_write(tmp_path / "ghl.csv", ghl)),)))
    cheap = result.existing
    n = len(result.table)
    marks = [cheap.mark(r) for r in range(n)]
    got = [(cheap.mark(r), cheap.existing_row(r), cheap.contact_id(r), cheap.changes(r)) for r in range(n)]
    counts = cheap.counts()
    assert min(counts["update_rows"], counts["unchanged_rows"], counts["new_rows"]) > 20, counts
    assert counts["ambiguous_rows"] > 0, counts
    assert len(cheap.contacts.at) < cheap.contacts.n_rows  # the index did leave rows out

    c = cheap.contacts
    full = ExistingMatch(ExistingContacts(c.sources, c.mappings, _EveryRow(c.n_rows), c.region), result.table)
    assert len(full.contacts.at) == c.n_rows
    assert [(full.mark(r), full.existing_row(r), full.contact_id(r), full.changes(r)) for r in range(n)] == got

    # The rule row by row (an edit's path) gives the marks the columns gave.
    one_by_one = ExistingMatch(ExistingContacts(c.sources, c.mappings, _EveryRow(c.n_rows), c.region),
                               result.table)
    one_by_one.rematch(range(n))
    assert [one_by_one.mark(r) for r in range(n)] == marks


def test_an_existing_file_keeps_only_the_columns_a_mapping_uses(tmp_path):
    """A GHL export's columns no mapping uses are not kept past its first rows; the marks, picks
    and changes are those of a full read; a mapping that does use one (the list's own column of
    that name kept as a custom field after all) reads the file again whole, and a saved result
    shows the old values of its matched rows."""
    from ghl_desktop.core.existing import ExistingContacts, ExistingMatch
    from ghl_desktop.core.pipeline import read_existing, reconvert

    rnd = random.Random(1819)
    ghl = [["Contact Id", "First Name", "Phone", "Email", "City", "Last Activity", "Origem Lead"]]
    for i in range(2500):
        ghl.append([f"id-{i}", f"N{i % 30}", f"+55119{i:08d}", f"p{i}@x.com", rnd.choice(["", "Rio", "Recife"]),
                    f"2024-0{1 + i % 9}-1{i % 10}", rnd.choice(["", "site", "feira", "indicação"])])
    new = [["Nome", "Email", "Celular", "Cidade", "Origem Lead"]]
    for i in rnd.sample(range(2500), 600):
        _, first, phone, email, city, _, origin = ghl[i + 1]
        new.append([first, rnd.choice([email, email.upper(), ""]), rnd.choice([phone, ""]) or phone,
                    rnd.choice([city, "Natal"]), rnd.choice([origin, "", "outra"])])
    export = str(_write(tmp_path / "ghl.csv", ghl))
    listed = _write(tmp_path / "new.csv", new)
    options = ConvertOptions(existing=(export,))
    origin_ignored = convert([listed]).mappings[0].with_field("Origem Lead", None)
    result = convert([listed], options, mappings=[origin_ignored])

    src = result.existing.contacts.sources[0]
    assert src.info["unread_columns"] == [5, 6]  # Last Activity, Origem Lead
    assert 0 < src.info["unread_from"] < src.n_rows and src.columns[6][-1] == ""
    n = len(result.table)

    def seen(match):
        return [(match.mark(r), match.existing_row(r), match.contact_id(r), match.changes(r)) for r in range(n)]

    got = seen(result.existing)
    c = result.existing.contacts
    whole = read_existing([export], options)
    assert "unread_columns" not in whole[0].info
    assert seen(ExistingMatch(ExistingContacts(whole, c.mappings, c.index, c.region), result.table)) == got
    counts = result.existing.counts()
    assert min(counts["update_rows"], counts["unchanged_rows"]) > 50, counts

    # The list's "Origem Lead" kept as a custom field after all: the export's column is needed now.
    again = reconvert(result, [None])
    assert "Origem Lead" in again.table.schema
    assert "unread_columns" not in again.existing.contacts.sources[0].info
    fresh = convert([listed], options)
    assert [again.existing.changes(r) for r in range(len(again.table))] == \
        [fresh.existing.changes(r) for r in range(len(fresh.table))]
    late = [r for r in range(len(again.table)) if (again.existing.existing_row(r) or 0) >= src.info["unread_from"]
            and any(f == "Origem Lead" and old for f, old, _ in again.existing.changes(r))]
    assert late  # old values past the first rows, which the first read left out

    result.save(tmp_path / "res")
    reopened = ConversionResult.load(tmp_path / "res")
    assert seen(reopened.existing) == got

"""The CLI contract: commands, flags, outputs, exit codes and one-line errors."""

import csv
import json
import random
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email

from ghl_desktop.cli import main

GHL_HEADER = ["First Name", "Last Name", "Email", "Phone", "Company Name", "Address", "City", "State",
              "Postal Code", "Country", "Date of Birth", "Website", "Source", "Tags",
              "Additional Emails", "Additional Phones", "Notes"]


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "ghl_desktop", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def write_raw(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def write(path: Path, text: str, encoding="utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_convert_writes_csv_report_and_rejects(tmp_path):
    src = write(tmp_path / "in.csv", "Nome;E-mail;Celular\nMaria Souza;MARIA@X.COM;(11) 98765-4321\nSem Contato;;\nJoão;joao@;\n", "cp1252")
    rc = main(["convert", str(src), "--out", str(tmp_path / "out.csv"), "--report", str(tmp_path / "r.json"),
               "--rejects", str(tmp_path / "rej.csv")])
    assert rc == 0
    rows = list(csv.reader(open(tmp_path / "out.csv", encoding="utf-8", newline="")))
    assert rows[0] == GHL_HEADER
    assert rows[1][:4] == ["Maria", "Souza", "maria@x.com", "+5511987654321"]
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    for key in ("total_rows", "exported_rows", "pct_with_email", "pct_with_phone", "invalid_emails",
                "invalid_phones", "phones_repaired", "duplicates_merged", "rejected_rows", "mapping",
                "unmapped_columns", "seconds"):
        assert key in report, key
    assert report["total_rows"] == 3 and report["exported_rows"] == 3
    assert report["pct_with_email"] == 33.33 and report["invalid_emails"] == 1
    rejects = list(csv.DictReader(open(tmp_path / "rej.csv", encoding="utf-8", newline="")))
    assert [r["Nome"] for r in rejects] == ["João"]
    assert rejects[0]["File"] == "in.csv" and rejects[0]["Row"] == "4"
    assert rejects[0]["Field"] == "E-mail" and rejects[0]["Value"] == "joao@"
    assert "after the @-sign" in rejects[0]["Reason"]
    assert rejects[0]["In the export"] == "exported without this value"
    assert report["rejected_rows"] == len(rejects)


def test_split_rows_flag_and_no_dedupe(tmp_path):
    lines = ["Name,Email"] + [f"P{i},p{i % 7}@x.com" for i in range(30)]
    src = write(tmp_path / "in.csv", "\n".join(lines) + "\n")
    assert main(["convert", str(src), "--out", str(tmp_path / "o.csv"), "--split-rows", "10", "--no-dedupe"]) == 0
    assert sorted(p.name for p in tmp_path.glob("o*.csv")) == ["o-part001.csv", "o-part002.csv", "o-part003.csv"]
    assert main(["convert", str(src), "--out", str(tmp_path / "d.csv")]) == 0
    assert len(list(csv.reader(open(tmp_path / "d.csv", encoding="utf-8")))) == 1 + 7


def test_inspect_json_shows_the_file_as_read(tmp_path, capsys):
    src = write(tmp_path / "in.csv", "Relatório de contatos\n\nNome;Email;Fone\nAna;ana@x.com;11 98765-4321\n", "cp1252")
    assert main(["inspect", str(src), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"encoding", "delimiter", "sheet", "header_row", "header", "rows", "mapping"} <= out.keys()
    assert out["encoding"] == "cp1252" and out["delimiter"] == ";" and out["sheet"] is None
    assert out["header_row"] == 2 and out["header"] == ["Nome", "Email", "Fone"]
    assert out["rows"] == [["Ana", "ana@x.com", "11 98765-4321"]]
    assert out["mapping"]["Email"]["field"] == "Email"


@pytest.mark.parametrize("make,needle", [
    (lambda d: d / "missing.csv", "missing.csv"),
    (lambda d: d, ""),
    (lambda d: write(d / "empty.csv", ""), "empty.csv"),
    (lambda d: write(d / "header.csv", "Nome;Email\n"), "header.csv"),
    (lambda d: write(d / "fake.xlsx", "this is not a zip"), "fake.xlsx"),
    (lambda d: write_raw(d / "doc.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "doc.csv"),
])
def test_bad_input_exits_2_with_one_error_line(tmp_path, make, needle):
    bad = make(tmp_path)
    proc = run_cli("convert", bad, "--out", tmp_path / "out.csv")
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0]
    assert "Traceback" not in proc.stderr
    assert not list(tmp_path.glob("out*.csv"))


def test_usage_mistakes_are_one_error_line_too(tmp_path):
    for args in (["convert"], ["convert", "x.csv"], ["inspect", "x.csv"],
                 ["convert", "x.csv", "--out", "o.csv", "--region", "ZZ"],
                 ["convert", "x.csv", "--out", "o.csv", "--split-rows", "many"]):
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 2, args
        assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def _synthetic(path: Path, n: int, seed: int = 7):
    """Messy but independently countable contacts: some invalid emails/phones, some exact duplicates."""
    rnd = random.Random(seed)
    first = ["ana", "BRUNO", "Carla", "davi", "ÉRICA", "fábio", "GUSTAVO", "helena"]
    last = ["silva", "SOUZA", "de Oliveira", "COSTA", "Pereira", "dos Santos"]
    rows = []
    for i in range(n):
        email = f"User{i}@Example{i % 50}.com"
        if rnd.random() < 0.05:
            email = rnd.choice([f"user{i}@", f"user{i}.example.com", f"user {i}@x.com"])
        elif rnd.random() < 0.1:
            email = ""
        digits = f"9{(i % 9) + 1}{i:07d}"  # unique 9-digit mobiles
        phone = f"(11) {digits[:5]}-{digits[5:]}"
        if rnd.random() < 0.04:
            phone = rnd.choice(["12345", "0000", "(11) 1234"])
        elif rnd.random() < 0.2:
            phone = ""
        name = f"{rnd.choice(first)} {rnd.choice(last)}"
        if rnd.random() < 0.01:
            name, email, phone = "", "", ""  # nothing to import
        rows.append([name, email, phone, rnd.choice(["Acme", "ACME", "Padaria"])])
    # exact duplicates of clean rows (other case / same number in another format)
    dups = []
    for j in rnd.sample(range(n), n // 100):
        name, email, phone, comp = rows[j]
        try:
            ok_email = bool(email) and validate_email(email, check_deliverability=False)
        except EmailNotValidError:
            ok_email = False
        if ok_email:
            dups.append([name.upper(), email.upper(), "", comp])
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Nome completo", "E-mail", "Celular", "Empresa"])
        w.writerows(rows + dups)
    return rows, dups


def _independent_count(rows, dups):
    inv_e = inv_p = with_e = with_p = exported = 0
    for name, email, phone, _ in rows:
        e_ok = p_ok = False
        if email:
            try:
                validate_email(email, check_deliverability=False)
                e_ok = True
            except EmailNotValidError:
                inv_e += 1
        if phone:
            try:
                p_ok = phonenumbers.is_valid_number(phonenumbers.parse(phone, "BR"))
            except phonenumbers.NumberParseException:
                p_ok = False
            inv_p += not p_ok
        if name or e_ok or p_ok:
            exported += 1
            with_e += e_ok
            with_p += p_ok
    return {
        "total_rows": len(rows) + len(dups),
        "exported_rows": exported,
        "invalid_emails": inv_e,
        "invalid_phones": inv_p,
        "duplicates_merged": len(dups),
        "pct_with_email": round(100 * with_e / exported, 2),
        "pct_with_phone": round(100 * with_p / exported, 2),
        "phones_repaired": 0,
    }


@pytest.mark.slow
def test_convert_100k_rows_report_agrees_with_an_independent_count(tmp_path):
    src = tmp_path / "big.csv"
    rows, dups = _synthetic(src, 100_000)
    proc = run_cli("convert", src, "--out", tmp_path / "out.csv", "--report", tmp_path / "r.json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    expected = _independent_count(rows, dups)
    assert {k: report[k] for k in expected} == expected
    parts = sorted(tmp_path.glob("out-part*.csv"))
    assert len(parts) == -(-expected["exported_rows"] // 10_000)
    exported = sum(len(list(csv.reader(open(p, encoding="utf-8", newline="")))) - 1 for p in parts)
    assert exported == expected["exported_rows"]


def _helper_env(**extra):
    """Environment in which even a tiny input uses the helper process (the large-input path)."""
    import os

    return {**os.environ, "GHL_DESKTOP_PARALLEL_MIN_ROWS": "1", **extra}


def test_the_program_ends_cleanly_after_a_conversion_with_the_helper(tmp_path):
    """``python -m ghl_desktop convert`` ends with ``os._exit`` (no teardown of the result): what it
    printed still arrives, every file is complete, the helper process has ended (its pipes would
    keep a reader of the program's output waiting), and no semaphore is left behind."""
    lines = ["Nome,E-mail,Celular"] + [f"Pessoa {i},p{i}@x.com,(11) 9{i:04d}-{i:04d}" for i in range(3000)]
    src = write(tmp_path / "in.csv", "\n".join(lines) + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "ghl_desktop", "convert", str(src), "--out", str(tmp_path / "out.csv"),
         "--report", str(tmp_path / "r.json"), "--split-rows", "1000"],
        capture_output=True, text=True, env=_helper_env(), timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "3000 contacts written to out-part001.csv, out-part002.csv, out-part003.csv"
    parts = sorted(tmp_path.glob("out-part*.csv"))
    rows = [r for p in parts for r in list(csv.reader(open(p, encoding="utf-8", newline="")))[1:]]
    assert len(rows) == 3000 and rows[-1][2] == "p2999@x.com"
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["exported_rows"] == 3000
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "in.csv", "out-part001.csv", "out-part002.csv", "out-part003.csv", "r.json"]


def test_the_program_ends_cleanly_after_bad_input_with_the_helper_started(tmp_path):
    """A refusal after the helper process was started (the file looked large): still one line,
    exit 2, and the program's output closes at once (the helper does not outlive it)."""
    src = write(tmp_path / "in.csv", "Nome,E-mail\n" + "x" * 300 + "\n")
    src.write_bytes(src.read_bytes() + b"\x00" * 4096)  # binary junk: refused after the start
    proc = subprocess.run(
        [sys.executable, "-m", "ghl_desktop", "convert", str(src), "--out", str(tmp_path / "out.csv")],
        capture_output=True, text=True, env=_helper_env(), timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("error: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_the_closing_line_counts_in_words_a_person_reads(tmp_path, capsys):
    """One contact and one row to fix read "1 contact", "1 row", not "1 contacts"."""
    src = write(tmp_path / "in.csv", "Nome,E-mail\nAna,ana@x.com\n,bia@@x\n")
    rc = main(["convert", str(src), "--out", str(tmp_path / "out.csv"), "--rejects", str(tmp_path / "fix.csv")])
    assert rc == 0
    assert capsys.readouterr().err.strip().endswith("1 contact written to out.csv; 1 row in fix.csv")

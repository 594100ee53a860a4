"""The benchmark runs end to end at a small size (a smoke test, not a timed test)."""

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "run.py"


def test_bench_runs_at_a_small_size(tmp_path):
    """Every line of the matrix runs (reference, project, window probe) and lands in one table."""
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(BENCH), "--sizes", "1500", "--json", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ratio" in proc.stdout and "1st preview ms" in proc.stdout
    results = json.loads(out.read_text())["results"]
    assert [r["line"] for r in results] == ["base", "dup30", "dup60", "intl25", "dup30+intl25", "wide35",
                                            "xlsx/5", "xlsx", "xlsx-excel", "two-inputs"]
    by_line = {r["line"]: r for r in results}
    for row in results:
        assert row["line"] in proc.stdout
        assert row["rows"] == (300 if row["line"] == "xlsx/5" else 1500)
        assert row["reference_s"] > 0 and row["project_s"] > 0 and row["ratio"] > 0
        assert row["peak_mb"] > 0 and row["helper_peak_mb"] >= 0
        if row["line"] == "two-inputs":  # one job per dropped file: no window numbers
            assert row["max_stall_ms"] is None
        else:
            assert row["max_stall_ms"] >= 0
            assert row["first_preview_ms"] is None or row["first_preview_ms"] > 0
    # the generators do what the lines say: no duplicates in base, about 30% and 60% merged
    assert by_line["base"]["merged"] == 0 and by_line["intl25"]["merged"] == 0
    assert 0.2 * 1500 < by_line["dup30"]["merged"] < 0.35 * 1500
    assert 0.45 * 1500 < by_line["dup60"]["merged"] < 0.65 * 1500
    assert 0.2 * 1500 < by_line["two-inputs"]["merged"] < 0.35 * 1500
    # both sides ran as installed: the project's modules and the bench's were bytecode
    root = BENCH.parents[1]
    for module in (root / "ghl_desktop" / "cli.py", root / "ghl_desktop" / "core" / "speed" / "helper.py",
                   BENCH.parent / "reference.py"):
        assert list((module.parent / "__pycache__").glob(f"{module.stem}.*.pyc")), module


def test_the_generators_vary_the_shapes(tmp_path):
    """Duplicates come in several forms (restyled emails, relaid phones), intl25 has accented
    local parts (some decomposed), the wide export has 35 columns; base is the original data."""
    import csv
    import unicodedata

    sys.path.insert(0, str(BENCH.parent))
    import make_data

    rows = list(make_data.rows(5000, dup=0.3, intl=0.25))
    emails = [r[1] for r in rows]
    accented = [e for e in emails if any(ord(c) > 127 for c in e)]
    assert 0.15 * 5000 < len(accented) < 0.35 * 5000
    assert any(unicodedata.normalize("NFC", e) != e for e in accented)  # some typed decomposed
    variants: dict[str, set[str]] = {}
    for e in emails:
        if "@" in e:
            variants.setdefault(e.strip().lower(), set()).add(e)
    assert sum(len(v) > 1 for v in variants.values()) > 200  # the same address typed differently
    digits: dict[str, set[str]] = {}
    for r in rows:
        d = "".join(c for c in r[2] if c.isdigit())[-8:]
        if len(d) == 8 and "/" not in r[2]:
            digits.setdefault(d, set()).add(r[2])
    assert sum(len(v) > 1 for v in digits.values()) > 200  # the same phone written differently
    with open(make_data.generate(tmp_path / "w.csv", 50, wide=True), encoding="utf-8") as fh:
        widths = {len(r) for r in csv.reader(fh)}
    assert widths == {35}
    # with no duplicates and no accents the rows are the ones the benchmark always used
    assert list(make_data.rows(2)) == [
        ["Juliana Ferreira", " JULIANA.FERREIRA0@UOL.COM.BR ", "41 4645-5016", "", "Curitiba", ""],
        ["Gabriel dos Anjos", "gabriel.anjos1@bol.com.br", "(85) 6000-0001", "", "Porto Alegre", "black friday, vip"],
    ]


def test_the_stall_trace_runs_and_names_the_threads(tmp_path):
    """bench/_stall_trace.py (what the window waits on when it stalls) works on a small file;
    with a 0 ms threshold every late tick is reported, with the GUI thread's stack."""
    import os

    sys.path.insert(0, str(BENCH.parent))
    from make_data import generate

    src = generate(tmp_path / "c.csv", 3000)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(BENCH.parents[1])}
    proc = subprocess.run([sys.executable, str(BENCH.parent / "_stall_trace.py"), str(src), "0"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ms late" in proc.stdout and "GUI:" in proc.stdout


def test_the_floor_runs_and_its_numbers_agree(tmp_path):
    """bench/floor.py (what reading and writing the cells alone costs, beside the reference and the
    project) runs at a small size, and its derived columns are what its measured ones give."""
    out = tmp_path / "floor.json"
    proc = subprocess.run([sys.executable, str(BENCH.parent / "floor.py"), "--rows", "1500",
                           "--lines", "base,wide35,xlsx/5,wide35-known", "--cores", "2", "--json", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ceiling" in proc.stdout and "left at 10x" in proc.stdout
    results = {r["line"]: r for r in json.loads(out.read_text())["results"]}
    assert list(results) == ["base", "wide35", "xlsx/5", "wide35-known"]
    assert results["base"]["rows"] == results["wide35"]["rows"] == results["wide35-known"]["rows"] == 1500
    assert results["xlsx/5"]["rows"] == 300
    for row in results.values():
        assert row["line"] in proc.stdout
        floor = row["read_cpu_s"] + row["write_cpu_s"]
        assert row["read_cpu_s"] >= 0 and row["write_cpu_s"] >= 0
        assert abs(row["floor_cpu_s"] - floor) < 0.02
        assert abs(row["left_at_10x_cpu_s"] - (row["reference_s"] / 10 * 2 - floor)) < 0.02
        assert abs(row["project_beyond_floor_cpu_s"] - (row["project_cpu_s"] - floor)) < 0.02
        assert row["ceiling"] > 0 and row["cells_mb"] >= 0
    # 35 columns of cells take more than 6 of the same rows
    assert results["wide35"]["cells_mb"] > results["base"]["cells_mb"]


def test_the_wide_exports_known_columns_are_its_standard_fields(tmp_path):
    """``make_data.generate(known_only=True)`` (floor.py's ``wide35-known``) keeps exactly the
    columns of the wide export that the app maps to standard fields, with the same values: the
    line is the wide export without its custom fields."""
    import csv

    sys.path.insert(0, str(BENCH.parent))
    import make_data

    wide = make_data.generate(tmp_path / "wide.csv", 300, wide=True)
    known = make_data.generate(tmp_path / "known.csv", 300, wide=True, known_only=True)
    proc = subprocess.run([sys.executable, "-m", "ghl_desktop", "convert", str(wide), "--out", str(tmp_path / "o.csv"),
                           "--split-rows", "0", "--report", str(tmp_path / "r.json")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    mapping = json.loads((tmp_path / "r.json").read_text())["mapping"]
    standard = [source for source, m in mapping.items() if m.get("field") and not m.get("custom")]
    assert standard == list(make_data.WIDE_KNOWN)
    with open(wide, encoding="utf-8", newline="") as a, open(known, encoding="utf-8", newline="") as b:
        wide_rows, known_rows = list(csv.reader(a)), list(csv.reader(b))
    at = [wide_rows[0].index(name) for name in make_data.WIDE_KNOWN]
    assert known_rows == [[row[i] for i in at] for row in wide_rows]


def test_the_floor_writes_every_cell_back(tmp_path):
    """The floor's own step reads every cell (CSV and workbook) and writes them all: its CSV holds
    the inputs' rows, headers included, cell for cell."""
    import csv
    import gc

    sys.path.insert(0, str(BENCH.parent))
    import floor
    import make_data

    a = make_data.generate(tmp_path / "a.csv", 40, wide=True)
    x = make_data.generate_xlsx(tmp_path / "x.xlsx", 30)
    got = floor.io_floor([a, x], tmp_path / "out.csv")
    assert got["rows"] == 70 and got["read_cpu_s"] >= 0
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as fh:
        written = list(csv.reader(fh))
    with open(a, encoding="utf-8-sig", newline="") as fh:
        assert written[:41] == list(csv.reader(fh))
    assert len(written) == 41 + 31 and written[41][:2] == ["Nome completo", "E-mail"]
    assert floor.cells_memory([a])["columns"] == 35
    assert gc.isenabled()  # the collector is off only while the floor measures

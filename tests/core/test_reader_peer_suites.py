"""The public CSV suites beside the repo (../shared/peer-suites) must read exactly as they expect."""

import csv
import json
from pathlib import Path

import pytest

from ghl_desktop.core.reader import parse_text, read_source
from ghl_desktop.core.reader.decode import decode

SUITES = Path(__file__).resolve().parents[2].parent / "shared" / "peer-suites"
SPECTRUM = SUITES / "csv-spectrum"
DATABLIST = SUITES / "datablist-broken-csv"

pytestmark = pytest.mark.skipif(not SUITES.is_dir(), reason=f"peer suites not found at {SUITES}")


def _spectrum_cases():
    return sorted(p.stem for p in (SPECTRUM / "csvs").glob("*.csv")) if SPECTRUM.is_dir() else []


def _datablist_cases():
    if not DATABLIST.is_dir():
        return []
    manifest = json.loads((DATABLIST / "broken_csv_manifest.json").read_text())
    return sorted(m["file_name"] for m in manifest if m["has_expected_fixed_file"])


#: Defects of the stored suite itself, not of any parser (said in the issue note):
#: - location_coordinates.json expects phone "1234567890" while its CSV holds "2095257564".
#: - newlines_crlf.csv was stored with LF line endings, so the "\r\n" its JSON expects is "\n".
SUITE_DEFECTS = {
    "location_coordinates": lambda rows: [{**r, "Contact Phone Number": "2095257564"} for r in rows],
    "newlines_crlf": lambda rows: [{k: v.replace("\r\n", "\n") for k, v in r.items()} for r in rows],
}


@pytest.mark.parametrize("case", _spectrum_cases())
def test_csv_spectrum(case):
    path = SPECTRUM / "csvs" / f"{case}.csv"
    expected = json.loads((SPECTRUM / "json" / f"{case}.json").read_text(encoding="utf-8"))
    if isinstance(expected, dict):
        expected = [expected]
    expected = SUITE_DEFECTS.get(case, lambda r: r)(expected)
    table = read_source(path)
    got = [dict(zip(table.header, row)) for row in table.rows]
    assert got == expected


@pytest.mark.parametrize("name", _datablist_cases())
def test_datablist_broken_csv(name):
    with open(DATABLIST / "expected-fixed" / name, encoding="utf-8", newline="") as fh:
        expected = list(csv.reader(fh))
    table = read_source(DATABLIST / name)
    assert [table.header, *table.rows] == expected
    if name not in {"broken-encoding-windows-1252.csv", "broken-encoding-latin1.csv",
                    "wrong-delimiter-semicolon.csv", "bom-and-whitespace-headers.csv", "mixed-line-endings.csv"}:
        assert table.warnings, "a repair must be reported to the person"


def test_datablist_fixtures_are_all_covered():
    assert len(_datablist_cases()) == 12


def test_suite_defects_are_real():
    """Guard the exceptions above: if the stored suite is fixed, the special cases must go."""
    raw = (SPECTRUM / "csvs" / "location_coordinates.csv").read_text(encoding="utf-8")
    assert "2095257564" in raw
    assert b"\r" not in (SPECTRUM / "csvs" / "newlines_crlf.csv").read_bytes()
    text, _ = decode((SPECTRUM / "csvs" / "newlines_crlf.csv").read_bytes(), "x")
    assert parse_text(Path("x.csv"), text, "utf-8").rows[1][0] == "Once upon \na time"

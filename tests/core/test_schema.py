"""The field schema: a field described once reaches mapping, export, review, report and saved
results; a saved result reopens whatever fields the app has since."""

from __future__ import annotations

import csv

import pytest

from ghl_desktop.core import STANDARD, ConversionResult, ConvertOptions, Field, Schema, convert, review
from ghl_desktop.core import persist
from ghl_desktop.core.assemble import ValueCache
from ghl_desktop.core.schema import TEXT

TIME_ZONE = Field("Time Zone", TEXT, synonyms=("time zone", "fuso horario"), review_width=80)


def _write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


@pytest.fixture
def zoned(tmp_path):
    return _write(tmp_path / "lista.csv", [
        ["Nome", "E-mail", "Fuso horário", "CEP"],
        ["Ana Souza", "ana@exemplo.com.br", "  America/Sao_Paulo ", "1310100"],
        ["Bruno Lima", "bruno@exemplo.com.br", "", "01310-100"],
        ["Carla Dias", "carla@exemplo.com.br", "=cmd", ""],
    ])


def test_a_plain_field_added_with_one_entry_reaches_mapping_export_review_report_and_a_saved_result(
        zoned, tmp_path):
    schema = STANDARD.with_field(TIME_ZONE)
    result = convert([zoned], ConvertOptions(schema=schema))

    # mapping: the header's synonym chose the new field
    assert result.mappings[0].to_dict()["Fuso horário"]["field"] == "Time Zone"
    # normalized as its kind says (text: trimmed) and flagged as text is (a formula)
    col = result.table.columns["Time Zone"]
    assert col == ["America/Sao_Paulo", "", "=cmd"]
    assert [p.kind for p in result.table.problems[2]["Time Zone"]] == ["formula"]
    # export: a column after Notes, neutralized like any text column
    out = tmp_path / "ghl.csv"
    result.export(out, split_rows=0)
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == [*STANDARD.columns, "Time Zone"]
    assert [r[-1] for r in rows[1:]] == ["America/Sao_Paulo", "", "'=cmd"]
    assert [r[STANDARD.columns.index("Postal Code")] for r in rows[1:]] == ["01310-100", "01310-100", ""]
    # review: a person types a value; it goes through the field's rules
    review.edit_cell(result.table, 1, "Time Zone", "  Europe/Lisbon  ", ValueCache("BR"))
    assert result.table.columns["Time Zone"][1] == "Europe/Lisbon"
    # report: how many exported rows have it
    report = result.refresh_report()
    assert report["fields_filled"]["Time Zone"] == 3
    assert list(report["fields_filled"]) == [*STANDARD.columns, "Time Zone"]
    # a saved and reopened result keeps the field, its values and its place
    result.save(tmp_path / "saved")
    back = ConversionResult.load(tmp_path / "saved")
    assert back.table.schema == schema and back.options.schema == schema
    assert back.table.columns["Time Zone"] == ["America/Sao_Paulo", "Europe/Lisbon", "=cmd"]
    assert back.mappings[0].to_dict()["Fuso horário"]["field"] == "Time Zone"
    back.export(tmp_path / "again.csv", split_rows=0)
    again = list(csv.reader((tmp_path / "again.csv").open(encoding="utf-8")))
    assert [r[-1] for r in again[1:]] == ["America/Sao_Paulo", "Europe/Lisbon", "'=cmd"]


def test_a_result_saved_before_a_field_was_added_reopens_with_it_empty(zoned, tmp_path, monkeypatch):
    result = convert([zoned])
    result.save(tmp_path / "old")
    # A later version of the app whose standard fields include one more.
    monkeypatch.setattr(persist, "STANDARD", STANDARD.with_field(TIME_ZONE))
    back = ConversionResult.load(tmp_path / "old")
    # The new standard field stands after the others; the file's custom field (the "Fuso horário"
    # column this version kept under its own name) still comes after every standard one.
    assert back.table.schema.without_custom().columns[-1] == "Time Zone"
    assert back.table.schema.columns[-1] == "Fuso horário" and back.table.schema["Fuso horário"].custom
    assert back.table.columns["Time Zone"] == ["", "", ""]
    assert back.table.columns["Email"] == result.table.columns["Email"]


def test_a_field_the_app_no_longer_has_is_kept_from_the_saved_result(zoned, tmp_path):
    result = convert([zoned], ConvertOptions(schema=STANDARD.with_field(TIME_ZONE)))
    result.save(tmp_path / "saved")
    back = ConversionResult.load(tmp_path / "saved")  # today's STANDARD has no Time Zone
    assert "Time Zone" not in STANDARD and back.table.columns["Time Zone"][0] == "America/Sao_Paulo"


def test_a_schema_refuses_two_fields_of_one_name_or_two_email_fields():
    with pytest.raises(ValueError):
        STANDARD.with_field(Field("Email"))
    with pytest.raises(ValueError):
        STANDARD.with_field(Field("Other Email", "email"))
    with pytest.raises(ValueError):
        Field("X", "no such kind")


def test_a_schema_round_trips_through_plain_data():
    schema = STANDARD.with_field(TIME_ZONE)
    assert Schema.from_list(schema.to_list()) == schema
    assert ConvertOptions.from_dict(ConvertOptions(schema=schema).to_dict()).schema == schema

"""The exports people bring (Google Contacts, Outlook, a list of several countries), contact by contact."""

import csv
import subprocess
import sys

import pytest

from ghl_desktop.core import schema as F
from ghl_desktop.core.pipeline import ConvertOptions, convert
from ghl_desktop.core.table import INVALID_COUNTRY, INVALID_DATE

from export_shapes import check_contacts, country_list, google_contacts, google_contacts_older, outlook

SHAPES = [google_contacts, google_contacts_older, outlook, country_list]


@pytest.mark.parametrize("build", SHAPES, ids=lambda b: b.__name__)
def test_each_export_gives_its_contacts_as_ghl_takes_them(tmp_path, build):
    shape = build(tmp_path)
    check_contacts(convert([shape.path]), shape)


def test_google_labels_and_types_are_no_fields_and_year_less_birthdays_are_flagged(tmp_path):
    shape = google_contacts(tmp_path)
    result = convert([shape.path])
    mapping = result.report["mapping"]
    for source in ("E-mail 1 - Label", "Phone 1 - Label", "Phone 2 - Label", "Address 1 - Label",
                   "Website 1 - Label"):
        assert mapping[source]["field"] is None, source  # labels: left out
    for source in ("File As", "Organization Title"):  # kept, but as custom fields of their own
        assert mapping[source].get("custom") and mapping[source]["field"] == source, source
    assert mapping["Phone 1 - Value"]["field"] == F.PHONE
    assert result.report["invalid_dates"] == 2 and result.report["invalid_countries"] == 1
    year_less = result.table.problems[1][F.DATE_OF_BIRTH][0]
    assert year_less.kind == INVALID_DATE and str(year_less.reason) == (
        "a birthday without a year: GHL needs day, month and year")


def test_outlook_mobile_is_the_phone_and_no_fax_or_assistant_number_is_kept_as_a_phone(tmp_path):
    shape = outlook(tmp_path)
    result = convert([shape.path])
    mapping = result.report["mapping"]
    assert mapping["Mobile Phone"]["field"] == F.PHONE
    assert mapping["Business Phone"]["field"] == F.ADDITIONAL_PHONES
    assert mapping["Home Phone"]["field"] == F.ADDITIONAL_PHONES
    for fax in ("Business Fax", "Home Fax", "Other Fax", "Assistant's Phone"):
        # never a phone field; kept, if it has values, as a custom field under its own name
        assert mapping[fax]["field"] in (None, fax) and mapping[fax]["field"] not in (F.PHONE, F.ADDITIONAL_PHONES), fax
    # 0/0/00 is Outlook's "no birthday": empty, not a problem to review.
    assert result.report["invalid_dates"] == 0
    assert not any(F.DATE_OF_BIRTH in fields for fields in result.table.problems.values())


def test_a_country_list_writes_iso_codes_and_flags_what_is_no_country(tmp_path):
    shape = country_list(tmp_path)
    result = convert([shape.path], ConvertOptions(region="BR"))
    assert result.report["invalid_phones"] == 0
    assert result.report["invalid_countries"] == 1
    bad = result.table.problems[8][F.COUNTRY_FIELD][0]
    assert (bad.kind, bad.value, bad.is_error) == (INVALID_COUNTRY, "Atlantida", True)


def test_the_command_line_writes_the_country_list_for_ghl(tmp_path):
    shape = country_list(tmp_path)
    out = tmp_path / "ghl.csv"
    proc = subprocess.run([sys.executable, "-m", "ghl_desktop", "convert", str(shape.path), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["First Name"], r["Phone"], r["Additional Phones"], r["Country"]) for r in rows] == [
        (c[F.FIRST_NAME], c[F.PHONE], c[F.ADDITIONAL_PHONES], c[F.COUNTRY_FIELD]) for c in shape.contacts]


def test_two_columns_mapped_to_phone_by_hand_are_read_mobile_first(tmp_path):
    from export_shapes import write_csv
    from ghl_desktop.core.mapping import Mapping

    header = ["Nome", "Telefone", "Celular"]
    path = write_csv(tmp_path / "x.csv", [header, ["Ana Lima", "(11) 3333-4444", "(11) 98765-4321"],
                                          ["Rui Costa", "(11) 3333-5555", ""]])
    both = Mapping.from_dict(header, {"Nome": {"field": F.FULL_NAME}, "Telefone": {"field": F.PHONE},
                                      "Celular": {"field": F.PHONE}})
    table = convert([path], mappings=[both]).table
    assert [(table.columns[F.PHONE][r], table.columns[F.ADDITIONAL_PHONES][r]) for r in range(2)] == [
        ("+5511987654321", "+551133334444"), ("+551133335555", "")]

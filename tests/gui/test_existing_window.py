"""Issue 18 on the real window: a job compared with the contacts already in GHL (a GHL-style export
the test writes, with Contact Id) shows which rows are new, updates, unchanged or ambiguous, what
an update changes, the counts in the report, and exports each choice; an edit re-marks its row."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ghl_desktop.core import ConvertOptions
from ghl_desktop.core.schema import EMAIL, FIRST_NAME

CITY = "City"
from ghl_desktop.gui.preview_model import ChangeRole, MarkRole

from .helpers import column, wait_finished, wait_result

GHL = [
    ["Contact Id", "First Name", "Last Name", "Phone", "Email", "Tags", "City"],
    ["id-a", "Ana", "Silva", "+5511987654321", "ana@x.com", "vip", "São Paulo"],
    ["id-b", "Bruno", "Lima", "+5521987654322", "bruno@x.com", "", ""],
    ["id-c", "Carla", "Dias", "+5531987654323", "carla@x.com", "", ""],
    ["id-d", "Davi", "Reis", "+5541987654324", "davi@x.com", "", ""],
    ["id-e", "Eva", "Melo", "+5551987654325", "eva@x.com", "", "Recife"],
]
LIST = [
    ["Nome", "Sobrenome", "Email", "Celular", "Cidade"],
    ["Ana", "Silva", "ANA@x.com", "", "Rio de Janeiro"],             # by email only: update (City)
    ["Bruno", "Lima", "", "(21) 98765-4322", ""],                     # by phone only: unchanged
    ["Carla", "Dias", "carla@x.com", "(31) 98765-4323", "Curitiba"],  # by both: update
    ["Davi", "Reis", "davi@x.com", "(51) 98765-4325", ""],            # email of d, phone of e: ambiguous
    ["Fabio", "Novo", "fabio@x.com", "(11) 91234-5678", ""],          # new
    ["Gil", "Novo", "gil@x.com", "", "Santos"],                       # new
]


def write_csv(path: Path, rows) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def lists(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    return {"ghl": write_csv(folder / "ghl-contatos.csv", GHL), "new": write_csv(folder / "evento.csv", LIST)}


def row_of(table, name: str) -> int:
    return table.columns[FIRST_NAME].index(name)


def open_job(ctx, qtbot, lists):
    w = ctx.window
    outcomes = ctx.manager.submit([lists["new"]], ConvertOptions(existing=(str(lists["ghl"]),)))
    job = wait_finished(qtbot, ctx, 1)[0]
    w.jobs_panel.select_job(outcomes[0].job_id)
    wait_result(qtbot, w, job.id)
    return w, job


def test_review_filters_changes_and_report(ctx, qtbot, lists):
    w, job = open_job(ctx, qtbot, lists)
    panel, model = w.review, w.model
    assert panel.existing_bar.isVisible()
    texts = {m: panel.filter_buttons[m].text() for m in ("new", "update", "unchanged", "ambiguous")}
    assert texts == {"new": "New (2)", "update": "Update (2)", "unchanged": "Unchanged (1)",
                     "ambiguous": "Ambiguous (1)"}
    panel.filter_buttons["update"].click()
    assert model.visible_count() == 2
    names = {model.index(r, column(FIRST_NAME)).data() for r in range(model.rowCount())}
    assert names == {"Ana", "Carla"}
    ana = next(r for r in range(model.rowCount()) if model.index(r, column(FIRST_NAME)).data() == "Ana")
    city = model.index(ana, column(CITY))
    assert city.data(ChangeRole) == ("São Paulo", "Rio de Janeiro")
    assert "In GHL: São Paulo → new: Rio de Janeiro" in city.data(0x03)  # ToolTipRole
    assert model.index(ana, column(EMAIL)).data(ChangeRole) is None  # same email: no change
    panel.select_cell(ana, column(CITY))
    detail = panel.existing_detail.text()
    assert "id-a" in detail and "São Paulo → new: Rio de Janeiro" in detail

    report = w.report_panel
    w.tabs.setCurrentWidget(report)
    qtbot.waitUntil(lambda: report.existing_box.isVisible())
    assert {k: report.values[k].text() for k in ("new_rows", "update_rows", "unchanged_rows", "ambiguous_rows")} == \
        {"new_rows": "2", "update_rows": "2", "unchanged_rows": "1", "ambiguous_rows": "1"}
    assert "ghl-contatos.csv" in report.existing_title.text()
    assert report.chart.existing_values() == {"new": 2, "update": 2, "unchanged": 1, "ambiguous": 1}
    w.grab().save("/tmp/g18/review.png")

"""Regenerate ``docs/screenshots/`` from the real window: ``python -m tests.gui.screenshots [--lang pt_BR]``.

Offscreen, in a temporary data folder, at 1366x768 (the smallest screen the app promises), saved
at reduced size. The demo contacts are invented.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSize, Qt  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
WIDTH = 1100  # saved width in pixels (the window is 1366 wide)

FIRST = ["MARIA", "joão", "Ana", "Carlos", "beatriz", "Rafael", "Luíza", "PEDRO", "fernanda", "Lucas"]
LAST = ["DA SILVA", "de souza", "Pereira", "Oliveira", "costa", "Santos", "Almeida", "LIMA", "Ribeiro"]
CITIES = ["São Paulo", "campinas", "Rio de Janeiro", "Belo Horizonte", "fortaleza", "Curitiba"]
JOBS = ["Diretora comercial", "Analista", "Gerente de compras", "Sócio", "Coordenadora"]
TOPICS = ["Vendas", "Marketing", "Atendimento", "Finanças"]


def demo_file(path: Path, rows: int, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    lines = ["Nome;Sobrenome;E-mail;Celular;Celular - Tipo;Empresa;Cidade;UF;Etiquetas;Cargo;"
             "Valor da última compra;Data da última compra;Interesses"]
    for i in range(rows):
        f, l = rnd.choice(FIRST), rnd.choice(LAST)
        user = f"{f.lower()}.{l.split()[-1].lower()}{i}"
        email = rnd.choices([f"{user}@gmail.com", f"{user}@gmial.com", f"{user}@@empresa", ""], [80, 6, 5, 9])[0]
        phone = rnd.choices([f"(11) 9{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}",
                             f"19 8{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}", "123", ""], [80, 8, 4, 8])[0]
        custom = (f"{rnd.choice(JOBS)};R$ {rnd.randint(1, 9)}.{rnd.randint(100, 999)},{rnd.randint(10, 99)};"
                  f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/2024;\"{'; '.join(rnd.sample(TOPICS, 2))}\"")
        lines.append(f"{f};{l};{email};{phone};Pessoal;;{rnd.choice(CITIES)};SP;cliente, evento.2024;{custom}")
        if i % 40 == 5:  # a duplicate of the row above, written differently
            lines.append(f"{f};{l};{email.upper()};{phone};;Padaria;;;vip;;;;")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def save(widget, name: str) -> Path:
    QCoreApplication.processEvents()
    image = widget.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    path = OUT / name
    image.save(str(path), "PNG", 9)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return path


def wait(app, condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--lang", default="pt_BR")
    opts = args.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="ghl-shots-"))
    os.environ["GHL_DESKTOP_DATA_DIR"] = str(folder / "data")
    (folder / "data").mkdir()
    (folder / "data" / "settings.ini").write_text(f"[ui]\nlanguage={opts.lang}\n", encoding="utf-8")

    from ghl_desktop.core.speed import tuning
    from ghl_desktop.gui.app import AppContext, make_application
    from ghl_desktop.gui.row_filter import PROBLEMS
    from ghl_desktop.jobs import states as S
    from ghl_desktop.jobs.engine import run_job

    app = make_application()
    ctx = AppContext(folder / "data")
    w = ctx.window

    def slow_engine(*a, progress, **k):  # slows the demo job so the running state can be seen
        def slowed(stage, frac):
            time.sleep(0.03)
            progress(stage, frac)
        return run_job(*a, progress=slowed, **k)

    ctx.manager.engine = slow_engine
    tuning.CHUNK_ROWS = 300
    w.resize(QSize(1366, 768))
    w.show()
    OUT.mkdir(parents=True, exist_ok=True)
    save(w, "01-empty.png")

    small = demo_file(folder / "contatos-evento.csv", 400)
    big = demo_file(folder / "crm-export.csv", 12_000, seed=11)
    w.handle_paths([small])
    wait(app, lambda: ctx.store.list()[0].status == S.DONE)
    w.handle_paths([big])
    big_id = w.current_job_id()
    wait(app, lambda: len(w.model.table) > 3000 and ctx.store.get(big_id).status == S.PROCESSING)
    w.tabs.setCurrentWidget(w.review)
    save(w, "02-running.png")

    wait(app, lambda: ctx.store.get(big_id).status == S.DONE and w.shown_view() == "result", 120)
    w.jobs_panel.select_job(ctx.store.list()[1].id)
    wait(app, lambda: w.shown_view() == "result" and w.session.job_id == ctx.store.list()[1].id)
    w.review.set_mode(PROBLEMS)
    w.review.select_cell(1, 3)
    save(w, "03-review-problems.png")

    w.tabs.setCurrentWidget(w.mapping_editor)
    save(w, "04-mapping.png")
    w.tabs.setCurrentWidget(w.report_panel)
    save(w, "05-report.png")

    # Edits outlive a new mapping: fix an email, exclude a row, type a company, then leave the
    # company column out; the prompt keeps the edits, the company one is listed as no longer applying.
    from ghl_desktop.core.schema import EMAIL
    from ghl_desktop.gui.row_filter import ALL

    job_id = w.session.job_id
    table = w.model.table
    bad = next(r for r in sorted(table.problems) if any(p.kind == "invalid_email" for p in table.problems[r].get(EMAIL, [])))
    w.session.edit(bad, EMAIL, "corrigido@gmail.com")
    w.session.set_excluded([bad + 1], True)
    w.session.edit(2, "Company Name", "Padaria Central")
    w.tabs.setCurrentWidget(w.mapping_editor)
    w.mapping_editor.choose("Empresa", None)
    wait(app, lambda: w.message_box is not None)
    box = w.message_box
    box.adjustSize()
    save_small(box, "06-reconvert-prompt.png")
    next(b for b in box.buttons() if b.objectName() == "keepEdits").click()
    wait(app, lambda: ctx.store.get(job_id).status == S.DONE and w.shown_view() == "result"
         and w.session.job_id == job_id and w.session.result is not None, 120)
    w.tabs.setCurrentWidget(w.review)
    w.review.set_mode(ALL)
    w.review.select_cell(bad, 3)
    w.review.view.scrollTo(w.model.index(bad, 3))
    save(w, "07-edits-reapplied.png")

    # The export dialog, and the columns of the file of rows to fix it writes.
    w.export_current()
    wait(app, lambda: w.export_dialog is not None and w.export_dialog.is_ready())
    dialog = w.export_dialog
    dialog.path_edit.setText(str(folder / "contatos-evento-ghl.csv"))
    dialog.adjustSize()
    save_small(dialog, "08-export-dialog.png")
    dialog.tofix.setCurrentIndex(dialog.tofix.findData(".csv"))
    done = []
    w.exportFinished.connect(done.append)
    dialog.accept()
    wait(app, lambda: bool(done))
    if w.message_box is not None:
        w.message_box.close()
    tofix = next(p for p in done[0] if "corrigir" in p.name or "to-fix" in p.name)
    save_small(tofix_view(tofix), "09-to-fix-file.png")

    # Contacts already in GHL: a GHL contacts export that has some of these people (some with
    # another city, one person's email and another's phone in one contact), added to the job.
    ghl = ghl_export(w.model.table, folder / "ghl-contatos.csv")
    w.add_existing_to_job(job_id, [ghl])
    wait(app, lambda: w.message_box is not None)
    next(b for b in w.message_box.buttons() if b.objectName() == "keepEdits").click()
    wait(app, lambda: ctx.store.get(job_id).status == S.DONE and w.shown_view() == "result"
         and w.session.job_id == job_id and w.session.result is not None
         and w.session.result.existing is not None, 120)
    w.tabs.setCurrentWidget(w.review)
    w.review.set_mode("update")
    from ghl_desktop.core.schema import GHL_COLUMNS

    city = GHL_COLUMNS.index("City") + 1
    row = next(r for r in range(w.model.rowCount()) if w.model.index(r, city).data(Qt.ItemDataRole.UserRole + 4))
    w.review.select_cell(row, city)
    w.review.view.scrollTo(w.model.index(row, city))
    save(w, "10-review-updates.png")
    w.tabs.setCurrentWidget(w.report_panel)
    save(w, "11-report-existing.png")
    w.export_current()
    wait(app, lambda: w.export_dialog is not None and w.export_dialog.is_ready())
    dialog = w.export_dialog
    dialog.path_edit.setText(str(folder / "contatos-evento-ghl.csv"))
    dialog.adjustSize()
    save_small(dialog, "12-export-existing.png")
    dialog.reject()
    ctx.close()
    return 0


def ghl_export(table, path: Path) -> Path:
    """A GHL contacts export with every third contact of ``table`` (Contact Id and every exported
    field; every other one of them in another city), and one contact with the email of the first
    and the phone of the fourth."""
    import csv

    names = [f.name for f in table.schema if f.exported]
    rows = [["Contact Id", *names]]
    for r in range(0, len(table), 3):
        values = {n: table.columns[n][r] for n in names}
        if r % 2 == 0:
            values["City"] = "Santos"
        rows.append([f"ghl{r:05d}", *(values[n] for n in names)])
    other = dict.fromkeys(names, "")
    other.update({"First Name": "Outra", "Last Name": "Pessoa", "Email": table.columns["Email"][0],
                  "Phone": table.columns["Phone"][3]})
    rows.append(["ghl99999", *(other[n] for n in names)])
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def save_small(widget, name: str) -> Path:
    """A dialog or a small window, at its own size."""
    QCoreApplication.processEvents()
    path = OUT / name
    widget.grab().save(str(path), "PNG", 9)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return path


def tofix_view(path: Path):
    """The file of rows to fix as a spreadsheet program shows it (its first rows)."""
    import csv

    from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))[:12]
    model = QStandardItemModel(len(rows) - 1, len(rows[0]))
    model.setHorizontalHeaderLabels(rows[0])
    for i, row in enumerate(rows[1:]):
        bad = set(row[2].split("; "))
        for j, value in enumerate(row):
            item = QStandardItem(value)
            if j >= 6 and rows[0][j] in bad or j == 4:
                item.setBackground(QColor("#FFC7CE"))
            model.setItem(i, j, item)
    view = QTableView()
    view.setModel(model)
    view.resize(1366, 360)
    view.resizeColumnsToContents()
    view.show()
    return view


if __name__ == "__main__":
    sys.exit(main())

"""GUI tests: the real window, offscreen, each test with its own data folder (history, settings, log)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from ghl_desktop.gui.paths import DATA_DIR_ENV  # noqa: E402

HEADER = "Nome;Sobrenome;E-mail;Celular;Cidade;Observação\n"


def write_contacts(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    """Two small CRM exports with the problems a person meets: bad email, bad phone, a typo, duplicates."""
    src = tmp_path / "in"
    src.mkdir()
    a = write_contacts(src / "evento.csv", [
        "MARIA;DA SILVA;Maria.Silva@Example.com.br;(11) 98765-4321;são paulo;vip",
        "joão;de souza;joao.souza@gmial.com;19 8765-4321;Campinas;lead",
        "Ana;Pereira;ana.pereira@@example;+55 21 99876-5432;Rio de Janeiro;",
        "Carlos;Oliveira;carlos@example.com;123;Belo Horizonte;",
        "MARIA;DA SILVA;maria.silva@example.com.br;11987654321;;duplicada",
    ])
    b = write_contacts(src / "crm.csv", [
        f"Pessoa{i};Teste;pessoa{i}@exemplo.com.br;(21) 9{i:04d}-{i:04d};Niterói;" for i in range(1, 31)
    ] + ["Sem;Contato;;;;"])
    return {"a": a, "b": b}


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    folder.mkdir()
    # Tests read English texts unless they switch the language themselves.
    (folder / "settings.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    return folder


@pytest.fixture
def ctx(qapp, data_dir, qtbot):
    from ghl_desktop.gui.app import AppContext, make_application

    make_application()
    context = AppContext(data_dir)
    context.window.open_folder = lambda p: opened.append(Path(p)) or True
    context.window.jobs_panel.open_folder = context.window.open_folder
    context.window.jobs_panel.confirm_delete = False
    context.opened = opened = []
    context.window.show()
    qtbot.waitExposed(context.window)
    yield context
    context.languages.apply("en")
    context.close()

"""The PyInstaller bundle, built for real from ``build.spec`` and run as a user would run it.

Marked ``frozen``: one build takes a minute or two, so a quick local run skips it with
``-m 'not frozen'``; ``.ci/run`` runs everything. The build goes to a temporary folder
(``--distpath``/``--workpath``) and never touches ``dist/`` or ``build/`` in the checkout.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.frozen

ROOT = Path(__file__).resolve().parents[2]
GHL_HEADER = [
    "First Name", "Last Name", "Email", "Phone", "Company Name", "Address", "City", "State",
    "Postal Code", "Country", "Date of Birth", "Website", "Source", "Tags", "Additional Emails",
    "Additional Phones", "Notes",
]
# Semicolons, Windows-1252, Portuguese headers, a 10-digit mobile that needs its ninth digit, and a
# duplicate of the first contact: what a Brazilian Excel "CSV" looks like, through the frozen
# reader (charset-normalizer's compiled module), phonenumbers' lazily imported region data,
# email-validator and rapidfuzz.
SAMPLE = (
    "Nome;Sobrenome;E-mail;Celular;Cidade\r\n"
    "JOÃO;DA SILVA;Joao.Silva@Example.com;(11) 98765-4321;São Paulo\r\n"
    "maria;souza;maria@exemplo.com.br;21 8765-4321;Niterói\r\n"
    "João;da Silva;joao.silva@example.com;11987654321;São Paulo\r\n"
).encode("cp1252")
MAX_ONEDIR_MB = 200  # the target; README "Size and start time" has the measured figure


def _exe(dist: Path, name: str) -> Path:
    return dist / (name + ".exe" if sys.platform == "win32" else name)


def _scratch_env(tmp: Path) -> dict[str, str]:
    """The frozen app's data folder and settings go to ``tmp``, never the real user's."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(HOME=str(tmp), APPDATA=str(tmp), LOCALAPPDATA=str(tmp),
               XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_CACHE_HOME=str(tmp / "cache"), XDG_RUNTIME_DIR=str(tmp / "run"))
    (tmp / "run").mkdir(mode=0o700, exist_ok=True)
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), "--log-level", "WARN"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    dist = out / "dist" / "ghl-desktop"
    assert _exe(dist, "ghl-desktop").is_file() and _exe(dist, "ghl-desktop-cli").is_file()
    return dist


@pytest.fixture
def sample(tmp_path) -> Path:
    p = tmp_path / "contatos.csv"
    p.write_bytes(SAMPLE)
    return p


def test_frozen_cli_converts_a_brazilian_csv(bundle, sample, tmp_path):
    out, report = tmp_path / "out" / "ghl.csv", tmp_path / "out" / "report.json"
    out.parent.mkdir()
    proc = subprocess.run(
        [str(_exe(bundle, "ghl-desktop-cli")), "convert", str(sample), "--out", str(out),
         "--report", str(report)],
        capture_output=True, text=True, timeout=120, env=_scratch_env(tmp_path),
    )
    assert proc.returncode == 0, proc.stderr
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == GHL_HEADER
    got = {r[2]: dict(zip(GHL_HEADER, r)) for r in rows[1:]}
    assert set(got) == {"joao.silva@example.com", "maria@exemplo.com.br"}  # duplicate merged
    assert got["joao.silva@example.com"]["First Name"] == "João"
    assert got["joao.silva@example.com"]["City"] == "São Paulo"  # cp1252 decoded
    assert got["joao.silva@example.com"]["Phone"] == "+5511987654321"
    assert got["maria@exemplo.com.br"]["Phone"] == "+5521987654321"  # ninth digit added
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["total_rows"] == 3 and data["exported_rows"] == 2 and data["duplicates_merged"] == 1


def test_frozen_cli_refuses_bad_input_with_one_line(bundle, tmp_path):
    missing = tmp_path / "nao-existe.csv"
    proc = subprocess.run(
        [str(_exe(bundle, "ghl-desktop-cli")), "convert", str(missing), "--out", str(tmp_path / "o.csv")],
        capture_output=True, text=True, timeout=60, env=_scratch_env(tmp_path),
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    assert not (tmp_path / "o.csv").exists()


def test_frozen_window_smoke_test(bundle, sample, tmp_path):
    if not (ROOT / "ghl_desktop" / "gui" / "app.py").exists():
        pytest.skip("ghl_desktop/gui/app.py does not exist yet: the bundle has no window to test")
    shot = tmp_path / "window.png"
    proc = subprocess.run(
        [str(_exe(bundle, "ghl-desktop")), "--smoke-test", str(sample), "--screenshot", str(shot),
         "--language", "pt_BR"],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=180,
        env=dict(_scratch_env(tmp_path), PYTHONIOENCODING="utf-8"),
    )
    assert proc.returncode == 0, (proc.stdout[-2000:], proc.stderr[-4000:])
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if sys.platform != "win32":  # a windowed Windows exe has no stdout to read
        # The bundle's resources/ was found: Portuguese catalog and window icon.
        assert "window icon loaded, on screen: GHL Desktop — contatos prontos" in proc.stdout, proc.stdout
        assert "| Revisão | Mapeamento | Relatório" in proc.stdout, proc.stdout


def test_frozen_bundle_is_trimmed_and_complete(bundle):
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    names = [p.relative_to(bundle).as_posix() for p in files]
    unwanted = ("QtWebEngine", "Qt6WebEngine", "QtQml", "Qt6Qml", "QtQuick", "Qt6Quick", "Qt3D",
                "Qt63D", "QtMultimedia", "Qt6Multimedia", "QtPdf", "Qt6Pdf", "tkinter", "_tkinter",
                "tcl", "arrow_flight", "opengl32sw", "geodata")
    assert [n for n in names if any(u.lower() in n.lower() for u in unwanted)] == []
    assert any("Qt6Charts" in n or "QtCharts" in n for n in names) or not (
        ROOT / "ghl_desktop" / "gui" / "app.py").exists(), "QtCharts missing from the bundle"
    for module in ("isal_zlib", "igzip_lib"):  # the workbook reader's inflater (core/reader/unzip.py)
        assert any(n.split("/")[-1].startswith(module + ".") for n in names), f"isal.{module} missing from the bundle"
    for src in (ROOT / "resources").rglob("*"):
        if src.is_file() and src.suffix not in {".ts", ".py", ".pyc"}:
            assert (bundle / "_internal" / src.relative_to(ROOT)).is_file(), f"{src} not bundled"
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    assert size_mb < MAX_ONEDIR_MB, f"onedir is {size_mb:.0f} MB"


def test_frozen_cli_uses_the_second_core_and_gets_the_same_export(bundle, tmp_path):
    """The helper process starts from the packaged executable (multiprocessing's spawn re-runs the
    exe; ``freeze_support`` makes it a helper, not a second app) and changes nothing in the result."""
    lines = ["Nome;E-mail;Celular"]
    for i in range(3000):
        lines.append(f"PESSOA {i};p{i}@{'gmial' if i % 7 == 0 else 'gmail'}.com;(11) 9{i:04d}-{(i * 7) % 10_000:04d}")
    src = tmp_path / "muitos.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for min_rows in ("100", "100000000"):  # helper process / this process only
        out = tmp_path / f"out-{min_rows}.csv"
        env = dict(_scratch_env(tmp_path), GHL_DESKTOP_PARALLEL_MIN_ROWS=min_rows)
        proc = subprocess.run([str(_exe(bundle, "ghl-desktop-cli")), "convert", str(src), "--out", str(out),
                               "--split-rows", "0"], capture_output=True, text=True, timeout=180, env=env)
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert "helper process" not in proc.stderr, proc.stderr[-3000:]  # it started and did its share
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == 3001

"""The project as ``pip install .`` gives it to a new user: built, installed in a fresh virtual
environment, and run from a folder outside the checkout.

``python -m build`` makes the sdist and then the wheel from that sdist (so a file the sdist leaves
out is missing from the wheel too); the wheel is installed with its dependencies into a new venv
with no access to this checkout or to an editable install. Marked ``installed``: it needs the
package index or pip's cache (about a minute with the cache warm); the source is copied to a
temporary folder first, so the build writes nothing into the checkout.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.installed

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ["translations/ghl_desktop_en.qm", "translations/ghl_desktop_pt_BR.qm",
           "icons/ghl-desktop.png", "icons/ghl-desktop.ico", "styles/app.qss"]
# The window's title and tab names in Portuguese, as the smoke test prints them.
PORTUGUESE_ON_SCREEN = ["GHL Desktop — contatos prontos para o GoHighLevel", "Revisão", "Mapeamento",
                        "Relatório"]


def _run(cmd: list, *, timeout: int, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout, **kw)
    assert proc.returncode == 0, f"{cmd}\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    return proc


def _clean_env(**extra: str) -> dict[str, str]:
    """This environment without anything that points Python at the checkout or another venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "VIRTUAL_ENV",
                        "PIP_USER", "PIP_TARGET", "PIP_PREFIX"}}
    env.update(PYTHONIOENCODING="utf-8", PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return env


def _app_env(home: Path) -> dict[str, str]:
    """For the installed app: offscreen Qt, and its settings and data in ``home``, not the user's."""
    (home / "run").mkdir(parents=True, mode=0o700, exist_ok=True)
    return _clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(home), APPDATA=str(home),
                      LOCALAPPDATA=str(home), XDG_DATA_HOME=str(home / "data"),
                      XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
                      XDG_RUNTIME_DIR=str(home / "run"))


def _venv_bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if sys.platform == "win32" else "bin") / (
        name + ".exe" if sys.platform == "win32" else name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv, dist folder, a folder outside the checkout) with the built wheel installed."""
    if importlib.util.find_spec("ensurepip") is None:
        pytest.skip("this Python has no ensurepip, so `python -m venv` cannot give a venv with pip "
                    "(Debian/Ubuntu: install python3-venv)")
    base = tmp_path_factory.mktemp("installed")
    src, dist, venv, outside = base / "src", base / "dist", base / "venv", base / "elsewhere"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".pytest_cache",
        ".hypothesis"))
    outside.mkdir()
    env = _clean_env()
    _run([sys.executable, "-m", "venv", venv], timeout=300, env=env, cwd=outside)
    python = _venv_bin(venv, "python")
    _run([python, "-m", "pip", "install", "-q", "build"], timeout=600, env=env, cwd=outside)
    _run([python, "-m", "build", "--outdir", dist, src], timeout=600, env=env, cwd=outside)
    wheels = list(dist.glob("*.whl"))
    assert len(wheels) == 1 and len(list(dist.glob("*.tar.gz"))) == 1, sorted(dist.iterdir())
    _run([python, "-m", "pip", "install", "-q", wheels[0]], timeout=900, env=env, cwd=outside)
    return venv, dist, outside


def test_sdist_and_wheel_carry_the_code_translations_and_icons(installed):
    _venv, dist, _outside = installed
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    for f in SHIPPED + ["translations/ghl_desktop_en.ts", "translations/ghl_desktop_pt_BR.ts"]:
        assert f"resources/{f}" in in_sdist, f"sdist lacks resources/{f}"
    (wheel,) = dist.glob("*.whl")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    for f in SHIPPED:
        assert f"ghl_desktop/resources/{f}" in in_wheel, f"wheel lacks ghl_desktop/resources/{f}"
    code = {p.relative_to(ROOT).as_posix() for p in (ROOT / "ghl_desktop").rglob("*.py")}
    assert code - in_wheel == set(), "modules missing from the wheel"


def test_installed_package_finds_its_portuguese_catalog_and_icon(installed):
    venv, _dist, outside = installed
    probe = textwrap.dedent("""
        import json
        import ghl_desktop
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication
        from ghl_desktop.gui.i18n import LanguageSwitcher
        from ghl_desktop.gui.paths import icon_path, resources_dir

        app = QApplication([])
        print(json.dumps({
            "package": ghl_desktop.__file__,
            "resources": str(resources_dir()),
            "icon": str(icon_path()),
            "icon_loads": not QIcon(str(icon_path())).isNull(),
            "pt_BR_found": LanguageSwitcher(app).apply("pt_BR"),
            "review": QCoreApplication.translate("MainWindow", "Review"),
        }))
    """)
    out = _run([_venv_bin(venv, "python"), "-c", probe], timeout=120, env=_app_env(outside / "home"),
               cwd=outside)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    package = Path(got["package"]).resolve().parent
    assert package.is_relative_to(venv.resolve()), got  # the installed copy, not the checkout
    assert Path(got["resources"]).resolve() == package / "resources", got
    assert Path(got["icon"]).is_file() and got["icon_loads"], got
    assert got["pt_BR_found"] and got["review"] == "Revisão", got


def test_installed_app_passes_the_smoke_test_in_portuguese(installed):
    venv, _dist, outside = installed
    sample = outside / "contatos.csv"
    shutil.copy(ROOT / "installer" / "sample-contacts.csv", sample)
    shot = outside / "window.png"
    out = _run([_venv_bin(venv, "ghl-desktop"), "--smoke-test", sample, "--screenshot", shot,
                "--language", "pt_BR"], timeout=240, env=_app_env(outside / "home"), cwd=outside)
    lines = [line for line in out.stdout.splitlines() if line.startswith("smoke test: ")]
    assert any(line.startswith("smoke test: done, ") for line in lines), out.stdout
    shown = next((line for line in lines if "on screen: " in line), "")
    assert "language pt_BR, window icon loaded" in shown, out.stdout
    on_screen = shown.split("on screen: ", 1)[1].split(" | ")
    assert on_screen == PORTUGUESE_ON_SCREEN, out.stdout
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

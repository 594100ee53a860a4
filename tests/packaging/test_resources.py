"""The translations and the package list the build ships, checked without building anything.

The ``.qm`` catalogs are committed next to their ``.ts`` sources and shipped as they are (the
build does not run Qt's tools), so a ``.ts`` edited without recompiling would ship stale: each
``.ts`` is compiled here with ``pyside6-lrelease`` and every message is looked up in both the fresh
and the committed catalog. After editing a ``.ts``:
``pyside6-lrelease resources/translations/ghl_desktop_pt_BR.ts`` (same for ``_en``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("*.ts"))
# Plural forms are picked by count; these reach each form of English and Portuguese (0 is plural in
# English and singular in Brazilian Portuguese).
COUNTS = (0, 1, 2, 5)


def lrelease(ts: Path, qm: Path) -> None:
    """``pyside6-lrelease ts -qm qm``, through PySide6's own wrapper (no PATH lookup)."""
    proc = subprocess.run(
        [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
         str(ts), "-qm", str(qm)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0 and qm.is_file(), proc.stdout + proc.stderr


def ts_messages(ts: Path):
    """(context, source, disambiguation, plural) for each message lrelease compiles."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            if m.find("translation").get("type") in {"vanished", "obsolete"}:
                continue
            yield name, m.findtext("source"), m.findtext("comment"), m.get("numerus") == "yes"


def test_there_are_catalogs_to_check():
    assert {p.stem for p in TS_FILES} >= {"ghl_desktop_en", "ghl_desktop_pt_BR"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_committed_qm_is_compiled_from_the_current_ts(ts, tmp_path):
    committed_qm = ts.with_suffix(".qm")
    assert committed_qm.is_file(), f"{committed_qm.name} missing: run pyside6-lrelease {ts.name}"
    fresh_qm = tmp_path / committed_qm.name
    lrelease(ts, fresh_qm)
    if fresh_qm.read_bytes() == committed_qm.read_bytes():
        return
    # Different bytes can still be the same catalog (another Qt version's lrelease): compare what
    # each one answers for every message.
    fresh, committed = QTranslator(), QTranslator()
    assert fresh.load(str(fresh_qm)) and committed.load(str(committed_qm))
    stale = []
    for context, source, disambiguation, plural in ts_messages(ts):
        for n in COUNTS if plural else (-1,):
            want = fresh.translate(context, source, disambiguation, n)
            if committed.translate(context, source, disambiguation, n) != want:
                stale.append(f"{context}: {source!r} (n={n}) should be {want!r}")
    assert not stale, (f"{committed_qm.name} is stale, run pyside6-lrelease on {ts.name}:\n"
                       + "\n".join(stale[:20]))


def test_every_package_is_in_the_build_list():
    """``pyproject.toml`` lists the packages by hand (``find`` cannot see the ``resources/``
    mapping), so a new subpackage must be added there or the wheel ships without it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "ghl_desktop").rglob("__init__.py")}
    listed = set(config["packages"])
    assert listed - {"ghl_desktop.resources"} == on_disk
    assert config["package-dir"] == {"ghl_desktop.resources": "resources"}
    # Every kind of file the app loads from resources/ is shipped.
    shipped = config["package-data"]["ghl_desktop.resources"]
    for f in (ROOT / "resources").rglob("*"):
        if f.is_file() and f.suffix != ".ts":
            rel = f.relative_to(ROOT / "resources")
            assert any(rel.match(pattern) for pattern in shipped), f"resources/{rel.as_posix()} not in package-data"


def test_an_installed_package_finds_the_resources_inside_it(tmp_path):
    """The layout a wheel installs (``site-packages/ghl_desktop/resources/``), offline; the real
    wheel in a fresh venv is tests/packaging/test_installed.py."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "ghl_desktop", site / "ghl_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", site / "ghl_desktop" / "resources")
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); from ghl_desktop.gui.paths import "
             "icon_path, translations_dir; print(translations_dir()); print(icon_path())")
    proc = subprocess.run([sys.executable, "-c", probe, str(site)], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    translations, icon = proc.stdout.split()
    assert Path(translations) == site / "ghl_desktop" / "resources" / "translations"
    assert Path(icon).is_file() and Path(icon).is_relative_to(site / "ghl_desktop" / "resources")

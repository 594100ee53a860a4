"""Fast checks that the packaging files agree with the code and with each other (no build).

The installer hard-codes names the app decides elsewhere: the data folder comes from ``ORG_NAME``
and ``APP_NAME`` through Qt, the executable name from ``build.spec``, the version from
``__version__``. If one side changes alone, these fail instead of an uninstaller that deletes the
wrong folder or an installer that packs an empty directory.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

import ghl_desktop

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "installer" / "ghl_desktop.iss").read_text(encoding="utf-8")
SPEC = (ROOT / "build.spec").read_text(encoding="utf-8")


def iss_define(name: str) -> str:
    m = re.search(rf'^\s*#define {name} "([^"]*)"', ISS, re.M)
    assert m, f"#define {name} missing from the .iss"
    return m.group(1)


def iss_setup(key: str) -> str:
    m = re.search(rf"^{key}=(.*)$", ISS, re.M)
    assert m, f"{key}= missing from [Setup]"
    return m.group(1).strip()


def test_installer_is_per_user_with_a_fixed_app_id_and_versioned_name():
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}",
                        iss_setup("AppId"))
    assert iss_setup("PrivilegesRequired") == "lowest"
    assert iss_setup("PrivilegesRequiredOverridesAllowed") == "dialog"
    assert iss_setup("AppVersion") == "{#AppVersion}"
    assert iss_setup("OutputBaseFilename") == "GHL-Desktop-Setup-{#AppVersion}"
    assert "#error" in ISS.split("#ifndef AppVersion", 1)[1].split("#endif", 1)[0]


def test_installer_packs_what_build_spec_produces():
    app = re.search(r'^APP = "([^"]+)"', SPEC, re.M).group(1)
    assert iss_define("AppExe") == f"{app}.exe"
    assert iss_define("DistDir").replace("\\", "/").endswith(f"dist/{app}")
    assert f"name=f\"{{APP}}-cli\"" in SPEC and "console=False" in SPEC
    icon = iss_setup("SetupIconFile").replace("\\", "/")
    assert (ROOT / "installer" / icon).resolve() == (ROOT / "resources/icons/ghl-desktop.ico").resolve()


def test_spec_reads_the_package_version():
    m = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']',
                  (ROOT / "ghl_desktop" / "__init__.py").read_text(encoding="utf-8"), re.M)
    assert m and m.group(1) == ghl_desktop.__version__


def test_uninstaller_targets_the_folder_qt_gives_the_app(qapp):
    """The .iss deletes ``{userappdata}\\<DataRoot>`` (only if asked): it must be Qt's folder."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    old = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(ghl_desktop.ORG_NAME)
    QCoreApplication.setApplicationName(ghl_desktop.APP_NAME)
    try:
        loc = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    finally:
        QCoreApplication.setOrganizationName(old[0])
        QCoreApplication.setApplicationName(old[1])
    assert loc.parts[-2:] == (ghl_desktop.ORG_NAME, ghl_desktop.APP_NAME)
    assert iss_define("DataRoot") == ghl_desktop.ORG_NAME
    assert "ExpandConstant('{userappdata}\\{#DataRoot}')" in ISS
    # Deletion is behind a question whose default button is "No", and never in a silent uninstall.
    code = ISS.split("[Code]", 1)[1]
    assert "MB_DEFBUTTON2" in code and "UninstallSilent" in code and "DelTree" in code
    assert not re.search(r"^\[UninstallDelete\]", ISS, re.M)


def _ico_entries(data: bytes):
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    for i in range(count):
        w, h, _c, _r, _planes, bpp, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        yield (w or 256), (h or 256), bpp, data[offset : offset + size]


def test_icon_has_every_size_windows_asks_for_and_each_decodes(qapp):
    from PySide6.QtGui import QImage

    data = (ROOT / "resources" / "icons" / "ghl-desktop.ico").read_bytes()
    entries = list(_ico_entries(data))
    assert {w for w, *_ in entries} >= {16, 24, 32, 48, 64, 256}
    for w, h, bpp, blob in entries:
        assert w == h and bpp == 32
        if blob[:8] == b"\x89PNG\r\n\x1a\n":
            img = QImage.fromData(blob, "PNG")
            assert (img.width(), img.height()) == (w, h)
        else:  # BITMAPINFOHEADER: width, double height (XOR + AND mask), 32 bpp
            size, bw, bh, _planes, bbpp = struct.unpack_from("<IiiHH", blob)
            assert (size, bw, bh, bbpp) == (40, w, 2 * w, 32)
            mask = ((w + 31) // 32) * 4 * w
            assert len(blob) == 40 + w * w * 4 + mask
            alpha = blob[40 + 3 : 40 + w * w * 4 : 4]
            assert 0 in alpha and 255 in alpha  # transparent corners, opaque tile
    png = QImage(str(ROOT / "resources" / "icons" / "ghl-desktop.png"))
    assert (png.width(), png.height()) == (512, 512)


def test_make_icon_writes_what_is_committed_structurally(tmp_path, monkeypatch, qapp):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icon", ROOT / "installer" / "make_icon.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "OUT_DIR", tmp_path)
    assert mod.main() == 0
    fresh = [(w, h, bpp) for w, h, bpp, _ in _ico_entries((tmp_path / "ghl-desktop.ico").read_bytes())]
    committed = [(w, h, bpp) for w, h, bpp, _ in
                 _ico_entries((ROOT / "resources" / "icons" / "ghl-desktop.ico").read_bytes())]
    assert fresh == committed == [(n, n, 32) for n in mod.ICO_SIZES]


@pytest.mark.parametrize("name", ["build.ps1", "ghl_desktop.iss", "entry.py", "sample-contacts.csv"])
def test_installer_files_exist_and_sample_is_small(name):
    p = ROOT / "installer" / name
    assert p.is_file()
    if name.endswith(".csv"):
        assert p.stat().st_size < 5000

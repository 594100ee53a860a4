"""Where the app finds its bundled resources and keeps its per-user data.

The translations, icons and style sheet have one source folder, ``resources/`` at the repository
root. Where the running code finds it depends on how it was installed:

* wheel or sdist (``pip install .``): inside the package, ``ghl_desktop/resources/``
  (``pyproject.toml`` maps the package data ``ghl_desktop.resources`` onto ``resources/``);
* source checkout, run in place or installed editable (``pip install -e .``): next to the
  ``ghl_desktop`` package, the checkout's own ``resources/``;
* PyInstaller bundle: at the bundle root, ``sys._MEIPASS/resources`` (``build.spec`` copies it
  there), which is also next to the package.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

DATA_DIR_ENV = "GHL_DESKTOP_DATA_DIR"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    # An installed package holds its data; Qt needs a real folder, which an unpacked wheel gives
    # (files() is then a Path). A checkout's package has no resources/ inside, so it falls through.
    packaged = importlib.resources.files("ghl_desktop") / "resources"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path() -> Path:
    return resources_dir() / "icons" / "ghl-desktop.png"


def data_dir() -> Path:
    """``GHL_DESKTOP_DATA_DIR`` (tests, smoke test) or the per-user AppData folder.

    Call after the QApplication has its organization and application names.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from ..jobs.runner import default_data_dir

    return default_data_dir()

"""Where the app finds its bundled resources and keeps its per-user data.

``resources/`` sits at the repository root in a source checkout and at the bundle root in a
PyInstaller build (``sys._MEIPASS``); both are next to the ``ghl_desktop`` package, so one rule
finds it in either case.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "GHL_DESKTOP_DATA_DIR"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
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

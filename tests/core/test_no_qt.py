"""The core must run headless: importing every core module loads no Qt (``tests/test_layers.py``
checks no core source file imports it)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import ghl_desktop.core as core

CORE_DIR = Path(core.__file__).parent


def test_importing_every_core_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages([str(CORE_DIR)], "ghl_desktop.core.")]
    assert "ghl_desktop.core.pipeline" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(qt)\n"
        "sys.exit(1 if qt else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr

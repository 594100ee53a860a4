"""Only runner.py may touch Qt: the store, files, engine and worker run in a plain process."""

import subprocess
import sys

from PySide6.QtCore import QCoreApplication

from ghl_desktop.jobs.runner import default_data_dir

PLAIN = ["states", "files", "store", "engine", "worker"]


def test_the_jobs_layers_below_the_runner_load_no_qt():
    code = (
        "import importlib, sys\n"
        f"for m in {PLAIN!r}: importlib.import_module('ghl_desktop.jobs.' + m)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(qt)\n"
        "sys.exit(1 if qt else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_default_data_dir_is_the_per_user_app_data_folder(qapp):
    old = QCoreApplication.applicationName()
    QCoreApplication.setApplicationName("GHL Desktop Test")
    try:
        path = default_data_dir()
    finally:
        QCoreApplication.setApplicationName(old)
    assert path.is_absolute() and "GHL Desktop Test" in path.parts

"""A kill at the worst moment leaves no partial export; the next export cleans up after it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from make_data import generate  # noqa: E402

from ghl_desktop.core.export import write_export  # noqa: E402
from ghl_desktop.core.table import ContactTable  # noqa: E402


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_export_leaves_no_export_file(tmp_path):
    src = generate(tmp_path / "big.csv", 60_000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ghl_desktop", "convert", str(src), "--out", str(out_dir / "ghl.csv"),
         "--split-rows", "1000"],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while not any(p.name.endswith(".tmp") for p in out_dir.iterdir()):  # the export has begun
            assert proc.poll() is None, "convert ended before the kill"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    visible = [p.name for p in out_dir.iterdir() if not p.name.startswith(".")]
    assert visible == [], f"a killed export left {visible}"

    # the next export of the same name removes the hidden leftovers
    t = ContactTable()
    for c in t.columns:
        t.columns[c] = ["x"]
    t.sources = [(0, 0)]
    write_export(t, out_dir / "ghl.csv")
    assert sorted(p.name for p in out_dir.iterdir()) == ["ghl.csv"]

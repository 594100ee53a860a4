"""The benchmark runs end to end at a small size (a smoke test, not a timed test)."""

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "run.py"


def test_bench_runs_at_a_small_size(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(BENCH), "--sizes", "1500", "--json", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ratio" in proc.stdout and "1st preview ms" in proc.stdout
    row = json.loads(out.read_text())["results"][0]
    assert row["rows"] == 1500 and row["reference_s"] > 0 and row["project_s"] > 0
    assert row["ratio"] > 0 and row["peak_mb"] > 0 and row["max_stall_ms"] >= 0 and row["helper_peak_mb"] >= 0
    assert row["first_preview_ms"] is None or row["first_preview_ms"] > 0


def test_the_stall_trace_runs_and_names_the_threads(tmp_path):
    """bench/_stall_trace.py (what the window waits on when it stalls) works on a small file;
    with a 0 ms threshold every late tick is reported, with the GUI thread's stack."""
    import os

    sys.path.insert(0, str(BENCH.parent))
    from make_data import generate

    src = generate(tmp_path / "c.csv", 3000)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(BENCH.parents[1])}
    proc = subprocess.run([sys.executable, str(BENCH.parent / "_stall_trace.py"), str(src), "0"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ms late" in proc.stdout and "GUI:" in proc.stdout

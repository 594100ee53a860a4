"""Benchmark: the project against the plain pandas + per-row reference, measured in the same run.

For each size it prints reference seconds, project seconds, the ratio, peak memory (the main
process, and the normalizing helper process that large inputs use on a second core), the time to
the first 200 preview rows and the longest GUI stall, both measured on the real window offscreen
(a file dropped on it; a 10 ms timer on the GUI thread while the job runs, see
``_window_probe.py``). Every measurement runs in a fresh process. This is a benchmark, not a
test: nothing here fails on a slow machine; CI only runs it at a small size to prove it works.

    python bench/run.py                      # 10k, 100k, 1M rows
    python bench/run.py --sizes 10000,100000,1000000,5000000
    python bench/run.py --sizes 2000 --no-gui
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_data import generate  # noqa: E402


def _run(args: list[str]) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--no-gui", action="store_true", help="skip the first-preview and GUI-stall probe")
    ap.add_argument("--no-reference", action="store_true", help="skip the reference (for very large sizes)")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]

    print(f"machine: {machine()}")
    header = (f"{'rows':>10} {'MB in':>7} {'ref s':>8} {'ours s':>8} {'ratio':>7} {'peak MB':>8} {'helper MB':>9} "
              f"{'ref MB':>7} {'1st preview ms':>15} {'max stall ms':>13}")
    print(header)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            src = generate(Path(tmp) / f"contacts-{n}.csv", n)
            mb = src.stat().st_size / 2**20
            ref = None if args.no_reference else _run([str(HERE / "_measure.py"), "reference", str(src), f"{tmp}/ref.csv"])
            ours = _run([str(HERE / "_measure.py"), "project", str(src), f"{tmp}/ours.csv"])
            gui = None if args.no_gui else _run([str(HERE / "_window_probe.py"), str(src)])
            row = {
                "rows": n, "input_mb": round(mb, 1),
                "reference_s": ref and round(ref["seconds"], 2), "project_s": round(ours["seconds"], 2),
                "ratio": ref and round(ref["seconds"] / ours["seconds"], 1),
                "peak_mb": round(ours["peak_mb"]), "helper_peak_mb": round(ours["helper_peak_mb"]),
                "reference_peak_mb": ref and round(ref["peak_mb"]),
                "first_preview_ms": gui and gui["first_preview_ms"] and round(gui["first_preview_ms"]),
                "max_stall_ms": gui and round(gui["max_stall_ms"]),
            }
            results.append(row)
            fmt = lambda v, w: f"{'-' if v is None else v:>{w}}"  # noqa: E731
            print(f"{n:>10} {mb:>7.1f} {fmt(row['reference_s'], 8)} {row['project_s']:>8} {fmt(row['ratio'], 7)} "
                  f"{row['peak_mb']:>8} {row['helper_peak_mb']:>9} {fmt(row['reference_peak_mb'], 7)} "
                  f"{fmt(row['first_preview_ms'], 15)} "
                  f"{fmt(row['max_stall_ms'], 13)}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

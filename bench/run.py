"""Benchmark matrix: the project against the plain pandas + per-row reference, each line measured
against the reference in the same run.

Each line of the matrix is one kind of contact list (``make_data.py``), converted at each size:

    base          six columns, every email and phone unique, ASCII addresses (the original line)
    dup30, dup60  30% / 60% of the rows are people already listed (same email in another case or
                  with spaces, same phone written another way, chains through either)
    intl25        a quarter of the addresses have accented local parts (joão.silva@...)
    dup30+intl25  both (the list of issue 17)
    wide35        a CRM export of 35 columns, 22 of them custom-field-like
    xlsx/5        .xlsx at a fifth of the size (200k rows at 1M), text written inline (openpyxl)
    xlsx          .xlsx at the size, text written inline (openpyxl's write-only mode; Excel never does)
    xlsx-excel    .xlsx at the size as Excel saves it: every text cell a shared string
    two-inputs    the rows in two files of other headers, 30% duplicates, also across the files

For each line: reference seconds, project seconds, the ratio, the same in CPU seconds (ours: both
processes; on a busy shared machine CPU time moves far less than wall time), peak memory (the main process, and
the normalizing helper process that large inputs use on a second core), rows merged, the time to
the first 200 preview rows and the longest GUI stall, both measured on the real window offscreen
(the file dropped on it; a 10 ms timer on the GUI thread while the job runs, see
``_window_probe.py``; the window makes one job per file, so the two-inputs line has no GUI
numbers). Every measurement runs in a fresh process. This is a benchmark, not a test: nothing
here fails on a slow machine; CI only runs it at a small size to prove it works.

Both sides run as installed: the project's modules and the bench's own are compiled to bytecode
first (``compile_sources``), as pip and the installer ship them and as the reference's pandas
already is in site-packages. Without it, a machine that writes no bytecode cache
(``PYTHONDONTWRITEBYTECODE``) would compile the project's source in every run, in each of its
processes, and count that as conversion time.

    python bench/run.py                           # the whole matrix at 1M rows
    python bench/run.py --sizes 100000 --lines base,dup30
    python bench/run.py --sizes 2000 --no-gui
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_data  # noqa: E402

#: name -> (how to write its input(s) of n rows into a folder: the paths)
LINES = {
    "base": lambda d, n: [make_data.generate(d / f"base-{n}.csv", n)],
    "dup30": lambda d, n: [make_data.generate(d / f"dup30-{n}.csv", n, dup=0.3)],
    "dup60": lambda d, n: [make_data.generate(d / f"dup60-{n}.csv", n, dup=0.6)],
    "intl25": lambda d, n: [make_data.generate(d / f"intl25-{n}.csv", n, intl=0.25)],
    "dup30+intl25": lambda d, n: [make_data.generate(d / f"dup30-intl25-{n}.csv", n, dup=0.3, intl=0.25)],
    "wide35": lambda d, n: [make_data.generate(d / f"wide35-{n}.csv", n, wide=True)],
    "xlsx/5": lambda d, n: [make_data.generate_xlsx(d / f"xlsx-{n // 5}.xlsx", max(n // 5, 1))],
    "xlsx": lambda d, n: [make_data.generate_xlsx(d / f"xlsx-{n}.xlsx", n)],
    "xlsx-excel": lambda d, n: [make_data.generate_xlsx(d / f"xlsx-excel-{n}.xlsx", n, shared_strings=True)],
    "two-inputs": lambda d, n: list(make_data.generate_pair(d / f"a-{n}.csv", d / f"b-{n}.csv", n)),
}


def _run(args: list[str]) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compile_sources() -> None:
    """The project's package and this folder's modules compiled to bytecode (``__pycache__``, which
    git ignores), as an installed app runs them: the modules are then loaded, not compiled, in
    every measured process (see the module docstring)."""
    for folder in (HERE.parent / "ghl_desktop", HERE):
        if not compileall.compile_dir(str(folder), quiet=1):
            raise SystemExit(f"benchmark: could not compile {folder}")


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


COLUMNS = [("line", 13), ("rows", 10), ("MB in", 7), ("ref s", 8), ("ours s", 8), ("ratio", 6),
           ("ref cpu", 8), ("our cpu", 8), ("cpu ratio", 9),
           ("peak MB", 8), ("helper MB", 9), ("ref MB", 7), ("merged", 8), ("1st preview ms", 15),
           ("max stall ms", 13)]


def measure(line: str, n: int, folder: Path, *, reference: bool = True, gui: bool = True) -> dict:
    inputs = LINES[line](folder, n)
    rows = max(n // 5, 1) if line == "xlsx/5" else n
    mb = sum(p.stat().st_size for p in inputs) / 2**20
    paths = [str(p) for p in inputs]
    ref = _run([str(HERE / "_measure.py"), "reference", *paths, f"{folder}/ref.csv"]) if reference else None
    ours = _run([str(HERE / "_measure.py"), "project", *paths, f"{folder}/ours.csv"])
    probe = _run([str(HERE / "_window_probe.py"), paths[0]]) if gui and len(paths) == 1 else None
    for p in inputs:
        p.unlink()
    return {
        "line": line, "rows": rows, "input_mb": round(mb, 1),
        "reference_s": ref and round(ref["seconds"], 2), "project_s": round(ours["seconds"], 2),
        "ratio": ref and round(ref["seconds"] / ours["seconds"], 1),
        "reference_cpu_s": ref and round(ref["cpu_s"], 2), "project_cpu_s": round(ours["cpu_s"], 2),
        "cpu_ratio": ref and round(ref["cpu_s"] / ours["cpu_s"], 1),
        "peak_mb": round(ours["peak_mb"]), "helper_peak_mb": round(ours["helper_peak_mb"]),
        "reference_peak_mb": ref and round(ref["peak_mb"]), "merged": ours["merged"],
        "first_preview_ms": probe and probe["first_preview_ms"] and round(probe["first_preview_ms"]),
        "max_stall_ms": probe and round(probe["max_stall_ms"]),
    }


def row_text(row: dict) -> str:
    values = [row["line"], row["rows"], row["input_mb"], row["reference_s"], row["project_s"], row["ratio"],
              row["reference_cpu_s"], row["project_cpu_s"], row["cpu_ratio"],
              row["peak_mb"], row["helper_peak_mb"], row["reference_peak_mb"], row["merged"],
              row["first_preview_ms"], row["max_stall_ms"]]
    return " ".join(f"{'-' if v is None else v:>{w}}" if i else f"{v:<{w}}"
                    for i, (v, (_, w)) in enumerate(zip(values, COLUMNS)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000000", help="rows of each line (comma-separated: one matrix each)")
    ap.add_argument("--lines", default=",".join(LINES), help=f"lines to run (default all: {','.join(LINES)})")
    ap.add_argument("--no-gui", action="store_true", help="skip the first-preview and GUI-stall probe")
    ap.add_argument("--no-reference", action="store_true", help="skip the reference (for very large sizes)")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    lines = [s for s in args.lines.split(",") if s]
    unknown = [s for s in lines if s not in LINES]
    if unknown:
        ap.error(f"unknown line(s): {', '.join(unknown)}")

    compile_sources()
    print(f"machine: {machine()}")
    print(" ".join(f"{name:>{w}}" if i else f"{name:<{w}}" for i, (name, w) in enumerate(COLUMNS)))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for line in lines:
                row = measure(line, n, Path(tmp), reference=not args.no_reference, gui=not args.no_gui)
                results.append(row)
                print(row_text(row), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

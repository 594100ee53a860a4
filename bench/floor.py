"""The floor of a line: what any converter that holds a list's cells as Python strings spends on
this machine before it normalizes anything, measured beside the reference and the project in the
same run.

A conversion reads every cell and writes every exported cell back. Done by the standard library
alone and nothing else (``csv.reader`` over the decoded file, python-calamine for a workbook,
``csv.writer`` into a UTF-8 file; the collector off, as the project's reader runs), that is the
floor: no converter written in Python that turns the cells into ``str`` objects does less. From it
and the reference's wall time:

- the ceiling: the reference's seconds over the floor's CPU seconds spread over every core, the
  ratio a converter would reach if normalizing, merging and reporting cost nothing and every core
  were busy all the time;
- left at 10x: the CPU seconds that remain, at 10x the reference on every core, for everything
  but reading and writing (normalizing, the duplicate watch and merge, the report);
- ours beyond: what the project spends beyond the floor today (both processes);
- cells MB: the memory of the list's cells held as one list of strings per column, every repeated
  value of a column one string, measured alone in a fresh process: the least a whole list held as
  Python strings takes.

Every measurement runs in a fresh process; this is a benchmark, not a test.

    python bench/floor.py                                # base, dup30 and wide35 at 1M rows
    python bench/floor.py --rows 200000 --lines wide35,xlsx/5 --json floor.json
    python bench/floor.py --lines wide35,wide35-known    # the wide export, and its standard fields alone
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_data  # noqa: E402
import run  # noqa: E402  (the matrix's lines, its runner and its machine line)

#: The matrix's lines, and one to read beside ``wide35``: the same rows with only the columns the
#: mapper maps to GHL's standard fields (``make_data.WIDE_KNOWN``), no custom field. What ``wide35``
#: costs beyond it is what its custom fields cost.
LINES = {**run.LINES,
         "wide35-known": lambda d, n: [make_data.generate(d / f"wide35-known-{n}.csv", n, wide=True, known_only=True)]}

COLUMNS = [("line", 13), ("rows", 10), ("ref s", 8), ("ours s", 8), ("ratio", 6), ("our cpu", 8),
           ("read cpu", 9), ("write cpu", 10), ("floor cpu", 10), ("ceiling", 8), ("left at 10x", 12),
           ("ours beyond", 12), ("cells MB", 9), ("peak MB", 8)]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextlib.contextmanager
def _collector_off():
    """The cyclic collector off while millions of strings are made, as the project's reader runs
    (it would walk them all, more than once); as it was afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _rows_of(path: Path):
    """The rows of one input, read by the standard library (a workbook: the first sheet read whole
    by python-calamine, the project's reader of workbooks too small to cut in pieces)."""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        from python_calamine import CalamineWorkbook

        yield from CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        return
    with open(path, encoding="utf-8-sig", newline="") as f:  # decoded as it is read: no copy of the file
        yield from csv.reader(f)


def io_floor(inputs: list[Path], out: Path) -> dict:
    """CPU seconds to read every cell of ``inputs`` into Python strings and write them all back as
    one CSV (``out``), in this process."""
    with _collector_off():
        t0 = _cpu()
        rows = []
        for path in inputs:
            rows += _rows_of(path)
        t1 = _cpu()
        with open(out, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        t2 = _cpu()
    return {"read_cpu_s": t1 - t0, "write_cpu_s": t2 - t1, "rows": len(rows) - len(inputs),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _resident_mb() -> float:
    """This process's resident memory now (Linux), else its peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cells_memory(inputs: list[Path]) -> dict:
    """MB that the cells of ``inputs`` take held as one list of strings per column, every repeated
    value of a column one string (more sharing than the project's reader does, so a lower bound):
    resident memory with them, less resident memory before."""
    with _collector_off():
        before = _resident_mb()
        columns: list[list[str]] = []
        for path in inputs:
            rows = _rows_of(path)
            width = len(next(rows))
            columns += [[] for _ in range(width)]
            mine = columns[-width:]
            shared = [{} for _ in range(width)]
            for row in rows:
                row = [c if isinstance(c, str) else str(c) for c in row]
                row += [""] * (width - len(row))
                for col, seen, cell in zip(mine, shared, row):
                    col.append(seen.setdefault(cell, cell))
            del shared
        gc.collect()
        return {"cells_mb": _resident_mb() - before, "columns": len(columns)}


def measure(line: str, n: int, folder: Path, cores: int) -> dict:
    inputs = LINES[line](folder, n)
    paths = [str(p) for p in inputs]
    ref = run._run([str(HERE / "_measure.py"), "reference", *paths, f"{folder}/ref.csv"])
    ours = run._run([str(HERE / "_measure.py"), "project", *paths, f"{folder}/ours.csv"])
    floor = run._run([str(HERE / "floor.py"), "--io", *paths, f"{folder}/floor.csv"])
    cells = run._run([str(HERE / "floor.py"), "--cells", *paths])
    for p in inputs:
        p.unlink()
    floor_cpu = floor["read_cpu_s"] + floor["write_cpu_s"]
    return {
        "line": line, "rows": floor["rows"], "reference_s": round(ref["seconds"], 2),
        "project_s": round(ours["seconds"], 2), "ratio": round(ref["seconds"] / ours["seconds"], 1),
        "project_cpu_s": round(ours["cpu_s"], 2), "read_cpu_s": round(floor["read_cpu_s"], 2),
        "write_cpu_s": round(floor["write_cpu_s"], 2), "floor_cpu_s": round(floor_cpu, 2),
        "ceiling": round(ref["seconds"] / (floor_cpu / cores), 1),
        "left_at_10x_cpu_s": round(ref["seconds"] / 10 * cores - floor_cpu, 2),
        "project_beyond_floor_cpu_s": round(ours["cpu_s"] - floor_cpu, 2),
        "cells_mb": round(cells["cells_mb"]), "peak_mb": round(ours["peak_mb"]), "cores": cores,
    }


def row_text(row: dict) -> str:
    keys = ["line", "rows", "reference_s", "project_s", "ratio", "project_cpu_s", "read_cpu_s", "write_cpu_s",
            "floor_cpu_s", "ceiling", "left_at_10x_cpu_s", "project_beyond_floor_cpu_s", "cells_mb", "peak_mb"]
    return " ".join(f"{row[k]:>{w}}" if i else f"{row[k]:<{w}}" for i, (k, (_, w)) in enumerate(zip(keys, COLUMNS)))


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--io":  # one measured step, in a fresh process (see ``measure``)
        print(json.dumps(io_floor([Path(p) for p in argv[1:-1]], Path(argv[-1]))))
        return 0
    if argv and argv[0] == "--cells":
        print(json.dumps(cells_memory([Path(p) for p in argv[1:]])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000, help="rows of each line (default 1,000,000)")
    ap.add_argument("--lines", default="base,dup30,wide35", help=f"lines to run (any of: {','.join(LINES)})")
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 1,
                    help="cores the ceiling spreads the floor over (default: this machine's)")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args(argv)
    lines = [s for s in args.lines.split(",") if s]
    unknown = [s for s in lines if s not in LINES]
    if unknown:
        ap.error(f"unknown line(s): {', '.join(unknown)}")
    run.compile_sources()
    print(f"machine: {run.machine()}")
    print(" ".join(f"{name:>{w}}" if i else f"{name:<{w}}" for i, (name, w) in enumerate(COLUMNS)))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for line in lines:
            row = measure(line, args.rows, Path(tmp), args.cores)
            results.append(row)
            print(row_text(row), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": run.machine(), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

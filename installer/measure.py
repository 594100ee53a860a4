"""Measure the frozen app: onedir size and cold start to the window being shown.

    python installer/measure.py [DIST_DIR] [--runs N] [--sample FILE]

DIST_DIR defaults to ``dist/ghl-desktop`` (what ``pyinstaller build.spec`` writes).

Size: the sum of the folder's file sizes (symlinks not followed), as ``du -sh --apparent-size``
would say, plus the largest parts, so a regression shows where it came from.

Start time: the windowed executable is started with ``--smoke-test FILE`` and
``GHL_DESKTOP_STARTUP_PROBE=<tmpfile>``; ``installer/entry.py`` writes the wall-clock time at which
the main window is visible and the event loop runs. Start time = that minus the time taken just
before the process was spawned, so it includes the bootloader, unpacking nothing (onedir), Python
start, imports, ``QApplication`` and building the window. The first run after a build is the
coldest this machine can give without dropping the OS file cache (which needs root); the median of
the following runs is the warm figure. Under Linux CI the platform is ``offscreen``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def exe_path(dist: Path, name: str = "ghl-desktop") -> Path:
    return dist / (name + ".exe" if sys.platform == "win32" else name)


def folder_size(dist: Path) -> tuple[int, list[tuple[int, str]]]:
    total, parts = 0, {}
    for dirpath, dirnames, filenames in os.walk(dist):
        for f in filenames:
            p = Path(dirpath) / f
            if p.is_symlink():
                continue
            size = p.stat().st_size
            total += size
            rel = p.relative_to(dist).parts
            key = "/".join(rel[:2]) if rel[0] == "_internal" and len(rel) > 2 else "/".join(rel)
            parts[key] = parts.get(key, 0) + size
    return total, sorted(((v, k) for k, v in parts.items()), reverse=True)


def start_time(exe: Path, sample: Path, timeout: float = 120.0) -> float:
    """Seconds from spawning ``exe --smoke-test sample`` to its window being shown."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "shown"
        env = dict(os.environ, GHL_DESKTOP_STARTUP_PROBE=str(probe))
        if sys.platform.startswith("linux"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # The app's data folder goes to a scratch HOME/APPDATA so a measurement never touches a real one.
        env.update(HOME=tmp, APPDATA=tmp, LOCALAPPDATA=tmp, XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp)
        t0 = time.time()
        proc = subprocess.run([str(exe), "--smoke-test", str(sample)], env=env, timeout=timeout,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"{exe.name} --smoke-test exited {proc.returncode}:\n{proc.stderr[-2000:]}")
        if not probe.exists():
            raise SystemExit("the window was never shown (no probe file written)")
        return float(probe.read_text()) - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dist", nargs="?", default=str(ROOT / "dist" / "ghl-desktop"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sample", default=str(ROOT / "installer" / "sample-contacts.csv"))
    ap.add_argument("--size-only", action="store_true")
    args = ap.parse_args(argv)
    dist = Path(args.dist)
    if not exe_path(dist).exists():
        raise SystemExit(f"no frozen app in {dist}: run `pyinstaller build.spec` first")

    total, parts = folder_size(dist)
    print(f"onedir size: {total / 1e6:.1f} MB ({total / 2**20:.1f} MiB) in {dist}")
    for size, name in parts[:12]:
        print(f"  {size / 1e6:7.1f} MB  {name}")
    if args.size_only:
        return 0

    times = [start_time(exe_path(dist), Path(args.sample)) for _ in range(max(1, args.runs))]
    print(f"start to window shown: first run {times[0]:.2f} s; "
          f"median of the next {len(times) - 1}: {statistics.median(times[1:] or times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

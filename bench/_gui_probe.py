"""GUI-side numbers for one file: time to the first 200 preview rows, and the longest GUI stall.

Runs the real job path (JobStore + JobManager on a QThreadPool) under an offscreen Qt event loop,
with a 10 ms QTimer on the GUI thread; the longest gap between its ticks while the job runs is the
stall a person would feel. Prints JSON.

    python bench/_gui_probe.py FILE

With ``GHL_PROBE_TRACE=1`` a watchdog thread also samples every other thread's stack every few ms;
for each gap over 50 ms (the GIL held by one long C-level call) it prints to stderr the job
thread's stack just before the gap (the line that started the long call) and just after it.
The JSON on stdout is unchanged.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from ghl_desktop.jobs.runner import JobManager  # noqa: E402
from ghl_desktop.jobs.store import JobStore  # noqa: E402


class _Watchdog:
    """Finds the long GIL holders: the last stack seen before each gap, and the first after it."""

    def __init__(self, threshold: float = 0.05, interval: float = 0.002) -> None:
        self.threshold, self.interval = threshold, interval
        self.gaps: list[tuple[float, float, list[str], list[str]]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="probe-watchdog", daemon=True)

    def _stacks(self) -> list[str]:
        me, main_id = threading.get_ident(), threading.main_thread().ident
        out = []
        for tid, frame in sys._current_frames().items():
            if tid in (me, main_id):
                continue
            stack = traceback.extract_stack(frame)
            out.append(" <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(stack[-6:])))
            line = stack[-1].line if stack else ""
            out.append(f"    {line}")
        return out

    def _run(self) -> None:
        t0 = last = time.perf_counter()
        before = self._stacks()
        while not self.stop.is_set():
            time.sleep(self.interval)
            now = time.perf_counter()
            after = self._stacks()
            if now - last > self.threshold:
                self.gaps.append((now - last, last - t0, before, after))
            before, last = after, time.perf_counter()

    def report(self, top: int = 20) -> None:
        for gap, at, before, after in sorted(self.gaps, reverse=True)[:top]:
            print(f"--- {gap * 1000:.0f} ms gap at t={at:.2f}s", file=sys.stderr)
            for line in before:
                print(f"  before: {line}", file=sys.stderr)
            for line in after:
                print(f"  after:  {line}", file=sys.stderr)


def main() -> None:
    watchdog = _Watchdog() if os.environ.get("GHL_PROBE_TRACE") else None
    if watchdog is not None:
        watchdog.thread.start()
    src = Path(sys.argv[1])
    app = QCoreApplication.instance() or QCoreApplication([])
    with tempfile.TemporaryDirectory() as data:
        store = JobStore(Path(data))
        manager = JobManager(store)
        state = {"rows": 0, "first_preview": None, "max_gap": 0.0, "last_tick": None, "status": None}

        def tick() -> None:
            now = time.perf_counter()
            if state["last_tick"] is not None:
                state["max_gap"] = max(state["max_gap"], now - state["last_tick"])
            state["last_tick"] = now

        def rows(job_id, chunk) -> None:
            state["rows"] += len(chunk)
            if state["first_preview"] is None and state["rows"] >= 200:
                state["first_preview"] = time.perf_counter() - started

        def finished(job_id, status) -> None:
            state["status"] = status
            app.quit()

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        manager.rowsReady.connect(rows)
        manager.jobFinished.connect(finished)
        timer.start()
        started = time.perf_counter()
        manager.submit([src])  # the drop: hashing and copying the file happen here, as in the window
        app.exec()
        timer.stop()
        manager.shutdown()
        if watchdog is not None:
            watchdog.stop.set()
            watchdog.thread.join()
            watchdog.report()
        print(json.dumps({
            "status": state["status"],
            "first_preview_ms": None if state["first_preview"] is None else state["first_preview"] * 1000,
            "max_stall_ms": state["max_gap"] * 1000,
            "seconds": time.perf_counter() - started,
        }))


if __name__ == "__main__":
    main()

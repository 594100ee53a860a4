"""GUI-side numbers for one file: time to the first 200 preview rows, and the longest GUI stall.

Runs the real job path (JobStore + JobManager on a QThreadPool) under an offscreen Qt event loop,
with a 10 ms QTimer on the GUI thread; the longest gap between its ticks while the job runs is the
stall a person would feel. Prints JSON.

    python bench/_gui_probe.py FILE
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from ghl_desktop.jobs.runner import JobManager  # noqa: E402
from ghl_desktop.jobs.store import JobStore  # noqa: E402


def main() -> None:
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
        print(json.dumps({
            "status": state["status"],
            "first_preview_ms": None if state["first_preview"] is None else state["first_preview"] * 1000,
            "max_stall_ms": state["max_gap"] * 1000,
            "seconds": time.perf_counter() - started,
        }))


if __name__ == "__main__":
    main()

"""GUI-side numbers measured on the real window: first preview rows and the longest GUI stall.

The same path a person triggers by dropping a file: ``MainWindow.handle_paths`` (hash and copy into
the data folder, a job on the QThreadPool, the live preview model filling chunk by chunk, the live
report and chart, the final result loaded into the window). A 10 ms ``QTimer`` ticks on the GUI
thread meanwhile; the longest gap between two ticks is the stall a person would feel; the longest
from the job's end (``jobFinished``) until two seconds after its result is on screen is given
too (``max_stall_at_end_ms``: the result's first paints and the freeing of the live rows). Offscreen, in a temporary data folder. Prints JSON.

    python bench/_window_probe.py FILE
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_window(prefix: str):
    """(app, context, window, data folder): the real window, shown offscreen at 1366x768, with a
    fresh data folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    from ghl_desktop.gui.paths import DATA_DIR_ENV

    os.environ[DATA_DIR_ENV] = str(folder)
    from ghl_desktop.gui.app import AppContext, make_application

    app = make_application()
    ctx = AppContext(folder)
    window = ctx.window
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    return app, ctx, window, folder


def main() -> None:
    src = Path(sys.argv[1])
    from PySide6.QtCore import QTimer

    from ghl_desktop.jobs import states as S

    app, ctx, window, folder = open_window("ghl-bench-")
    state = {"first_preview": None, "max_gap": 0.0, "last_tick": None, "status": None, "gaps_over_50": 0,
             "finished": False, "max_gap_at_end": 0.0, "quitting": False}
    window.manager.jobFinished.connect(lambda *_: state.update(finished=True))

    def quit_soon(status: str) -> None:
        """Stop two seconds after the result is shown: what follows it counts too."""
        if not state["quitting"]:
            state["quitting"], state["status"] = True, status
            state["seconds"] = time.perf_counter() - started
            QTimer.singleShot(2000, app.quit)

    def tick() -> None:
        now = time.perf_counter()
        if state["last_tick"] is not None:
            gap = now - state["last_tick"]
            state["max_gap"] = max(state["max_gap"], gap)
            state["gaps_over_50"] += gap > 0.05
            if state["finished"]:
                state["max_gap_at_end"] = max(state["max_gap_at_end"], gap)
        state["last_tick"] = now
        if state["first_preview"] is None and window.model.rowCount() >= 200:
            state["first_preview"] = now - started
        job_id = window.current_job_id()
        job = ctx.store.get(job_id) if job_id else None
        if job is not None and job.status in (S.FAILED, S.CANCELLED):
            quit_soon(job.status)
        elif job is not None and job.status == S.DONE and window.shown_view() == "result":
            quit_soon(job.status)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    window.handle_paths([src])  # the drop
    QTimer.singleShot(900_000, app.quit)
    app.exec()
    timer.stop()
    seconds = state.get("seconds") or time.perf_counter() - started
    rows = window.model.rowCount()
    ctx.close()
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({
        "status": state["status"],
        "rows_in_preview": rows,
        "first_preview_ms": None if state["first_preview"] is None else state["first_preview"] * 1000,
        "max_stall_ms": state["max_gap"] * 1000,
        "max_stall_at_end_ms": state["max_gap_at_end"] * 1000,
        "stalls_over_50ms": state["gaps_over_50"],
        "seconds": seconds,
    }))


if __name__ == "__main__":
    main()

"""Where the window stalls: drop FILE on the real window (offscreen) and, whenever the GUI thread's
10 ms timer is late by more than THRESHOLD ms, print what every thread is doing.

A watchdog thread polls every 5 ms; a late timer means the GUI thread is busy or waiting for the
GIL, and the stacks show which (a GUI stack in ``app.exec`` is waiting; others are the job's
thread, the helper-process plumbing, ...). The watchdog needs the GIL too, so the stacks are those
just after a long C call, not during it. A diagnostic, not a benchmark.

    python bench/_stall_trace.py FILE [THRESHOLD_MS]
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    src = Path(sys.argv[1])
    threshold = float(sys.argv[2]) / 1000 if len(sys.argv) > 2 else 0.05
    from PySide6.QtCore import QTimer

    from _window_probe import open_window
    from ghl_desktop.jobs import states as S

    app, ctx, window, folder = open_window("ghl-stall-")
    gui = threading.get_ident()
    state = {"last": time.perf_counter(), "stop": False, "reported": 0.0}
    started = time.perf_counter()

    def stacks() -> list[str]:
        out = []
        for tid, frame in sys._current_frames().items():
            if tid == threading.get_ident():
                continue
            frames = traceback.extract_stack(frame)[-4:]
            where = " < ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(frames))
            if tid != gui and ("wait" in where or "select" in where):
                continue  # idle plumbing threads
            out.append(f"    {'GUI' if tid == gui else tid}: {where}")
        return out

    def watchdog() -> None:
        while not state["stop"]:
            time.sleep(0.005)
            late = time.perf_counter() - state["last"]
            if late > threshold and state["last"] != state["reported"]:
                state["reported"] = state["last"]
                print(f"{time.perf_counter() - started:7.3f} s: GUI timer {late * 1000:.0f} ms late", flush=True)
                print("\n".join(stacks()), flush=True)

    def tick() -> None:
        state["last"] = time.perf_counter()
        job_id = window.current_job_id()
        job = ctx.store.get(job_id) if job_id else None
        if job is not None and (job.status in (S.FAILED, S.CANCELLED)
                                or (job.status == S.DONE and window.shown_view() == "result")):
            app.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    threading.Thread(target=watchdog, daemon=True).start()
    window.handle_paths([src])
    QTimer.singleShot(900_000, app.quit)
    app.exec()
    state["stop"] = True
    ctx.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

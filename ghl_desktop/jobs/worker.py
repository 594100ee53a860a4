"""One queued job carried to its end state, with every step recorded in the history. No Qt.

The Qt runner calls :func:`process_job` on a pool thread; the crash test calls it in a plain
subprocess and kills that with SIGKILL. Every way out of a job is a recorded state: ``done``,
``failed`` with a message a person can act on, or ``cancelled`` — never an exception that escapes
into the thread pool.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Callable

from ..core import Cancelled, ContactTable, InputError, Message
from ..core import messages as M
from . import states as S
from .engine import Engine, options_from_dict, run_job
from .store import JobStore

log = logging.getLogger(__name__)

#: Emit a progress update at least this often while the percent is still moving within a stage.
MIN_INTERVAL = 0.1


class Throttle:
    """Lets a (percent, stage) update through about every 1% or 100 ms, and on every stage change.

    A million-row job calls back thousands of times; SQLite writes (each an fsync) and the GUI's
    event queue get at most one update per whole percent, and none more often than every 100 ms
    unless the stage changed — so at most ~10 writes a second, never a flood.
    """

    def __init__(self, emit: Callable[[int, str], None], clock: Callable[[], float] = time.monotonic) -> None:
        self.emit = emit
        self.clock = clock
        self.last_time = float("-inf")
        self.last_percent = -1
        self.last_stage = ""

    def __call__(self, stage: str, fraction: float) -> None:
        percent = max(0, min(100, int(fraction * 100)))
        now = self.clock()
        if stage == self.last_stage:
            if percent <= self.last_percent or now - self.last_time < MIN_INTERVAL and percent < 100:
                return
        self.last_time, self.last_percent, self.last_stage = now, max(percent, self.last_percent), stage
        self.emit(self.last_percent, stage)


def process_job(
    store: JobStore,
    job_id: str,
    *,
    engine: Engine = run_job,
    progress: Callable[[int, str], None] | None = None,
    cancel: Callable[[], bool] = lambda: False,
    on_rows: Callable[[ContactTable], None] | None = None,
    on_start: Callable[[], None] | None = None,
) -> str:
    """Run a queued job (queued → processing → done | failed | cancelled); return its end state.

    Returns ``cancelled`` without running when ``cancel()`` is already true, so a job cancelled
    while it waited in the queue never starts.
    """
    if cancel():
        store.transition(job_id, S.CANCELLED, stage="")
        return S.CANCELLED
    job = store.transition(job_id, S.PROCESSING, stage="reading")
    if on_start is not None:
        on_start()

    def report(percent: int, stage: str) -> None:
        store.set_progress(job_id, percent, stage)
        if progress is not None:
            progress(percent, stage)

    throttle = Throttle(report)
    result_dir = store.data.result_dir(job_id)
    existing = job.existing_files
    try:
        stored = Path(job.stored_path)
        if not stored.is_file():
            raise InputError(Message(M.STORED_COPY_GONE, job.file_name))
        for r in existing:
            if not Path(r["stored_path"]).is_file():
                raise InputError(Message(M.EXISTING_UNREADABLE, Message(M.STORED_COPY_GONE, r["file_name"])))
        extra = {"existing_names": [r["file_name"] for r in existing]} if existing else {}
        outcome = engine(
            stored, result_dir, options_from_dict(job.options),
            mapping=job.mapping, progress=throttle, cancel=cancel, on_rows=on_rows,
            recall=store.recall_mapping, display_name=job.file_name, **extra,
        )
        store.finish(job_id, outcome.report, outcome.mapping)
        if progress is not None:
            progress(100, "")
        return S.DONE
    except Cancelled:
        store.data.remove_result(job_id)
        store.transition(job_id, S.CANCELLED, stage="")
        return S.CANCELLED
    except InputError as exc:
        # The person's file names, not the stored copies'.
        message = exc.message
        for copy, name in [(job.stored_path, job.file_name)] + [(r["stored_path"], r["file_name"]) for r in existing]:
            message = message.replace_text(str(copy), name).replace_text(Path(copy).name, name)
        return _fail(store, job_id, message)
    except MemoryError:
        return _fail(store, job_id, Message(M.OUT_OF_MEMORY))
    except Exception as exc:  # a bug: the job fails with a message, the app keeps running
        log.exception("job %s failed unexpectedly", job_id)
        return _fail(store, job_id, Message(M.UNEXPECTED, f"{type(exc).__name__}: {exc}"))


def _fail(store: JobStore, job_id: str, message: Message) -> str:
    store.data.remove_result(job_id)
    store.transition(job_id, S.FAILED, error=str(message), error_json=M.to_json(message), stage="")
    return S.FAILED

"""The Qt side of the jobs: a QThreadPool runs them, signals tell the window. The only Qt module here.

Threading rules, kept deliberately simple:

* ``JobManager`` and every per-job ``_JobSignals`` object are created in the GUI thread and live
  there; a ``_JobRunnable`` only holds a reference and emits, so Qt queues each emission to the GUI
  thread. Nothing here ever touches a widget.
* The worker thread writes the history through ``JobStore`` (thread-safe: one connection behind a
  lock); the GUI thread reads it whenever a signal arrives.
* Cancel sets a per-job ``threading.Event`` that the pipeline polls between chunks; a job still
  waiting in the queue is taken off the pool and marked cancelled at once.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    QStandardPaths,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

from ..core import ContactTable, ConvertOptions, InputError, Message, check_size, chunk_counts
from ..core import messages as M
from . import states as S
from .engine import Engine, options_from_dict, options_to_dict, run_job
from .store import JobStore
from .worker import process_job

log = logging.getLogger(__name__)

NEW = "new"  #: a new job was created and queued
RETRIED = "retried"  #: the same file had failed or been cancelled: that job was queued again
REPROCESSED = "reprocessed"  #: force=True on a done job: it is processed again
ACTIVE = "active"  #: the same file is already queued or processing: nothing started
DONE_BEFORE = "done"  #: the same file was done before: its result is offered (needs_choice)
ERROR = "error"  #: the file could not be read or copied; ``error`` says why


def default_data_dir() -> Path:
    """The per-user data folder (``%APPDATA%/<org>/<app>`` on Windows).

    Call after ``QCoreApplication.setOrganizationName/setApplicationName`` so the path is the app's.
    """
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


@dataclass
class SubmitOutcome:
    path: Path
    kind: str
    job_id: str | None = None
    #: The same file was done before: ask "open the result, or process again?" (submit force=True).
    needs_choice: bool = False
    error: Message | None = None

    @property
    def started(self) -> bool:
        return self.kind in (NEW, RETRIED, REPROCESSED)


class _JobSignals(QObject):
    """Owned by the GUI thread; the runnable emits through it (queued across threads)."""

    started = Signal(str)
    progress = Signal(str, int, str)
    rowsReady = Signal(str, object)
    finished = Signal(str, str)


@dataclass(frozen=True)
class LiveRows:
    """Rows a running job just normalized, with their report counts (``chunk_counts``).

    The counts are worked out in the job's thread: done in the GUI thread for each chunk, they
    kept the window busy long enough to stall it when several chunks arrived at once.
    """

    table: ContactTable
    counts: dict

    def __len__(self) -> int:
        return len(self.table)


#: Least seconds between two chunks of live rows sent to the window (see ``_JobRunnable._send_rows``).
ROWS_PACE_S = 0.025


def _live_rows(chunk):
    """What the window gets for a chunk of rows: with its counts when it is a table of contacts."""
    return LiveRows(chunk, chunk_counts(chunk)) if isinstance(chunk, ContactTable) else chunk


class _JobRunnable(QRunnable):
    def __init__(self, store: JobStore, job_id: str, engine: Engine, cancel: threading.Event,
                 signals: _JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (JobManager._slots) until the GUI saw it finish
        self.store, self.job_id, self.engine = store, job_id, engine
        self.cancel_event, self.signals = cancel, signals
        self._rows_sent_at = 0.0

    def _send_rows(self, chunk) -> None:
        """Send a chunk of live rows to the window, at most one every ``ROWS_PACE_S``.

        Right after a large file is read the job catches up on the chunks the helper process
        finished meanwhile; sent back to back, their Python work here and the window's added up
        to a stall of over a tenth of a second. Waiting frees the GIL for the window instead.
        """
        wait = self._rows_sent_at + ROWS_PACE_S - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.signals.rowsReady.emit(self.job_id, _live_rows(chunk))
        self._rows_sent_at = time.monotonic()

    def run(self) -> None:
        job_id, signals = self.job_id, self.signals
        try:
            status = process_job(
                self.store, job_id, engine=self.engine,
                progress=lambda percent, stage: signals.progress.emit(job_id, percent, stage),
                cancel=self.cancel_event.is_set,
                on_rows=self._send_rows,
                on_start=lambda: signals.started.emit(job_id),
            )
        except Exception:  # the history itself failed (disk full, ...): never raise into Qt
            log.exception("job %s could not be recorded", job_id)
            status = S.FAILED
        signals.finished.emit(job_id, status)


@dataclass
class _Slot:
    runnable: _JobRunnable
    signals: _JobSignals
    cancel: threading.Event


def run_keeping_events(fn):
    """Run ``fn`` on a helper thread; on the GUI thread, keep handling events until it is done.

    Hashing and copying a dropped 500 MB file takes about a second. ``submit`` stays synchronous
    (it must answer "new job" or "already done" at once), but the window keeps repainting and its
    timers keep firing meanwhile. Off the GUI thread it simply calls ``fn``.
    """
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return fn()
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised on the calling thread below
            box["error"] = exc

    worker = threading.Thread(target=target, name="ghl-store-copy", daemon=True)
    worker.start()
    while worker.is_alive():
        # Paint and timers, but no clicks or drops: nothing may re-enter submit() meanwhile.
        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)
        worker.join(0.004)  # timers wait meanwhile: a 10 ms tick stays at most ~5 ms late
    if "error" in box:
        raise box["error"]
    return box["value"]


class JobManager(QObject):
    """Queues dropped files as jobs, runs them on its own pool, and reports by signals."""

    jobAdded = Signal(str)  #: a new job row exists (job id)
    jobChanged = Signal(str)  #: status or progress changed: re-read ``store.get(job_id)``
    progress = Signal(str, int, str)  #: job id, percent 0-100, stage
    rowsReady = Signal(str, object)  #: job id, a ContactTable chunk of newly normalized rows (read-only)
    jobFinished = Signal(str, str)  #: job id, end status (done | failed | cancelled)
    jobRemoved = Signal(str)  #: a job was deleted ("" after clear_history)

    def __init__(self, store: JobStore, data_dir: Path | None = None, *, max_workers: int = 1,
                 engine: Engine | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        if data_dir is not None and Path(data_dir).resolve() != store.data.root.resolve():
            raise ValueError("data_dir must be the folder the store was opened in")
        self.engine: Engine = engine or run_job
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, max_workers))
        self._slots: dict[str, _Slot] = {}
        self._delete_when_finished: set[str] = set()

    # -- settings -----------------------------------------------------------------------------
    @property
    def max_workers(self) -> int:
        return self.pool.maxThreadCount()

    def set_max_workers(self, n: int) -> None:
        self.pool.setMaxThreadCount(max(1, int(n)))

    def is_running(self, job_id: str) -> bool:
        """Queued on or running in this manager's pool (not yet seen finished by the GUI)."""
        return job_id in self._slots

    # -- submit, retry ------------------------------------------------------------------------
    def submit(self, paths: list[Path], options: ConvertOptions | None = None,
               force: bool = False) -> list[SubmitOutcome]:
        """One job per file, unless the same content (SHA-256) is already known; see SubmitOutcome.

        Hashes and copies each file into the data folder (one read of the file per pass), so a
        retry works after the original is moved or deleted.
        """
        opts = options_to_dict(options or ConvertOptions())
        existing, error = self._copy_existing(opts)
        if error is not None:  # no job compared with part of what the person asked for
            return [SubmitOutcome(Path(p), ERROR, error=error) for p in paths]
        outcomes = [self._submit_one(Path(p), opts, force, existing) for p in paths]
        self.store.forget_unused(existing)  # copied for jobs none of which was created or relinked
        return outcomes

    def _copy_existing(self, opts: dict, known: list[dict] = ()) -> tuple[list[dict], Message | None]:
        """The files of contacts already in GHL ``opts`` names, copied into the data folder off the
        GUI thread (``JobStore.copy_existing``): (their records, None), or ([], why one cannot be)."""
        paths = [Path(p) for p in opts.get("existing") or []]
        if not paths:
            return [], None
        limits = options_from_dict(opts).limits
        for p in paths:
            try:
                check_size(p.name, p.stat().st_size, limits)
            except InputError as exc:
                return [], Message(M.EXISTING_UNREADABLE, exc.message)
            except OSError:
                pass  # copy_existing says why (or the job already holds a copy of it)
        try:
            return run_keeping_events(lambda: self.store.copy_existing(paths, known)), None
        except OSError as exc:
            name = Path(exc.filename).name if exc.filename else ", ".join(p.name for p in paths)
            return [], Message(M.EXISTING_UNREADABLE, Message(M.FILE_OS_ERROR, name, M.os_reason(exc)))

    def set_existing(self, job_id: str, paths: list) -> Message | None:
        """Compare a finished job with these files of contacts already in GHL (none: stop
        comparing) and convert it again. New files are copied into the data folder; a path the
        job already holds (its original, even moved or deleted since, or its copy) keeps its copy.
        Returns why a file cannot be used (the job is then left as it was), else None.

        Raises ``IllegalTransition`` for a job that is queued or processing, ``KeyError`` for an
        unknown one."""
        job = self.store.get(job_id)
        if job is None:
            raise KeyError(job_id)
        if job.status in S.ACTIVE:
            raise S.IllegalTransition("wait for or cancel the job before changing what it is compared with")
        options = dict(job.options)
        options.pop("existing", None)
        if paths:
            options["existing"] = [str(p) for p in paths]
        existing, error = self._copy_existing(options, job.existing_files)
        if error is not None:
            return error
        self.store.relink(job_id, Path(job.original_path), Path(job.stored_path), options, existing)
        self._requeue(job_id)
        return None

    def _submit_one(self, path: Path, opts: dict, force: bool, existing: list[dict]) -> SubmitOutcome:
        try:  # over the size limit: refused before it is hashed and copied into the data folder
            check_size(path.name, path.stat().st_size, options_from_dict(opts).limits)
        except InputError as exc:
            return SubmitOutcome(path, ERROR, error=exc.message)
        except OSError:
            pass  # store_copy below says why the file cannot be read

        def copy_in():
            """Hash and copy the file into the data folder and, when its content is new, create its
            job row: both off the GUI thread (the row's insert waits for a full disk flush, which the
            window would feel as a stall at the drop)."""
            sha, size, stored = self.store.data.store_copy(path)
            known = [j for j in self.store.find_by_sha(sha) if not j.files_purged]
            job = None if known else self.store.create(path, sha, size, stored, opts, existing)
            return stored, known, job

        try:
            stored, known, job = run_keeping_events(copy_in)
        except OSError as exc:
            return SubmitOutcome(path, ERROR, error=Message(M.FILE_OS_ERROR, path.name, M.os_reason(exc)))
        if job is not None:
            self.jobAdded.emit(job.id)
            self._enqueue(job.id)
            return SubmitOutcome(path, NEW, job.id)
        active = next((j for j in known if j.status in S.ACTIVE), None)
        if active is not None:
            return SubmitOutcome(path, ACTIVE, active.id)
        latest = known[0]  # the content is known (else its job was just created)
        if latest.status == S.DONE and not force:
            return SubmitOutcome(path, DONE_BEFORE, latest.id, needs_choice=True)
        self.store.relink(latest.id, path, stored, opts, existing)
        self._requeue(latest.id)
        return SubmitOutcome(path, REPROCESSED if latest.status == S.DONE else RETRIED, latest.id)

    def retry(self, job_id: str) -> None:
        """Run a failed or cancelled job again (or a done one: process again with its mapping).

        Raises ``IllegalTransition`` for a job that is queued or processing.
        """
        self._requeue(job_id)

    def _requeue(self, job_id: str) -> None:
        self.store.transition(job_id, S.QUEUED)
        self.jobChanged.emit(job_id)
        self._enqueue(job_id)

    def _enqueue(self, job_id: str) -> None:
        signals = _JobSignals(self)
        signals.started.connect(self._on_started)
        signals.progress.connect(self._on_progress)
        signals.rowsReady.connect(self._on_rows)
        signals.finished.connect(self._on_finished)
        cancel = threading.Event()
        runnable = _JobRunnable(self.store, job_id, self.engine, cancel, signals)
        self._slots[job_id] = _Slot(runnable, signals, cancel)
        self.pool.start(runnable)

    # -- cancel, delete, clear ----------------------------------------------------------------
    def cancel(self, job_id: str) -> bool:
        """Stop a job: a queued one at once, a running one at its next chunk. False if not active."""
        slot = self._slots.get(job_id)
        if slot is None:
            return False
        slot.cancel.set()
        if self.pool.tryTake(slot.runnable):  # never started: it will not run, so finish it here
            self.store.transition(job_id, S.CANCELLED, stage="")
            self._on_finished(job_id, S.CANCELLED)
        return True

    def delete(self, job_id: str) -> None:
        """Delete a job with its stored copy and results (a running one once it has stopped)."""
        if self.cancel(job_id) and job_id in self._slots:
            self._delete_when_finished.add(job_id)
            return
        self.store.delete(job_id)
        self.jobRemoved.emit(job_id)

    def clear_history(self, timeout_ms: int = 10_000) -> None:
        """Cancel everything, then delete every job, stored copy, result and remembered mapping."""
        for job_id in list(self._slots):
            self.cancel(job_id)
        self.pool.waitForDone(timeout_ms)
        self.store.clear_history()  # raises if a job did not stop in time: nothing is half-cleared
        for slot in self._slots.values():
            slot.signals.deleteLater()
        self._slots.clear()
        self._delete_when_finished.clear()
        self.jobRemoved.emit("")

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """On closing the app: cancel queued and running jobs and wait for them briefly.

        Returns False if a job did not stop in time; the next start then marks it interrupted.
        """
        for job_id in list(self._slots):
            self.cancel(job_id)
        return self.pool.waitForDone(timeout_ms)

    # -- worker → GUI (runs in the GUI thread) ------------------------------------------------
    # A job no longer in ``_slots`` was cleared (clear_history) while its last signals were still
    # queued: they are dropped, so the window never hears of a job the history no longer has.
    @Slot(str)
    def _on_started(self, job_id: str) -> None:
        if job_id in self._slots:
            self.jobChanged.emit(job_id)

    @Slot(str, int, str)
    def _on_progress(self, job_id: str, percent: int, stage: str) -> None:
        if job_id in self._slots:
            self.progress.emit(job_id, percent, stage)
            self.jobChanged.emit(job_id)

    @Slot(str, object)
    def _on_rows(self, job_id: str, chunk: object) -> None:
        if job_id in self._slots:
            self.rowsReady.emit(job_id, chunk)

    @Slot(str, str)
    def _on_finished(self, job_id: str, status: str) -> None:
        slot = self._slots.pop(job_id, None)
        if slot is None:
            return
        slot.signals.deleteLater()
        if job_id in self._delete_when_finished:
            self._delete_when_finished.discard(job_id)
            self.store.delete(job_id)
            self.jobRemoved.emit(job_id)
            return
        self.jobChanged.emit(job_id)
        self.jobFinished.emit(job_id, status)

"""Run a function on the global thread pool and get its result back in the GUI thread.

The window's own heavy steps (loading a saved result, re-normalizing after a mapping change,
exporting, searching a large table) go through here so the GUI thread never waits on them.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)

_alive: set["_Task"] = set()  # keeps each task's signal object alive until it has reported


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the caller's on_error in the GUI thread
            log.warning("background task failed: %s", traceback.format_exc())
            self.signals.failed.emit(exc, traceback.format_exc())
            return
        self.signals.done.emit(result)


def run_in_pool(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """``fn()`` on ``QThreadPool.globalInstance()``; ``on_done(result)`` or ``on_error(exc, tb)`` after.

    Without ``on_error`` the exception is re-raised in the GUI thread, so the app's exception hook
    shows it and logs it. ``owner``: the widget the callbacks update; when it is gone by the time
    the answer comes (the window closed meanwhile) the answer is dropped, not shown on deleted
    widgets.
    """
    task = _Task(fn)

    def finish_ok(result: Any) -> None:
        _alive.discard(task)
        if owner is not None and not isValid(owner):
            return
        on_done(result)

    def finish_err(exc: BaseException, tb: str) -> None:
        _alive.discard(task)
        if owner is not None and not isValid(owner):
            return
        if on_error is None:
            raise exc
        on_error(exc, tb)

    task.signals.done.connect(finish_ok)
    task.signals.failed.connect(finish_err)
    _alive.add(task)
    QThreadPool.globalInstance().start(task)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

"""What a long conversion tells its caller, and asks of it: one object, as Orange3's ``TaskState``.

The window's jobs, the command line and the tests each make one ``TaskState`` with the callbacks
they care about, and hand it to ``convert``, ``reconvert`` or an export: progress, the rows ready
for a live preview, and whether the person asked to stop. The engine's functions pass it along
instead of three callables each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .errors import Cancelled

if TYPE_CHECKING:
    from .table import ContactTable

#: The stages of a conversion, in order, and the overall fraction at which each begins (writing is
#: the caller's: saving or exporting the result).
STAGES = ("reading", "mapping", "normalizing", "merging", "writing")
_STAGE_START = {"reading": 0.0, "mapping": 0.30, "normalizing": 0.33, "merging": 0.90, "writing": 0.95}


class TaskState:
    """Progress out, partial rows out, cancel in. Every callback is optional."""

    def __init__(
        self,
        progress: Callable[[str, float], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        on_rows: Callable[["ContactTable"], None] | None = None,
    ) -> None:
        #: ``progress(stage, overall)``: overall runs from 0 to 1 and never goes back.
        self._progress = progress
        self._cancel = cancel
        self._on_rows = on_rows
        self._last = -1.0

    def set_progress(self, stage: str, within: float = 0.0) -> None:
        """``within`` (0-1) of ``stage`` done; told to the caller as one monotonic overall fraction."""
        if self._progress is None:
            return
        i = STAGES.index(stage)
        start = _STAGE_START[stage]
        end = _STAGE_START[STAGES[i + 1]] if i + 1 < len(STAGES) else 1.0
        frac = max(self._last, start + (end - start) * min(max(within, 0.0), 1.0))
        self._last = frac
        self._progress(stage, frac)

    def is_cancelled(self) -> bool:
        return self._cancel is not None and bool(self._cancel())

    def check(self) -> None:
        """Raise :class:`Cancelled` if the caller asked to stop (called between chunks)."""
        if self.is_cancelled():
            raise Cancelled()

    @property
    def wants_rows(self) -> bool:
        """True when the caller shows rows as they are ready (a live preview)."""
        return self._on_rows is not None

    def set_partial_rows(self, table: "ContactTable") -> None:
        """Rows ready before the whole conversion is (in order, none twice)."""
        if self._on_rows is not None:
            self._on_rows(table)


def as_state(state: TaskState | None) -> TaskState:
    """``state``, or a state that reports nothing and never cancels."""
    return state if state is not None else TaskState()

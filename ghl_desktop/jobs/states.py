"""Job states and the one place their transitions are validated."""

from __future__ import annotations

QUEUED = "queued"
PROCESSING = "processing"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"

ALL = (QUEUED, PROCESSING, DONE, FAILED, CANCELLED)
FINISHED = frozenset({DONE, FAILED, CANCELLED})
ACTIVE = frozenset({QUEUED, PROCESSING})

#: Every legal move. queued/processing → failed also covers "interrupted" (crash or kill).
LEGAL: dict[str, frozenset[str]] = {
    QUEUED: frozenset({PROCESSING, CANCELLED, FAILED}),
    PROCESSING: frozenset({DONE, FAILED, CANCELLED}),
    DONE: frozenset({QUEUED}),  # process again
    FAILED: frozenset({QUEUED}),  # retry
    CANCELLED: frozenset({QUEUED}),  # retry
}


class IllegalTransition(ValueError):
    """A job was asked to move between states that do not connect."""


def check_transition(old: str, new: str) -> None:
    if new not in LEGAL.get(old, frozenset()):
        raise IllegalTransition(f"a job cannot go from {old!r} to {new!r}")

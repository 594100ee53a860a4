"""Tags: one cell may hold several; GHL splits tags on commas *and periods*, so neither may remain.

A cell is split on ``, ; |`` and newlines. Inside a tag, a run of periods between two non-space
characters becomes one hyphen (``v1.2`` → ``v1-2``, so the tag stays one tag and readable); any
other period is dropped (``Sr. Cliente`` → ``Sr Cliente``, ``vip.`` → ``vip``).
"""

from __future__ import annotations

import re
from typing import Iterable

_SPLIT = re.compile(r"[,;|\n\r]+")
_INNER_PERIODS = re.compile(r"(?<=[^\s.])\.+(?=[^\s.])")


def clean_tag(tag: str) -> str:
    """One tag with collapsed spaces and no period or comma; "" when nothing is left."""
    tag = " ".join(tag.replace(",", " ").split())
    tag = _INNER_PERIODS.sub("-", tag)
    return " ".join(tag.replace(".", " ").split())


def split_tags(raw: str) -> tuple[str, ...]:
    return tuple(t for t in (clean_tag(p) for p in _SPLIT.split(raw or "")) if t)


def join_tags(tags: Iterable[str]) -> str:
    """``", "``-joined, first spelling kept when the same tag appears in another case; empties skipped."""
    seen: dict[str, str] = {}
    for t in tags:
        t = " ".join((t or "").split())
        if t:
            seen.setdefault(t.casefold(), t)
    return ", ".join(seen.values())

"""Tags: one cell may hold several; GHL splits tags on commas *and periods*, so neither may remain."""

from __future__ import annotations

import re
from typing import Iterable

_SPLIT = re.compile(r"[,;|\n\r]+")
_INNER_PERIOD = re.compile(r"(?<=\S)\.(?=\S)")


def clean_tag(tag: str) -> str:
    tag = _INNER_PERIOD.sub("-", " ".join(tag.split()))
    return " ".join(tag.replace(".", " ").split())


def split_tags(raw: str) -> tuple[str, ...]:
    return tuple(t for t in (clean_tag(p) for p in _SPLIT.split(raw or "")) if t)


def join_tags(tags: Iterable[str]) -> str:
    seen: dict[str, str] = {}
    for t in tags:
        seen.setdefault(t.casefold(), t)
    return ", ".join(seen.values())

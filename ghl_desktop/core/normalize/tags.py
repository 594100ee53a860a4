"""Tags: one cell may hold several; GHL splits tags on commas *and periods*, so neither may remain.

A cell is split on ``, ; |``, newlines and Google's `` ::: ``. Inside a tag, a run of periods between two non-space
characters becomes one hyphen (``v1.2`` → ``v1-2``, so the tag stays one tag and readable); any
other period is dropped (``Sr. Cliente`` → ``Sr Cliente``, ``vip.`` → ``vip``).

Google Contacts marks its own labels with ``* `` (``* myContacts ::: * starred ::: Clientes``):
"in my contacts" and "starred" say nothing about the person and are not tags; the marker is
dropped from Google's other own labels (``* friends`` → ``friends``).
"""

from __future__ import annotations

import re
from typing import Iterable

from .multi import GOOGLE_SEPARATOR_PATTERN

_SPLIT = re.compile(r"[,;|\n\r]+|" + GOOGLE_SEPARATOR_PATTERN)
#: Google's own labels, as its exports write them ("* myContacts"; older ones "System Group: ...").
_GOOGLE_LABEL = re.compile(r"^(?:\*\s+|system group:\s*)", re.IGNORECASE)
#: Of those, the ones that are not tags (folded: lower case, no spaces).
GOOGLE_NOT_TAGS = frozenset({"mycontacts", "starred"})
_INNER_PERIODS = re.compile(r"(?<=[^\s.])\.+(?=[^\s.])")


def clean_tag(tag: str) -> str:
    """One tag with collapsed spaces and no period or comma; "" when nothing is left."""
    tag = " ".join(tag.replace(",", " ").split())
    tag = _INNER_PERIODS.sub("-", tag)
    return " ".join(tag.replace(".", " ").split())


def _own_label(part: str) -> str:
    """``part`` without Google's ``* `` marker; "" for Google's labels that are not tags."""
    m = _GOOGLE_LABEL.match(part.strip())
    if m is None:
        return part
    rest = part.strip()[m.end():]
    return "" if "".join(rest.split()).casefold() in GOOGLE_NOT_TAGS else rest


def split_tags(raw: str) -> tuple[str, ...]:
    return tuple(t for t in (clean_tag(_own_label(p)) for p in _SPLIT.split(raw or "")) if t)


def join_tags(tags: Iterable[str]) -> str:
    """``", "``-joined, first spelling kept when the same tag appears in another case; empties skipped."""
    seen: dict[str, str] = {}
    for t in tags:
        t = " ".join((t or "").split())
        if t:
            seen.setdefault(t.casefold(), t)
    return ", ".join(seen.values())

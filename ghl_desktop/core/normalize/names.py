"""Person and place names: tidy spacing, fix SHOUTING or all-lower text, keep what a person typed.

Mixed case is a person's deliberate spelling (``McDonald``, ``João da Silva``) and is kept. Only text
that is entirely upper or lower case is re-cased, with Portuguese particles kept lower case.
"""

from __future__ import annotations

import re

PARTICLES = frozenset({"da", "de", "do", "das", "dos", "e"})
_WORD_START = re.compile(r"(^|[-'’])(\w)")


def _capitalize(word: str) -> str:
    return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), word)


def normalize_name(raw: str) -> str:
    text = " ".join((raw or "").split())
    if not text or not any(c.isalpha() for c in text):
        return text
    if not (text.isupper() or text.islower()):
        return text
    words = text.lower().split(" ")
    return " ".join(
        w if i > 0 and w in PARTICLES else _capitalize(w) for i, w in enumerate(words)
    )


def split_full_name(raw: str) -> tuple[str, str]:
    """First word is the first name, the rest the last name (``Maria da Silva`` → ``da Silva``)."""
    name = normalize_name(raw)
    first, _, last = name.partition(" ")
    return first, last

"""Person and place names: tidy spacing, fix SHOUTING or all-lower words, keep what a person typed.

Each word is judged on its own, so a name put together from two cells or split from a full name
(``Lucas LIMA``, ``joão Ribeiro``) is fixed part by part. A word in mixed case is a person's
deliberate spelling (``McDonald``, ``Silva``) and is kept. A word all in upper case or all in lower
case is re-cased: capitalized after a start, hyphen or apostrophe (``D'ÁVILA`` → ``D'Ávila``,
``ANA-LUIZA`` → ``Ana-Luiza``), Portuguese particles kept lower except as the first word, and Roman
numerals kept upper (``JOÃO II``).
"""

from __future__ import annotations

import re
import unicodedata

PARTICLES = frozenset({"da", "de", "do", "das", "dos", "e"})
ROMAN_NUMERALS = frozenset({"ii", "iii", "iv"})
#: A letter that starts a word part: after the start, a hyphen, an apostrophe, a bracket or a quote.
_PART_START = re.compile(r"(^|[-'’‘`´(\"/.])([^\W\d_])")
#: Invisible characters that sneak in from web forms and PDFs and are never part of a name.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def _clean(raw: str) -> str:
    text = (raw or "").translate(_INVISIBLE)
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())


def _capitalize(word: str) -> str:
    if word in ROMAN_NUMERALS:
        return word.upper()
    return _PART_START.sub(lambda m: m.group(1) + m.group(2).title(), word)


def _fix_word(word: str, first: bool) -> str:
    """Re-case one word typed all upper or all lower; a word in mixed case is kept as typed."""
    if not (word.isupper() or word.islower()):
        return word
    word = word.lower()
    return word if not first and word in PARTICLES else _capitalize(word)


def normalize_name(raw: str) -> str:
    text = _clean(raw)
    if not any(c.isalpha() for c in text):
        return text
    return " ".join(_fix_word(w, i == 0) for i, w in enumerate(text.split(" ")))


def split_full_name(raw: str) -> tuple[str, str]:
    """First word is the first name, the rest the last name (``MARIA DA SILVA`` → ``da Silva``)."""
    name = normalize_name(raw)
    first, _, last = name.partition(" ")
    return first, last

"""Person and place names: tidy spacing, fix SHOUTING or all-lower text, keep what a person typed.

Mixed case is a person's deliberate spelling (``McDonald``, ``João da Silva``) and is kept. Only a
name whose words are all upper case (``JOÃO DA SILVA``, also ``JOÃO da SILVA`` from systems that
lower the particles) or all lower case is re-cased: each word capitalized after a start, hyphen or
apostrophe (``D'ÁVILA`` → ``D'Ávila``, ``ANA-LUIZA`` → ``Ana-Luiza``), Portuguese particles kept
lower except as the first word, and Roman numerals kept upper (``JOÃO II``).
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


def _is_shouting(words: list[str]) -> bool:
    """Every cased word is upper case, particles aside (they may have been lowered by a CRM)."""
    cased = [w for w in words if any(c.isalpha() for c in w) and w not in PARTICLES]
    return bool(cased) and all(w.isupper() for w in cased)


def normalize_name(raw: str) -> str:
    text = _clean(raw)
    if not any(c.isalpha() for c in text):
        return text
    words = text.split(" ")
    if not (text.islower() or _is_shouting(words)):
        return text
    words = text.lower().split(" ")
    return " ".join(w if i > 0 and w in PARTICLES else _capitalize(w) for i, w in enumerate(words))


def split_full_name(raw: str) -> tuple[str, str]:
    """First word is the first name, the rest the last name (``MARIA DA SILVA`` → ``da Silva``)."""
    name = normalize_name(raw)
    first, _, last = name.partition(" ")
    return first, last

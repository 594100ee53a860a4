"""Several values in one cell, as Google Contacts writes them: joined by `` ::: ``.

Google's export puts every value of one kind and label in one cell (two work phones, two home
addresses, every label of a contact): ``+55 11 98765-4321 ::: +55 11 3333-4444``. Each normalizer
splits on it the way it splits on its own separators; this module is the one place that says how
the separator looks.
"""

from __future__ import annotations

import re

#: Google's separator, with any spaces around it.
GOOGLE_SEPARATOR = re.compile(r"\s*:::\s*")
#: The same as a regex alternative, for normalizers that add it to their own separators and strip
#: the parts they split (the spaces around it go with the strip: a plain ``:::`` keeps their
#: split as quick as before).
GOOGLE_SEPARATOR_PATTERN = ":::"


def split_values(text: str) -> list[str]:
    """The non-empty, stripped values of a cell joined with `` ::: `` (the cell itself if not)."""
    if ":::" not in text:
        return [text]
    return [p for p in (s.strip() for s in GOOGLE_SEPARATOR.split(text)) if p]

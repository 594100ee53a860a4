"""Which rows of the files of contacts already in GHL can match, without normalizing them all.

A GHL contacts export of 500,000 rows against a list of 100,000: normalizing every existing email
and phone (``phonenumbers`` takes ~90 µs for a number outside Brazil) would cost seconds, and
almost none of them match. :class:`KeyIndex` finds, with C-speed string work, a *superset* of the
existing rows whose normalized email, phone or Contact Id can equal a given normalized key; only
those are normalized, exactly, by the rules (``core/existing.py`` checks equality on the rules'
values, so a row wrongly found costs a normalization and nothing else).

Why no matching row is missed (``tests/core/test_existing.py`` checks it against normalizing
every row, over generated values of many countries and shapes):

- a *plain* email cell (ASCII, one ``@``, only ``A-Z a-z 0-9 _ % + - .``, starting and ending
  with a letter or digit) is normalized by the rules to itself lower-cased or refused: nothing
  is trimmed or split, and email-validator only lower-cases an ASCII domain. So it is a candidate
  for key ``k`` only if ``cell.lower() == k``;
- a *plain* phone cell (``+`` then 11 to 15 ASCII digits: how GHL exports phones) is read by its
  country code whatever the row's country, and the rules' E.164 either is the same digits, or
  drops a national or carrier prefix after the country code, or adds Brazil's ninth digit after
  the area code: each keeps the last :data:`PHONE_SUFFIX` digits (the national number left is
  longer than that). So it is a candidate for key ``k`` only if their last digits agree;
- a Contact Id is matched on its words (the rules' ``clean_text``: spaces trimmed and runs made one);
- every other cell ("odd": several values, spaces, other layouts) is always a candidate, so the
  rules normalize it (GHL's own export has none; a messy file has many, and is then simply
  normalized in full).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, compress
from operator import itemgetter
from typing import Iterable, Sequence

#: Digits at the end of a phone that its normalization never changes (see the module's docstring).
PHONE_SUFFIX = 7

_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_%+.\-]*[A-Za-z0-9])?@[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?")
_PLAIN_PHONE = re.compile(r"\+[0-9]{11,15}")

#: A phone cell's last ``PHONE_SUFFIX`` characters (``operator.itemgetter``: no Python call a cell).
_suffix = itemgetter(slice(-PHONE_SUFFIX, None))

#: (the number of the column's first row among all existing rows, the column's raw cells)
Column = tuple[int, list[str]]


class KeyIndex:
    """Candidate existing rows by key, over the existing files' raw key cells.

    ``emails``/``phones``/``ids``: the raw cells of the columns feeding emails, phones and the
    Contact Id, each as (the number of its file's first row, the column): existing rows are
    numbered across all files. Odd cells are found once here; the lookups by one key are
    dictionaries built on first use.
    """

    def __init__(self, n_rows: int, emails: Sequence[Column], phones: Sequence[Column],
                 ids: Sequence[Column]) -> None:
        self.n_rows = n_rows
        self._emails, self._phones, self._ids = list(emails), list(phones), list(ids)
        odd: set[int] = set()
        for at, col in self._emails:
            odd.update(_odd_rows(at, col, _PLAIN_EMAIL))
        for at, col in self._phones:
            odd.update(_odd_rows(at, col, _PLAIN_PHONE))
        #: Rows with a key cell of no plain shape: candidates for every key.
        self.odd: list[int] = sorted(odd)
        self._by_email: dict[str, list[int]] | None = None
        self._by_suffix: dict[str, list[int]] | None = None
        self._by_id: dict[str, list[int]] | None = None

    # -- many keys at once (a conversion): set arithmetic, no dictionary of every row ------------
    def candidates(self, emails: Iterable[str], phones: Iterable[str], ids: Iterable[str]) -> list[int]:
        """The existing rows that may match any of these normalized keys (the odd rows included)."""
        found = set(self.odd)
        wanted = set(emails)
        wanted.discard("")
        if wanted:
            for at, col in self._emails:
                found.update(compress(range(at, at + len(col)), map(wanted.__contains__, map(str.lower, col))))
        suffixes = {p[-PHONE_SUFFIX:] for p in phones if p}
        if suffixes:
            for at, col in self._phones:
                found.update(compress(range(at, at + len(col)), map(suffixes.__contains__, map(_suffix, col))))
        wanted_ids = set(ids)
        wanted_ids.discard("")
        if wanted_ids:
            for at, col in self._ids:
                found.update(compress(range(at, at + len(col)), map(wanted_ids.__contains__, map(_words, col))))
        return sorted(found)

    # -- one key (a review edit) --------------------------------------------------------------------
    def for_email(self, key: str) -> list[int]:
        if self._by_email is None:
            self._by_email = _index(self._emails, str.lower)
        return self._by_email.get(key, []) + self.odd

    def for_phone(self, key: str) -> list[int]:
        if self._by_suffix is None:
            self._by_suffix = _index(self._phones, _suffix)
        return self._by_suffix.get(key[-PHONE_SUFFIX:], []) + self.odd

    def for_id(self, key: str) -> list[int]:
        if self._by_id is None:
            self._by_id = _index(self._ids, _words)
        return self._by_id.get(key, [])


def _words(value: str) -> str:
    return " ".join(value.split())


def _odd_rows(at: int, col: list[str], plain: re.Pattern) -> list[int]:
    """Rows whose cell is neither empty nor of the plain shape. One regex scan of the column
    joined by line breaks finds the lines that are not plain (C speed; usually none); a cell
    holding a line break itself makes it go cell by cell."""
    joined = "\n".join(col)
    if joined.count("\n") != len(col) - 1:
        return list(compress(range(at, at + len(col)), (v and plain.fullmatch(v) is None for v in col)))
    odd = re.compile(rf"^(?!{plain.pattern}$).+$", re.M)
    hits = [m.start() for m in odd.finditer(joined)]
    if not hits:
        return []
    starts = list(accumulate((len(v) + 1 for v in col), initial=0))
    return [at + bisect_right(starts, h) - 1 for h in hits]


def _index(columns: Sequence[Column], key) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for at, col in columns:
        for r, v in enumerate(col, at):
            if v:
                out.setdefault(key(v), []).append(r)
    return out

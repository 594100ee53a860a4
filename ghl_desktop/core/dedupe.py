"""Merge rows that are the same person: they share a normalized email or an E.164 phone.

What makes a duplicate is GHL's own setting: an email or a phone (the default, ``BY_EMAIL_PHONE``),
the email only, or the phone only (``ConvertOptions.dedupe_by``). A merge that joined rows with
different emails (a shared company switchboard) or different names is flagged (``MERGE_CHECK``)
so a person can look, and split it back (``edits.split_merged``).

Shared keys chain (A shares an email with B, B a phone with C: one contact), so groups come from a
union-find over the keys. The first row of a group is kept; for each field the first non-empty value
wins, and tags, extra emails and extra phones are unioned. Problems that the merge resolved (an
invalid email when another row supplied a valid one) are dropped; the rest travel with the contact.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, repeat
from typing import Callable

from . import schema as F
from .schema import Schema
from . import messages as M
from .messages import Message
from .normalize import join_tags, normalize_options, split_tags
from .table import ERROR_KINDS, MERGE_CHECK, NO_CONTACT, ROW, ContactTable, Problem, true_positions

#: What makes two rows one contact (GHL's deduplication setting).
BY_EMAIL_PHONE, BY_EMAIL, BY_PHONE = "email_phone", "email", "phone"
DEDUPE_BY = (BY_EMAIL_PHONE, BY_EMAIL, BY_PHONE)


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def _suspects(*key_lists: list[str]) -> set[str]:
    """A small superset of the non-empty keys that occur more than once in ``key_lists``."""
    watch = _KeyWatch()
    for keys in key_lists:
        watch.add(keys)
    return watch.suspects()


class _KeyWatch:
    """Keys seen so far, and a small superset of the ones seen more than once: fed list by list.

    Nearly every key is unique, so this is set work done by C in blocks: a block whose keys (empty
    ones aside) all grow the set holds no key seen before, and the keys of any other block are
    suspects. One set insert per key; a dict of key -> first row (``setdefault`` per key) costs
    about twice as much at a million rows. Empty cells are counted out per block, where the block
    is still in the CPU cache, rather than filtered out in a pass of their own.
    """

    def __init__(self) -> None:
        self.seen = {""}
        self.older: list[set[str]] = []  # full sets, each at most _SET_CAP keys (see below)
        self._suspects: set[str] = set()

    def add(self, keys: list[str]) -> None:
        seen, older, suspects = self.seen, self.older, self._suspects
        for start in range(0, len(keys), _BLOCK):
            block = keys[start:start + _BLOCK]
            before = len(seen)
            seen.update(block)
            grown = len(seen) - before
            if (grown != len(block) and grown != len(block) - block.count("")) or any(
                    not o.isdisjoint(block) for o in older):
                suspects.update(block)
            if len(seen) > _SET_CAP:
                seen.discard("")
                older.append(seen)
                seen = self.seen = {""}

    def suspects(self) -> set[str]:
        return self._suspects - {""}

    def release(self) -> None:
        """Let go of the key sets one at a time (see ``DuplicateWatch.release``)."""
        older = self.older
        while older:
            older.pop()  # one set freed per step, with the GIL free between steps
        self.seen = {""}


@dataclass(frozen=True)
class Suspects:
    """The keys that may occur more than once in the first ``rows`` rows of a table."""

    emails: frozenset[str]
    phones: frozenset[str]
    rows: int


class DuplicateWatch:
    """The email and phone keys of a table's rows, fed chunk by chunk as the table is assembled.

    ``merge_duplicates(table, watch.suspects())`` then starts from the suspects instead of a pass
    over every key: the set work (most of a merge) is done while the other process still
    normalizes, rather than after, when this process works alone. The watch's key sets (tens of
    MB at a million rows) should be dropped before the merge builds its new table.
    """

    def __init__(self) -> None:
        self.emails = _KeyWatch()
        self.phones = _KeyWatch()
        self.rows = 0

    def add(self, chunk: ContactTable) -> None:
        """The next rows of the table (in table order)."""
        cols = chunk.columns
        self.emails.add(cols[F.EMAIL])
        self.emails.add(_extra_keys(cols[F.ADDITIONAL_EMAILS])[0])
        self.phones.add(cols[F.PHONE])
        self.phones.add(_extra_keys(cols[F.ADDITIONAL_PHONES])[0])
        self.rows += len(chunk)

    def suspects(self) -> Suspects:
        return Suspects(frozenset(self.emails.suspects()), frozenset(self.phones.suspects()), self.rows)

    def release(self) -> None:
        """Free the key sets a set at a time, before the merge (its suspects are taken already).

        Freeing a set touches every key it holds (millions, far apart in memory) in one C call
        holding the GIL: freed all at once, the watch of a million rows would stall the window.
        A set holds at most ``_SET_CAP`` keys, so each call stays short.
        """
        self.emails.release()
        self.phones.release()


def _extra_keys(extra: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(keys, non-empty cells, pieces) of an extra column (comma-separated, mostly empty cells),
    split and stripped like ``_split_list`` but all at once: the pieces of ",".join(cells).split(",")
    are the cells' pieces in order, cell i giving cells[i].count(",") + 1 of them."""
    cells: list[str] = []
    for a in range(0, len(extra), _SCAN):  # a slice at a time: no single C call over every row
        part = extra[a:a + _SCAN]
        cells += compress(part, part)
    pieces = list(map(str.strip, ",".join(cells).split(","))) if cells else []
    return list(compress(pieces, pieces)), cells, pieces


_BLOCK = 256
#: Items per C-level scan (``_positions``, ``_extra_keys``): each scan holds the GIL, and cells far
#: apart in memory make a long one slow, so no scan covers more than this many cells.
_SCAN = 16_384


def _positions(pred, items: list[str]) -> list[int]:
    """``true_positions(map(pred, items))``, a slice at a time so no single call holds the GIL long."""
    out: list[int] = []
    for a in range(0, len(items), _SCAN):
        found = true_positions(map(pred, items[a:a + _SCAN]))
        out += [a + i for i in found] if a else found
    return out


#: Keys per set. Growing a set rehashes all of it, into fresh memory, in one C call holding the
#: GIL; CPython's sets grow at ~157k, ~315k and ~630k keys, and the growth at ~630k is long enough
#: to stall the window while a conversion keeps both cores busy. A set of at most this size last
#: grows at ~315k keys. The price: keys past the first set are also looked up in the older set(s).
_SET_CAP = 600_000


def _links(main: list[str], extra: list[str], n: int, suspects: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """(row that first had a key, a later row with the same key) for one kind of key (emails or
    phones: the non-empty cells of the main column and the comma-separated extra one).

    Column-wise with C-level loops: at a million rows a generator or an f-string per row costs
    seconds. Only the rows holding a suspect key (``suspects``, from ``_suspects`` unless given)
    are looked at one by one.
    """
    if len(main) != n:
        main = main[:n]
    if len(extra) != n:
        extra = extra[:n]
    if suspects is not None and not suspects:
        return []
    extra_keys, cells, pieces = _extra_keys(extra)
    if suspects is None:
        suspects = _suspects(main, extra_keys)
        if not suspects:
            return []
    suspect = suspects.__contains__
    pairs = [(main[r], r) for r in _positions(suspect, main)]
    hits = _positions(suspect, extra_keys)
    if hits:
        counts = map((1).__add__, map(str.count, cells, repeat(",")))
        piece_rows = chain.from_iterable(map(repeat, compress(range(n), extra), counts))
        extra_rows = list(compress(piece_rows, pieces))
        pairs += [(extra_keys[i], extra_rows[i]) for i in hits]
    owner: dict[str, int] = {}
    links = []
    for key, r in pairs:
        first = owner.setdefault(key, r)
        if first != r:
            links.append((first, r))
    return links


def _merged_groups(table: ContactTable, suspects: Suspects | None = None,
                   by: str = BY_EMAIL_PHONE) -> list[list[int]]:
    """The groups of two or more rows, each in row order, groups ordered by their first row.
    ``suspects``: watched as the table was assembled (ignored unless every row was watched).
    ``by``: which keys make a duplicate (``DEDUPE_BY``)."""
    n = len(table)
    cols = table.columns
    if suspects is not None and suspects.rows != n:
        suspects = None
    links = []
    if by != BY_PHONE:
        links += _links(cols[F.EMAIL], cols[F.ADDITIONAL_EMAILS], n, suspects and suspects.emails)
    if by != BY_EMAIL:
        links += _links(cols[F.PHONE], cols[F.ADDITIONAL_PHONES], n, suspects and suspects.phones)
    if not links:
        return []
    # Union-find over just the rows that share a key; the root of a group is its smallest row.
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while (up := parent.get(root, root)) != root:
            root = up
        while x != root:
            x, parent[x] = parent[x], root
        return root

    for a, b in links:
        a, b = find(a), find(b)
        if a != b:
            if a < b:
                parent[b] = a
            else:
                parent[a] = b
    groups: dict[int, list[int]] = {}
    for r in sorted({r for link in links for r in link}):
        groups.setdefault(find(r), []).append(r)  # smallest row first: groups come in root order
    return list(groups.values())


def duplicate_groups(table: ContactTable, by: str = BY_EMAIL_PHONE) -> list[list[int]]:
    """Rows grouped by identity, each group in row order, groups ordered by their first row."""
    merged = _merged_groups(table, by=by)
    if not merged:
        return [[r] for r in range(len(table))]
    by_first = {g[0]: g for g in merged}
    inner = {r for g in merged for r in g[1:]}
    return [by_first.get(r, [r]) for r in range(len(table)) if r not in inner]


#: ``before_drop(table, drop, heads)`` of an in-place merge: the table as it was, the rows about to
#: go, and each kept group's first row with its merged values (``MergedHeads``).
BeforeDrop = Callable[[ContactTable, list[int], "MergedHeads"], None]


@dataclass(frozen=True)
class MergedHeads:
    """The first row of each group of duplicates (as numbered before the merge) and, in ``table``
    row ``i``, the values and review data that ``rows[i]`` gets from the merge."""

    rows: list[int]
    table: ContactTable


def merge_duplicates(table: ContactTable, suspects: Suspects | None = None, *,
                     in_place: bool = False, before_drop: BeforeDrop | None = None,
                     by: str = BY_EMAIL_PHONE) -> tuple[ContactTable, int]:
    """Return the merged table and how many rows were merged into others. ``suspects``: from a
    ``DuplicateWatch`` fed the table's rows chunk by chunk as it was assembled. ``in_place``: the
    merge is made in ``table`` itself (returned), for a caller that has no use for the rows as
    they were: a million-row table is then not copied. ``before_drop`` (in place only) is told
    what the merge will do before it does it (see ``BeforeDrop``): the export can start on it.
    ``by``: which keys make a duplicate (``DEDUPE_BY``).
    """
    groups = _merged_groups(table, suspects, by)
    drop = sorted(r for g in groups for r in g[1:])
    if not in_place:
        if not groups:
            return table, 0
        out = table.without_rows(drop)
        tags: dict[tuple[str, ...], str] = {}
        for group in groups:
            _merge_into(out, group[0] - bisect_left(drop, group[0]), table, group, tags)
        return out, len(drop)
    # The merged rows as they were (a small take), merged into a scratch table of one row per
    # group; the table then loses the merged-away rows and takes each group's merged row.
    rows = sorted(r for g in groups for r in g)
    before = table.take(rows)
    at = {r: i for i, r in enumerate(rows)}
    merged = table.empty_like()
    for c in merged.columns:
        merged.columns[c] = [""] * len(groups)
    tags = {}
    for i, group in enumerate(groups):
        _merge_into(merged, i, before, [at[r] for r in group], tags)
    if before_drop is not None:
        before_drop(table, drop, MergedHeads([g[0] for g in groups], merged))
    if not groups:
        return table, 0
    table.drop_rows(drop)
    for i, group in enumerate(groups):
        _copy_row(merged, i, table, group[0] - bisect_left(drop, group[0]))
    return table, len(drop)


def _copy_row(src: ContactTable, i: int, dst: ContactTable, r: int) -> None:
    """Row ``i`` of ``src`` (values and review data) into row ``r`` of ``dst``, as ``_merge_into``
    would have written it there."""
    for name, col in src.columns.items():
        dst.columns[name][r] = col[i]
    for attr in ("problems", "suggestions"):
        value = getattr(src, attr).get(i)
        if value:
            getattr(dst, attr)[r] = value
        else:
            getattr(dst, attr).pop(r, None)
    dst.merged[r] = src.merged[i]


@lru_cache(maxsize=16)
def _first_wins(schema: Schema) -> tuple[str, ...]:
    """The exported fields whose merged value is the first non-empty one (the others are unions:
    tags, notes, custom options, and the further emails and phones of Email and Phone, merged below)."""
    unions = {F.ADDITIONAL_EMAILS, F.ADDITIONAL_PHONES, *(n for k in _unions(schema) for n in k),
              *schema.of_kind(F.OPTIONS)}
    return tuple(f.name for f in schema if f.exported and f.name not in unions)


@lru_cache(maxsize=16)
def _unions(schema: Schema) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields merged as a union of their tags, and as the distinct notes one per line."""
    return tuple(schema.of_kind(F.TAGS_KIND)), tuple(schema.of_kind(F.NOTES_KIND))


def _merge_into(
    out: ContactTable,
    new_row: int,
    table: ContactTable,
    group: list[int],
    tags_cache: dict[tuple[str, ...], str] | None = None,
) -> None:
    """Merge the rows of ``group`` into row ``new_row`` of ``out``. ``tags_cache`` remembers the
    merged tags of a combination of tag cells (a list repeats a few tag cells many times)."""
    cols = table.columns
    values: dict[str, str] = {}
    for name in _first_wins(table.schema):  # the first non-empty value wins
        col = cols[name]
        for r in group:
            v = col[r]
            if v:
                break
        else:
            v = ""
        values[name] = v

    def union(name: str, exclude: str = "") -> list[str]:
        seen: list[str] = []
        for r in group:
            for v in _split_list(cols[name][r]):
                if v != exclude and v not in seen:
                    seen.append(v)
        return seen

    # Emails/phones of the other rows that did not win become additional ones.
    for main, extra in ((F.EMAIL, F.ADDITIONAL_EMAILS), (F.PHONE, F.ADDITIONAL_PHONES)):
        won = values[main]
        main_col = cols[main]
        extras = [main_col[r] for r in group if main_col[r] and main_col[r] != won]
        values[extra] = ", ".join(dict.fromkeys(extras + union(extra, won)))
    tag_fields, note_fields = _unions(table.schema)
    for name in tag_fields:
        tag_cells = tuple(cols[name][r] for r in group)
        merged_tags = None if tags_cache is None else tags_cache.get(tag_cells)
        if merged_tags is None:
            merged_tags = join_tags(t for cell in tag_cells for t in split_tags(cell))
            if tags_cache is not None:
                tags_cache[tag_cells] = merged_tags
        values[name] = merged_tags
    for name in table.schema.of_kind(F.OPTIONS):  # a custom multiple-choice field: every option
        values[name] = normalize_options(", ".join(cols[name][r] for r in group if cols[name][r]))
    for name in note_fields:
        notes: list[str] = []
        for r in group:
            if cols[name][r] and cols[name][r] not in notes:
                notes.append(cols[name][r])
        values[name] = "\n".join(notes)

    for name, v in values.items():
        out.columns[name][new_row] = v

    # Problems: keep those not resolved by the merge.
    problems: dict[str, list] = {}
    suggestions: dict[str, str] = {}
    for r in group:
        for fld, probs in table.problems.get(r, {}).items():
            for p in probs:
                if p.kind == NO_CONTACT:
                    continue
                if p.kind in ERROR_KINDS:
                    keep = not values.get(fld, "")
                else:  # warnings belong to the value that won
                    keep = bool(fld) and values.get(fld) == cols[fld][r]
                if keep:
                    problems.setdefault(fld, []).append(p)
        for fld, s in table.suggestions.get(r, {}).items():
            if values.get(fld) == cols[fld][r]:
                suggestions.setdefault(fld, s)
    for check in _merge_checks(table, group):
        problems.setdefault(ROW, []).append(check)
    if problems:
        out.problems[new_row] = problems
    else:
        out.problems.pop(new_row, None)
    if suggestions:
        out.suggestions[new_row] = suggestions
    else:
        out.suggestions.pop(new_row, None)
    out.merged[new_row] = [table.sources[r] for r in group[1:]]


def _merge_checks(table: ContactTable, group: list[int]) -> list[Problem]:
    """Flags on a merged contact whose rows had different emails, or different names (one name
    that is not part of another: "Ana" and "Ana Lima" are the same person, "Ana" and "Bruno" not)."""
    cols = table.columns
    out = []
    emails = list(dict.fromkeys(e for e in (cols[F.EMAIL][r] for r in group) if e))
    if len(emails) > 1:
        out.append(Problem(MERGE_CHECK, Message(M.MERGED_EMAILS, ", ".join(emails))))
    names: list[str] = []
    for r in group:
        name = " ".join(v for v in (cols[F.FIRST_NAME][r], cols[F.LAST_NAME][r]) if v)
        if name and name not in names:
            names.append(name)
    folded = [n.casefold() for n in names]
    if any(a not in b and b not in a for i, a in enumerate(folded) for b in folded[i + 1:]):
        out.append(Problem(MERGE_CHECK, Message(M.MERGED_NAMES, ", ".join(names))))
    return out

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

from array import array
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, and_, eq, is_not, itemgetter, ne, not_, or_
from typing import Callable

from . import schema as F
from .schema import Schema
from . import messages as M
from .messages import Message
from .normalize import join_tags, normalize_options, split_tags
from .table import (ERROR_KINDS, MERGE_CHECK, NO_CONTACT, ROW, ContactTable, MergedRows, Problem, _kept_before,
                    _kept_mask, _set_bytes, has_values, true_positions)
# ``_SCAN``: items per C-level scan (``_positions``, ``_extra_keys``, the pieces sent to the helper),
# the table's own bound, so no call of the merge holds the GIL over more than that many items.
from .table import _SCAN

#: What makes two rows one contact (GHL's deduplication setting).
BY_EMAIL_PHONE, BY_EMAIL, BY_PHONE = "email_phone", "email", "phone"
DEDUPE_BY = (BY_EMAIL_PHONE, BY_EMAIL, BY_PHONE)


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def _suspects(*key_lists: list[str]) -> set[str] | None:
    """A small superset of the non-empty keys that occur more than once in ``key_lists``, or None
    when that would be most of them (see ``_KeyWatch``)."""
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

    In a list with many duplicates nearly every block holds one, and the suspects would be a copy
    of every key: past ``_SUSPECTS_MAX`` of them the watch stops collecting (``suspects()`` is
    None: every key is a suspect) and the merge looks at every key.
    """

    def __init__(self) -> None:
        self.seen = {""}
        self.older: list[set[str]] = []  # full sets, each at most _SET_CAP keys (see below)
        self._suspects: set[str] | None = set()

    def add(self, keys: list[str]) -> None:
        seen, older, suspects = self.seen, self.older, self._suspects
        if suspects is None:
            return
        for start in range(0, len(keys), _BLOCK):
            block = keys[start:start + _BLOCK]
            before = len(seen)
            seen.update(block)
            grown = len(seen) - before
            if (grown != len(block) and grown != len(block) - block.count("")) or any(
                    not o.isdisjoint(block) for o in older):
                suspects.update(block)
                if len(suspects) > _SUSPECTS_MAX:
                    self._suspects = None
                    self.release()
                    return
            if len(seen) > _SET_CAP:
                seen.discard("")
                older.append(seen)
                seen = self.seen = {""}

    def suspects(self) -> set[str] | None:
        return None if self._suspects is None else self._suspects - {""}

    def release(self) -> None:
        """Let go of the key sets one at a time (see ``DuplicateWatch.release``)."""
        older = self.older
        while older:
            older.pop()  # one set freed per step, with the GIL free between steps
        self.seen = {""}


@dataclass
class WatchedGroups:
    """The groups of the first ``rows`` rows of a table (``_Groups``, joined by the keys of ``by``,
    see ``DEDUPE_BY``), made as the table was assembled. Taken once (``take``)."""

    groups: "_Groups | None"
    rows: int
    by: str

    def take(self, by: str) -> "_Groups | None":
        """The groups, if they are joined by the keys ``by`` (else None); this holds none after."""
        groups, self.groups = self.groups, None
        return groups if by == self.by else None


class DuplicateWatch:
    """The email and phone keys of a table's rows, fed chunk by chunk as the table is assembled.

    Each chunk's rows are linked to the first row that had each of their keys as the chunk comes
    in, and the links joined into the groups (``_Groups``) at once, so ``merge_duplicates(table,
    watch.groups())`` starts from the groups instead of a pass over every key and a union of
    every link: that work is done while the other process still normalizes, rather than after,
    when this process works alone. ``by``: the keys that make a duplicate (``DEDUPE_BY``); only
    those are watched. The watch's key dicts (tens of MB at a million rows) should be dropped
    (``release``) before the merge builds its new table.
    """

    def __init__(self, by: str = BY_EMAIL_PHONE) -> None:
        self.by = by
        self.emails = _KeyOwners()
        self.phones = _KeyOwners()
        self.joined = _Groups()
        self.rows = 0

    def add(self, chunk: ContactTable) -> None:
        """The next rows of the table (in table order)."""
        cols = chunk.columns
        numbers = list(range(self.rows, self.rows + len(chunk)))  # one int per row, shared by both kinds
        self.joined.grow(self.rows + len(chunk) - len(self.joined.label))  # (all rows, after a ``groups()``)
        if self.by != BY_PHONE:
            self.joined.union(self.emails.add(cols[F.EMAIL], cols[F.ADDITIONAL_EMAILS], numbers))
        if self.by != BY_EMAIL:
            self.joined.union(self.phones.add(cols[F.PHONE], cols[F.ADDITIONAL_PHONES], numbers))
        self.rows += len(chunk)

    def groups(self) -> WatchedGroups:
        """The groups made so far, handed over: the watch holds none after."""
        out = WatchedGroups(self.joined, self.rows, self.by)
        self.joined = _Groups()
        return out

    def release(self) -> None:
        """Free the key dicts a dict at a time, before the merge (its groups are taken already).

        Freeing a dict touches every key and row it holds (millions, far apart in memory) in one C
        call holding the GIL: freed all at once, the watch of a million rows would stall the
        window. A dict holds at most ``_SET_CAP`` keys, so each call stays short.
        """
        self.emails.release()
        self.phones.release()


class _Groups:
    """Rows joined into groups by links (pairs of rows sharing a key), fed as they come (``union``):
    the connected rows of all the links, as a union-find makes them, but each row labelled with its
    group at once rather than through a chain of parents, so that once every link is in, the
    groups and their rows are read off by C-level loops (``groups_and_rest``).

    A row's label is a row of its group (``_NO_ROW``: in no group yet), ``members[label]`` the
    group's rows, and ``grouped`` a byte per row, 1 once it is in a group. When a link joins two
    groups, the smaller one's rows take the larger one's label: a row is relabelled only when its
    group at least doubles, so at most log2(rows) times. Lists and bytes of one item per row
    (``grow``): a list index is quicker than a dict lookup, and a list grows by a copy of its
    pointers, where a dict of as many keys rehashes them.
    """

    def __init__(self, n: int = 0) -> None:
        self.label: list[int] = []
        self.members: list[list[int] | None] = []
        self.grouped = bytearray()
        self.grow(n)

    def grow(self, n: int) -> None:
        """``n`` more rows, in no group yet."""
        for a in range(0, n, _SCAN):
            k = min(_SCAN, n - a)
            self.label += repeat(_NO_ROW, k)
            self.members += repeat(None, k)
            self.grouped += bytes(k)

    def union(self, links: list[tuple[int, int]]) -> None:
        """Join the rows of each (row, row) of ``links`` (rows already ``grow``n)."""
        label, members, grouped = self.label, self.members, self.grouped
        for a, b in links:
            la = label[a]
            lb = label[b]
            if la == lb:
                if la == _NO_ROW and a != b:  # two rows in no group yet
                    label[a] = label[b] = a
                    members[a] = [a, b]
                    grouped[a] = grouped[b] = 1
            elif lb == _NO_ROW:  # (most links) a row joins the group of one before it
                label[b] = la
                members[la].append(b)
                grouped[b] = 1
            elif la == _NO_ROW:
                label[a] = lb
                members[lb].append(a)
                grouped[a] = 1
            else:  # two groups: the smaller one's rows take the larger one's label
                big, small = members[la], members[lb]
                if len(big) < len(small):
                    la, lb, big, small = lb, la, small, big
                for s in range(0, len(small), _SCAN):
                    part = small[s:s + _SCAN]
                    deque(map(label.__setitem__, part, repeat(la)), 0)
                    big += part
                members[lb] = None

    def groups_and_rest(self) -> tuple[list[list[int]], list[int]]:
        """(the groups, each in row order, ordered by their first row; every row of a group but its
        first, ascending), by C-level loops of ``_SCAN`` rows (in row order where they can: a
        group's list, far from the next one in memory, is read once or twice). This holds no
        rows after."""
        label, members, rest_mask = self.label, self.members, self.grouped
        n = len(label)
        if rest_mask.find(1) < 0:
            return [], []
        heads: list[int] = []  # each group's first row, in the order of the groups' labels
        for a in range(0, n, _SCAN):
            part = list(compress(members[a:a + _SCAN], members[a:a + _SCAN]))
            deque(map(_sort, part), 0)  # a group's rows came in the order of their links
            heads += map(itemgetter(0), part)
        _set_bytes(rest_mask, heads, 0)  # the grouped rows but the first ones
        head_mask = bytearray(n)
        _set_bytes(head_mask, heads, 1)
        del heads
        groups: list[list[int]] = []
        rest: list[int] = []
        for a in range(0, n, _SCAN):
            rows = range(a, min(a + _SCAN, n))
            groups += map(members.__getitem__, map(label.__getitem__, compress(rows, head_mask[a:a + _SCAN])))
            rest += compress(rows, rest_mask[a:a + _SCAN])
        _free(label)
        _free(members)
        self.grouped = bytearray()
        return groups, rest


class _KeyOwners:
    """The first row of each key seen so far: fed the columns of one kind of key (emails or
    phones) chunk by chunk, in table order, it links each chunk's rows to the rows before them.

    Keys go into dicts of at most ``_SET_CAP`` keys (a dict's growth rehashes it in one C call
    holding the GIL: the window would stall, see ``_SET_CAP``). A key already in an older dict
    is also linked to its row there: the rows sharing a key stay connected, which is all the
    groups need.
    """

    def __init__(self) -> None:
        self.owners: dict[str, int] = {"": _NO_ROW}
        self.older: list[dict[str, int]] = []

    def add(self, main: list[str], extra: list[str], numbers: list[int]) -> list[tuple[int, int]]:
        """The links (a row that had a key first, a row of these with it) of the next rows of the
        table, ``numbers`` (their row numbers): their ``main`` column and comma-separated ``extra``
        one. The main column's cells go in as they are, empty ones too (no pass to leave them
        out): "" is owned by ``_NO_ROW``, which links to nothing."""
        keys, rows = _keys_and_rows([], extra, len(extra), bool)
        keys = main + keys
        rows = numbers + _gather(numbers, rows)
        links: list[tuple[int, int]] = []
        for old in self.older:
            found: list = []
            for a in range(0, len(keys), _SCAN):
                found += map(old.get, keys[a:a + _SCAN])
            _add_links(found, rows, _positions_of(is_not, found, [None] * len(found)), links)
        _link_to_first(self.owners, keys, rows, links)
        if len(self.owners) > _SET_CAP + 1:  # the keys and ""
            self.older.append(self.owners)
            self.owners = {"": _NO_ROW}
        return links

    def release(self) -> None:
        """Let go of the key dicts one at a time (see ``DuplicateWatch.release``)."""
        older = self.older
        while older:
            older.pop()  # one dict freed per step, with the GIL free between steps
        self.owners = {"": _NO_ROW}


def _extra_keys(extra: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(keys, non-empty cells, pieces) of an extra column (comma-separated, mostly empty cells),
    split and stripped like ``_split_list`` but all at once: the pieces of ",".join(cells).split(",")
    are the cells' pieces in order, cell i giving cells[i].count(",") + 1 of them."""
    cells: list[str] = []
    for a in range(0, len(extra), _SCAN):  # a slice at a time: no single C call over every row
        part = extra[a:a + _SCAN]
        cells += compress(part, part)
    pieces: list[str] = []
    for a in range(0, len(cells), _SCAN):
        pieces += map(str.strip, ",".join(cells[a:a + _SCAN]).split(","))
    keys: list[str] = []
    for a in range(0, len(pieces), _SCAN):
        part = pieces[a:a + _SCAN]
        keys += compress(part, part)
    return keys, cells, pieces


_BLOCK = 256
_sort = list.sort


def _ascending(rows, n: int) -> list[int]:
    """``sorted(set(rows))`` for rows (ints) in ``range(n)``, with no C call over all of them: each
    slice of ``_SCAN`` rows is marked in a mask of ``n`` bytes, which is then read back in order."""
    mask = bytearray(n)
    _set_bytes(mask, rows, 1)
    out: list[int] = []
    for a in range(0, n, _SCAN):  # the marked rows, numbered as they are picked
        out += compress(range(a, min(a + _SCAN, n)), mask[a:a + _SCAN])
    return out


def _as_array(rows: list[int]) -> array:
    """``array("q", rows)``, ``_SCAN`` rows at a time."""
    out = array("q")
    for a in range(0, len(rows), _SCAN):
        out.extend(rows[a:a + _SCAN])
    return out


def _free(items: list) -> None:
    """Empty ``items`` from its end, ``_SCAN`` items at a time: what only it holds is freed in
    short steps rather than in one C call when it goes."""
    while len(items) > _SCAN:
        del items[-_SCAN:]
    items.clear()


def _positions(pred, items: list[str]) -> list[int]:
    """``true_positions(map(pred, items))`` (``items`` itself for ``pred`` None), a slice at a time
    so no single call holds the GIL long."""
    out: list[int] = []
    for a in range(0, len(items), _SCAN):
        part = items[a:a + _SCAN]
        found = true_positions(part if pred is None else map(pred, part))
        out += [a + i for i in found] if a else found
    return out


#: Keys per set or dict. Growing one rehashes all of it, into fresh memory, in one C call holding
#: the GIL; CPython's sets grow at ~157k, ~315k and ~630k keys (dicts at ~350k and ~700k), and the
#: growth at ~630k (~700k) is long enough to stall the window while a conversion keeps both cores
#: busy. A set or dict of at most this size last grows at ~315k (~350k) keys. The price: keys past
#: the first one are also looked up in the older one(s).
_SET_CAP = 600_000
#: The owner of the empty key in ``_KeyOwners``' dicts: no row (an empty cell links to nothing).
_NO_ROW = -1
#: Suspect keys collected at most (then every key is one): a set of more would cost memory and
#: time for no filtering.
_SUSPECTS_MAX = 150_000


def _links(main: list[str], extra: list[str], n: int) -> list[tuple[int, int]]:
    """(row that first had a key, a later row with the same key) for one kind of key (emails or
    phones: the non-empty cells of the main column and the comma-separated extra one).

    Column-wise with C-level loops: at a million rows a generator or an f-string per row costs
    seconds. Only the rows holding a suspect key (``_suspects``) are looked at.
    """
    if len(main) != n:
        main = main[:n]
    if len(extra) != n:
        extra = extra[:n]
    extra_split = _extra_keys(extra)
    suspects = _suspects(main, extra_split[0])
    if suspects is not None and not suspects:
        return []
    keys, rows = _keys_and_rows(main, extra, n, bool if suspects is None else suspects.__contains__, extra_split)
    firsts = _first_rows(keys, rows)
    _free(keys)
    linked = _positions_of(ne, firsts, rows)
    linked_firsts, linked_rows = _gather(firsts, linked), _gather(rows, linked)
    _free(firsts)
    _free(rows)
    firsts, rows = linked_firsts, linked_rows
    links: list[tuple[int, int]] = []
    for a in range(0, len(linked), _SCAN):  # no one C call making every pair
        links += zip(firsts[a:a + _SCAN], rows[a:a + _SCAN])
    return links


def _first_rows(keys: list[str], rows: list[int]) -> list[int]:
    """For each (key, row): the first row that had the key. One C-level ``setdefault`` per key
    (with many duplicates most keys are suspects: a Python step per key cost ~1 µs each), a slice
    at a time. A dict of more keys than ``_SET_CAP`` would grow by rehashing ~700k keys in one C
    call (see ``_SET_CAP``): past it a new dict takes the keys, each given the row an older dict
    holds for it (its first row) when one does. The dicts are then freed one at a time."""
    owners: list[dict[str, int]] = [{}]
    firsts: list[int] = []
    for a in range(0, len(keys), _SCAN):
        part = keys[a:a + _SCAN]
        first = rows[a:a + _SCAN]
        for older in owners[:-1]:
            first = map(older.get, part, first)
        firsts += map(owners[-1].setdefault, part, first)
        if len(owners[-1]) > _SET_CAP:
            owners.append({})
    while owners:
        owners.pop()
    return firsts


def _link_to_first(owners: dict[str, int], keys: list[str], rows: list[int], links: list[tuple[int, int]]) -> None:
    """Each (key, row) linked to the first row that had the key (``owners``, which learns the keys
    new to it): one C-level ``setdefault`` per key (a Python step per key cost ~1 µs each), a slice
    at a time; the pairs of rows go into ``links`` (none for a row that is its key's first, or an
    empty cell: ``_NO_ROW``)."""
    for a in range(0, len(keys), _SCAN):
        part = rows[a:a + _SCAN]
        firsts = list(map(owners.setdefault, keys[a:a + _SCAN], part))
        pairs = list(compress(zip(firsts, part), map(ne, firsts, part)))
        if pairs and "" in owners:  # empty cells found ``_NO_ROW``
            pairs = list(compress(pairs, map(ne, map(itemgetter(0), pairs), repeat(_NO_ROW))))
        links += pairs


def _add_links(firsts: list[int], rows: list[int], at: list[int], links: list[tuple[int, int]]) -> None:
    """(firsts[i], rows[i]) for each i of ``at`` whose first is a row (not ``_NO_ROW``), into
    ``links``, by C-level scans."""
    firsts, rows = _gather(firsts, at), _gather(rows, at)
    owned = _positions(_NO_ROW.__ne__, firsts)
    if len(owned) != len(firsts):
        firsts, rows = _gather(firsts, owned), _gather(rows, owned)
    for a in range(0, len(firsts), _SCAN):  # no one C call making every pair
        links += zip(firsts[a:a + _SCAN], rows[a:a + _SCAN])


def _keys_and_rows(main: list[str], extra: list[str], n: int, suspect,
                   extra_split: tuple[list[str], list[str], list[str]] | None = None) -> tuple[list[str], list[int]]:
    """(keys, their rows) of the ``n`` rows' keys for which ``suspect(key)`` is true: the main
    column's, then the pieces of the comma-separated extra one (``extra_split``: its
    ``_extra_keys``, if already made), by C-level loops."""
    extra_keys, cells, pieces = _extra_keys(extra) if extra_split is None else extra_split
    rows = _positions(suspect, main)
    keys = _gather(main, rows)
    hits = _positions(suspect, extra_keys)
    if hits:
        extra_rows = _extra_rows(extra, cells, pieces)
        keys += _gather(extra_keys, hits)
        rows += _gather(extra_rows, hits)
    return keys, rows


def _extra_rows(extra: list[str], cells: list[str], pieces: list[str]) -> list[int]:
    """The row of each key of an extra column (``_extra_keys``: ``cells`` its non-empty cells,
    ``pieces`` their comma-separated pieces, empty ones included), a slice of cells at a time."""
    filled = _positions(bool, extra)  # the row of each of ``cells``
    piece_rows: list[int] = []
    for a in range(0, len(cells), _SCAN):
        counts = map((1).__add__, map(str.count, cells[a:a + _SCAN], repeat(",")))
        piece_rows += chain.from_iterable(map(repeat, filled[a:a + _SCAN], counts))
    out: list[int] = []
    for a in range(0, len(pieces), _SCAN):
        out += compress(piece_rows[a:a + _SCAN], pieces[a:a + _SCAN])
    return out


def _merged_groups(table: ContactTable, watched: WatchedGroups | None = None,
                   by: str = BY_EMAIL_PHONE) -> list[list[int]]:
    """The groups of two or more rows, each in row order, groups ordered by their first row.
    ``watched``: the groups made as the table was assembled (ignored unless every row was
    watched, by the keys of ``by``). ``by``: which keys make a duplicate (``DEDUPE_BY``)."""
    return _groups_and_rest(table, watched, by)[0]


def _groups_and_rest(table: ContactTable, watched: WatchedGroups | None = None,
                     by: str = BY_EMAIL_PHONE) -> tuple[list[list[int]], list[int]]:
    """``_merged_groups`` and the rows of the groups but their first ones, ascending (the rows a
    merge drops)."""
    n = len(table)
    joined = watched.take(by) if watched is not None and watched.rows == n else None
    if joined is None:
        cols = table.columns
        joined = _Groups(n)
        for main, extra, kind in ((F.EMAIL, F.ADDITIONAL_EMAILS, BY_PHONE), (F.PHONE, F.ADDITIONAL_PHONES, BY_EMAIL)):
            if by != kind:
                links = _links(cols[main], cols[extra], n)
                joined.union(links)
                _free(links)
    return joined.groups_and_rest()


def duplicate_groups(table: ContactTable, by: str = BY_EMAIL_PHONE) -> list[list[int]]:
    """Rows grouped by identity, each group in row order, groups ordered by their first row."""
    merged = _merged_groups(table, by=by)
    if not merged:
        return [[r] for r in range(len(table))]
    by_first = {g[0]: g for g in merged}
    inner = {r for g in merged for r in g[1:]}
    return [by_first.get(r, [r]) for r in range(len(table)) if r not in inner]


#: ``offload(fn, *args)`` has ``fn(*args)`` run elsewhere (the helper process) meanwhile: a function
#: that waits for its result, None (or a result of None) when it cannot (the work is done here).
Offload = Callable[..., Callable[[], object] | None]

#: ``before_drop(table, drop, heads)`` of an in-place merge: the table as it was, the rows about to
#: go, and each kept group's first row with its merged values (``MergedHeads``).
BeforeDrop = Callable[[ContactTable, Sequence[int], "MergedHeads"], None]


@dataclass(frozen=True)
class MergedHeads:
    """The first row of each group of duplicates (as numbered before the merge) and, in ``table``
    row ``i``, the values and review data that ``rows[i]`` gets from the merge. ``kept``: a byte
    per row of the table before the merge, 1 for the rows it keeps (``table._kept_mask``), when
    the merge made it already."""

    rows: list[int]
    table: ContactTable
    kept: bytearray | None = None


def merge_duplicates(table: ContactTable, watched: WatchedGroups | None = None, *,
                     in_place: bool = False, before_drop: BeforeDrop | None = None,
                     by: str = BY_EMAIL_PHONE, offload: Offload | None = None,
                     trim: Callable[[], None] | None = None) -> tuple[ContactTable, int]:
    """Return the merged table and how many rows were merged into others. ``watched``: from a
    ``DuplicateWatch`` fed the table's rows chunk by chunk as it was assembled. ``in_place``: the
    merge is made in ``table`` itself (returned), for a caller that has no use for the rows as
    they were: a million-row table is then not copied. ``before_drop`` (in place only) is told
    what the merge will do before it does it (see ``BeforeDrop``): the export can start on it.
    ``by``: which keys make a duplicate (``DEDUPE_BY``). ``offload``: the groups' merged emails and
    phones with their additional ones, tag unions and merge checks (``_won_and_others``,
    ``_merged_tags``, ``_merge_checks``) are worked out there while this process merges the
    other values. ``trim()`` is called once the merge's own lists are gone, before the table
    loses the merged-away rows (``speed.memory.trim_heap``: the freed memory goes back first).
    """
    groups, dropped = _groups_and_rest(table, watched, by)
    n = len(table)
    # Machine integers: once the groups go, the merged-away rows' int objects go with them.
    drop = _as_array(dropped)
    del dropped
    if not in_place and not groups:
        return table, 0
    # Each group's merged row, worked out column by column into a table of one row per group;
    # the table (or its copy) then loses the merged-away rows and takes each group's merged row.
    merged, changed = _merged_rows(table, groups, offload)
    heads = [g[0] for g in groups]
    _free(groups)  # a list per group: freed before the table's columns are copied
    kept = _kept_mask(n, drop)  # made once for the export's plan, the drop and the heads' places
    if in_place:
        if before_drop is not None:
            before_drop(table, drop, MergedHeads(heads, merged, kept))
        if not heads:
            return table, 0
        if trim is not None:
            trim()
        table.drop_rows(drop, kept_mask=kept)
        out = table
    else:
        if trim is not None:
            trim()
        out = table.without_rows(drop, kept_mask=kept)
    _put_rows(merged, out, _kept_before(kept, heads), changed)  # each head's row once the rows go
    if before_drop is None:  # else it was told the merged rows, and may still read them
        for col in merged.columns.values():
            _free(col)
    return out, len(drop)


def _put_rows(src: ContactTable, dst: ContactTable, at: list[int],
              changed_at: dict[str, list[int]] | None = None) -> None:
    """Row ``i`` of ``src`` (values and review data) into row ``at[i]`` of ``dst``. Only the cells
    whose value changes are written: most of a merged row is its first row's values already.
    ``changed_at``: for some columns, the only rows ``i`` whose value may differ from row
    ``at[i]``'s (``_merged_rows``); the other columns' are found by C-level scans."""
    known = changed_at or {}
    for name, col in src.columns.items():
        out = dst.columns[name]
        changed = known.get(name)
        if changed is None:
            if not has_values(col) and not has_values(out):  # an unmapped field's: nothing changes
                continue
            changed = _positions_of(ne, _gather(out, at), col)
        for a in range(0, len(changed), _SCAN):
            part = changed[a:a + _SCAN]
            deque(map(out.__setitem__, map(at.__getitem__, part), map(col.__getitem__, part)), 0)
    for attr in ("problems", "suggestions"):
        _put_review_data(getattr(src, attr), getattr(dst, attr), at)
    dst.merged.update(src.merged.placed_at(at))


def _put_review_data(have: dict[int, object], put: dict[int, object], at: list[int]) -> None:
    """``put[at[i]] = have[i]`` for each row ``i`` of ``have`` with review data (a new row at the
    end of ``put``, in row order), and no entry at ``at[i]`` for the other rows: what setting or
    removing ``at[i]`` row by row gives, by C-level loops of ``_SCAN`` rows."""
    valued = _ascending(compress(have, have.values()), len(at))
    marks = bytearray(len(at))
    _set_bytes(marks, valued, 1)
    bare = _positions(not_, marks)
    for a in range(0, len(bare), _SCAN):
        deque(map(put.pop, map(at.__getitem__, bare[a:a + _SCAN]), repeat(None)), 0)
    for a in range(0, len(valued), _SCAN):
        part = valued[a:a + _SCAN]
        put.update(zip(map(at.__getitem__, part), map(have.__getitem__, part)))


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


def _merged_rows(table: ContactTable, groups: list[list[int]],
                 offload: Offload | None = None) -> tuple[ContactTable, dict[str, list[int]]]:
    """One row per group (rows in row order): each field's merged value and the review data the
    group's first row gets; and, for the fields whose merged value is one of the group's own
    (the first non-empty one), the groups whose value is not their first row's (``_put_rows``). Column by column, so the cost is a few C-level passes over the
    groups' rows per field plus a short Python step per group for the fields that need one:
    linear in the rows merged.

    For each field the first non-empty value wins; the emails and phones of the other rows that
    did not win become additional ones (with the additional ones, in order, once each); tags are
    unioned; notes are the distinct ones, one per line. Problems the merge resolved are dropped (an
    error on a field that now has a value; a warning about a value that did not win), as are
    suggestions for values that did not win.
    """
    cols = table.columns
    # The per-group Python work that needs only a few columns (the emails' and phones' winners and
    # other values, tag unions, merge checks) is started first, in the order it is needed: through
    # ``offload`` it runs in the helper process while the rest runs here.
    side = offload if groups else None
    rows, group_of = _rows_of_groups(groups)
    rest = _later_rows(rows, group_of)
    sizes: list[int] = []
    for a in range(0, len(groups), _SCAN):
        sizes += map(len, groups[a:a + _SCAN])
    filled = {name for name, col in cols.items() if has_values(col)}  # unmapped fields' columns have none
    gathered = {F.EMAIL: _gather(cols[F.EMAIL], rows)}
    elsewhere = {}  # main field -> its (won, others) started in the helper; without one, made below
    if side is not None:
        for main, extra in _MAIN_AND_EXTRA:
            mains = gathered[main] if main in gathered else _gather(cols[main], rows)
            extras = _gather(cols[extra], rows) if extra in filled else [""] * len(rows)
            elsewhere[main] = _started(side, _won_and_others, sizes, mains, extras)
    tag_fields, note_fields = _unions(table.schema)
    tags = {name: _started(side, _merged_tags, sizes, _gather(cols[name], rows)) for name in tag_fields}
    checks = _started(side, _merge_checks_by_group, sizes, gathered.pop(F.EMAIL),
                      *(_gather(cols[c], rows) for c in (F.FIRST_NAME, F.LAST_NAME)))
    out = table.empty_like()
    heads = [g[0] for g in groups]
    # Group i's merged-away rows' (file, row) pairs: the next len(g) - 1 of ``rest``'s.
    out.merged = MergedRows.from_groups(range(len(groups)), [len(g) - 1 for g in groups], table.sources.take(rest))
    values: dict[str, list[str]] = {}
    not_first: dict[str, list[int]] = {}  # field -> the groups whose merged value is not their first row's
    for name in _first_wins(table.schema):
        col = cols[name]
        if name in elsewhere:
            continue
        if name not in filled:
            values[name] = [""] * len(groups)
            not_first[name] = []
            continue
        won = _gather(col, heads)
        not_first[name] = []
        if not all(won) and _any_at(col, rest):
            not_first[name] = empty = _positions(not_, won)
            for i in empty:
                for r in groups[i]:
                    if col[r]:
                        won[i] = col[r]
                        break
        values[name] = won
    for main, extra in _MAIN_AND_EXTRA:
        if main in elsewhere:
            values[main], values[extra], not_first[main] = _placed_values(cols[main], rows, sizes,
                                                                          elsewhere.pop(main)())
            continue
        values[extra] = _other_values(cols[main], cols[extra] if extra in filled else None, values[main], groups,
                                      rows, group_of)
    for name in tag_fields:
        values[name] = tags[name]()
    for name in table.schema.of_kind(F.OPTIONS):  # a custom multiple-choice field: every option
        col = cols[name]
        values[name] = [normalize_options(", ".join(filter(None, map(col.__getitem__, g)))) for g in groups]
    for name in note_fields:
        col = cols[name]
        if name not in filled:
            values[name] = [""] * len(groups)
            continue
        notes = _gather(col, heads)
        if _any_at(col, rest):
            notes = ["\n".join(dict.fromkeys(filter(None, map(col.__getitem__, g)))) for g in groups]
        values[name] = notes
    for name in out.columns:
        out.columns[name] = values[name]
    _merged_review_data(table, groups, rows, group_of, values, out, checks)
    return out, not_first


#: The fields whose values that did not win become additional ones, and those.
_MAIN_AND_EXTRA = ((F.EMAIL, F.ADDITIONAL_EMAILS), (F.PHONE, F.ADDITIONAL_PHONES))


def _rows_of_groups(groups: list[list[int]]) -> tuple[list[int], list[int]]:
    """The groups' rows, group after group, and the group of each, a few thousand groups at a time."""
    rows: list[int] = []
    group_of: list[int] = []
    step = max(1, _SCAN // 4)
    for a in range(0, len(groups), step):
        part = groups[a:a + step]
        rows += chain.from_iterable(part)
        group_of += chain.from_iterable(map(repeat, range(a, a + len(part)), map(len, part)))
    return rows, group_of


def _later_rows(rows: list[int], group_of: list[int]) -> list[int]:
    """Every group's rows but its first, group after group, given ``_rows_of_groups``: a row whose
    group is the previous row's is not its group's first. By C-level scans of ``_SCAN`` rows."""
    out: list[int] = []
    for a in range(0, len(rows), _SCAN):
        before = group_of[a - 1:a + _SCAN - 1] if a else [-1, *group_of[:_SCAN - 1]]
        out += compress(rows[a:a + _SCAN], map(eq, group_of[a:a + _SCAN], before))
    return out


def _gather(col, rows: list) -> list:
    """``[col[r] for r in rows]`` by C-level scans of at most ``_SCAN`` rows (see ``_positions``)."""
    out: list[str] = []
    for a in range(0, len(rows), _SCAN):
        out += map(col.__getitem__, rows[a:a + _SCAN])
    return out


def _positions_of(pred, a: list, b: list) -> list[int]:
    """``true_positions(map(pred, a, b))``, a slice at a time (see ``_positions``)."""
    out: list[int] = []
    for s in range(0, len(a), _SCAN):
        found = true_positions(map(pred, a[s:s + _SCAN], b[s:s + _SCAN]))
        out += [s + i for i in found] if s else found
    return out


def _any_at(col: list[str], rows: list[int]) -> bool:
    """Whether any of ``col[r] for r in rows`` is filled, by C-level scans of at most ``_SCAN`` rows."""
    return any(any(map(col.__getitem__, rows[a:a + _SCAN])) for a in range(0, len(rows), _SCAN))


def _other_values(main: list[str], extra: list[str] | None, won: list[str], groups: list[list[int]],
                  rows: list[int], group_of: list[int]) -> list[str]:
    """Per group: the main values (emails or phones) of its rows that did not win, then the items
    of its rows' extra cells but the winner, each once, comma-separated. ``rows`` and ``group_of``:
    ``_rows_of_groups(groups)``; ``extra`` None: the extra column has no filled cell.

    Most groups have no extra cell, and then only the rows whose value is filled and is not the
    winner count (never a group's first row: its value wins when filled). Those rows and the
    groups with extra cells are found by C-level scans; only their groups take a Python step.
    """
    others = [""] * len(groups)
    with_extra: set[int] = set()
    extra_at = _positions(bool, _gather(extra, rows)) if extra is not None else []
    for a in range(0, len(extra_at), _SCAN):
        with_extra.update(map(group_of.__getitem__, extra_at[a:a + _SCAN]))
    for i in _ascending(with_extra, len(groups)):
        g, w = groups[i], won[i]
        items = [v for v in map(main.__getitem__, g) if v and v != w]
        for r in g:
            items += [v for v in _split_list(extra[r]) if v != w]
        others[i] = ", ".join(dict.fromkeys(items))
    values = _gather(main, rows)
    winners = _gather(won, group_of)
    found: dict[int, list[str]] = {}
    for k in _positions_of(ne, values, winners):
        v, i = values[k], group_of[k]
        if v and i not in with_extra:
            found.setdefault(i, []).append(v)
    for i, items in found.items():
        others[i] = ", ".join(dict.fromkeys(items))
    return others


def _won_and_others(first: int, sizes: list[int], mains: list[str], extras: list[str]) -> list:
    """Per group, where its merged main value is and what its additional ones are
    (``_other_values``'s rule), one after the other: [won, others, won, others, ...]; given the main
    values (emails or phones) and extra cells of the groups' rows one group after another
    (``sizes``: rows per group; ``first``, the first group's number, is not needed here). The
    first filled main value wins. A module-level function of plain lists: it can run in the
    helper process.

    What is one of the group's own main values is told by its place in the group (``won``, and
    ``others`` when it is that one value): the caller takes the string it already holds rather
    than a copy of it (``_placed_values``). Any other ``others`` is the joined string."""
    out: list = []
    at = 0
    any_extra = any(extras)
    for size in sizes:
        end = at + size
        values = mains[at:end]
        won, won_value = 0, values[0]
        if not won_value:
            won = next((k for k, v in enumerate(values) if v), 0)  # none filled: the first row's ""
            won_value = values[won]
        if (not won_value or values.count(won_value) + values.count("") == size) and not (
                any_extra and any(extras[at:end])):  # one value (most groups): no others
            out += (won, "")
            at = end
            continue
        items = [v for v in values if v and v != won_value]
        for cell in filter(None, extras[at:end]):
            items += [v for v in _split_list(cell) if v != won_value]
        others = list(dict.fromkeys(items))
        out += (won, values.index(others[0]) if len(others) == 1 and others[0] in values else ", ".join(others))
        at = end
    return out


def _placed_values(col: list[str], rows: list[int], sizes: list[int],
                   found: list) -> tuple[list[str], list[str], list[int]]:
    """``_won_and_others``'s answer for ``col`` (``rows``: the groups' rows one group after another,
    ``sizes`` rows per group) as (merged values, additional values, the groups whose merged value
    is not their first row's): a place in a group is that row's own string in ``col``. By C-level
    loops of ``_SCAN`` groups."""
    starts: list[int] = []
    for a in range(0, len(sizes), _SCAN):  # where each group's rows start in ``rows``
        starts += accumulate(sizes[a:a + _SCAN], initial=starts[-1] + sizes[a - 1] if a else 0)
        starts.pop()
    won, others = found[0::2], found[1::2]
    not_first = _positions(None, won)  # a place past the group's first row
    for a in range(0, len(won), _SCAN):
        at = map(add, starts[a:a + _SCAN], won[a:a + _SCAN])
        won[a:a + _SCAN] = map(col.__getitem__, map(rows.__getitem__, at))
    placed = _positions(int.__instancecheck__, others)
    at = _gather(others, placed)
    for a in range(0, len(placed), _SCAN):
        part = placed[a:a + _SCAN]
        strings = map(col.__getitem__, map(rows.__getitem__, map(add, map(starts.__getitem__, part), at[a:a + _SCAN])))
        deque(map(others.__setitem__, part, strings), 0)
    return won, others, not_first


def _merged_review_data(table: ContactTable, groups: list[list[int]], rows: list[int], group_of: list[int],
                        values: dict[str, list[str]], out: ContactTable,
                        checks: Callable[[], list[tuple[int, list[Problem]]]]) -> None:
    """The problems and suggestions of each group's merged row (``out`` row ``i`` for group i):
    only the groups' rows that have any are looked at, in row order within each group; then the
    merge checks (``checks()``: each flagged group's, in group order). ``rows`` and ``group_of``:
    ``_rows_of_groups(groups)``."""
    problems, suggestions = table.problems, table.suggestions
    marks = _review_marks(problems, suggestions, len(table))
    codes = bytearray()
    for a in range(0, len(rows), _SCAN):  # C-level scans, a slice at a time (see ``_positions``)
        codes.extend(map(marks.__getitem__, rows[a:a + _SCAN]))
    cols = table.columns
    merged_of = values.get
    kept_problems: dict[int, dict[str, list]] = {}
    kept_suggestions: dict[int, dict[str, str]] = {}
    for r, i, code in compress(zip(rows, group_of, codes), codes):
        if code & _HAS_PROBLEMS:
            for fld, probs in problems[r].items():
                merged_col = merged_of(fld)
                won = merged_col[i] if merged_col is not None else None  # None: no such field
                for p in probs:
                    kind = p[0]
                    if kind == NO_CONTACT:
                        continue
                    if kind in ERROR_KINDS:  # an error goes when the field has a value now
                        keep = not won
                    else:  # warnings belong to the value that won
                        keep = bool(fld) and won == cols[fld][r]
                    if keep:
                        kept_problems.setdefault(i, {}).setdefault(fld, []).append(p)
        if code & _HAS_SUGGESTIONS:
            for fld, s in suggestions[r].items():
                merged_col = merged_of(fld)
                if (merged_col[i] if merged_col is not None else None) == cols[fld][r]:
                    kept_suggestions.setdefault(i, {}).setdefault(fld, s)
    for i, flags in checks():  # flags on merges of different emails or names
        kept_problems.setdefault(i, {}).setdefault(ROW, []).extend(flags)
    out.problems = kept_problems
    out.suggestions = kept_suggestions


#: Bits of ``_review_marks``.
_HAS_PROBLEMS, _HAS_SUGGESTIONS = 1, 2


def _review_marks(problems: dict[int, dict], suggestions: dict[int, dict], n: int) -> bytearray:
    """One byte per row below ``n``: ``_HAS_PROBLEMS`` if it has an entry in ``problems``, plus
    ``_HAS_SUGGESTIONS`` if in ``suggestions``. Set from the dicts' keys by C-level loops of
    ``_SCAN`` keys (looking each row up in the dicts instead costs a hash lookup far apart in
    memory per row); keys outside the rows are left out."""
    marks = bytearray(n)
    for bit, review in ((_HAS_PROBLEMS, problems), (_HAS_SUGGESTIONS, suggestions)):
        keys = iter(review)
        while part := list(islice(keys, _SCAN)):
            part = list(compress(part, map(and_, map(n.__gt__, part), map((-1).__lt__, part))))
            deque(map(marks.__setitem__, part, map(or_, map(marks.__getitem__, part), repeat(bit))), 0)
    return marks


def _started(offload: Offload | None, fn, sizes: list[int], *columns: list[str]) -> Callable[[], list]:
    """``fn(first, sizes, *columns)`` of the groups, started through ``offload`` if given, a few
    thousand groups at a time (each piece's lists travel to the helper process in one C call
    holding the GIL: small pieces keep the window's thread waiting briefly); ``columns`` hold the
    groups' rows one group after another (``sizes``: rows per group), ``first`` is the piece's
    first group. A function that gives the pieces' values joined (waiting for them, or, without
    ``offload`` or for a piece that failed, working it out here)."""
    pieces = []
    at = 0
    for a in range(0, len(sizes), _SCAN):
        piece_sizes = sizes[a:a + _SCAN]
        end = at + sum(piece_sizes)
        args = (a, piece_sizes, *(col[at:end] for col in columns))
        pieces.append((args, offload(fn, *args) if offload is not None else None))
        at = end

    def value() -> list:
        out: list = []
        for args, wait in pieces:
            found = wait() if wait is not None else None
            out += found if found is not None else fn(*args)
        return out

    return value


def _merged_tags(first: int, sizes: list[int], cells: list[str]) -> list[str]:
    """Per group, the union of its rows' tags (``join_tags``), given the tag cells of the groups'
    rows one group after another (``sizes``: rows per group; ``first``, the first group's number,
    is not needed here). A module-level function of plain lists: it can run in the helper process.

    Groups of the same cells are joined once, and so are groups of the same distinct filled cells
    in the same order: a cell seen before in the group adds no tag (its tags are in the union
    already, first spelling kept) and an empty one none, so a few distinct cells (a list's usual
    handful of tags) make a few joins, however many groups combine them."""
    cache: dict[tuple[str, ...], str] = {}
    joined: dict[tuple[str, ...], str] = {}
    out = []
    at = 0
    for size in sizes:
        key = tuple(cells[at:at + size])
        at += size
        tags = cache.get(key)
        if tags is None:
            distinct = tuple(dict.fromkeys(filter(None, key)))
            tags = joined.get(distinct)
            if tags is None:
                tags = joined[distinct] = join_tags(t for cell in distinct for t in split_tags(cell))
            cache[key] = tags
        out.append(tags)
    return out


def _merge_checks_by_group(first: int, sizes: list[int], emails: list[str], first_names: list[str],
                           last_names: list[str]) -> list[tuple[int, list[Problem]]]:
    """(group, its flags) of each group that ``_merge_checks`` flags, in group order, given the
    emails and names of the groups' rows one group after another (``sizes``: rows per group;
    the groups are numbered from ``first``). A module-level function of plain lists: it can run
    in the helper process."""
    out = []
    at = 0
    for i, size in enumerate(sizes, first):
        end = at + size
        flags = _merge_checks(emails[at:end], first_names[at:end], last_names[at:end])
        if flags:
            out.append((i, flags))
        at = end
    return out


def _merge_checks(emails: list[str], first_names: list[str], last_names: list[str]) -> list[Problem]:
    """Flags on a merged contact whose rows (their emails and names) had different emails, or
    different names (one name that is not part of another: "Ana" and "Ana Lima" are the same
    person, "Ana" and "Bruno" not). Rows of one first name and one last name (most groups) have
    one name at most: their names are not compared."""
    out = []
    emails = list(dict.fromkeys(filter(None, emails)))
    if len(emails) > 1:
        out.append(Problem(MERGE_CHECK, Message(M.MERGED_EMAILS, ", ".join(emails))))
    size = len(first_names)
    if first_names.count(first_names[0]) == size and last_names.count(last_names[0]) == size:
        return out
    names = list(dict.fromkeys(filter(None, map(_full_name, first_names, last_names))))
    if len(names) < 2:
        return out
    folded = [n.casefold() for n in names]
    if any(a not in b and b not in a for i, a in enumerate(folded) for b in folded[i + 1:]):
        out.append(Problem(MERGE_CHECK, Message(M.MERGED_NAMES, ", ".join(names))))
    return out


def _full_name(first: str, last: str) -> str:
    """The first and last name joined by a space, either alone when the other is empty."""
    return f"{first} {last}" if first and last else first or last

"""Contacts already in GHL: which rows of a conversion create a contact and which update one.

GHL's import matches a row to an existing contact on its Contact Id, then its email, then its
phone, and has no undo. Given the contacts already there (a GHL contacts export, or one of our own
earlier exports: :class:`ExistingContacts`), :class:`ExistingMatch` marks every row of a converted
table (after duplicates are merged), so that the four marks are a partition of its rows:

- ``new``: no existing contact has its Contact Id, any of its emails or any of its phones (the
  Additional Emails/Phones a merge gathered count);
- ``update``: it matches exactly one existing contact, and importing it would change something;
- ``unchanged``: an update that would change nothing (every value it has, GHL has already);
- ``ambiguous``: it matches two or more different existing contacts (say, its email is one
  contact's and its phone another's). GHL would update one of them, the first match in its order
  (Contact Id, email, phone): that contact is the row's pick, and the row carries an
  ``EXISTING_AMBIGUOUS`` warning for review.

An existing contact is its Contact Id; rows of the existing files without one (our own earlier
exports) are each a contact, but only when the row matches no contact that has an id (they are
then most likely the same people, exported before GHL gave them ids).

The existing files are normalized exactly as inputs are (same email and phone rules, each row's
phones read in its own country), but only the rows that can match (``speed.existing_keys``
finds them; this module checks equality on the rules' values). ``changes(row)`` lists what an
update changes: (field, GHL's value, the new value) for every field with a value in the row
that differs from GHL's (a list field, Tags or Additional Emails, when it adds an item). A field
the existing files have no column for is unknown: its value counts as a change from "".

**Empty never overwrites.** GHL's import has a "Don't update empty values" option; when the
person leaves it off, an empty cell *clears* the contact's field. So the export of an update
row writes, in every field the row has no value for, the value GHL already has: the import then
rewrites the same value whatever that option says, and nothing GHL knows is lost. Tags and Notes
are the exception: GHL *adds* imported tags to a contact's tags (never removes one) and each
imported note is a new note, so their existing values are never written back (that would add the
same note twice) and only the row's own tags and notes go out.

Review edits change keys: ``rematch(rows)`` marks those rows again (cheap: one index lookup per
key); a table whose length changed (a merged contact split back) is marked again in full.
"""

from __future__ import annotations

from array import array
from functools import lru_cache
from itertools import compress
from typing import Iterable, Sequence

from . import messages as M
from . import schema as F
from .assemble import SourceColumns, ValueCache, normalize_chunk
from .mapping import MANUAL, ColumnMapping, Mapping, auto_map, custom_name, normalize_header
from .messages import Message
from .table import EXISTING_AMBIGUOUS, ROW, ContactTable

NEW, UPDATE, UNCHANGED, AMBIGUOUS = "new", "update", "unchanged", "ambiguous"
#: The marks, in the order of their codes.
MARKS = (NEW, UPDATE, UNCHANGED, AMBIGUOUS)
#: The report's key for the count of each mark (present only when existing files were given).
COUNT_KEYS = {NEW: "new_rows", UPDATE: "update_rows", UNCHANGED: "unchanged_rows", AMBIGUOUS: "ambiguous_rows"}
#: What an export may hold: everything, only new contacts (GHL's "create only"), only updates
#: ("update only": update and ambiguous rows). Unchanged rows only with ``include_unchanged``.
ONLY_ALL, ONLY_NEW, ONLY_UPDATE = "all", "new", "update"
ONLY = (ONLY_ALL, ONLY_NEW, ONLY_UPDATE)
#: Kinds GHL adds to on import rather than replacing: never written back from GHL's value.
ADDITIVE_KINDS = frozenset({F.TAGS_KIND, F.NOTES_KIND})
#: Kinds compared item by item: a row changes them only by bringing an item GHL lacks.
_LIST_KINDS = frozenset({F.EMAIL_LIST, F.PHONE_LIST, F.TAGS_KIND, F.OPTIONS})

_CODE = {m: i for i, m in enumerate(MARKS)}


@lru_cache(maxsize=32)
def id_field_of(schema: F.Schema) -> str | None:
    """The field of ``schema`` holding GHL's Contact Id: ``CONTACT_ID``, or an input's custom
    field of that name (an input that is itself a GHL export); None when there is none."""
    key = normalize_header(F.CONTACT_ID)
    return next((f.name for f in schema if normalize_header(f.name) == key), None)


def existing_mapping(header: list[str], rows: Sequence[Sequence[str]], schema: F.Schema, *, region: str,
                     columns: Sequence[Sequence[str]] | None = None) -> Mapping:
    """How an existing file's columns fill the conversion's fields: ``auto_map`` as for an input,
    plus a column named as GHL's Contact Id (only in these files) and the columns named as one of
    the conversion's custom fields. ``schema``: the converted table's."""
    id_name = id_field_of(schema)
    full = schema if id_name is not None else schema.with_field(F.CONTACT_ID_FIELD)
    id_name = id_name or F.CONTACT_ID
    base = auto_map(header, rows, schema=schema.without_custom(), region=region, columns=columns)
    by_name = {f.name.casefold(): f.name for f in schema.custom}
    cols: list[ColumnMapping] = []
    for c in base.columns:
        norm = normalize_header(c.source)
        if norm in F.CONTACT_ID_FIELD.synonyms and not any(x.field == id_name for x in cols):
            c = ColumnMapping(c.source, c.index, id_name, 1.0, MANUAL)
        elif c.field is None and custom_name(c.source, c.index).casefold() in by_name:
            c = ColumnMapping(c.source, c.index, by_name[custom_name(c.source, c.index).casefold()], 1.0, MANUAL)
        cols.append(c)
    return Mapping(cols, full)


def _items(value: str) -> list[str]:
    return [v for v in value.split(", ") if v] if value else []


def _compared(schema: F.Schema) -> list[F.Field]:
    """The fields an update is compared on: every exported one but the Contact Id."""
    id_name = id_field_of(schema)
    return [f for f in schema if f.exported and f.name != id_name]


def _is_change(field: F.Field, new: str, was: str) -> bool:
    """Whether importing ``new`` over GHL's ``was`` changes the field: never when ``new`` is empty
    (empty never overwrites); for a list field, only when it brings an item GHL lacks."""
    if not new:
        return False
    if field.kind in _LIST_KINDS:
        return not set(_items(new)) <= set(_items(was))
    return new != was


class ExistingContacts:
    """The files of contacts already in GHL, as read (raw cells) and mapped, with their key index.

    Rows are numbered across the files, in order. ``normalize(rows)`` normalizes rows with the
    conversion's rules, each once, kept by column (``at``, ``norm``); ``details(rows)`` gives
    each row's values by field.
    """

    def __init__(self, sources: list[SourceColumns], mappings: list[Mapping], index, region: str) -> None:
        self.sources, self.mappings, self.index, self.region = sources, mappings, index, region
        self.offsets: list[int] = []
        at = 0
        for src in sources:
            self.offsets.append(at)
            at += src.n_rows
        self.n_rows = at
        self._cache = ValueCache(region)
        #: Per file, the fields it has a column for (the others are unknown, not empty).
        self.known: list[frozenset[str]] = [self._known(m) for m in mappings]
        self.id_field = next((c.field for m in mappings for c in m.columns if c.field is not None
                              and normalize_header(c.field) == normalize_header(F.CONTACT_ID)), None)
        # The rows normalized so far, by column (no dictionary per row): ``at[row]`` is the row's
        # position in ``norm[field]``; a field its file has no column for holds "" there.
        self.at: dict[int, int] = {}
        self.norm: dict[str, list[str]] = {}
        self._file_at: list[int] = []

    @staticmethod
    def _known(mapping: Mapping) -> frozenset[str]:
        fields = {c.field for c in mapping.columns if c.field is not None}
        if F.FULL_NAME in fields:
            fields |= {F.FIRST_NAME, F.LAST_NAME}
        return frozenset(f for f in fields if f in mapping.schema and mapping.schema[f].exported)

    @property
    def files(self) -> list[str]:
        """The files' names, in order."""
        return [(s.info or {}).get("file") or s.path for s in self.sources]

    def locate(self, row: int) -> tuple[int, int]:
        """(file index, row index in that file) of an existing row."""
        k = len(self.offsets) - 1
        while self.offsets[k] > row:
            k -= 1
        return k, row - self.offsets[k]

    def known_fields(self, row: int) -> frozenset[str]:
        return self.known[self.locate(row)[0]]

    def normalize(self, rows: Iterable[int]) -> None:
        """Normalize ``rows`` with the conversion's rules (each row once, kept by column): the
        rows of one file in one ``normalize_chunk`` call, the inputs' column fast paths included."""
        at = self.at
        todo = sorted(set(r for r in rows if r not in at))
        by_file: dict[int, list[int]] = {}
        for r in todo:
            by_file.setdefault(self.locate(r)[0], []).append(r)
        norm = self.norm
        for k, wanted in by_file.items():
            src, mapping, first = self.sources[k], self.mappings[k], self.offsets[k]
            local = [r - first for r in wanted]
            sub = SourceColumns(src.path, src.header, [[col[i] for i in local] for col in src.columns],
                                [src.row_numbers[i] for i in local], src.info)
            table = normalize_chunk(sub, mapping, k, 0, len(local), self._cache)
            known, n, start = self.known[k], len(local), len(self._file_at)
            for name in set(norm) | set(table.columns):
                col = norm.setdefault(name, [""] * start)
                col += table.columns[name] if name in known and name in table.columns else [""] * n
            self._file_at += [k] * n
            at.update(zip(wanted, range(start, start + n)))

    def details(self, rows: Iterable[int]) -> dict[int, dict[str, str]]:
        """Each row's normalized values by field (only the fields its file has)."""
        rows = list(rows)
        self.normalize(rows)
        return {r: self._detail(r) for r in rows}

    def _detail(self, row: int) -> dict[str, str]:
        i, norm = self.at[row], self.norm
        return {c: norm[c][i] for c in self.known[self._file_at[i]] if c in norm}

    def detail(self, row: int) -> dict[str, str]:
        """One row's normalized values by field (``details``)."""
        if row not in self.at:
            self.normalize([row])
        return self._detail(row)

    def contact_id(self, row: int) -> str:
        if self.id_field is None:
            return ""
        if row not in self.at:
            self.normalize([row])
        return self.norm[self.id_field][self.at[row]] if self.id_field in self.norm else ""


class ExistingMatch:
    """Every row of ``table`` marked against ``contacts`` (see the module's docstring)."""

    def __init__(self, contacts: ExistingContacts, table: ContactTable) -> None:
        self.contacts = contacts
        self.table = table
        self._marks = bytearray()
        self._picks = array("q")
        #: (kind, normalized key) -> the existing rows whose normalized value has it (complete).
        #: kind -> normalized key -> the existing rows whose normalized value has it (complete).
        self._exact: dict[str, dict[str, list[int]]] = {}
        #: kind -> keys known to be no existing contact's (every key of the table at ``match_all``).
        self._absent: dict[str, set[str]] = {}
        self.match_all()

    # -- matching ---------------------------------------------------------------------------------
    def _keys(self, row: int) -> list[tuple[str, str]]:
        """The row's keys in GHL's order: Contact Id, emails, phones."""
        cols = self.table.columns
        keys: list[tuple[str, str]] = []
        id_name = id_field_of(self.table.schema)
        if id_name is not None and id_name in cols and cols[id_name][row]:
            keys.append(("id", " ".join(cols[id_name][row].split())))
        for name, kind in ((F.EMAIL, "email"), (F.ADDITIONAL_EMAILS, "email"), (F.PHONE, "phone"),
                           (F.ADDITIONAL_PHONES, "phone")):
            if name in cols:
                keys += [(kind, v) for v in _items(cols[name][row])]
        return keys

    #: The fields whose values are an existing row's keys, with their kind, in GHL's order.
    _KEY_FIELDS = ((F.EMAIL, "email"), (F.ADDITIONAL_EMAILS, "email"), (F.PHONE, "phone"),
                   (F.ADDITIONAL_PHONES, "phone"))

    def _learn(self, wanted: dict[str, set[str]], rows: Iterable[int]) -> dict[str, dict[str, list[int]]]:
        """For each kind ("id", "email", "phone"), which of ``rows`` (a superset of the matches)
        has each of its ``wanted`` keys (only the keys some row has): the rows are normalized
        (``ExistingContacts.normalize``) and their key columns read, the Contact Id as it is, the
        emails and phones item by item (``_items``)."""
        contacts = self.contacts
        rows = sorted(set(rows))
        contacts.normalize(rows)
        found: dict[str, dict[str, list[int]]] = {"id": {}, "email": {}, "phone": {}}
        at, norm = contacts.at, contacts.norm
        places = [at[r] for r in rows]
        fields = ([(contacts.id_field, "id")] if contacts.id_field else []) + list(self._KEY_FIELDS)
        for name, kind in fields:
            col, keys, got = norm.get(name), wanted.get(kind), found[kind]
            if col is None or not keys:
                continue
            values = [col[i] for i in places]
            for r, v in zip(compress(rows, values), filter(None, values)):
                for item in ((v,) if kind == "id" or ", " not in v else _items(v)):
                    if item in keys:
                        hits = got.setdefault(item, [])
                        if r not in hits:  # a row once per key (its Email and Additional Emails)
                            hits.append(r)
        for got in found.values():
            for hits in got.values():
                hits.sort()
        return found

    def _lookup(self, kind: str, value: str) -> list[int]:
        """The existing rows (ascending) whose normalized ``kind`` key is ``value``."""
        known = self._exact[kind]
        found = known.get(value)
        if found is not None:
            return found
        if value in self._absent[kind]:
            return []
        index = self.contacts.index
        rows = (index.for_id(value) if kind == "id" else index.for_email(value) if kind == "email"
                else index.for_phone(value))
        known[value] = self._learn({kind: {value}}, rows)[kind].get(value, [])
        return known[value]

    def match_all(self) -> None:
        """Mark every row (a conversion, or a table whose rows changed)."""
        table = self.table
        n = len(table)
        self._marks = bytearray(n)
        self._picks = array("q", [-1]) * n
        cols = table.columns
        keys: dict[str, set[str]] = {"email": set(), "phone": set(), "id": set()}
        for name, kind in self._KEY_FIELDS:
            if name in cols:
                col = cols[name]
                if name in (F.EMAIL, F.PHONE):
                    keys[kind].update(col)
                else:
                    for v in filter(None, col):
                        keys[kind].update(_items(v))
        id_name = id_field_of(table.schema)
        if id_name is not None and id_name in cols:
            keys["id"].update(" ".join(v.split()) for v in cols[id_name] if v)
        for kind in keys:
            keys[kind].discard("")
        rows = self.contacts.index.candidates(keys["email"], keys["phone"], keys["id"])
        # A single Email or Phone holding ", " is itemized like the list fields (``_keys``).
        for kind in ("email", "phone"):
            several = [v for v in keys[kind] if ", " in v]
            for v in several:
                keys[kind].update(_items(v))
        # Every key of the table's rows is known after this: one no existing contact has is absent.
        self._exact = self._learn(keys, rows)
        self._absent = {kind: keys[kind].difference(self._exact[kind]) for kind in keys}
        self._clear_flags(range(n))
        by_kind = self._exact
        if not any(by_kind.values()):
            return
        # Only rows holding a key some existing contact has can be anything but new.
        maybe: set[int] = set()
        for name, kind in ((F.EMAIL, "email"), (F.PHONE, "phone")):
            if name in cols and by_kind[kind]:
                col = cols[name]
                maybe.update(compress(range(n), map(by_kind[kind].__contains__, col)))
                maybe.update(r for r in compress(range(n), col) if ", " in col[r]
                             and any(map(by_kind[kind].__contains__, _items(col[r]))))
        for name, kind in ((F.ADDITIONAL_EMAILS, "email"), (F.ADDITIONAL_PHONES, "phone")):
            if name in cols and by_kind[kind]:
                col = cols[name]
                maybe.update(r for r in compress(range(n), col)
                             if any(map(by_kind[kind].__contains__, _items(col[r]))))
        if id_name is not None and id_name in cols and by_kind["id"]:
            col = cols[id_name]
            maybe.update(r for r in compress(range(n), col) if " ".join(col[r].split()) in by_kind["id"])
        # Each such row's matches, in GHL's order (``_keys``, inlined: tens of thousands of rows).
        key_cols = [(kind, cols[name], name in (F.EMAIL, F.PHONE)) for name, kind in self._KEY_FIELDS
                    if name in cols]
        if id_name is not None and id_name in cols:
            key_cols.insert(0, ("id", cols[id_name], False))
        lookup, exact = self._lookup, self._exact
        singles: list[int] = []
        for r in sorted(maybe):
            ordered: list[int] = []
            for kind, col, single in key_cols:
                v = col[r]
                if not v:
                    continue
                if single and ", " not in v:
                    ordered += exact[kind].get(v) or lookup(kind, v)
                elif kind == "id":
                    ordered += lookup(kind, " ".join(v.split()))
                else:
                    for item in _items(v):
                        ordered += lookup(kind, item)
            if self._decide(r, ordered):
                singles.append(r)
        changed = self._changed_rows(singles)
        code_update, code_unchanged = _CODE[UPDATE], _CODE[UNCHANGED]
        marks = self._marks
        for r in singles:
            marks[r] = code_update if r in changed else code_unchanged

    def rematch(self, rows: Iterable[int] | None = None) -> None:
        """Mark ``rows`` again (after review edits changed their keys or values); None: all rows."""
        if rows is None or len(self._marks) != len(self.table):
            self.match_all()
            return
        rows = [r for r in rows if 0 <= r < len(self._marks)]
        self._clear_flags(rows)
        for r in rows:
            self._marks[r], self._picks[r] = 0, -1
            self._mark_row(r)

    def _fresh(self) -> None:
        if len(self._marks) != len(self.table):
            self.match_all()

    def _clear_flags(self, rows: Iterable[int]) -> None:
        problems = self.table.problems
        for r in (rows if not isinstance(rows, range) else [r for r in list(problems) if r in rows]):
            fields = problems.get(r)
            if fields and ROW in fields:
                kept = [p for p in fields[ROW] if p.kind != EXISTING_AMBIGUOUS]
                if len(kept) != len(fields[ROW]):
                    if kept:
                        fields[ROW] = kept
                    else:
                        del fields[ROW]
                    if not fields:
                        del problems[r]

    def _resolve(self, r: int) -> bool:
        """Find the existing contacts row ``r`` matches (``_decide``)."""
        ordered: list[int] = []
        for kind, key in self._keys(r):
            ordered += self._lookup(kind, key)
        return self._decide(r, ordered)

    def _decide(self, r: int, ordered: list[int]) -> bool:
        """Row ``r`` matches the existing rows ``ordered`` (GHL's order): set its pick, and mark it
        ambiguous (with its review warning) when they are several contacts. True when they are
        exactly one (an update or unchanged: which, the caller decides)."""
        if not ordered:
            return False
        first = ordered[0]
        if ordered.count(first) == len(ordered):  # one existing row (by email and phone, say)
            self._picks[r] = first
            return True
        contact_id = self.contacts.contact_id
        contacts: dict[object, int] = {}  # identity -> its first existing row, in GHL's order
        for e in ordered:
            identity = contact_id(e) or ("row", e)
            contacts.setdefault(identity, e)
        with_id = {k: e for k, e in contacts.items() if isinstance(k, str)}
        if with_id:
            contacts = with_id
        pick = next(iter(contacts.values()))
        self._picks[r] = pick
        if len(contacts) == 1:
            return True
        self._marks[r] = _CODE[AMBIGUOUS]
        ids = [k if isinstance(k, str) else str(Message(M.EXISTING_NO_ID)) for k in contacts]
        self.table.add_problem(r, ROW, EXISTING_AMBIGUOUS,
                               Message(M.EXISTING_AMBIGUOUS, len(contacts), ", ".join(ids),
                                       contact_id(pick) or ids[0]))
        return False

    def _mark_row(self, r: int) -> None:
        if self._resolve(r):
            self._marks[r] = _CODE[UPDATE if self._changes(r, self._picks[r]) else UNCHANGED]

    def _changed_rows(self, rows: list[int]) -> set[int]:
        """The rows among ``rows`` (each matching one contact, its pick set) an import changes:
        ``bool(self._changes(r, pick))`` for each, worked out a column at a time (only the cells
        that differ from GHL's are looked at one by one)."""
        if not rows:
            return set()
        contacts, table = self.contacts, self.table
        at = contacts.at
        places = [at[self._picks[r]] for r in rows]
        changed: set[int] = set()
        for f in _compared(table.schema):
            col = table.columns[f.name]
            new = [col[r] for r in rows]
            old_col = contacts.norm.get(f.name)
            old = [old_col[i] for i in places] if old_col is not None else [""] * len(rows)
            # Equal cells never change a field: only the differing ones are judged one by one.
            for i in compress(range(len(rows)), map(str.__ne__, new, old)):
                if rows[i] not in changed and _is_change(f, new[i], old[i]):
                    changed.add(rows[i])
        return changed

    # -- what a row is ----------------------------------------------------------------------------
    def mark(self, row: int) -> str:
        """``new``, ``update``, ``unchanged`` or ``ambiguous``."""
        self._fresh()
        return MARKS[self._marks[row]]

    def existing_row(self, row: int) -> int | None:
        """The existing row GHL would update (its pick), or None for a new row."""
        self._fresh()
        pick = self._picks[row]
        return None if pick < 0 else pick

    def contact_id(self, row: int) -> str:
        """The Contact Id of the contact GHL would update ("" for a new row, or a contact that
        has none in the existing files)."""
        pick = self.existing_row(row)
        return "" if pick is None else self.contacts.contact_id(pick)

    def changes(self, row: int) -> list[tuple[str, str, str]]:
        """(field, GHL's value, the new value) for each field an import of ``row`` changes."""
        pick = self.existing_row(row)
        return [] if pick is None else self._changes(row, pick)

    def _changes(self, row: int, pick: int) -> list[tuple[str, str, str]]:
        old = self.contacts.detail(pick)
        out = []
        for f in _compared(self.table.schema):
            new, was = self.table.columns[f.name][row], old.get(f.name, "")
            if _is_change(f, new, was):
                out.append((f.name, was, new))
        return out

    def counts(self, left_out: Iterable[int] = ()) -> dict[str, int]:
        """{"new_rows", "update_rows", "unchanged_rows", "ambiguous_rows"} over every row but
        ``left_out``: the review's filters count every row of the table, the report only the rows
        the import holds (``ContactTable.not_exported_rows`` left out), so that its four counts add
        up to its rows to export."""
        self._fresh()
        counts = [self._marks.count(i) for i in range(len(MARKS))]
        for r in left_out:
            counts[self._marks[r]] -= 1
        return {COUNT_KEYS[m]: counts[i] for i, m in enumerate(MARKS)}

    def rows_for(self, only: str = ONLY_ALL, include_unchanged: bool = False) -> list[int]:
        """The table's rows an export of ``only`` holds, ascending (see ``ONLY``)."""
        if only not in ONLY:
            raise ValueError(f"only must be one of {ONLY}, not {only!r}")
        self._fresh()
        wanted = {ONLY_ALL: {NEW, UPDATE, AMBIGUOUS}, ONLY_NEW: {NEW}, ONLY_UPDATE: {UPDATE, AMBIGUOUS}}[only]
        if include_unchanged and only != ONLY_NEW:
            wanted = wanted | {UNCHANGED}
        codes = bytes(1 if i < len(MARKS) and MARKS[i] in wanted else 0 for i in range(256))
        return list(compress(range(len(self._marks)), self._marks.translate(codes)))

    def export_table(self, rows: list[int]) -> ContactTable:
        """``rows`` of the table as the export writes them: a Contact Id column (the pick's id;
        empty for new rows) after the last column, and each update's empty fields filled with
        GHL's value (empty never overwrites; not Tags or Notes)."""
        table = self.table
        out = table.take(rows)
        id_name = id_field_of(table.schema)
        if id_name is None:
            out.schema = table.schema.with_field(F.CONTACT_ID_FIELD)
            id_name = F.CONTACT_ID
            out.columns[id_name] = [""] * len(rows)
        ids = out.columns[id_name]
        fill = [f.name for f in _compared(table.schema) if f.kind not in ADDITIVE_KINDS]
        for i, r in enumerate(rows):
            pick = self._picks[r]
            if pick < 0:
                ids[i] = ""  # an id GHL does not have would match nothing: a new row creates its contact
                continue
            old = self.contacts.detail(pick)
            ids[i] = self.contacts.contact_id(pick) or ids[i]
            for name in fill:
                if not out.columns[name][i] and old.get(name):
                    out.columns[name][i] = old[name]
        return out



__all__ = ["AMBIGUOUS", "COUNT_KEYS", "MARKS", "NEW", "ONLY", "UNCHANGED", "UPDATE", "ExistingContacts",
           "ExistingMatch", "existing_mapping", "id_field_of"]

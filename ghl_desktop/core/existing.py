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
from typing import Callable, Iterable, Sequence

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


class ExistingContacts:
    """The files of contacts already in GHL, as read (raw cells) and mapped, with their key index.

    Rows are numbered across the files, in order. ``details(rows)`` normalizes rows with the
    conversion's rules, each once (kept), and gives each row's values by field.
    """

    def __init__(self, sources: list[SourceColumns], mappings: list[Mapping], index, region: str) -> None:
        self.sources, self.mappings, self.index, self.region = sources, mappings, index, region
        self.offsets: list[int] = []
        at = 0
        for src in sources:
            self.offsets.append(at)
            at += src.n_rows
        self.n_rows = at
        self._details: dict[int, dict[str, str]] = {}
        self._cache = ValueCache(region)
        #: Per file, the fields it has a column for (the others are unknown, not empty).
        self.known: list[frozenset[str]] = [self._known(m) for m in mappings]
        self.id_field = next((c.field for m in mappings for c in m.columns if c.field is not None
                              and normalize_header(c.field) == normalize_header(F.CONTACT_ID)), None)

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

    def details(self, rows: Iterable[int]) -> dict[int, dict[str, str]]:
        """Each row's normalized values by field (only the fields its file has)."""
        rows = list(rows)
        known = self._details
        todo = sorted(set(r for r in rows if r not in known))
        by_file: dict[int, list[int]] = {}
        for r in todo:
            by_file.setdefault(self.locate(r)[0], []).append(r)
        for k, wanted in by_file.items():
            src, mapping, at = self.sources[k], self.mappings[k], self.offsets[k]
            local = [r - at for r in wanted]
            sub = SourceColumns(src.path, src.header, [[col[i] for i in local] for col in src.columns],
                                [src.row_numbers[i] for i in local], src.info)
            table = normalize_chunk(sub, mapping, k, 0, len(local), self._cache)
            known = self.known[k]
            names = [c for c in table.columns if c in known]
            for i, r in enumerate(wanted):
                self._details[r] = {c: table.columns[c][i] for c in names}
        return {r: self._details[r] for r in rows}

    def detail(self, row: int) -> dict[str, str]:
        """One row's normalized values by field (``details``)."""
        found = self._details.get(row)
        return found if found is not None else self.details([row])[row]

    def contact_id(self, row: int) -> str:
        if self.id_field is None:
            return ""
        return self.detail(row).get(self.id_field, "")


class ExistingMatch:
    """Every row of ``table`` marked against ``contacts`` (see the module's docstring)."""

    def __init__(self, contacts: ExistingContacts, table: ContactTable) -> None:
        self.contacts = contacts
        self.table = table
        self._marks = bytearray()
        self._picks = array("q")
        #: (kind, normalized key) -> the existing rows whose normalized value has it (complete).
        self._exact: dict[tuple[str, str], list[int]] = {}
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

    def _value_keys(self, values: dict[str, str]) -> set[tuple[str, str]]:
        keys = set()
        if self.contacts.id_field and values.get(self.contacts.id_field):
            keys.add(("id", values[self.contacts.id_field]))
        for name, kind in ((F.EMAIL, "email"), (F.ADDITIONAL_EMAILS, "email"), (F.PHONE, "phone"),
                           (F.ADDITIONAL_PHONES, "phone")):
            keys.update((kind, v) for v in _items(values.get(name, "")))
        return keys

    def _learn(self, wanted: set[tuple[str, str]], rows: Iterable[int]) -> None:
        """Record, for each of ``wanted``, which of ``rows`` (a superset of the matches) has it."""
        found: dict[tuple[str, str], list[int]] = {k: [] for k in wanted}
        for r, values in self.contacts.details(rows).items():
            for key in self._value_keys(values):
                if key in found:
                    found[key].append(r)
        for key, rows_ in found.items():
            self._exact[key] = sorted(rows_)

    def _lookup(self, key: tuple[str, str]) -> list[int]:
        if key not in self._exact:
            index = self.contacts.index
            kind, value = key
            rows = (index.for_id(value) if kind == "id" else index.for_email(value) if kind == "email"
                    else index.for_phone(value))
            self._learn({key}, rows)
        return self._exact[key]

    def match_all(self) -> None:
        """Mark every row (a conversion, or a table whose rows changed)."""
        table = self.table
        n = len(table)
        self._marks = bytearray(n)
        self._picks = array("q", [-1]) * n
        self._exact = {}
        cols = table.columns
        keys = {"email": set(), "phone": set(), "id": set()}
        for name, kind in ((F.EMAIL, "email"), (F.ADDITIONAL_EMAILS, "email"), (F.PHONE, "phone"),
                           (F.ADDITIONAL_PHONES, "phone")):
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
        wanted = {(kind, k) for kind, values in keys.items() for k in values}
        self._learn(set(), rows)  # normalizes the candidates once
        hit: set[tuple[str, str]] = set()
        for values in self.contacts.details(rows).values():
            hit |= self._value_keys(values) & wanted
        self._learn(hit, rows)
        for key in wanted - hit:
            self._exact[key] = []
        # Only rows holding a key some existing contact has can be anything but new.
        if hit:
            by_kind = {kind: {k for c, k in hit if c == kind} for kind in keys}
            maybe: set[int] = set()
            for name, kind in ((F.EMAIL, "email"), (F.PHONE, "phone")):
                if name in cols and by_kind[kind]:
                    maybe.update(compress(range(n), map(by_kind[kind].__contains__, cols[name])))
            for name, kind in ((F.ADDITIONAL_EMAILS, "email"), (F.ADDITIONAL_PHONES, "phone")):
                if name in cols and by_kind[kind]:
                    col = cols[name]
                    maybe.update(r for r in compress(range(n), col) if by_kind[kind].intersection(_items(col[r])))
            if id_name is not None and id_name in cols and by_kind["id"]:
                col = cols[id_name]
                maybe.update(r for r in compress(range(n), col) if " ".join(col[r].split()) in by_kind["id"])
            self._clear_flags(range(n))
            for r in sorted(maybe):
                self._mark_row(r)
        else:
            self._clear_flags(range(n))

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

    def _mark_row(self, r: int) -> None:
        ordered: list[int] = []
        for key in self._keys(r):
            ordered += self._lookup(key)
        if not ordered:
            return
        contacts: dict[object, int] = {}  # identity -> its first existing row, in GHL's order
        for e in ordered:
            identity = self.contacts.contact_id(e) or ("row", e)
            contacts.setdefault(identity, e)
        with_id = {k: e for k, e in contacts.items() if isinstance(k, str)}
        if with_id:
            contacts = with_id
        pick = next(iter(contacts.values()))
        self._picks[r] = pick
        if len(contacts) > 1:
            self._marks[r] = _CODE[AMBIGUOUS]
            ids = [k if isinstance(k, str) else str(Message(M.EXISTING_NO_ID)) for k in contacts]
            self.table.add_problem(r, ROW, EXISTING_AMBIGUOUS,
                                   Message(M.EXISTING_AMBIGUOUS, len(contacts), ", ".join(ids),
                                           self.contacts.contact_id(pick) or ids[0]))
        else:
            self._marks[r] = _CODE[UPDATE if self._changes(r, pick) else UNCHANGED]

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
        id_name = id_field_of(self.table.schema)
        out = []
        for f in self.table.schema:
            if not f.exported or f.name == id_name:
                continue
            new = self.table.columns[f.name][row]
            if not new:
                continue  # empty never overwrites (see the module's docstring)
            was = old.get(f.name, "")
            if f.kind in _LIST_KINDS:
                if not set(_items(new)) <= set(_items(was)):
                    out.append((f.name, was, new))
            elif new != was:
                out.append((f.name, was, new))
        return out

    def counts(self) -> dict[str, int]:
        """The report's counts: {"new_rows", "update_rows", "unchanged_rows", "ambiguous_rows"}."""
        self._fresh()
        return {COUNT_KEYS[m]: self._marks.count(i) for i, m in enumerate(MARKS)}

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
        fill = [f.name for f in table.schema if f.exported and f.kind not in ADDITIVE_KINDS and f.name != id_name]
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


def match(contacts: ExistingContacts | None, table: ContactTable) -> ExistingMatch | None:
    return None if contacts is None else ExistingMatch(contacts, table)


__all__ = ["AMBIGUOUS", "COUNT_KEYS", "MARKS", "NEW", "ONLY", "UNCHANGED", "UPDATE", "ExistingContacts",
           "ExistingMatch", "existing_mapping", "id_field_of"]

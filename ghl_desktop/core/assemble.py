"""Turn mapped source rows into normalized GHL contacts, a chunk at a time.

Contact lists repeat values (the same city, company, tag, even the same phone), so every normalizer
is called once per distinct value through :class:`ValueCache`, and work goes column by column.

A row's country (the Country field, as an ISO code) is read first: its phones are read in that
country, so a Portuguese or Argentine number written the local way is valid in a Brazilian list.
The phone columns are read mobile first ("Celular", "Mobile Phone"): the first number found is
the contact's Phone, the one GHL texts. Several values in one cell joined by Google's `` ::: ``
are split in every field: lists (emails, phones, tags, notes) take each value, a date the first
one that is a date, and other fields keep each distinct value, joined with ", ".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from typing import Callable, Sequence

from . import messages as M
from . import schema as F
from .speed.fastpath import (
    email_column,
    fast_email,
    fast_number,
    fast_phone,
    number_column,
    phone_column,
    postal_column,
    unchanged_text_column,
)
from .mapping import Mapping, is_mobile_header
from .messages import Message, to_plain
from .normalize.injection import RISKY_STARTS
from .normalize import (
    join_tags,
    needs_neutralizing,
    normalize_custom_date,
    normalize_country,
    normalize_date,
    normalize_number,
    normalize_options,
    normalize_email,
    normalize_name,
    normalize_phone,
    phone_region,
    split_full_name,
    split_tags,
    split_values,
)
from .normalize.countries import EMPTY_COUNTRY
from .table import (
    EMAIL_TYPO,
    FORMULA,
    INVALID_COUNTRY,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    INVALID_VALUE,
    LAZY_PHONE_REASON,
    NO_CONTACT,
    PHONE_REPAIRED,
    ROW,
    ContactTable,
    RowSources,
)


_SPACES = re.compile(r"\s+")
# ValueCache.checked's mark of an invalid cell: no normalized value contains a NUL.
_INVALID = "\x00invalid"
_FORMATTED_CEP = re.compile("[0-9]{5}-[0-9]{3}")


def clean_text(value: str) -> str:
    """``value`` with every run of whitespace made one space and its ends stripped."""
    if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return value  # printable text's only whitespace is the plain space: nothing to change
    return _SPACES.sub(" ", value).strip()


class ValueCache:
    """Memoizes each normalizer per distinct raw value for one conversion run."""

    def __init__(self, region: str) -> None:
        self.region = region
        self._caches: dict[str, dict] = {}

    def get(self, kind: str, fn: Callable, raw: str):
        cache = self._caches.setdefault(kind, {})
        try:
            return cache[raw]
        except KeyError:
            result = cache[raw] = fn(raw)
            return result

    def mapped(self, kind: str, fn: Callable, column: list[str], blank="", each: bool = False,
               whole: Callable[[list[str]], list | None] | None = None):
        """``fn`` of every value of ``column``, each distinct value computed once.

        Blank cells (empty or only spaces) give ``blank`` without calling ``fn``. The distinct
        values are found with set arithmetic (C speed), so a column of a million cells that repeat
        costs one dictionary lookup per cell. With ``each``, a cell of several values joined by
        Google's `` ::: `` gives ``fn`` of each value, the distinct non-empty results joined with
        ", " (the new values are searched for the separator at once, in C). ``whole``, when given,
        answers many values at once: what this method would give each of them, or None (then
        they go one by one). A column of mostly new values (ids, addresses) is given to it
        whole, and its answer is the column's, not remembered; otherwise the new values are.
        """
        cache = self._caches.setdefault(kind, {})
        new = set(column).difference(cache)
        if whole is not None and len(new) * 2 > len(column):
            found = whole(column)
            if found is not None:
                return found
        elif whole is not None and new:
            values = list(new)
            found = whole(values)
            if found is not None:
                cache.update(zip(values, found))
                new = ()
        if each and new and ":::" in "\x1f".join(new):
            for v in new:
                if ":::" in v:
                    cache[v] = ", ".join(dict.fromkeys(r for r in map(fn, split_values(v)) if r))
                else:
                    cache[v] = fn(v) if v and not v.isspace() else blank
        else:
            for v in new:
                cache[v] = fn(v) if v and not v.isspace() else blank
        return list(map(cache.__getitem__, column))

    def checked(self, kind: str, fn: Callable, column: list[str],
                fast: Callable[[str], str | None] | None = None) -> tuple[list[str], list[int]]:
        """The valid values of ``column`` under ``fn`` (a normalizer whose results have a status),
        and the positions of its invalid cells, each distinct value read once.

        A cell gives ``fn``'s value when valid and "" when blank, empty or invalid. The values
        come from one dictionary of raw cell -> value (a C-level ``map``); an invalid cell's entry
        is a marker no normalized value can equal, so a column with no invalid cell is told by
        one C-level ``in`` and the invalid positions are found without a Python loop per cell. The
        reasons of the invalid cells are read back through ``get`` (few cells, cached). ``fast``,
        when given, answers the common shapes first: a value string equal to ``fn``'s valid value,
        or None to ask ``fn``.
        """
        values = self._caches.setdefault(kind + "#value", {})
        for v in set(column).difference(values):
            if not v or v.isspace():
                values[v] = ""
                continue
            if fast is not None:
                value = fast(v)
                if value is not None:
                    values[v] = value
                    continue
            res = fn(v)
            values[v] = res.value if res.status == "valid" else _INVALID if res.status == "invalid" else ""
        out = list(map(values.__getitem__, column))
        if _INVALID not in out:
            return out, []
        bad = list(compress(range(len(out)), map(_INVALID.__eq__, out)))
        for r in bad:
            out[r] = ""
        return out, bad

    def mapped_rows(self, kind: str, fn: Callable[[tuple[str, ...]], str], columns: list[list[str]]) -> list[str]:
        """``fn`` of each row's cells of ``columns`` (a tuple), each distinct tuple computed once.

        Rows repeat their combinations (a tag column beside a segment column): the result of a
        combination is one string shared by every row that has it, not a new one per row.
        """
        cache = self._caches.setdefault(kind, {})
        keys = list(zip(*columns))
        for k in set(keys).difference(cache):
            cache[k] = fn(k)
        return [cache[k] for k in keys]

    def drop_high_cardinality(self, limit: int = 50_000) -> None:
        """Forget per-value results for kinds that barely repeat (emails, phones, addresses are
        mostly distinct): a million cached results cost hundreds of MB and save almost nothing."""
        for cache in self._caches.values():
            if len(cache) > limit:
                cache.clear()

    def email(self, raw: str):
        return self.get("email", lambda v: fast_email(v) or normalize_email(v), raw)

    def phone(self, raw: str, region: str | None = None):
        """The phone result of ``raw`` read in ``region`` (the default region when None)."""
        if region is None or region == self.region:
            region = self.region
            return self.get("phone", lambda v: fast_phone(v, region) or normalize_phone(v, region), raw)
        return self.get("phone:" + region, lambda v: fast_phone(v, region) or normalize_phone(v, region), raw)

    def country(self, raw: str):
        return self.get("country", normalize_country, raw)

    def name(self, raw: str) -> str:
        return self.get("name", normalize_name, raw)

    def date(self, raw: str):
        return self.get("date", lambda v: normalize_date(v, self.region), raw)

    def tags(self, raw: str) -> tuple[str, ...]:
        return self.get("tags", split_tags, raw)

    def custom_date(self, raw: str):
        """A custom field's date (may lie in the future, unlike a date of birth)."""
        return self.get("custom_date", lambda v: normalize_custom_date(v, self.region), raw)

    def number(self, raw: str):
        return self.get("number", lambda v: normalize_number(v, self.region), raw)

    def options(self, raw: str) -> str:
        return self.get("options", normalize_options, raw)


def format_postal_code(value: str, region: str) -> str:
    """Brazilian CEPs as ``01310-100``; Excel drops the leading zero of a numeric CEP, so restore it."""
    if _FORMATTED_CEP.fullmatch(value) is not None:
        return value  # the usual cell: already so, in every region
    value = clean_text(value)
    if region.upper() == "BR":
        digits = re.sub(r"[\s.\-]", "", value)
        if digits.isdigit() and len(digits) in (7, 8):
            digits = digits.zfill(8)
            formatted = f"{digits[:5]}-{digits[5:]}"
            return value if formatted == value else formatted  # already so: the cell's own string
    return value


def format_state(value: str) -> str:
    value = clean_text(value)
    return value.upper() if len(value) == 2 and value.isalpha() else value


#: How a plain field's values are normalized, by the field's kind: the name its results are
#: memoized under (fields of one kind share their distinct values) and, for a default region,
#: the normalizer of one value.
PLAIN_KINDS: dict[str, tuple[str, Callable[[str], Callable[[str], str]]]] = {
    F.TEXT: ("text", lambda region: clean_text),
    F.PLACE: ("name", lambda region: normalize_name),
    F.STATE_KIND: ("state", lambda region: format_state),
    F.POSTAL: ("postal_code", lambda region: lambda v: format_postal_code(v, region)),
}


#: Per memo kind of ``PLAIN_KINDS``, a path for many values at once (and the region): the
#: normalized value of each when all are of shapes it knows (each a single value), else None.
COLUMN_PATHS: dict[str, Callable[[list[str], str], list[str] | None]] = {
    "text": lambda values, region: list(values) if unchanged_text_column(values) else None,
    "postal_code": postal_column,
}


def plain_value(kind: str, text: str, region: str) -> str:
    """One value of a plain field of ``kind``, normalized (a person typing it in review)."""
    return PLAIN_KINDS[kind][1](region)(text)


@dataclass
class SourceColumns:
    """One input file's raw cells, column-major, as read (before normalizing)."""

    path: str
    header: list[str]
    columns: list[list[str]]
    row_numbers: list[int]
    info: dict = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return len(self.row_numbers)

    def raw_row(self, index: int) -> list[str]:
        return [col[index] for col in self.columns]


def normalize_chunk(
    src: SourceColumns,
    mapping: Mapping,
    file_index: int,
    start: int,
    stop: int,
    cache: ValueCache,
) -> ContactTable:
    """Normalize rows ``start:stop`` of one source into a new :class:`ContactTable`."""
    n = stop - start
    schema = mapping.schema
    table = ContactTable(schema=schema)
    table.sources = RowSources.run(file_index, start, stop)
    cols = table.columns
    region = cache.region

    def source_cols(field_name: str) -> list[list[str]]:
        return [src.columns[i][start:stop] for i in mapping.sources_for(field_name)]

    # -- countries (ISO codes), read first: a row's country is the region its phones are read in --
    regions: list[str] | None = None  # per row; None while every row's is the default region
    country_problems: list[tuple[int, str, Message, str]] = []
    for name in schema.of_kind(F.COUNTRY):
        codes = [""] * n
        for col in source_cols(name):
            for r, res in enumerate(cache.mapped("country", normalize_country, col, blank=EMPTY_COUNTRY)):
                if res.status == "valid":
                    codes[r] = codes[r] or res.value
                elif res.status == "invalid" and not codes[r]:
                    country_problems.append((r, name, res.reason, col[r].strip()))
        cols[name] = codes
        regions = _row_regions(codes, region)

    # -- emails: Email columns first, then Additional Emails columns ---------------------------
    email_cols = source_cols(F.EMAIL) + source_cols(F.ADDITIONAL_EMAILS)
    if len(email_cols) == 1:
        cols[F.EMAIL], cols[F.ADDITIONAL_EMAILS] = _one_email_column(table, email_cols[0], cache)
        email_cols = []
    email_results = [[cache.email(v) for v in col] for col in email_cols]
    primary_emails, extra_emails = [""] * n, [""] * n
    for r in range(n if email_results else 0):
        found: list[str] = []
        for results in email_results:
            res = results[r]
            if res.status == "empty":
                continue
            for e in res.emails:
                if e not in found:
                    found.append(e)
            for part in res.invalid_parts:
                table.add_problem(r, F.EMAIL, INVALID_EMAIL, res.reason, part)
            if res.suggestion:
                table.suggestions.setdefault(r, {})[F.EMAIL] = res.suggestion
                table.add_problem(r, F.EMAIL, EMAIL_TYPO, Message(M.DID_YOU_MEAN, res.suggestion))
        if found:
            primary_emails[r] = found[0]
            extra_emails[r] = ", ".join(found[1:])
    if email_results or not cols[F.EMAIL]:
        cols[F.EMAIL], cols[F.ADDITIONAL_EMAILS] = primary_emails, extra_emails

    # -- phones: mobile columns first, each row read in its own country ----------------------
    phone_cols = [src.columns[i][start:stop] for i in _phone_sources(mapping)]
    extensions: dict[int, list[str]] = {}
    cols[F.PHONE], cols[F.ADDITIONAL_PHONES] = _phone_columns(table, phone_cols, cache, extensions, regions, n)

    # -- names ----------------------------------------------------------------------------
    def first_non_empty(columns: list[list[str]], kind: str, fn: Callable[[str], str]) -> list[str]:
        """Per row, ``fn`` of the first column's non-blank value (blank cells give ""); several
        values in one cell (Google's `` ::: ``) are each kept."""
        out: list[str] | None = None
        column_path = COLUMN_PATHS.get(kind)
        whole = (lambda values: column_path(values, region)) if column_path is not None else None
        for col in columns:
            values = cache.mapped(kind, fn, col, each=True, whole=whole)
            out = values if out is None else [o or v for o, v in zip(out, values)]
        return out if out is not None else [""] * n

    first = first_non_empty(source_cols(F.FIRST_NAME), "name", normalize_name)
    last = first_non_empty(source_cols(F.LAST_NAME), "name", normalize_name)
    for col in source_cols(F.FULL_NAME):
        pairs = cache.mapped("full_name", split_full_name, col, blank=("", ""))
        if not any(first) and not any(last):  # the usual case: the full name is the only name
            first = [f for f, _ in pairs]
            last = [rest for _, rest in pairs]
            continue
        for r, v in enumerate(col):
            if v and not first[r]:  # "Nome completo" beside a "Sobrenome": still a first name
                f, rest = pairs[r] if not v.isspace() else split_full_name(v)
                first[r] = f
                if not last[r]:
                    last[r] = rest
    cols[F.FIRST_NAME], cols[F.LAST_NAME] = first, last
    for name in schema.of_kind(F.NAME):
        if name not in (F.FIRST_NAME, F.LAST_NAME):
            cols[name] = first_non_empty(source_cols(name), "name", normalize_name)

    # -- plain text and lightly formatted fields: the first non-empty source column -------------
    for fld in schema:
        if fld.kind in PLAIN_KINDS:
            memo, make = PLAIN_KINDS[fld.kind]
            cols[fld.name] = first_non_empty(source_cols(fld.name), memo, make(region))
    for r, name, reason, value in country_problems:
        table.add_problem(r, name, INVALID_COUNTRY, reason, value)

    # -- dates, and numbers of custom fields: the first valid value; the others flagged -----------
    # Column-wise: a cell is read only while its row has no valid value from an earlier column.
    def custom_date(v: str):
        return normalize_custom_date(v, region)

    def date(v: str):
        return normalize_date(v, region)

    def number(v: str):
        return normalize_number(v, region)

    checked = [(name, "custom_date", custom_date, None, cache.custom_date, INVALID_DATE) if schema[name].custom
               else (name, "date", date, None, cache.date, INVALID_DATE) for name in schema.of_kind(F.DATE)]
    checked += [(name, "number", number, fast_number, cache.number, INVALID_VALUE)
                for name in schema.of_kind(F.NUMBER, F.MONEY)]
    for name, kind, fn, fast, read, invalid in checked:
        values: list[str] | None = None
        for col in source_cols(name):
            found = number_column(col) if kind == "number" else None
            found, bad = (found, []) if found is not None else cache.checked(kind, fn, col, fast)
            if values is None:
                values = found
            else:
                bad = [r for r in bad if not values[r]]
                values = [a or b for a, b in zip(values, found)]
            for r in bad:
                table.add_problem(r, name, invalid, read(col[r]).reason, col[r])
        cols[name] = values if values is not None else [""] * n

    # -- options of custom multiple-choice fields (every source column's, unioned) --------------
    for name in schema.of_kind(F.OPTIONS):
        option_cols = source_cols(name)
        if len(option_cols) == 1:
            cols[name] = cache.mapped("options", normalize_options, option_cols[0])
        elif option_cols:
            cols[name] = cache.mapped_rows("options_rows", lambda cells: normalize_options(";".join(cells)),
                                           option_cols)
        else:
            cols[name] = [""] * n

    # -- tags (every tag column unioned) and notes ----------------------------------------
    for name in schema.of_kind(F.TAGS_KIND):
        tag_cols = source_cols(name)
        if len(tag_cols) == 1:
            cols[name] = cache.mapped("joined_tags", lambda v: join_tags(split_tags(v)), tag_cols[0])
        elif tag_cols:
            cols[name] = cache.mapped_rows(
                "joined_tag_rows", lambda cells: join_tags(t for c in cells for t in cache.tags(c)), tag_cols)
        else:
            cols[name] = [""] * n
    for name in schema.of_kind(F.NOTES_KIND):
        note_cols = source_cols(name)
        # A phone's extension has no field of its own in GHL: it is kept in the Notes.
        ext = extensions if name == F.NOTES else {}
        notes = [""] * n
        for r in range(n) if note_cols else sorted(ext):
            parts = [clean_text(v) for col in note_cols if col[r] and not col[r].isspace()
                     for v in split_values(col[r])]
            if r in ext:
                parts.append("Ramal/Ext.: " + ", ".join(ext[r]))
            notes[r] = "\n".join(parts)
        cols[name] = notes

    flag_row_problems(table, range(n))
    # Problems were added field by field (emails, then phones, ...): keep rows in order.
    table.problems = dict(sorted(table.problems.items()))
    return table


def _one_email_column(table: ContactTable, col: list[str], cache: ValueCache) -> tuple[list[str], list[str]]:
    """Email and Additional Emails from a single source column: the usual case, done column-wise.

    Same result as the general loop: plain addresses come from ``email_column``; the rest (several
    addresses in a cell, Unicode, quoting) from the full normalizer. An invalid plain address is
    recorded with an empty message: its reason is the library's, computed when someone reads it
    (``Problem.reason``).
    """
    values, suggestions, invalid, slow = email_column(col)
    extra = [""] * len(col)
    table.add_problems(F.EMAIL, INVALID_EMAIL, invalid.keys(), repeat(""), invalid.values())
    for r in slow:
        res = cache.email(col[r])
        if res.status == "empty":
            continue
        found = list(dict.fromkeys(res.emails))
        for part in res.invalid_parts:
            table.add_problem(r, F.EMAIL, INVALID_EMAIL, res.reason, part)
        if res.suggestion:
            suggestions[r] = res.suggestion
        if found:
            values[r] = found[0]
            extra[r] = ", ".join(found[1:])
    for r, suggestion in suggestions.items():
        table.suggestions.setdefault(r, {})[F.EMAIL] = suggestion
    table.add_problems(F.EMAIL, EMAIL_TYPO, suggestions.keys(),
                       [(M.DID_YOU_MEAN, (s,)) for s in suggestions.values()], repeat(""))  # plain Messages
    return values, extra


def _row_regions(codes: list[str], default: str) -> list[str] | None:
    """Per row, the region its phones are read in (``phone_region`` of its country code); None
    when that is the default region for every row (no country, or all of the default's)."""
    distinct = set(codes)
    distinct.discard("")
    distinct.discard(default)
    if not distinct:
        return None
    region_of = {c: phone_region(c, default) for c in distinct}
    region_of[""] = region_of[default] = default
    return [region_of[c] for c in codes]


def _phone_sources(mapping: Mapping) -> list[int]:
    """The columns feeding Phone, mobile ones first ("Celular" before "Telefone"), then those
    feeding Additional Phones: the first number a row has is the one GHL texts."""
    name_of = {c.index: c.source for c in mapping.columns}
    primary = sorted(mapping.sources_for(F.PHONE), key=lambda i: not is_mobile_header(name_of[i]))
    return primary + mapping.sources_for(F.ADDITIONAL_PHONES)


def _phone_columns(
    table: ContactTable, phone_cols: list[list[str]], cache: ValueCache, extensions: dict[int, list[str]],
    regions: list[str] | None, n: int,
) -> tuple[list[str], list[str]]:
    """Phone and Additional Phones of ``n`` rows from their source columns (mobile ones first).

    Each column is read column-wise (``_one_phone_column``), which records its problems and
    extensions: column after column, so a row's are in column order, as a cell-by-cell reading
    would give them. A row's numbers are those of its columns in order, each kept once: the first
    is its Phone, the others its Additional Phones.
    """
    if not phone_cols:
        return [""] * n, [""] * n
    primary, extra = _one_phone_column(table, phone_cols[0], cache, extensions, regions)
    for col in phone_cols[1:]:
        values, more = _one_phone_column(table, col, cache, extensions, regions)
        primary, extra = _with_column_numbers(primary, extra, values, more)
    return primary, extra


def _with_column_numbers(
    primary: list[str], extra: list[str], values: list[str], more: list[str],
) -> tuple[list[str], list[str]]:
    """Each row's (Phone, Additional Phones) with one more column's numbers after its own:
    ``values[r]`` and the comma-separated ``more[r]``, those not already found appended."""
    out_primary: list[str] = []
    out_extra: list[str] = []
    keep_primary, keep_extra = out_primary.append, out_extra.append
    for p, e, v, x in zip(primary, extra, values, more):
        if not x and (not v or v == p):  # nothing new (the usual row: one number, or none)
            pass
        elif not p:  # the row's first numbers: the column's own, already distinct
            p, e = v, x
        elif not x and not e:
            e = v
        else:
            found = dict.fromkeys(e.split(", ") if e else ())
            found.pop(p, None)
            for q in [v, *x.split(", ")] if x else (v,):
                if q and q != p:
                    found[q] = None
            e = ", ".join(found)
        keep_primary(p)
        keep_extra(e)
    return out_primary, out_extra


def _one_phone_column(
    table: ContactTable, col: list[str], cache: ValueCache, extensions: dict[int, list[str]],
    regions: list[str] | None = None,
) -> tuple[list[str], list[str]]:
    """Phone and Additional Phones from a single source column, column-wise (see ``_one_email_column``).

    With ``regions`` (a row's own country), the rows of each region are read as one column.
    """
    if regions is None:
        return _phone_rows(table, col, cache, extensions, cache.region, None)
    values, extra = [""] * len(col), [""] * len(col)
    groups: dict[str, list[int]] = {}
    for r, g in enumerate(regions):
        groups.setdefault(g, []).append(r)
    for g, rows in groups.items():
        part_values, part_extra = _phone_rows(table, [col[r] for r in rows], cache, extensions, g, rows)
        for r, v, e in zip(rows, part_values, part_extra):
            values[r], extra[r] = v, e
    return values, extra


def _phone_rows(
    table: ContactTable, col: list[str], cache: ValueCache, extensions: dict[int, list[str]], region: str,
    rows: list[int] | None,
) -> tuple[list[str], list[str]]:
    """The column path for the cells ``col`` read in ``region``; ``rows[i]`` is the table row of
    cell ``i`` (None: the cell's own index)."""
    values, repaired, invalid, slow, further = phone_column(col, region)
    extra = [""] * len(col)
    for r, more in further.items():
        extra[r] = more
    row_of = (lambda found: found) if rows is None else (lambda found: map(rows.__getitem__, found))
    table.add_problems(F.PHONE, INVALID_PHONE, row_of(invalid.keys()), repeat(LAZY_PHONE_REASON + region),
                       invalid.values())
    for r in slow:
        res = cache.phone(col[r], region)
        if res.status == "empty":
            continue
        found = list(dict.fromkeys(res.phones))
        row = r if rows is None else rows[r]
        for part in res.invalid_parts:
            table.add_problem(row, F.PHONE, INVALID_PHONE, res.reason, part)
        if res.repaired:
            repaired.append(r)
        if res.extension:
            extensions.setdefault(row, []).append(res.extension)
        if found:
            values[r] = found[0]
            extra[r] = ", ".join(found[1:])
    table.add_problems(F.PHONE, PHONE_REPAIRED, row_of(repaired), repeat(to_plain(REPAIRED_MESSAGE)), repeat(""))
    return values, extra


REPAIRED_MESSAGE = Message(M.NINTH_DIGIT)
NO_CONTACT_MESSAGE = Message(M.NO_CONTACT)
FORMULA_MESSAGE = Message(M.FORMULA)


def risky_indexes(column: list[str], rows) -> list[int]:
    """Rows whose value in ``column`` must be neutralized (cheap first-character filter first)."""
    if isinstance(rows, range) and rows == range(len(column)):
        candidates = _risky_candidates(column)
        if candidates is not None:
            return [r for r in candidates if needs_neutralizing(column[r])]
    out = []
    for r in rows:
        v = column[r]
        if v and (v[0] in RISKY_STARTS or v[0].isspace()) and needs_neutralizing(v):
            out.append(r)
    return out


#: A risky first character right after a NUL separator (\s is str.isspace here); the scan looks
#: for the literal NUL first, which the regex engine does at memchr speed.
_RISKY_START = re.compile("\x00[%s\\s]" % re.escape("".join(sorted(RISKY_STARTS))))


def _risky_candidates(column: list[str]) -> list[int] | None:
    """Rows whose value starts with a risky character or a space, found by one regex scan of the
    NUL-joined column (C speed; normalized text almost never starts so). None if a value holds a
    NUL itself, which would shift the row count."""
    if not any(column):
        return []
    joined = "\x00" + "\x00".join(column)  # every value follows a NUL
    hits = [m.start() + 1 for m in _RISKY_START.finditer(joined)]  # where the matched value begins
    if not hits:
        return []
    if joined.count("\x00") != len(column):
        return None
    starts = list(accumulate((len(v) + 1 for v in column), initial=1))
    return [bisect_right(starts, begin) - 1 for begin in hits]


def flag_row_problems(table: ContactTable, rows) -> None:
    """Row-level checks shared by normalizing and by review edits: contactability and formulas."""
    if isinstance(rows, range) and rows == range(len(table)):
        cols = table.columns
        no_contact = [r for r, a, b, c, d in zip(rows, cols[F.FIRST_NAME], cols[F.LAST_NAME],
                                                  cols[F.EMAIL], cols[F.PHONE]) if not (a or b or c or d)]
    else:
        rows = list(rows)
        no_contact = [r for r in rows if not table.has_contact(r)]
    for r in no_contact:
        table.add_problem(r, ROW, NO_CONTACT, NO_CONTACT_MESSAGE)
    for name in flagged_fields(table.schema):
        for r in risky_indexes(table.columns[name], rows):
            table.add_problem(r, name, FORMULA, FORMULA_MESSAGE)


def flagged_fields(schema: F.Schema = F.STANDARD) -> Sequence[str]:
    """Fields the export neutralizes (every column but the E.164 phone columns)."""
    return [f.name for f in schema if f.exported and f.neutralized]

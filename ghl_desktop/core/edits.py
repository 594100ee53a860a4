"""A person's review edits, a layer of their own over a conversion's table.

Every review action (a typed value, an accepted suggestion, rows excluded or taken back, a merged
group split back into its rows) is an *op*: a small JSON-ready dict that names the rows it touches
by where they came from (input file index and data-row index in that file, ``"src"``) and the
field by its name, never by the table row it happened to be on. So the same ops apply to any
conversion of the same file: the job's saved result when it is reopened, and the new table after
a re-conversion (a changed mapping, another default country, a retry, the file processed again).

:func:`apply_op` performs one op on a result's table through ``core.review`` (the same
validation the file's values get) and returns what undo needs; :func:`replay` performs a saved
layer in order and says, for each op that no longer applies, why (its row is now merged into
another contact, its column is no longer mapped to that field, ...): the window lists those to
the person instead of dropping them. An op records the source columns that fed its field when it
was made (``"cols"``), which is how a value typed over a column that is ignored since is told apart
from a value typed into a field no column ever fed (that one still applies).

The saved layer (``Layer``) keeps the ops still done (the undo stack), the ops undone (the redo
stack: history survives a restart) and the ops that did not apply at the last replay (kept, so a
later re-conversion, say with the column mapped back, applies them again).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from . import messages as M
from . import schema as F
from . import review
from .assemble import ValueCache, flag_row_problems, normalize_chunk
from .messages import Message
from .table import ContactTable

#: The saved layer's format (1: ops named table rows, as before edits outlived a re-conversion).
VERSION = 2

EDIT, ACCEPT, EXCLUDE, SPLIT = "edit", "accept", "exclude", "split"

#: Fields fed together: a column mapped to one of a group also fills the others (a full name gives
#: the first and last names; an email column's further addresses become Additional Emails).
_GROUPS = (
    frozenset({F.FIRST_NAME, F.LAST_NAME, F.FULL_NAME}),
    frozenset({F.EMAIL, F.ADDITIONAL_EMAILS}),
    frozenset({F.PHONE, F.ADDITIONAL_PHONES}),
)


def _feeds(mapped: str | None, target: str) -> bool:
    if mapped is None:
        return False
    return mapped == target or any(mapped in g and target in g for g in _GROUPS)


# -- where a row came from, and where it is now ------------------------------------------------------
class RowLocator:
    """Finds a table row by its source (file index, data-row index), and the row a source row was
    merged into. The table's rows are in source order (chunks in order, a merge only drops rows),
    so a lookup is two binary searches, checked; a row appended by a split is found in a dict of
    every row's source, made the first time one is looked for."""

    def __init__(self, table: ContactTable) -> None:
        self.table = table
        self._merged_into: dict[tuple[int, int], int] | None = None
        self._all: dict[tuple[int, int], int] | None = None

    def row_of(self, src) -> int | None:
        f, r = int(src[0]), int(src[1])
        files, rows = self.table.sources.files, self.table.sources.rows
        lo, hi = bisect_left(files, f), bisect_right(files, f)
        i = bisect_left(rows, r, lo, hi)
        if i < hi and rows[i] == r and files[i] == f:
            return i
        if self._all is None:
            self._all = dict(zip(zip(files, rows), range(len(rows))))
        return self._all.get((f, r))

    def merged_into(self, src) -> int | None:
        if self._merged_into is None:
            self._merged_into = self.table.merged.heads_by_source()
        return self._merged_into.get((int(src[0]), int(src[1])))


def source_of(table: ContactTable, row: int) -> list[int]:
    f, r = table.sources[row]
    return [int(f), int(r)]


def feeding_columns(result, file_index: int, field_name: str) -> list[str]:
    """The source headers of input ``file_index`` that fill ``field_name`` under its mapping."""
    if not 0 <= file_index < len(result.mappings):
        return []
    return [c.source for c in result.mappings[file_index].columns if _feeds(c.field, field_name)]


# -- making ops ------------------------------------------------------------------------------------
def edit_op(result, row: int, field_name: str, text: str) -> dict:
    src = source_of(result.table, row)
    return {"op": EDIT, "src": src, "field": field_name, "text": text,
            "cols": feeding_columns(result, src[0], field_name)}


def accept_op(result, row: int, field_name: str) -> dict | None:
    suggestion = result.table.suggestions.get(row, {}).get(field_name)
    if not suggestion:
        return None
    src = source_of(result.table, row)
    return {"op": ACCEPT, "src": src, "field": field_name, "text": suggestion,
            "cols": feeding_columns(result, src[0], field_name)}


def exclude_op(result, rows: list[int], excluded: bool) -> dict:
    return {"op": EXCLUDE, "src": [source_of(result.table, r) for r in sorted(set(rows))], "value": bool(excluded)}


def split_op(result, row: int) -> dict | None:
    if not result.table.merged.get(row):
        return None
    return {"op": SPLIT, "src": source_of(result.table, row)}


# -- performing ops --------------------------------------------------------------------------------
@dataclass
class Applied:
    """What one op did to the table: undo restores ``snaps`` (newest last) and drops the rows it
    appended (``appended``, always the table's last rows)."""

    op: dict
    rows: list[int]
    snaps: list = field(default_factory=list)
    appended: int = 0
    #: Part of the op that did not apply (rows of an exclusion now merged into others).
    rest: "NotApplied | None" = None
    #: The merged-rows entries the op removed (a split), restored by undo.
    merged: dict = field(default_factory=dict)


@dataclass
class NotApplied:
    op: dict
    reason: Message


def where(result, src) -> Message:
    """"row 12 of contatos.xlsx": a source row as the person knows it (the row number in the file)."""
    f, r = int(src[0]), int(src[1])
    if 0 <= f < len(result.sources):
        s = result.sources[f]
        line = s.row_numbers[r] if 0 <= r < len(s.row_numbers) else r + 2
        return Message(M.EDIT_WHERE, line, display_name(s))
    return Message(M.EDIT_WHERE, r + 2, "?")


def display_name(src) -> str:
    """The name of the file the person brought (the job system reads a private copy)."""
    from pathlib import Path

    return (src.info or {}).get("file") or Path(src.path).name


def _row_or_reason(result, loc: RowLocator, src) -> tuple[int | None, Message | None]:
    row = loc.row_of(src)
    if row is not None:
        return row, None
    head = loc.merged_into(src)
    if head is not None:
        return None, Message(M.EDIT_ROW_MERGED, where(result, src), where(result, source_of(result.table, head)))
    return None, Message(M.EDIT_ROW_GONE, where(result, src))


def _field_reason(result, op: dict) -> Message | None:
    name = op.get("field", "")
    if name not in result.table.columns:
        return Message(M.EDIT_FIELD_GONE, where(result, op["src"]), name)
    was = op.get("cols") or []
    if was:
        now = feeding_columns(result, int(op["src"][0]), name)
        if not set(was) & set(now):
            return Message(M.EDIT_COLUMN_UNMAPPED, where(result, op["src"]), name, ", ".join(was))
    return None


def apply_op(result, op: dict, cache: ValueCache, loc: RowLocator | None = None) -> Applied | NotApplied:
    """Perform ``op`` on ``result.table``; what it did (for undo), or why it no longer applies."""
    table = result.table
    loc = loc or RowLocator(table)
    kind = op.get("op")
    if kind in (EDIT, ACCEPT):
        row, why = _row_or_reason(result, loc, op["src"])
        why = why or _field_reason(result, op)
        if why is not None:
            return NotApplied(op, why)
        snap = review.edit_cell(table, row, op["field"], op.get("text", ""), cache)
        return Applied(op, [row], [snap])
    if kind == EXCLUDE:
        rows, missing = [], []
        for src in op.get("src", []):
            row, why = _row_or_reason(result, loc, src)
            (missing.append(why) if row is None else rows.append(row))
        if missing and not rows:
            return NotApplied(op, missing[0] if len(missing) == 1 else Message(M.EDIT_ROWS_GONE, len(missing)))
        value = bool(op.get("value"))
        snaps = [review.set_excluded(table, r, value) for r in rows]
        done = Applied({**op, "src": [source_of(table, r) for r in rows]}, rows, snaps)
        if missing:  # the rows still there are excluded; the others are kept aside, and said
            gone = [s for s in op.get("src", []) if loc.row_of(s) is None]
            done.rest = NotApplied({**op, "src": gone},
                                   missing[0] if len(missing) == 1 else Message(M.EDIT_ROWS_GONE, len(missing)))
        return done
    if kind == SPLIT:
        row, why = _row_or_reason(result, loc, op["src"])
        if why is None and not table.merged.get(row):
            why = Message(M.EDIT_NOT_MERGED, where(result, op["src"]))
        if why is not None:
            return NotApplied(op, why)
        return split_merged(result, row, cache, op)
    return NotApplied(op, Message(M.EDIT_UNKNOWN, str(kind)))


def undo(table: ContactTable, done: Applied) -> None:
    """Take back what ``apply_op`` did (the newest op first, as an undo stack does)."""
    if done.appended:
        n = len(table) - done.appended
        for col in table.columns.values():
            del col[n:]
        del table.sources[n:]
        for attr in ("problems", "suggestions", "merged"):
            d = getattr(table, attr)
            for r in [r for r in d if r >= n]:
                del d[r]
        table.excluded = {r for r in table.excluded if r < n}
    for snap in reversed(done.snaps):
        review.restore(table, snap)
    table.merged.update(done.merged)


def split_merged(result, row: int, cache: ValueCache, op: dict | None = None) -> Applied:
    """Split the merged contact in ``row`` back into the rows it was made of, each normalized from
    the file as a row of its own: the first stays in ``row``, the others are appended at the end."""
    table = result.table
    before = review.snapshot(table, row)
    merged = table.merged.get(row) or []
    group = [tuple(table.sources[row])] + [tuple(s) for s in merged]
    parts = [_normalized_row(result, f, r, cache) for f, r in group]
    head = parts[0]
    for c, col in table.columns.items():
        col[row] = head.columns[c][0] if c in head.columns else ""
    for attr in ("problems", "suggestions"):
        value = getattr(head, attr).get(0)
        if value:
            getattr(table, attr)[row] = value
        else:
            getattr(table, attr).pop(row, None)
    table.merged.pop(row, None)
    first_new = len(table)
    for part in parts[1:]:
        table.extend(part)
    rows = [row, *range(first_new, len(table))]
    return Applied(op or {"op": SPLIT, "src": list(group[0])}, rows, [before], len(table) - first_new,
                   merged={row: merged})


def _normalized_row(result, file_index: int, src_row: int, cache: ValueCache) -> ContactTable:
    src = result.sources[file_index]
    part = normalize_chunk(src, result.mappings[file_index], file_index, src_row, src_row + 1, cache)
    if part.schema is not result.table.schema:
        part = _with_schema(part, result.table)
    flag_row_problems(part, range(len(part)))
    return part


def _with_schema(part: ContactTable, like: ContactTable) -> ContactTable:
    out = like.empty_like()
    for c in out.columns:
        out.columns[c] = list(part.columns.get(c, [""] * len(part)))
    out.sources = part.sources
    out.problems, out.suggestions = part.problems, part.suggestions
    return out


# -- the saved layer -------------------------------------------------------------------------------
@dataclass
class Layer:
    """A job's edits as saved: ops done (in order), ops undone (the next to redo first), and ops
    that did not apply at the last replay, with why."""

    done: list[dict] = field(default_factory=list)
    undone: list[dict] = field(default_factory=list)
    pending: list[dict] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.done) + len(self.pending)

    def to_dict(self) -> dict:
        return {"version": VERSION, "ops": self.done, "redo": self.undone, "pending": self.pending}

    @classmethod
    def from_dict(cls, data: dict | None, table: ContactTable | None = None) -> "Layer":
        """A saved layer; an older one (ops naming table rows) is named by source rows with the
        table it was made on (the job's saved result), so it outlives a re-conversion too."""
        data = data or {}
        ops = [o for o in data.get("ops", []) if isinstance(o, dict)]
        if data.get("version", 1) < 2:
            ops = _from_rows(ops, table) if table is not None else []
        return cls(ops, [o for o in data.get("redo", []) if isinstance(o, dict)],
                   [o for o in data.get("pending", []) if isinstance(o, dict)])

    @property
    def empty(self) -> bool:
        return not (self.done or self.undone or self.pending)


def _from_rows(ops: list[dict], table: ContactTable) -> list[dict]:
    n, out = len(table), []
    for op in ops:
        kind = op.get("op")
        if kind in (EDIT, ACCEPT) and 0 <= op.get("row", -1) < n:
            new = {"op": EDIT, "src": source_of(table, op["row"]), "field": op.get("field", "")}
            text = op.get("text")
            if kind == ACCEPT:
                text = table.suggestions.get(op["row"], {}).get(op.get("field", ""))
            if text is not None:
                out.append({**new, "text": text, "cols": []})
        elif kind == EXCLUDE:
            rows = [r for r in op.get("rows", []) if 0 <= r < n]
            if rows:
                out.append({"op": EXCLUDE, "src": [source_of(table, r) for r in rows], "value": bool(op.get("value"))})
    return out


@dataclass
class Replayed:
    applied: list[Applied]
    redo: list[Applied]
    not_applied: list[NotApplied]

    @property
    def layer(self) -> Layer:
        return Layer([a.op for a in self.applied], [a.op for a in self.redo], [n.op for n in self.not_applied])


def replay(result, layer: Layer, cache: ValueCache | None = None, *, take_back_redo: bool = True) -> Replayed:
    """Perform a saved layer on ``result`` (a fresh or reopened conversion of the same file): the
    ops not applied at the last replay first (they are older), then the ops done, in order. The
    undone ops are performed too and taken back, newest first, so that redo finds them (an undone
    op that no longer applies is simply no longer offered). ``take_back_redo=False`` leaves the
    undone ops performed, for a caller whose undo stack takes them back. The report is refreshed."""
    cache = cache or ValueCache(result.options.region)
    applied: list[Applied] = []
    redo: list[Applied] = []
    missed: list[NotApplied] = []
    loc = RowLocator(result.table)
    for op in [*layer.pending, *layer.done]:
        out = apply_op(result, op, cache, loc)
        (applied if isinstance(out, Applied) else missed).append(out)
        if isinstance(out, Applied) and out.rest is not None:
            missed.append(out.rest)
        if isinstance(out, Applied) and out.appended:
            loc = RowLocator(result.table)
    for op in layer.undone:
        out = apply_op(result, op, cache)
        if isinstance(out, Applied):
            redo.append(out)
    for done in reversed(redo) if take_back_redo else ():
        undo(result.table, done)
    if applied or redo:
        result.refresh_report()
    return Replayed(applied, redo, missed)

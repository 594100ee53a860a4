"""One conversion, end to end: read → map → normalize (in chunks) → merge duplicates → report.

This is the single entry point the CLI and the job system share (through ``ghl_desktop.core``).
Long work reports to a :class:`~.task.TaskState`: progress, the normalized rows chunk by chunk (so
the window fills its preview while the job is still running), and cancel, checked between chunks.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from . import messages as M
from .assemble import SourceColumns, ValueCache, normalize_chunk
from .dedupe import BeforeDrop, DuplicateWatch, MergedHeads, merge_duplicates
from .errors import InputError
from .existing import ONLY_ALL, ExistingContacts, ExistingMatch, existing_mapping, id_field_of
from .export import ExportResult, write_export
from . import schema as F
from .schema import GHL_COLUMNS, STANDARD, Schema
from .limits import DEFAULT_LIMITS, Limits
from .mapping import KIND_SAMPLE, Mapping, auto_map, union_schema
from .messages import Message
from .speed import tuning
from .speed.existing_keys import KeyIndex
from .speed.helper import ChunkHelper, in_order, likely_rows
from .speed.memory import gc_paused, trim_heap
from .speed.pieces import piece_reader
from .reader import read_source, read_source_head
from .reader.header import SCAN_ROWS
from .reader.excel import PieceMap
from .reader.stream import FinalRowsFn, KeepFn
from .report import build_report
from .table import ContactTable, Problem
from .task import STAGES, TaskState, as_state

if TYPE_CHECKING:
    from .speed.export_ahead import ExportAhead

#: Rows shown from the head of a large text file before the whole file is read, so the preview
#: fills within a fraction of a second even for a million rows.
PREVIEW_ROWS = 200
_PREVIEW_MIN_BYTES = 4 * 1024 * 1024
#: ``inspect --limit`` reads up to this many rows of a workbook's head to settle its mapping
#: (~0.2 s), then the whole sheet.
_INSPECT_HEAD_MAX = 32_000
#: A workbook packs ~40 bytes a row (text ~90): past this size its whole read takes a while.
_PREVIEW_MIN_WORKBOOK_BYTES = 1024 * 1024
_PREVIEW_HEAD_BYTES = 256 * 1024

@dataclass
class ConvertOptions:
    region: str = "BR"
    dedupe: bool = True
    #: What makes two rows one contact when ``dedupe``: "email_phone" (GHL's default), "email" or "phone".
    dedupe_by: str = "email_phone"
    split_rows: int = 10_000
    sheet: str | None = None
    limits: Limits = DEFAULT_LIMITS
    #: The fields the contacts have (GHL's standard ones, plus any added at run time; after a
    #: conversion, its custom fields too).
    schema: Schema = STANDARD
    #: Keep every column that fills no standard field as a custom field (False: leave them out,
    #: the export then has the standard columns only: ``--drop-unmapped``).
    custom_fields: bool = True
    #: Files of the contacts already in GHL (a GHL contacts export, or one of our own earlier
    #: exports): every row is then marked new / update / unchanged / ambiguous
    #: (``ConversionResult.existing``) and the export carries their Contact Id.
    existing: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready; ``from_dict`` gives the same options back."""
        data = {"region": self.region, "dedupe": self.dedupe, "split_rows": self.split_rows,
                "sheet": self.sheet, "limits": asdict(self.limits)}
        if self.dedupe_by != "email_phone":
            data["dedupe_by"] = self.dedupe_by
        if self.schema != STANDARD:
            data["schema"] = self.schema.to_list()
        if not self.custom_fields:
            data["custom_fields"] = False
        if self.existing:
            data["existing"] = [str(p) for p in self.existing]
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> "ConvertOptions":
        """Options saved by ``to_dict`` (or an older version's: unknown keys are ignored)."""
        data = dict(data or {})
        limits = data.pop("limits", None)
        schema = data.pop("schema", None)
        opts = cls(**{k: v for k, v in data.items()
                      if k in ("region", "dedupe", "split_rows", "sheet", "custom_fields")})
        if data.get("dedupe_by") in ("email", "phone"):
            opts.dedupe_by = data["dedupe_by"]
        if limits:
            opts.limits = Limits(**{k: v for k, v in limits.items() if k in Limits.__dataclass_fields__})
        if schema:
            opts.schema = Schema.from_list(schema)
        existing = data.get("existing")
        if isinstance(existing, (list, tuple)):
            opts.existing = tuple(str(p) for p in existing)
        return opts


@dataclass
class ConversionResult:
    table: ContactTable
    report: dict
    sources: list[SourceColumns]
    mappings: list[Mapping]
    options: ConvertOptions = field(default_factory=ConvertOptions)
    total_rows: int = 0
    duplicates_merged: int = 0
    #: Each row marked against the contacts already in GHL (None: no such files were given);
    #: ``.mark(row)``, ``.contact_id(row)``, ``.changes(row)``, ``.counts()`` (``core/existing.py``).
    existing: ExistingMatch | None = None

    def rematch(self, rows: Sequence[int] | None = None) -> dict:
        """After review edits of ``rows`` (None: any change), mark them again against the contacts
        already in GHL and recompute the report; the report. Nothing to mark without existing files."""
        if self.existing is not None:
            self.existing.table = self.table
            self.existing.rematch(rows)
        return self.refresh_report()

    def refresh_report(self, seconds: float | None = None) -> dict:
        """Recompute the report from the current table (after review edits or exclusions)."""
        if self.existing is not None and self.existing.table is not self.table:
            self.existing.table = self.table
            self.existing.match_all()
        self.report = build_report(
            self.table,
            total_rows=self.total_rows,
            duplicates_merged=self.duplicates_merged,
            mappings=[m.to_dict() for m in self.mappings],
            unmapped=[m.unmapped() for m in self.mappings],
            inputs=[s.info for s in self.sources],
            seconds=self.report.get("seconds", 0.0) if seconds is None else seconds,
        )
        if self.existing is not None:
            self.report.update(self.existing.counts(self.table.not_exported_rows()))
        return self.report

    def export(
        self,
        out_path: str | os.PathLike,
        split_rows: int | None = None,
        rejects_path: str | os.PathLike | None = None,
        state: TaskState | None = None,
        helper: ChunkHelper | None = None,
        ahead: ExportAhead | None = None,
        tag: str | None = None,
        text: Callable[[Message], str] = str,
        only: str = ONLY_ALL,
        include_unchanged: bool = False,
    ) -> ExportResult:
        """Write the GHL CSV (``state``: its cancel is checked between slices); ``helper``: the
        conversion's helper process, if still running; ``ahead``: the slices it was given before
        the merge (only right after ``convert``); ``tag``: one tag added to every exported row
        (``export.import_tag`` cleans it). ``rejects_path``: the file of rows to fix (an Excel
        workbook for ``.xlsx``), its words written with ``text`` (English by default).

        With contacts already in GHL (``existing``): ``only`` is ``"all"``, ``"new"`` (new rows
        only, for GHL's "create only") or ``"update"`` (update and ambiguous rows, for "update
        only"); unchanged rows are left out unless ``include_unchanged``. The export then ends
        with a ``Contact Id`` column and an update's empty fields carry GHL's values
        (``ExistingMatch.export_table``); the file of rows to fix lists the problem rows of what
        is exported. Without existing files ``only`` must be ``"all"``."""
        table = self.table
        if self.existing is not None:
            if self.existing.table is not self.table:
                self.existing.table = self.table
                self.existing.match_all()
            # The rows chosen, filled and with their Contact Id: another table than the one the
            # slices formatted ahead were cut from.
            table, ahead = self.existing.export_table(self.existing.rows_for(only, include_unchanged)), None
        elif only != ONLY_ALL:
            raise ValueError(f"only={only!r} needs existing files (ConvertOptions.existing)")
        return write_export(
            table,
            out_path,
            self.options.split_rows if split_rows is None else split_rows,
            rejects_path,
            sources=self.sources,
            cancel=state.is_cancelled if state is not None else None,
            helper=helper,
            ahead=ahead,
            tag=tag,
            mappings=self.mappings,
            text=text,
        )

    # -- persistence -----------------------------------------------------------------------
    def save(self, folder: str | os.PathLike) -> None:
        """Persist everything needed to review and re-export without re-reading the input."""
        from . import persist

        persist.save_result(self, Path(folder))

    @classmethod
    def load(cls, folder: str | os.PathLike) -> "ConversionResult":
        """A result saved with ``save``; ``persist.ResultUnreadable`` when it cannot be reopened."""
        from . import persist

        parts = persist.load_parts(Path(folder))
        options = ConvertOptions.from_dict(parts.pop("options"))
        options.schema = parts.pop("schema")
        existing = parts.pop("existing", None)
        result = cls(options=options, **parts)
        if existing:
            attach_existing(result, existing)
        return result


def read_sources(
    paths: Sequence[str | os.PathLike],
    options: ConvertOptions,
    *,
    state: TaskState | None = None,
    feed_for: Callable[[int], FinalRowsFn | None] | None = None,
    keep: KeepFn | None = None,
    pieces: PieceMap | None = None,
) -> list[SourceColumns]:
    """Read every input into column-major raw cells.

    ``feed_for(i)`` may give, for the ``i``-th input, a function told of its rows that are final
    while the file is still being read (``reader.read_source``'s ``on_final_rows``). ``keep``: the
    columns whose cells are worth keeping past the first rows (``reader.read_source``).
    ``pieces``: how a large workbook sheet's pieces are read (``reader.read_source``).
    """
    state = as_state(state)
    out: list[SourceColumns] = []
    for i, path in enumerate(paths):
        state.set_progress("reading", i / len(paths))
        state.check()
        feed = feed_for(i) if feed_for is not None else None
        src = read_source(path, sheet=options.sheet, limits=options.limits, cancel=state.is_cancelled,
                          on_final_rows=feed, keep=keep, pieces=pieces,
                          on_progress=lambda done, i=i: state.set_progress("reading", (i + done) / len(paths)))
        out.append(_source_columns(path, src))
    total = sum(s.n_rows for s in out)
    if total > options.limits.max_rows:
        raise InputError(Message(M.INPUT_TOO_MANY_ROWS, total, options.limits.max_rows))
    state.set_progress("reading", 1.0)
    return out


def read_existing(paths: Sequence[str | os.PathLike], options: ConvertOptions, *,
                  state: TaskState | None = None, schema: Schema | None = None) -> list[SourceColumns]:
    """Read the files of contacts already in GHL with the inputs' reader (and limits). A file
    that cannot be read is an ``InputError`` saying it is one of these files, and which.

    With ``schema`` (the converted table's), a text file keeps, past its first rows, only the
    cells of the columns its mapping over that schema uses (``existing_mapping`` on those rows,
    as ``attach_existing`` maps it): a GHL export's other columns (activity dates, DND flags,
    opportunities…) are never stored. The source's ``info`` names the columns left
    (``unread_columns``, holding their first ``unread_from`` rows); should another mapping need
    one, ``attach_existing`` reads the file again whole."""
    keep = None
    if schema is not None:
        def keep(header: list[str], columns: list[list[str]]) -> list[int]:
            mapping = existing_mapping(header, _first_rows(columns, _SAMPLE_ROWS), schema, region=options.region)
            return [c.index for c in mapping.columns if c.field is not None]
    try:
        return read_sources(paths, replace(options, sheet=None), state=state, keep=keep)
    except InputError as exc:
        raise InputError(Message(M.EXISTING_UNREADABLE, exc.message)) from None


def _read_whole(src: SourceColumns, options: ConvertOptions) -> SourceColumns:
    """An existing file read keeping only some columns (``read_existing``), read again whole for a
    mapping that needs the others (its name as the person knows it kept)."""
    again = read_existing([src.path], options)[0]
    again.info["file"] = src.info.get("file") or again.info["file"]
    return again


def attach_existing(result: "ConversionResult", sources: Sequence[SourceColumns]) -> ExistingMatch:
    """Mark ``result``'s rows against the contacts already in GHL read into ``sources``: each is
    mapped over the result's schema (``existing.existing_mapping``), indexed by its raw keys
    (``speed.existing_keys``) and only the rows that can match are normalized. Sets
    ``result.existing`` and its report's counts."""
    schema, region = result.table.schema, result.options.region
    mappings, emails, phones, ids = [], [], [], []
    at = 0
    sources = list(sources)
    for k, src in enumerate(sources):
        unread = set(src.info.get("unread_columns") or ())
        if unread and src.info.get("unread_from", 0) < min(_SAMPLE_ROWS, src.n_rows):
            src = sources[k] = _read_whole(src, result.options)  # its first rows are not all the sample
            unread = set()
        mapping = existing_mapping(src.header, sample_rows(src), schema, region=region, columns=src.columns)
        if unread.intersection(c.index for c in mapping.columns if c.field is not None):
            src = sources[k] = _read_whole(src, result.options)  # this mapping uses a column left out
            mapping = existing_mapping(src.header, sample_rows(src), schema, region=region, columns=src.columns)
        id_field = id_field_of(mapping.schema)
        keyed = {F.EMAIL: emails, F.ADDITIONAL_EMAILS: emails, F.PHONE: phones, F.ADDITIONAL_PHONES: phones}
        found = False
        for c in mapping.columns:
            target = keyed.get(c.field) if c.field != id_field else ids
            if c.field is not None and target is not None:
                target.append((at, src.columns[c.index]))
                found = True
        if not found:
            raise InputError(Message(M.EXISTING_NO_KEYS, src.info.get("file") or Path(src.path).name))
        mappings.append(mapping)
        at += src.n_rows
    contacts = ExistingContacts(sources, mappings, KeyIndex(at, emails, phones, ids), region)
    result.existing = ExistingMatch(contacts, result.table)
    result.report.update(result.existing.counts(result.table.not_exported_rows()))
    return result.existing


def _source_columns(path, src) -> SourceColumns:
    # Text is read straight into columns; Excel rows are transposed a slice at a time and
    # freed as they go, so the cells are never held twice and no C call holds the GIL long.
    columns = src.take_columns()
    info = {
        "file": Path(src.path).name,
        "path": str(src.path),
        "format": src.format,
        "encoding": src.encoding,
        "delimiter": src.delimiter,
        "sheet": src.sheet,
        "header_row": src.header_row,
        "header": list(src.header),
        "rows": src.n_rows,
        "warnings": [str(w) for w in src.warnings],  # the report's and the saved result's English
    }
    unread, unread_from = src.unread
    if unread:  # the columns a read told to ``keep`` only some left out past its first rows
        info["unread_columns"], info["unread_from"] = list(unread), unread_from
    return SourceColumns(str(path), list(src.header), columns, src.row_numbers, info)


def read_head(path: str | os.PathLike, options: ConvertOptions, rows: int) -> tuple[SourceColumns, bool] | None:
    """(source, whole): at least the first ``rows`` data rows of a workbook (and the 500 the
    automatic mapping samples), read without the rest of its sheet, exactly as ``read_sources``
    gives them; ``whole``: they are all its rows. None when only the whole file can say which
    rows come first (text files are read whole: that is quick), or when the workbook's head
    cannot be read apart.
    """
    got = read_source_head(path, SCAN_ROWS + 1 + max(rows, 500), sheet=options.sheet, limits=options.limits)
    if got is None or not got[1]:
        return None
    return _source_columns(path, got[0]), got[2]


def inspect_source(path: str | os.PathLike, options: ConvertOptions,
                   limit: int | None = None) -> tuple[SourceColumns, Mapping]:
    """What ``inspect`` shows: the file as read and its automatic mapping, custom fields kept.

    With ``limit``, a workbook's first rows are read without the rest of its sheet (``read_head``)
    whenever they settle the mapping as the whole sheet would: the standard fields are judged
    from the first 500 rows, a custom field's kind from its first 500 values, so every column
    left to a custom field (or out, empty) needs its 500 values among the rows read: more rows
    are read while one lacks them, up to ``_INSPECT_HEAD_MAX``. Otherwise, and without
    ``limit``, the whole file is read.
    """
    rows = None if limit is None else max(limit, 0)
    while rows is not None:
        got = read_head(path, options, rows)
        if got is None:
            break
        src, whole = got
        mapping = auto_map(src.header, sample_rows(src), custom=True, columns=src.columns)
        standard = options.schema.without_custom()
        if whole or all(
            c.field in standard or sum(1 for v in src.columns[c.index] if v and not v.isspace()) >= KIND_SAMPLE
            for c in mapping.columns
        ):
            return src, mapping
        rows = min(max(rows, 500) * 8, _INSPECT_HEAD_MAX) if rows < _INSPECT_HEAD_MAX else None
    src = read_sources([path], options)[0]
    return src, auto_map(src.header, sample_rows(src), custom=True, columns=src.columns)


def normalize_sources(
    sources: list[SourceColumns],
    options: ConvertOptions,
    *,
    mappings: Sequence[Mapping | None] | None = None,
    state: TaskState | None = None,
    started: float | None = None,
    already_shown: int = 0,
    helper: ChunkHelper | None = None,
    prefed: dict[tuple[int, int], list] | None = None,
    before_merge: BeforeDrop | None = None,
    require_contacts: bool = False,
    kept: dict | None = None,
) -> ConversionResult:
    """Map, normalize and merge already-read sources (also used when a person changes the mapping).

    A large input is normalized on two cores (see ``parallel``); ``helper`` is one already started,
    and ``prefed`` the chunks it was given while the files were read, by (file index, first row):
    they must have been given mappings over the conversion's schema (``conversion_mappings``).
    ``before_merge(table, drop, heads)`` is told, once every row is normalized, what merging the
    duplicates will make of the table (nothing, without ``dedupe``), before it is done.
    ``require_contacts``: an input with no column of names, emails or phones is an ``InputError``.
    ``kept``: by file index, the rows of a source the helper holds already (``speed.pieces.KeptRows``).
    """
    started = time.perf_counter() if started is None else started
    state = as_state(state)
    state.set_progress("mapping", 0.0)
    used = conversion_mappings(sources, options, mappings)
    if require_contacts:
        for src, mapping in zip(sources, used):
            if not mapping.has_contact_column():
                raise InputError(Message(M.NO_CONTACT_COLUMNS, src.info.get("file") or Path(src.path).name))
    schema = used[0].schema if used else options.schema.without_custom()
    if schema != options.schema:
        options = replace(options, schema=schema)
    state.set_progress("mapping", 1.0)

    total = sum(s.n_rows for s in sources)
    cache = ValueCache(options.region)
    table = ContactTable(schema=schema)
    done = 0
    prefed = prefed or {}
    own = None  # a helper given by the caller is the caller's to close
    if not ChunkHelper.wanted(total) and not prefed:
        helper = None
    elif helper is None:
        helper = own = ChunkHelper()
    chunks = [
        (file_index, src, mapping, start, stop)
        for file_index, (src, mapping) in enumerate(zip(sources, used))
        for start, stop in _chunk_bounds(
            src.n_rows, last=helper is not None and file_index == len(sources) - 1,
            sent_until=max((a + tuning.CHUNK_ROWS for f, a in prefed if f == file_index), default=0))
    ]
    watch = DuplicateWatch(options.dedupe_by) if options.dedupe else None
    with own or contextlib.nullcontext():
        for file_index, start, stop, chunk in _normalized_in_order(chunks, cache, options.region, helper, state,
                                                                   prefed, kept):
            base = len(table)
            table.extend(chunk)
            if helper is not None:
                helper.placed(file_index, start, stop, base)  # rows it may format for the export
            if watch is not None:
                watch.add(chunk)  # the merge's groups are made while the helper still normalizes
            if state.wants_rows:
                if file_index == 0 and start < already_shown:  # the head preview showed these
                    rest = list(range(min(already_shown - start, len(chunk)), len(chunk)))
                    if rest:
                        state.set_partial_rows(chunk.take(rest))
                else:
                    state.set_partial_rows(chunk)
            done += stop - start
            state.set_progress("normalizing", done / total if total else 1.0)

    state.check()
    state.set_progress("merging", 0.0)
    merged = 0
    if options.dedupe:
        watched = watch.groups() if watch is not None else None
        if watch is not None:
            watch.release()  # its key dicts go before the merge builds a new table (peak memory)
        watch = None
        table, merged = merge_duplicates(table, watched, in_place=True,  # the chunks are ours
                                         before_drop=before_merge, by=options.dedupe_by,
                                         offload=helper.offload if helper is not None and helper.active else None,
                                         trim=trim_heap)
    elif before_merge is not None:
        before_merge(table, [], MergedHeads([], table.empty_like()))
    state.set_progress("merging", 1.0)

    result = ConversionResult(
        table=table,
        report={},
        sources=sources,
        mappings=used,
        options=options,
        total_rows=total,
        duplicates_merged=merged,
    )
    result.refresh_report(seconds=time.perf_counter() - started)
    return result


def automatic_mapping(src: SourceColumns, options: ConvertOptions) -> Mapping:
    """The automatic mapping of one read input (custom fields looked for in all of its cells)."""
    return auto_map(src.header, sample_rows(src), schema=options.schema, custom=options.custom_fields,
                    region=options.region, columns=src.columns)


def conversion_mappings(sources: Sequence[SourceColumns], options: ConvertOptions,
                        mappings: Sequence[Mapping | None] | None = None) -> list[Mapping]:
    """Each input's mapping (``mappings[i]``, else the automatic one), all over the conversion's
    schema: ``options.schema``'s fields, then every input's custom fields (``union_schema``), so
    that every chunk of every file has the same columns."""
    used: list[Mapping] = []
    for i, src in enumerate(sources):
        given = mappings[i] if mappings is not None and i < len(mappings) else None
        used.append(given if given is not None else automatic_mapping(src, options))
    schema = union_schema(options.schema, used)
    return [m if m.schema == schema else m.rebased(schema) for m in used]


def _chunk_bounds(n_rows: int, last: bool, sent_until: int = 0) -> list[tuple[int, int]]:
    """(start, stop) of each chunk of a file: ``CHUNK_ROWS`` each, but in the ``last`` file of a
    conversion on two processes, the last ``TAIL_CHUNKS`` chunks' rows in chunks ``TAIL_SPLIT``
    times smaller. The process that finishes first waits for the other's last chunk, and the
    merge after it is this process's alone: small last chunks keep that wait short. Rows up to
    ``sent_until`` keep whole chunks (the helper was given those, by first row, while the file
    was read)."""
    size = tuning.CHUNK_ROWS
    cut = max(n_rows - tuning.TAIL_CHUNKS * size, 0) if last else n_rows
    bounds = [(a, min(a + size, n_rows)) for a in range(0, n_rows, size) if a < cut or a < sent_until]
    start, small = (bounds[-1][1] if bounds else 0), max(size // tuning.TAIL_SPLIT, 1)
    bounds += [(a, min(a + small, n_rows)) for a in range(start, n_rows, small)]
    return bounds


def _normalized_in_order(chunks, cache: ValueCache, region: str, helper: ChunkHelper | None, state: TaskState,
                         prefed: dict[tuple[int, int], list] | None = None, kept: dict | None = None):
    """Yield (file index, start, stop, table) for every chunk, in order.

    With a helper process, both processes take the next chunk nobody has taken yet whenever they
    are free (``speed.helper.in_order``), so the live preview and progress still advance chunk by
    chunk. ``prefed``: chunks the helper was given while the file was read, by (file index, first row).
    ``kept``: by file index, the rows the helper holds already (``ChunkHelper.submit``).
    """
    kept = kept or {}
    sent = {}
    if prefed:
        sent = {k: prefed[(c[0], c[3])] for k, c in enumerate(chunks) if (c[0], c[3]) in prefed}

    def local(k: int) -> ContactTable:
        file_index, src, mapping, start, stop = chunks[k]
        chunk = normalize_chunk(src, mapping, file_index, start, stop, cache)
        cache.drop_high_cardinality()
        return chunk

    def send(k: int):
        file_index, src, mapping, start, stop = chunks[k]
        return helper.submit(src, mapping, file_index, start, stop, region, kept.get(file_index))

    def receive(k: int, pending) -> ContactTable | None:
        file_index, src, _mapping, start, stop = chunks[k]
        return helper.result(pending, file_index, start, stop, src)

    for k, chunk in in_order(len(chunks), local, send, receive, helper, sent=sent, check=state.check):
        file_index, _src, _mapping, start, stop = chunks[k]
        yield file_index, start, stop, chunk


class _Prefeed:
    """Hands a file's chunks to the helper process while the file is still being read.

    The reader reports after each block how many rows are final; whenever the helper holds fewer
    than ``HELPER_DEPTH`` chunks, the next whole chunk of final rows is sent. The mapping is
    chosen when the first chunk is (from the header and the first rows, as ``auto_map`` does
    later). Whether the work counts is decided after the read: only if the file's final columns
    are the very lists the rows were taken from (a reader fallback builds new ones).
    """

    def __init__(self, helper: ChunkHelper, file_index: int, options: ConvertOptions,
                 mapping_for: Callable[[list[str]], Mapping | None]) -> None:
        self.helper, self.file_index, self.options = helper, file_index, options
        self.mapping_for = mapping_for
        self.mapping: Mapping | None = None
        #: The mapping was the automatic one (decided on the first rows; see ``read_and_normalize``).
        self.automatic = False
        self.columns: list[list[str]] | None = None
        self.sent: dict[tuple[int, int], list] = {}
        self.next_start = 0

    def __call__(self, header: list[str], columns: list[list[str]], final_rows: int) -> None:
        helper = self.helper
        if helper.failed or (self.columns is not None and columns is not self.columns):
            return
        busy = sum(1 for pending in self.sent.values() if not helper.ready(pending))
        while busy < tuning.HELPER_DEPTH and self.next_start + tuning.CHUNK_ROWS <= final_rows:
            # ``range(final_rows)`` stands for the row numbers: sample_rows reads the first rows,
            # all final here, so the automatic mapping sees what it sees after the read.
            src = SourceColumns("", header, columns, range(final_rows))
            if self.mapping is None:
                self.columns = columns
                self.mapping = self.mapping_for(header)
                if self.mapping is None:
                    self.automatic = True
                    self.mapping = auto_map(header, sample_rows(src), schema=self.options.schema,
                                            custom=self.options.custom_fields, region=self.options.region)
            start, stop = self.next_start, self.next_start + tuning.CHUNK_ROWS
            pending = helper.submit(src, self.mapping, self.file_index, start, stop, self.options.region)
            if pending is None:
                return
            self.sent[(self.file_index, start)] = pending
            self.next_start = stop
            busy += 1

    def holds(self, src: SourceColumns) -> bool:
        """True when the rows sent are ``src``'s rows (the read ended in the lists they came from)."""
        cols = self.columns
        return cols is not None and len(cols) == len(src.columns) and all(
            a is b for a, b in zip(cols, src.columns)
        )

    def discard(self) -> None:
        for pending in self.sent.values():
            for future in pending:
                future.cancel()
        self.sent.clear()


#: The rows a file's mapping is worked out from (``sample_rows``).
_SAMPLE_ROWS = 500


def sample_rows(src: SourceColumns, size: int = _SAMPLE_ROWS) -> list[list[str]]:
    return _first_rows(src.columns, min(size, src.n_rows))


def _first_rows(columns: list[list[str]], n: int) -> list[list[str]]:
    n = min(n, len(columns[0])) if columns else 0
    return [[col[r] for col in columns] for r in range(n)]


def convert(
    paths: Sequence[str | os.PathLike],
    options: ConvertOptions | None = None,
    *,
    mappings: Sequence[Mapping | None] | None = None,
    mapping_for: Callable[[int, list[str]], Mapping | None] | None = None,
    state: TaskState | None = None,
    helper: ChunkHelper | None = None,
    before_merge: BeforeDrop | None = None,
) -> ConversionResult:
    """Read, map, normalize and merge ``paths`` into one result (not yet written anywhere).

    Each input's mapping: ``mappings[i]``, else ``mapping_for(i, header)`` (a mapping remembered
    for that header), else the automatic one.

    Raises :class:`InputError` for input a person must fix and :class:`Cancelled` when the ``state``'s cancel
    turned true. Progress runs from 0 to 0.95; the caller's save/export is the "writing" stage.
    ``helper``: a (not yet started) helper process for a large input, the caller's to close, so
    that it can still format the export (``ConversionResult.export(helper=...)``). ``before_merge``:
    see ``normalize_sources`` (the command line starts its export there, ``export.ExportAhead``).
    """
    if not paths:
        raise InputError(Message(M.NO_INPUT))
    with gc_paused():
        given = list(mappings or [])

        def choose(i: int, header: list[str]) -> Mapping | None:
            if i < len(given) and given[i] is not None:
                return given[i]
            return mapping_for(i, header) if mapping_for is not None else None

        return _convert(paths, options or ConvertOptions(), choose, as_state(state), helper, before_merge)


def convert_and_export(
    paths: Sequence[str | os.PathLike],
    out_path: str | os.PathLike,
    options: ConvertOptions,
    *,
    rejects_path: str | os.PathLike | None = None,
    state: TaskState | None = None,
    process_ends: bool = False,
    tag: str | None = None,
    only: str = ONLY_ALL,
    include_unchanged: bool = False,
) -> tuple[ConversionResult, ExportResult]:
    """``convert`` then ``export`` at once, for a caller with nothing to review in between (the
    command line). A large input's helper process keeps the chunks it normalizes and formats the
    export's slices from them, starting while this process merges the duplicates; the files are
    the same byte for byte as ``convert(...).export(...)``. ``process_ends``: the caller ends the
    process right after (``end_process``), so the helper is waited for here. ``tag``: added to
    every exported row (the slices formatted ahead would have none, so there are none then)."""
    from .speed.export_ahead import ExportAhead

    state = as_state(state)
    helper = ChunkHelper(keep=True)
    # No slices formatted ahead with a tag (they would lack it) or with contacts already in GHL:
    # the export is then another table (rows chosen by mark, a Contact Id column, an update's
    # empty cells filled), known only once the rows are marked after the merge.
    ahead = None if tag or options.existing else ExportAhead(helper, options.split_rows)
    try:
        result = convert(paths, options, state=state, helper=helper, before_merge=ahead)
        state.set_progress("writing", 0.0)
        exported = result.export(out_path, options.split_rows, rejects_path, helper=helper, ahead=ahead,
                                 tag=tag, only=only, include_unchanged=include_unchanged)
    finally:
        # The helper ends and releases its pipes (which hold this process's standard streams open
        # for whoever reads them) and semaphores before the caller goes on.
        helper.close(wait=process_ends)
    return result, exported


def reconvert(result: ConversionResult, mappings: Sequence[Mapping | None], *,
              state: TaskState | None = None) -> ConversionResult:
    """``result``'s inputs, as already read, mapped again with ``mappings`` (None: automatic)
    and normalized anew: what a person's change of the mapping asks for."""
    with gc_paused():
        new = normalize_sources(result.sources, result.options, mappings=mappings, state=state)
        if result.existing is not None:  # the same files, already read: mapped over the new schema
            attach_existing(new, result.existing.contacts.sources)
        return new


def _convert(paths, options, choose, state: TaskState, helper=None,
             before_merge: BeforeDrop | None = None) -> ConversionResult:
    started = time.perf_counter()
    shown = 0
    if state.wants_rows:  # the first rows of a big file, before the whole file is read
        head = head_preview(paths[0], options, mapping_for=lambda header: choose(0, header))
        if head is not None and len(head):
            state.set_partial_rows(head)
            shown = len(head)
    result = read_and_normalize(
        paths,
        options,
        mapping_for=choose,
        state=state,
        started=started,
        already_shown=shown,
        helper=helper,
        before_merge=before_merge,
    )
    if options.existing:
        state.check()
        attach_existing(result, read_existing(options.existing, options, schema=result.table.schema))
        result.report["seconds"] = round(time.perf_counter() - started, 3)
    return result


def read_and_normalize(
    paths: Sequence[str | os.PathLike],
    options: ConvertOptions,
    *,
    mapping_for: Callable[[int, list[str]], Mapping | None] | None = None,
    state: TaskState | None = None,
    started: float | None = None,
    already_shown: int = 0,
    helper: ChunkHelper | None = None,
    before_merge: BeforeDrop | None = None,
) -> ConversionResult:
    """``read_sources`` then ``normalize_sources``, overlapped for a large input.

    The helper process starts on a guess from the file sizes, and normalizes chunks of final rows
    while the main process is still reading (``_Prefeed``): the read no longer leaves the second
    core idle. ``mapping_for(i, header)`` gives the ``i``-th input's mapping, or None for the
    automatic one. ``helper``: one to use (started here if the input is large), the caller's to close.
    """
    started = time.perf_counter() if started is None else started
    state = as_state(state)
    choose = mapping_for or (lambda i, header: None)
    own = helper is None
    if helper is None:
        helper = ChunkHelper()
    if ChunkHelper.wanted(likely_rows(paths)):
        helper.start()  # its start-up overlaps the read
    feeds: dict[int, _Prefeed] = {}

    def feed_for(i: int) -> _Prefeed | None:
        if not helper.active:
            return None
        feeds[i] = _Prefeed(helper, i, options, lambda header: choose(i, header))
        return feeds[i]

    try:
        pieces = piece_reader(helper)
        sources = read_sources(paths, options, state=state, feed_for=feed_for, pieces=pieces)
        kept = {i: k for i, src in enumerate(sources)
                if pieces is not None and (k := pieces.kept_rows(src)) is not None}
        chosen: list[Mapping | None] = []
        for i, src in enumerate(sources):
            feed = feeds.get(i)
            if feed is not None and feed.holds(src) and not feed.automatic:
                chosen.append(feed.mapping)
            else:
                chosen.append(choose(i, src.header))
        used = conversion_mappings(sources, options, chosen)
        prefed: dict[tuple[int, int], list] = {}
        for i, src in enumerate(sources):
            feed = feeds.get(i)
            if feed is None:
                continue
            # The chunks sent count only if they were mapped exactly as the whole file now is: the
            # automatic mapping of the first rows can differ (a column empty there is filled further
            # down), and another input's custom fields widen the conversion's schema.
            if feed.holds(src) and feed.mapping == used[i]:
                prefed.update(feed.sent)
            else:
                feed.discard()
        result = normalize_sources(
            sources,
            options,
            mappings=used,
            state=state,
            started=started,
            already_shown=already_shown,
            helper=helper,
            prefed=prefed,
            before_merge=before_merge,
            require_contacts=True,
            kept=kept,
        )
    finally:
        if own:
            helper.close()
    return result


def head_preview(
    path,
    options: ConvertOptions,
    mapping: Mapping | None = None,
    mapping_for: Callable[[list[str]], Mapping | None] | None = None,
) -> ContactTable | None:
    """The first rows of a large delimited file or workbook, normalized from its head only (the
    text's first block; the workbook's first rows, ``read_source_head``).

    Provisional by nature (the full read decides encoding and repairs over the whole file, and
    which of several sheets holds the contacts), which is why the job's final result replaces
    the preview. Any problem here just means no preview.
    """
    from .reader import parse_text
    from .reader.decode import decode
    from .reader.sniff import sniff

    p = Path(path)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(_PREVIEW_HEAD_BYTES)
        kind = sniff(p, head[:4096])
        if kind == "zip" and size >= _PREVIEW_MIN_WORKBOOK_BYTES:
            got = read_source_head(p, SCAN_ROWS + 1 + PREVIEW_ROWS, sheet=options.sheet, limits=options.limits)
            if got is None:
                return None
            table = got[0]
        elif kind != "text" or size < _PREVIEW_MIN_BYTES:
            return None
        else:
            cut = head.rfind(b"\n")
            if cut <= 0:
                return None
            text, encoding = decode(head[: cut + 1], p.name)
            table = parse_text(p, text, encoding, limits=options.limits)
    except Exception:  # a preview is a nicety; the real read reports real problems
        return None
    n = min(PREVIEW_ROWS, len(table.rows))
    rows = table.rows[:n]
    src = SourceColumns(str(p), table.header, [list(c) for c in zip(*rows)], table.row_numbers[:n])
    used = mapping if mapping is not None else (mapping_for(table.header) if mapping_for else None)
    if used is None:
        used = auto_map(table.header, rows, schema=options.schema, custom=options.custom_fields,
                        region=options.region)
    return normalize_chunk(src, used, 0, 0, n, ValueCache(options.region))


__all__ = [
    "STAGES",
    "ConvertOptions",
    "ConversionResult",
    "ContactTable",
    "Problem",
    "GHL_COLUMNS",
    "convert",
    "normalize_sources",
    "inspect_source",
    "read_head",
    "read_sources",
    "read_and_normalize",
]

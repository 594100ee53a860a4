"""Save and load a conversion result, so a finished job reopens at once without reprocessing.

A result folder holds ``table.bin`` (the table's columns plus each row's source), ``source-<i>.bin``
(each input's raw cells, for rejects and "original → normalized" tooltips), ``review.bin``
(problems, suggestions, merges, exclusions, flattened into parallel lists), ``existing-<i>.bin``
(the raw cells of each file of contacts already in GHL, when the conversion had some: the rows
are marked again when the result reopens) and ``meta.json`` (the table's field schema, report,
mappings, options).

The ``.bin`` files hold plain lists, ``marshal``-ed and compressed in zlib's format (``deflate``:
ISA-L where installed; either library reads the other's) in slices of 25,000 values: columns of
strings are what marshal does fastest (a million-row table saves and reopens in about a second),
and between slices (and inside the compressor) the GIL is free, so the window stays responsive
while a job saves, and nothing big is bundled (Parquet via pyarrow measured about as fast but
added 80 MB to the installer). marshal only ever builds data — never runs code — and the folder
is private to the user. Its format is
tied to the Python version, so a result saved by another version reads as "cannot reopen" and
the job is simply processed again. The folder is written beside its final place and swapped in,
so a crash never leaves a half-saved result.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import sys
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from operator import attrgetter, itemgetter
from pathlib import Path

from . import deflate
from . import messages as M
from .assemble import SourceColumns
from .errors import MessageError
from .schema import STANDARD, Schema
from .speed.memory import gc_paused
from .mapping import Mapping
from .messages import Message
from .table import ContactTable, MergedRows, Problem, RowSources

FORMAT = 4
#: Formats this version still opens: 3 is 4 without contacts already in GHL.
_READABLE = (3, FORMAT)
_MAGIC = f"ghl-result/{FORMAT}/py{sys.version_info.major}.{sys.version_info.minor}".encode()
_MAGICS = frozenset(f"ghl-result/{v}/py{sys.version_info.major}.{sys.version_info.minor}".encode() for v in _READABLE)


class ResultUnreadable(MessageError):
    """A saved result cannot be reopened (damaged, or written by another Python version)."""


#: Lists are stored in slices this long: each slice is one short marshal call (a few ms for
#: 25,000 strings), so the GIL is free between slices and the window never waits long on a job
#: that saves or reopens a result.
_SLICE = 25_000
#: Slices marshalled ahead of the one being written (bounds the memory of a save).
_IN_FLIGHT = 4
#: Threads compressing: one core stays for this thread (marshalling) and one for the window.
_COMPRESSORS = max(1, min(2, (os.cpu_count() or 1) - 2))


def _flatten(data: dict, prefix: str = ""):
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}/")
        else:
            yield f"{prefix}{key}", value


class _SlicedList:
    """An array that ``_dump`` reads as lists, one slice at a time (marshal stores lists; one
    ``tolist()`` of a million items held the GIL for tens of ms)."""

    def __init__(self, values) -> None:
        self.values = values

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, part: slice) -> list:
        return self.values[part].tolist()


def _dump(path: Path, data: dict) -> None:
    """Write a dict of lists (nested dicts allowed) as length-prefixed, compressed slices.

    Compressing takes longer than marshalling and runs without the GIL, so it happens on helper
    threads (on other cores) while this thread marshals the next slices; the blobs are written
    in order, so the file is exactly what compressing one slice after another gives.
    """
    with open(path, "wb") as fh, ThreadPoolExecutor(_COMPRESSORS, thread_name_prefix="ghl-compress") as pool:
        fh.write(_MAGIC + b"\n")
        pending: deque = deque()

        def write_ready(keep: int) -> None:
            while len(pending) > keep:
                blob = pending.popleft().result()
                fh.write(len(blob).to_bytes(8, "little"))
                fh.write(blob)

        try:
            for key, value in _flatten(data):
                if isinstance(value, list) and value and isinstance(value[0], list):
                    parts = [(f"{key}#{i}", v) for i, v in enumerate(value)]  # a list of columns
                else:
                    parts = [(key, value)]
                for name, seq in parts:
                    for start in range(0, max(len(seq), 1), _SLICE):
                        raw = marshal.dumps((name, seq[start : start + _SLICE]))
                        pending.append(pool.submit(deflate.compress, raw))
                        del raw
                        write_ready(_IN_FLIGHT)
            write_ready(0)
        finally:
            for future in pending:  # an error on the way: nothing more to compress
                future.cancel()
        fh.flush()
        os.fsync(fh.fileno())


def _load(path: Path) -> dict:
    raw = path.read_bytes()
    nl = raw.find(b"\n")
    if nl == -1 or raw[:nl] not in _MAGICS:
        raise ResultUnreadable(Message(M.SAVED_OTHER_VERSION, path.name))
    flat: dict[str, list] = {}
    with memoryview(raw) as view:  # slices of a view: no copy of the whole file (tens of MB)
        body = view[nl + 1 :]
        pos = 0
        try:
            while pos < len(body):
                size = int.from_bytes(body[pos : pos + 8], "little")
                blob = body[pos + 8 : pos + 8 + size]
                if len(blob) != size:
                    raise EOFError(Message(M.SAVED_TRUNCATED))
                name, seq = marshal.loads(deflate.decompress(blob))
                flat.setdefault(name, []).extend(seq)
                pos += 8 + size
        except (ValueError, EOFError, TypeError, *deflate.ERRORS) as exc:
            why = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else M.verbatim(str(exc))
            raise ResultUnreadable(Message(M.SAVED_DAMAGED, path.name, why)) from None
        finally:
            body.release()
    if not flat:  # every list is written as one slice at least
        raise ResultUnreadable(Message(M.SAVED_DAMAGED, path.name, Message(M.SAVED_NO_DATA)))
    return _unflatten(flat)


def _unflatten(flat: dict[str, list]) -> dict:
    out: dict = {}
    for name, seq in flat.items():
        key, _, index = name.partition("#")
        *parents, leaf = key.split("/")
        node = out
        for p in parents:
            node = node.setdefault(p, {})
        if index:
            cols = node.setdefault(leaf, [])
            i = int(index)
            while len(cols) <= i:
                cols.append([])
            cols[i] = seq
        else:
            node[leaf] = seq
    return out


def save_result(result, folder: Path) -> None:
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(folder.name + ".saving")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    t = result.table
    _dump(tmp / "table.bin", {
        "columns": dict(t.columns),
        "file": _SlicedList(t.sources.files),
        "row": _SlicedList(t.sources.rows),
    })
    for i, src in enumerate(result.sources):
        _dump(tmp / f"source-{i}.bin", {"columns": src.columns, "row_numbers": src.row_numbers})
    _dump(tmp / "review.bin", _review_lists(t))
    existing = result.existing.contacts.sources if result.existing is not None else []
    for i, src in enumerate(existing):
        _dump(tmp / f"existing-{i}.bin", {"columns": src.columns, "row_numbers": src.row_numbers})
    meta = {
        "version": FORMAT,
        "schema": t.schema.to_list(),
        "report": result.report,
        "mappings": [m.to_dict() for m in result.mappings],
        "sources": [{"path": s.path, "header": s.header, "info": s.info} for s in result.sources],
        "existing": [{"path": s.path, "header": s.header, "info": s.info} for s in existing],
        # The options' schema is the table's, saved once above (``load`` sets it back).
        "options": {k: v for k, v in result.options.to_dict().items() if k != "schema"},
        "total_rows": result.total_rows,
        "duplicates_merged": result.duplicates_merged,
    }
    with open(tmp / "meta.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    old = folder.with_name(folder.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    if old.exists():
        shutil.rmtree(old)


def _sliced_map(fn, items: list) -> list:
    """``list(map(fn, items))`` a slice at a time: at 5M rows one call over 1.35M problems held the
    GIL for tens of ms (the window waits)."""
    out: list = []
    for start in range(0, len(items), _SLICE):
        out += map(fn, items[start : start + _SLICE])
    return out


def _review_lists(t: ContactTable) -> dict:
    """The sparse review state as parallel lists (what marshal stores fastest)."""
    p_row, p_field, problems = [], [], []
    for r, per_field in t.problems.items():
        for f, probs in per_field.items():
            if len(probs) == 1:
                p_row.append(r)
                p_field.append(f)
                problems.append(probs[0])
            else:
                p_row += [r] * len(probs)
                p_field += [f] * len(probs)
                problems += probs
    p_kind = _sliced_map(attrgetter("kind"), problems)
    p_msg = _sliced_map(itemgetter(1), problems)  # the message's plain form (Problem holds it so)
    p_value = _sliced_map(attrgetter("value"), problems)
    del problems
    s_row, s_field, s_text = [], [], []
    for r, per_field in t.suggestions.items():
        for f, text in per_field.items():
            s_row.append(r)
            s_field.append(f)
            s_text.append(text)
    m_row, m_file, m_src = t.merged.flat()
    return {
        "problems": [p_row, p_field, p_kind, p_msg, p_value],
        "suggestions": [s_row, s_field, s_text],
        "merged": [m_row, m_file, m_src],
        "excluded": sorted(t.excluded),
    }


def _apply_review(table: ContactTable, review: dict) -> None:
    problems: dict[int, dict[str, list[Problem]]] = {}
    for r, f, k, m, v in zip(*review["problems"]):
        problems.setdefault(r, {}).setdefault(f, []).append(Problem(k, m, v))
    table.problems = problems
    for r, f, text in zip(*review["suggestions"]):
        table.suggestions.setdefault(r, {})[f] = text
    table.merged = MergedRows.from_flat(*review["merged"])
    table.excluded = set(review["excluded"])


def reopened_schema(saved: Schema) -> Schema:
    """The schema a saved result reopens with: today's standard fields, then any field of the saved
    schema they lack (a custom field, or a field this version no longer has), so no saved column
    is lost and a field added since reopens empty."""
    schema = STANDARD
    for f in saved:
        if f.name not in schema:
            schema = schema.with_field(f)
    return schema


def load_parts(folder: Path) -> dict:
    """What ``save_result`` saved, as the keyword arguments of a ``ConversionResult`` (``options``
    as the plain data of ``ConvertOptions.to_dict``, ``schema`` the fields the table reopened with)."""
    with gc_paused():  # a million reopened rows: no collector pauses while they are built
        return _load_parts(folder)


def _load_parts(folder: Path) -> dict:
    folder = Path(folder)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResultUnreadable(Message(M.SAVED_UNREADABLE, M.message_of(exc))) from None
    if meta.get("version") not in _READABLE:
        raise ResultUnreadable(Message(M.SAVED_META_OTHER_VERSION))
    tab = _load(folder / "table.bin")
    files, rows = tab["file"], tab["row"]
    schema = reopened_schema(Schema.from_list(meta["schema"]) if "schema" in meta else STANDARD)
    saved = tab["columns"]
    table = ContactTable(schema=schema)
    # A field the result was saved without (the app gained one since) reopens empty.
    table.columns = {c: saved[c] if c in saved else [""] * len(files) for c in schema.columns}
    table.sources = RowSources()
    for start in range(0, len(files), _SLICE):  # a slice at a time: no single call holds the GIL long
        table.sources.files.extend(files[start : start + _SLICE])
        table.sources.rows.extend(rows[start : start + _SLICE])
    del files, rows, tab
    _apply_review(table, _load(folder / "review.bin"))

    sources = []
    for i, s in enumerate(meta["sources"]):
        raw = _load(folder / f"source-{i}.bin")
        sources.append(SourceColumns(s["path"], s["header"], raw["columns"], raw["row_numbers"], s["info"]))
    mappings = [Mapping.from_dict(s.header, m, schema) for s, m in zip(sources, meta["mappings"])]
    existing = []
    for i, s in enumerate(meta.get("existing", [])):
        raw = _load(folder / f"existing-{i}.bin")
        existing.append(SourceColumns(s["path"], s["header"], raw["columns"], raw["row_numbers"], s["info"]))
    return {
        "table": table,
        "report": meta["report"],
        "sources": sources,
        "mappings": mappings,
        "options": meta["options"],
        "schema": schema,
        "total_rows": meta["total_rows"],
        "duplicates_merged": meta["duplicates_merged"],
        "existing": existing,
    }

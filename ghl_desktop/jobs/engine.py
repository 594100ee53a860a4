"""One job's work through the core engine: a stored file in, a saved result folder out. No Qt.

This is the part a test may replace (``JobManager(engine=...)``): it knows nothing of the history
or of job states, only of files, options and the progress/cancel/rows callbacks it turns into the
core's ``TaskState``. The
bookkeeping around it (transitions, throttled progress, error messages) lives in ``worker``.
"""

from __future__ import annotations

import gc
import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol, Sequence

from ..core import (
    Cancelled,
    ContactTable,
    ConversionResult,
    ConvertOptions,
    ExportResult,
    Mapping,
    SourceColumns,
    TaskState,
    convert,
    gc_paused,
    header_signature,
    release,
)

ProgressFn = Callable[[str, float], None]
CancelFn = Callable[[], bool]
RowsFn = Callable[[ContactTable], None]
RecallFn = Callable[[str], "dict | None"]

#: The pipeline stops at 95%; saving the result is the "writing" stage up to 100%.
WRITING_START = 0.95


@dataclass
class JobOutcome:
    total_rows: int
    exported_rows: int
    report: dict
    #: ``mapping_record`` of the mapping used: what the history keeps and the window edits.
    mapping: dict


class Engine(Protocol):
    def __call__(
        self,
        stored_file: Path,
        result_dir: Path,
        options: ConvertOptions,
        *,
        mapping: dict | None = None,
        progress: ProgressFn,
        cancel: CancelFn,
        on_rows: RowsFn | None = None,
        recall: RecallFn | None = None,
        display_name: str | None = None,
        existing_names: Sequence[str] | None = None,
    ) -> JobOutcome: ...


def options_to_dict(options: ConvertOptions) -> dict:
    """JSON-ready options, kept with the job so a retry runs exactly as the first attempt."""
    return options.to_dict()


def options_from_dict(data: dict | None) -> ConvertOptions:
    return ConvertOptions.from_dict(data)


def mapping_record(header: list[str], mapping: Mapping) -> dict:
    """A mapping as the history stores it: the header it applies to, its columns, its signature.

    The header travels with the columns because ``Mapping.from_dict`` needs it to rebuild the
    mapping; the signature is the key under which a person's corrections are remembered.
    """
    return {"header": list(header), "columns": mapping.to_dict(), "signature": header_signature(header)}


def mapping_from_record(record: dict | None, header: list[str]) -> Mapping | None:
    """The stored mapping applied to ``header``, or None when there is none (auto-map instead)."""
    if not record or not isinstance(record.get("columns"), dict):
        return None
    return Mapping.from_dict(header, record["columns"])


def run_job(
    stored_file: Path,
    result_dir: Path,
    options: ConvertOptions,
    *,
    mapping: dict | None = None,
    progress: ProgressFn,
    cancel: CancelFn,
    on_rows: RowsFn | None = None,
    recall: RecallFn | None = None,
    display_name: str | None = None,
    existing_names: Sequence[str] | None = None,
) -> JobOutcome:
    """Convert ``stored_file`` and save the result in ``result_dir`` (atomically, by the core).

    ``existing_names``: the person's names of the files of contacts already in GHL
    (``options.existing`` names their stored copies), for the report and the saved result; the
    worker passes it only to a job that has such files.

    The mapping used is, in order: ``mapping`` (the job's own, after a person changed it), a mapping
    remembered for this header signature (``recall``), or the automatic one. Raises ``InputError``
    and ``Cancelled`` as the pipeline does; a cancelled job leaves no result folder behind.
    """
    def mapping_for(header: list[str]) -> Mapping | None:
        record = mapping if mapping is not None else (recall(header_signature(header)) if recall else None)
        return mapping_from_record(record, header)

    result = None
    # Ids of the tables handed to the window: never ours to empty (an id reused by another table
    # only means that one is freed the ordinary way).
    shown_to_window: set[int] = set()
    if on_rows is not None:
        emit = on_rows

        def on_rows(chunk: ContactTable) -> None:
            shown_to_window.add(id(chunk))
            emit(chunk)

    state = TaskState(progress, cancel, on_rows)
    try:
        with gc_paused():  # no multi-second collector pauses (they freeze the GUI thread too)
            try:
                result = convert([stored_file], options, mapping_for=lambda i, header: mapping_for(header),
                                 state=state)
                header = result.sources[0].header
            except BaseException as exc:
                # Cancelled or failed with the collector still paused: the millions of objects
                # built so far would all be walked by the first collection once it is back on
                # (a freeze of the window). So the rows are let go of now, slowly, the traceback's
                # frames are cleared (no cycle keeps anything alive), and what is left is frozen.
                _let_go(exc, result, shown_to_window)
                result = None
                gc.freeze()
                raise
        if display_name:  # the report names the person's file, not the hash-named stored copy
            for info in [result.sources[0].info, *result.report.get("inputs", [])[:1]]:
                info["file"] = display_name
        if existing_names and result.existing is not None:
            for src, name in zip(result.existing.contacts.sources, existing_names):
                src.info["file"] = name
        progress("writing", WRITING_START)
        if cancel():
            raise Cancelled()
        result.save(result_dir)
        progress("writing", 1.0)
        outcome = JobOutcome(
            total_rows=int(result.report.get("total_rows", result.total_rows)),
            exported_rows=int(result.report.get("exported_rows", len(result.table))),
            report=result.report,
            mapping=mapping_record(header, result.mappings[0]),
        )
    except BaseException as exc:
        # A cancelled or failed job lets go of its rows slowly too; those still held by the
        # frames of the traceback (a half-built table) as well.
        _let_go(exc, result, shown_to_window)
        raise
    # The result is saved; freeing its million rows in one go would hold the GIL for most of a
    # second (the window freezes), so it is emptied a slice at a time.
    release(result)
    return outcome


def _let_go(exc: BaseException, result, shown: set[int]) -> None:
    """Empty the job's data slowly (see ``release``): the result, the sources, and what the
    traceback's frames hold, except tables handed to the window; then clear those frames."""
    held = [v for v in _frame_data(exc.__traceback__) if not _handed_out(v, shown)]
    release(result, *held)
    del held
    traceback.clear_frames(exc.__traceback__)


def _handed_out(value, shown: set[int]) -> bool:
    if isinstance(value, list):
        return any(id(v) in shown for v in value if isinstance(v, ContactTable))
    return id(value) in shown


def _frame_data(tb) -> list:
    """The job data (tables, sources, results) the frames of a traceback still hold.

    The first frame is the running one that caught the exception: its locals are known, and
    reading them would store the exception in a snapshot on its own frame (a reference cycle).
    """
    found = []
    tb = tb.tb_next if tb is not None else None
    while tb is not None:
        try:
            values = list(tb.tb_frame.f_locals.values())
        except Exception:  # a frame without readable locals holds nothing of ours
            values = []
        found.extend(v for v in values if isinstance(v, (ConversionResult, ContactTable, SourceColumns, list)))
        tb = tb.tb_next
    return found


def load_result(result_dir: Path) -> ConversionResult:
    """A done job's saved result (table, report, mappings), for review and re-export."""
    return ConversionResult.load(result_dir)


def reexport_job(
    result_dir: Path,
    out_path: str | os.PathLike,
    split_rows: int | None = None,
    rejects_path: str | os.PathLike | None = None,
) -> ExportResult:
    """Export a done job again from its saved result, without reading or normalizing anything.

    The window applies review edits to the loaded table and saves it back first; this then writes
    the GHL CSV (in parts) and the optional rejects file from what is saved.
    """
    return load_result(result_dir).export(out_path, split_rows=split_rows, rejects_path=rejects_path)

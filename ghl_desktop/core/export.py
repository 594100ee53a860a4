"""Write the GHL import CSV (split in parts GHL accepts) and the rejects CSV, atomically.

GHL imports at most 10,000 rows per file, so a longer export becomes ``OUT-part001.csv``,
``OUT-part002.csv``, ... next to OUT. Either every file of an export appears or none does.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .assemble import SourceColumns, flagged_fields, risky_indexes
from .atomic import atomic_open, commit_all, temp_path_for
from .fields import GHL_COLUMNS
from .normalize import needs_neutralizing, neutralize_formula
from .table import ROW, ContactTable

GHL_ROW_LIMIT = 10_000


@dataclass
class ExportResult:
    paths: list[Path]
    rows: int
    rejects: int = 0
    rejects_path: Path | None = None
    removed_stale: list[Path] = field(default_factory=list)


def part_paths(out: Path, n_parts: int) -> list[Path]:
    suffix = out.suffix or ".csv"
    return [out.with_name(f"{out.stem}-part{i:03d}{suffix}") for i in range(1, n_parts + 1)]


def _stale_parts(out: Path) -> list[Path]:
    suffix = out.suffix or ".csv"
    pattern = re.compile(re.escape(out.stem) + r"-part\d{3}" + re.escape(suffix) + "$")
    if not out.parent.is_dir():
        return []
    return [p for p in out.parent.iterdir() if pattern.match(p.name)]


def remove_stale_temps(out: Path) -> None:
    """Temp files a killed export left behind (hidden, never mistaken for an export) are cleared."""
    stem = re.escape(out.stem)
    pattern = re.compile(rf"^\.{stem}(-part\d{{3}})?{re.escape(out.suffix or '.csv')}\..+\.tmp$")
    for p in out.parent.iterdir():
        if pattern.match(p.name):
            with contextlib.suppress(OSError):
                p.unlink()


def export_columns(table: ContactTable) -> list[list[str]]:
    """The exported values, column by column (GHL order), formula cells neutralized."""
    rows = table.exported_rows()
    risky = set(flagged_fields())
    columns = []
    for c in GHL_COLUMNS:
        col = table.columns[c]
        values = [col[r] for r in rows]
        if c in risky:
            for i in risky_indexes(values, range(len(values))):
                values[i] = neutralize_formula(values[i])
        columns.append(values)
    return columns


def export_rows(table: ContactTable) -> list[list[str]]:
    """The exported rows as GHL would receive them (for callers that want rows)."""
    return [list(r) for r in zip(*export_columns(table))]


def write_export(
    table: ContactTable,
    out_path: str | os.PathLike,
    split_rows: int = GHL_ROW_LIMIT,
    rejects_path: str | os.PathLike | None = None,
    *,
    sources: Sequence[SourceColumns] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the GHL CSV (in parts when longer than ``split_rows``; 0 = never split)."""
    out = Path(out_path)
    if out.is_dir():
        raise IsADirectoryError(f"{out} is a folder, not a file name")
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    columns = export_columns(table)
    n_rows = len(columns[0])
    if split_rows and n_rows > split_rows:
        bounds = [(i, min(i + split_rows, n_rows)) for i in range(0, n_rows, split_rows)]
        dests = part_paths(out, len(bounds))
    else:
        bounds, dests = [(0, n_rows)], [out]

    pairs: list[tuple[Path, Path]] = []
    try:
        for (lo, hi), dest in zip(bounds, dests):
            tmp = temp_path_for(dest)
            pairs.append((tmp, dest))
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(GHL_COLUMNS)
                writer.writerows(zip(*(col[lo:hi] for col in columns)))
                fh.flush()
                os.fsync(fh.fileno())
            if cancel and cancel():
                from .errors import Cancelled

                raise Cancelled()
        rejects = None
        if rejects_path is not None:
            rejects = Path(rejects_path)
            tmp = temp_path_for(rejects)
            pairs.append((tmp, rejects))
            n_rejects = write_rejects(table, tmp, sources)
        else:
            n_rejects = 0
    except BaseException:
        for tmp, _ in pairs:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    stale = [p for p in _stale_parts(out) if p not in dests]
    if out not in dests and out.exists():
        stale.append(out)  # an older unsplit export would be mistaken for this one
    commit_all(pairs)
    for p in stale:
        with contextlib.suppress(OSError):
            p.unlink()
    return ExportResult(
        paths=dests, rows=n_rows, rejects=n_rejects, rejects_path=rejects, removed_stale=stale
    )


def reject_reason(table: ContactTable, row: int) -> str:
    if row in table.excluded:
        return "excluded during review"
    reasons = [
        p.reason if fld == ROW else f"{fld} {p.value!r}: {p.reason}" if p.value else f"{fld}: {p.reason}"
        for fld, p in table.row_problems(row)
        if p.is_error
    ]
    return "; ".join(reasons)


def rejected_rows(table: ContactTable) -> list[int]:
    """Rows not exported, or exported while holding an invalid value."""
    return [r for r in range(len(table)) if not table.is_exported(r) or table.has_error(r)]


def write_rejects(
    table: ContactTable, path: Path, sources: Sequence[SourceColumns] | None = None
) -> int:
    """Each rejected row with its original values (from ``sources``) and the reason."""
    rows = rejected_rows(table)
    if sources:
        header = list(dict.fromkeys(h for s in sources for h in s.header))
        index = [{h: i for i, h in enumerate(s.header)} for s in sources]
    else:
        header = list(GHL_COLUMNS)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Source File", "Source Row", "Reason", *header])
        for r in rows:
            file_idx, src_row = table.sources[r]
            if sources:
                src = sources[file_idx]
                raw = src.raw_row(src_row)
                values = [raw[index[file_idx][h]] if h in index[file_idx] else "" for h in header]
                name, line = Path(src.path).name, src.row_numbers[src_row]
            else:
                values = [table.columns[c][r] for c in header]
                name, line = "", src_row + 1
            values = [neutralize_formula(v) if v and needs_neutralizing(v) else v for v in values]
            writer.writerow([name, line, reject_reason(table, r), *values])
        fh.flush()
        os.fsync(fh.fileno())
    return len(rows)


def write_json(path: str | os.PathLike, data) -> None:
    import json

    with atomic_open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

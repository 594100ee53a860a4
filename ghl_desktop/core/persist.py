"""Save and load a conversion result, so a finished job reopens at once without reprocessing.

Layout of a result folder: ``table.parquet`` (the GHL columns plus each row's source),
``source-<i>.parquet`` (each input's raw cells, for rejects and "original → normalized" tooltips),
``problems/suggestions/merged/excluded.parquet`` (the review state) and ``meta.json`` (report, mappings,
options). Parquet was chosen over SQLite for the tables: for 1M rows it writes and reads several
times faster and is a fraction of the size (see the job system's notes). The folder is written beside
its final place and swapped in, so a crash never leaves a half-saved result.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .assemble import SourceColumns
from .fields import GHL_COLUMNS
from .limits import Limits
from .mapping import Mapping
from .table import ContactTable, Problem

_ROW_NUMBER = "__row_number__"


def _fsync_dir_tree(folder: Path) -> None:
    import os

    for p in folder.iterdir():
        with open(p, "rb") as fh:
            os.fsync(fh.fileno())


def save_result(result, folder: Path) -> None:
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(folder.name + ".saving")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    t = result.table
    arrays = {c: pa.array(t.columns[c], type=pa.string()) for c in GHL_COLUMNS}
    arrays["__file__"] = pa.array([s[0] for s in t.sources], type=pa.int32())
    arrays["__row__"] = pa.array([s[1] for s in t.sources], type=pa.int64())
    pq.write_table(pa.table(arrays), tmp / "table.parquet")
    for i, src in enumerate(result.sources):
        cols = {f"c{j}": pa.array(col, type=pa.string()) for j, col in enumerate(src.columns)}
        cols[_ROW_NUMBER] = pa.array(src.row_numbers, type=pa.int64())
        pq.write_table(pa.table(cols), tmp / f"source-{i}.parquet")
    _write_review(t, tmp)
    opts = asdict(result.options)
    meta = {
        "version": 1,
        "report": result.report,
        "mappings": [m.to_dict() for m in result.mappings],
        "sources": [
            {"path": s.path, "header": s.header, "info": s.info} for s in result.sources
        ],
        "options": opts,
        "total_rows": result.total_rows,
        "duplicates_merged": result.duplicates_merged,
    }
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    _fsync_dir_tree(tmp)
    old = folder.with_name(folder.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    if old.exists():
        shutil.rmtree(old)


def _write_review(t: ContactTable, folder: Path) -> None:
    """Problems, suggestions, merges and exclusions as Parquet tables (one row per item).

    Columnar on purpose: a single ``json.dumps`` of a million rows' review data holds the GIL for
    the better part of a second, freezing the window while a job saves.
    """
    rows, flds, kinds, messages, values = [], [], [], [], []
    for r, per_field in t.problems.items():
        for f, probs in per_field.items():
            for p in probs:
                rows.append(r)
                flds.append(f)
                kinds.append(p.kind)
                messages.append(p.message)
                values.append(p.value)
    pq.write_table(pa.table({"row": pa.array(rows, pa.int64()), "field": flds, "kind": kinds,
                             "message": messages, "value": values}), folder / "problems.parquet")
    s_rows, s_fields, s_text = [], [], []
    for r, per_field in t.suggestions.items():
        for f, text in per_field.items():
            s_rows.append(r)
            s_fields.append(f)
            s_text.append(text)
    pq.write_table(pa.table({"row": pa.array(s_rows, pa.int64()), "field": s_fields, "text": s_text}),
                   folder / "suggestions.parquet")
    m_rows, m_file, m_src = [], [], []
    for r, refs in t.merged.items():
        for f, src in refs:
            m_rows.append(r)
            m_file.append(f)
            m_src.append(src)
    pq.write_table(pa.table({"row": pa.array(m_rows, pa.int64()), "file": pa.array(m_file, pa.int32()),
                             "src": pa.array(m_src, pa.int64())}), folder / "merged.parquet")
    pq.write_table(pa.table({"row": pa.array(sorted(t.excluded), pa.int64())}), folder / "excluded.parquet")


def _read_review(table: ContactTable, folder: Path) -> None:
    p = pq.read_table(folder / "problems.parquet").to_pydict()
    problems: dict[int, dict[str, list[Problem]]] = {}
    for r, f, k, m, v in zip(p["row"], p["field"], p["kind"], p["message"], p["value"]):
        problems.setdefault(r, {}).setdefault(f, []).append(Problem(k, m, v))
    table.problems = problems
    s = pq.read_table(folder / "suggestions.parquet").to_pydict()
    for r, f, text in zip(s["row"], s["field"], s["text"]):
        table.suggestions.setdefault(r, {})[f] = text
    m = pq.read_table(folder / "merged.parquet").to_pydict()
    for r, f, src in zip(m["row"], m["file"], m["src"]):
        table.merged.setdefault(r, []).append((f, src))
    table.excluded = set(pq.read_table(folder / "excluded.parquet").column("row").to_pylist())


def load_result(folder: Path):
    from .pipeline import gc_paused

    with gc_paused():  # a million reopened rows: no collector pauses while they are built
        return _load_result(folder)


def _load_result(folder: Path):
    from .pipeline import ConversionResult, ConvertOptions

    folder = Path(folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    tab = pq.read_table(folder / "table.parquet")
    table = ContactTable()
    for c in GHL_COLUMNS:
        table.columns[c] = [v or "" for v in tab.column(c).to_pylist()]
    table.sources = list(zip(tab.column("__file__").to_pylist(), tab.column("__row__").to_pylist()))
    _read_review(table, folder)
    sources = []
    for i, s in enumerate(meta["sources"]):
        st = pq.read_table(folder / f"source-{i}.parquet")
        cols = [[v or "" for v in st.column(f"c{j}").to_pylist()] for j in range(len(s["header"]))]
        sources.append(
            SourceColumns(s["path"], s["header"], cols, st.column(_ROW_NUMBER).to_pylist(), s["info"])
        )
    mappings = [Mapping.from_dict(s.header, m) for s, m in zip(sources, meta["mappings"])]
    opts = dict(meta["options"])
    opts["limits"] = Limits(**opts.get("limits", {}))
    return ConversionResult(
        table=table,
        report=meta["report"],
        sources=sources,
        mappings=mappings,
        options=ConvertOptions(**opts),
        total_rows=meta["total_rows"],
        duplicates_merged=meta["duplicates_merged"],
    )

"""The job history: stdlib sqlite3 in WAL mode, a versioned schema, and recovery from anything.

At open: a damaged database is moved aside and a new one created (``recovered_from_corruption``
says where the old one went, so the window can tell the person); the schema is migrated forward
(``PRAGMA user_version``); jobs a crash or kill left queued or processing become failed
("interrupted") and can be retried; and old jobs' stored files and results are deleted after the
retention period, their history rows kept. ``synchronous=FULL`` so a power cut loses no commit.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..core import Message, messages
from . import states as S
from .files import DataDir

from_json = messages.from_json

INTERRUPTED = "interrupted"


class HistoryBusy(RuntimeError):
    """The history database is locked by another running copy of the app (not damaged)."""

_V1 = """
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    original_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT '',
    progress INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    error TEXT NOT NULL DEFAULT '',
    total_rows INTEGER,
    exported_rows INTEGER,
    report_json TEXT,
    mapping_json TEXT,
    output_paths TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX jobs_sha ON jobs(sha256);
CREATE INDEX jobs_created ON jobs(created_at);
"""

_V2 = """
ALTER TABLE jobs ADD COLUMN stored_path TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN edits_json TEXT;
ALTER TABLE jobs ADD COLUMN options_json TEXT;
ALTER TABLE jobs ADD COLUMN files_purged INTEGER NOT NULL DEFAULT 0;
CREATE TABLE remembered_mappings (
    signature TEXT PRIMARY KEY,
    mapping_json TEXT NOT NULL,
    updated_at REAL NOT NULL
);
"""

#: A failed job's message as id and arguments (``core.messages.to_json``), beside its English.
_V3 = """
ALTER TABLE jobs ADD COLUMN error_json TEXT;
"""

#: The files of contacts already in GHL a job is compared with, each copied into the data folder as
#: an input is: a JSON list of ``{file_name, original_path, sha256, size, stored_path}`` (the
#: job's options name the stored copies; the window shows the person's names from here).
_V4 = """
ALTER TABLE jobs ADD COLUMN existing_json TEXT NOT NULL DEFAULT '[]';
"""

#: Ordered migrations: MIGRATIONS[i] takes a database from version i to i + 1.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass
class Job:
    id: str
    file_name: str
    original_path: str
    sha256: str
    size: int
    status: str
    stage: str
    progress: int
    created_at: float
    started_at: float | None
    finished_at: float | None
    error: str
    total_rows: int | None
    exported_rows: int | None
    report_json: str | None
    mapping_json: str | None
    output_paths: str
    stored_path: str
    edits_json: str | None
    options_json: str | None
    files_purged: int
    error_json: str | None
    existing_json: str = "[]"

    @property
    def existing_files(self) -> list[dict]:
        """The files of contacts already in GHL the job is compared with, in order: each a dict
        ``{file_name, original_path, sha256, size, stored_path}`` (``stored_path``: the copy its
        options name). A job whose options name files that were never copied in (written before
        the copies were kept) gets them as they are, each its own original."""
        records = json.loads(self.existing_json) if self.existing_json else []
        if records:
            return records
        return [{"file_name": Path(p).name, "original_path": str(p), "sha256": "", "size": 0, "stored_path": str(p)}
                for p in self.options.get("existing") or []]

    @property
    def existing_paths(self) -> list[str]:
        """Where the person's files of contacts already in GHL were (what the window shows)."""
        return [r["original_path"] for r in self.existing_files]

    @property
    def existing_names(self) -> list[str]:
        return [r["file_name"] for r in self.existing_files]

    @property
    def error_message(self) -> Message | None:
        """Why the job failed, as a message (None: no failure, or one recorded only as text:
        ``INTERRUPTED``, or a job that failed before messages were stored)."""
        if not self.error_json:
            return None
        try:
            return from_json(self.error_json)
        except (ValueError, KeyError, TypeError):  # written by another version of the app
            return None

    @property
    def report(self) -> dict:
        return json.loads(self.report_json) if self.report_json else {}

    @property
    def mapping(self) -> dict | None:
        return json.loads(self.mapping_json) if self.mapping_json else None

    @property
    def outputs(self) -> list[str]:
        return json.loads(self.output_paths or "[]")

    @property
    def options(self) -> dict:
        return json.loads(self.options_json) if self.options_json else {}

    @property
    def edits(self) -> dict:
        return json.loads(self.edits_json) if self.edits_json else {}


_COLUMNS = [f.name for f in fields(Job)]


class JobStore:
    def __init__(self, data_dir: str | os.PathLike, *, retention_days: int | None = 30) -> None:
        self.data = DataDir(data_dir)
        #: Where an unusable history was moved (tell the person), and why it was unusable.
        self.recovered_from_corruption: str | None = None
        self.recovery_reason: str | None = None
        self.interrupted_on_open = 0
        self.purged_on_open = 0
        self._lock = threading.RLock()
        self._conn = self._open()
        # Reads of job rows (the window's, mostly) go through a connection of their own: in WAL
        # mode a reader never waits for a writer, whose commits each wait for the disk (FULL).
        self._read_lock = threading.Lock()
        self._reader = self._connect_reader()
        self.interrupted_on_open = self.recover_interrupted()
        if retention_days is not None:
            self.purged_on_open = self.apply_retention(retention_days)

    # -- opening, corruption and migrations -------------------------------------------------
    def _sqlite(self) -> sqlite3.Connection:
        """A connection to the history, usable from any thread (each is serialized by its lock)."""
        conn = sqlite3.connect(self.data.db, check_same_thread=False, timeout=10, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 10000")
        return conn

    def _connect(self) -> sqlite3.Connection:
        # The writing connection, shared by the GUI and worker threads and serialized by
        # ``self._lock`` (writes, and the reads inside them); other reads use ``self._reader``.
        conn = self._sqlite()
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
        except BaseException:
            conn.close()  # an open handle would keep Windows from moving the file aside
            raise
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            conn = self._connect()
            try:
                self._migrate(conn)
            except BaseException:
                conn.close()
                raise
            return conn
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise HistoryBusy("the history is in use by another copy of the app") from exc
            self.recovery_reason = str(exc)
            self.recovered_from_corruption = str(self._move_aside())
            conn = self._connect()
            self._migrate(conn)
            return conn

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.data.db.with_name(f"{self.data.db.name}.corrupt-{stamp}")
        n = 1
        while target.exists():  # never overwrite an earlier set-aside copy
            n += 1
            target = self.data.db.with_name(f"{self.data.db.name}.corrupt-{stamp}-{n}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.data.db) + suffix)
            if src.exists():
                os.replace(src, Path(str(target) + suffix))
        return target

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"history was written by a newer version (schema {version})")
        for v in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")  # each step all-or-nothing
            try:
                for stmt in filter(str.strip, MIGRATIONS[v].split(";")):
                    conn.execute(stmt)
                conn.execute(f"PRAGMA user_version = {v + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
        with self._read_lock:
            self._reader.close()

    def _connect_reader(self) -> sqlite3.Connection:
        conn = self._sqlite()
        conn.execute("PRAGMA query_only = ON")
        return conn

    # -- helpers ----------------------------------------------------------------------------------
    def _read(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        """Rows of a query on the reading connection (committed data; never waits for a write)."""
        with self._read_lock:
            return self._reader.execute(sql, args).fetchall()

    def _exec(self, sql: str, args: tuple = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, args)

    @contextlib.contextmanager
    def _transaction(self):
        """Read-check-write as one unit, also against another process sharing the file."""
        with self._lock:
            if self._conn.in_transaction:  # nested (e.g. recover_interrupted → transition)
                yield
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _update(self, job_id: str, **values: Any) -> None:
        cols = ", ".join(f"{k} = ?" for k in values)
        self._exec(f"UPDATE jobs SET {cols} WHERE id = ?", (*values.values(), job_id))

    @staticmethod
    def _row(row: sqlite3.Row | None) -> Job | None:
        return Job(**{k: row[k] for k in _COLUMNS}) if row is not None else None

    # -- queries -------------------------------------------------------------------------------
    def get(self, job_id: str) -> Job | None:
        rows = self._read("SELECT * FROM jobs WHERE id = ?", (job_id,))
        return self._row(rows[0] if rows else None)

    def _get(self, job_id: str) -> Job | None:
        """``get`` on the writing connection: inside its transactions, and with the lock held."""
        return self._row(self._exec("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone())

    def list(self, limit: int = 1000) -> list[Job]:
        rows = self._read("SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?", (limit,))
        return [self._row(r) for r in rows]

    def find_by_sha(self, sha256: str) -> list[Job]:
        rows = self._read("SELECT * FROM jobs WHERE sha256 = ? ORDER BY created_at DESC", (sha256,))
        return [self._row(r) for r in rows]

    # -- life of a job ---------------------------------------------------------------------------
    def create(self, original: Path, sha256: str, size: int, stored: Path, options: dict | None = None,
               existing: list[dict] | None = None) -> Job:
        """A queued job for a stored copy. ``existing``: the records of its files of contacts
        already in GHL (``copy_existing``); None: the files ``options`` name are copied in here."""
        job_id = str(uuid.uuid4())
        options_json, existing_json = self._existing_values(options or {}, existing, [])
        self._exec(
            "INSERT INTO jobs (id, file_name, original_path, sha256, size, status, created_at, stored_path,"
            " options_json, existing_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (job_id, original.name, str(original), sha256, size, S.QUEUED, time.time(), str(stored),
             options_json, existing_json),
        )
        return self._get(job_id)

    def copy_existing(self, paths, known: list[dict] = ()) -> list[dict]:
        """Records of files of contacts already in GHL, each copied into the data folder as an
        input is (its content hash names the copy, shared with any job holding the same bytes), so
        a retry works after the person moved or deleted the file. A path that is one of ``known``
        records' stored copy, or its original now gone, keeps that record (a job's own files stay
        its own). The same content twice is kept once. Raises ``OSError`` for a file that cannot
        be read."""
        by_path: dict[str, dict] = {}
        for r in known:
            if r.get("sha256"):
                by_path.setdefault(str(r["stored_path"]), r)
            by_path.setdefault(str(r["original_path"]), r)
        out: list[dict] = []
        try:
            for p in map(Path, paths):
                rec = by_path.get(str(p))
                if rec is not None and ((rec.get("sha256") and str(p) == str(rec["stored_path"])) or not p.is_file()):
                    out.append(dict(rec))
                    continue
                sha, size, stored = self.data.store_copy(p)
                out.append({"file_name": p.name, "original_path": str(p), "sha256": sha, "size": size,
                            "stored_path": str(stored)})
        except BaseException:
            self.forget_unused(out)
            raise
        seen: set[str] = set()
        return [r for r in out if not (r["stored_path"] in seen or seen.add(r["stored_path"]))]

    def forget_unused(self, records: list[dict]) -> None:
        """Delete the copies of ``records`` that no job holds (copied in for a drop that made no
        job, say the same file already done): personal data is never left behind unowned."""
        with self._lock:
            for r in records:
                if r.get("sha256") and not self._copy_held_elsewhere(r["stored_path"], r["sha256"], ""):
                    self.data.remove_copy(r["stored_path"])

    def _existing_values(self, options: dict, existing: list[dict] | None, known: list[dict]) -> tuple[str, str]:
        """(options JSON naming the stored copies, the records' JSON)."""
        options = dict(options)
        if existing is None:
            existing = self.copy_existing(options.get("existing") or [], known)
        options.pop("existing", None)
        if existing:
            options["existing"] = [r["stored_path"] for r in existing]
        return json.dumps(options), json.dumps(existing, ensure_ascii=False)

    def transition(self, job_id: str, new: str, **values: Any) -> Job:
        """Move a job to ``new`` (validated in states.check_transition) and set ``values``."""
        with self._lock, self._transaction():
            job = self._get(job_id)
            if job is None:
                raise KeyError(job_id)
            S.check_transition(job.status, new)
            now = time.time()
            if new == S.PROCESSING:
                values.setdefault("started_at", now)
                values.setdefault("progress", 0)
                values.setdefault("error", "")
                values.setdefault("error_json", None)
            elif new in S.FINISHED:
                values.setdefault("finished_at", now)
            elif new == S.QUEUED:
                # A person's edits stay: they name source rows and fields (``core.edits``) and are
                # performed again on the new result when it is opened.
                values.update(stage="", progress=0, error="", error_json=None, started_at=None, finished_at=None)
            self._update(job_id, status=new, **values)
            return self._get(job_id)

    def relink(self, job_id: str, original: Path, stored: Path, options: dict | None = None,
               existing: list[dict] | None = None) -> None:
        """Point a job at a fresh drop of the same file (it may have moved) and its new options.

        The files of contacts already in GHL ``options`` names are the job's from then on:
        ``existing`` gives their records (``copy_existing``); without it they are copied in here,
        a path of one the job already has (its original, or its copy) keeping its record. Raises
        ``OSError`` for a new one that cannot be read (and changes nothing)."""
        values: dict[str, Any] = {"file_name": original.name, "original_path": str(original),
                                  "stored_path": str(stored)}
        if options is not None:
            job = self.get(job_id)
            known = job.existing_files if job is not None else []
            values["options_json"], values["existing_json"] = self._existing_values(options, existing, known)
        self._update(job_id, **values)

    def set_progress(self, job_id: str, percent: int, stage: str) -> None:
        """A running job's progress, written without waiting for the disk.

        Progress is worth nothing after a crash (the job is then reported interrupted), so it is
        committed with ``synchronous = NORMAL``: in WAL mode that is still safe from corruption but
        skips the fsync of each commit. Every other write stays ``FULL``. Without it, up to ten
        progress writes a second would each hold the shared connection for a disk flush, and the
        window, reading a job's row meanwhile, would wait as long.
        """
        with self._lock:
            self._conn.execute("PRAGMA synchronous = NORMAL")
            try:
                self._update(job_id, progress=int(percent), stage=stage)
            finally:
                self._conn.execute("PRAGMA synchronous = FULL")

    def finish(self, job_id: str, report: dict, mapping: dict | list) -> Job:
        return self.transition(
            job_id, S.DONE, progress=100, stage="",
            total_rows=report.get("total_rows"), exported_rows=report.get("exported_rows"),
            report_json=json.dumps(report, ensure_ascii=False),
            mapping_json=json.dumps(mapping, ensure_ascii=False),
        )

    def save_report(self, job_id: str, report: dict) -> None:
        self._update(job_id, report_json=json.dumps(report, ensure_ascii=False),
                     total_rows=report.get("total_rows"), exported_rows=report.get("exported_rows"))

    def save_mapping(self, job_id: str, mapping: dict | list) -> None:
        self._update(job_id, mapping_json=json.dumps(mapping, ensure_ascii=False))

    def save_edits(self, job_id: str, edits: dict) -> None:
        self._update(job_id, edits_json=json.dumps(edits, ensure_ascii=False))

    def add_exports(self, job_id: str, paths: list[str]) -> None:
        with self._lock:
            job = self._get(job_id)
            merged = list(dict.fromkeys(job.outputs + [str(p) for p in paths]))
            self._update(job_id, output_paths=json.dumps(merged))

    # -- recovery, retention, purge ------------------------------------------------------------
    def recover_interrupted(self) -> int:
        """Jobs a crash or kill left active are failed ("interrupted") so they can be retried."""
        with self._lock:
            stuck = self._exec(
                "SELECT id, status FROM jobs WHERE status IN (?, ?)", (S.QUEUED, S.PROCESSING)
            ).fetchall()
            for row in stuck:
                self.transition(row["id"], S.FAILED, error=INTERRUPTED, stage="")
            return len(stuck)

    def apply_retention(self, days: int, now: float | None = None) -> int:
        """Delete stored copies and results of finished jobs older than ``days``; keep the rows."""
        cutoff = (now or time.time()) - days * 86400
        old = self._exec(
            "SELECT * FROM jobs WHERE created_at < ? AND files_purged = 0 AND status IN (?, ?, ?)",
            (cutoff, S.DONE, S.FAILED, S.CANCELLED),
        ).fetchall()
        for row in map(self._row, old):
            self._remove_files(row)
            self._update(row.id, files_purged=1)
        return len(old)

    def _remove_files(self, job: Job) -> None:
        """The job's result, and each stored copy it holds (its input's and its files of contacts
        already in GHL) that no other job with its files still holds."""
        self.data.remove_result(job.id)
        mine = [(job.stored_path, job.sha256)] + [(r["stored_path"], r.get("sha256", "")) for r in job.existing_files
                                                   if r.get("sha256")]
        for path, sha in dict(mine).items():
            if path and not self._copy_held_elsewhere(path, sha, job.id):
                self.data.remove_copy(path)

    def _copy_held_elsewhere(self, path: str, sha: str, job_id: str) -> bool:
        if self._exec("SELECT COUNT(*) FROM jobs WHERE stored_path = ? AND id != ? AND files_purged = 0",
                      (path, job_id)).fetchone()[0]:
            return True
        rows = self._exec("SELECT existing_json FROM jobs WHERE id != ? AND files_purged = 0"
                          " AND instr(existing_json, ?) > 0", (job_id, sha or path)).fetchall()
        return any(r.get("stored_path") == path for row in rows for r in json.loads(row[0] or "[]"))

    def delete(self, job_id: str) -> None:
        with self._lock:
            job = self._get(job_id)
            if job is None:
                return
            if job.status in S.ACTIVE:
                raise S.IllegalTransition("cancel the job before deleting it")
            self._remove_files(job)
            self._exec("DELETE FROM jobs WHERE id = ?", (job_id,))

    def clear_history(self) -> None:
        with self._lock:
            if self._exec("SELECT COUNT(*) FROM jobs WHERE status IN (?, ?)", (S.QUEUED, S.PROCESSING)).fetchone()[0]:
                raise S.IllegalTransition("wait for or cancel running jobs before clearing the history")
            self._exec("DELETE FROM jobs")
            self._exec("DELETE FROM remembered_mappings")
            self.data.clear_all()
            with contextlib.suppress(sqlite3.DatabaseError):
                self._exec("VACUUM")  # really drop the deleted rows from the file

    # -- remembered mappings ---------------------------------------------------------------------
    def remember_mapping(self, signature: str, mapping: dict) -> None:
        self._exec(
            "INSERT INTO remembered_mappings (signature, mapping_json, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(signature) DO UPDATE SET mapping_json = excluded.mapping_json,"
            " updated_at = excluded.updated_at",
            (signature, json.dumps(mapping, ensure_ascii=False), time.time()),
        )

    def recall_mapping(self, signature: str) -> dict | None:
        row = self._exec(
            "SELECT mapping_json FROM remembered_mappings WHERE signature = ?", (signature,)
        ).fetchone()
        return json.loads(row[0]) if row else None


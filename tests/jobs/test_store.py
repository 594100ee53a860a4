"""The SQLite history: transitions, migrations, corruption, crash recovery, retention, purge."""

import sqlite3
import time
from pathlib import Path

import pytest

from ghl_desktop.jobs import states as S
from ghl_desktop.jobs.store import _V1, SCHEMA_VERSION, INTERRUPTED, JobStore


def add_job(store: JobStore, tmp_path: Path, name="a.csv", content="Nome,Email\nAna,a@x.com\n"):
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    sha, size, stored = store.data.store_copy(src)
    return store.create(src, sha, size, stored)


def test_every_legal_transition_and_every_illegal_one(tmp_path):
    store = JobStore(tmp_path / "data")
    for old in S.ALL:
        for new in S.ALL:
            job = add_job(store, tmp_path, f"{old}-{new}.csv", f"x\n{old}{new}\n")
            # walk the job to `old` by legal steps
            path = {S.QUEUED: [], S.PROCESSING: [S.PROCESSING], S.DONE: [S.PROCESSING, S.DONE],
                    S.FAILED: [S.PROCESSING, S.FAILED], S.CANCELLED: [S.CANCELLED]}[old]
            for step in path:
                store.transition(job.id, step)
            if new in S.LEGAL[old]:
                assert store.transition(job.id, new).status == new
            else:
                with pytest.raises(S.IllegalTransition):
                    store.transition(job.id, new)
                assert store.get(job.id).status == old


def test_store_is_wal_and_durable_and_private(tmp_path):
    store = JobStore(tmp_path / "data")
    assert store._exec("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._exec("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert (tmp_path / "data").stat().st_mode & 0o077 == 0
    assert store.schema_version == SCHEMA_VERSION


def test_interrupted_jobs_fail_at_next_start_and_can_be_retried(tmp_path):
    store = JobStore(tmp_path / "data")
    a = add_job(store, tmp_path, "a.csv")
    b = add_job(store, tmp_path, "b.csv", "x\n1\n")
    store.transition(a.id, S.PROCESSING)
    store.close()
    again = JobStore(tmp_path / "data")
    assert again.interrupted_on_open == 2
    for job_id in (a.id, b.id):
        job = again.get(job_id)
        assert job.status == S.FAILED and job.error == INTERRUPTED
    assert again.transition(a.id, S.QUEUED).status == S.QUEUED


def test_migration_from_version_1_keeps_the_history(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "history.sqlite3")
    conn.executescript(_V1)
    conn.execute(
        "INSERT INTO jobs (id, file_name, original_path, sha256, size, status, created_at, report_json)"
        " VALUES ('old-1', 'velho.csv', '/x/velho.csv', 'abc', 10, 'done', ?, '{\"total_rows\": 3}')",
        (time.time(),),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = JobStore(data)
    assert store.schema_version == SCHEMA_VERSION
    job = store.get("old-1")
    assert job.file_name == "velho.csv" and job.report == {"total_rows": 3}
    assert job.edits_json is None and job.files_purged == 0
    assert job.error_json is None and job.error_message is None  # the column v3 added
    store.remember_mapping("sig", {"a": 1})  # the table v2 added
    assert store.recall_mapping("sig") == {"a": 1}


@pytest.mark.parametrize("damage", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_corrupt_database_is_moved_aside_and_a_new_one_made(tmp_path, damage):
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.sqlite3").write_bytes(damage)
    store = JobStore(data)
    assert store.recovered_from_corruption and Path(store.recovered_from_corruption).read_bytes() == damage
    assert store.list() == []
    add_job(store, tmp_path)
    assert len(store.list()) == 1


def test_truncated_database_recovers(tmp_path):
    store = JobStore(tmp_path / "data")
    for i in range(50):
        add_job(store, tmp_path, f"f{i}.csv", f"x\n{i}\n")
    store._exec("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    db = tmp_path / "data" / "history.sqlite3"
    db.write_bytes(db.read_bytes()[:3000])
    again = JobStore(tmp_path / "data")
    assert again.recovered_from_corruption


def test_retention_deletes_old_files_but_keeps_history(tmp_path):
    store = JobStore(tmp_path / "data")
    job = add_job(store, tmp_path)
    store.transition(job.id, S.PROCESSING)
    store.finish(job.id, {"total_rows": 1, "exported_rows": 1}, {})
    result_dir = store.data.result_dir(job.id)
    result_dir.mkdir(parents=True)
    (result_dir / "table.bin").write_bytes(b"x")
    assert store.apply_retention(30) == 0
    assert store.apply_retention(30, now=time.time() + 31 * 86400) == 1
    assert not result_dir.exists() and not Path(job.stored_path).exists()
    assert store.get(job.id).files_purged == 1 and store.get(job.id).status == S.DONE


def test_delete_and_clear_history_really_remove_personal_data(tmp_path):
    store = JobStore(tmp_path / "data")
    a = add_job(store, tmp_path, "a.csv")
    b = add_job(store, tmp_path, "b.csv", "x\n2\n")
    for j in (a, b):
        store.transition(j.id, S.CANCELLED)
        store.data.result_dir(j.id).mkdir(parents=True)
    store.delete(a.id)
    assert store.get(a.id) is None and not Path(a.stored_path).exists()
    assert not store.data.result_dir(a.id).exists() and Path(b.stored_path).exists()
    store.clear_history()
    assert store.list() == [] and list(store.data.files.iterdir()) == [] and list(store.data.results.iterdir()) == []


def test_active_jobs_cannot_be_deleted(tmp_path):
    store = JobStore(tmp_path / "data")
    job = add_job(store, tmp_path)
    with pytest.raises(S.IllegalTransition):
        store.delete(job.id)


def test_a_history_from_a_newer_app_version_is_set_aside_not_damaged(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "history.sqlite3")
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    store = JobStore(data)
    moved = Path(store.recovered_from_corruption)
    assert moved.exists() and store.schema_version == SCHEMA_VERSION
    assert "newer version" in store.recovery_reason
    old = sqlite3.connect(moved)
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5  # kept intact


def test_same_content_is_stored_once_under_its_hash_and_privately(tmp_path):
    store = JobStore(tmp_path / "data")
    a = tmp_path / "a.csv"
    a.write_text("Nome\nAna\n", encoding="utf-8")
    b = tmp_path / "sub" / "B.CSV"
    b.parent.mkdir()
    b.write_bytes(a.read_bytes())
    sha_a, size, stored_a = store.data.store_copy(a)
    sha_b, _, stored_b = store.data.store_copy(b)
    assert sha_a == sha_b and stored_a == stored_b == store.data.files / f"{sha_a}.csv"
    assert size == a.stat().st_size and stored_a.read_bytes() == a.read_bytes()
    assert stored_a.stat().st_mode & 0o077 == 0
    assert list(store.data.files.iterdir()) == [stored_a]  # no temporary file left behind


def test_deleting_one_of_two_jobs_sharing_a_copy_keeps_the_copy(tmp_path):
    store = JobStore(tmp_path / "data")
    a = add_job(store, tmp_path, "a.csv")
    b = add_job(store, tmp_path, "a.csv")
    assert a.stored_path == b.stored_path
    for j in (a, b):
        store.transition(j.id, S.CANCELLED)
    store.delete(a.id)
    assert Path(b.stored_path).exists()
    store.delete(b.id)
    assert not Path(b.stored_path).exists()


def test_progress_and_review_data_round_trip(tmp_path):
    store = JobStore(tmp_path / "data")
    job = add_job(store, tmp_path)
    store.transition(job.id, S.PROCESSING)
    store.set_progress(job.id, 42, "normalizing")
    got = store.get(job.id)
    assert (got.progress, got.stage) == (42, "normalizing") and got.started_at is not None
    store.save_edits(job.id, {"3": {"Email": "ana@x.com"}})
    store.save_mapping(job.id, {"header": ["Nome"], "columns": {"Nome": {"field": "Full Name"}}})
    assert store.get(job.id).edits == {"3": {"Email": "ana@x.com"}}
    assert store.get(job.id).mapping["columns"]["Nome"]["field"] == "Full Name"
    assert store.recall_mapping("nope") is None


def test_only_progress_is_written_without_waiting_for_the_disk(tmp_path):
    """Progress commits skip the fsync (``synchronous = NORMAL``: a window reading a row froze for
    each flush); every other write, the states and results, stays ``FULL`` (a power cut loses none)."""
    store = JobStore(tmp_path / "data")
    level = {"now": "FULL"}
    writes: list[tuple[str, str]] = []

    def trace(sql: str) -> None:
        text = " ".join(sql.split()).upper()
        if text.startswith("PRAGMA SYNCHRONOUS"):
            level["now"] = text.split("=")[1].strip()
        elif text.startswith(("INSERT", "UPDATE", "DELETE")):
            writes.append(("progress" if text.startswith("UPDATE JOBS SET PROGRESS =") else "other", level["now"]))

    store._conn.set_trace_callback(trace)
    job = add_job(store, tmp_path)
    store.transition(job.id, S.PROCESSING)
    for p in (10, 50, 90):
        store.set_progress(job.id, p, "normalizing")
    store.finish(job.id, {"total_rows": 1, "exported_rows": 1}, {})
    assert ("progress", "NORMAL") in writes
    assert all(lvl == ("NORMAL" if kind == "progress" else "FULL") for kind, lvl in writes), writes
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again
    assert store.get(job.id).status == S.DONE


def test_reading_jobs_never_waits_for_a_write_in_progress(tmp_path):
    """The window reads job rows on a connection of its own: a write holding the store (its commit
    waiting for the disk) does not hold up ``get``, ``list`` or ``find_by_sha``, and what was
    committed before is what they see."""
    import threading

    store = JobStore(tmp_path / "data")
    job = add_job(store, tmp_path)
    store.transition(job.id, S.PROCESSING)
    got: dict = {}

    def read() -> None:
        got["job"] = store.get(job.id)
        got["list"] = store.list()
        got["sha"] = store.find_by_sha(job.sha256)

    with store._lock:  # a write in progress on another thread
        reader = threading.Thread(target=read)
        reader.start()
        reader.join(timeout=10)
        assert not reader.is_alive(), "a read waited for the write"
    assert got["job"].status == S.PROCESSING and [j.id for j in got["list"]] == [job.id]
    assert [j.id for j in got["sha"]] == [job.id]
    store.close()


def test_the_stored_copy_is_named_by_the_whole_file_s_sha256(tmp_path):
    """``sha256_of`` reads into one reused buffer: every block counts, the last short one too."""
    import hashlib

    from ghl_desktop.jobs.files import sha256_of

    for size in (0, 1, 7, 20, 21, 1000):
        path = tmp_path / f"f{size}.csv"
        data = bytes(range(256)) * (size // 256) + bytes(size % 256)
        path.write_bytes(data)
        assert sha256_of(path, chunk=7) == sha256_of(path) == hashlib.sha256(data).hexdigest()

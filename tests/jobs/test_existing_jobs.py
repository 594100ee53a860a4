"""A job's files of contacts already in GHL kept in the job history like its input: copied into the
data folder, named by copy in the job's options and by the person's name in the window, surviving
the originals being moved or deleted (retry, re-export, reopening), removed with the job."""

import csv
import json
import sqlite3
import time
from pathlib import Path

import pytest

from ghl_desktop.core import messages as M
from ghl_desktop.core.messages import Message
from ghl_desktop.core.pipeline import ConversionResult, ConvertOptions
from ghl_desktop.jobs import runner as R
from ghl_desktop.jobs import states as S
from ghl_desktop.jobs.engine import load_result, reexport_job
from ghl_desktop.jobs.store import _V1, _V2, _V3, SCHEMA_VERSION, JobStore
from ghl_desktop.jobs.worker import process_job

GHL = [
    ["Contact Id", "First Name", "Last Name", "Phone", "Email", "City"],
    ["id-a", "Ana", "Silva", "+5511987654321", "ana@x.com", "São Paulo"],
    ["id-b", "Bruno", "Lima", "+5521987654322", "bruno@x.com", ""],
]
MORE = [["Contact Id", "Email"], ["id-c", "carla@x.com"]]
NEW = [
    ["Nome", "Email", "Celular", "Cidade"],
    ["Ana Silva", "ANA@x.com", "", "Rio de Janeiro"],  # update of id-a
    ["Bruno Lima", "", "(21) 98765-4322", ""],  # unchanged (id-b)
    ["Carla Dias", "carla@x.com", "", ""],  # update of id-c (only in MORE)
    ["Fabio Novo", "fabio@x.com", "(11) 91234-5678", ""],  # new
]


def _write(path: Path, rows) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _wait_done(manager, qtbot, job_id, store):
    qtbot.waitUntil(lambda: not manager.is_running(job_id), timeout=30_000)
    return store.get(job_id)


def test_a_jobs_existing_files_are_copied_in_and_survive_the_originals(tmp_path, store, make_manager, qtbot):
    ghl = _write(tmp_path / "exports" / "ghl contacts.csv", GHL)
    more = _write(tmp_path / "exports" / "more.csv", MORE)
    new = _write(tmp_path / "novos.csv", NEW)
    manager = make_manager()
    [outcome] = manager.submit([new], ConvertOptions(existing=(str(ghl), str(more))))
    assert outcome.kind == R.NEW
    job = _wait_done(manager, qtbot, outcome.job_id, store)
    assert job.status == S.DONE, job.error
    # The options name the copies in the data folder; the history keeps the person's names.
    copies = [Path(p) for p in job.options["existing"]]
    assert all(p.parent == store.data.files and p.is_file() for p in copies)
    assert copies[0].read_bytes() == ghl.read_bytes() and copies[1].read_bytes() == more.read_bytes()
    assert job.existing_names == ["ghl contacts.csv", "more.csv"]
    assert job.existing_paths == [str(ghl), str(more)]
    counts = {"new_rows": 1, "update_rows": 2, "unchanged_rows": 1, "ambiguous_rows": 0}
    assert {k: job.report[k] for k in counts} == counts
    result = load_result(store.data.result_dir(job.id))
    assert result.existing.contacts.files == ["ghl contacts.csv", "more.csv"]  # not the copies' hash names

    # The person moves the export away and deletes the other one: retry, reopen, re-export all work.
    ghl.rename(tmp_path / "elsewhere.csv")
    more.unlink()
    manager.retry(job.id)
    job = _wait_done(manager, qtbot, job.id, store)
    assert job.status == S.DONE, job.error
    assert {k: job.report[k] for k in counts} == counts
    reopened = ConversionResult.load(store.data.result_dir(job.id))
    assert reopened.existing.counts() == counts
    exported = reexport_job(store.data.result_dir(job.id), tmp_path / "out" / "ghl.csv")
    with open(exported.paths[0], encoding="utf-8-sig") as fh:
        ids = sorted(r["Contact Id"] for r in csv.DictReader(fh))
    assert ids == ["", "id-a", "id-c"]  # the unchanged contact left out, updates carry their id

    # A new store on the same folder (the app restarted) still has the copies and the names.
    store.close()
    again = JobStore(store.data.root)
    try:
        reopened_job = again.get(job.id)
        assert reopened_job.existing_names == ["ghl contacts.csv", "more.csv"]
        assert all(Path(p).is_file() for p in reopened_job.options["existing"])
    finally:
        again.close()


def test_changing_a_jobs_existing_files_keeps_the_ones_it_has_even_when_their_originals_are_gone(
        tmp_path, store, make_manager, qtbot):
    ghl = _write(tmp_path / "ghl.csv", GHL)
    more = _write(tmp_path / "more.csv", MORE)
    new = _write(tmp_path / "novos.csv", NEW)
    manager = make_manager()
    [outcome] = manager.submit([new])
    job = _wait_done(manager, qtbot, outcome.job_id, store)
    assert job.existing_files == [] and "new_rows" not in job.report

    assert manager.set_existing(job.id, [str(ghl)]) is None
    job = _wait_done(manager, qtbot, job.id, store)
    assert job.status == S.DONE and job.existing_names == ["ghl.csv"] and job.report["update_rows"] == 1
    first_copy = job.options["existing"][0]

    # The window passes back the paths it shows (the originals): one is deleted meanwhile.
    ghl.unlink()
    assert manager.set_existing(job.id, job.existing_paths + [str(more)]) is None
    job = _wait_done(manager, qtbot, job.id, store)
    assert job.status == S.DONE, job.error
    assert job.options["existing"][0] == first_copy and job.existing_names == ["ghl.csv", "more.csv"]
    assert job.report["update_rows"] == 2

    # A file that cannot be read: said, and the job left as it was (no copy of it kept).
    before = store.get(job.id)
    error = manager.set_existing(job.id, job.existing_paths + [str(tmp_path / "nowhere.csv")])
    assert error is not None and error.id == M.EXISTING_UNREADABLE and "nowhere.csv" in str(error)
    assert store.get(job.id).existing_json == before.existing_json and store.get(job.id).status == S.DONE

    # Stop comparing: the options name no file, and the copies no job holds are gone.
    assert manager.set_existing(job.id, []) is None
    job = _wait_done(manager, qtbot, job.id, store)
    assert job.existing_files == [] and "existing" not in job.options and "new_rows" not in job.report


def test_the_windows_relink_with_original_paths_resolves_to_the_jobs_copies(tmp_path, store):
    """``JobStore.relink(options=...)`` with the paths the window shows keeps the job's copies."""
    ghl = _write(tmp_path / "ghl.csv", GHL)
    new = _write(tmp_path / "novos.csv", NEW)
    sha, size, stored = store.data.store_copy(new)
    job = store.create(new, sha, size, stored, {"existing": [str(ghl)]})
    copy = job.options["existing"][0]
    assert Path(copy).parent == store.data.files and job.existing_paths == [str(ghl)]
    ghl.unlink()
    store.relink(job.id, new, stored, {"region": "BR", "existing": job.existing_paths})
    job = store.get(job.id)
    assert job.options["existing"] == [copy] and job.options["region"] == "BR"
    assert job.existing_names == ["ghl.csv"]
    with pytest.raises(OSError):  # a new file that does not exist: nothing changes
        store.relink(job.id, new, stored, {"existing": [str(tmp_path / "nowhere.csv")]})
    assert store.get(job.id).options["existing"] == [copy]


def test_a_missing_existing_file_at_submit_makes_no_job_and_leaves_no_copy(tmp_path, store, make_manager):
    ghl = _write(tmp_path / "ghl.csv", GHL)
    new = _write(tmp_path / "novos.csv", NEW)
    manager = make_manager()
    outcomes = manager.submit([new], ConvertOptions(existing=(str(ghl), str(tmp_path / "gone.csv"))))
    assert [o.kind for o in outcomes] == [R.ERROR] and store.list() == []
    assert outcomes[0].error.id == M.EXISTING_UNREADABLE and "gone.csv" in str(outcomes[0].error)
    assert [p for p in store.data.files.iterdir() if p.read_bytes() == ghl.read_bytes()] == []


def test_an_existing_file_over_the_size_limit_is_refused_before_it_is_copied(tmp_path, store, make_manager):
    from ghl_desktop.core.limits import Limits

    big = tmp_path / "ghl.csv"
    big.write_text("Email\n" + "x@y.com\n" * 200_000, encoding="utf-8")
    new = _write(tmp_path / "novos.csv", NEW)
    manager = make_manager()
    [outcome] = manager.submit([new], ConvertOptions(existing=(str(big),), limits=Limits(max_file_bytes=1024 * 1024)))
    assert outcome.kind == R.ERROR and outcome.error.id == M.EXISTING_UNREADABLE
    assert outcome.error.args[0].id == M.FILE_TOO_BIG and list(store.data.files.iterdir()) == []


def test_a_drop_that_makes_no_job_leaves_no_copy_of_its_existing_files(tmp_path, store, make_manager, qtbot):
    new = _write(tmp_path / "novos.csv", NEW)
    manager = make_manager()
    [first] = manager.submit([new])
    _wait_done(manager, qtbot, first.job_id, store)
    ghl = _write(tmp_path / "ghl.csv", GHL)
    [again] = manager.submit([new], ConvertOptions(existing=(str(ghl),)))
    assert again.kind == R.DONE_BEFORE  # the window asks first; nothing of the export is kept meanwhile
    assert [p for p in store.data.files.iterdir() if p.read_bytes() == ghl.read_bytes()] == []


def test_deleting_jobs_removes_the_existing_copies_no_other_job_holds(tmp_path):
    store = JobStore(tmp_path / "data")
    ghl = _write(tmp_path / "ghl.csv", GHL)
    jobs = []
    for i in range(2):
        new = _write(tmp_path / f"novos-{i}.csv", NEW + [[f"Extra {i}", f"e{i}@x.com", "", ""]])
        sha, size, stored = store.data.store_copy(new)
        jobs.append(store.create(new, sha, size, stored, {"existing": [str(ghl)]}))
    # A third job whose input is the same bytes as the export: one copy, held by all three.
    sha, size, stored = store.data.store_copy(ghl)
    third = store.create(ghl, sha, size, stored)
    copy = Path(jobs[0].options["existing"][0])
    assert copy == Path(jobs[1].options["existing"][0]) == Path(third.stored_path)
    for j in (*jobs, third):
        store.transition(j.id, S.CANCELLED)
    store.delete(jobs[0].id)
    assert copy.is_file() and Path(jobs[0].stored_path).exists() is False
    store.delete(third.id)
    assert copy.is_file()  # still the second job's
    store.delete(jobs[1].id)
    assert not copy.exists()


def test_retention_removes_existing_copies_with_the_job(tmp_path):
    store = JobStore(tmp_path / "data")
    ghl = _write(tmp_path / "ghl.csv", GHL)
    new = _write(tmp_path / "novos.csv", NEW)
    sha, size, stored = store.data.store_copy(new)
    job = store.create(new, sha, size, stored, {"existing": [str(ghl)]})
    store.transition(job.id, S.CANCELLED)
    assert store.apply_retention(30, now=time.time() + 31 * 86400) == 1
    assert not Path(job.options["existing"][0]).exists() and list(store.data.files.iterdir()) == []
    assert store.get(job.id).existing_names == ["ghl.csv"]  # the history row keeps what it was


def test_a_gone_existing_copy_fails_the_job_naming_the_persons_file(tmp_path):
    store = JobStore(tmp_path / "data")
    ghl = _write(tmp_path / "ghl.csv", GHL)
    new = _write(tmp_path / "novos.csv", NEW)
    sha, size, stored = store.data.store_copy(new)
    job = store.create(new, sha, size, stored, {"existing": [str(ghl)]})
    Path(job.options["existing"][0]).unlink()
    assert process_job(store, job.id) == S.FAILED
    message = store.get(job.id).error_message
    assert message == Message(M.EXISTING_UNREADABLE, Message(M.STORED_COPY_GONE, "ghl.csv"))


def test_an_unusable_existing_file_fails_naming_the_persons_file_not_the_copy(tmp_path):
    store = JobStore(tmp_path / "data")
    ghl = _write(tmp_path / "minha exportação.csv", [["Nome", "Cidade"], ["Ana", "Rio"]])
    new = _write(tmp_path / "novos.csv", NEW)
    sha, size, stored = store.data.store_copy(new)
    job = store.create(new, sha, size, stored, {"existing": [str(ghl)]})
    assert process_job(store, job.id) == S.FAILED
    job = store.get(job.id)
    assert "minha exportação.csv" in job.error and Path(job.options["existing"][0]).name not in job.error
    assert job.error_message.id == M.EXISTING_NO_KEYS


def test_migration_from_version_3_keeps_jobs_and_their_existing_options(tmp_path):
    """A history written before the copies were kept: its jobs read as before, their existing files
    named by their options (each its own original), and new jobs get copies."""
    data = tmp_path / "data"
    data.mkdir()
    ghl = _write(tmp_path / "ghl.csv", GHL)
    new = _write(tmp_path / "novos.csv", NEW)
    conn = sqlite3.connect(data / "history.sqlite3")
    for script in (_V1, _V2, _V3):
        conn.executescript(script)
    conn.execute(
        "INSERT INTO jobs (id, file_name, original_path, sha256, size, status, created_at, stored_path,"
        " options_json) VALUES ('old-1', 'novos.csv', ?, 'abc', 10, 'failed', ?, ?, ?)",
        (str(new), time.time(), str(new), json.dumps({"existing": [str(ghl)]})),
    )
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    store = JobStore(data)
    try:
        assert store.schema_version == SCHEMA_VERSION
        job = store.get("old-1")
        assert job.existing_json == "[]" and job.existing_paths == [str(ghl)] and job.existing_names == ["ghl.csv"]
        store.transition("old-1", S.QUEUED)  # retried
        assert process_job(store, "old-1") == S.DONE  # runs as it did, from the files its options name
        assert store.get("old-1").report["update_rows"] == 1
        store.transition("old-1", S.QUEUED)
        store.relink("old-1", new, new, store.get("old-1").options)  # changed again: copied in now
        job = store.get("old-1")
        assert Path(job.options["existing"][0]).parent == store.data.files and job.existing_paths == [str(ghl)]
    finally:
        store.close()

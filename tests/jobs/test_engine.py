"""A job through the real core, its end states, and surviving a SIGKILL mid-processing."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ghl_desktop.core import messages as M
from ghl_desktop.core.messages import Message
from ghl_desktop.jobs import states as S
from ghl_desktop.jobs.engine import load_result, reexport_job
from ghl_desktop.jobs.worker import Throttle, process_job
from ghl_desktop.jobs.store import INTERRUPTED, JobStore

CSV = "Nome;E-mail;Celular\nMaria Souza;MARIA@X.COM;(11) 98765-4321\nJoão;joao@;21 8765-4321\n"


def new_job(store, tmp_path, text=CSV, name="contatos.csv"):
    src = tmp_path / name
    src.write_bytes(text.encode("cp1252"))
    sha, size, stored = store.data.store_copy(src)
    return store.create(src, sha, size, stored)


def test_done_job_persists_result_report_and_mapping(tmp_path):
    store = JobStore(tmp_path / "data")
    job = new_job(store, tmp_path)
    seen = []
    assert process_job(store, job.id, progress=lambda p, s: seen.append((p, s))) == S.DONE
    job = store.get(job.id)
    assert job.status == S.DONE and job.progress == 100 and job.total_rows == 2
    assert job.report["invalid_emails"] == 1 and job.report["phones_repaired"] == 1
    assert job.report["inputs"][0]["file"] == "contatos.csv"
    assert job.mapping["columns"]["E-mail"]["field"] == "Email"
    result = load_result(store.data.result_dir(job.id))
    assert result.table.value(0, "Phone") == "+5511987654321"
    percents = [p for p, _ in seen]
    assert percents == sorted(percents) and percents[-1] == 100
    assert {s for _, s in seen} >= {"reading", "normalizing", "merging", "writing"}


def test_bad_file_fails_with_the_persons_file_name(tmp_path):
    store = JobStore(tmp_path / "data")
    job = new_job(store, tmp_path, "Nome;Email\n", "vazio.csv")
    assert process_job(store, job.id) == S.FAILED
    err = store.get(job.id).error
    assert "vazio.csv" in err and "no data rows" in err
    # The history keeps the message's id and arguments too (the window translates those).
    message = store.get(job.id).error_message
    assert message == Message(M.FILE_HEADER_ONLY, "vazio.csv") and str(message) == err
    store.transition(job.id, S.QUEUED)  # a retry forgets the old failure
    assert store.get(job.id).error_message is None and store.get(job.id).error == ""


def test_cancel_between_chunks(tmp_path):
    store = JobStore(tmp_path / "data")
    job = new_job(store, tmp_path)
    assert process_job(store, job.id, cancel=lambda: True) == S.CANCELLED
    assert store.get(job.id).status == S.CANCELLED
    assert not store.data.result_dir(job.id).exists()


def test_throttle_passes_stage_changes_and_whole_percents_at_most_every_100ms():
    now = [0.0]
    got = []
    t = Throttle(lambda p, s: got.append((p, s)), clock=lambda: now[0])
    for i in range(1000):  # 10 s of work, a callback every 10 ms, a whole percent every 100 ms
        now[0] = i * 0.0101
        t("normalizing", i / 1000)
    assert len(got) == 100 and [p for p, _ in got] == list(range(100))
    got.clear()
    t = Throttle(lambda p, s: got.append((p, s)), clock=lambda: now[0])
    for i in range(1000):  # the same progress, but all within one second: about every 100 ms
        now[0] = 10 + i * 0.001
        t("merging", i / 1000)
    assert 9 <= len(got) <= 11 and got[0] == (0, "merging")
    t("writing", 0.999)  # a new stage always shows
    assert got[-1] == (99, "writing")
    t("writing", 1.0)  # the end always shows
    assert got[-1] == (100, "writing")
    t("writing", 0.5)  # never backwards
    assert got[-1] == (100, "writing")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_processing_leaves_a_retryable_job(tmp_path):
    data, src, marker = tmp_path / "data", tmp_path / "big.csv", tmp_path / "processing"
    src.write_text("Nome,Email\n" + "".join(f"P{i},p{i}@x.com\n" for i in range(5000)), encoding="utf-8")
    worker = Path(__file__).with_name("_kill_worker.py")
    proc = subprocess.Popen([sys.executable, str(worker), str(data), str(src), str(marker)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "worker ended before it was killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    job_id = marker.read_text()
    store = JobStore(data)  # what the app does at start
    job = store.get(job_id)
    assert job.status == S.FAILED and job.error == INTERRUPTED
    store.transition(job_id, S.QUEUED)
    assert process_job(store, job_id) == S.DONE
    assert store.get(job_id).total_rows == 5000


def _done_job(store, tmp_path, text=CSV, name="contatos.csv"):
    job = new_job(store, tmp_path, text, name)
    assert process_job(store, job.id) == S.DONE
    return store.get(job.id)


def test_a_mapping_the_person_changed_is_used_when_the_job_is_processed_again(tmp_path):
    store = JobStore(tmp_path / "data")
    job = _done_job(store, tmp_path)
    assert load_result(store.data.result_dir(job.id)).table.value(0, "Phone") == "+5511987654321"
    record = job.mapping
    record["columns"]["Celular"]["field"] = None  # "leave this column out"
    store.save_mapping(job.id, record)
    edits = {"version": 2, "ops": [{"op": "edit", "src": [0, 0], "field": "Email", "text": "maria@x.com.br"}]}
    store.save_edits(job.id, edits)
    store.transition(job.id, S.QUEUED)  # process again
    assert store.get(job.id).edits == edits  # by source row: they apply to the new result too
    assert process_job(store, job.id) == S.DONE
    assert load_result(store.data.result_dir(job.id)).table.value(0, "Phone") == ""
    assert store.get(job.id).mapping["columns"]["Celular"]["field"] is None


def test_a_remembered_mapping_for_the_same_header_is_used_for_a_new_file(tmp_path):
    store = JobStore(tmp_path / "data")
    first = _done_job(store, tmp_path)
    record = first.mapping
    record["columns"]["Nome"]["field"] = "Company Name"
    store.remember_mapping(record["signature"], record)
    other = _done_job(store, tmp_path, CSV.replace("Maria Souza", "Acme Ltda"), "outro.csv")
    table = load_result(store.data.result_dir(other.id)).table
    assert table.value(0, "Company Name") == "Acme Ltda" and table.value(0, "First Name") == ""


def test_a_done_job_is_reexported_from_its_saved_result_without_the_input(tmp_path):
    store = JobStore(tmp_path / "data")
    job = _done_job(store, tmp_path)
    Path(job.stored_path).unlink()  # nothing is read again
    out = tmp_path / "export" / "ghl.csv"
    res = reexport_job(store.data.result_dir(job.id), out, split_rows=1, rejects_path=tmp_path / "rejeitados.csv")
    assert [p.name for p in res.paths] == ["ghl-part001.csv", "ghl-part002.csv"] and res.rows == 2
    assert "+5511987654321" in res.paths[0].read_text(encoding="utf-8")
    store.add_exports(job.id, [str(p) for p in res.paths])
    store.add_exports(job.id, [str(res.paths[0])])
    assert store.get(job.id).outputs == [str(p) for p in res.paths]


def test_retrying_a_job_whose_files_retention_removed_fails_with_a_clear_message(tmp_path):
    store = JobStore(tmp_path / "data")
    job = new_job(store, tmp_path)
    store.transition(job.id, S.CANCELLED)
    assert store.apply_retention(30, now=time.time() + 31 * 86400) == 1
    store.transition(job.id, S.QUEUED)
    assert process_job(store, job.id) == S.FAILED
    assert "drop the file again" in store.get(job.id).error


def test_an_unexpected_engine_error_fails_the_job_and_says_what_happened(tmp_path):
    store = JobStore(tmp_path / "data")
    job = new_job(store, tmp_path)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    assert process_job(store, job.id, engine=broken) == S.FAILED
    assert store.get(job.id).error == "unexpected error: ZeroDivisionError: boom"
    assert store.get(job.id).error_message == Message(M.UNEXPECTED, "ZeroDivisionError: boom")

"""The Qt job manager: queueing on the pool, signals in the GUI thread, cancel, retry, idempotency."""

from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from ghl_desktop.core.limits import Limits
from ghl_desktop.core.pipeline import ConversionResult, ConvertOptions
from ghl_desktop.jobs import runner as R
from ghl_desktop.jobs import states as S
from ghl_desktop.core.report import chunk_counts
from ghl_desktop.jobs.runner import JobManager, LiveRows

from .helpers import SlowEngine, write_csv


class Recorder:
    """Collects every manager signal, noting whether it arrived in the GUI thread."""

    def __init__(self, manager: JobManager) -> None:
        self.finished: dict[str, str] = {}
        self.progress: dict[str, list[tuple[int, str]]] = {}
        self.rows: dict[str, list] = {}
        self.added: list[str] = []
        self.off_gui_thread = 0
        gui = QThread.currentThread()

        def check():
            if QThread.currentThread() is not gui:
                self.off_gui_thread += 1

        manager.jobAdded.connect(lambda j: (check(), self.added.append(j)))
        manager.jobFinished.connect(lambda j, s: (check(), self.finished.__setitem__(j, s)))
        manager.progress.connect(lambda j, p, s: (check(), self.progress.setdefault(j, []).append((p, s))))
        manager.rowsReady.connect(lambda j, c: (check(), self.rows.setdefault(j, []).append(c)))


def test_twenty_files_dropped_at_once_all_finish_through_the_real_engine(tmp_path, store, make_manager, qtbot):
    manager = make_manager(max_workers=2)
    rec = Recorder(manager)
    paths = [write_csv(tmp_path / f"lista-{i}.csv", 30, seed=i) for i in range(20)]
    outcomes = manager.submit(paths)
    assert [o.kind for o in outcomes] == [R.NEW] * 20 and all(o.started for o in outcomes)
    assert rec.added == [o.job_id for o in outcomes]
    qtbot.waitUntil(lambda: len(rec.finished) == 20, timeout=60_000)
    assert set(rec.finished.values()) == {S.DONE}
    assert rec.off_gui_thread == 0
    for o in outcomes:
        job = store.get(o.job_id)
        assert job.status == S.DONE and job.total_rows == 30 and job.progress == 100
        assert job.report["inputs"][0]["file"] == o.path.name
        percents = [p for p, _ in rec.progress[o.job_id]]
        assert percents == sorted(percents) and percents[-1] == 100
        assert sum(len(c) for c in rec.rows[o.job_id]) == 30  # live preview saw every row
        # each chunk comes with its report counts, worked out off the GUI thread
        assert all(isinstance(c, LiveRows) and c.counts == chunk_counts(c.table) for c in rec.rows[o.job_id])
        assert len(ConversionResult.load(store.data.result_dir(o.job_id)).table) == 30
    assert not manager.is_running(outcomes[0].job_id)


def test_pool_size_is_a_setting_and_defaults_to_one_job_at_a_time(tmp_path, make_manager, qtbot):
    engine = SlowEngine(chunks=3)
    manager = make_manager(engine=engine)
    assert manager.max_workers == 1
    rec = Recorder(manager)
    manager.submit([write_csv(tmp_path / f"{i}.csv", 2, seed=i) for i in range(4)])
    qtbot.waitUntil(lambda: len(rec.finished) == 4, timeout=10_000)
    manager.set_max_workers(3)
    assert manager.max_workers == 3


def test_cancel_in_the_middle_of_a_large_job(tmp_path, store, make_manager, qtbot):
    manager = make_manager()
    rec = Recorder(manager)
    big = write_csv(tmp_path / "grande.csv", 100_000)  # five 20k-row chunks
    (outcome,) = manager.submit([big])
    # normalizing has begun (the head preview alone can arrive before reading ends)
    qtbot.waitUntil(lambda: outcome.job_id in rec.rows and store.get(outcome.job_id).progress > 33, timeout=30_000)
    assert store.get(outcome.job_id).status == S.PROCESSING
    with qtbot.waitSignal(manager.jobFinished, timeout=30_000) as blocker:
        assert manager.cancel(outcome.job_id)
    assert blocker.args == [outcome.job_id, S.CANCELLED]
    job = store.get(outcome.job_id)
    assert job.status == S.CANCELLED and 0 < job.progress < 100
    assert len(rec.rows[outcome.job_id]) < 5  # stopped between chunks, before the end
    assert not store.data.result_dir(outcome.job_id).exists()
    assert not manager.cancel(outcome.job_id)  # nothing left to cancel


def test_cancel_a_queued_job_never_runs_it(tmp_path, store, make_manager, qtbot):
    engine = SlowEngine(chunks=50, delay=0.02)
    manager = make_manager(engine=engine)
    rec = Recorder(manager)
    first, second = manager.submit([write_csv(tmp_path / "a.csv", 1, 1), write_csv(tmp_path / "b.csv", 1, 2)])
    assert engine.started.wait(5)
    with qtbot.waitSignal(manager.jobFinished, timeout=5000) as blocker:
        manager.cancel(second.job_id)
    assert blocker.args == [second.job_id, S.CANCELLED]
    qtbot.waitUntil(lambda: first.job_id in rec.finished, timeout=10_000)
    assert rec.finished[first.job_id] == S.DONE
    assert len(engine.calls) == 1 and store.get(second.job_id).started_at is None


def test_retry_after_a_failure_even_when_the_original_is_gone(tmp_path, store, make_manager, qtbot):
    engine = SlowEngine(chunks=2, fail_times=1)
    manager = make_manager(engine=engine)
    src = write_csv(tmp_path / "clientes.csv", 2)
    (outcome,) = manager.submit([src])
    with qtbot.waitSignal(manager.jobFinished, timeout=5000) as blocker:
        pass
    assert blocker.args == [outcome.job_id, S.FAILED]
    job = store.get(outcome.job_id)
    assert "simulated unreadable" in job.error and "clientes.csv" in job.error  # the person's name
    src.unlink()  # the original moved or deleted: the stored copy still serves the retry
    with qtbot.waitSignal(manager.jobFinished, timeout=5000) as blocker:
        manager.retry(outcome.job_id)
    assert blocker.args == [outcome.job_id, S.DONE]
    job = store.get(outcome.job_id)
    assert job.status == S.DONE and job.error == "" and job.original_path == str(src)
    assert (store.data.result_dir(job.id) / "done.txt").read_text(encoding="utf-8").startswith("Nome;")
    with pytest.raises(S.IllegalTransition):
        store.transition(job.id, S.PROCESSING)  # a done job only goes back to queued


def test_the_same_file_dropped_twice_gives_one_job(tmp_path, store, make_manager, qtbot):
    engine = SlowEngine(chunks=30, delay=0.02)
    manager = make_manager(engine=engine)
    rec = Recorder(manager)
    src = write_csv(tmp_path / "lista.csv", 3)
    copy = tmp_path / "outra pasta" / "lista (1).csv"
    copy.parent.mkdir()
    copy.write_bytes(src.read_bytes())
    first, again, twin = manager.submit([src, src, copy])
    assert first.kind == R.NEW
    assert (again.kind, again.job_id, again.started) == (R.ACTIVE, first.job_id, False)
    assert (twin.kind, twin.job_id) == (R.ACTIVE, first.job_id)
    qtbot.waitUntil(lambda: first.job_id in rec.finished, timeout=10_000)
    (done,) = manager.submit([copy])
    assert (done.kind, done.job_id, done.needs_choice, done.started) == (R.DONE_BEFORE, first.job_id, True, False)
    assert len(store.list()) == 1 and len(engine.calls) == 1
    rec.finished.clear()
    (forced,) = manager.submit([copy], force=True)  # "process again"
    assert (forced.kind, forced.job_id) == (R.REPROCESSED, first.job_id)
    qtbot.waitUntil(lambda: first.job_id in rec.finished, timeout=10_000)
    assert len(store.list()) == 1 and len(engine.calls) == 2
    assert store.get(first.job_id).original_path == str(copy)


def test_a_failed_file_dropped_again_retries_its_job(tmp_path, store, make_manager, qtbot):
    manager = make_manager(engine=SlowEngine(chunks=1, fail_times=1))
    src = write_csv(tmp_path / "x.csv", 1)
    (a,) = manager.submit([src])
    qtbot.waitUntil(lambda: store.get(a.job_id).status == S.FAILED, timeout=5000)
    (b,) = manager.submit([src])
    assert (b.kind, b.job_id) == (R.RETRIED, a.job_id)
    qtbot.waitUntil(lambda: store.get(a.job_id).status == S.DONE, timeout=5000)


def test_unreadable_drop_is_reported_not_queued(tmp_path, store, make_manager):
    manager = make_manager(engine=SlowEngine())
    (o,) = manager.submit([tmp_path / "missing.csv"])
    assert o.kind == R.ERROR and o.job_id is None and "missing.csv" in str(o.error)
    assert store.list() == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_copied(tmp_path, store, make_manager):
    big = tmp_path / "enorme.csv"
    with big.open("wb") as f:  # sparse: 3 MB on paper, nothing on disk
        f.truncate(3 * 2**20)
    manager = make_manager(engine=SlowEngine())
    opts = ConvertOptions(limits=Limits(max_file_bytes=2 * 2**20))
    (o,) = manager.submit([big], opts)
    assert o.kind == R.ERROR and o.job_id is None
    assert str(o.error) == "enorme.csv: the file is 3 MB; the limit is 2 MB (change it in the settings or split the file)"
    assert store.list() == [] and list(store.data.files.iterdir()) == []  # nothing hashed or copied


def test_the_row_limit_from_the_settings_fails_the_job_with_its_reason(tmp_path, store, make_manager, qtbot):
    manager = make_manager()  # the real engine
    (o,) = manager.submit([write_csv(tmp_path / "longa.csv", 50)], ConvertOptions(limits=Limits(max_rows=20)))
    qtbot.waitUntil(lambda: store.get(o.job_id).status == S.FAILED, timeout=10_000)
    error = store.get(o.job_id).error
    assert "longa.csv" in error and "20" in error and "limit" in error


def test_a_file_with_no_contact_column_fails_the_job_with_the_clis_sentence(tmp_path, store, make_manager, qtbot):
    from ghl_desktop.core import messages as M

    manager = make_manager()  # the real engine
    path = tmp_path / "pedidos.csv"
    path.write_text("Pedido;Valor;Data\n1001;R$ 10,00;01/02/2024\n1002;R$ 20,00;02/02/2024\n", encoding="utf-8")
    (o,) = manager.submit([path])
    qtbot.waitUntil(lambda: store.get(o.job_id).status == S.FAILED, timeout=10_000)
    job = store.get(o.job_id)
    assert job.error == "pedidos.csv: no column looks like a name, email or phone"
    assert M.from_json(job.error_json) == M.Message(M.NO_CONTACT_COLUMNS, "pedidos.csv")


def test_delete_a_running_job_removes_it_once_stopped(tmp_path, store, make_manager, qtbot):
    engine = SlowEngine(chunks=500, delay=0.01)
    manager = make_manager(engine=engine)
    (o,) = manager.submit([write_csv(tmp_path / "a.csv", 1)])
    assert engine.started.wait(5)
    stored = Path(store.get(o.job_id).stored_path)
    with qtbot.waitSignal(manager.jobRemoved, timeout=5000) as blocker:
        manager.delete(o.job_id)
    assert blocker.args == [o.job_id]
    assert store.get(o.job_id) is None and not stored.exists()


def test_clear_history_stops_everything_and_removes_all_personal_data(tmp_path, store, make_manager, qtbot):
    engine = SlowEngine(chunks=500, delay=0.01)
    manager = make_manager(engine=engine)
    manager.submit([write_csv(tmp_path / f"{i}.csv", 1, i) for i in range(3)])
    assert engine.started.wait(5)
    store.remember_mapping("sig", {"columns": {}})
    manager.clear_history()
    assert store.list() == [] and store.recall_mapping("sig") is None
    assert list(store.data.files.iterdir()) == [] and list(store.data.results.iterdir()) == []


def test_shutdown_cancels_running_and_queued_jobs_and_waits(tmp_path, store, make_manager, qtbot):
    engine = SlowEngine(chunks=10_000, delay=0.01)  # would run for 100 s
    manager = make_manager(engine=engine)
    running, queued = manager.submit([write_csv(tmp_path / "a.csv", 1, 1), write_csv(tmp_path / "b.csv", 1, 2)])
    assert engine.started.wait(5)
    assert manager.shutdown(3000)
    assert store.get(running.job_id).status == S.CANCELLED
    assert store.get(queued.job_id).status == S.CANCELLED


def test_hashing_a_dropped_file_keeps_the_gui_thread_responsive(qtbot):
    """submit() copies and hashes on a helper thread while GUI timers keep firing."""
    import time

    from PySide6.QtCore import QTimer

    from ghl_desktop.jobs.runner import run_keeping_events

    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    assert run_keeping_events(lambda: (time.sleep(0.3), 42)[1]) == 42
    timer.stop()
    assert len(ticks) >= 10  # a blocking call would have let none through
    with pytest.raises(ZeroDivisionError):
        run_keeping_events(lambda: 1 / 0)


def test_a_new_files_job_row_is_written_off_the_gui_thread(tmp_path, store, make_manager, qtbot, monkeypatch):
    """The job row's insert waits for a full disk flush: it happens on the thread that copies the
    file, not on the GUI thread; the window still hears of the job (``jobAdded``) on its own."""
    import threading

    gui = threading.get_ident()
    created_on = []
    real_create = type(store).create

    def create(self, *a, **k):
        created_on.append(threading.get_ident())
        return real_create(self, *a, **k)

    monkeypatch.setattr(type(store), "create", create)
    manager = make_manager()
    rec = Recorder(manager)
    path = write_csv(tmp_path / "nova.csv", 20)
    (outcome,) = manager.submit([path])
    assert outcome.kind == R.NEW and created_on and gui not in created_on
    assert rec.added == [outcome.job_id] and rec.off_gui_thread == 0
    qtbot.waitUntil(lambda: outcome.job_id in rec.finished, timeout=30_000)
    (again,) = manager.submit([path])  # known content: no new row
    assert again.kind == R.DONE_BEFORE and len(created_on) == 1


def test_live_rows_go_to_the_window_at_a_steady_pace(monkeypatch):
    """Chunks finished together (the helper's, caught up on after a read) are spaced out, so
    the job's thread and the window do not both work on a burst of them at once."""
    import time
    from types import SimpleNamespace

    from ghl_desktop.core.table import ContactTable

    sent = []
    signals = SimpleNamespace(rowsReady=SimpleNamespace(emit=lambda job, rows: sent.append((time.monotonic(), rows))))
    runnable = R._JobRunnable(None, "job", None, None, signals)
    chunk = ContactTable()
    chunk.sources = [(0, 0)]
    for _ in range(4):
        runnable._send_rows(chunk)
    gaps = [b - a for (a, _), (b, _) in zip(sent, sent[1:])]
    assert len(sent) == 4 and min(gaps) >= R.ROWS_PACE_S * 0.95
    assert all(isinstance(rows, LiveRows) and len(rows) == 1 for _, rows in sent)

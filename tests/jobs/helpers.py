"""Test inputs and a test double shared by the job tests."""

import threading
import time
from pathlib import Path

from ghl_desktop.core.errors import Cancelled, InputError
from ghl_desktop.jobs.engine import JobOutcome

HEADER = "Nome;E-mail;Celular\n"


def write_csv(path: Path, rows: int, seed: int = 0) -> Path:
    """A semicolon CSV as Brazilian CRMs export it; ``seed`` makes each file's content unique."""
    lines = "".join(
        f"Pessoa {seed}-{i};p{seed}x{i}@exemplo.com.br;119{(seed * 100_000 + i) % 100_000_000:08d}\n"
        for i in range(rows)
    )
    path.write_text(HEADER + lines, encoding="utf-8")
    return path


class SlowEngine:
    """A test double for ``engine.run_job``: works in small timed chunks and honours cancel.

    It does what the real engine promises — progress through the stages, ``Cancelled`` between
    chunks, a result folder only on success — without the core, so the runner's threading and
    signals are tested apart from conversion speed. ``fail_times`` makes the first calls fail.
    """

    def __init__(self, chunks: int = 20, delay: float = 0.01, fail_times: int = 0) -> None:
        self.chunks, self.delay, self.fail_times = chunks, delay, fail_times
        self.calls: list[Path] = []
        self.threads: set[int] = set()
        self.started = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, stored_file, result_dir, options, *, mapping=None, progress, cancel,
                 on_rows=None, recall=None, display_name=None):
        with self._lock:
            self.calls.append(Path(stored_file))
            self.threads.add(threading.get_ident())
            failing = self.fail_times > 0
            self.fail_times -= failing
        self.started.set()
        progress("reading", 0.0)
        if failing:
            raise InputError(f"{Path(stored_file).name}: simulated unreadable file")
        for i in range(self.chunks):
            if cancel():
                raise Cancelled()
            time.sleep(self.delay)
            if on_rows is not None:
                on_rows([i])
            progress("normalizing", 0.33 + 0.6 * (i + 1) / self.chunks)
        Path(result_dir).mkdir(parents=True, exist_ok=True)
        (Path(result_dir) / "done.txt").write_text(Path(stored_file).read_text(encoding="utf-8"), encoding="utf-8")
        progress("writing", 1.0)
        report = {"total_rows": self.chunks, "exported_rows": self.chunks}
        return JobOutcome(self.chunks, self.chunks, report, {"header": [], "columns": {}})

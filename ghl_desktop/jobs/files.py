"""The per-user data folder: the history database, stored copies of dropped files, and results.

A dropped file is copied in under its SHA-256, so a retry works after the original is moved or
deleted, and two drops of the same file are recognised. The folder is private to its user.

Layout: ``history.sqlite3`` (the job rows), ``files/<sha256><ext>`` (stored copies, shared by jobs
with the same content) and ``results/<job id>/`` (a done job's saved result, written by the core).
Results are Parquet, not rows in the history database: measured on 200k and 500k contacts x 19
text columns (``tests/jobs/bench_result_storage.py``), Parquet reopened 2.7-6x faster, wrote as
fast or faster, and took a third of the disk space of a SQLite table (WAL, synchronous=FULL).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from ..core import temp_path_for


class DataDir:
    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)
        for d in (self.root, self.files, self.results, self.logs):
            d.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                os.chmod(d, 0o700)  # contact lists are personal data: readable by their user only

    @property
    def db(self) -> Path:
        return self.root / "history.sqlite3"

    @property
    def files(self) -> Path:
        return self.root / "files"

    @property
    def results(self) -> Path:
        return self.root / "results"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def result_dir(self, job_id: str) -> Path:
        return self.results / job_id

    def stored_path(self, sha256: str, suffix: str) -> Path:
        return self.files / f"{sha256}{suffix.lower()}"

    def store_copy(self, src: Path) -> tuple[str, int, Path]:
        """(sha256, size, stored copy) of ``src``; copying is skipped when the copy exists."""
        digest = sha256_of(src)
        dest = self.stored_path(digest, src.suffix)
        if not dest.exists():
            tmp = temp_path_for(dest)
            try:
                shutil.copyfile(src, tmp)
                os.replace(tmp, dest)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
            with contextlib.suppress(OSError):
                os.chmod(dest, 0o600)
        return digest, dest.stat().st_size, dest

    def remove_result(self, job_id: str) -> None:
        shutil.rmtree(self.result_dir(job_id), ignore_errors=True)

    def remove_copy(self, stored: str | None) -> None:
        if stored:
            with contextlib.suppress(OSError):
                Path(stored).unlink()

    def clear_all(self) -> None:
        for d in (self.files, self.results):
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True, exist_ok=True)


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    """The file's SHA-256, read into one reused buffer: no new block of memory a read (in the
    window's process a block this big is a mapping of its own, ``map_big_blocks``, so a new one
    a read is new pages each time)."""
    h = hashlib.sha256()
    buf = bytearray(chunk)
    with memoryview(buf) as view, open(path, "rb", buffering=0) as fh:
        while n := fh.readinto(view):
            h.update(view[:n])
    return h.hexdigest()

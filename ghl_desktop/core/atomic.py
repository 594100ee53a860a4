"""Atomic file writes: a reader (or GHL) never sees a half-written file.

Everything is written to a temporary file in the destination folder (same filesystem, so the final
``os.replace`` is atomic), flushed and fsynced, then renamed. If anything fails, the temporary file is
removed and the destination is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator


def temp_path_for(dest: Path) -> Path:
    """A fresh, hidden temporary path beside ``dest``."""
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    return Path(name)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


@contextlib.contextmanager
def atomic_open(dest: str | os.PathLike, mode: str = "w", **kwargs) -> Iterator[IO]:
    """Open ``dest`` for writing; the content appears at ``dest`` only if the block succeeds."""
    dest = Path(dest)
    tmp = temp_path_for(dest)
    try:
        with open(tmp, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def commit_all(pairs: list[tuple[Path, Path]]) -> None:
    """Rename each finished temp file onto its destination, all or nothing.

    Used for split exports: either every part appears, or (after a failure part-way) the parts
    already renamed are removed again so no partial export is left behind.
    """
    done: list[Path] = []
    try:
        for tmp, dest in pairs:
            os.replace(tmp, dest)
            done.append(dest)
    except BaseException:
        for dest in done:
            with contextlib.suppress(OSError):
                dest.unlink()
        for tmp, _ in pairs:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise

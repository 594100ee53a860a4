"""Every file in the bad-input corpus: exit 2, one clear ``error:`` line, no output, bounded memory."""

import builtins
import io
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "bad"))
import make_corpus  # noqa: E402

from ghl_desktop.cli import main  # noqa: E402

#: A generous bound: these files are tiny or refused before being read; a runaway read would blow it.
MAX_CHILD_RSS_MB = 700


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    yield make_corpus.make_all(d)
    os.chmod(d / "locked.csv", 0o600)


@pytest.mark.parametrize("case", sorted(make_corpus.CASES))
def test_cli_refuses_with_one_line(case, corpus, tmp_path):
    if case == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads any file; covered in-process by test_unreadable_file_in_process")
    needle = make_corpus.CASES[case][1]
    out = tmp_path / "out.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "ghl_desktop", "convert", str(corpus[case]), "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2, (case, proc.stderr[-2000:])
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr[-2000:]
    assert lines[0].startswith("error: ") and needle in lines[0], lines[0]
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # no partial output, not even a temp file
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < MAX_CHILD_RSS_MB, f"{case}: child peaked at {peak_mb:.0f} MB"


def test_unreadable_file_in_process(corpus, tmp_path, monkeypatch, capsys):
    """Without read permission (simulated, since root may read anything)."""
    target = str(corpus["unreadable"])
    real_open, real_io_open = builtins.open, io.open

    def guarded(opener):
        def _open(file, *a, **k):
            if str(file) == target:
                raise PermissionError(13, "Permission denied", target)
            return opener(file, *a, **k)
        return _open

    monkeypatch.setattr(builtins, "open", guarded(real_open))
    monkeypatch.setattr(io, "open", guarded(real_io_open))
    rc = main(["convert", target, "--out", str(tmp_path / "out.csv")])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1 and "locked.csv" in err[0]

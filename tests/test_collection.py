"""Every test module under tests/ is collected.

pytest skips folders named like build artefacts (``build``, ``dist``, ``venv`` …) unless told
otherwise; the frozen-build tests once sat in ``tests/build`` and silently never ran. This pins
that no test file is ever left out of the README's test command again.
"""

import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_test_module_is_collected():
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", str(TESTS)],
        capture_output=True, text=True, cwd=TESTS.parent, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    collected = {line.split("::", 1)[0] for line in proc.stdout.splitlines() if "::" in line}
    on_disk = {p.relative_to(TESTS.parent).as_posix() for p in TESTS.rglob("test_*.py")}
    assert on_disk - collected == set()

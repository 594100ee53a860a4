"""Job tests: Qt renders offscreen, and each test gets its own history in tmp_path."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest

from ghl_desktop.jobs.store import JobStore


@pytest.fixture
def store(tmp_path):
    s = JobStore(tmp_path / "data")
    yield s
    s.close()

"""Job tests: Qt renders offscreen, each test gets its own history in tmp_path, and the managers
a test makes (``make_manager``) are shut down after it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest

from ghl_desktop.jobs.runner import JobManager
from ghl_desktop.jobs.store import JobStore


@pytest.fixture
def store(tmp_path):
    s = JobStore(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def make_manager(store, qtbot):
    made = []

    def make(**kwargs):
        m = JobManager(store, **kwargs)
        made.append(m)
        return m

    yield make
    for m in made:
        assert m.shutdown(5000)

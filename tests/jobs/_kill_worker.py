"""Helper process for the SIGKILL test: runs one job slowly until it is killed.

Usage: python _kill_worker.py DATA_DIR FILE MARKER
Creates a job for FILE, starts processing it with a cancel hook that sleeps (so the job stays in
`processing`), and writes MARKER once the database says `processing`.
"""

import sys
import time
from pathlib import Path

from ghl_desktop.jobs.worker import process_job
from ghl_desktop.jobs.store import JobStore

data, src, marker = map(Path, sys.argv[1:4])
store = JobStore(data)
sha, size, stored = store.data.store_copy(src)
job = store.create(src, sha, size, stored)


def slow_cancel() -> bool:
    if store.get(job.id).status == "processing" and not marker.exists():
        # Written whole, then renamed: the test kills this process as soon as MARKER exists, and
        # a plain write could be killed between creating the file and writing the id into it.
        partial = marker.with_name(marker.name + ".partial")
        partial.write_text(job.id)
        partial.replace(marker)
    time.sleep(0.5)
    return False


process_job(store, job.id, cancel=slow_cancel)

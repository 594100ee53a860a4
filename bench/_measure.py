"""Run one side of the benchmark in this (fresh) process and print seconds and peak memory as JSON.

    python bench/_measure.py reference IN [IN ...] OUT
    python bench/_measure.py project IN [IN ...] OUT
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    side, inputs, out = sys.argv[1], sys.argv[2:-1], sys.argv[-1]
    t0 = time.perf_counter()
    if side == "reference":
        import reference

        rows = reference.run(inputs, out)
        merged = None
    else:
        from ghl_desktop.cli import main as cli

        # As the command-line program runs it: the process ends right after (``core.end_process``).
        rc = cli(["convert", *inputs, "--out", out, "--split-rows", "0", "--report", out + ".json"],
                 process_ends=True)
        assert rc == 0, rc
        report = json.loads(Path(out + ".json").read_text())
        rows, merged = report["total_rows"], report["duplicates_merged"]
    seconds = time.perf_counter() - t0
    # CPU seconds of this process and its helper: what a busy shared machine moves least.
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The normalizing helper process (large inputs on two cores) has memory of its own.
    helper_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_s": cpu, "peak_mb": peak_mb, "helper_peak_mb": helper_mb, "rows": rows,
                      "merged": merged}))
    if side != "reference":
        from ghl_desktop.core import end_process

        end_process(0)  # what the command-line program does after a conversion


if __name__ == "__main__":
    main()

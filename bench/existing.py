"""What the contacts already in GHL add to a conversion: seconds with and without ``--existing``.

Writes (seeded) a 100k-row messy list (``make_data.generate``) and a GHL contacts export of 500k
contacts (Contact Id, names, E.164 phones, lowercase emails, as GHL exports them; 10% of the
phones outside Brazil, which the rules' fast path does not cover) of which ``--overlap`` are
people of the list, then converts the list alone and with the export, alternately, ``--runs``
times each, and prints the medians and the seconds added: wall clock, and this process's CPU
time (below 150k rows the conversion runs in one process, so CPU time is the work, whatever else
the machine is doing).

    python bench/existing.py                      # 100,000 rows against 500,000 contacts
    python bench/existing.py --rows 20000 --existing 100000
    python bench/existing.py --extra-columns 6   # an export with six more columns no one maps
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import make_data  # noqa: E402

from ghl_desktop.core import ConvertOptions, convert  # noqa: E402


#: Columns of a GHL export no conversion uses (``--extra-columns``), with a value maker each.
EXTRA = [
    ("Last Activity", lambda rnd: f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} "
                                  f"10:{rnd.randint(0, 59):02d}"),
    ("Updated", lambda rnd: f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"),
    ("DND", lambda rnd: rnd.choice(["false", "false", "true"])),
    ("Contact Type", lambda rnd: rnd.choice(["lead", "customer"])),
    ("Opportunities", lambda rnd: str(rnd.randint(0, 3))),
    ("Time Zone", lambda rnd: rnd.choice(["America/Sao_Paulo", "", "America/New_York"])),
]


def write_ghl_export(path: Path, n: int, people: list[tuple[str, str]], seed: int = 18, extra: int = 0) -> Path:
    """``n`` GHL contacts; the first ``len(people)`` have those (email, phone). ``extra``: how many
    of ``EXTRA`` follow the usual columns."""
    rnd = random.Random(seed)
    extras = EXTRA[:extra]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Contact Id", "First Name", "Last Name", "Phone", "Email", "Business Name", "City", "Tags",
                    "Created"] + [name for name, _ in extras])
        for i in range(n):
            if i < len(people):
                email, phone = people[i]
            else:
                pick = rnd.random()
                if pick < 0.9:
                    phone = f"+55{rnd.choice(make_data.AREAS)}9{rnd.randint(6, 9)}{rnd.randint(0, 9999999):07d}"
                elif pick < 0.95:
                    phone = f"+1{rnd.choice(['212', '415', '305', '646'])}{rnd.randint(2000000, 9999999)}"
                else:
                    phone = f"+3519{rnd.choice('1236')}{rnd.randint(0, 9999999):07d}"
                email = f"ghl{i}@{rnd.choice(['gmail.com', 'hotmail.com', 'uol.com.br'])}"
            w.writerow([f"{rnd.getrandbits(80):020x}", rnd.choice(make_data.FIRST).title(),
                        rnd.choice(make_data.LAST).title(), phone, email, "", rnd.choice(make_data.CITIES), "vip",
                        "2024-01-01"] + [make(rnd) for _, make in extras])
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--existing", type=int, default=500_000)
    ap.add_argument("--overlap", type=float, default=0.3, help="share of the list already in GHL")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--extra-columns", type=int, default=0, choices=range(len(EXTRA) + 1),
                    help="columns of a GHL export no conversion uses (Last Activity, DND, …) to add")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        new = make_data.generate(folder / "new.csv", args.rows)
        first = convert([new], ConvertOptions())
        t = first.table
        people = [(t.columns["Email"][r], t.columns["Phone"][r]) for r in range(0, len(t), max(int(1 / args.overlap), 1))]
        ghl = write_ghl_export(folder / "ghl.csv", args.existing, people, extra=args.extra_columns)
        alone, with_existing, cpu_alone, cpu_with = [], [], [], []
        for _ in range(args.runs):
            started, cpu = time.perf_counter(), time.process_time()
            convert([new], ConvertOptions())
            alone.append(time.perf_counter() - started)
            cpu_alone.append(time.process_time() - cpu)
            started, cpu = time.perf_counter(), time.process_time()
            result = convert([new], ConvertOptions(existing=(str(ghl),)))
            with_existing.append(time.perf_counter() - started)
            cpu_with.append(time.process_time() - cpu)
        a, b = statistics.median(alone), statistics.median(with_existing)
        added = sorted(w - o for w, o in zip(cpu_with, cpu_alone))
        print(f"{args.rows:,} rows against {args.existing:,} existing contacts: alone {a:.2f} s, "
              f"with --existing {b:.2f} s, added {b - a:.2f} s (wall, medians); this process's CPU "
              f"added per run {', '.join(f'{x:.2f}' for x in added)} s; {result.existing.counts()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

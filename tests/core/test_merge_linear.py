"""Merging duplicates is linear in the rows merged: a 4x larger merge costs about 4x.

Not a timed threshold: the two sizes are measured in the same run (CPU time of this process,
the best of a few interleaved tries each), and only their ratio is checked (4.3-4.7 here; the
larger table no longer fits the CPU's caches). A merge that did per-group work proportional to the
table, or compared groups with each other, would cost ~16x.
"""

import random
import time

from ghl_desktop.core import gc_paused
from ghl_desktop.core import schema as F
from ghl_desktop.core.dedupe import DuplicateWatch, merge_duplicates
from ghl_desktop.core.table import INVALID_EMAIL, ContactTable


def duplicated_table(n: int, seed: int = 5, share: float = 0.3) -> ContactTable:
    """``n`` rows, ``share`` of them someone already listed: same email, same phone, or both; the
    rows they repeat may be repeats themselves (chains through an email and then a phone)."""
    rnd = random.Random(seed)
    t = ContactTable()
    cols = t.columns
    for c in cols:
        cols[c] = [""] * n
    emails, phones = cols[F.EMAIL], cols[F.PHONE]
    for i in range(n):
        emails[i] = f"p{i}@exemplo.com.br" if rnd.random() < 0.85 else ""
        phones[i] = f"+55119{i:08d}" if rnd.random() < 0.9 else ""
        if i and rnd.random() < share:
            j = rnd.randrange(max(0, i - 5000), i)
            shape = rnd.random()
            if shape < 0.4:
                emails[i] = emails[j]
            elif shape < 0.8:
                phones[i] = phones[j]
            else:
                emails[i], phones[i] = emails[j], phones[j]
        cols[F.FIRST_NAME][i] = rnd.choice(["Ana", "José", ""])
        cols["Company Name"][i] = rnd.choice(["ACME", "", ""])
        cols[F.TAGS][i] = rnd.choice(["vip", "", "lead, vip"])
        if rnd.random() < 0.05:
            cols[F.ADDITIONAL_PHONES][i] = f"+55113{i:08d}"
        if rnd.random() < 0.1:
            t.add_problem(i, F.EMAIL, INVALID_EMAIL, "", "x")
        t.sources.append((0, i))
    return t


def merge_cpu(n: int) -> tuple[float, int]:
    table = duplicated_table(n)
    watch = DuplicateWatch()
    for a in range(0, n, 20_000):
        watch.add(table.take(list(range(a, min(a + 20_000, n)))))
    watched = watch.groups()
    watch.release()
    with gc_paused():  # as the conversion merges (a collection now and then would scale with the heap)
        start = time.process_time()
        _, merged = merge_duplicates(table, watched, in_place=True)
        return time.process_time() - start, merged


def test_a_four_times_larger_merge_costs_about_four_times():
    small, large = 25_000, 100_000
    times = {small: [], large: []}
    merged = {}
    for _ in range(3):  # interleaved, so a slow moment of the machine hits both sizes
        for n in (small, large):
            seconds, merged[n] = merge_cpu(n)
            times[n].append(seconds)
    assert 3.5 < merged[large] / merged[small] < 4.5  # 4x the rows merged
    ratio = min(times[large]) / min(times[small])
    assert 2.5 < ratio < 6.0, (ratio, times)

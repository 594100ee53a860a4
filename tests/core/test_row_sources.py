"""RowSources behaves exactly like the list of (file, row) tuples it replaces, at a fraction of the memory."""

import random

from ghl_desktop.core.table import ContactTable, RowSources


def test_every_list_operation_the_table_uses_gives_the_lists_answer():
    rnd = random.Random(3)
    pairs = [(rnd.randint(0, 3), rnd.randint(0, 10**9)) for _ in range(500)]
    src, ref = RowSources(pairs), list(pairs)
    assert len(src) == len(ref) and list(src) == ref and src == ref
    assert src[7] == ref[7] and src[-1] == ref[-1]
    for a, b in [(0, 10), (100, 50), (-20, None), (3, 400)]:
        assert src[a:b] == ref[a:b] and isinstance(src[a:b], RowSources)
    for d in sorted(rnd.sample(range(len(ref)), 30), reverse=True):
        del src[d]
        del ref[d]
    assert src == ref
    src += RowSources.run(2, 10, 20)
    ref += [(2, i) for i in range(10, 20)]
    src.append((1, 5))
    ref.append((1, 5))
    src.extend([(0, 1), (0, 2)])
    ref.extend([(0, 1), (0, 2)])
    assert src == ref
    picks = rnd.sample(range(len(ref)), 40)
    assert src.take(picks) == [ref[i] for i in picks]
    src.clear()
    assert len(src) == 0 and src == []


def test_a_table_given_a_list_holds_row_sources():
    t = ContactTable()
    t.sources = [(0, 0), (0, 1)]
    assert isinstance(t.sources, RowSources) and len(t) == 2 and t.sources[1] == (0, 1)
    assert isinstance(ContactTable().sources, RowSources)


def test_a_run_is_its_rows_in_order():
    assert RowSources.run(1, 5, 9) == [(1, 5), (1, 6), (1, 7), (1, 8)]
    assert RowSources.run(0, 3, 3) == []

"""MergedRows answers exactly as the dict ``{head: [(file, row), ...]}`` it replaces, on a seeded
merge and under every operation the table, the merge, a saved result and the review make."""

import marshal
import random

import pytest

from ghl_desktop.core import schema as F
from ghl_desktop.core.dedupe import duplicate_groups, merge_duplicates
from ghl_desktop.core.table import ContactTable, MergedRows, RowSources


def seeded_table(rnd: random.Random, n: int, pool: int) -> ContactTable:
    """Rows sharing emails and phones from small pools (so duplicates chain), sources from three
    files in source order with gaps (so pairs are not simply (0, row))."""
    t = ContactTable()
    for c in t.columns:
        t.columns[c] = [""] * n
    t.columns[F.FIRST_NAME] = [rnd.choice(["Ana", "Bia", ""]) for _ in range(n)]
    t.columns[F.EMAIL] = [rnd.choice(["", f"u{rnd.randrange(pool)}@x.com"]) for _ in range(n)]
    t.columns[F.PHONE] = [rnd.choice(["", f"+55119{rnd.randrange(pool):08d}"]) for _ in range(n)]
    files = sorted(rnd.randrange(3) for _ in range(n))
    rows, last = [], {}
    for f in files:
        last[f] = last.get(f, -1) + rnd.randint(1, 3)
        rows.append(last[f])
    t.sources = list(zip(files, rows))
    return t


def dict_merged(table: ContactTable) -> dict:
    """What the merge's dict held: merged row i (the i-th group, by first row) -> the (file, row)
    pairs of the group's other rows, in row order."""
    groups = duplicate_groups(table)
    return {i: [table.sources[r] for r in g[1:]] for i, g in enumerate(groups) if len(g) > 1}


def assert_answers_as(got: MergedRows, want: dict, n: int) -> None:
    want = dict(sorted(want.items()))
    assert list(got.items()) == list(want.items())
    assert list(got) == list(want) and len(got) == len(want) and bool(got) == bool(want)
    assert got == want and dict(got.items()) == want
    for r in range(-1, n + 2):
        assert got.get(r) == want.get(r) and (r in got) == (r in want)
        if r in want:
            assert got[r] == want[r]
    assert got.heads_by_source() == {s: h for h, refs in want.items() for s in refs}


@pytest.mark.parametrize("seed, n, pool", [(1, 400, 60), (2, 3000, 400), (3, 2000, 40), (4, 50, 500)])
@pytest.mark.parametrize("in_place", [False, True])
def test_a_seeded_merge_keeps_the_pairs_the_dict_did(seed, n, pool, in_place):
    table = seeded_table(random.Random(seed), n, pool)
    want = dict_merged(table)
    out, count = merge_duplicates(table, in_place=in_place)
    assert count == sum(map(len, want.values()))
    assert isinstance(out.merged, MergedRows)
    assert_answers_as(out.merged, want, len(out))


def pairs(rnd: random.Random) -> list[tuple[int, int]]:
    return [(rnd.randrange(4), rnd.randrange(10**9)) for _ in range(rnd.randint(1, 4))]


def random_entries(rnd: random.Random, n: int, heads: int) -> dict:
    return {h: pairs(rnd) for h in rnd.sample(range(n), heads)}


@pytest.mark.parametrize("seed", range(4))
def test_every_operation_gives_the_dicts_answer(seed):
    rnd = random.Random(seed)
    n = 300
    ref = random_entries(rnd, n, 60)  # in random order: made sorted by head
    got = MergedRows(ref)
    assert_answers_as(got, ref, n)
    for _ in range(300):
        op = rnd.random()
        head = rnd.randrange(n + 20)
        if op < 0.35:  # set: a new head (first, middle, last) or an existing one
            value = pairs(rnd)
            got[head] = value
            ref[head] = value
        elif op < 0.45:  # set to no pairs: the head goes, as it is never kept empty
            got[head] = []
            ref.pop(head, None)
        elif op < 0.6:
            assert got.pop(head, "none") == ref.pop(head, "none")
        elif op < 0.7 and ref:
            head = rnd.choice(list(ref))
            del got[head]
            del ref[head]
        elif op < 0.8:  # update from a dict, overlapping heads
            more = random_entries(rnd, n + 20, rnd.randint(0, 5))
            got.update(more)
            ref.update(more)
        elif op < 0.9:  # update from a MergedRows, overlapping or beyond the last head
            start = rnd.choice([0, max(ref, default=0) + 1])
            more = {start + k: v for k, v in random_entries(rnd, 30, rnd.randint(0, 5)).items()}
            got.update(MergedRows(more))
            ref.update(more)
        else:
            assert got.pop(head, None) == ref.pop(head, None)
        assert_answers_as(got, ref, n + 40)
    with pytest.raises(KeyError):
        got[-5]
    with pytest.raises(KeyError):
        del got[-5]
    # Whole-table work.
    rows = rnd.sample(range(n + 20), 150) + [rnd.choice(list(ref))]  # any order, a row twice
    assert_answers_as(got.take(rows), {i: ref[r] for i, r in enumerate(rows) if r in ref}, len(rows))
    assert_answers_as(got.shifted(1000), {h + 1000: v for h, v in ref.items()}, 1400)
    heads = sorted(ref)
    kept = sorted(rnd.sample(range(len(heads)), len(heads) // 2))
    new = sorted(rnd.sample(range(n), len(kept)))
    assert_answers_as(got.picked(kept, new), {h: ref[heads[i]] for h, i in zip(new, kept)}, n)
    assert_answers_as(got.picked(list(range(len(heads))), heads), ref, n)
    at = sorted(rnd.sample(range(10 * n), max(heads) + 1))
    assert_answers_as(got.placed_at(at), {at[h]: v for h, v in ref.items()}, 10 * n)
    at.reverse()  # not ascending: sorted again
    assert_answers_as(got.placed_at(at), {at[h]: v for h, v in ref.items()}, 10 * n)
    # Plain forms: the saved result's three lists (heads in any order) and the helper's bytes.
    flat = got.flat()
    assert flat == ([h for h, v in sorted(ref.items()) for _ in v], [f for _, v in sorted(ref.items()) for f, _ in v],
                    [r for _, v in sorted(ref.items()) for _, r in v])
    assert MergedRows.from_flat(*flat) == got
    shuffled = list(ref.items())
    rnd.shuffle(shuffled)
    old_order = ([h for h, v in shuffled for _ in v], [f for _, v in shuffled for f, _ in v],
                 [r for _, v in shuffled for _, r in v])
    assert_answers_as(MergedRows.from_flat(*old_order), ref, n + 40)
    assert MergedRows.from_flat([], [], []) == {} and not MergedRows.from_flat([], [], [])
    assert MergedRows.from_plain(marshal.loads(marshal.dumps(got.to_plain()))) == got
    copy = got.copy()
    got.clear()
    assert not got and got == {} and copy == ref


def test_a_copy_and_a_taken_table_do_not_share_arrays():
    merged = MergedRows({3: [(0, 1), (0, 2)], 9: [(1, 5)]})
    copy, taken, shifted = merged.copy(), merged.take(range(10)), merged.shifted(0)
    merged[3] = [(2, 2)]
    merged[1] = [(2, 7)]
    for other in (copy, taken, shifted):
        assert other == {3: [(0, 1), (0, 2)], 9: [(1, 5)]}


def test_the_table_makes_a_given_dict_a_merged_rows_and_carries_it():
    t = ContactTable()
    t.columns = {c: [""] * 10 for c in t.columns}
    t.columns[F.FIRST_NAME] = [f"n{i}" for i in range(10)]
    t.sources = RowSources.run(0, 0, 10)
    t.merged = {7: [(1, 70)], 2: [(1, 20), (1, 21)]}
    assert isinstance(t.merged, MergedRows) and list(t.merged) == [2, 7]
    assert t.take([7, 0, 2]).merged == {0: [(1, 70)], 2: [(1, 20), (1, 21)]}
    assert t.without_rows([0, 7]).merged == {1: [(1, 20), (1, 21)]}
    other = ContactTable()
    other.columns = {c: [""] * 3 for c in t.columns}
    other.sources = RowSources.run(2, 0, 3)
    other.merged = {1: [(2, 9)]}
    t.extend(other)
    assert t.merged == {2: [(1, 20), (1, 21)], 7: [(1, 70)], 11: [(2, 9)]}
    t.drop_rows([0, 1, 11])
    assert t.merged == {0: [(1, 20), (1, 21)], 5: [(1, 70)]}

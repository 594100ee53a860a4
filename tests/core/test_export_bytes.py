"""The export writes exactly the bytes the csv module writes for the exported rows."""

import csv
import io
import random

import pytest

from ghl_desktop.core import schema as F
from ghl_desktop.core.assemble import flagged_fields
from ghl_desktop.core.export import write_export
from ghl_desktop.core.speed import tuning
from ghl_desktop.core.speed.export_ahead import ExportAhead
from ghl_desktop.core.speed.tuning import SLICE_ROWS
from ghl_desktop.core.normalize import neutralize_formula
from ghl_desktop.core.table import ContactTable

VALUES = ["", "", "Ana", "a,b", 'x "q" y', "line\nbreak", "cr\rx", "crlf\r\ny", "=SUM(1)", "+55 11", "-x",
          "@me", " =x", "\t=y", "ç é", "😀", '"', ",", " ", "＝full"]


def reference(table: ContactTable, lo: int = 0, hi: int | None = None) -> bytes:
    rows = table.exported_rows()[lo:hi]
    risky = set(flagged_fields())
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(F.GHL_COLUMNS)
    for r in rows:
        values = [table.columns[c][r] for c in F.GHL_COLUMNS]
        writer.writerow([neutralize_formula(v) if c in risky else v for c, v in zip(F.GHL_COLUMNS, values)])
    return buf.getvalue().encode("utf-8")


@pytest.mark.parametrize("seed", range(6))
def test_export_bytes_equal_the_csv_module(tmp_path, seed):
    rng = random.Random(seed)
    n = rng.choice([0, 1, 37, SLICE_ROWS + 3, 2 * SLICE_ROWS + 1])
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        t.columns[c] = [rng.choice(VALUES) if rng.random() < 0.5 else f"{c[:2]}{i}" for i in range(n)]
    t.sources = [(0, i) for i in range(n)]
    t.excluded = {r for r in range(n) if rng.random() < 0.05}
    write_export(t, tmp_path / "one.csv", split_rows=0)
    assert (tmp_path / "one.csv").read_bytes() == reference(t)
    split = rng.choice([1, 7, SLICE_ROWS])
    res = write_export(t, tmp_path / "part.csv", split_rows=split)
    if len(res.paths) > 1:
        for k, path in enumerate(res.paths):
            assert path.read_bytes() == reference(t, k * split, (k + 1) * split)


@pytest.mark.parametrize("seed", range(12))
def test_export_bytes_with_empty_and_plain_columns_equal_the_csv_module(tmp_path, seed):
    """Columns all empty (at either end, in runs inside), plain, or holding one odd value: the
    shapes whose slices are written without looking at each value (``export._slice_text``)."""
    rng = random.Random(seed)
    n = rng.choice([1, 2, 37, SLICE_ROWS + 3])
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        shape = rng.choice(["empty", "empty", "plain", "one odd", "NUL"])
        col = [""] * n if shape == "empty" else [f"{c[:3]} {i}" for i in range(n)]
        if shape == "one odd":
            col[rng.randrange(n)] = rng.choice(VALUES[2:])
        elif shape == "NUL":
            col[rng.randrange(n)] = rng.choice(["a\x00=b", "\x00", "=\x00", "x\x00"])
        t.columns[c] = col
    t.columns[F.FIRST_NAME] = [f"Ana {i}" for i in range(n)]  # every row exported
    t.sources = [(0, i) for i in range(n)]
    write_export(t, tmp_path / "out.csv", split_rows=0)
    assert (tmp_path / "out.csv").read_bytes() == reference(t)


def test_a_slice_of_empty_columns_is_only_commas():
    from ghl_desktop.core.export import _slice_text

    assert _slice_text([None, None, None], 2) == ",,\r\n,,\r\n"
    assert _slice_text([None, ["a", "b"], None, None, ["c", "d"], None], 2) == ",a,,,c,\r\n,b,,,d,\r\n"
    assert _slice_text([["a"], None, ["b"]], 1) == "a,,b\r\n"


@pytest.fixture(scope="module")
def helper():
    from ghl_desktop.core.speed.helper import ChunkHelper

    h = ChunkHelper()
    h.start()
    yield h
    h.close()


def _table(seed: int, n: int) -> ContactTable:
    rng = random.Random(seed)
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        shape = rng.choice(["empty", "mixed", "mixed"])
        t.columns[c] = [""] * n if shape == "empty" else [
            rng.choice(VALUES) if rng.random() < 0.3 else f"{c[:2]}{i}" for i in range(n)]
    t.sources = [(0, i) for i in range(n)]
    t.excluded = {r for r in range(n) if rng.random() < 0.05}
    return t


@pytest.mark.parametrize("seed", range(4))
def test_an_export_formatted_by_both_processes_is_the_same_bytes(tmp_path, monkeypatch, helper, seed):
    from ghl_desktop.core import export

    monkeypatch.setattr(tuning, "SLICE_ROWS", 50)
    calls = []
    real_call = type(helper).call
    monkeypatch.setattr(type(helper), "call", lambda self, *a: calls.append(1) or real_call(self, *a))
    t = _table(seed, 1_234)
    write_export(t, tmp_path / "one.csv", split_rows=0, helper=helper)
    assert (tmp_path / "one.csv").read_bytes() == reference(t)
    res = write_export(t, tmp_path / "part.csv", split_rows=300, helper=helper)
    assert len(res.paths) == 4
    for k, path in enumerate(res.paths):
        assert path.read_bytes() == reference(t, k * 300, (k + 1) * 300)
    assert calls  # the helper formatted some of it
    assert helper.active


def test_a_helper_failing_during_an_export_only_means_this_process_writes_the_rest(tmp_path, monkeypatch):
    from ghl_desktop.core import export
    from ghl_desktop.core.speed.helper import ChunkHelper

    monkeypatch.setattr(tuning, "SLICE_ROWS", 50)
    h = ChunkHelper()
    h.start()
    answered = []
    real_value = ChunkHelper.value

    def value(self, pending):
        if len(answered) == 1:  # the second answer never comes: the process died (two are sent first)
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise_later = real_value(self, [_dead_future()])
            answered.append(raise_later)
            return raise_later
        answered.append(1)
        return real_value(self, pending)

    monkeypatch.setattr(ChunkHelper, "value", value)
    t = _table(9, 1_000)
    try:
        write_export(t, tmp_path / "out.csv", split_rows=0, helper=h)
    finally:
        h.close()
    assert (tmp_path / "out.csv").read_bytes() == reference(t)
    assert answered[1] is None and h.failed


def _dead_future():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    f = Future()
    f.set_exception(BrokenProcessPool("the helper died"))
    return f


def _table_with_duplicates(seed: int, n: int) -> ContactTable:
    """Rows sharing emails and phones (in the main and the extra columns), rows with no contact,
    group heads that only gain a contact from the merge, excluded rows, formula and quoted cells."""
    rng = random.Random(seed)
    pool = max(n // 6, 2)
    t = ContactTable()
    for r in range(n):
        row = {c: "" for c in F.GHL_COLUMNS}
        row[F.FIRST_NAME] = rng.choice(["", "", "Ana", "=x", "a,b"])
        row[F.EMAIL] = rng.choice(["", f"u{rng.randrange(pool)}@x.com", f"v{r}@x.com"])
        row[F.PHONE] = rng.choice(["", f"+55119{rng.randrange(pool):08d}", f"+55219{r:08d}"])
        if rng.random() < 0.1:
            row[F.ADDITIONAL_EMAILS] = f"u{rng.randrange(pool)}@x.com"  # a key without a contact
        row[F.TAGS] = rng.choice(["", "vip", "a, b"])
        row[F.NOTES] = rng.choice(["", "", 'say "hi"', "two\nlines"])
        for c in F.GHL_COLUMNS:
            t.columns[c].append(row[c])
        t.sources.append((0, r))
    # Two groups found through an extra email only: heads without a contact, one of which gets one
    # from the merge (an email), the other still none (not exported, before or after).
    for rows, email in (((1, n // 2), ""), ((2, n - 1), "gains@x.com")):
        for r in rows:
            for c in (F.FIRST_NAME, F.LAST_NAME, F.EMAIL, F.PHONE):
                t.columns[c][r] = ""
            t.columns[F.ADDITIONAL_EMAILS][r] = f"only{rows[0]}@x.com"
        t.columns[F.EMAIL][rows[1]] = email
    t.excluded = {r for r in range(n) if rng.random() < 0.03} - {1, 2}
    return t


@pytest.mark.parametrize("split", [0, 23, 50])
@pytest.mark.parametrize("seed", range(8))
def test_slices_handed_to_the_helper_before_the_merge_give_the_same_export(tmp_path, monkeypatch, helper,
                                                                           seed, split):
    """``ExportAhead``: slices cut and sent before the merge moves any row (merged group heads,
    rows merged away, heads that only now have a contact, excluded rows) give the export of the
    merged table, byte for byte, and are the ones used."""
    from ghl_desktop.core import export
    from ghl_desktop.core.dedupe import merge_duplicates

    monkeypatch.setattr(tuning, "SLICE_ROWS", 7)
    n = random.Random(seed).choice([40, 300, 700])  # 40: too few slices to use the helper at all
    want_table, _ = merge_duplicates(_table_with_duplicates(seed, n), in_place=True)
    write_export(want_table, tmp_path / "want.csv", split_rows=split)

    ahead = ExportAhead(helper, split, limit=random.Random(seed).choice([1, 5, 1000]))
    table, merged = merge_duplicates(_table_with_duplicates(seed, n), in_place=True, before_drop=ahead)
    assert merged > 0
    expected = dict(ahead.sent)
    n_slices = len(export._cut(ahead.n_rows, split)[1])
    assert bool(expected) == (n_slices >= tuning.PARALLEL_MIN_SLICES)  # ahead, if the export uses the helper
    used = {}
    real = ExportAhead.take

    def take(self, *a):
        used.update(real(self, *a))
        return used

    monkeypatch.setattr(ExportAhead, "take", take)
    write_export(table, tmp_path / "got.csv", split_rows=split, helper=helper, ahead=ahead)
    assert len(used) == len(expected)  # every slice sent ahead was the export's own
    want = sorted(p.name for p in tmp_path.glob("want*.csv"))
    got = sorted(p.name for p in tmp_path.glob("got*.csv"))
    assert len(want) == len(got)
    for a, b in zip(want, got):
        assert (tmp_path / a).read_bytes() == (tmp_path / b).read_bytes(), (a, b)


@pytest.mark.parametrize("n", [300, 700])
def test_a_short_export_hands_the_helper_a_share_of_its_slices_ahead(tmp_path, monkeypatch, helper, n):
    """By default ``ExportAhead`` hands over ``AHEAD_SLICES`` at most, and no more than
    ``AHEAD_PERCENT`` % of the export's slices: the others are shared as they come (this
    process formats some of them), and the export is the merged table's byte for byte."""
    from ghl_desktop.core import export
    from ghl_desktop.core.dedupe import merge_duplicates
    from ghl_desktop.core.speed.export_ahead import ahead_slices

    monkeypatch.setattr(tuning, "SLICE_ROWS", 7)
    monkeypatch.setattr(tuning, "AHEAD_SLICES", 60)
    want_table, _ = merge_duplicates(_table_with_duplicates(5, n), in_place=True)
    write_export(want_table, tmp_path / "want.csv", split_rows=0)
    ahead = ExportAhead(helper, 0)
    table, _ = merge_duplicates(_table_with_duplicates(5, n), in_place=True, before_drop=ahead)
    n_slices = len(export._cut(ahead.n_rows, 0)[1])
    assert len(ahead.sent) == ahead_slices(n_slices) == min(60, n_slices * tuning.AHEAD_PERCENT // 100)
    assert 0 < len(ahead.sent) < n_slices
    write_export(table, tmp_path / "got.csv", split_rows=0, helper=helper, ahead=ahead)
    assert (tmp_path / "got.csv").read_bytes() == (tmp_path / "want.csv").read_bytes()


def test_slices_sent_ahead_for_another_export_are_not_used(tmp_path, monkeypatch, helper):
    """A table that changed after the conversion (other rows exported) or another split: the
    slices sent ahead are left unused and the export is still exactly the table's."""
    from ghl_desktop.core import export
    from ghl_desktop.core.dedupe import merge_duplicates

    monkeypatch.setattr(tuning, "SLICE_ROWS", 7)
    table, _ = merge_duplicates(_table_with_duplicates(3, 300), in_place=True,
                                before_drop=(ahead := ExportAhead(helper, 0)))
    assert ahead.sent
    table.excluded.add(0)  # a review edit: one row fewer
    write_export(table, tmp_path / "a.csv", split_rows=0, helper=helper, ahead=ahead)
    assert (tmp_path / "a.csv").read_bytes() == reference(table)
    table2, _ = merge_duplicates(_table_with_duplicates(3, 300), in_place=True,
                                 before_drop=(ahead2 := ExportAhead(helper, 0)))
    res = write_export(table2, tmp_path / "b.csv", split_rows=50, helper=helper, ahead=ahead2)
    for k, path in enumerate(res.paths):
        assert path.read_bytes() == reference(table2, k * 50, (k + 1) * 50)


class _InProcessHelper:
    """A helper that keeps chunks and formats slices in this very process, synchronously: the
    kept-chunk plan of ``ExportAhead`` and ``write_export`` tested row by row, whichever rows it
    keeps. ``calls`` names each function it ran."""

    failed = False
    active = True

    def __init__(self) -> None:
        import uuid

        self.keep_token = uuid.uuid4().hex
        self.kept_runs: list = []
        self.calls: list[str] = []

    def keep(self, table: ContactTable, first: int, n: int, key) -> None:
        """Keep rows ``first:first+n`` of ``table`` as the helper keeps a chunk it normalized."""
        from ghl_desktop.core.speed import helper as parallel

        part = table.take(list(range(first, first + n)))
        parallel._keep(self.keep_token, key, parallel._as_parts(parallel._pack(part))[1:])
        self.kept_runs.append((first, n, key))

    def call(self, fn, *args):
        from concurrent.futures import Future

        self.calls.append(fn.__name__)
        f = Future()
        try:
            f.set_result(fn(*args))
        except Exception as exc:  # as the pool hands back a failure
            f.set_exception(exc)
        return [f]

    value = staticmethod(lambda pending: pending[0].result() if pending[0].exception() is None else None)
    ready = staticmethod(lambda pending: True)


@pytest.mark.parametrize("split", [0, 23])
@pytest.mark.parametrize("seed", range(6))
def test_slices_made_from_the_chunks_the_helper_keeps_give_the_same_export(tmp_path, monkeypatch, seed, split):
    """The helper formats slices from the chunks it kept (rows it does not keep travel as values,
    group heads as their merged values), both the ones handed over before the merge and the later
    ones: the export of the merged table, byte for byte, whatever runs of rows it keeps."""
    from ghl_desktop.core import export
    from ghl_desktop.core.dedupe import merge_duplicates

    monkeypatch.setattr(tuning, "SLICE_ROWS", 7)
    rng = random.Random(seed)
    n = rng.choice([300, 700])
    want_table, _ = merge_duplicates(_table_with_duplicates(seed, n), in_place=True)
    write_export(want_table, tmp_path / "want.csv", split_rows=split)

    table = _table_with_duplicates(seed, n)
    helper = _InProcessHelper()
    first = 0
    while first < n:  # chunks of random sizes, the first and about two in three others kept by the helper
        size = min(rng.choice([1, 5, 40, 90]) if first else 40, n - first)
        if not first or rng.random() < 0.65:
            helper.keep(table, first, size, (0, first))
        first += size
    ahead = ExportAhead(helper, split, limit=rng.choice([1, 5, 1000]))
    table, merged = merge_duplicates(table, in_place=True, before_drop=ahead)
    assert merged > 0
    write_export(table, tmp_path / "got.csv", split_rows=split, helper=helper, ahead=ahead)
    n_slices = len(export._cut(ahead.n_rows, split)[1])
    assert helper.calls[0] == "_kept_slice"  # before the merge
    if n_slices > ahead.limit:
        assert "_kept_slice" in helper.calls[ahead.limit:]  # and after it
    want = sorted(p.name for p in tmp_path.glob("want*.csv"))
    got = sorted(p.name for p in tmp_path.glob("got*.csv"))
    assert len(want) == len(got)
    for a, b in zip(want, got):
        assert (tmp_path / a).read_bytes() == (tmp_path / b).read_bytes(), (a, b)


def test_a_slice_whose_chunk_the_helper_no_longer_keeps_is_made_here(tmp_path, monkeypatch):
    """The helper lost a kept chunk (another conversion's token came in between): the slices
    needing it fail there and are formatted in this process; the export is still exact."""
    from ghl_desktop.core.speed import helper as parallel
    from ghl_desktop.core.dedupe import merge_duplicates

    monkeypatch.setattr(tuning, "SLICE_ROWS", 7)
    want_table, _ = merge_duplicates(_table_with_duplicates(4, 300), in_place=True)
    table = _table_with_duplicates(4, 300)
    helper = _InProcessHelper()
    helper.keep(table, 0, 150, (0, 0))
    helper.keep(table, 150, 150, (0, 150))
    parallel._keep("another conversion", (0, 0), [])  # drops everything kept for this one
    ahead = ExportAhead(helper, 0, limit=3)
    table, _ = merge_duplicates(table, in_place=True, before_drop=ahead)
    write_export(table, tmp_path / "got.csv", split_rows=0, helper=helper, ahead=ahead)
    assert "_kept_slice" in helper.calls
    assert (tmp_path / "got.csv").read_bytes() == reference(want_table)


@pytest.mark.parametrize("seed", range(20))
def test_rows_split_into_kept_and_sent_segments_cover_them_in_order(seed):
    from ghl_desktop.core.speed.export_ahead import _Owned

    rng = random.Random(seed)
    n = 200
    owned, first = [], 0
    while first < n:
        size = rng.randint(1, 30)
        if rng.random() < 0.5:
            owned.append((first, size, ("k", first)))
        first += size
    rng.shuffle(owned)
    rows = sorted(rng.sample(range(n), rng.randint(0, n)))
    runs = [(r, r + 1) for r in rows]  # adjacent rows merged into runs
    merged_runs = []
    for a, b in runs:
        if merged_runs and merged_runs[-1][1] == a:
            merged_runs[-1] = (merged_runs[-1][0], b)
        else:
            merged_runs.append((a, b))
    got = []
    for key, lo, hi in _Owned(owned).segments(merged_runs):
        assert lo < hi
        if key is None:
            assert not any(f <= r < f + s for f, s, _ in owned for r in range(lo, hi))
            got += range(lo, hi)
        else:
            first = key[1]
            size = next(s for f, s, _ in owned if f == first)
            assert 0 <= lo < hi <= size
            got += range(first + lo, first + hi)
    assert got == rows


@pytest.mark.parametrize("rows", [[], [4], list(range(0, 50, 3)), list(range(49, -1, -2))])
def test_set_bytes_in_slices_sets_every_row(rows: list[int], monkeypatch) -> None:
    """``_set_bytes`` in slices of 3 rows (from a list or an iterator) sets exactly the bytes one
    loop over all the rows sets."""
    from ghl_desktop.core import table

    monkeypatch.setattr(table, "_SCAN", 3)
    want = bytearray(b"\x01") * 50
    for r in rows:
        want[r] = 0
    for given in (rows, iter(rows)):
        mask = bytearray(b"\x01") * 50
        table._set_bytes(mask, given, 0)
        assert mask == want

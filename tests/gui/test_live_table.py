"""The window's live table (``LiveTable``): a running job's chunks kept as they came, read as one
table. Adding a chunk copies no cell, and everything the review reads of it while the job runs
(cells, slices, sources, review data, filters, searches, counts) is what the same chunks
extended into a ``ContactTable`` give."""

import random

import pytest
from PySide6.QtCore import Qt

from ghl_desktop.core import release, rows_with_problems
from ghl_desktop.core.schema import EMAIL, FIRST_NAME, GHL_COLUMNS, PHONE, STANDARD, Field, TEXT
from ghl_desktop.core.table import EMAIL_TYPO, INVALID_EMAIL, NO_CONTACT, ContactTable, Problem, RowSources
from ghl_desktop.gui import row_filter
from ghl_desktop.gui.live_table import ChunkedColumn, LiveTable
from ghl_desktop.gui.preview_model import PreviewModel
from ghl_desktop.gui.row_filter import ALL, EXCLUDED, MERGED, MODES, PROBLEMS, SUGGESTIONS, filter_rows

#: A chunk's table has the job's schema (custom fields too); so does the live table, from its first rows.
WIDE = STANDARD.with_field(Field("Plano", TEXT))


def chunk(rnd: random.Random, n: int, k: int) -> ContactTable:
    """``n`` rows of chunk ``k``: a few values, sparse problems, suggestions, merges, exclusions."""
    t = ContactTable(schema=WIDE)
    for c in WIDE.columns:
        t.columns[c] = [rnd.choice(["", "", f"{c} {k}.{i}", "Ana", "bad"]) for i in range(n)]
    t.sources = RowSources.run(0, 1000 * k, 1000 * k + n)
    for r in range(n):
        if rnd.random() < 0.3:
            t.add_problem(r, EMAIL, INVALID_EMAIL, "no @", f"gmial{k}.{r}")
        if rnd.random() < 0.1:
            t.add_problem(r, "", NO_CONTACT, "none")
        if rnd.random() < 0.1:
            t.add_problem(r, EMAIL, EMAIL_TYPO, "typo")
            t.suggestions[r] = {EMAIL: "a@gmail.com"}
    t.merged = {r: [(0, 5000 + r)] for r in range(n) if rnd.random() < 0.1}
    t.excluded = {r for r in range(n) if rnd.random() < 0.05}
    return t


def chunks(seed: int = 3) -> list[ContactTable]:
    rnd = random.Random(seed)
    return [chunk(rnd, n, k) for k, n in enumerate([7, 0, 1, 30, 12, 25])]


def both(parts: list[ContactTable]) -> tuple[LiveTable, ContactTable]:
    live, plain = LiveTable(), ContactTable(schema=WIDE)
    for part in parts:
        live.extend(part)
        plain.extend(part)
    return live, plain


def test_a_live_table_reads_as_its_chunks_extended_into_one_table():
    live, plain = both(chunks())
    n = len(plain)
    assert len(live) == n == 75 and list(live.columns) == list(plain.columns) == list(WIDE.columns)
    assert live.schema == WIDE
    for c in WIDE.columns:
        col, want = live.columns[c], plain.columns[c]
        assert len(col) == n and list(col) == want
        assert [col[i] for i in range(-n, n)] == [want[i] for i in range(-n, n)]
        for a in (None, -80, -3, 0, 6, 7, 8, 40, 74, 90):
            for b in (None, -1, 0, 7, 8, 37, 75, 99):
                for step in (None, 1, 2, -1, -3):
                    assert col[a:b:step] == want[a:b:step], (c, a, b, step)
        for i in (n, -n - 1):
            with pytest.raises(IndexError):
                col[i]
    assert list(live.sources) == list(plain.sources) and live.sources[40] == plain.sources[40]
    assert live.problems == plain.problems and live.suggestions == plain.suggestions
    assert dict(live.merged.items()) == dict(plain.merged.items()) and live.excluded == plain.excluded
    assert rows_with_problems(live) == rows_with_problems(plain)
    for r in range(n):
        assert live.has_error(r) == plain.has_error(r) and live.row_problems(r) == plain.row_problems(r)
    for mode in MODES:
        for needle in ("", "ana", "gmial3", "first name 4.1", "nothing like this"):
            assert filter_rows(live, mode, needle) == filter_rows(plain, mode, needle), (mode, needle)
            assert (filter_rows(live, mode, needle, 8, 40)
                    == filter_rows(plain, mode, needle, 8, 40)), (mode, needle)


def test_adding_a_chunk_to_a_live_table_copies_no_cell():
    """``extend`` keeps the chunk's own lists (no cell copied, no column grown and moved); the
    review data goes into the table's dicts as ``ContactTable.extend`` puts it."""
    parts = chunks()
    live = LiveTable()
    for part in parts:
        live.extend(part)
    kept = [p for p in parts if len(p)]
    for c in WIDE.columns:
        assert len(live.columns[c].parts) == len(kept)
        assert all(mine is part.columns[c] for mine, part in zip(live.columns[c].parts, kept))
    assert all(mine is part.sources for mine, part in zip(live.sources.parts, kept))


def test_a_live_table_shows_the_jobs_custom_fields_from_its_first_rows():
    """A running job's custom fields are on screen while it runs, not only once it is done: the
    live table takes the first chunk's schema (an empty chunk before it changes nothing), and a
    chunk lacking one of its columns adds empty cells there."""
    live = LiveTable()
    assert live.schema == STANDARD
    empty = ContactTable(schema=WIDE)
    assert not live.takes_schema_of(empty)
    live.extend(empty)
    assert live.schema == STANDARD
    parts = chunks()
    assert live.takes_schema_of(parts[0])
    live.extend(parts[0])
    assert live.schema == WIDE and list(live.columns["Plano"]) == parts[0].columns["Plano"]
    assert not live.takes_schema_of(parts[3])
    narrow = ContactTable()  # the standard schema only
    for c in STANDARD.columns:
        narrow.columns[c] = ["x"] * 2
    narrow.sources = RowSources.run(0, 9000, 9002)
    live.extend(narrow)
    assert live.schema == WIDE and list(live.columns["Plano"])[-2:] == ["", ""]
    assert list(live.columns[FIRST_NAME])[-2:] == ["x", "x"] and len(live) == len(parts[0]) + 2


def test_the_live_view_gains_the_jobs_columns_with_its_first_rows(qapp):
    """The view of a running job starts with the standard columns and is reset once, when the
    first rows bring the job's own: from then on every custom field has its column."""
    model = PreviewModel()
    model.set_table(LiveTable())
    resets = []
    model.modelReset.connect(lambda: resets.append(model.columnCount()))
    standard = model.columnCount()
    parts = chunks(5)
    for part in parts:
        model.append_chunk(part)
    assert resets == [standard + 1] and model.columnCount() == len(WIDE.columns) + 1
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Plano"
    assert model.visible_count() == sum(map(len, parts))
    first = parts[0].columns["Plano"][0]
    assert model.data(model.index(0, model.columnCount() - 1), Qt.ItemDataRole.DisplayRole) == first
    model.apply_filter(ALL, "ana")  # a search on, and a chunk without the custom column comes
    narrow = ContactTable()
    for c in STANDARD.columns:
        narrow.columns[c] = ["Ana", ""] if c == FIRST_NAME else ["", ""]
    narrow.sources = RowSources.run(0, 9000, 9002)
    before = model.visible_count()
    model.append_chunk(narrow)
    assert model.visible_count() == before + 1 and model.columnCount() == len(WIDE.columns) + 1


def test_a_live_table_is_released_a_part_at_a_time():
    """``release`` (the window frees a finished job's live rows on a helper thread) empties it
    from the end, a part at a time; a part cut in two keeps a copy of its head."""
    live, _ = both(chunks())
    col = live.columns[FIRST_NAME]
    whole = list(col)
    first = col.parts[0]
    del col[-40:]
    assert list(col) == whole[:-40] and col.parts[0] is first
    with pytest.raises(ValueError):
        del col[2:5]  # only a tail
    release(live)
    assert len(live) == 0 and not live.problems and not live.suggestions and not live.excluded
    assert all(len(c) == 0 and not c.parts for c in live.columns.values())


@pytest.mark.parametrize("mode,needle", [(ALL, ""), (ALL, "ana"), (PROBLEMS, ""), (PROBLEMS, "gmial"),
                                         (SUGGESTIONS, ""), (MERGED, ""), (EXCLUDED, "bad")])
def test_the_live_view_filters_each_chunk_as_the_whole_table_would(qapp, mode, needle):
    """A filter or search on while rows arrive: each chunk is filtered alone (its columns the
    live table shows), and the rows kept are those of filtering every row at the end."""
    model = PreviewModel()
    model.set_table(LiveTable())
    model.apply_filter(mode, needle)
    for part in chunks(5):
        model.append_chunk(part)
    _, plain = both(chunks(5))
    want = filter_rows(plain, mode, needle)
    got = [model.table_row(v) for v in range(model.visible_count())]
    assert got == (list(range(len(plain))) if want is None else want)


def test_a_search_reads_a_column_a_slice_at_a_time(monkeypatch):
    """``_search`` reads each column in slices of ``_SLICE`` cells, with or without a filter's rows:
    the rows found are those of a cell by cell search."""
    monkeypatch.setattr(row_filter, "_SLICE", 4)
    live, plain = both(chunks(9))
    sliced: list[int] = []
    real = ChunkedColumn._slice

    def spy(self, key):
        out = real(self, key)
        sliced.append(len(out))
        return out

    monkeypatch.setattr(ChunkedColumn, "_slice", spy)
    for needle in ("ana", "gmial2", "bad"):
        for base in (None, rows_with_problems(plain), []):
            cells = [r for c in plain.columns.values() for r in (base if base is not None else range(len(plain)))
                     if c[r] and needle in c[r].casefold()]
            bad = [r for r, f in plain.problems.items() if (base is None or r in base)
                   and any(p.value and needle in p.value.casefold() for ps in f.values() for p in ps)]
            want = sorted(set(cells) | set(bad))
            assert row_filter._search(live, needle, base, 0, len(live)) == want
            assert row_filter._search(plain, needle, base, 0, len(plain)) == want
    assert sliced and max(sliced) <= 4

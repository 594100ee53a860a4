"""Several phone columns, read column by column, give what reading each row's cells in turn gives."""

import random

import pytest

from ghl_desktop.core import messages as M
from ghl_desktop.core.assemble import SourceColumns, ValueCache, _with_column_numbers, normalize_chunk
from ghl_desktop.core.mapping import Mapping
from ghl_desktop.core.messages import Message
from ghl_desktop.core.normalize import normalize_phone, phone_region
from ghl_desktop.core.normalize.countries import normalize_country

from test_fastpath import messy_phones, world_phones

HEADER = ["Celular", "Telefone", "Outro telefone", "País"]
PHONE_FIELDS = {"Celular": "Phone", "Telefone": "Phone", "Outro telefone": "Additional Phones"}


def phone_cells(n, seed):
    """Three phone columns of messy cells (invalid parts, ninth-digit repairs, extensions, several
    numbers in a cell, other countries' layouts) that often repeat a number of the row's other
    columns, written the same way or another."""
    rnd = random.Random(seed)
    pool = messy_phones(n, seed) + [number for _, number in world_phones(n // 4, seed)]
    columns = [[], [], []]
    for _ in range(n):
        row = [rnd.choice(pool) if rnd.random() < 0.7 else "" for _ in columns]
        if rnd.random() < 0.25:  # the same number in another column of the row
            a, b = rnd.sample(range(3), 2)
            row[b] = row[a] if rnd.random() < 0.5 else row[a].replace("-", " ")
        for col, cell in zip(columns, row):
            col.append(cell)
    return columns


def countries(n, seed):
    rnd = random.Random(seed)
    names = ["Brasil", "Portugal", "Argentina", "EUA", "España", "", "", "Atlantida"]
    return [rnd.choice(names) for _ in range(n)]


def cell_by_cell(columns, regions):
    """Each row's (Phone, Additional Phones, phone problems, extensions) with every cell read by
    the full normalizer, columns in order: the definition the column path must meet."""
    out = []
    for r, region in enumerate(regions):
        found, problems, extensions = [], [], []
        for col in columns:
            res = normalize_phone(col[r], region)
            if res.status == "empty":
                continue
            found += [p for p in res.phones if p not in found]
            problems += [("invalid_phone", res.reason, part) for part in res.invalid_parts]
            if res.repaired:
                problems.append(("phone_repaired", Message(M.NINTH_DIGIT), ""))
            if res.extension:
                extensions.append(res.extension)
        out.append((found[0] if found else "", ", ".join(found[1:]), problems, extensions))
    return out


@pytest.mark.parametrize("with_country", [False, True])
@pytest.mark.parametrize("region", ["BR", "US"])
def test_several_phone_columns_give_the_cell_by_cell_rows(region, with_country):
    n = 6_000
    columns = phone_cells(n, seed=51)
    country_names = countries(n, seed=52) if with_country else [""] * n
    src = SourceColumns("x.csv", HEADER, [*columns, country_names], list(range(n)))
    fields = {h: {"field": f, "confidence": 1.0} for h, f in PHONE_FIELDS.items()}
    if with_country:
        fields["País"] = {"field": "Country", "confidence": 1.0}
    table = normalize_chunk(src, Mapping.from_dict(HEADER, fields), 0, 0, n, ValueCache(region))

    codes = [normalize_country(c).value if c else "" for c in country_names]
    regions = [phone_region(c, region) if c else region for c in codes]
    expected = cell_by_cell(columns, regions)
    got_problems = seen = 0
    for r, (phone, more, problems, extensions) in enumerate(expected):
        cells = [col[r] for col in columns]
        assert table.columns["Phone"][r] == phone, cells
        assert table.columns["Additional Phones"][r] == more, cells
        probs = table.problems.get(r, {}).get("Phone", [])
        assert [(p.kind, p.reason, p.value) for p in probs] == problems, cells
        note = "Ramal/Ext.: " + ", ".join(extensions) if extensions else ""
        assert table.columns["Notes"][r] == note, cells
        got_problems += len(problems)
        seen += bool(more)
    # The cells exercise what the combination must get right.
    assert got_problems > 1_000 and seen > 300
    assert sum(len(p) > 1 for _, _, p, _ in expected) > 100  # rows with problems from two columns
    assert sum(bool(e) for *_, e in expected) > 50
    assert len(set(regions)) > (3 if with_country else 0)


def test_a_columns_numbers_are_appended_once_each_after_the_rows_own():
    primary = ["", "+1", "+1", "+1", "+1", "", "+1"]
    extra = ["", "", "+2", "", "+2, +3", "", ""]
    values = ["+5", "+1", "+3", "+2", "+3", "", ""]
    more = ["+6, +5x", "+2, +1", "", "+1, +4", "+1, +2, +4", "", ""]
    assert _with_column_numbers(primary, extra, values, more) == (
        ["+5", "+1", "+1", "+1", "+1", "", "+1"],
        ["+6, +5x", "+2", "+2, +3", "+2, +4", "+2, +3, +4", "", ""],
    )

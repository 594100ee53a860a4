"""The fast merge and report against straightforward row-by-row references of the documented rules.

``merge_duplicates``, ``build_report`` and the table helpers they use are written column-wise for a
million rows; these seeded random tables (small pools of values, so keys collide and chain) check
that they give exactly what the plain per-row rules give: same merged table, same review data in
the same order, same report numbers.
"""

from __future__ import annotations

import random
import sys

import pytest

from ghl_desktop.core import schema as F
from ghl_desktop.core.dedupe import _split_list, duplicate_groups, merge_duplicates
from ghl_desktop.core.normalize import join_tags, split_tags
from ghl_desktop.core.report import build_report, count_problems, quality_breakdown
from ghl_desktop.core.table import (
    EMAIL_TYPO,
    ERROR_KINDS,
    FORMULA,
    INVALID_COUNTRY,
    INVALID_DATE,
    INVALID_VALUE,
    INVALID_EMAIL,
    INVALID_PHONE,
    MERGE_CHECK,
    NO_CONTACT,
    PHONE_REPAIRED,
    ROW,
    ContactTable,
    Problem,
    true_positions,
)
from ghl_desktop.core import messages as M
from ghl_desktop.core.messages import Message

KINDS = (INVALID_EMAIL, INVALID_PHONE, INVALID_DATE, INVALID_VALUE, INVALID_COUNTRY, NO_CONTACT, EMAIL_TYPO, FORMULA,
         PHONE_REPAIRED)


# -- references: the per-row rules, written plainly -------------------------------------------------
def ref_groups(table: ContactTable) -> list[list[int]]:
    parent = list(range(len(table)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    owner: dict[str, int] = {}
    cols = table.columns
    for r in range(len(table)):
        keys = ["e:" + e for e in [cols[F.EMAIL][r], *_split_list(cols[F.ADDITIONAL_EMAILS][r])] if e]
        keys += ["p:" + p for p in [cols[F.PHONE][r], *_split_list(cols[F.ADDITIONAL_PHONES][r])] if p]
        for key in keys:
            other = owner.setdefault(key, r)
            a, b = find(other), find(r)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for r in range(len(table)):
        groups.setdefault(find(r), []).append(r)
    return sorted(groups.values(), key=lambda g: g[0])


def ref_merge_into(out: ContactTable, new_row: int, table: ContactTable, group: list[int]) -> None:
    cols = table.columns
    union_fields = {F.TAGS, F.ADDITIONAL_EMAILS, F.ADDITIONAL_PHONES, F.NOTES}
    values: dict[str, str] = {}
    for name in F.GHL_COLUMNS:
        if name not in union_fields:
            values[name] = next((cols[name][r] for r in group if cols[name][r]), "")

    def union(name: str, exclude: str = "") -> str:
        seen: list[str] = []
        for r in group:
            for v in _split_list(cols[name][r]):
                if v != exclude and v not in seen:
                    seen.append(v)
        return ", ".join(seen)

    for main, extra in ((F.EMAIL, F.ADDITIONAL_EMAILS), (F.PHONE, F.ADDITIONAL_PHONES)):
        extras = [cols[main][r] for r in group if cols[main][r] and cols[main][r] != values[main]]
        values[extra] = ", ".join(dict.fromkeys(extras + _split_list(union(extra, values[main]))))
    values[F.TAGS] = join_tags(t for r in group for t in split_tags(cols[F.TAGS][r]))
    notes: list[str] = []
    for r in group:
        if cols[F.NOTES][r] and cols[F.NOTES][r] not in notes:
            notes.append(cols[F.NOTES][r])
    values[F.NOTES] = "\n".join(notes)
    for name, v in values.items():
        out.columns[name][new_row] = v

    problems: dict[str, list] = {}
    suggestions: dict[str, str] = {}
    for r in group:
        for fld, probs in table.problems.get(r, {}).items():
            for p in probs:
                if p.kind == NO_CONTACT:
                    continue
                if p.kind in ERROR_KINDS:
                    keep = not values.get(fld, "")
                else:
                    keep = bool(fld) and values.get(fld) == cols[fld][r]
                if keep:
                    problems.setdefault(fld, []).append(p)
        for fld, s in table.suggestions.get(r, {}).items():
            if values.get(fld) == cols[fld][r]:
                suggestions.setdefault(fld, s)
    # A merge of rows with different emails, or names neither of which is part of the other, is flagged.
    emails = list(dict.fromkeys(cols[F.EMAIL][r] for r in group if cols[F.EMAIL][r]))
    if len(emails) > 1:
        problems.setdefault(ROW, []).append(Problem(MERGE_CHECK, Message(M.MERGED_EMAILS, ", ".join(emails))))
    names = list(dict.fromkeys(n for n in (f"{cols[F.FIRST_NAME][r]} {cols[F.LAST_NAME][r]}".strip() for r in group) if n))
    if any(a.casefold() not in b.casefold() and b.casefold() not in a.casefold() for a in names for b in names):
        problems.setdefault(ROW, []).append(Problem(MERGE_CHECK, Message(M.MERGED_NAMES, ", ".join(names))))
    if problems:
        out.problems[new_row] = problems
    else:
        out.problems.pop(new_row, None)
    if suggestions:
        out.suggestions[new_row] = suggestions
    else:
        out.suggestions.pop(new_row, None)
    out.merged[new_row] = [table.sources[r] for r in group[1:]]


def ref_merge(table: ContactTable) -> tuple[ContactTable, int]:
    groups = ref_groups(table)
    if len(groups) == len(table):
        return table, 0
    out = table.take([g[0] for g in groups])
    merged = 0
    for new_row, group in enumerate(groups):
        if len(group) > 1:
            merged += len(group) - 1
            ref_merge_into(out, new_row, table, group)
    return out, merged


def ref_report(table: ContactTable, **kw) -> dict:
    exported = [r for r in range(len(table)) if table.is_exported(r)]
    cols = table.columns
    # Errors are counted in rows (a row with two invalid emails is one row with an invalid email),
    # warnings one by one.
    counts = {k: 0 for k in (INVALID_EMAIL, INVALID_PHONE, INVALID_DATE, INVALID_COUNTRY, PHONE_REPAIRED, EMAIL_TYPO,
                              FORMULA)}
    for r in table.problems:
        kinds = [p.kind for _, p in table.row_problems(r)]
        for k in counts:
            counts[k] += (k in kinds) if k in ERROR_KINDS else kinds.count(k)
    quality = {k: {"valid": 0, "repaired": 0, "invalid": 0, "missing": 0} for k in ("email", "phone", "date")}
    for r in exported:
        row_kinds = {p.kind for _, p in table.row_problems(r)}
        for key, fld, bad in (("email", F.EMAIL, INVALID_EMAIL), ("phone", F.PHONE, INVALID_PHONE),
                              ("date", F.DATE_OF_BIRTH, INVALID_DATE)):
            kinds = {p.kind for p in table.problems.get(r, {}).get(fld, ())}
            if bad in row_kinds:
                quality[key]["invalid"] += 1
            elif cols[fld][r]:
                quality[key]["repaired" if PHONE_REPAIRED in kinds else "valid"] += 1
            else:
                quality[key]["missing"] += 1
    n = len(exported)
    pct = lambda part: round(100.0 * part / n, 2) if n else 0.0  # noqa: E731
    return {
        "exported_rows": n,
        "pct_with_email": pct(sum(1 for r in exported if cols[F.EMAIL][r])),
        "pct_with_phone": pct(sum(1 for r in exported if cols[F.PHONE][r])),
        "invalid_emails": counts[INVALID_EMAIL],
        "invalid_phones": counts[INVALID_PHONE],
        "phones_repaired": counts[PHONE_REPAIRED],
        # Rows with a problem: rows holding an error (excluded or not).
        "rejected_rows": sum(1 for r in range(len(table)) if table.has_error(r)),
        "invalid_dates": counts[INVALID_DATE],
        "invalid_countries": counts[INVALID_COUNTRY],
        "email_typos": counts[EMAIL_TYPO],
        "formulas_neutralized": counts[FORMULA],
        "excluded_rows": len(table.excluded),
        "quality": quality,
    }


# -- random tables ---------------------------------------------------------------------------------
def random_table(rnd: random.Random, n: int, pool: int) -> ContactTable:
    emails = [f"user{i}@example.com" for i in range(pool)]
    phones = [f"+55119{i:08d}" for i in range(pool)]

    def pick(values: list[str], empty: float) -> str:
        return "" if rnd.random() < empty else rnd.choice(values)

    def extra(values: list[str]) -> str:
        if rnd.random() < 0.8:
            return ""
        parts = [rnd.choice(values) for _ in range(rnd.randint(1, 3))]
        parts += [""] * rnd.randint(0, 1) + [" "] * rnd.randint(0, 1)
        rnd.shuffle(parts)
        return rnd.choice([", ", ",", " ,  "]).join(f" {p} " if rnd.random() < 0.3 else p for p in parts)

    t = ContactTable()
    for r in range(n):
        row = {c: "" for c in F.GHL_COLUMNS}
        row[F.FIRST_NAME] = pick(["Ana", "JOSÉ", "maria"], 0.3)
        row[F.LAST_NAME] = pick(["Silva", "Souza"], 0.6)
        row[F.EMAIL] = pick(emails, 0.4)
        row[F.PHONE] = pick(phones, 0.4)
        row[F.ADDITIONAL_EMAILS] = extra(emails)
        row[F.ADDITIONAL_PHONES] = extra(phones)
        row["Company Name"] = pick(["ACME", "Padaria"], 0.5)
        row["City"] = pick(["Recife", "Natal"], 0.5)
        row[F.TAGS] = pick(["vip", "lead, vip", "cliente; evento"], 0.5)
        row[F.NOTES] = pick(["note a", "note b"], 0.8)
        for c in F.GHL_COLUMNS:
            t.columns[c].append(row[c])
        t.sources.append((rnd.randint(0, 1), r))
    rows = list(range(n))
    rnd.shuffle(rows)  # problems not in row order, like after review edits
    for r in rows[: n // 2]:
        fields_: dict[str, list[Problem]] = {}
        for _ in range(rnd.randint(0, 3)):
            fld = rnd.choice([F.EMAIL, F.PHONE, F.DATE_OF_BIRTH, ROW, F.FIRST_NAME])
            fields_.setdefault(fld, []).append(Problem(rnd.choice(KINDS), f"m{r}", f"v{r}"))
        if fields_ or rnd.random() < 0.1:  # an empty entry now and then: take() does not carry those
            t.problems[r] = fields_
    for r in rows[: n // 4]:
        if rnd.random() < 0.5:
            t.suggestions[r] = {F.EMAIL: t.columns[F.EMAIL][r] + "x"} if rnd.random() < 0.9 else {}
    for r in rows[: n // 10]:
        t.merged[r] = [(0, rnd.randint(0, 10_000))]
        if rnd.random() < 0.5:
            t.excluded.add(r)
    return t


def assert_same_table(got: ContactTable, want: ContactTable) -> None:
    assert got.columns == want.columns
    assert list(got.columns) == list(want.columns)
    assert got.sources == want.sources
    # Same entries in the same order (the saved review data is written in dict order).
    assert list(got.problems.items()) == list(want.problems.items())
    assert list(got.suggestions.items()) == list(want.suggestions.items())
    assert list(got.merged.items()) == list(want.merged.items())
    assert got.excluded == want.excluded


COUNT_KEYS = (
    (INVALID_EMAIL, "invalid_emails"), (INVALID_PHONE, "invalid_phones"), (INVALID_DATE, "invalid_dates"),
    (INVALID_COUNTRY, "invalid_countries"),
    (PHONE_REPAIRED, "phones_repaired"), (EMAIL_TYPO, "email_typos"), (FORMULA, "formulas_neutralized"),
    (INVALID_VALUE, "invalid_values"),
)


def report_of(table: ContactTable) -> dict:
    return build_report(
        table, total_rows=len(table), duplicates_merged=0, mappings=[], unmapped=[], inputs=[], seconds=0
    )


CASES = [(seed, n, pool) for seed in range(40) for n, pool in ((0, 3), (1, 3), (7, 4), (60, 15), (300, 400))]


@pytest.mark.parametrize("seed,n,pool", CASES)
def test_merge_matches_reference(seed: int, n: int, pool: int) -> None:
    table = random_table(random.Random(seed), n, pool)
    want, want_merged = ref_merge(table)
    got, got_merged = merge_duplicates(table)
    assert got_merged == want_merged
    assert (got is table) == (want is table)
    assert_same_table(got, want)
    assert duplicate_groups(table) == ref_groups(table)


@pytest.mark.parametrize("seed,n,pool", CASES)
def test_the_rows_a_merge_drops_are_the_groups_rows_but_their_first(seed: int, n: int, pool: int) -> None:
    """``_groups_and_rest``: the reference's groups, and every row of them but each one's first,
    ascending (the merge drops exactly those)."""
    from ghl_desktop.core.dedupe import _groups_and_rest

    table = random_table(random.Random(seed), n, pool)
    groups, rest = _groups_and_rest(table)
    assert groups == [g for g in ref_groups(table) if len(g) > 1]
    assert rest == sorted(r for g in groups for r in g[1:])


@pytest.mark.parametrize("seed,n,pool", CASES)
def test_merge_in_place_matches_reference(seed: int, n: int, pool: int, monkeypatch) -> None:
    """The pipeline's merge, made in the table itself, gives the reference's table, and the same
    object back; rows dropped in place or (past the in-place limit) the copying way."""
    from ghl_desktop.core import table as table_module

    if seed % 2:
        monkeypatch.setattr(table_module, "_IN_PLACE_DROPS", 3)
    table = random_table(random.Random(seed), n, pool)
    want, want_merged = ref_merge(copy_table(table))
    got, got_merged = merge_duplicates(table, in_place=True)
    assert got is table and got_merged == want_merged
    assert_same_table(got, want)


def _elsewhere(fn, *args):
    """An ``offload`` that runs ``fn`` as another process would: arguments and value pickled."""
    import pickle

    value = pickle.loads(pickle.dumps(fn(*pickle.loads(pickle.dumps(args)))))
    return lambda: value


@pytest.mark.parametrize("offload", ["elsewhere", "fails", "unavailable"])
@pytest.mark.parametrize("seed,n,pool", CASES[::3])
def test_tags_and_merge_checks_worked_out_elsewhere_give_the_reference(seed: int, n: int, pool: int,
                                                                      offload) -> None:
    """The tag unions and merge checks handed to the helper process (``offload``) give the same
    tags and flags; a helper that fails on the way (None back), or none at all, means they are
    made here."""
    offload = {"elsewhere": _elsewhere, "fails": lambda fn, *args: (lambda: None),
               "unavailable": lambda fn, *args: None}[offload]
    table = random_table(random.Random(seed), n, pool)
    want, want_merged = ref_merge(copy_table(table))
    got, got_merged = merge_duplicates(table, in_place=True, offload=offload)
    assert got_merged == want_merged
    assert_same_table(got, want)


@pytest.mark.parametrize("seed,n,pool", CASES[::3])
def test_work_handed_elsewhere_goes_in_pieces_of_few_groups(seed: int, n: int, pool: int, monkeypatch) -> None:
    """The helper gets the groups a few at a time (each piece's lists are pickled in one call
    holding the GIL), its answers are joined in group order, and a piece it fails on is made
    here: the same tags and flags as the reference."""
    from ghl_desktop.core import dedupe

    monkeypatch.setattr(dedupe, "_SCAN", 3)
    sent: list[int] = []

    def every_other_fails(fn, first, sizes, *columns):
        sent.append((fn.__name__, len(sizes)))
        assert all(len(col) == sum(sizes) for col in columns)
        if len(sent) % 2:
            return lambda: None
        return _elsewhere(fn, first, sizes, *columns)

    table = random_table(random.Random(seed), n, pool)
    want, want_merged = ref_merge(copy_table(table))
    got, got_merged = merge_duplicates(table, in_place=True, offload=every_other_fails)
    assert got_merged == want_merged
    assert_same_table(got, want)
    checks = [size for name, size in sent if name == "_merge_checks_by_group"]
    assert max((size for _, size in sent), default=0) <= 3
    assert len(checks) == -(-sum(checks) // 3)  # every group sent, three at a time


@pytest.mark.parametrize("seed,n,pool", CASES[4::5])
def test_phones_worked_out_elsewhere_are_the_tables_own_strings(seed: int, n: int, pool: int) -> None:
    """The helper tells where each group's phone (and a lone additional one) is rather than
    sending a copy back: the merged phones are the very strings the table held (no second copy
    of each in memory), and the merge is the reference's."""
    table = random_table(random.Random(seed), n, pool)
    own = {id(v) for col in (table.columns[F.PHONE], table.columns[F.ADDITIONAL_PHONES]) for v in col}
    want, want_merged = ref_merge(copy_table(table))
    heads: list = []
    got, got_merged = merge_duplicates(table, in_place=True, offload=_elsewhere,
                                       before_drop=lambda t, drop, merged: heads.append(merged))
    assert got_merged == want_merged
    assert_same_table(got, want)
    if heads and heads[0].rows:
        merged = heads[0].table.columns
        assert all(id(v) in own for v in merged[F.PHONE])
        lone = [v for v in merged[F.ADDITIONAL_PHONES] if v and "," not in v]
        assert all(id(v) in own for v in lone if v in table.columns[F.PHONE])


@pytest.mark.parametrize("seed", range(5))
def test_review_data_of_rows_outside_the_table_is_left_out_of_the_merge(seed: int) -> None:
    """Problems and suggestions kept under row numbers the table does not have (beyond its end,
    below 0) play no part in the merged rows' review data: the merge is the one of the table
    without them."""
    table = random_table(random.Random(seed), 300, 60)
    want, want_merged = ref_merge(copy_table(table))
    for r in (-1, 300, 301, 10_000):
        table.problems[r] = {F.EMAIL: [Problem(EMAIL_TYPO, "m", "v")]}
        table.suggestions[r] = {F.EMAIL: "x@y.com"}
    got, got_merged = merge_duplicates(table, in_place=True)
    assert got_merged == want_merged > 0
    assert_same_table(got, want)


def test_trim_is_called_once_before_the_rows_go() -> None:
    """``trim`` (the heap's free memory handed back) is called once, after the merged values are
    made and before the table loses the merged-away rows."""
    table = random_table(random.Random(3), 300, 400)
    want, want_merged = ref_merge(copy_table(table))
    calls: list[int] = []
    got, got_merged = merge_duplicates(table, in_place=True, trim=lambda: calls.append(len(table)),
                                       before_drop=lambda *args: calls.append(-1))
    assert got_merged == want_merged > 0
    assert_same_table(got, want)
    assert calls == [-1, 300]


#: Tag cells whose tags overlap in other spellings (the union keeps the first one seen).
TAG_CELLS = ["", "", "vip", "VIP", "Vip, lead", "lead; VIP", "cliente | v1.2", "Cliente", "lead quente, LEAD",
             "* starred ::: Amigos", "amigos, vip"]


@pytest.mark.parametrize("seed", range(20))
def test_tag_unions_of_repeated_cells_give_the_union_of_every_cell(seed: int) -> None:
    """Groups of a few distinct cells, repeated, in every order: the union (first spelling, first
    order) of each group is the one of all its cells, also where groups share their distinct
    cells but repeat them differently (those are joined once)."""
    from ghl_desktop.core.dedupe import _merged_tags

    rnd = random.Random(seed)
    sizes = [rnd.randint(2, 6) for _ in range(300)]
    cells = [rnd.choice(TAG_CELLS[:rnd.randint(3, len(TAG_CELLS))]) for _ in range(sum(sizes))]
    want, at = [], 0
    for size in sizes:
        want.append(join_tags(t for cell in cells[at:at + size] for t in split_tags(cell)))
        at += size
    assert _merged_tags(0, sizes, cells) == want
    assert len(set(want)) > 20


@pytest.mark.parametrize("seed,n,pool", CASES)
def test_report_matches_reference(seed: int, n: int, pool: int) -> None:
    table = random_table(random.Random(seed), n, pool)
    for t in (table, merge_duplicates(table)[0]):
        report = report_of(t)
        want = ref_report(t)
        assert {k: report[k] for k in want} == want
        assert quality_breakdown(t) == want["quality"]
        assert quality_breakdown(t, t.exported_rows()) == want["quality"]
        assert count_problems(t) == {k: report[v] for k, v in COUNT_KEYS}


def test_report_ignores_review_data_outside_the_table() -> None:
    table = random_table(random.Random(5), 20, 5)
    table.problems[99] = {F.EMAIL: [Problem(INVALID_EMAIL, "m")]}
    table.problems[-1] = {F.PHONE: [Problem(INVALID_PHONE, "m")]}
    table.excluded.update({-3, 50})
    report = report_of(table)
    want = ref_report(table)
    assert {k: report[k] for k in want} == want


@pytest.mark.parametrize("set_cap", [10**9, 300])  # one growing key set, or many small ones
@pytest.mark.parametrize("block_gap", [1, 255, 256, 257, 3000])
def test_repeats_far_apart_and_in_extras(block_gap: int, set_cap: int, monkeypatch) -> None:
    """Thousands of unique keys with a few repeats: in one block, across blocks, main vs extra,
    and (with small key sets, as at a million rows) across the sets seen ones were retired to."""
    from ghl_desktop.core import dedupe

    monkeypatch.setattr(dedupe, "_SET_CAP", set_cap)
    if set_cap < 1000:
        monkeypatch.setattr(dedupe, "_SCAN", 100)  # and scans in many small slices
    n = 4000
    t = ContactTable()
    for r in range(n):
        for c in F.GHL_COLUMNS:
            t.columns[c].append("")
        t.columns[F.FIRST_NAME][r] = f"n{r}"
        t.columns[F.EMAIL][r] = f"u{r}@x.com" if r % 7 else ""
        t.columns[F.PHONE][r] = f"+551190000{r:04d}" if r % 5 else ""
        t.sources.append((0, r))
    a = 10
    b = min(a + block_gap, n - 1)
    t.columns[F.EMAIL][b] = t.columns[F.EMAIL][a]  # the same email, block_gap rows apart
    t.columns[F.ADDITIONAL_PHONES][n - 1] = f" {t.columns[F.PHONE][a + 1]} , +5500"  # extra vs main
    t.columns[F.ADDITIONAL_EMAILS][n - 2] = "z@x.com"
    t.columns[F.ADDITIONAL_EMAILS][3] = "q@x.com,z@x.com"  # extra vs extra
    t.problems[b] = {F.EMAIL: [Problem(EMAIL_TYPO, "m", "v")]}
    t.problems[n - 1] = {ROW: [Problem(NO_CONTACT, "m")]}
    want, want_merged = ref_merge(t)
    got, got_merged = merge_duplicates(t)
    assert got_merged == want_merged >= 2
    assert_same_table(got, want)


@pytest.mark.parametrize("set_cap", [10**9, 50, 1])
@pytest.mark.parametrize("seed,n,pool", CASES[::7])
def test_keys_watched_chunk_by_chunk_merge_the_same(seed: int, n: int, pool: int, set_cap: int,
                                                     monkeypatch) -> None:
    """``DuplicateWatch`` fed the table's chunks in order gives the merge without a pass of its own
    (also when its keys are spread over several dicts)."""
    from ghl_desktop.core import dedupe

    monkeypatch.setattr(dedupe, "_SET_CAP", set_cap)
    table = random_table(random.Random(seed), n, pool)
    want, want_merged = ref_merge(table)
    watch = dedupe.DuplicateWatch()
    step = random.Random(seed).choice([1, 7, 64, 1000])
    for a in range(0, n, step):
        watch.add(table.take(list(range(a, min(a + step, n)))))
    if set_cap == 1 and step <= 64 and n >= 300:  # many chunks: many dicts
        assert len(watch.emails.older) > 1 and len(watch.phones.older) > 1
    monkeypatch.setattr(dedupe, "_links", None)  # never called with a watch that saw every row
    got, got_merged = merge_duplicates(table, watch.groups())
    assert got_merged == want_merged
    assert_same_table(got, want)


@pytest.mark.parametrize("by", ["email", "phone"])
@pytest.mark.parametrize("seed,n,pool", CASES[::5])
def test_a_watch_of_one_kind_of_key_merges_as_the_merge_by_that_kind(seed: int, n: int, pool: int, by: str,
                                                                     monkeypatch) -> None:
    """``DuplicateWatch(by)`` joins the rows by those keys alone, as ``merge_duplicates(by=...)``
    does without a watch; a watch of other keys is not used for the merge."""
    from ghl_desktop.core import dedupe

    table = random_table(random.Random(seed), n, pool)
    want, want_merged = merge_duplicates(copy_table(table), by=by)
    for watched_by, trusted in ((by, True), (dedupe.BY_EMAIL_PHONE, False)):
        watch = dedupe.DuplicateWatch(watched_by)
        for a in range(0, n, 37):
            watch.add(table.take(list(range(a, min(a + 37, n)))))
        calls = []
        real_links = dedupe._links
        monkeypatch.setattr(dedupe, "_links", lambda *a: calls.append(1) or real_links(*a))
        got, got_merged = merge_duplicates(copy_table(table), watch.groups(), by=by)
        monkeypatch.undo()
        assert (not calls) == trusted
        assert got_merged == want_merged
        assert_same_table(got, want)


@pytest.mark.parametrize("seed", range(40))
def test_groups_fed_links_in_any_order_are_the_connected_rows(seed: int, monkeypatch) -> None:
    """``_Groups`` fed links chunk by chunk (groups joining groups of every size, in any order,
    with slices of 3 rows) gives the connected rows: each group ascending, groups by first row,
    and the rows but each group's first, ascending."""
    from ghl_desktop.core import dedupe

    monkeypatch.setattr(dedupe, "_SCAN", 3)
    rnd = random.Random(seed)
    n = rnd.choice([1, 2, 10, 100, 600])
    links = [(rnd.randrange(n), rnd.randrange(n)) for _ in range(rnd.choice([0, 1, n // 3, n, 2 * n]))]
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for r in range(n):
        members.setdefault(find(r), []).append(r)
    want = [g for g in members.values() if len(g) > 1]
    joined = dedupe._Groups()
    fed = 0
    while fed < n:  # rows come a chunk at a time, each chunk's links once its rows are in
        fed = min(n, fed + rnd.randint(1, 50))
        joined.grow(fed - len(joined.label))
        joined.union([(a, b) for a, b in links if max(a, b) < fed])
        links = [(a, b) for a, b in links if max(a, b) >= fed]
    assert joined.groups_and_rest() == (want, sorted(r for g in want for r in g[1:]))


def test_a_watch_that_missed_rows_is_not_trusted() -> None:
    from ghl_desktop.core import dedupe

    table = random_table(random.Random(3), 300, 40)
    watch = dedupe.DuplicateWatch()
    watch.add(table.take(list(range(100))))  # the rest never fed
    got, got_merged = merge_duplicates(table, watch.groups())
    want, want_merged = ref_merge(table)
    assert got_merged == want_merged > 0
    assert_same_table(got, want)


# -- table helpers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(30))
def test_without_rows_is_take_of_the_rest(seed: int, monkeypatch) -> None:
    from ghl_desktop.core import table as table_module

    monkeypatch.setattr(table_module, "_REBUILD_SLICE", 7)  # review dicts rebuilt in many steps
    rnd = random.Random(seed)
    n = rnd.choice([0, 1, 5, 40, 200])
    table = random_table(rnd, n, 10)
    for share in (0.0, 0.01, 0.1, 0.5, 1.0):  # few drops (copy and delete), more (runs), most (gather)
        drop = sorted(rnd.sample(range(n), int(n * share)))
        kept = [r for r in range(n) if r not in set(drop)]
        assert_same_table(table.without_rows(drop), table.take(kept))


@pytest.mark.parametrize("seed", range(30))
def test_drop_rows_in_place_is_take_of_the_rest(seed: int, monkeypatch) -> None:
    from ghl_desktop.core import table as table_module

    monkeypatch.setattr(table_module, "_REBUILD_SLICE", 7)
    if seed % 3 == 0:
        monkeypatch.setattr(table_module, "_IN_PLACE_DROPS", 2)  # past the limit: the copying way
    rnd = random.Random(seed)
    n = rnd.choice([0, 1, 5, 40, 200])
    for share in (0.0, 0.01, 0.1, 0.5, 1.0):
        table = random_table(rnd, n, 10)
        drop = sorted(rnd.sample(range(n), int(n * share)))
        want = table.take([r for r in range(n) if r not in set(drop)])
        columns = [table.columns[c] for c in F.GHL_COLUMNS]
        table.drop_rows(drop)
        assert_same_table(table, want)
        if len(drop) <= table_module._IN_PLACE_DROPS:  # the very lists, cut where they are
            assert all(a is b for a, b in zip(columns, (table.columns[c] for c in F.GHL_COLUMNS)))


def copy_table(table: ContactTable) -> ContactTable:
    return table.take(list(range(len(table))))


@pytest.mark.parametrize("seed", range(20))
def test_not_exported_rows(seed: int) -> None:
    rnd = random.Random(seed)
    table = random_table(rnd, rnd.choice([0, 3, 100, 300]), 10)
    if seed % 2:  # many rows without a first name (the fallback past the first 64)
        table.columns[F.FIRST_NAME] = [""] * len(table)
    exported = set(table.exported_rows())
    assert table.not_exported_rows() == [r for r in range(len(table)) if r not in exported]


def test_true_positions() -> None:
    rnd = random.Random(1)
    for n in (0, 1, 10, 1000):
        for share in (0.0, 0.02, 0.5, 1.0):
            flags = [rnd.random() < share for _ in range(n)]
            assert true_positions(flags) == [i for i, f in enumerate(flags) if f]


def test_error_kinds_are_the_rejected_ones() -> None:
    """The report counts a row as rejected for exactly the kinds ``Problem.is_error`` calls errors."""
    assert {k for k in KINDS if Problem(k, "").is_error} == set(ERROR_KINDS)


@pytest.mark.parametrize("seed", range(10))
def test_chunk_counts_add_up_to_the_whole_tables_report(seed: int) -> None:
    """A running job's live report is the sum of its chunks' counts (worked out in the job's thread)."""
    from ghl_desktop.core.report import CHUNK_SUMMED, chunk_counts

    rnd = random.Random(seed)
    table = random_table(rnd, 300, 60)
    cuts = sorted({0, 300, *rnd.sample(range(1, 300), 5)})
    parts = [chunk_counts(table.take(list(range(a, b)))) for a, b in zip(cuts, cuts[1:])]
    whole = report_of(table)
    for key in CHUNK_SUMMED:
        assert sum(p[key] for p in parts) == whole[key], key
    for kind in ("email", "phone"):
        for k, v in whole["quality"][kind].items():
            assert sum(p["quality"][kind][k] for p in parts) == v


@pytest.mark.parametrize("seed", range(6))
def test_chunk_counts_are_the_reports_counts_from_the_quality_columns_alone(seed: int, monkeypatch) -> None:
    """A chunk's counts are its report's (``CHUNK_SUMMED`` and the quality breakdown, excluded rows
    among them), and only the quality breakdown's columns are counted for them, not every field."""
    from ghl_desktop.core import report as report_module

    rnd = random.Random(seed)
    table = random_table(rnd, 200, 40)
    table.excluded = set(rnd.sample(range(200), 7))
    whole = report_of(table)
    counted: list[str] = []
    real = report_module._filled_exported
    monkeypatch.setattr(report_module, "_filled_exported",
                        lambda t, fld, gone: counted.append(fld) or real(t, fld, gone))
    part = report_module.chunk_counts(table)
    assert part == {**{k: whole[k] for k in report_module.CHUNK_SUMMED}, "quality": whole["quality"]}
    assert counted == [F.EMAIL, F.PHONE, F.DATE_OF_BIRTH]


def test_no_key_set_grows_to_two_million_slots() -> None:
    """A set's growth rehashes it in one C call holding the GIL (the window freezes meanwhile):
    growing to 2**21 slots, at ~630k keys, took 100-130 ms on a busy machine. The watch's sets
    stay below that size (a set's memory is its slot table: 16 bytes a slot)."""
    import sys

    from ghl_desktop.core import dedupe

    watch = dedupe._KeyWatch()
    sets = []
    keys = [f"k{i}@x.com" for i in range(1_300_000)]
    for a in range(0, len(keys), 20_000):
        watch.add(keys[a:a + 20_000])
        sets.append(sys.getsizeof(watch.seen))
    sets += [sys.getsizeof(s) for s in watch.older]
    assert len(watch.older) == 2 and max(sets) < 2**21 * 16
    assert watch.suspects() == set()
    watch.add(["k5@x.com", "new@x.com"])  # seen in the first, retired set
    assert watch.suspects() == {"k5@x.com", "new@x.com"}


def test_no_key_dict_grows_to_two_million_slots() -> None:
    """A dict's growth rehashes it in one C call holding the GIL, as a set's does (above): the
    watch's key dicts stay below ~700k keys, where a dict grows to 2**21 slots."""
    from ghl_desktop.core import dedupe

    keys = dedupe._KeyOwners()
    n = 1_300_000
    for a in range(0, n, 20_000):  # the conversion's chunks
        assert keys.add([f"k{i}@x.com" for i in range(a, a + 20_000)], [""] * 20_000,
                        list(range(a, a + 20_000))) == []
    links = keys.add(["k5@x.com", "new@x.com", "new@x.com"], ["", "", ""], [n, n + 1, n + 2])  # k5: first, retired dict
    assert len(keys.older) == 2 and max(len(keys.owners), *map(len, keys.older)) < 700_000
    assert links == [(5, n), (n + 1, n + 2)]


def test_a_released_watch_lets_go_of_its_key_dicts_one_at_a_time(monkeypatch) -> None:
    """``DuplicateWatch.release`` (before the merge) empties every key dict, freeing them one per
    step so no single call frees them all; the groups taken before are unaffected."""
    from ghl_desktop.core import dedupe

    monkeypatch.setattr(dedupe, "_SET_CAP", 1_000)
    watch = dedupe.DuplicateWatch()
    t = ContactTable()
    for c in t.columns:
        t.columns[c] = [""] * 3_000
    t.columns[F.EMAIL] = [f"p{i % 2_500}@x.com" for i in range(3_000)]
    t.columns[F.PHONE] = [f"+55119{i:08d}" for i in range(3_000)]
    t.sources = [(0, i) for i in range(3_000)]
    for a in range(0, 3_000, 500):
        watch.add(t.take(list(range(a, a + 500))))
    watched = watch.groups()
    assert len(watch.emails.older) == 2 and len(watch.phones.older) == 2
    freed = []
    real_pop = list.pop

    class Older(list):
        def pop(self, *a):
            freed.append(len(self))
            return real_pop(self, *a)

    for keys in (watch.emails, watch.phones):
        keys.older = Older(keys.older)
    watch.release()
    assert freed == [2, 1, 2, 1]  # dict by dict
    for keys in (watch.emails, watch.phones):
        assert not keys.older and keys.owners == {"": dedupe._NO_ROW}
    assert watched.take(dedupe.BY_EMAIL_PHONE).groups_and_rest() == ([[i, i + 2_500] for i in range(500)],
                                                                      list(range(2_500, 3_000)))


# -- no C call over every row (issue 17) --------------------------------------------------------------
# At a million rows one C call over every row (a ``sorted``, a ``list(...)`` of a map or a chain, an
# array built in one go) holds the GIL for tens of ms and the window's timer is that late: the merge,
# ``drop_rows``/``without_rows`` and the report work in slices of ``_SCAN`` items.
def _patch_scans(monkeypatch, scan: int) -> None:
    from ghl_desktop.core import dedupe
    from ghl_desktop.core import report as report_module
    from ghl_desktop.core import table as table_module

    for module in (dedupe, table_module, report_module):
        monkeypatch.setattr(module, "_SCAN", scan)
    monkeypatch.setattr(table_module, "_REBUILD_SLICE", scan)


@pytest.mark.parametrize("in_place", [False, True])
@pytest.mark.parametrize("seed,n,pool", CASES[::3])
def test_merge_and_report_in_small_slices_match_reference(seed: int, n: int, pool: int, in_place: bool,
                                                          monkeypatch) -> None:
    """Slices of 5 items (and first-row dicts of 20 keys) give the reference's merge and report."""
    from ghl_desktop.core import dedupe

    _patch_scans(monkeypatch, 5)
    monkeypatch.setattr(dedupe, "_SET_CAP", 20)
    table = random_table(random.Random(seed), n, pool)
    want, want_merged = ref_merge(copy_table(table))
    got, got_merged = merge_duplicates(table, in_place=in_place)
    assert got_merged == want_merged
    assert_same_table(got, want)
    report = report_of(got)
    reference = ref_report(got)
    assert {k: report[k] for k in reference} == reference


def _groups_of_three_table(n: int) -> ContactTable:
    """Rows in groups of one to three sharing an email (some through an additional email), most
    rows with a problem (an invalid or a repaired phone, an email typo), a sixth with a suggestion:
    large enough that a call over every row, every merged row or every row with a problem (of a
    kind) is many times a slice."""
    t = ContactTable()
    for r in range(n):
        for c in F.GHL_COLUMNS:
            t.columns[c].append("")
        group = r // 3 if r % 10 else r + n
        t.columns[F.FIRST_NAME][r] = f"Ana{r % 4}" if r % 5 else ""
        t.columns[F.EMAIL][r] = f"u{group}@x.com" if r % 3 != 2 else ""
        t.columns[F.ADDITIONAL_EMAILS][r] = f"u{group}@x.com, e{r}@y.com" if r % 3 == 2 else ""
        t.columns[F.PHONE][r] = f"+5511{r:09d}" if r % 4 else ""
        t.columns[F.TAGS][r] = "vip" if r % 2 else ""
        t.sources.append((0, r))
        if r % 2:
            t.problems[r] = {F.EMAIL: [Problem(EMAIL_TYPO, "m", "v")]}
        if r % 4 == 0:
            t.problems.setdefault(r, {})[F.PHONE] = [Problem(INVALID_PHONE, "m", "12")]
        elif r % 4 == 1:
            t.problems.setdefault(r, {})[F.PHONE] = [Problem(PHONE_REPAIRED, "m", "011")]
        if r % 6 == 1:
            t.suggestions[r] = {F.EMAIL: f"u{group}@x.com"}
    return t


def _spy_on_whole_calls(monkeypatch) -> list[tuple[str, int]]:
    """(what, items) of each ``list``/``sorted``/``set``/``array``/``true_positions`` call the merge,
    the table and the report make. Listing a review dict's keys or values (pointer copies) and
    sorting its rows (``without_rows``; runs already in order) are not counted."""
    import builtins
    from array import array as real_array

    from ghl_desktop.core import dedupe
    from ghl_desktop.core import report as report_module
    from ghl_desktop.core import table as table_module

    calls: list[tuple[str, int]] = []  # (what, in which function), items

    def is_review_dict(arg) -> bool:
        return isinstance(arg, (dict, type({}.keys()), type({}.values())))

    def spy_type(real):
        class Meta(type):
            def __instancecheck__(cls, obj):
                return isinstance(obj, real)

            def __call__(cls, *args):
                out = real(*args)
                if not (args and is_review_dict(args[-1])):
                    calls.append((f"{real.__name__} in {sys._getframe(1).f_code.co_name}", len(out)))
                return out

        return Meta(real.__name__, (), {})

    def spy_sorted(items, **kw):
        out = builtins.sorted(items, **kw)
        if sys._getframe(1).f_code.co_name != "without_rows":
            calls.append((f"sorted in {sys._getframe(1).f_code.co_name}", len(out)))
        return out

    real_positions = table_module.true_positions

    def spy_positions(flags):
        flags = builtins.list(flags)
        calls.append((f"true_positions in {sys._getframe(1).f_code.co_name}", len(flags)))
        return real_positions(flags)

    for module in (dedupe, table_module, report_module):
        monkeypatch.setattr(module, "list", spy_type(builtins.list), raising=False)
        monkeypatch.setattr(module, "set", spy_type(builtins.set), raising=False)
        monkeypatch.setattr(module, "sorted", spy_sorted, raising=False)
    monkeypatch.setattr(table_module, "array", spy_type(real_array))
    monkeypatch.setattr(dedupe, "array", spy_type(real_array))
    monkeypatch.setattr(table_module, "true_positions", spy_positions)
    monkeypatch.setattr(dedupe, "true_positions", spy_positions)
    return calls


@pytest.mark.parametrize("in_place", [False, True])
def test_the_merge_and_report_make_no_call_over_every_row(in_place: bool, monkeypatch) -> None:
    """With slices of 64 items, no call of the merge, of the rows' drop and of the report (before
    and after the merge) covers more than four slices (a slice of groups is up to three rows each),
    on a table of 3,000 rows of which 1,300 merge away; and the results are the reference's."""
    scan = 64
    _patch_scans(monkeypatch, scan)
    table = _groups_of_three_table(3000)
    want, want_merged = ref_merge(copy_table(table))
    before = copy_table(table)
    calls = _spy_on_whole_calls(monkeypatch)
    report_before = report_of(table)
    got, got_merged = merge_duplicates(table, in_place=in_place)
    report = report_of(got)
    monkeypatch.undo()
    reference = ref_report(before)
    assert {k: report_before[k] for k in reference} == reference
    assert got_merged == want_merged > 1000
    assert_same_table(got, want)
    reference = ref_report(got)
    assert {k: report[k] for k in reference} == reference
    assert calls and max(calls, key=lambda c: c[1])[1] <= 4 * scan, sorted(calls, key=lambda c: -c[1])[:5]


def test_first_rows_are_found_in_dicts_of_bounded_size(monkeypatch) -> None:
    """The dict of each key's first row never grows past ``_SET_CAP`` (+ a slice): growing it
    rehashes every key in one C call. The merge still matches the reference."""
    from ghl_desktop.core import dedupe

    _patch_scans(monkeypatch, 64)
    monkeypatch.setattr(dedupe, "_SET_CAP", 200)
    sizes: list[int] = []

    def tracer(frame, event, arg):
        if frame.f_code is dedupe._first_rows.__code__:
            def local(frame, event, arg):
                sizes.extend(map(len, frame.f_locals.get("owners", ())))
                return local
            return local
        return None

    table = _groups_of_three_table(3000)
    want, want_merged = ref_merge(copy_table(table))
    sys.settrace(tracer)
    try:
        got, got_merged = merge_duplicates(table)
    finally:
        sys.settrace(None)
    assert got_merged == want_merged
    assert_same_table(got, want)
    assert sizes and 200 < max(sizes) <= 200 + 64


def test_extend_carries_the_review_data_in_order_a_slice_at_a_time(monkeypatch):
    """``ContactTable.extend`` (how the window adds each chunk of a running job's rows to its live
    table): the other table's problems, suggestions, merges and exclusions shifted by the rows
    already there, in the other table's order, as a row-by-row copy gives them; the review dicts
    merged by C-level updates of at most ``_SCAN`` entries."""
    import ghl_desktop.core.table as table_module

    rnd = random.Random(7)
    first, second = random_table(rnd, 40, 12), random_table(rnd, 50, 12)
    offset = len(first)
    want = {attr: {**getattr(first, attr), **{r + offset: v for r, v in getattr(second, attr).items()}}
            for attr in ("problems", "suggestions")}
    monkeypatch.setattr(table_module, "_SCAN", 4)
    sizes: list[int] = []

    class SpyDict(dict):
        def update(self, items):
            items = list(items)
            sizes.append(len(items))
            super().update(items)

    first.problems, first.suggestions = SpyDict(first.problems), SpyDict(first.suggestions)
    excluded = set(first.excluded) | {r + offset for r in second.excluded}
    first.extend(second)
    for attr in ("problems", "suggestions"):
        assert list(getattr(first, attr).items()) == list(want[attr].items())
    assert first.excluded == excluded
    assert sizes and max(sizes) <= 4 and sum(sizes) == len(second.problems) + len(second.suggestions)
    assert len(first) == offset + len(second)

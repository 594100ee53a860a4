"""Hand edits during review follow the same rules as the file, and undo restores exactly."""

from ghl_desktop.core import schema as F
from ghl_desktop.core.assemble import ValueCache
from ghl_desktop.core.review import accept_suggestion, edit_cell, restore, set_excluded
from ghl_desktop.core.table import EMAIL_TYPO, FORMULA, INVALID_EMAIL, INVALID_PHONE, NO_CONTACT, ContactTable


def one_row(**values) -> ContactTable:
    t = ContactTable()
    for c in F.GHL_COLUMNS:
        t.columns[c] = [values.get(c, "")]
    t.sources = [(0, 0)]
    return t


def kinds(t, field=None):
    return {p.kind for f, p in t.row_problems(0) if field is None or f == field}


def test_typed_phone_becomes_e164_and_bad_one_is_flagged():
    t, cache = one_row(**{F.FIRST_NAME: "Ana"}), ValueCache("BR")
    edit_cell(t, 0, F.PHONE, "(11) 98765-4321", cache)
    assert t.value(0, F.PHONE) == "+5511987654321" and not kinds(t, F.PHONE)
    edit_cell(t, 0, F.PHONE, "123", cache)
    assert t.value(0, F.PHONE) == "" and kinds(t, F.PHONE) == {INVALID_PHONE}


def test_email_edit_revalidates_and_undo_restores():
    t, cache = one_row(**{F.EMAIL: "ana@x.com"}), ValueCache("BR")
    snap = edit_cell(t, 0, F.EMAIL, "not an email", cache)
    assert t.value(0, F.EMAIL) == "" and INVALID_EMAIL in kinds(t)
    assert NO_CONTACT in kinds(t)  # nothing left to import the contact by
    restore(t, snap)
    assert t.value(0, F.EMAIL) == "ana@x.com" and not t.problems


def test_accepting_a_typo_suggestion_fixes_the_address():
    t, cache = one_row(), ValueCache("BR")
    edit_cell(t, 0, F.EMAIL, "maria@gmial.com", cache)
    assert EMAIL_TYPO in kinds(t) and t.suggestions[0][F.EMAIL] == "maria@gmail.com"
    snap = accept_suggestion(t, 0, F.EMAIL, cache)
    assert t.value(0, F.EMAIL) == "maria@gmail.com" and EMAIL_TYPO not in kinds(t)
    assert 0 not in t.suggestions
    restore(t, snap)
    assert t.value(0, F.EMAIL) == "maria@gmial.com"


def test_names_follow_title_case_rules_and_formulas_are_flagged():
    t, cache = one_row(**{F.EMAIL: "a@b.com"}), ValueCache("BR")
    edit_cell(t, 0, F.FIRST_NAME, "JOSÉ DA SILVA", cache)
    assert t.value(0, F.FIRST_NAME) == "José da Silva"
    edit_cell(t, 0, "Company Name", "=1+1", cache)
    assert kinds(t, "Company Name") == {FORMULA}
    edit_cell(t, 0, "Company Name", "Acme", cache)
    assert not kinds(t)


def test_exclude_and_include():
    t = one_row(**{F.EMAIL: "a@b.com"})
    snap = set_excluded(t, 0, True)
    assert not t.is_exported(0)
    restore(t, snap)
    assert t.is_exported(0)

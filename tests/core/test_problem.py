"""``Problem``: a tuple underneath (cheap to make by the hundred thousand), a value object on top."""

import copy
import marshal
import pickle

import pytest

from ghl_desktop.core.speed.helper import _as_parts, _from_parts, _pack, _unpack
from ghl_desktop.core.table import INVALID_EMAIL, NO_CONTACT, ContactTable, Problem


def test_fields_equality_and_hash_are_by_value():
    p = Problem(INVALID_EMAIL, "", "ana@")
    assert (p.kind, p.message, p.value) == (INVALID_EMAIL, "", "ana@")
    assert p == Problem(kind=INVALID_EMAIL, message="", value="ana@") and hash(p) == hash(Problem(INVALID_EMAIL, "", "ana@"))
    assert p != Problem(INVALID_EMAIL, "", "bia@")
    assert Problem(NO_CONTACT, "m").value == ""
    assert p != (INVALID_EMAIL, "", "ana@")  # never equal to a plain tuple
    assert repr(p) == "Problem(kind='invalid_email', message='', value='ana@')"
    assert p.is_error and not Problem("formula", "m").is_error


def test_it_cannot_be_changed():
    p = Problem(INVALID_EMAIL, "m", "v")
    for name in ("kind", "message", "value"):
        with pytest.raises(AttributeError):
            setattr(p, name, "x")
    with pytest.raises(AttributeError):
        p.other = 1  # no __dict__


def test_it_survives_pickle_copy_and_the_helper_round_trip():
    p = Problem(INVALID_EMAIL, "", "ana@")
    for q in (pickle.loads(pickle.dumps(p)), copy.deepcopy(p), copy.copy(p)):
        assert type(q) is Problem and q == p
    t = ContactTable()
    for c in t.columns:
        t.columns[c].append("")
    t.sources.append((0, 0))
    t.add_problem(0, "Email", INVALID_EMAIL, "", "ana@")
    back = _unpack(marshal.loads(marshal.dumps(_pack(t))))
    got = back.problems[0]["Email"][0]
    assert type(got) is Problem and got == p and got.reason  # the library's reason, computed when read
    t.columns["Email"][0] = "x@y.com"
    t.suggestions[0] = {"Email": "x@gmail.com"}
    parts = _as_parts(_pack(t))  # as the helper sends it: a bytes object per column
    assert all(type(b) is bytes for b in parts) and len(parts) == 1 + len(t.columns)
    again = _unpack(_from_parts(parts))
    assert again.columns == back.columns | {"Email": ["x@y.com"]} and again.problems == back.problems
    assert again.suggestions == t.suggestions

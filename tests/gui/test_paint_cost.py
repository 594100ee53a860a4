"""What a paint of the review table costs in Python (issue 17: the window's longest stall).

A paint asks the model for seven roles of every visible cell, ~1,400 calls from C++ into Python,
each of which has to win the GIL back while a job's thread runs: the calls themselves are what
must stay small. Counted with a profiler, not timed."""

import collections
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from ghl_desktop.core.schema import GHL_COLUMNS
from ghl_desktop.core.table import ContactTable
from ghl_desktop.gui.preview_model import STATUS_COLUMN, PreviewModel
from ghl_desktop.gui.review_panel import PreviewView

#: Roles Qt's item delegate asks of every cell that no cell of the review table has.
NEVER_SET = (int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.CheckStateRole))


def _plain_table(n: int) -> ContactTable:
    """Every cell filled, no problem, merge or exclusion: the common case of a paint."""
    t = ContactTable()
    for i, c in enumerate(GHL_COLUMNS):
        t.columns[c] = [f"valor {i}"] * n
    t.sources = [(0, 0)] * n
    return t


def test_a_paint_reads_each_cell_without_python_calls_of_its_own(qapp):
    model = PreviewModel()
    model.set_table(_plain_table(500))
    view = PreviewView()
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qapp.processEvents()

    calls = collections.Counter()   # Python functions data() calls, by name
    index_reads = collections.Counter()  # QModelIndex methods data() calls, by role asked
    asked = collections.Counter()    # data() calls, by role

    def profile(frame, event, arg):
        caller = frame if event == "c_call" else frame.f_back
        if event == "call" and frame.f_code.co_name == "data":
            asked[frame.f_locals["role"]] += 1
        elif caller is not None and caller.f_code.co_name == "data" and caller.f_code.co_filename.endswith("preview_model.py"):
            if event == "call":
                calls[frame.f_code.co_name] += 1
            elif event == "c_call" and getattr(arg, "__qualname__", "").startswith("QModelIndex."):
                index_reads[caller.f_locals["role"]] += 1

    sys.setprofile(profile)
    try:
        view.viewport().repaint()
    finally:
        sys.setprofile(None)

    cells = sum(asked.values())
    assert cells > 500  # the paint did ask the model (seven roles a cell)
    # Only the status column has its own helper; a value cell is answered inside data().
    assert set(calls) <= {"_status_data"}, calls
    assert 0 < calls["_status_data"] < cells / 4, calls  # one column of seven or more
    # The roles no cell has are answered before the index is read at all; the others read it
    # twice (row and column).
    for role in NEVER_SET:
        assert asked[role] > 0 and index_reads[role] == 0, (role, asked[role], index_reads[role])
    for role, n in asked.items():
        assert index_reads[role] <= 2 * n, (role, n, index_reads[role])


def test_the_int_roles_answer_as_the_named_ones(qapp):
    """The model's roles are plain ints for speed: Qt's named roles get the same answers."""
    t = _plain_table(3)
    t.excluded = {1}
    model = PreviewModel()
    model.set_table(t)
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole):
        for r in range(3):
            for c in (STATUS_COLUMN, 1):
                named, plain = model.index(r, c).data(role), model.data(model.index(r, c), int(role))
                if isinstance(named, QIcon):
                    named, plain = named.cacheKey(), plain.cacheKey()
                assert named == plain, (r, c, role)
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole) is not None
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, STATUS_COLUMN).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "valor 0"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(model.index(-1, -1)) is None
    assert model.index(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.index(0, STATUS_COLUMN).flags() & Qt.ItemFlag.ItemIsEditable

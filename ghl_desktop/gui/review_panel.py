"""The review screen: filters, search, the preview table, and the row actions.

Search on a large table runs on the thread pool (a generation number drops stale answers), so
typing stays responsive on a million rows; small tables are filtered at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import rows_with_problems
from ..core import AMBIGUOUS, NEW, UNCHANGED, UPDATE
from .preview_model import STATUS_COLUMN, PreviewModel, TableRowRole, change_text, mark_label
from .review_session import ReviewSession
from .row_filter import ALL, EXCLUDED, EXISTING_MODES, MERGED, MODES, PROBLEMS, SUGGESTIONS, filter_rows
from .tasks import run_in_pool


#: Above this many rows a search runs on the thread pool instead of at once.
BACKGROUND_SEARCH_ROWS = 100_000

#: The filter buttons and the row count are sized for counts up to this one: while a job's rows
#: arrive the counts change several times a second, and a widget growing with its text would
#: change the panel's layout, which repaints the whole page, table included.
COUNT_WIDTH_FOR = 8_888_888


class PreviewView(QTableView):
    """The preview table, tuned for very many rows: fixed row height, no per-row measuring."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("previewView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        v = self.verticalHeader()
        v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        v.setDefaultSectionSize(self.fontMetrics().height() + 8)
        v.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._size_row_numbers()
        h = self.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setDefaultSectionSize(140)
        h.setHighlightSections(False)

    def _size_row_numbers(self) -> None:
        """The row numbers' column fits numbers of up to seven digits from the start: growing
        with them (at 1,000, 10,000, ... rows, while a job's rows arrive) moved the whole table
        and repainted the page around it."""
        header = self.verticalHeader()
        header.setMinimumWidth(header.fontMetrics().horizontalAdvance("8" * 7) + 12)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_row_numbers()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        """Paint from a Python frame, so the GIL is held for the whole paint.

        A paint asks the model for every visible cell and role: thousands of calls into Python.
        Made straight from C++, each call has to win the GIL back while a job's thread runs Python
        code, and a paint took several times longer; made from here, they find it already held.
        """
        super().paintEvent(event)

    def setModel(self, model) -> None:
        super().setModel(model)
        self.setColumnWidth(STATUS_COLUMN, 52)
        # Starting widths that fit typical values (the field schema's); a person can resize them.
        schema = model.table.schema
        for i, name in enumerate(schema.columns, start=1):
            if schema[name].review_width:
                self.setColumnWidth(i, schema[name].review_width)


class ReviewPanel(QWidget):
    excludeRequested = Signal()

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: PreviewModel = session.model
        self._generation = 0
        self._problems = 0  # rows with a problem (``core.rows_with_problems``), counted off-thread when many
        self._problems_running = self._problems_again = False
        #: (table, its length, rows with a problem) while that count holds: given by the window
        #: (see ``set_problem_count``) or counted here; forgotten on any change to the rows.
        self._counted: tuple | None = None
        self._count_generation = 0

        self.filter_buttons: dict[str, QToolButton] = {}
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        bar = QHBoxLayout()
        bar.setSpacing(2)
        for mode in MODES:
            bar.addWidget(self._filter_button(mode, self))
        self.filter_buttons[ALL].setChecked(True)
        # What importing the rows does to the contacts already in GHL: a second row of filters,
        # shown only for a job compared with such files.
        self.existing_bar = QWidget(self)
        self.existing_bar.setObjectName("existingFilters")
        ebar = QHBoxLayout(self.existing_bar)
        ebar.setContentsMargins(0, 0, 0, 0)
        ebar.setSpacing(2)
        self.existing_title = QLabel(self.existing_bar)
        ebar.addWidget(self.existing_title)
        for mode in EXISTING_MODES:
            ebar.addWidget(self._filter_button(mode, self.existing_bar))
        ebar.addStretch(1)
        self.existing_bar.hide()
        bar.addSpacing(12)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        bar.addWidget(self.search, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(2)
        self.banner = QLabel(self)
        self.banner.setObjectName("reviewBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.count = QLabel(self)
        self.count.setObjectName("rowCount")
        # Its width comes from the layout (at least ``_size_for_counts``'), never from its text.
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.view = PreviewView(self)
        self.view.setModel(self.model)
        # For the current row of a job compared with the contacts already in GHL: what importing
        # it does (new, the Contact Id it updates and each change old → new, or the ambiguity).
        self.existing_detail = QLabel(self)
        self.existing_detail.setObjectName("existingDetail")
        self.existing_detail.setWordWrap(True)
        self.existing_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.existing_detail.hide()
        self.view.selectionModel().currentChanged.connect(lambda *_: self.update_existing_detail())

        # Row actions sit beside the row count, under the table: the top row stays narrow enough
        # for a 1366-pixel screen with the jobs panel open.
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addLayout(self.actions_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.existing_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.existing_detail)
        layout.addLayout(bottom)

        self.model.dataChanged.connect(self._forget_count)  # an edit, an exclusion, their undo
        self.model.modelReset.connect(self.update_counts)  # a new table or filter: count at once
        for sig in (self.model.rowsInserted, self.model.dataChanged):  # many small changes: batch them
            sig.connect(self._schedule_counts)
        self._count_timer = QTimer(self, singleShot=True, interval=150)
        self._count_timer.timeout.connect(self.update_counts)
        self.retranslate()

    def add_action(self, action: QAction) -> QToolButton:
        b = QToolButton(self)
        b.setDefaultAction(action)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_bar.addWidget(b)
        return b

    # -- filter and search -----------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.filter_buttons[mode].setChecked(True)
        self.apply_filter()

    def mode(self) -> str:
        return next(m for m, b in self.filter_buttons.items() if b.isChecked())

    def apply_filter(self) -> None:
        mode, needle = self.mode(), self.search.text()
        self._generation += 1
        table = self.model.table
        if len(table) <= BACKGROUND_SEARCH_ROWS or not needle.strip():
            self.model.apply_filter(mode, needle)
            return
        generation = self._generation
        self.count.setText(self.tr("Searching…"))

        def done(rows) -> None:
            if generation == self._generation and table is self.model.table:
                self.model.apply_filter(mode, needle, rows)

        existing = self.model.existing
        run_in_pool(lambda: filter_rows(table, mode, needle, existing=existing), done, owner=self)

    def _schedule_counts(self, *args) -> None:
        if not self._count_timer.isActive():
            self._count_timer.start()

    def _filter_button(self, mode: str, parent: QWidget) -> QToolButton:
        """A checkable filter button, one of the group (one filter at a time)."""
        b = QToolButton(parent)
        b.setObjectName(f"filter_{mode}")
        b.setCheckable(True)
        b.setAutoRaise(False)
        b.clicked.connect(lambda _c=False, m=mode: self.set_mode(m))
        self.filter_group.addButton(b)
        self.filter_buttons[mode] = b
        return b

    def set_problem_count(self, table, n: int) -> None:
        """``n`` rows of ``table``, as it now stands, have a problem: counted where it costs the
        window nothing (summed with each chunk of a running job's rows in the job's thread; with
        a result, on the thread that loaded it). No walk of the table until its rows change."""
        self._counted = (table, len(table), n)
        self._count_generation += 1

    def _forget_count(self, *args) -> None:
        self._counted = None
        self._count_generation += 1

    def update_counts(self) -> None:
        """Show the counts of the table on screen; rows with a problem as given
        (``set_problem_count``) or counted (``rows_with_problems``), off the GUI thread when many."""
        t = self.model.table
        loc = QLocale()
        known = self._counted
        if known is not None and known[0] is t and known[1] == len(t):
            self._problems = known[2]
        elif not len(t):
            self._counted, self._problems = None, 0
        elif len(t) <= BACKGROUND_SEARCH_ROWS:
            self._problems = len(rows_with_problems(t))
            self.set_problem_count(t, self._problems)
        else:  # a walk over every problem of a large table: off the GUI thread
            self._counted = None
            self._count_problems(t)
        counts = {ALL: len(t), PROBLEMS: self._problems, MERGED: len(t.merged), EXCLUDED: len(t.excluded),
                  SUGGESTIONS: len(t.suggestions)}
        existing = self.model.existing
        marks = existing.counts() if existing is not None else {}
        for mode in EXISTING_MODES:
            counts[mode] = marks.get(f"{mode}_rows", 0)
        self._show_existing(existing is not None)
        names = self._mode_names()
        for mode, b in self.filter_buttons.items():
            b.setText(self._filter_text(names[mode], loc.toString(counts[mode])))
        self.count.setText(self._count_text(loc.toString(self.model.visible_count()), loc.toString(len(t))))
        self.update_existing_detail()

    def _show_existing(self, shown: bool) -> None:
        """The GHL filters and the detail line, for a job compared with contacts already in GHL."""
        if shown == self.existing_bar.isVisibleTo(self):
            return
        self.existing_bar.setVisible(shown)
        if not shown and self.mode() in EXISTING_MODES:  # a job without them: back to every row
            self.filter_buttons[ALL].setChecked(True)
            self.model.apply_filter(ALL, self.search.text())
        self.update_existing_detail()

    def update_existing_detail(self) -> None:
        """What importing the current row does in GHL, under the table (hidden without existing files)."""
        idx = self.view.currentIndex()
        if self.model.existing is None:
            self.existing_detail.hide()
            return
        if not idx.isValid():
            self.existing_detail.setText(self.tr("Select a row to see what importing it does in GHL."))
            self.existing_detail.show()
            return
        r = idx.data(TableRowRole)
        text = self.tr("Row {0}: {1}").format(QLocale().toString(r + 1), self.model.mark_summary(r))
        changes = self.model.changes(r)
        if changes:
            text += "\n" + "; ".join(f"{f}: {change_text(old, new)}" for f, (old, new) in changes.items())
        self.existing_detail.setText(text)
        self.existing_detail.show()

    def _count_problems(self, table) -> None:
        if self._problems_running:
            self._problems_again = True
            return
        self._problems_running = True
        generation, length = self._count_generation, len(table)

        def done(n: int) -> None:
            self._problems_running = False
            # Only if nothing changed the rows meanwhile (else the count that follows the change holds).
            if table is self.model.table and generation == self._count_generation and length == len(table):
                self.set_problem_count(table, n)
                self._problems = n
                b = self.filter_buttons[PROBLEMS]
                b.setText(self._filter_text(self._mode_names()[PROBLEMS], QLocale().toString(n)))
            if self._problems_again:
                self._problems_again = False
                self.update_counts()  # counts again unless a count was given meanwhile

        def failed(_exc, _tb) -> None:  # the table changed under the count: count again
            self._problems_running = False
            self._schedule_counts()

        run_in_pool(lambda: len(rows_with_problems(table)), done, failed, owner=self)

    def _count_text(self, shown: str, total: str) -> str:
        return self.tr("Showing {0} of {1} rows").format(shown, total)

    @staticmethod
    def _filter_text(name: str, count: str) -> str:
        return f"{name} ({count})"

    def _size_for_counts(self) -> None:
        """Give the filter buttons and the row count the width of their text at ``COUNT_WIDTH_FOR``,
        in the current language, font and style: a count changing below it changes no layout."""
        widest = QLocale().toString(COUNT_WIDTH_FOR)
        names = self._mode_names()
        for mode, b in self.filter_buttons.items():
            text = b.text()
            b.setMinimumWidth(0)
            b.setText(self._filter_text(names[mode], widest))
            b.setMinimumWidth(b.sizeHint().width())
            b.setText(text)
        margins = self.count.contentsMargins()
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(self._count_text(widest, widest))
                                   + margins.left() + margins.right() + 2 * self.count.margin())

    def _mode_names(self) -> dict[str, str]:
        return {ALL: self.tr("All"), PROBLEMS: self.tr("With problems"), SUGGESTIONS: self.tr("Suggestions"),
                MERGED: self.tr("Merged duplicates"), EXCLUDED: self.tr("Excluded"),
                **{mode: mark_label(mode) for mode in EXISTING_MODES}}

    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # -- selection helpers -----------------------------------------------------------------------
    def selected_table_rows(self) -> list[int]:
        sel = self.view.selectionModel()
        rows = {i.row() for i in sel.selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(self.model.table_row(r) for r in rows)

    def current_cell(self) -> tuple[int, str] | None:
        idx = self.view.currentIndex()
        field = self.model.field_at(idx.column()) if idx.isValid() else None
        if field is None:
            return None
        return idx.data(TableRowRole), field

    def select_cell(self, view_row: int, column: int) -> None:
        idx = self.model.index(view_row, column)
        self.view.setCurrentIndex(idx)
        self.view.selectionModel().select(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search names, emails, phones…"))
        self.existing_title.setText(self.tr("Compared with GHL:"))
        tips = {NEW: self.tr("Rows no contact in GHL has: the import creates them"),
                UPDATE: self.tr("Rows that match one contact in GHL and change it (Contact Id, email, then phone)"),
                UNCHANGED: self.tr("Rows GHL already has as they are: left out of the export unless you ask"),
                AMBIGUOUS: self.tr("Rows that match two or more contacts in GHL: GHL would update only one")}
        for mode, tip in tips.items():
            self.filter_buttons[mode].setToolTip(tip)
        self.view.setToolTip("")
        self._size_for_counts()
        self.update_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_for_counts()
        elif event.type() == QEvent.Type.PaletteChange:
            self.model.refresh_colors()
        super().changeEvent(event)


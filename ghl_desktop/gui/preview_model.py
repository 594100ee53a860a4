"""The review table's model: a lazy ``QAbstractTableModel`` over the core ``ContactTable``.

Modelled on Qt for Python's pandas example and Spyder's dataframe editor: nothing is copied or
pre-formatted per row; ``data()`` reads the column lists on demand, and ``fetchMore`` exposes rows
in batches so the view never lays out a million rows at once. Filtering is a list of row numbers
(see ``row_filter``), not a proxy model.

Edits never change the table here: ``setData`` asks for an undoable command (``editRequested``),
which calls the core review rules and then tells the model which rows changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ..core import (
    AMBIGUOUS,
    EMAIL_TYPO,
    EXISTING_AMBIGUOUS,
    FORMULA,
    INVALID_COUNTRY,
    INVALID_DATE,
    INVALID_EMAIL,
    INVALID_PHONE,
    INVALID_VALUE,
    NO_CONTACT,
    PHONE_REPAIRED,
    ROW,
    FIRST_NAME,
    FULL_NAME,
    LAST_NAME,
    NEW,
    UNCHANGED,
    UPDATE,
    ContactTable,
)
from .core_text import translate_core_text
from .live_table import as_columns_of
from .row_filter import ALL, filter_rows

STATUS_COLUMN = 0
FETCH_BATCH = 50_000
#: Rows a running job's live view holds before a person scrolls for more (``fetchMore``): rows
#: arriving below them change no row count in the view, so the table's scroll bar and row header
#: stay still and the page is not repainted while the job catches up.
LIVE_BATCH = 2_000

#: The problem kinds of a cell (list of str), for tests and delegates.
ProblemKindsRole = Qt.ItemDataRole.UserRole + 1
#: The table row number behind a view row.
TableRowRole = Qt.ItemDataRole.UserRole + 2
#: The suggested replacement for a cell, if any.
SuggestionRole = Qt.ItemDataRole.UserRole + 3
#: For a cell an import would change in GHL: (GHL's value, the new value); else None.
ChangeRole = Qt.ItemDataRole.UserRole + 4
#: A row's mark against the contacts already in GHL (new, update, unchanged, ambiguous), or None.
MarkRole = Qt.ItemDataRole.UserRole + 5

_INDEX = QModelIndex | QPersistentModelIndex

# The roles as plain ints: ``data()`` runs ~1,400 times a paint of the review table (seven roles a
# cell), and reading ``Qt.ItemDataRole.X`` costs ~0.9 µs each time, more than the answer itself.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_PROBLEM_KINDS, _TABLE_ROW, _SUGGESTION, _CHANGE, _MARK = (
    int(ProblemKindsRole), int(TableRowRole), int(SuggestionRole), int(ChangeRole), int(MarkRole))
#: Every role a cell may answer; a paint also asks for the text alignment and the check state,
#: which no cell has: those return at once.
_ANSWERED_ROLES = frozenset({_DISPLAY, _EDIT, _DECORATION, _BACKGROUND, _FOREGROUND, _FONT, _TOOLTIP,
                             _PROBLEM_KINDS, _TABLE_ROW, _SUGGESTION, _CHANGE, _MARK})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable


def problem_label(kind: str) -> str:
    return {
        INVALID_EMAIL: QCoreApplication.translate("PreviewModel", "Invalid email"),
        INVALID_PHONE: QCoreApplication.translate("PreviewModel", "Invalid phone"),
        INVALID_DATE: QCoreApplication.translate("PreviewModel", "Invalid date"),
        INVALID_VALUE: QCoreApplication.translate("PreviewModel", "Not a value of this field's type"),
        INVALID_COUNTRY: QCoreApplication.translate("PreviewModel", "Not a country"),
        NO_CONTACT: QCoreApplication.translate("PreviewModel", "No name, email or phone: GHL would refuse this row"),
        EMAIL_TYPO: QCoreApplication.translate("PreviewModel", "Possible typo in the email"),
        FORMULA: QCoreApplication.translate("PreviewModel", "Looks like a spreadsheet formula: it is neutralized on export"),
        PHONE_REPAIRED: QCoreApplication.translate("PreviewModel", "Phone repaired"),
        EXISTING_AMBIGUOUS: QCoreApplication.translate("PreviewModel", "Matches more than one contact already in GHL"),
    }.get(kind, kind)


def mark_label(mark: str) -> str:
    """What importing a row does to the contacts already in GHL, as the review names it."""
    return {
        NEW: QCoreApplication.translate("PreviewModel", "New"),
        UPDATE: QCoreApplication.translate("PreviewModel", "Update"),
        UNCHANGED: QCoreApplication.translate("PreviewModel", "Unchanged"),
        AMBIGUOUS: QCoreApplication.translate("PreviewModel", "Ambiguous"),
    }.get(mark, mark)


def change_text(old: str, new: str) -> str:
    """“In GHL: old → new: new”, the tooltip of a cell an update changes."""
    old = old or QCoreApplication.translate("PreviewModel", "(empty)")
    return QCoreApplication.translate("PreviewModel", "In GHL: {0} → new: {1}").format(old, new)


class CellColors:
    """Tints that read on both light and dark palettes (translucent over the base colour)."""

    def __init__(self, palette: QPalette) -> None:
        self.error = QColor(220, 50, 47, 90)
        self.warning = QColor(230, 160, 0, 80)
        self.merged = QColor(38, 139, 210, 70)
        #: A value an import writes over what GHL has (an update's changed cell).
        self.changed = QColor(150, 90, 230, 70)
        self.excluded_bg = QColor(palette.color(QPalette.ColorRole.Mid))
        self.excluded_bg.setAlpha(60)
        self.excluded_fg = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


class PreviewModel(QAbstractTableModel):
    editRequested = Signal(int, str, str)  #: table row, field, typed text

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table = ContactTable()
        #: The conversion result once the job is done (raw source cells for tooltips); None while live.
        self.result = None
        self.mode = ALL
        self.needle = ""
        self.read_only = False
        self._rows: list[int] | None = None  # None: every table row, in order
        self._loaded = 0
        #: Per table row, what an import changes in GHL: {field: (GHL's value, new value)}.
        self._changes: dict[int, dict[str, tuple[str, str]]] = {}
        self.colors = CellColors(QGuiApplication.palette())
        style = QApplication.style()
        self._icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "excluded": style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton),
        }
        self._italic = QFont()
        self._italic.setItalic(True)
        self._italic.setStrikeOut(True)

    # -- content ---------------------------------------------------------------------------------
    def set_table(self, table: ContactTable, result=None, rows: list[int] | None = None) -> None:
        """Show ``table`` (the live one while a job runs, the loaded result once it is done)."""
        self.beginResetModel()
        self.table = table
        self.result = result
        self._changes = {}
        self._rows = rows if rows is not None else filter_rows(table, self.mode, self.needle,
                                                               existing=self.existing)
        self._loaded = min(self._visible(), FETCH_BATCH)
        self.endResetModel()

    def clear(self) -> None:
        self.set_table(ContactTable(), None)

    def append_chunk(self, chunk: ContactTable) -> None:
        """Add rows a running job just normalized; they appear at once if the filter keeps them.

        The table shown while a job runs is a ``LiveTable``: the chunk's lists join it as they
        are. A filter is worked out on the chunk alone (its columns the table shows), not on
        the rows already there. The first rows may bring the job's columns (``LiveTable``
        takes its schema from them): the view is then reset once, with them."""
        start = len(self.table)
        takes = getattr(self.table, "takes_schema_of", None)
        if takes is not None and takes(chunk):
            self.beginResetModel()
            self.table.extend(chunk)
            self._rows = filter_rows(self.table, self.mode, self.needle, existing=self.existing)
            self._loaded = min(self._visible(), LIVE_BATCH)
            self.endResetModel()
            return
        self.table.extend(chunk)
        stop = len(self.table)
        if self._rows is not None and stop > start:
            t, existing = self.table, self.existing
            if existing is None:  # marks against GHL's contacts come with a result, never live
                rows = filter_rows(as_columns_of(t, chunk), self.mode, self.needle)
                self._rows.extend(range(start, stop) if rows is None else map(start.__add__, rows))
            else:
                self._rows.extend(filter_rows(t, self.mode, self.needle, start, stop, existing=existing) or [])
        target = min(self._visible(), max(self._loaded, LIVE_BATCH))
        if target > self._loaded:
            self.beginInsertRows(QModelIndex(), self._loaded, target - 1)
            self._loaded = target
            self.endInsertRows()

    def apply_filter(self, mode: str, needle: str = "", rows: list[int] | None | bool = False) -> None:
        """Filter by ``mode`` and search text; ``rows`` may be given when computed elsewhere (large tables)."""
        self.mode, self.needle = mode, needle
        computed = filter_rows(self.table, mode, needle, existing=self.existing) if rows is False else rows
        self.beginResetModel()
        self._changes = {}
        self._rows = computed
        self._loaded = min(self._visible(), FETCH_BATCH)
        self.endResetModel()

    @property
    def existing(self):
        """The loaded result's marks against the contacts already in GHL (``ExistingMatch``), or None."""
        return getattr(self.result, "existing", None)

    def mark(self, table_row: int) -> str | None:
        existing = self.existing
        return existing.mark(table_row) if existing is not None and table_row < len(self.table) else None

    def changes(self, table_row: int) -> dict[str, tuple[str, str]]:
        """What importing ``table_row`` changes in GHL: {field: (GHL's value, the new value)}
        (an update, or an ambiguous row's pick; nothing for a new or unchanged row)."""
        existing = self.existing
        if existing is None or table_row >= len(self.table):
            return {}
        found = self._changes.get(table_row)
        if found is None:
            found = ({} if existing.mark(table_row) in (NEW, UNCHANGED)
                     else {f: (old, new) for f, old, new in existing.changes(table_row)})
            self._changes[table_row] = found
        return found

    def _visible(self) -> int:
        return len(self.table) if self._rows is None else len(self._rows)

    def visible_count(self) -> int:
        """Rows passing the filter (some may not be fetched into the view yet)."""
        return self._visible()

    def table_row(self, view_row: int) -> int:
        return view_row if self._rows is None else self._rows[view_row]

    def view_row(self, table_row: int) -> int | None:
        if self._rows is None:
            return table_row if table_row < self._loaded else None
        import bisect

        i = bisect.bisect_left(self._rows, table_row)
        return i if i < len(self._rows) and self._rows[i] == table_row and i < self._loaded else None

    def field_at(self, column: int) -> str | None:
        return None if column == STATUS_COLUMN else self.table.schema.columns[column - 1]

    def rows_changed(self, table_rows) -> None:
        """Repaint the given table rows after an edit, an exclusion or their undo."""
        for r in table_rows:
            self._changes.pop(r, None)
            v = self.view_row(r)
            if v is not None:
                self.dataChanged.emit(self.index(v, 0), self.index(v, self.columnCount() - 1))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, v, v)

    def refresh_colors(self) -> None:
        self.colors = CellColors(QGuiApplication.palette())
        if self._loaded:
            self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1, self.columnCount() - 1))

    # -- lazy loading ----------------------------------------------------------------------------
    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.schema.columns) + 1

    def canFetchMore(self, parent: _INDEX = QModelIndex()) -> bool:
        return not parent.isValid() and self._loaded < self._visible()

    def fetchMore(self, parent: _INDEX = QModelIndex()) -> None:
        target = min(self._visible(), self._loaded + FETCH_BATCH)
        if target > self._loaded:
            self.beginInsertRows(QModelIndex(), self._loaded, target - 1)
            self._loaded = target
            self.endInsertRows()

    # -- cells -----------------------------------------------------------------------------------
    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        if index.isValid() and index.column() != STATUS_COLUMN and not self.read_only:
            return _EDITABLE_FLAGS
        return _FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if section == STATUS_COLUMN else self.table.schema.columns[section - 1]
            if role == Qt.ItemDataRole.ToolTipRole and section == STATUS_COLUMN:
                return self.tr("Row status: problems, merged duplicates, excluded")
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._loaded:
            return str(self.table_row(section) + 1)
        return None

    def data(self, index: _INDEX, role: int = _DISPLAY):
        # Asked once per role and visible cell at every paint, from C++, often while a job's
        # thread holds the GIL: plain int roles, and roles no cell has answered first.
        if role not in _ANSWERED_ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        if row < 0 or row >= self._loaded:
            return None
        r = row if self._rows is None else self._rows[row]
        column = index.column()
        if column == STATUS_COLUMN:
            return self._status_data(r, role)
        t = self.table
        field = t.schema.columns[column - 1]
        if role == _DISPLAY or role == _EDIT:
            value = t.columns[field][r]
            if not value:
                bad = self._invalid_value(r, field)
                if bad:
                    return bad
            return value
        if role == _BACKGROUND:
            probs = t.problems.get(r)
            if probs and field in probs:
                if any(p.is_error for p in probs[field]):
                    return self.colors.error
                return self.colors.warning
            if r in t.excluded:
                return self.colors.excluded_bg
            if self.result is not None and field in self.changes(r):
                return self.colors.changed
            return None
        if role == _FOREGROUND:
            return self.colors.excluded_fg if r in t.excluded else None
        if role == _FONT:
            return self._italic if r in t.excluded else None
        if role == _TOOLTIP:
            return self._tooltip(r, field)
        if role == _PROBLEM_KINDS:
            return [p.kind for p in t.problems.get(r, {}).get(field, [])]
        if role == _SUGGESTION:
            return t.suggestions.get(r, {}).get(field)
        if role == _CHANGE:
            return self.changes(r).get(field)
        if role == _TABLE_ROW:
            return r
        if role == _MARK:
            return self.mark(r)
        return None

    def setData(self, index: _INDEX, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        field = self.field_at(index.column()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or field is None or self.read_only:
            return False
        r = self.table_row(index.row())
        text = "" if value is None else str(value)
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        self.editRequested.emit(r, field, text)
        return True

    # -- helpers ---------------------------------------------------------------------------------
    def _invalid_value(self, r: int, field: str) -> str:
        probs = self.table.problems.get(r)
        if not probs or field not in probs:
            return ""
        return ", ".join(p.value for p in probs[field] if p.is_error and p.value)

    def _status_data(self, r: int, role: int):
        t = self.table
        if role == _DISPLAY:
            merged = t.merged.get(r)
            return f"+{len(merged)}" if merged else ""
        if role == _DECORATION:
            if r in t.excluded:
                return self._icons["excluded"]
            probs = t.problems.get(r)
            if probs:
                return self._icons["error" if t.has_error(r) else "warning"]
            return None
        if role == _BACKGROUND:
            if r in t.excluded:
                return self.colors.excluded_bg
            return self.colors.merged if r in t.merged else None
        if role == _TOOLTIP:
            lines = []
            if r in t.excluded:
                lines.append(self.tr("Excluded: this row will not be exported"))
            merged = t.merged.get(r)
            if merged:
                lines.append(self.tr("Merged with %n duplicate row(s):", "", len(merged)))
                lines.extend("  " + self.tr("{0}, row {1}").format(self._source_name(f), self._source_line(f, i))
                             for f, i in merged[:10])
            lines += self._mark_lines(r)
            for fld, p in t.row_problems(r):
                where = fld or self.tr("Row")
                if p.kind == EXISTING_AMBIGUOUS:  # which contacts, and the one GHL would update
                    lines.append(f"{where}: {problem_label(p.kind)}: {translate_core_text(p)}")
                else:
                    lines.append(f"{where}: {problem_label(p.kind)}")
            return "\n".join(lines) or None
        if role == _TABLE_ROW:
            return r
        if role == _MARK:
            return self.mark(r)
        if role == _PROBLEM_KINDS:
            return [p.kind for p in t.problems.get(r, {}).get(ROW, [])]
        return None

    def mark_summary(self, r: int) -> str:
        """One line on what importing row ``r`` does in GHL ("" for a job without existing contacts)."""
        mark = self.mark(r)
        if mark is None:
            return ""
        contact = self.existing.contact_id(r)
        if mark == NEW:
            return self.tr("New: creates a contact in GHL")
        if mark == UNCHANGED:
            return (self.tr("Unchanged: GHL already has all of it (Contact Id {0})").format(contact) if contact
                    else self.tr("Unchanged: GHL already has all of it"))
        n = len(self.changes(r))
        if mark == UPDATE:
            return (self.tr("Update: changes %n field(s) of the GHL contact {0}", "", n).format(contact) if contact
                    else self.tr("Update: changes %n field(s) of a contact already in GHL", "", n))
        return (self.tr("Ambiguous: matches more than one GHL contact; GHL would update {0}").format(contact)
                if contact else self.tr("Ambiguous: matches more than one GHL contact"))

    def _mark_lines(self, r: int) -> list[str]:
        summary = self.mark_summary(r)
        if not summary:
            return []
        return [summary] + [f"  {f}: {change_text(old, new)}" for f, (old, new) in self.changes(r).items()]

    def _tooltip(self, r: int, field: str) -> str | None:
        t = self.table
        lines = []
        for p in t.problems.get(r, {}).get(field, []):
            reason = translate_core_text(p)
            detail = f"{problem_label(p.kind)}: {reason}" if reason else problem_label(p.kind)
            if p.value and p.kind != PHONE_REPAIRED:
                detail += f"\n  “{p.value}”"
            lines.append(detail)
        suggestion = t.suggestions.get(r, {}).get(field)
        if suggestion:
            lines.append(self.tr("Suggested fix: {0} (Accept suggestion, Ctrl+Enter)").format(suggestion))
        raw = self.original_text(r, field)
        value = t.columns[field][r]
        if raw and value and raw != value:
            lines.append(self.tr("Original: {0} → {1}").format(raw, value))
        change = self.changes(r).get(field) if self.result is not None else None
        if change is not None:
            lines.append(change_text(*change))
        return "\n".join(lines) or None

    def original_text(self, r: int, field: str) -> str:
        """The source cells behind ``field`` of row ``r`` as they were in the file ("" when unknown)."""
        result = self.result
        if result is None or r >= len(self.table.sources):
            return ""
        file_index, src_row = self.table.sources[r]
        if file_index >= len(result.sources) or file_index >= len(result.mappings):
            return ""
        mapping, src = result.mappings[file_index], result.sources[file_index]
        idx = mapping.sources_for(field)
        if field in (FIRST_NAME, LAST_NAME) and not idx:
            idx = mapping.sources_for(FULL_NAME)
        values = [src.columns[i][src_row] for i in idx if i < len(src.columns) and src_row < len(src.columns[i])]
        return " | ".join(v for v in values if v)

    def _source_name(self, file_index: int) -> str:
        if self.result is not None and file_index < len(self.result.sources):
            info = self.result.sources[file_index].info or {}
            return info.get("file") or Path(self.result.sources[file_index].path).name
        return "#" + str(file_index + 1)

    def _source_line(self, file_index: int, row: int) -> int:
        if self.result is not None and file_index < len(self.result.sources):
            numbers = self.result.sources[file_index].row_numbers
            if row < len(numbers):
                return numbers[row]
        return row + 1

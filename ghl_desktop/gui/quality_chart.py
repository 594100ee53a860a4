"""The email/phone quality chart, fed nothing but the core report's ``quality`` dict (and, for a
job compared with the contacts already in GHL, its new / update / unchanged / ambiguous counts:
one more bar, "Import into GHL", on top).

All QtCharts code is in this one widget, so moving to QtGraphs later replaces one file.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette

KINDS = ("valid", "repaired", "invalid", "missing")
#: Bar order, bottom to top (a horizontal chart draws its first category at the bottom).
ROWS = ("date", "phone", "email")
COLORS = {
    "valid": QColor(34, 160, 80),
    "repaired": QColor(59, 130, 246),
    "invalid": QColor(220, 60, 60),
    "missing": QColor(150, 150, 150),
}
#: The marks against the contacts already in GHL, in the order of their bar's segments.
EXISTING_KINDS = ("new", "update", "unchanged", "ambiguous")
EXISTING_COLORS = {
    "new": QColor(20, 150, 140),
    "update": QColor(150, 90, 230),
    "unchanged": QColor(185, 185, 200),
    "ambiguous": QColor(230, 140, 0),
}


class QualityChart(QChartView):
    def __init__(self, parent=None) -> None:
        chart = QChart()
        super().__init__(chart, parent)
        self.setObjectName("qualityChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundVisible(False)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series = QHorizontalStackedBarSeries()
        self.sets: dict[str, QBarSet] = {}
        for kind in KINDS:
            s = QBarSet(kind)
            s.setColor(COLORS[kind])
            s.setBorderColor(COLORS[kind])
            s.append([0] * len(ROWS))
            self.sets[kind] = s
            self.series.append(s)
        self.existing_sets: dict[str, QBarSet] = {}
        for kind in EXISTING_KINDS:
            s = QBarSet(kind)
            s.setColor(EXISTING_COLORS[kind])
            s.setBorderColor(EXISTING_COLORS[kind])
            s.append([0] * len(ROWS))
            self.existing_sets[kind] = s  # in the series (and the legend) only while shown
        chart.addSeries(self.series)
        self.axis_y = QBarCategoryAxis()
        self.axis_y.append(["Date of birth", "Phone", "Email"])
        self.axis_x = QValueAxis()
        self.axis_x.setLabelFormat("%d")
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.axis_y)
        self.series.attachAxis(self.axis_x)
        self.quality: dict = {}
        #: {"new_rows": n, "update_rows": n, ...}, or {} for a job without existing contacts.
        self.existing: dict = {}
        self.setMinimumHeight(180)
        self._stale = False  # set_quality or set_existing came while hidden: ``_fill`` when shown
        self.retranslate()
        self.apply_palette()
        self._fill()

    def set_quality(self, quality: dict) -> None:
        """``{"email": {"valid": n, "repaired": n, "invalid": n, "missing": n}, "phone": {...}}``."""
        self.quality = quality or {}
        self._refill()

    def _refill(self) -> None:
        """``_fill`` now if the chart is on screen, else when it is shown (``showEvent``) or read:
        a running job's live report comes with each chunk of rows, mostly while the review tab
        is shown, and rescaling the axis takes about a millisecond with the GIL held."""
        if self.isVisible():
            self._fill()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._fill()
        super().showEvent(event)

    def set_existing(self, counts: dict) -> None:
        """The report's ``new_rows``, ``update_rows``, ``unchanged_rows``, ``ambiguous_rows``; an
        empty dict hides the bar (a job not compared with contacts already in GHL)."""
        counts = dict(counts or {})
        if counts != self.existing:
            shown_before = bool(self.existing)
            self.existing = counts
            if shown_before != bool(counts):
                for s in self.existing_sets.values():
                    self.series.append(s) if counts else self.series.take(s)
                self._set_categories()
            self._refill()

    def _rows(self) -> tuple[str, ...]:
        return ROWS + ("ghl",) if self.existing else ROWS

    def _fill(self) -> None:
        self._stale = False
        rows = self._rows()
        top = 0
        for s in (*self.sets.values(), *self.existing_sets.values()):  # one value per bar
            if s.count() > len(rows):
                s.remove(len(rows), s.count() - len(rows))
            while s.count() < len(rows):
                s.append(0)
        for i, row in enumerate(ROWS):
            counts = self.quality.get(row, {})
            total = 0
            for kind in KINDS:
                value = int(counts.get(kind, 0))
                self.sets[kind].replace(i, value)
                total += value
            for s in self.existing_sets.values():
                s.replace(i, 0)
            top = max(top, total)
        if self.existing:
            i = len(ROWS)
            for s in self.sets.values():
                s.replace(i, 0)
            for kind, s in self.existing_sets.items():
                s.replace(i, int(self.existing.get(f"{kind}_rows", 0)))
            top = max(top, sum(int(v) for v in self.existing.values()))
        self.axis_x.setRange(0, max(top, 1))
        self.axis_x.applyNiceNumbers()

    def existing_values(self) -> dict:
        """The "Import into GHL" bar's segments ({} when it is not shown)."""
        if not self.existing:
            return {}
        if self._stale:
            self._fill()
        return {k: int(s.at(len(ROWS))) for k, s in self.existing_sets.items()}

    def values(self) -> dict:
        if self._stale:
            self._fill()
        return {row: {k: int(self.sets[k].at(i)) for k in KINDS} for i, row in enumerate(ROWS)}

    def retranslate(self) -> None:
        names = {"valid": self.tr("Valid"), "repaired": self.tr("Repaired"),
                 "invalid": self.tr("Invalid"), "missing": self.tr("Missing")}
        for kind, s in self.sets.items():
            s.setLabel(names[kind])
        marks = {"new": self.tr("New"), "update": self.tr("Update"), "unchanged": self.tr("Unchanged"),
                 "ambiguous": self.tr("Ambiguous")}
        for kind, s in self.existing_sets.items():
            s.setLabel(marks[kind])
        self._set_categories()
        self.chart().setTitle(self.tr("Contact quality"))

    def _set_categories(self) -> None:
        self.axis_y.clear()
        names = [self.tr("Date of birth"), self.tr("Phone"), self.tr("Email")]
        if self.existing:
            names.append(self.tr("Import into GHL"))
        self.axis_y.append(names)

    def apply_palette(self) -> None:
        pal = QGuiApplication.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        chart = self.chart()
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        for axis in (self.axis_x, self.axis_y):
            axis.setLabelsColor(text)
            grid = QColor(text)
            grid.setAlpha(40)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)

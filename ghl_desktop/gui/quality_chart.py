"""The email/phone quality chart, fed nothing but the core report's ``quality`` dict.

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
        self.setMinimumHeight(180)
        self.retranslate()
        self.apply_palette()

    def set_quality(self, quality: dict) -> None:
        """``{"email": {"valid": n, "repaired": n, "invalid": n, "missing": n}, "phone": {...}}``."""
        self.quality = quality or {}
        top = 0
        for i, row in enumerate(ROWS):
            counts = self.quality.get(row, {})
            total = 0
            for kind in KINDS:
                value = int(counts.get(kind, 0))
                self.sets[kind].replace(i, value)
                total += value
            top = max(top, total)
        self.axis_x.setRange(0, max(top, 1))
        self.axis_x.applyNiceNumbers()

    def values(self) -> dict:
        return {row: {k: int(self.sets[k].at(i)) for k in KINDS} for i, row in enumerate(ROWS)}

    def retranslate(self) -> None:
        names = {"valid": self.tr("Valid"), "repaired": self.tr("Repaired"),
                 "invalid": self.tr("Invalid"), "missing": self.tr("Missing")}
        for kind, s in self.sets.items():
            s.setLabel(names[kind])
        self.axis_y.clear()
        self.axis_y.append([self.tr("Date of birth"), self.tr("Phone"), self.tr("Email")])
        self.chart().setTitle(self.tr("Contact quality"))

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

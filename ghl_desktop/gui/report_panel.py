"""The conversion report: the numbers a person checks before importing, and the quality chart."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from .quality_chart import QualityChart

#: Report keys shown as figures, in reading order; percentages are marked.
FIGURES = (
    "total_rows", "exported_rows", "pct_with_email", "pct_with_phone", "rejected_rows",
    "invalid_emails", "invalid_phones", "invalid_dates", "phones_repaired", "duplicates_merged",
    "excluded_rows",
)
PERCENT = {"pct_with_email", "pct_with_phone"}
#: Counted in rows, as the review's "With problems" filter and the file of rows to fix count them.
BAD = {"invalid_emails", "invalid_phones", "invalid_dates", "rejected_rows"}
#: What importing the rows does to the contacts already in GHL (the core report has these keys
#: only for a job compared with such files; the figures are shown only then).
EXISTING_FIGURES = ("new_rows", "update_rows", "unchanged_rows", "ambiguous_rows")


class ReportPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: dict = {}
        self.live = False
        self.heading = QLabel(self)
        self.heading.setObjectName("panelTitle")
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for i, key in enumerate(FIGURES):
            box = self._figure(key, self)
            grid.addWidget(box, i // 6, i % 6)
        # Against the contacts already in GHL: a row of its own, under a title naming the files.
        self.existing_box = QWidget(self)
        self.existing_box.setObjectName("existingFigures")
        ebox = QVBoxLayout(self.existing_box)
        ebox.setContentsMargins(0, 6, 0, 0)
        self.existing_title = QLabel(self.existing_box)
        self.existing_title.setObjectName("existingTitle")
        self.existing_title.setWordWrap(True)
        egrid = QGridLayout()
        egrid.setHorizontalSpacing(18)
        for i, key in enumerate(EXISTING_FIGURES):
            box = self._figure(key, self.existing_box)
            egrid.addWidget(box, 0, i)
        for i in range(6):  # six columns, as the figures above: the boxes line up with them
            egrid.setColumnStretch(i, 1)
        ebox.addWidget(self.existing_title)
        ebox.addLayout(egrid)
        self.existing_box.hide()
        #: The files the job's rows are compared with (set by the window).
        self.existing_files: list[str] = []
        self.unmapped = QLabel(self)
        self.unmapped.setWordWrap(True)
        self.unmapped.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = QualityChart(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.existing_box)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.unmapped)
        self.retranslate()

    def _figure(self, key: str, parent: QWidget) -> QFrame:
        """One figure: its value in large type over its name (kept in ``values``/``names``)."""
        box = QFrame(parent)
        box.setObjectName("figure")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(10, 6, 10, 6)
        value = QLabel("–", box)
        value.setObjectName("figureValue")
        value.setProperty("bad", False)
        name = QLabel(box)
        name.setObjectName("figureName")
        name.setWordWrap(True)
        inner.addWidget(value)
        inner.addWidget(name)
        self.values[key], self.names[key] = value, name
        return box

    def set_report(self, report: dict, *, live: bool = False) -> None:
        """Show a core report dict (a partial one, with ``live=True``, while a job runs)."""
        self.report, self.live = dict(report or {}), live
        loc = QLocale()
        for key in FIGURES + EXISTING_FIGURES:
            label = self.values[key]
            if key not in self.report:
                label.setText("–")
                continue
            v = self.report[key]
            label.setText(f"{loc.toString(float(v), 'f', 1)}%" if key in PERCENT else loc.toString(int(v)))
            bad = (key in BAD or key == "ambiguous_rows") and bool(v)
            if label.property("bad") != bad:
                label.setProperty("bad", bad)
                label.style().unpolish(label)
                label.style().polish(label)
        self.existing_box.setVisible(all(k in self.report for k in EXISTING_FIGURES))
        self.chart.set_quality(self.report.get("quality", {}))
        self.chart.set_existing({k: int(self.report[k]) for k in EXISTING_FIGURES if k in self.report}
                                if self.existing_box.isVisibleTo(self) else {})
        self._update_texts()

    def set_existing_files(self, names: list[str]) -> None:
        """The names of the files of contacts already in GHL the job is compared with."""
        self.existing_files = list(names)
        self._update_texts()

    def clear(self) -> None:
        self.set_report({})

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Report"))
        names = {
            "total_rows": self.tr("Rows read"),
            "exported_rows": self.tr("Rows to export"),
            "pct_with_email": self.tr("With email"),
            "pct_with_phone": self.tr("With phone"),
            "invalid_emails": self.tr("Rows with an invalid email"),
            "invalid_phones": self.tr("Rows with an invalid phone"),
            "invalid_dates": self.tr("Rows with an invalid date"),
            "phones_repaired": self.tr("Phones repaired"),
            "duplicates_merged": self.tr("Duplicates merged"),
            "excluded_rows": self.tr("Excluded by you"),
            "rejected_rows": self.tr("Rows with problems"),
            "new_rows": self.tr("New contacts (created)"),
            "update_rows": self.tr("Updates of GHL contacts"),
            "unchanged_rows": self.tr("Already in GHL, unchanged"),
            "ambiguous_rows": self.tr("Match several GHL contacts"),
        }
        for key, text in names.items():
            self.names[key].setText(text)
        self._update_texts()

    def _update_texts(self) -> None:
        if not self.report:
            self.status.setText(self.tr("The report appears as soon as a file is being converted."))
        elif self.live:
            self.status.setText(self.tr("Live: counting while the job runs (duplicates are merged at the end)."))
        else:
            secs = self.report.get("seconds")
            self.status.setText(self.tr("Final report ({0} s).").format(QLocale().toString(float(secs or 0), "f", 1)))
        if self.existing_files:
            self.existing_title.setText(self.tr("Importing into GHL, compared with the contacts already there ({0}):")
                                        .format(", ".join(self.existing_files)))
        else:
            self.existing_title.setText(self.tr("Importing into GHL, compared with the contacts already there:"))
        lines = []
        custom = self.report.get("custom_fields") or []
        if custom:
            from .mapping_editor import kind_label

            loc = QLocale()
            lines.append(self.tr("Kept as custom fields (create them in GHL with these names and types): {0}").format(
                "; ".join(f"{f['name']} ({kind_label(f['kind'])}, {loc.toString(int(f.get('filled', 0)))})"
                          for f in custom)))
        unmapped = self.report.get("unmapped_columns") or []
        if unmapped:
            lines.append(self.tr("Columns left out: {0}").format(", ".join(unmapped)))
        self.unmapped.setText("\n".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

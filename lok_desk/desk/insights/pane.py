"""The Insights pane: occupancy, time in the locker, lateness and when, per location and box size, over
a period, against the period before. The figures come from lok_desk.core.insights (computed off the Qt
thread); this pane shows them as tables (what a screen reader reads), charts and a weekday × hour grid."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.insights import SIZES, Insights, Period
from lok_desk.core.insights.presenter import PERIOD_DAYS, InsightsPresenter
from lok_desk.core.insights.thresholds import Crossing, Threshold
from lok_desk.core.problems import Problem
from lok_desk.desk.insights import plurals, tables, wording
from lok_desk.desk.insights.pane_export import PaneExport
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.charts import BarSeries, ChartPanel, LineData
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import ProblemLine, accept_problems
from lok_desk.desk.kit.records import ROW_ROLE, RowTableModel, record_list_view
from lok_desk.desk.kit.theme import DARK, theme_of
from lok_desk.desk.qt_session import QtSession

# Opens the Reservations pane on these ids, under this title (the window decides how).
OpenReservations = Callable[[Collection[str], str], None]


class _SessionLister:
    """The presenter's lists through the session, so a failure marks the desk offline as any read does."""

    def __init__(self, session: QtSession) -> None:
        self._session = session

    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        return await self._session.call(
            self._session.service.list_reservations(filters, page=page, page_size=page_size)
        )


class InsightsPane(QWidget):
    """See the module docstring. `on_crossings` receives each threshold crossing (the notice path)."""

    def __init__(
        self,
        session: QtSession,
        parent: QWidget | None = None,
        *,
        on_open_reservations: OpenReservations | None = None,
        on_crossings: Callable[[list[Crossing]], None] | None = None,
        thresholds: Collection[Threshold] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("insightsPane")
        self._session = session
        self._open = on_open_reservations
        caps = session.capabilities
        allowed = None if caps.sees_all_locations else [caps.location_id or ""]
        self.presenter = InsightsPresenter(
            _SessionLister(session),
            session.store,
            now=session.server_now,
            allowed=allowed,
            on_figures=self._show,
            on_problem=self._show_problem,
            on_busy=self._busy,
            on_crossings=on_crossings or (lambda _c: None),
            thresholds=thresholds,
        )
        self.destroyed.connect(lambda *_: self.presenter.close())
        self.insights: Insights | None = None
        self._loaded = False
        self._build()
        self.export = PaneExport(self)

    # ---- layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.period_combo = QComboBox(self)
        for days in PERIOD_DAYS:
            self.period_combo.addItem(translate("Insights", plurals.LAST_DAYS, None, days), days)
        self.period_combo.addItem(translate("Insights", "Dates"), 0)
        self.period_combo.setAccessibleName(translate("Insights", "Period"))
        period_label = QLabel(translate("Insights", "&Period:"), self)
        period_label.setBuddy(self.period_combo)
        self.from_edit, self.to_edit = QDateEdit(self), QDateEdit(self)
        for edit, name in (
            (self.from_edit, translate("Insights", "From")),
            (self.to_edit, translate("Insights", "To")),
        ):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setVisible(False)
            edit.dateChanged.connect(self._on_dates)
        today = QDate.currentDate()
        self.from_edit.setDate(today.addDays(-30))
        self.to_edit.setDate(today)
        self.location_combo = QComboBox(self)
        self.location_combo.setAccessibleName(translate("Insights", "Location"))
        self.location_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.location_combo.setMinimumContentsLength(14)
        location_label = QLabel(translate("Insights", "Locatio&n:"), self)
        location_label.setBuddy(self.location_combo)
        self.size_combo = QComboBox(self)
        self.size_combo.setAccessibleName(translate("Insights", "Box size"))
        self.size_combo.addItem(wording.size_name(None), None)
        for size in SIZES:
            self.size_combo.addItem(wording.size_name(size), size)
        size_label = QLabel(translate("Insights", "Si&ze:"), self)
        size_label.setBuddy(self.size_combo)
        self.refresh_button = QPushButton(translate("Insights", "Reloa&d"), self)
        self.refresh_button.setAccessibleDescription(
            translate("Insights", "Read the reservations from Lok again")
        )
        self.export_button = QPushButton(translate("Insights", "Save &as…"), self)
        self.export_menu = QMenu(self.export_button)
        self.export_button.setMenu(self.export_menu)
        self.limits_button = QPushButton(translate("Insights", "Li&mits…"), self)
        self.limits_button.setAccessibleDescription(
            translate(
                "Insights", "Get a notice when free boxes or parcels past pick-up cross a limit you set"
            )
        )
        controls: list[QWidget] = [
            period_label,
            self.period_combo,
            self.from_edit,
            self.to_edit,
            location_label,
            self.location_combo,
            size_label,
            self.size_combo,
        ]
        for control in controls:
            bar.addWidget(control)
        bar.addStretch(1)
        for button in (self.refresh_button, self.limits_button, self.export_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        # The period and what the figures rest on (updated with every refresh, so not announced) ...
        self.status = QLabel(translate("Insights", "The figures load when this tab is first shown."), self)
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription(translate("Insights", "Insights status"))
        layout.addWidget(self.status)
        # ... and the pane's line for problems and results (the one problem path; said to screen readers).
        self.message = ProblemLine(self, name=translate("Insights", "Insights message"))
        accept_problems(self, self.message.show_problem)
        layout.addWidget(self.message)
        self.sections = QTabWidget(self)
        self.sections.setAccessibleName(translate("Insights", "Insights sections"))
        layout.addWidget(self.sections, 1)
        self._build_sections()
        self.period_combo.currentIndexChanged.connect(self._on_period)
        self.location_combo.currentIndexChanged.connect(self._on_selection)
        self.size_combo.currentIndexChanged.connect(self._on_selection)
        self.refresh_button.clicked.connect(lambda: spawn(self.refresh(), owner=self))

    def _table(self, model: Any, name: str, sort_column: int = 0) -> QTableView:
        table = record_list_view(model, self, name=name, sort_column=sort_column)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.activated.connect(lambda index, t=table: self._open_behind(t, index))
        return table

    def _build_sections(self) -> None:
        self.summary_model = tables.summary_model(self)
        self.summary_table = self._table(
            self.summary_model, translate("Insights", "Figures of the period"), -1
        )
        self.summary_table.setSortingEnabled(False)
        self.sections.addTab(self.summary_table, translate("Insights", "&Summary"))

        self.location_model = tables.location_model(self, self._session.location_name)
        self.location_table = self._table(
            self.location_model, translate("Insights", "Figures per location and size")
        )
        self.sections.addTab(self.location_table, translate("Insights", "&By location"))

        self.occupancy_chart = ChartPanel(translate("Insights", "Parcels in the locker, hour by hour"), self)
        occupancy = QWidget(self)
        occupancy_layout = QVBoxLayout(occupancy)
        occupancy_layout.setContentsMargins(0, 0, 0, 0)
        self.occupancy_text = QLabel(occupancy)
        self.occupancy_text.setWordWrap(True)
        self.occupancy_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.occupancy_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.occupancy_text.setAccessibleDescription(translate("Insights", "Occupancy in words"))
        occupancy_layout.addWidget(self.occupancy_text)
        occupancy_layout.addWidget(self.occupancy_chart, 1)
        self.sections.addTab(occupancy, translate("Insights", "O&ccupancy"))

        self.dwell_model = tables.dwell_model(self)
        self.dwell_table = self._table(
            self.dwell_model, translate("Insights", "Time in the locker, distribution")
        )
        self.dwell_chart = ChartPanel(translate("Insights", "Time in the locker, distribution chart"), self)
        dwell = QSplitter(Qt.Orientation.Horizontal, self)
        dwell.addWidget(self.dwell_table)
        dwell.addWidget(self.dwell_chart)
        dwell.setSizes([360, 600])
        self.sections.addTab(dwell, translate("Insights", "Time in the loc&ker"))

        when = QWidget(self)
        when_layout = QVBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.when_combo = QComboBox(when)
        self.when_combo.addItem(translate("Insights", "Deliveries"), "deliveries")
        self.when_combo.addItem(translate("Insights", "Pick-ups"), "pickups")
        self.when_combo.setAccessibleName(translate("Insights", "Show"))
        show_label = QLabel(translate("Insights", "Deliveries or pick-ups:"), when)
        show_label.setBuddy(self.when_combo)
        self.when_note = QLabel(
            translate("Insights", "By weekday and hour, in each location's own time."), when
        )
        row.addWidget(show_label)
        row.addWidget(self.when_combo)
        row.addWidget(self.when_note, 1)
        when_layout.addLayout(row)
        self.when_model = QStandardItemModel(self)
        self.when_table = QTableView(when)
        self.when_table.setModel(self.when_model)
        self.when_table.setAccessibleName(
            translate("Insights", "Deliveries and pick-ups by weekday and hour")
        )
        self.when_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.when_table.setTabKeyNavigation(False)
        self.when_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.when_table.horizontalHeader().setMinimumSectionSize(24)
        when_layout.addWidget(self.when_table, 1)
        self.when_combo.currentIndexChanged.connect(lambda _i: self._fill_when())
        self.sections.addTab(when, translate("Insights", "&When"))

    # ---- loading ------------------------------------------------------------------------------------
    def start(self) -> None:
        if not self._loaded:
            self._loaded = True
            spawn(self.refresh(), owner=self)

    async def refresh(self) -> None:
        self._fill_locations()
        days = self.period_combo.currentData()
        if days:
            await self.presenter.load(days=int(days))
        else:
            await self.presenter.load(self._dates())

    def _fill_locations(self) -> None:
        chosen = self.location_combo.currentData()
        self.location_combo.blockSignals(True)
        self.location_combo.clear()
        caps = self._session.capabilities
        if caps.sees_all_locations:
            self.location_combo.addItem(translate("Insights", "All locations"), None)
        for location in self._session.store.locations():
            if caps.sees_all_locations or location.id == caps.location_id:
                self.location_combo.addItem(location.internal_name or location.id, location.id)
        index = self.location_combo.findData(chosen)
        self.location_combo.setCurrentIndex(max(0, index))
        self.location_combo.blockSignals(False)

    def _dates(self) -> Period:
        first, last = self.from_edit.date(), self.to_edit.date()
        start = datetime(first.year(), first.month(), first.day(), tzinfo=UTC)
        end = datetime.combine(date(last.year(), last.month(), last.day()), time.max, UTC)
        return Period.between(start, end)

    def _on_period(self, _index: int) -> None:
        days = self.period_combo.currentData()
        self.from_edit.setVisible(not days)
        self.to_edit.setVisible(not days)
        if not self._loaded:
            return
        if days:
            spawn(self.presenter.choose_days(int(days)), owner=self)
        else:
            spawn(self.presenter.choose_period(self._dates()), owner=self)

    def _on_dates(self, _date: QDate) -> None:
        if self._loaded and not self.period_combo.currentData():
            spawn(self.presenter.choose_period(self._dates()), owner=self)

    def _on_selection(self, _index: int) -> None:
        if self._loaded:
            spawn(
                self.presenter.choose(self.location_combo.currentData(), self.size_combo.currentData()),
                owner=self,
            )

    def _busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        if busy:
            self.status.setText(translate("Insights", "Reading the reservations of the period from Lok…"))

    def _show_problem(self, problem: Problem) -> None:
        self.message.show_problem(problem)

    # ---- showing ------------------------------------------------------------------------------------
    def _show(self, insights: Insights) -> None:
        self.insights = insights
        period = insights.current.period
        outcome = self.presenter.last_load
        start, end = period.start_datetime(), period.end_datetime()
        text = (
            translate("Insights", "%1 to %2, compared with the %3 days before. %4 reservations known.")
            .replace("%1", formatting.format_long_date(start))
            .replace("%2", formatting.format_long_date(end))
            .replace("%3", formatting.format_number(period.days, 0))
            .replace("%4", formatting.format_number(len(self.presenter.index)))
        )
        if outcome is not None and not outcome.complete:
            text += " " + translate(
                "Insights", "Lok did not send every reservation: the figures may be short."
            )
        self.status.setText(text)
        self.summary_model.set_rows(wording.summary_rows(insights))
        self.location_model.set_rows(insights.rows)
        self.dwell_model.set_rows(tables.dwell_rows(insights))
        self._fill_occupancy(insights)
        self._fill_dwell_chart(insights)
        self._fill_when()

    def _fill_occupancy(self, insights: Insights) -> None:
        occupancy = insights.current.occupancy
        points = [
            (occupancy.start + 3600 * hour, float(value)) for hour, value in enumerate(occupancy.hourly)
        ]
        in_use = (
            translate("Insights", "%1 of %2")
            .replace("%1", wording.count(occupancy.in_use_now))
            .replace("%2", wording.count(occupancy.boxes))
            if occupancy.boxes
            else wording.DASH
        )
        text = (
            translate(
                "Insights",
                "On average %1 parcels were in the locker, at the most %2. Every box was taken %3 of the "
                "time. Boxes in use now: %4.",
            )
            .replace("%1", wording.count(round(occupancy.mean, 1)))
            .replace("%2", wording.count(occupancy.peak))
            .replace("%3", wording.percent(occupancy.full_share))
            .replace("%4", in_use)
        )
        self.occupancy_text.setText(text)
        self.occupancy_chart.set_lines(
            [LineData(translate("Insights", "Parcels in the locker"), points, "#0072B2")],
            y_title=translate("Insights", "Parcels"),
            description=text,
        )

    def _fill_dwell_chart(self, insights: Insights) -> None:
        rows = tables.dwell_rows(insights)
        description = "; ".join(f"{label}: {count}" for label, count, _share, _i, _ids in rows)
        self.dwell_chart.set_bars(
            [wording.dwell_bin_short(index) for index in range(len(rows))],
            [BarSeries(translate("Insights", "Parcels"), [count for _l, count, *_r in rows], "#009E73")],
            y_title=translate("Insights", "Parcels"),
            description=description,
        )

    def _fill_when(self) -> None:
        if self.insights is None:
            return
        when = self.insights.current.when
        counts = when.deliveries if self.when_combo.currentData() == "deliveries" else when.pickups
        tables.fill_week(self.when_model, counts, dark=theme_of(self.palette()) == DARK)

    # ---- the reservations behind a figure --------------------------------------------------------------
    def _open_behind(self, table: QTableView, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            return
        ids: frozenset[str] = frozenset()
        title = ""
        if table is self.summary_table:
            ids, title = row.ids, row.label
        elif table is self.location_table:
            pick = tables.LOCATION_IDS.get(index.column())
            if pick is not None:
                header = self.location_model.headerData(index.column(), Qt.Orientation.Horizontal)
                ids = pick(row)
                where = self._session.location_name(row.location)
                title = f"{header} · {where} · {wording.size_name(row.size)}"
        elif table is self.dwell_table:
            ids, title = row[4], translate("Insights", "Time in the locker") + f": {row[0]}"
        if ids and self._open is not None:
            self._open(ids, title)
        elif not ids:
            self.message.show_text(translate("Insights", "No reservations stand behind this figure."))

    def models(self) -> list[tuple[str, RowTableModel | QStandardItemModel]]:
        """The tables as (title, model), for the CSV and PDF exports."""
        return [
            (translate("Insights", "Summary"), self.summary_model),
            (translate("Insights", "Per location"), self.location_model),
            (translate("Insights", "Time in the locker"), self.dwell_model),
            (
                translate("Insights", "Deliveries by weekday and hour")
                if self.when_combo.currentData() == "deliveries"
                else translate("Insights", "Pick-ups by weekday and hour"),
                self.when_model,
            ),
        ]

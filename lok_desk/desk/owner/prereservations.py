"""Pre-reservations pane (owner, seller): find lockers with room (#28), then pre-reserve one with the grant
(#30) — a view of `PreReservations` (lok_desk/core/owner/prereservations.py). Updating, quoting and
requesting the shipment live in the Reservations pane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QItemSelection, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.owner.prereservations import PreReservationForm, PreReservations, schedule_text
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import FieldError, add_row, with_error
from lok_desk.desk.kit.i18n import say
from lok_desk.desk.kit.problem_views import FormBinder, ProblemLine
from lok_desk.desk.kit.records import ROW_ROLE, RowTableModel, hint_label, record_list_view
from lok_desk.desk.qt_session import QtSession


class PreReservationsPane(QWidget):
    """Search by zip code or coordinates and box size; pre-reserve in the chosen locker."""

    def __init__(self, session: QtSession, parent: QWidget | None = None, *,
                 on_open_reservation: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Pre-reservations"))
        self._session = session
        self.on_open_reservation = on_open_reservation
        self.permission = session.capabilities.can_pre_reserve()
        self.presenter = PreReservations(session.service, session.call)
        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QLineEdit] = {}
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_search())
        splitter.addWidget(self._build_form())
        splitter.setSizes([640, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.search_binder = FormBinder(self, self.search_line)
        self.search_binder.add("zip", self.zip_edit, self.zip_error)
        self.form_binder = FormBinder(self, self.form_error)
        self.form_binder.add("delivery_date", self.delivery_edit, self.errors["delivery_date"])
        self.form_binder.add("size", self.size_combo, self.errors["size"])
        for key, edit in self.fields.items():
            self.form_binder.add(key, edit, self.errors[key])
        if not self.permission:
            for widget in (self.search_button, self.create_button):
                widget.setEnabled(False)
                widget.setToolTip(self.permission.reason)
        self._show_choice()

    # ---- search -----------------------------------------------------------------------------------
    def _build_search(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        group = QGroupBox(self.tr("Find a locker with room"), box)
        form = QFormLayout(group)
        mode_row = QHBoxLayout()
        self.zip_radio = QRadioButton(self.tr("Zip code"), group)
        self.zip_radio.setAccessibleName(self.tr("Search by zip code"))
        self.coords_radio = QRadioButton(self.tr("Coordinates"), group)
        self.coords_radio.setAccessibleName(self.tr("Search by coordinates"))
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.zip_radio)
        self._mode.addButton(self.coords_radio)
        self.zip_radio.setChecked(True)
        mode_row.addWidget(self.zip_radio)
        mode_row.addWidget(self.coords_radio)
        mode_row.addStretch(1)
        form.addRow(self.tr("Near:"), mode_row)
        self.zip_edit = QLineEdit(group)
        self.zip_edit.setAccessibleName(self.tr("Zip code"))
        self.zip_edit.setPlaceholderText("11520")
        self.zip_edit.returnPressed.connect(lambda: spawn(self.search(), owner=self))
        zip_box, self.zip_error = with_error(self.zip_edit, group)
        form.addRow(self.tr("&Zip code:"), zip_box)
        coords_row = QHBoxLayout()
        self.lat_spin = QDoubleSpinBox(group)
        self.lat_spin.setRange(-90, 90)
        self.lat_spin.setDecimals(5)
        self.lat_spin.setValue(19.4326)
        self.lat_spin.setAccessibleName(self.tr("Latitude"))
        self.long_spin = QDoubleSpinBox(group)
        self.long_spin.setRange(-180, 180)
        self.long_spin.setDecimals(5)
        self.long_spin.setValue(-99.1332)
        self.long_spin.setAccessibleName(self.tr("Longitude"))
        coords_row.addWidget(QLabel(self.tr("lat"), group))
        coords_row.addWidget(self.lat_spin)
        coords_row.addWidget(QLabel(self.tr("long"), group))
        coords_row.addWidget(self.long_spin)
        form.addRow(self.tr("Coordinates:"), coords_row)
        self.size_combo = QComboBox(group)
        self.size_combo.setAccessibleName(self.tr("Box size"))
        self.size_combo.addItem(self.tr("Any size (smallest free box)"), None)
        for size, dims in models.BOX_SIZES.items():
            self.size_combo.addItem(self.tr("{size} — {w:g}×{h:g}×{l:g} cm").format(
                size=size.value.upper(), w=dims.width, h=dims.height, l=dims.length), size.value)
        form.addRow(self.tr("&Size:"), self.size_combo)
        self.distance_spin = QSpinBox(group)
        self.distance_spin.setRange(1, 2000)
        self.distance_spin.setValue(50)
        self.distance_spin.setSuffix(" km")
        self.distance_spin.setAccessibleName(self.tr("Within distance"))
        form.addRow(self.tr("&Within:"), self.distance_spin)
        self.search_button = QPushButton(self.tr("Search"), group)
        self.search_button.setAccessibleName(self.tr("Search lockers"))
        self.search_button.clicked.connect(lambda: spawn(self.search(), owner=self))
        form.addRow("", self.search_button)
        self.zip_radio.toggled.connect(self._on_mode)
        self._on_mode()
        layout.addWidget(group)

        self.results_model = RowTableModel(
            [
                (self.tr("Locker"), lambda a: a.internal_name or a.id,
                 lambda a: (a.internal_name or "").casefold()),
                (self.tr("Distance"), lambda a: f"{(a.distance or 0) / 1000:.1f} km",
                 lambda a: a.distance or 0.0),
                (self.tr("Today"), lambda a: say(schedule_text(a)), lambda a: say(schedule_text(a))),
                (self.tr("Phone"), lambda a: a.phone or "", lambda a: a.phone or ""),
                (self.tr("Address"), lambda a: a.address.one_line() if a.address else "",
                 lambda a: a.address.one_line() if a.address else ""),
            ],
            self,
            tooltip=lambda a, c: (a.timezone or "") if c == 2 else (
                a.address.one_line() if c == 4 and a.address else ""),
        )
        self.results_table = record_list_view(self.results_model, box, name=self.tr("Lockers found"),
                                              sort_column=1)
        self.results_table.selectionModel().selectionChanged.connect(self._on_selection)
        layout.addWidget(self.results_table, 1)
        self.search_status = QLabel(box)
        self.search_status.setWordWrap(True)
        self.search_status.setAccessibleDescription(self.tr("Search result"))
        layout.addWidget(self.search_status)
        self.search_line = ProblemLine(box, name=self.tr("Search problem"))
        layout.addWidget(self.search_line)
        return box

    def _on_mode(self, *_: object) -> None:
        by_zip = self.zip_radio.isChecked()
        self.zip_edit.setEnabled(by_zip)
        self.lat_spin.setEnabled(not by_zip)
        self.long_spin.setEnabled(not by_zip)

    @property
    def grant(self) -> str | None:
        return self.presenter.grant

    @property
    def created(self) -> models.ReservationCreated | None:
        return self.presenter.created

    async def search(self) -> list[models.AvailableLocation]:
        if not self.permission:
            return []
        self.search_binder.clear()
        self.search_button.setEnabled(False)
        coords = None if self.zip_radio.isChecked() else (self.long_spin.value(), self.lat_spin.value())
        try:
            outcome = await self.presenter.search(self.size_combo.currentData(), self.distance_spin.value(),
                                                  zip_code=self.zip_edit.text(), coords=coords)
        finally:
            self.search_button.setEnabled(True)
        if outcome.problem is not None:
            self.search_binder.show(outcome.problem, {field: say(text) for field, text in outcome.messages})
            return []
        found = outcome.value or []
        self.results_model.set_rows(found)
        self.search_status.setText(
            (self.tr("1 locker found. Fill in the pre-reservation on the right.") if len(found) == 1
             else self.tr("{count} lockers found. Choose one, then fill in the pre-reservation.").format(
                count=len(found))) if found else
            self.tr("No locker within {km} km. Try a larger distance.").format(km=self.distance_spin.value()))
        if found:
            self.results_table.selectRow(0)
        return found

    @property
    def chosen(self) -> models.AvailableLocation | None:
        rows = self.results_table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ROW_ROLE)
        return value if isinstance(value, models.AvailableLocation) else None

    def _on_selection(self, *_: QItemSelection) -> None:
        self._show_choice()

    def _show_choice(self) -> None:
        chosen = self.chosen
        self.chosen_label.setText(
            self.tr("In <b>{name}</b> ({distance:.1f} km) · {today}").format(
                name=chosen.internal_name or chosen.id, distance=(chosen.distance or 0) / 1000,
                today=say(schedule_text(chosen)))
            if chosen is not None else self.tr("Search and choose a locker first."))
        if self.permission:
            self.create_button.setEnabled(chosen is not None and bool(self.grant))
            self.create_button.setToolTip("" if chosen is not None else self.tr("Choose a locker first."))

    # ---- the form ---------------------------------------------------------------------------------
    def _line(self, form: QFormLayout, key: str, label: str, accessible: str, placeholder: str = "") -> None:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        box, error = with_error(edit, self)
        self.fields[key] = edit
        self.errors[key] = error
        add_row(form, label, box, edit)

    def _build_form(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Pre-reservation"))
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        group = QGroupBox(self.tr("Pre-reservation"), body)
        column = QVBoxLayout(group)
        self.chosen_label = QLabel(group)
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setAccessibleDescription(self.tr("Chosen locker"))
        column.addWidget(self.chosen_label)
        column.addWidget(hint_label(self.tr(
            "A pre-reservation holds a box until it is confirmed by requesting the courier shipment "
            "(in Reservations). Unconfirmed ones expire a day after the delivery date."), group))
        form = QFormLayout()
        self.delivery_edit = QDateTimeEdit(QDateTime.currentDateTime().addDays(1), group)
        self.delivery_edit.setCalendarPopup(True)
        self.delivery_edit.setDisplayFormat("dd MMM yyyy HH:mm")
        self.delivery_edit.setAccessibleName(self.tr("Delivery date"))
        box, self.errors["delivery_date"] = with_error(self.delivery_edit, group)
        self.delivery_edit.dateTimeChanged.connect(lambda _d: self.errors["delivery_date"].clear_error())
        form.addRow(self.tr("&Delivery by:"), box)
        self._line(form, "shipment_id", self.tr("Shipment id:"), self.tr("Shipment id"),
                   self.tr("optional — Lok Desk makes one"))
        self._line(form, "description", self.tr("Package:"), self.tr("Package description"),
                   self.tr("what is inside, e.g. Libros"))
        self._line(form, "value", self.tr("Value (MXN):"), self.tr("Package value"), "0.00")
        self._line(form, "weight", self.tr("Weight (kg):"), self.tr("Package weight"), self.tr("up to 25"))
        self.errors["size"] = FieldError(self.size_combo, self)
        column.addLayout(form)
        # One above the other: side by side beside the search, a 1024×600 screen squeezed the fields.
        people = QVBoxLayout()
        for prefix, title in (("contact", self.tr("Contact (about problems)")),
                              ("recipient", self.tr("Recipient"))):
            person = QGroupBox(title, group)
            person_form = QFormLayout(person)
            word = self.tr("Contact") if prefix == "contact" else self.tr("Recipient")
            self._line(person_form, f"{prefix}_name", self.tr("Name:"), self.tr("{0} name").format(word))
            self._line(person_form, f"{prefix}_email", self.tr("E-mail:"), self.tr("{0} e-mail").format(word),
                       "name@example.com")
            self._line(person_form, f"{prefix}_phone", self.tr("Phone:"), self.tr("{0} phone").format(word),
                       "+52 55 1234 5678")
            people.addWidget(person)
        column.addLayout(people)
        self.notify_check = QCheckBox(self.tr("E-mail the pick-up token to the recipient"), group)
        self.notify_check.setAccessibleDescription(self.tr("Notify the recipient"))
        column.addWidget(self.notify_check)
        self.form_error = ProblemLine(group, name=self.tr("Pre-reservation problem"))
        column.addWidget(self.form_error)
        self.create_button = QPushButton(self.tr("Create pre-reservation"), group)
        self.create_button.setAccessibleName(self.tr("Create pre-reservation"))
        self.create_button.clicked.connect(lambda: spawn(self.create_pre_reservation(), owner=self))
        column.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(group)

        self.result_box = QGroupBox(self.tr("Created"), body)
        result_layout = QVBoxLayout(self.result_box)
        self.result_label = QLabel(self.result_box)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleDescription(self.tr("Created pre-reservation"))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open in Reservations (quote and request shipment)"),
                                       self.result_box)
        self.open_button.setAccessibleName(self.tr("Open in Reservations"))
        self.open_button.clicked.connect(self.open_created)
        result_layout.addWidget(self.result_label)
        result_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.result_box.hide()
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    def form(self) -> PreReservationForm:
        """What is typed, as the presenter reads it."""
        delivery = self.delivery_edit.dateTime().toPython()
        assert isinstance(delivery, datetime)
        return PreReservationForm(
            size=self.size_combo.currentData(),
            delivery_date=delivery if delivery.tzinfo else delivery.astimezone(),
            notify=self.notify_check.isChecked(),
            **{key: edit.text() for key, edit in self.fields.items()})

    async def create_pre_reservation(self) -> models.ReservationCreated | None:
        chosen = self.chosen
        if not self.permission or chosen is None or not self.grant:
            return None
        self.form_binder.clear()
        self.create_button.setEnabled(False)
        try:
            outcome = await self.presenter.create(chosen, self.form())
        finally:
            self._show_choice()
        if outcome.problem is not None:
            self.form_binder.show(outcome.problem, {field: say(text) for field, text in outcome.messages})
            return None
        created = outcome.value
        if created is None:
            return None
        reservation = created.reservation
        reservation_id = reservation.id or ""
        self._session.reservation_changed.emit(reservation_id)
        due = formatting.format_local(reservation.delivery_due_date, chosen.timezone)
        self.result_label.setText(self.tr(
            "✓ Pre-reservation <b>{shipment}</b> at {name}, box {size} — {status}. Deliver by {due} "
            "(locker time). It is confirmed when you request the courier shipment.").format(
            shipment=reservation.shipment_id or reservation_id, name=chosen.internal_name or chosen.id,
            size=((reservation.locker.size if reservation.locker else "") or "?").upper(),
            status=formatting.format_status(reservation.current_status), due=due))
        self.open_button.setEnabled(self.on_open_reservation is not None)
        self.open_button.setToolTip("" if self.on_open_reservation else
                                    self.tr("Find it in the Reservations tab (pre-reservations)."))
        self.result_box.show()
        self._session.notify(self.tr("Pre-reservation created."))
        return created

    def open_created(self) -> None:
        if self.created is not None and self.created.reservation.id and self.on_open_reservation:
            self.on_open_reservation(self.created.reservation.id)

    # ---- pane protocol ----------------------------------------------------------------------------
    def start(self) -> None:
        """Nothing to load up front: the search starts when the person asks."""
        if self.permission and not self.zip_edit.text() and self._session.locations:
            first = self._session.locations[0]
            if first.address and first.address.zip_code:
                self.zip_edit.setText(first.address.zip_code)

    async def refresh(self) -> None:
        if self.presenter.searched:
            await self.search()

"""Create a reservation (#25): the dialog shows the create presenter (lok_desk/core/reservations/create.py)
— the form, the size assistant, problems at their fields through the kit's FormBinder — then the tokens."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.core.reservations.create import SIZES, CreatePresenter, free_boxes
from lok_desk.core.reservations.fields import FormCheck
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.contacts import DirectoryContactCompleter
from lok_desk.desk.kit.forms import FieldError, close_unless_kept, typed_anything
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import FormBinder
from lok_desk.desk.kit.problems import describe, problem_from
from lok_desk.desk.kit.tokens_view import PrinterChooser, TokensView, ask_printer
from lok_desk.desk.kit.widgets import fit_to_screen
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.reservations import create_form

# The form's line edits, by the presenter's form field they hold.
_TEXT_FIELDS = ("width", "height", "length", "shipment_id", "value", "weight", "description", "contact_name",
                "contact_email", "contact_phone", "recipient_name", "recipient_email", "recipient_phone")
_EDITS = {"width": "width_edit", "height": "height_edit", "length": "length_edit",
          "shipment_id": "shipment_edit", "value": "value_edit", "weight": "weight_edit",
          "description": "description_edit"}


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


class CreateReservationDialog(QDialog):
    """Open with run_dialog(); `created` carries the ReservationCreated once Lok accepted it."""

    created = Signal(object)
    location_combo: QComboBox
    size_combo: QComboBox
    width_edit: QLineEdit
    height_edit: QLineEdit
    length_edit: QLineEdit
    fit_button: QPushButton
    fit_result: QLabel
    availability_label: QLabel
    shipment_edit: QLineEdit
    value_edit: QLineEdit
    weight_edit: QLineEdit
    description_edit: QLineEdit
    contact_name: QLineEdit
    contact_email: QLineEdit
    contact_phone: QLineEdit
    recipient_name: QLineEdit
    recipient_email: QLineEdit
    recipient_phone: QLineEdit
    notify_check: QCheckBox
    additional_table: QTableWidget
    add_row_button: QPushButton
    remove_row_button: QPushButton

    def __init__(self, session: QtSession, location_id: str | None = None, *,
                 choose_printer: PrinterChooser = ask_printer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New reservation"))
        self.setAccessibleName(self.tr("New reservation"))
        self._session = session
        self._choose_printer = choose_printer
        self.presenter = CreatePresenter(session.service, session.capabilities.rules, location_id=location_id,
                                         call=session.call)
        self._availability_task: Any = None
        self.errors: dict[str, FieldError] = {}
        self.resize(720, 760)
        outer = QVBoxLayout(self)
        self._stack = QStackedWidget(self)
        outer.addWidget(self._stack)
        self.binder = FormBinder(self)
        self.general_error = self.binder.line
        self._build_form(location_id)
        self._build_result()
        # Contact and recipient names complete from the company's directories (issue: owner workspace).
        self.contact_completer = DirectoryContactCompleter(session, self)
        self.contact_completer.attach(self.contact_name, self.contact_email, self.contact_phone)
        self.contact_completer.attach(self.recipient_name, self.recipient_email, self.recipient_phone)
        self._contacts_task: asyncio.Task[int] | None = None
        self._stack.setCurrentIndex(0)

    @property
    def result_value(self) -> models.ReservationCreated | None:
        return self.presenter.result

    # --- form ------------------------------------------------------------------------------
    def holds_typing(self) -> bool:
        """Text a person typed and would lose by closing (Esc or Cancel asks first then)."""
        # Once created, the form is behind the result page: closing loses nothing.
        return self._stack.currentIndex() == 0 and typed_anything(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.holds_typing():
            event.accept()
            spawn(close_unless_kept(self, True), owner=self)
            return
        super().keyPressEvent(event)

    def _build_form(self, location_id: str | None) -> None:
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(page)
        scroll.setAccessibleName(self.tr("Reservation form"))
        # The form's fields take focus (and the area scrolls to each); the area itself is no stop for Tab.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The form fits its width (it scrolls only vertically, the buttons stay below it).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        page_layout.addWidget(scroll, 1)
        caps = self._session.capabilities
        locations = [(location.internal_name or location.id, location.id)
                     for location in self._session.locations if caps.can_write_reservations(location.id)]
        layout.addWidget(create_form.build_where(self, body, locations, location_id,
                                                 not caps.sees_all_locations))
        self.location_combo.currentIndexChanged.connect(self._on_location_changed)
        layout.addWidget(create_form.build_package(self, body))
        layout.addLayout(create_form.build_people(self, body))
        layout.addWidget(create_form.build_additional(self, body))
        layout.addStretch(1)
        self._asked_for: tuple[str, ...] = ()
        for key in ("width", "height", "length", "weight"):
            getattr(self, _EDITS[key]).textEdited.connect(self._on_measure_edited)
        self.general_error.setAccessibleDescription(self.tr("Problem"))
        page_layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(page)
        self.create_button = self.buttons.addButton(self.tr("Create reservation"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setAccessibleName(self.tr("Create reservation"))
        self.create_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleDescription(self.tr("Close without creating"))
        self.buttons.accepted.connect(lambda: spawn(self.submit(), owner=self))
        self.buttons.rejected.connect(lambda: spawn(close_unless_kept(self, self.holds_typing()), owner=self))
        page_layout.addWidget(self.buttons)
        self._stack.addWidget(page)
        # The button box orders its own buttons; chaining them here as well closed Tab into a loop
        # between Create and Close, so the keyboard never got back to the form.
        for first, second in itertools.pairwise(create_form.tab_order(self)):
            self.setTabOrder(first, second)
        self._show_availability()

    def _build_result(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.result_title = QLabel(page)
        font = QFont(self.result_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_title.setWordWrap(True)
        layout.addWidget(self.result_title)
        self.result_subtitle = QLabel(page)
        self.result_subtitle.setWordWrap(True)
        self.result_subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_subtitle)
        scroll = QScrollArea(page)
        scroll.setAccessibleName(self.tr("Created reservation"))
        scroll.setWidgetResizable(True)
        self.result_tokens = TokensView(self._choose_printer, scroll)
        self.result_tokens.columns = 2
        scroll.setWidget(self.result_tokens)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(page)
        self.print_button = buttons.addButton(self.tr("Print courier slip…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setAccessibleName(self.tr("Print courier slip"))
        self.print_button.clicked.connect(lambda: spawn(self.result_tokens.print_sheet(), owner=self))
        self.done_button = buttons.addButton(self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setAccessibleName(self.tr("Done"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._stack.addWidget(page)

    # --- availability and the size-fit assistant --------------------------------------------
    @property
    def location_id(self) -> str | None:
        data = self.location_combo.currentData()
        return str(data) if data is not None else None

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._availability_task is None:
            # The dialog opens on its first field a person can change (the location, or the box size
            # for someone bound to one location).
            first = self.location_combo if self.location_combo.isEnabled() else self.size_combo
            first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
            fit_to_screen(self)
            self._on_location_changed()
        if self._contacts_task is None:
            self._contacts_task = spawn(self.contact_completer.load(), owner=self)

    def _on_location_changed(self, *_: object) -> None:
        self.binder.clear_field("location")
        location_id = self.location_id
        self.presenter.form.location_id = location_id
        if location_id is None:
            return
        if self._availability_task is not None and not self._availability_task.done():
            self._availability_task.cancel()
        self._availability_task = spawn(self.load_availability(location_id), owner=self)

    async def load_availability(self, location_id: str) -> None:
        """Fresh box counts for the location (#22): the assistant only suggests what is free now."""
        self.availability_label.setText(self.tr("Checking free boxes…"))
        try:
            fresh = await self._session.refresh_location(location_id)
        except LokError as error:
            unknown = describe(problem_from(error, doing=self.tr("checking free boxes")))[0]
            # The reason is a sentence of its own: "(… boxes.)." doubled the full stop.
            self.availability_label.setText(self.tr("Free boxes unknown ({0}).").format(unknown.rstrip(".")))
            return
        self.presenter.keep_availability(fresh)
        self._show_availability()

    def _show_availability(self) -> None:
        self.presenter.form.location_id = self.location_id
        location = self.presenter.location()
        if location is None:
            self.availability_label.setText(self.tr("Choose a location."))
            return
        parts = []
        for position, size in enumerate(SIZES):
            free = free_boxes(location, size)
            parts.append(f"{size.value.upper()}: " + (self.tr("?") if free is None else f"{free}"))
            self.size_combo.setItemText(position, create_form.size_item_text(size.value, free))
        self.availability_label.setText("   ".join(parts))

    def suggest_size(self) -> models.BoxSize | None:
        """The assistant: measures + weight → the smallest free size, chosen in the size field."""
        self._read_form()
        suggestion = self.presenter.suggest_size()
        self.fit_result.setText(suggestion.text.render(translate))
        self._asked_for = suggestion.missing
        if suggestion.missing:
            # The weight sits under Package, out of sight of this button: the cursor goes there.
            getattr(self, _EDITS[suggestion.missing[0]]).setFocus(Qt.FocusReason.OtherFocusReason)
        elif suggestion.size is not None:
            self.size_combo.setCurrentIndex(self.size_combo.findData(suggestion.size.value))
        return suggestion.size

    def _on_measure_edited(self, _text: str = "") -> None:
        """A request for missing measures does not stay once they are typed."""
        if not self._asked_for:
            return
        self._read_form()
        hint = self.presenter.hint_after_edit(self._asked_for)
        if hint is not None:
            self._asked_for = ()
            self.fit_result.setText(hint.render(translate))

    # --- additional keys -------------------------------------------------------------------
    def add_additional(self, key: str, value: str) -> None:
        row = self.additional_table.rowCount()
        self.additional_table.insertRow(row)
        self.additional_table.setItem(row, 0, QTableWidgetItem(key))
        self.additional_table.setItem(row, 1, QTableWidgetItem(value))
        if not key:
            self.additional_table.setCurrentCell(row, 0)
            item = self.additional_table.item(row, 0)
            if item is not None:
                self.additional_table.editItem(item)

    def remove_additional(self) -> None:
        row = self.additional_table.currentRow()
        if row >= 0:
            self.additional_table.removeRow(row)

    # --- submit ----------------------------------------------------------------------------
    def _read_form(self) -> None:
        """What is on screen into the presenter's form (text as typed)."""
        form = self.presenter.form
        form.location_id = self.location_id
        size = self.size_combo.currentData()
        form.size = str(size) if size is not None else None
        for key in _TEXT_FIELDS:
            edit: QLineEdit = getattr(self, _EDITS.get(key, key))
            setattr(form, key, edit.text())
        form.notify = self.notify_check.isChecked()
        table = self.additional_table
        form.additional = [(_cell(table, row, 0), _cell(table, row, 1)) for row in range(table.rowCount())]

    def clear_errors(self) -> None:
        self.binder.clear()

    def show_check(self, check: FormCheck) -> None:
        """A check or Lok's refusal: at its fields (Lok's or the form's words beside each), else on the
        dialog's line through the problem path; what was typed stays."""
        if check.problem is None:
            return
        messages = {field: text.render(translate) for field, text in check.messages.items()}
        self.binder.show(check.problem, messages)
        if check.general is not None and not messages:
            self.general_error.show_text(check.general.render(translate), error=True)
        if check.problem.kind.value == "no_capacity" and self.location_id is not None:
            self._on_location_changed()   # the counts changed: read them again

    async def submit(self) -> bool:
        """Check, send #25, and either show the tokens or put each problem next to its field."""
        if self.presenter.submitting:
            return False
        self.clear_errors()
        self._read_form()
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("Creating…"))
        try:
            check = await self.presenter.submit()
        finally:
            self.create_button.setEnabled(True)
            self.create_button.setText(self.tr("Create reservation"))
        result = self.presenter.result
        if check is None or not check.ok or result is None:
            if check is not None:
                self.show_check(check)
            return False
        self._show_result(result)
        self.created.emit(result)
        return True

    def _show_result(self, result: models.ReservationCreated) -> None:
        reservation = result.reservation
        shipment = reservation.shipment_id or reservation.id or ""
        location = self._session.location_name(reservation.location_id or self.location_id)
        self.result_title.setText(self.tr("Reservation {0} created at {1}").format(shipment, location))
        lines = [self.tr("Reservation id {0}").format(reservation.id)]
        if result.confirmation_code:
            lines.append(self.tr("Confirmation code {0}").format(result.confirmation_code))
        box = reservation.locker
        if box is not None and box.size:
            lines.append(self.tr("Box {0}").format(str(box.size).upper()))
        self.result_subtitle.setText(" · ".join(lines) + "\n" + self.tr(
            "Give the delivery token to the courier and the pick-up token to the recipient."))
        # With the reservation, "Print…" makes the courier slip (it waits for delivery), not every token.
        self.result_tokens.set_reservation(
            result, self._session.location(reservation.location_id or self.location_id), location)
        self._stack.setCurrentIndex(1)
        self.setWindowTitle(self.tr("Reservation {0} created").format(shipment))
        self.done_button.setFocus()

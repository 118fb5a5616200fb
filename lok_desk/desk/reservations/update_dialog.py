"""Change an unconfirmed pre-reservation (#16): the dialog shows the update presenter
(lok_desk/core/reservations/update.py); problems reach their fields through the kit's FormBinder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.reservations.update import UpdatePresenter
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import FieldError, add_row, close_unless_kept, typed_anything, with_error
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import FormBinder
from lok_desk.desk.qt_session import QtSession


class UpdatePreReservationDialog(QDialog):
    """Fields start with the reservation's values; only what changed is sent."""

    def __init__(
        self, session: QtSession, reservation: models.Reservation, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._opened = False
        self._session = session
        self.presenter = UpdatePresenter(
            session.service, reservation.id or "", call=session.call, shown=reservation
        )
        self.errors: dict[str, FieldError] = {}
        shipment = reservation.shipment_id or reservation.id or ""
        self.setWindowTitle(self.tr("Update pre-reservation {0}").format(shipment))
        location = session.location(reservation.location_id)
        self._tz = QTimeZone(((location.timezone if location is not None else None) or "UTC").encode())
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Changes apply until the pre-reservation is confirmed (by a courier shipment)."), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.binder = FormBinder(self)
        self.general_error = self.binder.line

        self.delivery_edit = QDateTimeEdit(self)
        self.delivery_edit.setAccessibleName(self.tr("Delivery date"))
        self.delivery_edit.setCalendarPopup(True)
        self.delivery_edit.setTimeZone(self._tz)
        due = self.presenter.original_due or (datetime.now(UTC) + timedelta(days=1))
        self._original_due = QDateTime.fromSecsSinceEpoch(int(due.timestamp()), self._tz)
        self.delivery_edit.setDateTime(self._original_due)
        self.delivery_edit.setDisplayFormat("dd MMM yyyy HH:mm")
        self.delivery_edit.dateTimeChanged.connect(lambda _d: self.binder.clear_field("delivery_date"))
        self._row(form, "delivery_date", self.tr("Delivery date (local)"), self.delivery_edit)

        self.fields: dict[str, QLineEdit] = {}
        for key, label in (
            ("value", self.tr("Value (MXN)")),
            ("weight", self.tr("Weight (kg)")),
            ("description", self.tr("Description")),
            ("contact_name", self.tr("Contact name")),
            ("contact_email", self.tr("Contact e-mail")),
            ("contact_phone", self.tr("Contact phone")),
            ("recipient_name", self.tr("Recipient name")),
            ("recipient_email", self.tr("Recipient e-mail")),
            ("recipient_phone", self.tr("Recipient phone")),
        ):
            edit = QLineEdit(self.presenter.values[key], self)
            edit.setAccessibleName(label)
            self.fields[key] = edit
            self._row(form, key, label, edit)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save changes"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save changes"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: spawn(self.submit(), owner=self))
        buttons.rejected.connect(lambda: spawn(close_unless_kept(self, self.holds_typing()), owner=self))
        layout.addWidget(buttons)

    @property
    def result_value(self) -> models.ReservationCreated | None:
        return self.presenter.result

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Opens on its first field, ready to type (not on whatever Qt picks, or nothing).
        if not self._opened:
            self._opened = True
            self.delivery_edit.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def holds_typing(self) -> bool:
        """Text a person typed and would lose by closing (Esc or Cancel asks first then)."""
        return typed_anything(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.holds_typing():
            event.accept()
            spawn(close_unless_kept(self, True), owner=self)
            return
        super().keyPressEvent(event)

    def _row(self, form: QFormLayout, key: str, label: str, field: QWidget) -> None:
        box, error = with_error(field, self)
        self.errors[key] = error
        self.binder.add(key, field, error)
        add_row(form, label, box, field)

    async def submit(self) -> bool:
        """Check, send #16 with what changed, and close; or show what is wrong where it is."""
        self.binder.clear()
        presenter = self.presenter
        for key, edit in self.fields.items():
            presenter.values[key] = edit.text()
        if self.delivery_edit.dateTime() != self._original_due:
            presenter.delivery_date = datetime.fromtimestamp(
                self.delivery_edit.dateTime().toSecsSinceEpoch(), UTC
            )
        self.save_button.setEnabled(False)
        try:
            check = await presenter.submit()
        finally:
            self.save_button.setEnabled(True)
        if check is None or not check.ok or presenter.result is None:
            if check is not None and check.problem is not None:
                messages = {name: text.render(translate) for name, text in check.messages.items()}
                self.binder.show(check.problem, messages)
                if check.general is not None and not messages:
                    self.general_error.show_text(check.general.render(translate), error=True)
            return False
        self._session.notify(self.tr("Pre-reservation updated."))
        self.accept()
        return True

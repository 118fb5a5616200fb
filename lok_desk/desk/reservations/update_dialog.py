"""Change an unconfirmed pre-reservation (#16): delivery date, package, contact and recipient."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

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

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import (
    ERROR_TEXT_STYLE,
    FieldError,
    add_row,
    close_unless_kept,
    email_problem,
    parse_number,
    phone_problem,
    typed_anything,
    with_error,
)
from lok_desk.desk.kit.problems import announce, problem_from, sentence
from lok_desk.desk.session import Session


class UpdatePreReservationDialog(QDialog):
    """Fields start with the reservation's values; only what changed is sent."""

    def __init__(
        self, session: Session, reservation: models.Reservation, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._opened = False
        self._session = session
        self._reservation = reservation
        self.result_value: models.ReservationCreated | None = None
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

        self.delivery_edit = QDateTimeEdit(self)
        self.delivery_edit.setAccessibleName(self.tr("Delivery date"))
        self.delivery_edit.setCalendarPopup(True)
        self.delivery_edit.setTimeZone(self._tz)
        due = reservation.delivery_due_date or (datetime.now(UTC) + timedelta(days=1))
        self._original_due = QDateTime.fromSecsSinceEpoch(int(due.timestamp()), self._tz)
        self.delivery_edit.setDateTime(self._original_due)
        self.delivery_edit.setDisplayFormat("dd MMM yyyy HH:mm")
        self._row(form, "delivery_date", self.tr("Delivery date (local)"), self.delivery_edit)

        package = reservation.package_info
        contact = reservation.contact_info
        recipient = reservation.recipient_info
        self.fields: dict[str, QLineEdit] = {}
        for key, label, value in (
            ("value", self.tr("Value (MXN)"), getattr(package, "value", None)),
            ("weight", self.tr("Weight (kg)"), getattr(package, "weight", None)),
            ("description", self.tr("Description"), getattr(package, "description", None)),
            ("contact_name", self.tr("Contact name"), getattr(contact, "name", None)),
            ("contact_email", self.tr("Contact e-mail"), getattr(contact, "email", None)),
            ("contact_phone", self.tr("Contact phone"), getattr(contact, "phone", None)),
            ("recipient_name", self.tr("Recipient name"), getattr(recipient, "name", None)),
            ("recipient_email", self.tr("Recipient e-mail"), getattr(recipient, "email", None)),
            ("recipient_phone", self.tr("Recipient phone"), getattr(recipient, "phone", None)),
        ):
            edit = QLineEdit(
                "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)), self
            )
            edit.setAccessibleName(label)
            self.fields[key] = edit
            self._row(form, key, label, edit)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_TEXT_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save changes"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save changes"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: spawn(self.submit(), owner=self))
        buttons.rejected.connect(lambda: spawn(close_unless_kept(self, self.holds_typing()), owner=self))
        layout.addWidget(buttons)

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
        add_row(form, label, box, field)

    def _update(self) -> models.PreReservationUpdate | None:
        for error in self.errors.values():
            error.clear_error()
        problems: dict[str, str] = {}
        numbers: dict[str, float | None] = {}
        for key in ("value", "weight"):
            try:
                numbers[key] = parse_number(self.fields[key].text())
            except ValueError:
                problems[key] = self.tr("Enter a number, like 12.5.")
        for key in ("contact_email", "recipient_email"):
            if problem := email_problem(self.fields[key].text().strip()):
                problems[key] = self.tr(problem)
        for key in ("contact_phone", "recipient_phone"):
            if problem := phone_problem(self.fields[key].text().strip()):
                problems[key] = self.tr(problem)
        if not self.fields["contact_name"].text().strip() and not self.fields["contact_email"].text().strip():
            problems["contact_name"] = self.tr("Give the contact's name or e-mail (Lok needs one of them).")
        for key, message in problems.items():
            self.errors[key].show_error(message)
        if problems:
            return None

        def text(key: str) -> str | None:
            return self.fields[key].text().strip() or None

        body: dict[str, Any] = {
            "package_info": models.ReservationPackageInfo(
                value=numbers.get("value"), weight=numbers.get("weight"), description=text("description")
            ),
            "contact_info": models.ContactInfo(
                name=text("contact_name"), email=text("contact_email"), phone=text("contact_phone")
            ),
            "recipient_info": models.RecipientInfo(
                name=text("recipient_name"), email=text("recipient_email"), phone=text("recipient_phone")
            ),
        }
        if self.delivery_edit.dateTime() != self._original_due:
            body["delivery_date"] = datetime.fromtimestamp(
                self.delivery_edit.dateTime().toSecsSinceEpoch(), UTC
            )
        return models.PreReservationUpdate(**body)

    async def submit(self) -> bool:
        update = self._update()
        if update is None or not self._reservation.id:
            return False
        self.save_button.setEnabled(False)
        try:
            result = await self._session.call(
                self._session.service.update_pre_reservation(self._reservation.id, update)
            )
        except LokError as error:
            if isinstance(error, api_errors.InvalidDueDateError):
                self.errors["delivery_date"].show_error(self.tr("Pick a delivery date in the future."))
            elif error.status_code == 410:
                self.general_error.setText(
                    self.tr("This pre-reservation is confirmed or expired and can no longer be changed.")
                )
                self.general_error.show()
            elif isinstance(error, api_errors.BoxIncompatibleError):
                self.errors["weight"].show_error(self.tr("No box can hold this package (25 kg at most)."))
            else:
                self.general_error.setText(sentence(problem_from(error, doing=self.tr("saving the changes"))))
                self.general_error.show()
                announce(self.general_error, self.general_error.text(), assertive=True)
            return False
        finally:
            self.save_button.setEnabled(True)
        self.result_value = result
        self._session.notify(self.tr("Pre-reservation updated."))
        self.accept()
        return True

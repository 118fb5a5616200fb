"""Request a courier shipment for a pre-reservation: quotation first (#33), then the request (#32)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import (
    ERROR_TEXT_STYLE,
    FieldError,
    add_row,
    close_unless_kept,
    phone_problem,
    typed_anything,
    with_error,
)
from lok_desk.desk.kit.problems import announce, problem_from, sentence
from lok_desk.desk.session import Session


class RequestShipmentDialog(QDialog):
    """Where the courier collects the package and whom to call; shows the quote before committing."""

    def __init__(
        self, session: Session, reservation: models.Reservation, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._opened = False
        self._session = session
        self._reservation = reservation
        self.quote: models.ShippingQuote | None = None
        self.result_value: models.ShipmentRequested | None = None
        self.errors: dict[str, FieldError] = {}
        location = session.location(reservation.location_id)
        self._timezone = (location.timezone if location is not None else None) or "UTC"
        self.setWindowTitle(
            self.tr("Request shipment — {0}").format(reservation.shipment_id or reservation.id)
        )
        layout = QVBoxLayout(self)
        origin = QGroupBox(self.tr("Courier picks the package up at"), self)
        form = QFormLayout(origin)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, required in (
            ("street", self.tr("Street"), True),
            ("number", self.tr("Number"), True),
            ("town", self.tr("Neighbourhood"), True),
            ("zip_code", self.tr("Zip code"), True),
            ("references", self.tr("References"), False),
        ):
            self._field(form, key, label, required)
        layout.addWidget(origin)
        contact = QGroupBox(self.tr("Person the courier calls"), self)
        form = QFormLayout(contact)
        self._field(form, "name", self.tr("Name"), False)
        self._field(form, "phone", self.tr("Phone"), True)
        layout.addWidget(contact)
        self.quote_label = QLabel(self.tr("Ask for a quotation to see the carrier, fee and dates."), self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setAccessibleDescription(self.tr("Quotation"))
        layout.addWidget(self.quote_label)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_TEXT_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.quote_button = buttons.addButton(
            self.tr("Get quotation"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quote_button.setAccessibleName(self.tr("Get quotation"))
        self.request_button = buttons.addButton(
            self.tr("Request shipment"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.request_button.setAccessibleName(self.tr("Request shipment"))
        self.request_button.setEnabled(False)
        self.request_button.setToolTip(self.tr("Get a quotation first"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.quote_button.clicked.connect(lambda: spawn(self.get_quote(), owner=self))
        buttons.accepted.connect(lambda: spawn(self.submit(), owner=self))
        buttons.rejected.connect(lambda: spawn(close_unless_kept(self, self.holds_typing()), owner=self))
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Opens on its first field, ready to type (not on whatever Qt picks, or nothing).
        if not self._opened:
            self._opened = True
            next(iter(self.fields.values())).setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def holds_typing(self) -> bool:
        """Text a person typed and would lose by closing (Esc or Cancel asks first then)."""
        return typed_anything(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.holds_typing():
            event.accept()
            spawn(close_unless_kept(self, True), owner=self)
            return
        super().keyPressEvent(event)
    def _field(self, form: QFormLayout, key: str, label: str, required: bool) -> None:
        edit = QLineEdit(self)
        edit.setAccessibleName(label)
        if required:
            edit.setPlaceholderText(self.tr("required"))
        edit.textEdited.connect(self._invalidate_quote)
        box, error = with_error(edit, self)
        self.fields[key] = edit
        self.errors[key] = error
        add_row(form, label, box, edit)

    def _invalidate_quote(self, *_: object) -> None:
        if self.quote is not None:
            self.quote = None
            self.request_button.setEnabled(False)
            self.quote_label.setText(self.tr("The address changed: ask for a new quotation."))

    def _request(self) -> models.ShipmentRequest | None:
        problems: dict[str, str] = {}
        for key in ("street", "number", "town", "zip_code", "phone"):
            if not self.fields[key].text().strip():
                problems[key] = self.tr("Required.")
        if not problems.get("phone") and (problem := phone_problem(self.fields["phone"].text().strip())):
            problems["phone"] = self.tr(problem)
        for key, error in self.errors.items():
            error.show_error(problems.get(key, ""))
        if problems:
            return None

        def text(key: str) -> str:
            return self.fields[key].text().strip()

        return models.ShipmentRequest(
            origin=models.PickupAddress(
                street=text("street"),
                number=text("number"),
                town=text("town"),
                zip_code=text("zip_code"),
                references=text("references") or None,
            ),
            contact=models.PickupContact(phone=text("phone"), name=text("name") or None),
        )

    async def get_quote(self) -> models.ShippingQuote | None:
        request = self._request()
        if request is None or not self._reservation.id:
            return None
        self.general_error.hide()
        self.quote_button.setEnabled(False)
        try:
            quote = await self._session.call(
                self._session.service.quote_shipment(self._reservation.id, request)
            )
        except LokError as error:
            self._show_error(error)
            return None
        finally:
            self.quote_button.setEnabled(True)
        self.quote = quote
        try:
            fee = formatting.format_mxn(float(quote.fee)) if quote.fee is not None else formatting.DASH
        except ValueError:
            fee = str(quote.fee)
        self.quote_label.setText(
            self.tr("<b>{0}</b>{1} · fee <b>{2}</b><br>Collection {3} · estimated delivery {4}").format(
                quote.carrier or self.tr("Carrier"),
                f" ({quote.vehicle_type})" if quote.vehicle_type else "",
                fee,
                formatting.format_local(quote.required_pickup_date, self._timezone),
                formatting.format_local(quote.estimated_delivery_date, self._timezone),
            )
        )
        self.request_button.setEnabled(True)
        self.request_button.setToolTip(self.tr("Confirm the shipment at this fee"))
        return quote

    def _show_error(self, error: LokError) -> None:
        if error.status_code == 410:
            text = self.tr("This pre-reservation can no longer be shipped (it is confirmed or expired).")
        elif error.status_code == 422:
            text = self.tr("Lok needs more information on the reservation before a courier can take it. "
                           "Check its package and recipient, then try again.")
        else:
            text = sentence(problem_from(error, doing=self.tr("requesting the shipment")))
        self.general_error.setText(text)
        self.general_error.show()
        announce(self.general_error, text, assertive=True)

    async def submit(self) -> bool:
        request = self._request()
        if request is None or self.quote is None or not self._reservation.id:
            return False
        self.request_button.setEnabled(False)
        try:
            result = await self._session.call(
                self._session.service.request_shipment(self._reservation.id, request)
            )
        except LokError as error:
            self._show_error(error)
            self.request_button.setEnabled(True)
            return False
        self.result_value = result
        self._session.notify(
            self.tr("Shipment requested with {0}.").format(self.quote.carrier or self.tr("the carrier"))
        )
        self.accept()
        return True

"""Request a courier shipment for a pre-reservation: quotation first (#33), then the request (#32). The
dialog shows the shipment presenter (lok_desk/core/reservations/shipment.py); problems reach their
fields through the kit's FormBinder."""

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

from lok_desk.api import models
from lok_desk.core.reservations.fields import FormCheck
from lok_desk.core.reservations.shipment import REQUIRED_FIELDS, ShipmentPresenter
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import FieldError, add_row, close_unless_kept, typed_anything, with_error
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import FormBinder
from lok_desk.desk.qt_session import QtSession


class RequestShipmentDialog(QDialog):
    """Where the courier collects the package and whom to call; shows the quote before committing."""

    def __init__(
        self, session: QtSession, reservation: models.Reservation, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._opened = False
        self._session = session
        self.presenter = ShipmentPresenter(session.service, reservation.id or "", call=session.call)
        self.errors: dict[str, FieldError] = {}
        location = session.location(reservation.location_id)
        self._timezone = (location.timezone if location is not None else None) or "UTC"
        self.setWindowTitle(
            self.tr("Request shipment — {0}").format(reservation.shipment_id or reservation.id)
        )
        layout = QVBoxLayout(self)
        self.binder = FormBinder(self)
        self.general_error = self.binder.line
        origin = QGroupBox(self.tr("Courier picks the package up at"), self)
        form = QFormLayout(origin)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (
            ("street", self.tr("Street")),
            ("number", self.tr("Number")),
            ("town", self.tr("Neighbourhood")),
            ("zip_code", self.tr("Zip code")),
            ("references", self.tr("References")),
        ):
            self._field(form, key, label)
        layout.addWidget(origin)
        contact = QGroupBox(self.tr("Person the courier calls"), self)
        form = QFormLayout(contact)
        self._field(form, "name", self.tr("Name"))
        self._field(form, "phone", self.tr("Phone"))
        layout.addWidget(contact)
        self.quote_label = QLabel(self.tr("Ask for a quotation to see the carrier, fee and dates."), self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setAccessibleDescription(self.tr("Quotation"))
        layout.addWidget(self.quote_label)
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

    @property
    def quote(self) -> models.ShippingQuote | None:
        return self.presenter.quoted

    @property
    def result_value(self) -> models.ShipmentRequested | None:
        return self.presenter.result

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

    def _field(self, form: QFormLayout, key: str, label: str) -> None:
        edit = QLineEdit(self)
        edit.setAccessibleName(label)
        if key in REQUIRED_FIELDS:
            edit.setPlaceholderText(self.tr("required"))
        edit.textEdited.connect(lambda text, k=key: self._edited(k, text))
        box, error = with_error(edit, self)
        self.fields[key] = edit
        self.errors[key] = error
        self.binder.add(key, edit, error)
        add_row(form, label, box, edit)

    def _edited(self, key: str, text: str) -> None:
        if self.presenter.edit(key, text):
            self.request_button.setEnabled(False)
            self.quote_label.setText(self.tr("The address changed: ask for a new quotation."))

    def _show(self, check: FormCheck) -> bool:
        """Show a check's problems (at their fields, else on the line); True when there were none."""
        self.binder.clear()
        if check.ok or check.problem is None:
            return True
        messages = {name: text.render(translate) for name, text in check.messages.items()}
        self.binder.show(check.problem, messages)
        if check.general is not None and not messages:
            self.general_error.show_text(check.general.render(translate), error=True)
        return False

    async def get_quote(self) -> models.ShippingQuote | None:
        for key, edit in self.fields.items():
            self.presenter.values[key] = edit.text()
        self.quote_button.setEnabled(False)
        try:
            check = await self.presenter.quote()
        finally:
            self.quote_button.setEnabled(True)
        quote = self.presenter.quoted
        if not self._show(check) or quote is None:
            return None
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

    async def submit(self) -> bool:
        quote = self.presenter.quoted
        if quote is None:
            return False
        self.request_button.setEnabled(False)
        check = await self.presenter.submit()
        if not self._show(check) or self.presenter.result is None:
            self.request_button.setEnabled(self.presenter.quoted is not None)
            return False
        self._session.notify(
            self.tr("Shipment requested with {0}.").format(quote.carrier or self.tr("the carrier"))
        )
        self.accept()
        return True

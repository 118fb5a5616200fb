"""The detail panel beside the table: history, package, people, box, tokens, label and actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.forms import mute
from lok_desk.desk.kit.tokens_view import PrinterChooser, TokensView
from lok_desk.desk.reservations.status_chip import StatusChip
from lok_desk.desk.reservations.table_model import as_datetime
from lok_desk.desk.roles import Permission


def _text(value: object) -> str:
    if value is None or value == "":
        return formatting.DASH
    return str(value)


def _number(value: object, unit: str) -> str:
    if value is None or value == "":
        return formatting.DASH
    try:
        return f"{float(str(value)):g} {unit}"
    except ValueError:
        return f"{value} {unit}"


def _box_size(size: object) -> str:
    """ "S (10 × 35 × 60 cm)": the size letter with the inside measures a person can compare."""
    text = str(size or "").strip().lower()
    if not text:
        return formatting.DASH
    try:
        box = models.BOX_SIZES[models.BoxSize(text)]
    except ValueError:
        return text.upper()
    return f"{text.upper()} ({box.width:g} × {box.height:g} × {box.length:g} cm)"


class _Section(QGroupBox):
    """A titled block of label/value rows whose values can be selected and copied."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        """Rows of (label, value, tooltip); rebuilt each time (a handful of rows)."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = {}
        for label, value, tooltip in rows:
            value_label = QLabel(value, self)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value_label.setWordWrap(True)
            # A screen reader reads the value with its caption ("Weight: 2 kg"); the caption alone
            # left a blind person without the value.
            value_label.setAccessibleName(self.tr("{0}: {1}").format(label, value))
            if tooltip:
                value_label.setToolTip(tooltip)
            self.form.addRow(label, value_label)
            self.values[label] = value_label


class ReservationDetail(QWidget):
    """Shows one reservation (#15 with tokens). Actions are requested through signals; the pane owns
    the flows and tells this panel which actions are allowed (and why not)."""

    cancel_requested = Signal()
    update_requested = Signal()
    shipment_requested = Signal()
    label_requested = Signal()
    print_requested = Signal()

    def __init__(self, choose_printer: PrinterChooser, parent: QWidget | None = None, *,
                 lookup: Callable[[str], models.Reservation | None] | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Reservation detail"))
        # The reservation is read from the store by id (`lookup`), never kept here as a second copy
        # that could drift from the table; `result` keeps what the store does not hold (QR images).
        self._lookup = lookup
        self.reservation_id: str | None = None
        self.can_create = True
        self.result: Any = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._stack = QStackedWidget(self)
        outer.addWidget(self._stack)

        self.placeholder = QLabel(self._idle_text(), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("padding: 24px;")
        mute(self.placeholder)
        self._stack.addWidget(self.placeholder)

        scroll = QScrollArea(self)
        self._scroll = scroll
        scroll.setAccessibleName(self.tr("Reservation detail"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        scroll.setWidget(body)
        self._stack.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)

        self._build_header(body, layout)
        self._build_actions(body, layout)
        self._build_sections(body, layout, choose_printer)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _build_header(self, body: QWidget, layout: QVBoxLayout) -> None:
        header = QHBoxLayout()
        self.title = QLabel(body)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName(self.tr("Shipment id"))   # with the id once one is shown
        header.addWidget(self.title)
        self.status_chip = StatusChip("", body)
        header.addWidget(self.status_chip)
        header.addStretch(1)
        layout.addLayout(header)
        self.subtitle = QLabel(body)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle.setWordWrap(True)
        mute(self.subtitle)
        layout.addWidget(self.subtitle)

        self.banner = QLabel(body)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #FFF4E0; color: #5A3A00; border: 1px solid #E69F00;"
            " border-radius: 4px; padding: 6px;"
        )
        self.banner.setAccessibleName(self.tr("Notice"))
        self.banner.hide()
        layout.addWidget(self.banner)

    def _build_actions(self, body: QWidget, layout: QVBoxLayout) -> None:
        actions = QGridLayout()
        self.cancel_button = QPushButton(self.tr("Cancel reservation"), body)
        self.update_button = QPushButton(self.tr("Update…"), body)
        self.shipment_button = QPushButton(self.tr("Request shipment…"), body)
        self.print_button = QPushButton(self.tr("Print slip…"), body)
        self.label_button = QPushButton(self.tr("Shipping label…"), body)
        accessible = {
            self.cancel_button: self.tr("Cancel reservation"),
            self.update_button: self.tr("Update pre-reservation"),
            self.shipment_button: self.tr("Request shipment"),
            self.print_button: self.tr("Print slip"),
            self.label_button: self.tr("Shipping label"),
        }
        # Two columns keep the panel narrow without cutting labels: with three, the body grew wider
        # than the detail beside a 1024 px table and the reasons and subtitle were clipped at the right
        # (the scroll area never scrolls sideways).
        for button, name in accessible.items():
            button.setAccessibleName(name)
        self._actions, self._action_buttons, self._action_columns = actions, list(accessible), 0
        self._flow_actions(2)
        actions.setColumnStretch(2, 1)
        # Why an action is greyed out, in words anyone reaches (a tooltip needs a mouse).
        self._reasons: dict[QPushButton, str] = {}
        self.reasons = QLabel(body)
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mute(self.reasons)
        self.reasons.hide()
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.update_button.clicked.connect(self.update_requested)
        self.shipment_button.clicked.connect(self.shipment_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.label_button.clicked.connect(self.label_requested)
        self.print_button.setToolTip(self.tr("Print the slip that fits: courier before delivery, recipient "
                                             "after (Ctrl+P; choose another with Ctrl+Shift+P)"))
        layout.addLayout(actions)
        layout.addWidget(self.reasons)

    def _build_sections(self, body: QWidget, layout: QVBoxLayout, choose_printer: PrinterChooser) -> None:
        self.timeline = QGroupBox(self.tr("History"), body)
        self._timeline_layout = QVBoxLayout(self.timeline)
        layout.addWidget(self.timeline)
        self.dates = _Section(self.tr("Deadlines"), body)
        layout.addWidget(self.dates)
        self.package = _Section(self.tr("Package"), body)
        layout.addWidget(self.package)
        self.contact = _Section(self.tr("Contact"), body)
        layout.addWidget(self.contact)
        self.recipient = _Section(self.tr("Recipient"), body)
        layout.addWidget(self.recipient)
        self.box = _Section(self.tr("Box"), body)
        layout.addWidget(self.box)
        self.shipping = _Section(self.tr("Courier shipment"), body)
        layout.addWidget(self.shipping)
        tokens_box = QGroupBox(self.tr("Tokens"), body)
        tokens_layout = QVBoxLayout(tokens_box)
        self.tokens = TokensView(choose_printer, tokens_box)
        tokens_layout.addWidget(self.tokens)
        layout.addWidget(tokens_box)
        self.label_box = QGroupBox(self.tr("Shipping label"), body)
        label_layout = QVBoxLayout(self.label_box)
        self.label_message = QLabel(
            self.tr("Courier shipments have a label: use “Shipping label…”."), self.label_box
        )
        self.label_message.setWordWrap(True)
        self.label_message.setAccessibleName(self.tr("Shipping label status"))
        label_layout.addWidget(self.label_message)
        layout.addWidget(self.label_box)
        self.additional = _Section(self.tr("Additional data"), body)
        layout.addWidget(self.additional)

    # --- showing ---------------------------------------------------------------------------
    def _idle_text(self) -> str:
        if not self.can_create:
            # A role that cannot create (a reporter) is not offered Ctrl+N, which would do nothing.
            return self.tr(
                "Select a reservation to see its history, tokens and QR codes.\n\n"
                "Press Enter on a row to open it."
            )
        return self.tr(
            "Select a reservation to see its history, tokens and QR codes.\n\n"
            "Press Enter on a row to open it, Ctrl+N to create a reservation."
        )

    def set_can_create(self, can_create: bool) -> None:
        """Whether the empty detail offers Ctrl+N (the pane tells it from the person's role)."""
        self.can_create = can_create
        if self.reservation_id is None:
            self.placeholder.setText(self._idle_text())

    @property
    def reservation(self) -> models.Reservation | None:
        """The reservation shown, as the store holds it now."""
        if self.reservation_id is None:
            return None
        known = self._lookup(self.reservation_id) if self._lookup is not None else None
        if known is not None:
            return known
        shown: models.Reservation | None = getattr(self.result, "reservation", None)
        return shown

    def clear(self) -> None:
        self.reservation_id = None
        self.result = None
        self.placeholder.setText(self._idle_text())
        self._stack.setCurrentIndex(0)

    def _flow_actions(self, columns: int) -> None:
        """Two columns where they fit; one where the panel is narrow (1024 px, Spanish labels): the
        scroll area never scrolls sideways, so a second column was cut by the scrollbar."""
        if columns == self._action_columns:
            return
        self._action_columns = columns
        for position, button in enumerate(self._action_buttons):
            self._actions.removeWidget(button)
            self._actions.addWidget(button, position // columns, position % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        widest = max(button.sizeHint().width() for button in self._action_buttons)
        bar = self._scroll.verticalScrollBar().sizeHint().width()   # counted even before it shows
        room = self._scroll.width() - bar - 16 - self._actions.horizontalSpacing()
        self._flow_actions(2 if 2 * widest <= room else 1)

    def show_loading(self, shipment_id: str) -> None:
        self.placeholder.setText(self.tr("Loading {0}…").format(shipment_id))
        self._stack.setCurrentIndex(0)

    def show_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self._stack.setCurrentIndex(0)

    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setAccessibleName(self.tr("Notice: {0}").format(text) if text else self.tr("Notice"))
        self.banner.setVisible(bool(text))

    def set_label_message(self, text: str) -> None:
        self.label_message.setText(text)
        self.label_message.setAccessibleName(self.tr("Shipping label: {0}").format(text))

    def set_action(self, button: QPushButton, permission: Permission, tooltip: str = "") -> None:
        """Enable an action, or disable it with the reason: as its tooltip and description, and in the
        visible line under the actions, which keyboard and screen-reader users reach too."""
        button.setEnabled(bool(permission))
        button.setToolTip(tooltip if permission else permission.reason)
        button.setAccessibleDescription("" if permission else permission.reason)
        self._reasons[button] = "" if permission else permission.reason
        lines = []
        for action, reason in self._reasons.items():
            if reason and not action.isHidden():
                line = self.tr("{0}: {1}").format(action.accessibleName(), reason)
                if line not in lines:
                    lines.append(line)
        self.reasons.setText("\n".join(lines))
        self.reasons.setVisible(bool(lines))

    def show_reservation(self, result: Any, location_name: str, timezone: str, *,
                         location: models.LocationDetail | None = None, tokens_hidden: str = "") -> None:
        """`result` is a ReservationWithTokens (#15) or ReservationCreated (#25/#16); `tokens_hidden`
        is why this person sees no token (issue 10), written in the Tokens box instead of them."""
        reservation = result.reservation
        self.result = result
        if reservation.id != self.reservation_id:
            # Another reservation opens at its top: its header is what the person (or a scan) looks for.
            self._scroll.verticalScrollBar().setValue(0)
        self.reservation_id = reservation.id
        self._stack.setCurrentIndex(1)
        shipment = reservation.shipment_id or reservation.id or ""
        self.title.setText(shipment)
        self.title.setAccessibleName(self.tr("Shipment id: {0}").format(shipment))
        self.status_chip.set_status(str(reservation.current_status or ""))
        confirmation = getattr(result, "confirmation_code", None)
        parts = [location_name, self.tr("Reservation {0}").format(reservation.id)]
        if confirmation:
            parts.append(self.tr("Confirmation code {0}").format(confirmation))
        self.subtitle.setText(" · ".join(parts))
        self.set_banner("")
        self.set_label_message(self.tr("Courier shipments have a label: use “Shipping label…”."))

        self._show_timeline(reservation, timezone)
        self._show_dates_and_package(reservation, timezone)
        self._show_people_box_shipping(reservation)
        additional = getattr(reservation, "additional", None) or {}
        self.additional.setVisible(bool(additional))
        self.additional.set_rows([(str(key), str(value), "") for key, value in sorted(additional.items())])
        self.tokens.set_reservation(result, location, location_name, hidden_reason=tokens_hidden)

    def _show_timeline(self, reservation: Any, timezone: str) -> None:
        while self._timeline_layout.count():
            item = self._timeline_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for event in getattr(reservation, "event_history", None) or []:
            when = as_datetime(getattr(event, "date", None))
            row = QWidget(self.timeline)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            chip = StatusChip(str(getattr(event, "status", "") or ""), row)
            line.addWidget(chip)
            stamp = QLabel(formatting.format_local(when, timezone), row)
            stamp.setToolTip(formatting.format_utc_tooltip(when))
            stamp.setAccessibleName(self.tr("{0} at {1}").format(chip.text(), stamp.text()))
            line.addWidget(stamp)
            line.addStretch(1)
            self._timeline_layout.addWidget(row)

    def _show_dates_and_package(self, reservation: Any, timezone: str) -> None:
        def local(value: object) -> tuple[str, str]:
            dt = as_datetime(value)
            return formatting.format_local(dt, timezone), formatting.format_utc_tooltip(dt)

        created, created_tip = local(getattr(reservation, "created_at", None))
        delivery, delivery_tip = local(getattr(reservation, "delivery_due_date", None))
        pickup, pickup_tip = local(getattr(reservation, "pickup_due_date", None))
        self.dates.set_rows(
            [
                (self.tr("Created"), created, created_tip),
                (self.tr("Delivery due"), delivery, delivery_tip),
                (self.tr("Pick-up due"), pickup, pickup_tip),
            ]
        )

        package = getattr(reservation, "package_info", None)
        package_rows = [
            (self.tr("Value"), formatting.format_mxn(getattr(package, "value", None)), ""),
            (self.tr("Weight"), _number(getattr(package, "weight", None), "kg"), ""),
        ]
        dims = [getattr(package, name, None) for name in ("width", "height", "length")]
        if any(isinstance(d, int | float) for d in dims):
            # The package's own measures, only when Lok sent them; the box size is under Box, so two
            # "Size" rows no longer compete (one of them was usually a bare dash).
            package_rows.append((
                self.tr("Dimensions"),
                " × ".join(f"{d:g}" if isinstance(d, int | float) else "?" for d in dims) + " cm",
                self.tr("Width × height × length of the package"),
            ))
        package_rows.append((self.tr("Description"), _text(getattr(package, "description", None)), ""))
        self.package.set_rows(package_rows)

    def _show_people_box_shipping(self, reservation: Any) -> None:
        for section, info in (
            (self.contact, getattr(reservation, "contact_info", None)),
            (self.recipient, getattr(reservation, "recipient_info", None)),
        ):
            section.set_rows(
                [
                    (self.tr("Name"), _text(getattr(info, "name", None)), ""),
                    (self.tr("E-mail"), _text(getattr(info, "email", None)), ""),
                    (self.tr("Phone"), _text(getattr(info, "phone", None)), ""),
                ]
            )
        notifications = getattr(reservation, "recipient_notifications_enabled", None)
        if notifications is not None:
            self.recipient.set_rows(
                [
                    *[(label, widget.text(), "") for label, widget in self.recipient.values.items()],
                    (
                        self.tr("Notifications"),
                        self.tr("Pick-up token e-mailed") if notifications else self.tr("Off"),
                        "",
                    ),
                ]
            )
        locker = getattr(reservation, "locker", None)
        is_public = getattr(locker, "is_public", None)
        self.box.set_rows(
            [
                (self.tr("Box size"), _box_size(getattr(locker, "size", None)), ""),
                (self.tr("Box id"), _text(getattr(locker, "uuid", None)), ""),
                (
                    self.tr("Network"),
                    formatting.DASH
                    if is_public is None
                    else (self.tr("Lok public network") if is_public else self.tr("Private locker")),
                    "",
                ),
            ]
        )
        shipping = getattr(reservation, "shipping", None)
        carrier = getattr(shipping, "carrier", None) if shipping is not None else None
        self.shipping.setVisible(bool(carrier))
        if carrier:
            fee = getattr(shipping, "fee", None)
            try:
                fee_text = formatting.format_mxn(float(fee)) if fee is not None else formatting.DASH
            except (TypeError, ValueError):
                fee_text = str(fee)
            self.shipping.set_rows(
                [
                    (self.tr("Carrier"), _text(carrier), ""),
                    (self.tr("Tracking id"), _text(getattr(shipping, "tracking_id", None)), ""),
                    (self.tr("Fee"), fee_text, ""),
                ]
            )

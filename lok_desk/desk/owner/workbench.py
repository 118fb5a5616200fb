"""Webhook workbench: check a signature by hand, receive the webhook on this computer, read the sandbox's
delivery log. Everything runs on the qasync loop; nothing here blocks the window. What arrives is read by
lok_desk/core/owner/webhook_check.py; this pane shows it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, webhook
from lok_desk.core.owner.webhook_check import (
    Delivery,
    ReceivedEvent,
    explain_signature,
    is_loopback_url,
    read_event,
)
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import confirm, spawn
from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP, say
from lok_desk.desk.kit.problem_views import ProblemLine, problem_for, report
from lok_desk.desk.kit.records import (
    ROW_ROLE,
    RowTableModel,
    apply_permission,
    hint_label,
    record_list_view,
)
from lok_desk.desk.kit.theme import semantic_colour
from lok_desk.desk.owner.receiver import LocalWebhookReceiver, ReceivedRequest
from lok_desk.desk.owner.webhook_state import WebhookState
from lok_desk.desk.qt_session import QtSession

DELIVERY_STATUS = {
    "pending": QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "◌ Waiting"),
    "delivered": QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "✓ Delivered"),
    "failed": QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "↻ Failed, will retry"),
    "given_up": QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "✕ Given up"),
}


def _local(dt: datetime | None) -> str:
    return formatting.format_short_stamp(dt)


def _status_text(status: str) -> str:
    style = formatting.status_style(status)
    return f"{style.symbol} {formatting.format_status(status)}"


class WebhookWorkbenchPane(QWidget):
    """Three tabs: listen locally, check a signature, delivery log (sandbox only)."""

    event_received = Signal(object)   # ReceivedEvent

    def __init__(self, session: QtSession, webhook_state: WebhookState | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Webhook workbench"))
        self._session = session
        self.webhook = webhook_state or WebhookState(session, self)
        self.permission = session.capabilities.can_write_company_settings()
        self.receiver = LocalWebhookReceiver(self._on_request)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Workbench sections"))
        self.tabs.addTab(self._build_listen(), self.tr("Listen locally"))
        self.tabs.addTab(self._build_checker(), self.tr("Check a signature"))
        self.tabs.addTab(self._build_deliveries(), self.tr("Delivery log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self.webhook.changed.connect(self._show_listen_state)
        self._show_listen_state()

    # ---- listen locally ---------------------------------------------------------------------------
    def _build_listen(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint_label(self.tr(
            "Try the webhook without a server of your own: Lok Desk listens on this computer "
            "(127.0.0.1), checks each notification's signature with the current secret and lists it "
            "here as it arrives. Only programs on this computer can reach it — use it with the sandbox "
            "or a Lok server on this machine."), page))
        row = QHBoxLayout()
        self.listen_button = QPushButton(self.tr("Start listening"), page)
        self.listen_button.setAccessibleDescription(self.tr("Start or stop listening"))
        self.listen_button.clicked.connect(lambda: spawn(self.toggle_listening(), owner=self))
        self.url_label = QLineEdit(page)
        self.url_label.setReadOnly(True)
        self.url_label.setAccessibleName(self.tr("Local receiver address"))
        self.url_label.setPlaceholderText(self.tr("Not listening"))
        self.point_button = QPushButton(self.tr("Point the webhook here"), page)
        self.point_button.setAccessibleName(self.tr("Point the webhook here"))
        self.point_button.clicked.connect(lambda: spawn(self.point_webhook_here(), owner=self))
        row.addWidget(self.listen_button)
        row.addWidget(self.url_label, 1)
        row.addWidget(self.point_button)
        layout.addLayout(row)
        self.listen_status = QLabel(page)
        self.listen_status.setWordWrap(True)
        self.listen_status.setAccessibleDescription(self.tr("Receiver status"))
        layout.addWidget(self.listen_status)

        self.events_model = RowTableModel(
            [
                (self.tr("Received"), lambda e: _local(e.request.received_at),
                 lambda e: e.request.received_at.timestamp()),
                (self.tr("Status"), lambda e: _status_text(e.status), lambda e: e.status),
                (self.tr("Shipment"), lambda e: e.shipment_id or formatting.DASH, lambda e: e.shipment_id),
                (self.tr("Reservation"), lambda e: e.reservation_id or formatting.DASH,
                 lambda e: e.reservation_id),
                (self.tr("Signature"),
                 lambda e: self.tr("✓ valid") if e.signature_ok else self.tr("✗ invalid"),
                 lambda e: int(e.signature_ok)),
            ],
            self,
            tooltip=lambda e, column: say(e.why) if column == 4 else "",
            foreground=lambda e, column: (
                semantic_colour("good" if e.signature_ok else "bad", self.palette())
                if column == 4 else None),
        )
        self.events_table = record_list_view(self.events_model, page, name=self.tr("Received notifications"),
                                             sort_column=0, order=Qt.SortOrder.DescendingOrder,
                                             single_selection=False)
        self.events_table.doubleClicked.connect(self._check_received)
        layout.addWidget(self.events_table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(hint_label(self.tr("Double-click a notification to open it in “Check a signature”."),
                                    page), 1)
        self.clear_button = QPushButton(self.tr("Clear list"), page)
        self.clear_button.setAccessibleDescription(self.tr("Clear received notifications"))
        self.clear_button.clicked.connect(lambda: self.events_model.set_rows([]))
        bottom.addWidget(self.clear_button)
        layout.addLayout(bottom)
        return page

    def _show_listen_state(self) -> None:
        listening = self.receiver.running
        self.listen_button.setText(self.tr("Stop listening") if listening else self.tr("Start listening"))
        self.url_label.setText(self.receiver.url)
        pointed = listening and self.webhook.url == self.receiver.url
        if not self.permission:
            apply_permission(self.permission, [self.point_button])
        else:
            self.point_button.setEnabled(listening and not pointed)
            self.point_button.setToolTip(
                self.tr("Start listening first.") if not listening else
                self.tr("The webhook already points here.") if pointed else
                self.tr("Save this address as the company's webhook (the events chosen stay)."))
        count = self.events_model.rowCount()
        if not listening:
            text = self.tr("Not listening.")
        elif pointed and self.webhook.enabled:
            text = self.tr("Listening, and the webhook points here: new notifications appear below "
                           "({count} so far).").format(count=count)
        elif pointed:
            text = self.tr("Listening and the webhook points here, but the webhook is OFF: turn it on in "
                           "Notifications to receive anything.")
        else:
            text = self.tr("Listening ({count} received). The webhook points elsewhere ({url}); press "
                           "“Point the webhook here” to receive Lok's notifications.").format(
                count=count, url=self.webhook.url or self.tr("not set up"))
        self.listen_status.setText(text)

    async def toggle_listening(self) -> None:
        if self.receiver.running:
            await self.stop_listening()
        else:
            await self.start_listening()

    async def start_listening(self) -> str:
        url = await self.receiver.start()
        if not self.webhook.loaded:
            try:
                await self.webhook.load()
            except LokError as error:
                report(self, error, doing=self.tr("reading the webhook secret"))
        self._show_listen_state()
        return url

    async def stop_listening(self) -> None:
        await self.receiver.stop()
        self._show_listen_state()

    async def shutdown(self) -> None:
        """Close the receiver (call before the window goes away)."""
        await self.receiver.stop()

    async def point_webhook_here(self) -> bool:
        """#10 with the receiver's URL, keeping the chosen events; asks before replacing a real address."""
        if not self.permission or not self.receiver.running:
            return False
        current = self.webhook.url
        if current and not is_loopback_url(current):
            sure = await confirm(
                self, self.tr("Point the webhook here?"),
                self.tr("The webhook now sends to {url}. Pointing it at this computer stops notifications "
                        "to that address until you change it back.").format(url=current),
                ok_text=self.tr("Point it here"), keep_text=self.tr("Leave it as it is"), destructive=True)
            if not sure:
                return False
        try:
            await self.webhook.save(self.receiver.url, self.webhook.events)
        except LokError as error:
            report(self, error, doing=self.tr("pointing the webhook here"))
            return False
        self._session.notify(self.tr("The webhook now points at this computer."))
        self._show_listen_state()
        return True

    def _on_request(self, request: ReceivedRequest) -> None:
        event = read_event(request, self.webhook.secret)
        self.events_model.append(event)
        self._show_listen_state()
        self.event_received.emit(event)

    @property
    def received(self) -> list[ReceivedEvent]:
        return self.events_model.rows

    def _check_received(self, index: QModelIndex) -> None:
        event = index.data(ROW_ROLE)
        if isinstance(event, ReceivedEvent):
            self.body_edit.setPlainText(event.request.body.decode("utf-8", errors="replace"))
            self.header_edit.setText(event.request.header(webhook.SIGNATURE_HEADER) or "")
            self.secret_edit.setText(self.webhook.secret)
            self.tabs.setCurrentIndex(1)
            self.check_signature()

    # ---- signature checker ------------------------------------------------------------------------
    def _build_checker(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint_label(self.tr(
            "Paste what your server received to see whether Lok sent it. The signature is "
            "Base64(HMAC-SHA256(secret, body)) over the exact bytes of the body."), page))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body_edit = QPlainTextEdit(page)
        self.body_edit.setAccessibleName(self.tr("Request body"))
        self.body_edit.setPlaceholderText(
            '{"reservation_id": "…", "shipment_id": "…", "status": "reserved", …}')
        self.body_edit.setTabChangesFocus(True)
        form.addRow(self.tr("&Body:"), self.body_edit)
        self.header_edit = QLineEdit(page)
        self.header_edit.setAccessibleName(self.tr("Lok-Signature header value"))
        self.header_edit.setPlaceholderText(self.tr("value of the Lok-Signature header"))
        form.addRow(self.tr("&Lok-Signature:"), self.header_edit)
        secret_row = QHBoxLayout()
        self.secret_edit = QLineEdit(page)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Secret to check with"))
        self.secret_edit.setPlaceholderText(self.tr("whsec_…"))
        self.use_secret_button = QPushButton(self.tr("Use current secret"), page)
        self.use_secret_button.setAccessibleName(self.tr("Use the webhook's current secret"))
        self.use_secret_button.clicked.connect(lambda: spawn(self.use_current_secret(), owner=self))
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.use_secret_button)
        secret_label = QLabel(self.tr("&Secret:"), page)
        secret_label.setBuddy(self.secret_edit)
        form.addRow(secret_label, secret_row)
        layout.addLayout(form, 1)
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check signature"), page)
        self.check_button.setAccessibleName(self.tr("Check signature"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check_signature)
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.check_result = QLabel(page)
        self.check_result.setWordWrap(True)
        self.check_result.setAccessibleDescription(self.tr("Signature check result"))
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.check_result)
        return page

    async def use_current_secret(self) -> None:
        if not self.webhook.loaded:
            try:
                await self.webhook.load()
            except LokError as error:
                report(self, error, doing=self.tr("reading the webhook secret"))
                return
        self.secret_edit.setText(self.webhook.secret)

    def check_signature(self) -> bool:
        # toPlainText() is what the person pasted; encode it back as UTF-8, the way Lok sends JSON.
        body = self.body_edit.toPlainText().encode("utf-8")
        ok, why = explain_signature(self.secret_edit.text(), body, self.header_edit.text())
        mark = "✓" if ok else "✗"
        self.check_result.setText(f"{mark} {say(why)}")
        colour = semantic_colour("good" if ok else "bad", self.palette())
        self.check_result.setStyleSheet(f"QLabel {{ color: {colour.name()}; font-weight: 600; }}")
        return ok

    # ---- delivery log (sandbox) -------------------------------------------------------------------
    def _build_deliveries(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if self._session.sandbox is None:
            layout.addWidget(hint_label(self.tr(
                "The delivery log is kept by the Lok sandbox only; the live Lok service does not publish "
                "it. Sign in to the sandbox to watch deliveries and retries."), page))
        else:
            layout.addWidget(hint_label(self.tr(
                "What the sandbox tried to deliver to the webhook: each attempt, the answer it got and "
                "when it tries again (the interval doubles after each failure)."), page))
        self.deliveries_model = RowTableModel(
            [
                (self.tr("#"), lambda d: str(d.id), lambda d: d.id),
                (self.tr("Event"), lambda d: _status_text(d.event), lambda d: d.event),
                (self.tr("Shipment"), lambda d: d.shipment_id or formatting.DASH, lambda d: d.shipment_id),
                (self.tr("Delivery"), lambda d: self.tr(DELIVERY_STATUS.get(d.status, d.status)),
                 lambda d: d.status),
                (self.tr("Attempts"), lambda d: str(d.attempts), lambda d: d.attempts),
                (self.tr("Last answer"),
                 lambda d: d.last_error or (f"HTTP {d.last_status_code}" if d.last_status_code else
                                            formatting.DASH),
                 lambda d: d.last_status_code or 0),
                (self.tr("Next retry"), lambda d: _local(d.next_attempt_at),
                 lambda d: d.next_attempt_at.timestamp() if d.next_attempt_at else 0.0),
                (self.tr("Delivered"), lambda d: _local(d.delivered_at),
                 lambda d: d.delivered_at.timestamp() if d.delivered_at else 0.0),
                (self.tr("Address"), lambda d: d.url, lambda d: d.url),
            ],
            self,
        )
        self.deliveries_table = record_list_view(
            self.deliveries_model, page, name=self.tr("Webhook deliveries"),
            sort_column=0, order=Qt.SortOrder.DescendingOrder, single_selection=False)
        layout.addWidget(self.deliveries_table, 1)
        row = QHBoxLayout()
        self.deliveries_status = ProblemLine(page, name=self.tr("Delivery log status"))
        self.refresh_deliveries_button = QPushButton(self.tr("Refresh log"), page)
        self.refresh_deliveries_button.setAccessibleName(self.tr("Refresh delivery log"))
        self.refresh_deliveries_button.clicked.connect(lambda: spawn(self.load_deliveries(), owner=self))
        row.addWidget(self.deliveries_status, 1)
        row.addWidget(self.refresh_deliveries_button)
        layout.addLayout(row)
        if self._session.sandbox is None:
            self.deliveries_table.setEnabled(False)
            self.refresh_deliveries_button.setEnabled(False)
            self.refresh_deliveries_button.setToolTip(self.tr("Only the sandbox keeps a delivery log."))
        return page

    async def load_deliveries(self) -> list[Delivery]:
        if self._session.sandbox is None:
            return []
        self.refresh_deliveries_button.setEnabled(False)
        try:
            # Through the session's one client: its failures are the client's kinds, so they read like
            # any other (never an exception's type name).
            items = await self._session.call(self._session.core.webhook_deliveries())
        except LokError as error:
            doing = self.tr("reading the delivery log")
            self.deliveries_status.show_problem(problem_for(error, doing=doing))
            return []
        finally:
            self.refresh_deliveries_button.setEnabled(True)
        deliveries = [Delivery.from_json(item) for item in items if isinstance(item, dict)]
        self.deliveries_model.set_rows(deliveries)
        waiting = sum(d.status in ("pending", "failed") for d in deliveries)
        self.deliveries_status.show_text(self.tr("{total} deliveries, {waiting} still to go · read at {time}")
                                       .format(total=len(deliveries), waiting=waiting,
                                               time=datetime.now().strftime("%H:%M:%S")))
        return deliveries

    @property
    def deliveries(self) -> list[Delivery]:
        return self.deliveries_model.rows

    # ---- pane protocol ----------------------------------------------------------------------------
    def start(self) -> None:
        spawn(self.refresh(), owner=self)

    async def refresh(self) -> None:
        try:
            await self.webhook.load()
        except LokError as error:
            report(self, error, doing=self.tr("loading the webhook"))
        if self._session.sandbox is not None:
            await self.load_deliveries()

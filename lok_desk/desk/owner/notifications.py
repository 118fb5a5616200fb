"""Notification settings pane: the webhook (address, events, on/off, secret) and notification e-mails."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.desk.kit.asyncqt import async_slot, run_dialog, spawn
from lok_desk.desk.kit.forms import ERROR_TEXT_STYLE, FieldError, email_problem, with_error
from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP, translate
from lok_desk.desk.kit.problems import announce, field_refused, what_happened
from lok_desk.desk.kit.records import (
    RowTableModel,
    apply_permission,
    error_field_for_keys,
    hint_label,
    webhook_url_problem,
)
from lok_desk.desk.owner.webhook_state import ALL_EVENTS, WebhookState
from lok_desk.desk.session import Session

# What each webhook event means, in words a front-desk owner uses (CONTRACT §7 "Fired when").
EVENT_TEXT: dict[str, tuple[str, str]] = {
    "reserved": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Reserved"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "A reservation is made, or a pre-reservation is confirmed."),
    ),
    "delivered": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Delivered"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The courier put the package in the locker."),
    ),
    "reopened": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Reopened"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The package was taken out and put back once (first alteration)."),
    ),
    "reopened2": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Reopened twice"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The package was altered in the locker a second time."),
    ),
    "picked_up": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Picked up"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The recipient took the package out of the locker."),
    ),
    "cancelled": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Cancelled"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The reservation was cancelled, in Lok Desk, the API or at the locker."),
    ),
    "undelivered": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Still not delivered"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "Sent every day while a package is late for delivery."),
    ),
    "unpicked": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Still not picked up"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "Sent every day while a package waits too long in the locker."),
    ),
}

UNSAVED_STYLE = "QLabel { color: palette(bright-text); font-weight: 600; }"   # the theme's warning red


def describe_events(events: tuple[str, ...] | None) -> str:
    if events is None:
        return translate("NotificationSettingsPane", "All events")
    if not events:
        return translate("NotificationSettingsPane", "(none)")
    return ", ".join(translate("NotificationSettingsPane", EVENT_TEXT.get(e, (e, ""))[0]) for e in events)


class ChangesDialog(QDialog):
    """Before/after of what is about to be saved, so nothing changes by surprise."""

    def __init__(self, title: str, changes: list[tuple[str, str, str]], *, save_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Check the changes before they are saved to Lok:"), self)
        layout.addWidget(intro)
        bold = QFont(self.font())
        bold.setBold(True)
        self.model = RowTableModel(
            [
                (self.tr("Setting"), lambda c: c[0], lambda c: c[0]),
                (self.tr("Now"), lambda c: c[1] or "—", lambda c: c[1]),
                (self.tr("After saving"), lambda c: c[2] or "—", lambda c: c[2]),
            ],
            self,
        )
        self.model.set_rows(changes)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)   # read-only: Tab moves on to the buttons, arrows move inside
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(save_text)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 120 + 34 * len(changes))


class NotificationSettingsPane(QWidget):
    """Owner/seller edit; reporter/admin read with the edit controls greyed out (reason as tooltip)."""

    webhook_saved = Signal()
    emails_saved = Signal()

    def __init__(self, session: Session, webhook: WebhookState | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Notification settings"))
        self._session = session
        self.webhook = webhook or WebhookState(session, self)
        self.permission = session.capabilities.can_write_company_settings()
        self._saved_url = ""
        self._saved_events: tuple[str, ...] | None = None
        self._saved_emails = models.NotificationEmails()
        self._emails_loaded = False
        self._busy = False
        self.diff_dialog: ChangesDialog | None = None

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(16, 12, 16, 16)
        column.setSpacing(14)
        title = QLabel(self.tr("<h2>Notifications</h2>How Lok tells your own systems and people about "
                               "parcels: a webhook for programs, e-mails for people."))
        title.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(self._build_webhook_group())
        column.addWidget(self._build_emails_group())
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Notification settings"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        apply_permission(self.permission, self._edit_controls())
        self.webhook.changed.connect(self._on_webhook_changed)
        self._update_dirty()

    # ---- building ---------------------------------------------------------------------------------
    def _build_webhook_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Webhook"))
        group.setAccessibleName(self.tr("Webhook"))
        layout = QVBoxLayout(group)
        layout.addWidget(hint_label(self.tr(
            "Lok sends an HTTPS POST to this address each time a parcel changes state, signed with the "
            "secret below (header Lok-Signature). Your server must answer 200; Lok retries otherwise."),
            group))

        status_row = QHBoxLayout()
        self.enabled_switch = QCheckBox(self.tr("Send notifications to the webhook"), group)
        self.enabled_switch.setAccessibleDescription(self.tr("Webhook on or off"))
        self.enabled_switch.clicked.connect(
            lambda checked: spawn(self.set_enabled(bool(checked)), owner=self))
        self.status_label = QLabel(group)
        self.status_label.setAccessibleDescription(self.tr("Webhook status"))
        status_row.addWidget(self.enabled_switch)
        status_row.addStretch(1)
        status_row.addWidget(self.status_label)
        layout.addLayout(status_row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.url_edit = QLineEdit(group)
        self.url_edit.setAccessibleName(self.tr("Webhook address"))
        self.url_edit.setPlaceholderText("https://example.com/lok-webhook")
        self.url_edit.textEdited.connect(self._update_dirty)
        url_box, self.url_error = with_error(self.url_edit, group)
        form.addRow(self.tr("&Address (URL):"), url_box)
        label = form.labelForField(url_box)
        if isinstance(label, QLabel):
            label.setBuddy(self.url_edit)

        # Secret: masked, with reveal and copy.
        secret_row = QHBoxLayout()
        self.secret_edit = QLineEdit(group)
        self.secret_edit.setReadOnly(True)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Webhook secret"))
        self.secret_edit.setPlaceholderText(self.tr("Lok creates the secret when you first save an address"))
        self.reveal_button = QToolButton(group)
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setCheckable(True)
        self.reveal_button.setAccessibleName(self.tr("Show secret"))
        self.reveal_button.setToolTip(self.tr("Show or hide the secret"))
        self.reveal_button.toggled.connect(self._on_reveal)
        self.copy_button = QToolButton(group)
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy secret"))
        self.copy_button.setToolTip(self.tr("Copy the secret, to paste it into your receiver's settings"))
        self.copy_button.clicked.connect(self.copy_secret)
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.reveal_button)
        secret_row.addWidget(self.copy_button)
        form.addRow(self.tr("Secret:"), secret_row)
        layout.addLayout(form)

        events_box = QGroupBox(self.tr("Events to send"), group)
        events_box.setAccessibleName(self.tr("Events to send"))
        events_layout = QVBoxLayout(events_box)
        self.all_events_radio = QRadioButton(self.tr("All events"), events_box)
        self.all_events_radio.setAccessibleName(self.tr("All events"))
        self.some_events_radio = QRadioButton(self.tr("Only the events ticked below"), events_box)
        self.some_events_radio.setAccessibleDescription(self.tr("Only chosen events"))
        self._events_mode = QButtonGroup(self)
        self._events_mode.addButton(self.all_events_radio)
        self._events_mode.addButton(self.some_events_radio)
        self.all_events_radio.setChecked(True)
        self.all_events_radio.toggled.connect(self._on_events_mode)
        self.some_events_radio.toggled.connect(self._on_events_mode)
        events_layout.addWidget(self.all_events_radio)
        events_layout.addWidget(hint_label(self.tr(
            "Lok sends every event, including any it adds in the future (the request leaves the event "
            "list out, which Lok reads as “all events”)."), events_box))
        events_layout.addWidget(self.some_events_radio)
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.event_checks: dict[str, QCheckBox] = {}
        for row, event in enumerate(ALL_EVENTS):
            name, meaning = EVENT_TEXT[event]
            check = QCheckBox(self.tr(name), events_box)
            check.setAccessibleName(self.tr("Event: {0}").format(self.tr(name)))
            check.setAccessibleDescription(self.tr(meaning))
            check.toggled.connect(self._update_dirty)
            self.event_checks[event] = check
            grid.addWidget(check, row, 0)
            explanation = hint_label(self.tr(meaning) + f"  ({event})", events_box)
            grid.addWidget(explanation, row, 1)
        grid.setColumnStretch(1, 1)
        events_layout.addLayout(grid)
        self.events_error = FieldError(events_box, events_box)
        events_layout.addWidget(self.events_error)
        layout.addWidget(events_box)

        actions = QHBoxLayout()
        self.webhook_unsaved = QLabel(self.tr("● Unsaved changes"), group)
        self.webhook_unsaved.setStyleSheet(UNSAVED_STYLE)
        self.webhook_unsaved.setAccessibleDescription(self.tr("Webhook has unsaved changes"))
        self.webhook_revert = QPushButton(self.tr("Revert"), group)
        self.webhook_revert.setAccessibleName(self.tr("Revert webhook changes"))
        self.webhook_revert.clicked.connect(self.revert_webhook)
        self.webhook_save = QPushButton(self.tr("Save webhook…"), group)
        self.webhook_save.setAccessibleName(self.tr("Save webhook"))
        self.webhook_save.clicked.connect(self._on_save_webhook)
        actions.addWidget(self.webhook_unsaved)
        actions.addStretch(1)
        actions.addWidget(self.webhook_revert)
        actions.addWidget(self.webhook_save)
        layout.addLayout(actions)
        self.webhook_message = QLabel(group)
        self.webhook_message.setWordWrap(True)
        self.webhook_message.setStyleSheet(ERROR_TEXT_STYLE)
        self.webhook_message.setAccessibleDescription(self.tr("Webhook problem"))
        self.webhook_message.hide()
        layout.addWidget(self.webhook_message)
        return group

    def _build_emails_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Notification e-mails"))
        group.setAccessibleName(self.tr("Notification e-mails"))
        layout = QVBoxLayout(group)
        layout.addWidget(hint_label(self.tr(
            "People Lok writes to about the lockers: the operator hears about day-to-day problems, the "
            "administrator about the account (and receives full activity reports). Leave a field empty "
            "to stop those e-mails."), group))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.operator_edit = QLineEdit(group)
        self.operator_edit.setAccessibleName(self.tr("Operator e-mail"))
        self.operator_edit.setPlaceholderText("operations@example.com")
        self.operator_edit.textEdited.connect(self._update_dirty)
        box, self.operator_error = with_error(self.operator_edit, group)
        form.addRow(self.tr("O&perator:"), box)   # Alt+O is the window's Location
        self.administrator_edit = QLineEdit(group)
        self.administrator_edit.setAccessibleName(self.tr("Administrator e-mail"))
        self.administrator_edit.setPlaceholderText("admin@example.com")
        self.administrator_edit.textEdited.connect(self._update_dirty)
        box2, self.administrator_error = with_error(self.administrator_edit, group)
        form.addRow(self.tr("A&dministrator:"), box2)
        for field, box_widget in ((self.operator_edit, box), (self.administrator_edit, box2)):
            label = form.labelForField(box_widget)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout.addLayout(form)
        actions = QHBoxLayout()
        self.emails_unsaved = QLabel(self.tr("● Unsaved changes"), group)
        self.emails_unsaved.setStyleSheet(UNSAVED_STYLE)
        self.emails_unsaved.setAccessibleDescription(self.tr("E-mails have unsaved changes"))
        self.emails_revert = QPushButton(self.tr("Revert"), group)
        self.emails_revert.setAccessibleName(self.tr("Revert e-mail changes"))
        self.emails_revert.clicked.connect(self.revert_emails)
        self.emails_save = QPushButton(self.tr("Save e-mails…"), group)
        self.emails_save.setAccessibleName(self.tr("Save e-mails"))
        self.emails_save.clicked.connect(self._on_save_emails)
        actions.addWidget(self.emails_unsaved)
        actions.addStretch(1)
        actions.addWidget(self.emails_revert)
        actions.addWidget(self.emails_save)
        layout.addLayout(actions)
        self.emails_message = QLabel(group)
        self.emails_message.setWordWrap(True)
        self.emails_message.setStyleSheet(ERROR_TEXT_STYLE)
        self.emails_message.setAccessibleDescription(self.tr("E-mail problem"))
        self.emails_message.hide()
        layout.addWidget(self.emails_message)
        return group

    def _edit_controls(self) -> list[QWidget]:
        return [self.enabled_switch, self.url_edit, self.all_events_radio, self.some_events_radio,
                *self.event_checks.values(), self.webhook_save, self.webhook_revert,
                self.operator_edit, self.administrator_edit, self.emails_save, self.emails_revert]

    # ---- loading ----------------------------------------------------------------------------------
    def start(self) -> None:
        spawn(self.refresh(), owner=self)

    async def refresh(self) -> None:
        """Load the webhook and e-mails. Fields with unsaved typing keep what was typed."""
        try:
            await self.webhook.load()
            emails = await self._session.call(self._session.service.get_notification_emails())
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("loading the notification settings"),
                                       parent=self)
            return
        webhook_dirty = self._webhook_dirty()
        emails_dirty = self._emails_loaded and self._emails_dirty()
        self._saved_emails = emails
        self._emails_loaded = True
        if not emails_dirty:
            self._fill_emails(emails)
        if webhook_dirty:
            self._session.notify(self.tr("Reloaded; your unsaved webhook changes are kept."))
        self._update_dirty()

    def _on_webhook_changed(self) -> None:
        """The shared webhook changed (loaded, saved here, or pointed at the local receiver)."""
        dirty = self._webhook_dirty()
        self._saved_url = self.webhook.url
        self._saved_events = self.webhook.events
        if not dirty:
            self._fill_webhook_form()
        self.secret_edit.setText(self.webhook.secret)
        self._show_status()
        self._update_dirty()

    def _fill_webhook_form(self) -> None:
        self.url_edit.setText(self._saved_url)
        self.url_error.clear_error()
        self.events_error.clear_error()
        self._set_events(self._saved_events)

    def _set_events(self, events: tuple[str, ...] | None) -> None:
        for check in self.event_checks.values():
            check.blockSignals(True)
        for event, check in self.event_checks.items():
            check.setChecked(events is None or event in events)
        for check in self.event_checks.values():
            check.blockSignals(False)
        (self.all_events_radio if events is None else self.some_events_radio).setChecked(True)
        self._on_events_mode()

    def _fill_emails(self, emails: models.NotificationEmails) -> None:
        self.operator_edit.setText(emails.operator or "")
        self.administrator_edit.setText(emails.administrator or "")
        self.operator_error.clear_error()
        self.administrator_error.clear_error()

    def _show_status(self) -> None:
        state = self.webhook
        self.enabled_switch.blockSignals(True)
        self.enabled_switch.setChecked(state.enabled)
        self.enabled_switch.blockSignals(False)
        if not state.configured:
            text = self.tr("◌ Not set up yet")
        elif state.enabled:
            text = self.tr("✓ On — Lok sends notifications")
        else:
            text = self.tr("✕ Off — Lok sends nothing")
        self.status_label.setText(text)
        if self.permission:
            self.enabled_switch.setEnabled(state.configured)
            self.enabled_switch.setToolTip(
                self.tr("Turns notifications on or off at once (the address and events stay).")
                if state.configured else self.tr("Save a webhook address first."))
        can_reveal = bool(state.secret)
        self.reveal_button.setEnabled(can_reveal)
        self.copy_button.setEnabled(can_reveal)

    # ---- form state -------------------------------------------------------------------------------
    def form_events(self) -> tuple[str, ...] | None:
        if self.all_events_radio.isChecked():
            return None
        return tuple(event for event, check in self.event_checks.items() if check.isChecked())

    def _webhook_dirty(self) -> bool:
        return (self.url_edit.text().strip() != self._saved_url
                or self.form_events() != self._saved_events)

    def _emails_dirty(self) -> bool:
        return (self.operator_edit.text().strip() != (self._saved_emails.operator or "")
                or self.administrator_edit.text().strip() != (self._saved_emails.administrator or ""))

    @property
    def has_unsaved_changes(self) -> bool:
        return self._webhook_dirty() or (self._emails_loaded and self._emails_dirty())

    def _update_dirty(self, *_: object) -> None:
        webhook_dirty = self._webhook_dirty()
        emails_dirty = self._emails_loaded and self._emails_dirty()
        self.webhook_unsaved.setVisible(webhook_dirty)
        self.emails_unsaved.setVisible(emails_dirty)
        if self.permission:
            self.webhook_revert.setEnabled(webhook_dirty)
            self.emails_revert.setEnabled(emails_dirty)
            self.webhook_save.setEnabled(webhook_dirty and not self._busy)
            self.emails_save.setEnabled(emails_dirty and not self._busy)

    def _on_events_mode(self, *_: object) -> None:
        some = self.some_events_radio.isChecked()
        for check in self.event_checks.values():
            check.setEnabled(some and bool(self.permission))
        self._update_dirty()

    def _on_reveal(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.reveal_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def copy_secret(self) -> None:
        if self.webhook.secret:
            QGuiApplication.clipboard().setText(self.webhook.secret)
            self._session.notify(self.tr("Secret copied. Keep it private, like a password."))

    def revert_webhook(self) -> None:
        self._fill_webhook_form()
        self.webhook_message.hide()
        self._update_dirty()

    def revert_emails(self) -> None:
        self._fill_emails(self._saved_emails)
        self.emails_message.hide()
        self._update_dirty()

    # ---- saving the webhook -----------------------------------------------------------------------
    def validate_webhook(self) -> bool:
        url_problem = webhook_url_problem(self.url_edit.text())
        self.url_error.show_error(self.tr(url_problem) if url_problem else "")
        events = self.form_events()
        events_problem = (self.tr("Tick at least one event, or choose “All events”.")
                          if events is not None and not events else "")
        self.events_error.show_error(events_problem)
        return not url_problem and not events_problem

    @async_slot()
    async def _on_save_webhook(self) -> None:
        await self.save_webhook()

    async def save_webhook(self) -> bool:
        """Check the form, show before/after, save (#10). On failure the typed values stay."""
        if self._busy or not self.permission:
            return False
        self.webhook_message.hide()
        if not self.validate_webhook():
            return False
        url = self.url_edit.text().strip()
        events = self.form_events()
        changes: list[tuple[str, str, str]] = []
        if url != self._saved_url:
            changes.append((self.tr("Address"), self._saved_url, url))
        if events != self._saved_events:
            changes.append((self.tr("Events"), self.tr(describe_events(self._saved_events)),
                            self.tr(describe_events(events))))
        if not changes:
            return False
        if not await self._confirm_changes(self.tr("Save webhook"), changes):
            return False
        self._busy = True
        self._update_dirty()
        try:
            await self.webhook.save(url, events)
        except LokError as error:
            self._show_webhook_error(error)
            return False
        finally:
            self._busy = False
            self._update_dirty()
        # Saved: the form now equals what Lok has.
        self._fill_webhook_form()
        self._update_dirty()
        self._session.notify(self.tr("Webhook saved."))
        self.webhook_saved.emit()
        return True

    def _show_webhook_error(self, error: LokError) -> None:
        field = error_field_for_keys(error.keys, ("url", "events"))
        if field == "url":
            self.url_error.show_error(field_refused())
            self.url_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif field == "events":
            self.events_error.show_error(field_refused())
        else:
            what = what_happened(error, self.tr("saving the webhook"))
            self.webhook_message.setText(self.tr("Not saved: {0} Your changes are still here; try "
                                                 "again.").format(what))
            self.webhook_message.show()
            announce(self.webhook_message, self.webhook_message.text(), assertive=True)

    async def _confirm_changes(self, title: str, changes: list[tuple[str, str, str]]) -> bool:
        dialog = ChangesDialog(title, changes, save_text=title, parent=self)
        self.diff_dialog = dialog
        try:
            return await run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            self.diff_dialog = None
            dialog.deleteLater()

    # ---- on/off -----------------------------------------------------------------------------------
    async def set_enabled(self, enabled: bool) -> bool:
        """#34. The switch shows what Lok has afterwards, not what was clicked."""
        if not self.permission or not self.webhook.configured:
            self._show_status()
            return False
        self.enabled_switch.setEnabled(False)
        try:
            message = await self.webhook.set_enabled(enabled)
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("turning the webhook on or off"), parent=self)
            self._show_status()
            return False
        finally:
            self.enabled_switch.setEnabled(True)
        self._session.notify(message or (self.tr("Webhook on.") if enabled else self.tr("Webhook off.")))
        return True

    # ---- saving e-mails ---------------------------------------------------------------------------
    def validate_emails(self) -> bool:
        ok = True
        for edit, error in ((self.operator_edit, self.operator_error),
                            (self.administrator_edit, self.administrator_error)):
            problem = email_problem(edit.text().strip())
            error.show_error(self.tr(problem) if problem else "")
            ok = ok and not problem
        return ok

    @async_slot()
    async def _on_save_emails(self) -> None:
        await self.save_emails()

    async def save_emails(self) -> bool:
        """Check both addresses, show before/after, save (#6): only changed ones; empty = stop."""
        if self._busy or not self.permission:
            return False
        self.emails_message.hide()
        if not self.validate_emails():
            return False
        operator = self.operator_edit.text().strip()
        administrator = self.administrator_edit.text().strip()
        before = self._saved_emails
        changes: list[tuple[str, str, str]] = []
        send: dict[str, str] = {}
        if operator != (before.operator or ""):
            changes.append((self.tr("Operator"), before.operator or "", operator))
            send["operator"] = operator
        if administrator != (before.administrator or ""):
            changes.append((self.tr("Administrator"), before.administrator or "", administrator))
            send["administrator"] = administrator
        if not changes:
            return False
        if not await self._confirm_changes(self.tr("Save e-mails"), changes):
            return False
        self._busy = True
        self._update_dirty()
        try:
            saved = await self._session.call(self._session.service.update_notification_emails(**send))
        except LokError as error:
            field = error_field_for_keys(error.keys, ("operator_email", "administrator_email"))
            if field == "operator_email":
                self.operator_error.show_error(field_refused())
                self.operator_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            elif field == "administrator_email":
                self.administrator_error.show_error(field_refused())
                self.administrator_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                what = what_happened(error, self.tr("saving the e-mails"))
                self.emails_message.setText(self.tr("Not saved: {0} Your changes are still here; try "
                                                    "again.").format(what))
                self.emails_message.show()
                announce(self.emails_message, self.emails_message.text(), assertive=True)
            return False
        finally:
            self._busy = False
            self._update_dirty()
        self._saved_emails = saved
        self._fill_emails(saved)
        self._update_dirty()
        self._session.notify(self.tr("Notification e-mails saved."))
        self.emails_saved.emit()
        return True


__all__ = ["EVENT_TEXT", "ChangesDialog", "NotificationSettingsPane", "describe_events"]

"""Notification settings pane: the webhook (address, events, on/off, secret) and notification e-mails.

A view of `NotificationsForm` (lok_desk/core/owner/notifications.py), which holds what was typed beside
what Lok has, checks it and saves it: the pane copies each edit into the form, shows its state, and shows
an outcome's problem on the fields it names (lok_desk/desk/kit/problem_views.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core.owner._flow import Outcome
from lok_desk.core.owner.notifications import ALL_EVENTS, EVENT_TEXT, Change, NotificationsForm
from lok_desk.core.problems import Problem, invalid
from lok_desk.desk.kit.asyncqt import async_slot, run_dialog, spawn
from lok_desk.desk.kit.forms import FieldError, with_error
from lok_desk.desk.kit.i18n import say
from lok_desk.desk.kit.problem_views import FormBinder, ProblemLine, tell
from lok_desk.desk.kit.records import apply_permission, hint_label
from lok_desk.desk.owner.changes_dialog import ChangesDialog
from lok_desk.desk.owner.webhook_state import WebhookState
from lok_desk.desk.qt_session import QtSession

UNSAVED_STYLE = "QLabel { color: palette(bright-text); font-weight: 600; }"   # the theme's warning red


class NotificationSettingsPane(QWidget):
    """Owner/seller edit; reporter/admin read with the edit controls greyed out (reason as tooltip)."""

    webhook_saved = Signal()
    emails_saved = Signal()

    def __init__(self, session: QtSession, webhook: WebhookState | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Notification settings"))
        self._session = session
        self.webhook = webhook or WebhookState(session, self)
        self.form = NotificationsForm(session.service, self.webhook.core, session.call)
        self.permission = session.capabilities.can_write_company_settings()
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

        self.webhook_binder = FormBinder(self.webhook_group, self.webhook_message)
        self.webhook_binder.add("url", self.url_edit, self.url_error)
        self.webhook_binder.add("events", self.some_events_radio, self.events_error)
        self.emails_binder = FormBinder(self.emails_group, self.emails_message)
        self.emails_binder.add("operator", self.operator_edit, self.operator_error)
        self.emails_binder.add("administrator", self.administrator_edit, self.administrator_error)
        apply_permission(self.permission, self._edit_controls())
        self.form.changed.add(self._show)
        self._show()

    # ---- building ---------------------------------------------------------------------------------
    def _build_webhook_group(self) -> QGroupBox:
        group = self.webhook_group = QGroupBox(self.tr("Webhook"))
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
        self.url_edit.textEdited.connect(self._on_url)
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

        layout.addWidget(self._build_events_box(group))

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
        self.webhook_message = ProblemLine(group, name=self.tr("Webhook problem"))
        layout.addWidget(self.webhook_message)
        return group

    def _build_events_box(self, group: QGroupBox) -> QGroupBox:
        """All events, or only the ticked ones, each with what it means."""
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
            name, meaning = EVENT_TEXT.get(event, (event, ""))
            check = QCheckBox(self.tr(name), events_box)
            check.setAccessibleName(self.tr("Event: {0}").format(self.tr(name)))
            check.setAccessibleDescription(self.tr(meaning))
            check.toggled.connect(lambda on, e=event: self._on_event(e, on))
            self.event_checks[event] = check
            grid.addWidget(check, row, 0)
            explanation = hint_label(self.tr(meaning) + f"  ({event})", events_box)
            grid.addWidget(explanation, row, 1)
        grid.setColumnStretch(1, 1)
        events_layout.addLayout(grid)
        self.events_error = FieldError(events_box, events_box)
        events_layout.addWidget(self.events_error)
        return events_box

    def _build_emails_group(self) -> QGroupBox:
        group = self.emails_group = QGroupBox(self.tr("Notification e-mails"))
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
        self.operator_edit.textEdited.connect(self._on_email)
        box, self.operator_error = with_error(self.operator_edit, group)
        form.addRow(self.tr("O&perator:"), box)   # Alt+O is the window's Location
        self.administrator_edit = QLineEdit(group)
        self.administrator_edit.setAccessibleName(self.tr("Administrator e-mail"))
        self.administrator_edit.setPlaceholderText("admin@example.com")
        self.administrator_edit.textEdited.connect(self._on_email)
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
        self.emails_message = ProblemLine(group, name=self.tr("E-mail problem"))
        layout.addWidget(self.emails_message)
        return group


    def _edit_controls(self) -> list[QWidget]:
        return [self.enabled_switch, self.url_edit, self.all_events_radio, self.some_events_radio,
                *self.event_checks.values(), self.webhook_save, self.webhook_revert,
                self.operator_edit, self.administrator_edit, self.emails_save, self.emails_revert]

    # ---- edits go into the form ---------------------------------------------------------------------
    def _on_url(self, text: str) -> None:
        self.form.url = text
        self._show()

    def _on_event(self, event: str, on: bool) -> None:
        self.form.set_event(event, on)
        self._show()

    def _on_events_mode(self, *_: object) -> None:
        if self.all_events_radio.isChecked():
            self.form.events = None
        elif self.form.events is None:
            self.form.events = tuple(e for e, check in self.event_checks.items() if check.isChecked())
        self._show()

    def _on_email(self, *_: object) -> None:
        self.form.operator = self.operator_edit.text()
        self.form.administrator = self.administrator_edit.text()
        self._show()

    # ---- the form's state on screen -----------------------------------------------------------------
    def _show(self) -> None:
        form = self.form
        if self.url_edit.text() != form.url:
            self.url_edit.setText(form.url)
        for widget, value in ((self.operator_edit, form.operator),
                              (self.administrator_edit, form.administrator)):
            if widget.text() != value:
                widget.setText(value)
        chosen = set(form.events) if form.events is not None else set(ALL_EVENTS)
        for event, check in self.event_checks.items():
            if check.isChecked() != (event in chosen):
                check.blockSignals(True)
                check.setChecked(event in chosen)
                check.blockSignals(False)
            check.setEnabled(form.events is not None and bool(self.permission))
        radio = self.all_events_radio if form.events is None else self.some_events_radio
        if not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)
        self.secret_edit.setText(self.webhook.secret)
        self.secret_edit.setPlaceholderText(self._secret_placeholder())
        self._show_status()
        webhook_dirty, emails_dirty = form.webhook_dirty, form.emails_dirty
        self.webhook_unsaved.setVisible(webhook_dirty)
        self.emails_unsaved.setVisible(emails_dirty)
        if self.permission:
            self.webhook_revert.setEnabled(webhook_dirty)
            self.emails_revert.setEnabled(emails_dirty)
            self.webhook_save.setEnabled(webhook_dirty and not form.busy)
            self.emails_save.setEnabled(emails_dirty and not form.busy)

    def _secret_placeholder(self) -> str:
        """What the empty secret field means: none yet, or one Lok shows only to owners and sellers."""
        if self.webhook.configured and not self.webhook.secret:
            return self.tr("A secret exists; only owners and sellers may see it")
        return self.tr("Lok creates the secret when you first save an address")

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
        self.reveal_button.setEnabled(bool(state.secret))
        self.copy_button.setEnabled(bool(state.secret))

    def _on_reveal(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.reveal_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def copy_secret(self) -> None:
        if self.webhook.secret:
            QGuiApplication.clipboard().setText(self.webhook.secret)
            self._session.notify(self.tr("Secret copied. Keep it private, like a password."))

    def revert_webhook(self) -> None:
        self.webhook_binder.clear()
        self.form.revert_webhook()

    def revert_emails(self) -> None:
        self.emails_binder.clear()
        self.form.revert_emails()

    # ---- loading ------------------------------------------------------------------------------------
    def start(self) -> None:
        spawn(self.refresh(), owner=self)

    async def refresh(self) -> None:
        """Load the webhook and e-mails. Fields with unsaved typing keep what was typed."""
        problem = await self.form.load()
        if problem is not None:
            tell(self, problem)
        elif self.form.webhook_dirty:
            self._session.notify(self.tr("Reloaded; your unsaved webhook changes are kept."))

    # ---- saving -------------------------------------------------------------------------------------
    def _shown(self, outcome: Outcome[object], binder: FormBinder) -> bool:
        """Show an outcome's problem on the fields it names; True when it went through."""
        if outcome.problem is None:
            binder.clear()
            return True
        binder.show(outcome.problem, {field: say(text) for field, text in outcome.messages})
        return False

    async def _confirm(self, title: str, changes: list[Change]) -> bool:
        dialog = ChangesDialog(title, changes, save_text=title, parent=self)
        self.diff_dialog = dialog
        try:
            return await run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            self.diff_dialog = None
            dialog.deleteLater()

    @async_slot()
    async def _on_save_webhook(self) -> None:
        await self.save_webhook()

    async def save_webhook(self) -> bool:
        """Check the form, show before/after, save (#10). On failure the typed values stay."""
        if self.form.busy or not self.permission:
            return False
        self.webhook_binder.clear()
        if (problems := self.form.webhook_problems()):
            return self._shown(Outcome(problem=self._invalid(problems), messages=tuple(problems.items())),
                               self.webhook_binder)
        changes = self.form.webhook_changes()
        if not changes or not await self._confirm(self.tr("Save webhook"), changes):
            return False
        outcome = await self.form.save_webhook()
        self._show()
        if not self._shown(outcome, self.webhook_binder):
            return False
        self._session.notify(self.tr("Webhook saved."))
        self.webhook_saved.emit()
        return True

    async def set_enabled(self, enabled: bool) -> bool:
        """#34. The switch shows what Lok has afterwards, not what was clicked."""
        if not self.permission or not self.webhook.configured:
            self._show_status()
            return False
        self.enabled_switch.setEnabled(False)
        outcome = await self.form.set_enabled(enabled)
        self.enabled_switch.setEnabled(True)
        self._show_status()
        if outcome.problem is not None:
            tell(self, outcome.problem)
            return False
        done = self.tr("Webhook on.") if enabled else self.tr("Webhook off.")
        self._session.notify(outcome.value or done)
        return True

    @async_slot()
    async def _on_save_emails(self) -> None:
        await self.save_emails()

    async def save_emails(self) -> bool:
        """Check both addresses, show before/after, save (#6): only changed ones; empty = stop."""
        if self.form.busy or not self.permission:
            return False
        self.emails_binder.clear()
        if (problems := self.form.email_problems()):
            return self._shown(Outcome(problem=self._invalid(problems), messages=tuple(problems.items())),
                               self.emails_binder)
        changes = self.form.email_changes()
        if not changes or not await self._confirm(self.tr("Save e-mails"), changes):
            return False
        outcome = await self.form.save_emails()
        self._show()
        if not self._shown(outcome, self.emails_binder):
            return False
        self._session.notify(self.tr("Notification e-mails saved."))
        self.emails_saved.emit()
        return True

    @staticmethod
    def _invalid(problems: Mapping[str, object]) -> Problem:
        return invalid(*problems)


__all__ = ["NotificationSettingsPane"]

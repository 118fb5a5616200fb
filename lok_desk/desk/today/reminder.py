"""Remind a recipient whose parcel waits past its pick-up date (or was never delivered): the message, in
English or Spanish, copied for the phone or a chat, or opened in the mail client (`mailto:`).

The text is lok_desk.core.reminders': the location's address and opening hours, never a code (Lok has no
"resend code" endpoint; the recipient's own Lok notification has the code, or the desk helps in person).
The person may edit the text before copying it; a text that holds a box-opening code the desk knows is
refused. Every reminder prepared is recorded in the desk history (who, for which reservation, how).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.history import Action, Outcome
from lok_desk.core.reminders import Language, Reminder, contact_of, contains_code, mailto, reminder
from lok_desk.desk.kit.problem_views import ProblemLine
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for

OpenUrl = Callable[[QUrl], bool]
#: How the mail client is opened (tests hand in their own).
OPEN_URL: OpenUrl = QDesktopServices.openUrl


def default_language() -> Language:
    return Language.ES if QLocale().language() == QLocale.Language.Spanish else Language.EN


class ReminderDialog(QDialog):
    """One recipient's reminder; non-modal, so the board stays usable beside it."""

    def __init__(self, session: QtSession, reservation: models.Reservation, parent: QWidget | None = None, *,
                 open_url: OpenUrl = OPEN_URL) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remind the recipient"))
        self.setAccessibleName(self.tr("Remind the recipient"))
        self._session = session
        self._open_url = open_url
        self.reservation = reservation
        self.contact = contact_of(reservation)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        dash = "—"
        for caption, value in ((self.tr("Recipient"), self.contact.name or dash),
                               (self.tr("Phone"), self.contact.phone or dash),
                               (self.tr("E-mail"), self.contact.email or dash),
                               (self.tr("Shipment id"), reservation.shipment_id or reservation.id or dash)):
            label = QLabel(value, self)
            label.setAccessibleDescription(caption)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, label)
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language of the message"))
        self.language_combo.addItem("English", Language.EN.value)
        self.language_combo.addItem("Español", Language.ES.value)
        self.language_combo.setCurrentIndex(self.language_combo.findData(default_language().value))
        self.language_combo.currentIndexChanged.connect(lambda _i: self.write_message())
        form.addRow(self.tr("&Language"), self.language_combo)
        layout.addLayout(form)
        self.message_edit = QPlainTextEdit(self)
        self.message_edit.setAccessibleName(self.tr("Reminder message"))
        self.message_edit.setTabChangesFocus(True)
        layout.addWidget(self.message_edit, 1)
        self.status = ProblemLine(self, name=self.tr("Reminder status"))
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy message"), self)
        self.copy_button.setAccessibleName(self.tr("Copy message"))
        self.copy_button.clicked.connect(self.copy_message)
        self.mail_button = QPushButton(self.tr("Open in &mail…"), self)
        self.mail_button.setAccessibleName(self.tr("Open in mail…"))
        self.mail_button.setEnabled(bool(self.contact.email))
        if not self.contact.email:
            self.mail_button.setToolTip(self.tr("Lok has no e-mail address for this recipient."))
        self.mail_button.clicked.connect(self.open_mail)
        close = QPushButton(self.tr("Close"), self)
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.copy_button, self.mail_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(620, 480)
        self.write_message()
        self.language_combo.setFocus()

    def language(self) -> Language:
        return Language(str(self.language_combo.currentData()))

    def message(self) -> tuple[str, str]:
        """(subject, body) as it stands (the person may have edited the body)."""
        location = self._session.location(self.reservation.location_id)
        written = reminder(self.reservation, location, self.language(), self._session.server_now())
        return written.subject, self.message_edit.toPlainText()

    def write_message(self) -> None:
        location = self._session.location(self.reservation.location_id)
        written = reminder(self.reservation, location, self.language(), self._session.server_now())
        self.message_edit.setPlainText(written.body)

    def _holds_a_code(self, text: str) -> bool:
        known = self._session.store.tokens.tokens_of(self.reservation.id or "")
        if known is None:
            return False
        tokens, confirmation = known
        codes = [tokens.token(name) for name in models.TOKEN_NAMES] + [confirmation]
        if contains_code(text, codes):
            self.status.show_text(self.tr("The message holds a box-opening code: remove it first. Only the "
                                          "recipient's own Lok notification should carry the code."),
                                  error=True)
            return True
        return False

    def _record(self, how: str) -> None:
        recorder_for(self._session).record(
            Action.PREPARED_REMINDER, Outcome.DONE, self.reservation,
            detail=f"{how}; {self.language().value}; {self.contact.name or self.contact.email}")

    def copy_message(self) -> bool:
        subject, body = self.message()
        if self._holds_a_code(subject + body):
            return False
        QGuiApplication.clipboard().setText(body)
        self._record("copied")
        self.status.show_text(self.tr("Copied: paste it into a text message or chat."))
        return True

    def open_mail(self) -> bool:
        subject, body = self.message()
        if not self.contact.email or self._holds_a_code(subject + body):
            return False
        url = mailto(self.contact, Reminder(subject, body))
        opened = self._open_url(QUrl(url))
        if opened:
            self._record("mailto")
            self.status.show_text(self.tr("The mail client opened with the message."))
        else:
            self.status.show_text(self.tr("No mail client opened. Copy the message instead."), error=True)
        return opened

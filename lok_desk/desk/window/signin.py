"""The sign-in window: pick a server, then one-click demo roles (sandbox) or client id + secret."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core.problems import Problem
from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP
from lok_desk.desk.kit.problem_views import FormBinder, ProblemLine
from lok_desk.desk.kit.widgets import EnvironmentBadge
from lok_desk.desk.roles import role_label
from lok_desk.resources import app_icon

PRODUCTION_KEY = "production"
SANDBOX_KEY = "sandbox"
CUSTOM_KEY = "custom"


@dataclass(frozen=True)
class ServerChoice:
    """One server the sign-in offers. `key` is what settings and the keyring remember it by."""

    key: str
    label: str
    api_url: str          # empty for "custom" until the person types one
    environment: str      # "PRODUCTION" | "SANDBOX" | "CUSTOM"


# What each demo role may do, in one line (docs/decisions.md, Who may do what).
DEMO_ROLE_LINES: dict[str, str] = {
    "owner": QT_TRANSLATE_NOOP(
        "SignInDialog", "Creates and cancels reservations at every location; edits company settings."),
    "employee": QT_TRANSLATE_NOOP(
        "SignInDialog", "Works with reservations at one location only (the first demo location)."),
    "reporter": QT_TRANSLATE_NOOP(
        "SignInDialog", "Reads every location and reservation of the company; changes nothing."),
    "seller": QT_TRANSLATE_NOOP(
        "SignInDialog", "Like an owner, plus pre-reservations in the Lok public network."),
    "admin": QT_TRANSLATE_NOOP(
        "SignInDialog", "Lok administrator: reads every company's data; changes nothing."),
}


class SignInDialog(QDialog):
    """Shows choices and reports what the person asked for; the sign-in itself is done by the shell."""

    sign_in_requested = Signal(str, str, str, bool)   # (server key, client id, client secret, remember)
    demo_requested = Signal(str)                      # demo role name
    server_changed = Signal(str)                      # server key
    cancel_requested = Signal()                       # Cancel pressed while a sign-in is running

    def __init__(
        self,
        servers: list[ServerChoice],
        *,
        current_key: str,
        custom_url: str = "",
        client_id: str = "",
        keyring_available: bool,
        keyring_refused: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — Lok Desk"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(760)
        self._servers = {server.key: server for server in servers}
        self._busy = False

        title = QLabel(self.tr("Sign in to Lok Desk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Choose the Lok server, then sign in with your company's API client."))
        subtitle.setWordWrap(True)

        # --- server ------------------------------------------------------------------------------
        self.server_combo = QComboBox()
        self.server_combo.setAccessibleName(self.tr("Server"))
        for server in servers:
            self.server_combo.addItem(server.label, server.key)
        self.custom_url_edit = QLineEdit(custom_url)
        self.custom_url_edit.setPlaceholderText("https://lok.example.com/api/v2")
        self.custom_url_edit.setAccessibleName(self.tr("Custom server address"))
        self.badge = EnvironmentBadge()
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_combo, 1)
        server_row.addWidget(self.badge)

        self._build_demo_box()
        self._build_credentials(client_id, keyring_available, keyring_refused)
        self._focus_before: QWidget | None = None
        progress_row = self._build_problem_and_buttons()
        layout = self._lay_out(title, subtitle, server_row, progress_row)

        self.server_combo.currentIndexChanged.connect(self._on_server_changed)
        index = self.server_combo.findData(current_key)
        self.server_combo.setCurrentIndex(max(index, 0))
        self._on_server_changed()
        # An explicit minimum width overrides the layout's own minimum, so take the larger (measured
        # once the demo box shows): the demo lines are one line each, and a translation may need
        # more than the English 760 px.
        self.setMinimumWidth(max(760, layout.minimumSize().width()))
        self.setTabOrder(self.server_combo, self.custom_url_edit)
        self.setTabOrder(self.custom_url_edit, self.client_id_edit)
        self.setTabOrder(self.client_id_edit, self.secret_edit)
        self.setTabOrder(self.secret_edit, self.remember_check)
        self.setTabOrder(self.remember_check, self.sign_in_button)

    # ---- building ---------------------------------------------------------------------------------
    def _build_demo_box(self) -> None:
        """One button per demo role, with what that role may do (sandbox only)."""
        self.demo_box = QGroupBox(self.tr("Try a demo role (sandbox data on this computer)"))
        demo_grid = QGridLayout(self.demo_box)
        demo_grid.setColumnStretch(1, 1)
        demo_grid.setHorizontalSpacing(12)
        self.demo_buttons: dict[str, QPushButton] = {}
        for row, (role, line) in enumerate(DEMO_ROLE_LINES.items()):
            button = QPushButton(self.tr("Sign in as {role}").format(role=role_label(role)))
            button.setAccessibleName(self.tr("Sign in as demo {role}").format(role=role_label(role)))
            button.setToolTip(self.tr(line))
            button.setMinimumWidth(max(160, button.sizeHint().width()))  # never below its own words
            button.clicked.connect(lambda _checked=False, role=role: self._ask_demo(role))
            description = QLabel(self.tr(line))
            # One line each: a wrapped label in a grid row was clipped to one line's height when a
            # translation ran longer than English; the dialog grows to fit instead.
            description.setBuddy(button)
            demo_grid.addWidget(button, row, 0)
            demo_grid.addWidget(description, row, 1)
            self.demo_buttons[role] = button


    def _build_credentials(self, client_id: str, keyring_available: bool,
                           keyring_refused: str | None) -> None:
        """Server address, client id and secret, and whether the secret may be remembered."""
        self.credentials_box = QGroupBox(self.tr("Sign in with client credentials"))
        form = QFormLayout(self.credentials_box)
        self.custom_url_label = QLabel(self.tr("Server &address:"))
        self.custom_url_label.setBuddy(self.custom_url_edit)
        form.addRow(self.custom_url_label, self.custom_url_edit)
        self.client_id_edit = QLineEdit(client_id)
        self.client_id_edit.setAccessibleName(self.tr("Client id"))
        self.client_id_edit.setPlaceholderText(self.tr("as issued by Lok"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Client secret"))
        form.addRow(self.tr("Client &id:"), self.client_id_edit)
        form.addRow(self.tr("Client &secret:"), self.secret_edit)
        self.remember_check = QCheckBox(self.tr("Remember the secret in this computer's keyring"))
        self.remember_check.setAccessibleName(self.tr("Remember the secret"))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        form.addRow("", self.remember_check)
        form.addRow("", self.keyring_note)
        self.remember_check.setChecked(keyring_available)
        self.remember_check.setVisible(keyring_available)
        self.keyring_note.setVisible(not keyring_available)
        if not keyring_available and keyring_refused:
            # keyrings.alt and the like: a plain file anyone who copies the disk can read.
            self.keyring_note.setText(self.tr(
                "This computer's keyring ({0}) would keep the client secret in a plain file, so Lok "
                "Desk does not use it. The secret stays in memory only while you are signed in; you "
                "will type it again at each sign-in.").format(keyring_refused))
        elif not keyring_available:
            self.keyring_note.setText(self.tr(
                "This computer has no system keyring, so Lok Desk will not store the client secret. "
                "You will type it again at each sign-in."))


    def _build_problem_and_buttons(self) -> QHBoxLayout:
        """The problem line (with the fields a refusal names), the progress row, Sign in and Cancel."""
        self.error_label = ProblemLine(self, name=self.tr("Sign-in problem"), error_style=(
            "QLabel { background: #FDECEA; color: #611A15; border: 1px solid #F5C2C0;"
            " border-radius: 4px; padding: 8px; }"))
        # The fields a refused sign-in names (a bad client id and secret marks both).
        self.binder = FormBinder(self, self.error_label)
        self.binder.add("client_id", self.client_id_edit)
        self.binder.add("client_secret", self.secret_edit)
        self.binder.add("url", self.custom_url_edit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Signing in"))
        self.progress_label = QLabel()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        self.progress.hide()

        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.sign_in_button.clicked.connect(self._ask_sign_in)
        self.cancel_button.clicked.connect(self.reject)  # reject() below stops a running attempt first
        self.sign_in_button.setDefault(True)
        # Enter in either field signs in, whichever button last had focus.
        self.client_id_edit.returnPressed.connect(self._ask_sign_in)
        self.secret_edit.returnPressed.connect(self._ask_sign_in)
        self.sign_in_button.setAutoDefault(False)

        return progress_row

    def _lay_out(self, title: QLabel, subtitle: QLabel, server_row: QHBoxLayout,
                progress_row: QHBoxLayout) -> QVBoxLayout:
        """Heading, server, demo roles, credentials, problem, progress, buttons — top to bottom."""
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        header = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(48, 48))
        header.addWidget(logo)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(subtitle)
        header.addLayout(heading, 1)
        layout.addLayout(header)
        layout.addWidget(rule)
        server_form = QFormLayout()
        server_label = QLabel(self.tr("Se&rver:"))
        server_label.setBuddy(self.server_combo)
        server_form.addRow(server_label, server_row)
        layout.addLayout(server_form)
        layout.addWidget(self.demo_box)
        layout.addWidget(self.credentials_box)
        layout.addWidget(self.error_label)
        layout.addLayout(progress_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        return layout

    # ---- what the person chose ---------------------------------------------------------------------
    def server_key(self) -> str:
        return str(self.server_combo.currentData())

    def custom_url(self) -> str:
        return self.custom_url_edit.text().strip()

    def _on_server_changed(self) -> None:
        server = self._servers.get(self.server_key())
        is_sandbox = server is not None and server.environment == "SANDBOX"
        is_custom = self.server_key() == CUSTOM_KEY
        self.demo_box.setVisible(is_sandbox)
        self.custom_url_edit.setVisible(is_custom)
        self.custom_url_label.setVisible(is_custom)
        if server is not None:
            self.badge.set_environment(server.environment, server.api_url or self.custom_url())
        self.clear_error()
        self.server_changed.emit(self.server_key())
        self.adjustSize()

    def _ask_demo(self, role: str) -> None:
        if not self._busy:
            self.clear_error()
            self.demo_requested.emit(role)

    def _ask_sign_in(self) -> None:
        if self._busy:
            return
        if self.server_key() == CUSTOM_KEY and not self.custom_url():
            self.show_error(self.tr("Type the address of your Lok server."),
                            self.tr("For example https://lok.example.com/api/v2."))
            self.custom_url_edit.setFocus()
            return
        client_id = self.client_id_edit.text().strip()
        secret = self.secret_edit.text()
        if not client_id or not secret:
            self.show_error(self.tr("Type both the client id and the client secret."),
                            self.tr("Your company's Lok contact issues them."))
            (self.client_id_edit if not client_id else self.secret_edit).setFocus()
            return
        self.clear_error()
        self.sign_in_requested.emit(self.server_key(), client_id, secret, self.remember_check.isChecked())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter is handled by the fields (returnPressed) and by a focused button itself; QDialog's own
        # "press the default button" would fire a second time, and once the fields lock while busy it
        # may pick Cancel and stop the sign-in that was just started.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        # While signing in, Cancel/Escape stops the attempt and keeps the window; a second press closes.
        if self._busy:
            self.cancel_requested.emit()
            return
        super().reject()

    # ---- what the shell tells us -------------------------------------------------------------------
    def set_busy(self, busy: bool, text: str = "") -> None:
        """While signing in: progress shown, inputs locked, Cancel stops the attempt."""
        if busy and not self._busy:
            # Where the person was (a demo button, Sign in): focus goes back there afterwards, not to
            # Cancel, the only control left enabled meanwhile.
            self._focus_before = self.focusWidget()
        self._busy = busy
        self.progress.setVisible(busy)
        self.progress_label.setText(text if busy else "")
        for widget in (self.server_combo, self.custom_url_edit, self.client_id_edit, self.secret_edit,
                       self.remember_check, self.sign_in_button, *self.demo_buttons.values()):
            widget.setEnabled(not busy)

    def show_problem(self, problem: Problem) -> None:
        """A refused sign-in: the fields it names marked (text kept), the sentence on the problem line."""
        if not self.binder.show(problem):
            self._focus_back()
        elif self._focus_before is not None and self.binder.is_marked_widget(self._focus_before):
            # Among the marked fields, back to the one the person was in (they pressed Enter there).
            self._focus_before.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, what: str, next_step: str = "") -> None:
        """A message that is not a failure of Lok's (the person stopped the sign-in)."""
        self.binder.clear()
        self.error_label.show_text(" ".join(part for part in (what, next_step) if part), error=True)
        self._focus_back()

    def _focus_back(self) -> None:
        # Focus back where the person can act on it (never left on Cancel).
        target = self._focus_before
        if target is None or not target.isEnabled() or not target.isVisible() or target is self.cancel_button:
            target = self.client_id_edit if self.client_id_edit.isVisible() else self.server_combo
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        self.binder.clear()

    def error_text(self) -> str:
        """The problem as plain text (for tests and screen readers)."""
        return self.error_label.text()

    @property
    def busy(self) -> bool:
        return self._busy


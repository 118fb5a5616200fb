"""The code inspector pane: scan or type any code and read what it is and whether it works now.

Built for a barcode scanner in keyboard-wedge mode: the field has the focus, a scan ends in Enter,
the answer appears and the field is selected again, so the next scan replaces it; no mouse is needed
(Alt+O opens the reservation, Alt+C copies, Alt+P prints the slip that fits). The rules are
lok_desk.core.codes; the words are words.py; this pane only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core.codes import (
    Lookup,
    Searched,
    TokensHidden,
    look_up_code,
    may_copy,
    tokens_hidden_reason,
)
from lok_desk.desk.inspector.words import kind_text, verdict_text
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problems import announce, problem_from, sentence
from lok_desk.desk.kit.scanner import mark_scan_target
from lok_desk.desk.kit.theme import DARK, HIGH_CONTRAST, LIGHT, theme_of
from lok_desk.desk.kit.tokens_view import PrinterChooser, TokensView, ask_printer, hidden_text
from lok_desk.desk.qt_session import QtSession

#: (works, does not work) text colours with at least 4.5:1 contrast on each theme's window colour.
VERDICT_COLOURS: dict[str, tuple[str, str]] = {
    LIGHT: ("#1B6E34", "#B00020"),
    DARK: ("#8FE3A4", "#FF9E9E"),
    HIGH_CONTRAST: ("#00FF7F", "#FFFF00"),
}


def searched_text(lookup: Lookup) -> str:
    """ "Searched: 12 reservations' codes known to this desk, …": what "not found" covered."""
    parts: list[str] = []
    for place, count in lookup.searched:
        if place is Searched.KNOWN_CODES:
            parts.append(translate("CodeInspector", "codes of {0} reservations read at this desk").format(
                count or 0))
        elif place is Searched.KNOWN_RESERVATIONS:
            parts.append(translate("CodeInspector", "ids and shipment ids of {0} loaded reservations").format(
                count or 0))
        elif place is Searched.RECENT_ON_LOK:
            parts.append(translate("CodeInspector", "every reservation of the last {0} days, read from Lok")
                         .format(count or 0))
    said = translate("CodeInspector", "Searched: {0}.").format("; ".join(parts))
    # What was not searched, and that nothing typed left the desk (docs/decisions.md).
    return said + " " + translate(
        "CodeInspector", "Not searched: older reservations. What you typed was not sent to Lok.")


class CodeInspector(QWidget):
    """Type or scan → kind, reservation, works-now verdict and why; open, copy, print from here."""

    #: A reservation to show in the Reservations pane (its id).
    open_requested = Signal(str)

    def __init__(self, session: QtSession, parent: QWidget | None = None, *,
                 choose_printer: PrinterChooser = ask_printer,
                 on_open_reservation: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lookup: Lookup | None = None
        if on_open_reservation is not None:
            self.open_requested.connect(on_open_reservation)
        self.setAccessibleName(self.tr("Code inspector"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Scan or type a token, shipment id, reservation id or confirmation code, "
                               "then press Enter."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("Code (a scanner's Enter inspects it)"))
        self.code_edit.setAccessibleName(self.tr("Code to inspect"))
        self.code_edit.setClearButtonEnabled(True)
        mark_scan_target(self.code_edit)   # a scan here is inspected, not sent to Find
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.3 if font.pointSizeF() > 0 else 13)
        self.code_edit.setFont(font)
        self.code_edit.returnPressed.connect(lambda: spawn(self.inspect(self.code_edit.text()), owner=self))
        row.addWidget(self.code_edit, 1)
        self.at_combo = QComboBox(self)
        self.at_combo.setAccessibleName(self.tr("Typed at the locker of"))
        caps = session.capabilities
        if caps.sees_all_locations:
            self.at_combo.addItem(self.tr("any location"), None)
            for location in session.locations:
                self.at_combo.addItem(location.internal_name or location.id, location.id)
        else:
            self.at_combo.addItem(session.location_name(caps.location_id), caps.location_id)
        at_label = QLabel(self.tr("&At the locker of"), self)
        at_label.setBuddy(self.at_combo)
        row.addWidget(at_label)
        row.addWidget(self.at_combo)
        layout.addLayout(row)

        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        verdict_font = QFont(self.verdict.font())
        verdict_font.setPointSizeF(verdict_font.pointSizeF() * 1.3)
        verdict_font.setBold(True)
        self.verdict.setFont(verdict_font)
        self.verdict.setAccessibleDescription(self.tr("Does it work"))
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict)
        form = self.form = QFormLayout()
        self.kind_label = QLabel(self)
        self.reservation_label = QLabel(self)
        self.status_label = QLabel(self)
        self.searched_label = QLabel(self)
        self.tokens_label = QLabel(self)
        for label in (self.kind_label, self.reservation_label, self.status_label, self.searched_label,
                      self.tokens_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for name, label in ((self.tr("Kind"), self.kind_label),
                            (self.tr("Reservation"), self.reservation_label),
                            (self.tr("Status"), self.status_label), (self.tr("Tokens"), self.tokens_label),
                            (self.tr("Searched"), self.searched_label)):
            form.addRow(name, label)
            label.setAccessibleName(name)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open reservation (Alt+O)"), self)
        self.copy_button = QPushButton(self.tr("Copy code (Alt+C)"), self)
        self.print_button = QPushButton(self.tr("Print slip (Alt+P)"), self)
        # Explicit shortcuts rather than "&" mnemonics: they work on every platform (some hide or drop
        # mnemonics) and the keys are written on the buttons for a person who never uses the mouse.
        for button, keys, name in ((self.open_button, "Alt+O", self.tr("Open reservation")),
                                   (self.copy_button, "Alt+C", self.tr("Copy code")),
                                   (self.print_button, "Alt+P", self.tr("Print slip"))):
            button.setAccessibleName(name)
            button.setEnabled(False)
            buttons.addWidget(button)
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(button.animateClick)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.open_button.clicked.connect(self.open_reservation)
        self.copy_button.clicked.connect(self.copy_code)
        self.print_button.clicked.connect(lambda: spawn(self.print_slip(), owner=self))
        # The slips are built by the same view the detail panel uses; it is never shown here.
        self.slips = TokensView(choose_printer, self)
        self.slips.hide()
        self.setFocusProxy(self.code_edit)

    async def inspect(self, text: str) -> Lookup:
        """Look `text` up and show the answer; the field is selected for the next scan."""
        caps = self.session.capabilities
        own = None if caps.sees_all_locations else caps.location_id
        self.verdict.setText(self.tr("Looking up…"))
        lookup = await look_up_code(
            text, self.session.store, self.session.service,
            at_location=self.at_combo.currentData(), own_location=own,
            include_tokens=caps.role.value in ("owner", "seller", "employee"))
        self.show_lookup(lookup)
        self.code_edit.setFocus()
        self.code_edit.selectAll()
        # Said, not only shown: the verdict is what the person at the locker is waiting for.
        announce(self.code_edit, self.verdict.text())
        return lookup

    def show_lookup(self, lookup: Lookup) -> None:
        self.lookup = lookup
        reservation = lookup.reservation
        location_id = reservation.location_id if reservation is not None else lookup.answer.location_id
        timezone = self.session.location_timezone(location_id)
        words = verdict_text(lookup.answer, timezone, self.session.location_name(lookup.answer.location_id))
        if lookup.stale and lookup.error is not None:
            words += " " + self.tr("(Lok could not be asked just now: {0} This is what the desk last "
                                   "knew.)").format(sentence(problem_from(
                                       lookup.error, doing=self.tr("looking up the code"))))
        self.verdict.setText(words)
        works, fails = VERDICT_COLOURS.get(theme_of(self.palette()), VERDICT_COLOURS[LIGHT])
        self.verdict.setStyleSheet(f"color: {works if lookup.answer.works else fails};")
        self.kind_label.setText(kind_text(lookup.kind) if lookup.kind is not None else formatting.DASH)
        if reservation is not None:
            self.reservation_label.setText(self.tr("{0} · {1} · reservation {2}").format(
                reservation.shipment_id or formatting.DASH, self.session.location_name(location_id),
                reservation.id))
            self.status_label.setText(formatting.format_status(str(reservation.current_status or "")))
        else:
            self.reservation_label.setText(formatting.DASH)
            self.status_label.setText(formatting.DASH)
        self.searched_label.setText(searched_text(lookup) if reservation is None else "")
        hidden = self._hidden(lookup)
        self.tokens_label.setText(hidden_text(hidden) if hidden is not None else "")
        for label in (self.searched_label, self.tokens_label):
            self.form.setRowVisible(label, bool(label.text()))
        if lookup.result is not None and reservation is not None:
            self.slips.set_reservation(lookup.result, self.session.location(location_id),
                                       self.session.location_name(location_id),
                                       hidden_reason=hidden_text(hidden) if hidden is not None else "")
        else:
            self.slips.set_tokens([], "", [])
        self.open_button.setEnabled(reservation is not None and bool(reservation.id))
        self.copy_button.setEnabled(may_copy(lookup))
        self.copy_button.setToolTip("" if may_copy(lookup) or not lookup.text else self.tr(
            "A void token (its reservation is finished) is not copied: it opens no box."))
        self.print_button.setEnabled(self.slips.fitting() is not None and lookup.result is not None)
        if not self.print_button.isEnabled() and self.slips.notice and reservation is not None:
            self.print_button.setToolTip(self.slips.notice)

    def _hidden(self, lookup: Lookup) -> TokensHidden | None:
        if lookup.reservation is None:
            return None
        caps = self.session.capabilities
        return tokens_hidden_reason(caps.role, caps.location_id, lookup.reservation)

    def open_reservation(self) -> None:
        if self.lookup is not None and self.lookup.reservation is not None and self.lookup.reservation.id:
            self.open_requested.emit(self.lookup.reservation.id)

    def copy_code(self) -> None:
        """Copy what was inspected (the typed code itself: the inspector never reveals another)."""
        # Alt+C reaches here even when the button is off (the shortcut clicks it): the rule again.
        if self.lookup is not None and may_copy(self.lookup):
            QGuiApplication.clipboard().setText(self.lookup.text)

    async def print_slip(self) -> bool:
        """The slip that fits the reservation's state (courier before delivery, recipient after)."""
        if self.slips.fitting() is None:
            return False
        return await self.slips.print_sheet()

"""Reservation tokens with their QR codes: copy, enlarge, print the right slip — what the desk hands over.

Three states besides "here are the codes": hidden (the person's role may not act on this reservation,
issue 10: nothing of a token reaches the screen, and the reason is written in the panel, not only in a
tooltip), void (a finished reservation: shown struck through, never copied or printed), and none sent.
Printing goes through slips (lok_desk/desk/kit/slips.py): Ctrl+P prints the slip that fits
the reservation's state, Ctrl+Shift+P ("Print slip…") offers the choice, the paper and a preview.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QImage, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.codes import SlipKind, TokensHidden, fitting_slip, printable_slips
from lok_desk.desk.kit.asyncqt import run_dialog, spawn
from lok_desk.desk.kit.forms import mute
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.print_truth import send_to_printer
from lok_desk.desk.kit.printing import (
    PaperFormat,
    Slip,
    TokenForPrint,
    VoidSlipError,
    load_paper_format,
    print_slip,
    save_paper_format,
)
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.kit.slips import build_slip, slip_names
from lok_desk.desk.kit.slips import tokens_for_print as _slip_tokens
from lok_desk.paths import AppPaths


def hidden_text(reason: TokensHidden) -> str:
    """Why the desk shows no token (issue 10's product decision), written where the tokens would be."""
    return {
        TokensHidden.REPORTER: translate(
            "CodeWords", "Tokens are not shown: your role (reporter) reads reservations but does not act "
                         "on them, and these codes open the box."),
        TokensHidden.ADMIN: translate(
            "CodeWords", "Tokens are not shown: Lok administrators read every company's reservations but "
                         "do not act on them, and these codes open the box."),
        TokensHidden.OTHER_LOCATION: translate(
            "CodeWords", "Tokens are not shown: this reservation is at another location, and employees "
                         "see the codes of their own location only."),
        TokensHidden.NOT_SENT: translate("CodeWords", "Lok returned no tokens for this reservation."),
    }[reason]


#: Which printer to use; the default asks the person with QPrintDialog. Tests hand in a PDF printer.
PrinterChooser = Callable[[QWidget], Awaitable[QPrinter | None]]


async def ask_printer(parent: QWidget) -> QPrinter | None:
    """The printer the person picks in the print dialog, or None when they close it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def tokens_for_print(tokens: Any) -> list[TokenForPrint]:
    """The tokens a ReservationTokens object carries, in the order a person uses them."""
    return _slip_tokens(tokens) if isinstance(tokens, models.ReservationTokens) else []


def paper_file() -> Path:
    """Where this desk remembers its slip paper (beside the settings)."""
    return AppPaths.default().config_dir / "slip-format.json"


def _mono_font(point_size: float) -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(point_size)
    return font


class _ClickableQr(QLabel):
    """A QR code that enlarges on a click, or from the keyboard: Tab reaches it, Space or Enter opens it."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A label draws no focus ring of its own: show where the keyboard is.
        self.setStyleSheet("QLabel:focus { border: 2px solid palette(highlight); border-radius: 2px; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


#: The slip a single token belongs on: the courier's code on the courier slip, and so on.
_SLIP_OF_TOKEN = {"delivery": SlipKind.COURIER, "pickup": SlipKind.RECIPIENT}


class QrDialog(QDialog):
    """One token's QR code, large, with copy and "Print slip…" (the slip that token belongs on)."""

    def __init__(
        self, token: TokenForPrint, title: str, view: TokensView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{0} — {1}").format(token.label, title))
        self._token = token
        self._view = view
        layout = QVBoxLayout(self)
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName(self.tr("QR code of the {0}").format(token.label.lower()))
        image = QImage.fromData(token.qr_png or b"")
        if not image.isNull():
            self.image_label.setPixmap(
                QPixmap.fromImage(image).scaled(
                    360, 360, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                )
            )
        else:
            self.image_label.setText(self.tr("Lok sent no QR image for this token."))
        layout.addWidget(self.image_label)
        text = QLabel(token.token, self)
        text.setFont(_mono_font(16))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(token.label)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_text_button = buttons.addButton(
            self.tr("Copy token"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_image_button = buttons.addButton(
            self.tr("Copy QR image"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = buttons.addButton(self.tr("Print slip…"), QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.copy_text_button, self.copy_image_button, self.print_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.slip_kind = _SLIP_OF_TOKEN.get(token.kind, SlipKind.STAFF)
        self.print_button.setToolTip(self.tr("Prints the {0}").format(slip_names()[self.slip_kind].lower()))
        self.print_button.setEnabled(self.slip_kind in view.printable)
        self.copy_image_button.setEnabled(not image.isNull())
        self.copy_text_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(token.token))
        self.copy_image_button.clicked.connect(lambda: QGuiApplication.clipboard().setImage(image))
        self.print_button.clicked.connect(lambda: spawn(self.print_qr(), owner=self))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    async def print_qr(self) -> bool:
        return await self._view.print_slip(self.slip_kind)


class TokenCard(QWidget):
    """QR thumbnail (click to enlarge), the token in large monospace, copy buttons; a void token is
    struck through, with no QR and nothing to copy."""

    enlarge_requested = Signal(object)  # TokenForPrint

    def __init__(self, token: TokenForPrint, parent: QWidget | None = None, *, void: bool = False) -> None:
        super().__init__(parent)
        self.token = token
        self.void = void
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.qr = _ClickableQr(self)
        image = QImage() if void else QImage.fromData(token.qr_png or b"")
        if void:
            self.qr.setText(self.tr("VOID"))
            self.qr.setStyleSheet("color: #B00020; font-weight: 700; border: 2px solid #B00020;")
            self.qr.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # nothing to enlarge
            self.qr.setAccessibleName(
                self.tr("Void: the {0} no longer opens the box").format(token.label.lower()))
        else:
            self.qr.setCursor(Qt.CursorShape.PointingHandCursor)
            self.qr.setToolTip(self.tr("Click to enlarge"))
            self.qr.setAccessibleName(
                self.tr("QR code of the {0}; click to enlarge").format(token.label.lower()))
            if not image.isNull():
                self.qr.setPixmap(
                    QPixmap.fromImage(image).scaled(
                        84, 84, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                    )
                )
            else:
                self.qr.setText(self.tr("no QR"))
            self.qr.clicked.connect(lambda: self.enlarge_requested.emit(self.token))
        self.qr.setFixedSize(88, 88)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Top-aligned with its caption: centred, the QR drifted below the token it belongs to.
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        caption = QLabel(token.label + (self.tr(" — void") if void else ""), self)
        caption.setStyleSheet("font-weight: 600;")
        mute(caption)
        texts.addWidget(caption)
        self.text = QLabel(token.token, self)
        font = _mono_font(13)
        font.setStrikeOut(void)
        self.text.setFont(font)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction if void
                                          else Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # Reachable by Tab, so a screen reader says the token (Tab used to reach only buttons and QRs).
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The token itself is what a person hands out: read it with its caption, not the caption alone.
        self.text.setAccessibleName(self.tr("{0}: {1}").format(token.label, token.token))
        texts.addWidget(self.text)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"), self)
        # Which token: two of the same kind (one void) were both "Copy pick-up token".
        self.copy_button.setAccessibleName(self.tr("Copy {0} {1}").format(token.label.lower(), token.token))
        self.copy_button.setToolTip(self.tr("Copy the token text to the clipboard"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(token.token))
        self.copy_qr_button = QPushButton(self.tr("Copy QR"), self)
        self.copy_qr_button.setAccessibleName(self.tr("Copy QR image of the {0}").format(token.label.lower()))
        self.copy_qr_button.setEnabled(not image.isNull())
        self.copy_qr_button.clicked.connect(lambda: QGuiApplication.clipboard().setImage(image))
        self.copy_button.setEnabled(not void)
        row.addWidget(self.copy_button)
        row.addWidget(self.copy_qr_button)
        row.addStretch(1)
        texts.addLayout(row)
        texts.addStretch(1)
        layout.addLayout(texts, 1)


class TokensView(QWidget):
    """All tokens of one reservation, and printing of the slip each person needs."""

    #: A slip went to the printer (its SlipKind value): the desk history records it.
    printed = Signal(str)

    def __init__(self, choose_printer: PrinterChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose_printer = choose_printer
        self._title = ""
        self._subtitle: list[str] = []
        self.tokens: list[TokenForPrint] = []
        self.cards: list[TokenCard] = []
        #: What the slips are built from (set_reservation); without it only the staff sheet is made.
        self._reservation: models.Reservation | None = None
        self._token_model: models.ReservationTokens | None = None
        self._location: models.LocationDetail | None = None
        self._location_name = ""
        self.void = False
        self.hidden_reason = ""
        #: Where the remembered paper lives; tests point it at their temp dir.
        self.paper_path: Path = paper_file()
        #: Cards per row: one beside the table, two in the roomier create dialog.
        self.columns = 1
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self.tr("No tokens to show."), self)
        self._empty.setWordWrap(True)
        self._empty.setAccessibleName(self.tr("Tokens"))
        self._empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._grid.addWidget(self._empty, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    @property
    def notice(self) -> str:
        """What the panel says instead of (or above) the tokens: no tokens, hidden and why, void."""
        return self._empty.text() if not self._empty.isHidden() else ""

    def set_reservation(
        self,
        result: Any,
        location: models.LocationDetail | None,
        location_name: str,
        *,
        hidden_reason: str = "",
    ) -> None:
        """Show a #15/#25 result's tokens with what its slips need; `hidden_reason` (words) means the
        person may not see any token: none is shown, whatever Lok sent."""
        reservation = result.reservation
        tokens = getattr(result, "tokens", None)
        self._reservation = reservation
        self._location = location
        self._location_name = location_name
        self.hidden_reason = hidden_reason
        self._token_model = None if hidden_reason else tokens if isinstance(
            tokens, models.ReservationTokens) else None
        self.void = not printable_slips(reservation)
        shipment = reservation.shipment_id or reservation.id or ""
        title = self.tr("Reservation {0}").format(shipment)
        subtitle = [location_name, self.tr("Reservation id {0}").format(reservation.id)]
        if hidden_reason:
            self.set_tokens([], title, subtitle, empty_text=hidden_reason)
            return
        empty = self.tr("Lok returned no tokens for this reservation.")
        self.set_tokens(tokens_for_print(self._token_model), title, subtitle, empty_text=empty)
        if self.void and self.tokens:
            self._empty.setText(self.tr(
                "This reservation is finished: its tokens are void. They open no box and are not printed."))
            self._empty.setVisible(True)

    def set_tokens(
        self, tokens: list[TokenForPrint], title: str, subtitle: list[str], empty_text: str | None = None
    ) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        self.tokens = tokens
        self._title = title
        self._subtitle = subtitle
        self._empty.setText(empty_text or self.tr("Lok returned no tokens for this reservation."))
        self._empty.setVisible(not tokens)
        for position, token in enumerate(tokens):
            card = TokenCard(token, self, void=self.void)
            card.enlarge_requested.connect(self._enlarge)
            self._grid.addWidget(card, 1 + position // self.columns, position % self.columns)
            self.cards.append(card)
        # Spare height goes below the last row, so cards keep their size and sit together at the top.
        rows = 1 + (len(tokens) + self.columns - 1) // self.columns
        for row in range(max(self._grid.rowCount(), rows + 1)):
            self._grid.setRowStretch(row, 1 if row == rows else 0)

    # --- slips --------------------------------------------------------------------------------
    @property
    def reservation(self) -> models.Reservation | None:
        """The reservation whose tokens are shown (None for bare tokens)."""
        return self._reservation

    def token_texts(self) -> list[str]:
        """The token texts shown (the desk history refuses any of them in its lines)."""
        return [token.token for token in self.tokens]

    @property
    def printable(self) -> tuple[SlipKind, ...]:
        """The slips that may be printed now (none while hidden or void, or without tokens)."""
        if not self.tokens or self.hidden_reason or self.void:
            return ()
        if self._reservation is None:
            return (SlipKind.STAFF,)
        return tuple(kind for kind in printable_slips(self._reservation)
                     if kind is SlipKind.STAFF or self.slip(kind).tokens)

    def fitting(self) -> SlipKind | None:
        """The slip Ctrl+P prints now (core/codes.fitting_slip), if it may be printed."""
        if self._reservation is None:
            return SlipKind.STAFF if self.printable else None
        kind = fitting_slip(self._reservation)
        return kind if kind in self.printable else None

    def slip(self, kind: SlipKind) -> Slip:
        """The slip of `kind` for what is shown (the staff sheet of the bare tokens without context)."""
        if self._reservation is None:
            return Slip(kind=SlipKind.STAFF, title=self._title, heading=" · ".join(self._subtitle),
                        tokens=list(self.tokens), confidential=True, void=self.void)
        return build_slip(kind, self._reservation, self._token_model, self._location, self._location_name)

    async def paper(self) -> PaperFormat:
        return await asyncio.to_thread(load_paper_format, self.paper_path)

    async def remember_paper(self, paper: PaperFormat) -> None:
        await asyncio.to_thread(save_paper_format, self.paper_path, paper)

    async def print_slip(self, kind: SlipKind | None = None, paper: PaperFormat | None = None) -> bool:
        """Print one slip (default: the one that fits) on the remembered paper; False when nothing may
        be printed or the person closed the print dialog."""
        kind = kind or self.fitting()
        if kind is None or kind not in self.printable:
            return False
        slip = self.slip(kind)
        paper = paper or await self.paper()
        printer = await self._choose_printer(self)
        if printer is None:
            return False
        try:
            # Only a job the print system took counts as printed (and goes to the desk history).
            if not await send_to_printer(self, printer, lambda: print_slip(printer, slip, paper)):
                return False
        except VoidSlipError:
            return False
        except OSError as error:
            report(self, error, doing=self.tr("printing the slip"))
            return False
        self.printed.emit(kind.value)
        return True

    async def print_sheet(self) -> bool:
        """Ctrl+P: the slip that fits the reservation's state; False when there is nothing to print."""
        return await self.print_slip()

    async def choose_and_print(self) -> bool:
        """Ctrl+Shift+P: the slip dialog (choice, paper, preview, save as PDF)."""
        from lok_desk.desk.kit.slip_dialog import SlipDialog

        if not self.printable:
            return False
        dialog = SlipDialog(self, await self.paper(), self)
        accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def _enlarge(self, token: object) -> None:
        assert isinstance(token, TokenForPrint)
        self.open_qr_dialog(token)

    def open_qr_dialog(self, token: TokenForPrint) -> QrDialog:
        dialog = QrDialog(token, self._title, self, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

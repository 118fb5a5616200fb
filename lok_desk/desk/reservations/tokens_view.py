"""Reservation tokens with their QR codes: copy, enlarge, print — what the front desk hands over."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QImage, QMouseEvent, QPixmap
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

from lok_desk.desk.asyncqt import run_dialog, spawn
from lok_desk.desk.i18n import translate
from lok_desk.desk.reservations.forms import mute
from lok_desk.desk.reservations.printing import TokenForPrint, print_image, print_token_sheet

#: Which printer to use; the default asks the person with QPrintDialog. Tests hand in a PDF printer.
PrinterChooser = Callable[[QWidget], Awaitable[QPrinter | None]]

TOKEN_NAMES: tuple[tuple[str, str], ...] = (
    ("delivery", QT_TRANSLATE_NOOP("TokensView", "Delivery token")),
    ("pickup", QT_TRANSLATE_NOOP("TokensView", "Pick-up token")),
    ("reopen_1", QT_TRANSLATE_NOOP("TokensView", "Reopen token 1")),
    ("reopen_2", QT_TRANSLATE_NOOP("TokensView", "Reopen token 2")),
    ("cancel", QT_TRANSLATE_NOOP("TokensView", "Cancel token")),
)


async def ask_printer(parent: QWidget) -> QPrinter | None:
    """The printer the person picks in the print dialog, or None when they close it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def tokens_for_print(tokens: Any) -> list[TokenForPrint]:
    """The tokens a ReservationTokens object carries, in the order a person uses them."""
    result: list[TokenForPrint] = []
    if tokens is None:
        return result
    for name, label in TOKEN_NAMES:
        text = getattr(tokens, f"{name}_token", None)
        if not text:
            continue
        png = tokens.qr_png(name) if hasattr(tokens, "qr_png") else None
        result.append(TokenForPrint(translate("TokensView", label), str(text), png))
    return result


def _mono_font(point_size: float) -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(point_size)
    return font


class _ClickableQr(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class QrDialog(QDialog):
    """One token's QR code, large, with copy and print."""

    def __init__(
        self, token: TokenForPrint, title: str, choose_printer: PrinterChooser, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{0} — {1}").format(token.label, title))
        self._token = token
        self._title = title
        self._choose_printer = choose_printer
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
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.copy_text_button, self.copy_image_button, self.print_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.copy_image_button.setEnabled(not image.isNull())
        self.copy_text_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(token.token))
        self.copy_image_button.clicked.connect(lambda: QGuiApplication.clipboard().setImage(image))
        self.print_button.clicked.connect(lambda: spawn(self.print_qr(), owner=self))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    async def print_qr(self) -> None:
        printer = await self._choose_printer(self)
        if printer is not None:
            print_image(
                printer,
                QImage.fromData(self._token.qr_png or b""),
                f"{self._token.label}: {self._token.token} — {self._title}",
            )


class TokenCard(QWidget):
    """QR thumbnail (click to enlarge), the token in large monospace, copy buttons."""

    enlarge_requested = Signal(object)  # TokenForPrint

    def __init__(self, token: TokenForPrint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.token = token
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.qr = _ClickableQr(self)
        self.qr.setCursor(Qt.CursorShape.PointingHandCursor)
        self.qr.setToolTip(self.tr("Click to enlarge"))
        self.qr.setAccessibleName(self.tr("QR code of the {0}; click to enlarge").format(token.label.lower()))
        image = QImage.fromData(token.qr_png or b"")
        if not image.isNull():
            self.qr.setPixmap(
                QPixmap.fromImage(image).scaled(
                    84, 84, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
                )
            )
        else:
            self.qr.setText(self.tr("no QR"))
        self.qr.setFixedSize(88, 88)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.clicked.connect(lambda: self.enlarge_requested.emit(self.token))
        # Top-aligned with its caption: centred, the QR drifted below the token it belongs to.
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        caption = QLabel(token.label, self)
        caption.setStyleSheet("font-weight: 600;")
        mute(caption)
        texts.addWidget(caption)
        self.text = QLabel(token.token, self)
        self.text.setFont(_mono_font(13))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(token.label)
        texts.addWidget(self.text)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy {0}").format(token.label.lower()))
        self.copy_button.setToolTip(self.tr("Copy the token text to the clipboard"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(token.token))
        self.copy_qr_button = QPushButton(self.tr("Copy QR"), self)
        self.copy_qr_button.setAccessibleName(self.tr("Copy QR image of the {0}").format(token.label.lower()))
        self.copy_qr_button.setEnabled(not image.isNull())
        self.copy_qr_button.clicked.connect(lambda: QGuiApplication.clipboard().setImage(image))
        row.addWidget(self.copy_button)
        row.addWidget(self.copy_qr_button)
        row.addStretch(1)
        texts.addLayout(row)
        texts.addStretch(1)
        layout.addLayout(texts, 1)


class TokensView(QWidget):
    """All tokens of one reservation, with "Print tokens…" for the whole sheet."""

    def __init__(self, choose_printer: PrinterChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose_printer = choose_printer
        self._title = ""
        self._subtitle: list[str] = []
        self.tokens: list[TokenForPrint] = []
        self.cards: list[TokenCard] = []
        #: Cards per row: one beside the table, two in the roomier create dialog.
        self.columns = 1
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._empty = QLabel(self.tr("No tokens to show."), self)
        self._empty.setWordWrap(True)
        self._grid.addWidget(self._empty, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

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
            card = TokenCard(token, self)
            card.enlarge_requested.connect(self._enlarge)
            self._grid.addWidget(card, 1 + position // self.columns, position % self.columns)
            self.cards.append(card)
        # Spare height goes below the last row, so cards keep their size and sit together at the top.
        rows = 1 + (len(tokens) + self.columns - 1) // self.columns
        for row in range(max(self._grid.rowCount(), rows + 1)):
            self._grid.setRowStretch(row, 1 if row == rows else 0)

    def _enlarge(self, token: object) -> None:
        assert isinstance(token, TokenForPrint)
        self.open_qr_dialog(token)

    def open_qr_dialog(self, token: TokenForPrint) -> QrDialog:
        dialog = QrDialog(token, self._title, self._choose_printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    async def print_sheet(self) -> bool:
        """Print every token on one sheet; False when there is nothing to print or it was cancelled."""
        if not self.tokens:
            return False
        printer = await self._choose_printer(self)
        if printer is None:
            return False
        print_token_sheet(printer, self._title, self._subtitle, self.tokens)
        return True

"""Paper for the front desk: the token/QR sheet of a reservation and single images (QR, label)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from lok_desk.desk.i18n import translate


class TokenForPrint(NamedTuple):
    label: str  # "Delivery token"
    token: str  # the text a person can type at the kiosk
    qr_png: bytes | None


def pdf_printer(path: str) -> QPrinter:
    """A printer writing a PDF file (tests, "Save as PDF")."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    _a4(printer)
    return printer


def _a4(printer: QPrinter) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )


def print_token_sheet(
    printer: QPrinter, title: str, subtitle: Sequence[str], tokens: Sequence[TokenForPrint]
) -> None:
    """One page: the shipment, where and when, then each token as large text beside its QR code."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(translate("printing", "The printer could not be started."))
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        width = page.width()
        dpi = printer.resolution()
        y = 0.0
        title_font = QFont(painter.font())
        title_font.setPointSizeF(18)
        title_font.setBold(True)
        painter.setFont(title_font)
        line = painter.fontMetrics().height()
        painter.drawText(QRectF(0, y, width, line * 1.2), Qt.AlignmentFlag.AlignLeft, title)
        y += line * 1.4
        body = QFont(painter.font())
        body.setPointSizeF(10)
        body.setBold(False)
        painter.setFont(body)
        line = painter.fontMetrics().height()
        for text in subtitle:
            painter.drawText(QRectF(0, y, width, line), Qt.AlignmentFlag.AlignLeft, text)
            y += line * 1.1
        y += line
        qr_side = dpi * 1.4  # 1.4 inch: scannable from a phone held at arm's length
        token_font = QFont("monospace")
        token_font.setStyleHint(QFont.StyleHint.Monospace)
        token_font.setPointSizeF(16)
        token_font.setBold(True)
        for item in tokens:
            if y + qr_side > page.height():
                printer.newPage()
                y = 0.0
            if item.qr_png:
                image = QImage.fromData(item.qr_png)
                painter.drawImage(QRectF(0, y, qr_side, qr_side), image)
            painter.setFont(body)
            painter.drawText(
                QRectF(qr_side + dpi * 0.3, y + qr_side * 0.2, width - qr_side, line * 1.2),
                Qt.AlignmentFlag.AlignLeft,
                item.label,
            )
            painter.setFont(token_font)
            painter.drawText(
                QRectF(
                    qr_side + dpi * 0.3,
                    y + qr_side * 0.2 + line * 1.4,
                    width - qr_side,
                    painter.fontMetrics().height() * 1.2,
                ),
                Qt.AlignmentFlag.AlignLeft,
                item.token,
            )
            y += qr_side + dpi * 0.25
    finally:
        painter.end()


def print_image(printer: QPrinter, image: QImage, caption: str = "") -> None:
    """An image scaled to fit the page (keeping its proportions), with an optional caption above."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(translate("printing", "The printer could not be started."))
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        top = 0.0
        if caption:
            line = painter.fontMetrics().height()
            painter.drawText(QRectF(0, 0, page.width(), line * 1.2), Qt.AlignmentFlag.AlignLeft, caption)
            top = line * 1.6
        room = QRectF(0, top, page.width(), page.height() - top)
        scaled = image.size().scaled(
            int(room.width()), int(room.height()), Qt.AspectRatioMode.KeepAspectRatio
        )
        painter.drawImage(QRectF(room.left(), room.top(), scaled.width(), scaled.height()), image)
    finally:
        painter.end()

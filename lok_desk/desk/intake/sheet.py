"""The courier sheet of an intake batch: every delivery token and its QR code on one printout (or PDF).

One line per parcel — QR at the left, shipment id, recipient, box and the delivery token at the right —
so a whole batch fits a few A4/Letter pages (about seven parcels a page); on label paper each parcel is
a page of its own. The recipient slips follow when asked for, one a page, laid out by the desk's own
slip painter (printing.paint_slip). Written on any QPagedPaintDevice: the printer the person chose, or a
PDF file created owner-only (0600) since it holds codes that open boxes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from lok_desk.core.codes import SlipKind
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.printing import (
    PaperFormat,
    PrinterNotStarted,
    Slip,
    page_layout,
    paint_slip,
    printed_to_file,
    private_file,
    render_layout_pages,
)


@dataclass(frozen=True)
class SheetLine:
    """One parcel on the sheet, already in words; `token` is the delivery token (kept out of repr)."""

    number: int
    shipment_id: str
    recipient: str
    box: str
    token: str = field(repr=False)
    qr_png: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class CourierSheet:
    title: str                       # "Courier sheet — Antara Polanco"
    subtitle: str                    # carrier, date, how many parcels
    lines: Sequence[SheetLine]
    recipient_slips: Sequence[Slip] = ()

    def codes(self) -> list[str]:
        """Every code the sheet prints (the history refuses a line that contains one)."""
        found = [line.token for line in self.lines if line.token]
        for slip in self.recipient_slips:
            found += [token.token for token in slip.tokens]
        return found


def _qr(line: SheetLine) -> QImage:
    image = QImage.fromData(line.qr_png or b"")
    if not image.isNull():
        return image
    import segno  # Lok sent no QR image: draw one from the token, so the line is still scannable

    buffer = io.BytesIO()
    segno.make(line.token, error="m").save(buffer, kind="png", scale=4, border=2)
    return QImage.fromData(buffer.getvalue())


def _font(base: QFont, points: float, dpi: float, *, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont("monospace") if mono else QFont(base)
    if mono:
        font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPixelSize(max(1, round(points * dpi / 72.0)))
    font.setBold(bold)
    return font


def paint_sheet(painter: QPainter, page: QRectF, dpi: float, sheet: CourierSheet,
                new_page: object = None) -> int:
    """Lay the sheet out on pages of `page` (device pixels); returns the pages drawn."""
    base = painter.font()
    small = page.width() < dpi * 4.5                # label paper: one parcel a page
    qr_side = min(dpi * 1.1, page.width() * 0.8)
    pages = 1
    y = page.top()

    def text(line: str, font: QFont, x: float, width: float, *, colour: str = "black") -> float:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        bounds = painter.boundingRect(QRectF(x, 0, width, page.height()), flags, line)
        painter.drawText(QRectF(x, y, width, bounds.height()), flags, line)
        return bounds.height()

    def start_page() -> None:
        nonlocal y, pages
        if callable(new_page):
            new_page()
        pages += 1
        y = page.top()

    y += text(sheet.title, _font(base, 14, dpi, bold=True), page.left(), page.width())
    y += text(sheet.subtitle, _font(base, 9, dpi), page.left(), page.width(), colour="#333333")
    y += text(translate("CourierSheet", "These codes open the boxes: hand the sheet to the courier only."),
              _font(base, 9, dpi, bold=True), page.left(), page.width(), colour="#B00020")
    y += dpi * 0.15
    token_font = _font(base, 15, dpi, bold=True, mono=True)
    for index, line in enumerate(sheet.lines):
        needed = qr_side + dpi * 0.2 + (dpi * 1.2 if small else 0)
        if (small and index > 0) or y + needed > page.bottom():
            start_page()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)   # crisp QR modules
        painter.drawImage(QRectF(page.left(), y, qr_side, qr_side), _qr(line))
        top = y
        if small:
            y += qr_side + dpi * 0.05
            x, width = page.left(), page.width()
        else:
            x, width = page.left() + qr_side + dpi * 0.25, page.width() - qr_side - dpi * 0.25
        heading = _font(base, 13, dpi, bold=True, mono=True)
        y += text(f"{line.number}. {line.shipment_id}", heading, x, width)
        who = f"{line.recipient} · {line.box}" if line.recipient else line.box
        y += text(who, _font(base, 10, dpi), x, width)
        y += text(translate("CourierSheet", "Delivery token"), _font(base, 9, dpi), x, width,
                  colour="#333333")
        y += text(line.token, token_font, x, width)
        y = max(y, top + qr_side) + dpi * 0.2
    for slip in sheet.recipient_slips:
        start_page()
        pages += paint_slip(painter, page, dpi, slip, new_page=new_page if callable(new_page) else None) - 1
    return pages


def render(device: QPagedPaintDevice, sheet: CourierSheet, paper: PaperFormat) -> int:
    """Write the sheet on a printer or PDF writer; returns the pages."""
    layout = page_layout(paper, SlipKind.STAFF if paper is PaperFormat.LABEL_62MM else SlipKind.COURIER)
    device.setPageLayout(layout)
    to_file = printed_to_file(device) if isinstance(device, QPrinter) else ""
    private_file(to_file)   # "Print to File": the sheet's codes are the owner's only
    painter = QPainter()
    if not painter.begin(device):
        raise PrinterNotStarted(to_file)
    try:
        resolution = device.logicalDpiY() if not hasattr(device, "resolution") else device.resolution()
        rect = layout.paintRectPixels(resolution)
        return paint_sheet(painter, rect.translated(-rect.topLeft()).toRectF(), resolution, sheet,
                           new_page=device.newPage)
    finally:
        painter.end()
        private_file(to_file)


def write_pdf(path: str, sheet: CourierSheet, paper: PaperFormat) -> int:
    """The sheet as a PDF file only its owner can read (any thread); returns the pages."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)    # an existing file keeps its old mode through O_CREAT
    writer = QPdfWriter(path)
    writer.setResolution(300)
    writer.setTitle(sheet.title)
    pages = render(writer, sheet, paper)
    os.chmod(path, 0o600)
    return pages


def render_pages(sheet: CourierSheet, paper: PaperFormat, dpi: int = 200) -> list[QImage]:
    """The sheet's pages as white images at `dpi` (a preview; the tests decode their QR codes)."""
    layout = page_layout(paper, SlipKind.STAFF if paper is PaperFormat.LABEL_62MM else SlipKind.COURIER)
    return render_layout_pages(layout, dpi, lambda painter, area, next_page: paint_sheet(
        painter, area, dpi, sheet, new_page=next_page))

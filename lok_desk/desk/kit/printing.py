"""Paper for the front desk: the courier slip, the recipient slip, the staff sheet, and single images.

A slip is laid out once by `paint_slip` on any QPainter, so the printer, "Save as PDF", the preview and
the tests (which render a page to a QImage and decode its QR code) all see the same page. Paper
formats: A4 and Letter for office printers, 62 mm continuous rolls and 4×6 in labels for label
printers; the choice is remembered per desk in `slip-format.json` beside the settings (a file of its
own, so this feature never rewrites the sign-in settings).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from lok_desk.core.codes import SlipKind
from lok_desk.core.problems import Kind
from lok_desk.desk.kit.i18n import translate
from lok_desk.paths import make_private_dir


class TokenForPrint(NamedTuple):
    label: str  # "Delivery token"
    token: str  # the text a person can type at the kiosk
    qr_png: bytes | None
    kind: str = ""  # "delivery", "pickup", "reopen_1", "reopen_2", "cancel"


class PaperFormat(StrEnum):
    A4 = "a4"
    LETTER = "letter"
    LABEL_62MM = "label_62mm"   # continuous roll, 62 mm wide (Brother QL and the like)
    LABEL_4X6 = "label_4x6"     # 4 × 6 in shipping labels (Zebra and the like)


def paper_format_names() -> dict[PaperFormat, str]:
    return {
        PaperFormat.A4: translate("printing", "A4"),
        PaperFormat.LETTER: translate("printing", "Letter"),
        PaperFormat.LABEL_62MM: translate("printing", "Label 62 mm (continuous)"),
        PaperFormat.LABEL_4X6: translate("printing", "Label 4 × 6 in"),
    }


# Continuous rolls have no fixed length: each slip is cut to what it needs.
_ROLL_WIDTH_MM = 62.0
_ROLL_LENGTH_MM = {SlipKind.COURIER: 110.0, SlipKind.RECIPIENT: 120.0, SlipKind.STAFF: 400.0}


def page_layout(paper: PaperFormat, slip: SlipKind = SlipKind.COURIER) -> QPageLayout:
    """The page size, orientation and margins of a paper format (millimetres)."""
    portrait = QPageLayout.Orientation.Portrait
    mm = QPageLayout.Unit.Millimeter
    if paper is PaperFormat.A4:
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), portrait, QMarginsF(15, 15, 15, 15), mm)
    if paper is PaperFormat.LETTER:
        return QPageLayout(QPageSize(QPageSize.PageSizeId.Letter), portrait, QMarginsF(15, 15, 15, 15), mm)
    if paper is PaperFormat.LABEL_4X6:
        size = QPageSize(QSizeF(4, 6), QPageSize.Unit.Inch, "4x6", QPageSize.SizeMatchPolicy.ExactMatch)
        return QPageLayout(size, portrait, QMarginsF(5, 5, 5, 5), mm)
    size = QPageSize(QSizeF(_ROLL_WIDTH_MM, _ROLL_LENGTH_MM[slip]), QPageSize.Unit.Millimeter,
                     "62mm", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, portrait, QMarginsF(3, 3, 3, 3), mm)


def pdf_printer(path: str, paper: PaperFormat = PaperFormat.A4) -> QPrinter:
    """A printer writing a PDF file (tests, "Save as PDF")."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageLayout(page_layout(paper))
    return printer


# --- remembered per desk -----------------------------------------------------------------------


def load_paper_format(path: Path) -> PaperFormat:
    """The paper this desk printed slips on last time (A4 when never chosen or unreadable)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return PaperFormat(str(raw.get("paper")))
    except (OSError, ValueError, AttributeError):
        return PaperFormat.A4


def save_paper_format(path: Path, paper: PaperFormat) -> None:
    """Remember the paper (atomic write; a read-only disk only loses the convenience)."""
    with contextlib.suppress(OSError):
        make_private_dir(path.parent)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"paper": paper.value}), encoding="utf-8")
        os.replace(tmp, path)


# --- what a slip says ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Slip:
    """Everything one printout shows, already in words. `tokens` holds only what the slip is for."""

    kind: SlipKind
    title: str                                  # "Courier slip"
    heading: str                                # the shipment id, large
    rows: Sequence[tuple[str, str]] = ()        # (label, value) lines under the heading
    tokens: Sequence[TokenForPrint] = ()
    note: str = ""                              # one line at the foot (what to do with it)
    confidential: bool = False
    void: bool = False                          # a void slip is never printed (see print_slip)


class PrinterNotStarted(OSError):
    """The printer (or PDF file) could not be started: a Problem of its own kind (core/problems.py)."""

    problem_kind = Kind.PRINTER


class VoidSlipError(ValueError):
    """The tokens of a finished reservation open nothing: their slip is not printed."""


@dataclass(frozen=True)
class _Metrics:
    dpi: float
    small: bool  # a label: tighter type, QR across the width

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0


def _font(base: QFont, points: float, metrics: _Metrics, *, bold: bool = False,
          mono: bool = False) -> QFont:
    font = QFont("monospace") if mono else QFont(base)
    if mono:
        font.setStyleHint(QFont.StyleHint.Monospace)
    # Pixel sizes from the device's resolution: the same layout on a 1200 dpi PDF and a 200 dpi image.
    font.setPixelSize(max(1, round(metrics.pt(points))))
    font.setBold(bold)
    return font


def _qr_image(token: TokenForPrint) -> QImage:
    image = QImage.fromData(token.qr_png or b"")
    if not image.isNull():
        return image
    # Lok sent no QR image: draw one from the token text, so the slip is still scannable.
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(token.token, error="m").save(buffer, kind="png", scale=4, border=2)
    return QImage.fromData(buffer.getvalue())


def paint_slip(painter: QPainter, page: QRectF, dpi: float, slip: Slip,
               new_page: Callable[[], object] | None = None) -> int:
    """Lay out `slip` in `page` (device pixels at `dpi`); `new_page` starts another page when the
    tokens do not fit (the staff sheet on a label). Returns the number of pages drawn."""
    metrics = _Metrics(dpi, small=page.width() < dpi * 4.5)
    base = painter.font()
    # A 62 mm roll needs smaller type; a 4 × 6 in label takes the paper sizes.
    scale = 0.8 if page.width() < dpi * 3 else 1.0
    width = page.width()
    x0, y = page.left(), page.top()
    pages = 1

    def text(line: str, font: QFont, *, colour: QColor | None = None, wrap: bool = True) -> None:
        nonlocal y
        painter.setFont(font)
        painter.setPen(colour or QColor("black"))
        flags = Qt.AlignmentFlag.AlignLeft | (Qt.TextFlag.TextWordWrap if wrap else Qt.AlignmentFlag(0))
        bounds = painter.boundingRect(QRectF(x0, y, width, page.height()), flags, line)
        painter.drawText(QRectF(x0, y, width, bounds.height()), flags, line)
        y += bounds.height()

    if slip.confidential:
        text(translate("printing", "CONFIDENTIAL — staff only. These codes open the box."),
             _font(base, 11 * scale, metrics, bold=True), colour=QColor("#B00020"))
        y += metrics.pt(4)
    text(slip.title, _font(base, 16 * scale, metrics, bold=True))
    text(slip.heading, _font(base, 22 * scale, metrics, bold=True, mono=True))
    y += metrics.pt(4)
    body = _font(base, 10 * scale, metrics)
    label_font = _font(base, 10 * scale, metrics, bold=True)
    for label, value in slip.rows:
        text(label, label_font)
        text(value, body)
    y += metrics.pt(8)
    # QR: 1.4 in on paper (scannable from arm's length); on a label as wide as it allows, up to that.
    # The staff sheet's five codes fit one A4/Letter page at 1.2 in.
    paper_side = dpi * (1.4 if len(slip.tokens) <= 2 else 1.2)
    qr_side = min(dpi * 1.4, width * 0.8) if metrics.small else paper_side
    token_font = _font(base, 18 * scale, metrics, bold=True, mono=True)
    painter.setFont(token_font)
    token_height = painter.fontMetrics().height() * 1.3
    for item in slip.tokens:
        needed = qr_side + metrics.pt(10) + (token_height * 2 if metrics.small else 0)
        if y + needed > page.bottom() and new_page is not None and y > page.top() + metrics.pt(40):
            new_page()
            pages += 1
            y = page.top()
            if slip.confidential:
                text(translate("printing", "CONFIDENTIAL — staff only. These codes open the box."),
                     _font(base, 9 * scale, metrics, bold=True), colour=QColor("#B00020"))
            text(f"{slip.title} — {slip.heading}", _font(base, 10 * scale, metrics, bold=True))
            y += metrics.pt(4)
        image = _qr_image(item)
        # No smoothing: a scaled QR keeps crisp modules (a blurred edge is what scanners fail on).
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if metrics.small:
            qr_rect = QRectF(x0, y, qr_side, qr_side)
            painter.drawImage(qr_rect, image)
            y += qr_side + metrics.pt(2)
            text(item.label, label_font)
            text(item.token, token_font, wrap=False)
        else:
            qr_rect = QRectF(x0, y, qr_side, qr_side)
            painter.drawImage(qr_rect, image)
            saved_y, saved_x, saved_w = y, x0, width
            x0, width = x0 + qr_side + dpi * 0.3, width - qr_side - dpi * 0.3
            y += qr_side * 0.2
            text(item.label, label_font)
            text(item.token, token_font, wrap=False)
            x0, width = saved_x, saved_w
            y = saved_y + qr_side
        y += metrics.pt(10)
    if slip.note:
        painter.setPen(QPen(QColor("#555555")))
        text(slip.note, _font(base, 9 * scale, metrics), colour=QColor("#333333"))
    return pages


def private_file(path: str) -> None:
    """Make `path` a file only its owner reads (0600), creating it empty when it is missing: a slip,
    label or sheet carries box-opening codes and recipients' data wherever the person saves it."""
    if not path or os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)  # an existing file keeps its old mode through O_CREAT


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to a file only its owner reads (a shipping label: the recipient's address)."""
    private_file(str(path))
    path.write_bytes(data)
    private_file(str(path))


def printed_to_file(printer: QPrinter) -> str:
    """The file a printer writes (the print dialog's "Print to File (PDF)"), or "" for a real printer."""
    return printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""


def print_slip(printer: QPrinter, slip: Slip, paper: PaperFormat) -> None:
    """Print (or write as PDF) one slip on `paper`; a void slip is refused before any page exists."""
    if slip.void or not slip.tokens:
        raise VoidSlipError(slip.kind.value)
    printer.setPageLayout(page_layout(paper, slip.kind))
    # The job's title in the print queue: what it is and for which shipment, never a token.
    printer.setDocName(translate("Printing", "Lok Desk — {0} — {1}").format(slip.title, slip.heading))
    private_file(printed_to_file(printer))   # created 0600 before Qt writes into it (no 0644 moment)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterNotStarted(printer.printerName())
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        paint_slip(painter, QRectF(0, 0, page.width(), page.height()), printer.resolution(), slip,
                   new_page=printer.newPage)
    finally:
        painter.end()
        private_file(printed_to_file(printer))


def render_slip_pages(slip: Slip, paper: PaperFormat, dpi: int = 200) -> list[QImage]:
    """The slip's pages as images (preview, tests): white pages at `dpi`, margins as on paper."""
    return render_layout_pages(page_layout(paper, slip.kind), dpi,
                               lambda painter, area, next_page: paint_slip(painter, area, dpi, slip,
                                                                           new_page=next_page))


def render_layout_pages(
    layout: QPageLayout, dpi: int, paint: Callable[[QPainter, QRectF, Callable[[], None]], object]
) -> list[QImage]:
    """White page images at `dpi` with `layout`'s margins, painted by `paint(painter, area, next_page)`
    (slips, courier sheets: what a preview shows and what the tests decode)."""
    full = layout.fullRectPixels(dpi)
    area = QRectF(layout.paintRectPixels(dpi))
    images: list[QImage] = []
    painter = QPainter()

    def begin() -> None:
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor("white"))
        images.append(image)
        painter.begin(image)

    def next_page() -> None:
        painter.end()
        begin()

    begin()
    try:
        paint(painter, area, next_page)
    finally:
        painter.end()
    return images


def print_image(printer: QPrinter, image: QImage, caption: str = "") -> None:
    """An image scaled to fit the page (keeping its proportions), with an optional caption above."""
    private_file(printed_to_file(printer))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterNotStarted(printer.printerName())
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
        private_file(printed_to_file(printer))

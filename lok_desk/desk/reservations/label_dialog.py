"""The courier's shipping label (#26): look at the JPEG, save the PDF, print it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from lok_desk.api import models
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.print_truth import send_to_printer
from lok_desk.desk.kit.printing import print_image, write_private
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.kit.tokens_view import PrinterChooser
from lok_desk.desk.kit.widgets import fit_to_screen

SavePathChooser = Callable[[QWidget, str], Awaitable[str | None]]




class LabelDialog(QDialog):
    def __init__(
        self,
        label: models.Label,
        shipment_id: str,
        choose_printer: PrinterChooser,
        parent: QWidget | None = None,
        *,
        save_path: SavePathChooser,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shipping label — {0}").format(shipment_id))
        self._label = label
        self._shipment_id = shipment_id
        self._choose_printer = choose_printer
        self._save_path = save_path
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Shipping label image"))
        self.image_label = QLabel(scroll)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName(self.tr("Shipping label image"))
        self.image = QImage.fromData(self._bytes("jpeg"))
        if self.image.isNull():
            self.image_label.setText(self.tr("Lok sent no readable label image; the PDF can still be saved."))
        else:
            self.image_label.setPixmap(
                QPixmap.fromImage(self.image).scaledToWidth(
                    min(640, self.image.width()), Qt.TransformationMode.SmoothTransformation
                )
            )
        scroll.setWidget(self.image_label)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        self.status = QLabel(self)
        self.status.setAccessibleDescription(self.tr("Label status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setAccessibleName(self.tr("Save label as PDF"))
        self.save_button.setEnabled(bool(self._bytes("pdf")))
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setAccessibleName(self.tr("Print label"))
        self.print_button.setEnabled(not self.image.isNull())
        self.save_button.clicked.connect(lambda: spawn(self.save_pdf(), owner=self))
        self.print_button.clicked.connect(lambda: spawn(self.print_label(), owner=self))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 800)
        # 800 px put the buttons below a 768 px screen: the image scrolls, the buttons stay in view.
        fit_to_screen(self)

    def _bytes(self, kind: str) -> bytes:
        try:
            data = self._label.jpeg_bytes() if kind == "jpeg" else self._label.pdf_bytes()
        except ValueError:
            return b""
        return data or b""

    async def save_pdf(self) -> str | None:
        path = await self._save_path(self, f"label-{self._shipment_id}.pdf")
        if not path:
            return None
        try:
            # Off the Qt thread: a network drive or a full disk must not freeze the window.
            await asyncio.to_thread(write_private, Path(path), self._bytes("pdf"))
        except OSError as error:
            # Through the problem path: the system's own words are English and technical.
            self.status.clear()
            report(self, error, doing=self.tr("saving the shipping label"))
            return None
        self.status.setText(self.tr("Saved to {0}").format(path))
        return path

    async def print_label(self) -> bool:
        printer = await self._choose_printer(self)
        if printer is None:
            return False
        printer.setDocName(self.tr("Lok Desk — shipping label {0}").format(self._shipment_id))
        if not await send_to_printer(self, printer, lambda: print_image(printer, self.image)):
            self.status.setText(self.tr("The label was not printed."))
            return False
        self.status.setText(self.tr("Label sent to the printer."))
        return True

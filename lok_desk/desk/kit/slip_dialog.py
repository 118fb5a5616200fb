"""“Print slip…” (Ctrl+Shift+P): which slip, on which paper, a preview, print or save as PDF.

Keys 1, 2 and 3 pick the courier slip, the recipient slip and the staff sheet; Enter prints. The
paper chosen is remembered for this desk. The PDF is written off the Qt thread (QPdfWriter needs no
GUI thread), so a slow network drive never freezes the window.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter, QPdfWriter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core.codes import SlipKind
from lok_desk.desk.kit.asyncqt import run_dialog, spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.printing import (
    PaperFormat,
    Slip,
    VoidSlipError,
    page_layout,
    paint_slip,
    paper_format_names,
    private_file,
    render_slip_pages,
)
from lok_desk.desk.kit.problem_views import ProblemLine, accept_problems, report
from lok_desk.desk.kit.slips import slip_names

if TYPE_CHECKING:
    from lok_desk.desk.kit.tokens_view import TokensView

SavePathChooser = Callable[[QWidget, str], Awaitable[str | None]]


def write_slip_pdf(path: str, slip: Slip, paper: PaperFormat) -> None:
    """Write one slip as a PDF file (any thread); a void slip is refused."""
    if slip.void or not slip.tokens:
        raise VoidSlipError(slip.kind.value)
    private_file(path)
    writer = QPdfWriter(path)
    writer.setResolution(300)
    layout: QPageLayout = page_layout(paper, slip.kind)
    writer.setPageLayout(layout)
    writer.setTitle(f"{slip.title} {slip.heading}")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(path)
    try:
        rect = layout.paintRectPixels(writer.resolution())
        paint_slip(painter, rect.translated(-rect.topLeft()).toRectF(), writer.resolution(), slip,
                   new_page=writer.newPage)
    finally:
        painter.end()
        private_file(path)


async def ask_pdf_path(parent: QWidget, suggested: str) -> str | None:
    """A save dialog starting in the Documents folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = str(Path(documents) / suggested)
    dialog = QFileDialog(parent, translate("SlipDialog", "Save slip as PDF"), start,
                         translate("SlipDialog", "PDF files (*.pdf)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("pdf")
    accepted = await run_dialog(dialog)
    files = dialog.selectedFiles()
    dialog.deleteLater()
    return files[0] if accepted and files else None


class SlipDialog(QDialog):
    def __init__(self, view: TokensView, paper: PaperFormat, parent: QWidget | None = None, *,
                 save_path: SavePathChooser = ask_pdf_path) -> None:
        super().__init__(parent)
        self._view = view
        self._save_path = save_path
        self.setWindowTitle(self.tr("Print slip"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        choices = QVBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[SlipKind, QRadioButton] = {}
        printable = view.printable
        for number, (kind, name) in enumerate(slip_names().items(), start=1):
            button = QRadioButton(f"&{number}  {name}", self)
            button.setAccessibleName(name)
            button.setEnabled(kind in printable)
            if kind not in printable:
                button.setToolTip(self.tr("Not printable in this reservation's state"))
            self.group.addButton(button, number)
            self.buttons[kind] = button
            choices.addWidget(button)
            # The bare digit picks a slip too: one key, no Alt, no mouse.
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.activated.connect(lambda k=kind: self.choose(k))
        form = QFormLayout()
        self.paper_combo = QComboBox(self)
        for paper_format, label in paper_format_names().items():
            self.paper_combo.addItem(label, paper_format.value)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper.value)))
        self.paper_combo.setAccessibleName(self.tr("Paper"))
        form.addRow(self.tr("&Paper"), self.paper_combo)
        choices.addLayout(form)
        self.status = ProblemLine(self, name=self.tr("Slip status"))
        accept_problems(self, self.status.show_problem)
        choices.addWidget(self.status)
        choices.addStretch(1)
        top.addLayout(choices)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(360, 420)
        self.preview = QLabel(scroll)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setAccessibleName(self.tr("Preview"))
        scroll.setWidget(self.preview)
        top.addWidget(scroll, 1)
        layout.addLayout(top, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.print_button = box.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = box.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: spawn(self.print_chosen(), owner=self))
        self.save_button.clicked.connect(lambda: spawn(self.save_pdf(), owner=self))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.group.idToggled.connect(self._on_toggled)
        self.paper_combo.currentIndexChanged.connect(lambda _i: self._update_preview())
        self.choose(view.fitting() or (printable[0] if printable else SlipKind.STAFF))

    @property
    def kind(self) -> SlipKind:
        for kind, button in self.buttons.items():
            if button.isChecked():
                return kind
        return SlipKind.STAFF

    @property
    def paper(self) -> PaperFormat:
        return PaperFormat(str(self.paper_combo.currentData()))

    def choose(self, kind: SlipKind) -> None:
        button = self.buttons[kind]
        if button.isEnabled():
            button.setChecked(True)
            self._update_preview()

    def _on_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._update_preview()

    def _update_preview(self) -> None:
        ratio = self.preview.devicePixelRatioF()
        pixmap, pages = preview_pixmap(self._view.slip(self.kind), self.paper, ratio)
        self.preview.setPixmap(pixmap)
        self.status.show_text(self.tr("{0} page(s)").format(len(pages)) if len(pages) > 1 else "")

    async def print_chosen(self) -> bool:
        await self._view.remember_paper(self.paper)
        done = await self._view.print_slip(self.kind, self.paper)
        if done:
            self.accept()
        return done

    async def save_pdf(self) -> str | None:
        slip = self._view.slip(self.kind)
        path = await self._save_path(self, f"{slip.kind.value}-{slip.heading}.pdf")
        if not path:
            return None
        await self._view.remember_paper(self.paper)
        try:
            await asyncio.to_thread(write_slip_pdf, path, slip, self.paper)
        except (OSError, VoidSlipError) as error:
            report(self, error, doing=self.tr("saving the slip"))
            return None
        self.status.show_text(self.tr("Saved to {0}").format(path))
        self._view.printed.emit(slip.kind.value)
        return path


#: The preview's size on screen: a page at 60 dots per logical inch fits the dialog beside the choices.
PREVIEW_DPI = 60


def preview_pixmap(slip: Slip, paper: PaperFormat, ratio: float) -> tuple[QPixmap, list[QImage]]:
    """The first page for the preview, drawn at the screen's device pixels (sharp at 1.5× and 2×, where
    a 60 dpi image was stretched and blurry), at the same size on screen; and every page."""
    ratio = max(1.0, ratio)
    pages = render_slip_pages(slip, paper, dpi=round(PREVIEW_DPI * ratio))
    pixmap = QPixmap.fromImage(pages[0])
    pixmap.setDevicePixelRatio(ratio)
    return pixmap, pages

"""Saving what the Insights pane shows: tables as CSV (the one safe writer), charts as PNG, all as PDF.

Files are prepared in memory on the Qt thread (a PNG or a PDF of a few hundred kB) and written off it,
owner-only, so a slow disk never freezes the window.
"""

from __future__ import annotations

import asyncio
import html
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize, QStandardPaths, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from lok_desk.core.csv_export import write_csv
from lok_desk.desk.kit.asyncqt import run_dialog
from lok_desk.desk.kit.charts import ChartPanel


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


async def write_file(path: str | Path, data: bytes) -> None:
    await asyncio.to_thread(_write_private, Path(path), data)


async def save_csv(path: str | Path, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    await asyncio.to_thread(write_csv, path, headers, rows, bom=True)


async def ask_save_path(
    parent: QWidget, title: str, suggested: str, file_filter: str, suffix: str
) -> str | None:
    """A save dialog awaited without exec(); a bare file name starts in Documents."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and suggested and not Path(suggested).is_absolute():
        suggested = str(Path(documents) / suggested)
    dialog = QFileDialog(parent, title, suggested, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    accepted = await run_dialog(dialog)
    files = dialog.selectedFiles()
    dialog.deleteLater()
    return files[0] if accepted and files else None


def image_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the format as str
    buffer.close()
    return bytes(data.data())


def chart_png(chart: ChartPanel, size: QSize | None = None) -> bytes:
    return image_bytes(chart.image(size))


def table_html(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        f"<h3>{html.escape(title)}</h3><table border='1' cellspacing='0' cellpadding='3'>"
        f"<tr>{head}</tr>{body}</table>"
    )


def pdf_bytes(
    title: str, subtitle: str, sections: Sequence[str], images: Sequence[tuple[str, QImage]]
) -> bytes:
    """A PDF of the pane: its title, the period, every table and chart (`images` are (name, image) pairs
    that `sections` refer to as <img src='name'>)."""
    document = QTextDocument()
    for name, image in images:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(f"<h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p>" + "".join(sections))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(12, 12, 12, 12)
        )
    )
    writer.setResolution(96)
    document.setPageSize(writer.pageLayout().paintRectPixels(96).size().toSizeF())
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())

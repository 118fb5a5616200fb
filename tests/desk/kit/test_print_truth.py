"""Printing tells the truth: a job has a title a person recognises in the print queue, and a job the
print system did not take is neither reported nor recorded as printed (QPrinter to PDF; no CUPS)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrinter

from lok_desk.core.codes import SlipKind
from lok_desk.core.print_queue import Queue, QueueState
from lok_desk.desk.kit import print_truth
from lok_desk.desk.kit.printing import PaperFormat, Slip, TokenForPrint, pdf_printer, print_slip


def _slip() -> Slip:
    return Slip(kind=SlipKind.COURIER, title="Courier slip", heading="PED-10294",
                tokens=[TokenForPrint("Delivery token", "ABCD1234", None, "delivery")])


def test_a_printed_slip_carries_a_job_title_with_its_shipment(tmp_path: Path, qapp: Any) -> None:
    path = tmp_path / "slip.pdf"
    printer = pdf_printer(str(path))
    print_slip(printer, _slip(), PaperFormat.A4)
    assert printer.docName() == "Lok Desk — Courier slip — PED-10294"
    assert "ABCD1234" not in printer.docName()
    data = path.read_bytes()
    # The PDF's Title (UTF-16, as a print queue lists the job).
    assert b"/Title (\xfe\xff" + "Lok Desk — Courier slip — PED-10294".encode("utf-16-be") in data


def test_a_refused_queue_prints_nothing_and_is_not_counted(
        tmp_path: Path, qapp: Any, arun: Callable[..., Any], monkeypatch: Any) -> None:
    printer = QPrinter()
    printer.setPrinterName("Labels")
    painted: list[bool] = []
    told: list[str] = []
    monkeypatch.setattr(print_truth, "message_box", lambda _parent, what, _next: told.append(what))
    for state, paints in ((QueueState(Queue.REJECTING, "Rejecting Jobs"), False),
                          (QueueState(Queue.GONE), False), (QueueState(Queue.STOPPED, "Paused"), True)):
        monkeypatch.setattr(print_truth, "queue_state", lambda _name, state=state: state)
        painted.clear()
        assert arun(print_truth.send_to_printer(None, printer, lambda: painted.append(True))) is False
        assert bool(painted) is paints
    assert "refused the job (Rejecting Jobs)" in told[0] and "no longer exists" in told[1]
    assert "is stopped (Paused)" in told[2]
    monkeypatch.setattr(print_truth, "queue_state", lambda _name: QueueState(Queue.ACCEPTING))
    assert arun(print_truth.send_to_printer(None, printer, lambda: painted.append(True))) is True


def test_the_slip_preview_is_drawn_at_the_screens_device_pixels(qapp: Any) -> None:
    from lok_desk.desk.kit.slip_dialog import preview_pixmap

    plain, _pages = preview_pixmap(_slip(), PaperFormat.A4, 1.0)
    sharp, _pages = preview_pixmap(_slip(), PaperFormat.A4, 2.0)
    assert sharp.devicePixelRatio() == 2.0
    assert abs(sharp.width() - 2 * plain.width()) <= 2, "twice the pixels at 2×"
    size = sharp.deviceIndependentSize()   # the same size on screen (rounding of whole pixels aside)
    assert abs(size.width() - plain.width()) <= 1 and abs(size.height() - plain.height()) <= 1

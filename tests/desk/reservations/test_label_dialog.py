"""The shipping label dialog saves the PDF owner-only, and a save that fails is said through the problem
path in the person's words (not the system's English), with nothing lost."""

from __future__ import annotations

import base64
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from lok_desk.api import models
from lok_desk.desk.reservations.label_dialog import LabelDialog


def _dialog(qtbot: Any, target: Path) -> LabelDialog:
    label = models.Label(pdf=base64.b64encode(b"%PDF-1.4 label").decode())

    async def choose(_parent: QWidget, _suggested: str) -> str | None:
        return str(target)

    async def no_printer(_parent: QWidget) -> None:
        return None

    dialog = LabelDialog(label, "SHP-LABEL-1", no_printer, save_path=choose)
    qtbot.addWidget(dialog)
    return dialog


def test_the_label_is_saved_owner_only(qtbot: Any, arun: Callable[..., Any], tmp_path: Path) -> None:
    target = tmp_path / "label.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    dialog = _dialog(qtbot, target)
    assert arun(dialog.save_pdf()) == str(target)
    assert target.read_bytes() == b"%PDF-1.4 label"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert dialog.status.text() == f"Saved to {target}"


def test_a_failed_save_is_said_through_the_problem_path(
    qtbot: Any, arun: Callable[..., Any], tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path / "no-such-folder" / "label.pdf")
    assert arun(dialog.save_pdf()) is None
    boxes = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    assert boxes, "the problem is shown"
    said = boxes[0].text() + " " + boxes[0].informativeText()
    assert "No such file" not in said and "Errno" not in said and "OSError" not in said
    assert dialog.status.text() == ""
    boxes[0].close()


def test_the_label_dialog_fits_the_screen_with_its_buttons(qtbot: Any, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "label.pdf")
    available = dialog.screen().availableGeometry()   # the offscreen test screen: 800 px tall
    assert dialog.height() + 40 <= available.height(), "the frame and the buttons stay on the screen"

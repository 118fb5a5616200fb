"""Courier intake in the desk against a real sandbox, typed like a scanner: Enter in the shipment field
moves on, one key creates, the list shows each answer, a slip is marked on its field, undo asks first,
the courier sheet is one owner-only PDF recorded in the desk history without its codes."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from lok_desk.core.history import Action, DeskLog
from lok_desk.core.intake import ParcelState, Refusal
from lok_desk.desk.intake.dialog import IntakeDialog
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for
from tests.desk.reservations._helpers import until

ENTER = Qt.Key.Key_Return


def make_dialog(qtbot: Any, session: QtSession, tmp_path: Path) -> IntakeDialog:
    session.has_window = True

    async def save_path(_parent: QWidget, suggested: str) -> str:
        return str(tmp_path / suggested)

    dialog = IntakeDialog(session, save_path=save_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def scan(qtbot: Any, dialog: IntakeDialog, text: str) -> None:
    """A keyboard-wedge scanner: the text typed fast into whatever has focus, then Enter."""
    target = dialog.focusWidget()
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, ENTER)


def test_a_scanned_batch_is_created_parcel_by_parcel_with_one_key_each(
        qtbot: Any, run: Any, desk_session: Callable[..., QtSession], tmp_path: Path) -> None:
    session = desk_session("employee")
    recorder = recorder_for(session)
    recorder.log = DeskLog(tmp_path / "history.jsonl")
    dialog = make_dialog(qtbot, session, tmp_path)
    qtbot.keyClicks(dialog.carrier_edit, "Veloz")
    qtbot.keyClicks(dialog.sender_edit, "Paqueteria Veloz")
    dialog.shipment_edit.setFocus()

    async def scenario() -> None:
        scan(qtbot, dialog, "DESK-INTAKE-1")
        # Enter in the shipment field moved on; nothing was created.
        assert dialog.focusWidget() is dialog.measures_edit and dialog.batch.parcels == []
        qtbot.keyClicks(dialog.measures_edit, "12 30 40 2")
        qtbot.keyClick(dialog.measures_edit, ENTER)
        assert dialog.focusWidget() is dialog.recipient_edit
        qtbot.keyClicks(dialog.recipient_edit, "Luis Perez")
        qtbot.keyClick(dialog.recipient_edit, ENTER)                   # the one key that creates
        assert dialog.focusWidget() is dialog.shipment_edit and dialog.shipment_edit.text() == ""
        assert dialog.carrier_edit.text() == "Veloz" and dialog.recipient_edit.text() == ""
        # The same label again: refused on the spot, the form kept, no line added.
        scan(qtbot, dialog, "DESK-INTAKE-1")
        qtbot.keyClicks(dialog.measures_edit, "8 30 40 1")
        qtbot.keyClick(dialog.measures_edit, ENTER)
        qtbot.keyClick(dialog.recipient_edit, ENTER, Qt.KeyboardModifier.ControlModifier)
        assert dialog.problem_label.isVisible() and "line 1" in dialog.problem_label.text()
        assert dialog.shipment_edit.property("invalid") and dialog.focusWidget() is dialog.shipment_edit
        assert dialog.measures_edit.text() == "8 30 40 1" and len(dialog.batch.parcels) == 1
        dialog.shipment_edit.selectAll()
        qtbot.keyClicks(dialog.shipment_edit, "DESK-INTAKE-2")
        qtbot.keyClick(dialog.shipment_edit, ENTER, Qt.KeyboardModifier.ControlModifier)
        # Too big for any box: the measures are marked, nothing sent.
        scan(qtbot, dialog, "DESK-INTAKE-3")
        qtbot.keyClicks(dialog.measures_edit, "70 70 70 3")
        qtbot.keyClick(dialog.measures_edit, ENTER, Qt.KeyboardModifier.ControlModifier)
        assert dialog.focusWidget() is dialog.measures_edit and "largest box" in dialog.problem_label.text()
        await dialog.settle()
        first, second = dialog.batch.parcels
        assert (first.state, first.size, second.state, second.size) == (
            ParcelState.CREATED, "m", ParcelState.CREATED, "s")
        shown = [dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())]
        assert shown == ["Created, box M", "Created, box S"]
        assert dialog.totals_label.text() == "2 created (S 1, M 1) · 0 refused · 0 undone"
        # Undo asks first; the chosen parcel is cancelled at Lok.
        dialog.table.setFocus()
        dialog.table.setCurrentIndex(dialog.table.model().index(1, 0))
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
        await until(lambda: any(b.isVisible() for b in dialog.findChildren(QMessageBox)), what="the question")
        box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
        assert box.defaultButton().text() == "Keep reservation"
        next(b for b in box.buttons() if b.text() == "Cancel reservation").click()
        await until(lambda: second.state is ParcelState.CANCELLED, what="the undo")
        assert dialog.model.index(1, 4).data() == "Undone (cancelled)"
        # One courier sheet, owner-only, recorded without a code.
        path = await dialog.save_sheet_pdf()
        assert path is not None and Path(path).read_bytes().startswith(b"%PDF")
        assert stat.S_IMODE(Path(path).stat().st_mode) == 0o600
        await recorder.flush()
        events = [e for e in recorder.log.read() if e.action is Action.PRINTED_COURIER_SHEET]
        assert len(events) == 1 and "DESK-INTAKE-1" in events[0].detail
        history_text = (tmp_path / "history.jsonl").read_text(encoding="utf-8")
        assert first.delivery_token and first.delivery_token not in history_text

    run(scenario())


def test_offline_keeps_the_line_to_retry_and_enter_brings_it_back(
        qtbot: Any, run: Any, desk_session: Callable[..., QtSession], tmp_path: Path) -> None:
    session = desk_session("employee")
    dialog = make_dialog(qtbot, session, tmp_path)

    async def scenario() -> None:
        session.service.offline = True
        scan(qtbot, dialog, "DESK-OFF-1")
        qtbot.keyClicks(dialog.measures_edit, "12x30x40 2")
        qtbot.keyClick(dialog.measures_edit, ENTER, Qt.KeyboardModifier.ControlModifier)
        # Lok needs a sender: the carried-over field is marked, nothing added.
        assert dialog.focusWidget() is dialog.sender_edit and dialog.batch.parcels == []
        qtbot.keyClicks(dialog.sender_edit, "Bodega Sur")
        qtbot.keyClick(dialog.sender_edit, ENTER, Qt.KeyboardModifier.ControlModifier)
        await dialog.settle()
        (parcel,) = dialog.batch.parcels
        assert parcel.state is ParcelState.REFUSED and parcel.refusal is not None
        assert parcel.refusal.reason is Refusal.OFFLINE
        assert "cannot be reached" in dialog.model.index(0, 4).data()
        session.service.offline = False
        dialog.table.setFocus()
        dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
        qtbot.keyClick(dialog.table, ENTER)
        assert dialog.shipment_edit.text() == "DESK-OFF-1" and dialog.measures_edit.text() == "12 30 40 2"
        assert "line 1" in dialog.editing_label.text()
        qtbot.keyClick(dialog.measures_edit, ENTER, Qt.KeyboardModifier.ControlModifier)
        await dialog.settle()
        assert parcel.state is ParcelState.CREATED and len(dialog.batch.parcels) == 1

    run(scenario())

"""The front-desk tools in the real main window: the employee starts on the Today board, the owner on
the Reservations list; Ctrl+I takes the last search into the code inspector; the tabs an owner has."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from lok_desk.desk.inspector.pane import CodeInspector
from lok_desk.desk.locations.free_boxes import FreeBoxesPane
from lok_desk.desk.today.pane import TodayBoard

NOT_FOUND_WORDS = ("Not found among the active reservations and those of the last 30 days"
                   " (older ones were not searched): an older code, or not one of this company.")


def test_the_employee_starts_on_the_today_board(signed_in_window: Any, qtbot: Any) -> None:
    window = signed_in_window("employee")
    today = window.pane_of(TodayBoard)
    assert today is not None and window.tabs.currentWidget() is today
    assert window.pane_of(FreeBoxesPane) is None         # one location: nothing to compare
    qtbot.waitUntil(lambda: today._loaded, timeout=20000)
    assert window.tabs.tabText(window.tabs.indexOf(today)).startswith("&Today")


def test_the_owner_starts_on_reservations_and_ctrl_i_inspects_the_last_search(
    signed_in_window: Any, qtbot: Any
) -> None:
    window = signed_in_window("owner")
    inspector = window.pane_of(CodeInspector)
    assert inspector is not None
    assert window.tabs.currentWidget() is window.reservations
    free_boxes = window.pane_of(FreeBoxesPane)
    assert free_boxes is not None and window.tabs.indexOf(free_boxes) >= 0
    window.search_edit.setText("NO-SUCH-CODE-42")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is inspector
    qtbot.waitUntil(lambda: inspector.lookup is not None, timeout=20000)
    assert inspector.verdict.text() == NOT_FOUND_WORDS
    assert inspector.code_edit.text() == "NO-SUCH-CODE-42"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.pane_of(TodayBoard)


def test_a_printed_slip_lands_in_the_desk_history_without_its_token(
    signed_in_window: Any, qtbot: Any, arun: Any, tmp_path: Any
) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from lok_desk.core.history import Action
    from lok_desk.desk.kit.printing import pdf_printer
    from lok_desk.desk.recorder import recorder_for

    window = signed_in_window("owner")
    pane = window.reservations

    async def to_pdf(_parent: QWidget) -> QPrinter | None:
        return pdf_printer(str(tmp_path / "slip.pdf"))

    tokens_view = pane.detail.tokens
    tokens_view._choose_printer = to_pdf
    tokens_view.paper_path = tmp_path / "slip-format.json"
    # A reserved one: a pending pre-reservation has no courier slip (its delivery token opens nothing yet).
    active = next(row for row in pane.model.rows if row.status == "reserved")
    arun(pane.open_reservation(active.id))
    qtbot.waitUntil(lambda: bool(tokens_view.printable), timeout=20000)
    arun(pane.print_selected())
    recorder = recorder_for(window.session)
    arun(recorder.flush())
    events = recorder.log.read()
    assert [(e.action, e.detail, e.reservation_id) for e in events][-1] == (
        Action.PRINTED_SLIP, "courier", active.id)
    text = recorder.log.path.read_text(encoding="utf-8")
    assert all(token not in text for token in tokens_view.token_texts())

"""The front-desk tools in the real main window: the employee starts on the Today board, the owner on
the Reservations list; Ctrl+I takes the last search into the code inspector; the tabs an owner has."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def test_the_employee_starts_on_the_today_board(signed_in_window: Any, qtbot: Any) -> None:
    window = signed_in_window("employee")
    tools = window.tools
    assert window.tabs.currentWidget() is tools.today
    assert tools.free_boxes is None                      # one location: nothing to compare
    qtbot.waitUntil(lambda: tools.today._loaded, timeout=20000)
    assert window.tabs.tabText(window.tabs.indexOf(tools.today)).startswith("&Today")


def test_the_owner_starts_on_reservations_and_ctrl_i_inspects_the_last_search(
    signed_in_window: Any, qtbot: Any
) -> None:
    window = signed_in_window("owner")
    tools = window.tools
    assert window.tabs.currentWidget() is window.reservations
    assert tools.free_boxes is not None and window.tabs.indexOf(tools.free_boxes) >= 0
    window.search_edit.setText("NO-SUCH-CODE-42")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is tools.inspector
    qtbot.waitUntil(lambda: tools.inspector.lookup is not None, timeout=20000)
    assert tools.inspector.verdict.text() == "Not a code of this company, or not found."
    assert tools.inspector.code_edit.text() == "NO-SUCH-CODE-42"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is tools.today

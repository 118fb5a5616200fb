"""A keyboard-wedge scanner in the real main window (issue 21): a burst of characters at scanner speed
ending in Enter goes to Find wherever the focus is; tables' type-ahead and "open the current row" never
act on it; a person typing slowly still gets the type-ahead; one row stays selected after finds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from lok_desk.desk.inspector.pane import CodeInspector
from lok_desk.desk.today.pane import TodayBoard


def _active(window: Any, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _scan(qtbot: Any, widget: QWidget, code: str) -> None:
    """What a scanner does: the whole code and Enter with no pause (QTest sends them back to back)."""
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    # The router's clock moves 4 ms a key (xdotool --delay 4), however loaded the test machine is.
    ticks = iter(range(100000))
    widget.window().scanner._clock = lambda: next(ticks) * 0.004
    for char in code:
        if char.isupper():
            # A wedge scanner (like xdotool) presses Shift for each capital.
            qtbot.keyPress(widget, Qt.Key.Key_Shift)
            qtbot.keyClick(widget, char, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyRelease(widget, Qt.Key.Key_Shift)
        else:
            qtbot.keyClicks(widget, char)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def _loaded_rows(window: Any, qtbot: Any) -> list[Any]:
    model = window.reservations.model
    qtbot.waitUntil(lambda: model.rowCount() > 3, timeout=20000)
    return [model.row_at(i) for i in range(model.rowCount())]


def _opened(window: Any) -> str | None:
    return window.reservations.detail.reservation_id


def test_a_scan_into_a_focused_table_opens_the_scanned_reservation_not_the_current_row(
    signed_in_window: Any, qtbot: Any
) -> None:
    window = signed_in_window("employee")
    _active(window, qtbot)
    rows = _loaded_rows(window, qtbot)
    target = rows[-1]
    today = window.pane_of(TodayBoard)
    assert today is not None
    qtbot.waitUntil(lambda: today._loaded, timeout=20000)
    window.tabs.setCurrentWidget(today)
    table = today.views[today.current_bucket()].table
    _scan(qtbot, table, target.shipment_id or target.id)
    qtbot.waitUntil(lambda: _opened(window) == target.id, timeout=20000)
    assert window.tabs.currentWidget() is window.reservations
    # The next scan goes to Find, which holds this one selected so the next replaces it.
    assert QApplication.focusWidget() is window.search_edit
    assert window.search_edit.selectedText() == (target.shipment_id or target.id)

    # In the Reservations table too: a code starting with a row's first letters does not jump there.
    other = rows[1]
    window.reservations.focus_list()
    _scan(qtbot, window.reservations.table, other.id)
    qtbot.waitUntil(lambda: _opened(window) == other.id, timeout=20000)
    assert window.reservations.selected_reservation_id() == other.id


def test_a_scan_goes_to_find_from_every_pane_and_to_the_inspector_in_its_field(
    signed_in_window: Any, qtbot: Any
) -> None:
    window = signed_in_window("owner")
    _active(window, qtbot)
    rows = _loaded_rows(window, qtbot)
    inspector = window.pane_of(CodeInspector)
    assert inspector is not None
    for index in range(window.tabs.count()):
        pane = window.tabs.widget(index)
        window.tabs.setCurrentIndex(index)
        window.search_edit.clear()
        row = rows[index % len(rows)]
        # Whatever takes the focus first in the pane (a table, a filter, a button, the inspector's field).
        pane.setFocus()
        pane.focusNextChild()
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not window or not pane.isAncestorOf(focused):
            continue
        _scan(qtbot, focused, row.id)
        if focused is inspector.code_edit:
            qtbot.waitUntil(lambda: inspector.lookup is not None, timeout=20000)
            assert window.search_edit.text() == ""
            continue
        qtbot.waitUntil(lambda row=row: _opened(window) == row.id, timeout=20000)
        assert window.search_edit.text() == row.id, window.tabs.tabText(index)


def test_a_scan_into_a_filter_field_leaves_the_field_as_it_was(signed_in_window: Any, qtbot: Any) -> None:
    window = signed_in_window("owner")
    _active(window, qtbot)
    rows = _loaded_rows(window, qtbot)
    pane = window.reservations
    pane.filter_edit.setText("")
    _scan(qtbot, pane.filter_edit, rows[2].id)
    qtbot.waitUntil(lambda: _opened(window) == rows[2].id, timeout=20000)
    assert pane.filter_edit.text() == ""


def test_a_person_typing_into_a_table_keeps_its_type_ahead(signed_in_window: Any, qtbot: Any) -> None:
    window = signed_in_window("owner")
    _active(window, qtbot)
    _loaded_rows(window, qtbot)
    pane = window.reservations
    ticks = iter(range(1000))
    # A person: a fifth of a second between keys (the router's clock, so the test does not wait).
    window.scanner._clock = lambda: next(ticks) * 0.2
    pane.focus_list()
    first = pane.table.currentIndex()
    # A row other than the current one, named by what its first column shows (what type-ahead reads).
    target = pane.proxy.index(pane.proxy.rowCount() - 1, 0)
    assert target.row() != first.row()
    shown = str(target.data())
    qtbot.keyClicks(pane.table, shown)
    # Held back for a moment, then handed to the table as typed: its type-ahead moves the current row.
    qtbot.waitUntil(lambda: pane.table.currentIndex().row() == target.row())
    assert window.search_edit.text() == ""


def test_finds_leave_one_row_selected(signed_in_window: Any, qtbot: Any, arun: Any) -> None:
    window = signed_in_window("owner")
    _active(window, qtbot)
    rows = _loaded_rows(window, qtbot)
    pane = window.reservations
    # The view repaints a selection only when told: the selection model's signal must reach it.
    told: list[int] = []
    pane.table.selectionModel().selectionChanged.connect(lambda *_: told.append(1))
    for row in rows[:4]:
        told.clear()
        assert arun(window.find_reservation(row.id))
        assert told
        selected = {index.row() for index in pane.table.selectionModel().selectedRows()}
        assert len(selected) == 1
        assert pane.selected_reservation_id() == row.id

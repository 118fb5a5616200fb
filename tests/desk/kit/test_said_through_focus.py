"""Results reach Orca 43, which does not speak announcements but does speak a new description of the
focused widget (docs/decisions.md, What Orca speaks): announce() puts the result there and gives the
widget its own words back when the focus leaves."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from lok_desk.desk.kit.problems import announce


def test_a_result_becomes_the_focused_fields_description_until_the_focus_leaves(qtbot: Any) -> None:
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    try:
        _said_through_focus(qtbot)
    finally:
        QAccessible.setActive(was_active)


def _said_through_focus(qtbot: Any) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    find, other = QLineEdit(), QLineEdit()
    find.setAccessibleDescription("A shipment id or token")
    layout.addWidget(find)
    layout.addWidget(other)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    find.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is find)
    announce(window, "No reservation found for “X”.")
    assert find.accessibleDescription() == "No reservation found for “X”."
    announce(window, "Opened the reservation for “Y”.")
    assert find.accessibleDescription() == "Opened the reservation for “Y”."
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
    assert find.accessibleDescription() == "A shipment id or token"

"""Small helpers for the owner-workspace tests: clicking like a person."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QRadioButton


def click(qtbot: Any, button: QAbstractButton) -> None:
    """A left click where a person clicks: the middle of a button, the box of a check or radio box
    (those only react on their box and label, not on the empty width a layout gives them)."""
    assert button.isEnabled(), f"{button.text()!r} is disabled: {button.toolTip()}"
    x = 8 if isinstance(button, QCheckBox | QRadioButton) else button.width() // 2
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(x, button.height() // 2))

"""Fits any screen: every pane and dialog laid out at 1024×600 (a small laptop, or 4K at 200 %), in English
and in Spanish, keeps its buttons inside the window, its fields at least as wide as their hint, and
scrolls only vertically."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QTabBar,
    QWidget,
)

from lok_desk.desk.kit import theme
from lok_desk.desk.kit.i18n import InstalledLanguage, install_language
from lok_desk.desk.kit.widgets import place_window, saved_geometry
from lok_desk.desk.window.main_window import MainWindow
from tests.desk.surfaces import each_surface, shown

SMALL = QSize(1024, 600)
# Set LOK_DESK_LAYOUT_SHOTS=/some/dir to keep a PNG of every surface (to look at them), and
# LOK_DESK_LAYOUT_THEME=dark (or high_contrast) to lay them out in that theme.
SHOTS = os.environ.get("LOK_DESK_LAYOUT_SHOTS", "")
THEME = os.environ.get("LOK_DESK_LAYOUT_THEME", "")


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    installed: InstalledLanguage | None = None
    if request.param != "en":
        installed = install_language(request.param)
    yield request.param
    if installed is not None:
        installed.uninstall()


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def layout_problems(name: str, root: QWidget) -> list[str]:
    found = []
    window = root.rect()
    for button in root.findChildren(QAbstractButton):
        if not shown(button, root) or isinstance(button.parentWidget(), QTabBar):
            continue
        if _in_scroll_area(button, root):
            continue   # scrolled into view with the form; the dialog's own buttons sit outside
        where = QRect(button.mapTo(root, button.rect().topLeft()), button.size())
        if not window.contains(where):
            found.append(f"{name}: button {button.text() or button.accessibleName()!r} at {where.getRect()} "
                         f"lies outside the window {window.width()}×{window.height()}")
    for edit in root.findChildren(QLineEdit):
        if not shown(edit, root) or not edit.placeholderText() or edit.parentWidget() is None:
            continue
        if type(edit.parentWidget()).__name__ in ("QComboBox", "QAbstractSpinBox", "QDateTimeEdit",
                                                  "QDateEdit", "QSpinBox", "QDoubleSpinBox"):
            continue
        need = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 12
        if edit.width() < need:
            found.append(f"{name}: field {edit.accessibleName()!r} is {edit.width()} px, its hint "
                         f"{edit.placeholderText()!r} needs {need}")
    for area in root.findChildren(QScrollArea):
        if shown(area, root) and area.horizontalScrollBar().maximum() > 0:
            found.append(f"{name}: {area.accessibleName() or 'a scroll area'} scrolls sideways by "
                         f"{area.horizontalScrollBar().maximum()} px")
    return found


def fit(surface: QWidget, qtbot: Any) -> None:
    """Size the surface as on a 1024×600 screen: the window maximised, a dialog at most that big."""
    if isinstance(surface, QMainWindow):
        surface.resize(SMALL)
    else:
        surface.resize(surface.size().boundedTo(SMALL))
    QApplication.processEvents()
    qtbot.waitUntil(lambda: surface.size().width() <= SMALL.width() and surface.height() <= SMALL.height())
    QApplication.processEvents()


def test_every_pane_and_dialog_fits_a_small_screen(language: str, signed_in_window: Callable[..., MainWindow],
                                                   qtbot: Any, arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    if THEME:
        follower = theme.ThemeFollower(QApplication.instance(), THEME)  # type: ignore[arg-type]
        window.destroyed.connect(lambda *_: follower.apply(theme.LIGHT))
    minimum = window.minimumSizeHint()
    assert minimum.width() <= SMALL.width() and minimum.height() <= SMALL.height(), minimum
    problems: list[str] = []
    seen = 0
    for name, surface in each_surface(window, qtbot, arun):
        fit(surface, qtbot)
        seen += 1
        problems += layout_problems(f"{language} · {name}", surface)
        if SHOTS:
            safe = "".join(ch if ch.isalnum() else "-" for ch in name)
            surface.grab().save(str(Path(SHOTS) / f"{THEME or 'light'}-{language}-{safe}.png"))
    assert seen >= 13
    assert not problems, "\n".join(problems)


def test_the_window_opens_inside_the_screen(signed_in_window: Callable[..., MainWindow], qtbot: Any) -> None:
    window = signed_in_window("owner")
    available = window.screen().availableGeometry()

    def on_screen() -> bool:
        # The test screen (offscreen, 800 px wide) is narrower than the window can be (1024×600 is the
        # aim); the window then takes the screen's left edge and its own minimum width.
        if window.isMaximized():   # a small screen (this one): the window manager fits it exactly
            return True
        frame = window.frameGeometry()
        border = frame.width() - window.width()
        wide_enough = max(available.width(), window.minimumSizeHint().width() + border)
        return (frame.left() >= available.left() and frame.top() >= available.top()
                and frame.bottom() <= available.bottom() and frame.width() <= wide_enough
                and (frame.right() <= available.right() or frame.left() == available.left()))

    # A saved geometry from a bigger screen, partly off this one, comes back clamped to it.
    window.setGeometry(available.x() + 300, available.y() + 200, available.width() + 400,
                       available.height() + 300)
    saved = saved_geometry(window)
    window.setGeometry(available.x(), available.y(), 400, 300)
    place_window(window, saved)
    assert on_screen(), (window.frameGeometry(), available)
    # Nothing saved: a comfortable size that fits.
    place_window(window, "")
    assert on_screen(), (window.frameGeometry(), available)
    # Garbage in the settings file is ignored, not obeyed.
    place_window(window, "not base64 at all")
    assert on_screen()

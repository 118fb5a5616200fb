"""A layout that holds still and fits: the notice strip and the error banner float over the bottom of the
panes, so the tab bar and the table keep their place, under the pointer, while they come and go; the
window's frame fits the screen (maximised on 1366×768 and 1024×600)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

from lok_desk.desk.kit.widgets import window_placement
from lok_desk.desk.notices import Notice, NoticeKind
from lok_desk.desk.window.main_window import MainWindow


def _place(widget: QWidget, window: MainWindow) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_notices_and_banners_do_not_move_the_tabs_or_the_table(
        signed_in_window: Callable[..., MainWindow], qtbot: Any) -> None:
    window = signed_in_window("owner")
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024)
    tab_bar, table = window.tabs.tabBar(), window.reservations.table
    before = (_place(tab_bar, window), _place(table, window))
    assert not window.banner.isVisible() and not window.notice_bar.isVisible()

    window.notice_bar.show_notice(Notice(NoticeKind.DELIVERED, "", "PED-1", "Central", datetime.now(UTC),
                                         message="PED-1 was delivered at Central."))
    qtbot.waitUntil(window.notice_bar.isVisible)
    window.banner.show_message("Could not load the list.", "Lok Desk tries again by itself.")
    qtbot.waitUntil(window.banner.isVisible)
    assert (_place(tab_bar, window), _place(table, window)) == before
    # Both are on screen, inside the window, over the bottom of the panes (not off below it).
    overlay = _place(window.message_overlay, window)
    tabs = _place(window.tabs, window)
    assert window.message_overlay.isVisible() and tabs.contains(overlay)
    assert overlay.bottom() == tabs.bottom() and overlay.height() >= window.banner.height()
    assert _place(window.banner, window).top() >= tabs.top() + tab_bar.height()

    window.banner.dismiss()
    window.notice_bar.hide()
    qtbot.waitUntil(lambda: not window.message_overlay.isVisible())
    assert (_place(tab_bar, window), _place(table, window)) == before


def test_small_screens_start_the_window_maximised_and_big_ones_fit_it_frame_counted() -> None:
    frame = QSize(8, 40)   # a title bar and borders
    minimum = QSize(900, 560)
    # 1024×600 and 1366×768 (a panel takes 32 px): maximised, so the status bar is on the screen.
    for screen in (QRect(0, 0, 1024, 568), QRect(0, 0, 1366, 736), QRect(0, 32, 1366, 736)):
        maximise, area = window_placement(screen, frame, QSize(1280, 800), minimum, None)
        assert maximise and area == screen
    # A big screen: the first size, centred, the frame inside the available area.
    big = QRect(0, 0, 1920, 1050)
    maximise, area = window_placement(big, frame, QSize(1280, 800), minimum, None)
    assert not maximise and area.size() == QSize(1280, 800)
    framed = area.adjusted(0, 0, frame.width(), frame.height())
    assert big.contains(framed)
    # A saved geometry taller than the screen comes back shorter by the frame, not only by the content.
    maximise, area = window_placement(big, frame, QSize(1900, 1200), minimum, QPoint(300, 200))
    assert not maximise and area.height() + frame.height() <= big.height()
    assert big.contains(area.adjusted(0, 0, frame.width(), frame.height()))


def test_the_window_starts_maximised_on_this_small_test_screen(
        signed_in_window: Callable[..., MainWindow], qtbot: Any) -> None:
    window = signed_in_window("owner")   # the offscreen test screen is 800 px wide
    qtbot.waitUntil(window.isMaximized)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry().topLeft())
    assert window.statusBar().mapTo(window, QPoint(0, 0)).y() + window.statusBar().height() <= window.height()


def test_the_detail_actions_are_never_cut_by_its_scrollbar(
        signed_in_window: Callable[..., MainWindow], qtbot: Any) -> None:
    window = signed_in_window("owner")
    pane = window.reservations
    qtbot.waitUntil(lambda: not pane.loading and pane.model.rowCount() > 0, timeout=20000)
    pane.show_detail_soon(pane.model.row_at(0).id)
    detail = pane.detail
    qtbot.waitUntil(lambda: detail.reservation_id is not None, timeout=20000)
    for width in (240, 300, 520):   # a narrow detail beside the table at 1024 px, and a wide one
        detail.resize(width, detail.height())
        qtbot.waitUntil(lambda width=width: detail.width() == width)
        viewport = detail._scroll.viewport()
        for button in detail._action_buttons:
            right = button.mapTo(viewport, QPoint(button.width(), 0)).x()
            assert right <= viewport.width(), (width, button.text(), right, viewport.width())

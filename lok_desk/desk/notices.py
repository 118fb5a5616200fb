"""Arrival notices: what happened at the person's locations while they worked, told without a pop-up.

The `NoticeCenter` listens to the store (lok_desk.core.store). A status that moved in a sync or a
detail read (never the desk's own action, never a list the person loaded) becomes a notice when the
reservation is at one of the person's locations: delivered, picked up, reopened, cancelled (at the
locker, by another desk or another program: Lok does not say which), and newly overdue (checked against
the server's clock every `overdue_check_ms`; overdue ones already there at start are not news).

Each notice appears in the window's `NoticeBar` (non-modal: an inline strip with Open and Dismiss),
is kept in the list of recent notices (Notices, in the status bar), becomes a desktop notification
through Qt's system tray when the window is not active and a tray exists, and beeps when sound is on.
Each kind can be muted (View ▸ Notices); the choices are kept in `notices.json` beside the settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from lok_desk.core import rules
from lok_desk.core.store import Origin, StoreChange
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.qt_session import QtSession
from lok_desk.paths import make_private_dir

RECENT = 50


class NoticeKind(StrEnum):
    DELIVERED = "delivered"
    PICKED_UP = "picked_up"
    REOPENED = "reopened"
    CANCELLED = "cancelled"
    OVERDUE = "overdue"
    LIMIT = "limit"          # an Insights limit crossed (free boxes, parcels past pick-up)


def kind_label(kind: NoticeKind) -> str:
    return {
        NoticeKind.DELIVERED: translate("Notices", "Delivered"),
        NoticeKind.PICKED_UP: translate("Notices", "Picked up"),
        NoticeKind.REOPENED: translate("Notices", "Reopened"),
        NoticeKind.CANCELLED: translate("Notices", "Cancelled"),
        NoticeKind.OVERDUE: translate("Notices", "Newly overdue"),
        NoticeKind.LIMIT: translate("Notices", "Limits crossed (Insights)"),
    }[kind]


def kind_for(after: str) -> NoticeKind | None:
    """The notice a new status makes (None: not news at the desk, e.g. a pre-reservation confirmed)."""
    return {"delivered": NoticeKind.DELIVERED, "picked_up": NoticeKind.PICKED_UP,
            "reopened": NoticeKind.REOPENED, "reopened2": NoticeKind.REOPENED,
            "cancelled": NoticeKind.CANCELLED}.get(after)


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    reservation_id: str
    shipment_id: str
    location_name: str
    when: datetime
    message: str = ""       # the whole sentence, for notices about no one reservation (LIMIT)

    @property
    def text(self) -> str:
        if self.message:
            return self.message
        what = {
            NoticeKind.DELIVERED: translate("Notices", "{shipment} was delivered at {location}."),
            NoticeKind.PICKED_UP: translate("Notices", "{shipment} was picked up at {location}."),
            NoticeKind.REOPENED: translate("Notices", "{shipment} was reopened at {location}."),
            NoticeKind.CANCELLED: translate("Notices", "{shipment} was cancelled ({location})."),
            NoticeKind.OVERDUE: translate("Notices", "{shipment} is now overdue at {location}."),
        }[self.kind]
        return what.format(shipment=self.shipment_id, location=self.location_name)


class NoticeCenter(QObject):
    """Turns store changes into notices and keeps the recent ones and the mute choices."""

    notice_added = Signal(object)     # Notice
    overdue_check_ms = 30_000

    def __init__(self, session: QtSession, settings_file: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._settings_file = settings_file
        self.recent: deque[Notice] = deque(maxlen=RECENT)
        self.muted: set[NoticeKind] = set()
        self.sound = False
        self._overdue: set[str] | None = None
        self._load_settings()
        unsubscribe = session.store.subscribe(self._on_store_change)
        self.destroyed.connect(lambda *_: unsubscribe())
        self._timer = QTimer(self)
        self._timer.setInterval(self.overdue_check_ms)
        self._timer.timeout.connect(self.check_overdue)
        self._timer.start()

    # ---- settings -------------------------------------------------------------------------------
    def _load_settings(self) -> None:
        if self._settings_file is None:
            return
        try:
            raw = json.loads(self._settings_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(raw, dict):
            self.muted = {NoticeKind(k) for k in raw.get("muted", []) if k in set(NoticeKind)}
            self.sound = bool(raw.get("sound", False))

    def set_muted(self, kind: NoticeKind, muted: bool) -> None:
        (self.muted.add if muted else self.muted.discard)(kind)
        self._save_soon()

    def set_sound(self, on: bool) -> None:
        self.sound = on
        self._save_soon()

    def _save_soon(self) -> None:
        path = self._settings_file
        if path is None:
            return
        body = json.dumps({"muted": sorted(self.muted), "sound": self.sound})

        def write() -> None:
            with contextlib.suppress(OSError):
                make_private_dir(path.parent)
                path.write_text(body, encoding="utf-8")

        # Off the Qt thread: a slow home folder must not freeze the menu that was clicked.
        spawn(asyncio.to_thread(write), owner=self)

    # ---- what is news -----------------------------------------------------------------------------
    def _mine(self, location_id: str | None) -> bool:
        caps = self._session.capabilities
        if not caps.sees_all_locations:
            return location_id == caps.location_id
        return self._session.location(location_id) is not None

    def _on_store_change(self, change: StoreChange) -> None:
        if change.origin not in (Origin.SYNC, Origin.DETAIL):
            return
        for moved in change.statuses:
            if moved.before is None or moved.before == moved.after:
                continue
            kind = kind_for(moved.after)
            if kind is not None:
                self._add(kind, moved.reservation_id)

    def check_overdue(self) -> None:
        """Reservations that became overdue since the last check (by the server's clock)."""
        overdue = self._session.store.overdue_ids(self._session.server_now())
        if self._overdue is not None:
            for reservation_id in sorted(overdue - self._overdue):
                self._add(NoticeKind.OVERDUE, reservation_id)
        self._overdue = overdue

    def add_message(self, kind: NoticeKind, text: str, location_name: str = "") -> Notice:
        """A notice about no one reservation (an Insights limit crossed): kept, and told unless muted."""
        notice = Notice(kind, "", "", location_name, datetime.now(UTC), text)
        self.recent.appendleft(notice)
        if kind not in self.muted:
            self.notice_added.emit(notice)
        return notice

    def _add(self, kind: NoticeKind, reservation_id: str) -> None:
        reservation = self._session.store.get(reservation_id)
        if reservation is None or not self._mine(reservation.location_id):
            return
        if kind is NoticeKind.OVERDUE and rules.is_finished(str(reservation.current_status or "")):
            return
        notice = Notice(kind, reservation_id, reservation.shipment_id or reservation_id,
                        self._session.location_name(reservation.location_id), datetime.now(UTC))
        self.recent.appendleft(notice)
        if kind in self.muted:
            return   # kept in the recent list, but not announced
        self.notice_added.emit(notice)


class NoticeBar(QWidget):
    """The in-window notice: one line, Open and Dismiss; hides itself after a while."""

    open_requested = Signal(str)      # reservation id
    visible_ms = 20_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAccessibleName(self.tr("Notice"))
        self.setStyleSheet("#noticeBar { background: #E8F1FB; border-bottom: 1px solid #B8D4F0; }"
                           "#noticeBar QLabel { color: #0B3A66; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("Latest notice"))
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setAccessibleName(self.tr("Open the reservation of this notice"))
        self.dismiss_button = QToolButton(self)
        self.dismiss_button.setText("✕")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setToolTip(self.tr("Dismiss this notice"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss notice"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self._reservation_id = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self._reservation_id))
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_notice(self, notice: Notice) -> None:
        self._reservation_id = notice.reservation_id
        self.label.setText(notice.text)
        self.open_button.setVisible(bool(notice.reservation_id))
        self.show()
        self._timer.start(self.visible_ms)


class NoticeAnnouncer(QObject):
    """Binds a NoticeCenter to a window: the bar, the recent list (bell), the tray, the beep, the menu."""

    def __init__(self, center: NoticeCenter, window: QWidget, bar: NoticeBar, bell: QToolButton,
                 open_reservation: Callable[[str], None]) -> None:
        super().__init__(window)
        self.center = center
        self._window = window
        self._bar = bar
        self._bell = bell
        self._open = open_reservation
        self._tray: QSystemTrayIcon | None = None
        self._bell_menu = QMenu(window)
        self._bell_menu.setAccessibleName(self.tr("Recent notices"))
        bell.setMenu(self._bell_menu)
        bell.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bell.setText(self.tr("Notices"))
        bell.setToolTip(self.tr("Recent notices"))
        bell.setAccessibleName(self.tr("Recent notices"))
        self._bell_menu.aboutToShow.connect(self._fill_bell)
        bar.open_requested.connect(open_reservation)
        center.notice_added.connect(self._announce)

    def _fill_bell(self) -> None:
        menu = self._bell_menu
        menu.clear()
        if not self.center.recent:
            empty = menu.addAction(self.tr("No notices yet"))
            empty.setEnabled(False)
            return
        for notice in list(self.center.recent)[:20]:
            stamp = notice.when.astimezone().strftime("%H:%M")
            action = menu.addAction(f"{stamp}  {notice.text}")
            if notice.reservation_id:
                action.triggered.connect(lambda _checked=False, rid=notice.reservation_id: self._open(rid))

    def _announce(self, notice: Notice) -> None:
        if not shiboken6.isValid(self._bar):
            return
        self._bar.show_notice(notice)
        self._bell.setText(self.tr("Notices ({count})").format(count=len(self.center.recent)))
        if not self._window.isActiveWindow() and QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self._window.windowIcon(), self)
                self._tray.messageClicked.connect(
                    lambda: self._bar._reservation_id and self._open(self._bar._reservation_id))
                self._tray.show()
            self._tray.showMessage(self.tr("Lok Desk"), notice.text, QSystemTrayIcon.MessageIcon.Information,
                                   8000)
        if self.center.sound:
            QApplication.beep()

    def add_menu(self, view_menu: QMenu) -> QMenu:
        """View ▸ Notices: one switch per kind, and the sound."""
        menu = view_menu.addMenu(self.tr("&Notices"))
        for kind in NoticeKind:
            action = QAction(kind_label(kind), menu)
            action.setCheckable(True)
            action.setChecked(kind not in self.center.muted)
            action.toggled.connect(lambda on, k=kind: self.center.set_muted(k, not on))
            menu.addAction(action)
        menu.addSeparator()
        sound = QAction(self.tr("Play a sound"), menu)
        sound.setCheckable(True)
        sound.setChecked(self.center.sound)
        sound.toggled.connect(self.center.set_sound)
        menu.addAction(sound)
        return menu

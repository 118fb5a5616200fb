"""The main window: who/where header, location switcher, global search, panes as tabs, status bar."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core import rules
from lok_desk.core.problems import Problem
from lok_desk.desk.kit.asyncqt import async_slot, spawn
from lok_desk.desk.kit.icons import PaletteIcons
from lok_desk.desk.kit.overlay import BottomOverlay
from lok_desk.desk.kit.problem_views import accept_problems, with_server
from lok_desk.desk.kit.problems import announce
from lok_desk.desk.kit.scanner import ScanRouter, mark_scan_target
from lok_desk.desk.kit.widgets import Banner
from lok_desk.desk.locations import LocationsPane
from lok_desk.desk.notices import NoticeAnnouncer, NoticeBar, NoticeCenter
from lok_desk.desk.owner import owner_panes
from lok_desk.desk.preferences import Preferences, add_preference_menus
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.roles import reason_text
from lok_desk.desk.window.header import WindowHeader
from lok_desk.desk.window.help_menu import HelpActions
from lok_desk.desk.window.panes import (
    HoldsResources,
    Pane,
    PaneRegistration,
    PrintsSlip,
    Startable,
    StartWhen,
)
from lok_desk.desk.window.registry import DESK_PANES
from lok_desk.desk.window.status_line import StatusLine
from lok_desk.paths import AppPaths
from lok_desk.resources import app_icon

if TYPE_CHECKING:
    from lok_desk.desk.reservations import ReservationsPane

PaneFactory = Callable[[QtSession, QWidget], "ReservationsPane"]
W = TypeVar("W", bound=QWidget)

#: A window left in the background this long syncs at the idle pace (lok_desk.core.sync).
IDLE_AFTER_MS = 5 * 60 * 1000


def default_reservations_pane(session: QtSession, parent: QWidget) -> ReservationsPane:
    """The real Reservations pane (imported late: the shell must load even if it fails to import)."""
    from lok_desk.desk.reservations import ReservationsPane

    return ReservationsPane(session, parent)


class MainWindow(QMainWindow):
    """Shows a signed-in `QtSession`; emits `finished("sign_out" | "quit")` when the person leaves."""

    finished = Signal(str)
    ready = Signal(int)        # the first reservation page is on screen (rows)

    def __init__(
        self,
        session: QtSession,
        *,
        reservations_pane_factory: PaneFactory | None = None,
        preferences: Preferences | None = None,
        snapshot_dir: Path | None = None,
        panes: Sequence[PaneRegistration] = DESK_PANES,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        # The offline snapshot lives in the user cache directory (AppPaths.cache_dir). The shell may
        # pass it; a window of the default paths (the real app) finds it by itself.
        if snapshot_dir is None and preferences is not None:
            default = AppPaths.default()
            if preferences.path == default.settings_file:
                snapshot_dir = default.cache_dir
        if snapshot_dir is not None and session.snapshot is None:
            session.attach_snapshot(snapshot_dir)
        self.preferences = preferences
        self._finished = False
        self._ready_sent = False
        self._started = False
        session.has_window = True
        self.setWindowIcon(app_icon())
        company = session.company_name or self.tr("Lok")
        # The environment is in the title too: it shows in the task bar and window switcher.
        environment = {"PRODUCTION": self.tr("PRODUCTION"), "SANDBOX": self.tr("SANDBOX"),
                       "CUSTOM": self.tr("CUSTOM SERVER")}.get(session.environment, session.environment)
        self.setWindowTitle(self.tr("Lok Desk — {company} [{environment}]").format(
            company=company, environment=environment))
        self.resize(1280, 800)
        self.setMinimumSize(QSize(900, 560))
        # Drawn in the palette's text colour and redrawn when the theme changes (Fusion's standard
        # pixmaps were nearly invisible on the dark theme).
        self.icons = PaletteIcons(self)

        self._build_header()
        self.banner = Banner()
        # Arrival notices (lok_desk/desk/notices.py): a strip under the banner, a bell with the
        # recent ones, the tray when the window is in the background.
        self.notices = NoticeCenter(
            session, preferences.path.parent / "notices.json" if preferences is not None else None, self)
        self.notice_bar = NoticeBar()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Panes"))
        factory = reservations_pane_factory or default_reservations_pane
        self.reservations = factory(session, self)
        self.reservations.setAccessibleName(self.tr("Reservations"))
        self.locations = LocationsPane(session, self)
        self.tabs.addTab(self.reservations, self.tr("&Reservations"))
        self.tabs.addTab(self.locations, self.tr("&Locations"))
        self.icons.bind(lambda icon: self.tabs.setTabIcon(0, icon), "reservations")
        self.icons.bind(lambda icon: self.tabs.setTabIcon(1, icon), "locations")
        # Owner workspace (settings, webhook, reports, directories, pre-reservations); none for employees.
        self.owner_panes = owner_panes(session, self, on_open_reservation=self.open_reservation)
        # Panes whose start() waits for the first look (owner panes, registered "when_shown" ones) and
        # those that start with the window (the Today board).
        self._start_when_shown: list[QWidget] = [pane for _title, pane in self.owner_panes]
        self._started_panes: set[int] = set()
        self._start_with_window: list[Startable] = []
        for title, pane in self.owner_panes:
            self.tabs.addTab(pane, title)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        # Banner and notices float over the bottom of the tabs: nothing moves under the pointer.
        self.message_overlay = BottomOverlay(self.tabs, [self.banner, self.notice_bar])

        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(IDLE_AFTER_MS)
        self._idle_timer.timeout.connect(lambda: self.session.sync.set_idle(True))
        self._build_actions()
        self._build_status_bar()
        self.header.fill_locations()
        self._update_write_actions()
        # The panes registered in lok_desk.desk.window.registry (Today, inspector, …) and their keys.
        for register in panes:
            register(self)

        self._connect()
        self.setTabOrder(self.location_combo, self.search_edit)
        self.setTabOrder(self.search_edit, self.tabs)

    def _connect(self) -> None:
        """What the window follows: the session's state, the panes' loads, the tab in front."""
        session = self.session
        session.busy_changed.connect(self.status_line.show_busy)
        session.offline_changed.connect(self._on_offline)
        if session.offline:   # opened offline on the saved list (an offline start)
            self.status_line.show_offline(True)
        session.last_success_changed.connect(self.status_line.show_last_success)
        session.error_raised.connect(self.show_problem)
        # The window's banner is where problems without a form or a pane line of their own are shown.
        accept_problems(self, self.show_problem)
        session.message_posted.connect(self._show_status)
        session.locations_changed.connect(self.header.fill_locations)
        self.reservations.first_page_loaded.connect(self._on_first_page)
        # Once a list is in, the tokens of its reservations are indexed for Ctrl+F (in the background).
        self.reservations.load_finished.connect(
            lambda _rows: session.token_fill.start(self.current_location_id()))
        session.token_fill.on_progress.append(self.status_line.show_fill_progress)
        self.locations.new_reservation_requested.connect(self._new_reservation_at)
        self.tabs.currentChanged.connect(lambda _index: self._update_write_actions())
        self.tabs.currentChanged.connect(self._start_shown_pane)
        # Cancel follows the chosen row's state, also when the row changes under it (a live delivery).
        self.reservations.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_write_actions())
        self.reservations.model.dataChanged.connect(lambda *_: self._update_write_actions())
        self.reservations.model.modelReset.connect(self._update_write_actions)

    # ---- header ---------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.header = WindowHeader(self.session, self.icons)
        # The window's own names for what tests and the registered panes use.
        self.company_label = self.header.company_label
        self.user_label = self.header.user_label
        self.role_label = self.header.role_label
        self.badge = self.header.badge
        self.location_combo = self.header.location_combo
        self.search_edit = self.header.search_edit
        self.location_combo.currentIndexChanged.connect(self._on_location_switched)
        self.search_edit.returnPressed.connect(self._on_search)
        # A scanner's burst + Enter goes to Find wherever the focus is (lok_desk.desk.kit.scanner).
        mark_scan_target(self.search_edit)
        self.scanner = ScanRouter(self, self.take_scan)

    def current_location_id(self) -> str | None:
        """The switcher's location, None for all locations."""
        return self.header.current_location_id()

    def _on_location_switched(self, _index: int) -> None:
        self.reservations.set_location(self.current_location_id())
        self._update_write_actions()

    # ---- actions --------------------------------------------------------------------------------
    def add_action(self, text: str, shortcut: QKeySequence | str | None, slot: Callable[..., Any],
                   icon: str | None = None) -> QAction:
        """A window-wide action with its key (works with the menu bar hidden) and a themed icon."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            self.icons.bind(action.setIcon, icon)
        action.triggered.connect(slot)
        self.addAction(action)   # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        self.new_action = self.add_action(self.tr("&New reservation…"), "Ctrl+N", self.new_reservation_slot,
                                       "new-reservation")
        self.cancel_action = self.add_action(self.tr("&Cancel reservation…"),
                                          QKeySequence(QKeySequence.StandardKey.Delete),
                                          self.cancel_selected_slot, "cancel-reservation")
        # Delete must not fire while typing in the search box or a filter: the pane owns it.
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.cancel_action)
        self.reservations.addAction(self.cancel_action)
        self.print_action = self.add_action(self.tr("&Print slip or label…"), "Ctrl+P", self.print_slot,
                                         "print")
        self.find_action = self.add_action(self.tr("&Find reservation"), "Ctrl+F", self.focus_search,
                                           "search")
        self.refresh_action = self.add_action(self.tr("&Refresh"), "F5", self.refresh_slot, "refresh")
        self.sign_out_action = self.add_action(self.tr("Sign &out"), "Ctrl+Shift+Q", self.sign_out_slot,
                                            "sign-out")
        self.quit_action = self.add_action(self.tr("&Quit"), QKeySequence(QKeySequence.StandardKey.Quit),
                                        self.close)
        self.reservations_tab_action = self.add_action(
            self.tr("&Reservations"), "Ctrl+1", lambda: self.show_list(self.reservations))
        self.locations_tab_action = self.add_action(
            self.tr("&Locations"), "Ctrl+2", lambda: self.tabs.setCurrentWidget(self.locations))
        # Every owner tab has its key too (Ctrl+3 …): Ctrl+Tab stays inside a focused table, so the
        # keyboard had no way to reach Notifications, Reports and the others.
        self.owner_tab_actions: list[QAction] = []
        for number, (title, pane) in enumerate(self.owner_panes, start=3):
            self.owner_tab_actions.append(self.add_action(
                title, f"Ctrl+{number}", lambda _checked=False, p=pane: self.tabs.setCurrentWidget(p)))
        for action, name in ((self.new_action, self.tr("New reservation")),
                             (self.cancel_action, self.tr("Cancel reservation")),
                             (self.print_action, self.tr("Print")),
                             (self.find_action, self.tr("Find reservation")),
                             (self.refresh_action, self.tr("Refresh")),
                             (self.sign_out_action, self.tr("Sign out")),
                             (self.quit_action, self.tr("Quit"))):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{name} ({keys})")

        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.reservation_menu = menu_bar.addMenu(self.tr("R&eservation"))  # Alt+R: the Reservations tab
        for action in (self.new_action, self.cancel_action, self.print_action, self.find_action):
            self.reservation_menu.addAction(action)
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        self.view_menu = view_menu
        for action in (self.reservations_tab_action, self.locations_tab_action, *self.owner_tab_actions):
            view_menu.addAction(action)
        if self.preferences is not None:
            add_preference_menus(view_menu, self.preferences, self,
                                 notify=lambda text: self.statusBar().showMessage(text, 10000))
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.help_actions = HelpActions(self, self.session)   # diagnostics, log folder, About
        self.help_actions.fill(help_menu)

        self.toolbar = QToolBar(self.tr("Actions"))
        self.toolbar.setObjectName("actions")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(18, 18))
        for action in (self.new_action, self.cancel_action, self.print_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.refresh_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.sign_out_action)
        for action in self.toolbar.actions():
            widget = self.toolbar.widgetForAction(action)
            if widget is not None and action.text():
                widget.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _update_write_actions(self) -> None:
        """Write actions follow the role (and, for employees, the location) with the reason shown."""
        caps = self.session.capabilities
        permission = caps.can_write_reservations(self.current_location_id())
        on_reservations = self.tabs.currentWidget() is self.reservations
        for action, what, shortcut in ((self.new_action, self.tr("New reservation"), "Ctrl+N"),
                                       (self.cancel_action, self.tr("Cancel the selected reservation"),
                                        "Del")):
            action.setEnabled(bool(permission) and (action is self.new_action or on_reservations))
            action.setToolTip(f"{what} ({shortcut})" if permission else f"{what}: {permission.reason}")
            action.setStatusTip(permission.reason)
        # A row in the locker, picked up or cancelled cannot be cancelled: say so before the press
        # (the refusal used to come only after it), the same reason the detail's button gives.
        row = self.reservations.selected_row()
        refusal = rules.cancel_refusal(row.status) if row is not None and permission else None
        if refusal is not None:
            reason = reason_text(refusal)
            self.cancel_action.setEnabled(False)
            self.cancel_action.setToolTip(self.tr("Cancel the selected reservation: {0}").format(reason))
            self.cancel_action.setStatusTip(reason)

    def _new_reservation_at(self, location_id: str) -> None:
        self.tabs.setCurrentWidget(self.reservations)
        spawn(self.reservations.new_reservation(location_id), owner=self)

    @async_slot()
    async def new_reservation_slot(self) -> None:
        if not self.new_action.isEnabled():
            return
        self.tabs.setCurrentWidget(self.reservations)
        await self.reservations.new_reservation(self.current_location_id())

    @async_slot()
    async def cancel_selected_slot(self) -> None:
        if self.cancel_action.isEnabled():
            await self.reservations.cancel_selected()

    @async_slot()
    async def print_slot(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, PrintsSlip):
            await current.print_slip()
            return
        self.tabs.setCurrentWidget(self.reservations)
        await self.reservations.print_selected()

    async def refresh(self) -> None:
        """F5: reload the pane in front."""
        current = self.tabs.currentWidget()
        if current is self.locations:
            await self.locations.refresh()
        elif isinstance(current, Pane):
            await current.refresh()
        else:
            await self.reservations.refresh()

    def open_reservation(self, reservation_id: str) -> None:
        """A pane made or found a reservation: show it in the Reservations pane."""
        self.tabs.setCurrentWidget(self.reservations)
        spawn(self.reservations.open_reservation(reservation_id), owner=self)

    def open_reservations(self, reservation_ids: Collection[str], title: str) -> None:
        """A pane wants these reservations checked (an Insights figure): the Reservations pane shows
        only them, saying why, until Show all."""
        self.tabs.setCurrentWidget(self.reservations)
        self.reservations.show_only(reservation_ids, title)

    # ---- registered panes ------------------------------------------------------------------------
    def add_pane(self, title: str, pane: QWidget, *, start: StartWhen = "never") -> None:
        """A tab after the built-in ones (see lok_desk.desk.window.registry); `start` says when its
        `start()` runs."""
        self.tabs.addTab(pane, title)
        if start != "never" and not isinstance(pane, Startable):
            raise TypeError(f"{type(pane).__name__} has no start() to run {start}")
        if start == "with_window" and isinstance(pane, Startable):
            self._start_with_window.append(pane)
        elif start == "when_shown":
            self._start_when_shown.append(pane)

    def pane_of(self, kind: type[W]) -> W | None:
        """The tab of this type, if the window has one (tests and tools find panes by what they are)."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, kind):
                return widget
        return None

    def _start_shown_pane(self, _index: int) -> None:
        # Owner and "when_shown" panes load on first view, so signing in costs no extra calls.
        pane = self.tabs.currentWidget()
        if (isinstance(pane, Startable) and any(pane is p for p in self._start_when_shown)
                and id(pane) not in self._started_panes):
            self._started_panes.add(id(pane))
            pane.start()

    async def _shutdown_owner_panes(self) -> None:
        """Close what the owner panes hold open (the local webhook receiver) before the window goes."""
        for _title, pane in self.owner_panes:
            if isinstance(pane, HoldsResources):
                await pane.shutdown()

    @async_slot()
    async def refresh_slot(self) -> None:
        await self.refresh()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def take_scan(self, code: str) -> None:
        """A scan caught elsewhere in the window: Find it, and leave the focus where the next scan goes."""
        if not code:
            return
        self.search_edit.setText(code)
        self.focus_search()
        self._on_search()

    def show_list(self, pane: QWidget) -> None:
        """Ctrl+1 and the like: the pane in front with the focus in its list (`focus_list()`), so the
        arrows move through rows at once."""
        self.tabs.setCurrentWidget(pane)
        focus_list = getattr(pane, "focus_list", None)
        if focus_list is not None:
            focus_list()

    # ---- global search --------------------------------------------------------------------------
    def _on_search(self) -> None:
        text = self.search_edit.text().strip()
        if text:
            spawn(self.find_reservation(text), owner=self)

    async def find_reservation(self, text: str) -> bool:
        """Ask the Reservations pane to open what was typed or scanned; say so when nothing matches."""
        if self.tabs.currentWidget() is not self.reservations:
            self.tabs.setCurrentWidget(self.reservations)
            if self.search_edit.hasFocus():
                # Orca 43 follows the tab that came to front and then ignores what Find says; a focus
                # event brings it back to Find, where the result is said (kit.problems.announce).
                self.search_edit.clearFocus()
                self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        found = await self.reservations.find(text)
        if found:
            self.search_edit.setStyleSheet("")
            self.session.notify(self.tr("Opened the reservation for “{text}”. Ctrl+I tells whether the code "
                                        "works at the locker now.").format(text=text))
        else:
            # Both colours: under a dark palette the text would otherwise be light on pale pink.
            self.search_edit.setStyleSheet("QLineEdit { background: #FDECEA; color: #611A15; }")
            # Short, to fit the status bar at 1024 px: what was searched is in the detail, where the
            # reservation shown before was (lok_desk.desk.reservations.find_flow.show_miss).
            self.session.notify(self.tr("No reservation found for “{text}”. Ctrl+I tells why a code does "
                                        "not work.").format(text=text), timeout_ms=15000)
        # Selected, so the next scan replaces it instead of appending to it.
        self.search_edit.selectAll()
        return bool(found)

    # ---- status bar -----------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.status_line = StatusLine(self.statusBar(), self.session)
        self.offline_label = self.status_line.offline_label
        self.last_refresh_label = self.status_line.last_refresh_label
        self.bell = self.status_line.bell
        self.notice_announcer = NoticeAnnouncer(self.notices, self, self.notice_bar, self.bell,
                                                self.open_reservation)
        self.notices_menu = self.notice_announcer.add_menu(self.view_menu)

    def _on_offline(self, offline: bool) -> None:
        self.status_line.show_offline(offline)
        if offline:
            return
        # Live sync catches up by itself; a list whose load failed loads again (no F5 needed).
        if getattr(self.reservations, "last_load_failed", False):
            spawn(self.reservations.refresh(), owner=self)
        # Dismissed by what it is about (offline, slow server), not by looking for an English word.
        if self.banner.isVisible() and self.banner.problem is not None and self.banner.problem.transient:
            self.banner.dismiss()

    def show_problem(self, problem: Problem) -> None:
        """The banner, naming this window's server (kit.problem_views.tell and the session's
        error_raised land here)."""
        self.banner.show_problem(with_server(problem, self.session.server_label))

    def _show_status(self, text: str, timeout_ms: int) -> None:
        """Results and successes in the status bar, and said to a screen reader (not only written)."""
        self.statusBar().showMessage(text, timeout_ms)
        announce(self.statusBar(), text)

    # ---- life cycle -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.WindowStateChange, QEvent.Type.ActivationChange):
            # Minimised: sync at the idle pace at once; in the background: after a few minutes.
            if self.isMinimized():
                self._idle_timer.stop()
                self.session.sync.set_idle(True)
            elif self.isActiveWindow():
                self._idle_timer.stop()
                self.session.sync.set_idle(False)
            elif not self._idle_timer.isActive():
                self._idle_timer.start()
        if event.type() == QEvent.Type.PaletteChange:
            # Widgets under a style sheet keep the palette they were polished with.
            self.header.restyle()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            # Start loading only once the window is up, so the person sees it at once.
            QTimer.singleShot(0, self._start_panes)

    def _start_panes(self) -> None:
        self.reservations.set_location(self.current_location_id())
        self.reservations.start()
        for pane in self._start_with_window:
            pane.start()
        self.session.start_sync()

    @property
    def is_ready(self) -> bool:
        """Shown, with the first reservation page on screen."""
        return self._ready_sent

    def _on_first_page(self, rows: int) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit(rows)

    async def sign_out(self) -> None:
        """Revoke the token (QtSession.sign_out) and hand back to the sign-in."""
        self.sign_out_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Signing out…"))
        await self._shutdown_owner_panes()
        await self.session.sign_out()
        self._finish("sign_out")

    @async_slot()
    async def sign_out_slot(self) -> None:
        await self.sign_out()

    def _finish(self, how: str) -> None:
        if not self._finished:
            self._finished = True
            self.finished.emit(how)

    def closeEvent(self, event: QCloseEvent) -> None:
        spawn(self._shutdown_owner_panes(), owner=self.session)
        self._finish("quit")
        event.accept()

"""What the main window asks of its panes, and what a pane registration may use of the window.

Typed protocols instead of getattr and Any. A registration (see lok_desk.desk.window.registry) is a
function of a `PaneHost`: it builds its panes with the session, adds them with `add_pane` and its keys
with `add_action`; it never reaches into the window's privates, and the window never imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QLineEdit, QMenu, QTabWidget, QWidget

    from lok_desk.desk.qt_session import QtSession
    from lok_desk.desk.reservations import ReservationsPane

#: When a registered pane's `start()` runs: with the window (once it shows), the first time the pane
#: is looked at (signing in costs no extra calls), or never (the pane loads itself).
StartWhen = Literal["with_window", "when_shown", "never"]


@runtime_checkable
class Pane(Protocol):
    """A tab that loads when first shown (so signing in costs no extra calls) and reloads on F5."""

    def start(self) -> None: ...

    async def refresh(self) -> None: ...


@runtime_checkable
class Startable(Protocol):
    """A tab with a first load of its own (Today board, desk history)."""

    def start(self) -> None: ...


@runtime_checkable
class PrintsSlip(Protocol):
    """A tab that answers Ctrl+P itself (the code inspector prints the slip of the code it shows)."""

    async def print_slip(self) -> bool: ...


@runtime_checkable
class HoldsResources(Protocol):
    """A pane with something open beyond its widgets (the workbench's local webhook receiver), closed
    before the window goes."""

    async def shutdown(self) -> None: ...


class PaneHost(Protocol):
    """The main window as a pane registration sees it."""

    session: QtSession
    tabs: QTabWidget
    reservations: ReservationsPane
    search_edit: QLineEdit
    reservation_menu: QMenu
    view_menu: QMenu

    def add_pane(self, title: str, pane: QWidget, *, start: StartWhen = "never") -> None: ...

    def add_action(self, text: str, shortcut: QKeySequence | str | None, slot: Callable[..., Any],
                   icon: str | None = None) -> QAction: ...

    def open_reservation(self, reservation_id: str) -> None: ...

    def show_list(self, pane: QWidget) -> None: ...

    def open_reservations(self, reservation_ids: Collection[str], title: str) -> None: ...


#: Adds one feature's panes (and their keys) to the window; returns what it built, for tests.
PaneRegistration = Callable[[PaneHost], object]

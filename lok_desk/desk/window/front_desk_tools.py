"""Adds the front-desk tools (issue 12) to the main window: Today board, code inspector, desk history.

A pane registration (lok_desk.desk.window.registry): it only adds tabs, actions and menu entries
through the window's `PaneHost` face.

Keys: Ctrl+I inspects a code (the text of the last Ctrl+F search, if any), Ctrl+Shift+P chooses which
slip to print, Ctrl+T shows the Today board. The Today board is the pane an employee sees first: the
question an employee's day starts with is "what needs me today at my location" (couriers due,
overdue parcels, parcels waiting past their pick-up date), not the full list; owners keep the
Reservations list first, since they look across every location.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction

from lok_desk.core.history import Action, Outcome
from lok_desk.desk.history.pane import DeskHistoryPane
from lok_desk.desk.inspector.pane import CodeInspector
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.tokens_view import TokensView
from lok_desk.desk.locations.free_boxes import FreeBoxesPane
from lok_desk.desk.recorder import recorder_for
from lok_desk.desk.today.pane import TodayBoard
from lok_desk.desk.window.panes import PaneHost


@dataclass
class FrontDeskTools:
    """What was added to the window."""

    today: TodayBoard
    inspector: CodeInspector
    inspect_action: QAction
    print_choice_action: QAction
    today_tab_action: QAction
    history: DeskHistoryPane
    free_boxes: FreeBoxesPane | None


def install_front_desk_tools(window: PaneHost) -> FrontDeskTools:
    session = window.session
    tabs = window.tabs
    choose = getattr(window.reservations, "choose_printer", None)
    extra = {"choose_printer": choose} if choose is not None else {}
    today = TodayBoard(session, tabs, on_open_reservation=window.open_reservation, **extra)
    window.add_pane(today.tab_title(), today, start="with_window")
    today.counts_changed.connect(lambda: tabs.setTabText(tabs.indexOf(today), today.tab_title()))
    inspector = CodeInspector(session, tabs, on_open_reservation=window.open_reservation, **extra)
    window.add_pane(translate("FrontDeskTools", "Code &inspector"), inspector)
    free_boxes: FreeBoxesPane | None = None
    if session.capabilities.sees_all_locations:
        # Across locations: for owners (and the roles that read every location); an employee has one.
        def reserve_there(location_id: str, size: str) -> None:
            tabs.setCurrentWidget(window.reservations)
            spawn(window.reservations.new_reservation(location_id, size), owner=tabs)

        free_boxes = FreeBoxesPane(session, tabs, on_new_reservation=reserve_there)
        window.add_pane(translate("FrontDeskTools", "Free bo&xes"), free_boxes)
    history = DeskHistoryPane(session, tabs)
    # Loaded when first looked at: signing in reads no log.
    window.add_pane(translate("FrontDeskTools", "Desk histor&y"), history, start="when_shown")

    def inspect() -> None:
        tabs.setCurrentWidget(inspector)
        text = window.search_edit.text().strip()
        if text and text != inspector.code_edit.text().strip():
            inspector.code_edit.setText(text)
            spawn(inspector.inspect(text), owner=inspector)
        inspector.code_edit.setFocus()
        inspector.code_edit.selectAll()

    def print_choice() -> None:
        tabs.setCurrentWidget(window.reservations)
        spawn(window.reservations.print_choice_selected(), owner=tabs)

    inspect_action = window.add_action(
        translate("FrontDeskTools", "&Inspect a code"), "Ctrl+I", inspect, "search")
    print_choice_action = window.add_action(
        translate("FrontDeskTools", "Print &slip…"), "Ctrl+Shift+P", print_choice, "print")
    today_tab_action = window.add_action(
        translate("FrontDeskTools", "&Today"), "Ctrl+T", lambda: window.show_list(today))
    for action, name in ((inspect_action, translate("FrontDeskTools", "Inspect a code")),
                         (print_choice_action, translate("FrontDeskTools", "Print slip"))):
        action.setToolTip(f"{name} ({action.shortcut().toString()})")
    window.reservation_menu.addAction(print_choice_action)
    window.reservation_menu.addAction(inspect_action)
    window.view_menu.addAction(today_tab_action)
    # Desk history: every write through the service, and every slip printed, from here on.
    recorder = recorder_for(session)

    def printed(view: object, kind: str) -> None:
        if isinstance(view, TokensView):
            recorder.record(Action.PRINTED_SLIP, Outcome.DONE, view.reservation, detail=kind,
                            forbidden=view.token_texts())

    # The Reservations pane reports its detail's and its create dialog's slips; the inspector its own.
    slip_printed = getattr(window.reservations, "slip_printed", None)
    if slip_printed is not None:
        slip_printed.connect(printed)
    inspector.slips.printed.connect(lambda kind: printed(inspector.slips, kind))
    if not session.capabilities.sees_all_locations:
        tabs.setCurrentWidget(today)
    return FrontDeskTools(today, inspector, inspect_action, print_choice_action, today_tab_action, history,
                          free_boxes)

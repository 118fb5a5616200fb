"""Adds the Insights pane (issue 23) to the main window: every role; an employee sees their own location.

A pane registration (lok_desk.desk.window.registry). Limits crossed go through the window's notice path
(View ▸ Notices mutes them); a figure's reservations open in the Reservations pane, which then shows
only them until Show all.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from lok_desk.core.insights.thresholds import Crossing
from lok_desk.core.rules import Role
from lok_desk.desk.insights.limits import LimitsDialog, crossing_text, load_limits, save_limits
from lok_desk.desk.insights.pane import InsightsPane
from lok_desk.desk.kit.asyncqt import run_dialog, spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.window.panes import PaneHost


def _limits_file(window: PaneHost) -> Path | None:
    preferences: Any = getattr(window, "preferences", None)
    path = getattr(preferences, "path", None)
    return Path(path).parent / "insights.json" if path is not None else None


def install_insights(window: PaneHost) -> InsightsPane:
    session = window.session
    notices: Any = getattr(window, "notices", None)
    limits_file = _limits_file(window)

    def crossed(crossings: list[Crossing]) -> None:
        if notices is None:
            return
        from lok_desk.desk.notices import NoticeKind
        for crossing in crossings:
            name = session.location_name(crossing.threshold.location)
            notices.add_message(NoticeKind.LIMIT, crossing_text(crossing, name), name)

    def open_behind(ids: Collection[str], title: str) -> None:
        if len(ids) == 1:
            window.open_reservation(next(iter(ids)))
        else:
            window.open_reservations(ids, title)

    pane = InsightsPane(session, window.tabs, on_open_reservations=open_behind, on_crossings=crossed,
                        thresholds=load_limits(limits_file))
    window.add_pane(translate("Insights", "Insi&ghts"), pane, start="when_shown")

    may_set = session.capabilities.role in (Role.OWNER, Role.SELLER)
    pane.limits_button.setEnabled(may_set)
    if not may_set:
        pane.limits_button.setToolTip(
            translate("Insights", "Limits are set by the company's owner or seller."))

    async def edit_limits() -> None:
        locations = [(location.id, location.internal_name or location.id)
                     for location in session.store.locations()]
        dialog = LimitsDialog(pane.presenter.watch.thresholds, locations, pane)
        if await run_dialog(dialog):
            pane.presenter.set_thresholds(dialog.limits)
            await save_limits(limits_file, dialog.limits)
            if pane.presenter.insights is not None:
                await pane.presenter.choose(pane.presenter.selection.location, pane.presenter.selection.size)
        dialog.deleteLater()

    pane.limits_button.clicked.connect(lambda: spawn(edit_limits(), owner=pane))
    return pane

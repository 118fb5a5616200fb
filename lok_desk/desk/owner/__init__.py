"""The owner workspace: notification settings, webhook workbench, reports, directories, pre-reservations.

Scopes (docs/decisions.md, Who may do what): owner and seller edit; reporter and admin read with the edit
controls greyed out and the reason as tooltip; an employee sees none of these panes. Every pane has
`start()` (first load, after the window shows) and `async refresh()` (F5).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.owner.directories import DirectoriesPane
from lok_desk.desk.owner.notifications import NotificationSettingsPane
from lok_desk.desk.owner.prereservations import PreReservationsPane
from lok_desk.desk.owner.reports import ReportsPane
from lok_desk.desk.owner.webhook_state import WebhookState
from lok_desk.desk.owner.workbench import WebhookWorkbenchPane
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.roles import Role


def owner_panes(
    session: QtSession,
    parent: QWidget | None = None,
    *,
    on_open_reservation: Callable[[str], None] | None = None,
) -> list[tuple[str, QWidget]]:
    """The owner-workspace tabs this person may see (employee: none), in display order."""
    caps = session.capabilities
    if caps.role is Role.EMPLOYEE or not caps.can_read_company_settings():
        return []
    # One webhook object: a save in one pane shows in the other (the secret the workbench verifies with).
    webhook = WebhookState(session, parent)
    panes: list[tuple[str, QWidget]] = [
        (translate("owner_panes", "Notifications"), NotificationSettingsPane(session, webhook, parent)),
        (translate("owner_panes", "Webhook workbench"), WebhookWorkbenchPane(session, webhook, parent)),
        (translate("owner_panes", "Reports"), ReportsPane(session, parent)),
        (translate("owner_panes", "Directories"), DirectoriesPane(session, parent)),
    ]
    if caps.can_pre_reserve():
        panes.append(
            (
                translate("owner_panes", "Pre-reservations"),
                PreReservationsPane(session, parent, on_open_reservation=on_open_reservation),
            )
        )
    return panes


__all__ = [
    "DirectoriesPane",
    "NotificationSettingsPane",
    "PreReservationsPane",
    "ReportsPane",
    "WebhookState",
    "WebhookWorkbenchPane",
    "owner_panes",
]

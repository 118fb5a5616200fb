"""Registers the front desk's batch jobs with the main window: courier intake (Ctrl+Shift+N), the audit
(Ctrl+Shift+A).

A pane registration (lok_desk.desk.window.registry). Courier intake is a window of its own that stays
open beside the desk (one at a time: the key brings it back); roles that may not create reservations see
the action disabled with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from lok_desk.desk.audit.pane import AuditPane
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.window.panes import PaneHost

if TYPE_CHECKING:   # imported on first open: the intake (and its sheet printing) is not the first paint's
    from lok_desk.desk.intake.dialog import IntakeDialog


@dataclass
class FrontDeskJobs:
    intake_action: QAction
    audit: AuditPane
    intake: list[IntakeDialog] = field(default_factory=list)   # the open intake window, if any


def install_front_desk_jobs(host: PaneHost) -> FrontDeskJobs:
    session = host.session
    opened: list[IntakeDialog] = []

    def open_intake() -> None:
        if opened and opened[0].isVisible():
            opened[0].raise_()
            opened[0].activateWindow()
            return
        from lok_desk.desk.intake.dialog import IntakeDialog

        dialog = IntakeDialog(session, session.capabilities.location_id, parent=host.tabs.window())
        dialog.finished.connect(lambda _result: opened.clear())
        opened[:] = [dialog]
        dialog.show()

    action = host.add_action(translate("FrontDeskJobs", "Courier &intake…"), "Ctrl+Shift+N", open_intake,
                             "new-reservation")
    name = translate("FrontDeskJobs", "Courier intake")
    permission = session.capabilities.can_write_reservations(session.capabilities.location_id)
    action.setEnabled(bool(permission))
    action.setToolTip(f"{name} ({action.shortcut().toString()})" if permission
                      else f"{name}: {permission.reason}")
    host.reservation_menu.addAction(action)
    audit = AuditPane(session, host.tabs)
    # No mnemonic in the tab's title: every letter of it is taken by a control of some pane; Ctrl+Shift+A.
    host.add_pane(translate("FrontDeskJobs", "Locker audit"), audit, start="when_shown")
    audit_action = host.add_action(translate("FrontDeskJobs", "Locker au&dit"), "Ctrl+Shift+A",
                                   lambda: host.tabs.setCurrentWidget(audit))
    host.view_menu.addAction(audit_action)
    return FrontDeskJobs(action, audit, opened)

"""The panes the main window shows after Reservations, Locations and the owner workspace, in tab order.

This is the one place a new pane is registered: write a function of a `PaneHost` that builds the
pane(s) from `host.session` and calls `host.add_pane(...)` (and `host.add_action(...)` for a key), and
add it to DESK_PANES. The feature package itself stays unaware of the window.
"""

from __future__ import annotations

from lok_desk.desk.window.front_desk_jobs import install_front_desk_jobs
from lok_desk.desk.window.front_desk_tools import install_front_desk_tools
from lok_desk.desk.window.insights_pane import install_insights
from lok_desk.desk.window.panes import PaneRegistration

DESK_PANES: tuple[PaneRegistration, ...] = (
    install_front_desk_tools,   # Today board, code inspector, free boxes, desk history
    install_front_desk_jobs,    # courier intake (Ctrl+Shift+N), the locker audit
    install_insights,           # Insights: occupancy, time in the locker, lateness, when
)

"""The main window, the shell that starts it and the sign-in dialog; the panes live in the features.

Adding a pane (intake, audit, insights …) is one registration in one place: a function of a
`PaneHost` (lok_desk.desk.window.panes) appended to DESK_PANES in lok_desk/desk/window/registry.py. It
builds the pane from `host.session`, adds it with `host.add_pane(title, pane, start=...)` and its keys
with `host.add_action(...)`. The feature package never imports this package; the window never
imports a registration's module other than through the registry.
"""

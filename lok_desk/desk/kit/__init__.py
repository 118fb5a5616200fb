"""Shared Qt building blocks every desk feature view may import (never a feature, never the window).

How a failure reaches a person — one path: lok_desk.core.problems turns any failure into a `Problem`
(kind, fields, Lok's facts); `problems` words it in the person's language; `problem_views` shows it —
a dialog's `FormBinder` marks the fields it names and says Lok's reason beside them, a pane's
`ProblemLine` (registered with `accept_problems`) says the rest where it happened, and `report`/`tell`
find the nearest of those, else the main window's banner (a message box before the window exists).
tests/desk/test_problem_walk.py walks every kind over every surface in English and Spanish.
"""

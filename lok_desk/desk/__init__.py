"""Lok Desk's Qt desktop: views of the core's presenters, and nothing the core could hold.

* qt_session.py — the one QObject over lok_desk.core.session: its callbacks become signals that carry a
  `Problem`; notices.py, preferences.py, roles.py, recorder.py, settings.py sit beside it.
* kit/ — what every view may use: the row table model and its one sort role, forms that mark the fields a
  Problem names, the one problem/banner path, asyncqt (qasync helpers), token views and printing.
* reservations/, locations/, owner/, today/, inspector/, history/, intake/, audit/ … — feature views. They
  import the kit, the top-level desk modules and the core, never each other and never the window.
* window/ — shell, sign-in, main window. A pane joins the window by one registration in
  window/registry.py. The rules are tests: [tool.importlinter] and tests/test_code_quality.py.
"""

import os

# qasync picks its Qt binding at import time and tries PyQt first: pin PySide6 before anyone imports it.
os.environ["QT_API"] = "pyside6"

"""Lok Desk's Qt desktop: the shell (sign-in, main window, locations) and the reservations pane."""

import os

# qasync picks its Qt binding at import time and tries PyQt first: pin PySide6 before anyone imports it.
os.environ["QT_API"] = "pyside6"

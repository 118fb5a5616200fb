"""The free-boxes tests reuse the Reservations fixtures (`api`, `run`, `make_pane`)."""

from tests.desk.reservations.conftest import api, make_pane, printed, run  # noqa: F401

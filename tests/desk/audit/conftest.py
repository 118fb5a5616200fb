"""The audit tests reuse the Reservations fixtures (`api`, `run`)."""

from tests.desk.reservations.conftest import api, printed, run  # noqa: F401

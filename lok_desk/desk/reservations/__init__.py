"""The Reservations tab: list, detail, create, cancel, print (see desk_surface: ReservationsPane)."""

from lok_desk.desk.reservations.pane import ReservationsPane
from lok_desk.desk.reservations.table_model import (
    Column,
    ReservationFilterProxy,
    ReservationRow,
    ReservationTableModel,
)

__all__ = [
    "Column",
    "ReservationFilterProxy",
    "ReservationRow",
    "ReservationTableModel",
    "ReservationsPane",
]

"""Reservations as Lok sends them, built from plain dicts for Qt-free core tests."""

from __future__ import annotations

from typing import Any

from lok_desk.api import models


def reservation(
    reservation_id: str = "r1",
    *,
    statuses: tuple[str, ...] = ("reserved",),
    updated_at: str = "2026-12-01T10:00:00.000Z",
    location: str | None = "loc-1",
    shipment_id: str | None = "LOK-1",
    **extra: Any,
) -> models.Reservation:
    history = [{"status": status, "date": f"2026-12-01T09:{minute:02d}:00.000Z"}
               for minute, status in enumerate(statuses)]
    body: dict[str, Any] = {
        "id": reservation_id,
        "shipment_id": shipment_id,
        "location": location,
        "event_history": history,
        "created_at": "2026-12-01T09:00:00.000Z",
        "updated_at": updated_at,
        "delivery_due_date": "2026-12-03T09:00:00.000Z",
        **extra,
    }
    return models.Reservation.model_validate(body)


def with_tokens(reservation_value: models.Reservation, **tokens: str) -> models.ReservationWithTokens:
    code = tokens.pop("confirmation_code", None)
    return models.ReservationWithTokens(
        reservation=reservation_value,
        tokens=models.ReservationTokens(**{f"{name}_token": value for name, value in tokens.items()}),
        confirmation_code=code,
    )

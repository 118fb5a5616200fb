"""Fixtures for the reservation presenters: a signed-in DeskService per role on the test's sandbox."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from lok_desk.api import LokClient, models
from lok_desk.core import rules
from lok_desk.core.service import DeskService
from tests.core.conftest import control, covered, lok
from tests.e2e.conftest import FIRST_LOCATION, Clients

__all__ = ["control", "covered", "lok"]

ROLES = {"owner": rules.Role.OWNER, "seller": rules.Role.SELLER, "employee": rules.Role.EMPLOYEE,
         "reporter": rules.Role.REPORTER, "admin": rules.Role.ADMIN}

ServiceFactory = Callable[[str], Awaitable[DeskService]]


def capabilities(service: DeskService) -> rules.Capabilities:
    return rules.Capabilities(service.role, service.location_id)


@pytest.fixture
def desk(lok: Clients) -> ServiceFactory:
    """`await desk(role)`: a DeskService as a signed-in desk holds it, the locations in its store."""

    async def make(role: str = "owner") -> DeskService:
        client: LokClient = await lok(role)
        location = FIRST_LOCATION if role == "employee" else None
        service = DeskService(client, role=ROLES[role], location_id=location)
        page = await client.list_locations(page_size=100)
        service.store.set_locations(page.locations)
        return service

    return make


def direct_request(shipment_id: str, size: str = "s", weight: float = 1.0) -> models.ReservationRequest:
    return models.ReservationRequest(
        size=size,
        shipment_id=shipment_id,
        package_info=models.ReservationPackageInfo(weight=weight, value=100.0, description="Libros"),
        contact_info=models.ContactInfo(name="Recepción"),
        recipient_info=models.RecipientInfo(name="Luis"),
    )

"""The Lok endpoints as methods, one mixin per section of the API; `LokClient` combines them with its
HTTP core (sending, retries, auth), which `EndpointBase` stands for here."""

from __future__ import annotations

import logging
import urllib.parse
import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel

from . import models, tolerance
from .errors import (
    ForbiddenLocationError,
    InsufficientScopeError,
    InvalidReservationError,
    LokError,
    LokProtocolError,
    LokRedirectError,
    LokTransportError,
    RequestTimeoutError,
    UniqueShipmentError,
)
from .paging import PageT, PageWalk, RecordWalk, iter_pages
from .transport import RetryPolicy

log = logging.getLogger("lok_desk.api")
M = TypeVar("M", bound=BaseModel)


TimeArg = datetime | int | str | None


def _seg(value: str) -> str:
    """A resource id as one path segment (an id with `/` or `?` must not change the route)."""
    return urllib.parse.quote(str(value), safe="")


def new_shipment_id() -> str:
    """A fresh company-side shipment id, so a lost create can be found again (issue point 5)."""
    return f"lokdesk-{uuid.uuid4().hex}"


def _outcome_unknown(error: LokError) -> bool:
    """Whether a failed POST may still have been carried out by the server.

    429 counts too: it should mean "not done", but a create is checked by its shipment id before
    it is sent again rather than trusting that (issue 11 point 3).
    """
    if isinstance(error, LokRedirectError):
        return False  # sent elsewhere and not followed: nothing reached Lok
    if isinstance(error, LokTransportError | LokProtocolError | RequestTimeoutError):
        return True
    return error.status_code is not None and (error.status_code >= 500 or error.status_code == 429)


def _epoch_ms(value: TimeArg) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
        return str(int(aware.timestamp() * 1000))
    return str(value)


class EndpointBase:
    """What the endpoint methods need of the client core (`LokClient` provides each)."""

    _retry: RetryPolicy
    _oddities: tolerance.OddityLog | None

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        raise NotImplementedError

    def _json_object(self, response: httpx.Response, model: type[BaseModel] | None = None) -> Any:
        raise NotImplementedError

    def _parse(self, model: type[M], body: Any) -> M:
        raise NotImplementedError

    async def _call(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        raise NotImplementedError

    async def _write(
        self, model: type[M], method: str, path: str, *, what: str, **kwargs: Any
    ) -> M | None:
        raise NotImplementedError


class LocationEndpoints(EndpointBase):
    """Locations, reservation lists and reservations (#4, #7, #8, #16–#18, #22, #24, #28, #30–#33)."""


    async def list_locations(
        self, *, internal_name: str | None = None, page: int = 1, page_size: int = 15
    ) -> models.LocationPage:
        """#4 GET /company/locations."""
        params: dict[str, str | int] = {"page": page, "page_size": page_size}
        if internal_name is not None:
            params["internal_name"] = internal_name
        return await self._call(models.LocationPage, "GET", "/company/locations", params=params)

    async def get_location(self, location_id: str) -> models.LocationDetail:
        """#22 GET /company/locations/{location_id}."""
        path = f"/company/locations/{_seg(location_id)}"
        return (await self._call(models.LocationResponse, "GET", path)).location

    async def search_available_locations(
        self, search: models.AvailabilitySearch
    ) -> models.AvailabilityResult:
        """#28 POST /locations/available (the reply's `grant` authorises #30)."""
        return await self._call(
            models.AvailabilityResult, "POST", "/locations/available", json=search.to_body()
        )


    async def _reservation_page(
        self, path: str, filters: models.ReservationFilters | None, page: int, page_size: int
    ) -> models.ReservationPage:
        params: dict[str, str | int] = dict(filters.to_params()) if filters else {}
        params.update(page=page, page_size=page_size)
        return await self._call(models.ReservationPage, "GET", path, params=params)

    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        """#8 GET /company/reservations."""
        return await self._reservation_page("/company/reservations", filters, page, page_size)

    async def list_pre_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        """#7 GET /company/pre_reservations."""
        return await self._reservation_page("/company/pre_reservations", filters, page, page_size)

    async def list_shipping_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        """#18 GET /shipping/reservations."""
        return await self._reservation_page("/shipping/reservations", filters, page, page_size)

    async def list_location_reservations(
        self,
        location_id: str,
        filters: models.ReservationFilters | None = None,
        *,
        page: int = 1,
        page_size: int = 15,
    ) -> models.ReservationPage:
        """#24 GET /locations/{location_id}/reservations."""
        path = f"/locations/{_seg(location_id)}/reservations"
        return await self._reservation_page(path, filters, page, page_size)

    def iter_pages(
        self, method: Callable[..., Awaitable[PageT]], *args: Any, page_size: int = 100, **kwargs: Any
    ) -> PageWalk[PageT]:
        """Every page of a paginated method of this client, in order; break out to stop early."""
        walk = iter_pages(method, *args, page_size=page_size, **kwargs)
        walk.oddities = self._oddities
        return walk

    def iter_reservations(
        self, filters: models.ReservationFilters | None = None, *, page_size: int = 100
    ) -> RecordWalk[models.Reservation]:
        """Every reservation of #8 matching `filters`, page after page (outcome: see `PageWalk`)."""
        return RecordWalk(self.iter_pages(self.list_reservations, filters, page_size=page_size))


    async def get_reservation(
        self, reservation_id: str, *, include_tokens: bool = True
    ) -> models.ReservationWithTokens:
        """#15 GET /reservations/{reservation_id}."""
        params: dict[str, str | int] = {"include_tokens": "true" if include_tokens else "false"}
        path = f"/reservations/{_seg(reservation_id)}"
        return await self._call(models.ReservationWithTokens, "GET", path, params=params)

    async def create_reservation(
        self, location_id: str, request: models.ReservationRequest
    ) -> models.ReservationCreated:
        """#25 POST /locations/{location_id}/reservations, never creating the reservation twice.

        A `shipment_id` is always sent (generated when the request has none). When the reply is
        lost (connection dropped, gateway error, garbled body) the client looks the shipment id up
        (#8, or #24 when the scope only covers the location) and returns what Lok created; if
        nothing was created it posts again with the same shipment id, and a `UNIQUE_SHIPMENT` answer
        to that second post means the first one did land.
        """
        if not request.shipment_id:
            request = request.model_copy(update={"shipment_id": new_shipment_id()})
        assert request.shipment_id is not None
        path = f"/locations/{_seg(location_id)}/reservations"

        async def lookup() -> models.ReservationCreated | None:
            return await self._find_created(location_id, request.shipment_id or "", pre=False)

        return await self._create_without_duplicates(path, request.to_body(), {}, request.shipment_id, lookup)

    async def _create_without_duplicates(
        self,
        path: str,
        body: dict[str, Any],
        headers: Mapping[str, str],
        shipment_id: str,
        lookup: Callable[[], Awaitable[models.ReservationCreated | None]],
    ) -> models.ReservationCreated:
        try:
            return await self._call(models.ReservationCreated, "POST", path, json=body, headers=headers)
        except LokError as error:
            if not _outcome_unknown(error):
                raise
            lost: LokError = error
        log.warning("The reply to creating shipment %s was lost (%s); checking with Lok",
                    shipment_id, lost.type)
        for round_number in range(1, self._retry.attempts + 1):
            if lost.retry_after_s is not None:
                # Lok asked for a pause (429/503): honour it before looking up or posting again.
                if lost.retry_after_s > self._retry.max_retry_after:
                    raise lost
                await self._retry.sleep(lost.retry_after_s)
            try:
                found = await lookup()
                if found is not None:
                    log.info("Shipment %s had been created; not creating it again", shipment_id)
                    return found
                try:
                    return await self._call(
                        models.ReservationCreated, "POST", path, json=body, headers=headers
                    )
                except UniqueShipmentError:
                    found = await lookup()
                    if found is not None:
                        return found
                    raise
            except LokError as error:
                if not _outcome_unknown(error):
                    raise
                lost = error
            if round_number < self._retry.attempts and lost.retry_after_s is None:
                await self._retry.wait(round_number)
        raise lost

    async def _find_created(
        self, location_id: str, shipment_id: str, *, pre: bool
    ) -> models.ReservationCreated | None:
        filters = models.ReservationFilters(shipment_id=shipment_id, only_active=False)
        lister = self.list_pre_reservations if pre else self.list_reservations
        try:
            page = await lister(filters, page_size=100)
        except (InsufficientScopeError, ForbiddenLocationError):
            page = await self.list_location_reservations(location_id, filters, page_size=100)
        for reservation in page.reservations:
            if reservation.shipment_id == shipment_id and reservation.id:
                full = await self.get_reservation(reservation.id)
                return models.ReservationCreated(
                    status_code=full.status_code,
                    reservation=full.reservation,
                    tokens=full.tokens,
                    confirmation_code=full.confirmation_code,
                )
        return None

    async def update_pre_reservation(
        self, reservation_id: str, update: models.PreReservationUpdate
    ) -> models.ReservationCreated:
        """#16 PUT /reservations/{reservation_id} (only while the pre-reservation is unconfirmed)."""
        path = f"/reservations/{_seg(reservation_id)}"
        reply = await self._write(models.ReservationCreated, "PUT", path, what="#16", json=update.to_body())
        if reply is not None:
            return reply
        full = await self.get_reservation(reservation_id)
        return models.ReservationCreated(
            status_code=full.status_code, reservation=full.reservation, tokens=full.tokens,
            confirmation_code=full.confirmation_code,
        )

    async def cancel_reservation(self, reservation_id: str) -> models.Reservation:
        """#17 DELETE /reservations/{reservation_id}, reporting what really happened.

        When a reply was lost and the repeated DELETE meets 409 (the first one did cancel), or when
        Lok answers an empty 200/204, the reservation is read back (#15): cancelled means done.
        """
        path = f"/reservations/{_seg(reservation_id)}"
        lost: list[LokError] = []
        try:
            reply = await self._write(models.ReservationCancelled, "DELETE", path, what="#17", lost=lost)
        except InvalidReservationError:
            if not lost:
                raise
            current = await self.get_reservation(reservation_id, include_tokens=False)
            if current.reservation.current_status != models.EventStatus.CANCELLED:
                raise
            log.info("The lost cancel of %s had been carried out", reservation_id)
            return current.reservation
        if reply is None:
            return (await self.get_reservation(reservation_id, include_tokens=False)).reservation
        return reply.reservation

    async def create_pre_reservation(
        self, location_id: str, grant: str, request: models.PreReservationRequest
    ) -> models.ReservationCreated:
        """#30 POST /locations/{location_id}/pre_reservation with header `lok-grant-token`.

        Same no-duplicate rule as `create_reservation`, looking the shipment id up in #7.
        """
        if not request.shipment_id:
            request = request.model_copy(update={"shipment_id": new_shipment_id()})
        shipment_id = request.shipment_id or ""
        path = f"/locations/{_seg(location_id)}/pre_reservation"

        async def lookup() -> models.ReservationCreated | None:
            return await self._find_created(location_id, shipment_id, pre=True)

        return await self._create_without_duplicates(
            path, request.to_body(), {"lok-grant-token": grant}, shipment_id, lookup
        )

    async def get_label(self, reservation_id: str) -> models.Label:
        """#26 GET /reservations/{reservation_id}/label."""
        return await self._call(models.Label, "GET", f"/reservations/{_seg(reservation_id)}/label")

    async def quote_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShippingQuote:
        """#33 POST /reservations/{reservation_id}/shipping/quotation."""
        path = f"/reservations/{_seg(reservation_id)}/shipping/quotation"
        return (await self._call(models.QuoteResponse, "POST", path, json=shipment.to_body())).quoting

    async def request_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShipmentRequested:
        """#32 POST /reservations/{reservation_id}/shipping (confirms the pre-reservation)."""
        path = f"/reservations/{_seg(reservation_id)}/shipping"
        return await self._call(models.ShipmentRequested, "POST", path, json=shipment.to_body())

    async def create_location_shipping(
        self, location_id: str, request: models.LocationShippingRequest
    ) -> models.LocationShippingResult:
        """#31 POST /locations/{location_id}/shipping."""
        path = f"/locations/{_seg(location_id)}/shipping"
        return await self._call(models.LocationShippingResult, "POST", path, json=request.to_body())

    async def create_shipping_order(self, request: models.ShippingOrderRequest) -> models.Label:
        """#27 POST /shipping_order."""
        return await self._call(models.Label, "POST", "/shipping_order", json=request.to_body())


class CompanyEndpoints(EndpointBase):
    """Company settings, logs and directories (#1, #19–#21, #23, #25–#27, #29, #34, #35)."""


    async def get_action_logs(self) -> list[models.ActionLogEntry]:
        """#1 GET /company/action_logs (newest 1000)."""
        return (await self._call(models.ActionLogsResponse, "GET", "/company/action_logs")).action_logs

    async def request_action_log_report(
        self, *, from_: TimeArg = None, until: TimeArg = None
    ) -> models.SimpleMessage:
        """#19 GET /company/action_logs/csv (datetimes are sent as epoch milliseconds)."""
        params: dict[str, str | int] = {}
        for key, value in (("from", _epoch_ms(from_)), ("until", _epoch_ms(until))):
            if value is not None:
                params[key] = value
        return await self._call(models.SimpleMessage, "GET", "/company/action_logs/csv", params=params)

    async def get_recent_activity_csv(self) -> str:
        """#23 GET /company/reports/recent_activity (text/csv); parse with models.parse_recent_activity."""
        response = await self._send(
            "GET", "/company/reports/recent_activity", headers={"Accept": "text/csv, application/json"}
        )
        return response.text

    async def get_notification_emails(self) -> models.NotificationEmails:
        """#5 GET /company/notification_emails."""
        reply = await self._call(models.NotificationEmailsResponse, "GET", "/company/notification_emails")
        return reply.management_emails

    async def update_notification_emails(
        self, *, operator: str | None = None, administrator: str | None = None
    ) -> models.NotificationEmails:
        """#6 PUT /company/notification_emails (sent as operator_email/administrator_email)."""
        body = models.NotificationEmailsUpdate(operator_email=operator, administrator_email=administrator)
        path = "/company/notification_emails"
        reply = await self._write(
            models.NotificationEmailsResponse, "PUT", path, what="#6", json=body.to_body()
        )
        return reply.management_emails if reply is not None else await self.get_notification_emails()

    async def get_webhook(self) -> models.WebhookSettings:
        """#9 GET /company/webhook."""
        return (await self._call(models.WebhookResponse, "GET", "/company/webhook")).webhook

    async def update_webhook(
        self, url: str, events: list[models.WebhookEvent | str] | None = None
    ) -> models.WebhookSettings:
        """#10 PUT /company/webhook (omitted events = every event)."""
        body = models.WebhookUpdate(url=url, events=events)
        path = "/company/webhook"
        reply = await self._write(models.WebhookResponse, "PUT", path, what="#10", json=body.to_body())
        return reply.webhook if reply is not None else await self.get_webhook()

    async def set_webhook_enabled(self, enabled: bool) -> models.SimpleMessage:
        """#34 PUT /company/webhook/status."""
        body = models.WebhookStatusUpdate(enabled=enabled)
        path = "/company/webhook/status"
        reply = await self._write(models.SimpleMessage, "PUT", path, what="#34", json=body.to_body())
        return reply if reply is not None else models.SimpleMessage(status_code=204)

    async def list_directories(self, *, page: int = 1, page_size: int = 15) -> models.DirectoryPage:
        """#2 GET /company/directories."""
        params: dict[str, str | int] = {"page": page, "page_size": page_size}
        return await self._call(models.DirectoryPage, "GET", "/company/directories", params=params)

    async def create_directory(self, name: str) -> models.DirectoryDetail:
        """#3 POST /company/directories."""
        body = models.DirectoryCreate(directory=models.DirectoryName(name=name))
        path = "/company/directories"
        return (await self._call(models.DirectoryResponse, "POST", path, json=body.to_body())).directory

    async def get_directory(self, directory_id: str) -> models.DirectoryDetail:
        """#20 GET /company/directories/{directory_id}."""
        path = f"/company/directories/{_seg(directory_id)}"
        return (await self._call(models.DirectoryResponse, "GET", path)).directory

    async def update_directory(
        self,
        directory_id: str,
        *,
        name: str,
        is_active: bool | None = None,
        locations: list[str] | None = None,
    ) -> models.DirectoryDetail:
        """#21 PUT /company/directories/{directory_id}."""
        body = models.DirectoryUpdate(
            directory=models.DirectoryChanges(name=name, is_active=is_active, locations=locations)
        )
        path = f"/company/directories/{_seg(directory_id)}"
        reply = await self._write(models.DirectoryResponse, "PUT", path, what="#21", json=body.to_body())
        return reply.directory if reply is not None else await self.get_directory(directory_id)

    async def replace_directory_contacts(
        self, directory_id: str, contacts: list[models.DirectoryContact]
    ) -> list[models.StoredDirectoryContact]:
        """#35 PUT /company/directories/{directory_id}/contacts."""
        body = models.ContactsReplace(contacts=contacts)
        path = f"/company/directories/{_seg(directory_id)}/contacts"
        reply = await self._write(models.ContactsResponse, "PUT", path, what="#35", json=body.to_body())
        return reply.contacts if reply is not None else (await self.get_directory(directory_id)).contacts

    async def import_directory_csv(
        self, csv_text: str, directory_ids: list[str] | None = None
    ) -> models.SimpleMessage | None:
        """#29 POST /company/directories/csv; None for the documented 204 No Content."""
        body = models.DirectoryCsvImport(directories_ids=directory_ids, csv=csv_text)
        response = await self._send("POST", "/company/directories/csv", json=body.to_body())
        if response.status_code == 204 or not response.content.strip():
            return None
        return self._parse(models.SimpleMessage, self._json_object(response))

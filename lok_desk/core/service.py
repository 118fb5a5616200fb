"""The desk's one way to the Lok API: every call a pane makes goes through this object (no Qt).

Widgets never hold the `LokClient`; they ask the session, which exposes a `DeskService`. Keeping the
client behind this layer gives the desk one place to keep what it knows up to date and one place to
refuse a write while the server is unreachable. Methods keep the client's names and arguments, so a
pane reads the same as before: ``await session.call(session.service.cancel_reservation(rid))``.

What the service adds to the client:

* Every reservation it reads one by one (#15) or gets back from a write (#25, #16, #17, #30, #32) is
  merged into `store` (origin DETAIL, or OWN for the desk's own writes), tokens included when
  `rules.tokens_visible_to` lets this person see them. List reads are merged by their callers (the
  pane's load as LOAD, the sync engine as SYNC), so notices can tell them apart.
* After each successful write the `on_write` callbacks run (the session syncs at once).
* While `offline` is set (the session sets it when a call could not reach the server), writes raise
  `OfflineWriteRefused` **before anything is sent**. Decided in issue 9: no queued writes, since a
  queued reservation could be promised a box that is no longer free. `on_refused` callbacks run so the
  session can check the connection at once and offer the retry when it is back.
"""

from __future__ import annotations

from collections.abc import Callable

from lok_desk.api import LokClient, models
from lok_desk.api import errors as api_errors
from lok_desk.api.client import TimeArg
from lok_desk.core import rules
from lok_desk.core.store import Origin, ReservationStore


class OfflineWriteRefused(api_errors.LokConnectionError):
    """A write asked for while the server cannot be reached: nothing was sent."""

    error_type = "OFFLINE_WRITE_REFUSED"


class DeskService:
    """The API calls the desk makes, on one signed-in client."""

    def __init__(
        self,
        client: LokClient,
        store: ReservationStore | None = None,
        *,
        role: rules.Role = rules.Role.REPORTER,
        location_id: str | None = None,
    ) -> None:
        self._client = client
        #: What this desk knows (see lok_desk.core); one per signed-in session.
        self.store = store if store is not None else ReservationStore()
        self.role = role
        self.location_id = location_id
        #: Set by the session while the server cannot be reached: writes are refused before sending.
        self.offline = False
        self.on_write: list[Callable[[], None]] = []
        self.on_refused: list[Callable[[], None]] = []

    @property
    def may_see_tokens_at_all(self) -> bool:
        """Reporters and admins never see box-opening tokens (issue 10), so none are indexed for them."""
        return self.role in (rules.Role.OWNER, rules.Role.SELLER, rules.Role.EMPLOYEE)

    def may_see_tokens(self, reservation: models.Reservation) -> bool:
        return rules.tokens_visible_to(self.role, self.location_id, reservation)

    def _before_write(self) -> None:
        if self.offline:
            for callback in list(self.on_refused):
                callback()
            raise OfflineWriteRefused("Not sent: the Lok server cannot be reached right now")

    def _after_write(self) -> None:
        for callback in list(self.on_write):
            callback()

    def _keep(self, result: models.ReservationWithTokens | models.ShipmentRequested, origin: Origin) -> None:
        self.store.merge_detail(result, origin, keep_tokens=self.may_see_tokens(result.reservation))

    def __repr__(self) -> str:
        return f"DeskService({self._client.server_label})"

    @property
    def base_url(self) -> str:
        return self._client.base_url

    # ---- locations ------------------------------------------------------------------------------
    async def list_locations(self, *, page: int = 1, page_size: int = 15) -> models.LocationPage:
        return await self._client.list_locations(page=page, page_size=page_size)

    async def get_location(self, location_id: str) -> models.LocationDetail:
        return await self._client.get_location(location_id)

    # ---- reservations ---------------------------------------------------------------------------
    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        return await self._client.list_reservations(filters, page=page, page_size=page_size)

    async def list_pre_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        return await self._client.list_pre_reservations(filters, page=page, page_size=page_size)

    async def list_shipping_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        return await self._client.list_shipping_reservations(filters, page=page, page_size=page_size)

    async def list_location_reservations(
        self,
        location_id: str,
        filters: models.ReservationFilters | None = None,
        *,
        page: int = 1,
        page_size: int = 15,
    ) -> models.ReservationPage:
        return await self._client.list_location_reservations(
            location_id, filters, page=page, page_size=page_size)

    async def get_reservation(
        self, reservation_id: str, *, include_tokens: bool = True
    ) -> models.ReservationWithTokens:
        result = await self._client.get_reservation(reservation_id, include_tokens=include_tokens)
        self._keep(result, Origin.DETAIL)
        return result

    async def create_reservation(
        self, location_id: str, request: models.ReservationRequest
    ) -> models.ReservationCreated:
        self._before_write()
        result = await self._client.create_reservation(location_id, request)
        self._keep(result, Origin.OWN)
        self._after_write()
        return result

    async def update_pre_reservation(
        self, reservation_id: str, update: models.PreReservationUpdate
    ) -> models.ReservationCreated:
        self._before_write()
        result = await self._client.update_pre_reservation(reservation_id, update)
        self._keep(result, Origin.OWN)
        self._after_write()
        return result

    async def cancel_reservation(self, reservation_id: str) -> models.Reservation:
        self._before_write()
        cancelled = await self._client.cancel_reservation(reservation_id)
        self.store.merge([cancelled], Origin.OWN, authoritative=True)
        self._after_write()
        return cancelled

    async def get_label(self, reservation_id: str) -> models.Label:
        return await self._client.get_label(reservation_id)

    async def quote_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShippingQuote:
        return await self._client.quote_shipment(reservation_id, shipment)

    async def request_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShipmentRequested:
        self._before_write()
        result = await self._client.request_shipment(reservation_id, shipment)
        self._keep(result, Origin.OWN)
        self._after_write()
        return result

    # ---- pre-reservations (owner) ---------------------------------------------------------------
    async def search_available_locations(
        self, search: models.AvailabilitySearch
    ) -> models.AvailabilityResult:
        return await self._client.search_available_locations(search)

    async def create_pre_reservation(
        self, location_id: str, grant: str, request: models.PreReservationRequest
    ) -> models.ReservationCreated:
        self._before_write()
        result = await self._client.create_pre_reservation(location_id, grant, request)
        self._keep(result, Origin.OWN)
        self._after_write()
        return result

    # ---- company (owner panes) ------------------------------------------------------------------
    async def get_action_logs(self) -> list[models.ActionLogEntry]:
        return await self._client.get_action_logs()

    async def request_action_log_report(
        self, *, from_: TimeArg = None, until: TimeArg = None
    ) -> models.SimpleMessage:
        return await self._client.request_action_log_report(from_=from_, until=until)

    async def get_recent_activity_csv(self) -> str:
        return await self._client.get_recent_activity_csv()

    async def get_notification_emails(self) -> models.NotificationEmails:
        return await self._client.get_notification_emails()

    async def update_notification_emails(
        self, *, operator: str | None = None, administrator: str | None = None
    ) -> models.NotificationEmails:
        return await self._client.update_notification_emails(operator=operator, administrator=administrator)

    async def get_webhook(self) -> models.WebhookSettings:
        return await self._client.get_webhook()

    async def update_webhook(
        self, url: str, events: list[models.WebhookEvent | str] | None = None
    ) -> models.WebhookSettings:
        return await self._client.update_webhook(url, events)

    async def set_webhook_enabled(self, enabled: bool) -> models.SimpleMessage:
        return await self._client.set_webhook_enabled(enabled)

    async def list_directories(self, *, page: int = 1, page_size: int = 15) -> models.DirectoryPage:
        return await self._client.list_directories(page=page, page_size=page_size)

    async def create_directory(self, name: str) -> models.DirectoryDetail:
        return await self._client.create_directory(name)

    async def get_directory(self, directory_id: str) -> models.DirectoryDetail:
        return await self._client.get_directory(directory_id)

    async def update_directory(
        self,
        directory_id: str,
        *,
        name: str,
        is_active: bool | None = None,
        locations: list[str] | None = None,
    ) -> models.DirectoryDetail:
        return await self._client.update_directory(
            directory_id, name=name, is_active=is_active, locations=locations)

    async def replace_directory_contacts(
        self, directory_id: str, contacts: list[models.DirectoryContact]
    ) -> list[models.StoredDirectoryContact]:
        return await self._client.replace_directory_contacts(directory_id, contacts)

    async def import_directory_csv(
        self, csv_text: str, directory_ids: list[str] | None = None
    ) -> models.SimpleMessage | None:
        return await self._client.import_directory_csv(csv_text, directory_ids)

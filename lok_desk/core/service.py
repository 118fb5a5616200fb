"""The desk's one way to the Lok API: every call a pane makes goes through this object (no Qt).

Widgets never hold the `LokClient`; they ask the session, which exposes a `DeskService`. Keeping the
client behind this layer gives the desk one place to keep what it knows up to date and one place to
refuse a write. Methods keep the client's names and arguments, so a pane reads the same as before:
``await session.call(session.service.cancel_reservation(rid))``.

What the service adds to the client:

* Every reservation it reads one by one (#15) or gets back from a write (#25, #16, #17, #30, #32) is
  merged into `store` (origin DETAIL, or OWN for the desk's own writes), tokens included when
  `rules.tokens_visible_to` lets this person see them. List reads are merged by their callers (the
  list presenter as LOAD, the sync engine as SYNC), so notices can tell them apart.
* Every write — reservation and company alike — is a method marked `@write`, and the mark is the
  guard, so no write can skip it (tests/core/test_service_writes.py lists the methods by
  introspection and fails on one that sends while it should refuse):

  - while `offline` is set (the session sets it when a call could not reach the server) the write
    raises `OfflineWriteRefused` **before anything is sent**. Decided in issue 9: no queued writes,
    since a queued reservation could be promised a box that is no longer free;
  - when `lok_desk.core.rules` says this person's role may not do it (a reporter writes nothing, an
    employee only at their own location and never company settings), it raises `RoleWriteRefused`
    with the rule's `Reason`, again before anything is sent.

  Both map to a `Problem` through lok_desk.core.problems like every other failure.
* Write listeners (`add_write_listener`) hear every write's end as a `WriteEvent`: done, refused
  before sending (offline or role), refused by Lok, or failed on the way. The session syncs at once
  after a write and probes the server after an offline refusal; the desk history records each one.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from lok_desk.api import LokClient, models
from lok_desk.api import errors as api_errors
from lok_desk.api.endpoints import TimeArg
from lok_desk.core import rules
from lok_desk.core.problems import Kind, Problem, problem_from
from lok_desk.core.store import Origin, ReservationStore

__all__ = ["DeskService", "OfflineWriteRefused", "RoleWriteRefused", "WriteEvent", "WriteGuard",
           "WriteListener", "WriteOutcome", "WriteRefused", "write_methods"]

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


class WriteRefused(api_errors.LokError):
    """A write the desk refused itself: nothing was sent to Lok."""

    #: The rule's code (lok_desk.desk words it), when a rule refused.
    reason: rules.Reason | None = None


class OfflineWriteRefused(WriteRefused):
    """A write asked for while the server cannot be reached: nothing was sent."""

    error_type = "OFFLINE_WRITE_REFUSED"
    problem_kind = Kind.NOT_SENT_OFFLINE
    reason = rules.Reason.OFFLINE


class RoleWriteRefused(WriteRefused):
    """A write this person's role may not make (lok_desk.core.rules): nothing was sent."""

    error_type = "ROLE_WRITE_REFUSED"
    problem_kind = Kind.NOT_ALLOWED

    def __init__(self, message: str, reason: rules.Reason | None) -> None:
        super().__init__(message)
        self.reason = reason


class WriteGuard(StrEnum):
    """Which rule of lok_desk.core.rules a write answers to."""

    RESERVATIONS = "reservations"            # Capabilities.can_write_reservations(location)
    PRE_RESERVATIONS = "pre_reservations"    # Capabilities.can_pre_reserve()
    COMPANY_SETTINGS = "company_settings"    # Capabilities.can_write_company_settings()
    DIRECTORIES = "directories"              # Capabilities.can_write_directories()


class WriteOutcome(StrEnum):
    DONE = "done"
    REFUSED_OFFLINE = "refused_offline"   # not sent: the server could not be reached
    REFUSED_ROLE = "refused_role"         # not sent: the role may not do this
    REFUSED = "refused"                   # Lok answered no (e.g. 409: already delivered)
    FAILED = "failed"                     # it did not reach Lok, or Lok failed


@dataclass(frozen=True)
class WriteEvent:
    """The end of one write, as write listeners hear it."""

    method: str                   # the service method, e.g. "cancel_reservation"
    outcome: WriteOutcome
    #: The reservation the write was about (its id argument), or "" for a creation / company write.
    reservation_id: str = ""
    #: The reservation Lok sent back, when the write returned one.
    reservation: models.Reservation | None = None
    problem: Problem | None = None
    #: Texts a record of this write must never contain (a delivery token the desk chose itself).
    secrets: tuple[str, ...] = field(default=(), repr=False)

    @property
    def sent(self) -> bool:
        """Whether anything went to Lok (False for the desk's own refusals)."""
        return self.outcome not in (WriteOutcome.REFUSED_OFFLINE, WriteOutcome.REFUSED_ROLE)


WriteListener = Callable[[WriteEvent], None]

#: The attribute `@write` sets on a method: the guard it answers to (write_methods reads it).
_GUARD_ATTRIBUTE = "_write_guard"


def write(guard: WriteGuard) -> Callable[
    [Callable[P, Coroutine[Any, Any, R]]], Callable[P, Coroutine[Any, Any, R]]
]:
    """Mark a `DeskService` method as a write: guarded (offline, role) and heard by write listeners."""

    def decorate(method: Callable[P, Coroutine[Any, Any, R]]) -> Callable[P, Coroutine[Any, Any, R]]:
        signature = inspect.signature(method)

        @functools.wraps(method)
        async def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            service = args[0]
            assert isinstance(service, DeskService)
            bound = signature.bind(*args, **kwargs).arguments
            return await service._run_write(method.__name__, guard, bound, method(*args, **kwargs))

        setattr(guarded, _GUARD_ATTRIBUTE, guard)
        return guarded

    return decorate


def write_methods() -> dict[str, WriteGuard]:
    """Every public write of `DeskService` and the rule it answers to."""
    return {name: getattr(member, _GUARD_ATTRIBUTE)
            for name, member in inspect.getmembers(DeskService, inspect.iscoroutinefunction)
            if not name.startswith("_") and hasattr(member, _GUARD_ATTRIBUTE)}


def _reservation_of(result: object) -> models.Reservation | None:
    if isinstance(result, models.Reservation):
        return result
    found = getattr(result, "reservation", None)
    return found if isinstance(found, models.Reservation) else None


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
        self._write_listeners: list[WriteListener] = []

    @property
    def capabilities(self) -> rules.Capabilities:
        return rules.Capabilities(self.role, self.location_id)

    # ---- the write guard and hook -----------------------------------------------------------------
    def add_write_listener(self, listener: WriteListener) -> Callable[[], None]:
        """Call `listener(event)` at the end of every write (done, refused or failed); returns the
        function that removes it. Listeners run on the caller's thread after the store was updated;
        one that raises is logged and never changes the write's result."""
        self._write_listeners.append(listener)

        def remove() -> None:
            if listener in self._write_listeners:
                self._write_listeners.remove(listener)

        return remove

    def _tell(self, event: WriteEvent) -> None:
        for listener in list(self._write_listeners):
            try:
                listener(event)
            except Exception:
                log.exception("A write listener failed after %s", event.method)

    def refusal(self, guard: WriteGuard, location_id: str | None = None) -> rules.Decision:
        """What the role rule says about a write (`location_id`: where it happens, when known)."""
        caps = self.capabilities
        match guard:
            case WriteGuard.RESERVATIONS:
                return caps.can_write_reservations(location_id)
            case WriteGuard.PRE_RESERVATIONS:
                return caps.can_pre_reserve()
            case WriteGuard.COMPANY_SETTINGS:
                return caps.can_write_company_settings()
            case WriteGuard.DIRECTORIES:
                return caps.can_write_directories()

    def _location_of(self, arguments: dict[str, Any]) -> str | None:
        location_id = arguments.get("location_id")
        if isinstance(location_id, str):
            return location_id
        known = self.store.get(str(arguments.get("reservation_id", "")))
        return known.location_id if known is not None else None

    async def _run_write(
        self, name: str, guard: WriteGuard, arguments: dict[str, Any], call: Awaitable[R]
    ) -> R:
        reservation_id = str(arguments.get("reservation_id") or "")
        secrets = tuple(str(token) for value in arguments.values()
                        if (token := getattr(value, "delivery_token", None)))
        event = functools.partial(WriteEvent, name, reservation_id=reservation_id, secrets=secrets)
        refused: WriteRefused | None = None
        decision = self.refusal(guard, self._location_of(arguments))
        if not decision:
            refused = RoleWriteRefused("Not sent: this role may not make this change", decision.reason)
            outcome = WriteOutcome.REFUSED_ROLE
        elif self.offline:
            refused = OfflineWriteRefused("Not sent: the Lok server cannot be reached right now")
            outcome = WriteOutcome.REFUSED_OFFLINE
        if refused is not None:
            if inspect.iscoroutine(call):
                call.close()    # never started: nothing was sent
            self._tell(event(outcome, problem=problem_from(refused)))
            raise refused
        try:
            result = await call
        except api_errors.LokError as error:
            failed = WriteOutcome.REFUSED if error.status_code else WriteOutcome.FAILED
            self._tell(event(failed, problem=problem_from(error)))
            raise
        self._tell(event(WriteOutcome.DONE, reservation=_reservation_of(result)))
        return result

    def _keep(self, result: models.ReservationWithTokens | models.ShipmentRequested, origin: Origin) -> None:
        self.store.merge_detail(result, origin, keep_tokens=self.may_see_tokens(result.reservation))

    def __repr__(self) -> str:
        return f"DeskService({self._client.server_label})"

    @property
    def may_see_tokens_at_all(self) -> bool:
        """Reporters and admins never see box-opening tokens (issue 10), so none are indexed for them."""
        return self.role in (rules.Role.OWNER, rules.Role.SELLER, rules.Role.EMPLOYEE)

    def may_see_tokens(self, reservation: models.Reservation) -> bool:
        return rules.tokens_visible_to(self.role, self.location_id, reservation)

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

    @write(WriteGuard.RESERVATIONS)
    async def create_reservation(
        self, location_id: str, request: models.ReservationRequest
    ) -> models.ReservationCreated:
        result = await self._client.create_reservation(location_id, request)
        self._keep(result, Origin.OWN)
        return result

    @write(WriteGuard.RESERVATIONS)
    async def update_pre_reservation(
        self, reservation_id: str, update: models.PreReservationUpdate
    ) -> models.ReservationCreated:
        result = await self._client.update_pre_reservation(reservation_id, update)
        self._keep(result, Origin.OWN)
        return result

    @write(WriteGuard.RESERVATIONS)
    async def cancel_reservation(self, reservation_id: str) -> models.Reservation:
        cancelled = await self._client.cancel_reservation(reservation_id)
        self.store.merge([cancelled], Origin.OWN, authoritative=True)
        return cancelled

    async def get_label(self, reservation_id: str) -> models.Label:
        return await self._client.get_label(reservation_id)

    async def quote_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShippingQuote:
        return await self._client.quote_shipment(reservation_id, shipment)

    @write(WriteGuard.RESERVATIONS)
    async def request_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShipmentRequested:
        result = await self._client.request_shipment(reservation_id, shipment)
        self._keep(result, Origin.OWN)
        return result

    # ---- pre-reservations (owner) ---------------------------------------------------------------
    async def search_available_locations(
        self, search: models.AvailabilitySearch
    ) -> models.AvailabilityResult:
        return await self._client.search_available_locations(search)

    @write(WriteGuard.PRE_RESERVATIONS)
    async def create_pre_reservation(
        self, location_id: str, grant: str, request: models.PreReservationRequest
    ) -> models.ReservationCreated:
        result = await self._client.create_pre_reservation(location_id, grant, request)
        self._keep(result, Origin.OWN)
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

    @write(WriteGuard.COMPANY_SETTINGS)
    async def update_notification_emails(
        self, *, operator: str | None = None, administrator: str | None = None
    ) -> models.NotificationEmails:
        return await self._client.update_notification_emails(operator=operator, administrator=administrator)

    async def get_webhook(self) -> models.WebhookSettings:
        return await self._client.get_webhook()

    @write(WriteGuard.COMPANY_SETTINGS)
    async def update_webhook(
        self, url: str, events: list[models.WebhookEvent | str] | None = None
    ) -> models.WebhookSettings:
        return await self._client.update_webhook(url, events)

    @write(WriteGuard.COMPANY_SETTINGS)
    async def set_webhook_enabled(self, enabled: bool) -> models.SimpleMessage:
        return await self._client.set_webhook_enabled(enabled)

    async def list_directories(self, *, page: int = 1, page_size: int = 15) -> models.DirectoryPage:
        return await self._client.list_directories(page=page, page_size=page_size)

    @write(WriteGuard.DIRECTORIES)
    async def create_directory(self, name: str) -> models.DirectoryDetail:
        return await self._client.create_directory(name)

    async def get_directory(self, directory_id: str) -> models.DirectoryDetail:
        return await self._client.get_directory(directory_id)

    @write(WriteGuard.DIRECTORIES)
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

    @write(WriteGuard.DIRECTORIES)
    async def replace_directory_contacts(
        self, directory_id: str, contacts: list[models.DirectoryContact]
    ) -> list[models.StoredDirectoryContact]:
        return await self._client.replace_directory_contacts(directory_id, contacts)

    @write(WriteGuard.DIRECTORIES)
    async def import_directory_csv(
        self, csv_text: str, directory_ids: list[str] | None = None
    ) -> models.SimpleMessage | None:
        return await self._client.import_directory_csv(csv_text, directory_ids)

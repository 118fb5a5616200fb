"""One signed-in person against one server: the desk's flow (calls, busy/offline state, errors)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Awaitable, Iterable
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import httpx
import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from lok_desk.api import (
    Credentials,
    LokClient,
    LokError,
    TokenCache,
    models,
)
from lok_desk.api import errors as api_errors
from lok_desk.api.transport import loopback_http
from lok_desk.core import rules
from lok_desk.core.service import DeskService, OfflineWriteRefused
from lok_desk.core.snapshot import Snapshot
from lok_desk.core.store import Origin, ReservationStore, StoreChange
from lok_desk.core.sync import SyncEngine, SyncSettings
from lok_desk.core.token_fill import TokenFill
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.problem_views import message_box, problem_for, sink_for
from lok_desk.desk.kit.problems import describe
from lok_desk.desk.roles import Capabilities, Role

if TYPE_CHECKING:
    from lok_desk.desk.sandbox_process import SandboxEndpoint

T = TypeVar("T")
log = logging.getLogger(__name__)

PRODUCTION = "PRODUCTION"
SANDBOX = "SANDBOX"
CUSTOM = "CUSTOM"

LOCATIONS_PAGE_SIZE = 100


class Session(QObject):
    """One signed-in person against one server. Holds flow, not widgets."""

    busy_changed = Signal(int)          # number of requests in flight (status-bar activity)
    offline_changed = Signal(bool)      # True when the server cannot be reached; False on recovery
    reservation_changed = Signal(str)   # reservation id created/cancelled/updated anywhere in the app
    locations_changed = Signal()        # locations (re)loaded
    last_success_changed = Signal(object)   # aware UTC datetime of the last answered call
    error_raised = Signal(object)       # the Problem (lok_desk.core.problems) for the main window's banner
    message_posted = Signal(str, int)   # (status-bar text, timeout ms)

    # How often the offline probe asks the server (doubling up to the cap); tests shorten both.
    probe_interval_s: float = 2.0
    probe_interval_max_s: float = 30.0
    #: Live sync pace (lok_desk.core.sync); tests and benchmarks replace it before the window opens.
    sync_settings: SyncSettings = SyncSettings()
    #: Wait after a change at a location before its free-box counts are read again (changes come in
    #: bursts: one read covers them).
    boxes_delay_s: float = 0.5
    #: After a change, the snapshot is written this much later (one write covers a burst of changes).
    snapshot_delay_s: float = 15.0
    #: Reads of the token index fill at a time (bounded: the server serves many desks).
    token_fill_concurrency: int = 4

    def __init__(
        self,
        client: LokClient,
        user: models.User,
        *,
        environment: str,
        sandbox: SandboxEndpoint | None = None,
        exit_stack: AsyncExitStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.user = user
        self.capabilities = Capabilities(Role.from_scope(user.scope), getattr(user, "location", None))
        # Widgets reach the server only through the service (tests/desk/test_layers.py checks it).
        self.service = DeskService(client, role=self.capabilities.role,
                                   location_id=self.capabilities.location_id)
        caps = self.capabilities
        self.sync = SyncEngine(
            self.service, self.service.store,
            location_id=None if caps.sees_all_locations else caps.location_id,
            call=self.background_call,
            read_clock=self._clock_moved if sandbox is not None else None,
            settings=SyncSettings(**vars(self.sync_settings)),
            now=self.server_now,
        )
        # The desk's own write: sync at once (another desk's changes may have come meanwhile); a write
        # refused while offline: ask the server at once, so the retry is offered as soon as it answers.
        self.service.on_write.append(self.sync.sync_now)
        self.service.on_refused.append(self.sync.sync_now)
        self.service.store.subscribe(self._on_store_change)
        #: Ctrl+F finds reservations never opened: their tokens are read in the background.
        self.token_fill = TokenFill(self.service, self.service.store, now=self.server_now,
                                    call=self.background_call, concurrency=self.token_fill_concurrency,
                                    location_id=None if caps.sees_all_locations else caps.location_id)
        self._boxes_due: set[str] = set()
        self._boxes_task: asyncio.Task[None] | None = None
        #: When the server stopped answering (None while online): the stale marker says since when.
        self.offline_since: datetime | None = None
        #: The offline snapshot (lok_desk.core.snapshot), once the window gives it a directory.
        self.snapshot: Snapshot | None = None
        self._snapshot_dirty = False
        self._snapshot_task: asyncio.Task[None] | None = None
        self.environment = environment
        self.sandbox = sandbox
        self.locations: list[models.LocationDetail] = []
        # Locations met only inside reservations (public-network lockers of a seller, #8 variant A
        # embeds a LocationSummary): id -> (name, IANA time zone or None), so rows show a name.
        self._seen_locations: dict[str, tuple[str, str | None]] = {}
        # Server clock minus this computer's clock: the sandbox clock can be moved (POST /sandbox/clock)
        # and overdue marks must follow it. Production keeps zero (its clock is real time).
        self.clock_offset = timedelta(0)
        self.last_success: datetime | None = None
        self.has_window = False         # set by the main window; before it, errors go to a message box
        self._exit_stack = exit_stack
        self._busy = 0
        self._offline = False
        self._probe: asyncio.Task[None] | None = None

    # ---- who and where -------------------------------------------------------------------------
    @property
    def company_name(self) -> str:
        company = getattr(self.user, "company", None)
        name = getattr(company, "name", None) if company is not None else None
        return str(name or "")

    @property
    def store(self) -> ReservationStore:
        """What this desk knows (lok_desk.core.store); panes read it and listen to its changes."""
        return self.service.store

    @property
    def base_url(self) -> str:
        return str(self.client.base_url)

    @property
    def server_label(self) -> str:
        return urlsplit(str(self.client.base_url)).netloc or str(self.client.base_url)

    @property
    def busy(self) -> int:
        return self._busy

    @property
    def offline(self) -> bool:
        return self._offline

    def location(self, location_id: str | None) -> models.LocationDetail | None:
        for location in self.locations:
            if location.id == location_id:
                return location
        return None

    def location_name(self, location_id: str | None) -> str:
        """The location's business name, or its id when the desk does not know it."""
        location = self.location(location_id)
        if location is not None:
            return location.internal_name or location.id
        seen = self._seen_locations.get(location_id or "")
        if seen is not None:
            return seen[0]
        return location_id or ""

    def location_timezone(self, location_id: str | None) -> str | None:
        """The location's IANA time zone when the desk knows it (None: show UTC)."""
        location = self.location(location_id)
        if location is not None and location.timezone:
            return location.timezone
        seen = self._seen_locations.get(location_id or "")
        return seen[1] if seen is not None else None

    def remember_locations(self, reservations: Iterable[models.Reservation]) -> bool:
        """Keep the names (and time zones, when sent) of locations embedded in reservations; True when
        something new was learnt, so views that cached a bare id can ask again."""
        learnt = False
        for reservation in reservations:
            embedded = reservation.location
            if not isinstance(embedded, models.LocationSummary) or not embedded.internal_name:
                continue
            # A full location may ride along (extra fields are kept): take its time zone too.
            zone = getattr(embedded, "timezone", None)
            zone = zone if isinstance(zone, str) and zone else None
            known = self._seen_locations.get(embedded.id)
            if known is None or known[0] != embedded.internal_name or (zone and known[1] != zone):
                kept_zone = known[1] if known is not None else None
                self._seen_locations[embedded.id] = (embedded.internal_name, zone or kept_zone)
                learnt = True
        return learnt

    # ---- time ----------------------------------------------------------------------------------
    def server_now(self) -> datetime:
        """Now by the server's clock (this computer's clock plus the known sandbox offset)."""
        return datetime.now(UTC) + self.clock_offset

    async def sync_clock(self) -> None:
        """Read the embedded sandbox's clock (GET /sandbox/clock) so overdue marks follow a moved clock.
        Production has no such route and keeps this computer's clock; a failure keeps the last offset."""
        await self._read_sandbox_clock()

    async def _clock_moved(self) -> bool:
        """The sync engine's clock hook: True when the sandbox clock moved since the last read."""
        before = self.clock_offset
        await self._read_sandbox_clock()
        return abs((self.clock_offset - before).total_seconds()) > 1.0

    async def _read_sandbox_clock(self) -> None:
        sandbox = self.sandbox
        if sandbox is None:
            return
        try:
            async with loopback_http(sandbox.base_url, timeout=5.0) as http:
                response = await http.get("/sandbox/clock")
                response.raise_for_status()
                offset = float(response.json()["offset_seconds"])
        except (httpx.HTTPError, ValueError, KeyError, TypeError, AttributeError) as error:
            log.info("Could not read the sandbox clock: %s", type(error).__name__)
            return
        self.clock_offset = timedelta(seconds=offset)

    # ---- calls ---------------------------------------------------------------------------------
    async def call(self, coro: Awaitable[T]) -> T:
        """Await one API call: counts it as busy, flips offline on a transport failure (and back on the
        next answer from the server), re-raises every LokError for the caller to handle."""
        self._busy += 1
        self.busy_changed.emit(self._busy)
        try:
            result = await coro
        except OfflineWriteRefused as error:
            # Refused before sending (the core has no Qt): the words a person reads, translated here.
            from lok_desk.desk.roles import reason_text

            error._user_message = reason_text(rules.Reason.OFFLINE)
            raise
        except api_errors.LokTransportError:
            self._set_offline(True)
            raise
        except LokError:
            # The server answered (with an error), so it is reachable.
            self._set_offline(False)
            raise
        finally:
            self._busy -= 1
            # A call still retrying when the person signs out or quits ends (cancelled) after the
            # session's Qt object is gone; emitting then would raise instead of letting it unwind.
            if shiboken6.isValid(self):
                self.busy_changed.emit(self._busy)
        self._mark_success()
        return result

    async def background_call(self, coro: Awaitable[T]) -> T:
        """Like `call`, for the desk's own background work (live sync, the token index): tracks offline
        and recovery but is not counted as busy, so the status bar does not flicker every few seconds."""
        try:
            result = await coro
        except api_errors.LokTransportError:
            self._set_offline(True)
            raise
        except LokError:
            self._set_offline(False)
            raise
        self._mark_success()
        return result

    def _mark_success(self) -> None:
        if not shiboken6.isValid(self):
            return   # the answer arrived after sign-out: nobody is left to tell
        self._set_offline(False)
        self.last_success = datetime.now(UTC)
        self.last_success_changed.emit(self.last_success)

    async def load_locations(self) -> list[models.LocationDetail]:
        """All locations this person may see (an employee: only their own), every page."""
        found: list[models.LocationDetail] = []
        page_number = 1
        while True:
            page = await self.call(
                self.client.list_locations(page=page_number, page_size=LOCATIONS_PAGE_SIZE)
            )
            found.extend(page.locations)
            if page.is_last(page_number, LOCATIONS_PAGE_SIZE):
                break
            page_number += 1
        own = self.capabilities.location_id
        if not self.capabilities.sees_all_locations and own:
            found = [location for location in found if location.id == own]
        self._boxes_due.clear()   # every count was just read
        found.sort(key=lambda location: (location.internal_name or location.id).casefold())
        self.locations = found
        self.store.set_locations(found)
        self.locations_changed.emit()
        return found

    async def refresh_location(self, location_id: str) -> models.LocationDetail:
        """Fetch one location again (fresh box availability) and replace it in `locations`."""
        fresh = await self.call(self.client.get_location(location_id))
        for index, location in enumerate(self.locations):
            if location.id == location_id:
                self.locations[index] = fresh
        self.store.merge_location(fresh)
        return fresh

    def _on_store_change(self, change: StoreChange) -> None:
        """A reservation was created or changed state at a location: its free-box counts change too.
        New reservations that came with a sync get their tokens indexed."""
        if change.origin is Origin.SYNC and change.inserted:
            self.token_fill.add(list(change.inserted))
        if change.origin is not Origin.SNAPSHOT and (change.inserted or change.updated or change.removed):
            self._save_snapshot_soon()
        if change.origin in (Origin.LOAD, Origin.SNAPSHOT) or not change.statuses:
            return
        for status in change.statuses:
            reservation = self.store.get(status.reservation_id)
            location_id = reservation.location_id if reservation is not None else None
            if location_id and self.location(location_id) is not None:
                self._boxes_due.add(location_id)
        if self._boxes_due and (self._boxes_task is None or self._boxes_task.done()):
            self._boxes_task = spawn(self._refresh_boxes(), owner=self)

    async def _refresh_boxes(self) -> None:
        await asyncio.sleep(self.boxes_delay_s)
        while self._boxes_due:
            location_id = self._boxes_due.pop()
            try:
                await self.background_call(self.refresh_location_quietly(location_id))
            except LokError:
                return   # offline: the counts on screen stay; the next change asks again

    async def refresh_location_quietly(self, location_id: str) -> models.LocationDetail:
        fresh = await self.client.get_location(location_id)
        for index, location in enumerate(self.locations):
            if location.id == location_id:
                self.locations[index] = fresh
        self.store.merge_location(fresh)
        return fresh

    # ---- offline snapshot ----------------------------------------------------------------------
    def attach_snapshot(self, directory: Path) -> Snapshot:
        """Keep the snapshot of this server + client id under `directory` (the user cache directory)."""
        self.snapshot = Snapshot(directory, self.base_url, self.client.client_id or "")
        return self.snapshot

    def _save_snapshot_soon(self) -> None:
        self._snapshot_dirty = True
        if self.snapshot is not None and (self._snapshot_task is None or self._snapshot_task.done()):
            self._snapshot_task = spawn(self._save_snapshot_later(), owner=self)

    async def _save_snapshot_later(self) -> None:
        await asyncio.sleep(self.snapshot_delay_s)
        await self.save_snapshot()

    async def save_snapshot(self) -> None:
        """Write the active reservations and the locations (no tokens) off the Qt thread."""
        snapshot = self.snapshot
        if snapshot is None or not self._snapshot_dirty:
            return
        self._snapshot_dirty = False
        reservations = self.store.active()
        locations = list(self.locations)
        try:
            await asyncio.to_thread(snapshot.save, reservations, locations)
        except (OSError, sqlite3.Error) as error:
            log.warning("Could not write the offline snapshot: %s", type(error).__name__)

    # ---- live sync -----------------------------------------------------------------------------
    def start_sync(self) -> None:
        """Begin live sync (the main window calls this once it is shown)."""
        self.sync.start()

    # ---- offline and recovery ------------------------------------------------------------------
    def _set_offline(self, offline: bool) -> None:
        if offline == self._offline or not shiboken6.isValid(self):
            return
        self._offline = offline
        self.service.offline = offline
        self.offline_since = datetime.now(UTC) if offline else None
        if not offline:
            self.sync.sync_now()   # catch up at once with what changed while the server was away
        self.offline_changed.emit(offline)
        if offline and self._probe is None:
            self._probe = spawn(self._probe_until_online(), owner=self)

    async def _probe_until_online(self) -> None:
        """While offline, ask the server something cheap every few seconds (with backoff) so the desk
        recovers by itself, even when nobody presses anything."""
        delay = self.probe_interval_s
        try:
            while self._offline:
                await asyncio.sleep(delay)
                try:
                    await self.client.list_locations(page=1, page_size=1)
                except api_errors.LokTransportError:
                    delay = min(delay * 2, self.probe_interval_max_s)
                    continue
                except LokError:
                    pass  # an error answer still proves the server is back
                self._mark_success()
        finally:
            self._probe = None

    # ---- telling the person --------------------------------------------------------------------
    def notify_error(self, error: BaseException, *, doing: str, parent: QWidget | None = None) -> None:
        """The ONE path errors reach a person: plain words and what to do next, never a traceback.

        Inside a dialog the message appears on the dialog (the main window may be hidden behind it);
        otherwise in the main window's banner.
        """
        problem = problem_for(error, doing=doing, server=self.server_label)
        sink, host = sink_for(parent)
        if sink is not None and not isinstance(host, QMainWindow):
            sink(problem)        # the pane's or dialog's own line (kit.problem_views)
            return
        if isinstance(host, QDialog) or not self.has_window:
            message_box(host, *describe(problem))
            return
        # The signal carries the Problem itself: the banner is dismissed by its kind (offline clears by
        # itself), with no side channel beside it.
        self.error_raised.emit(problem)

    def notify(self, text: str, *, timeout_ms: int = 5000) -> None:
        """A short status-bar message (something done, nothing wrong)."""
        self.message_posted.emit(text, timeout_ms)

    # ---- end -----------------------------------------------------------------------------------
    async def sign_out(self) -> None:
        """Revoke the token and forget it before anything that may fail, then clean up; a clean-up
        that fails is reported through the problem path, never raised (lok_desk.core.session)."""
        cleaning_up = self.tr("deleting the saved list after signing out")
        # Background reads stop first: after the revocation they would only fail, each one a problem.
        for stop in (self.sync.aclose, self.token_fill.aclose):
            try:
                await stop()
            except Exception as error:
                self.notify_error(error, doing=cleaning_up)
        if self._boxes_task is not None:
            self._boxes_task.cancel()
        if self._snapshot_task is not None:
            self._snapshot_task.cancel()
        with contextlib.suppress(LokError):
            await self.call(self.client.sign_out())
        # The snapshot holds recipients' names and contacts: it goes with the sign-out.
        snapshot, self.snapshot = self.snapshot, None
        if snapshot is not None:
            try:
                await asyncio.to_thread(snapshot.delete)
            except OSError as error:
                log.error("Could not delete the saved list %s at sign-out: %s", snapshot.path, error)
                self.notify_error(error, doing=cleaning_up)

    async def aclose(self) -> None:
        """Stop sync and the probe, keep the snapshot up to date, and close the HTTP client."""
        await self.sync.aclose()
        if self._snapshot_task is not None and not self._snapshot_task.done():
            self._snapshot_task.cancel()
        await self.save_snapshot()
        await self.token_fill.aclose()
        if self._boxes_task is not None:
            self._boxes_task.cancel()
        if self._probe is not None:
            self._probe.cancel()
        if self._exit_stack is not None:
            stack, self._exit_stack = self._exit_stack, None
            await stack.aclose()


async def open_session(
    *,
    base_url: str,
    credentials: Credentials,
    token_cache: TokenCache | None,
    environment: str,
    sandbox: SandboxEndpoint | None = None,
    use_cached_token: bool = True,
    **client_options: Any,
) -> Session:
    """Sign in and gather what the main window needs (user, role, locations). Raises LokError.

    With `use_cached_token` a still-valid cached token is used without a token request.
    """
    stack = AsyncExitStack()
    client = LokClient(base_url, credentials=credentials, token_cache=token_cache, **client_options)
    await stack.enter_async_context(client)
    try:
        if use_cached_token:
            await client.sign_in()
        else:
            await client.authenticate()
        user = await client.get_user()
        session = Session(client, user, environment=environment, sandbox=sandbox, exit_stack=stack)
        await session.load_locations()
        return session
    except BaseException:
        await stack.aclose()
        raise

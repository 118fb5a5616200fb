"""One signed-in person against one server, without Qt: the client, service, store, sync, offline state.

`open_desk_session` is the only place the desk builds its `LokClient`; everything a pane does goes
through the `DeskSession` it returns (tests/core/test_service_writes.py and the layer tests check it).
The session tells whoever shows it (the Qt adapter, lok_desk/desk/qt_session.py; a test) through a
`SessionListener` of plain methods: busy, offline, locations, last answer, a `Problem`, a short message.

What it keeps, once:

* the `DeskService` (every write guarded) and its `ReservationStore`, which also holds the locations
  (`locations` reads the store; there is no second list);
* whether the server answers: a call that cannot reach it sets `offline` (the service then refuses
  writes before sending), a probe asks again with back-off, and any answer sets it back;
* the server's clock: the embedded sandbox's clock can be moved, and overdue marks follow it;
* the offline snapshot, written a while after changes (one write covers a burst);
* the free-box counts of a location, read again shortly after a reservation there changed state.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar

from lok_desk.api import Credentials, LokClient, LokError, TokenCache, models
from lok_desk.api import errors as api_errors
from lok_desk.api.paging import iter_pages
from lok_desk.api.sandbox_routes import read_sandbox_clock, read_webhook_deliveries
from lok_desk.core import rules
from lok_desk.core.offline_start import read_saved_start
from lok_desk.core.problems import QT_TRANSLATE_NOOP, Kind, Problem, problem_from
from lok_desk.core.service import DeskService, WriteEvent, WriteOutcome, WriteRefused
from lok_desk.core.snapshot import Snapshot
from lok_desk.core.store import Origin, ReservationStore, StoreChange
from lok_desk.core.sync import SyncEngine, SyncSettings
from lok_desk.core.token_fill import TokenFill

__all__ = ["LOCATIONS_PAGE_SIZE", "DeskSession", "QuietListener", "SessionListener", "open_desk_session"]

T = TypeVar("T")
log = logging.getLogger(__name__)

# Said after "while" when a clean-up after sign-out fails (translated by the desk under this context).
CLEANING_UP = QT_TRANSLATE_NOOP("explain_error", "deleting the saved list after signing out")
SIGNING_IN = QT_TRANSLATE_NOOP("explain_error", "signing in")

LOCATIONS_PAGE_SIZE = 100


class SessionListener(Protocol):
    """What the session tells whoever shows it; every method runs on the event loop's thread."""

    def busy_changed(self, busy: int) -> None:
        """Requests in flight (the status bar's activity)."""

    def offline_changed(self, offline: bool) -> None:
        """True when the server cannot be reached; False when it answers again."""

    def locations_changed(self) -> None:
        """The locations were (re)loaded into the store."""

    def last_success_changed(self, when: datetime) -> None:
        """The server answered (aware UTC)."""

    def problem_raised(self, problem: Problem) -> None:
        """A failure a person should read (through lok_desk.core.problems)."""

    def message_posted(self, text: str, timeout_ms: int) -> None:
        """A short note: something done, nothing wrong."""


class QuietListener:
    """A listener that shows nothing (before a window exists, in tests, after sign-out)."""

    def busy_changed(self, busy: int) -> None:
        pass

    def offline_changed(self, offline: bool) -> None:
        pass

    def locations_changed(self) -> None:
        pass

    def last_success_changed(self, when: datetime) -> None:
        pass

    def problem_raised(self, problem: Problem) -> None:
        pass

    def message_posted(self, text: str, timeout_ms: int) -> None:
        pass


class DeskSession:
    """One signed-in person against one server. Holds flow and state, never widgets."""

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
        sandbox: bool = False,
        exit_stack: AsyncExitStack | None = None,
        listener: SessionListener | None = None,
    ) -> None:
        self.client = client
        self.user = user
        self.environment = environment
        #: True when the server is the sandbox this desk started (its clock can be moved).
        self.is_sandbox = sandbox
        self.listener: SessionListener = listener or QuietListener()
        self.capabilities = rules.Capabilities(rules.Role.from_scope(user.scope),
                                               getattr(user, "location", None))
        caps = self.capabilities
        own_location = None if caps.sees_all_locations else caps.location_id
        self.service = DeskService(client, role=caps.role, location_id=caps.location_id)
        self.sync = SyncEngine(
            self.service, self.service.store, location_id=own_location, call=self.background_call,
            read_clock=self._clock_moved if sandbox else None,
            settings=SyncSettings(**vars(self.sync_settings)), now=self.server_now,
        )
        self.service.add_write_listener(self._after_write)
        self.service.store.subscribe(self._on_store_change)
        #: Ctrl+F finds reservations never opened: their tokens are read in the background.
        self.token_fill = TokenFill(self.service, self.service.store, now=self.server_now,
                                    call=self.background_call, concurrency=self.token_fill_concurrency,
                                    location_id=own_location)
        #: When the server stopped answering (None while online): the stale marker says since when.
        self.offline_since: datetime | None = None
        #: The offline snapshot (lok_desk.core.snapshot), once the window gives it a directory.
        self.snapshot: Snapshot | None = None
        # Locations met only inside reservations (public-network lockers of a seller embed a
        # LocationSummary): id -> (name, IANA time zone or None), so rows show a name.
        self._seen_locations: dict[str, tuple[str, str | None]] = {}
        # Server clock minus this computer's clock: the sandbox clock can be moved (POST /sandbox/clock)
        # and overdue marks must follow it. Production keeps zero (its clock is real time).
        self.clock_offset = timedelta(0)
        self.last_success: datetime | None = None
        #: Opened offline on the saved list (open_desk_session): once Lok answers, all is read again.
        self.started_offline = False
        #: After an offline start, Lok refused the token: called with the Problem (asks to sign in).
        self.on_sign_in_needed: Callable[[Problem], None] | None = None
        self.closed = False
        self._exit_stack = exit_stack
        self._busy = 0
        self._offline = False
        self._boxes_due: set[str] = set()
        self._snapshot_dirty = False
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def __repr__(self) -> str:
        return f"DeskSession({self.server_label}, {self.capabilities.role})"

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
        return self.client.server_label or self.base_url

    @property
    def busy(self) -> int:
        return self._busy

    @property
    def offline(self) -> bool:
        return self._offline

    @property
    def locations(self) -> list[models.LocationDetail]:
        """The locations this person may see, by name (the store's copy: there is no other)."""
        return self.store.locations()

    def location(self, location_id: str | None) -> models.LocationDetail | None:
        return self.store.location(location_id)

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
        """Read the embedded sandbox's clock so overdue marks follow a moved clock. Production has no
        such route and keeps this computer's clock; a failure keeps the last offset."""
        if not self.is_sandbox:
            return
        try:
            self.clock_offset = await read_sandbox_clock(self.client)
        except LokError as error:
            log.info("Could not read the sandbox clock: %s", error.type)

    async def webhook_deliveries(self) -> list[dict[str, Any]]:
        """The embedded sandbox's webhook delivery log (empty for any other server). Raises LokError."""
        if not self.is_sandbox:
            return []
        return await read_webhook_deliveries(self.client)

    async def _clock_moved(self) -> bool:
        """The sync engine's clock hook: True when the sandbox clock moved since the last read."""
        before = self.clock_offset
        await self.sync_clock()
        return abs((self.clock_offset - before).total_seconds()) > 1.0

    # ---- calls ---------------------------------------------------------------------------------
    async def call(self, coro: Awaitable[T]) -> T:
        """Await one API call: counts it as busy, flips offline on a transport failure (and back on the
        next answer from the server), re-raises every LokError for the caller to handle."""
        self._busy += 1
        self._tell_busy()
        try:
            return await self.background_call(coro)
        finally:
            self._busy -= 1
            self._tell_busy()

    def _tell_busy(self) -> None:
        # A call still retrying when the person signs out ends (cancelled) after the session closed.
        if not self.closed:
            self.listener.busy_changed(self._busy)

    async def background_call(self, coro: Awaitable[T]) -> T:
        """Like `call`, for the desk's own background work (live sync, the token index): tracks offline
        and recovery but is not counted as busy, so the status bar does not flicker every few seconds."""
        try:
            result = await coro
        except api_errors.LokTransportError:
            self._set_offline(True)
            raise
        except WriteRefused:
            raise   # the desk's own refusal: nothing was sent, so nothing is known about the server
        except LokError:
            # The server answered (with an error), so it is reachable.
            self._set_offline(False)
            raise
        self._mark_success()
        return result

    def _mark_success(self) -> None:
        if self.closed:
            return   # the answer arrived after sign-out: nobody is left to tell
        self._set_offline(False)
        self.last_success = datetime.now(UTC)
        self.listener.last_success_changed(self.last_success)

    # ---- locations -----------------------------------------------------------------------------
    async def load_locations(self) -> list[models.LocationDetail]:
        """All locations this person may see (an employee: only their own), every page."""
        found = await self.call(self._walk_locations())
        own = self.capabilities.location_id
        if not self.capabilities.sees_all_locations and own:
            found = [location for location in found if location.id == own]
        self._boxes_due.clear()   # every count was just read
        found.sort(key=lambda location: (location.internal_name or location.id).casefold())
        self.store.set_locations(found)
        self.listener.locations_changed()
        return found

    async def _walk_locations(self) -> list[models.LocationDetail]:
        found: list[models.LocationDetail] = []
        async for page in iter_pages(self.client.list_locations, page_size=LOCATIONS_PAGE_SIZE):
            found.extend(page.locations)
        return found

    async def refresh_location(self, location_id: str) -> models.LocationDetail:
        """Fetch one location again (fresh box availability) into the store."""
        return await self.call(self.refresh_location_quietly(location_id))

    async def refresh_location_quietly(self, location_id: str) -> models.LocationDetail:
        fresh = await self.client.get_location(location_id)
        self.store.merge_location(fresh)
        return fresh

    def _after_write(self, event: WriteEvent) -> None:
        # The desk's own write: sync at once (another desk's changes may have come meanwhile); a write
        # refused while offline: ask the server at once, so the retry is offered as soon as it answers.
        if event.outcome in (WriteOutcome.DONE, WriteOutcome.REFUSED_OFFLINE):
            self.sync.sync_now()

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
        if self._boxes_due:
            self._start("boxes", self._refresh_boxes)

    async def _refresh_boxes(self) -> None:
        await asyncio.sleep(self.boxes_delay_s)
        while self._boxes_due:
            location_id = self._boxes_due.pop()
            try:
                await self.background_call(self.refresh_location_quietly(location_id))
            except LokError:
                return   # offline: the counts on screen stay; the next change asks again

    def _start(self, name: str, work: Any) -> None:
        """Run `work()` in the background unless it already runs (one task per name, kept, cancelled
        when the session closes)."""
        running = self._tasks.get(name)
        if self.closed or (running is not None and not running.done()):
            return
        coro: Coroutine[Any, Any, None] = work()
        task = asyncio.ensure_future(coro)
        task.add_done_callback(_report_failure)
        self._tasks[name] = task

    def _cancel(self, *names: str) -> None:
        for name in names:
            task = self._tasks.pop(name, None)
            if task is not None and not task.done():
                task.cancel()

    # ---- offline snapshot ----------------------------------------------------------------------
    def attach_snapshot(self, directory: Path) -> Snapshot:
        """Keep the snapshot of this server + client id under `directory` (the user cache directory)."""
        self.snapshot = Snapshot(directory, self.base_url, self.client.client_id or "")
        return self.snapshot

    def _save_snapshot_soon(self) -> None:
        self._snapshot_dirty = True
        if self.snapshot is not None:
            self._start("snapshot", self._save_snapshot_later)

    async def _save_snapshot_later(self) -> None:
        await asyncio.sleep(self.snapshot_delay_s)
        await self.save_snapshot()

    async def save_snapshot(self) -> None:
        """Write the active reservations and the locations (no tokens) off the event loop's thread."""
        snapshot = self.snapshot
        if snapshot is None or not self._snapshot_dirty:
            return
        self._snapshot_dirty = False
        reservations = self.store.active()
        locations = self.locations
        try:
            await asyncio.to_thread(lambda: snapshot.save(reservations, locations, user=self.user))
        except (OSError, sqlite3.Error) as error:
            log.warning("Could not write the offline snapshot: %s", type(error).__name__)

    # ---- live sync, offline and recovery -------------------------------------------------------
    def start_sync(self) -> None:
        """Begin live sync (the desk calls this once its window is shown)."""
        self.sync.start()

    def _set_offline(self, offline: bool) -> None:
        if offline == self._offline or self.closed:
            return
        self._offline = offline
        self.service.offline = offline
        self.offline_since = datetime.now(UTC) if offline else None
        if not offline:
            self.sync.sync_now()   # catch up at once with what changed while the server was away
            if self.started_offline:
                self._start("reload", self._reload_after_offline_start)
        self.listener.offline_changed(offline)
        if offline:
            self._start("probe", self._probe_until_online)

    def start_offline(self, locations: list[models.LocationDetail], as_of: datetime | None) -> None:
        """Opened on the saved list, Lok unreachable: read-only, probing with back-off until it answers."""
        self.started_offline = True
        self.store.set_locations(locations)   # sorted by name, as load_locations keeps them
        self.last_success = as_of   # "list as of": when the saved list was last brought up to date
        self._set_offline(True)

    async def _reload_after_offline_start(self) -> None:
        """Back after an offline start: read person and locations afresh; a refused token asks to sign in."""
        try:
            self.user = await self.call(self.client.get_user())
            await self.load_locations()
        except api_errors.LokTransportError:
            return   # gone again: the probe brings us back here
        except LokError as error:
            problem = self.problem_of(error, doing=SIGNING_IN)
            if problem.kind in (Kind.SIGNED_OUT, Kind.BAD_CREDENTIALS) and self.on_sign_in_needed is not None:
                self.on_sign_in_needed(problem)
            else:
                self.report(error, doing=SIGNING_IN)
            return
        self.started_offline = False

    async def _probe_until_online(self) -> None:
        """While offline, ask the server something cheap every few seconds (with backoff) so the desk
        recovers by itself, even when nobody presses anything."""
        delay = self.probe_interval_s
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

    # ---- telling the person --------------------------------------------------------------------
    def problem_of(self, error: BaseException, *, doing: str) -> Problem:
        """The `Problem` a failure is for a person at this desk (a bug is logged with its traceback)."""
        if not isinstance(error, LokError):
            log.error("Unexpected error while %s", doing, exc_info=error)
        return problem_from(error, doing=doing, server=self.server_label)

    def report(self, error: BaseException, *, doing: str) -> Problem:
        """Tell the listener about a failure, as a `Problem`; returns it."""
        problem = self.problem_of(error, doing=doing)
        if not self.closed:
            self.listener.problem_raised(problem)
        return problem

    def notify(self, text: str, *, timeout_ms: int = 5000) -> None:
        """A short note (something done, nothing wrong)."""
        if not self.closed:
            self.listener.message_posted(text, timeout_ms)

    # ---- end -----------------------------------------------------------------------------------
    async def sign_out(self, *, cleaning_up: str = CLEANING_UP) -> None:
        """Revoke the token and forget it (here and in the cache) before anything that may fail; then
        clean up. A clean-up that fails is reported through the listener (`cleaning_up` is the
        translated phrase for "while …"), never raised: the person is signed out either way."""
        # Background reads stop first: after the revocation they would only fail, each one a problem.
        for stop in (self.sync.aclose, self.token_fill.aclose):
            try:
                await stop()
            except Exception as error:
                self.report(error, doing=cleaning_up)
        self._cancel("boxes", "snapshot")
        # The server not being told (offline...) is the client's to log; the token is forgotten anyway.
        with contextlib.suppress(LokError):
            await self.call(self.client.sign_out())
        # The snapshot holds recipients' names and contacts: it goes with the sign-out.
        snapshot, self.snapshot = self.snapshot, None
        if snapshot is not None:
            try:
                await asyncio.to_thread(snapshot.delete)
            except OSError as error:
                log.error("Could not delete the saved list %s at sign-out: %s", snapshot.path, error)
                self.report(error, doing=cleaning_up)

    async def aclose(self) -> None:
        """Stop sync and the probe, keep the snapshot up to date, and close the HTTP client."""
        await self.sync.aclose()
        self._cancel("snapshot")
        await self.save_snapshot()
        await self.token_fill.aclose()
        self._cancel("boxes", "probe")
        self.closed = True
        if self._exit_stack is not None:
            stack, self._exit_stack = self._exit_stack, None
            await stack.aclose()


def _report_failure(task: asyncio.Task[None]) -> None:
    """A background task that failed goes to the loop's exception handler (the desk routes it to the
    one problem path), not to a "never retrieved" note at garbage collection."""
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        task.get_loop().call_exception_handler(
            {"message": "Background task failed", "exception": error, "task": task})


async def open_desk_session(
    *,
    base_url: str,
    credentials: Credentials,
    token_cache: TokenCache | None,
    environment: str,
    sandbox: bool = False,
    use_cached_token: bool = True,
    listener: SessionListener | None = None,
    snapshot_dir: Path | None = None,
    **client_options: Any,
) -> DeskSession:
    """Build the client (the only place that does), sign in and gather what the desk needs (user,
    role, locations). Raises LokError; nothing stays open then.

    With `use_cached_token` a still-valid cached token is used without a token request. With
    `snapshot_dir` too, a server that cannot be reached does not stop the start when a list was saved
    there for this server + client id: the session opens offline on it (`DeskSession.start_offline`).
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
        session = DeskSession(client, user, environment=environment, sandbox=sandbox, exit_stack=stack,
                              listener=listener)
        await session.load_locations()
        return session
    except api_errors.LokTransportError:
        offline = None
        if use_cached_token and snapshot_dir is not None:
            offline = await _open_offline(client, snapshot_dir, environment=environment, sandbox=sandbox,
                                          exit_stack=stack, listener=listener)
        if offline is None:
            await stack.aclose()
            raise
        return offline
    except BaseException:
        await stack.aclose()
        raise


async def _open_offline(client: LokClient, snapshot_dir: Path, *, environment: str, sandbox: bool,
                        exit_stack: AsyncExitStack, listener: SessionListener | None) -> DeskSession | None:
    """The session of the saved list (None when nothing was saved for this server + client id)."""
    saved = await read_saved_start(snapshot_dir, client.base_url, client.client_id or "")
    if saved is None:
        return None
    log.info("Lok cannot be reached: opening offline on the list saved at %s", saved.saved_at)
    session = DeskSession(client, saved.user, environment=environment, sandbox=sandbox, exit_stack=exit_stack,
                          listener=listener)
    session.snapshot = saved.snapshot
    session.start_offline(saved.locations, saved.saved_at)
    return session

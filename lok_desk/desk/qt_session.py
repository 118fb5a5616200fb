"""The one QObject over the desk session: lok_desk.core.session's callbacks become Qt signals.

Everything that is not Qt — the client, the service, the store, sync, offline state, the snapshot, the
server's clock — lives in `DeskSession` (lok_desk/core/session.py) and is tested without Qt. This
adapter only turns its listener calls into signals (a failure travels as the `Problem` itself), keeps
the answers that arrive after the window is gone from reaching a deleted object, and decides where a
failure is shown: in a dialog's own message box, or in the main window's banner.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from lok_desk.api import Credentials, TokenCache, models
from lok_desk.core.problems import CONTEXT, Problem
from lok_desk.core.service import DeskService
from lok_desk.core.session import CLEANING_UP, DeskSession, open_desk_session
from lok_desk.core.snapshot import Snapshot
from lok_desk.core.store import ReservationStore
from lok_desk.core.sync import SyncEngine
from lok_desk.core.token_fill import TokenFill
from lok_desk.desk.roles import Capabilities

if TYPE_CHECKING:
    from datetime import timedelta

    from lok_desk.desk.sandbox_process import SandboxEndpoint

__all__ = ["CUSTOM", "PRODUCTION", "SANDBOX", "QtSession", "open_session"]

T = TypeVar("T")

PRODUCTION = "PRODUCTION"
SANDBOX = "SANDBOX"
CUSTOM = "CUSTOM"


class _Relay:
    """The core session's listener: each call becomes a signal while the QObject still exists."""

    def __init__(self, owner: QtSession) -> None:
        self._owner = owner

    def _live(self) -> QtSession | None:
        # A call still retrying when the person signs out or quits ends after the QObject is gone;
        # emitting then would raise instead of letting it unwind.
        return self._owner if shiboken6.isValid(self._owner) else None

    def busy_changed(self, busy: int) -> None:
        if (owner := self._live()) is not None:
            owner.busy_changed.emit(busy)

    def offline_changed(self, offline: bool) -> None:
        if (owner := self._live()) is not None:
            owner.offline_changed.emit(offline)

    def locations_changed(self) -> None:
        if (owner := self._live()) is not None:
            owner.locations_changed.emit()

    def last_success_changed(self, when: datetime) -> None:
        if (owner := self._live()) is not None:
            owner.last_success_changed.emit(when)

    def problem_raised(self, problem: Problem) -> None:
        if (owner := self._live()) is not None:
            owner.error_raised.emit(problem)

    def message_posted(self, text: str, timeout_ms: int) -> None:
        if (owner := self._live()) is not None:
            owner.message_posted.emit(text, timeout_ms)


class QtSession(QObject):
    """One signed-in person against one server, as the desk's widgets see it."""

    busy_changed = Signal(int)          # number of requests in flight (status-bar activity)
    offline_changed = Signal(bool)      # True when the server cannot be reached; False on recovery
    reservation_changed = Signal(str)   # reservation id created/cancelled/updated anywhere in the app
    locations_changed = Signal()        # locations (re)loaded
    last_success_changed = Signal(object)   # aware UTC datetime of the last answered call
    error_raised = Signal(object)       # the Problem, for the main window's banner
    message_posted = Signal(str, int)   # (status-bar text, timeout ms)

    def __init__(self, core: DeskSession, *, sandbox: SandboxEndpoint | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.sandbox = sandbox
        rules_caps = core.capabilities
        self.capabilities = Capabilities(rules_caps.role, rules_caps.location_id)
        self.has_window = False         # set by the main window; before it, errors go to a message box
        core.listener = _Relay(self)

    # ---- what the core keeps (read through here by the widgets) ----------------------------------
    @property
    def user(self) -> models.User:
        return self.core.user

    @property
    def environment(self) -> str:
        return self.core.environment

    @property
    def service(self) -> DeskService:
        return self.core.service

    @property
    def store(self) -> ReservationStore:
        return self.core.store

    @property
    def sync(self) -> SyncEngine:
        return self.core.sync

    @property
    def token_fill(self) -> TokenFill:
        return self.core.token_fill

    @property
    def snapshot(self) -> Snapshot | None:
        return self.core.snapshot

    @property
    def company_name(self) -> str:
        return self.core.company_name

    @property
    def base_url(self) -> str:
        return self.core.base_url

    @property
    def server_label(self) -> str:
        return self.core.server_label

    @property
    def busy(self) -> int:
        return self.core.busy

    @property
    def offline(self) -> bool:
        return self.core.offline

    @property
    def offline_since(self) -> datetime | None:
        return self.core.offline_since

    @property
    def last_success(self) -> datetime | None:
        return self.core.last_success

    @property
    def clock_offset(self) -> timedelta:
        return self.core.clock_offset

    @property
    def locations(self) -> list[models.LocationDetail]:
        return self.core.locations

    @property
    def probe_interval_s(self) -> float:
        return self.core.probe_interval_s

    @probe_interval_s.setter
    def probe_interval_s(self, seconds: float) -> None:
        self.core.probe_interval_s = seconds

    @property
    def probe_interval_max_s(self) -> float:
        return self.core.probe_interval_max_s

    @probe_interval_max_s.setter
    def probe_interval_max_s(self, seconds: float) -> None:
        self.core.probe_interval_max_s = seconds

    def location(self, location_id: str | None) -> models.LocationDetail | None:
        return self.core.location(location_id)

    def location_name(self, location_id: str | None) -> str:
        return self.core.location_name(location_id)

    def location_timezone(self, location_id: str | None) -> str | None:
        return self.core.location_timezone(location_id)

    def remember_locations(self, reservations: Iterable[models.Reservation]) -> bool:
        return self.core.remember_locations(reservations)

    def server_now(self) -> datetime:
        return self.core.server_now()

    # ---- calls (the core's) ----------------------------------------------------------------------
    async def call(self, coro: Awaitable[T]) -> T:
        return await self.core.call(coro)

    async def background_call(self, coro: Awaitable[T]) -> T:
        return await self.core.background_call(coro)

    async def sync_clock(self) -> None:
        await self.core.sync_clock()

    async def load_locations(self) -> list[models.LocationDetail]:
        return await self.core.load_locations()

    async def refresh_location(self, location_id: str) -> models.LocationDetail:
        return await self.core.refresh_location(location_id)

    def attach_snapshot(self, directory: Path) -> Snapshot:
        return self.core.attach_snapshot(directory)

    def start_sync(self) -> None:
        self.core.start_sync()

    async def sign_out(self) -> None:
        await self.core.sign_out(cleaning_up=QCoreApplication.translate(CONTEXT, CLEANING_UP))

    async def aclose(self) -> None:
        await self.core.aclose()

    # ---- telling the person ------------------------------------------------------------------------
    def notify(self, text: str, *, timeout_ms: int = 5000) -> None:
        """A short status-bar message (something done, nothing wrong)."""
        self.core.notify(text, timeout_ms=timeout_ms)


async def open_session(
    *,
    base_url: str,
    credentials: Credentials,
    token_cache: TokenCache | None,
    environment: str,
    sandbox: SandboxEndpoint | None = None,
    use_cached_token: bool = True,
    snapshot_dir: Path | None = None,
    **client_options: Any,
) -> QtSession:
    """Sign in (lok_desk.core.session.open_desk_session) and wrap the session for the widgets.
    Raises LokError."""
    core = await open_desk_session(
        base_url=base_url, credentials=credentials, token_cache=token_cache, environment=environment,
        sandbox=sandbox is not None, use_cached_token=use_cached_token, snapshot_dir=snapshot_dir,
        **client_options)
    return QtSession(core, sandbox=sandbox)

"""The Qt-free desk session against a real sandbox: sign-in builds the one client, locations live once
(in the store), offline and recovery, writes refused while offline as a Problem, the sandbox clock read
through the client, and sign-out (no Qt)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from lok_desk.api import Credentials, LokError, RequestEvent, RetryPolicy
from lok_desk.api.sandbox_routes import read_webhook_deliveries
from lok_desk.core.problems import Kind, Problem
from lok_desk.core.service import OfflineWriteRefused
from lok_desk.core.session import DeskSession, QuietListener, open_desk_session
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.e2e.conftest import FIRST_LOCATION, SandboxControl, reservation_request


class Heard(QuietListener):
    """Every callback the session made, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []
        self.changed = asyncio.Event()

    def _add(self, name: str, value: Any) -> None:
        self.events.append((name, value))
        self.changed.set()

    def busy_changed(self, busy: int) -> None:
        self._add("busy", busy)

    def offline_changed(self, offline: bool) -> None:
        self._add("offline", offline)

    def locations_changed(self) -> None:
        self._add("locations", None)

    def last_success_changed(self, when: datetime) -> None:
        self._add("success", when)

    def problem_raised(self, problem: Problem) -> None:
        self._add("problem", problem)

    def message_posted(self, text: str, timeout_ms: int) -> None:
        self._add("message", text)

    def of(self, name: str) -> list[Any]:
        return [value for kind, value in self.events if kind == name]

    async def until(self, test: Callable[[], bool]) -> None:
        while not test():
            self.changed.clear()
            await asyncio.wait_for(self.changed.wait(), timeout=30)


async def _waits(_seconds: float) -> None:
    await asyncio.sleep(0)


@pytest.fixture
async def opened(sandbox: SandboxServer) -> AsyncIterator[Callable[..., Any]]:
    sessions: list[DeskSession] = []

    async def open_as(role: str = "owner", **options: Any) -> DeskSession:
        client_id, secret = DEMO_CLIENTS[role]
        options.setdefault("retry", RetryPolicy(attempts=1, sleep=_waits))
        session = await open_desk_session(
            base_url=sandbox.api_url, credentials=Credentials(client_id, secret), token_cache=None,
            environment="SANDBOX", sandbox=True, **options)
        sessions.append(session)
        return session

    try:
        yield open_as
    finally:
        for session in sessions:
            await session.aclose()


async def test_sign_in_loads_the_locations_once_into_the_store(opened: Callable[..., Any]) -> None:
    heard = Heard()
    session: DeskSession = await opened("owner", listener=heard)
    assert session.locations and session.locations == session.store.locations()
    names = [(location.internal_name or location.id).casefold() for location in session.locations]
    assert names == sorted(names)
    assert session.location_name(FIRST_LOCATION) == session.store.location(FIRST_LOCATION).internal_name
    # The listener given at sign-in heard the loading.
    assert heard.of("locations") and heard.of("busy")[-1] == 0 and heard.of("success")
    employee: DeskSession = await opened("employee")
    assert [location.id for location in employee.locations] == [FIRST_LOCATION]
    assert not employee.capabilities.sees_all_locations


async def test_a_wrong_secret_raises_and_leaves_nothing_open(sandbox: SandboxServer) -> None:
    client_id, _secret = DEMO_CLIENTS["owner"]
    with pytest.raises(LokError) as caught:
        await open_desk_session(base_url=sandbox.api_url, credentials=Credentials(client_id, "wrong"),
                                token_cache=None, environment="SANDBOX")
    assert caught.value.status_code == 401


async def test_offline_refuses_writes_as_a_problem_and_recovers_by_itself(
    opened: Callable[..., Any], control: SandboxControl
) -> None:
    heard = Heard()
    session: DeskSession = await opened("owner")
    session.listener = heard
    session.probe_interval_s = session.probe_interval_max_s = 0.05
    await control.faults({"path": "/api/v2/company/locations.*", "drop": True})
    with pytest.raises(LokError):
        await session.load_locations()
    assert session.offline and session.service.offline and session.offline_since is not None
    assert heard.of("offline") == [True]
    assert session.locations, "the locations known before stay"
    with pytest.raises(OfflineWriteRefused) as caught:
        await session.call(session.service.create_reservation(FIRST_LOCATION, reservation_request()))
    problem = session.report(caught.value, doing="creating a reservation")
    assert problem.kind is Kind.NOT_SENT_OFFLINE and heard.of("problem") == [problem]
    assert problem.server == session.server_label and problem.transient
    assert session.offline, "a refusal of the desk's own says nothing about the server"
    # The probe finds the server again without anybody pressing anything.
    await control.clear_faults()
    await heard.until(lambda: heard.of("offline") == [True, False])
    assert not session.service.offline and session.offline_since is None
    created = await session.call(session.service.create_reservation(FIRST_LOCATION, reservation_request()))
    assert created.reservation.id in session.store


async def test_a_write_reads_the_free_box_counts_of_its_location_again(opened: Callable[..., Any]) -> None:
    asked: list[str] = []
    read = asyncio.Event()

    def on_request(event: RequestEvent) -> None:
        if event.phase == "start" and event.method == "GET":
            asked.append(event.path)
            if event.path == f"/company/locations/{FIRST_LOCATION}":
                read.set()

    session: DeskSession = await opened("owner", on_request=on_request)
    session.boxes_delay_s = 0
    created = await session.call(session.service.create_reservation(FIRST_LOCATION, reservation_request()))
    # The new reservation took a box at the location: its counts are read again, into the store.
    await asyncio.wait_for(read.wait(), timeout=30)
    assert created.reservation.id in session.store


async def test_the_sandbox_clock_is_read_through_the_client(
    opened: Callable[..., Any], control: SandboxControl
) -> None:
    session: DeskSession = await opened("owner")
    await session.sync_clock()
    assert abs(session.clock_offset.total_seconds()) < 5
    await control.advance(3 * 3600)
    assert await session._clock_moved()
    assert session.clock_offset > timedelta(hours=2, minutes=59)
    assert session.server_now() - session.clock_offset <= datetime.now(session.server_now().tzinfo)
    deliveries = await read_webhook_deliveries(session.client)
    assert isinstance(deliveries, list)


async def test_a_failure_becomes_one_problem_object_not_strings(opened: Callable[..., Any]) -> None:
    heard = Heard()
    session: DeskSession = await opened("reporter", listener=heard)
    with pytest.raises(LokError) as caught:
        await session.call(session.service.get_reservation("no-such-reservation"))
    problem = session.report(caught.value, doing="opening a reservation")
    assert isinstance(problem, Problem) and problem.kind is Kind.NOT_FOUND
    assert heard.of("problem") == [problem]
    assert not hasattr(session, "last_problem")
    bug = session.problem_of(KeyError("x"), doing="showing")
    assert bug.kind is Kind.INTERNAL


async def test_sign_out_revokes_and_stops_telling(opened: Callable[..., Any], tmp_path: Any) -> None:
    heard = Heard()
    session: DeskSession = await opened("owner", listener=heard)
    snapshot = session.attach_snapshot(tmp_path)
    session._snapshot_dirty = True
    await session.save_snapshot()
    assert snapshot.path.exists()
    await session.sign_out()
    assert not snapshot.path.exists()
    with pytest.raises(LokError):
        await session.client.get_user()
    await session.aclose()
    count = len(heard.events)
    session.notify("after the end")
    session.report(KeyError("late"), doing="late")
    assert len(heard.events) == count


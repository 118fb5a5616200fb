"""Starting while Lok cannot be reached: with a cached token and a saved list the session opens offline
on the saved person, locations and rows (read-only), probes by itself, and reads everything afresh when
the server is back; a token Lok no longer accepts then asks to sign in (no Qt)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lok_desk.api import Credentials, LokError, RetryPolicy, TokenCache
from lok_desk.core.problems import Kind, Problem
from lok_desk.core.service import OfflineWriteRefused
from lok_desk.core.session import DeskSession, open_desk_session
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.e2e.conftest import FIRST_LOCATION, reservation_request


async def _waits(_seconds: float) -> None:
    await asyncio.sleep(0)


async def _open(server: SandboxServer, cache: TokenCache, snapshots: Path, secret: str | None = None
                ) -> DeskSession:
    client_id, demo_secret = DEMO_CLIENTS["owner"]
    secret = demo_secret if secret is None else secret
    return await open_desk_session(
        base_url=server.api_url, credentials=Credentials(client_id, secret),
        token_cache=cache, environment="SANDBOX", snapshot_dir=snapshots,
        retry=RetryPolicy(attempts=1, sleep=_waits))


async def _save_a_list(server: SandboxServer, cache: TokenCache, snapshots: Path) -> tuple[str, int]:
    session = await _open(server, cache, snapshots)
    try:
        session.attach_snapshot(snapshots)
        await session.call(session.service.create_reservation(FIRST_LOCATION, reservation_request()))
        await session.save_snapshot()
        assert session.snapshot is not None
        return session.user.email or "", len(session.snapshot.read_rows())
    finally:
        await session.aclose()


async def test_a_start_while_lok_is_down_opens_offline_on_the_saved_list_and_recovers(
        sandbox_factory: object, tmp_path: Path) -> None:
    server: SandboxServer = sandbox_factory()  # type: ignore[operator]
    cache, snapshots = TokenCache(tmp_path / "tokens.json"), tmp_path / "cache"
    email, rows = await _save_a_list(server, cache, snapshots)
    assert rows >= 1
    server.stop()

    session = await _open(server, cache, snapshots)
    try:
        assert session.offline and session.started_offline and session.offline_since is not None
        assert session.user.email == email, "the person the list was saved for"
        assert [location.id for location in session.locations], "the saved locations"
        assert session.last_success is not None, "the list is marked as of when it was saved"
        assert session.snapshot is not None and len(session.snapshot.read_rows()) == rows
        try:   # read-only: nothing is sent while offline
            await session.call(session.service.create_reservation(FIRST_LOCATION, reservation_request()))
            raise AssertionError("a write was not refused offline")
        except OfflineWriteRefused:
            pass
        session.probe_interval_s = session.probe_interval_max_s = 0.05
        server.start()
        for _ in range(2000):   # the probe finds the server, then the person and locations are read
            if not session.offline and not session.started_offline:
                break
            await asyncio.sleep(0.01)
        assert not session.offline and not session.started_offline
        assert session.locations
    finally:
        await session.aclose()


async def test_without_a_saved_list_an_unreachable_server_still_raises(
        sandbox_factory: object, tmp_path: Path) -> None:
    server: SandboxServer = sandbox_factory()  # type: ignore[operator]
    cache = TokenCache(tmp_path / "tokens.json")
    session = await _open(server, cache, tmp_path / "cache")
    await session.aclose()
    server.stop()
    try:
        await _open(server, cache, tmp_path / "empty-cache")
        raise AssertionError("opened offline with nothing saved")
    except LokError as error:
        assert error.__class__.__name__.startswith("Lok")


async def test_back_online_with_a_token_lok_refuses_asks_to_sign_in(
        sandbox_factory: object, tmp_path: Path) -> None:
    server: SandboxServer = sandbox_factory(token_lifetime=3600)  # type: ignore[operator]
    cache, snapshots = TokenCache(tmp_path / "tokens.json"), tmp_path / "cache"
    await _save_a_list(server, cache, snapshots)
    server.stop()
    # No secret kept (no keyring): when Lok is back and refuses the token, only a sign-in helps.
    session = await _open(server, cache, snapshots, secret="")
    asked: list[Problem] = []
    session.on_sign_in_needed = asked.append
    try:
        assert session.offline
        with server.state.store.transaction() as conn:   # Lok withdrew every token meanwhile
            conn.execute("UPDATE access_tokens SET revoked = 1")
        session.probe_interval_s = session.probe_interval_max_s = 0.05
        server.start()
        for _ in range(2000):
            if asked or not session.started_offline:
                break
            await asyncio.sleep(0.01)
    finally:
        await session.aclose()
    assert len(asked) == 1 and asked[0].kind in (Kind.SIGNED_OUT, Kind.BAD_CREDENTIALS)
    assert session.started_offline, "nothing read with a refused token is taken for the person's"

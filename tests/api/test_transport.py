"""Transport safety: no plain http off this computer, base URL rules, User-Agent, timeouts, activity."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import lok_desk
from lok_desk.api import (
    PRODUCTION_BASE_URL,
    Credentials,
    InsecureTransportError,
    LokClient,
    LokConnectionError,
    RequestEvent,
    Timeouts,
)

from .conftest import ScriptedLok, ok, raises


@pytest.mark.parametrize(
    "url",
    [
        "http://api.clicknbox.com/api/v2",
        "http://192.168.1.20:8765",
        "http://10.0.0.1",
        "http://127.0.0.1.evil.example/api/v2",
        "http://localhost.example.com",
        # Issue 10 point 8: only `localhost` itself and literal loopback addresses count. A
        # `*.localhost` name is loopback only if the resolver (or hosts file, or proxy) agrees.
        "http://lok.localhost:8765",
        "http://api.lok.localhost/api/v2",
        "http://localhost.localhost",
        "http://127.0.0.1.localhost",
    ],
)
def test_plain_http_to_another_computer_is_refused(url: str) -> None:
    with pytest.raises(InsecureTransportError) as caught:
        LokClient(url)
    assert "https://" in caught.value.user_message


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://127.1.2.3/api/v2",
        "http://[::1]:9000",
        "http://localhost:8765",
        "http://LOCALHOST.:8765",
        "http://127.255.255.254",
        "https://api.clicknbox.com",
        "https://10.0.0.1/api/v2",
    ],
)
def test_https_anywhere_and_http_to_loopback_are_accepted(url: str) -> None:
    client = LokClient(url)
    assert client.base_url.endswith("/api/v2")
    assert client.is_loopback == url.startswith("http://")


@pytest.mark.parametrize("url", ["ftp://api.clicknbox.com", "api.clicknbox.com", "", "https://"])
def test_non_http_addresses_are_refused(url: str) -> None:
    with pytest.raises(InsecureTransportError):
        LokClient(url)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765/api/v2"),
        ("http://127.0.0.1:8765/", "http://127.0.0.1:8765/api/v2"),
        ("http://127.0.0.1:8765/api/v2", "http://127.0.0.1:8765/api/v2"),
        ("http://127.0.0.1:8765/api/v2/", "http://127.0.0.1:8765/api/v2"),
        (" https://lok.example/prefix ", "https://lok.example/prefix/api/v2"),
    ],
)
def test_base_url_normalisation(given: str, expected: str) -> None:
    assert LokClient(given).base_url == expected


def test_production_is_the_default() -> None:
    client = LokClient()
    assert client.base_url == PRODUCTION_BASE_URL == "https://api.clicknbox.com/api/v2"
    assert not client.is_loopback


async def test_requests_go_under_api_v2_with_user_agent_and_oauth_under_it_too(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("GET", "/oauth/user", ok({"user": {"id": "u1"}}))
    async with make_client(base_url="http://127.0.0.1:8765") as client:
        await client.get_user()
    for request in lok.requests:
        assert request.url.path.startswith("/api/v2/")
        assert request.headers["User-Agent"].startswith(f"LokDesk/{lok_desk.__version__}")
    assert [r.url.path for r in lok.requests] == ["/api/v2/oauth/token", "/api/v2/oauth/user"]


async def test_ids_cannot_change_the_route(lok: ScriptedLok, make_client: Callable[..., LokClient]) -> None:
    lok.on("GET", "/reservations/a/../b?x", ok({"reservation": {"id": "weird"}}))  # decoded path
    async with make_client() as client:
        reservation = await client.get_reservation("a/../b?x")
    assert reservation.reservation.id == "weird"
    assert lok.requests[-1].url.raw_path.startswith(b"/api/v2/reservations/a%2F..%2Fb%3Fx")


async def test_timeouts_and_tls_verification_are_set_on_the_pool(lok: ScriptedLok) -> None:
    client = LokClient(
        "https://lok.example", timeouts=Timeouts(connect=3.0, read=7.0), transport=lok.transport
    )
    async with client:
        http = client._http
        assert http is not None
        assert http.timeout.connect == 3.0 and http.timeout.read == 7.0
        assert http.follow_redirects is False
    assert client._http is None  # closed on exit


async def test_calling_before_opening_is_a_clear_programming_error() -> None:
    client = LokClient("http://127.0.0.1:1", credentials=Credentials("id", "secret"))
    with pytest.raises(RuntimeError, match="async with"):
        await client.get_location("L1")


async def test_activity_hook_sees_start_and_end_without_secrets(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    events: list[RequestEvent] = []
    lok.on("GET", "/company/locations/L1", raises(httpx.ConnectError))

    def broken_hook(event: RequestEvent) -> None:
        events.append(event)
        raise RuntimeError("indicator crashed")  # must not break the call

    async with make_client(on_request=broken_hook) as client:
        with pytest.raises(LokConnectionError):
            await client.get_location("L1")
    phases = [(e.method, e.path, e.phase) for e in events]
    assert phases[:2] == [("POST", "/oauth/token", "start"), ("POST", "/oauth/token", "end")]
    assert events[1].status == 200 and events[1].elapsed_s is not None
    failed = [e for e in events if e.path == "/company/locations/L1" and e.phase == "end"]
    assert len(failed) == 3 and all(e.status is None and e.error == "CONNECTION_ERROR" for e in failed)


async def test_default_http_client_is_built_off_the_event_loop_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Building the default transport reads the CA bundle from disk: not on the desk's Qt thread.
    import threading

    from lok_desk.api import LokClient

    built: list[int] = []
    original = LokClient._new_http

    def spy(self: LokClient) -> httpx.AsyncClient:
        built.append(threading.get_ident())
        return original(self)

    monkeypatch.setattr(LokClient, "_new_http", spy)
    async with LokClient("http://127.0.0.1:9/api/v2"):
        pass
    assert len(built) == 1 and built[0] != threading.get_ident()

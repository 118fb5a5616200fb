"""Proxies: plain http to loopback never goes through one; https honours HTTPS_PROXY and says so on failure.

The proxy is a real listener on loopback that records every byte it is sent, so a test sees exactly what
would have reached a proxy on the network.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest

from lok_desk.api import Credentials, LokClient, RetryPolicy
from lok_desk.api.errors import LokConnectionError, LokProxyError
from lok_desk.api.sandbox_routes import read_sandbox_clock, read_webhook_deliveries
from lok_desk.core.problems import Kind, problem_from
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


class ProxyListener:
    """A TCP listener on 127.0.0.1 playing a proxy that refuses everything, keeping what it was sent."""

    def __init__(self, answer: bytes) -> None:
        self._answer = answer
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.received: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(5)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        chunk = connection.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    self.received.append(data)
                    connection.sendall(self._answer)
                except OSError:
                    pass

    def close(self) -> None:
        # shutdown wakes the thread blocked in accept(); close alone would leave it waiting.
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()
        self._thread.join(timeout=5)


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ProxyListener]:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    listener = ProxyListener(
        b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    try:
        yield listener
    finally:
        listener.close()


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"])
async def test_plain_http_to_loopback_never_goes_through_a_proxy(
    variable: str, proxy: ProxyListener, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, proxy.url)
    client_id, secret = DEMO_CLIENTS["owner"]
    async with LokClient(sandbox.api_url, credentials=Credentials(client_id, secret)) as client:
        user = await client.get_user()
    assert user.id
    assert proxy.received == []  # neither the secret (sign-in) nor the bearer token reached it


async def test_https_goes_through_https_proxy_as_a_tunnel_and_names_it_when_it_fails(
    proxy: ProxyListener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url.replace("http://", "http://office:pw@"))
    client = LokClient(
        "https://lok.example.test",
        credentials=Credentials("demo-owner", "demo-owner-secret"),
        retry=RetryPolicy(attempts=1),
    )
    async with client:
        with pytest.raises(LokConnectionError) as raised:
            await client.get_user()
    # Only the tunnel request reached the proxy: the secret and token travel inside TLS, never in clear.
    assert len(proxy.received) == 1
    assert proxy.received[0].startswith(b"CONNECT lok.example.test:443 HTTP/1.1\r\n")
    assert b"demo-owner-secret" not in proxy.received[0]
    assert isinstance(raised.value, LokProxyError)
    message = raised.value.user_message
    assert f"127.0.0.1:{proxy.port}" in message and "HTTPS_PROXY" in message
    assert "pw" not in message  # the proxy's own password is never shown


async def test_no_proxy_names_the_host_that_bypasses_it(
    proxy: ProxyListener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "example.test")
    client = LokClient("https://lok.example.test", retry=RetryPolicy(attempts=1),
                       credentials=Credentials("demo-owner", "demo-owner-secret"))
    async with client:
        with pytest.raises(LokConnectionError) as raised:
            await client.get_user()
    assert proxy.received == []
    assert "proxy" not in raised.value.user_message


@pytest.mark.parametrize("value", ["socks5://127.0.0.1:1080", "http://proxy.example.test:port"])
def test_a_proxy_the_client_cannot_use_is_refused_by_name_before_anything_is_sent(
    value: str, proxy: ProxyListener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALL_PROXY", value)
    with pytest.raises(LokProxyError) as raised:
        LokClient("https://lok.example.test", credentials=Credentials("demo-owner", "demo-owner-secret"))
    assert "ALL_PROXY" in raised.value.user_message
    assert problem_from(raised.value).kind is Kind.PROXY


async def test_the_proxy_failure_reaches_the_person_as_a_proxy_problem(
    proxy: ProxyListener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("https_proxy", proxy.url)
    async with LokClient("https://lok.example.test", retry=RetryPolicy(attempts=1),
                         credentials=Credentials("demo-owner", "demo-owner-secret")) as client:
        with pytest.raises(LokConnectionError) as raised:
            await client.get_user()
    problem = problem_from(raised.value, server="lok.example.test")
    assert problem.kind is Kind.PROXY
    assert "HTTPS_PROXY" in problem.english()[0]


async def test_the_sandbox_routes_on_loopback_bypass_the_proxy_too(
    proxy: ProxyListener, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The desk reads the sandbox clock and delivery log through its one client, on the same host.
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    async with LokClient(sandbox.api_url, retry=RetryPolicy(attempts=1)) as client:
        offset = await read_sandbox_clock(client)
        deliveries = await read_webhook_deliveries(client)
    assert abs(offset.total_seconds()) < 5 and isinstance(deliveries, list)
    assert proxy.received == []

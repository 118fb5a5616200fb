"""Shared pieces for the API client's protocol tests: a scripted Lok over httpx.MockTransport."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from lok_desk.api import Credentials, LokClient, RetryPolicy, TokenCache

BASE = "http://127.0.0.1:8765/api/v2"
FUTURE = "2099-01-01T00:00:00.000Z"
SECRET = "demo-owner-secret-DO-NOT-LEAK"

Responder = Callable[[httpx.Request], httpx.Response]


@dataclass
class ScriptedLok:
    """Answers by (method, path below /api/v2); records every request it saw.

    A route maps to a responder, or to a list of responders used one per call (the last repeats).
    POST /oauth/token answers with a fresh token `tok-1`, `tok-2`, ... unless scripted otherwise.
    """

    routes: dict[tuple[str, str], Responder | list[Responder]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    tokens_issued: int = 0
    token_expires_at: str = FUTURE

    def on(self, method: str, path: str, *responders: Responder) -> None:
        self.routes[(method, path)] = list(responders) if len(responders) > 1 else responders[0]

    def calls(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and self.path_of(r) == path]

    @staticmethod
    def path_of(request: httpx.Request) -> str:
        return request.url.path.removeprefix("/api/v2")

    def issue_token(self, request: httpx.Request) -> httpx.Response:
        self.tokens_issued += 1
        return httpx.Response(
            200,
            json={
                "status_code": 200,
                "access_token": f"tok-{self.tokens_issued}",
                "access_token_expires_at": self.token_expires_at,
                "scope": "owner",
            },
        )

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = (request.method, self.path_of(request))
        route = self.routes.get(key)
        if route is None:
            if key == ("POST", "/oauth/token"):
                return self.issue_token(request)
            return lok_error(404, "NOT_FOUND", f"no scripted route for {key}")
        if isinstance(route, list):
            responder = route.pop(0) if len(route) > 1 else route[0]
            return responder(request)
        return route(request)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def ok(payload: Any, status: int = 200) -> Responder:
    return lambda request: httpx.Response(status, json=payload)


def lok_error(
    status: int, error_type: str, message: str, data: dict[str, Any] | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"status_code": status, "type": error_type, "message": message}
    if data is not None:
        body["data"] = data
    return httpx.Response(status, json=body)


def fails(status: int, error_type: str, message: str = "scripted") -> Responder:
    return lambda request: lok_error(status, error_type, message)


def raises(exc_type: type[Exception], message: str = "scripted failure") -> Responder:
    def responder(request: httpx.Request) -> httpx.Response:
        raise exc_type(message, request=request)  # type: ignore[call-arg]

    return responder


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


@dataclass
class Sleeps:
    """An injectable sleep that records what it was asked to wait and returns at once."""

    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def lok() -> ScriptedLok:
    return ScriptedLok()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def retry(sleeps: Sleeps) -> RetryPolicy:
    return RetryPolicy(attempts=3, base_delay=0.25, max_delay=4.0, sleep=sleeps)


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "tokens.json"


@pytest.fixture
def make_client(lok: ScriptedLok, retry: RetryPolicy) -> Callable[..., LokClient]:
    def make(**overrides: Any) -> LokClient:
        options: dict[str, Any] = {
            "credentials": Credentials(client_id="demo-owner", client_secret=SECRET),
            "transport": lok.transport,
            "retry": retry,
        }
        options.update(overrides)
        base = options.pop("base_url", BASE)
        return LokClient(base, **options)

    return make


@pytest.fixture
def token_cache(cache_path: Path) -> TokenCache:
    return TokenCache(cache_path)

"""Helpers for sandbox tests: plain httpx sessions per role (never lok_desk.api)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from lok_desk.sandbox import DEMO_CLIENTS, OTHER_CLIENTS, SandboxServer

ROLES = ("owner", "employee", "reporter", "seller", "admin")
FIRST_LOCATION = "loc-cdmx-antara"
SECOND_LOCATION = "loc-tij-plaza-rio"
PUBLIC_LOCATION = "loc-net-coyoacan"
OTHER_LOCATION = "loc-gdl-galerias"


# Building an SSL context per httpx client costs ~50 ms (certifi); loopback http never uses it.
SHARED_SSL = ssl.create_default_context()


class Session:
    """An httpx client signed in as one Lok client; signs in again after the clock outran the token."""

    def __init__(self, server: SandboxServer, client_id: str, secret: str) -> None:
        self.server = server
        self.client_id = client_id
        self.secret = secret
        self.http = httpx.Client(base_url=server.api_url, timeout=20.0, verify=SHARED_SSL)
        self.root = httpx.Client(base_url=server.base_url, timeout=20.0, verify=SHARED_SSL)
        self.token = ""
        self.sign_in()

    def sign_in(self) -> None:
        response = self.http.post(
            "/oauth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self.secret,
            },
        )
        assert response.status_code == 200, response.text
        self.token = response.json()["access_token"]

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        response = self.http.request(method, path, headers=headers, **kwargs)
        if response.status_code == 401 and response.json().get("type") == "INVALID_TOKEN":
            self.sign_in()
            headers["Authorization"] = f"Bearer {self.token}"
            response = self.http.request(method, path, headers=headers, **kwargs)
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)

    def kiosk(self, token: str) -> httpx.Response:
        return self.root.post("/sandbox/kiosk", json={"token": token})

    def advance(self, seconds: float) -> dict[str, Any]:
        response = self.root.post("/sandbox/clock", json={"advance_seconds": seconds})
        assert response.status_code == 200, response.text
        return dict(response.json())

    def close(self) -> None:
        self.http.close()
        self.root.close()


@pytest.fixture
def sessions(sandbox: SandboxServer) -> Iterator[dict[str, Session]]:
    """One signed-in Session per demo role, plus "other" (the second company's owner)."""
    made = {role: Session(sandbox, *DEMO_CLIENTS[role]) for role in ROLES}
    made["other"] = Session(sandbox, *OTHER_CLIENTS["owner"])
    try:
        yield made
    finally:
        for session in made.values():
            session.close()


@pytest.fixture
def owner(sessions: dict[str, Session]) -> Session:
    return sessions["owner"]


def assert_error(response: httpx.Response, status: int, type_: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status_code"] == status
    assert body["type"] == type_, body
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["data"], dict)
    return dict(body)


def new_reservation(session: Session, location: str = FIRST_LOCATION, **fields: Any) -> dict[str, Any]:
    body = {"size": "s", **fields}
    response = session.post(f"/locations/{location}/reservations", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())

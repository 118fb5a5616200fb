"""The Lok error envelope everywhere: unknown routes, wrong methods, unreadable bodies, headers."""

from __future__ import annotations

import httpx
import pytest

from tests.sandbox.conftest import FIRST_LOCATION, Session, assert_error


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/api/v2",
        "/api/v2/nothing/here",
        "/api/v2/company/reservations/",
        "/sandbox/unknown",
        "/api/v3/company/reservations",
    ],
)
def test_unknown_routes_are_not_found(owner: Session, path: str) -> None:
    body = assert_error(
        owner.root.get(path, headers={"Authorization": f"Bearer {owner.token}"}), 404, "NOT_FOUND"
    )
    assert body["data"]["path"] == path


def test_wrong_method_keeps_the_envelope(owner: Session) -> None:
    assert_error(owner.request("PATCH", "/company/reservations"), 405, "METHOD_NOT_ALLOWED")


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"", "application/json"),
        (b"{", "application/json"),
        (b"size=s", "application/x-www-form-urlencoded"),
        (b'{"size": "s"}', "text/plain"),
        (b"\xff\xfe\x00", "application/json"),
        (b"[]", "application/json"),
        (b'"s"', "application/json"),
    ],
)
def test_unreadable_bodies_are_invalid_request(owner: Session, content: bytes, content_type: str) -> None:
    response = owner.post(
        f"/locations/{FIRST_LOCATION}/reservations", content=content, headers={"Content-Type": content_type}
    )
    body = assert_error(response, 400, "INVALID_REQUEST")
    assert body["data"]["source"] == "payload" and body["data"]["keys"]


def test_header_validation_names_the_header(owner: Session) -> None:
    response = owner.post(
        f"/locations/{FIRST_LOCATION}/pre_reservation", json={}, headers={"lok-grant-token": "x" * 600}
    )
    body = assert_error(response, 400, "INVALID_REQUEST")
    assert body["data"] == {"keys": ["lok-grant-token"], "source": "headers"}


def test_scope_is_checked_before_the_body(sessions: dict[str, Session]) -> None:
    response = sessions["reporter"].post(f"/locations/{FIRST_LOCATION}/reservations", content=b"{")
    assert_error(response, 403, "INSUFFICIENT_SCOPE")


def test_auth_comes_first(owner: Session) -> None:
    response = httpx.post(
        owner.server.api_url + f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s"}
    )
    assert_error(response, 401, "INVALID_TOKEN")


def test_auth_comes_first_even_for_an_unreadable_body(owner: Session) -> None:
    response = httpx.post(
        owner.server.api_url + f"/locations/{FIRST_LOCATION}/reservations",
        content=b"{",
        headers={"Content-Type": "application/json"},
    )
    assert_error(response, 401, "INVALID_TOKEN")
    response = httpx.get(owner.server.api_url + "/company/reservations", params={"page": 0})
    assert_error(response, 401, "INVALID_TOKEN")

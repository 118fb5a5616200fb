"""#11–#14: tokens and the signed-in user, with every documented failure."""

from __future__ import annotations

import httpx
import pytest

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.sandbox.conftest import FIRST_LOCATION, Session, assert_error


def token_form(
    client_id: str = "demo-owner", secret: str = "demo-owner-secret", grant: str = "client_credentials"
):  # type: ignore[no-untyped-def]
    return {"grant_type": grant, "client_id": client_id, "client_secret": secret}


@pytest.mark.parametrize("role", sorted(DEMO_CLIENTS))
def test_each_demo_client_gets_a_token_with_its_scope(sandbox: SandboxServer, role: str) -> None:
    client_id, secret = DEMO_CLIENTS[role]
    response = httpx.post(sandbox.api_url + "/oauth/token", data=token_form(client_id, secret))
    assert response.status_code == 200
    body = response.json()
    assert body["scope"] == role
    assert body["access_token_expires_at"].endswith("Z")
    user = httpx.get(
        sandbox.api_url + "/oauth/user", headers={"Authorization": "Bearer " + body["access_token"]}
    )
    assert user.status_code == 200
    assert user.json()["user"]["scope"] == role
    assert user.json()["user"]["company"]["id"] == "cmp-demo"
    assert ("location" in user.json()["user"]) == (role == "employee")
    if role == "employee":
        assert user.json()["user"]["location"] == FIRST_LOCATION


def test_token_accepts_json_too(sandbox: SandboxServer) -> None:
    response = httpx.post(sandbox.api_url + "/oauth/token", json=token_form())
    assert response.status_code == 200


def test_wrong_secret_and_unknown_client_are_invalid_client(sandbox: SandboxServer) -> None:
    for form in (token_form(secret="nope"), token_form(client_id="nobody")):
        assert_error(httpx.post(sandbox.api_url + "/oauth/token", data=form), 401, "INVALID_CLIENT")


def test_bad_grant_type_and_missing_fields_are_invalid_request(sandbox: SandboxServer) -> None:
    body = assert_error(
        httpx.post(sandbox.api_url + "/oauth/token", data=token_form(grant="password")),
        400,
        "INVALID_REQUEST",
    )
    assert body["data"]["keys"] == ["grant_type"]
    body = assert_error(
        httpx.post(sandbox.api_url + "/oauth/token", data={"grant_type": "client_credentials"}),
        400,
        "INVALID_REQUEST",
    )
    assert body["data"]["keys"] == ["client_id", "client_secret"]
    assert body["data"]["source"] == "payload"
    assert_error(httpx.post(sandbox.api_url + "/oauth/token", content=b"\xff\xfe"), 400, "INVALID_REQUEST")


def test_validate_revoke_and_expiry(sandbox: SandboxServer) -> None:
    session = Session(sandbox, *DEMO_CLIENTS["reporter"])
    auth = {"Authorization": f"Bearer {session.token}"}
    valid = httpx.get(sandbox.api_url + "/oauth/token", headers=auth)
    assert valid.status_code == 200 and valid.json()["access_token"] == session.token
    revoked = httpx.delete(sandbox.api_url + "/oauth/token", headers=auth)
    assert revoked.status_code == 200 and revoked.json()["message"]
    assert_error(httpx.get(sandbox.api_url + "/oauth/token", headers=auth), 401, "INVALID_TOKEN")
    assert_error(httpx.get(sandbox.api_url + "/oauth/user", headers=auth), 401, "INVALID_TOKEN")
    # Expiry follows the sandbox clock.
    session.sign_in()
    auth = {"Authorization": f"Bearer {session.token}"}
    assert httpx.get(sandbox.api_url + "/oauth/user", headers=auth).status_code == 200
    session.advance(3601)
    assert_error(httpx.get(sandbox.api_url + "/oauth/user", headers=auth), 401, "INVALID_TOKEN")
    session.close()


@pytest.mark.parametrize("header", [None, "Bearer", "Basic abc", "Bearer not-a-token"])
def test_missing_or_bad_bearer_is_invalid_token(sandbox: SandboxServer, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    for method, path in (
        ("GET", "/oauth/user"),
        ("GET", "/company/reservations"),
        ("DELETE", "/oauth/token"),
    ):
        assert_error(httpx.request(method, sandbox.api_url + path, headers=headers), 401, "INVALID_TOKEN")


def test_token_lifetime_is_configurable(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    server = sandbox_factory(token_lifetime=120)
    body = httpx.post(server.api_url + "/oauth/token", data=token_form()).json()
    clock = httpx.get(server.base_url + "/sandbox/clock").json()
    from datetime import datetime

    issued = datetime.fromisoformat(clock["now"].replace("Z", "+00:00"))
    expires = datetime.fromisoformat(body["access_token_expires_at"].replace("Z", "+00:00"))
    assert 110 <= (expires - issued).total_seconds() <= 121

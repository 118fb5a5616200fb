"""POST/DELETE /sandbox/faults: slow, failing, dropped and malformed answers on /api/v2."""

from __future__ import annotations

import time

import httpx
import pytest

from lok_desk.sandbox import SandboxServer
from tests.sandbox.conftest import Session, assert_error


def set_faults(server: SandboxServer, *rules: dict) -> None:  # type: ignore[type-arg]
    response = httpx.post(server.base_url + "/sandbox/faults", json={"rules": list(rules)})
    assert response.status_code == 200, response.text


def test_status_fault_for_a_number_of_times(owner: Session) -> None:
    set_faults(owner.server, {"method": "GET", "path": "/company/reservations", "status": 503, "times": 2})
    for _ in range(2):
        assert_error(owner.get("/company/reservations"), 503, "UNKNOWN_ERROR")
    assert owner.get("/company/reservations").status_code == 200
    # Other methods and paths were never affected.
    set_faults(owner.server, {"method": "POST", "path": "^/api/v2/oauth/token$", "status": 500})
    assert owner.get("/company/locations").status_code == 200
    assert_error(owner.http.post("/oauth/token", data={}), 500, "UNKNOWN_ERROR")
    assert_error(
        owner.http.post("/oauth/token", data={}), 500, "UNKNOWN_ERROR"
    )  # times absent: until deleted
    assert httpx.delete(owner.server.base_url + "/sandbox/faults").status_code == 200
    assert_error(owner.http.post("/oauth/token", data={}), 400, "INVALID_REQUEST")


def test_drop_closes_the_connection_without_an_answer(owner: Session) -> None:
    set_faults(owner.server, {"path": "/oauth/user", "drop": True, "times": 1})
    with pytest.raises(httpx.TransportError):
        owner.get("/oauth/user")
    assert owner.get("/oauth/user").status_code == 200


def test_malformed_answer_is_not_json(owner: Session) -> None:
    set_faults(owner.server, {"path": "/oauth/user", "malformed": True, "times": 1})
    response = owner.get("/oauth/user")
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()


def test_delay_then_normal_answer(owner: Session) -> None:
    set_faults(owner.server, {"path": "/company/locations", "delay_ms": 300, "times": 1})
    started = time.monotonic()
    response = owner.get("/company/locations")
    assert response.status_code == 200 and time.monotonic() - started >= 0.3
    with pytest.raises(httpx.ReadTimeout):
        set_faults(owner.server, {"path": "/company/locations", "delay_ms": 600, "times": 1})
        owner.http.get("/company/locations", headers={"Authorization": f"Bearer {owner.token}"}, timeout=0.2)


def test_faults_never_touch_sandbox_routes(owner: Session) -> None:
    set_faults(owner.server, {"path": ".*", "status": 500})
    assert httpx.get(owner.server.base_url + "/sandbox/clock").status_code == 200
    assert httpx.delete(owner.server.base_url + "/sandbox/faults").status_code == 200


def test_fault_rule_validation(sandbox: SandboxServer) -> None:
    bad = httpx.post(sandbox.base_url + "/sandbox/faults", json={"rules": [{"path": "(", "status": 500}]})
    assert assert_error(bad, 400, "INVALID_REQUEST")["data"]["keys"] == ["rules.0.path"]
    bad = httpx.post(sandbox.base_url + "/sandbox/faults", json={"rules": [{"status": 99}]})
    assert assert_error(bad, 400, "INVALID_REQUEST")["data"]["keys"] == ["rules.0.status"]

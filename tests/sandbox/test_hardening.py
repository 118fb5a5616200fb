"""Sandbox defects of issue 10: bad CSV, fault rules, 405 answers, strict JSON types, file modes."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.sandbox.conftest import FIRST_LOCATION, Session, assert_error

HEADER = "name,last_name,email\n"


def _import(owner: Session, text: str) -> httpx.Response:
    # json.dumps escapes a lone surrogate (what undecodable bytes become) as JSON allows.
    return owner.post(
        "/company/directories/csv",
        content=json.dumps({"csv": text}).encode(),
        headers={"Content-Type": "application/json"},
    )


# -- 1. CSV import ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (HEADER + "Ana,López,ana@example.com\rLuis,Pérez,luis@example.com\n", 2),  # bare CR
        (HEADER + "Ana,López,a@example.com\nLuis," + "x" * 131_073 + ",l@example.com\n", 3),  # huge field
        (HEADER + "Ana,López,a@example.com\nLu\x00is,Pérez,l@example.com\n", 3),  # NUL
        (HEADER + "Ana,López,a@example.com\nLuis,P\udcc3rez,l@example.com\n", 3),  # undecodable byte
        ("name,last_name\n" + "A,B\n" * 6000, 5002),  # very many rows
        ("name,last\x00_name\nA,B\n", 1),  # NUL in the header
    ],
    ids=["bare-cr", "field-over-131072", "nul", "undecodable", "many-rows", "nul-header"],
)
def test_bad_csv_is_400_naming_the_line(owner: Session, text: str, line: int) -> None:
    error = assert_error(_import(owner, text), 400, "INVALID_REQUEST")
    assert f"line {line}" in error["message"].lower(), error
    assert error["data"]["source"] == "payload"
    assert any(key == "csv" or key.startswith(f"csv.{line}") for key in error["data"]["keys"]), error


def test_undecodable_body_bytes_are_400(owner: Session) -> None:
    raw = b'{"csv": "name,last_name\\nA,B\xff\\n"}'
    response = owner.post(
        "/company/directories/csv", content=raw, headers={"Content-Type": "application/json"}
    )
    assert_error(response, 400, "INVALID_REQUEST")


def test_good_csv_after_bad_ones_still_imports(owner: Session) -> None:
    assert_error(_import(owner, HEADER + "A,B\rC,D\n"), 400, "INVALID_REQUEST")
    assert _import(owner, HEADER + "Ana,López,ana@example.com\r\nLuis,Pérez,\r\n").status_code == 204


# -- 4. fault rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "key"),
    [
        ({"status": 100}, "rules.0.status"),
        ({"status": 199}, "rules.0.status"),
        ({"status": 204}, "rules.0.status"),
        ({"status": 304}, "rules.0.status"),
        ({"status": 600}, "rules.0.status"),
        ({"method": "FETCH"}, "rules.0.method"),
        ({"drop": True, "malformed": True}, "rules.0"),
        ({"drop": True, "status": 500}, "rules.0"),
        ({"path": "("}, "rules.0.path"),
    ],
)
def test_fault_rules_are_validated(sandbox: SandboxServer, rule: dict[str, Any], key: str) -> None:
    response = httpx.post(sandbox.base_url + "/sandbox/faults", json={"rules": [rule]})
    error = assert_error(response, 400, "INVALID_REQUEST")
    assert key in error["data"]["keys"], error
    # Nothing was installed: the API answers normally.
    assert httpx.get(sandbox.api_url + "/oauth/user").status_code == 401


def test_valid_fault_rules_still_work(sandbox: SandboxServer) -> None:
    response = httpx.post(
        sandbox.base_url + "/sandbox/faults",
        json={"rules": [{"method": "get", "path": "/oauth/user", "status": 418, "times": 1}]},
    )
    assert response.status_code == 200, response.text
    assert httpx.get(sandbox.api_url + "/oauth/user").status_code == 418


# -- 5. 405 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PATCH", "/company/reservations", {"GET"}),
        ("DELETE", "/company/webhook", {"GET", "PUT"}),
        ("POST", "/reservations/rsv-x", {"GET", "PUT", "DELETE"}),
        ("PUT", "/oauth/token", {"GET", "POST", "DELETE"}),
    ],
)
def test_405_has_allow_and_its_own_type(
    owner: Session, method: str, path: str, allowed: set[str]
) -> None:
    response = owner.request(method, path)
    error = assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed
    assert set(error["data"]["allowed"]) == allowed


def test_405_on_a_sandbox_route(sandbox: SandboxServer) -> None:
    response = httpx.put(sandbox.base_url + "/sandbox/clock")
    assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert {m.strip() for m in response.headers["allow"].split(",")} == {"GET", "POST"}


# -- 6. strict JSON types -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body", "key"),
    [
        ("/locations/available", {"coords": {"lat": True, "long": -99.1}, "limit": 5}, "coords.lat"),
        ("/locations/available", {"zip_code": "06600", "limit": True}, "limit"),
        ("/locations/available", {"zip_code": "06600", "limit": 5.5}, "limit"),
        (
            f"/locations/{FIRST_LOCATION}/reservations",
            {"size": "s", "package_info": {"weight": False}},
            "package_info.weight",
        ),
        (f"/locations/{FIRST_LOCATION}/reservations", {"size": "s", "shipment_id": 12}, "shipment_id"),
        (
            f"/locations/{FIRST_LOCATION}/reservations",
            {"size": "s", "recipient_notifications_enabled": 1},
            "recipient_notifications_enabled",
        ),
        ("/company/webhook/status", {"enabled": "true"}, "enabled"),
    ],
)
def test_body_fields_are_strict_about_json_types(
    owner: Session, path: str, body: dict[str, Any], key: str
) -> None:
    method = "PUT" if path.endswith("/status") else "POST"
    error = assert_error(owner.request(method, path, json=body), 400, "INVALID_REQUEST")
    assert key in error["data"]["keys"], error


def test_clock_refuses_a_boolean(sandbox: SandboxServer) -> None:
    response = httpx.post(sandbox.base_url + "/sandbox/clock", json={"advance_seconds": False})
    error = assert_error(response, 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == ["advance_seconds"]


def test_integers_still_count_as_numbers(owner: Session) -> None:
    response = owner.post(
        f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s", "package_info": {"weight": 2}}
    )
    assert response.status_code == 201, response.text


# -- 7. file modes -------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_sandbox_database_and_wal_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        db = tmp_path / "data" / "sandbox.sqlite3"
        with SandboxServer(db_path=db) as server:
            session = Session(server, *DEMO_CLIENTS["owner"])
            try:
                created = session.post(f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s"})
                assert created.status_code == 201, created.text
                files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
                for path in files:
                    assert path.exists(), path
                    assert stat.S_IMODE(path.stat().st_mode) == 0o600, (path, oct(path.stat().st_mode))
                assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
            finally:
                session.close()
    finally:
        os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_existing_database_is_made_private(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.sqlite3"
    with SandboxServer(db_path=db):
        pass
    os.chmod(db, 0o644)
    with SandboxServer(db_path=db):
        assert stat.S_IMODE(db.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_desk_config_dir_is_private(tmp_path: Path) -> None:
    from lok_desk.desk.settings import DeskSettings

    config = tmp_path / "config"
    DeskSettings().save(config / "settings.json")
    assert stat.S_IMODE(config.stat().st_mode) == 0o700
    os.chmod(config, 0o755)  # as an older desk left it
    DeskSettings().save(config / "settings.json")
    assert stat.S_IMODE(config.stat().st_mode) == 0o700

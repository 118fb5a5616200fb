"""Property-based fuzzing: no input, however malformed, gets a 5xx or a non-Lok error body."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.sandbox.conftest import Session

# Every route (faults are left out: a fuzzed delay rule would stall the run on purpose).
ROUTES = [
    ("GET", "/api/v2/company/action_logs"),
    ("GET", "/api/v2/company/directories"),
    ("POST", "/api/v2/company/directories"),
    ("GET", "/api/v2/company/locations"),
    ("GET", "/api/v2/company/notification_emails"),
    ("PUT", "/api/v2/company/notification_emails"),
    ("GET", "/api/v2/company/pre_reservations"),
    ("GET", "/api/v2/company/reservations"),
    ("GET", "/api/v2/company/webhook"),
    ("PUT", "/api/v2/company/webhook"),
    ("GET", "/api/v2/oauth/token"),
    ("POST", "/api/v2/oauth/token"),
    ("DELETE", "/api/v2/oauth/token"),
    ("GET", "/api/v2/oauth/user"),
    ("GET", "/api/v2/reservations/{id}"),
    ("PUT", "/api/v2/reservations/{id}"),
    ("DELETE", "/api/v2/reservations/{id}"),
    ("GET", "/api/v2/shipping/reservations"),
    ("GET", "/api/v2/company/action_logs/csv"),
    ("GET", "/api/v2/company/directories/{id}"),
    ("PUT", "/api/v2/company/directories/{id}"),
    ("GET", "/api/v2/company/locations/{id}"),
    ("GET", "/api/v2/company/reports/recent_activity"),
    ("GET", "/api/v2/locations/{id}/reservations"),
    ("POST", "/api/v2/locations/{id}/reservations"),
    ("GET", "/api/v2/reservations/{id}/label"),
    ("POST", "/api/v2/shipping_order"),
    ("POST", "/api/v2/locations/available"),
    ("POST", "/api/v2/company/directories/csv"),
    ("POST", "/api/v2/locations/{id}/pre_reservation"),
    ("POST", "/api/v2/locations/{id}/shipping"),
    ("POST", "/api/v2/reservations/{id}/shipping"),
    ("POST", "/api/v2/reservations/{id}/shipping/quotation"),
    ("PUT", "/api/v2/company/webhook/status"),
    ("PUT", "/api/v2/company/directories/{id}/contacts"),
    ("POST", "/sandbox/kiosk"),
    ("GET", "/sandbox/clock"),
    ("POST", "/sandbox/clock"),
    ("GET", "/sandbox/webhook/deliveries"),
]
KNOWN_IDS = ["loc-cdmx-antara", "loc-gdl-galerias", "dir-demo-frecuentes", "dir-norte-clientes", "rsv-none"]
FIELD_NAMES = [
    "size",
    "url",
    "events",
    "enabled",
    "token",
    "advance_seconds",
    "directory",
    "name",
    "contacts",
    "csv",
    "directoriesIds",
    "package_info",
    "weight",
    "additional",
    "coords",
    "lat",
    "long",
    "limit",
    "zip_code",
    "origin",
    "contact",
    "delivery_date",
    "shipment_id",
    "location_id",
    "destination",
    "preferred",
    "items",
    "page",
    "page_size",
    "from",
    "sort",
    "status",
    "only_active",
    "grant_type",
    "client_id",
    "client_secret",
    "operator_email",
    "include_tokens",
    "until",
    "internal_name",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["s", "xl", "reserved", "https://x.example", "1e400", "-1", "\ud800", "2024-01-01T00:00:00Z"]
    ),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=12,
)


def safe_webhook(body: Any) -> Any:
    # Never let the fuzzer point the webhook at a real host: loopback discard port only.
    if isinstance(body, dict) and isinstance(body.get("url"), str):
        return {**body, "url": "http://127.0.0.1:9/fuzz"}
    return body


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    method, template = draw(st.sampled_from(ROUTES))
    ident = draw(st.one_of(st.sampled_from(KNOWN_IDS), st.text(min_size=1, max_size=20)))
    path = template.replace("{id}", quote(ident, safe=""))
    if draw(st.integers(0, 9)) == 0:
        path = path + "/" + quote(draw(st.text(max_size=10)), safe="")  # an unknown route
    query = draw(st.dictionaries(st.sampled_from(FIELD_NAMES), st.text(max_size=15), max_size=3))
    kind = draw(st.sampled_from(["json", "json", "bytes", "form", "none"]))
    headers = {}
    content: bytes | None = None
    if kind == "json":
        body = safe_webhook(draw(json_values)) if "webhook" in path else draw(json_values)
        content = json.dumps(body, allow_nan=True).encode("utf-8", "surrogatepass")
        headers["content-type"] = draw(
            st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", ""])
        )
    elif kind == "bytes":
        content = draw(st.binary(max_size=60))
        headers["content-type"] = draw(st.sampled_from(["application/json", "multipart/form-data", "x/y"]))
    elif kind == "form":
        content = "&".join(
            f"{quote(k)}={quote(v)}"
            for k, v in draw(
                st.dictionaries(st.sampled_from(FIELD_NAMES), st.text(max_size=10), max_size=3)
            ).items()
        ).encode()
        headers["content-type"] = "application/x-www-form-urlencoded"
    if not headers.get("content-type"):
        headers.pop("content-type", None)
    auth = draw(st.sampled_from(["valid", "valid", "none", "garbage"]))
    return {
        "method": method,
        "path": path,
        "query": query,
        "content": content,
        "headers": headers,
        "auth": auth,
    }


@pytest.fixture(scope="module")
def target() -> Iterator[tuple[SandboxServer, Session, httpx.Client]]:
    with SandboxServer() as server:
        owner = Session(server, *DEMO_CLIENTS["owner"])
        with httpx.Client(base_url=server.base_url, timeout=30) as client:
            yield server, owner, client
        owner.close()


def check(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        body = response.json()
        assert body["status_code"] == response.status_code
        assert (
            isinstance(body["type"], str)
            and isinstance(body["message"], str)
            and isinstance(body["data"], dict)
        )
        if body["status_code"] == 400 and body["type"] == "INVALID_REQUEST" and "keys" in body["data"]:
            assert body["data"]["source"] in ("payload", "query", "headers")
    elif response.status_code != 204 and not response.headers["content-type"].startswith("text/csv"):
        response.json()


@settings(
    max_examples=160,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(request=requests())
def test_no_input_gets_a_5xx(
    target: tuple[SandboxServer, Session, httpx.Client], request: dict[str, Any]
) -> None:
    _server, owner, client = target
    headers = dict(request["headers"])
    if request["auth"] == "valid":
        owner.sign_in()
        headers["authorization"] = f"Bearer {owner.token}"
    elif request["auth"] == "garbage":
        headers["authorization"] = "Bearer \x7f\u00ff".encode("latin-1")  # type: ignore[assignment]
    response = client.request(
        request["method"],
        request["path"],
        params=request["query"],
        content=request["content"],
        headers=headers,
    )
    check(response)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=json_values)
def test_reservation_bodies(target: tuple[SandboxServer, Session, httpx.Client], body: Any) -> None:
    _server, owner, _client = target
    owner.sign_in()
    for path in ("/locations/loc-cdmx-antara/reservations", "/shipping_order", "/locations/available"):
        content = json.dumps(body, allow_nan=True).encode("utf-8", "surrogatepass")
        check(owner.post(path, content=content, headers={"content-type": "application/json"}))


NASTY = [
    ("POST", "/api/v2/locations/loc-cdmx-antara/reservations", b'{"size": "s", "shipment_id": "\\ud800"}'),
    (
        "POST",
        "/api/v2/locations/loc-cdmx-antara/reservations",
        b'{"size": "s", "package_info": {"weight": 1e400}}',
    ),
    (
        "POST",
        "/api/v2/locations/loc-cdmx-antara/reservations",
        b'{"size": "s", "package_info": {"value": NaN}}',
    ),
    ("POST", "/api/v2/locations/available", b'{"zip_code": "1", "limit": 1' + b"0" * 5000 + b"}"),
    ("POST", "/api/v2/locations/available", b'{"coords": {"lat": 1e308, "long": -1e308}, "limit": 2}'),
    ("POST", "/api/v2/company/directories", b"[" * 5000 + b"]" * 5000),
    ("POST", "/api/v2/company/directories", b'{"directory": {"name": "\\u0000\\u202e\xf0\x9f\x93\xa6"}}'),
    ("PUT", "/api/v2/company/webhook", b'{"url": "http://[::1"}'),
    ("POST", "/api/v2/oauth/token", b"grant_type=client_credentials&client_id=%FF&client_secret=%00"),
    ("GET", "/api/v2/company/reservations?page=99999999999999999999999&page_size=1", b""),
    ("GET", "/api/v2/company/reservations?from=99999999999999999&sort=-", b""),
    ("GET", "/api/v2/company/reservations?from=-99999999999999", b""),
    ("GET", "/api/v2/company/action_logs/csv?from=9999-12-31T23:59:59.999999+14:00", b""),
    ("POST", "/sandbox/clock", b'{"advance_seconds": 1e300}'),
    ("POST", "/sandbox/kiosk", b'{"token": 12}'),
    ("GET", "/api/v2/reservations/%00%ff%2F..%2F", b""),
    ("POST", "/api/v2/company/directories/csv", b'{"csv": "name,last_name\\n\\"unterminated"}'),
    ("PATCH", "/api/v2/company/reservations", b""),
    # A pick-up the day before the last writable instant: the delivery deadline a day later is not.
    (
        "POST",
        "/api/v2/locations/loc-cdmx-antara/shipping",
        b'{"size": {"width": 5}, "shipment_id": "LATE-1", "package_info": {"weight": 1}, '
        b'"pickup_date": "9999-12-31T20:00:00Z", "contact": {"phone": "1"}, '
        b'"origin": {"street": "a", "number": "1", "town": "t", "zip_code": "11111"}}',
    ),
]


@pytest.mark.parametrize(("method", "path", "content"), NASTY)
def test_known_nasty_inputs(
    target: tuple[SandboxServer, Session, httpx.Client], method: str, path: str, content: bytes
) -> None:
    _server, owner, client = target
    owner.sign_in()
    headers = {"authorization": f"Bearer {owner.token}", "content-type": "application/json"}
    if "oauth/token" in path:
        headers["content-type"] = "application/x-www-form-urlencoded"
    check(client.request(method, path, content=content, headers=headers))

"""Schemathesis against a real sandbox on loopback: every answer is one the OpenAPI document promises.

Each operation of the published /openapi.json gets a bounded number of generated requests (a fixed
seed, SEED), as the owner and as the employee. Checks: no 5xx, only documented statuses,
the documented content type, and a body that validates against the documented schema.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

# In the test extra; a virtualenv made before it was added says so instead of failing to collect.
schemathesis = pytest.importorskip("schemathesis", reason="pip install -e '.[test]' (schemathesis)")
import requests  # noqa: E402 -- schemathesis brings it
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig  # noqa: E402

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer  # noqa: E402
from tests.sandbox.conftest import FIRST_LOCATION, SHARED_SSL  # noqa: E402

pytestmark = pytest.mark.slow

# Per operation and role; 41 operations x 2 roles x 6 stays around a minute on a busy 2-core machine.
MAX_EXAMPLES = int(os.environ.get("LOK_SCHEMATHESIS_EXAMPLES", "6"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
SEED = 20261201
STATUSES: Counter[str] = Counter()


@pytest.fixture(scope="module")
def lok_server() -> Iterator[SandboxServer]:
    server = SandboxServer()
    server.start()
    try:
        yield server
    finally:
        print(f"\nschemathesis: {sum(STATUSES.values())} requests, statuses {dict(sorted(STATUSES.items()))}")
        server.close()


@pytest.fixture(scope="module")
def lok_schema(lok_server: SandboxServer) -> Any:
    # The document the server publishes, fetched like any client would.
    document = httpx.get(lok_server.base_url + "/openapi.json").json()
    _add_examples(document, lok_server)
    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "base-url": lok_server.base_url,
            "generation": {"max-examples": MAX_EXAMPLES},
            # The coverage phase's boundary cases are not bounded by max-examples (hundreds per
            # operation): the explicit examples and the bounded fuzzing phase keep the run short.
            "phases": {"coverage": {"enabled": False}},
        }
    )
    return schemathesis.openapi.from_dict(document, config=config)


def _add_examples(document: dict[str, Any], server: SandboxServer) -> None:
    """Real ids for the path parameters' examples (the document itself cannot know them), so the
    examples phase reaches past 404: the employee's location, a pre-reservation there, a directory."""
    headers = {"Authorization": f"Bearer {_token(server, 'owner')}"}
    pre = CONTROL.get(
        server.api_url + f"/locations/{FIRST_LOCATION}/reservations",
        params={"page_size": 100},
        headers=headers,
    ).json()["reservations"]
    pending = next(r["id"] for r in pre if r["event_history"][-1]["status"] == "pending")
    directory = CONTROL.get(server.api_url + "/company/directories", headers=headers).json()["directories"][0]
    ids = {"location_id": FIRST_LOCATION, "reservation_id": pending, "directory_id": directory["id"]}
    for item in document["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"] in ids:
                    parameter["examples"] = {"seeded": {"value": ids[parameter["name"]]}}


@pytest.fixture(scope="module")
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        yield session


schema = schemathesis.pytest.from_fixture("lok_schema")
# One client for the test's own calls (sign-in, clean-up): an SSL context per call costs ~50 ms.
CONTROL = httpx.Client(timeout=30.0, verify=SHARED_SSL)


def _token(server: SandboxServer, role: str) -> str:
    client_id, secret = DEMO_CLIENTS[role]
    response = CONTROL.post(
        server.api_url + "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def _check(case: Any, server: SandboxServer, http: requests.Session, role: str) -> None:
    # A fresh token per example: a generated DELETE /oauth/token or a clock move must not turn every
    # later example into a 401.
    headers = {"Authorization": f"Bearer {_token(server, role)}"}
    try:
        response = case.call_and_validate(
            base_url=server.base_url, session=http, headers=headers, checks=CHECKS
        )
        STATUSES[f"{response.status_code}"] += 1
    finally:
        # Generated fault rules and clock moves must not leak into the next example.
        if case.path == "/sandbox/faults":
            CONTROL.delete(server.base_url + "/sandbox/faults")
        if case.path == "/sandbox/clock":
            offset = CONTROL.get(server.base_url + "/sandbox/clock").json()["offset_seconds"]
            if offset:
                CONTROL.post(server.base_url + "/sandbox/clock", json={"advance_seconds": -offset})


EXAMPLES = settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))


@schema.parametrize()
@EXAMPLES
def test_owner_gets_documented_answers(case: Any, lok_server: SandboxServer, http: requests.Session) -> None:
    _check(case, lok_server, http, "owner")


@schema.parametrize()
@EXAMPLES
def test_employee_gets_documented_answers(
    case: Any, lok_server: SandboxServer, http: requests.Session
) -> None:
    _check(case, lok_server, http, "employee")

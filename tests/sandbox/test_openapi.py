"""The published /openapi.json says what the sandbox answers (issue 10); schemathesis checks the rest."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from lok_desk.sandbox import SandboxServer
from lok_desk.sandbox.openapi import OPERATIONS, SANDBOX_TAG, SECURITY_SCHEME


@pytest.fixture
def document(sandbox: SandboxServer) -> dict[str, Any]:
    response = httpx.get(sandbox.base_url + "/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, p, op) for p, item in document["paths"].items() for m, op in item.items()]


def test_every_route_is_documented_once(document: dict[str, Any]) -> None:
    documented = {(m, p) for m, p, _ in _operations(document)}
    assert documented == set(OPERATIONS)
    assert len([k for k in documented if k[1].startswith("/api/v2/")]) == 35


def test_answers_are_typed_and_errors_are_lok_envelopes(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    assert set(schemas["LokError"]["required"]) == {"status_code", "type", "message", "data"}
    for method, path, operation in _operations(document):
        responses = operation["responses"]
        # FastAPI's 422 only where the sandbox itself answers 422 (with a Lok body).
        assert "422" not in responses or 422 in OPERATIONS[(method, path)].errors, (method, path)
        successes = [s for s in responses if s.startswith("2")]
        assert len(successes) == 1, (method, path)
        success = responses[successes[0]]
        if successes[0] != "204":
            (media, body), *_ = success["content"].items()
            assert body["schema"] != {}, (method, path)
            assert media in ("application/json", "text/csv")
        for status, answer in responses.items():
            if not status.startswith("2"):
                ref = answer["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/LokError", (method, path, status)
        if path.startswith("/api/v2/"):
            assert "401" in responses, (method, path)


def test_recent_activity_is_csv(document: dict[str, Any]) -> None:
    operation = document["paths"]["/api/v2/company/reports/recent_activity"]["get"]
    content = operation["responses"]["200"]["content"]
    assert list(content) == ["text/csv"]


def test_oauth2_client_credentials_security(document: dict[str, Any]) -> None:
    scheme = document["components"]["securitySchemes"][SECURITY_SCHEME]
    assert scheme["type"] == "oauth2"
    assert scheme["flows"]["clientCredentials"]["tokenUrl"] == "/api/v2/oauth/token"
    for method, path, operation in _operations(document):
        public = path.startswith("/sandbox/") or (method, path) == ("post", "/api/v2/oauth/token")
        assert operation["security"] == ([] if public else [{SECURITY_SCHEME: []}]), (method, path)


def test_sandbox_routes_are_tagged_apart(document: dict[str, Any]) -> None:
    for _, path, operation in _operations(document):
        assert (operation["tags"] == [SANDBOX_TAG]) == path.startswith("/sandbox/"), path
    assert any(tag["name"] == SANDBOX_TAG for tag in document["tags"])

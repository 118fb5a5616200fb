"""`lok-desk-check`: a readable report, nothing to tolerate against the sandbox, non-zero when the desk cannot
work."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from lok_desk.api import Credentials, RetryPolicy
from lok_desk.api.check import check_server, main
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer

from .conftest import use
from .server import CLIENTS, ProductionServer


def run_check(server: str, client_id: str, secret: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """The command as an integrator runs it (a separate process; the secret in its environment)."""
    env = dict(os.environ, LOK_CLIENT_SECRET=secret)
    return subprocess.run(
        [sys.executable, "-m", "lok_desk.api.check", server, "--client-id", client_id, *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_against_the_sandbox_there_is_nothing_to_tolerate(sandbox: SandboxServer) -> None:
    client_id, secret = DEMO_CLIENTS["owner"]
    result = run_check(sandbox.base_url, client_id, secret, "--all-pages")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nothing to tolerate: every reply followed the contract." in result.stdout
    assert "Result: Lok Desk can work with this server." in result.stdout
    assert "FAILED" not in result.stdout and secret not in result.stdout + result.stderr


@pytest.mark.parametrize("role", sorted(DEMO_CLIENTS))
async def test_every_sandbox_role_checks_clean(role: str, sandbox: SandboxServer) -> None:
    client_id, secret = DEMO_CLIENTS[role]
    report = await check_server(sandbox.base_url, Credentials(client_id, secret), max_pages=2)
    assert report.desk_can_work, report.blocking
    assert report.oddities == []
    assert {call.outcome for call in report.calls} <= {"ok", "not allowed"}
    assert report.role == role


def test_production_forms_are_listed_and_tolerated(production: ProductionServer) -> None:
    use(production, records="production", expiry="rfc1123", paging="capped", page_cap=25)
    result = run_check(production.base_url, "prod-owner", CLIENTS["prod-owner"][0], "--all-pages")
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "AccessToken.access_token_expires_at: RFC 1123 / toUTCString() date" in out
    assert "Reservation.created_at: epoch milliseconds instead of an ISO 8601 date" in out
    assert "Reservation.id: a whole number where text is documented" in out
    assert "Reservation.additional: [] where an object is documented" in out
    assert "Coordinates: {lat, lng} instead of {latitude, longitude}" in out
    assert "ReservationPage: the server capped the page size" in out
    assert "StoredDirectoryContact" not in out or "FAILED" not in out
    assert "Result: Lok Desk can work with this server, tolerating" in out
    issued = list(production.lok.tokens)
    assert issued and not any(token in out for token in issued)
    assert CLIENTS["prod-owner"][0] not in out


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"unreadable_per_page": 2},
            "ReservationPage.reservations: record Lok Desk cannot read; skipped and counted",
        ),
        ({"paging": "short"}, "a list the server did not send in full"),
    ],
)
def test_lost_records_make_the_check_fail(
    changes: dict[str, object], reason: str, production: ProductionServer
) -> None:
    use(production, **changes)
    result = run_check(production.base_url, "prod-owner", CLIENTS["prod-owner"][0], "--all-pages")
    assert result.returncode == 1, result.stdout
    assert "Result: Lok Desk CANNOT work with this server:" in result.stdout
    assert reason in result.stdout


async def test_a_refused_sign_in_fails_the_check_with_the_servers_reason(
    production: ProductionServer,
) -> None:
    use(production, token_errors="rfc6749")
    out = io.StringIO()
    stdin = io.StringIO("wrong-secret\n")
    code = await _main_in_thread(
        ["--secret-stdin", production.base_url, "--client-id", "prod-owner"], stdin, out
    )
    assert code == 1
    assert "NOT signed in" in out.getvalue()
    assert "Client authentication failed: unknown client" in out.getvalue()
    assert "wrong-secret" not in out.getvalue()


async def _main_in_thread(argv: list[str], stdin: io.StringIO, out: io.StringIO) -> int:
    import asyncio

    return await asyncio.to_thread(main, argv, stdin=stdin, stdout=out)


def test_json_report(production: ProductionServer) -> None:
    use(production, expiry="epoch_s")
    result = run_check(production.base_url, "prod-employee", CLIENTS["prod-employee"][0], "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["desk_can_work"] is True
    assert report["role"] == "employee"
    outcomes = {call["number"]: call["outcome"] for call in report["calls"]}
    assert outcomes[8] == "not allowed" and outcomes[24] == "ok"
    assert [t["detail"] for t in report["tolerated"]] == ["epoch seconds instead of an ISO 8601 date"]


def test_plain_http_to_another_computer_and_a_missing_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setenv("LOK_CLIENT_SECRET", "s")
    assert main(["http://lok.example.com", "--client-id", "x"], stdout=out) == 1
    assert "plain http://" in out.getvalue()
    monkeypatch.delenv("LOK_CLIENT_SECRET")
    assert main(["https://lok.example.com", "--client-id", "x"], stdin=io.StringIO(""), stdout=out) == 2


async def test_check_server_uses_a_retry_policy_that_never_really_sleeps(
    production: ProductionServer,
) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    from .server import Throttle

    production.lok.throttles[("GET", "/company/locations")] = Throttle([(429, "1")])
    report = await check_server(
        production.base_url,
        Credentials("prod-owner", CLIENTS["prod-owner"][0]),
        retry=RetryPolicy(attempts=2, sleep=record),
    )
    assert report.desk_can_work and waits == [1.0]
    assert any(o.kind == "rate limit" for o, _n in report.oddities)


async def test_fields_the_contract_does_not_name_are_listed(production: ProductionServer) -> None:
    use(production, expiry="expires_in")
    report = await check_server(production.base_url, Credentials("prod-owner", CLIENTS["prod-owner"][0]))
    assert report.desk_can_work
    names = {(o.kind, o.where) for o, _n in report.oddities}
    assert ("field name", "AccessToken.token_type") in names
    assert ("field name", "AccessToken.expires_in") not in names  # read by the client: not unknown

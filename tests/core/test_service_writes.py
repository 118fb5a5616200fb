"""Every write goes through the service and is guarded there: offline and role refusals happen before
anything is sent, write listeners hear every end (done, refused, failed), and nothing else in the desk
or the core calls a client write (no Qt; a real sandbox over loopback)."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from lok_desk.api import LokClient, models
from lok_desk.core import rules
from lok_desk.core.problems import Kind
from lok_desk.core.service import (
    DeskService,
    OfflineWriteRefused,
    RoleWriteRefused,
    WriteEvent,
    WriteGuard,
    WriteOutcome,
    write_methods,
)
from tests.e2e.conftest import FIRST_LOCATION, SECOND_LOCATION, Clients, reservation_request

ROOT = Path(__file__).resolve().parents[2] / "lok_desk"

#: Client calls that POST but change nothing at Lok: they ask (a quote, the lockers free for a size).
READS_BY_POST = {"search_available_locations", "quote_shipment"}
#: Signing in and out (a token request, its revocation): the session does them, not a pane.
AUTH_WRITES = {"authenticate", "sign_out"}
#: Where the client's writes may be called: the service (every write), the session (sign-out).
ALLOWED_CALLERS = {"core/service.py": None, "core/session.py": AUTH_WRITES, "desk/qt_session.py": AUTH_WRITES}


def client_writes() -> set[str]:
    """The public LokClient methods that send POST, PUT or DELETE, directly or through a helper."""
    methods = dict(inspect.getmembers(LokClient, inspect.iscoroutinefunction))
    sources = {name: inspect.getsource(method) for name, method in methods.items()}
    sending = {name for name, source in sources.items() if re.search(r'"(POST|PUT|DELETE)"', source)}
    sending |= {name for name, source in sources.items()
                if any(f"self.{helper}(" in source for helper in sending if helper.startswith("_"))}
    return {name for name in sending if not name.startswith("_")} - READS_BY_POST


def test_the_client_writes_are_found() -> None:
    # The introspection must see the writes it is meant to police (a broken regex would pass all).
    found = client_writes()
    assert {"create_reservation", "create_pre_reservation", "cancel_reservation", "update_webhook",
            "import_directory_csv", "set_webhook_enabled", "sign_out", "authenticate"} <= found
    assert not found & READS_BY_POST


def test_every_service_method_that_calls_a_client_write_is_a_guarded_write() -> None:
    writes = client_writes()
    calling: set[str] = set()
    for name, method in inspect.getmembers(DeskService, inspect.iscoroutinefunction):
        if name.startswith("_"):
            continue
        source = inspect.getsource(inspect.unwrap(method))
        if any(f"self._client.{write}(" in source for write in writes):
            calling.add(name)
    guarded = write_methods()
    assert calling, "no service write found: the introspection is broken"
    assert calling == set(guarded), f"unguarded: {sorted(calling - set(guarded))}"
    # The seven company writes are among them.
    assert {"update_notification_emails", "update_webhook", "set_webhook_enabled", "create_directory",
            "update_directory", "replace_directory_contacts", "import_directory_csv"} <= set(guarded)


def _arguments(method: Any, location_id: str) -> dict[str, Any]:
    """Placeholder arguments: the guard refuses before any of them is used."""
    signature = inspect.signature(inspect.unwrap(method))
    values: dict[str, Any] = {}
    for name, parameter in list(signature.parameters.items())[1:]:
        if parameter.default is not inspect.Parameter.empty:
            continue
        values[name] = location_id if name == "location_id" else "placeholder"
    return values


async def _refused_without_sending(lok: Clients, role: str, *, offline: bool = False,
                                   location_id: str = FIRST_LOCATION) -> dict[str, WriteEvent]:
    client = await lok(role)
    user = await client.get_user()
    service = DeskService(client, role=rules.Role.from_scope(user.scope),
                          location_id=getattr(user, "location", None))
    service.offline = offline
    heard: list[WriteEvent] = []
    service.add_write_listener(heard.append)
    lok.log(client).clear()
    refused: dict[str, WriteEvent] = {}
    for name in write_methods():
        method = getattr(service, name)
        expected = OfflineWriteRefused if offline else RoleWriteRefused
        with pytest.raises(expected) as caught:
            await method(**_arguments(method, location_id))
        assert heard and heard[-1].method == name, name
        refused[name] = heard[-1]
        if not offline:
            assert caught.value.reason is not None
    assert lok.log(client).starts() == [], "a refused write reached the server"
    return refused


async def test_offline_refuses_every_write_before_sending(lok: Clients) -> None:
    refused = await _refused_without_sending(lok, "owner", offline=True)
    assert set(refused) == set(write_methods())
    for event in refused.values():
        assert event.outcome is WriteOutcome.REFUSED_OFFLINE and not event.sent
        assert event.problem is not None and event.problem.kind is Kind.NOT_SENT_OFFLINE
        assert event.problem.transient


async def test_a_reporter_is_refused_every_write_by_the_rules(lok: Clients) -> None:
    refused = await _refused_without_sending(lok, "reporter")
    assert set(refused) == set(write_methods())
    for event in refused.values():
        assert event.outcome is WriteOutcome.REFUSED_ROLE
        assert event.problem is not None and event.problem.kind is Kind.NOT_ALLOWED


async def test_an_employee_writes_only_reservations_at_their_own_location(lok: Clients) -> None:
    client = await lok("employee")
    user = await client.get_user()
    service = DeskService(client, role=rules.Role.EMPLOYEE, location_id=user.location)
    assert user.location == FIRST_LOCATION
    lok.log(client).clear()
    for name, guard in write_methods().items():
        if guard in (WriteGuard.COMPANY_SETTINGS, WriteGuard.DIRECTORIES, WriteGuard.PRE_RESERVATIONS):
            method = getattr(service, name)
            with pytest.raises(RoleWriteRefused):
                await method(**_arguments(method, FIRST_LOCATION))
    with pytest.raises(RoleWriteRefused) as caught:
        await service.create_reservation(SECOND_LOCATION, reservation_request())
    assert caught.value.reason is rules.Reason.OTHER_LOCATION
    assert lok.log(client).starts() == []
    created = await service.create_reservation(FIRST_LOCATION, reservation_request())
    assert created.reservation.location_id == FIRST_LOCATION


async def test_listeners_hear_done_refused_and_the_store_is_current(lok: Clients) -> None:
    client = await lok("owner")
    service = DeskService(client, role=rules.Role.OWNER)
    heard: list[WriteEvent] = []
    remove = service.add_write_listener(heard.append)
    created = await service.create_reservation(FIRST_LOCATION, reservation_request())
    rid = created.reservation.id
    assert heard[-1].outcome is WriteOutcome.DONE and heard[-1].reservation is not None
    assert heard[-1].reservation.id == rid and rid in service.store
    await service.cancel_reservation(rid)
    assert heard[-1].method == "cancel_reservation" and heard[-1].reservation_id == rid
    # Lok refuses a second cancel: the listener hears a refusal with its Problem, and the error goes on.
    with pytest.raises(Exception) as caught:
        await service.cancel_reservation(rid)
    assert heard[-1].outcome is WriteOutcome.REFUSED and heard[-1].problem is not None
    assert heard[-1].problem.status_code == getattr(caught.value, "status_code", None)
    remove()
    count = len(heard)
    await service.update_webhook("https://example.com/hook")
    assert len(heard) == count


async def test_a_listener_that_fails_does_not_change_the_write(lok: Clients) -> None:
    client = await lok("owner")
    service = DeskService(client, role=rules.Role.OWNER)

    def broken(event: WriteEvent) -> None:
        raise RuntimeError("listener bug")

    service.add_write_listener(broken)
    saved = await service.update_notification_emails(operator="ops@example.com")
    assert isinstance(saved, models.NotificationEmails)


async def test_a_delivery_token_chosen_by_the_desk_is_passed_as_a_secret_not_shown(lok: Clients) -> None:
    client = await lok("owner")
    service = DeskService(client, role=rules.Role.OWNER)
    heard: list[WriteEvent] = []
    service.add_write_listener(heard.append)
    request = reservation_request().model_copy(update={"delivery_token": "123456789012"})
    service.offline = True
    with pytest.raises(OfflineWriteRefused):
        await service.create_reservation(FIRST_LOCATION, request)
    assert heard[-1].secrets == ("123456789012",)
    assert "123456789012" not in repr(heard[-1])


# ---- nothing else calls a client write -------------------------------------------------------------
def _receiver(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def test_the_desk_and_the_core_write_only_through_the_service() -> None:
    writes = client_writes()
    offenders: list[str] = []
    for path in sorted(ROOT.joinpath("core").rglob("*.py")) + sorted(ROOT.joinpath("desk").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative in ALLOWED_CALLERS and ALLOWED_CALLERS[relative] is None:
            continue
        allowed = ALLOWED_CALLERS.get(relative) or set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = {node.name for node in ast.walk(tree)
               if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            if name not in writes or name in allowed:
                continue
            receiver = _receiver(node.func.value)
            if receiver.endswith("service") or (receiver == "self" and name in own):
                continue
            if name in AUTH_WRITES and receiver.endswith("session"):
                continue
            offenders.append(f"{relative}:{node.lineno} {ast.unparse(node.func)}")
    assert offenders == [], "client writes outside the service:\n" + "\n".join(offenders)

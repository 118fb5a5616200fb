"""Company routes: notification e-mails, webhook settings, directories, action logs and reports."""

from __future__ import annotations

import csv
import io

import pytest

from tests.sandbox.conftest import FIRST_LOCATION, OTHER_LOCATION, SECOND_LOCATION, Session, assert_error

ALL_EVENTS = {
    "reserved",
    "delivered",
    "reopened",
    "reopened2",
    "picked_up",
    "cancelled",
    "undelivered",
    "unpicked",
}


def test_notification_emails(owner: Session) -> None:
    initial = owner.get("/company/notification_emails").json()["management_emails"]
    assert initial == {"operator": "operaciones@demo.lok.test", "administrator": "admin@demo.lok.test"}
    changed = owner.put("/company/notification_emails", json={"operator_email": "ops@example.com"})
    assert changed.json()["management_emails"] == {
        "operator": "ops@example.com",
        "administrator": "admin@demo.lok.test",
    }
    cleared = owner.put("/company/notification_emails", json={"administrator_email": ""}).json()
    assert cleared["management_emails"] == {"operator": "ops@example.com"}
    error = assert_error(
        owner.put("/company/notification_emails", json={"operator_email": "not-an-email"}),
        400,
        "INVALID_REQUEST",
    )
    assert error["data"]["keys"] == ["operator_email"]


def test_webhook_settings_lifecycle(owner: Session) -> None:
    empty = owner.get("/company/webhook").json()["webhook"]
    assert empty == {"enabled": False, "secret": "", "url": "", "events": []}
    assert_error(owner.put("/company/webhook/status", json={"enabled": True}), 400, "INVALID_REQUEST")
    created = owner.put("/company/webhook", json={"url": "https://hooks.example.com/lok"}).json()["webhook"]
    assert created["enabled"] is True and set(created["events"]) == ALL_EVENTS and len(created["secret"]) > 20
    updated = owner.put("/company/webhook", json={"url": "http://127.0.0.1:9/hook", "events": ["delivered"]})
    assert updated.json()["webhook"]["secret"] == created["secret"]
    assert updated.json()["webhook"]["events"] == ["delivered"]
    off = owner.put("/company/webhook/status", json={"enabled": False})
    assert off.status_code == 200 and off.json()["message"]
    assert owner.get("/company/webhook").json()["webhook"]["enabled"] is False
    assert owner.put("/company/webhook/status", json={"enabled": True}).status_code == 200
    assert owner.get("/company/webhook").json()["webhook"]["enabled"] is True


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com/lok",
        "ftp://127.0.0.1/x",
        "not a url",
        "https://",
        "http://10.0.0.5/hook",
        "https://host:99999/x",
    ],
)
def test_webhook_url_rules(owner: Session, url: str) -> None:
    error = assert_error(owner.put("/company/webhook", json={"url": url}), 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == ["url"]


@pytest.mark.parametrize(
    "url",
    ["http://localhost:8080/x", "http://127.0.0.1/x", "http://[::1]:80/x", "https://hooks.example.com/x"],
)
def test_webhook_url_accepted(owner: Session, url: str) -> None:
    assert owner.put("/company/webhook", json={"url": url}).status_code == 200


def test_webhook_event_validation(owner: Session) -> None:
    error = assert_error(
        owner.put("/company/webhook", json={"url": "https://a.example/x", "events": ["exploded"]}),
        400,
        "INVALID_REQUEST",
    )
    assert error["data"]["keys"] == ["events.0"]
    assert_error(owner.put("/company/webhook/status", json={"enabled": "perhaps"}), 400, "INVALID_REQUEST")


def test_directories_crud(owner: Session) -> None:
    listed = owner.get("/company/directories").json()
    assert listed["total"] == 2 and {d["name"] for d in listed["directories"]} == {
        "Clientes frecuentes",
        "Proveedores",
    }
    assert {"id", "company", "author", "isActive", "name", "created_at"} <= set(listed["directories"][0])
    created = owner.post("/company/directories", json={"directory": {"name": "VIP"}})
    assert created.status_code == 200
    directory = created.json()["directory"]
    assert directory["contacts"] == [] and directory["locations"] == [] and directory["isActive"] is True
    assert_error(
        owner.post("/company/directories", json={"directory": {"name": "vip"}}), 409, "INVALID_REQUEST"
    )
    error = assert_error(owner.post("/company/directories", json={"directory": {}}), 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == ["directory.name"]
    did = directory["id"]
    updated = owner.put(
        f"/company/directories/{did}",
        json={
            "directory": {
                "name": "VIP Norte",
                "is_active": False,
                "locations": [FIRST_LOCATION, SECOND_LOCATION],
            }
        },
    )
    assert updated.status_code == 200
    body = updated.json()["directory"]
    assert body["name"] == "VIP Norte" and body["isActive"] is False
    assert [loc["id"] for loc in body["locations"]] == [FIRST_LOCATION, SECOND_LOCATION]
    error = assert_error(
        owner.put(
            f"/company/directories/{did}",
            json={"directory": {"name": "VIP Norte", "locations": [OTHER_LOCATION]}},
        ),
        400,
        "INVALID_REQUEST",
    )
    assert error["data"]["keys"] == ["directory.locations.0"]
    assert_error(
        owner.put(f"/company/directories/{did}", json={"directory": {"name": "Proveedores"}}),
        409,
        "INVALID_REQUEST",
    )
    assert owner.get(f"/company/directories/{did}").json()["directory"]["name"] == "VIP Norte"
    assert_error(owner.get("/company/directories/dir-missing"), 404, "ENTITY_NOT_FOUND")
    assert_error(
        owner.put("/company/directories/dir-missing", json={"directory": {"name": "x"}}),
        404,
        "ENTITY_NOT_FOUND",
    )
    page = owner.get("/company/directories", params={"page_size": 1, "page": 3}).json()
    assert page["total"] == 3 and page["total_pages"] == 3 and len(page["directories"]) == 1


def test_replace_contacts(owner: Session) -> None:
    contact = {
        "name": "Ana",
        "last_name": "Ruiz",
        "email": "ana@example.com",
        "gender": "female",
        "age": 31,
        "phones": ["+52 55 1"],
        "address": {"street": "Calle 1", "number": "2", "town": "Centro", "zip_code": "01000"},
    }
    response = owner.put("/company/directories/dir-demo-proveedores/contacts", json={"contacts": [contact]})
    assert response.status_code == 200
    stored = response.json()["contacts"]
    assert (
        stored[0]["name"] == "Ana"
        and stored[0]["directory"] == "dir-demo-proveedores"
        and stored[0]["created_at"]
    )
    assert stored[0]["address"]["country"] == "Mexico"
    detail = owner.get("/company/directories/dir-demo-proveedores").json()["directory"]
    assert [c["email"] for c in detail["contacts"]] == ["ana@example.com"]
    duplicate = {"contacts": [contact, {**contact, "name": "Otra"}]}
    assert_error(
        owner.put("/company/directories/dir-demo-proveedores/contacts", json=duplicate),
        409,
        "INVALID_REQUEST",
    )
    bad = {"contacts": [{**contact, "gender": "robot", "age": -2}]}
    error = assert_error(
        owner.put("/company/directories/dir-demo-proveedores/contacts", json=bad), 400, "INVALID_REQUEST"
    )
    assert error["data"]["keys"] == ["contacts.0.gender", "contacts.0.age"]


def test_csv_import(owner: Session) -> None:
    text = (
        "name,last_name,email,gender,age,phones,street,number,town,zip_code\n"
        "Luis,Pérez,luis@example.com,male,40,+52 1;+52 2,Reforma,10,Juárez,06600\n"
        "Eva,Gil,,,,,,,,\n"
    )
    response = owner.post("/company/directories/csv", json={"csv": text})
    assert response.status_code == 204 and response.content == b""
    listed = owner.get("/company/directories", params={"page_size": 100}).json()["directories"]
    imported = next(d for d in listed if d["name"].startswith("Importado"))
    contacts = owner.get(f"/company/directories/{imported['id']}").json()["directory"]["contacts"]
    assert [(c["name"], c.get("phones")) for c in contacts] == [("Luis", ["+52 1", "+52 2"]), ("Eva", None)]
    into = owner.post(
        "/company/directories/csv", json={"csv": text, "directoriesIds": ["dir-demo-frecuentes"]}
    )
    assert into.status_code == 204
    assert len(owner.get("/company/directories/dir-demo-frecuentes").json()["directory"]["contacts"]) == 2
    for body, key in (
        ({"csv": "foo,bar\n1,2\n"}, "csv"),
        ({}, "csv"),
        ({"csv": text, "directoriesIds": ["dir-norte-clientes"]}, "directoriesIds.0"),
        ({"csv": "name,last_name,age\nA,B,old\n"}, "csv.2.age"),
    ):
        error = assert_error(owner.post("/company/directories/csv", json=body), 400, "INVALID_REQUEST")
        assert error["data"]["keys"] == [key]


def test_action_logs_newest_first_without_secrets(owner: Session) -> None:
    owner.sign_in()
    owner.put("/company/webhook", json={"url": "https://hooks.example.com/lok"})
    owner.get("/company/locations", headers={"Referer": "https://desk.example/locations"})
    logs = owner.get("/company/action_logs").json()["action_logs"]
    assert logs[0]["resource"] == "GET /company/locations"
    assert logs[0]["referer"] == "https://desk.example/locations"
    assert logs[0]["user_email"] == "owner@demo.lok.test" and logs[0]["status"] == 200
    assert logs[0]["timestamp"] >= logs[1]["timestamp"]
    token_calls = [e for e in logs if e["resource"] == "POST /oauth/token"]
    assert token_calls and all("demo-owner-secret" not in e["payload"] for e in token_calls)
    assert '"client_secret":"[removed]"' in token_calls[0]["payload"]
    assert all(owner.token not in e["payload"] for e in logs)


def test_action_log_report_request(owner: Session) -> None:
    body = owner.get("/company/action_logs/csv").json()
    assert body["status_code"] == 200 and "admin@demo.lok.test" in body["message"]
    assert (
        owner.get(
            "/company/action_logs/csv", params={"from": "2024-01-01T00:00:00Z", "until": "now"}
        ).status_code
        == 200
    )
    for params, keys in (
        ({"from": "ayer"}, ["from"]),
        ({"until": "pronto"}, ["until"]),
        ({"from": "2030-01-01", "until": "2029-01-01"}, ["from", "until"]),
    ):
        error = assert_error(owner.get("/company/action_logs/csv", params=params), 400, "INVALID_REQUEST")
        assert error["data"] == {"keys": keys, "source": "query"}


def test_recent_activity_csv(owner: Session) -> None:
    created = owner.post(
        f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s", "shipment_id": "CSV-1"}
    )
    owner.kiosk(created.json()["tokens"]["delivery_token"])
    response = owner.get("/company/reports/recent_activity")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert lines[0] == (
        '"Id de pedido", "Locker", "Huso horario", "Torre", "Casillero", "Reservación", '
        '"Depósito", "Recolección", "Cancelación"'
    )
    assert all(line.startswith('"') and line.endswith('"') for line in lines)
    rows = list(csv.reader(io.StringIO(response.text), skipinitialspace=True))
    mine = next(r for r in rows if r[0] == "CSV-1")
    assert mine[1] == "Antara Polanco" and mine[2] == "America/Mexico_City"
    assert mine[6] and not mine[7] and not mine[8]
    assert len({len(r) for r in rows}) == 1


def test_no_secret_ever_reaches_the_action_log(owner: Session) -> None:
    secret = "demo-owner-secret"
    form = owner.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": "demo-owner", "client_secret": secret},
    ).json()["access_token"]
    as_json = owner.http.post(
        "/oauth/token",
        json={"grant_type": "client_credentials", "client_id": "demo-owner", "client_secret": secret},
    ).json()["access_token"]
    wrong = owner.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": "demo-owner", "client_secret": "x" + secret},
    )
    assert wrong.status_code == 401
    hook_secret = owner.put("/company/webhook", json={"url": "https://hooks.example.com/lok"}).json()[
        "webhook"
    ]["secret"]
    created = owner.post(
        f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s", "delivery_token": "MYBOX1234"}
    ).json()
    box_tokens = [v for k, v in created["tokens"].items() if k.endswith("_token")]
    assert "MYBOX1234" in box_tokens
    owner.get(f"/reservations/{created['reservation']['id']}")
    owner.root.post("/sandbox/kiosk", json={"token": created["tokens"]["delivery_token"]})
    logged = owner.get("/company/action_logs").text
    for value in (secret, form, as_json, owner.token, hook_secret, *box_tokens):
        assert value not in logged


def test_action_logs_return_the_newest_thousand(owner: Session) -> None:
    headers = {"Authorization": f"Bearer {owner.token}"}
    for _ in range(1005):
        owner.http.get("/oauth/user", headers=headers)
    logs = owner.get("/company/action_logs").json()["action_logs"]
    assert len(logs) == 1000
    assert all(e["resource"] == "GET /oauth/user" for e in logs)

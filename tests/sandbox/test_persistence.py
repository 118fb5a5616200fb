"""A file-backed sandbox keeps everything across a restart: data, tokens, clock offset; --reset reseeds."""

from __future__ import annotations

from pathlib import Path

import httpx

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.sandbox.conftest import Session, new_reservation


def test_restart_keeps_data_tokens_and_clock(tmp_path: Path) -> None:
    db = tmp_path / "data" / "sandbox.sqlite3"
    with SandboxServer(db_path=db) as server:
        owner = Session(server, *DEMO_CLIENTS["owner"])
        created = new_reservation(owner, shipment_id="KEEP-1")
        directory = owner.post("/company/directories", json={"directory": {"name": "Persistente"}}).json()
        owner.advance(7200)
        owner.sign_in()  # the clock jump outran the first token
        token = owner.token
        owner.close()
    assert db.exists()
    with SandboxServer(db_path=db) as again:
        headers = {"Authorization": f"Bearer {token}"}
        found = httpx.get(
            again.api_url + "/company/reservations", params={"shipment_id": "KEEP-1"}, headers=headers
        )
        assert found.status_code == 200  # the token survived too
        assert [r["id"] for r in found.json()["reservations"]] == [created["reservation"]["id"]]
        detail = httpx.get(
            again.api_url + f"/company/directories/{directory['directory']['id']}", headers=headers
        )
        assert detail.json()["directory"]["name"] == "Persistente"
        assert httpx.get(again.base_url + "/sandbox/clock").json()["offset_seconds"] == 7200
        with httpx.Client() as client:
            journal = client.get(again.base_url + "/openapi.json")
            assert journal.status_code == 200
    with SandboxServer(db_path=db, reset=True) as fresh:
        assert httpx.get(fresh.base_url + "/sandbox/clock").json()["offset_seconds"] == 0
        owner = Session(fresh, *DEMO_CLIENTS["owner"])
        assert owner.get("/company/reservations", params={"shipment_id": "KEEP-1"}).json()["total"] == 0
        owner.close()


def test_seed_is_deterministic(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    def fingerprint(server: SandboxServer) -> list[tuple[str, str, str]]:
        owner = Session(server, *DEMO_CLIENTS["owner"])
        page = owner.get("/company/reservations", params={"page_size": 100, "only_active": "false"}).json()
        owner.close()
        return sorted(
            (r["id"], r["event_history"][-1]["status"], r["locker"]["uuid"]) for r in page["reservations"]
        )

    first, second = sandbox_factory(), sandbox_factory()
    assert fingerprint(first) == fingerprint(second)


def test_seed_covers_every_status_and_keeps_box_counts_consistent(sandbox: SandboxServer) -> None:
    admin = Session(sandbox, *DEMO_CLIENTS["admin"])
    statuses: dict[str, int] = {}
    overdue = with_shipping = 0
    page = 1
    while True:
        body = admin.get(
            "/company/reservations", params={"page_size": 100, "page": page, "only_active": "false"}
        ).json()
        for r in body["reservations"]:
            status = r["event_history"][-1]["status"]
            statuses[status] = statuses.get(status, 0) + 1
            overdue += status == "reserved" and r["delivery_due_date"] < body_now(sandbox)
        if page >= body["total_pages"]:
            break
        page += 1
    with_shipping = admin.get("/shipping/reservations", params={"only_active": "false"}).json()["total"]
    assert set(statuses) == {
        "pending",
        "reserved",
        "delivered",
        "reopened",
        "reopened2",
        "picked_up",
        "cancelled",
    }
    assert sum(statuses.values()) >= 300 and overdue > 0 and with_shipping > 0
    locations = admin.get("/company/locations", params={"page_size": 100}).json()["locations"]
    zones = {loc["timezone"] for loc in locations}
    assert len(zones) >= 4
    for location in locations:
        active = admin.get(f"/locations/{location['id']}/reservations", params={"page_size": 100}).json()
        in_boxes = sum(1 for r in active["reservations"])
        if "total" in location["boxes"][0]:
            assert sum(b["occupied"] for b in location["boxes"]) == in_boxes
            assert all(b["available"] for b in location["boxes"])
            assert {b["size"] for b in location["boxes"]} == {"s", "m", "l", "xl"}
    admin.close()


def body_now(server: SandboxServer) -> str:
    return str(httpx.get(server.base_url + "/sandbox/clock").json()["now"])

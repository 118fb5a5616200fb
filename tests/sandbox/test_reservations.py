"""#7, #8, #15, #17, #18, #24, #25: reservation lists, creation, reading and cancellation."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest

from tests.sandbox.conftest import FIRST_LOCATION, SECOND_LOCATION, Session, assert_error, new_reservation

VARIANT_FIELDS = {
    "id",
    "shipment_id",
    "is_confirmed",
    "is_local",
    "location",
    "package_info",
    "delivery_due_date",
    "pickup_due_date",
    "event_history",
    "additional",
    "shipping",
    "created_at",
    "updated_at",
    "locker",
    "contact_info",
    "recipient_info",
    "recipient_notifications_enabled",
}
TOKEN_NAMES = ("delivery", "reopen_1", "reopen_2", "pickup", "cancel")
PNG = b"\x89PNG\r\n\x1a\n"


def test_create_returns_variant_b_with_tokens_and_qr_pngs(owner: Session) -> None:
    body = new_reservation(
        owner,
        shipment_id="PED-T-1",
        package_info={"weight": 1.5, "value": 250, "description": "Libros"},
        additional={"canal": "web", "lok_internal": "ignored", "LOKx": "ignored too"},
        contact_info={"name": "Ana"},
        recipient_info={"email": "bea@example.com"},
        recipient_notifications_enabled=True,
    )
    assert body["status_code"] == 201
    reservation = body["reservation"]
    assert set(reservation) == VARIANT_FIELDS
    assert reservation["location"] == FIRST_LOCATION
    assert reservation["shipping"] == {}
    assert reservation["is_confirmed"] is True
    assert [e["status"] for e in reservation["event_history"]] == ["reserved"]
    assert reservation["additional"] == {"canal": "web"}
    assert reservation["locker"]["size"] == "s" and reservation["locker"]["uuid"]
    assert reservation["package_info"]["weight"] == 1.5
    assert reservation["recipient_notifications_enabled"] is True
    assert body["confirmation_code"].isdigit()
    for name in TOKEN_NAMES:
        assert body["tokens"][f"{name}_token"]
        assert base64.b64decode(body["tokens"][f"{name}_token_qr"]).startswith(PNG)
    assert len({body["tokens"][f"{n}_token"] for n in TOKEN_NAMES}) == 5


def test_unique_shipment_per_company(owner: Session, sessions: dict[str, Session]) -> None:
    new_reservation(owner, shipment_id="DUP-1")
    assert_error(
        owner.post(f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s", "shipment_id": "DUP-1"}),
        409,
        "UNIQUE_SHIPMENT",
    )
    # Another company may use the same shipment id.
    other = sessions["other"].post(
        "/locations/loc-gdl-galerias/reservations", json={"size": "s", "shipment_id": "DUP-1"}
    )
    assert other.status_code == 201


def test_too_heavy_is_box_incompatible(owner: Session) -> None:
    response = owner.post(
        f"/locations/{FIRST_LOCATION}/reservations", json={"size": "xl", "package_info": {"weight": 25.5}}
    )
    assert_error(response, 422, "BOX_INCOMPATIBLE")


def test_no_free_box_is_no_capacity_and_occupancy_is_reported(owner: Session) -> None:
    def xl() -> dict:  # type: ignore[type-arg]
        location = owner.get(f"/company/locations/{SECOND_LOCATION}").json()["location"]
        return next(b for b in location["boxes"] if b["size"] == "xl")

    before = xl()
    assert before["available"] is True
    for _ in range(before["total"] - before["occupied"]):
        new_reservation(owner, SECOND_LOCATION, size="xl")
    after = xl()
    assert after["occupied"] == after["total"] and after["available"] is False
    body = assert_error(
        owner.post(f"/locations/{SECOND_LOCATION}/reservations", json={"size": "xl"}), 422, "NO_CAPACITY"
    )
    assert body["data"]["size"] == "xl"


def test_cancelling_frees_the_box(owner: Session) -> None:
    def occupied() -> int:
        location = owner.get(f"/company/locations/{FIRST_LOCATION}").json()["location"]
        return int(next(b for b in location["boxes"] if b["size"] == "l")["occupied"])

    start = occupied()
    created = new_reservation(owner, size="l")
    assert occupied() == start + 1
    assert owner.delete(f"/reservations/{created['reservation']['id']}").status_code == 200
    assert occupied() == start


@pytest.mark.parametrize(
    ("body", "keys"),
    [
        ({}, ["size"]),
        ({"size": "xxl"}, ["size"]),
        ({"size": "s", "package_info": {"weight": "heavy"}}, ["package_info.weight"]),
        ({"size": "s", "package_info": {"weight": -1}}, ["package_info.weight"]),
        ({"size": "s", "additional": {"a": 1}}, ["additional.a"]),
        ({"size": "s", "additional": {f"k{i}": "v" for i in range(31)}}, ["additional"]),
        ({"size": "s", "delivery_token": "no spaces!"}, ["delivery_token"]),
    ],
)
def test_create_validation_names_the_fields(owner: Session, body: dict, keys: list[str]) -> None:  # type: ignore[type-arg]
    error = assert_error(
        owner.post(f"/locations/{FIRST_LOCATION}/reservations", json=body), 400, "INVALID_REQUEST"
    )
    assert error["data"]["keys"] == keys
    assert error["data"]["source"] == "payload"


def test_custom_delivery_token_is_used_and_must_be_unique(owner: Session) -> None:
    body = new_reservation(owner, delivery_token="PUERTA42")
    assert body["tokens"]["delivery_token"] == "PUERTA42"
    error = assert_error(
        owner.post(
            f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s", "delivery_token": "PUERTA42"}
        ),
        400,
        "INVALID_REQUEST",
    )
    assert error["data"]["keys"] == ["delivery_token"]


def test_unknown_location_is_404(owner: Session) -> None:
    assert_error(
        owner.post("/locations/loc-nowhere/reservations", json={"size": "s"}), 404, "ENTITY_NOT_FOUND"
    )
    assert_error(owner.get("/locations/loc-nowhere/reservations"), 404, "ENTITY_NOT_FOUND")
    assert_error(owner.get("/company/locations/loc-nowhere"), 404, "ENTITY_NOT_FOUND")


def test_get_reservation_variant_a_and_include_tokens(owner: Session) -> None:
    created = new_reservation(owner)
    rid = created["reservation"]["id"]
    full = owner.get(f"/reservations/{rid}").json()
    assert set(full["reservation"]) == VARIANT_FIELDS
    assert full["reservation"]["location"]["id"] == FIRST_LOCATION
    assert full["reservation"]["location"]["internal_name"] == "Antara Polanco"
    assert full["tokens"]["pickup_token"] == created["tokens"]["pickup_token"]
    assert full["confirmation_code"] == created["confirmation_code"]
    bare = owner.get(f"/reservations/{rid}", params={"include_tokens": "false"}).json()
    assert bare["tokens"] == {} and "confirmation_code" not in bare
    assert_error(owner.get("/reservations/rsv-missing"), 404, "ENTITY_NOT_FOUND")
    error = assert_error(
        owner.get(f"/reservations/{rid}", params={"include_tokens": "maybe"}), 400, "INVALID_REQUEST"
    )
    assert error["data"] == {"keys": ["include_tokens"], "source": "query"}


def test_cancel_guards(owner: Session) -> None:
    created = new_reservation(owner)
    rid = created["reservation"]["id"]
    cancelled = owner.delete(f"/reservations/{rid}")
    assert cancelled.status_code == 200
    body = cancelled.json()
    assert body["reservation"]["event_history"][-1]["status"] == "cancelled"
    assert "tokens" not in body and body["reservation"]["location"] == FIRST_LOCATION
    assert_error(owner.delete(f"/reservations/{rid}"), 409, "INVALID_RESERVATION")
    delivered = new_reservation(owner)
    assert owner.kiosk(delivered["tokens"]["delivery_token"]).status_code == 200
    assert_error(owner.delete(f"/reservations/{delivered['reservation']['id']}"), 409, "INVALID_RESERVATION")
    assert_error(owner.delete("/reservations/rsv-missing"), 404, "ENTITY_NOT_FOUND")


def test_update_of_a_direct_reservation_is_gone(owner: Session) -> None:
    created = new_reservation(owner)
    response = owner.put(f"/reservations/{created['reservation']['id']}", json={"shipment_id": "X"})
    assert_error(response, 410, "INVALID_RESERVATION")
    assert_error(owner.put("/reservations/rsv-missing", json={"shipment_id": "X"}), 404, "ENTITY_NOT_FOUND")


def test_list_envelope_paging_and_variant_a(owner: Session) -> None:
    page = owner.get("/company/reservations", params={"page_size": 7, "page": 2}).json()
    assert page["status_code"] == 200 and page["page"] == 2 and page["page_size"] == 7
    assert len(page["reservations"]) == 7
    assert page["total_pages"] == -(-page["total"] // 7)
    assert all(isinstance(r["location"], dict) and r["shipping"] == {} for r in page["reservations"])
    assert all(
        r["event_history"][-1]["status"] not in ("picked_up", "cancelled") for r in page["reservations"]
    )
    beyond = owner.get("/company/reservations", params={"page": 10_000}).json()
    assert beyond["reservations"] == [] and beyond["total"] == page["total"]


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"page": 0}, "page"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 101}, "page_size"),
        ({"page": "x"}, "page"),
        ({"status": "gone"}, "status"),
        ({"sort": "name"}, "sort"),
        ({"from": "yesterday"}, "from"),
        ({"only_active": "perhaps"}, "only_active"),
    ],
)
def test_list_query_errors_name_the_parameter(owner: Session, params: dict, key: str) -> None:  # type: ignore[type-arg]
    for path in (
        "/company/reservations",
        "/company/pre_reservations",
        "/shipping/reservations",
        f"/locations/{FIRST_LOCATION}/reservations",
    ):
        error = assert_error(owner.get(path, params=params), 400, "INVALID_REQUEST")
        assert error["data"] == {"keys": [key], "source": "query"}, path


def test_status_filters_sort_from_and_shipment_id(owner: Session) -> None:
    def fetch(**params: object) -> dict:  # type: ignore[type-arg]
        return owner.get("/company/reservations", params={"page_size": 100, **params}).json()  # type: ignore[no-any-return]

    active = fetch()
    finished = fetch(status="finished")
    everything = fetch(only_active="false")
    assert everything["total"] == active["total"] + finished["total"]
    assert all(
        r["event_history"][-1]["status"] in ("picked_up", "cancelled") for r in finished["reservations"]
    )
    assert fetch(status="active")["total"] == active["total"]
    created = [r["created_at"] for r in everything["reservations"]]
    assert created == sorted(created, reverse=True)
    ascending = [r["created_at"] for r in fetch(only_active="false", sort="created_at")["reservations"]]
    assert ascending == sorted(ascending)
    due = [r["delivery_due_date"] for r in fetch(sort="-delivery_due_date")["reservations"]]
    assert due == sorted(due, reverse=True)
    cutoff = datetime.now(UTC) - timedelta(days=3)
    recent = fetch(only_active="false", **{"from": cutoff.isoformat()})
    assert 0 < recent["total"] < everything["total"]
    assert all(r["created_at"] >= cutoff.strftime("%Y-%m-%dT%H:%M:%S") for r in recent["reservations"])
    as_ms = fetch(only_active="false", **{"from": str(int(cutoff.timestamp() * 1000))})
    assert as_ms["total"] == recent["total"]
    mine = new_reservation(owner, shipment_id="FIND-ME")
    found = fetch(shipment_id="FIND-ME")
    assert [r["id"] for r in found["reservations"]] == [mine["reservation"]["id"]]


def test_pre_shipping_and_location_lists(owner: Session) -> None:
    pre = owner.get("/company/pre_reservations", params={"page_size": 100, "only_active": "false"}).json()
    assert pre["total"] > 0
    assert all(r["event_history"][0]["status"] == "pending" for r in pre["reservations"])
    shipping = owner.get("/shipping/reservations", params={"page_size": 100}).json()
    assert shipping["total"] > 0
    for r in shipping["reservations"]:
        assert isinstance(r["location"], str)
        assert {"carrier", "fee", "pickup_point", "destination_point"} <= set(r["shipping"])
    at_location = owner.get(f"/locations/{SECOND_LOCATION}/reservations", params={"page_size": 100}).json()
    assert at_location["total"] > 0
    assert {r["location"] for r in at_location["reservations"]} == {SECOND_LOCATION}
    assert all(r["shipping"] == {} for r in at_location["reservations"])

"""Every capability × every role, and the second company's walls (docs/decisions.md, Who may do what)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from lok_desk.sandbox import DEMO_CLIENTS, OTHER_CLIENTS, SandboxServer
from tests.sandbox.conftest import (
    FIRST_LOCATION,
    OTHER_LOCATION,
    SECOND_LOCATION,
    Session,
    new_reservation,
)

ROLES = ("admin", "owner", "seller", "employee", "reporter", "other")
OK = (200, None)
CREATED = (201, None)
NO_CONTENT = (204, None)
SCOPE = (403, "INSUFFICIENT_SCOPE")
LOCATION = (403, "FORBIDDEN_LOCATION")
MISSING = (404, "ENTITY_NOT_FOUND")
#: Every location of the second company ("other"), whose data the demo company must never see.
OTHER_COMPANY_LOCATIONS = frozenset({OTHER_LOCATION, "loc-gdl-andares"})


@pytest.fixture(scope="module")
def world() -> Iterator[dict[str, Any]]:
    with SandboxServer() as server:
        sessions = {role: Session(server, *DEMO_CLIENTS[role]) for role in ROLES if role != "other"}
        sessions["other"] = Session(server, *OTHER_CLIENTS["owner"])
        created = sessions["other"].post(f"/locations/{OTHER_LOCATION}/reservations", json={"size": "m"})
        shipped = sessions["other"].post(
            f"/locations/{OTHER_LOCATION}/shipping", json={**LOCATION_SHIPPING, "shipment_id": "NORTE-SHIP"}
        )
        ids = {
            "other_reservation": created.json()["reservation"]["id"],
            "other_shipped": shipped.json()["reservation_id"],
        }
        yield {"server": server, "sessions": sessions, "ids": ids}
        for session in sessions.values():
            session.close()


def fresh_reservation(world: dict[str, Any], location: str = FIRST_LOCATION) -> str:
    return str(new_reservation(world["sessions"]["owner"], location)["reservation"]["id"])


Call = Callable[[Session, dict[str, Any]], httpx.Response]


def grant_for(session: Session) -> str | None:
    found = session.post("/locations/available", json={"coords": {"lat": 19.43, "long": -99.2}, "limit": 5})
    return found.json().get("grant") if found.status_code == 200 else None


LOCATION_SHIPPING = {
    "size": {"width": 15, "height": 20, "length": 30},
    "package_info": {"weight": 2.0},
    "pickup_date": "2030-01-01T10:00:00Z",
    "origin": {"street": "Av. Reforma", "number": "222", "town": "Juárez", "zip_code": "06600"},
    "contact": {"phone": "+52 55 1234 5678"},
}
_shipments = iter(range(1_000_000))


def location_shipping(session: Session, location: str) -> httpx.Response:
    """#31 as `session`, under a shipment id no other row has used."""
    body = {**LOCATION_SHIPPING, "shipment_id": f"SCOPE-{next(_shipments)}"}
    return session.post(f"/locations/{location}/shipping", json=body)


def ship_to(session: Session, location: str) -> httpx.Response:
    """#31 as `session`; a successful order is cancelled again so the box is free for the next row."""
    response = location_shipping(session, location)
    if response.status_code == 200:
        cancelled = session.delete(f"/reservations/{response.json()['reservation_id']}")
        assert cancelled.status_code == 200, cancelled.text
    return response


def with_shipped_reservation(
    w: dict[str, Any], location: str, call: Callable[[str], httpx.Response]
) -> httpx.Response:
    """An owner-made #31 order at `location` (it has a label), `call(id)`, then the owner cancels it."""
    owner = w["sessions"]["owner"]
    made = location_shipping(owner, location)
    assert made.status_code == 200, made.text
    reservation_id = made.json()["reservation_id"]
    try:
        return call(reservation_id)
    finally:
        owner.delete(f"/reservations/{reservation_id}")


def with_pre_reservation(w: dict[str, Any], call: Callable[[str], httpx.Response]) -> httpx.Response:
    """An owner-made pre-reservation at the first location, `call(id)`, then the owner cancels it."""
    owner = w["sessions"]["owner"]
    made = owner.post(
        f"/locations/{FIRST_LOCATION}/pre_reservation",
        json={"contact_info": {"name": "Ana"}, "package_info": {"weight": 1}},
        headers={"lok-grant-token": grant_for(owner) or ""},
    )
    assert made.status_code == 201, made.text
    reservation_id = made.json()["reservation"]["id"]
    try:
        return call(reservation_id)
    finally:
        owner.delete(f"/reservations/{reservation_id}")


QUOTE = {"origin": LOCATION_SHIPPING["origin"], "contact": {"phone": "+52 55 1234 5678"}}


# capability → (call, expected answer per role)
MATRIX: dict[str, tuple[Call, dict[str, tuple[int, str | None]]]] = {
    "read own-company location": (
        lambda s, w: s.get(f"/company/locations/{FIRST_LOCATION}"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": OK, "reporter": OK, "other": LOCATION},
    ),
    "read a second location": (
        lambda s, w: s.get(f"/company/locations/{SECOND_LOCATION}"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": LOCATION, "reporter": OK, "other": LOCATION},
    ),
    "read the other company's location": (
        lambda s, w: s.get(f"/company/locations/{OTHER_LOCATION}"),
        {
            "admin": OK,
            "owner": LOCATION,
            "seller": LOCATION,
            "employee": LOCATION,
            "reporter": LOCATION,
            "other": OK,
        },
    ),
    "list a location's reservations": (
        lambda s, w: s.get(f"/locations/{SECOND_LOCATION}/reservations"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": LOCATION, "reporter": OK, "other": LOCATION},
    ),
    "read a reservation": (
        lambda s, w: s.get(f"/reservations/{fresh_reservation(w, SECOND_LOCATION)}"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": LOCATION, "reporter": OK, "other": MISSING},
    ),
    "read the other company's reservation": (
        lambda s, w: s.get(f"/reservations/{w['ids']['other_reservation']}"),
        {
            "admin": OK,
            "owner": MISSING,
            "seller": MISSING,
            "employee": MISSING,
            "reporter": MISSING,
            "other": OK,
        },
    ),
    "create a reservation at the first location": (
        lambda s, w: s.post(f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s"}),
        {
            "admin": SCOPE,
            "owner": CREATED,
            "seller": CREATED,
            "employee": CREATED,
            "reporter": SCOPE,
            "other": LOCATION,
        },
    ),
    "create a reservation at a second location": (
        lambda s, w: s.post(f"/locations/{SECOND_LOCATION}/reservations", json={"size": "s"}),
        {
            "admin": SCOPE,
            "owner": CREATED,
            "seller": CREATED,
            "employee": LOCATION,
            "reporter": SCOPE,
            "other": LOCATION,
        },
    ),
    "cancel a reservation": (
        lambda s, w: s.delete(f"/reservations/{fresh_reservation(w)}"),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": OK, "reporter": SCOPE, "other": MISSING},
    ),
    "cancel at a second location": (
        lambda s, w: s.delete(f"/reservations/{fresh_reservation(w, SECOND_LOCATION)}"),
        {
            "admin": SCOPE,
            "owner": OK,
            "seller": OK,
            "employee": LOCATION,
            "reporter": SCOPE,
            "other": MISSING,
        },
    ),
    "cancel the other company's reservation": (
        lambda s, w: s.request("DELETE", f"/reservations/{w['ids']['other_reservation']}"),
        {
            "admin": SCOPE,
            "owner": MISSING,
            "seller": MISSING,
            "employee": MISSING,
            "reporter": SCOPE,
            "other": OK,
        },
    ),
    "search lockers for pre-reservations": (
        lambda s, w: s.post("/locations/available", json={"zip_code": "11520", "limit": 3}),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": SCOPE, "other": OK},
    ),
    "read webhook settings": (
        lambda s, w: s.get("/company/webhook"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": OK, "other": OK},
    ),
    "write webhook settings": (
        lambda s, w: s.put("/company/webhook", json={"url": "https://hooks.example.com/lok"}),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": SCOPE, "other": OK},
    ),
    "toggle the webhook": (
        lambda s, w: s.put("/company/webhook/status", json={"enabled": True}),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": SCOPE, "other": OK},
    ),
    "read notification e-mails": (
        lambda s, w: s.get("/company/notification_emails"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": OK, "other": OK},
    ),
    "write notification e-mails": (
        lambda s, w: s.put("/company/notification_emails", json={"operator_email": "ops@example.com"}),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": SCOPE, "other": OK},
    ),
    "read directories": (
        lambda s, w: s.get("/company/directories"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": OK, "reporter": OK, "other": OK},
    ),
    "read a directory": (
        lambda s, w: s.get("/company/directories/dir-demo-frecuentes"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": OK, "reporter": OK, "other": MISSING},
    ),
    "write a directory": (
        lambda s, w: s.put("/company/directories/dir-demo-proveedores/contacts", json={"contacts": []}),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": SCOPE, "other": MISSING},
    ),
    "change the other company's directory": (
        lambda s, w: s.put("/company/directories/dir-norte-clientes", json={"directory": {"name": "Mía"}}),
        {
            "admin": SCOPE,
            "owner": MISSING,
            "seller": MISSING,
            "employee": SCOPE,
            "reporter": SCOPE,
            "other": OK,
        },
    ),
    "create a directory": (
        lambda s, w: s.post("/company/directories", json={"directory": {"name": f"Lista {s.client_id}"}}),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": SCOPE, "other": OK},
    ),
    "action logs": (
        lambda s, w: s.get("/company/action_logs"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": OK, "other": OK},
    ),
    "action log report": (
        lambda s, w: s.get("/company/action_logs/csv"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": OK, "other": OK},
    ),
    "recent activity CSV": (
        lambda s, w: s.get("/company/reports/recent_activity"),
        {"admin": OK, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": OK, "other": OK},
    ),
    "free shipping order to a destination": (
        lambda s, w: s.post("/shipping_order", json=SHIPPING_ORDER),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": SCOPE, "reporter": SCOPE, "other": OK},
    ),
    "shipping order to the first location": (
        lambda s, w: s.post(
            "/shipping_order", json={**SHIPPING_ORDER, "destination": None, "location_id": FIRST_LOCATION}
        ),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": OK, "reporter": SCOPE, "other": LOCATION},
    ),
    "read a label at the first location": (
        lambda s, w: with_shipped_reservation(w, FIRST_LOCATION, lambda r: s.get(f"/reservations/{r}/label")),
        {"admin": OK, "owner": OK, "seller": OK, "employee": OK, "reporter": OK, "other": MISSING},
    ),
    "read a label at a second location": (
        lambda s, w: with_shipped_reservation(
            w, SECOND_LOCATION, lambda r: s.get(f"/reservations/{r}/label")
        ),
        {"admin": OK, "owner": OK, "seller": OK, "employee": LOCATION, "reporter": OK, "other": MISSING},
    ),
    "read the other company's label": (
        lambda s, w: s.get(f"/reservations/{w['ids']['other_shipped']}/label"),
        {
            "admin": OK,
            "owner": MISSING,
            "seller": MISSING,
            "employee": MISSING,
            "reporter": MISSING,
            "other": OK,
        },
    ),
    "shipping order at the first location (#31)": (
        lambda s, w: ship_to(s, FIRST_LOCATION),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": OK, "reporter": SCOPE, "other": LOCATION},
    ),
    "shipping order at a second location (#31)": (
        lambda s, w: ship_to(s, SECOND_LOCATION),
        {
            "admin": SCOPE,
            "owner": OK,
            "seller": OK,
            "employee": LOCATION,
            "reporter": SCOPE,
            "other": LOCATION,
        },
    ),
    "quote a pre-reservation's shipment (#33)": (
        lambda s, w: with_pre_reservation(
            w, lambda r: s.post(f"/reservations/{r}/shipping/quotation", json=QUOTE)
        ),
        {"admin": SCOPE, "owner": OK, "seller": OK, "employee": OK, "reporter": SCOPE, "other": MISSING},
    ),
    "import contacts CSV (#29)": (
        lambda s, w: s.post("/company/directories/csv", json={"csv": "name,last_name\nAna,Ruiz\n"}),
        {
            "admin": SCOPE,
            "owner": NO_CONTENT,
            "seller": NO_CONTENT,
            "employee": SCOPE,
            "reporter": SCOPE,
            "other": NO_CONTENT,
        },
    ),
}

ADDRESS = {
    "street": "Av. Reforma",
    "number": "222",
    "town": "Juárez",
    "zip_code": "06600",
    "contact": {"phone": "+52 55 1234 5678", "email": "envios@example.com"},
}
SHIPPING_ORDER = {
    "preferred": "Lok Express",
    "package_info": {
        "weight": 2.0,
        "items": [{"units_weight": "KGM", "product_service": "53102700", "is_dangerous": False}],
    },
    "destination": ADDRESS,
    "origin": ADDRESS,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("capability", list(MATRIX))
def test_scope_matrix(world: dict[str, Any], capability: str, role: str) -> None:
    call, expected = MATRIX[capability]
    status, type_ = expected[role]
    response = call(world["sessions"][role], world)
    assert response.status_code == status, f"{capability} as {role}: {response.text}"
    if type_ is not None:
        assert response.json()["type"] == type_


@pytest.mark.parametrize("role", ROLES)
def test_lists_show_only_what_the_role_may_read(world: dict[str, Any], role: str) -> None:
    session = world["sessions"][role]
    seen = session.get("/company/reservations", params={"page_size": 100, "only_active": "false"}).json()
    locations = {r["location"]["id"] for r in seen["reservations"]}
    companies_locations = {
        "employee": {FIRST_LOCATION},
        "other": OTHER_COMPANY_LOCATIONS,
    }
    if role in companies_locations:
        assert locations <= companies_locations[role]
    elif role == "admin":
        # The Lok admin reads every company.
        total_demo = (
            world["sessions"]["owner"].get("/company/reservations", params={"only_active": "false"}).json()
        )
        total_other = (
            world["sessions"]["other"].get("/company/reservations", params={"only_active": "false"}).json()
        )
        assert seen["total"] >= total_demo["total"] + total_other["total"]
    else:
        assert not locations & OTHER_COMPANY_LOCATIONS
    listed = {
        loc["id"] for loc in session.get("/company/locations", params={"page_size": 100}).json()["locations"]
    }
    if role == "employee":
        assert listed == {FIRST_LOCATION}
    elif role == "other":
        assert listed == OTHER_COMPANY_LOCATIONS
    elif role == "admin":
        assert OTHER_LOCATION in listed
    else:
        assert FIRST_LOCATION in listed and OTHER_LOCATION not in listed
        assert ("loc-net-coyoacan" in listed) == (role == "seller")


def test_seller_reaches_the_public_network_and_owner_does_not(world: dict[str, Any]) -> None:
    body = {"coords": {"lat": 19.40, "long": -99.18}, "limit": 10}
    seller = world["sessions"]["seller"].post("/locations/available", json=body).json()
    owner = world["sessions"]["owner"].post("/locations/available", json=body).json()
    assert "loc-net-coyoacan" in {loc["id"] for loc in seller["locations"]}
    assert "loc-net-coyoacan" not in {loc["id"] for loc in owner["locations"]}


def test_other_company_never_sees_demo_data_in_any_list(world: dict[str, Any]) -> None:
    other = world["sessions"]["other"]
    for path in ("/company/reservations", "/company/pre_reservations", "/shipping/reservations"):
        page = other.get(path, params={"page_size": 100, "only_active": "false"}).json()
        assert all(
            # #7 and #8 embed the location (variant A); #18 gives its id (variant C).
            (r["location"] if isinstance(r["location"], str) else r["location"]["id"])
            in OTHER_COMPANY_LOCATIONS
            for r in page["reservations"]
        ), path
    directories = other.get("/company/directories").json()["directories"]
    assert {d["id"] for d in directories} >= {"dir-norte-clientes"}
    assert "dir-demo-frecuentes" not in {d["id"] for d in directories}
    logs = other.get("/company/action_logs").json()["action_logs"]
    assert all(not e["user_email"].endswith("@demo.lok.test") for e in logs)

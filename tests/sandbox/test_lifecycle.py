"""The locker kiosk and the sandbox clock: every token, every guard, deadlines."""

from __future__ import annotations

import base64
import io
from datetime import datetime

import pytest
from PIL import Image

from tests.sandbox.conftest import FIRST_LOCATION, Session, assert_error, new_reservation


def statuses(session: Session, reservation_id: str) -> list[str]:
    body = session.get(f"/reservations/{reservation_id}").json()
    return [e["status"] for e in body["reservation"]["event_history"]]


def test_full_journey_through_the_kiosk(owner: Session) -> None:
    created = new_reservation(owner)
    rid, tokens = created["reservation"]["id"], created["tokens"]
    assert_error(owner.kiosk(tokens["pickup_token"]), 409, "INVALID_RESERVATION")  # nothing to pick up yet
    delivered = owner.kiosk(tokens["delivery_token"])
    assert delivered.status_code == 200
    reservation = delivered.json()["reservation"]
    assert reservation["location"] == created["reservation"]["location"]  # variant B
    assert reservation["pickup_due_date"] > reservation["event_history"][-1]["date"]
    assert_error(owner.kiosk(tokens["delivery_token"]), 409, "INVALID_RESERVATION")  # already in the locker
    assert_error(owner.kiosk(tokens["reopen_2_token"]), 409, "INVALID_RESERVATION")  # reopen 1 comes first
    assert owner.kiosk(tokens["reopen_1_token"]).status_code == 200
    assert owner.kiosk(tokens["reopen_2_token"]).status_code == 200
    assert_error(owner.kiosk(tokens["cancel_token"]), 409, "INVALID_RESERVATION")
    assert owner.kiosk(tokens["pickup_token"]).status_code == 200
    assert statuses(owner, rid) == ["reserved", "delivered", "reopened", "reopened2", "picked_up"]
    dates = [e["date"] for e in owner.get(f"/reservations/{rid}").json()["reservation"]["event_history"]]
    assert dates == sorted(dates)
    finished = owner.get("/company/reservations", params={"status": "finished", "page_size": 100}).json()
    assert rid in {r["id"] for r in finished["reservations"]}


def test_cancel_token_and_unknown_token(owner: Session) -> None:
    created = new_reservation(owner)
    assert owner.kiosk(created["tokens"]["cancel_token"]).status_code == 200
    assert statuses(owner, created["reservation"]["id"])[-1] == "cancelled"
    assert_error(owner.kiosk(created["tokens"]["delivery_token"]), 409, "INVALID_RESERVATION")
    assert_error(owner.kiosk("NOSUCHTOKEN"), 409, "INVALID_RESERVATION")
    error = assert_error(owner.root.post("/sandbox/kiosk", json={}), 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == ["token"]


def test_pending_pre_reservation_cannot_be_delivered(owner: Session) -> None:
    found = owner.post("/locations/available", json={"zip_code": "11520", "limit": 1}).json()
    body = owner.post(
        f"/locations/{found['locations'][0]['id']}/pre_reservation",
        json={},
        headers={"lok-grant-token": found["grant"]},
    ).json()
    assert_error(owner.kiosk(body["tokens"]["delivery_token"]), 409, "INVALID_RESERVATION")
    assert owner.kiosk(body["tokens"]["cancel_token"]).status_code == 200


def test_qr_codes_are_real_pngs(owner: Session) -> None:
    tokens = new_reservation(owner)["tokens"]
    image = Image.open(io.BytesIO(base64.b64decode(tokens["pickup_token_qr"])))
    assert image.format == "PNG" and image.width == image.height and image.width >= 21


def test_clock_reads_and_advances(owner: Session) -> None:
    before = owner.root.get("/sandbox/clock").json()
    assert before["now"].endswith("Z") and before["offset_seconds"] == 0
    after = owner.advance(86_400)
    assert after["offset_seconds"] == 86_400
    moved = datetime.fromisoformat(after["now"][:-1]) - datetime.fromisoformat(before["now"][:-1])
    assert 86_400 <= moved.total_seconds() < 86_400 + 30
    error = assert_error(
        owner.root.post("/sandbox/clock", json={"advance_seconds": "soon"}), 400, "INVALID_REQUEST"
    )
    assert error["data"]["keys"] == ["advance_seconds"]


def test_new_reservations_use_the_sandbox_clock(owner: Session) -> None:
    owner.advance(10 * 86_400)
    now = owner.root.get("/sandbox/clock").json()["now"]
    created = new_reservation(owner)["reservation"]
    assert created["created_at"][:13] == now[:13]


@pytest.mark.parametrize("step", [10 * 365 * 86_400, -10 * 365 * 86_400])
def test_clock_stops_at_the_dates_it_can_write(owner: Session, step: int) -> None:
    # Each step is within the per-call limit; enough of them would leave 1970..9999, where no date
    # can be written (a 500 on every call afterwards). The move that goes too far is refused.
    before = owner.root.get("/sandbox/clock").json()
    for _ in range(1000):
        answer = owner.root.post("/sandbox/clock", json={"advance_seconds": step})
        if answer.status_code != 200:
            break
        assert int(answer.json()["now"][:4]) in range(1970, 10_000)
    error = assert_error(answer, 400, "INVALID_REQUEST")
    assert error["data"]["keys"] == ["advance_seconds"]
    now = owner.root.get("/sandbox/clock").json()
    assert now["offset_seconds"] != before["offset_seconds"]
    owner.sign_in()  # the old token is out of its lifetime on the moved clock
    assert owner.get("/company/reservations").status_code == 200
    assert owner.post(f"/locations/{FIRST_LOCATION}/reservations", json={"size": "s"}).status_code == 201

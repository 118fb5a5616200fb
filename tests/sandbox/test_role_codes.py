"""Box-opening codes and the webhook secret reach only the roles that may act (issue 10)."""

from __future__ import annotations

import pytest

from tests.sandbox.conftest import FIRST_LOCATION, SECOND_LOCATION, Session, new_reservation

TOKEN_FIELDS = (
    "delivery_token",
    "pickup_token",
    "reopen_1_token",
    "reopen_2_token",
    "cancel_token",
    "delivery_token_qr",
    "pickup_token_qr",
    "reopen_1_token_qr",
    "reopen_2_token_qr",
    "cancel_token_qr",
)


def _codes_of(body: dict[str, object]) -> set[str]:
    tokens = body.get("tokens") or {}
    assert isinstance(tokens, dict)
    present = {k for k in TOKEN_FIELDS if k in tokens}
    if "confirmation_code" in body:
        present.add("confirmation_code")
    return present


@pytest.mark.parametrize("role", ["reporter", "admin"])
@pytest.mark.parametrize("include_tokens", [None, "true", "false"])
def test_reporter_and_admin_never_get_codes(
    sessions: dict[str, Session], role: str, include_tokens: str | None
) -> None:
    created = new_reservation(sessions["owner"])
    rid = created["reservation"]["id"]
    params = {} if include_tokens is None else {"include_tokens": include_tokens}
    response = sessions[role].get(f"/reservations/{rid}", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["reservation"]["id"] == rid
    assert _codes_of(body) == set()
    # None of the values leaks anywhere else in the answer either.
    for kind in ("delivery", "pickup", "reopen_1", "reopen_2", "cancel"):
        assert created["tokens"][f"{kind}_token"] not in response.text


@pytest.mark.parametrize("role", ["owner", "seller"])
def test_owner_and_seller_get_codes(sessions: dict[str, Session], role: str) -> None:
    rid = new_reservation(sessions["owner"])["reservation"]["id"]
    body = sessions[role].get(f"/reservations/{rid}").json()
    assert _codes_of(body) == {*TOKEN_FIELDS, "confirmation_code"}
    without = sessions[role].get(f"/reservations/{rid}", params={"include_tokens": "false"})
    assert _codes_of(without.json()) == set()


def test_employee_gets_codes_of_its_location_only(sessions: dict[str, Session]) -> None:
    employee = sessions["employee"]
    own = new_reservation(sessions["owner"], FIRST_LOCATION)["reservation"]["id"]
    assert _codes_of(employee.get(f"/reservations/{own}").json()) == {*TOKEN_FIELDS, "confirmation_code"}
    # The employee's own creation carries them too.
    assert "cancel_token" in new_reservation(employee, FIRST_LOCATION)["tokens"]
    elsewhere = new_reservation(sessions["owner"], SECOND_LOCATION)["reservation"]["id"]
    response = employee.get(f"/reservations/{elsewhere}")
    assert response.status_code == 403
    assert "cancel_token" not in response.text


def test_other_company_admin_view_has_no_codes(sessions: dict[str, Session]) -> None:
    created = new_reservation(sessions["other"], "loc-gdl-galerias")
    rid = created["reservation"]["id"]
    response = sessions["admin"].get(f"/reservations/{rid}")
    assert response.status_code == 200, response.text
    assert _codes_of(response.json()) == set()
    assert created["tokens"]["cancel_token"] not in response.text


def test_kiosk_still_takes_tokens_a_reporter_cannot_see(sessions: dict[str, Session]) -> None:
    created = new_reservation(sessions["owner"])
    rid = created["reservation"]["id"]
    assert _codes_of(sessions["reporter"].get(f"/reservations/{rid}").json()) == set()
    # The locker kiosk is a sandbox route, not a user: the token typed there still works.
    response = sessions["reporter"].kiosk(created["tokens"]["delivery_token"])
    assert response.status_code == 200, response.text
    assert response.json()["reservation"]["event_history"][-1]["status"] == "delivered"


def test_webhook_secret_only_for_owner_and_seller(sessions: dict[str, Session]) -> None:
    put = sessions["owner"].put("/company/webhook", json={"url": "http://127.0.0.1:9/hook"})
    assert put.status_code == 200, put.text
    secret = put.json()["webhook"]["secret"]
    assert secret.startswith("whsec_")
    for role in ("owner", "seller"):
        assert sessions[role].get("/company/webhook").json()["webhook"]["secret"] == secret
    for role in ("reporter", "admin"):
        response = sessions[role].get("/company/webhook")
        assert response.status_code == 200, response.text
        webhook = response.json()["webhook"]
        assert "secret" not in webhook
        assert webhook["url"] == "http://127.0.0.1:9/hook"
        assert secret not in response.text

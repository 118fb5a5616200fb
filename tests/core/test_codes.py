"""The locker rules of the code inspector and the slips, one reservation state at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from lok_desk.api import models
from lok_desk.core.codes import (
    CodeKind,
    KnownReservation,
    SlipKind,
    TokensHidden,
    Verdict,
    courier_slip_refusal,
    fitting_slip,
    locker_answer,
    match_code,
    printable_slips,
    tokens_are_void,
    tokens_hidden_reason,
    was_expired,
)

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def reservation(*statuses: str, confirmed: bool = True, location: str = "loc-1",
                due: datetime = T0 + timedelta(days=1),
                step: timedelta = timedelta(hours=1)) -> models.Reservation:
    history = [{"status": status, "date": (T0 + step * n).isoformat()} for n, status in enumerate(statuses)]
    return models.Reservation.model_validate({
        "id": "r-1", "shipment_id": "0042", "is_confirmed": confirmed, "location": location,
        "delivery_due_date": due.isoformat(), "event_history": history,
    })


def at(n: int) -> datetime:
    return T0 + timedelta(hours=n)


CASES: list[tuple[tuple[str, ...], CodeKind, Verdict, datetime | None]] = [
    (("reserved",), CodeKind.DELIVERY, Verdict.WORKS, None),
    (("reserved",), CodeKind.PICKUP, Verdict.NOT_DELIVERED_YET, None),
    (("reserved",), CodeKind.REOPEN_1, Verdict.NOT_DELIVERED_YET, None),
    (("reserved",), CodeKind.CANCEL, Verdict.WORKS, None),
    (("pending",), CodeKind.DELIVERY, Verdict.NOT_CONFIRMED_YET, None),
    (("reserved", "delivered"), CodeKind.DELIVERY, Verdict.ALREADY_USED, at(1)),
    (("reserved", "delivered"), CodeKind.PICKUP, Verdict.WORKS, None),
    (("reserved", "delivered"), CodeKind.REOPEN_1, Verdict.WORKS, None),
    (("reserved", "delivered"), CodeKind.REOPEN_2, Verdict.REOPEN_1_FIRST, None),
    (("reserved", "delivered"), CodeKind.CANCEL, Verdict.IN_LOCKER, None),
    (("reserved", "delivered", "reopened"), CodeKind.REOPEN_1, Verdict.ALREADY_USED, at(2)),
    (("reserved", "delivered", "reopened"), CodeKind.REOPEN_2, Verdict.WORKS, None),
    (("reserved", "delivered", "reopened", "reopened2"), CodeKind.REOPEN_2, Verdict.ALREADY_USED, at(3)),
    (("reserved", "delivered", "reopened", "reopened2"), CodeKind.PICKUP, Verdict.WORKS, None),
    (("reserved", "delivered", "picked_up"), CodeKind.PICKUP, Verdict.ALREADY_USED, at(2)),
    (("reserved", "delivered", "picked_up"), CodeKind.REOPEN_1, Verdict.PICKED_UP, at(2)),
    (("reserved", "delivered", "picked_up"), CodeKind.DELIVERY, Verdict.ALREADY_USED, at(1)),
    (("reserved", "cancelled"), CodeKind.DELIVERY, Verdict.CANCELLED, at(1)),
    (("reserved", "cancelled"), CodeKind.PICKUP, Verdict.CANCELLED, at(1)),
    (("reserved", "cancelled"), CodeKind.CANCEL, Verdict.CANCELLED, at(1)),
    (("reserved",), CodeKind.SHIPMENT_ID, Verdict.NOT_A_LOCKER_CODE, None),
    (("reserved",), CodeKind.CONFIRMATION_CODE, Verdict.NOT_A_LOCKER_CODE, None),
]


@pytest.mark.parametrize(("statuses", "kind", "verdict", "when"), CASES)
def test_each_code_in_each_state(statuses: tuple[str, ...], kind: CodeKind, verdict: Verdict,
                                 when: datetime | None) -> None:
    answer = locker_answer(kind, reservation(*statuses))
    assert answer.verdict is verdict
    assert answer.at == when
    assert answer.works is (verdict is Verdict.WORKS)


def test_a_pre_reservation_never_confirmed_expired_a_day_after_its_delivery_date() -> None:
    expired = reservation("pending", "cancelled", confirmed=False, due=T0, step=timedelta(hours=25))
    assert was_expired(expired)
    answer = locker_answer(CodeKind.DELIVERY, expired)
    assert answer.verdict is Verdict.PRE_RESERVATION_EXPIRED
    assert answer.at == T0 + timedelta(hours=25)
    # Cancelled by a person before the grace ran out: a plain cancellation.
    early = reservation("pending", "cancelled", confirmed=False, due=T0, step=timedelta(hours=2))
    assert not was_expired(early)
    assert locker_answer(CodeKind.DELIVERY, early).verdict is Verdict.CANCELLED


def test_a_code_of_another_location_does_not_open_this_locker() -> None:
    item = reservation("reserved", location="loc-2")
    answer = locker_answer(CodeKind.DELIVERY, item, at_location="loc-1")
    assert answer.verdict is Verdict.OTHER_LOCATION
    assert answer.location_id == "loc-2"
    assert locker_answer(CodeKind.DELIVERY, item, at_location="loc-2").works
    # A used code says so first: where it would have worked no longer matters.
    used = reservation("reserved", "delivered", location="loc-2")
    assert locker_answer(CodeKind.DELIVERY, used, at_location="loc-1").verdict is Verdict.ALREADY_USED


def test_match_code_finds_each_kind_case_and_space_insensitively() -> None:
    tokens = models.ReservationTokens(delivery_token="DELV2345", pickup_token="PICK6789",
                                      reopen_1_token="REOA2222", reopen_2_token="REOB3333",
                                      cancel_token="CANC4444")
    known = [KnownReservation(reservation("reserved"), tokens, confirmation_code="CONF77")]
    expected = {"delv2345\n": CodeKind.DELIVERY, " PICK6789": CodeKind.PICKUP, "REOA2222": CodeKind.REOPEN_1,
                "reob3333": CodeKind.REOPEN_2, "CANC4444\t": CodeKind.CANCEL, "0042": CodeKind.SHIPMENT_ID,
                "R-1": CodeKind.RESERVATION_ID, "conf77": CodeKind.CONFIRMATION_CODE}
    for text, kind in expected.items():
        found = match_code(text, known)
        assert found is not None and found.kind is kind, text
    assert match_code("42", known) is None       # leading zeros are part of a shipment id
    assert match_code("   ", known) is None
    # Without tokens (a role that may not see them) a token is not found, the ids still are.
    assert match_code("DELV2345", [KnownReservation(reservation("reserved"))]) is None


def test_the_fitting_slip_follows_the_state_and_finished_tokens_are_void() -> None:
    # Issue 19 point 8: a pending pre-reservation's delivery token opens nothing yet, so no courier slip.
    pending = reservation("pending", confirmed=False)
    assert fitting_slip(pending) is None
    assert courier_slip_refusal(pending) is Verdict.NOT_CONFIRMED_YET
    assert printable_slips(pending) == (SlipKind.RECIPIENT, SlipKind.STAFF)
    assert courier_slip_refusal(reservation("reserved")) is None
    assert fitting_slip(reservation("reserved")) is SlipKind.COURIER
    assert fitting_slip(reservation("reserved", "delivered")) is SlipKind.RECIPIENT
    assert fitting_slip(reservation("reserved", "delivered", "reopened")) is SlipKind.RECIPIENT
    for finished in (("reserved", "cancelled"), ("reserved", "delivered", "picked_up")):
        item = reservation(*finished)
        assert fitting_slip(item) is None
        assert tokens_are_void(item)
        assert printable_slips(item) == ()
    assert printable_slips(reservation("reserved")) == (SlipKind.COURIER, SlipKind.RECIPIENT, SlipKind.STAFF)
    assert printable_slips(reservation("reserved", "delivered")) == (SlipKind.RECIPIENT, SlipKind.STAFF)


@pytest.mark.parametrize(("role", "user_location", "location", "hidden"), [
    ("owner", None, "loc-1", None),
    ("seller", None, "loc-1", None),
    ("employee", "loc-1", "loc-1", None),
    ("employee", "loc-1", "loc-2", TokensHidden.OTHER_LOCATION),
    ("employee", None, "loc-1", TokensHidden.OTHER_LOCATION),
    ("reporter", None, "loc-1", TokensHidden.REPORTER),
    ("admin", None, "loc-1", TokensHidden.ADMIN),
])
def test_tokens_only_for_those_who_may_act(role: str, user_location: str | None, location: str,
                                            hidden: TokensHidden | None) -> None:
    item: Any = reservation("reserved", location=location)
    assert tokens_hidden_reason(role, user_location, item) is hidden

"""Pre-reservation flows without Qt against a real sandbox: the search with its grant, the desk's own
checks by field, Lok's refusals under the form's field names, the created pre-reservation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lok_desk.api import models
from lok_desk.core.owner.prereservations import PreReservationForm, PreReservations, schedule_text
from lok_desk.core.problems import Kind
from lok_desk.core.rules import Role
from lok_desk.core.service import DeskService
from tests.e2e.conftest import Clients


def test_schedule_text_for_a_24_hour_locker() -> None:
    location = models.AvailableLocation.model_validate({"id": "x", "is_24": True, "timezone": "UTC"})
    assert schedule_text(location).english() == "Open 24 h"


async def test_search_check_and_create(lok: Clients) -> None:
    flows = PreReservations(DeskService(await lok("owner"), role=Role.OWNER))
    empty = await flows.search("m", 50, zip_code=" ")
    assert empty.problem is not None and empty.problem.fields == ("zip",) and empty.message("zip")
    unknown = await flows.search("m", 50, zip_code="99999")
    assert unknown.problem is not None and unknown.problem.fields == ("zip",)

    found = await flows.search("m", 50, zip_code="11520")
    assert found.ok and found.value and flows.grant
    locker = found.value[0]
    typed = PreReservationForm(size="m", delivery_date=datetime.now(UTC) - timedelta(days=2),
                               weight="30", contact_name="Marta Rios", recipient_email="not-an-address",
                               notify=True)
    refused = await flows.create(locker, typed)
    assert refused.problem is not None and refused.problem.kind is Kind.INVALID
    assert set(refused.problem.fields) == {"delivery_date", "weight", "recipient_email"}
    assert str(refused.message("weight")) == "Lockers take packages up to 25 kg."

    typed.delivery_date = datetime.now(UTC) + timedelta(days=2)
    typed.weight, typed.recipient_email = "2,5", "lector@example.com"
    made = await flows.create(locker, typed)
    assert made.ok and made.value is not None and flows.created is made.value
    assert made.value.reservation.current_status == "pending"
    assert made.value.reservation.package_info is not None
    assert made.value.reservation.package_info.weight == 2.5


async def test_lok_s_refusal_lands_on_the_form_s_field(lok: Clients) -> None:
    flows = PreReservations(DeskService(await lok("owner"), role=Role.OWNER))
    found = await flows.search("m", 50, zip_code="11520")
    assert found.value
    typed = PreReservationForm(size="m", delivery_date=datetime.now(UTC) + timedelta(days=1),
                               contact_name="M" * 300)             # longer than Lok keeps
    outcome = await flows.create(found.value[0], typed)
    assert outcome.problem is not None and outcome.problem.kind is Kind.INVALID_INPUT
    assert outcome.problem.fields == ("contact_name",)
    assert [f.limit for f in outcome.problem.facts_for("contact_name")] == [256]

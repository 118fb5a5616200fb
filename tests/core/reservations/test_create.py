"""Creating a reservation as a presenter: the form's checks at each field, the size assistant and its
fit guard, the duplicate guard, Lok's refusals at the field they concern, offline (no Qt)."""

from __future__ import annotations

import pytest

from lok_desk.api import models
from lok_desk.core.problems import Kind
from lok_desk.core.reservations.create import CreateForm, CreatePresenter, fit_advice
from tests.e2e.conftest import FIRST_LOCATION, Clients

from .conftest import ServiceFactory, capabilities, direct_request


async def _presenter(desk: ServiceFactory, role: str = "owner") -> CreatePresenter:
    service = await desk(role)
    return CreatePresenter(service, capabilities(service), location_id=FIRST_LOCATION)


def _people(form: CreateForm) -> None:
    form.contact_name, form.contact_email = "Recepción Antara", "recepcion@example.com"
    form.recipient_name, form.recipient_email = "Ana López", "ana@example.com"
    form.recipient_phone = "+52 55 1234 5678"


def _english(check: object) -> dict[str, str]:
    return {key: text.english() for key, text in check.messages.items()}  # type: ignore[attr-defined]


async def test_the_assistant_picks_the_smallest_free_box_and_the_create_returns_the_tokens(
    desk: ServiceFactory,
) -> None:
    create = await _presenter(desk)
    create.form.width, create.form.height, create.form.length, create.form.weight = "5", "30", "50", "2"
    suggestion = create.suggest_size()
    assert suggestion.size is models.BoxSize.S and create.form.size == "s"
    assert suggestion.text.english() == "S (10 × 35 × 60 cm) is the smallest box that fits."
    create.form.shipment_id, create.form.value = "CORE-KIOSK-1", "1500"
    _people(create.form)
    checked = await create.submit()
    assert checked is not None and checked.ok and create.result is not None
    assert create.result.tokens.delivery_token and create.result.reservation.shipment_id == "CORE-KIOSK-1"
    assert create.result.reservation.id in create._service.store
    # Pressing again creates nothing more.
    again = await create.submit()
    assert again is not None and again.ok
    page = await create._service.list_reservations(
        models.ReservationFilters(shipment_id="CORE-KIOSK-1", only_active=False))
    assert len(page.reservations) == 1


async def test_the_assistant_says_which_measure_is_missing(desk: ServiceFactory) -> None:
    create = await _presenter(desk)
    create.form.width, create.form.height, create.form.length = "5", "30", "50"
    assert create.suggest_size().missing == ("weight",)
    assert create.hint_after_edit(("weight",)) is None            # still missing: the request stays
    create.form.weight = "2"
    hint = create.hint_after_edit(("weight",))
    assert hint is not None and hint.english().startswith("Measures and weight entered")
    create.form.height = "abc"
    suggestion = create.suggest_size()
    assert suggestion.missing == ("height",) and suggestion.size is None


async def test_a_parcel_that_fits_no_box_is_refused_with_what_to_do(
    desk: ServiceFactory, lok: Clients
) -> None:
    create = await _presenter(desk)
    create.form.width, create.form.height, create.form.length, create.form.weight = "30", "30", "200", "2"
    assert create.suggest_size().size is None
    create.form.size = "xl"   # chosen by hand anyway (issue 19 point 7)
    _people(create.form)
    log = lok.log(create._service._client)
    log.clear()
    checked = await create.submit()
    assert checked is not None and not checked.ok and create.result is None
    said = _english(checked)["size"]
    assert said.startswith("No box takes this package: the largest box (XL) measures 60 × 45 × 60 cm.")
    assert "cannot be reserved" in said
    assert checked.problem is not None and checked.problem.fields == ("size",)
    assert log.starts("POST") == [], "nothing was sent"
    # A box too small for the measures is refused too.
    create.form.length, create.form.size = "50", "s"
    create.form.width = "30"
    assert "does not fit a S box" in _english(create.check())["size"]


async def test_local_checks_name_each_field_and_keep_the_typing(desk: ServiceFactory) -> None:
    create = await _presenter(desk)
    create.form.contact_email, create.form.recipient_phone = "ana@", "55-ABC"
    create.form.additional = [("lokStatus", "x")]
    create.form.value = "doce"
    checked = create.check()
    said = _english(checked)
    assert said["size"] == "Choose a box size (the assistant below can pick one)."
    assert said["contact_email"] == "This is not an e-mail address (like name@example.com)."
    assert said["recipient_phone"].startswith("Use digits only")
    assert "starts with “lok”" in said["additional"]
    assert said["value"] == "Enter a number, like 12.5."
    assert checked.problem is not None and checked.problem.kind is Kind.INVALID
    assert checked.problem.fields == tuple(said) and checked.first_field == "size"
    assert create.form.contact_email == "ana@" and create.form.value == "doce"
    create.form.notify, create.form.recipient_phone, create.form.recipient_email = True, "", ""
    assert "notifications" in create.check().messages


async def test_no_capacity_is_at_the_size_field(desk: ServiceFactory) -> None:
    create = await _presenter(desk)
    antara = create.location()
    assert antara is not None
    free_xl = antara.box("xl")
    assert free_xl is not None and free_xl.free is not None
    for index in range(free_xl.free):
        await create._service.create_reservation(
            FIRST_LOCATION, direct_request(f"FILL-XL-{index}", size="xl"))
    create.keep_availability(await create._service.get_location(FIRST_LOCATION))
    assert create.free("xl") == 0   # what the size list shows ("XL … · 0 free")
    create.form.size, create.form.shipment_id = "xl", "CORE-FULL-1"
    _people(create.form)
    checked = await create.submit()
    assert checked is not None and list(checked.messages) == ["size"]
    assert _english(checked)["size"] == (
        "No XL box is free at Antara Polanco right now. Choose another size or location.")
    assert checked.problem is not None and checked.problem.kind is Kind.NO_CAPACITY
    assert create.form.shipment_id == "CORE-FULL-1"


async def test_too_heavy_is_box_incompatible_at_the_size_field(desk: ServiceFactory) -> None:
    create = await _presenter(desk)
    create.form.size, create.form.weight, create.form.description = "l", "30", "Mancuernas"
    _people(create.form)
    checked = await create.submit()
    assert checked is not None and list(checked.messages) == ["size"]
    assert _english(checked)["size"].startswith("No box can hold this package (boxes take up to 25 kg")
    assert create.result is None
    assert create.form.weight == "30" and create.form.description == "Mancuernas"   # the typing is kept


async def test_a_used_shipment_id_is_at_the_shipment_field_before_or_after_sending(
    desk: ServiceFactory, lok: Clients
) -> None:
    create = await _presenter(desk)
    other = await desk("seller")
    await other.create_reservation(FIRST_LOCATION, direct_request("CORE-TWICE"))   # unknown to this desk
    create.form.size, create.form.shipment_id = "s", "CORE-TWICE"
    _people(create.form)
    checked = await create.submit()
    assert checked is not None and list(checked.messages) == ["shipment_id"]
    assert _english(checked)["shipment_id"].startswith("The shipment id “CORE-TWICE” is already used")
    # Known to this desk: the duplicate guard refuses it before anything is sent.
    page = await other.list_reservations(models.ReservationFilters(shipment_id="CORE-TWICE"))
    await create._service.get_reservation(page.reservations[0].id or "")
    log = lok.log(create._service._client)
    log.clear()
    checked = await create.submit()
    assert checked is not None and list(checked.messages) == ["shipment_id"] and not log.starts("POST")


async def test_offline_is_refused_before_sending_with_no_field_named(desk: ServiceFactory) -> None:
    create = await _presenter(desk)
    create.form.size, create.form.shipment_id = "s", "CORE-OFFLINE-1"
    _people(create.form)
    create._service.offline = True
    checked = await create.submit()
    assert checked is not None and not checked.ok and checked.messages == {}
    assert checked.problem is not None and checked.problem.fields == () and checked.error is not None
    create._service.offline = False
    checked = await create.submit()
    assert checked is not None and checked.ok


async def test_an_employee_creates_at_their_own_location_only(desk: ServiceFactory) -> None:
    create = await _presenter(desk, "employee")
    assert create.form.location_id == FIRST_LOCATION
    assert [location.id for location in create.locations()] == [FIRST_LOCATION]


def _location(free: dict[str, int]) -> models.LocationDetail:
    return models.LocationDetail(
        id="loc-1", internal_name="Antara", timezone="America/Mexico_City",
        boxes=[models.BoxAvailability(size=size, total=10, occupied=10 - count)
               for size, count in free.items()],
    )


@pytest.mark.parametrize(("free", "measures", "size", "said"), [
    ({"s": 3, "m": 3, "l": 3, "xl": 3}, (8, 30, 50, 2), models.BoxSize.S,
     "S (10 × 35 × 60 cm) is the smallest box that fits."),
    ({"s": 0, "m": 0, "l": 2, "xl": 1}, (8, 30, 50, 2), models.BoxSize.L,
     "L is the smallest free box that fits: S would fit, but none is free at Antara."),
    ({"s": 3, "m": 3, "l": 3, "xl": 3}, (8, 30, 50, 30), None,
     "No box takes this package: boxes hold up to 25 kg and it weighs 30 kg."),
    ({"s": 3, "m": 3, "l": 3, "xl": 3}, (70, 30, 50, 2), None,
     "No box takes this package: the largest box (XL) measures 60 × 45 × 60 cm."),
    ({"s": 5, "m": 5, "l": 0, "xl": 0}, (30, 30, 50, 2), None,
     "A L box would fit, but no box of that size or larger is free at Antara right now. "
     "Try another location."),
])
def test_the_size_rule_is_the_smallest_size_that_fits_and_is_free(
    free: dict[str, int], measures: tuple[float, float, float, float], size: models.BoxSize | None, said: str
) -> None:
    chosen, text = fit_advice(_location(free), *measures)
    assert chosen == size and text.english() == said

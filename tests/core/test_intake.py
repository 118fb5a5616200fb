"""Courier intake against a real sandbox: the guards before sending, the running list, retry and undo."""

from __future__ import annotations

from lok_desk.api import LokClient, NoCapacityError, models
from lok_desk.core import rules
from lok_desk.core.intake import (
    CarryOver,
    IntakeBatch,
    ParcelEntry,
    ParcelState,
    Refusal,
    free_count,
    measure,
    split_measures,
)
from lok_desk.core.problems import Kind
from lok_desk.core.service import DeskService
from tests.e2e.conftest import FIRST_LOCATION, Clients, SandboxControl, reservation_request, shipment_id


def _batch(client: LokClient, role: rules.Role = rules.Role.EMPLOYEE) -> tuple[IntakeBatch, DeskService]:
    own = FIRST_LOCATION if role is rules.Role.EMPLOYEE else None
    service = DeskService(client, role=role, location_id=own)
    carry = CarryOver(sender_name="Paquetería Veloz", sender_phone="+52 55 1111 2222", carrier="Veloz")
    capabilities = rules.Capabilities(role, own)
    return IntakeBatch(service, FIRST_LOCATION, capabilities=capabilities, carry=carry), service


def _entry(**changes: str) -> ParcelEntry:
    base = {"shipment_id": shipment_id("in"), "width": "12", "height": "30", "length": "40", "weight": "2",
            "recipient_name": "Luis Pérez", "recipient_email": "luis@example.test"}
    base.update(changes)
    return ParcelEntry(**base)


def test_one_measures_field_reads_the_ways_people_type_it() -> None:
    assert split_measures("12x30x40 2") == ("12", "30", "40", "2")
    assert split_measures(" 12 × 30 × 40 / 2,5 ") == ("12", "30", "40", "2,5")
    assert split_measures("12*30*40") == ("12", "30", "40", "")
    assert split_measures("") == ("", "", "", "")
    width, height, length, weight = split_measures("12 30 40 2 9")
    assert measure(ParcelEntry("x", width, height, length, weight)).refusal is not None


def test_measures_choose_the_smallest_box_and_refuse_what_fits_none() -> None:
    assert measure(_entry(width="8")).size is models.BoxSize.S
    assert measure(_entry(width="12")).size is models.BoxSize.M
    too_big = measure(_entry(width="70", height="70", length="70")).refusal
    assert too_big is not None and too_big.reason is Refusal.TOO_BIG
    assert too_big.problem.kind is Kind.BOX_INCOMPATIBLE
    heavy = measure(_entry(weight="26")).refusal
    assert heavy is not None and heavy.reason is Refusal.TOO_HEAVY and heavy.field == "weight"
    typo = measure(_entry(length="4O")).refusal
    assert typo is not None and typo.reason is Refusal.NOT_A_NUMBER and typo.field == "length"
    small = measure(_entry(size="s")).refusal
    assert small is not None and small.reason is Refusal.SIZE_TOO_SMALL and small.size is models.BoxSize.M
    assert measure(ParcelEntry(shipment_id="x", size="L")).size is models.BoxSize.L
    none = measure(ParcelEntry(shipment_id="x")).refusal
    assert none is not None and none.reason is Refusal.NO_SIZE


async def test_a_batch_creates_each_parcel_with_the_carried_sender_and_keeps_a_running_list(
        lok: Clients, control: SandboxControl) -> None:
    batch, _service = _batch(await lok("employee"))
    seen: list[tuple[int, ParcelState]] = []
    batch.on_change.append(lambda parcel: seen.append((parcel.number, parcel.state)))
    first = await batch.submit(_entry(width="8"))
    second = await batch.submit(_entry())
    assert (first.state, first.size) == (ParcelState.CREATED, models.BoxSize.S)
    assert (second.state, second.size) == (ParcelState.CREATED, models.BoxSize.M)
    assert seen[:2] == [(1, ParcelState.SENDING), (1, ParcelState.CREATED)]
    reservation = second.reservation
    assert reservation is not None and reservation.contact_info is not None
    assert reservation.contact_info.name == "Paquetería Veloz"          # carried over
    assert reservation.recipient_info is not None and reservation.recipient_info.name == "Luis Pérez"
    assert reservation.additional.get("carrier") == "Veloz"
    assert reservation.locker is not None and reservation.locker.size == "m"
    assert second.delivery_token                                        # for the courier sheet
    totals = batch.totals()
    assert (totals.created, totals.refused) == (2, 0)
    assert totals.by_size == {models.BoxSize.S: 1, models.BoxSize.M: 1}
    # The delivery token on the sheet really opens the box.
    delivered = await control.kiosk(second.delivery_token or "")
    assert delivered.status_code == 200


async def test_a_shipment_id_used_before_is_refused_before_anything_is_sent(lok: Clients) -> None:
    client = await lok("employee")
    batch, _service = _batch(client)
    taken = await client.create_reservation(FIRST_LOCATION, reservation_request("s"))
    used = taken.reservation.shipment_id or ""
    log = lok.log(client)
    log.clear()
    refused = await batch.submit(_entry(shipment_id=used))
    assert refused.state is ParcelState.REFUSED and refused.refusal is not None
    assert refused.refusal.reason is Refusal.DUPLICATE_SHIPMENT and refused.refusal.field == "shipment_id"
    assert log.starts("POST") == []
    # The same id twice in one batch: the second line is refused without asking Lok.
    entry = _entry()
    assert (await batch.submit(entry)).state is ParcelState.CREATED
    log.clear()
    again = await batch.submit(entry)
    assert again.refusal is not None and again.refusal.reason is Refusal.REPEATED_IN_BATCH
    assert again.refusal.number == 2 and log.starts() == []


async def test_a_parcel_that_fits_no_box_is_refused_with_its_entry_kept_and_retried(lok: Clients) -> None:
    client = await lok("employee")
    batch, _service = _batch(client)
    log = lok.log(client)
    log.clear()
    entry = _entry(width="61", height="50", length="60")
    parcel = await batch.submit(entry)
    assert parcel.state is ParcelState.REFUSED and parcel.refusal is not None
    assert parcel.refusal.reason is Refusal.TOO_BIG and parcel.entry == entry
    assert log.starts() == []
    fixed = await batch.retry(parcel, _entry(shipment_id=entry.shipment_id, width="59", height="44"))
    assert fixed is parcel and fixed.state is ParcelState.CREATED and fixed.size is models.BoxSize.XL
    assert batch.totals().refused == 0 and len(batch.parcels) == 1


async def _fill(client: LokClient, size: str) -> None:
    while True:
        try:
            await client.create_reservation(FIRST_LOCATION, reservation_request(size))
        except NoCapacityError:
            return


async def test_no_free_box_says_which_sizes_are_free_here_and_where_else(lok: Clients) -> None:
    owner = await lok("owner")
    await _fill(owner, "xl")
    batch, _service = _batch(owner, rules.Role.OWNER)
    parcel = await batch.submit(_entry(width="50", height="44", length="60"))
    refusal = parcel.refusal
    assert parcel.state is ParcelState.REFUSED and refusal is not None
    assert refusal.reason is Refusal.NO_FREE_BOX and refusal.problem.kind is Kind.NO_CAPACITY
    assert refusal.size is models.BoxSize.XL
    assert models.BoxSize.XL not in refusal.free_here and models.BoxSize.S in refusal.free_here
    assert refusal.free_elsewhere and FIRST_LOCATION not in {f.location_id for f in refusal.free_elsewhere}
    assert all(f.size is models.BoxSize.XL for f in refusal.free_elsewhere)
    # A parcel that needs a size with no free box here takes the next larger free size instead.
    await _fill(owner, "m")
    upsized = await batch.submit(_entry())
    assert upsized.state is ParcelState.CREATED and upsized.size is models.BoxSize.L
    assert upsized.upsized_from is models.BoxSize.M
    assert free_count(batch.location, models.BoxSize.M) == 0


async def test_offline_keeps_the_entry_and_sends_nothing(lok: Clients) -> None:
    client = await lok("employee")
    batch, service = _batch(client)
    service.offline = True
    log = lok.log(client)
    log.clear()
    entry = _entry()
    parcel = await batch.submit(entry)
    assert parcel.state is ParcelState.REFUSED and parcel.refusal is not None
    assert parcel.refusal.reason is Refusal.OFFLINE and parcel.entry == entry
    assert log.starts() == []
    service.offline = False
    assert (await batch.retry(parcel)).state is ParcelState.CREATED


async def test_undo_cancels_a_parcel_created_by_mistake_and_lok_refuses_it_once_delivered(
        lok: Clients, control: SandboxControl) -> None:
    client = await lok("employee")
    batch, _service = _batch(client)
    wrong = await batch.submit(_entry())
    delivered = await batch.submit(_entry())
    await batch.undo(wrong)
    assert wrong.state is ParcelState.CANCELLED and wrong.undo_problem is None
    fresh = await client.get_reservation(wrong.reservation_id)
    assert fresh.reservation.current_status == "cancelled"
    assert (await control.kiosk(delivered.delivery_token or "")).status_code == 200
    await batch.undo(delivered)
    assert delivered.state is ParcelState.CREATED
    assert delivered.undo_problem is not None and delivered.undo_problem.kind is Kind.INVALID_STATE
    totals = batch.totals()
    assert (totals.created, totals.cancelled) == (1, 1)
    assert [p.reservation_id for p in batch.created()] == [delivered.reservation_id]

"""Courier intake: a carrier's batch of parcels created one after another, each guarded before it is sent.

No Qt. A view feeds `IntakeBatch.submit` what the person typed (text, as typed: nothing is lost when a
value cannot be read) and shows the running list the batch keeps. What repeats in a batch (the sender,
the carrier, whether Lok notifies recipients) lives in `CarryOver` and stays from parcel to parcel; what
must not repeat (shipment id, measures, recipient) is in each `ParcelEntry`.

Guards, before anything is sent (Lok's create takes no measures, so the desk is the only box-fit guard):

- the shipment id is missing, repeats one of this batch, or the company already uses it (#8 by
  `shipment_id`; Lok's UNIQUE_SHIPMENT stays the last word for reservations this role cannot list);
- a measure or the weight cannot be read, or the parcel fits no box;
- no free box of the size it needs (or of the size picked) is left here: the refusal says which sizes
  are free here and which other locations this person can see have a box that fits;
- the desk is offline: nothing is sent, the entry is kept to retry.

Each parcel is then created by the desk's one create flow (lok_desk.core.reservations.create's
CreatePresenter, a fresh one per parcel, with its own fit and duplicate guards); its refusals come back
as this batch's. A created parcel's tokens stay in memory only (for the courier sheet), never in a log
or a file.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, TypeVar

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.api.paging import iter_pages
from lok_desk.core import problems, rules
from lok_desk.core.problems import Kind, Problem
from lok_desk.core.reservations.create import CreateForm, CreatePresenter
from lok_desk.core.reservations.fields import FormCheck
from lok_desk.core.service import DeskService

T = TypeVar("T")

SIZES: tuple[models.BoxSize, ...] = tuple(models.BOX_SIZES)
#: Where the desk keeps the carrier's name in the reservation (Lok has no carrier field).
CARRIER_KEY = "carrier"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


#: How a call reaches the server: the desk session's `call` (it tracks offline), or directly.
Call = Callable[[Awaitable[Any]], Awaitable[Any]]


async def _direct(awaitable: Awaitable[T]) -> T:
    return await awaitable


class Refusal(StrEnum):
    """Why a parcel was not created; the desk words each (with the data the refusal carries)."""

    MISSING_SHIPMENT = "missing_shipment"
    NO_SENDER = "no_sender"                      # Lok needs the sender's (or carrier's) name or e-mail
    REPEATED_IN_BATCH = "repeated_in_batch"      # the same shipment id earlier in this batch
    DUPLICATE_SHIPMENT = "duplicate_shipment"    # the company already has it
    NOT_A_NUMBER = "not_a_number"
    NO_SIZE = "no_size"                          # neither measures nor a size
    TOO_HEAVY = "too_heavy"
    TOO_BIG = "too_big"
    SIZE_TOO_SMALL = "size_too_small"            # the size picked cannot take the measures typed
    NO_FREE_BOX = "no_free_box"
    BAD_EMAIL = "bad_email"
    OFFLINE = "offline"
    LOK = "lok"                                  # Lok refused or failed: see the problem's kind


class ParcelState(StrEnum):
    SENDING = "sending"
    CREATED = "created"
    REFUSED = "refused"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class ParcelEntry:
    """One parcel as typed. Measures in cm and weight in kg, as text; `size` "" = from the measures."""

    shipment_id: str = ""
    width: str = ""
    height: str = ""
    length: str = ""
    weight: str = ""
    size: str = ""
    recipient_name: str = ""
    recipient_email: str = ""
    recipient_phone: str = ""
    description: str = ""


@dataclass
class CarryOver:
    """What stays from one parcel to the next in a batch."""

    sender_name: str = ""
    sender_email: str = ""
    sender_phone: str = ""
    carrier: str = ""
    notify_recipient: bool = True


@dataclass(frozen=True)
class FreeElsewhere:
    """Another location this person can see with a free box that takes the parcel."""

    location_id: str
    name: str
    size: models.BoxSize
    free: int | None


@dataclass(frozen=True)
class ParcelRefusal:
    reason: Refusal
    problem: Problem
    #: The size the parcel needs (from its measures) or the size picked.
    size: models.BoxSize | None = None
    free_here: tuple[models.BoxSize, ...] = ()
    free_elsewhere: tuple[FreeElsewhere, ...] = ()
    #: REPEATED_IN_BATCH: the earlier line's number (1-based); TOO_HEAVY: the weight read.
    number: float | None = None

    @property
    def field(self) -> str | None:
        return self.problem.field


@dataclass
class Parcel:
    """One line of the running list. `created` holds the tokens in memory (never in repr)."""

    number: int
    entry: ParcelEntry
    state: ParcelState = ParcelState.SENDING
    size: models.BoxSize | None = None
    #: The size was larger than the measures need, because the smaller one had no free box.
    upsized_from: models.BoxSize | None = None
    refusal: ParcelRefusal | None = None
    created: models.ReservationCreated | None = field(default=None, repr=False)
    undo_problem: Problem | None = None

    @property
    def reservation(self) -> models.Reservation | None:
        return self.created.reservation if self.created is not None else None

    @property
    def reservation_id(self) -> str:
        reservation = self.reservation
        return (reservation.id or "") if reservation is not None else ""

    @property
    def delivery_token(self) -> str | None:
        return self.created.tokens.delivery_token if self.created is not None else None


@dataclass(frozen=True)
class Totals:
    created: int
    refused: int
    cancelled: int
    by_size: dict[models.BoxSize, int]


def parse_number(text: str) -> float | None:
    """ "1,234.5" or "12,5" → float; "" → None; ValueError for anything else (also ≤ 0)."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1 and len(cleaned.split(",")[1]) != 3:
        cleaned = cleaned.replace(",", ".")  # decimal comma
    value = float(cleaned.replace(",", ""))
    if not value > 0 or value != value or value == float("inf"):
        raise ValueError(text)
    return value


_MEASURE_SEPARATORS = re.compile(r"[xX×*/;\s]+")


def split_measures(text: str) -> tuple[str, str, str, str]:
    """One typed field → (width, height, length, weight) as typed: "12x30x40 2", "12 30 40 2,5" and
    "12*30*40/2" all read the same; parts beyond the fourth stay on the weight, so it fails to read."""
    parts = [part for part in _MEASURE_SEPARATORS.split(text.strip()) if part]
    if len(parts) > 4:
        parts = [*parts[:3], " ".join(parts[3:])]
    parts += [""] * (4 - len(parts))
    return parts[0], parts[1], parts[2], parts[3]


def free_count(location: models.LocationDetail | None, size: models.BoxSize) -> int | None:
    """Free boxes of `size` (None: the locker does not say; 0 when it has none of that size)."""
    if location is None:
        return None
    box = location.box(size)
    if box is None:
        return 0
    if box.free is not None:
        return box.free
    if box.available is not None:
        return 1 if box.available else 0
    return None


def _has_free(location: models.LocationDetail | None, size: models.BoxSize) -> bool:
    free = free_count(location, size)
    return free is None or free > 0


def _refuse(reason: Refusal, kind: Kind, *fields: str, size: models.BoxSize | None = None,
            free_here: tuple[models.BoxSize, ...] = (), free_elsewhere: tuple[FreeElsewhere, ...] = (),
            number: float | None = None) -> ParcelRefusal:
    problem = Problem(kind, fields=fields, detail=reason.value)
    return ParcelRefusal(reason, problem, size, free_here, free_elsewhere, number)


@dataclass(frozen=True)
class _Measured:
    size: models.BoxSize | None       # the size the parcel needs (or the one picked)
    weight: float | None
    refusal: ParcelRefusal | None = None


def measure(entry: ParcelEntry) -> _Measured:
    """The desk's own checks of the measures, weight and size (no network)."""
    values: dict[str, float | None] = {}
    for name in ("width", "height", "length", "weight"):
        try:
            values[name] = parse_number(getattr(entry, name))
        except ValueError:
            return _Measured(None, None, _refuse(Refusal.NOT_A_NUMBER, Kind.INVALID, name))
    weight = values["weight"]
    picked: models.BoxSize | None = None
    if entry.size.strip():
        try:
            picked = models.BoxSize(entry.size.strip().lower())
        except ValueError:
            return _Measured(None, weight, _refuse(Refusal.NO_SIZE, Kind.INVALID, "size"))
    heaviest = max(box.max_weight for box in models.BOX_SIZES.values())
    if weight is not None and weight > heaviest:
        return _Measured(picked, weight, _refuse(Refusal.TOO_HEAVY, Kind.BOX_INCOMPATIBLE, "weight",
                                                 number=weight))
    dims = (values["width"], values["height"], values["length"])
    if all(value is None for value in dims):
        if picked is None:
            return _Measured(None, weight, _refuse(Refusal.NO_SIZE, Kind.INVALID, "width", "size"))
        return _Measured(picked, weight)
    for name, value in zip(("width", "height", "length"), dims, strict=True):
        if value is None:
            return _Measured(picked, weight, _refuse(Refusal.NOT_A_NUMBER, Kind.INVALID, name))
    width, height, length = (float(value or 0) for value in dims)
    fitting = models.smallest_fitting_size(width, height, length, weight or 0.0)
    if fitting is None:
        return _Measured(picked, weight, _refuse(Refusal.TOO_BIG, Kind.BOX_INCOMPATIBLE, "width",
                                                 size=SIZES[-1]))
    if picked is not None and SIZES.index(picked) < SIZES.index(fitting):
        return _Measured(picked, weight, _refuse(Refusal.SIZE_TOO_SMALL, Kind.BOX_INCOMPATIBLE, "size",
                                                 size=fitting))
    return _Measured(picked or fitting, weight)


class IntakeBatch:
    """One carrier's batch at one location: submit, retry, undo; the running list and its totals."""

    def __init__(self, service: DeskService, location_id: str, *, capabilities: rules.Capabilities,
                 call: Call = _direct, carry: CarryOver | None = None) -> None:
        self._service = service
        self.location_id = location_id
        self.capabilities = capabilities
        self._call = call
        self.carry = carry if carry is not None else CarryOver()
        self.parcels: list[Parcel] = []
        #: Called with the parcel whose line changed (added, created, refused, retried, undone).
        self.on_change: list[Callable[[Parcel], None]] = []
        self.location: models.LocationDetail | None = None

    def __repr__(self) -> str:
        return f"IntakeBatch({self.location_id}, {len(self.parcels)} parcels)"

    def _changed(self, parcel: Parcel) -> None:
        for callback in list(self.on_change):
            callback(parcel)

    # ---- the running list -----------------------------------------------------------------------
    def totals(self) -> Totals:
        by_size: dict[models.BoxSize, int] = {}
        for parcel in self.parcels:
            if parcel.state is ParcelState.CREATED and parcel.size is not None:
                by_size[parcel.size] = by_size.get(parcel.size, 0) + 1
        count = {state: sum(p.state is state for p in self.parcels) for state in ParcelState}
        return Totals(count[ParcelState.CREATED], count[ParcelState.REFUSED], count[ParcelState.CANCELLED],
                      by_size)

    def created(self) -> list[Parcel]:
        """The parcels on the courier sheet: created and not undone, in the order they were taken."""
        return [p for p in self.parcels if p.state is ParcelState.CREATED]

    # ---- submit / retry / undo ------------------------------------------------------------------
    async def submit(self, entry: ParcelEntry) -> Parcel:
        """Check `entry` and create it; the new line is on the list whatever the answer."""
        parcel = self.add(entry)
        await self.send(parcel)
        return parcel

    def add(self, entry: ParcelEntry) -> Parcel:
        """Put `entry` on the list now (sending), so the next scan already counts it as taken; `send`
        it next. A view that starts the send as a background task calls these two apart."""
        parcel = Parcel(len(self.parcels) + 1, entry)
        self.parcels.append(parcel)
        self._changed(parcel)
        return parcel

    async def send(self, parcel: Parcel) -> Parcel:
        await self._run(parcel)
        return parcel

    async def retry(self, parcel: Parcel, entry: ParcelEntry | None = None) -> Parcel:
        """Send a refused line again, as corrected (`entry`) or as it was."""
        if parcel.state is not ParcelState.REFUSED:
            return parcel
        self.reopen(parcel, entry)
        await self._run(parcel)
        return parcel

    def reopen(self, parcel: Parcel, entry: ParcelEntry | None = None) -> None:
        """Mark a refused line as sending again, as corrected (the first half of `retry`)."""
        parcel.entry = entry if entry is not None else parcel.entry
        parcel.state, parcel.refusal, parcel.upsized_from = ParcelState.SENDING, None, None
        self._changed(parcel)

    async def undo(self, parcel: Parcel) -> Parcel:
        """Cancel a parcel created by mistake (the view asks first). Lok refuses once it is delivered;
        then `undo_problem` says why and the line stays created."""
        if parcel.state is not ParcelState.CREATED or not parcel.reservation_id:
            return parcel
        parcel.undo_problem = None
        try:
            await self._call(self._service.cancel_reservation(parcel.reservation_id))
        except Exception as error:  # every failure becomes the one Problem
            parcel.undo_problem = problems.problem_from(error)
        else:
            parcel.state = ParcelState.CANCELLED
            self._location_changed(parcel.size, +1)
        self._changed(parcel)
        return parcel

    def check(self, entry: ParcelEntry, *, replacing: Parcel | None = None) -> ParcelRefusal | None:
        """The checks that need no server (the view runs them before a line is added, so a typing slip
        is fixed in place): the shipment id, the measures and size, the e-mail. `replacing`: the line
        being corrected, which does not count as a repeat of itself."""
        probe = replacing if replacing is not None else Parcel(0, entry)
        saved, probe.entry = probe.entry, entry
        try:
            return self._local_check(probe)[1]
        finally:
            probe.entry = saved

    def _refused(self, parcel: Parcel, refusal: ParcelRefusal) -> None:
        parcel.state, parcel.refusal = ParcelState.REFUSED, refusal

    async def _run(self, parcel: Parcel) -> None:
        try:
            refusal = await self._send(parcel)
        except Exception as error:  # a bug must not lose the line
            refusal = ParcelRefusal(Refusal.LOK, problems.problem_from(error))
        if refusal is not None:
            self._refused(parcel, refusal)
        self._changed(parcel)

    def _local_check(self, parcel: Parcel) -> tuple[_Measured | None, ParcelRefusal | None]:
        entry = parcel.entry
        shipment = entry.shipment_id.strip()
        if not shipment:
            return None, _refuse(Refusal.MISSING_SHIPMENT, Kind.INVALID, "shipment_id")
        for other in self.parcels:
            if other is parcel or other.state not in (ParcelState.CREATED, ParcelState.SENDING):
                continue
            if other.entry.shipment_id.strip().casefold() == shipment.casefold():
                return None, _refuse(Refusal.REPEATED_IN_BATCH, Kind.DUPLICATE_SHIPMENT, "shipment_id",
                                     number=float(other.number))
        measured = measure(entry)
        if measured.refusal is not None:
            return measured, measured.refusal
        carry = self.carry
        if not (carry.sender_name.strip() or carry.sender_email.strip() or carry.carrier.strip()):
            return measured, _refuse(Refusal.NO_SENDER, Kind.INVALID, "contact_name")
        if entry.recipient_email.strip() and not _EMAIL.match(entry.recipient_email.strip()):
            return measured, _refuse(Refusal.BAD_EMAIL, Kind.INVALID, "recipient_info.email")
        return measured, None

    async def _send(self, parcel: Parcel) -> ParcelRefusal | None:
        measured, refusal = self._local_check(parcel)
        if refusal is not None:
            return refusal
        assert measured is not None and measured.size is not None
        if self._service.offline:
            return _refuse(Refusal.OFFLINE, Kind.OFFLINE)
        shipment = parcel.entry.shipment_id.strip()
        if await self._company_has(shipment):
            return _refuse(Refusal.DUPLICATE_SHIPMENT, Kind.DUPLICATE_SHIPMENT, "shipment_id")
        picked = bool(parcel.entry.size.strip())
        size, refusal = await self._choose_box(measured.size, picked)
        if refusal is not None:
            return refusal
        assert size is not None
        presenter = CreatePresenter(self._service, self.capabilities, location_id=self.location_id,
                                    call=self._call)
        presenter.form = self._form(parcel.entry, size)
        checked = await presenter.submit()
        created = presenter.result
        if created is None:
            return await self._refusal_of(checked, size, picked)
        parcel.state, parcel.created = ParcelState.CREATED, created
        parcel.upsized_from = measured.size if size != measured.size else None
        parcel.size = size
        self._location_changed(size, -1)
        return None

    async def _company_has(self, shipment_id: str) -> bool:
        """Whether Lok already holds this shipment id for the company (any status). A read this role
        may not make is no answer: Lok's own UNIQUE_SHIPMENT guard then has the last word."""
        filters = models.ReservationFilters(shipment_id=shipment_id, only_active=False)
        try:
            page = await self._call(self._service.list_reservations(filters, page_size=5))
        except (api_errors.InsufficientScopeError, api_errors.ForbiddenLocationError):
            return False
        return any((r.shipment_id or "").casefold() == shipment_id.casefold() for r in page.reservations)

    async def refresh_location(self) -> models.LocationDetail:
        self.location = await self._call(self._service.get_location(self.location_id))
        return self.location

    def _location_changed(self, size: models.BoxSize | None, delta: int) -> None:
        """Keep the box counts honest between reads: a create takes a box, an undo frees it."""
        if self.location is None or size is None:
            return
        box = self.location.box(size)
        if box is not None and box.occupied is not None:
            box.occupied = max(0, box.occupied - delta)

    async def _choose_box(self, needed: models.BoxSize, picked: bool
                          ) -> tuple[models.BoxSize | None, ParcelRefusal | None]:
        """The smallest free size from `needed` up (only `needed` itself when the person picked it)."""
        location = await self.refresh_location()
        candidates = (needed,) if picked else SIZES[SIZES.index(needed):]
        for size in candidates:
            if _has_free(location, size):
                return size, None
        return None, await self._no_free_box(needed, picked)

    async def _no_free_box(self, needed: models.BoxSize, picked: bool) -> ParcelRefusal:
        here = self.location
        free_here = tuple(size for size in SIZES if here is not None and _has_free(here, size)
                          and (free_count(here, size) or 0) > 0)
        elsewhere = await self._free_elsewhere(needed, picked)
        return _refuse(Refusal.NO_FREE_BOX, Kind.NO_CAPACITY, "size", size=needed, free_here=free_here,
                       free_elsewhere=elsewhere)

    async def _free_elsewhere(self, needed: models.BoxSize, picked: bool) -> tuple[FreeElsewhere, ...]:
        """Other locations this person can see with a free box that takes the parcel (best effort: a
        read that fails leaves the list empty; the refusal itself stands)."""
        found: list[FreeElsewhere] = []
        sizes = (needed,) if picked else SIZES[SIZES.index(needed):]
        try:
            async for page in iter_pages(self._listed_locations, page_size=100):
                for location in page.locations:
                    if location.id == self.location_id:
                        continue
                    for size in sizes:
                        free = free_count(location, size)
                        if free is not None and free > 0:
                            found.append(FreeElsewhere(location.id, location.internal_name or location.id,
                                                       size, free))
                            break
        except LokError:
            return tuple(found)
        return tuple(found)

    async def _listed_locations(self, *, page: int, page_size: int) -> models.LocationPage:
        listed: models.LocationPage = await self._call(
            self._service.list_locations(page=page, page_size=page_size))
        return listed

    def _form(self, entry: ParcelEntry, size: models.BoxSize) -> CreateForm:
        """The parcel as the one create flow's form (lok_desk.core.reservations.create): the carried
        sender and carrier, the size chosen here, the measures kept for its own fit guard."""
        carry = self.carry
        email = entry.recipient_email.strip()
        return CreateForm(
            location_id=self.location_id, size=size.value, width=entry.width, height=entry.height,
            length=entry.length, shipment_id=entry.shipment_id.strip(), weight=entry.weight,
            description=entry.description, contact_name=carry.sender_name.strip() or carry.carrier.strip(),
            contact_email=carry.sender_email,
            contact_phone=carry.sender_phone, recipient_name=entry.recipient_name, recipient_email=email,
            recipient_phone=entry.recipient_phone, notify=carry.notify_recipient and bool(email),
            additional=[(CARRIER_KEY, carry.carrier.strip())] if carry.carrier.strip() else [])

    async def _refusal_of(self, checked: FormCheck | None, size: models.BoxSize, picked: bool
                          ) -> ParcelRefusal:
        """The create flow's answer when it created nothing, as this batch's refusal."""
        if checked is None or checked.problem is None:     # a send already under way: cannot happen here
            return ParcelRefusal(Refusal.LOK, Problem(Kind.INTERNAL, detail="no answer"))
        problem, error = checked.problem, checked.error
        if error is not None:
            if problem.kind in problems.TRANSIENT or problem.kind is Kind.NOT_SENT_OFFLINE or isinstance(
                    error, api_errors.LokConnectionError):
                return ParcelRefusal(Refusal.OFFLINE, replace(problem, kind=Kind.OFFLINE))
            if problem.kind is Kind.NO_CAPACITY:
                return await self._no_free_box(size, picked)
        if problem.kind is Kind.DUPLICATE_SHIPMENT or "shipment_id" in checked.messages:
            return ParcelRefusal(Refusal.DUPLICATE_SHIPMENT, replace(problem, fields=("shipment_id",)))
        if "recipient_email" in checked.messages:
            return ParcelRefusal(Refusal.BAD_EMAIL, replace(problem, fields=("recipient_info.email",)))
        return ParcelRefusal(Refusal.LOK, problem)

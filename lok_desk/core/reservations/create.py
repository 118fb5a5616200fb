"""Creating a reservation (#25) as a presenter: the form's state, its checks, the box-size assistant and
its fit guard, the duplicate guard, and Lok's answer turned into messages at the form's fields (no Qt).

The create dialog (lok_desk/desk/reservations/create_dialog.py) shows and binds it; courier intake
reuses it. A check or a refusal is a `FormCheck`: one `Text` per form field at fault (FIELDS names them)
and a `Problem` whose `fields` are those names; a failure no field explains has no messages and keeps
Lok's error for the desk's problem path. What the person typed is never touched.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.core import rules
from lok_desk.core.problems import CONTEXT as PROBLEM_CONTEXT
from lok_desk.core.problems import FIELD_REFUSED, QT_TRANSLATE_NOOP
from lok_desk.core.reservations.fields import (
    FormCheck,
    make_check,
    number_problem,
    parse_number,
    people_problems,
)
from lok_desk.core.service import DeskService
from lok_desk.core.text import Text

T = TypeVar("T")


def _fcheck(messages: dict[str, Text], error: LokError | None = None) -> FormCheck:
    return make_check(FIELDS, messages, error)

CONTEXT = "CreateReservationDialog"
MAX_ADDITIONAL_KEYS = 30
SIZES: tuple[models.BoxSize, ...] = tuple(models.BOX_SIZES)
# The form's fields, in the order a person meets them (the first at fault takes the focus).
FIELDS = ("location", "size", "shipment_id", "value", "weight", "description", "contact_name",
          "contact_email", "contact_phone", "recipient_name", "recipient_email", "recipient_phone",
          "notifications", "additional")

# Lok's request keys (as `data.keys` names them) → the form field that holds them.
_KEY_FIELDS: dict[str, str] = {
    "size": "size", "shipment_id": "shipment_id", "location": "location", "location_id": "location",
    "package_info.value": "value", "package_info.weight": "weight",
    "package_info.description": "description", "package_info": "weight",
    "contact_info": "contact_name", "contact_info.name": "contact_name",
    "contact_info.email": "contact_email", "contact_info.phone": "contact_phone",
    "recipient_info": "recipient_name", "recipient_info.name": "recipient_name",
    "recipient_info.email": "recipient_email", "recipient_info.phone": "recipient_phone",
    "recipient_notifications_enabled": "notifications", "additional": "additional",
}


def _direct(awaitable: Awaitable[T]) -> Awaitable[T]:
    return awaitable


def generate_shipment_id(now: datetime | None = None) -> str:
    """A shipment id a person can read out: date and 6 random hex digits (unique enough per company)."""
    when = now or datetime.now(UTC)
    return f"LOK-{when:%y%m%d}-{secrets.token_hex(3).upper()}"


def dims(size: models.BoxSize) -> str:
    box = models.BOX_SIZES[size]
    return f"{box.width:g} × {box.height:g} × {box.length:g} cm"


def free_boxes(location: models.LocationDetail | None, size: str) -> int | None:
    """How many boxes of `size` are free (None when the locker does not say how many)."""
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


def no_box_text(weight: float) -> Text:
    """Why no box takes a package that fits none."""
    heaviest = max(box.max_weight for box in models.BOX_SIZES.values())
    if weight > heaviest:
        return Text.of(CONTEXT, QT_TRANSLATE_NOOP(
            "CreateReservationDialog",
            "No box takes this package: boxes hold up to {max} kg and it weighs {weight} kg."),
            max=f"{heaviest:g}", weight=f"{weight:g}")
    largest = SIZES[-1]
    return Text.of(CONTEXT, QT_TRANSLATE_NOOP(
        "CreateReservationDialog", "No box takes this package: the largest box ({size}) measures {dims}."),
        size=largest.value.upper(), dims=dims(largest))


def fit_advice(
    location: models.LocationDetail | None, width: float, height: float, length: float, weight: float
) -> tuple[models.BoxSize | None, Text]:
    """The smallest size that takes the package AND is free here, with a sentence saying why."""
    fitting = models.smallest_fitting_size(width, height, length, weight)
    name: object = ((location.internal_name or location.id) if location is not None
                    else Text.of(CONTEXT, QT_TRANSLATE_NOOP("CreateReservationDialog", "this location")))
    if fitting is None:
        return None, no_box_text(weight)
    for size in SIZES[SIZES.index(fitting):]:
        free = free_boxes(location, size)
        if free is None or free > 0:
            if size == fitting:
                return size, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                    "CreateReservationDialog", "{size} ({dims}) is the smallest box that fits."),
                    size=size.value.upper(), dims=dims(size))
            return size, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "{size} is the smallest free box that fits: {fitting} would fit, but none is free "
                "at {name}."),
                size=size.value.upper(), fitting=fitting.value.upper(), name=name)
    return None, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
        "CreateReservationDialog",
        "A {fitting} box would fit, but no box of that size or larger is free at {name} right now. "
        "Try another location."), fitting=fitting.value.upper(), name=name)


@dataclass
class CreateForm:
    """What the person typed, as typed (text), so nothing is lost when a check or Lok refuses it."""

    location_id: str | None = None
    size: str | None = None
    width: str = ""
    height: str = ""
    length: str = ""
    shipment_id: str = ""
    value: str = ""
    weight: str = ""
    description: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    recipient_name: str = ""
    recipient_email: str = ""
    recipient_phone: str = ""
    notify: bool = False
    additional: list[tuple[str, str]] = field(default_factory=list)


def field_for_key(key: str) -> str | None:
    """The form field that holds one of Lok's request keys ("recipient_info.email" → "recipient_email")."""
    key = key.replace("[", ".").replace("]", "").removeprefix("body.").removeprefix("payload.")
    while key:
        if key in _KEY_FIELDS:
            return _KEY_FIELDS[key]
        if key.startswith("additional."):
            return "additional"
        key = key.rpartition(".")[0]
    return None


@dataclass(frozen=True)
class SizeSuggestion:
    """The assistant's answer: the size to choose (None: none), its sentence, and the measure fields
    still missing (the view moves the cursor to the first)."""

    size: models.BoxSize | None
    text: Text
    missing: tuple[str, ...] = ()


class CreatePresenter:
    """One create flow: `form` holds the typing, `check()` / `submit()` answer with a `FormCheck`."""

    def __init__(
        self,
        service: DeskService,
        capabilities: rules.Capabilities,
        *,
        location_id: str | None = None,
        call: Callable[[Awaitable[Any]], Awaitable[Any]] = _direct,
    ) -> None:
        self._service = service
        self.capabilities = capabilities
        self._call = call
        self.form = CreateForm(location_id=location_id if capabilities.sees_all_locations
                               else capabilities.location_id)
        self.generated_shipment_id = generate_shipment_id()
        # Fresh box counts per location (#22), read when the location is chosen.
        self.availability: dict[str, models.LocationDetail] = {}
        self.submitting = False
        self.result: models.ReservationCreated | None = None

    # --- where -------------------------------------------------------------------------------
    def locations(self) -> list[models.LocationDetail]:
        """The locations this person may create reservations at."""
        return [location for location in self._service.store.locations()
                if location.id and self.capabilities.can_write_reservations(location.id)]

    def location(self) -> models.LocationDetail | None:
        location_id = self.form.location_id
        if location_id is None:
            return None
        return self.availability.get(location_id) or self._service.store.location(location_id)

    def free(self, size: str) -> int | None:
        return free_boxes(self.location(), size)

    def keep_availability(self, location: models.LocationDetail) -> None:
        if location.id:
            self.availability[location.id] = location

    # --- the assistant -----------------------------------------------------------------------
    def measures(self) -> tuple[dict[str, float], tuple[str, ...]]:
        """The measures and weight as numbers, and the fields missing or unreadable."""
        values: dict[str, float] = {}
        missing: list[str] = []
        for key in ("width", "height", "length", "weight"):
            try:
                value = parse_number(getattr(self.form, key))
            except ValueError:
                value = None
            if value is None or value <= 0:
                missing.append(key)
            else:
                values[key] = value
        return values, tuple(missing)

    def suggest_size(self) -> SizeSuggestion:
        """Measures + weight → the smallest free size (chosen in the form when there is one)."""
        values, missing = self.measures()
        if missing == ("weight",):
            # The weight sits under Package, out of sight of the button: say where.
            return SizeSuggestion(None, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "Enter the package's weight in kg (under Package, now selected), then press “Find the "
                "smallest free box” again.")), missing)
        if missing:
            return SizeSuggestion(None, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "Enter the package's width, height and length (cm) and its weight (kg, under Package); "
                "the cursor is on the first one missing.")), missing)
        size, text = fit_advice(self.location(), values["width"], values["height"], values["length"],
                                values["weight"])
        if size is not None:
            self.form.size = size.value
        return SizeSuggestion(size, text)

    def hint_after_edit(self, asked_for: tuple[str, ...]) -> Text | None:
        """Once the fields the assistant asked for are all filled, its request ("Enter the package's
        weight…") is stale: the hint that replaces it. None while one is still missing."""
        if not asked_for:
            return None
        _, missing = self.measures()
        if set(asked_for) & set(missing):
            return None
        return Text.of(CONTEXT, QT_TRANSLATE_NOOP(
            "CreateReservationDialog", "Measures and weight entered: press “Find the smallest free box”."))

    def fit_refusal(self) -> Text | None:
        """A package whose measures fit no box, or not the chosen size, is refused before it is sent:
        Lok's create takes no measures, so the desk is the only guard (issue 19 point 7)."""
        values, missing = self.measures()
        if any(key in missing for key in ("width", "height", "length")):
            return None   # measures not given: Lok checks the weight itself
        weight = values.get("weight", 0.0)
        fitting = models.smallest_fitting_size(values["width"], values["height"], values["length"], weight)
        if fitting is None:
            return Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "{0} It cannot be reserved: send it another way, or split it into parcels that fit."),
                no_box_text(weight))
        size = self.form.size
        if size in models.BOX_SIZES and SIZES.index(models.BoxSize(size)) < SIZES.index(fitting):
            return Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "This package does not fit a {size} box (its measures need {fitting} or larger). Choose a "
                "larger size, or press “Find the smallest free box”."),
                size=size.upper(), fitting=fitting.value.upper())
        return None

    # --- checks ------------------------------------------------------------------------------
    def additional(self) -> tuple[dict[str, str], Text | None]:
        data: dict[str, str] = {}
        for row, (raw_key, value) in enumerate(self.form.additional):
            key = raw_key.strip()
            if not key and not value:
                continue
            if not key:
                return data, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                    "CreateReservationDialog", "Row {0} has a value but no key."), row + 1)
            if key.lower().startswith("lok"):
                return data, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                    "CreateReservationDialog",
                    "The key “{0}” starts with “lok”: those keys are reserved for Lok and would be ignored. "
                    "Rename it."), key)
            if key in data:
                return data, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                    "CreateReservationDialog", "The key “{0}” appears twice."), key)
            data[key] = value
        if len(data) > MAX_ADDITIONAL_KEYS:
            return data, Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog", "Lok keeps at most {0} keys; there are {1}. Remove some."),
                MAX_ADDITIONAL_KEYS, len(data))
        return data, None

    def check(self) -> FormCheck:
        """Every problem of the form at its field (nothing is sent)."""
        form = self.form
        messages: dict[str, Text] = {}
        if form.location_id is None:
            messages["location"] = Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog", "Choose the location of the locker."))
        refusal = self.fit_refusal()
        if refusal is not None:
            messages["size"] = refusal
        elif form.size is None:
            messages["size"] = Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog", "Choose a box size (the assistant below can pick one)."))
        numbers: dict[str, float | None] = {}
        for key in ("value", "weight"):
            if (problem := number_problem(getattr(form, key), numbers, key)) is not None:
                messages[key] = problem
        messages.update(people_problems(vars(form)))
        if form.notify and not form.recipient_email.strip():
            messages["notifications"] = Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog", "To e-mail the pick-up token, enter the recipient's e-mail."))
        _, problem = self.additional()
        if problem is not None:
            messages["additional"] = problem
        shipment = form.shipment_id.strip()
        if shipment and "shipment_id" not in messages and self._used(shipment):
            messages["shipment_id"] = self._used_text(shipment)
        return _fcheck(messages) if messages else FormCheck()

    def _used(self, shipment_id: str) -> bool:
        """The duplicate guard: a shipment id this desk already knows at the company is refused here
        (Lok would refuse it too: 409 UNIQUE_SHIPMENT_ID)."""
        known = self._service.store.by_shipment_id(shipment_id)
        return known is not None and known.id != (self.result.reservation.id if self.result else None)

    @staticmethod
    def _used_text(shipment_id: str) -> Text:
        return Text.of(CONTEXT, QT_TRANSLATE_NOOP(
            "CreateReservationDialog",
            "The shipment id “{0}” is already used by another reservation of your company. Choose another, "
            "or leave it empty to get a new one."), shipment_id)

    def request(self) -> models.ReservationRequest:
        """The #25 body of a form that passed `check()`."""
        form = self.form
        numbers = {key: parse_number(getattr(form, key)) for key in ("value", "weight")}
        package: dict[str, Any] = {k: v for k, v in numbers.items() if v is not None}
        if form.description.strip():
            package["description"] = form.description.strip()

        def person(prefix: str) -> dict[str, str]:
            found = {key: getattr(form, f"{prefix}_{key}").strip() for key in ("name", "email", "phone")}
            return {k: v for k, v in found.items() if v}

        additional, _ = self.additional()
        recipient = person("recipient")
        return models.ReservationRequest(
            size=str(form.size),
            shipment_id=form.shipment_id.strip() or self.generated_shipment_id,
            package_info=models.ReservationPackageInfo(**package) if package else None,
            contact_info=models.ContactInfo(**person("contact")),
            recipient_info=models.RecipientInfo(**recipient) if recipient else None,
            recipient_notifications_enabled=form.notify,
            additional=additional or None,
        )

    # --- sending -----------------------------------------------------------------------------
    async def submit(self) -> FormCheck | None:
        """Check, send #25 once, and answer: None while a send is under way (a second press does
        nothing), an ok `FormCheck` once created (`result` holds Lok's reply; pressing again creates
        nothing more), else what is wrong."""
        if self.submitting:
            return None
        if self.result is not None:
            return FormCheck()
        checked = self.check()
        if not checked.ok:
            return checked
        request = self.request()
        location_id = self.form.location_id
        assert location_id is not None
        self.submitting = True
        try:
            self.result = await self._call(self._service.create_reservation(location_id, request))
        except LokError as error:
            return self.refusal(error, request)
        finally:
            self.submitting = False
        return FormCheck()

    def refusal(self, error: LokError, request: models.ReservationRequest) -> FormCheck:
        """Lok's refusal at the form's fields (the general problem path when no field explains it)."""
        location: object = self.location_name()
        size = str(request.size).upper()
        if isinstance(error, api_errors.UniqueShipmentError):
            return _fcheck({"shipment_id": self._used_text(request.shipment_id or "")}, error=error)
        if isinstance(error, api_errors.NoCapacityError):
            return _fcheck({"size": Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "No {0} box is free at {1} right now. Choose another size or location."), size, location)},
                error=error)
        if isinstance(error, api_errors.BoxIncompatibleError):
            largest = SIZES[-1]
            return _fcheck({"size": Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "No box can hold this package (boxes take up to {0:g} kg and {1} at most). Check its weight "
                "and measures."), models.BOX_SIZES[largest].max_weight, dims(largest))}, error=error)
        if isinstance(error, api_errors.LocationLockedError):
            return _fcheck({"location": Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "CreateReservationDialog",
                "{0} is temporarily locked and takes no new reservations. Try again later or choose another "
                "location."), location)}, error=error)
        placed = {field: Text.of(PROBLEM_CONTEXT, FIELD_REFUSED)
                  for key in error.keys if (field := field_for_key(key)) is not None}
        if placed and not isinstance(error, api_errors.InvalidDueDateError):
            return _fcheck(placed, error=error)
        return make_check(FIELDS, {}, error)

    def location_name(self) -> str:
        location = self.location()
        if location is not None:
            return location.internal_name or location.id or ""
        return self.form.location_id or ""

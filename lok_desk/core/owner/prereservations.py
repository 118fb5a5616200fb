"""Pre-reservation flows (no Qt): find lockers with room (#28), then pre-reserve one with the grant Lok
handed out (#30). Updating, quoting and requesting the shipment are reservation flows
(lok_desk/core/reservations).

`PreReservations` holds the last search (its grant and lockers) and the pre-reservation created; the
desk's own checks answer with a message under each field, Lok's refusals with a `Problem` whose fields
are the form's ("weight", "contact_email" …) and whose facts keep Lok's reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from lok_desk.api import LokError, models
from lok_desk.core.owner._flow import Call, Outcome, direct, problem_of, refused
from lok_desk.core.problems import QT_TRANSLATE_NOOP, Kind
from lok_desk.core.reservations.fields import number_problem, people_problems
from lok_desk.core.service import DeskService
from lok_desk.core.text import Text

__all__ = ["FORM_FIELDS", "PreReservationForm", "PreReservations", "schedule_text"]

CONTEXT = "PreReservationsPane"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MAX_WEIGHT_KG = 25.0
SEARCHING = QT_TRANSLATE_NOOP("explain_error", "searching lockers")
CREATING = QT_TRANSLATE_NOOP("explain_error", "creating the pre-reservation")
ZIP_NEEDED = QT_TRANSLATE_NOOP("PreReservationsPane", "Type a zip code, or search by coordinates.")
NO_ROOM = QT_TRANSLATE_NOOP("PreReservationsPane", "No locker with a free box of that size nearby.")
IN_THE_PAST = QT_TRANSLATE_NOOP("PreReservationsPane", "The delivery date is in the past.")
TOO_HEAVY = QT_TRANSLATE_NOOP("PreReservationsPane", "Lockers take packages up to 25 kg.")
NEEDS_EMAIL = QT_TRANSLATE_NOOP("PreReservationsPane", "To e-mail the pick-up token, enter the recipient's "
                                                       "e-mail.")
OPEN_24 = QT_TRANSLATE_NOOP("PreReservationsPane", "Open 24 h")
CLOSED_TODAY = QT_TRANSLATE_NOOP("PreReservationsPane", "Closed today")
OPEN_NOW = QT_TRANSLATE_NOOP("PreReservationsPane", "Open now · {hours}")
CLOSED_NOW = QT_TRANSLATE_NOOP("PreReservationsPane", "Closed now · today {hours}")

# Lok's request keys -> the form's fields (any part of a dotted key; the first that matches).
FORM_FIELDS: dict[str, str] = {
    "delivery_date": "delivery_date", "shipment_id": "shipment_id", "weight": "weight", "value": "value",
    "description": "description", "size": "size", "zip_code": "zip",
}
_PEOPLE = {"contact_info": "contact", "recipient_info": "recipient"}


def schedule_text(location: models.AvailableLocation, now: datetime | None = None) -> Text:
    """"Open now · 09:00–18:00", "Closed now · today 09:00–14:00", "Closed today" or "Open 24 h"."""
    if location.is_24:
        return Text.of(CONTEXT, OPEN_24)
    local = location.local_now(now)
    today = WEEKDAYS[local.weekday()]
    day = next((d for d in location.service_days if str(d.string_weekday) == today
                or d.weekday == local.weekday() + 1), None)
    if day is None:
        return Text.of(CONTEXT, CLOSED_TODAY)
    hours = f"{day.opening_time}–{day.closing_time}"
    return Text.of(CONTEXT, OPEN_NOW if location.is_open_at(local) else CLOSED_NOW, hours=hours)


@dataclass
class PreReservationForm:
    """What the person typed (text as typed; the presenter checks and converts it)."""

    size: str | None = None            # None: the smallest free box
    delivery_date: datetime | None = None
    shipment_id: str = ""
    description: str = ""
    value: str = ""
    weight: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    recipient_name: str = ""
    recipient_email: str = ""
    recipient_phone: str = ""
    notify: bool = False

    def text(self, key: str) -> str:
        return str(getattr(self, key)).strip()


def _form_key(path: str) -> str:
    parts = path.split(".")
    if parts[0] in _PEOPLE:
        return f"{_PEOPLE[parts[0]]}_{parts[1] if len(parts) > 1 else 'name'}"
    if parts[0] == "package_info" and len(parts) == 1:
        return "weight"
    return next((FORM_FIELDS[part] for part in parts if part in FORM_FIELDS), path)


class PreReservations:
    """The pane's state: the last search and what was created."""

    def __init__(self, service: DeskService, call: Call | None = None) -> None:
        self._service = service
        self._call: Call = call or direct
        self.grant: str | None = None
        self.locations: list[models.AvailableLocation] = []
        self.searched = False
        self.created: models.ReservationCreated | None = None

    async def search(self, size: str | None, distance_km: float, *, zip_code: str = "",
                     coords: tuple[float, float] | None = None) -> Outcome[list[models.AvailableLocation]]:
        """#28 by zip code, or by (longitude, latitude) when `coords` is given."""
        common: dict[str, object] = {"max_distance": distance_km * 1000.0, "limit": 20, "size": size}
        if coords is None:
            if not zip_code.strip():
                return refused({"zip": Text.of(CONTEXT, ZIP_NEEDED)})
            search = models.AvailabilitySearch(zip_code=zip_code.strip(), **common)
        else:
            point = models.SearchCoords.model_validate({"long": coords[0], "lat": coords[1]})
            search = models.AvailabilitySearch(coords=point, **common)
        try:
            result = await self._call(self._service.search_available_locations(search))
        except LokError as error:
            if error.status_code == 422 and "size" in error.keys:
                # No room is an answer about the search, said at the zip code (or the search line).
                return Outcome(problem=problem_of(error, SEARCHING, {"size": "zip"}),
                               messages=(("zip", Text.of(CONTEXT, NO_ROOM)),))
            return Outcome(problem=problem_of(error, SEARCHING, _form_key))
        self.grant, self.locations, self.searched = result.grant, list(result.locations), True
        return Outcome(value=self.locations)

    def problems(self, form: PreReservationForm, now: datetime | None = None) -> dict[str, Text]:
        """The desk's own checks, by field (in the form's order)."""
        problems: dict[str, Text] = {}
        moment = now or datetime.now(UTC)
        if form.delivery_date is not None and form.delivery_date < moment - timedelta(minutes=1):
            problems["delivery_date"] = Text.of(CONTEXT, IN_THE_PAST)
        numbers: dict[str, float | None] = {}
        for key in ("value", "weight"):
            if (problem := number_problem(form.text(key), numbers, key)) is not None:
                problems[key] = problem
        weight = numbers.get("weight")
        if "weight" not in problems and weight is not None and not 0 < weight <= MAX_WEIGHT_KG:
            problems["weight"] = Text.of(CONTEXT, TOO_HEAVY)
        people = {key: form.text(key) for key in ("contact_name", "contact_email", "contact_phone",
                                                   "recipient_email", "recipient_phone")}
        problems.update(people_problems(people))
        if form.notify and not form.text("recipient_email") and "recipient_email" not in problems:
            problems["recipient_email"] = Text.of(CONTEXT, NEEDS_EMAIL)
        return problems

    @staticmethod
    def request(form: PreReservationForm) -> models.PreReservationRequest:
        """The #30 body from a form `problems` found nothing wrong with."""
        def person(prefix: str) -> dict[str, str]:
            return {k: v for k in ("name", "email", "phone") if (v := form.text(f"{prefix}_{k}"))}

        numbers: dict[str, float | None] = {}
        for key in ("value", "weight"):
            number_problem(form.text(key), numbers, key)
        package = {k: v for k, v in (("description", form.text("description") or None),
                                     ("value", numbers.get("value")), ("weight", numbers.get("weight")))
                   if v is not None}
        recipient = person("recipient")
        delivery = form.delivery_date or datetime.now(UTC) + timedelta(days=1)
        return models.PreReservationRequest(
            size=form.size, delivery_date=delivery.astimezone(UTC),
            shipment_id=form.text("shipment_id") or None,
            package_info=models.ReservationPackageInfo(**package) if package else None,
            contact_info=models.ContactInfo(**person("contact")),
            recipient_info=models.RecipientInfo(**recipient) if recipient else None,
            recipient_notifications_enabled=form.notify)

    async def create(self, location: models.AvailableLocation,
                     form: PreReservationForm) -> Outcome[models.ReservationCreated]:
        """#30 in the chosen locker with the search's grant; an expired grant asks for a new search."""
        if (problems := self.problems(form)):
            return refused(problems)
        if not self.grant:
            return Outcome()
        try:
            created = await self._call(
                self._service.create_pre_reservation(location.id, self.grant, self.request(form)))
        except LokError as error:
            problem = problem_of(error, CREATING, _form_key)
            if problem.kind is Kind.GRANT_EXPIRED:
                self.grant = None
            return Outcome(problem=problem)
        self.created = created
        return Outcome(value=created)

"""Changing an unconfirmed pre-reservation (#16) as a presenter: the fields as typed, their checks, only
what changed is sent, Lok's refusal at the field it concerns (no Qt)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.core.problems import QT_TRANSLATE_NOOP
from lok_desk.core.reservations.fields import FormCheck, make_check, number_problem, people_problems
from lok_desk.core.service import DeskService
from lok_desk.core.text import Text

T = TypeVar("T")

CONTEXT = "UpdatePreReservationDialog"
# The form's fields, in order.
FIELDS = ("delivery_date", "value", "weight", "description", "contact_name", "contact_email", "contact_phone",
          "recipient_name", "recipient_email", "recipient_phone")
TEXT_FIELDS = FIELDS[1:]


def _direct(awaitable: Awaitable[T]) -> Awaitable[T]:
    return awaitable


def _shown(value: object) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


class UpdatePresenter:
    """`values` start as the reservation's; `delivery_date` is None until the person changes it."""

    def __init__(
        self,
        service: DeskService,
        reservation_id: str,
        *,
        call: Callable[[Awaitable[Any]], Awaitable[Any]] = _direct,
        shown: models.Reservation | None = None,
    ) -> None:
        """`shown`: what the person is looking at, when the store does not know it (yet)."""
        self._service = service
        self.reservation_id = reservation_id
        self._call = call
        reservation = service.store.get(reservation_id) or shown
        package = reservation.package_info if reservation is not None else None
        contact = reservation.contact_info if reservation is not None else None
        recipient = reservation.recipient_info if reservation is not None else None
        self.original_due = reservation.delivery_due_date if reservation is not None else None
        self.values: dict[str, str] = {
            "value": _shown(getattr(package, "value", None)),
            "weight": _shown(getattr(package, "weight", None)),
            "description": _shown(getattr(package, "description", None)),
            "contact_name": _shown(getattr(contact, "name", None)),
            "contact_email": _shown(getattr(contact, "email", None)),
            "contact_phone": _shown(getattr(contact, "phone", None)),
            "recipient_name": _shown(getattr(recipient, "name", None)),
            "recipient_email": _shown(getattr(recipient, "email", None)),
            "recipient_phone": _shown(getattr(recipient, "phone", None)),
        }
        # A new delivery date the person chose (None: unchanged).
        self.delivery_date: datetime | None = None
        self.result: models.ReservationCreated | None = None
        self.submitting = False

    def reservation(self) -> models.Reservation | None:
        return self._service.store.get(self.reservation_id)

    def check(self) -> tuple[FormCheck, models.PreReservationUpdate | None]:
        numbers: dict[str, float | None] = {}
        messages: dict[str, Text] = {}
        for key in ("value", "weight"):
            if (problem := number_problem(self.values[key], numbers, key)) is not None:
                messages[key] = problem
        messages.update(people_problems(self.values))
        if messages:
            return make_check(FIELDS, messages), None

        def text(key: str) -> str | None:
            return self.values[key].strip() or None

        body: dict[str, Any] = {
            "package_info": models.ReservationPackageInfo(
                value=numbers.get("value"), weight=numbers.get("weight"), description=text("description")),
            "contact_info": models.ContactInfo(
                name=text("contact_name"), email=text("contact_email"), phone=text("contact_phone")),
            "recipient_info": models.RecipientInfo(
                name=text("recipient_name"), email=text("recipient_email"), phone=text("recipient_phone")),
        }
        if self.delivery_date is not None and self.delivery_date != self.original_due:
            body["delivery_date"] = self.delivery_date
        return FormCheck(), models.PreReservationUpdate(**body)

    async def submit(self) -> FormCheck | None:
        """None while a save is under way; ok once saved (`result`); else what is wrong, at its field."""
        if self.submitting:
            return None
        checked, update = self.check()
        if update is None:
            return checked
        self.submitting = True
        try:
            self.result = await self._call(self._service.update_pre_reservation(self.reservation_id, update))
        except LokError as error:
            return self.refusal(error)
        finally:
            self.submitting = False
        return FormCheck()

    @staticmethod
    def refusal(error: LokError) -> FormCheck:
        if isinstance(error, api_errors.InvalidDueDateError):
            return make_check(FIELDS, {"delivery_date": Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "UpdatePreReservationDialog", "Pick a delivery date in the future."))}, error)
        if isinstance(error, api_errors.BoxIncompatibleError):
            return make_check(FIELDS, {"weight": Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "UpdatePreReservationDialog", "No box can hold this package (25 kg at most)."))}, error)
        general = None
        if error.status_code == 410:
            general = Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "UpdatePreReservationDialog",
                "This pre-reservation is confirmed or expired and can no longer be changed."))
        return make_check(FIELDS, {}, error, general=general)

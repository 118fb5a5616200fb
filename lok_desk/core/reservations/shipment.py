"""Requesting a courier shipment (#33 quote, then #32) as a presenter: the pick-up address and contact as
typed, their checks, the quote that a change of address voids, and Lok's refusal (no Qt)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from lok_desk.api import LokError, models
from lok_desk.core.problems import QT_TRANSLATE_NOOP
from lok_desk.core.reservations.fields import CONTEXT as FIELD_CONTEXT
from lok_desk.core.reservations.fields import REQUIRED, FormCheck, make_check, phone_problem
from lok_desk.core.service import DeskService
from lok_desk.core.text import Text

T = TypeVar("T")

CONTEXT = "RequestShipmentDialog"
FIELDS = ("street", "number", "town", "zip_code", "references", "name", "phone")
REQUIRED_FIELDS = ("street", "number", "town", "zip_code", "phone")


def _direct(awaitable: Awaitable[T]) -> Awaitable[T]:
    return awaitable


class ShipmentPresenter:
    """`values` as typed; `await quote()` first, then `await submit()` at that fee."""

    def __init__(
        self,
        service: DeskService,
        reservation_id: str,
        *,
        call: Callable[[Awaitable[Any]], Awaitable[Any]] = _direct,
    ) -> None:
        self._service = service
        self.reservation_id = reservation_id
        self._call = call
        self.values: dict[str, str] = dict.fromkeys(FIELDS, "")
        self.quoted: models.ShippingQuote | None = None
        self.result: models.ShipmentRequested | None = None

    def edit(self, key: str, text: str) -> bool:
        """The person changed a field; True when that voided the quote (ask for a new one)."""
        self.values[key] = text
        voided = self.quoted is not None
        self.quoted = None
        return voided

    def check(self) -> tuple[FormCheck, models.ShipmentRequest | None]:
        messages: dict[str, Text] = {}
        for key in REQUIRED_FIELDS:
            if not self.values[key].strip():
                messages[key] = Text.of(FIELD_CONTEXT, REQUIRED)
        if "phone" not in messages and (problem := phone_problem(self.values["phone"].strip())) is not None:
            messages["phone"] = problem
        if messages:
            return make_check(FIELDS, messages), None

        def text(key: str) -> str:
            return self.values[key].strip()

        return FormCheck(), models.ShipmentRequest(
            origin=models.PickupAddress(street=text("street"), number=text("number"), town=text("town"),
                                        zip_code=text("zip_code"), references=text("references") or None),
            contact=models.PickupContact(phone=text("phone"), name=text("name") or None),
        )

    async def quote(self) -> FormCheck:
        checked, request = self.check()
        if request is None:
            return checked
        try:
            self.quoted = await self._call(self._service.quote_shipment(self.reservation_id, request))
        except LokError as error:
            return self.refusal(error)
        return FormCheck()

    async def submit(self) -> FormCheck:
        checked, request = self.check()
        if request is None:
            return checked
        if self.quoted is None:
            return make_check(FIELDS, {}, general=Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "RequestShipmentDialog", "Get a quotation first")))
        try:
            self.result = await self._call(self._service.request_shipment(self.reservation_id, request))
        except LokError as error:
            return self.refusal(error)
        return FormCheck()

    @staticmethod
    def refusal(error: LokError) -> FormCheck:
        general = None
        if error.status_code == 410:
            general = Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "RequestShipmentDialog",
                "This pre-reservation can no longer be shipped (it is confirmed or expired)."))
        elif error.status_code == 422:
            general = Text.of(CONTEXT, QT_TRANSLATE_NOOP(
                "RequestShipmentDialog",
                "Lok needs more information on the reservation before a courier can take it. Check its "
                "package and recipient, then try again."))
        return make_check(FIELDS, {}, error, general=general)

"""Models of the locations section: addresses, opening hours, boxes, available lockers."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta
from typing import Annotated, Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BeforeValidator, Field, model_validator

from .. import tolerance
from .base import LokModel
from .enums import BoxSize, Weekday
from .fields import BoxSizeValue, WeekdayValue, _zip_text

log = logging.getLogger(__name__)





ZipCode = Annotated[str | None, BeforeValidator(_zip_text)]


class LocationAddress(LokModel):
    parking: bool | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str | None = None
    number: str | None = None
    town: str | None = None
    zip_code: ZipCode = None
    references: str | None = None
    cross_streets: str | None = None

    def one_line(self) -> str:
        """"Street 12, Town, City": what a person reads in a table cell."""
        street = " ".join(part for part in (self.street, self.number) if part)
        return ", ".join(part for part in (street, self.town, self.city) if part)


_LATITUDE_KEYS = ("latitude", "lat")
_LONGITUDE_KEYS = ("longitude", "lng", "long", "lon")


class Coordinates(LokModel):
    """Documented as `{latitude, longitude}`; `{lat, lng}`, `{lat, long}` and `{lat, lon}` read too."""

    latitude: float
    longitude: float

    @model_validator(mode="before")
    @classmethod
    def _other_names(cls, data: Any) -> Any:
        if not isinstance(data, dict) or ("latitude" in data and "longitude" in data):
            return data
        lat = next((key for key in _LATITUDE_KEYS if data.get(key) is not None), None)
        lng = next((key for key in _LONGITUDE_KEYS if data.get(key) is not None), None)
        if lat is None or lng is None:
            return data
        detail = f"{{{lat}, {lng}}} instead of {{latitude, longitude}}"
        tolerance.note(tolerance.FIELD_NAME, "Coordinates", detail)
        renamed = {k: v for k, v in data.items() if k not in (lat, lng)}
        renamed.update(latitude=data[lat], longitude=data[lng])
        return renamed


#: `weekday` numbers: the contract leaves the numbering open. 1–6 are Monday–Saturday in both the
#: ISO and the JavaScript numbering; Sunday is 7 in one and 0 in the other, so both read as Sunday.
WEEKDAY_BY_NUMBER: dict[int, Weekday] = {
    0: Weekday.SUNDAY, 1: Weekday.MONDAY, 2: Weekday.TUESDAY, 3: Weekday.WEDNESDAY,
    4: Weekday.THURSDAY, 5: Weekday.FRIDAY, 6: Weekday.SATURDAY, 7: Weekday.SUNDAY,
}


def _weekday_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


class ServiceDay(LokModel):
    """One day of opening hours. `weekday` and `string_weekday` may each come as a number or a name."""

    weekday: int | None = None
    string_weekday: WeekdayValue | None = None
    opening_time: str = "09:00"
    closing_time: str = "18:00"

    @model_validator(mode="before")
    @classmethod
    def _weekday_forms(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        number = _weekday_number(data.get("weekday"))
        name = data.get("string_weekday")
        named_by_number = _weekday_number(name)
        weekday = data.get("weekday")
        if isinstance(weekday, str) and number is None:
            # A name where the number is documented: the name is what the hours are matched by.
            detail = "a weekday name where a number is documented"
            tolerance.note(tolerance.FIELD_TYPE, "ServiceDay.weekday", detail)
            data = {k: v for k, v in data.items() if k != "weekday"}
            if name is None:
                data["string_weekday"] = weekday
            return data
        if named_by_number is not None:
            detail = "a number where a weekday name is documented"
            tolerance.note(tolerance.FIELD_TYPE, "ServiceDay.string_weekday", detail)
            data = dict(data)
            data["string_weekday"] = WEEKDAY_BY_NUMBER.get(named_by_number, name)
            if number is None:
                data["weekday"] = named_by_number
            return data
        if name is None and number is not None and number in WEEKDAY_BY_NUMBER:
            detail = "missing; read from the weekday number"
            tolerance.note(tolerance.FIELD_NAME, "ServiceDay.string_weekday", detail)
            data = dict(data)
            data["string_weekday"] = WEEKDAY_BY_NUMBER[number]
        return data

    def opening(self) -> time | None:
        return _parse_hhmm(self.opening_time)

    def closing(self) -> time | None:
        return _parse_hhmm(self.closing_time)


def _parse_hhmm(text: str) -> time | None:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return None


class BoxAvailability(LokModel):
    size: BoxSizeValue | None = None
    total: int | None = None
    occupied: int | None = None
    available: bool | None = None

    @property
    def free(self) -> int | None:
        """Free boxes of this size, when the locker reports counts (private lockers only)."""
        if self.total is None or self.occupied is None:
            return None
        return max(self.total - self.occupied, 0)


class LocationSummary(LokModel):
    id: str
    uuid: str | None = None
    internal_name: str | None = None
    address: LocationAddress | None = None


class _LocationWithHours(LocationSummary):
    coords: Coordinates | None = None
    phone: str | None = None
    service_days: list[ServiceDay] = Field(default_factory=list)
    timezone: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The location's IANA time zone; UTC when it is missing or unknown to this computer."""
        if self.timezone:
            try:
                return ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                log.info("Unknown time zone %r for location %s; showing UTC", self.timezone, self.id)
        return ZoneInfo("UTC")

    def local_now(self, now: datetime | None = None) -> datetime:
        """The wall-clock time at the locker (aware)."""
        instant = now or datetime.now(UTC)
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        return instant.astimezone(self.zone)

    def is_open_at(self, when: datetime) -> bool:
        """Whether `when` falls in the opening hours of its local weekday (from `string_weekday`).

        Only `string_weekday` is used: the numbering of `weekday` is not stated by the contract.
        A closing time at or before the opening time is read as "open past midnight".
        No service days at all → False (nothing says it is open).
        """
        local = self.local_now(when)
        day_name = local.strftime("%A").lower()
        previous_name = (local - timedelta(days=1)).strftime("%A").lower()
        clock = local.time().replace(tzinfo=None)
        for day in self.service_days:
            opening, closing = day.opening(), day.closing()
            if opening is None or closing is None:
                continue
            name = str(day.string_weekday or "").lower()
            if closing > opening:
                if name == day_name and opening <= clock < closing:
                    return True
            else:  # overnight (or 24 h when equal)
                if name == day_name and clock >= opening:
                    return True
                if name == previous_name and clock < closing:
                    return True
        return False


class LocationDetail(_LocationWithHours):
    """#4 and #22 location."""

    boxes: list[BoxAvailability] = Field(default_factory=list)
    public_boxes: int | None = None

    def box(self, size: BoxSize | str) -> BoxAvailability | None:
        for box in self.boxes:
            if box.size == size:
                return box
        return None


class AvailableLocation(_LocationWithHours):
    """#28 location (no boxes)."""

    distance: float | None = None
    host: str | None = None
    is_24: bool | None = None

    def is_open_at(self, when: datetime) -> bool:
        return bool(self.is_24) or super().is_open_at(when)


class LocationResponse(LokModel):
    """#22 reply."""

    status_code: int | None = None
    location: LocationDetail




class SearchCoords(LokModel):
    """#28 centre point: wire keys `long`/`lat` (unlike `Coordinates`), readable by either name."""

    longitude: float = Field(alias="long")
    latitude: float = Field(alias="lat")


class AvailabilitySearch(LokModel):
    coords: SearchCoords | None = None
    zip_code: str | None = None
    max_distance: float | None = None
    limit: int = 10
    size: BoxSizeValue | None = None


class AvailabilityResult(LokModel):
    envelope_key: ClassVar[str | None] = "locations"
    status_code: int | None = None
    locations: list[AvailableLocation] = Field(default_factory=list)
    grant: str | None = Field(default=None, repr=False)



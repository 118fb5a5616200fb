"""Pydantic models of every Lok request and response body, named after the Lok API reference's digest names.

Tolerant reading, strict meaning (real Lok may differ from its reference, and may grow). Every
deviation smoothed over is noted once in the log (`lok_desk.api.tolerance`, field names only):
- every model keeps unknown fields (`extra="allow"`, readable through `model_extra`);
- enum-typed fields are `Enum | str`: a known value (in any letter case, `-`/space for `_`) becomes
  the enum member, an unknown one stays a str;
- a JSON `null` counts as "absent", so fields with a default take it instead of failing; `[]` where
  an object is documented (`additional`, `shipping`) and `{}` where a list is count as empty;
- numbers where text is documented (`id`, `shipment_id`, `zip_code`, `fee`...) read as their text,
  numeric text where numbers are documented as numbers;
- dates: ISO 8601, RFC 1123 / `toUTCString()`, epoch seconds or milliseconds (number or text, told
  apart by magnitude) become aware UTC datetimes; a date that cannot be parsed becomes **None**;
- `coords` as `{latitude, longitude}`, `{lat, lng}`, `{lat, long}`; weekday as number or name;
  contacts without `gender`/`age`; action-log `payload`/`status` of any JSON type;
- a value that cannot be read in an optional field leaves that field empty; a list record that
  cannot be read is skipped and counted (`unreadable_records`, `Page.unreadable`), never silently;
  only an unreadable *required* field of the reply itself fails the call;
- objects the contract marks `yes*` (shown required, optionality unknown) are optional here.
"""

from __future__ import annotations

from .auth import AccessToken as AccessToken
from .auth import CompanyRef as CompanyRef
from .auth import TokenRequest as TokenRequest
from .auth import User as User
from .auth import UserResponse as UserResponse
from .base import TYPE_CHECK_SAMPLE as TYPE_CHECK_SAMPLE
from .base import LokModel as LokModel
from .base import SimpleMessage as SimpleMessage
from .boxes import BOX_SIZES as BOX_SIZES
from .boxes import BoxDimensions as BoxDimensions
from .boxes import smallest_fitting_size as smallest_fitting_size
from .company import ActionLogEntry as ActionLogEntry
from .company import ActionLogsResponse as ActionLogsResponse
from .company import NotificationEmails as NotificationEmails
from .company import NotificationEmailsResponse as NotificationEmailsResponse
from .company import NotificationEmailsUpdate as NotificationEmailsUpdate
from .company import RecentActivityRow as RecentActivityRow
from .company import WebhookResponse as WebhookResponse
from .company import WebhookSettings as WebhookSettings
from .company import WebhookStatusUpdate as WebhookStatusUpdate
from .company import WebhookUpdate as WebhookUpdate
from .company import parse_recent_activity as parse_recent_activity
from .directories import ContactAddress as ContactAddress
from .directories import ContactsReplace as ContactsReplace
from .directories import ContactsResponse as ContactsResponse
from .directories import DirectoryChanges as DirectoryChanges
from .directories import DirectoryContact as DirectoryContact
from .directories import DirectoryCreate as DirectoryCreate
from .directories import DirectoryCsvImport as DirectoryCsvImport
from .directories import DirectoryDetail as DirectoryDetail
from .directories import DirectoryName as DirectoryName
from .directories import DirectoryPage as DirectoryPage
from .directories import DirectoryResponse as DirectoryResponse
from .directories import DirectorySummary as DirectorySummary
from .directories import DirectoryUpdate as DirectoryUpdate
from .directories import StoredDirectoryContact as StoredDirectoryContact
from .enums import FINISHED_STATUSES as FINISHED_STATUSES
from .enums import BoxSize as BoxSize
from .enums import EventStatus as EventStatus
from .enums import Gender as Gender
from .enums import Scope as Scope
from .enums import WebhookEvent as WebhookEvent
from .enums import Weekday as Weekday
from .fields import EPOCH_MS_THRESHOLD as EPOCH_MS_THRESHOLD
from .fields import BoxSizeValue as BoxSizeValue
from .fields import EventStatusValue as EventStatusValue
from .fields import GenderValue as GenderValue
from .fields import LokDateTime as LokDateTime
from .fields import ScopeValue as ScopeValue
from .fields import WebhookEventValue as WebhookEventValue
from .fields import WeekdayValue as WeekdayValue
from .fields import date_format as date_format
from .fields import decode_binary as decode_binary
from .fields import format_datetime as format_datetime
from .fields import parse_datetime as parse_datetime
from .locations import WEEKDAY_BY_NUMBER as WEEKDAY_BY_NUMBER
from .locations import AvailabilityResult as AvailabilityResult
from .locations import AvailabilitySearch as AvailabilitySearch
from .locations import AvailableLocation as AvailableLocation
from .locations import BoxAvailability as BoxAvailability
from .locations import Coordinates as Coordinates
from .locations import LocationAddress as LocationAddress
from .locations import LocationDetail as LocationDetail
from .locations import LocationResponse as LocationResponse
from .locations import LocationSummary as LocationSummary
from .locations import SearchCoords as SearchCoords
from .locations import ServiceDay as ServiceDay
from .locations import ZipCode as ZipCode
from .pages import LocationPage as LocationPage
from .pages import Page as Page
from .reservations import TOKEN_NAMES as TOKEN_NAMES
from .reservations import BoxInfo as BoxInfo
from .reservations import ContactInfo as ContactInfo
from .reservations import EventHistoryEntry as EventHistoryEntry
from .reservations import PackageInfo as PackageInfo
from .reservations import PreReservationRequest as PreReservationRequest
from .reservations import PreReservationUpdate as PreReservationUpdate
from .reservations import RecipientInfo as RecipientInfo
from .reservations import RequestDateTime as RequestDateTime
from .reservations import Reservation as Reservation
from .reservations import ReservationCancelled as ReservationCancelled
from .reservations import ReservationCreated as ReservationCreated
from .reservations import ReservationFilters as ReservationFilters
from .reservations import ReservationPackageInfo as ReservationPackageInfo
from .reservations import ReservationPage as ReservationPage
from .reservations import ReservationRequest as ReservationRequest
from .reservations import ReservationTokens as ReservationTokens
from .reservations import ReservationWithTokens as ReservationWithTokens
from .reservations import SelectedBox as SelectedBox
from .reservations import ShipmentRequested as ShipmentRequested
from .reservations import ShippingInfo as ShippingInfo
from .reservations import ShippingPoint as ShippingPoint
from .shipping import Label as Label
from .shipping import LocationShippingPackageInfo as LocationShippingPackageInfo
from .shipping import LocationShippingRequest as LocationShippingRequest
from .shipping import LocationShippingResult as LocationShippingResult
from .shipping import PackageDimensions as PackageDimensions
from .shipping import PickupAddress as PickupAddress
from .shipping import PickupContact as PickupContact
from .shipping import QuoteResponse as QuoteResponse
from .shipping import ShipmentRequest as ShipmentRequest
from .shipping import ShippingAddress as ShippingAddress
from .shipping import ShippingContact as ShippingContact
from .shipping import ShippingItem as ShippingItem
from .shipping import ShippingOrderPackageInfo as ShippingOrderPackageInfo
from .shipping import ShippingOrderRequest as ShippingOrderRequest
from .shipping import ShippingQuote as ShippingQuote

# Models are built on first use (`defer_build`): start-up validates 7 of these 80, building all of
# them cost ~55 ms of every launch. The first build imports a few more pydantic modules (its plugin
# loader); building one small model here keeps those imports on the thread importing lok_desk.api.
# The desk imports it before the sandbox's thread starts, and two threads importing pydantic's
# internals at once can be handed a partly initialised module (see lok_desk.app).
SimpleMessage.model_rebuild()

"""Async client of the Lok API (no Qt): models, errors, sign-in, one method per endpoint.

Endpoint → `LokClient` method (numbers: docs/decisions.md, Endpoint numbers):

====  ======  ============================================  ==========================================
 #    Method  Path                                          LokClient method
====  ======  ============================================  ==========================================
  1   GET     /company/action_logs                          get_action_logs
  2   GET     /company/directories                          list_directories
  3   POST    /company/directories                          create_directory
  4   GET     /company/locations                            list_locations
  5   GET     /company/notification_emails                  get_notification_emails
  6   PUT     /company/notification_emails                  update_notification_emails
  7   GET     /company/pre_reservations                     list_pre_reservations
  8   GET     /company/reservations                         list_reservations (iter_reservations)
  9   GET     /company/webhook                              get_webhook
 10   PUT     /company/webhook                              update_webhook
 11   GET     /oauth/token                                  validate_token
 12   POST    /oauth/token                                  authenticate (sign_in when not cached)
 13   DELETE  /oauth/token                                  sign_out
 14   GET     /oauth/user                                   get_user
 15   GET     /reservations/{reservation_id}                get_reservation
 16   PUT     /reservations/{reservation_id}                update_pre_reservation
 17   DELETE  /reservations/{reservation_id}                cancel_reservation
 18   GET     /shipping/reservations                        list_shipping_reservations
 19   GET     /company/action_logs/csv                      request_action_log_report
 20   GET     /company/directories/{directory_id}           get_directory
 21   PUT     /company/directories/{directory_id}           update_directory
 22   GET     /company/locations/{location_id}              get_location
 23   GET     /company/reports/recent_activity              get_recent_activity_csv
 24   GET     /locations/{location_id}/reservations         list_location_reservations
 25   POST    /locations/{location_id}/reservations         create_reservation
 26   GET     /reservations/{reservation_id}/label          get_label
 27   POST    /shipping_order                               create_shipping_order
 28   POST    /locations/available                          search_available_locations
 29   POST    /company/directories/csv                      import_directory_csv
 30   POST    /locations/{location_id}/pre_reservation      create_pre_reservation
 31   POST    /locations/{location_id}/shipping             create_location_shipping
 32   POST    /reservations/{reservation_id}/shipping       request_shipment
 33   POST    /reservations/{reservation_id}/shipping/...   quote_shipment  (…/shipping/quotation)
 34   PUT     /company/webhook/status                       set_webhook_enabled
 35   PUT     /company/directories/{directory_id}/contacts  replace_directory_contacts
====  ======  ============================================  ==========================================

Any paginated list method can be walked with `LokClient.iter_pages(method, ...)`; the walk follows
what the server says and reports an incomplete list (`PageWalk.complete`, `.problem`, `.unreadable`).
What the client tolerated in a server's replies is described in `lok_desk.api.tolerance`.
Every failure is a `LokError` (see `lok_desk.api.errors`); `LokTransportError` means "offline".
"""

from __future__ import annotations

from . import models, tolerance, webhook
from .auth import Credentials, SecretStore, TokenCache
from .client import LokClient
from .endpoints import new_shipment_id
from .errors import (
    ERROR_TYPES,
    BoxIncompatibleError,
    CredentialsRequiredError,
    EntityNotFoundError,
    FailedDependencyError,
    ForbiddenLocationError,
    GrantTokenError,
    InsecureTransportError,
    InsufficientScopeError,
    InvalidAddressError,
    InvalidClientError,
    InvalidDueDateError,
    InvalidGrantError,
    InvalidRequestError,
    InvalidReservationError,
    InvalidTokenError,
    LocationLockedError,
    LogisticError,
    LokConnectionError,
    LokError,
    LokProtocolError,
    LokProxyError,
    LokRateLimitedError,
    LokRedirectError,
    LokTimeoutError,
    LokTLSError,
    LokTransportError,
    NoCapacityError,
    NotFoundError,
    RequestTimeoutError,
    SecretStorageUnavailable,
    UnauthorizedClientError,
    UniqueShipmentError,
    UnknownServerError,
)
from .paging import PageWalk, RecordWalk, iter_pages
from .transport import PRODUCTION_BASE_URL, USER_AGENT, RequestEvent, RetryPolicy, Timeouts

#: Endpoint number (docs/decisions.md, Endpoint numbers) → (HTTP method, path, LokClient method name).
ENDPOINTS: dict[int, tuple[str, str, str]] = {
    1: ("GET", "/company/action_logs", "get_action_logs"),
    2: ("GET", "/company/directories", "list_directories"),
    3: ("POST", "/company/directories", "create_directory"),
    4: ("GET", "/company/locations", "list_locations"),
    5: ("GET", "/company/notification_emails", "get_notification_emails"),
    6: ("PUT", "/company/notification_emails", "update_notification_emails"),
    7: ("GET", "/company/pre_reservations", "list_pre_reservations"),
    8: ("GET", "/company/reservations", "list_reservations"),
    9: ("GET", "/company/webhook", "get_webhook"),
    10: ("PUT", "/company/webhook", "update_webhook"),
    11: ("GET", "/oauth/token", "validate_token"),
    12: ("POST", "/oauth/token", "authenticate"),
    13: ("DELETE", "/oauth/token", "sign_out"),
    14: ("GET", "/oauth/user", "get_user"),
    15: ("GET", "/reservations/{reservation_id}", "get_reservation"),
    16: ("PUT", "/reservations/{reservation_id}", "update_pre_reservation"),
    17: ("DELETE", "/reservations/{reservation_id}", "cancel_reservation"),
    18: ("GET", "/shipping/reservations", "list_shipping_reservations"),
    19: ("GET", "/company/action_logs/csv", "request_action_log_report"),
    20: ("GET", "/company/directories/{directory_id}", "get_directory"),
    21: ("PUT", "/company/directories/{directory_id}", "update_directory"),
    22: ("GET", "/company/locations/{location_id}", "get_location"),
    23: ("GET", "/company/reports/recent_activity", "get_recent_activity_csv"),
    24: ("GET", "/locations/{location_id}/reservations", "list_location_reservations"),
    25: ("POST", "/locations/{location_id}/reservations", "create_reservation"),
    26: ("GET", "/reservations/{reservation_id}/label", "get_label"),
    27: ("POST", "/shipping_order", "create_shipping_order"),
    28: ("POST", "/locations/available", "search_available_locations"),
    29: ("POST", "/company/directories/csv", "import_directory_csv"),
    30: ("POST", "/locations/{location_id}/pre_reservation", "create_pre_reservation"),
    31: ("POST", "/locations/{location_id}/shipping", "create_location_shipping"),
    32: ("POST", "/reservations/{reservation_id}/shipping", "request_shipment"),
    33: ("POST", "/reservations/{reservation_id}/shipping/quotation", "quote_shipment"),
    34: ("PUT", "/company/webhook/status", "set_webhook_enabled"),
    35: ("PUT", "/company/directories/{directory_id}/contacts", "replace_directory_contacts"),
}

__all__ = [
    "ENDPOINTS",
    "ERROR_TYPES",
    "PRODUCTION_BASE_URL",
    "USER_AGENT",
    "BoxIncompatibleError",
    "Credentials",
    "CredentialsRequiredError",
    "EntityNotFoundError",
    "FailedDependencyError",
    "ForbiddenLocationError",
    "GrantTokenError",
    "InsecureTransportError",
    "InsufficientScopeError",
    "InvalidAddressError",
    "InvalidClientError",
    "InvalidDueDateError",
    "InvalidGrantError",
    "InvalidRequestError",
    "InvalidReservationError",
    "InvalidTokenError",
    "LocationLockedError",
    "LogisticError",
    "LokClient",
    "LokConnectionError",
    "LokError",
    "LokProtocolError",
    "LokProxyError",
    "LokRateLimitedError",
    "LokRedirectError",
    "LokTLSError",
    "LokTimeoutError",
    "LokTransportError",
    "NoCapacityError",
    "NotFoundError",
    "PageWalk",
    "RecordWalk",
    "RequestEvent",
    "RequestTimeoutError",
    "RetryPolicy",
    "SecretStorageUnavailable",
    "SecretStore",
    "Timeouts",
    "TokenCache",
    "UnauthorizedClientError",
    "UniqueShipmentError",
    "UnknownServerError",
    "iter_pages",
    "models",
    "new_shipment_id",
    "tolerance",
    "webhook",
]

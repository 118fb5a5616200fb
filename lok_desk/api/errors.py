"""Every way a Lok call can fail, as one `LokError` family the desk can show to a person."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, ClassVar

__all__ = [
    "ERROR_TYPES",
    "BoxIncompatibleError",
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
    "RequestTimeoutError",
    "SecretStorageUnavailable",
    "UnauthorizedClientError",
    "UniqueShipmentError",
    "UnknownServerError",
    "error_from_response",
]

# The contract gives these default `type`s when a body leaves it out (§3.3).
_DEFAULT_TYPE_BY_STATUS: dict[int, str] = {
    400: "INVALID_REQUEST",
    404: "ENTITY_NOT_FOUND",
    500: "UNKNOWN_ERROR",
}


class LokError(Exception):
    """A failed Lok call: the API's error envelope, or a transport failure dressed as one.

    `message` is what the server (or the transport) said; `user_message` is the sentence the desk
    shows a person, saying what happened and what to do next. Neither ever contains a token or secret.
    """

    #: The `type` a subclass stands for; "" on the base class (unknown types keep theirs per instance).
    error_type: ClassVar[str] = ""
    #: What a person should read when this kind of error happens; `{message}` is the server's text.
    user_template: ClassVar[str] = "Lok refused the request: {message}"

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        type: str | None = None,  # the API calls it `type`, so does the desk
        data: Mapping[str, Any] | None = None,
        user_message: str | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.type = type or self.error_type or "UNKNOWN"
        self.data: dict[str, Any] = dict(data or {})
        self._user_message = user_message
        #: Seconds Lok asked us to wait (`Retry-After` on 429/503) before trying again; None if it did not.
        self.retry_after_s = retry_after_s

    @property
    def keys(self) -> list[str]:
        """Paths of the invalid parameters of a validation error (`data.keys`), else empty."""
        raw = self.data.get("keys")
        if isinstance(raw, list):
            return [str(key) for key in raw]
        return []

    @property
    def wait_seconds(self) -> int | None:
        """`retry_after_s` rounded up to whole seconds, as a person reads it."""
        if self.retry_after_s is None:
            return None
        return max(1, math.ceil(self.retry_after_s))

    @property
    def user_message(self) -> str:
        if self._user_message:
            text = self._user_message
        else:
            message = self.message.strip().rstrip(".") or "no reason given"
            text = self.user_template.format(message=message)
            if self.keys and "{message}" in self.user_template:
                text = text.rstrip(".") + f" (check: {', '.join(self.keys)})."
        if self.wait_seconds is not None:
            text = text.rstrip() + f" Lok asked us to wait {self.wait_seconds} s before trying again."
        return text

    def __str__(self) -> str:
        where = f"HTTP {self.status_code} " if self.status_code is not None else ""
        return f"{where}{self.type}: {self.message}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, type={self.type!r}, "
            f"message={self.message!r})"
        )


# --- one subclass per documented error `type` -------------------------------------------------


class NotFoundError(LokError):
    error_type = "NOT_FOUND"
    user_template = "Lok could not find what was asked for: {message}. It may have been removed; refresh."


class EntityNotFoundError(NotFoundError):
    error_type = "ENTITY_NOT_FOUND"
    user_template = "Lok could not find it: {message}. It may have been removed; refresh the list."


class InvalidRequestError(LokError):
    error_type = "INVALID_REQUEST"
    user_template = "Lok did not accept the data sent: {message}. Correct the highlighted fields."


class GrantTokenError(LokError):
    error_type = "GRANT_TOKEN"
    user_template = "The location grant is no longer valid ({message}). Search for available lockers again."


class InsufficientScopeError(LokError):
    error_type = "INSUFFICIENT_SCOPE"
    user_template = (
        "Your Lok account is not allowed to do this ({message}). Ask your company owner for access."
    )


class ForbiddenLocationError(LokError):
    error_type = "FORBIDDEN_LOCATION"
    user_template = (
        "Your Lok account may not work with this location ({message}). Pick one of your own locations."
    )


class InvalidClientError(LokError):
    error_type = "INVALID_CLIENT"
    user_template = "Lok did not accept the client id or secret ({message}). Check them and sign in again."


class InvalidGrantError(LokError):
    error_type = "INVALID_GRANT"
    user_template = "Lok refused the sign-in ({message}). Sign in again."


class InvalidTokenError(LokError):
    error_type = "INVALID_TOKEN"
    user_template = "Your Lok session has expired or was revoked ({message}). Sign in again."


class UnauthorizedClientError(LokError):
    error_type = "UNAUTHORIZED_CLIENT"
    user_template = "This Lok client may not sign in this way ({message}). Contact Lok support."


class InvalidReservationError(LokError):
    error_type = "INVALID_RESERVATION"
    user_template = "This cannot be done to the reservation in its current state: {message}. Refresh it."


class UniqueShipmentError(LokError):
    error_type = "UNIQUE_SHIPMENT"
    user_template = "That shipment id is already used by another reservation ({message}). Choose another."


class BoxIncompatibleError(LokError):
    error_type = "BOX_INCOMPATIBLE"
    user_template = "No box is big enough for this package ({message}). Check its size and weight."


class NoCapacityError(LokError):
    error_type = "NO_CAPACITY"
    user_template = (
        "No box of that size is free at this location now ({message}). Try another size or location."
    )


class LocationLockedError(LokError):
    error_type = "LOCATION_LOCKED"
    user_template = "This location is temporarily locked ({message}). Try again later."


class InvalidDueDateError(LokError):
    error_type = "INVALID_DUE_DATE"
    user_template = "The delivery date is not valid ({message}). Pick a date in the future."


class InvalidAddressError(LokError):
    error_type = "INVALID_ADDRESS"
    user_template = "Lok could not use that address ({message}). Make it more precise and try again."


class RequestTimeoutError(LokError):
    error_type = "REQUEST_TIMEOUT"
    user_template = "Lok could not reach the locker in time ({message}). Try again in a moment."


class UnknownServerError(LokError):
    error_type = "UNKNOWN_ERROR"
    user_template = (
        "Lok had an unexpected problem ({message}). Try again; if it persists, contact Lok support."
    )


class FailedDependencyError(LokError):
    error_type = "FAILED_DEPENDENCY"
    user_template = "A service Lok depends on failed ({message}). Try again later."


class LogisticError(LokError):
    error_type = "LOGISTIC_ERROR"
    user_template = "The carrier could not create the shipping order ({message}). Try again later."


ERROR_TYPES: dict[str, type[LokError]] = {
    cls.error_type: cls
    for cls in (
        NotFoundError,
        EntityNotFoundError,
        InvalidRequestError,
        GrantTokenError,
        InsufficientScopeError,
        ForbiddenLocationError,
        InvalidClientError,
        InvalidGrantError,
        InvalidTokenError,
        UnauthorizedClientError,
        InvalidReservationError,
        UniqueShipmentError,
        BoxIncompatibleError,
        NoCapacityError,
        LocationLockedError,
        InvalidDueDateError,
        InvalidAddressError,
        RequestTimeoutError,
        UnknownServerError,
        FailedDependencyError,
        LogisticError,
    )
}


# --- failures that never got a Lok answer -----------------------------------------------------


class LokTransportError(LokError):
    """The server could not be reached or stopped answering: the desk's "offline" signal."""

    error_type = "TRANSPORT_ERROR"


class LokConnectionError(LokTransportError):
    """Connection refused, name not resolved, or the connection dropped mid-answer."""

    error_type = "CONNECTION_ERROR"


class LokProxyError(LokConnectionError):
    """The proxy named in HTTPS_PROXY/ALL_PROXY could not be reached, refused the tunnel, or is unusable."""

    error_type = "PROXY_ERROR"


class LokTimeoutError(LokTransportError):
    """The server did not answer within the configured time."""

    error_type = "TIMEOUT"


class LokTLSError(LokError):
    """The secure connection could not be set up (certificate not trusted, wrong host name...)."""

    error_type = "TLS_ERROR"


class LokProtocolError(LokError):
    """The server answered, but not with a Lok reply (HTML page, non-JSON, wrong shape)."""

    error_type = "PROTOCOL_ERROR"


class LokRedirectError(LokProtocolError):
    """The server redirected to another origin: not followed, and the token was not sent there."""

    error_type = "REDIRECTED_ELSEWHERE"


class LokRateLimitedError(LokError):
    """429 Too Many Requests without a Lok error type: Lok wants fewer requests for a while."""

    error_type = "RATE_LIMITED"
    user_template = "Lok is receiving too many requests ({message}). Try again in a moment."


class InsecureTransportError(LokError):
    """Plain http:// to a host that is not this computer: refused, the token would travel in clear."""

    error_type = "INSECURE_TRANSPORT"


class SecretStorageUnavailable(LokError):
    """No system keyring: the client secret cannot be remembered between launches."""

    error_type = "SECRET_STORAGE_UNAVAILABLE"


class CredentialsRequiredError(LokError):
    """A call needs a sign-in, but the client was given no client id and secret."""

    error_type = "CREDENTIALS_REQUIRED"


#: RFC 6749 §5.2 / RFC 6750 §3.1 `error` codes → the Lok `type` meaning the same.
OAUTH_ERROR_TYPES: dict[str, str] = {
    "invalid_request": "INVALID_REQUEST",
    "invalid_client": "INVALID_CLIENT",
    "invalid_grant": "INVALID_GRANT",
    "unauthorized_client": "UNAUTHORIZED_CLIENT",
    "unsupported_grant_type": "INVALID_REQUEST",
    "invalid_scope": "INSUFFICIENT_SCOPE",
    "invalid_token": "INVALID_TOKEN",
    "insufficient_scope": "INSUFFICIENT_SCOPE",
}


def message_text(raw: object) -> str | None:
    """An error `message` as one sentence: text as is, a list joined with "; ", an object's values."""
    if isinstance(raw, str):
        return raw.strip() or None
    if isinstance(raw, list | tuple):
        parts = [text for item in raw if (text := message_text(item))]
        return "; ".join(parts) or None
    if isinstance(raw, Mapping):
        parts = [text for item in raw.values() if (text := message_text(item))]
        return "; ".join(parts) or None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(raw)
    return None


def error_from_response(status_code: int, body: object) -> LokError:
    """Build the `LokError` subclass for an error reply whose body was decoded from JSON.

    Tolerant on purpose: a missing `type` falls back to the contract's default for the status, an
    unknown `type` stays a plain `LokError` that keeps it, and a missing `message` gets a neutral one.
    RFC 6749 bodies (`{"error", "error_description"}`, as OAuth servers send on /oauth/token) keep
    their text and map their code to the Lok type; a `message` that is a list is joined, not dropped.
    """
    envelope: Mapping[str, Any] = body if isinstance(body, Mapping) else {}
    raw_type = envelope.get("type")
    error_type = raw_type.strip().upper() if isinstance(raw_type, str) and raw_type.strip() else None
    oauth_code = envelope.get("error")
    if error_type is None and isinstance(oauth_code, str) and oauth_code.strip():
        code = oauth_code.strip().lower()
        error_type = OAUTH_ERROR_TYPES.get(code, code.upper())
    if error_type is None:
        if status_code == 429:
            error_type = LokRateLimitedError.error_type
        else:
            error_type = _DEFAULT_TYPE_BY_STATUS.get(status_code, f"HTTP_{status_code}")
    message = (
        message_text(envelope.get("message"))
        or message_text(envelope.get("error_description"))
        or (message_text(oauth_code) if isinstance(oauth_code, str) else None)
        or f"HTTP {status_code}"
    )
    raw_data = envelope.get("data")
    data: dict[str, Any] = dict(raw_data) if isinstance(raw_data, Mapping) else {}
    cls = ERROR_TYPES.get(error_type, LokRateLimitedError if error_type == "RATE_LIMITED" else LokError)
    return cls(message, status_code=status_code, type=error_type, data=data)

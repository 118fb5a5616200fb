"""The Lok error envelope and the exception the sandbox's handlers raise to produce it."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from lok_desk.sandbox.store import dumps


class LokHTTPError(Exception):
    """An error answer: HTTP status, Lok `type`, a message a person can read, and `data`."""

    def __init__(
        self, status_code: int, type_: str, message: str, data: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.type = type_
        self.message = message
        self.data: dict[str, Any] = data if data is not None else {}

    def response(self) -> Response:
        return error_response(self.status_code, self.type, self.message, self.data)


def error_body(status_code: int, type_: str, message: str, data: dict[str, Any] | None = None) -> bytes:
    body = {"status_code": status_code, "type": type_, "message": message, "data": data or {}}
    return dumps(body).encode()


def error_response(
    status_code: int, type_: str, message: str, data: dict[str, Any] | None = None
) -> Response:
    return Response(
        error_body(status_code, type_, message, data), status_code=status_code, media_type="application/json"
    )


def invalid(message: str, keys: list[str], source: str = "payload") -> LokHTTPError:
    """400 INVALID_REQUEST naming the offending fields."""
    return LokHTTPError(400, "INVALID_REQUEST", message, {"keys": keys, "source": source})


def not_found(what: str, id_: str) -> LokHTTPError:
    return LokHTTPError(404, "ENTITY_NOT_FOUND", f"{what} not found", {"id": id_})


def insufficient_scope(scope: str, action: str) -> LokHTTPError:
    return LokHTTPError(403, "INSUFFICIENT_SCOPE", f"The {scope} scope cannot {action}", {"scope": scope})


def forbidden_location(location_id: str) -> LokHTTPError:
    return LokHTTPError(
        403, "FORBIDDEN_LOCATION", "You may not operate this location", {"location_id": location_id}
    )


def invalid_token(message: str = "The access token is expired, revoked or invalid") -> LokHTTPError:
    return LokHTTPError(401, "INVALID_TOKEN", message, {})


def invalid_reservation(status_code: int, message: str, reservation_id: str) -> LokHTTPError:
    return LokHTTPError(status_code, "INVALID_RESERVATION", message, {"id": reservation_id})

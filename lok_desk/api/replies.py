"""What a failed reply stands for: the `LokError` of Lok's own error body, or of what the status, the
headers and the body say when a server (or something in front of it) sent no Lok error."""

from __future__ import annotations

import re

import httpx

from . import tolerance
from .errors import (
    InvalidClientError,
    InvalidTokenError,
    LokError,
    LokProtocolError,
    LokRateLimitedError,
    error_from_response,
    message_text,
)

__all__ = ["error_for_response"]

_AUTH_PARAM = re.compile(r'(error|error_description)\s*=\s*"([^"]{0,300})"', re.IGNORECASE)


def _www_authenticate_reason(header: str | None) -> str | None:
    """The `error_description` (else `error`) of a `WWW-Authenticate` challenge; nothing else is kept."""
    if not header:
        return None
    params = {name.lower(): value.strip() for name, value in _AUTH_PARAM.findall(header)}
    return params.get("error_description") or params.get("error") or None


def error_for_response(response: httpx.Response, server_label: str) -> LokError:
    """The LokError a failed reply stands for: Lok's own error body when there is one, else what the
    status and the body say (a bare 401 refuses the token, or the client on sign-in)."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    if status == 401 and not (isinstance(body, dict) and (body.get("type") or body.get("error"))):
        # A 401 without a Lok error (only `WWW-Authenticate`, or an empty/HTML body): the token
        # was refused. Read as INVALID_TOKEN so it is renewed once, with the server's reason.
        tolerance.note(tolerance.AUTH, "401", "401 without a Lok error body; read as INVALID_TOKEN")
        reason = _www_authenticate_reason(response.headers.get("www-authenticate"))
        if reason is None and isinstance(body, dict):
            reason = message_text(body.get("message"))
        if response.request.method == "POST" and response.request.url.path.endswith("/oauth/token"):
            # On sign-in itself a bare 401 refuses the client id or secret, not a token.
            reason = reason or "the client id or secret was refused (HTTP 401)"
            return InvalidClientError(reason, status_code=401)
        reason = reason or "the server refused the access token (HTTP 401)"
        return InvalidTokenError(reason, status_code=401)
    if isinstance(body, dict):
        return error_from_response(status, body)
    if status == 429:
        return LokRateLimitedError(f"HTTP {status}", status_code=status)
    text = response.text.lstrip()[:200].lower()
    if text.startswith("<") or "html" in response.headers.get("content-type", ""):
        what = "a web page"
    elif not text:
        what = "an empty reply"
    else:
        what = "a reply that is not Lok data"
    return LokProtocolError(
        f"HTTP {status} with {what} instead of a Lok error",
        status_code=status,
        user_message=(
            f"The server at {server_label} answered with {what} (HTTP {status}) instead of a "
            "Lok reply. Check the server address; if it is right, Lok may be down for "
            "maintenance — try again in a few minutes."
        ),
    )

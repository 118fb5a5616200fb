"""Lok webhook signatures: `Lok-Signature` = Base64(HMAC-SHA256(key=secret, msg=exact body bytes))."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

SIGNATURE_HEADER = "Lok-Signature"


def sign(secret: str, body: bytes) -> str:
    """The `Lok-Signature` value for `body` (the exact bytes sent, not a re-serialisation)."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify(secret: str, body: bytes, header: str | bytes | None) -> bool:
    """Whether `header` is the signature of `body`; any malformed header is simply False.

    The comparison is on the decoded digest and constant-time, so timing tells nothing about the secret.
    """
    try:
        if header is None:
            return False
        text = header.decode("ascii") if isinstance(header, bytes) else header
        received = base64.b64decode(text.strip(), validate=True)
    except (ValueError, binascii.Error, UnicodeError, TypeError, AttributeError):
        return False
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
    return hmac.compare_digest(received, expected)

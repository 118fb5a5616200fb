"""Webhook signature helpers against independently computed HMAC-SHA256 vectors."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lok_desk.api import webhook

WELL_KNOWN = ("secret", b'{"a":1}', "qp4uNXX11wmLbKzNeQiIw21f22M0KnO62i1qUXR6hJQ=")
# The classic HMAC-SHA256 example: hex f7bc83f4…3cd8 for key "key" and the quick brown fox.
FOX = ("key", b"The quick brown fox jumps over the lazy dog", "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=")


@pytest.mark.parametrize(("secret", "body", "expected"), [WELL_KNOWN, FOX])
def test_sign_matches_hard_coded_vectors(secret: str, body: bytes, expected: str) -> None:
    assert webhook.sign(secret, body) == expected
    assert webhook.verify(secret, body, expected)


def test_fox_vector_is_the_published_hex_digest() -> None:
    assert base64.b64decode(FOX[2]).hex() == (
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    )


@pytest.mark.parametrize(
    ("secret", "body"),
    [("whsec_ñandú", b'{"status":"delivered","t":1614202849096}'), ("", b""), ("s" * 200, bytes(range(256)))],
)
def test_sign_matches_an_independent_computation(secret: str, body: bytes) -> None:
    independent = base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()).decode()
    assert webhook.sign(secret, body) == independent


def test_signature_covers_the_exact_bytes() -> None:
    signature = webhook.sign("secret", b'{"a":1}')
    assert not webhook.verify("secret", b'{"a": 1}', signature)  # same JSON, other bytes
    assert not webhook.verify("other", b'{"a":1}', signature)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "not base64!!",
        "qp4uNXX11wmLbKzNeQiIw21f22M0KnO62i1qUXR6hJQ",
        "ñ",
        b"\xff\xfe",
        "qp4uNXX11wmLbKzNeQiIw21f22M0KnO62i1qUXR6hJQ=qp4u",
        "AAAA",
        12345,
    ],
)
def test_malformed_headers_are_false_never_errors(header: object) -> None:
    assert webhook.verify("secret", b'{"a":1}', header) is False  # type: ignore[arg-type]


def test_header_as_bytes_and_with_whitespace_is_accepted() -> None:
    assert webhook.verify("secret", b'{"a":1}', WELL_KNOWN[2].encode())
    assert webhook.verify("secret", b'{"a":1}', f"  {WELL_KNOWN[2]}\r\n")


@given(secret=st.text(max_size=40), body=st.binary(max_size=200), header=st.one_of(st.text(), st.binary()))
def test_verify_never_raises_and_only_accepts_the_signature(
    secret: str, body: bytes, header: str | bytes
) -> None:
    assert webhook.verify(secret, body, header) is (
        header in (webhook.sign(secret, body), webhook.sign(secret, body).encode())
    )


@given(secret=st.text(max_size=40), body=st.binary(max_size=200))
def test_sign_then_verify_round_trips(secret: str, body: bytes) -> None:
    assert webhook.verify(secret, body, webhook.sign(secret, body))

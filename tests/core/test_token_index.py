"""The token index: codes typed or scanned find their reservation; memory only, never in a repr."""

from __future__ import annotations

from lok_desk.api import models
from lok_desk.core.token_index import TokenIndex


def _tokens(**values: str) -> models.ReservationTokens:
    return models.ReservationTokens(**{f"{name}_token": value for name, value in values.items()})


def test_every_token_kind_and_the_confirmation_code_are_found() -> None:
    index = TokenIndex()
    tokens = _tokens(delivery="D1", pickup="P1", reopen_1="R11", reopen_2="R12", cancel="C1")
    index.put("r1", tokens, "123456")
    assert {index.lookup(code) for code in ("D1", "P1", "R11", "R12", "C1", "123456")} == {
        ("r1", "delivery"), ("r1", "pickup"), ("r1", "reopen_1"), ("r1", "reopen_2"), ("r1", "cancel"),
        ("r1", "confirmation_code")}
    assert index.lookup(" p 1\n") == ("r1", "pickup") and index.lookup("nope") is None
    assert index.knows("r1") and not index.knows("r2") and len(index) == 1


def test_putting_again_replaces_and_forget_drops() -> None:
    index = TokenIndex()
    index.put("r1", _tokens(pickup="OLD"))
    index.put("r1", _tokens(pickup="NEW"))
    assert index.lookup("OLD") is None and index.lookup("new") == ("r1", "pickup")
    index.forget("r1")
    assert index.lookup("NEW") is None and not index.knows("r1")


def test_a_reservation_with_no_tokens_is_known_as_read() -> None:
    index = TokenIndex()
    index.put("r1", None)
    assert index.knows("r1") and len(index) == 1


def test_repr_shows_no_code() -> None:
    index = TokenIndex()
    index.put("r1", _tokens(pickup="SECRET42"), "998877")
    assert "SECRET42" not in repr(index) and "998877" not in repr(index)


def test_tokens_come_back_as_issued_for_an_instant_detail() -> None:
    index = TokenIndex()
    assert index.tokens_of("r1") is None
    index.put("r1", _tokens(pickup="Pk-77 AB", delivery="DL1"), "004211")
    known = index.tokens_of("r1")
    assert known is not None
    tokens, code = known
    assert tokens.pickup_token == "Pk-77 AB" and tokens.delivery_token == "DL1" and code == "004211"
    assert tokens.pickup_token_qr is None        # no QR kept: the detail reads it from Lok
    index.forget("r1")
    assert index.tokens_of("r1") is None

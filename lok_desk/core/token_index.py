"""Which reservation a box-opening token (or confirmation code) belongs to, held in memory only.

Lok has no search by token, so the desk learns tokens as it reads reservations with
`include_tokens=true` (a detail opened, a reservation created, or the background fill of the sync
engine). Tokens open boxes: they are never written to disk, never logged and never in a `repr`; the
index keeps only the token text (the QR images are dropped) and forgets a reservation's tokens when it
leaves the store.
"""

from __future__ import annotations

from lok_desk.api import models

#: Token kinds in the order Lok lists them; the confirmation code is searched like a token.
TOKEN_KINDS: tuple[str, ...] = (*models.TOKEN_NAMES, "confirmation_code")


def normalise(text: str) -> str:
    """What a person types or a scanner sends, reduced to what is compared: no spaces, any case."""
    return "".join(text.split()).casefold()


class TokenIndex:
    """token text → reservation id, and which reservations' tokens are known."""

    def __init__(self) -> None:
        self._owner: dict[str, tuple[str, str]] = {}     # normalised code -> (reservation id, kind)
        self._codes: dict[str, list[str]] = {}           # reservation id -> its normalised codes
        self._issued: dict[str, dict[str, str]] = {}     # reservation id -> kind -> code as issued

    def __repr__(self) -> str:
        return f"TokenIndex({len(self._codes)} reservations)"

    def __len__(self) -> int:
        """How many reservations have their tokens indexed."""
        return len(self._codes)

    def knows(self, reservation_id: str) -> bool:
        """Whether this reservation's tokens have been read (so the fill can skip it)."""
        return reservation_id in self._codes

    def put(
        self,
        reservation_id: str,
        tokens: models.ReservationTokens | None,
        confirmation_code: str | None = None,
    ) -> None:
        """Index (again) the tokens of one reservation; codes it no longer has are forgotten."""
        self.forget(reservation_id)
        codes: list[str] = []
        if tokens is not None:
            for kind in models.TOKEN_NAMES:
                self._add(reservation_id, kind, tokens.token(kind), codes)
        self._add(reservation_id, "confirmation_code", confirmation_code, codes)
        self._codes[reservation_id] = codes

    def _add(self, reservation_id: str, kind: str, text: str | None, codes: list[str]) -> None:
        if not text:
            return
        code = normalise(text)
        if code:
            self._owner[code] = (reservation_id, kind)
            codes.append(code)
            self._issued.setdefault(reservation_id, {})[kind] = text

    def tokens_of(self, reservation_id: str) -> tuple[models.ReservationTokens, str | None] | None:
        """(the tokens as issued, text only, no QR; the confirmation code) when known, else None."""
        if reservation_id not in self._codes:
            return None
        issued = self._issued.get(reservation_id, {})
        tokens = models.ReservationTokens(**{f"{kind}_token": text for kind, text in issued.items()
                                             if kind in models.TOKEN_NAMES})
        return tokens, issued.get("confirmation_code")

    def forget(self, reservation_id: str) -> None:
        self._issued.pop(reservation_id, None)
        for code in self._codes.pop(reservation_id, ()):
            if self._owner.get(code, ("",))[0] == reservation_id:
                del self._owner[code]

    def clear(self) -> None:
        self._owner.clear()
        self._codes.clear()
        self._issued.clear()

    def lookup(self, text: str) -> tuple[str, str] | None:
        """(reservation id, token kind) for a typed or scanned code; None when no known code matches."""
        return self._owner.get(normalise(text))

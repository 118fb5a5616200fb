"""Models of the auth section: token request, access token, the user and their company."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from pydantic import BeforeValidator, Field

from .. import tolerance
from .base import LokModel
from .fields import LokDateTime, ScopeValue, _expiry_text, format_datetime, parse_datetime


class TokenRequest(LokModel):
    """#12 form body."""

    grant_type: str = "client_credentials"
    client_id: str
    client_secret: str = Field(repr=False)


class AccessToken(LokModel):
    """#11/#12 reply. The token never shows in repr."""

    status_code: int | None = None
    access_token: str = Field(repr=False)
    #: As Lok sent it (any form `parse_datetime` reads; numbers kept as their text); None when absent.
    access_token_expires_at: Annotated[str | None, BeforeValidator(_expiry_text)] = None
    #: OAuth 2's relative lifetime in seconds, which some servers send instead of an instant.
    expires_in: float | None = None
    scope: ScopeValue | None = None

    @property
    def expires_at(self) -> datetime | None:
        return parse_datetime(self.access_token_expires_at)

    def with_expiry_from(self, received_at: datetime) -> AccessToken:
        """This token with `expires_in` turned into an instant, counted from when it was received.

        With no readable expiry at all the token is used until Lok refuses it (then renewed once).
        """
        if self.expires_at is not None:
            return self
        if self.expires_in is not None and self.expires_in > 0:
            detail = "missing; the expiry is counted from expires_in"
            tolerance.note(tolerance.FIELD_NAME, "AccessToken.access_token_expires_at", detail)
            instant = received_at + timedelta(seconds=self.expires_in)
            return self.model_copy(update={"access_token_expires_at": format_datetime(instant)})
        tolerance.note(
            tolerance.AUTH, "AccessToken.access_token_expires_at",
            "no readable token expiry; the token is renewed when Lok first refuses it",
        )
        return self

    def is_valid(self, now: datetime, *, margin: timedelta = timedelta(seconds=60)) -> bool:
        """True while more than `margin` is left; a token with an unreadable expiry is never reused."""
        expires = self.expires_at
        return expires is not None and expires - now > margin




class CompanyRef(LokModel):
    id: str | None = None
    name: str | None = None


class User(LokModel):
    id: str
    name: str | None = None
    email: str | None = None
    company: CompanyRef | None = None
    location: str | None = None
    scope: ScopeValue | None = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class UserResponse(LokModel):
    """#14 reply."""

    status_code: int | None = None
    user: User



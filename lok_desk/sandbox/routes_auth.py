"""#11–#14: OAuth 2 client credentials, token validation and revocation, the signed-in user."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from starlette.responses import Response

from lok_desk.sandbox.auth import (
    access_token_body,
    bearer_token,
    client_row,
    issue_token,
    sha256,
    user_for_token,
)
from lok_desk.sandbox.deps import StateDep, UserDep, json_response
from lok_desk.sandbox.errors import LokHTTPError, invalid

router = APIRouter(tags=["oauth"])

_TOKEN_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["grant_type", "client_id", "client_secret"],
                    "properties": {
                        "grant_type": {"type": "string", "enum": ["client_credentials"]},
                        "client_id": {"type": "string"},
                        "client_secret": {"type": "string"},
                    },
                }
            }
        },
    }
}


async def _form(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > 65_536:
        raise invalid("The token request is too large", [])
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        # Tolerated besides the documented form encoding: some integrators send JSON.
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise invalid("The body is not valid JSON", ["body"]) from None
        if not isinstance(data, dict):
            raise invalid("The body must be an object", ["body"])
        return data
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    except (UnicodeDecodeError, ValueError):
        raise invalid("Send grant_type, client_id and client_secret form-encoded", ["body"]) from None


@router.post("/oauth/token", summary="#12 Get access token", openapi_extra=_TOKEN_FORM)
async def obtain_token(request: Request, state: StateDep) -> Response:
    form = await _form(request)
    missing = [
        k
        for k in ("grant_type", "client_id", "client_secret")
        if not isinstance(form.get(k), str) or not form.get(k)
    ]
    if missing:
        raise invalid("Missing or empty: " + ", ".join(missing), missing)
    if form["grant_type"] != "client_credentials":
        raise invalid("grant_type must be client_credentials", ["grant_type"])
    with state.store.transaction() as conn:
        row = client_row(conn, form["client_id"], form["client_secret"])
        if row is None:
            raise LokHTTPError(401, "INVALID_CLIENT", "Client authentication failed", {})
        token, expires = issue_token(state, str(row["client_id"]))
        user, _ = user_for_token(state, token)
    request.state.lok_user = user
    return json_response(access_token_body(token, expires, user.scope))


@router.get("/oauth/token", summary="#11 Validate token")
async def validate_token(request: Request, state: StateDep, user: UserDep) -> Response:
    token = bearer_token(request)
    _, expires = user_for_token(state, token)
    return json_response(access_token_body(token, expires, user.scope))


@router.delete("/oauth/token", summary="#13 Revoke access token")
async def revoke_token(request: Request, state: StateDep, user: UserDep) -> Response:
    token = bearer_token(request)
    with state.store.transaction() as conn:
        conn.execute("UPDATE access_tokens SET revoked = 1 WHERE token_sha256 = ?", (sha256(token),))
    return json_response({"status_code": 200, "message": "Access token revoked"})


@router.get("/oauth/user", summary="#14 Authenticated user")
async def oauth_user(user: UserDep) -> Response:
    return json_response({"status_code": 200, "user": user.as_json()})

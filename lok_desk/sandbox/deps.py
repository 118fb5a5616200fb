"""Shared pieces of the route modules: the state, the signed-in user, JSON answers, list queries."""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from starlette.responses import Response

from lok_desk.sandbox.auth import User, bearer_token, user_for_token
from lok_desk.sandbox.clock import in_range, iso, parse_instant
from lok_desk.sandbox.errors import invalid
from lok_desk.sandbox.state import SandboxState
from lok_desk.sandbox.store import dumps

# Every dependency is `async def`: FastAPI runs plain `def` dependencies in a worker thread pool, and
# the sandbox's one SQLite connection must only ever be used from the server's event-loop thread
# (where no transaction spans an await, so each request's transaction stays its own).


async def get_state(request: Request) -> SandboxState:
    state: SandboxState = request.app.state.sandbox
    return state


async def current_user(request: Request) -> User:
    return user_of(request)


def user_of(request: Request) -> User:
    """The user behind the request's bearer token (401 INVALID_TOKEN otherwise)."""
    state: SandboxState = request.app.state.sandbox
    user, _ = user_for_token(state, bearer_token(request))
    # The action-log middleware reads who made the call from the ASGI scope's state.
    request.state.lok_user = user
    return user


StateDep = Annotated[SandboxState, Depends(get_state)]
UserDep = Annotated[User, Depends(current_user)]


def json_response(body: Any, status_code: int = 200) -> Response:
    return Response(dumps(body).encode(), status_code=status_code, media_type="application/json")


SORT_FIELDS = ("created_at", "updated_at", "delivery_due_date", "pickup_due_date")


class ListQuery:
    """Filters and paging shared by #7, #8, #18 and #24
    (docs/decisions.md, Lists: filters, order and pages)."""

    def __init__(
        self,
        only_active: bool = True,
        status: Literal["active", "finished"] | None = None,
        shipment_id: str | None = None,
        from_: str | None = None,
        sort: str | None = None,
        page: int = 1,
        page_size: int = 15,
    ) -> None:
        self.only_active = only_active
        self.status = status
        self.shipment_id = shipment_id
        self.page = page
        self.page_size = page_size
        self.from_iso: str | None = None
        if from_ is not None:
            instant = parse_instant(from_)
            if instant is None or not in_range(instant):
                raise invalid("from must be an ISO 8601 date or epoch milliseconds", ["from"], "query")
            self.from_iso = iso(instant)
        self.sort_column = "created_at"
        self.descending = True
        if sort is not None:
            field = sort.strip()
            descending = field.startswith("-")
            field = field.lstrip("-+")
            if field not in SORT_FIELDS:
                raise invalid(
                    f"sort must be one of {', '.join(SORT_FIELDS)}, optionally prefixed by -",
                    ["sort"],
                    "query",
                )
            self.sort_column = field
            self.descending = descending


async def list_query(
    only_active: Annotated[bool, Query()] = True,
    status: Annotated[Literal["active", "finished"] | None, Query()] = None,
    shipment_id: Annotated[str | None, Query(max_length=256)] = None,
    from_: Annotated[str | None, Query(alias="from", max_length=64)] = None,
    sort: Annotated[str | None, Query(max_length=64)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 15,
) -> ListQuery:
    return ListQuery(only_active, status, shipment_id, from_, sort, page, page_size)


ListQueryDep = Annotated[ListQuery, Depends(list_query)]


def page_envelope(key: str, items: list[Any], total: int, query: ListQuery) -> dict[str, Any]:
    return {
        "status_code": 200,
        key: items,
        "total": total,
        "page": query.page,
        "page_size": query.page_size,
        "total_pages": math.ceil(total / query.page_size) if total else 0,
    }


async def simple_page_params(
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 15,
) -> tuple[int, int]:
    return page, page_size


PageDep = Annotated[tuple[int, int], Depends(simple_page_params)]

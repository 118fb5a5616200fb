"""Deep pages (issue 10): every sort has an index ending in its tie-break, so a deep page skips index
entries instead of sorting every matching reservation, and paging stays a stable total order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from lok_desk.sandbox.auth import User
from lok_desk.sandbox.deps import SORT_FIELDS, ListQuery
from lok_desk.sandbox.routes_reservations import list_sql
from lok_desk.sandbox.seed import add_bulk_reservations
from lok_desk.sandbox.server import open_state
from lok_desk.sandbox.state import SandboxState
from tests.sandbox.conftest import FIRST_LOCATION, Session


@pytest.fixture(scope="module")
def store_state() -> Iterator[SandboxState]:
    """A seeded store without a server: the query plans need only the schema and its statistics."""
    state = open_state(None)
    yield state
    state.store.close()


@pytest.fixture(scope="module")
def bulk_owner() -> Iterator[Session]:
    """A sandbox with 700 more (finished) reservations, many sharing a date: ties to break."""
    server = SandboxServer()
    add_bulk_reservations(server.state.store, server.state.clock.now_ms(), 700)
    server.start()
    session = Session(server, *DEMO_CLIENTS["owner"])
    yield session
    session.close()
    server.close()


def _user(scope: str, location: str | None = None) -> User:
    return User("u", "c", "n", "e@x.test", scope, "cmp-demo", "Demo", location, "", "")


@pytest.mark.parametrize("sort", [f"{sign}{field}" for field in SORT_FIELDS for sign in ("", "-")])
@pytest.mark.parametrize(
    ("user", "only_active", "location"),
    [
        (_user("owner"), True, None),
        (_user("owner"), False, None),
        (_user("employee", FIRST_LOCATION), True, None),
        (_user("employee", FIRST_LOCATION), False, None),
        (_user("seller"), False, FIRST_LOCATION),
        (_user("admin"), True, None),
        (_user("admin"), False, None),
    ],
    ids=["company-active", "company-all", "employee-active", "employee-all", "location-all", "admin-active",
         "admin-all"],
)
def test_each_list_shape_pages_through_an_index_without_sorting(
    store_state: SandboxState, user: User, only_active: bool, location: str | None, sort: str
) -> None:
    query = ListQuery(only_active=only_active, sort=sort, page=100, page_size=100)
    _, page, args = list_sql(user, query, location_id=location)
    rows = store_state.store.conn.execute("EXPLAIN QUERY PLAN " + page, [*args, 100, 9900])
    plan = [str(row[3]) for row in rows]
    inner = [step for step in plan if "reservations" in step and "rowid=?" not in step]
    assert inner and all("COVERING INDEX" in step for step in inner), plan
    # The only sort is the outer one, of the page's own hundred rows (after "LIST SUBQUERY").
    assert [step for step in plan if "TEMP B-TREE" in step] == ["USE TEMP B-TREE FOR ORDER BY"], plan
    assert plan.index("USE TEMP B-TREE FOR ORDER BY") > plan.index("LIST SUBQUERY 1"), plan


def _key(reservation: dict[str, Any], field: str) -> tuple[int, str, str]:
    value = reservation[field]
    # SQLite orders NULL first when ascending.
    return (0 if value is None else 1, value or "", reservation["id"])


@pytest.mark.parametrize("field", SORT_FIELDS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_are_one_stable_order_with_the_id_tie_break(
    bulk_owner: Session, field: str, descending: bool
) -> None:
    owner = bulk_owner
    sort = ("-" if descending else "") + field
    params = {"only_active": "false", "page_size": "100", "sort": sort}
    first = owner.get("/company/reservations", params=params).json()
    seen: list[dict[str, Any]] = list(first["reservations"])
    for page in range(2, first["total_pages"] + 1):
        body = owner.get("/company/reservations", params={**params, "page": str(page)}).json()
        seen.extend(body["reservations"])
    ids = [r["id"] for r in seen]
    assert len(ids) == len(set(ids)) == first["total"]
    assert seen == sorted(seen, key=lambda r: _key(r, field), reverse=descending)

"""The Reservations pane against a production-like Lok (tests/production/server.py, real HTTP): records it
cannot read are counted on screen. That a page size the server caps without saying so loses no record is
the list presenter's to keep (tests/core/reservations/test_listing.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from lok_desk.api import Credentials, TokenCache
from lok_desk.desk.qt_session import CUSTOM, QtSession, open_session
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.paths import AppPaths
from tests.production.server import CLIENTS, ProductionLok, ProductionServer, Variant


@pytest.fixture
def production() -> Iterator[ProductionServer]:
    server = ProductionServer(ProductionLok()).start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def loaded_pane(qtbot: Any, arun: Callable[..., Any], desk_paths: AppPaths,
                production: ProductionServer) -> Iterator[Callable[[], ReservationsPane]]:
    """`loaded_pane()`: the owner's Reservations pane on the production-like server, every page in."""
    sessions: list[QtSession] = []

    def load() -> ReservationsPane:
        secret = CLIENTS["prod-owner"][0]
        session: QtSession = arun(open_session(
            base_url=production.api_url, credentials=Credentials("prod-owner", secret),
            token_cache=TokenCache(desk_paths.token_cache_file), environment=CUSTOM, sandbox=None))
        sessions.append(session)
        session.has_window = True
        pane = ReservationsPane(session)
        qtbot.addWidget(pane)
        pane.show()
        arun(pane.refresh(), timeout=60.0)
        return pane

    yield load
    for session in sessions:
        arun(session.aclose())


def test_records_lok_sent_but_the_desk_cannot_read_are_counted_on_screen(
    production: ProductionServer, loaded_pane: Callable[[], ReservationsPane]
) -> None:
    # Two junk records on every page (not objects, ids that are objects...), as a server might send.
    production.lok.variant = Variant(unreadable_per_page=2)
    pane = loaded_pane()
    text = pane.count_label.text()
    assert pane.model.rowCount() > 0
    assert "could not be read" in text, text
    unreadable = int(text.split("·")[1].split()[0].replace(",", ""))
    assert unreadable >= 2 and unreadable % 2 == 0, text   # two a page, every page counted

"""A Lok that sends records the client cannot read: the Reservations pane says how many, beside the count."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from lok_desk.api import Credentials, TokenCache
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.desk.session import CUSTOM, Session, open_session
from lok_desk.paths import AppPaths
from tests.production.server import CLIENTS, ProductionLok, ProductionServer, Variant


@pytest.fixture
def production() -> Iterator[ProductionServer]:
    server = ProductionServer(ProductionLok()).start()
    try:
        yield server
    finally:
        server.close()


def test_records_lok_sent_but_the_desk_cannot_read_are_counted_on_screen(
    qtbot: Any, arun: Callable[..., Any], desk_paths: AppPaths, production: ProductionServer
) -> None:
    # Two junk records on every page (not objects, ids that are objects...), as a server might send.
    production.lok.variant = Variant(unreadable_per_page=2)
    secret = CLIENTS["prod-owner"][0]
    session: Session = arun(open_session(
        base_url=production.api_url, credentials=Credentials("prod-owner", secret),
        token_cache=TokenCache(desk_paths.token_cache_file), environment=CUSTOM, sandbox=None))
    try:
        session.has_window = True
        pane = ReservationsPane(session)
        qtbot.addWidget(pane)
        pane.show()
        arun(pane.refresh(), timeout=60.0)
        text = pane.count_label.text()
        readable = pane.model.rowCount()
        assert readable > 0
        assert "could not be read" in text, text
        unreadable = int(text.split("·")[1].split()[0].replace(",", ""))
        assert unreadable >= 2 and unreadable % 2 == 0, text   # two a page, every page counted
    finally:
        arun(session.aclose())

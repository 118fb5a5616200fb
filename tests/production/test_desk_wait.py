"""The desk says "Lok asked us to wait N s" when Retry-After is longer than the client waits by itself."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # as tests/desk/conftest.py: no display needed

import pytest

from lok_desk.api import LokError
from lok_desk.desk.kit.i18n import install_language
from lok_desk.desk.kit.problems import describe
from lok_desk.desk.kit.problems import problem_from as problem_of

from .conftest import Clients
from .server import ProductionServer, Throttle


async def _throttled(production: ProductionServer, connect: Clients) -> LokError:
    client = await connect()
    production.lok.throttles[("GET", "/company/locations")] = Throttle([(503, "90")])
    with pytest.raises(LokError) as caught:
        await client.list_locations()
    return caught.value


async def test_the_desk_says_how_long_lok_asked_to_wait(
    qapp: Any, production: ProductionServer, connect: Clients
) -> None:
    error = await _throttled(production, connect)
    assert error.retry_after_s == 90.0 and error.status_code == 503
    what, next_step = describe(problem_of(error, doing="loading locations", server="lok.example"))
    assert what == "Lok asked us to wait 90 s while loading locations."
    assert next_step == "Lok is busy. Wait that long, then try again."


async def test_and_says_it_in_spanish(qapp: Any, production: ProductionServer, connect: Clients) -> None:
    error = await _throttled(production, connect)
    installed = install_language("es")
    try:
        what, next_step = describe(problem_of(error, doing="cargar las ubicaciones"))
    finally:
        installed.uninstall()
    assert what == "Lok nos pidió esperar 90 s al cargar las ubicaciones."
    assert next_step == "Lok está saturado. Espera ese tiempo y vuelve a intentarlo."

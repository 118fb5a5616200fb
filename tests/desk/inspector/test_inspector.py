"""The code inspector against a real sandbox: every reason a code does or does not work, typed the way
a barcode scanner types (keys, then Enter), with what was searched when nothing matches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from lok_desk.api import LokClient, models
from lok_desk.core.codes import CodeKind, Verdict
from lok_desk.desk.inspector.pane import CodeInspector
from lok_desk.desk.kit import formatting
from lok_desk.desk.qt_session import QtSession
from lok_desk.sandbox import SandboxServer
from tests.desk.reservations._helpers import until
from tests.desk.reservations.test_pane_flows import direct_request, first_location_free, type_at_kiosk


async def server_now(sandbox: SandboxServer) -> Any:
    async with httpx.AsyncClient() as http:
        answer = await http.get(f"{sandbox.base_url}/sandbox/clock")
    return models.parse_datetime(answer.json()["now"])


async def advance(sandbox: SandboxServer, seconds: float) -> None:
    async with httpx.AsyncClient() as http:
        answer = await http.post(f"{sandbox.base_url}/sandbox/clock", json={"advance_seconds": seconds})
    assert answer.status_code == 200, answer.text


NOT_FOUND_WORDS = ("Not found among the active reservations and those of the last 30 days"
                   " (older ones were not searched): an older code, or not one of this company.")

def make_inspector(qtbot: Any, session: QtSession) -> CodeInspector:
    session.has_window = True
    inspector = CodeInspector(session)
    qtbot.addWidget(inspector)
    inspector.resize(900, 500)
    inspector.show()
    return inspector


async def scan(qtbot: Any, inspector: CodeInspector, code: str) -> None:
    """What a keyboard-wedge scanner does: the characters, then Enter; no mouse."""
    inspector.code_edit.setFocus()
    inspector.code_edit.selectAll()
    before = inspector.lookup
    qtbot.keyClicks(inspector.code_edit, code)
    qtbot.keyClick(inspector.code_edit, Qt.Key.Key_Return)
    await until(lambda: inspector.lookup is not before and inspector.lookup is not None, what=f"{code}")


async def desk_reads(session: QtSession, reservation_id: str) -> None:
    """The desk opens the reservation once (#15), as the detail panel does: now it knows its tokens."""
    result = await session.service.get_reservation(reservation_id, include_tokens=True)
    session.store.merge_detail(result)


def test_every_reason_a_code_works_or_not(qtbot: Any, run: Any, desk_session: Callable[..., QtSession],
                                          api: Callable[[str], LokClient], sandbox: SandboxServer) -> None:
    session = desk_session("owner")
    client = api("owner")

    async def scenario() -> None:
        await session.load_locations()
        inspector = make_inspector(qtbot, session)
        antara = await first_location_free(client, "Antara Polanco")
        one = await client.create_reservation(antara.id, direct_request("INSP-0001"))
        two = await client.create_reservation(antara.id, direct_request("INSP-0002"))
        await desk_reads(session, str(one.reservation.id))
        await desk_reads(session, str(two.reservation.id))
        tokens = one.tokens
        timezone = antara.timezone

        async def verdict_of(code: str) -> Verdict:
            await scan(qtbot, inspector, code)
            assert inspector.lookup is not None
            return inspector.lookup.answer.verdict

        assert await verdict_of(str(tokens.delivery_token)) is Verdict.WORKS
        assert inspector.kind_label.text() == "Delivery token (for the courier)"
        assert inspector.verdict.text() == "Works at the locker now."
        assert "INSP-0001" in inspector.reservation_label.text()
        assert inspector.print_button.isEnabled()
        # The scan left the field selected: the next scan replaces it.
        assert inspector.code_edit.selectedText() == str(tokens.delivery_token)
        assert await verdict_of(str(tokens.pickup_token)) is Verdict.NOT_DELIVERED_YET
        assert inspector.verdict.text().startswith("Does not work yet: the parcel is not delivered")
        assert await verdict_of(str(tokens.reopen_1_token)) is Verdict.NOT_DELIVERED_YET

        await type_at_kiosk(sandbox, tokens.delivery_token)
        assert await verdict_of(str(tokens.delivery_token).lower()) is Verdict.ALREADY_USED
        assert inspector.lookup is not None and inspector.lookup.answer.at is not None
        used_at = formatting.format_local(inspector.lookup.answer.at, timezone)
        assert inspector.verdict.text() == f"Does not work: already used at {used_at}."
        assert await verdict_of(str(tokens.cancel_token)) is Verdict.IN_LOCKER
        assert await verdict_of(str(tokens.reopen_2_token)) is Verdict.REOPEN_1_FIRST
        assert await verdict_of(str(tokens.pickup_token)) is Verdict.WORKS
        # The same pick-up code, typed at another location's locker.
        other = next(i for i in range(inspector.at_combo.count())
                     if inspector.at_combo.itemData(i) not in (None, antara.id))
        inspector.at_combo.setCurrentIndex(other)
        assert await verdict_of(str(tokens.pickup_token)) is Verdict.OTHER_LOCATION
        assert "Antara Polanco" in inspector.verdict.text()
        inspector.at_combo.setCurrentIndex(0)

        await type_at_kiosk(sandbox, tokens.pickup_token)
        assert await verdict_of(str(tokens.pickup_token)) is Verdict.ALREADY_USED
        assert await verdict_of(str(tokens.reopen_1_token)) is Verdict.PICKED_UP
        assert not inspector.copy_button.isEnabled()           # void once picked up
        assert not inspector.print_button.isEnabled()          # void: nothing to print

        await client.cancel_reservation(str(two.reservation.id))
        assert await verdict_of(str(two.tokens.delivery_token)) is Verdict.CANCELLED
        assert inspector.verdict.text().startswith("Does not work: the reservation was cancelled (")
        # A void token is never copied (issue 19 point 12): the button is off and Copy does nothing.
        assert not inspector.copy_button.isEnabled() and "void" in inspector.copy_button.toolTip()
        QGuiApplication.clipboard().setText("before")
        inspector.copy_code()
        assert QGuiApplication.clipboard().text() == "before"

        # Ids identify; they open nothing. A shipment id the desk never loaded is asked of Lok.
        assert await verdict_of("INSP-0002") is Verdict.NOT_A_LOCKER_CODE
        assert inspector.lookup is not None and inspector.lookup.kind is CodeKind.SHIPMENT_ID
        assert await verdict_of(str(one.reservation.id)) is Verdict.NOT_A_LOCKER_CODE
        assert inspector.lookup is not None and inspector.lookup.kind is CodeKind.RESERVATION_ID
        if one.confirmation_code:
            assert await verdict_of(one.confirmation_code) is Verdict.NOT_A_LOCKER_CODE

        assert await verdict_of("ZZZZ-NOT-A-CODE") is Verdict.NOT_FOUND
        assert inspector.verdict.text() == NOT_FOUND_WORDS
        searched = inspector.searched_label.text()
        for place in ("codes of", "read from Lok", "was not sent to Lok"):
            assert place in searched
        assert not inspector.open_button.isEnabled()

        # Keyboard only: Alt+C copies what was scanned.
        inspector.activateWindow()
        await until(inspector.isActiveWindow, what="the inspector window active")
        qtbot.keyClick(inspector.code_edit, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
        await until(lambda: QGuiApplication.clipboard().text() == "ZZZZ-NOT-A-CODE", what="the copy")
        # Alt+O on a found code asks the Reservations pane to open it.
        opened: list[str] = []
        inspector.open_requested.connect(opened.append)
        await scan(qtbot, inspector, "INSP-0001")
        qtbot.keyClick(inspector.code_edit, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
        await until(lambda: opened == [one.reservation.id], what="the open request")

    run(scenario())


def test_pre_reservation_codes_before_confirmation_and_after_expiry(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], api: Callable[[str], LokClient],
    sandbox: SandboxServer,
) -> None:
    session = desk_session("owner")
    client = api("owner")

    async def scenario() -> None:
        await session.load_locations()
        inspector = make_inspector(qtbot, session)
        antara = await first_location_free(client, "Antara Polanco")
        assert antara.coords is not None
        search = models.AvailabilitySearch(
            coords=models.SearchCoords(longitude=antara.coords.longitude, latitude=antara.coords.latitude),
            max_distance=5_000, limit=5, size="m")
        found = await client.search_available_locations(search)
        assert found.grant
        delivery = (await server_now(sandbox)) + timedelta(hours=2)
        pre = await client.create_pre_reservation(antara.id, found.grant, models.PreReservationRequest(
            size="m", shipment_id="INSP-PRE", delivery_date=delivery))
        await desk_reads(session, str(pre.reservation.id))
        await scan(qtbot, inspector, str(pre.tokens.delivery_token))
        assert inspector.lookup is not None
        assert inspector.lookup.answer.verdict is Verdict.NOT_CONFIRMED_YET

        await advance(sandbox, 27 * 3600)   # past the delivery date plus Lok's 24 h of grace
        await scan(qtbot, inspector, str(pre.tokens.delivery_token))
        assert inspector.lookup is not None
        assert inspector.lookup.answer.verdict is Verdict.PRE_RESERVATION_EXPIRED
        assert inspector.verdict.text().startswith("Does not work: the pre-reservation was never confirmed")

    run(scenario())


def test_an_employee_searches_their_own_location_and_sends_nothing_typed(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], api: Callable[[str], LokClient],
) -> None:
    # Asking Lok for the typed id (which once told "a code of another location") would put the text
    # in the action log; the employee's search reads their own location's recent reservations only.
    session = desk_session("employee")
    client = api("owner")

    async def scenario() -> None:
        await session.load_locations()
        own = session.capabilities.location_id
        page = await client.list_locations(page_size=100)
        elsewhere = next(location for location in page.locations if location.id != own)
        theirs = await client.create_reservation(elsewhere.id, direct_request("INSP-ELSEWHERE"))
        inspector = make_inspector(qtbot, session)
        for text in (str(theirs.reservation.id), "INSP-ELSEWHERE"):
            await scan(qtbot, inspector, text)
            assert inspector.lookup is not None and inspector.lookup.answer.verdict is Verdict.NOT_FOUND
            assert "was not sent to Lok" in inspector.searched_label.text()
        logs = await client.get_action_logs()
        assert not [e for e in logs if (e.resource or "").startswith("GET")
                    and ("INSP-ELSEWHERE" in f"{e.resource}{e.payload}"
                         or str(theirs.reservation.id) in f"{e.resource}{e.payload}")]

    run(scenario())


def test_odd_input_is_not_found_never_a_crash(qtbot: Any, run: Any,
                                              desk_session: Callable[..., QtSession]) -> None:
    session = desk_session("owner")

    async def scenario() -> None:
        inspector = make_inspector(qtbot, session)
        for odd in ("x" * 5000, "ñ😀/../?&#%", "\x00abc", "a b c"):
            lookup = await inspector.inspect(odd)
            assert lookup.answer.verdict is Verdict.NOT_FOUND and not lookup.stale, odd[:10]
            assert inspector.verdict.text() == NOT_FOUND_WORDS
        empty = await inspector.inspect("   ")
        assert empty.answer.verdict is Verdict.NOT_FOUND

    run(scenario())

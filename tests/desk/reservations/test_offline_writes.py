"""Writes need the server: while it cannot be reached a create is refused before anything is sent, what
was typed stays in the form, and the same button works once the connection is back (no queued writes)."""

from __future__ import annotations

from typing import Any

import httpx
from PySide6.QtCore import Qt

from lok_desk.api import LokClient, models
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.sandbox import SandboxServer

from ._helpers import until
from .test_pane_flows import PaneFactory, choose_location, fill_people, open_create_dialog


def _faults(sandbox: SandboxServer, *rules: dict[str, Any]) -> None:
    if rules:
        httpx.post(f"{sandbox.base_url}/sandbox/faults", json={"rules": list(rules)}).raise_for_status()
    else:
        httpx.delete(f"{sandbox.base_url}/sandbox/faults").raise_for_status()


def test_a_create_while_offline_is_refused_before_sending_and_kept_for_the_retry(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Any, sandbox: SandboxServer
) -> None:
    pane: ReservationsPane = make_pane("owner")
    session = pane._session
    session.probe_interval_s = 0.2
    session.probe_interval_max_s = 0.5
    run(pane.refresh())
    owner: LokClient = api("owner")

    async def scenario() -> None:
        dialog = await open_create_dialog(qtbot, pane)
        choose_location(qtbot, dialog, "Antara Polanco")
        fill_people(qtbot, dialog)
        qtbot.keyClicks(dialog.shipment_edit, "OFFLINE-TRY-1")
        qtbot.keyClicks(dialog.size_combo, "S")
        qtbot.keyClicks(dialog.weight_edit, "1")
        qtbot.keyClicks(dialog.value_edit, "300")

        _faults(sandbox, {"path": ".*", "drop": True})   # the server stops answering
        await pane.refresh()                              # the desk notices (the list stays)
        await until(lambda: session.offline, what="offline")

        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        await until(dialog.general_error.isVisible, what="the refusal")
        said = dialog.general_error.text()      # through the problem path (lok_desk.core.problems)
        assert "Nothing was sent" in said and "cannot reach" in said
        assert "highlighted" not in said        # no field is concerned, so no sentence about fields
        assert not any(error.has_error for error in dialog.errors.values())
        assert dialog.result_value is None
        assert dialog.recipient_name.text() == "Ana Lopez" and dialog.shipment_edit.text() == "OFFLINE-TRY-1"

        _faults(sandbox)                               # back: the probe notices by itself
        await until(lambda: not session.offline, timeout=30, what="online again")
        nothing = await owner.list_reservations(models.ReservationFilters(shipment_id="OFFLINE-TRY-1",
                                                                          only_active=False))
        assert nothing.reservations == []              # the refused create never reached Lok
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.result_value is not None, timeout=30, what="created")
        page = await owner.list_reservations(models.ReservationFilters(shipment_id="OFFLINE-TRY-1",
                                                                       only_active=False))
        assert [r.shipment_id for r in page.reservations] == ["OFFLINE-TRY-1"]   # once, not queued twice
        dialog.reject()

    run(scenario())

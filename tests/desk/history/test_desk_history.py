"""Desk history against a real sandbox: the desk's own writes with their results (never a token),
merged with Lok's action log for a role that may read it, searched, and exported to CSV that reads
back with the same values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from lok_desk.api import LokError
from lok_desk.core.csv_export import cell as csv_value
from lok_desk.core.csv_export import read_csv
from lok_desk.core.history import HISTORY_COLUMNS, Source
from lok_desk.core.problems import Kind
from lok_desk.core.service import OfflineWriteRefused, RoleWriteRefused
from lok_desk.desk.history.pane import DeskHistoryPane
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for
from tests.desk.reservations.test_pane_flows import direct_request
from tests.e2e.conftest import SECOND_LOCATION


def make_pane(qtbot: Any, session: QtSession, tmp_path: Path) -> DeskHistoryPane:
    session.has_window = True

    async def save_path(_parent: QWidget, suggested: str) -> str:
        return str(tmp_path / suggested)

    pane = DeskHistoryPane(session, save_path=save_path)
    qtbot.addWidget(pane)
    pane.show()
    return pane


def test_writes_are_recorded_with_their_result_merged_and_exported(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], tmp_path: Path,
) -> None:
    session = desk_session("owner")
    recorder = recorder_for(session)

    async def scenario() -> None:
        await session.load_locations()
        location = next(loc for loc in session.locations if loc.internal_name == "Antara Polanco")
        created = await session.service.create_reservation(location.id, direct_request("HIST-0007"))
        rid = str(created.reservation.id)
        await session.service.cancel_reservation(rid)
        with pytest.raises(LokError):
            await session.service.cancel_reservation(rid)     # already cancelled: Lok refuses
        await recorder.flush()
        text = recorder.log.path.read_text(encoding="utf-8")
        for name in ("delivery", "pickup", "reopen_1", "reopen_2", "cancel"):
            token = created.tokens.token(name)
            assert token and token not in text              # never a token on disk

        pane = make_pane(qtbot, session, tmp_path)
        rows = await pane.load()
        desk = [row for row in rows if row.source is Source.DESK]
        assert [(row.what, row.outcome) for row in desk] == [
            ("cancelled", "refused"), ("cancelled", "done"), ("created", "done")]
        assert desk[2].shipment_id == "HIST-0007" and desk[2].who == session.user.email
        assert desk[0].problem is not None and desk[0].problem.kind is Kind.INVALID_STATE
        assert "INVALID_RESERVATION" not in text and desk[0].detail == ""
        assert any(row.source is Source.LOK for row in rows)  # the owner reads Lok's action log too

        pane.search_edit.setText("HIST-0007")
        assert [row.what for row in pane.shown()] == ["cancelled", "created"]
        pane.search_edit.setText(rid)
        # The id finds this desk's lines and Lok's own lines of the same calls: one merged story.
        assert {row.source for row in pane.shown()} == {Source.DESK, Source.LOK}
        pane.source_combo.setCurrentIndex(pane.source_combo.findData(Source.DESK.value))
        pane.action_combo.setCurrentIndex(pane.action_combo.findData("cancelled"))
        shown = pane.shown()
        assert [row.outcome for row in shown] == ["refused", "done"]
        assert pane.model.index(0, 3).data() == "Cancelled" and pane.model.index(0, 4).data() == "Refused"

        path = await pane.export_csv()
        assert path is not None
        table = read_csv(Path(path))
        assert table[0] == list(HISTORY_COLUMNS)
        # A refusal is exported as its kind (a stable value), never Lok's code or English.
        assert table[1:] == [[csv_value(value) for value in (row.at, row.source.value, row.who, row.what,
                                                              row.outcome, row.reservation_id,
                                                              row.shipment_id, row.location_id,
                                                              row.problem.kind.value if row.problem else "")]
                             for row in shown]
        assert table[1][0].endswith("+00:00")

    run(scenario())


def test_an_employee_sees_this_desks_history_and_why_not_loks(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], tmp_path: Path,
) -> None:
    session = desk_session("employee")

    async def scenario() -> None:
        pane = make_pane(qtbot, session, tmp_path)
        rows = await pane.load()
        assert all(row.source is Source.DESK for row in rows)
        assert pane.note.text().startswith("What was done at this desk (kept on this computer). Lok's "
                                           "action log is not shown: ")

    run(scenario())


def test_refusals_before_sending_are_recorded_through_the_write_hook(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], tmp_path: Path,
) -> None:
    session = desk_session("employee")
    recorder = recorder_for(session)
    # The history listens to the service's write hook: no method of the service is replaced.
    assert not {"create_reservation", "cancel_reservation"} & set(vars(session.service))

    async def scenario() -> None:
        assert session.capabilities.location_id != SECOND_LOCATION
        with pytest.raises(RoleWriteRefused):
            await session.service.create_reservation(SECOND_LOCATION, direct_request("HIST-ROLE"))
        session.service.offline = True
        try:
            with pytest.raises(OfflineWriteRefused):
                await session.service.cancel_reservation("any-reservation")
        finally:
            session.service.offline = False
        await recorder.flush()
        pane = make_pane(qtbot, session, tmp_path)
        desk = [row for row in await pane.load() if row.source is Source.DESK]
        assert [(row.what, row.outcome) for row in desk] == [("cancelled", "failed"), ("created", "refused")]
        assert [row.problem.kind if row.problem else None for row in desk] == [
            Kind.NOT_SENT_OFFLINE, Kind.NOT_ALLOWED]
        assert desk[0].reservation_id == "any-reservation"

    run(scenario())

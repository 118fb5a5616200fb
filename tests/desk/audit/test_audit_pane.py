"""The locker audit pane against a real sandbox, with a planted discrepancy: a box Lok says is full is
empty, another holds a parcel Lok does not know. Scanned like a person with a keyboard-wedge scanner;
interrupted and resumed; finished with the discrepancies listed, exported (CSV, PDF) and recorded."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lok_desk.api import LokClient
from lok_desk.core.audit import Advice, Mark
from lok_desk.core.csv_export import read_csv
from lok_desk.core.history import Action, DeskLog
from lok_desk.desk.audit.pane import AuditPane
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for
from tests.desk.reservations.test_pane_flows import direct_request, type_at_kiosk
from tests.e2e.conftest import FIRST_LOCATION


def make_pane(qtbot: Any, session: QtSession, tmp_path: Path) -> AuditPane:
    session.has_window = True

    async def save(_parent: QWidget, suggested: str) -> str:
        return str(tmp_path / suggested)

    pane = AuditPane(session, directory=tmp_path / "audits", save_csv=save, save_pdf=save)
    qtbot.addWidget(pane)
    pane.resize(1024, 600)
    pane.show()
    pane.start()
    return pane


def scan(qtbot: Any, pane: AuditPane, label: str) -> None:
    qtbot.keyClicks(pane.label_edit, label)
    qtbot.keyClick(pane.label_edit, Qt.Key.Key_Return)


def test_an_audit_with_a_planted_discrepancy_is_listed_resumed_and_exported(
        qtbot: Any, run: Any, desk_session: Callable[..., QtSession], api: Callable[[str], LokClient],
        sandbox: Any, tmp_path: Path) -> None:
    session = desk_session("employee")
    client = api("employee")
    recorder = recorder_for(session)
    recorder.log = DeskLog(tmp_path / "history.jsonl")

    async def scenario() -> None:
        await session.load_locations()
        made = [await client.create_reservation(FIRST_LOCATION, direct_request(f"AUDIT-{n}"))
                for n in range(2)]
        for created in made:
            await type_at_kiosk(sandbox, created.tokens.delivery_token)
        pane = make_pane(qtbot, session, tmp_path)
        assert await pane.begin()
        audit = pane.audit
        assert audit is not None and len(audit.rows) >= 3
        first, second, third = audit.rows[:3]
        assert pane.label_edit.hasFocus()
        scan(qtbot, pane, first.shipment_id)                    # the expected parcel: present
        assert first.mark is Mark.PRESENT and audit.current is second
        pane.empty_button.click()                                # planted: Lok says full, the box is empty
        assert second.mark is Mark.EMPTY
        scan(qtbot, pane, "STRAY-PARCEL-9")                      # planted: a parcel Lok does not know
        assert (third.mark, third.found_shipment_id) == (Mark.DIFFERENT, "STRAY-PARCEL-9")
        assert "found STRAY-PARCEL-9" in pane.status.text()
        # A box-opening code scanned by mistake is refused and never recorded.
        session.store.tokens.put(made[0].reservation.id or "", made[0].tokens, None)
        code = made[0].tokens.pickup_token or ""
        scan(qtbot, pane, code)
        assert "box-opening code" in pane.status.text() and audit.current is audit.rows[3]
        assert code not in (tmp_path / "audits").joinpath(pane.journal.path.name).read_text(encoding="utf-8")
        assert stat.S_IMODE(pane.journal.path.stat().st_mode) == 0o600
        # The window closes; a new pane resumes where the audit stopped.
        pane.close()
        again = make_pane(qtbot, session, tmp_path)
        assert await again.begin()
        assert again.resumed == 3 and "Resumed" in again.status.text()
        assert again.audit is not None and again.audit.current is not None
        assert again.audit.current.reservation_id == audit.rows[3].reservation_id
        assert "3 of" in again.progress_label.text()
        found = await again.finish()
        advice = {d.row.box_id: d.advice for d in found}
        assert advice[second.box_id] is Advice.CHECK_PICKUP_HISTORY
        assert advice[third.box_id] is Advice.FIND_ITS_SHIPMENT
        assert again.discrepancy_table.isVisible() and again.journal.load() is None
        listed = again.discrepancy_model
        shown = [listed.index(r, 3).data() for r in range(listed.rowCount())]
        assert any("history" in text for text in shown)
        csv_path = await again.export_csv()
        assert csv_path is not None and stat.S_IMODE(Path(csv_path).stat().st_mode) == 0o600
        rows = read_csv(csv_path)
        assert rows[0][0] == "Box" and {r[0] for r in rows[1:]} >= {second.box_id, third.box_id}
        assert code not in Path(csv_path).read_text(encoding="utf-8")
        pdf_path = await again.export_pdf()
        assert pdf_path is not None and Path(pdf_path).read_bytes().startswith(b"%PDF")
        await recorder.flush()
        actions = [e.action for e in recorder.log.read()]
        assert Action.AUDITED in actions and actions.count(Action.EXPORTED_AUDIT) == 2

    run(scenario())

"""The courier sheet of a real batch carries exactly the batch's delivery codes as scannable QR codes,
on office paper and on labels, and the recipient slips (pick-up codes) only when asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lok_desk.core.intake import ParcelEntry, ParcelState
from lok_desk.desk.intake.sheet import render_pages
from lok_desk.desk.kit.printing import PaperFormat
from lok_desk.desk.qt_session import QtSession
from tests.desk.intake.test_intake_dialog import make_dialog
from tests.desk.reservations.test_slips import codes_on


def test_the_sheet_holds_every_delivery_code_of_the_batch(
        qtbot: Any, run: Any, desk_session: Callable[..., QtSession], tmp_path: Path) -> None:
    session = desk_session("employee")
    dialog = make_dialog(qtbot, session, tmp_path)
    dialog.carrier_edit.setText("Veloz")
    dialog.batch.carry = dialog._carry()

    async def scenario() -> None:
        await session.load_locations()
        for index, measures in enumerate(("12 30 40", "8 30 50", "30 30 50", "9 20 30", "18 34 58",
                                          "10 10 10", "15 30 40", "35 30 55")):
            width, height, length = measures.split()
            await dialog.batch.submit(ParcelEntry(f"SHEET-{index}", width, height, length, "2",
                                                  recipient_name=f"Recipient {index}"))
        undone = dialog.batch.parcels[2]
        await dialog.batch.undo(undone)
        created = dialog.batch.created()
        assert len(created) == 7 and all(p.state is ParcelState.CREATED for p in created)
        expected = sorted(p.delivery_token or "" for p in created)
        sheet = dialog.courier_sheet()
        a4 = render_pages(sheet, PaperFormat.A4, dpi=150)
        assert len(a4) == 1 and codes_on(a4) == expected        # seven fit an A4 page; none undone
        labels = render_pages(sheet, PaperFormat.LABEL_4X6, dpi=150)
        assert len(labels) == 7 and codes_on(labels) == expected
        dialog.recipient_slips_check.setChecked(True)
        with_slips = dialog.courier_sheet()
        pickup = sorted(p.created.tokens.pickup_token or "" for p in created if p.created is not None)
        assert sorted(with_slips.codes()) == sorted(expected + pickup)
        pages = render_pages(with_slips, PaperFormat.A4, dpi=150)
        assert codes_on(pages) == sorted(expected + pickup)

    run(scenario())

"""Benchmark (prints figures): the real intake window driven like a keyboard-wedge scanner for 10 parcels.

Run: QT_QPA_PLATFORM=offscreen python -m pytest tests/desk/intake/test_intake_benchmark.py -s -q

Per parcel: the scanner types the shipment id with 4 ms between keys and Enter (as `xdotool type --delay
4` does); the clerk types the measures ("12 30 40 2": the size comes from them), Enter, the recipient's
name and Enter, which creates. Every key press the window receives is counted by an application event
filter and split into the scanned text (the id and its Enter), the values typed (measures, name) and the
keys that only move or act (Enter, Tab, Ctrl+…) — the figure the issue aims at (≤ 3 per parcel). Times:
create key → form ready for the next scan, create key → Lok's answer in the list, and the whole batch.
The only assertion is on the key count, which is deterministic; times are printed, never asserted.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from lok_desk.core.intake import ParcelState
from lok_desk.desk.qt_session import QtSession
from tests.desk.intake.test_intake_dialog import make_dialog

PARCELS = 10
MEASURES = ("12 30 40 2", "8 30 50 1", "30 30 50 6", "12 30 40 2", "50 40 55 9",
            "9 20 30 0.5", "15 30 40 3", "35 30 55 8", "10 10 10 1", "18 34 58 4")


class KeyCounter(QObject):
    """Counts key presses delivered to widgets, by the phase the benchmark says it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.phase = "idle"
        self.counts: dict[str, int] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # One press reaches the focused widget (and may bubble to its parents): count it once, at the
        # widget with focus.
        if event.type() == QEvent.Type.KeyPress and watched is QApplication.focusWidget():
            assert isinstance(event, QKeyEvent)
            if not event.isAutoRepeat():
                self.counts[self.phase] = self.counts.get(self.phase, 0) + 1
        return False


def test_ten_parcels_like_a_scanner(qtbot: Any, qloop: Any, desk_session: Callable[..., QtSession],
                                    tmp_path: Path) -> None:
    session = desk_session("employee")
    dialog = make_dialog(qtbot, session, tmp_path)
    qtbot.keyClicks(dialog.carrier_edit, "Veloz")
    dialog.shipment_edit.setFocus()
    counter = KeyCounter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    stamp = f"{time.time_ns() % 10**8:08d}"
    ready_ms: list[float] = []
    answer_ms: list[float] = []

    # Typed from the test itself, not inside a coroutine: QTest's delays run the event loop, and the
    # desk's tasks (the create, the box counts) must be free to run meanwhile.
    started = time.perf_counter()
    try:
        for index in range(PARCELS):
            shipment = f"BENCH-{stamp}-{index:02d}"
            counter.phase = "scanned"
            qtbot.keyClicks(dialog.focusWidget(), shipment, delay=4)
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
            counter.phase = "typed"
            qtbot.keyClicks(dialog.focusWidget(), MEASURES[index])
            counter.phase = "control"
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
            counter.phase = "typed"
            qtbot.keyClicks(dialog.focusWidget(), f"Recipient {index}")
            counter.phase = "control"
            pressed = time.perf_counter()
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
            counter.phase = "idle"
            qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.shipment_edit, timeout=20_000)
            ready_ms.append((time.perf_counter() - pressed) * 1000)
            parcel = dialog.batch.parcels[-1]
            qtbot.waitUntil(lambda p=parcel: p.state is not ParcelState.SENDING, timeout=20_000)
            answer_ms.append((time.perf_counter() - pressed) * 1000)
        total_s = time.perf_counter() - started
    finally:
        app.removeEventFilter(counter)
    states = [parcel.state for parcel in dialog.batch.parcels]
    assert states == [ParcelState.CREATED] * PARCELS, [p.refusal for p in dialog.batch.parcels]
    scanned = counter.counts.get("scanned", 0) / PARCELS
    typed = counter.counts.get("typed", 0) / PARCELS
    control = counter.counts.get("control", 0) / PARCELS
    print(f"\nintake benchmark: {PARCELS} parcels, sizes from the measures "
          f"({', '.join(str(p.size).upper() for p in dialog.batch.parcels)})")
    print(f"  keys per parcel: scanned {scanned:.1f} (id + Enter), typed values {typed:.1f} "
          f"(measures + recipient name), keys that only move or create {control:.1f}")
    print(f"  beyond the scanned text: {typed + control:.1f} keys per parcel, of which {control:.1f} "
          "are not the values themselves")
    print(f"  create key -> ready for the next scan: median {statistics.median(ready_ms):.1f} ms, "
          f"max {max(ready_ms):.1f} ms")
    print(f"  create key -> Lok's answer in the list: median {statistics.median(answer_ms):.0f} ms, "
          f"max {max(answer_ms):.0f} ms")
    print(f"  whole batch (scanner at 4 ms a key, values typed instantly): {total_s:.2f} s, "
          f"{total_s / PARCELS:.2f} s per parcel")
    assert control <= 3

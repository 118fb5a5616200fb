"""The open detail through an outage: while Lok cannot be reached a row opened shows what the list knows
of it, marked as of when and without its codes; when the connection is back it is read again by itself
(no other row to choose, no F5)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from lok_desk.desk.window.main_window import MainWindow
from lok_desk.sandbox import SandboxServer


def _faults(sandbox: SandboxServer, *rules: dict[str, Any]) -> None:
    if rules:
        httpx.post(f"{sandbox.base_url}/sandbox/faults", json={"rules": list(rules)}).raise_for_status()
    else:
        httpx.delete(f"{sandbox.base_url}/sandbox/faults").raise_for_status()


def test_the_open_detail_shows_the_known_row_offline_and_is_read_again_when_back(
        signed_in_window: Callable[..., MainWindow], sandbox: SandboxServer, qtbot: Any) -> None:
    window = signed_in_window("owner")
    pane = window.reservations
    qtbot.waitUntil(lambda: not pane.loading and pane.model.rowCount() >= 2, timeout=20000)
    first, second = pane.model.row_at(0).id, pane.model.row_at(1).id
    pane.show_detail_soon(first)
    qtbot.waitUntil(lambda: pane.detail.reservation_id == first, timeout=20000)
    window.session.probe_interval_s = window.session.probe_interval_max_s = 0.1

    _faults(sandbox, {"path": ".*", "drop": True})
    pane.show_detail_soon(second)
    qtbot.waitUntil(lambda: pane.detail_refresh_due == second, timeout=30000)
    assert window.session.offline
    detail = pane.detail
    assert detail.reservation_id == second, "the known row, not a blank panel"
    assert detail.banner.isVisibleTo(detail) and "Offline: shown as known at" in detail.banner.text()
    assert not detail.result.tokens.delivery_token, "no codes from the list"
    offline_result = detail.result

    _faults(sandbox)
    qtbot.waitUntil(lambda: not window.session.offline, timeout=30000)
    qtbot.waitUntil(lambda: pane.detail_refresh_due is None, timeout=30000)
    assert detail.reservation_id == second and not detail.banner.isVisibleTo(detail)
    assert detail.result is not offline_result, "read afresh from Lok"

"""Notification settings pane against the real sandbox: webhook URL/events, on/off, e-mails, roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from lok_desk.desk.owner import NotificationSettingsPane, owner_panes
from lok_desk.desk.session import Session

from ._helpers import click


def open_pane(desk_session: Callable[..., Session], show_pane: Any, qtbot: Any,
              role: str = "owner") -> NotificationSettingsPane:
    pane = NotificationSettingsPane(desk_session(role))
    show_pane(pane)
    qtbot.waitUntil(lambda: pane.webhook.loaded and pane._emails_loaded, timeout=10000)
    return pane


def save_through_dialog(pane: NotificationSettingsPane, button: Any, qtbot: Any) -> None:
    click(qtbot, button)
    qtbot.waitUntil(lambda: pane.diff_dialog is not None and pane.diff_dialog.isVisible())
    dialog = pane.diff_dialog
    assert dialog is not None
    click(qtbot, dialog.save_button)


def test_owner_edits_webhook_url_and_events_and_lok_keeps_them(
        desk_session: Any, show_pane: Any, qtbot: Any, fresh_client: Any) -> None:
    pane = open_pane(desk_session, show_pane, qtbot)
    assert pane.status_label.text().startswith("◌")       # nothing set up on a fresh sandbox
    assert not pane.enabled_switch.isEnabled()
    assert not pane.webhook_unsaved.isVisible()

    qtbot.keyClicks(pane.url_edit, "https://hooks.example.com/lok")
    assert pane.webhook_unsaved.isVisible()
    click(qtbot, pane.some_events_radio)
    for event in ("reopened", "reopened2", "undelivered", "unpicked"):
        click(qtbot, pane.event_checks[event])
    save_through_dialog(pane, pane.webhook_save, qtbot)
    qtbot.waitUntil(lambda: not pane.webhook_unsaved.isVisible(), timeout=10000)
    assert pane.status_label.text().startswith("✓")     # PUT creates it enabled
    assert pane.secret_edit.echoMode() == pane.secret_edit.EchoMode.Password
    assert pane.secret_edit.text().startswith("whsec_")

    stored = fresh_client("owner", lambda client: client.get_webhook())
    assert stored.url == "https://hooks.example.com/lok"
    assert sorted(stored.events) == ["cancelled", "delivered", "picked_up", "reserved"]
    assert stored.enabled

    # Back to "All events": the request leaves `events` out and Lok stores every event.
    click(qtbot, pane.all_events_radio)
    assert pane.webhook_unsaved.isVisible()
    save_through_dialog(pane, pane.webhook_save, qtbot)
    qtbot.waitUntil(lambda: not pane.webhook_unsaved.isVisible(), timeout=10000)
    stored = fresh_client("owner", lambda client: client.get_webhook())
    assert len(stored.events) == 8

    # The switch (#34) turns it off without touching the address.
    click(qtbot, pane.enabled_switch)
    qtbot.waitUntil(lambda: pane.status_label.text().startswith("✕"), timeout=10000)
    stored = fresh_client("owner", lambda client: client.get_webhook())
    assert not stored.enabled and stored.url == "https://hooks.example.com/lok"


def test_reveal_shows_the_secret(desk_session: Any, show_pane: Any, qtbot: Any) -> None:
    pane = open_pane(desk_session, show_pane, qtbot)
    qtbot.keyClicks(pane.url_edit, "https://hooks.example.com/x")
    save_through_dialog(pane, pane.webhook_save, qtbot)
    qtbot.waitUntil(lambda: pane.secret_edit.text() != "", timeout=10000)
    click(qtbot, pane.reveal_button)
    assert pane.secret_edit.echoMode() == pane.secret_edit.EchoMode.Normal
    assert pane.secret_edit.displayText() == pane.webhook.secret


def test_invalid_url_and_email_are_refused_at_the_field_and_the_typing_stays(
        desk_session: Any, show_pane: Any, qtbot: Any, fresh_client: Any) -> None:
    pane = open_pane(desk_session, show_pane, qtbot)

    qtbot.keyClicks(pane.url_edit, "http://hooks.example.com/lok")
    click(qtbot, pane.webhook_save)
    qtbot.waitUntil(pane.url_error.isVisible)
    assert "https://" in pane.url_error.text()
    assert pane.url_edit.text() == "http://hooks.example.com/lok"
    assert pane.diff_dialog is None                      # nothing was sent
    # Typing again clears the complaint.
    qtbot.keyClick(pane.url_edit, Qt.Key.Key_Backspace)
    assert not pane.url_error.isVisible()

    # A URL only the server refuses (too long): its 400 appears at the field, the typing stays.
    pane.url_edit.clear()
    long_url = "https://hooks.example.com/" + "a" * 2100
    qtbot.keyClicks(pane.url_edit, long_url)
    save_through_dialog(pane, pane.webhook_save, qtbot)
    qtbot.waitUntil(pane.url_error.isVisible, timeout=10000)
    assert pane.url_edit.text() == long_url
    assert pane.webhook_unsaved.isVisible()
    assert fresh_client("owner", lambda client: client.get_webhook()).url == ""

    pane.operator_edit.selectAll()                      # typing replaces the seeded address
    qtbot.keyClicks(pane.operator_edit, "front desk at example")
    click(qtbot, pane.emails_save)
    qtbot.waitUntil(pane.operator_error.isVisible)
    assert "e-mail" in pane.operator_error.text()
    assert pane.operator_edit.text() == "front desk at example"

    pane.operator_edit.selectAll()
    qtbot.keyClicks(pane.operator_edit, "ops@example.com")
    pane.administrator_edit.selectAll()
    qtbot.keyClicks(pane.administrator_edit, "boss@example.com")
    save_through_dialog(pane, pane.emails_save, qtbot)
    qtbot.waitUntil(lambda: not pane.emails_unsaved.isVisible(), timeout=10000)
    assert not pane.operator_error.isVisible()
    stored = fresh_client("owner", lambda client: client.get_notification_emails())
    assert (stored.operator, stored.administrator) == ("ops@example.com", "boss@example.com")


def test_reporter_reads_but_every_edit_control_is_disabled_with_the_reason(
        desk_session: Any, show_pane: Any, qtbot: Any) -> None:
    pane = open_pane(desk_session, show_pane, qtbot, role="reporter")
    for control in (pane.url_edit, pane.webhook_save, pane.enabled_switch, pane.all_events_radio,
                    pane.event_checks["reserved"], pane.operator_edit, pane.emails_save):
        assert not control.isEnabled()
        assert "reporter" in control.toolTip()


def test_employee_gets_no_owner_panes_and_the_owner_gets_them_in_order(desk_session: Any) -> None:
    assert owner_panes(desk_session("employee")) == []
    titles = [title for title, _pane in owner_panes(desk_session("owner"))]
    assert titles[0] == "Notifications"
    reporter_titles = [title for title, _pane in owner_panes(desk_session("reporter"))]
    assert "Pre-reservations" not in reporter_titles

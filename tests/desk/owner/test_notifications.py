"""Notification settings pane against the real sandbox: webhook URL/events, on/off, e-mails, roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from lok_desk.desk.owner import NotificationSettingsPane, owner_panes
from lok_desk.desk.qt_session import QtSession

from ._helpers import click


def open_pane(desk_session: Callable[..., QtSession], show_pane: Any, qtbot: Any,
              role: str = "owner") -> NotificationSettingsPane:
    pane = NotificationSettingsPane(desk_session(role))
    show_pane(pane)
    qtbot.waitUntil(lambda: pane.webhook.loaded and pane.form.emails_loaded, timeout=10000)
    return pane


def save_through_dialog(pane: NotificationSettingsPane, button: Any, qtbot: Any) -> None:
    click(qtbot, button)
    qtbot.waitUntil(lambda: pane.diff_dialog is not None and pane.diff_dialog.isVisible())
    dialog = pane.diff_dialog
    assert dialog is not None
    click(qtbot, dialog.save_button)


def test_the_form_binds_typing_saves_and_shows_each_refusal_at_its_field(
        desk_session: Any, show_pane: Any, qtbot: Any, fresh_client: Any) -> None:
    """What only the widgets show: the flows themselves are tested in tests/core/test_owner_notifications."""
    pane = open_pane(desk_session, show_pane, qtbot)
    assert pane.status_label.text().startswith("◌")       # nothing set up on a fresh sandbox
    assert not pane.enabled_switch.isEnabled() and not pane.webhook_unsaved.isVisible()

    # The desk's own check: nothing is sent, the complaint sits under the field, the typing stays.
    qtbot.keyClicks(pane.url_edit, "http://hooks.example.com/lok")
    assert pane.webhook_unsaved.isVisible()
    click(qtbot, pane.webhook_save)
    qtbot.waitUntil(pane.url_error.isVisible)
    assert "https://" in pane.url_error.text() and pane.url_edit.property("invalid")
    assert pane.url_edit.text() == "http://hooks.example.com/lok" and pane.diff_dialog is None
    qtbot.keyClick(pane.url_edit, Qt.Key.Key_Backspace)   # typing again clears the complaint
    assert not pane.url_error.isVisible()

    pane.url_edit.selectAll()
    qtbot.keyClicks(pane.url_edit, "https://hooks.example.com/lok")
    click(qtbot, pane.some_events_radio)
    for event in ("reopened", "reopened2", "undelivered", "unpicked"):
        click(qtbot, pane.event_checks[event])
    save_through_dialog(pane, pane.webhook_save, qtbot)
    qtbot.waitUntil(lambda: not pane.webhook_unsaved.isVisible(), timeout=10000)
    assert pane.status_label.text().startswith("✓")     # PUT creates it enabled
    assert pane.secret_edit.echoMode() == pane.secret_edit.EchoMode.Password
    click(qtbot, pane.reveal_button)
    assert pane.secret_edit.displayText() == pane.webhook.secret and pane.webhook.secret.startswith("whsec_")
    assert sorted(fresh_client("owner", lambda client: client.get_webhook()).events) == [
        "cancelled", "delivered", "picked_up", "reserved"]

    # An address only Lok refuses (longer than it keeps): Lok's own reason, in words, beside the field.
    pane.operator_edit.selectAll()
    qtbot.keyClicks(pane.operator_edit, "a" * 290 + "@example.com")
    save_through_dialog(pane, pane.emails_save, qtbot)
    qtbot.waitUntil(pane.operator_error.isVisible, timeout=10000)
    assert "256" in pane.operator_error.text() and "did not accept" not in pane.operator_error.text()
    assert pane.operator_edit.text().startswith("aaa") and pane.emails_unsaved.isVisible()
    assert "highlighted" in pane.emails_message.text()

    # The switch (#34) turns it off without touching the address.
    click(qtbot, pane.enabled_switch)
    qtbot.waitUntil(lambda: pane.status_label.text().startswith("✕"), timeout=10000)
    stored = fresh_client("owner", lambda client: client.get_webhook())
    assert not stored.enabled and stored.url == "https://hooks.example.com/lok"


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


def test_a_reporter_is_told_a_secret_exists_rather_than_that_lok_will_create_one(
        desk_session: Any, show_pane: Any, qtbot: Any, fresh_client: Any) -> None:
    """Issue 19 point 9: Lok hides the secret from a reporter; the empty field must not say there is none."""
    fresh_client("owner", lambda client: client.update_webhook("https://hooks.example.com/lok"))
    pane = open_pane(desk_session, show_pane, qtbot, role="reporter")
    assert pane.secret_edit.text() == ""
    assert pane.secret_edit.placeholderText() == "A secret exists; only owners and sellers may see it"
    owner = open_pane(desk_session, show_pane, qtbot)
    assert owner.secret_edit.text()                       # the owner sees it


def test_before_any_address_the_secret_field_says_lok_creates_it(
        desk_session: Any, show_pane: Any, qtbot: Any) -> None:
    pane = open_pane(desk_session, show_pane, qtbot, role="reporter")
    assert pane.secret_edit.placeholderText() == "Lok creates the secret when you first save an address"

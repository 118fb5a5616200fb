"""Sign-in as a person does it: demo role buttons, typed credentials, cached sign-in, sign-out."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from lok_desk.api import TokenCache
from lok_desk.desk.roles import Role
from lok_desk.sandbox import DEMO_CLIENTS

ROLE_LINES = {
    "owner": "every location",
    "employee": "one location only",
    "reporter": "changes nothing",
    "seller": "public network",
    "admin": "every company",
}


@pytest.mark.parametrize("role", list(ROLE_LINES))
def test_each_demo_role_signs_in_with_one_click(role: str, start_shell: Any, qtbot: Any) -> None:
    running = start_shell()
    qtbot.waitUntil(lambda: running.dialog() is not None)
    dialog = running.dialog()
    # The sandbox is the default server; its badge says so and the demo buttons explain each role.
    assert dialog.badge.text().startswith("SANDBOX")
    button = dialog.demo_buttons[role]
    assert button.isVisible()
    assert ROLE_LINES[role] in button.toolTip()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: running.window() is not None and running.window().is_ready, timeout=20000)
    window = running.window()
    assert running.dialog() is None
    assert window.role_label.text() == f"Role: {role}"
    assert window.badge.text().startswith("SANDBOX")
    assert "SANDBOX" in window.windowTitle()
    assert window.session.capabilities.role is Role(role)
    if role != "admin":  # the admin reads every company; the others see the demo company's name
        assert window.company_label.text() == window.session.company_name != ""

    window.close()
    qtbot.waitUntil(running.task.done)
    assert running.exit_code() == 0


def test_wrong_secret_is_explained_in_the_dialog(start_shell: Any, qtbot: Any) -> None:
    running = start_shell()
    qtbot.waitUntil(lambda: running.dialog() is not None)
    dialog = running.dialog()
    dialog.client_id_edit.clear()
    qtbot.keyClicks(dialog.client_id_edit, "demo-owner")
    qtbot.keyClicks(dialog.secret_edit, "not-the-secret")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not dialog.busy)
    assert "did not accept this client id and secret" in dialog.error_text()
    assert running.window() is None
    assert dialog.sign_in_button.isEnabled()

    # Correcting the secret signs in.
    dialog.secret_edit.clear()
    qtbot.keyClicks(dialog.secret_edit, DEMO_CLIENTS["owner"][1])
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: running.window() is not None, timeout=20000)


def test_empty_fields_say_what_is_missing(start_shell: Any, qtbot: Any) -> None:
    running = start_shell()
    qtbot.waitUntil(lambda: running.dialog() is not None)
    dialog = running.dialog()
    dialog.client_id_edit.clear()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "Type both the client id and the client secret" in dialog.error_text()


def test_no_keyring_is_said_plainly(qtbot: Any) -> None:
    from lok_desk.desk.window.signin import SANDBOX_KEY, ServerChoice, SignInDialog

    servers = [ServerChoice(SANDBOX_KEY, "Sandbox", "http://127.0.0.1:1/api/v2", "SANDBOX")]
    dialog = SignInDialog(servers, current_key=SANDBOX_KEY, keyring_available=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember_check.isVisible()
    assert dialog.keyring_note.isVisible()
    assert "will not store the client secret" in dialog.keyring_note.text()


def test_a_keyring_that_stores_in_clear_is_named_and_the_secret_stays_in_memory(qtbot: Any) -> None:
    from lok_desk.desk.window.signin import SANDBOX_KEY, ServerChoice, SignInDialog

    servers = [ServerChoice(SANDBOX_KEY, "Sandbox", "http://127.0.0.1:1/api/v2", "SANDBOX")]
    dialog = SignInDialog(servers, current_key=SANDBOX_KEY, keyring_available=False,
                          keyring_refused="PlaintextKeyring")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember_check.isVisible()
    text = dialog.keyring_note.text()
    assert "PlaintextKeyring" in text and "plain file" in text and "in memory" in text


def test_typed_secret_is_remembered_in_the_keyring_only(start_shell: Any, qtbot: Any,
                                                        desk_paths: Any) -> None:
    running = start_shell()
    qtbot.waitUntil(lambda: running.dialog() is not None)
    dialog = running.dialog()
    dialog.client_id_edit.clear()
    qtbot.keyClicks(dialog.client_id_edit, "demo-seller")
    qtbot.keyClicks(dialog.secret_edit, DEMO_CLIENTS["seller"][1])
    assert dialog.remember_check.isChecked()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: running.window() is not None, timeout=20000)

    assert running.shell.secret_store.load("sandbox", "demo-seller") == DEMO_CLIENTS["seller"][1]
    settings_text = desk_paths.settings_file.read_text()
    assert "demo-seller" in settings_text
    assert DEMO_CLIENTS["seller"][1] not in settings_text


def test_valid_cached_token_goes_straight_to_the_main_window(start_shell: Any, qtbot: Any) -> None:
    first = start_shell(demo_role="reporter")
    qtbot.waitUntil(lambda: first.window() is not None and first.window().is_ready, timeout=20000)
    first.window().close()
    qtbot.waitUntil(first.task.done)

    again = start_shell()   # no demo role: the remembered sign-in is reused
    qtbot.waitUntil(lambda: again.window() is not None, timeout=20000)
    assert again.shell.dialog is None
    assert again.window().role_label.text() == "Role: reporter"


def test_sign_out_revokes_the_token_and_returns_to_sign_in(start_shell: Any, qtbot: Any,
                                                           desk_paths: Any, sandbox: Any) -> None:
    running = start_shell(demo_role="owner")
    qtbot.waitUntil(lambda: running.window() is not None and running.window().is_ready, timeout=20000)
    window = running.window()
    cache = TokenCache(desk_paths.token_cache_file)
    assert cache.load(sandbox.api_url, "demo-owner") is not None

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Q, ctrl_shift)

    qtbot.waitUntil(lambda: running.dialog() is not None, timeout=20000)
    assert running.window() is None
    assert cache.load(sandbox.api_url, "demo-owner") is None
    assert not running.task.done()
    running.dialog().reject()
    qtbot.waitUntil(running.task.done)
    assert running.exit_code() == 0


def test_a_cached_sign_in_refused_at_start_speaks_of_no_field(start_shell: Any, qtbot: Any,
                                                              sandbox: Any) -> None:
    first = start_shell(demo_role="reporter")
    qtbot.waitUntil(lambda: first.window() is not None and first.window().is_ready, timeout=20000)
    first.window().close()
    qtbot.waitUntil(first.task.done)
    # Lok refuses the remembered sign-in with a 400 that names no field.
    rule = {"path": "/oauth/user", "status": 400, "times": 5}
    httpx.post(sandbox.base_url + "/sandbox/faults", json={"rules": [rule]}).raise_for_status()

    again = start_shell()
    qtbot.waitUntil(lambda: again.dialog() is not None and again.dialog().error_label.isVisible(),
                    timeout=20000)
    dialog = again.dialog()
    said = dialog.error_text()
    assert said == ("Lok did not accept some of the data sent while signing in. Check what you entered and "
                    "try again.")
    assert "highlighted" not in said and "kept" not in said
    assert not dialog.binder.marked

"""The desk's log file of a whole session — sign in, create a reservation in the dialog, open it, cancel
it — holds none of the secrets that went by: the client secret, the access token, the box tokens."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from lok_desk import diagnostics
from lok_desk.sandbox import DEMO_CLIENTS

from ._helpers import until
from .test_pane_flows import (
    PaneFactory,
    choose_location,
    click_button,
    click_row,
    confirmation,
    fill_people,
    open_create_dialog,
    shows_status,
    submit,
)


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def test_the_log_of_a_sign_in_create_cancel_session_holds_no_secret(
        qtbot: Any, run: Any, make_pane: PaneFactory, tmp_path: Path, desk_paths: Any) -> None:
    # DEBUG: the most the desk ever writes (--verbose); the in-process sandbox logs into it too.
    logs = diagnostics.setup_logging(verbose=True, folder=tmp_path / "log")
    try:
        pane = make_pane("owner")   # signs in with the demo owner's client secret

        async def scenario() -> list[str]:
            await pane.refresh()
            dialog = await open_create_dialog(qtbot, pane)
            choose_location(qtbot, dialog, "Antara Polanco")
            qtbot.keyClicks(dialog.shipment_edit, "SHP-LOG-1")
            for edit, typed in ((dialog.width_edit, "5"), (dialog.height_edit, "30"),
                                (dialog.length_edit, "50"), (dialog.weight_edit, "2")):
                qtbot.keyClicks(edit, typed)
            qtbot.mouseClick(dialog.fit_button, Qt.MouseButton.LeftButton)   # the size assistant: S
            qtbot.keyClicks(dialog.value_edit, "900")
            fill_people(qtbot, dialog)
            await submit(qtbot, dialog)
            assert dialog.result_value is not None, [e.text() for e in dialog.errors.values() if e.has_error]
            tokens = [card.text.text() for card in dialog.result_tokens.cards]
            qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
            await until(lambda: not dialog.isVisible(), what="the dialog to close")

            click_row(qtbot, pane, "SHP-LOG-1")
            await until(lambda: pane.detail.title.text() == "SHP-LOG-1", what="the detail")
            qtbot.mouseClick(pane.detail.cancel_button, Qt.MouseButton.LeftButton)
            click_button(qtbot, await confirmation(pane), "Cancel reservation")
            await until(lambda: shows_status(pane, "SHP-LOG-1", "cancelled"), what="Cancelled")
            return tokens

        box_tokens = run(scenario())
    finally:
        diagnostics.stop_logging()

    assert logs.file is not None
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(logs.folder.glob("lok-desk.log*")))
    # The log did see the session (so an empty log cannot pass)...
    assert "Signed in to" in text and "POST /locations/" in text
    # ...and none of what must stay secret.
    cached = json.loads(Path(desk_paths.token_cache_file).read_text(encoding="utf-8"))
    access_tokens = [value for value in strings_in(cached) if len(value) >= 20]
    secrets = {"client secret": DEMO_CLIENTS["owner"][1],
               **{f"access token {n}": token for n, token in enumerate(access_tokens)},
               **{f"box token {n}": token for n, token in enumerate(box_tokens)}}
    assert access_tokens and len(box_tokens) >= 2
    leaked = [name for name, secret in secrets.items() if secret and secret in text]
    assert leaked == [], f"the log holds: {leaked}"

"""What a screen reader sees: reads one application's AT-SPI tree from outside, as Orca does.

Runs under the system Python (Debian's python3-gi and gir1.2-atspi-2.0), not the project's venv: the test
starts it as a child and talks to it in JSON lines on stdin/stdout, one request, one answer. It only reads
the accessibility bus; the keyboard is driven separately through the X server (xdotool), like a person.

Requests: {"op": "ping"}, {"op": "apps"}, {"op": "tree", "app": NAME} (the showing part of the active
window, tables summarised, not walked cell by cell), {"op": "focus", "app": NAME} (the active window and
the focused object found in it), {"op": "focus_event"} (the object the last focus event named, with its
ancestors, and how many focus events came so far), {"op": "announcements"} (every text Qt announced).
"""

from __future__ import annotations

import json
import sys
import warnings
from typing import Any

import gi

# Atspi 2.46 deprecates the per-interface getters in favour of methods on Accessible; both work.
warnings.simplefilter("ignore", DeprecationWarning)

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# Tables can hold thousands of cells; a screen reader reads them through the table interface, and so do we.
TABLE_ROLES = {"table", "tree table", "tree", "list"}
SAMPLE_ROWS = 3
MAX_NODES = 4000


def _states(acc: Any) -> list[str]:
    state_set = acc.get_state_set()
    return sorted(Atspi.StateType(s).value_nick for s in state_set.get_states())


def _text(acc: Any) -> str | None:
    try:
        if "Text" not in (acc.get_interfaces() or []):
            return None
        return str(Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc)))
    except Exception:
        return None


def _labelled_by(acc: Any) -> list[str]:
    names = []
    try:
        relations = acc.get_relation_set()
    except Exception:
        return names
    for relation in relations or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            for index in range(relation.get_n_targets()):
                target = relation.get_target(index)
                names.append(target.get_name() or _text(target) or "")
    return names


def _table(acc: Any) -> dict[str, Any] | None:
    if "Table" not in (acc.get_interfaces() or []):
        return None
    table = Atspi.Table
    rows, columns = table.get_n_rows(acc), table.get_n_columns(acc)
    headers = []
    for column in range(columns):
        header = table.get_column_header(acc, column)
        name = header.get_name() if header is not None else None
        headers.append(name or table.get_column_description(acc, column) or "")
    cells = []
    for row in range(min(rows, SAMPLE_ROWS)):
        line = []
        for column in range(columns):
            cell = table.get_accessible_at(acc, row, column)
            line.append("" if cell is None else (cell.get_name() or _text(cell) or ""))
        cells.append(line)
    return {"rows": rows, "columns": columns, "headers": headers, "cells": cells}


def node(acc: Any, path: list[int]) -> dict[str, Any]:
    info: dict[str, Any] = {
        "path": path,
        "role": acc.get_role_name(),
        "name": acc.get_name() or "",
        "description": acc.get_description() or "",
        "states": _states(acc),
    }
    text = _text(acc)
    if text is not None:
        info["text"] = text
    labels = _labelled_by(acc)
    if labels:
        info["labelled_by"] = labels
    if "Action" in (acc.get_interfaces() or []):
        count = Atspi.Action.get_n_actions(acc)
        info["actions"] = [Atspi.Action.get_action_name(acc, i) for i in range(count)]
    if info["role"] in TABLE_ROLES:
        table = _table(acc)
        if table is not None:
            info["table"] = table
    return info


def walk(acc: Any, path: list[int], out: list[dict[str, Any]]) -> None:
    if len(out) >= MAX_NODES:
        return
    try:
        info = node(acc, path)
    except GLib.Error:  # the object went away while we read it (a closing window)
        return
    if "showing" not in info["states"] and path:
        return
    out.append(info)
    if info["role"] in TABLE_ROLES:
        return
    try:
        children = [acc.get_child_at_index(index) for index in range(acc.get_child_count())]
    except GLib.Error:
        return
    for index, child in enumerate(children):
        if child is not None:
            walk(child, [*path, index], out)


def application(name: str) -> Any:
    desktop = Atspi.get_desktop(0)
    for index in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(index)
        if app is not None and (app.get_name() or "") == name:
            return app
    return None


def active_window(app: Any) -> Any:
    windows = [app.get_child_at_index(i) for i in range(app.get_child_count())]
    windows = [w for w in windows if w is not None]
    for window in windows:
        if "active" in _states(window):
            return window
    return None


class FocusTracker:
    """Follows keyboard focus the way Orca does: from the bus's focus events, not by searching the tree."""

    def __init__(self) -> None:
        self.serial = 0
        self.focused: Any = None
        self.announcements: list[str] = []
        self._listener = Atspi.EventListener.new(self._on_event)
        self._listener.register("object:state-changed:focused")
        # What Qt's accessibility announcements send (Orca speaks them without moving focus).
        self._announced = Atspi.EventListener.new(self._on_announcement)
        self._announced.register("object:announcement")

    def _on_announcement(self, event: Any) -> None:
        value = event.any_data
        self.announcements.append(str(value) if value is not None else "")

    def _on_event(self, event: Any) -> None:
        if event.detail1:
            self.focused = event.source
            self.serial += 1

    def drain(self) -> None:
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

    def describe(self) -> dict[str, Any] | None:
        self.drain()
        if self.focused is None:
            return None
        try:
            info = node(self.focused, [])
            ancestors = []
            parent = self.focused.get_parent()
            while parent is not None and parent.get_role_name() != "application":
                ancestors.append({"role": parent.get_role_name(), "name": parent.get_name() or ""})
                parent = parent.get_parent()
        except GLib.Error:
            return None
        info["ancestors"] = ancestors
        info["window"] = ancestors[-1] if ancestors else None
        return info


TRACKER: FocusTracker | None = None


def answer(request: dict[str, Any]) -> Any:
    op = request["op"]
    if op == "ping":
        return "pong"
    if op == "announcements":
        assert TRACKER is not None
        TRACKER.drain()
        return list(TRACKER.announcements)
    if op == "focus_event":
        assert TRACKER is not None
        return {"serial": TRACKER.serial, "focused": TRACKER.describe()}
    if op == "apps":
        desktop = Atspi.get_desktop(0)
        return [desktop.get_child_at_index(i).get_name() for i in range(desktop.get_child_count())]
    app = application(request["app"])
    if app is None:
        return None
    window = active_window(app)
    if window is None:
        return None
    if op == "tree":
        out: list[dict[str, Any]] = []
        walk(window, [], out)
        return out
    if op == "focus":
        out = []
        walk(window, [], out)
        focused = [n for n in out if "focused" in n["states"]]
        return {"window": window.get_name(), "window_role": window.get_role_name(),
                "focused": focused[-1] if focused else None}
    raise ValueError(f"unknown op {op!r}")


def main() -> None:
    global TRACKER
    Atspi.init()
    TRACKER = FocusTracker()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            try:
                reply = {"ok": answer(json.loads(line))}
            except GLib.Error:
                # The tree changed under us (a window opened or closed): read it again once.
                reply = {"ok": answer(json.loads(line))}
        except Exception as error:
            reply = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

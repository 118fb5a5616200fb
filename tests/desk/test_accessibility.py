"""Keyboard and screen readers: in every pane and dialog, each control is reached with Tab and has a
name a screen reader can say (its accessible name, its buddy label or its own visible text)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QWidget

from lok_desk.desk.window.main_window import MainWindow
from tests.desk.surfaces import each_surface, shown


def focusable(widget: QWidget, root: QWidget) -> bool:
    """A control Tab should stop at: takes tab focus, shown, enabled, not standing in for another."""
    return (bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and shown(widget, root)
            and widget.isEnabled() and widget.focusProxy() is None and widget is not root)


def tab_chain(root: QWidget) -> list[QWidget]:
    """Tab from the first control round to where it started, as QWidget.focusNextChild does."""
    chain: list[QWidget] = []
    start = root
    widget = root.nextInFocusChain()
    guard = 0
    while widget is not start and guard < 5000:
        guard += 1
        if focusable(widget, root) and (widget is root or root.isAncestorOf(widget)):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces: Qt fills it from accessibleName, a buddy label or the text."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).strip()


def tab_walk(root: QWidget, qtbot: Any) -> list[QWidget]:
    """Where focus goes when Tab is pressed over and over from the first control (focusNextChild, the
    call Qt makes for Tab): a control missing here cannot be reached from the keyboard."""
    window = root.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    chain = tab_chain(root)
    chain[0].setFocus(Qt.FocusReason.TabFocusReason)
    visited = []
    for _ in range(len(chain) + 2):
        focus = QApplication.focusWidget()
        if focus is not None:
            visited.append(focus)
            focus.focusNextChild() if focus.isWindow() else window.focusNextChild()
    return visited


def real_tab_problems(name: str, dialog: QWidget, qtbot: Any) -> list[str]:
    """Press the Tab key itself from the last control round the dialog: every control comes up (no
    loop that traps the keyboard in one corner)."""
    expected = tab_chain(dialog)
    expected[-1].setFocus(Qt.FocusReason.TabFocusReason)
    visited = set()
    # A date field takes a Tab per section before it lets go: allow a few presses per control.
    for _ in range(4 * len(expected)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.add(id(QApplication.focusWidget()))
        if all(id(w) in visited for w in expected):
            break
    return [f"{name} · {type(w).__name__} {spoken_name(w)!r}: Tab never lands here"
            for w in expected if id(w) not in visited]


def problems_in(name: str, root: QWidget, qtbot: Any) -> list[str]:
    reachable = {id(widget) for widget in tab_walk(root, qtbot)}
    found = []
    for widget in root.findChildren(QWidget):
        if not focusable(widget, root):
            continue
        label = f"{name} · {type(widget).__name__} {widget.objectName()!r} {spoken_name(widget)!r}"
        if id(widget) not in reachable:
            found.append(f"{label}: not reachable with Tab")
        if not spoken_name(widget):
            found.append(f"{label}: no accessible name")
    return found


def test_every_control_is_reachable_by_tab_and_named(signed_in_window: Callable[..., MainWindow],
                                                     qtbot: Any, arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    problems: list[str] = []
    checked = 0
    for name, surface in each_surface(window, qtbot, arun):
        controls = tab_chain(surface)
        assert controls, f"{name}: Tab reaches nothing"
        checked += len(controls)
        problems += problems_in(name, surface, qtbot)
        if isinstance(surface, QDialog):
            problems += real_tab_problems(name, surface, qtbot)
    assert checked > 100
    assert not problems, "\n".join(problems)


def table_traps(name: str, root: QWidget, qtbot: Any) -> list[str]:
    """Tab and Shift+Tab pressed in each table of `root` land outside it (arrows move inside)."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        if not focusable(view, root):
            continue
        for key, modifier in ((Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
                              (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)):
            view.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(lambda v=view: QApplication.focusWidget() is v)
            if view.model() is not None and view.model().rowCount() > 0:
                view.setCurrentIndex(view.model().index(0, 0))
            qtbot.keyClick(view, key, modifier)
            if QApplication.focusWidget() is view:
                found.append(f"{name} · {type(view).__name__} {spoken_name(view)!r}: {key.name} stays inside")
    return found


def test_tab_and_shift_tab_leave_every_table(signed_in_window: Callable[..., MainWindow], qtbot: Any,
                                            arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    problems: list[str] = []
    tables = 0
    for name, surface in each_surface(window, qtbot, arun):
        tables += sum(focusable(v, surface) for v in surface.findChildren(QAbstractItemView))
        problems += table_traps(name, surface, qtbot)
    assert tables >= 5
    assert not problems, "\n".join(problems)


def test_tab_really_moves_through_the_create_dialog(signed_in_window: Callable[..., MainWindow],
                                                    qtbot: Any) -> None:
    """The chain the walk follows is the one Tab uses: press Tab and land on each control in turn."""
    from lok_desk.desk.reservations.create_dialog import CreateReservationDialog

    window = signed_in_window("owner")
    dialog = CreateReservationDialog(window.session, None, parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    expected = tab_chain(dialog)
    expected[-1].setFocus(Qt.FocusReason.TabFocusReason)
    visited = []
    for _ in range(len(expected)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert {id(w) for w in expected} <= {id(w) for w in visited}
    # Tab order is the chain's order (wherever the round starts).
    start = expected.index(visited[0])
    assert visited[:len(expected)] == expected[start:] + expected[:start]
    dialog.reject()


def test_sign_in_dialog_is_reachable_and_named(start_shell: Callable[..., Any], qtbot: Any) -> None:
    running = start_shell()
    qtbot.waitUntil(lambda: running.dialog() is not None, timeout=20000)
    dialog = running.dialog()
    assert tab_chain(dialog)
    problems = problems_in("sign-in", dialog, qtbot)
    assert not problems, "\n".join(problems)
    dialog.reject()


def test_escape_on_a_filled_form_asks_before_discarding(signed_in_window: Callable[..., MainWindow],
                                                       qtbot: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from lok_desk.desk.reservations.create_dialog import CreateReservationDialog

    window = signed_in_window("owner")
    dialog = CreateReservationDialog(window.session, None, parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    # It opens on its first field.
    assert dialog.focusWidget() is dialog.location_combo
    qtbot.keyClicks(dialog.recipient_name, "Luis Perez")
    qtbot.keyClick(dialog.recipient_name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    names = {button.text() for button in box.buttons()}
    assert names == {"Discard and close", "Keep editing"}
    assert box.defaultButton().text() == "Keep editing"      # Enter keeps the work
    box.defaultButton().click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box)
    assert dialog.isVisible() and dialog.recipient_name.text() == "Luis Perez"
    qtbot.keyClick(dialog.recipient_name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "Discard and close").click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # An untouched form closes with Esc straight away.
    empty = CreateReservationDialog(window.session, None, parent=window)
    empty.show()
    qtbot.waitExposed(empty)
    qtbot.keyClick(empty, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not empty.isVisible())


def test_a_sign_in_error_is_said_and_focus_returns_to_a_field(start_shell: Callable[..., Any],
                                                              qtbot: Any) -> None:
    running = start_shell()
    qtbot.waitUntil(lambda: running.dialog() is not None, timeout=20000)
    dialog = running.dialog()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.client_id_edit.clear()
    qtbot.keyClicks(dialog.client_id_edit, "demo-owner")
    qtbot.keyClicks(dialog.secret_edit, "not-the-secret")
    dialog.secret_edit.setFocus()      # the person typed the secret and pressed Enter there
    qtbot.keyClick(dialog.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not dialog.busy, timeout=20000)
    # Back where the person was (meanwhile only Cancel could hold focus), ready to correct the secret.
    assert QApplication.focusWidget() is dialog.secret_edit
    # The problem is part of what a screen reader reads, not only a red box.
    assert dialog.error_text() in spoken_name(dialog.error_label)
    dialog.reject()


def _mnemonic(text: str) -> str | None:
    """The Alt+letter of a text ("&Reservations" → "r"); "&&" is a literal ampersand."""
    index = text.replace("&&", "").find("&")
    cleaned = text.replace("&&", "")
    return cleaned[index + 1].lower() if 0 <= index < len(cleaned) - 1 else None


def mnemonic_collisions(name: str, root: QWidget) -> list[str]:
    """Two visible things answering the same Alt+letter: the first wins and the other is unreachable
    (Alt+R opened a tab before the Reservation menu)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar

    owners: dict[str, list[str]] = {}

    def add(what: str, text: str) -> None:
        letter = _mnemonic(text)
        if letter:
            owners.setdefault(letter, []).append(f"{what} {text!r}")

    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add("menu", action.text())
    for widget in root.findChildren(QWidget):
        if not shown(widget, root):
            continue
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add("tab", widget.tabText(index))
        elif isinstance(widget, QAbstractButton | QLabel):
            add(type(widget).__name__, widget.text())
        elif isinstance(widget, QGroupBox):
            add("group", widget.title())
    return [f"{name} · Alt+{letter.upper()}: {' and '.join(found)}"
            for letter, found in owners.items() if len(found) > 1]


def test_no_two_visible_controls_share_a_mnemonic(signed_in_window: Callable[..., MainWindow], qtbot: Any,
                                                 arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    problems: list[str] = []
    for name, surface in each_surface(window, qtbot, arun):
        problems += mnemonic_collisions(name, surface)
    assert not problems, "\n".join(problems)


def hidden_texts(name: str, root: QWidget) -> list[str]:
    """Labels whose accessible name hides what they show: a screen reader says only the name, so a
    label named "Phone" that shows "+52 55 1234 5678" reads as "Phone" and the number is lost."""
    import re
    from html import unescape

    from PySide6.QtWidgets import QLabel

    found = []
    for label in root.findChildren(QLabel):
        if not shown(label, root) or not label.accessibleName() or label.buddy() is not None:
            continue
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", label.text())).split())
        if text and text not in " ".join(label.accessibleName().split()):
            found.append(f"{name} · label {label.accessibleName()!r} hides its text {text[:60]!r}")
    return found


def test_labels_read_what_they_show(signed_in_window: Callable[..., MainWindow], qtbot: Any,
                                    arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    window.locations.table.selectRow(0)
    window.reservations.table.selectRow(0)
    problems: list[str] = []
    for name, surface in each_surface(window, qtbot, arun):
        problems += hidden_texts(name, surface)
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_qr_code_enlarges_from_the_keyboard(qtbot: Any) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    from lok_desk.desk.kit.printing import TokenForPrint
    from lok_desk.desk.kit.tokens_view import TokenCard

    image = QImage(21, 21, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    card = TokenCard(TokenForPrint("Pick-up token", "7KQ2M9PX", bytes(data.data()), "pickup"))
    qtbot.addWidget(card)
    asked: list[object] = []
    card.enlarge_requested.connect(asked.append)
    assert card.qr.focusPolicy() & Qt.FocusPolicy.TabFocus        # Tab reaches it
    assert "enlarge" in spoken_name(card.qr)
    assert "7KQ2M9PX" in spoken_name(card.text)                  # the token itself is read
    qtbot.keyClick(card.qr, Qt.Key.Key_Space)
    qtbot.keyClick(card.qr, Qt.Key.Key_Return)
    assert len(asked) == 2
    void = TokenCard(TokenForPrint("Pick-up token", "7KQ2M9PX", None, "pickup"), void=True)
    qtbot.addWidget(void)
    assert not void.qr.focusPolicy() & Qt.FocusPolicy.TabFocus   # nothing to enlarge


def test_every_dialog_opens_on_its_first_field(signed_in_window: Callable[..., MainWindow], qtbot: Any,
                                               arun: Callable[..., Any]) -> None:
    """Where focus starts in each dialog: an input (or, in a question, the safe button), never a
    scroll area or nothing at all."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QMessageBox,
    )

    window = signed_in_window("owner")
    problems = []
    for name, surface in each_surface(window, qtbot, arun):
        if not isinstance(surface, QDialog):
            continue
        start = surface.focusWidget()
        question = isinstance(surface, QMessageBox)
        fields = (QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox)
        inputs = (QAbstractButton,) if question else fields
        if start is None or not isinstance(start, inputs):
            problems.append(f"{name}: opens with focus on {type(start).__name__} {spoken_name(start)!r}"
                            if start is not None else f"{name}: opens with focus nowhere")
    assert not problems, "\n".join(problems)


def names_without_their_text(name: str, root: QWidget) -> list[str]:
    """Buttons whose accessible name leaves out the words they show (WCAG "label in name"): a person
    who says "Cancel" to voice control, or hears "Close without creating" for a button reading "Cancel",
    cannot match the two."""
    import re

    from PySide6.QtWidgets import QAbstractButton

    found = []
    for button in root.findChildren(QAbstractButton):
        if not shown(button, root) or not button.text() or not button.accessibleName():
            continue
        # The shortcut a button spells out in brackets ("Copy code (Alt+C)") need not be in its name.
        shown_text = re.sub(r"\s*\([^)]*\+[^)]*\)$", "", button.text().replace("&", "")).rstrip("…").strip()
        shown_text = shown_text.casefold()
        if shown_text and shown_text not in button.accessibleName().casefold():
            found.append(f"{name} · {type(button).__name__} shows {button.text()!r} but is named "
                         f"{button.accessibleName()!r}")
    return found


def test_buttons_are_named_with_the_words_they_show(signed_in_window: Callable[..., MainWindow], qtbot: Any,
                                                    arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    problems: list[str] = []
    for name, surface in each_surface(window, qtbot, arun):
        problems += names_without_their_text(name, surface)
    assert not problems, "\n".join(sorted(set(problems)))

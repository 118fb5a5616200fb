"""A keyboard-wedge scanner in the main window: a fast burst of characters ending in Enter goes to Find.

A scanner types its code far faster than a person (a few milliseconds between characters) and presses
Enter into whatever has the focus. Left alone, a focused table took the characters as type-ahead and its
Enter opened the current row — the wrong reservation (issue 21). The router watches the main window's
key presses: characters typed into a widget that is not a text field are held back for a moment; if they
turn out to be a burst ending in Enter, the code goes to Find and the widget never sees it; if not (a
person typing), they are handed to the widget as typed, so type-ahead still works. In a text field the
characters go in as usual; a burst ending in Enter is taken back out (the field keeps what it had) and
goes to Find. Fields that take scans themselves (Find, the code inspector) are marked with
`mark_scan_target` and keep them (docs/decisions.md, Scanner).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

#: Dynamic property set on a field that takes a scan itself (its own Enter acts on it).
SCAN_TARGET = "lokScanTarget"
#: Longest pause between two characters of a scan. Scanners (and xdotool --delay 4) stay under 20 ms;
#: the fastest typists leave 60 ms or more between keys.
MAX_GAP_S = 0.035
#: Shortest scan: every code the desk reads (tokens, confirmation codes, shipment ids) is longer.
MIN_LENGTH = 4


_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                            Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock})


def mark_scan_target(widget: QWidget) -> None:
    """This field takes scans itself: the router leaves its characters and its Enter alone."""
    widget.setProperty(SCAN_TARGET, True)


@dataclass
class _Held:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def _is_text_field(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    return False


def _is_multiline_editor(widget: QWidget) -> bool:
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()


class ScanRouter(QObject):
    """Watches `window`'s key presses and calls `send(code)` for each scan (see the module text)."""

    def __init__(self, window: QWidget, send: Callable[[str], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self._window = window
        self._send = send
        self._clock = clock
        self._chars: list[str] = []
        self._last = 0.0
        self._field: QLineEdit | None = None
        self._field_before = ""
        self._held: list[_Held] = []
        self._other: QWidget | None = None
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(int(MAX_GAP_S * 1000) + 25)
        self._flush_timer.timeout.connect(self._give_back)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.destroyed.connect(self._uninstall)

    def _uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # ---- the filter -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not isinstance(event, QKeyEvent) or watched.window() is not self._window:
            return False
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus:
            return False   # the same key passed on to a parent: seen already
        return self._key(watched, event)

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        if widget.property(SCAN_TARGET) or _is_multiline_editor(widget):
            self._give_back()
            return False
        if event.key() in _MODIFIER_KEYS:
            # A scanner presses Shift for capitals: that press is part of the burst, not an end to it.
            return False
        now = self._clock()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        text = event.text()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            return self._enter(now)
        if mods != Qt.KeyboardModifier.NoModifier or len(text) != 1 or not text.isprintable():
            self._give_back()
            return False
        if self._chars and (now - self._last > MAX_GAP_S or widget is not self._target_widget()):
            self._give_back()
        self._last = now
        self._chars.append(text)
        if _is_text_field(widget):
            assert isinstance(widget, QLineEdit)
            if self._field is None and not self._held:
                self._field = widget
                self._field_before = widget.text()
            return False
        if not isinstance(widget, QAbstractItemView):
            # A button, a combo…: the key does its own thing at once (a held Space pressed a button
            # down and its release came first, so it never clicked); the burst is still counted, so
            # a scan's Enter still goes to Find.
            if self._field is None and not self._held:
                self._other = widget
            return False
        self._held.append(_Held(widget, event.key(), event.modifiers(), text))
        self._flush_timer.start()
        return True

    def _target_widget(self) -> QWidget | None:
        if self._field is not None:
            return self._field
        return self._held[0].target if self._held else self._other

    def _enter(self, now: float) -> bool:
        code = "".join(self._chars)
        if len(code) >= MIN_LENGTH and now - self._last <= MAX_GAP_S:
            self._flush_timer.stop()
            if self._field is not None:
                # What the burst typed into the field comes back out: the field keeps what it had.
                self._field.setText(self._field_before)
            self._reset()
            # After this key is done with, so the Enter reaches nothing.
            QTimer.singleShot(0, self, lambda: self._send(code.strip()))
            return True
        self._give_back()
        return False

    def _reset(self) -> None:
        self._chars = []
        self._held = []
        self._field = None
        self._field_before = ""
        self._other = None

    def _give_back(self) -> None:
        """Not a scan: the held characters go to their widget as typed (a table's type-ahead)."""
        self._flush_timer.stop()
        held = self._held
        self._reset()
        if not held:
            return
        self._replaying = True
        try:
            for key in held:
                if isinstance(key.target, QAbstractItemView):
                    key.target.keyboardSearch(key.text)
                    continue
                QApplication.sendEvent(key.target, QKeyEvent(
                    QEvent.Type.KeyPress, key.key, key.modifiers, key.text))
        finally:
            self._replaying = False

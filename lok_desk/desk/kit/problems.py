"""How a `Problem` reads to a person in their language, and how the desk says it to a screen reader.

The sentences live once, in lok_desk/core/problems.py (English templates marked for the catalogue);
here each is translated by its kind. Forms mark the field at fault with `mark_invalid` (a property the
style can show, the message as its accessible description) and move focus there; anything else is said
with `announce`, Qt's accessibility announcement (Orca reads it without moving focus).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from lok_desk.core.problems import CONTEXT, FIELD_REFUSED, WHERE, WORKING, Problem, problem_from

__all__ = ["announce", "clear_invalid", "describe", "field_refused", "mark_invalid", "problem_from",
           "sentence", "what_happened"]

INVALID_PROPERTY = "invalid"


def _tr(text: str) -> str:
    # The texts are collected from core/problems.py (QT_TRANSLATE_NOOP); look them up by the same context.
    return QCoreApplication.translate(CONTEXT, text)


def describe(problem: Problem) -> tuple[str, str]:
    """(what happened, what to do next), translated."""
    values = problem.values(_tr(WHERE), _tr(WORKING))
    return _tr(problem.what).format(**values), _tr(problem.next_step).format(**values)


def what_happened(error: BaseException, doing: str = "") -> str:
    """The translated "what happened" of any failure (for a line that adds its own advice)."""
    return describe(problem_from(error, doing=doing))[0]


def field_refused() -> str:
    """Under a field the server refused: its reason is the server's English, so say it plainly."""
    return _tr(FIELD_REFUSED)


def sentence(problem: Problem) -> str:
    """What happened and what to do next as one line of text."""
    return " ".join(part for part in describe(problem) if part)


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say `text` now, without moving focus (find results, successes, errors)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:   # errors interrupt; results wait for the reader to finish its sentence
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def mark_invalid(widget: QWidget, message: str, *, focus: bool = False) -> None:
    """Mark `widget` as the field at fault: a style property, the message as what a screen reader adds to
    the field's name, and (for the first field at fault) focus, so the person lands where to correct."""
    widget.setProperty(INVALID_PROPERTY, True)
    widget.setAccessibleDescription(message)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    if focus:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


def clear_invalid(widget: QWidget) -> None:
    if widget.property(INVALID_PROPERTY):
        widget.setProperty(INVALID_PROPERTY, False)
        widget.setAccessibleDescription("")
        widget.style().unpolish(widget)
        widget.style().polish(widget)

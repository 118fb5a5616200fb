"""How a `Problem` reads to a person in their language, and how the desk says it to a screen reader.

The sentences live once, in lok_desk/core/problems.py and core/problem_facts.py (English templates marked
for the catalogue); here each is translated: the kind's "what happened" and "what to do next", and each of
Lok's facts ("Line 3: there is a NUL character in it.", "At most 2048 characters are allowed.") from its
reason, with its limit, line and column. `describe(problem, marked=...)` speaks of highlighted fields only
when a form marked them (lok_desk/desk/kit/problem_views.py's FormBinder); without a form the facts are
said in the sentence instead. Anything that is not a field is said with `announce`, Qt's accessibility
announcement (Orca reads it without moving focus).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QWidget

from lok_desk.core.problem_facts import AT_LINE, AT_LINE_COLUMN, PLURAL_REASONS, REASONS, Fact, Reason
from lok_desk.core.problems import CONTEXT, FIELD_KINDS, WHERE, WORKING, Problem, problem_from

__all__ = ["announce", "beside_field", "describe", "fact_text", "problem_from", "sentence"]


def _tr(text: str, n: int = -1) -> str:
    # The texts are collected from the core (QT_TRANSLATE_NOOP); look them up by the same context.
    return QCoreApplication.translate(CONTEXT, text, None, n)


def fact_text(fact: Fact) -> str:
    """One of Lok's facts in the person's language, with the line (and column) of a file when it has one."""
    template = REASONS[fact.reason]
    if fact.reason in PLURAL_REASONS and fact.limit is not None:
        reason = _tr(template, fact.limit)
    else:
        reason = _tr(template).format(limit=fact.limit if fact.limit is not None else "", value=fact.value)
    if fact.line is None:
        return reason
    reason = reason[:1].lower() + reason[1:] if reason[:1].isupper() and not reason[:3].isupper() else reason
    if fact.column:
        return _tr(AT_LINE_COLUMN).format(line=fact.line, column=fact.column, reason=reason)
    return _tr(AT_LINE).format(line=fact.line, reason=reason)


def facts_text(facts: Iterable[Fact]) -> str:
    """Several facts as one run of sentences (those Lok gave no reason for are left out)."""
    return " ".join(fact_text(fact) for fact in facts if fact.reason is not Reason.UNKNOWN or fact.line)


def describe(problem: Problem, *, marked: bool = False) -> tuple[str, str]:
    """(what happened, what to do next), translated. `marked`: a form shows the fields at fault (and their
    reasons beside them); otherwise the next step says nothing about fields and the facts join the first
    sentence, so a line number or a limit is never lost."""
    values = problem.values(_tr(WHERE), _tr(WORKING))
    # A core presenter's phrase is English marked for this catalogue; one the desk translated is not in
    # it and comes back unchanged.
    values["doing"] = _tr(str(values["doing"]))
    what = _tr(problem.what).format(**values)
    if not marked and (said := facts_text(problem.facts)):
        what = f"{what} {said}"
    return what, _tr(problem.next_step_for(marked=marked)).format(**values)


def sentence(problem: Problem, *, marked: bool = False) -> str:
    """What happened and what to do next as one line of text."""
    return " ".join(part for part in describe(problem, marked=marked) if part)


def beside_field(problem: Problem, field: str) -> str:
    """What to write beside one field a form marks: Lok's reasons for it, or what the kind says."""
    said = " ".join(fact_text(fact) for fact in problem.facts_for(field))
    if said:
        return said
    if problem.kind in FIELD_KINDS:
        return _tr(REASONS[Reason.UNKNOWN])
    return describe(problem, marked=True)[0]


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say `text` now, without moving focus (find results, successes, errors)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:   # errors interrupt; results wait for the reader to finish its sentence
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    _say_through_focus(text)


#: Where a widget's own description waits while a result is said through it.
_SAVED_DESCRIPTION = "lokSavedDescription"


class _RestoreOnFocusOut(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QWidget):
            # Gone from the focus, so the reader no longer says it: the field's own words come back.
            watched.setAccessibleDescription(str(watched.property(_SAVED_DESCRIPTION) or ""))
            watched.setProperty(_SAVED_DESCRIPTION, None)
            watched.removeEventFilter(self)
        return False


_restorer: _RestoreOnFocusOut | None = None


def _say_through_focus(text: str) -> None:
    """Orca 43 (Debian 12) does not speak object:announcement; it does speak a new description of
    the focused object (docs/decisions.md, What Orca speaks). So the result becomes the focused
    widget's description until the focus leaves it; emptied first, so the same result twice is said
    twice."""
    global _restorer
    focus = QApplication.focusWidget()
    if focus is None:
        return
    if _restorer is None:
        _restorer = _RestoreOnFocusOut()
    if focus.property(_SAVED_DESCRIPTION) is None:
        focus.setProperty(_SAVED_DESCRIPTION, focus.accessibleDescription())
        focus.installEventFilter(_restorer)
    focus.setAccessibleDescription("")
    focus.setAccessibleDescription(text)

"""The ONE Qt path from a `Problem` to the person: a form's fields, a pane's line, or the window's banner.

* `FormBinder` — a dialog registers its field widgets by the names Problems use ("url", "recipient.email",
  "csv"). `binder.show(problem)` marks each field at fault (the `invalid` style property, its accessible
  description, Lok's reason written on the line beside it), moves focus to the first, never touches
  what was typed, and writes the sentence on the dialog's message line — speaking of highlighted fields
  only when one was marked; facts about fields the dialog does not have join the sentence instead.
* `ProblemLine` — the inline text of a pane or dialog (status line, error line): a Problem or a plain
  message, said to a screen reader as well.
* `tell(widget, problem)` — everything else: the nearest place that shows problems above `widget` (a
  dialog's binder, a pane's line, the main window's banner: each registers with `accept_problems`), or a
  non-modal message box when there is none (before the window exists). `report(widget, error, doing)`
  turns any exception into its Problem (logging bugs with their traceback) and tells it.

Every sentence comes from lok_desk/core/problems.py, worded by lok_desk/desk/kit/problems.py.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from lok_desk.api.errors import LokError
from lok_desk.core.problems import Kind, Problem, problem_from
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problems import announce, beside_field, describe, facts_text, sentence

__all__ = ["INVALID_PROPERTY", "FormBinder", "ProblemLine", "ProblemSink", "accept_problems", "message_box",
           "problem_for", "report", "sink_for", "tell", "with_server"]

log = logging.getLogger(__name__)

#: The dynamic property a marked field carries (the theme and tests read it).
INVALID_PROPERTY = "invalid"
# Where a widget keeps the callable that shows problems for it and everything inside it.
_SINK_ATTRIBUTE = "_lok_problem_sink"
ERROR_TEXT_STYLE = "color: palette(bright-text); font-weight: 600;"
INVALID_FIELD_STYLE = "border: 2px solid #D55E00; border-radius: 3px;"

ProblemSink = Callable[[Problem], None]
_OPEN_BOXES: set[QMessageBox] = set()


class ProblemLine(QLabel):
    """A line of text in a pane or dialog that shows a Problem (or a plain message) where it happened."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "", error_style: str = "") -> None:
        super().__init__(parent)
        self._error_style = error_style or ERROR_TEXT_STYLE
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._name = name or self.tr("Message")
        self.setAccessibleName(self._name)
        self.problem: Problem | None = None
        self.hide()

    def show_problem(self, problem: Problem, *, marked: bool = False) -> None:
        self.problem = problem
        self._set(sentence(problem, marked=marked), error=True)

    def show_text(self, text: str, *, error: bool = False) -> None:
        """A plain message (a result, a count, a note) on the same line."""
        self.problem = None
        self._set(text, error=error)

    def clear(self) -> None:
        self.problem = None
        super().clear()
        self.setAccessibleName(self._name)
        self.setAccessibleDescription("")
        self.hide()

    def _set(self, text: str, *, error: bool) -> None:
        self.setText(text)
        self.setStyleSheet(self._error_style if error else "")
        # The text is part of the name a screen reader reads, not only of what is painted.
        self.setAccessibleName(self.tr("{0}: {1}").format(self._name, text) if text else self._name)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))
        announce(self, text, assertive=error)


class FormBinder(QObject):
    """A dialog's fields by the names Problems use; shows a Problem on them and on the dialog's line."""

    def __init__(self, host: QWidget, line: ProblemLine | None = None) -> None:
        super().__init__(host)
        self.host = host
        self.line = line if line is not None else ProblemLine(host)
        self._fields: dict[str, tuple[QWidget, QLabel | None]] = {}
        self._styles: dict[str, str] = {}
        self.marked: list[str] = []
        accept_problems(host, self._show_any)

    def _show_any(self, problem: Problem) -> None:
        self.show(problem)

    def add(self, name: str, widget: QWidget, beside: QLabel | None = None) -> None:
        """Register `widget` as the field `name`; `beside` is the label that carries its reason (a
        kit.forms.FieldError, or any QLabel). Typing into a marked field clears its mark."""
        self._fields[name] = (widget, beside)
        self._styles[name] = widget.styleSheet()
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text, n=name: self.clear_field(n))
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.textChanged.connect(lambda n=name: self.clear_field(n) if widget.hasFocus() else None)

    def names(self) -> list[str]:
        return list(self._fields)

    def widget(self, name: str) -> QWidget | None:
        found = self._fields.get(name)
        return found[0] if found is not None else None

    def field_for(self, path: str) -> str | None:
        """The registered field a Problem's path lands on: itself, the nearest registered parent
        ("recipient" for "recipient.email"), or the first registered field under it."""
        if path in self._fields:
            return path
        parts = path.split(".")
        for end in range(len(parts) - 1, 0, -1):
            parent = ".".join(parts[:end])
            if parent in self._fields:
                return parent
        return next((name for name in self._fields if name.startswith(path + ".")), None)

    def show(self, problem: Problem, messages: Mapping[str, str] | None = None) -> bool:
        """Show `problem`: mark its fields, write each reason beside its field (`messages` overrides the
        text per registered field: the desk's own check says exactly what is wrong), focus the first, and
        put the sentence on the line. Returns whether any field was marked. Never clears what was typed."""
        self.clear()
        messages = messages or {}
        targets: dict[str, list[str]] = {}
        for path in problem.fields:
            name = self.field_for(path)
            if name is not None:
                targets.setdefault(name, []).append(path)
        for name, paths in targets.items():
            text = messages.get(name) or " ".join(dict.fromkeys(beside_field(problem, p) for p in paths))
            self._mark(name, text)
        self.marked = list(targets)
        if self.marked:
            first = self._fields[self.marked[0]][0]
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        # Facts about fields this form does not have are said in the sentence, never lost.
        unplaced = [fact for fact in problem.facts if self.field_for(fact.field) is None]
        what, next_step = describe(problem, marked=bool(self.marked))
        if self.marked and (extra := facts_text(unplaced)):
            what = f"{what} {extra}"
        self.line.problem = problem
        self.line._set(" ".join(part for part in (what, next_step) if part), error=True)
        return bool(self.marked)

    def _mark(self, name: str, text: str) -> None:
        widget, beside = self._fields[name]
        widget.setProperty(INVALID_PROPERTY, True)
        widget.setStyleSheet(INVALID_FIELD_STYLE)
        widget.setAccessibleDescription(text)
        if beside is not None:
            beside.setText(text)
            beside.setStyleSheet(ERROR_TEXT_STYLE)
            beside.setVisible(bool(text))

    def clear_field(self, name: str) -> None:
        found = self._fields.get(name)
        if found is None or not shiboken6.isValid(found[0]):
            return
        widget, beside = found
        if widget.property(INVALID_PROPERTY):
            widget.setProperty(INVALID_PROPERTY, False)
            widget.setStyleSheet(self._styles.get(name, ""))
            widget.setAccessibleDescription("")
        if beside is not None and shiboken6.isValid(beside):
            beside.clear()
            beside.hide()
        if name in self.marked:
            self.marked.remove(name)

    def clear(self) -> None:
        """Take every mark and the line away (before a new attempt)."""
        for name in list(self._fields):
            self.clear_field(name)
        self.marked = []
        self.line.clear()

    def is_marked_widget(self, widget: QWidget) -> bool:
        return any(w is widget and self.is_marked(n) for n, (w, _beside) in self._fields.items())

    def is_marked(self, name: str) -> bool:
        widget = self.widget(name)
        return widget is not None and bool(widget.property(INVALID_PROPERTY))


def accept_problems(widget: QWidget, sink: ProblemSink) -> None:
    """Make `widget` the place problems from inside it are shown (a dialog, a pane, the window)."""
    setattr(widget, _SINK_ATTRIBUTE, sink)


def sink_for(widget: QWidget | None) -> tuple[ProblemSink | None, QWidget | None]:
    """The nearest sink above `widget`, or the dialog to put a message box on when a dialog (which may
    hide the window's banner) comes first."""
    current = widget
    while current is not None and shiboken6.isValid(current):
        sink = getattr(current, _SINK_ATTRIBUTE, None)
        if sink is not None:
            return sink, current
        if isinstance(current, QDialog):
            return None, current
        current = current.parentWidget()
    return None, None


def tell(widget: QWidget | None, problem: Problem) -> None:
    """Show `problem` at the nearest place above `widget` that shows problems; inside a dialog that has
    none, or with no window yet, in a non-modal message box."""
    sink, host = sink_for(widget)
    if sink is not None:
        sink(problem)
        return
    if host is None and widget is not None and shiboken6.isValid(widget):
        host = widget.window()     # the box goes with the window it is about
    message_box(host, *describe(problem))


def message_box(parent: QWidget | None, what: str, next_step: str) -> QMessageBox:
    """A non-modal warning (open(), never exec()) that deletes itself when closed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ProblemPath", "Lok Desk"))
    box.setText(what)
    box.setInformativeText(next_step)
    box.finished.connect(box.deleteLater)
    if parent is None:   # nothing else holds a box without a parent: keep it until it is closed
        _OPEN_BOXES.add(box)
        box.finished.connect(lambda _result: _OPEN_BOXES.discard(box))
    box.open()
    announce(box, f"{what} {next_step}", assertive=True)
    return box


def problem_for(error: BaseException, *, doing: str, server: str = "") -> Problem:
    """The Problem of any failure; a bug (not a Lok error, not a file error) is logged with its traceback."""
    problem = problem_from(error, doing=doing, server=server)
    if problem.kind is Kind.INTERNAL and not isinstance(error, LokError):
        log.error("Unexpected error while %s", doing, exc_info=error)
    return problem


def report(widget: QWidget | None, error: BaseException, *, doing: str, server: str = "") -> Problem:
    """Tell the person about `error` at the nearest place above `widget` (see `tell`); returns the Problem."""
    problem = problem_for(error, doing=doing, server=server)
    tell(widget, problem)
    return problem


def with_server(problem: Problem, server: str) -> Problem:
    """`problem` naming `server` when it does not already (the window knows which server it talks to)."""
    return problem if problem.server or not server else dataclasses.replace(problem, server=server)

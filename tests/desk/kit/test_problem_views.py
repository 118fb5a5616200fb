"""The one Qt path of a Problem: a form marks the fields Lok named and says Lok's reason beside them in the
person's language; without a field to mark the sentence says nothing about fields and loses no fact."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from lok_desk.api.errors import LokError
from lok_desk.core.problems import Kind, Problem, problem_from
from lok_desk.desk.kit.i18n import InstalledLanguage, install_language
from lok_desk.desk.kit.problem_views import FormBinder, ProblemLine, accept_problems, tell
from lok_desk.desk.qt_session import QtSession


@pytest.fixture
def spanish(qapp: Any) -> Iterator[InstalledLanguage]:
    installed = install_language("es")
    yield installed
    installed.uninstall()


def webhook_form(qtbot: Any) -> tuple[QDialog, FormBinder, QLineEdit, QLabel]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    url = QLineEdit(dialog)
    url.setAccessibleName("URL")
    beside = QLabel(dialog)
    layout.addWidget(url)
    layout.addWidget(beside)
    binder = FormBinder(dialog)
    layout.addWidget(binder.line)
    binder.add("url", url, beside)
    dialog.show()
    return dialog, binder, url, beside


def test_a_refused_field_is_marked_with_loks_reason_in_spanish_and_the_text_kept(
        qtbot: Any, arun: Callable[..., Any], desk_session: Callable[..., QtSession],
        spanish: InstalledLanguage) -> None:
    session = desk_session("owner")
    typed = "https://hooks.example/" + "a" * 2100
    try:
        arun(session.service.update_webhook(typed))
    except (LokError, ValueError) as error:
        problem = problem_from(error, doing="guardar el webhook")
    _dialog, binder, url, beside = webhook_form(qtbot)
    url.setText(typed)
    assert binder.show(problem)
    assert binder.is_marked("url") and url.text() == typed
    assert beside.text() == "Se permiten como máximo 2048 caracteres."
    assert url.accessibleDescription() == beside.text()
    assert "marcados" in binder.line.text() and "2048" not in binder.line.text()
    qtbot.waitUntil(url.hasFocus)
    url.textEdited.emit("x")                 # typing clears the mark, never the text
    assert not binder.is_marked("url") and beside.isHidden()


def test_without_the_field_the_sentence_says_nothing_of_fields_and_keeps_the_line(
        qtbot: Any, arun: Callable[..., Any], desk_session: Callable[..., QtSession],
        spanish: InstalledLanguage) -> None:
    session = desk_session("owner")
    text = "name,last_name\nAna,Ruiz\nLuis,Paz\x00\n"
    try:
        arun(session.service.import_directory_csv(text))
    except LokError as error:
        problem = problem_from(error, doing="importar los contactos")
    dialog, binder, _url, _beside = webhook_form(qtbot)
    assert not binder.show(problem)
    said = binder.line.text()
    assert "Línea 3: contiene un carácter NUL" in said and "marcad" not in said
    assert not binder.is_marked("url") and dialog.isVisible()


def test_tell_finds_the_nearest_place_that_shows_problems(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    shown: list[Problem] = []
    accept_problems(window, shown.append)
    pane = QWidget(window)
    line = ProblemLine(pane)
    inner = QWidget(pane)
    tell(inner, Problem(Kind.NOT_FOUND))
    assert shown == [Problem(Kind.NOT_FOUND)]
    accept_problems(pane, line.show_problem)
    tell(inner, Problem(Kind.SERVER, doing="loading the board"))
    assert line.text().startswith("The Lok server had a problem while loading the board.")
    assert len(shown) == 1

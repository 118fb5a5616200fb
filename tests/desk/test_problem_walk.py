"""Every Problem kind on every surface that can show it, in English and in Spanish (the real translator, as
the desk installs it): the words are the person's language, a sentence about highlighted fields always has
a field marked, and no server code or exception type name ever reaches the screen."""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from lok_desk.api import errors as api_errors
from lok_desk.api.errors import error_from_response
from lok_desk.core.history import HistoryRow, Source
from lok_desk.core.owner.directories import ContactsImport
from lok_desk.core.problems import Kind, Problem, Reason, invalid, problem_from
from lok_desk.desk.history.pane import DeskHistoryPane, HistoryModel
from lok_desk.desk.kit.i18n import InstalledLanguage, install_language
from lok_desk.desk.kit.problem_views import INVALID_PROPERTY, FormBinder, ProblemLine, tell
from lok_desk.desk.kit.widgets import Banner
from lok_desk.desk.locations.free_boxes import FreeBoxesPane
from lok_desk.desk.owner.import_dialog import CsvImportDialog
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.reservations.create_dialog import CreateReservationDialog
from lok_desk.desk.reservations.shipment_dialog import RequestShipmentDialog
from lok_desk.desk.reservations.update_dialog import UpdatePreReservationDialog
from lok_desk.desk.today.pane import TodayBoard
from lok_desk.desk.window.main_window import MainWindow
from lok_desk.desk.window.signin import SANDBOX_KEY, ServerChoice, SignInDialog
from tests.desk.test_i18n import english_sources_with_spanish, untranslated

# Lok's error types and the desk's own (OFFLINE_WRITE_REFUSED, UNIQUE_SHIPMENT…): data, never words.
# The proxy settings a person's IT contact looks for are named as they are spelled (not codes).
SERVER_CODE = re.compile(r"\b(?!(?:HTTPS?|ALL|NO)_PROXY\b)[A-Z]{2,}(?:_[A-Z]+)+\b")
# Any exception class the desk or Python knows, by name (KeyError, LokConnectionError, OfflineWriteRefused…).
TYPE_NAMES = {cls.__name__ for cls in vars(api_errors).values() if isinstance(cls, type)} | {
    name for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)} | {
    "OfflineWriteRefused", "RoleWriteRefused", "WriteRefused", "ValidationError", "PrinterNotStarted",
    "VoidSlipError", "HTTPError", "ConnectError", "ReadTimeout"}
TYPE_NAME = re.compile(r"\b(" + "|".join(sorted(TYPE_NAMES, key=len, reverse=True)) + r")\b")
# The next step that speaks of highlighted fields, in both languages.
FIELD_SENTENCE = re.compile(r"highlighted field|campos marcados")
# English a Spanish desk must never show (the catalogue check catches whole sentences; these are words
# that slipped in as data before: a slip kind, Lok's reasons).
ENGLISH_IN_SPANISH = re.compile(r"\b(courier|Line \d|characters|Correct the|while|could not|must be)\b")

DOING = {"en": "loading reservations", "es": "cargar las reservaciones"}


@dataclass
class Shown:
    text: str
    marked: bool


def examples(language: str) -> list[Problem]:
    """One Problem of every kind, plus the ones that carry Lok's facts and fields."""
    doing = DOING[language]
    found = [Problem(kind, doing=doing, server="sandbox") for kind in Kind]
    long_url = error_from_response(400, {"type": "INVALID_REQUEST", "data": {"keys": ["url"]},
                                         "message": "Invalid request — url: String should have at most 2048 "
                                                    "characters"})
    nul = error_from_response(400, {"type": "INVALID_REQUEST", "data": {"keys": ["csv.3"]},
                                    "message": "Line 3 of the CSV holds a NUL character"})
    bad_cell = error_from_response(400, {"type": "INVALID_REQUEST", "data": {"keys": ["csv.7.email"]},
                                         "message": "Line 7 of the CSV is not a valid contact"})
    taken = error_from_response(409, {"type": "UNIQUE_SHIPMENT", "message": "Shipment id 000042 is taken"})
    token = error_from_response(400, {"type": "INVALID_REQUEST", "data": {"keys": ["grant_type"]},
                                      "message": "Invalid request — grant_type: Field required"})
    found += [
        *(problem_from(error, doing=doing) for error in (long_url, nul, bad_cell, taken, token)),
        problem_from(api_errors.InvalidClientError("bad secret", status_code=401), doing=doing),
        problem_from(api_errors.UnknownServerError("busy", status_code=503, retry_after_s=30), doing=doing),
        problem_from(KeyError("x"), doing=doing), problem_from(OSError(28, "No space left"), doing=doing),
        invalid("client_id", reason=Reason.REQUIRED), invalid("url", reason=Reason.TOO_LONG, limit=2048),
    ]
    return found


@pytest.fixture(params=["en", "es"])
def language(request: Any, qapp: Any) -> Iterator[str]:
    installed: InstalledLanguage = install_language(request.param)
    assert installed.language == request.param
    yield request.param
    installed.uninstall()


def marked_under(root: QWidget) -> bool:
    return any(bool(w.property(INVALID_PROPERTY)) for w in root.findChildren(QWidget))


def check(where: str, shown: Shown, language: str, sources: set[str]) -> list[str]:
    faults: list[str] = []
    if not shown.text.strip():
        faults.append(f"{where}: nothing was shown")
    if FIELD_SENTENCE.search(shown.text) and not shown.marked:
        faults.append(f"{where}: speaks of highlighted fields with none marked: {shown.text!r}")
    if code := SERVER_CODE.search(shown.text):
        faults.append(f"{where}: server code {code.group(0)!r} in {shown.text!r}")
    if name := TYPE_NAME.search(shown.text):
        faults.append(f"{where}: type name {name.group(0)!r} in {shown.text!r}")
    if language == "es":
        faults += untranslated([(where, shown.text)], sources)
        if word := ENGLISH_IN_SPANISH.search(shown.text):
            faults.append(f"{where}: English {word.group(0)!r} in {shown.text!r}")
    return faults


# ---- the surfaces ------------------------------------------------------------------------------------

Surface = Callable[[Problem], Shown]


def widget_surfaces(qtbot: Any) -> dict[str, Surface]:
    banner = Banner()
    qtbot.addWidget(banner)
    line_host = QWidget()
    qtbot.addWidget(line_host)
    line = ProblemLine(line_host)
    servers = [ServerChoice(SANDBOX_KEY, "Sandbox", "http://127.0.0.1:1/api/v2", "SANDBOX")]
    dialog = SignInDialog(servers, current_key=SANDBOX_KEY, keyring_available=False)
    qtbot.addWidget(dialog)
    history = HistoryModel()

    def on_banner(problem: Problem) -> Shown:
        banner.show_problem(problem)
        return Shown(banner.text(), False)

    def on_line(problem: Problem, _host: QWidget = line_host) -> Shown:
        line.show_problem(problem)
        return Shown(line.text(), False)

    def on_sign_in(problem: Problem) -> Shown:
        dialog.show_problem(problem)
        return Shown(dialog.error_text(), marked_under(dialog))

    def in_a_box(problem: Problem) -> Shown:
        tell(None, problem)      # no window yet: a message box
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes
        text = f"{boxes[-1].text()} {boxes[-1].informativeText()}"
        for box in boxes:
            box.close()
        return Shown(text, False)

    def in_history(problem: Problem) -> Shown:
        history.set_rows([HistoryRow(datetime.now(UTC), Source.DESK, "me@desk", "created", "refused",
                                     problem=problem)])
        return Shown(str(history.index(0, 7).data()), False)

    def printed_slip_row(_problem: Problem) -> Shown:
        history.set_rows([HistoryRow(datetime.now(UTC), Source.DESK, "me@desk", "printed_slip", "done",
                                     detail="courier")])
        return Shown(str(history.index(0, 7).data()), False)

    return {"printed slip in the history": printed_slip_row, "window banner": on_banner, "pane line": on_line,
            "sign-in form": on_sign_in,
            "message box": in_a_box, "history detail": in_history}


def test_every_problem_on_every_widget_surface(qtbot: Any, language: str) -> None:
    sources = english_sources_with_spanish()
    faults: list[str] = []
    surfaces = widget_surfaces(qtbot)
    for name, surface in surfaces.items():
        for problem in examples(language):
            faults += check(f"{name} / {problem.kind}", surface(problem), language, sources)
    assert not faults, "\n".join(faults)
    # A form that has the field marks it, and only then speaks of highlighted fields.
    shown = surfaces["sign-in form"](invalid("client_id", reason=Reason.REQUIRED))
    assert shown.marked and FIELD_SENTENCE.search(shown.text)
    assert surfaces["sign-in form"](problem_from(api_errors.InvalidClientError("no"))).marked


def test_every_problem_in_every_pane_reaches_its_own_line(
        qtbot: Any, language: str, desk_session: Callable[..., QtSession]) -> None:
    """A failure inside a pane is said on that pane's line (tell finds it from any widget inside)."""
    session = desk_session("owner")
    panes: dict[str, tuple[QWidget, QLabel]] = {}
    today = TodayBoard(session)
    panes["today"] = (today, today.status)
    history = DeskHistoryPane(session)
    panes["history"] = (history, history.status)
    boxes = FreeBoxesPane(session)
    panes["free boxes"] = (boxes, boxes.status)
    sources = english_sources_with_spanish()
    faults: list[str] = []
    for name, (pane, line) in panes.items():
        qtbot.addWidget(pane)
        inner = pane.findChildren(QWidget)[0]
        for problem in examples(language):
            tell(inner, problem)
            faults += check(f"{name} / {problem.kind}", Shown(line.text(), marked_under(pane)), language,
                            sources)
    assert not faults, "\n".join(faults)


async def _never_run(*_args: Any) -> Any:
    raise AssertionError("the walk only shows problems; it imports nothing")


def test_every_form_and_line_of_the_signed_in_desk(
        qtbot: Any, language: str, signed_in_window: Callable[..., MainWindow]) -> None:
    """Every FormBinder and ProblemLine the owner's desk builds — its panes, and the reservation dialogs
    opened on a real reservation — and the window's banner, with every kind of Problem."""
    window = signed_in_window("owner")
    session = window.session
    qtbot.waitUntil(lambda: window.reservations.model.rowCount() > 0, timeout=20000)
    reservation = session.store.get(window.reservations.model.row_at(0).id)
    assert reservation is not None
    dialogs: list[QWidget] = [CreateReservationDialog(session, parent=window),
                              RequestShipmentDialog(session, reservation, parent=window),
                              UpdatePreReservationDialog(session, reservation, parent=window),
                              CsvImportDialog(ContactsImport(b"name,last_name\nAna,Ruiz\n", "team.csv"), [],
                                              _never_run, window)]
    binders = window.findChildren(FormBinder) + [b for d in dialogs for b in d.findChildren(FormBinder)]
    bound_lines = {id(binder.line) for binder in binders}
    lines = [line for root in (window, *dialogs) for line in root.findChildren(ProblemLine)
             if id(line) not in bound_lines]
    assert len(binders) >= 5 and len(lines) >= 5, (len(binders), len(lines))
    sources = english_sources_with_spanish()
    faults: list[str] = []
    for problem in examples(language):
        for binder in binders:
            marked = binder.show(problem)
            where = f"{type(binder.host).__name__} form / {problem.kind}"
            faults += check(where, Shown(binder.line.text(), marked), language, sources)
            binder.clear()
        for line in lines:
            line.show_problem(problem)
            faults += check(f"{line.accessibleName()} / {problem.kind}", Shown(line.text(), False), language,
                            sources)
        tell(window.reservations.table, problem)
        faults += check(f"banner / {problem.kind}", Shown(window.banner.text(), False), language, sources)
    assert not faults, "\n".join(faults[:40])

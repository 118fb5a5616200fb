"""Spanish: every pane and dialog under the Spanish translator shows no English; dates, numbers and
money follow the locale; the language choice is remembered."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QLocale, Qt

from lok_desk.api.errors import LokConnectionError
from lok_desk.core.problems import Kind, Problem, problem_from
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.i18n import InstalledLanguage, install_language, resolve_language
from lok_desk.desk.kit.problems import describe, sentence
from lok_desk.desk.settings import DeskSettings
from lok_desk.desk.window.main_window import MainWindow
from tests.desk.surfaces import each_surface, visible_texts

ROOT = Path(__file__).resolve().parents[2]
SPANISH_TS = ROOT / "resources" / "translations" / "lok_desk_es.ts"

# Words that only an English sentence or label uses. Key names (Enter, Ctrl) and the product's own
# names are not here: Spanish text says "presiona Enter" too.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|your|you|with|from|this|that|are|is|not|will|has|have|Save|Cancel|Open|Close|Refresh|"
    r"Search|Loading|Reservations?|Locations?|Settings|Sign|Print|Select|Choose|Type|Press|Click|Show|"
    r"Hide|Delete|Remove|Add|New|Find|File|View|Help|Quit|Box|Status|Shipment|Recipient|Created|Due|"
    r"Token|Pending|Reserved|Delivered|Cancelled|Unknown|None|Name|Phone|Address|Company|Role|Server|"
    r"Updated|Reports|Directories|Notifications|Theme|Language|Light|Dark|Free|Taken)\b")
# Language-neutral text the desk shows as it is: the product, protocols, units, formats.
NEUTRAL = {"Lok", "Lok Desk", "Webhook", "OK", "cm", "lat", "long", "#", "?", "whsec_…", "S", "M", "L", "XL",
           "English", "Español", "UTC", "MXN", "CSV"}
# Data from the sandbox is not UI: names of places and people, ids, e-mails, addresses, URLs.
DATA = re.compile(r"@|https?://|\b(PED|rsv|loc|DEMO)-|America/|^[\d\s:.,$—–-]+$")


def english_sources_with_spanish() -> set[str]:
    """English source strings that have a Spanish text different from them."""
    tree = ET.parse(SPANISH_TS)
    sources = set()
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation and translation != source:
            sources.add(_normal(source))
    return sources


def _normal(text: str) -> str:
    return text.replace("&", "").strip().rstrip(":…").strip()


@pytest.fixture
def spanish(qapp: Any) -> Iterator[InstalledLanguage]:
    installed = install_language("es")
    assert installed.language == "es" and installed.translators, "the Spanish catalogue did not load"
    yield installed
    installed.uninstall()


def untranslated(texts: list[tuple[str, str]], sources: set[str]) -> list[str]:
    problems = []
    for where, text in texts:
        for line in text.splitlines():
            line = line.strip()
            if not line or line in NEUTRAL or DATA.search(line):
                continue
            if _normal(line) in sources:
                problems.append(f"{where}: {line!r} is the English source")
            elif (word := ENGLISH_WORDS.search(line)) is not None:
                problems.append(f"{where}: {line!r} has the English word {word.group(0)!r}")
    return problems


def test_every_pane_and_dialog_speaks_spanish(spanish: InstalledLanguage,
                                              signed_in_window: Callable[..., MainWindow],
                                              qtbot: Any, arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    sources = english_sources_with_spanish()
    seen: list[str] = []
    problems: list[str] = []
    for name, surface in each_surface(window, qtbot, arun):
        seen.append(name)
        problems += [f"{name} · {p}" for p in untranslated(visible_texts(surface), sources)]
    assert len(seen) >= 7 + 6, seen   # 2 panes + 5 owner panes + the dialogs
    assert not problems, "\n".join(problems)
    # Spot checks a person would make.
    assert window.tabs.tabText(0) == "&Reservaciones"
    assert window.role_label.text() == "Rol: propietario"


def _faults(sandbox: Any, *rules: dict[str, Any]) -> None:
    if rules:
        httpx.post(f"{sandbox.base_url}/sandbox/faults", json={"rules": list(rules)}).raise_for_status()
    else:
        httpx.delete(f"{sandbox.base_url}/sandbox/faults").raise_for_status()


def test_errors_from_the_server_read_in_spanish(spanish: InstalledLanguage,
                                               signed_in_window: Callable[..., MainWindow],
                                               qtbot: Any, sandbox: Any) -> None:
    """The walk again, in the states a failure leaves: the banner after a failed refresh and the New
    reservation dialog after a refused create. The server's (English) words never reach the screen."""
    from lok_desk.desk.reservations.create_dialog import CreateReservationDialog

    window = signed_in_window("owner")
    sources = english_sources_with_spanish()
    # The sandbox answers with English text ("Injected by the sandbox fault rules") on purpose.
    _faults(sandbox, {"method": "GET", "path": "/company/reservations", "status": 500, "times": 20})
    try:
        window.refresh_action.trigger()
        qtbot.waitUntil(window.banner.isVisible, timeout=20000)
        assert "Injected" not in window.banner.text()
        problems = untranslated([("banner", window.banner.text())], sources)
        _faults(sandbox, {"method": "POST", "path": "/reservations", "status": 400, "times": 5})
        dialog = CreateReservationDialog(window.session, None, parent=window)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.size_combo.count() > 0)
        dialog.size_combo.setCurrentIndex(0)
        for edit, text in ((dialog.contact_name, "Recepcion"), (dialog.contact_email, "r@example.com"),
                           (dialog.recipient_name, "Ana Lopez"), (dialog.recipient_email, "ana@example.com"),
                           (dialog.recipient_phone, "+52 55 1234 5678")):
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.general_error.isVisible, timeout=20000)
        assert "Injected" not in dialog.general_error.text()
        problems += [f"create · {p}" for p in untranslated(visible_texts(dialog), sources)]
        dialog.reject()
    finally:
        _faults(sandbox)
    assert not problems, "\n".join(problems)


def test_sign_in_dialog_speaks_spanish(spanish: InstalledLanguage, start_shell: Callable[..., Any],
                                       qtbot: Any) -> None:
    running = start_shell()
    qtbot.waitUntil(lambda: running.dialog() is not None, timeout=20000)
    dialog = running.dialog()
    problems = untranslated(visible_texts(dialog), english_sources_with_spanish())
    assert not problems, "\n".join(problems)
    assert dialog.demo_buttons["owner"].text() == "Entrar como propietario"
    dialog.reject()


def test_every_problem_reads_in_spanish(spanish: InstalledLanguage) -> None:
    """Whatever fails — the API layer's errors included — a person reads it in their language."""
    sources = english_sources_with_spanish()
    problems: list[str] = []
    for kind in Kind:
        problem = Problem(kind, doing="cargar las reservaciones", server="sandbox")
        what, next_step = describe(problem)
        assert (what, next_step) != problem.english(), kind
        problems += [f"{kind}: {p}" for p in untranslated([("what", what), ("next", next_step)], sources)]
    assert not problems, "\n".join(problems)
    offline = problem_from(LokConnectionError("connection refused"), doing="cargar las reservaciones")
    assert sentence(offline).startswith("Lok Desk no puede comunicarse con el servidor de Lok al cargar")


def test_spanish_catalogue_is_complete_and_keeps_placeholders() -> None:
    tree = ET.parse(SPANISH_TS)
    placeholders = re.compile(r"\{[^}]*\}|%n|\n")
    unfinished, broken = [], []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        # A plural message has one form per grammatical number; each is checked like a singular one.
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(form.strip() for form in forms):
            unfinished.append(source)
        for form in forms:
            if sorted(placeholders.findall(source)) != sorted(placeholders.findall(form)):
                broken.append(f"{source!r} -> {form!r}")
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"
    assert not broken, "\n".join(broken)


def test_dates_numbers_and_money_follow_the_locale(spanish: InstalledLanguage) -> None:
    when = datetime(2026, 11, 28, 20, 5, tzinfo=UTC)
    assert formatting.format_local(when, "America/Mexico_City") == "28 nov 2026 14:05"
    assert formatting.format_mxn(1234.5) == "$1,234.50 MXN"
    assert formatting.format_status("picked_up") == "Recolectado"
    assert formatting.format_weekday_time(when) == "sáb 20:05"
    spanish.uninstall()
    assert formatting.format_local(when, "America/Mexico_City") == "28 Nov 2026 14:05"
    assert formatting.format_status("picked_up") == "Picked up"
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    try:
        assert formatting.format_mxn(1234.5) == "$1234,50 MXN"   # Spain groups only from 5 digits
    finally:
        QLocale.setDefault(QLocale.system())


def test_language_follows_the_system_unless_chosen(tmp_path: Path) -> None:
    mexico = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert resolve_language("system", mexico) == "es"
    assert resolve_language("system", germany) == "en"
    assert resolve_language("en", mexico) == "en"
    settings = DeskSettings(language="es", theme="dark")
    settings.save(tmp_path / "settings.json")
    again = DeskSettings.load(tmp_path / "settings.json")
    assert (again.language, again.theme) == ("es", "dark")


ENGLISH_TS = ROOT / "resources" / "translations" / "lok_desk_en.ts"


def test_every_count_has_its_english_plural_forms() -> None:
    """English is the source language, so its catalogue holds only the %n messages; one left without
    forms reads "Exported 1 rows" (issue 19 point 17)."""
    tree = ET.parse(ENGLISH_TS)
    empty = [message.findtext("source") for message in tree.getroot().iter("message")
             if not all((form.text or "").strip() for form in message.iter("numerusform"))
             or message.find("translation").get("type") == "unfinished"]   # type: ignore[union-attr]
    assert not empty, empty
    counted = {message.findtext("source") for message in ET.parse(SPANISH_TS).getroot().iter("message")
               if message.get("numerus") == "yes"}
    english = {message.findtext("source") for message in tree.getroot().iter("message")}
    assert counted <= english, counted - english


@pytest.mark.parametrize(("language", "one", "three"), [
    ("en", "Exported 1 row to x.csv", "Exported 3 rows to x.csv"),
    ("es", "Se exportó 1 fila a x.csv", "Se exportaron 3 filas a x.csv"),
])
def test_counts_read_right_in_both_languages(qapp: Any, language: str, one: str, three: str) -> None:
    from lok_desk.desk.kit.i18n import translate

    installed = install_language(language)
    try:
        for context in ("TodayBoard", "DeskHistoryPane"):
            assert translate(context, "Exported %n rows to {0}", None, 1).format("x.csv") == one
            assert translate(context, "Exported %n rows to {0}", None, 3).format("x.csv") == three
        day = translate("BucketModel", "%n days", None, 1)
        assert day == ("1 day" if language == "en" else "1 día")
    finally:
        installed.uninstall()


def test_a_time_whose_locker_zone_is_unknown_says_utc() -> None:
    """Issue 19 point 15: a public-network locker's rows showed UTC among local times, unmarked."""
    when = datetime(2026, 11, 28, 20, 5, tzinfo=UTC)
    local = formatting.format_local_marked(when, "America/Mexico_City")
    assert local.endswith("14:05") and "UTC" not in local
    for unknown in (None, "", "Not/AZone"):
        assert formatting.format_local_marked(when, unknown).endswith("20:05 UTC")
    assert formatting.format_local_marked(None, None) == formatting.DASH

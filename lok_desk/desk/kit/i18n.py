"""The desk's language: which translation to load (system, English, Español) and the locale that formats.

Translations are compiled from resources/translations/lok_desk_<lang>.ts by
resources/scripts/build_resources.py
into the generated resource module, under `:/i18n/`, so an editable install, a wheel and the bundle
load them alike. Qt's own strings (standard buttons, file dialogs) come from the qtbase catalogue that
ships with PySide6 (and that the bundle keeps for en and es).

Strings outside a QObject are marked with `translate("Context", "text")`: pyside6-lupdate finds
calls by that name, so the helper below keeps the extraction and the look-up in one word.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lok_desk.core.text import Text

# What the settings may hold; "system" follows QLocale.system().
SYSTEM = "system"
ENGLISH = "en"
SPANISH = "es"
LANGUAGE_CHOICES = (SYSTEM, ENGLISH, SPANISH)
# The languages the desk has a catalogue for; anything else falls back to English.
TRANSLATED = (ENGLISH, SPANISH)

_CATALOGUE = ":/i18n/lok_desk_{language}.qm"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the catalogue, translated later with translate(context, text). PySide6's own
    QT_TRANSLATE_NOOP is typed as returning `object`, which spread untyped values through the desk."""
    del context
    return text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate under a name pyside6-lupdate recognises."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def say(text: Text) -> str:
    """A sentence the core handed over untranslated (lok_desk/core/text.py), in the person's language."""
    return text.render(lambda context, template: QCoreApplication.translate(context, template))


def language_names() -> dict[str, str]:
    """The Language menu's entries; each language is named in itself, so anyone can find theirs."""
    return {
        SYSTEM: translate("Language", "System language"),
        ENGLISH: "English",
        SPANISH: "Español",
    }


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The catalogue to load for a settings choice: "en" or "es"."""
    if choice in TRANSLATED:
        return choice
    system = system or QLocale.system()
    return SPANISH if system.language() == QLocale.Language.Spanish else ENGLISH


def formatting_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale dates and numbers follow: the system's when it speaks the chosen language, otherwise
    Mexico's Spanish or US English (the places Lok's lockers and their staff are)."""
    system = system or QLocale.system()
    if language == SPANISH:
        if system.language() == QLocale.Language.Spanish:
            return system
        return QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@dataclass
class InstalledLanguage:
    """What `install_language` put on the application, so it can be taken off again (tests)."""

    language: str
    locale: QLocale
    translators: list[QTranslator]

    def uninstall(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(QLocale.system())


def install_language(choice: str = SYSTEM, system: QLocale | None = None) -> InstalledLanguage:
    """Load the desk's and Qt's catalogues for `choice` and make its locale the default.

    Call it after the QApplication exists and before the first window is built: widgets translate
    their texts when they are made (a new choice takes effect at the next start).
    """
    # Importing the generated module registers the compiled catalogues under :/i18n/.
    from lok_desk.desk._generated import resources_rc  # noqa: F401

    language = resolve_language(choice, system)
    locale = formatting_locale(language, system)
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    # Parented to the application: a translator that Python collects is silently uninstalled.
    app = QCoreApplication.instance()
    desk = QTranslator(app)
    if desk.load(_CATALOGUE.format(language=language)):
        translators.append(desk)
    qt_own = QTranslator(app)
    if language != ENGLISH and qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        translators.append(qt_own)
    for translator in translators:
        QCoreApplication.installTranslator(translator)
    return InstalledLanguage(language, locale, translators)

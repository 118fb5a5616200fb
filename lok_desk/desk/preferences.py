"""View ▸ Theme and View ▸ Language: the person's choices, applied (theme at once, language at the next
start) and remembered in the desk settings JSON."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from lok_desk.desk.kit import i18n, theme
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.settings import DeskSettings


@dataclass
class Preferences:
    """The shell's settings object and where it is saved: the menus change that one object, so a later
    save by the shell (after a sign-in) keeps the person's choices."""

    settings: DeskSettings
    path: Path
    #: The shell's own save (worker thread, one at a time, newest last); None: save a copy here.
    writer: Callable[[], Awaitable[None]] | None = None

    async def save(self) -> None:
        """Write the settings on a worker thread: a slow or network home folder must not freeze the
        menu the person just clicked."""
        if self.writer is not None:
            await self.writer()
            return
        snapshot = copy.deepcopy(self.settings)   # the Qt thread may change them meanwhile
        await asyncio.to_thread(snapshot.save_quietly, self.path)


def _save_soon(preferences: Preferences, parent: QWidget) -> None:
    # Owned by the application, not the window: quitting right after a choice must not cancel its save.
    app = QApplication.instance()
    spawn(preferences.save(), owner=app if app is not None else parent)


def theme_follower() -> theme.ThemeFollower | None:
    """The application's ThemeFollower (app.py makes one at start); None in tests that made none."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.findChild(theme.ThemeFollower)


def add_preference_menus(menu: QMenu, preferences: Preferences, parent: QWidget,
                         notify: Callable[[str], None] | None = None) -> tuple[QMenu, QMenu]:
    """Append Theme and Language submenus to `menu`; `notify(text)` tells the person what happened."""
    menu.addSeparator()
    theme_menu = menu.addMenu(translate("Preferences", "&Theme"))
    theme_group = QActionGroup(parent)
    for key, name in theme.theme_names().items():
        action = QAction(name, parent)
        action.setCheckable(True)
        action.setChecked(preferences.settings.theme == key)
        action.setData(key)
        theme_group.addAction(action)
        theme_menu.addAction(action)

    def choose_theme(action: QAction) -> None:
        key = str(action.data())
        preferences.settings.theme = key
        _save_soon(preferences, parent)
        follower = theme_follower()
        if follower is not None:
            follower.apply(key)
        if notify is not None:
            notify(translate("Preferences", "Theme: {name}.").format(name=action.text()))

    theme_group.triggered.connect(choose_theme)

    language_menu = menu.addMenu(translate("Preferences", "&Language"))
    note = QAction(translate("Preferences", "Takes effect the next time Lok Desk starts"), parent)
    note.setEnabled(False)
    language_menu.addAction(note)
    language_menu.addSeparator()
    language_group = QActionGroup(parent)
    for key, name in i18n.language_names().items():
        action = QAction(name, parent)
        action.setCheckable(True)
        action.setChecked(preferences.settings.language == key)
        action.setData(key)
        language_group.addAction(action)
        language_menu.addAction(action)

    def choose_language(action: QAction) -> None:
        preferences.settings.language = str(action.data())
        _save_soon(preferences, parent)
        if notify is not None:
            notify(translate("Preferences", "Language: {name}. Restart Lok Desk to see it.").format(
                name=action.text()))

    language_group.triggered.connect(choose_language)
    return theme_menu, language_menu

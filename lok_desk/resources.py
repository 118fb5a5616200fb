"""Lok Desk's icons, read from the compiled Qt resource module so every install loads them alike.

The images live in `lok_desk.desk._generated.resources_rc` (written by scripts/build_resources.py),
not as loose files: an editable install, a wheel and the PyInstaller bundle then find them the same
way, with no path arithmetic. The module is imported on first use, because importing it registers
its data with Qt and costs a little memory that a headless `lok-desk-sandbox` never needs.
"""

from __future__ import annotations

from PySide6.QtCore import QDirIterator, QFile, QSize
from PySide6.QtGui import QGuiApplication, QIcon

# The reverse-DNS id shared by the .desktop file, the AppStream metainfo, the icon theme name and
# the Wayland app id; they must all agree or the taskbar shows a generic icon.
APP_ID = "com.lokdesk.LokDesk"
APP_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

_APP_ICON_PREFIX = f":/app/{APP_ID}"
_ICONS_PREFIX = ":/icons"


def _register_resources() -> None:
    # Importing the generated module calls qRegisterResourceData; Python caches the import, so later
    # calls cost a dictionary lookup.
    from lok_desk.desk._generated import resources_rc  # noqa: F401


def app_icon() -> QIcon:
    """The Lok Desk locker-front icon, with a hand-drawn PNG for every size a desktop asks for."""
    _register_resources()
    locker_front = QIcon()
    for size in APP_ICON_SIZES:
        locker_front.addFile(f"{_APP_ICON_PREFIX}-{size}.png", QSize(size, size))
    return locker_front


def icon_names() -> list[str]:
    """The names `icon()` accepts: every resources/icons/*.svg compiled in, without `.svg`."""
    _register_resources()
    names = []
    entries = QDirIterator(_ICONS_PREFIX)
    while entries.hasNext():
        name = entries.next().rsplit("/", 1)[-1]
        if name.endswith(".svg"):
            names.append(name.removesuffix(".svg"))
    return sorted(names)


def icon(name: str) -> QIcon:
    """A desk icon from resources/icons/<name>.svg; an unknown name raises instead of showing blank."""
    _register_resources()
    path = f"{_ICONS_PREFIX}/{name}.svg"
    if not QFile.exists(path):
        raise LookupError(f"no icon named {name!r}; resources/icons has: {', '.join(icon_names()) or 'none'}")
    return QIcon(path)


def apply_app_identity(app: QGuiApplication) -> None:
    """Give every window the app icon and tie them to the .desktop file (taskbar icon, Wayland app id).

    Call it once, right after the QApplication exists and before the first window is shown: Wayland
    reads the desktop file name when a window is created.
    """
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())

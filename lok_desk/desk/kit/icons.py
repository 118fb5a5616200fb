"""Desk icons drawn in the palette's text colour, so they stay visible in light, dark and high contrast.

The SVGs under resources/icons stroke with `currentColor`; Qt's SVG renderer has no notion of a
current colour, so the colour is written into the SVG text before it is rendered. Fusion's standard
pixmaps are fixed dark-grey drawings, which all but vanished on the dark theme.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QFile, QIODevice, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from lok_desk.resources import icon

#: Pixel sizes rendered up front: menus (16), toolbars (18–24) and HiDPI doubles.
ICON_SIZES = (16, 18, 24, 32, 36, 48)


def _svg_text(name: str) -> str:
    icon(name)  # registers the compiled resources; an unknown name raises LookupError here
    source = QFile(f":/icons/{name}.svg")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise LookupError(f"icon {name!r} is compiled in but cannot be read")
    try:
        return bytes(source.readAll().data()).decode("utf-8")
    finally:
        source.close()


def _render(svg: str, color: QColor, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color.name()).encode("utf-8")))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def palette_icon(name: str, palette: QPalette) -> QIcon:
    """resources/icons/<name>.svg in `palette`'s text colour, with a disabled variant in its disabled
    text colour (Qt's automatic greying of a light icon is unreadable on a dark window)."""
    svg = _svg_text(name)
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    result = QIcon()
    for size in ICON_SIZES:
        result.addPixmap(_render(svg, normal, size), QIcon.Mode.Normal)
        result.addPixmap(_render(svg, normal, size), QIcon.Mode.Active)
        result.addPixmap(_render(svg, disabled, size), QIcon.Mode.Disabled)
    return result


class PaletteIcons(QObject):
    """Keeps icons in step with `host`'s palette: View ▸ Theme switches light/dark while the window is
    open, and an icon drawn for the old palette would vanish against the new background."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._host = host
        self._bound: list[tuple[Callable[[QIcon], None], str]] = []
        host.installEventFilter(self)

    def bind(self, set_icon: Callable[[QIcon], None], name: str) -> None:
        """Call `set_icon` with the named icon now and after every palette change of the host."""
        self._bound.append((set_icon, name))
        set_icon(palette_icon(name, self._host.palette()))

    def refresh(self) -> None:
        palette = self._host.palette()
        for set_icon, name in self._bound:
            set_icon(palette_icon(name, palette))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.PaletteChange:
            self.refresh()
        return False

"""The desk's look: follow the system's light/dark scheme, or light, dark or high contrast on request.

Dark and high contrast use the Fusion style with a palette of their own (every platform style draws
Fusion the same, and Fusion honours the palette fully); light is Fusion with its standard palette.
Widgets that paint by hand ask `theme_of(palette)` which set of status colours to use, so they follow
whichever palette they are given, not a global.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.i18n import translate

SYSTEM = "system"
LIGHT = formatting.LIGHT
DARK = formatting.DARK
HIGH_CONTRAST = formatting.HIGH_CONTRAST
THEME_CHOICES = (SYSTEM, LIGHT, DARK, HIGH_CONTRAST)

# High contrast is pure black and white with yellow for what is selected or focused (the scheme
# Windows and GNOME use); `theme_of` recognises it by exactly these colours.
_HC_WINDOW = QColor("#000000")
_HC_TEXT = QColor("#FFFFFF")
_HC_ACCENT = QColor("#FFFF00")


def theme_names() -> dict[str, str]:
    """The View ▸ Theme menu's entries."""
    return {
        SYSTEM: translate("Theme", "Follow the system"),
        LIGHT: translate("Theme", "Light"),
        DARK: translate("Theme", "Dark"),
        HIGH_CONTRAST: translate("Theme", "High contrast"),
    }


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def effective_theme(choice: str) -> str:
    """LIGHT, DARK or HIGH_CONTRAST for a settings choice (SYSTEM reads the desktop's scheme)."""
    if choice in (LIGHT, DARK, HIGH_CONTRAST):
        return choice
    return DARK if system_is_dark() else LIGHT


# Text colours with a meaning, per theme; each reads at 4.5:1 or better on that theme's Base and Window
# (tests/desk/test_theme.py measures them).
SEMANTIC_TEXT: dict[str, dict[str, str]] = {
    "good": {LIGHT: "#00684A", DARK: "#7FE8C4", HIGH_CONTRAST: "#00FF80"},     # open, free boxes
    "muted": {LIGHT: "#5F5F5F", DARK: "#A8ADB3", HIGH_CONTRAST: "#FFFFFF"},    # closed, secondary
    "bad": {LIGHT: "#B3261E", DARK: "#FF8A80", HIGH_CONTRAST: "#FF7070"},      # failures, refusals
}
# A highlighted row of text (today in a schedule): background and text, legible in each theme.
HIGHLIGHT_ROW: dict[str, tuple[str, str]] = {
    LIGHT: ("#FFF4CE", "#1F1A00"), DARK: ("#4A4500", "#FFF27A"), HIGH_CONTRAST: ("#FFFF00", "#000000"),
}


def semantic_colour(name: str, palette: QPalette | None = None) -> QColor:
    """The text colour for `name` ("good", "muted", "bad") under `palette` (default: the app's)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return QColor(SEMANTIC_TEXT[name][theme_of(palette)])


def dark_palette() -> QPalette:
    """A calm dark palette; text on every background role passes WCAG AA."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#202124", role.WindowText: "#E8EAED", role.Base: "#17181A",
        role.AlternateBase: "#26282B", role.ToolTipBase: "#303134", role.ToolTipText: "#E8EAED",
        role.PlaceholderText: "#9AA0A6", role.Text: "#E8EAED", role.Button: "#2D2F31",
        role.ButtonText: "#E8EAED", role.BrightText: SEMANTIC_TEXT["bad"][DARK], role.Light: "#4A4C50",
        role.Midlight: "#3A3C40", role.Mid: "#5F6368", role.Dark: "#111214", role.Shadow: "#000000",
        role.Highlight: "#8AB4F8", role.HighlightedText: "#111214", role.Link: "#8AB4F8",
        role.LinkVisited: "#C58AF9",
    }
    for key, value in colours.items():
        p.setColor(key, QColor(value))
    # Disabled text still reads (4.5:1), only dimmer than the enabled #E8EAED.
    for key, value in {role.WindowText: "#8E9399", role.Text: "#8E9399", role.ButtonText: "#8E9399",
                       role.Base: "#202124", role.Button: "#26282B"}.items():
        p.setColor(group.Disabled, key, QColor(value))
    return p


def high_contrast_palette() -> QPalette:
    """Black, white and yellow; disabled text is a lighter grey that still reads (7:1) on black."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for key in (role.Window, role.Base, role.AlternateBase, role.Button, role.ToolTipBase, role.Dark,
                role.Shadow):
        p.setColor(key, _HC_WINDOW)
    for key in (role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.Light,
                role.PlaceholderText):
        p.setColor(key, _HC_TEXT)
    # Midlight backs chips and badges drawn with palette(midlight) under white text: keep it dark.
    p.setColor(role.Midlight, QColor("#404040"))
    p.setColor(role.Mid, QColor("#C0C0C0"))
    p.setColor(role.BrightText, QColor(SEMANTIC_TEXT["bad"][HIGH_CONTRAST]))
    p.setColor(role.AlternateBase, QColor("#1A1A1A"))
    p.setColor(role.Highlight, _HC_ACCENT)
    p.setColor(role.HighlightedText, _HC_WINDOW)
    p.setColor(role.Link, _HC_ACCENT)
    p.setColor(role.LinkVisited, QColor("#FFB0FF"))
    for key in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, key, QColor("#A0A0A0"))
    return p


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    palette = style.standardPalette()
    palette.setColor(QPalette.ColorRole.BrightText, QColor(SEMANTIC_TEXT["bad"][LIGHT]))
    # Fusion's own selection blue (#308CC6) gives white text only 3.7:1; a deeper blue gives 5.3:1.
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1F6FB2"))
    # Fusion greys disabled text to #BEBEBE (1.6:1 on its window): a person could not read why a field
    # is off. A mid grey reads at 4.5:1 and still looks unlike the black of enabled text.
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#696969"))
    return palette


def palette_for(theme: str) -> QPalette:
    if theme == DARK:
        return dark_palette()
    if theme == HIGH_CONTRAST:
        return high_contrast_palette()
    return light_palette()


# Fusion outlines fields with a darker shade of the window colour: invisible on black. High contrast
# draws every field and button with a white edge (and yellow when it has focus) instead.
HIGH_CONTRAST_STYLE_SHEET = """
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QDateTimeEdit {
    border: 1px solid #FFFFFF; border-radius: 2px; padding: 2px 4px;
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QAbstractSpinBox:focus {
    border: 2px solid #FFFF00;
}
QLineEdit:disabled, QComboBox:disabled { border: 1px dashed #A0A0A0; }
"""


class DeskStyle(QProxyStyle):
    """Fusion, with what Fusion draws too faintly made visible in every theme: checkbox and radio
    indicators get an outline in the text colour (Fusion's is a shade of the window, 1.3:1 on dark)."""

    _INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                   QStyle.PrimitiveElement.PE_IndicatorRadioButton,
                   QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._INDICATORS:
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        painter.save()
        painter.setPen(QPen(option.palette.color(group, QPalette.ColorRole.WindowText), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect.adjusted(0, 0, -1, -1)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawEllipse(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRect(rect)
        painter.restore()


def desk_style() -> QStyle:
    """The style the desk draws with (a new object: QApplication.setStyle takes ownership of it)."""
    return DeskStyle(QStyleFactory.create("Fusion"))


def theme_of(palette: QPalette) -> str:
    """Which status colours suit a palette: high contrast, dark (a dark window) or light."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    accent = palette.color(QPalette.ColorRole.Highlight)
    if window == _HC_WINDOW and text == _HC_TEXT and accent == _HC_ACCENT:
        return HIGH_CONTRAST
    return DARK if window.lightnessF() < 0.45 else LIGHT


class ThemeFollower(QObject):
    """Applies a theme choice to the application and, for SYSTEM, follows the desktop when it
    switches between light and dark while Lok Desk runs."""

    def __init__(self, app: QApplication, choice: str = SYSTEM) -> None:
        super().__init__(app)
        self._app = app
        self.choice = choice if choice in THEME_CHOICES else SYSTEM
        self.theme = ""
        app.setStyle(desk_style())
        app.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        self.apply(self.choice)

    def apply(self, choice: str) -> str:
        """Use `choice` from now on (takes effect at once); returns the theme it resolved to."""
        self.choice = choice if choice in THEME_CHOICES else SYSTEM
        self.theme = effective_theme(self.choice)
        self._app.setPalette(palette_for(self.theme))
        self._app.setStyleSheet(HIGH_CONTRAST_STYLE_SHEET if self.theme == HIGH_CONTRAST else "")
        return self.theme

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM:
            self.apply(SYSTEM)

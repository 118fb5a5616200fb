"""Themes: light, dark and high contrast keep every status chip and every coloured word readable
(WCAG AA, 4.5:1 for text, hints and disabled text included), checkbox and radio indicators and the focus
ring stand out (3:1, WCAG non-text contrast), the app follows the system scheme, and the choice is applied
and remembered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

from lok_desk.desk.kit import formatting, theme
from lok_desk.desk.kit.formatting import contrast_ratio
from lok_desk.desk.kit.forms import muted_colour
from lok_desk.desk.kit.widgets import Banner, EnvironmentBadge
from lok_desk.desk.reservations.status_chip import chip_colours

AA_TEXT = 4.5
THEMES = (theme.LIGHT, theme.DARK, theme.HIGH_CONTRAST)
STATUSES = [*formatting.STATUS_STYLE, "some_new_status"]


def test_wcag_contrast_ratio_is_the_standard_formula() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)   # the classic near-miss
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("name", THEMES)
def test_every_status_chip_is_readable(name: str) -> None:
    for status in STATUSES:
        style = formatting.status_style(status, name)
        ratio = contrast_ratio(style.background, style.foreground)
        assert ratio >= AA_TEXT, f"{name} {status}: {style.foreground} on {style.background} is {ratio:.2f}:1"


@pytest.mark.parametrize("name", THEMES)
def test_chips_painted_under_each_palette_use_that_themes_colours(qapp: Any, name: str) -> None:
    palette = theme.palette_for(name)
    assert theme.theme_of(palette) == name
    for status in formatting.STATUS_STYLE:
        background, foreground = chip_colours(status, palette)
        expected = formatting.STATUS_STYLES[name][status]
        colours = (background.name().upper(), foreground.name().upper())
        assert colours == (expected.background, expected.foreground)
    # A status the desk does not know yet still reads, on the palette's own colours.
    background, foreground = chip_colours("some_new_status", palette)
    assert contrast_ratio(background.name(), foreground.name()) >= AA_TEXT


@pytest.mark.parametrize("name", THEMES)
def test_palette_text_and_meaningful_colours_are_readable(qapp: Any, name: str) -> None:
    palette = theme.palette_for(name)
    role = QPalette.ColorRole
    pairs = [(role.WindowText, role.Window), (role.Text, role.Base), (role.Text, role.AlternateBase),
             (role.ButtonText, role.Button), (role.HighlightedText, role.Highlight),
             (role.ToolTipText, role.ToolTipBase), (role.BrightText, role.Window),
             (role.BrightText, role.Base), (role.PlaceholderText, role.Base)]
    for text, background in pairs:
        ratio = contrast_ratio(palette.color(text).name(), palette.color(background).name())
        need = 4.5 if text != role.PlaceholderText else 3.0   # placeholders are hints, not content
        assert ratio >= need, f"{name}: {text.name} on {background.name} is {ratio:.2f}:1"
    for meaning, colours in theme.SEMANTIC_TEXT.items():
        for background in (role.Base, role.Window):
            ratio = contrast_ratio(colours[name], palette.color(background).name())
            assert ratio >= AA_TEXT, f"{name}: {meaning} on {background.name} is {ratio:.2f}:1"
    highlight_background, highlight_text = theme.HIGHLIGHT_ROW[name]
    assert contrast_ratio(highlight_background, highlight_text) >= AA_TEXT


def test_fixed_colour_badges_and_banners_are_readable_in_any_theme() -> None:
    # They paint their own background, so the window's theme does not matter.
    for background, text, _striped in EnvironmentBadge.STYLES.values():
        assert contrast_ratio(background, text) >= AA_TEXT
    assert Banner is not None
    for background, text in (("#FDECEA", "#611A15"), ("#E8F1FB", "#0B3A66")):
        assert contrast_ratio(background, text) >= AA_TEXT


def test_theme_choice_is_applied_and_follows_the_system(qapp: QApplication) -> None:
    original = qapp.palette()
    follower = theme.ThemeFollower(qapp, theme.DARK)
    try:
        assert theme.theme_of(qapp.palette()) == theme.DARK
        style = qapp.style()
        assert isinstance(style, theme.DeskStyle) and style.baseStyle().name().lower() == "fusion"
        follower.apply(theme.HIGH_CONTRAST)
        assert theme.theme_of(qapp.palette()) == theme.HIGH_CONTRAST
        assert "border" in qapp.styleSheet()            # fields get a visible edge on black
        follower.apply(theme.LIGHT)
        assert theme.theme_of(qapp.palette()) == theme.LIGHT and qapp.styleSheet() == ""
        # "System" reads the desktop's scheme now and again whenever the desktop switches.
        follower.apply(theme.SYSTEM)
        expected = theme.DARK if theme.system_is_dark() else theme.LIGHT
        assert theme.theme_of(qapp.palette()) == expected
        follower._on_scheme_changed(Qt.ColorScheme.Dark)
        assert theme.theme_of(qapp.palette()) == expected  # still what the desktop says
        follower.apply(theme.LIGHT)
        follower._on_scheme_changed(Qt.ColorScheme.Dark)  # an explicit choice ignores the desktop
        assert theme.theme_of(qapp.palette()) == theme.LIGHT
    finally:
        follower.deleteLater()
        qapp.setStyleSheet("")
        qapp.setPalette(original)


# --- non-text contrast: what a control looks like, drawn by the desk's style under each palette -----

NON_TEXT = 3.0   # WCAG 1.4.11: the parts that identify a control and its state


def _draw(qapp: QApplication, name: str, paint: Any, size: QSize | None = None) -> QImage:
    image = QImage(size or QSize(40, 28), QImage.Format.Format_ARGB32)
    palette = theme.palette_for(name)
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    paint(painter, palette)
    painter.end()
    return image


def _strongest(image: QImage, against: QColor, rect: QRect | None = None) -> float:
    """The highest contrast of any pixel in `rect` against `against` (the part that stands out most)."""
    area = rect or image.rect()
    best = 1.0
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            best = max(best, contrast_ratio(image.pixelColor(x, y).name(), against.name()))
    return best


def _indicator(qapp: QApplication, name: str, element: QStyle.PrimitiveElement, enabled: bool) -> float:
    style = theme.desk_style()
    option = QStyleOptionButton()
    option.rect = QRect(4, 4, 18, 18)
    option.state = QStyle.StateFlag.State_Off | (QStyle.StateFlag.State_Enabled if enabled
                                                 else QStyle.StateFlag.State_None)
    palette = theme.palette_for(name)
    palette.setCurrentColorGroup(QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled)
    option.palette = palette
    image = _draw(qapp, name, lambda painter, _p: style.drawPrimitive(element, option, painter, None))
    return _strongest(image, palette.color(QPalette.ColorRole.Window), option.rect)


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_checkbox_and_radio_indicators_stand_out(qapp: QApplication, name: str, enabled: bool) -> None:
    state = "enabled" if enabled else "disabled"
    for element in (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                    QStyle.PrimitiveElement.PE_IndicatorRadioButton):
        ratio = _indicator(qapp, name, element, enabled)
        assert ratio >= NON_TEXT, f"{name} {element.name} ({state}): {ratio:.2f}:1"


@pytest.mark.parametrize("name", THEMES)
def test_the_focus_ring_is_visible(qapp: QApplication, name: str) -> None:
    """Keyboard focus shows as a ring that differs from the unfocused control by 3:1 or more."""
    style = theme.desk_style()
    palette = theme.palette_for(name)

    def button(focused: bool) -> QImage:
        option = QStyleOptionButton()
        option.rect = QRect(2, 2, 80, 26)
        option.text = "OK"
        option.palette = palette
        option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        if focused:
            option.state |= QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        return _draw(qapp, name, lambda painter, _p: style.drawControl(
            QStyle.ControlElement.CE_PushButton, option, painter, None), QSize(84, 30))

    plain, focused = button(False), button(True)
    best = 1.0
    for y in range(plain.height()):
        for x in range(plain.width()):
            before, after = plain.pixelColor(x, y), focused.pixelColor(x, y)
            if before != after:
                best = max(best, contrast_ratio(after.name(), before.name()))
    assert best >= NON_TEXT, f"{name}: the focus ring differs by only {best:.2f}:1"


@pytest.mark.parametrize("name", THEMES)
def test_explanatory_and_disabled_text_is_readable(qapp: QApplication, name: str) -> None:
    palette = theme.palette_for(name)
    window = palette.color(QPalette.ColorRole.Window).name()
    muted = muted_colour(palette).name()
    assert contrast_ratio(muted, window) >= AA_TEXT, f"{name}: hint text {muted} on {window}"
    disabled = QPalette.ColorGroup.Disabled
    role = QPalette.ColorRole
    for text, background in ((role.WindowText, role.Window), (role.Text, role.Base),
                             (role.ButtonText, role.Button)):
        ratio = contrast_ratio(palette.color(disabled, text).name(),
                               palette.color(disabled, background).name())
        assert ratio >= AA_TEXT, f"{name}: disabled {text.name} on {background.name} is {ratio:.2f}:1"

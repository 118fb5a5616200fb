"""Themes: light, dark and high contrast keep every status chip and every coloured word readable
(WCAG AA, 4.5:1 for text), the app follows the system scheme, and the choice is applied and remembered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from lok_desk.desk import formatting, theme
from lok_desk.desk.formatting import contrast_ratio
from lok_desk.desk.reservations.status_chip import chip_colours
from lok_desk.desk.widgets import Banner, EnvironmentBadge

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
        assert qapp.style().name().lower() == "fusion"
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

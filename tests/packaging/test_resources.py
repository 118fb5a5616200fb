"""lok_desk.resources hands out the compiled icons: the app icon at every size, desk icons by name."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from lok_desk import resources
from tests.packaging.conftest import APP_ID, ROOT


def test_app_icon_has_a_drawn_image_for_every_size(qapp: QApplication) -> None:
    app_icon = resources.app_icon()

    assert sorted(size.width() for size in app_icon.availableSizes()) == [16, 32, 48, 64, 128, 256, 512]
    for size in (16, 48, 256):
        image = app_icon.pixmap(size).toImage()
        assert (image.width(), image.height()) == (size, size)
        # The middle of the locker front is the amber open door, never transparent.
        centre = image.pixelColor(size // 2, size * 3 // 4)
        assert centre.alpha() == 255
        assert centre.red() > 200 and centre.blue() < 80, centre.name()


def test_desk_icons_are_the_svgs_under_resources_icons(qapp: QApplication) -> None:
    expected = sorted(path.stem for path in (ROOT / "resources" / "icons").glob("*.svg"))

    assert resources.icon_names() == expected
    for name in expected:
        assert not resources.icon(name).isNull(), name


def test_an_unknown_icon_name_is_an_error_not_a_blank(qapp: QApplication) -> None:
    with pytest.raises(LookupError, match="no icon named 'no-such-locker'"):
        resources.icon("no-such-locker")


def test_app_identity_ties_windows_to_the_desktop_file(qapp: QApplication) -> None:
    previous_name, previous_icon = QGuiApplication.desktopFileName(), qapp.windowIcon()
    try:
        resources.apply_app_identity(qapp)

        assert QGuiApplication.desktopFileName() == APP_ID
        assert 512 in [size.width() for size in qapp.windowIcon().availableSizes()]
    finally:
        QGuiApplication.setDesktopFileName(previous_name)
        qapp.setWindowIcon(previous_icon)

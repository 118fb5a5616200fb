"""The Linux desktop files agree with each other and with the app, and pass the freedesktop validators."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import lok_desk
from lok_desk import resources
from tests.packaging.conftest import APP_ID, ROOT, load_packaging_module

APP_DIR = ROOT / "resources" / "app"
DESKTOP_FILE = APP_DIR / f"{APP_ID}.desktop"
METAINFO_FILE = APP_DIR / f"{APP_ID}.metainfo.xml"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_one_app_id_everywhere() -> None:
    contents = load_packaging_module("bundle_contents")
    build_resources = load_packaging_module("build_resources")

    assert resources.APP_ID == APP_ID
    assert contents.APP_ID == APP_ID  # type: ignore[attr-defined]
    assert build_resources.APP_ID == APP_ID  # type: ignore[attr-defined]
    assert ET.parse(METAINFO_FILE).getroot().findtext("id") == APP_ID


def test_desktop_entry_launches_lok_desk_with_its_icon() -> None:
    entry = desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]

    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] in scripts
    assert entry["Icon"] == APP_ID
    # Qt names X11 windows after the executable's file name (WM_CLASS instance).
    assert entry["StartupWMClass"] == entry["Exec"].split()[0]
    for size in resources.APP_ICON_SIZES:
        assert (APP_DIR / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()


def test_metainfo_describes_this_release_and_its_launcher() -> None:
    component = ET.parse(METAINFO_FILE).getroot()

    assert component.get("type") == "desktop-application"
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert "lok-desk" in [binary.text for binary in component.iter("binary")]
    releases = [release.get("version") for release in component.iter("release")]
    assert releases and releases[0] == lok_desk.__version__, "add a <release> for the new version"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_bundle_leaves_out_no_qt_module_the_app_imports() -> None:
    build = load_packaging_module("build")
    contents = load_packaging_module("bundle_contents")

    imported = build.qt_modules_imported_by_app()  # type: ignore[attr-defined]

    assert {"QtCore", "QtGui", "QtWidgets"} <= set(imported)
    assert not set(imported) & set(contents.EXCLUDED_QT_MODULES)  # type: ignore[attr-defined]


def test_bundle_import_check_sees_a_forbidden_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = load_packaging_module("build")
    (tmp_path / "lok_desk").mkdir()
    (tmp_path / "lok_desk" / "web.py").write_text("from PySide6 import QtWebEngineWidgets\n")
    monkeypatch.setattr(build, "ROOT", tmp_path)

    with pytest.raises(SystemExit, match=r"PySide6\.QtWebEngineWidgets"):
        build.check_no_excluded_qt_module_is_used()  # type: ignore[attr-defined]

"""Smoke tests of what a person installs: the PyInstaller bundle and the wheel, each run for real.

Both start the app on its embedded sandbox, sign in as the demo owner and wait for the main window
(`lok-desk --sandbox --demo-role owner --exit-when-ready`), from a HOME that has never seen Lok Desk.

    LOK_DESK_BUNDLE=dist/lok-desk pytest -m slow tests/packaging   # reuse a bundle built earlier

Without LOK_DESK_BUNDLE the bundle is built here (about a minute; needs the `package` extra).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.packaging.conftest import (
    APP_ID,
    HANG_GUARD_S,
    ROOT,
    Bundle,
    isolated_env,
    load_packaging_module,
    run_until_ready,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def pip_env() -> dict[str, str]:
    # Keep the person's pip configuration and cache; drop the variables that tie Python to our .venv.
    return {key: value for key, value in os.environ.items()
            if not key.startswith(("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "LOK_DESK_"))}


def test_bundle_signs_in_to_its_sandbox_and_exits_when_ready(bundle: Bundle, tmp_path: Path) -> None:
    ready = run_until_ready(bundle.folder / "lok-desk", tmp_path / "home")

    assert ready.get("locations", 1) != 0


def test_bundle_carries_only_the_qt_it_uses(bundle: Bundle) -> None:
    contents = load_packaging_module("bundle_contents")
    qt = next(bundle.folder.rglob("PySide6")) / "Qt"
    libraries = {path.name.split(".so")[0] for path in (qt / "lib").iterdir()}
    plugin_folders = {path.name for path in (qt / "plugins").iterdir()}

    # Charts: Insights and Reports (docs/decisions.md, "Charts").
    assert {"libQt6Core", "libQt6Gui", "libQt6Widgets", "libQt6Svg", "libQt6PrintSupport",
            "libQt6Charts"} <= libraries
    for unused in ("Quick", "Qml", "WebEngine", "Network", "Pdf", "Multimedia", "3D", "Designer", "Graphs"):
        assert not [name for name in libraries if name.startswith(f"libQt6{unused}")], unused
    assert plugin_folders <= set(contents.KEPT_QT_PLUGINS)  # type: ignore[attr-defined]
    platforms = {path.name for path in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqoffscreen.so", "libqxcb.so", "libqwayland.so"} <= platforms
    assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    dangling = [path for path in bundle.folder.rglob("*") if path.is_symlink() and not path.exists()]
    assert not dangling


def test_bundle_installs_into_a_menu_and_uninstalls(bundle: Bundle, tmp_path: Path) -> None:
    share = bundle.folder / "share"
    if not share.is_dir():
        pytest.skip("this bundle was not built by packaging/build.py (no share/ folder)")
    prefix = tmp_path / "prefix"
    env = isolated_env(tmp_path / "home") | {"PREFIX": str(prefix)}

    subprocess.run(["sh", str(bundle.folder / "install.sh")], check=True, env=env, capture_output=True)

    launcher = prefix / "bin" / "lok-desk"
    assert launcher.resolve() == (bundle.folder / "lok-desk").resolve()
    desktop = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{bundle.folder}/lok-desk"' in desktop
    assert f"Icon={APP_ID}" in desktop
    assert (prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    subprocess.run(["sh", str(bundle.folder / "install.sh"), "--uninstall"], check=True, env=env,
                   capture_output=True)

    assert not launcher.is_symlink()
    assert not (prefix / "share" / "applications" / f"{APP_ID}.desktop").exists()


def test_bundle_archive_unpacks_to_the_bundle(bundle: Bundle) -> None:
    if bundle.archive is None:
        pytest.skip("LOK_DESK_BUNDLE given: no archive was built here")
    with tarfile.open(bundle.archive) as archive:
        names = set(archive.getnames())

    assert "lok-desk/lok-desk" in names
    assert f"lok-desk/share/applications/{APP_ID}.desktop" in names
    assert "lok-desk/install.sh" in names


def test_wheel_installs_into_a_fresh_venv_and_runs(tmp_path: Path) -> None:
    wheels, venv = tmp_path / "wheels", tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True, env=pip_env(), cwd=tmp_path, timeout=HANG_GUARD_S)
    (wheel,) = wheels.glob("lok_desk-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=pip_env(), timeout=HANG_GUARD_S)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                   check=True, env=pip_env(), cwd=tmp_path, timeout=HANG_GUARD_S)

    run_until_ready(venv / "bin" / "lok-desk", tmp_path / "home")

    probe = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "import json, lok_desk; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]);"
         "from lok_desk.resources import app_icon; icon = app_icon();"
         "print(json.dumps({'package': lok_desk.__file__,"
         " 'sizes': [size.width() for size in icon.availableSizes()],"
         " 'drawn': not icon.pixmap(64).isNull()}))"],
        capture_output=True, text=True, check=True, env=isolated_env(tmp_path / "home"), cwd=tmp_path,
        timeout=HANG_GUARD_S,
    )
    loaded = json.loads(probe.stdout.strip().splitlines()[-1])
    assert Path(loaded["package"]).is_relative_to(venv), "lok_desk came from the source tree, not the wheel"
    assert loaded["sizes"] == [16, 32, 48, 64, 128, 256, 512]
    assert loaded["drawn"] is True

"""The committed generated resources (PNGs, .ico/.icns, .qrc, resources_rc.py) match their sources."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import ROOT


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "resources" / "scripts" / "build_resources.py"), "--check"],
        capture_output=True, text=True, check=False, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )


def test_committed_resources_are_fresh() -> None:
    check = run_check(ROOT)
    assert check.returncode == 0, f"stale; run resources/scripts/build_resources.py\n{check.stdout}"


def copy_resource_tree(target: Path) -> None:
    for folder in ("resources", "lok_desk/desk/_generated"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))


def test_check_notices_an_edited_icon(tmp_path: Path) -> None:
    copy_resource_tree(tmp_path)
    svg = tmp_path / "resources" / "app" / "com.lokdesk.LokDesk.svg"
    svg.write_text(svg.read_text().replace("#F0A81C", "#D55E00"))  # the open door turns vermilion

    check = run_check(tmp_path)

    assert check.returncode == 1
    assert "stale: resources/app/icons/hicolor/512x512/apps/com.lokdesk.LokDesk.png" in check.stdout
    assert "stale: lok_desk/desk/_generated/resources_rc.py" in check.stdout


def test_check_notices_a_new_desk_icon_missing_from_the_qrc(tmp_path: Path) -> None:
    copy_resource_tree(tmp_path)
    icons = tmp_path / "resources" / "icons"
    icons.mkdir(exist_ok=True)
    (icons / "zz-test-parcel.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16"/></svg>')

    check = run_check(tmp_path)

    assert check.returncode == 1
    assert "stale: resources/app/resources.qrc" in check.stdout


def test_check_notices_an_edited_translation(tmp_path: Path) -> None:
    copy_resource_tree(tmp_path)
    spanish = tmp_path / "resources" / "translations" / "lok_desk_es.ts"
    spanish.write_text(spanish.read_text(encoding="utf-8").replace(
        "<translation>Reportes</translation>", "<translation>Informes</translation>"), encoding="utf-8")

    check = run_check(tmp_path)

    assert check.returncode == 1
    assert "stale: lok_desk/desk/_generated/resources_rc.py" in check.stdout

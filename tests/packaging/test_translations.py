"""The translation catalogues hold every string the desk shows, and the compiled ones ship inside the
generated resource module (so an editable install, a wheel and the bundle all have them)."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QFile, QTranslator

from tests.packaging.conftest import ROOT


def test_catalogues_hold_every_string_in_the_sources() -> None:
    # A string added with tr()/translate() but not run through
    # resources/scripts/update_translations.py fails here,
    # and tests/desk/test_i18n.py then insists that the new message is translated.
    script = ROOT / "resources" / "scripts" / "update_translations.py"
    check = subprocess.run([sys.executable, str(script), "--check"],
                           capture_output=True, text=True, check=False,
                           env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert check.returncode == 0, (
        f"run resources/scripts/update_translations.py and translate the new strings\n{check.stdout}")


def test_compiled_catalogues_are_in_the_resource_module() -> None:
    from lok_desk.desk._generated import resources_rc  # noqa: F401 - registers the resources

    for language in ("en", "es"):
        assert QFile.exists(f":/i18n/lok_desk_{language}.qm")
    spanish = QTranslator()
    assert spanish.load(":/i18n/lok_desk_es.qm")
    assert spanish.translate("owner_panes", "Reports") == "Reportes"
    assert spanish.translate("status", "Picked up") == "Recolectado"

"""House rules: lok_desk.api and lok_desk.sandbox never import Qt; the sandbox never imports the client."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "lok_desk"


def imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize("package", ["api", "sandbox"])
def test_no_qt(package: str) -> None:
    modules = imported_modules(package)
    if package == "api" and not modules:
        pytest.skip("lok_desk.api has no modules yet")
    offenders = {
        f: n
        for f, n in modules.items()
        if any(m.split(".")[0] in ("PySide6", "PyQt6", "PyQt5", "qasync", "shiboken6") for m in n)
    }
    assert offenders == {}


def test_sandbox_does_not_import_the_client() -> None:
    offenders = {
        f: n
        for f, n in imported_modules("sandbox").items()
        if any(
            m == "lok_desk.api" or m.startswith("lok_desk.api.") or m.startswith("lok_desk.desk") for m in n
        )
    }
    assert offenders == {}


def test_demo_clients_do_not_load_the_server() -> None:
    # The desk's sign-in lists the demo roles from DEMO_CLIENTS; that must not cost the server's imports.
    probe = (
        "import sys, lok_desk.sandbox; from lok_desk.sandbox import DEMO_CLIENTS; "
        "assert DEMO_CLIENTS['owner'][0] == 'demo-owner'; "
        "heavy = {'fastapi', 'starlette', 'uvicorn', 'PIL', 'segno'}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy "
        "or m in {'lok_desk.sandbox.server', 'lok_desk.sandbox.seed'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_sandbox_server_is_still_reachable_from_the_package() -> None:
    probe = (
        "import sys; from lok_desk.sandbox import SandboxServer; "
        "print(SandboxServer.__module__, 'fastapi' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["lok_desk.sandbox.server", "True"]

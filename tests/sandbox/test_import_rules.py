"""House rules: lok_desk.api and lok_desk.sandbox never import Qt; the sandbox never imports the client."""

from __future__ import annotations

import ast
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

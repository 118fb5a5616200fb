"""Widgets never talk to the API client: only the core session (lok_desk/core/session.py) holds it."""

from __future__ import annotations

import ast
from pathlib import Path

DESK = Path(__file__).resolve().parents[2] / "lok_desk" / "desk"
# The core session builds and holds the client; the Qt adapter (qt_session.py) hands widgets its service,
# so no desk module is exempt.
ADAPTER: set[Path] = set()


def _client_references(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in {"client", "_client"}:
            found.append(f"{path.name}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "LokClient":
            found.append(f"{path.name}:{node.lineno} LokClient")
        elif isinstance(node, ast.ImportFrom):
            names = {alias.name for alias in node.names}
            if node.module == "lok_desk.api.client" or "LokClient" in names or (
                node.module == "lok_desk.api" and "client" in names
            ):
                found.append(f"{path.name}:{node.lineno} imports the client")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "lok_desk.api.client":
                    found.append(f"{path.name}:{node.lineno} imports the client")
    return found


def test_no_desk_module_but_the_session_references_the_api_client() -> None:
    modules = [path for path in DESK.rglob("*.py") if "_generated" not in path.parts and path not in ADAPTER]
    assert len(modules) > 20   # the walk found the desk
    offenders = [hit for path in sorted(modules) for hit in _client_references(path)]
    assert offenders == [], "widgets must call session.service, not the client:\n" + "\n".join(offenders)


def test_the_check_sees_a_client_call(tmp_path: Path) -> None:
    # The rule is only worth something if it catches the pattern it replaced.
    sample = tmp_path / "pane.py"
    sample.write_text("from lok_desk.api import LokClient\n"
                      "async def f(self):\n    await self._session.client.get_label('x')\n", encoding="utf-8")
    assert _client_references(sample) == ["pane.py:1 imports the client", "pane.py:3 .client"]

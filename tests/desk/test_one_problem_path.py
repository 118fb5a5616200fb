"""House rule of the one problem path: the desk's views word no failure themselves.

Every failure reaches a person through lok_desk/core/problems.py and lok_desk/desk/kit/problem_views.py;
the old side paths (notify_error, what_happened, explain_error, last_problem, field_refused, the client's
English `user_message`) must not come back, and no exception's type name or the system's English reason
(`strerror`) may be put where a person reads it — only in the log, a terminal print or a raise."""

from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESK = ROOT / "lok_desk" / "desk"
GONE = {"notify_error", "what_happened", "explain_error", "last_problem", "field_refused", "user_message"}
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical", "print"}


def _sources() -> list[Path]:
    return [path for path in sorted(DESK.rglob("*.py")) if "_generated" not in path.parts]


def _allowed(chain: list[ast.AST]) -> bool:
    """Inside a log call, a print or a raise: not what a person reads in the window."""
    for node in chain:
        if isinstance(node, ast.Raise):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in LOG_CALLS:
                return True
    return False


def _faults(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    where = path.relative_to(ROOT).as_posix()
    faults: list[str] = []
    for node in ast.walk(tree):
        name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
        if name in GONE:
            faults.append(f"{where}:{node.lineno}: {name} (use lok_desk.desk.kit.problem_views)")
            continue
        shown_type = (name == "__name__" and isinstance(node, ast.Attribute)
                      and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                      and node.value.func.id == "type")
        if shown_type or name == "strerror":
            chain, current = [], node
            while current in parents:
                current = parents[current]
                chain.append(current)
            if not _allowed(chain):
                faults.append(f"{where}:{node.lineno}: {name} where a person may read it")
    return faults


def test_no_view_words_a_failure_by_itself() -> None:
    # Parsed on a fresh thread: after many Qt tests on this one, CPython's AST constructor can trip over
    # the recursion depth it inherited ("AST constructor recursion depth mismatch").
    with ThreadPoolExecutor(max_workers=1) as pool:
        faults = pool.submit(lambda: [fault for path in _sources() for fault in _faults(path)]).result()
    assert not faults, "\n".join(faults)

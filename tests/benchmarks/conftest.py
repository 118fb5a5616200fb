"""Benchmarks are scripts (`python tests/benchmarks/bench_*.py`) and, with `-m benchmark`, pytest tests.

A default `pytest` run never imports them: `bench_*.py` files are collected only when the marker
expression mentions `benchmark`, and any benchmark item is deselected otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def _wants_benchmarks(config: pytest.Config) -> bool:
    return "benchmark" in (config.getoption("markexpr") or "")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    if (
        file_path.suffix == ".py"
        and file_path.name.startswith("bench_")
        and _wants_benchmarks(parent.config)
        and not parent.session.isinitpath(file_path)
    ):
        return pytest.Module.from_parent(parent, path=file_path)
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _wants_benchmarks(config):
        return
    skipped = [item for item in items if item.get_closest_marker("benchmark")]
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = [item for item in items if not item.get_closest_marker("benchmark")]

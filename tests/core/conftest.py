"""Core tests reuse the end-to-end fixtures: a real sandbox, signed-in clients, the sandbox routes."""

from __future__ import annotations

from tests.e2e.conftest import control, covered, lok

__all__ = ["control", "covered", "lok"]

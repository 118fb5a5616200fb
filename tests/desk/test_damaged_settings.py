"""A settings file with wrong types, a server the desk refuses, or no JSON at all never stops a start."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest

from lok_desk.desk.settings import DeskSettings


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_wrong_typed_settings_are_ignored_each_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(tmp_path / "settings.json", json.dumps({
        "client_ids": {"production": 12345, "sandbox": "demo-owner"},
        "resume": {"production": "yes", "sandbox": True},
        "sandbox_port": "8765",
        "language": 7,
        "last_server": "ftp://x",
    }))
    with caplog.at_level(logging.WARNING, logger="lok_desk.desk.settings"):
        settings = DeskSettings.load(path)
    assert settings.client_ids == {"sandbox": "demo-owner"}
    assert settings.resume == {"sandbox": True}
    assert settings.sandbox_port == 0 and settings.language == "system"
    assert settings.last_server == ""
    logged = caplog.text
    for name in ("client_ids.production", "resume.production", "sandbox_port", "language", "last_server"):
        assert name in logged
    assert "12345" not in logged  # a name, never the value


@pytest.mark.parametrize("server", ["ftp://x", "https://", "javascript:alert(1)", "http://[::1",
                                    "http://lok.example.com/api/v2"])
def test_a_last_server_the_desk_would_refuse_is_forgotten(server: str, tmp_path: Path) -> None:
    path = _write(tmp_path / "settings.json", json.dumps({"last_server": server}))
    assert DeskSettings.load(path).last_server == ""


def test_a_settings_file_that_is_not_json_is_set_aside_owner_only_and_the_start_is_clean(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(tmp_path / "settings.json", '{"last_server": "https://lok.example.com", ')
    with caplog.at_level(logging.WARNING, logger="lok_desk.desk.settings"):
        settings = DeskSettings.load(path)
    assert settings == DeskSettings()
    assert not path.exists()
    (kept,) = tmp_path.glob("settings.json.damaged-*")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "set aside" in caplog.text and kept.name in caplog.text

"""Server addresses typed on a command line: a bad one is a one-line refusal (exit 2), as argparse gives."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lok_desk.api import check
from lok_desk.app import parse_args

BAD = ["ftp://x", "https://", "javascript:alert(1)", "http://[::1", "", "   ", "http://lok.example.com",
       "https://lok.example.com:port"]


@pytest.mark.parametrize("value", BAD)
def test_lok_desk_refuses_a_bad_server_in_one_line(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_args(["--server", value])
    assert exited.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1].startswith("lok-desk: error: argument --server: ")
    assert "Traceback" not in "\n".join(lines)


@pytest.mark.parametrize("value", [b for b in BAD if b != "http://lok.example.com"])
def test_lok_desk_check_refuses_a_bad_server_in_one_line(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        check.build_parser().parse_args([value, "--client-id", "demo-owner"])
    assert exited.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("lok-desk-check: error: argument server: ")


@pytest.mark.parametrize("value", ["https://lok.example.com", "http://127.0.0.1:8765/api/v2/", "http://[::1]:9"])
def test_good_servers_pass(value: str) -> None:
    assert parse_args(["--server", value]).server.endswith("/api/v2")


def test_the_installed_command_says_one_line_and_exits_2() -> None:
    done = subprocess.run([sys.executable, "-m", "lok_desk", "--server", "http://[::1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("lok-desk: error: argument --server:")
    assert "Traceback" not in done.stderr

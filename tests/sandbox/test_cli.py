"""`lok-desk-sandbox`: loopback only unless told otherwise, prints the demo credentials, serves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from lok_desk.sandbox.cli import main


def test_refuses_a_non_loopback_host(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--host", "0.0.0.0", "--memory"]) == 2
    assert "--allow-remote" in capsys.readouterr().err


def test_rejects_bad_numbers(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--port", "70000", "--memory"]) == 2
    assert main(["--webhook-retry-base", "0", "--memory"]) == 2


def test_runs_prints_credentials_and_serves(tmp_path: Path) -> None:
    env = {**os.environ, "LOK_DESK_HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "lok_desk.sandbox.cli", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Lok sandbox listening on http://127.0.0.1:")
        base_url = first.rsplit(" ", 1)[1].strip()
        banner = "".join(process.stdout.readline() for _ in range(10))
        assert "demo-owner / demo-owner-secret" in banner and "other-owner / other-owner-secret" in banner
        assert httpx.get(base_url + "/openapi.json").json()["info"]["title"] == "Lok sandbox"
        assert (tmp_path / "data" / "sandbox.sqlite3").exists()  # the user data dir by default
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    assert process.returncode == 0

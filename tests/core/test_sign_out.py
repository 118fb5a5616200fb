"""Sign-out revokes and forgets the token first; a clean-up failing afterwards is reported, not blocking."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from lok_desk.api import Credentials, RetryPolicy, TokenCache
from lok_desk.core.problems import Problem
from lok_desk.core.session import open_desk_session
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.core.test_session import Heard


async def test_a_saved_list_that_cannot_be_deleted_never_keeps_the_token_alive(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    heard = Heard()
    cache = TokenCache(tmp_path / "tokens.json")
    client_id, secret = DEMO_CLIENTS["owner"]
    session = await open_desk_session(
        base_url=sandbox.api_url, credentials=Credentials(client_id, secret), token_cache=cache,
        environment="SANDBOX", sandbox=True, listener=heard, retry=RetryPolicy(attempts=1))
    try:
        token = json.loads((tmp_path / "tokens.json").read_text())["tokens"]
        (bearer,) = [entry["access_token"] for entry in token.values()]
        snapshot = session.attach_snapshot(tmp_path / "snapshots")
        session._snapshot_dirty = True
        await session.save_snapshot()
        # The saved list cannot be deleted: its temporary file's name is taken by a full directory.
        blocked = snapshot.path.with_suffix(".tmp")
        blocked.mkdir()
        (blocked / "x").write_text("x")

        await session.sign_out()  # does not raise

        tokens_left = json.loads((tmp_path / "tokens.json").read_text())["tokens"]
        assert tokens_left == {}
        async with httpx.AsyncClient(base_url=sandbox.api_url, trust_env=False) as http:
            answer = await http.get("/oauth/user", headers={"Authorization": f"Bearer {bearer}"})
        assert answer.status_code == 401  # Lok no longer accepts it
        problems: list[Problem] = heard.of("problem")
        assert len(problems) == 1 and "saved list" in problems[0].doing
    finally:
        await session.aclose()

"""The Lok sandbox: a local, faithful implementation of the Lok API v2 on loopback.

Embedding::

    from lok_desk.sandbox import SandboxServer, DEMO_CLIENTS
    with SandboxServer() as server:          # in-memory store, ephemeral port
        server.api_url                        # "http://127.0.0.1:PORT/api/v2"

Decisions where the Lok reference is silent (DESIGN §3), implemented exactly here:
(decision list below)
"""

from __future__ import annotations

from lok_desk.sandbox.seed import DEMO_CLIENTS, OTHER_CLIENTS
from lok_desk.sandbox.server import SandboxServer

__all__ = ["DEMO_CLIENTS", "OTHER_CLIENTS", "SandboxServer"]

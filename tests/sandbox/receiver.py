"""A real webhook receiver on 127.0.0.1 that verifies `Lok-Signature` like an integrator would."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    body: bytes
    signature: str
    answered: int

    @property
    def payload(self) -> dict[str, Any]:
        return dict(json.loads(self.body))


@dataclass
class WebhookReceiver:
    """Answers 500 to the first `fail_first` requests (or always while `status` is set), then 200."""

    secret: str = ""
    fail_first: int = 0
    status: int | None = None
    received: list[Received] = field(default_factory=list)
    bad_signatures: int = 0

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                signature = self.headers.get("Lok-Signature", "")
                expected = base64.b64encode(
                    hmac.new(receiver.secret.encode(), body, hashlib.sha256).digest()
                ).decode()
                with receiver.lock:
                    if not hmac.compare_digest(signature, expected):
                        receiver.bad_signatures += 1
                    if receiver.status is not None:
                        answer = receiver.status
                    elif receiver.fail_first > 0:
                        receiver.fail_first -= 1
                        answer = 500
                    else:
                        answer = 200
                    receiver.received.append(Received(body, signature, answer))
                self.send_response(answer)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.lock = threading.Lock()
        ThreadingHTTPServer.request_queue_size = 128  # the sandbox may send several deliveries at once
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/lok-hook"

    def successes(self) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.answered == 200]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

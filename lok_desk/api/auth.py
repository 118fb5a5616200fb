"""Sign-in material: client credentials, the on-disk access-token cache, the keyring secret store."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from lok_desk.paths import AppPaths

from .models import AccessToken

log = logging.getLogger(__name__)

KEYRING_SERVICE = "lok-desk"
_CACHE_VERSION = 1
# Cache updates are read-modify-write and now run on worker threads (the a* methods): one lock keeps
# two clients saving at once from losing each other's entry. Writes are rare, so one lock for all.
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Credentials:
    """A Lok client id and its secret (the secret never shows in repr)."""

    client_id: str
    client_secret: str = field(repr=False)


def _entry_key(base_url: str, client_id: str) -> str:
    return f"{base_url.rstrip('/')} {client_id}"


class TokenCache:
    """Access tokens kept between launches in one JSON file, keyed by base URL and client id.

    The file is private to the user (0600) and always replaced whole (temp file + rename), so a crash
    mid-write leaves the previous file intact. A corrupt or unreadable file is logged and treated as
    empty; the next save rewrites it. Only access tokens live here, never client secrets.

    `aload`/`asave`/`aremove` do the same on a worker thread: the client awaits them, so the disk
    (an fsync can take long on a busy or network home directory) never blocks the desk's event loop.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            path = AppPaths.default().token_cache_file
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"TokenCache(path={str(self.path)!r})"

    def _read_all(self) -> dict[str, dict[str, Any]]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("Ignoring the token cache %s: it cannot be read (%s)", self.path, type(exc).__name__)
            return {}
        try:
            document = json.loads(raw)
        except ValueError:
            log.warning("Ignoring the token cache %s: it is not valid JSON; it will be rewritten", self.path)
            return {}
        tokens = document.get("tokens") if isinstance(document, dict) else None
        if not isinstance(tokens, dict):
            log.warning("Ignoring the token cache %s: unexpected layout; it will be rewritten", self.path)
            return {}
        return {key: value for key, value in tokens.items() if isinstance(value, dict)}

    def load(self, base_url: str, client_id: str) -> AccessToken | None:
        """The cached token for this server and client, or None (expiry is the caller's call)."""
        entry = self._read_all().get(_entry_key(base_url, client_id))
        if entry is None:
            return None
        try:
            return AccessToken.model_validate(entry)
        except ValidationError:
            log.warning("Ignoring a malformed entry in the token cache %s", self.path)
            return None

    def save(self, base_url: str, client_id: str, token: AccessToken) -> bool:
        """Store the token; returns False (and logs) when the file cannot be written."""
        with _CACHE_LOCK:
            tokens = self._read_all()
            tokens[_entry_key(base_url, client_id)] = {
                "access_token": token.access_token,
                "access_token_expires_at": token.access_token_expires_at,
                "scope": None if token.scope is None else str(token.scope),
            }
            return self._write_all(tokens)

    def remove(self, base_url: str, client_id: str) -> bool:
        with _CACHE_LOCK:
            tokens = self._read_all()
            if tokens.pop(_entry_key(base_url, client_id), None) is None:
                return True
            return self._write_all(tokens)

    async def aload(self, base_url: str, client_id: str) -> AccessToken | None:
        """`load` on a worker thread."""
        return await asyncio.to_thread(self.load, base_url, client_id)

    async def asave(self, base_url: str, client_id: str, token: AccessToken) -> bool:
        """`save` on a worker thread."""
        return await asyncio.to_thread(self.save, base_url, client_id, token)

    async def aremove(self, base_url: str, client_id: str) -> bool:
        """`remove` on a worker thread."""
        return await asyncio.to_thread(self.remove, base_url, client_id)

    def _write_all(self, tokens: dict[str, dict[str, Any]]) -> bool:
        payload = json.dumps({"version": _CACHE_VERSION, "tokens": tokens}, indent=1, sort_keys=True)
        tmp_name: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp_name = tempfile.mkstemp(prefix=".tokens-", suffix=".tmp", dir=self.path.parent)
            # mkstemp already creates 0600; chmod again in case an odd umask/ACL platform widened it.
            os.chmod(tmp_name, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.path)
            tmp_name = None
            return True
        except OSError as exc:
            log.warning("Could not write the token cache %s (%s); sign-in will not be remembered",
                        self.path, type(exc).__name__)
            return False
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)


class KeyringBackend(Protocol):
    """The part of a `keyring` backend SecretStore uses (tests pass a fake)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


#: Backends that keep secrets in clear, behind a password typed on a terminal, or nowhere: refused.
#: keyrings.alt is all files, registry keys or third-party stores; `null`/`fail` store nothing.
_REFUSED_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")


def _refused(backend: object) -> bool:
    cls = type(backend)
    module = cls.__module__ or ""
    return (
        any(module == name or module.startswith(name + ".") for name in _REFUSED_MODULES)
        or "plaintext" in cls.__name__.lower()
        or getattr(backend, "priority", 1) <= 0
    )


def _stores_somewhere(backend: object) -> bool:
    """False for the backends that store nothing (`fail`, `null`): refusing them is "no keyring"."""
    module = type(backend).__module__ or ""
    return not module.startswith(("keyring.backends.fail", "keyring.backends.null"))


def _choose_backend(backend: Any) -> tuple[KeyringBackend | None, str | None]:
    """(the backend to use, or None; the name of a backend refused because it stores in clear)."""
    if type(backend).__name__ == "ChainerBackend":
        # A chain falls back to its next backend when one fails, plaintext files included: use its
        # best safe member directly instead, so a locked Secret Service never means a file.
        members = list(getattr(backend, "backends", []))
        safe = [member for member in members if not _refused(member)]
        if safe:
            return safe[0], None
        kept = [member for member in members if _stores_somewhere(member)]
        return None, type(kept[0]).__name__ if kept else None
    if _refused(backend):
        return None, type(backend).__name__ if _stores_somewhere(backend) else None
    return backend, None


def _default_backend() -> tuple[KeyringBackend | None, str | None]:
    try:
        import keyring
    except Exception:  # keyring missing or broken at import: behave as "no keyring"
        log.info("No keyring module available; client secrets cannot be remembered")
        return None, None
    try:
        backend: Any = keyring.get_keyring()
    except Exception:
        log.info("The system keyring could not be opened; client secrets cannot be remembered")
        return None, None
    chosen, refused = _choose_backend(backend)
    if refused is not None:
        log.warning("The keyring %s does not store secrets safely; the client secret stays in memory",
                    refused)
    return chosen, refused


class SecretStore:
    """Client secrets in the system keyring, or nowhere at all.

    When no keyring is available `available` is False and `save` returns False: the secret is never
    written to a file, and the desk tells the person they will type it at each sign-in. A keyring
    that stores in clear (keyrings.alt's files, a chain that would fall back to one) or nowhere
    (`fail`, `null`) counts as none; `refused_backend` names it so the sign-in can say why.

    The system keyring is looked up on first use, not at construction: importing `keyring` and
    asking it for a backend costs ~0.1 s and may talk to a D-Bus service, which a start-up that never
    needs a secret (the sandbox's demo roles) should not pay. `probe`, `aload`, `asave` and `adelete`
    do the lookup and the keyring call on a worker thread, for callers on an event loop.
    """

    def __init__(self, backend: KeyringBackend | None = None, *, service: str = KEYRING_SERVICE) -> None:
        self._backend = backend
        self._resolved = backend is not None
        self._refused: str | None = None
        self._resolve_lock = threading.Lock()
        self._service = service

    def __repr__(self) -> str:
        state = "unknown" if not self._resolved else str(self._backend is not None)
        return f"SecretStore(available={state})"

    def _keyring(self) -> KeyringBackend | None:
        if not self._resolved:
            with self._resolve_lock:
                if not self._resolved:
                    self._backend, self._refused = _default_backend()
                    self._resolved = True
        return self._backend

    @property
    def available(self) -> bool:
        return self._keyring() is not None

    @property
    def refused_backend(self) -> str | None:
        """The keyring found but not used because it would store in clear (its class name), if any."""
        self._keyring()
        return self._refused

    async def probe(self) -> bool:
        """`available`, with the first keyring lookup on a worker thread."""
        if self._resolved:
            return self._backend is not None
        return await asyncio.to_thread(lambda: self.available)

    def save(self, base_url: str, client_id: str, secret: str) -> bool:
        backend = self._keyring()
        if backend is None:
            return False
        try:
            backend.set_password(self._service, _entry_key(base_url, client_id), secret)
        except Exception as exc:  # any keyring backend error means "not saved", never a crash
            log.warning("The keyring refused to store the client secret (%s)", type(exc).__name__)
            return False
        return True

    def load(self, base_url: str, client_id: str) -> str | None:
        backend = self._keyring()
        if backend is None:
            return None
        try:
            return backend.get_password(self._service, _entry_key(base_url, client_id))
        except Exception as exc:
            log.warning("The keyring could not be read (%s)", type(exc).__name__)
            return None

    def delete(self, base_url: str, client_id: str) -> None:
        backend = self._keyring()
        if backend is None:
            return
        try:
            backend.delete_password(self._service, _entry_key(base_url, client_id))
        except Exception as exc:  # "not found" included: deleting nothing is fine
            log.info("The keyring did not delete the client secret (%s)", type(exc).__name__)

    async def asave(self, base_url: str, client_id: str, secret: str) -> bool:
        """`save` on a worker thread."""
        return await asyncio.to_thread(self.save, base_url, client_id, secret)

    async def aload(self, base_url: str, client_id: str) -> str | None:
        """`load` on a worker thread."""
        return await asyncio.to_thread(self.load, base_url, client_id)

    async def adelete(self, base_url: str, client_id: str) -> None:
        """`delete` on a worker thread."""
        await asyncio.to_thread(self.delete, base_url, client_id)

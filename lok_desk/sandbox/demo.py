"""The sandbox's demo credentials, in a module of their own: the desk's sign-in lists them without
importing the server (FastAPI, uvicorn, the seed) just to show five buttons."""

from __future__ import annotations

#: Demo clients of the first company: role → (client_id, client_secret).
DEMO_CLIENTS: dict[str, tuple[str, str]] = {
    role: (f"demo-{role}", f"demo-{role}-secret")
    for role in ("owner", "employee", "reporter", "seller", "admin")
}
#: The second company's owner: must never see the first company's data, nor the reverse.
OTHER_CLIENTS: dict[str, tuple[str, str]] = {
    "owner": ("other-owner", "other-owner-secret"),
    "employee": ("other-employee", "other-employee-secret"),
}

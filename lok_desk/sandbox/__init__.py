"""The Lok sandbox: a local, faithful implementation of the Lok API v2 on loopback.

Embedding::

    from lok_desk.sandbox import SandboxServer, DEMO_CLIENTS
    with SandboxServer() as server:          # in-memory store, ephemeral port
        server.api_url                        # "http://127.0.0.1:PORT/api/v2"

Decisions where the Lok reference is silent (docs/decisions.md), implemented exactly here:

- Base URL: everything under ``/api/v2``, ``/oauth/*`` included. Sandbox-only routes (kiosk, clock,
  faults, webhook deliveries) live at the server root under ``/sandbox``; ``/openapi.json`` is served.
- OpenAPI (3.1, lok_desk/sandbox/openapi.py): every operation documents its success status with a
  typed model (#23 as ``text/csv``, #29 as 204 without body) and, for each error status it can
  answer, the Lok error envelope; FastAPI's 422 is not listed (never sent). Security: an OAuth 2
  client-credentials scheme on every ``/api/v2`` route but #12. Sandbox routes carry their own tag
  and no security. Response models allow extra keys (clients ignore unknown keys).
- Tokens: ``POST /oauth/token`` takes the documented form encoding (JSON is tolerated). The token
  lives ``token_lifetime`` seconds (3600) of *sandbox* time; ``access_token_expires_at`` is ISO 8601
  UTC with milliseconds and ``Z``. Expired, revoked or unknown token, or no ``Bearer`` header: 401
  ``INVALID_TOKEN``. Wrong client id or secret: 401 ``INVALID_CLIENT``. Bad or missing
  ``grant_type``/fields: 400 ``INVALID_REQUEST``. #11 validates and #13 revokes the bearer token sent.
- Errors: every non-2xx body is ``{status_code, type, message, data}``. Validation errors are 400
  ``INVALID_REQUEST`` with ``data.keys`` (dotted paths such as ``package_info.weight`` or
  ``events.0``; ``body`` when the body itself is unreadable) and ``data.source``
  (``payload``/``query``/``headers``). Unknown routes: 404 ``NOT_FOUND``; a known path with another
  method: 405 ``METHOD_NOT_ALLOWED`` with an ``Allow`` header and ``data.allowed`` listing every
  method the path takes (RFC 9110); no trailing-slash redirects. Unknown entity: 404 ``ENTITY_NOT_FOUND``
  with ``data.id``.
- Scopes (docs/decisions.md, Who may do what): admin reads locations, reservations and labels of every
  company but writes nothing; owner and seller do everything in their company, the seller also on the Lok
  public network (a public locker of its own pseudo-company, visible to sellers in #4/#22/#28); employee
  reads and operates only its ``user.location``; reporter reads only. Directories are readable by all five,
  writable by owner/seller. Webhook and e-mail settings, action logs and reports: read by
  admin/owner/seller/reporter, written by owner/seller. Company-scoped resources of the admin are those of
  its own (demo) company. A missing capability: 403 ``INSUFFICIENT_SCOPE`` (checked before the body is
  validated); a location out of reach: 403 ``FORBIDDEN_LOCATION``.
- Box-opening codes (issue 10): the delivery, pick-up, reopen 1/2 and cancel tokens, their
  ``*_qr`` images and the ``confirmation_code`` are returned only to users who may act on the
  reservation: owner and seller of its company, the employee of its location. Reporter and admin
  get the reservation with ``tokens: {}`` and no ``confirmation_code``, on every endpoint that
  returns tokens, whatever ``include_tokens`` says (a cancel token typed at the locker cancels).
  The webhook secret (#9, #10) is shown only to owner and seller; reporter and admin read the
  webhook settings without the ``secret`` key. The kiosk (/sandbox/kiosk) is the locker, not a
  user: it takes any valid token.
- Second company: its locations answer 403 ``FORBIDDEN_LOCATION`` to the first company's users; its
  reservations and directories answer 404 ``ENTITY_NOT_FOUND`` (their existence is not revealed).
- Current status is the last ``event_history`` entry (ascending dates). Finished = ``picked_up`` or
  ``cancelled``. ``only_active=true`` (default) hides finished ones unless ``status=finished``.
- Lists: ``from`` is ISO 8601 or epoch ms and filters ``created_at >= from``; ``sort`` is ``field``
  or ``-field`` over created_at, updated_at, delivery_due_date, pickup_due_date (default
  ``-created_at``); ``page`` ≥ 1, ``page_size`` 1..100, else 400 with ``data.keys``. #8 lists every
  reservation of the company (variant A), #7 only pre-reservations (A), #18 only those with a
  shipping order (C), #24 those of one location (B). Ties are broken by ``id`` in the sort's
  direction; every filter shape (company, location, admin's all; with or without ``active``) has
  an index per sort ending in ``id``, so a deep page costs about what the first one does.
- Direct reservations (#25) start ``reserved`` and confirmed, due for delivery within 3 days; after
  delivery the pick-up is due within 3 days. A box of the asked size is assigned at once: none free
  → 422 ``NO_CAPACITY``; package over 25 kg → 422 ``BOX_INCOMPATIBLE``. ``shipment_id`` is unique per
  company (409 ``UNIQUE_SHIPMENT``). A custom ``delivery_token`` must be 4–32 letters/digits and
  unused (else 400). ``additional``: at most 30 keys, keys starting with ``lok`` are dropped (Lok
  writes its own logistics keys there).
- Box sizes (cm): s 10×35×60, m 20×35×60, l 40×35×60, xl 60×45×60, at most 25 kg. Requests with
  dimensions (#27 with a location, #31) get the smallest fitting size; nothing fits → 422
  ``BOX_INCOMPATIBLE``.
- Pre-reservations: #28 (owner, seller) searches by ``coords`` or a known ``zip_code`` (unknown zip
  → 422 ``INVALID_ADDRESS``; nothing with a free box of ``size`` in range → 422 ``BOX_INCOMPATIBLE``)
  and returns a ``grant`` bound to the company and the returned location ids, valid one hour of
  sandbox time, reusable. #30 needs it in ``lok-grant-token``: missing or invalid → 403
  ``GRANT_TOKEN``; a locker out of the user's own reach stays 403 ``FORBIDDEN_LOCATION`` whatever
  grant is sent (an owner cannot use a seller's grant for the public network). A pre-reservation
  starts ``pending`` (``is_confirmed=false``) and holds a box right away (the asked size, else the
  smallest free one); ``delivery_date`` defaults to now + 24 h,
  a past one is 400 ``INVALID_DUE_DATE``. #16 (update), #33 (quote) and #32 (request shipment) work
  only while it is unconfirmed and active, else 410 ``INVALID_RESERVATION``. #32 needs
  ``package_info.weight`` and a contact name or e-mail (else 422 ``INVALID_RESERVATION``), fills
  ``shipping``, writes ``lok_*`` logistics keys into ``additional`` and confirms it (``reserved``,
  webhook ``reserved``). Pick-up zip code ``00000`` makes the carrier fail: 424 ``LOGISTIC_ERROR``.
  An unconfirmed pre-reservation is cancelled 24 h after its delivery date (checked on reads, on
  clock moves and every 30 s).
- Cancel (#17 and the cancel token) is allowed while ``pending`` or ``reserved``; afterwards, or when
  finished: 409 ``INVALID_RESERVATION``. Labels (#26) exist only for reservations with a shipping
  order, else 422 ``INVALID_RESERVATION``.
- Binary fields are base64 of the bytes: QR codes are PNG (segno), labels a JPEG and a PDF drawn with
  Pillow; #31 ``label`` is the PDF.
- Webhook: PUT #10 creates it enabled (secret generated once, kept on later updates); omitted
  ``events`` = all eight; #9 before any PUT shows an empty disabled webhook; #34 before any PUT is
  400. Only http to loopback hosts or https URLs are accepted (400, ``data.keys ["url"]``). Events are
  queued only while enabled and subscribed, in a persistent outbox, and sent only while enabled:
  disabling pauses the queued ones, enabling resumes them. A queued delivery goes to the webhook's
  URL and is signed with its secret as they are when it is sent (a changed URL also makes the
  waiting ones due at once). Each company has at most 4 deliveries in flight and no delivery waits
  for another company's: a hanging receiver (10 s timeout per attempt) delays only its own events.
  Deliveries are at least once: a crash between sending and recording resends the same body.
  Body: compact JSON ``{reservation_id, shipment_id, status, status_message, t}`` (t in epoch ms),
  header ``Lok-Signature`` = base64(HMAC-SHA256(secret, exact body bytes)). Only HTTP 200 counts; up
  to 50 attempts, retry interval doubling from ``webhook_retry_base`` (10 s) capped at 1 h, on the
  sandbox clock. Delivery statuses: pending (not tried yet), failed (retry scheduled), delivered,
  given_up.
- Daily events: ``undelivered`` once a sandbox day while a ``reserved`` reservation is past its
  delivery due date; ``unpicked`` likewise past the pick-up due date while in the locker.
- Action logs: every ``/api/v2`` call (resource ``METHOD /path``, status, user e-mail, referer,
  origin, sandbox timestamp, payload with any key naming a secret/token/password/grant removed).
  #1 returns the company's newest 1000; #19 answers a SimpleMessage (the report goes out of band).
- #23 recent activity: reservations of the company touched in the last two days; Spanish headers,
  every field double-quoted, fields separated by comma + space as in the reference's example.
- #29 CSV import: a header row naming columns among name, last_name, email, gender, age, phones
  (``;``-separated), street, number, town, zip_code, city, state, country, references,
  cross_streets, delivery_info; without ``directoriesIds`` a new directory "Importado …" is made;
  the contacts replace those of each target directory. Lines end in LF or CR LF; a bare CR, a NUL,
  undecodable text (lone surrogates), a field over 131,072 characters or more than 5000 contacts
  is 400 ``INVALID_REQUEST`` whose message names the line (``data.keys ["csv.<line>"]``). 409 on
  duplicate directory names (#3, #21) or duplicate contact e-mails (#35).
- Time: the sandbox clock is wall-clock time plus a persisted offset (POST /sandbox/clock); it
  drives dates, expiry, token lifetime, grants, daily events and webhook retries. It stays
  within 1970..9000 (a move beyond is 400), so every date derived from it can be written.
- Storage: one SQLite connection (WAL for files), one transaction per request; a restart keeps
  data, tokens, clock offset and the webhook outbox. Fault rules are kept in memory only.
  Only the server thread's event loop (a stock asyncio loop, whatever event-loop policy the
  process installed) touches the connection: handlers and dependencies are ``async`` and no
  transaction spans an ``await``.
- Faults (/sandbox/faults) apply to ``/api/v2`` only; a rule's ``path`` regex is searched in the full
  path and in the path below ``/api/v2``; ``drop`` closes the connection without an answer. A rule
  answers one way (at most one of ``drop``, ``malformed``, ``status``); ``status`` is 200..599 but
  not 204, 205 or 304 (the injected answer carries a Lok error body); ``method`` is an HTTP method
  or ``*``. Anything else: 400 ``INVALID_REQUEST`` naming ``rules.<i>.<field>``.
- Bodies are strict about JSON types: no booleans or strings where numbers are expected, no numbers
  for text or booleans (an integer is a number; a float is not an integer): 400 naming the key.
- Files: a directory the sandbox makes for its database is 0700; the database and its ``-wal`` and
  ``-shm`` files are 0600 (they hold practice tokens), also when an older sandbox left them wider.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lok_desk.sandbox.demo import DEMO_CLIENTS, OTHER_CLIENTS

if TYPE_CHECKING:
    from lok_desk.sandbox.server import SandboxServer

__all__ = ["DEMO_CLIENTS", "OTHER_CLIENTS", "SandboxServer"]


def __getattr__(name: str) -> Any:
    # The server (FastAPI, uvicorn, the seed: about half a second of imports) loads on first use of
    # SandboxServer, so the desk's sign-in can list DEMO_CLIENTS without paying for it.
    if name == "SandboxServer":
        from lok_desk.sandbox.server import SandboxServer

        return SandboxServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The desk core: what a signed-in desk knows and decides, in plain Python (no Qt, mypy --strict).

Data flow
---------
::

    Lok API ──► LokClient ──► DeskService (service.py) ──merge──► ReservationStore (store.py)
                 (lok_desk.api)   the only holder of the client        │  reservations + locations by id
                                                                       │  indexes: id, shipment id,
                                                                       │  confirmation code, every token
                                                                       ▼
                                              StoreChange events (plain callbacks, ids only)
                                                                       │
                     Qt adapters in lok_desk.desk (session, table models, detail, notices) ◄┘

* Widgets never hold the client. The Qt `Session` (lok_desk/desk/session.py) exposes
  ``session.service`` (a `DeskService`) and ``session.store`` (its `ReservationStore`);
  tests/desk/test_layers.py fails if any other desk module references the client.
* Everything read from Lok is merged into the store; readers take what they need from it and
  subscribe to its changes rather than asking the server again.
* `rules` (rules.py) holds the decisions the panes used to make inside widgets: role capabilities,
  whether a reservation can be cancelled/updated/shipped, overdue, who may see box-opening tokens.
  They return `Decision` objects with a `Reason` code; lok_desk/desk/roles.py words the codes.

* `SyncEngine` (sync.py) keeps the store current: incremental rounds by ``-updated_at``, a cheaper
  full check when the server ignores ``sort``, one request in flight, back-off on errors and 429.
  Its module docstring has the whole policy.

ReservationStore, the public API
--------------------------------
Reading (no I/O, cheap; safe from any Qt slot):

* ``store.get(id) -> Reservation | None``, ``store.status(id) -> str | None`` (current status as
  merged), ``id in store``, ``len(store)``, ``iter(store)``, ``store.ids()``.
* ``store.active(location_id=None)`` / ``store.finished(location_id=None)``: lists of reservations
  still in progress / picked up or cancelled, optionally for one location.
* ``store.by_shipment_id(text)``, ``store.by_code(code) -> (Reservation, kind) | None`` for a
  box-opening token or confirmation code (kind: "delivery", "pickup", "reopen_1", "reopen_2",
  "cancel", "confirmation_code"), and ``store.find(text) -> (Reservation, matched) | None`` for
  anything a customer or courier reads out (matched: "id", "shipment_id" or a token kind). Matching
  ignores case and whitespace.
* ``store.location(id)``, ``store.locations()``: `LocationDetail` with box counts.
* ``store.tokens`` is the `TokenIndex` (token_index.py): ``knows(id)``, ``lookup(code)``. Tokens are
  memory only: never on disk, never logged, never in a repr. Only token *text* is kept (no QR).
* ``store.newest_update``: the newest ``updated_at`` merged (where incremental sync stops).

Writing (the service, the sync engine and the session do this; panes normally do not):

* ``store.merge(reservations, origin, authoritative=False) -> StoreChange``: the merge rule is a
  longer event history wins, else a newer ``updated_at`` wins; the same version changes nothing
  unless ``authoritative`` (a #15 detail or the reply to the desk's own write).
* ``store.merge_detail(reply, origin=Origin.DETAIL, keep_tokens=True)``: one reservation with its
  tokens and confirmation code (a #15, #25, #16, #30 or #32 reply).
* ``store.set_locations(locations)``, ``store.merge_location(location)``, ``store.remove(ids)``,
  ``store.clear()`` (sign-out).

Listening:

* ``unsubscribe = store.subscribe(callback)``; ``callback(change: StoreChange)`` runs after every
  merge that changed something, synchronously, on the caller's thread (the Qt thread in the desk).
  A `StoreChange` has ``origin`` (`Origin.LOAD`, ``SYNC``, ``DETAIL``, ``OWN``, ``SNAPSHOT``), the ids
  ``inserted``, ``updated``, ``removed``, the ``locations`` ids changed, ``statuses`` (one
  `StatusChange(reservation_id, before, after)` per status that moved; ``before`` is None for a
  reservation new to the store) and ``finished`` (ids that moved from active to finished). Notices
  are for changes whose ``before`` is known and whose origin is not ``OWN``.
"""

"""The desk core: what a signed-in desk knows, decides and does, in plain Python (no Qt, mypy --strict).

The flow
--------
::

    Lok API ──► LokClient ──► DeskSession (session.py) ──listener calls──► desk/qt_session.py
                (lok_desk.api)   │ the only place a client is built         (Qt signals with a Problem)
                                 ├─ DeskService (service.py): every call; every write guarded
                                 │     (offline, role) in one place; write hooks (the desk history)
                                 ├─ ReservationStore (store.py): reservations + locations, one copy
                                 │     └─ StoreChange events (plain callbacks, ids only)
                                 └─ SyncEngine (sync.py), Snapshot (snapshot.py), server clock
    presenters: read the store, call the service, hold form state, return data —
                reservations/ (list, find, create, cancel, update, shipment, print),
                owner/ (notifications, directories, reports, pre-reservations),
                today, intake, audit, insights, codes, rules
    problems.py: the only failure → Problem mapping (kind, fields, Lok's facts, next step)

* Every list is walked through `lok_desk.api.paging.PageWalk` (walks.py), the one page loop.
* Presenters are tested in tests/core/ against a real sandbox over loopback; the desk views in
  lok_desk/desk only show them and bind what a person does to them.
* `rules` (rules.py) decides what a role may do and when a reservation is overdue, as `Decision`
  objects with a `Reason` code (docs/decisions.md, Who may do what); the desk words the codes.
* `SyncEngine` keeps the store current: incremental rounds by ``-updated_at``, a cheaper full check when
  the server ignores ``sort``, one request in flight, back-off on errors and 429 (see sync.py).

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

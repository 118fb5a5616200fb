"""Kiosk, clock, faults, webhook deliveries: routes outside Lok (docs/decisions.md, Sandbox-only routes)."""

from __future__ import annotations

import re

from fastapi import APIRouter
from starlette.responses import Response

from lok_desk.sandbox.clock import CLOCK_MAX_MS, CLOCK_MIN_MS
from lok_desk.sandbox.deps import StateDep, json_response
from lok_desk.sandbox.errors import invalid
from lok_desk.sandbox.reservations import daily_reminders, expire_due, kiosk, render
from lok_desk.sandbox.schemas import ClockAdvance, FaultRules, KioskEntry
from lok_desk.sandbox.state import FaultRuleState
from lok_desk.sandbox.webhooks import delivery_json

router = APIRouter(prefix="/sandbox", tags=["sandbox"])


@router.post("/kiosk", summary="Type a token at the locker")
async def kiosk_entry(body: KioskEntry, state: StateDep) -> Response:
    now = state.clock.now_ms()
    with state.store.transaction() as conn:
        expire_due(state, now)
        reservation = kiosk(state, body.token.strip(), now)
        out = {"reservation": render(reservation.doc, "B", conn)}
    return json_response(out)


def _clock_body(state: StateDep) -> dict[str, object]:
    offset_ms = state.clock.offset_ms
    offset: float = offset_ms // 1000 if offset_ms % 1000 == 0 else offset_ms / 1000
    return {"now": state.clock.now_iso(), "offset_seconds": offset}


@router.get("/clock", summary="Read the sandbox clock")
async def read_clock(state: StateDep) -> Response:
    return json_response(_clock_body(state))


@router.post("/clock", summary="Advance the sandbox clock")
async def advance_clock(body: ClockAdvance, state: StateDep) -> Response:
    step_ms = int(body.advance_seconds * 1000)
    if not CLOCK_MIN_MS <= state.clock.now_ms() + step_ms < CLOCK_MAX_MS:
        raise invalid(
            "The sandbox clock stays between 1970 and 9000; this move would leave that range",
            ["advance_seconds"],
        )
    with state.store.transaction():
        state.clock.offset_ms += step_ms
        state.save_clock()
        now = state.clock.now_ms()
        expire_due(state, now)
        daily_reminders(state, now)
    # Retries may have become due on the new clock.
    state.poke_worker()
    return json_response(_clock_body(state))


@router.post("/faults", summary="Make /api/v2 misbehave on purpose")
async def set_faults(body: FaultRules, state: StateDep) -> Response:
    rules = []
    for index, rule in enumerate(body.rules):
        try:
            pattern = re.compile(rule.path)
        except re.error:
            raise invalid("path must be a regular expression", [f"rules.{index}.path"]) from None
        rules.append(
            FaultRuleState(
                method=rule.method.upper() if rule.method else None,
                pattern=pattern,
                status=rule.status,
                delay_ms=rule.delay_ms,
                remaining=rule.times,
                drop=rule.drop,
                malformed=rule.malformed,
            )
        )
    state.faults[:] = rules
    return json_response({"rules": len(rules)})


@router.delete("/faults", summary="Remove every fault rule")
async def clear_faults(state: StateDep) -> Response:
    state.faults.clear()
    return json_response({"rules": 0})


@router.get("/webhook/deliveries", summary="The webhook delivery log")
async def webhook_deliveries(state: StateDep) -> Response:
    rows = state.store.conn.execute("SELECT * FROM outbox ORDER BY id").fetchall()
    return json_response({"deliveries": [delivery_json(r) for r in rows]})

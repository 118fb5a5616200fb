"""Ctrl+F and opening a reservation in the pane: the find presenter (lok_desk/core/reservations/find.py)
answers, this module selects and shows what it found and words what a miss searched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lok_desk.api import LokError
from lok_desk.core.reservations.find import remembered
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.reservations import showing

if TYPE_CHECKING:
    from lok_desk.desk.reservations.pane import ReservationsPane


def _stop_detail(pane: ReservationsPane) -> None:
    if pane.detail_task is not None and not pane.detail_task.done():
        pane.detail_task.cancel()


async def open_reservation(pane: ReservationsPane, reservation_id: str) -> None:
    """Select the reservation (adding it to the table if the list does not hold it) and show it.

    When the store knows it (and its tokens, for someone who may see them), the detail is shown from
    memory at once — history, people, tokens as text — and the read from Lok (#15) that follows adds
    the QR images and anything that changed (Ctrl+F by token, issue 9: ≤ 50 ms)."""
    session = pane._session
    known = remembered(session.service, reservation_id)
    if known is not None:
        if pane.model.row_of(reservation_id) is None:
            pane.listing.put(known.reservation)
        if pane.select_row(reservation_id, show=False):
            _stop_detail(pane)
            showing.present(pane, known)
            pane.detail_task = spawn(showing.show_detail(pane, reservation_id, quiet=True), owner=pane)
            return
    if pane.select_row(reservation_id, show=False):
        _stop_detail(pane)
        await showing.show_detail(pane, reservation_id)
        return
    try:
        result = await session.call(session.service.get_reservation(reservation_id, include_tokens=True))
    except LokError as error:
        report(pane, error, doing=translate("ReservationsPane", "opening a reservation"))
        return
    pane.listing.put(result.reservation)
    pane.select_row(reservation_id, show=False)
    showing.present(pane, result)


async def find(pane: ReservationsPane, text: str) -> bool:
    """A box-opening token, confirmation code, shipment id or reservation id: opens what it finds;
    False when nothing matched (`miss_text` says what was searched)."""
    found = await pane.finder.find(text)
    if found.error is not None:
        report(pane, found.error, doing=translate("ReservationsPane", "searching reservations"))
        return False
    if found.reservation_id is None:
        show_miss(pane, text)
        return False
    if found.result is None:
        await open_reservation(pane, found.reservation_id)
        return True
    pane.listing.put(found.result.reservation)
    pane.select_row(found.reservation_id, show=False)
    showing.present(pane, found.result)
    return True


def show_miss(pane: ReservationsPane, needle: str) -> None:
    """Nothing matched: the reservation shown before leaves the detail (it was easily taken for the
    searched code), and the detail says what was searched (too long for the status bar at 1024 px)."""
    _stop_detail(pane)
    pane.table.selectionModel().clear()       # the row goes, and with it the detail (current row gone)
    pane.listing.selected_id = None
    pane.detail.clear()
    pane.detail.placeholder.setText(miss_text(pane, needle))


def miss_text(pane: ReservationsPane, needle: str) -> str:
    """What a search that found nothing looked through, in plain words."""
    searched = pane.finder.searched()
    if searched.tokens_visible:
        what = translate(
            "ReservationsPane",
            "Searched the tokens and confirmation codes of {0} reservations and the shipment and "
            "reservation ids of {1} known to this desk.",
        ).format(f"{searched.codes:,}", f"{searched.reservations:,}")
    else:
        what = translate(
            "ReservationsPane",
            "Searched the shipment and reservation ids of {0} reservations known to this desk (your "
            "role does not see box-opening tokens, so they cannot be searched).",
        ).format(f"{searched.reservations:,}")
    if searched.recent_days is not None:
        what += " " + translate(
            "ReservationsPane",
            "They include every reservation of the last {0} days, read from Lok; older ones were not "
            "searched. What you typed was not sent to Lok.",
        ).format(searched.recent_days)
    return translate("ReservationsPane", "No reservation found for “{0}”.").format(needle) + " " + what

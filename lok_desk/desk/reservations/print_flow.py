"""Printing from the pane: Ctrl+P prints the slip that fits (core/reservations/printing.slip_offer
decides, and says why none), Ctrl+Shift+P chooses, and the courier's shipping label (#26)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from lok_desk.api import LokError, models
from lok_desk.core.reservations.printing import slip_offer
from lok_desk.desk.kit.asyncqt import run_dialog
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.kit.slips import slip_names
from lok_desk.desk.reservations import showing
from lok_desk.desk.roles import Permission

if TYPE_CHECKING:
    from lok_desk.desk.reservations.pane import ReservationsPane


async def _shown(pane: ReservationsPane) -> bool:
    """The selected reservation in the detail (read first if another is shown); False: none selected."""
    reservation_id = pane.selected_reservation_id()
    if reservation_id is None:
        pane._session.notify(translate("ReservationsPane", "Select a reservation to print."))
        return False
    if pane.detail.reservation_id != reservation_id:
        await showing.show_detail(pane, reservation_id)
    return True


async def print_selected(pane: ReservationsPane) -> None:
    """Ctrl+P: the slip that fits the reservation's state (or its label when it has no tokens)."""
    if not await _shown(pane):
        return
    tokens_view = pane.detail.tokens
    if tokens_view.printable:
        kind = tokens_view.fitting()
        if kind is None:
            # Nothing fits now (an unconfirmed pre-reservation's delivery token opens no box): say why.
            reservation, result = pane.detail.reservation, pane.detail.result
            tokens = getattr(result, "tokens", None)
            why = (
                slip_offer(reservation, tokens).why_not
                if reservation is not None and isinstance(tokens, models.ReservationTokens)
                else None
            )
            pane._session.notify(
                why.render(translate)
                if why is not None
                else translate("ReservationsPane", "No tokens to print.")
            )
            return
        if await tokens_view.print_sheet():
            pane._session.notify(
                translate("ReservationsPane", "{0} sent to the printer.").format(slip_names()[kind])
            )
        return
    if (tokens_view.notice and tokens_view.tokens) or tokens_view.hidden_reason:
        # Void or hidden tokens: say why nothing is printed rather than falling through to a label.
        pane._session.notify(tokens_view.notice)
        return
    await show_label_selected(pane)


async def print_choice_selected(pane: ReservationsPane) -> None:
    """Ctrl+Shift+P and “Print slip…”: choose the slip and the paper, preview, print or save."""
    if not await _shown(pane):
        return
    tokens_view = pane.detail.tokens
    if not tokens_view.printable:
        pane._session.notify(tokens_view.notice or translate("ReservationsPane", "No tokens to print."))
        return
    await tokens_view.choose_and_print()


async def show_label_selected(pane: ReservationsPane) -> None:
    """Fetch the courier label (#26) and show it; a 422 means the reservation has none."""
    from lok_desk.desk.reservations.label_dialog import LabelDialog

    session = pane._session
    reservation = pane.detail.reservation
    if reservation is None or not reservation.id:
        return
    try:
        label = await session.call(session.service.get_label(reservation.id))
    except LokError as error:
        if error.status_code == 422:
            text = translate(
                "ReservationsPane",
                "This reservation has no shipping label (labels exist for courier shipments)",
            )
            pane.detail.set_label_message(text)
            # Said under the buttons, where the person looks after pressing one (the label box is far
            # down the detail, out of sight): the button greys out with this reason.
            pane.detail.set_action(pane.detail.label_button, Permission(False, text))
            session.notify(text)
            return
        report(pane, error, doing=translate("ReservationsPane", "fetching the shipping label"))
        return
    dialog = LabelDialog(
        label, reservation.shipment_id or reservation.id, pane.choose_printer, pane, save_path=ask_save_path
    )
    pane.detail.set_label_message(
        translate("ReservationsPane", "Label available: “Shipping label…” shows it.")
    )
    await run_dialog(dialog)
    dialog.deleteLater()


async def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    dialog = QFileDialog(
        parent,
        translate("ReservationsPane", "Save shipping label"),
        suggested,
        translate("ReservationsPane", "PDF files (*.pdf)"),
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("pdf")
    accepted = await run_dialog(dialog)
    files = dialog.selectedFiles()
    dialog.deleteLater()
    return files[0] if accepted and files else None

"""What a courier-intake line says: each refusal of lok_desk.core.intake in the person's language."""

from __future__ import annotations

from lok_desk.api import models
from lok_desk.core.intake import Parcel, ParcelRefusal, ParcelState, Refusal, Totals
from lok_desk.desk.i18n import translate
from lok_desk.desk.problems import sentence

SIZES: tuple[models.BoxSize, ...] = tuple(models.BOX_SIZES)


def _tr(text: str) -> str:
    return translate("IntakeWords", text)


def size_text(size: models.BoxSize | str | None) -> str:
    return str(size or "").upper()


def _dims(size: models.BoxSize) -> str:
    box = models.BOX_SIZES[size]
    return f"{box.width:g} × {box.height:g} × {box.length:g} cm"


def refusal_text(refusal: ParcelRefusal) -> str:
    """The one sentence under the field at fault and in the running list."""
    reason = refusal.reason
    if reason is Refusal.MISSING_SHIPMENT:
        return _tr("Scan or type the shipment id first.")
    if reason is Refusal.REPEATED_IN_BATCH:
        return _tr("This shipment id is already line {0} of this batch.").format(int(refusal.number or 0))
    if reason is Refusal.DUPLICATE_SHIPMENT:
        return _tr("Your company already has a reservation with this shipment id: check the label, or "
                   "find that reservation (Ctrl+F).")
    if reason is Refusal.NOT_A_NUMBER:
        return _tr("Type the measures in cm and the weight in kg, like 12 30 40 2.")
    if reason is Refusal.NO_SIZE:
        return _tr("Type the measures (like 12 30 40 2) or pick a box size.")
    if reason is Refusal.TOO_HEAVY:
        heaviest = max(box.max_weight for box in models.BOX_SIZES.values())
        return _tr("No box takes this parcel: boxes hold up to {0} kg and it weighs {1} kg.").format(
            f"{heaviest:g}", f"{refusal.number or 0:g}")
    if reason is Refusal.TOO_BIG:
        largest = SIZES[-1]
        return _tr("No box takes this parcel: the largest box ({0}) measures {1}. Nothing was sent.").format(
            size_text(largest), _dims(largest))
    if reason is Refusal.SIZE_TOO_SMALL:
        return _tr("The size picked is too small for these measures; the smallest box that fits is "
                   "{0}.").format(size_text(refusal.size))
    if reason is Refusal.NO_FREE_BOX:
        return no_free_box_text(refusal)
    if reason is Refusal.BAD_EMAIL:
        return translate("FieldError", "This is not an e-mail address (like name@example.com).")
    if reason is Refusal.OFFLINE:
        return _tr("Not sent: the Lok server cannot be reached. The line is kept; retry it when the "
                   "desk is back online.")
    return sentence(refusal.problem)


def no_free_box_text(refusal: ParcelRefusal) -> str:
    here = ", ".join(size_text(size) for size in refusal.free_here)
    text = _tr("No {0} box is free here now.").format(size_text(refusal.size))
    if here:
        text += " " + _tr("Free here: {0}.").format(here)
    if refusal.free_elsewhere:
        places = "; ".join(f"{place.name} ({size_text(place.size)})" for place in refusal.free_elsewhere[:4])
        text += " " + _tr("A box that fits is free at: {0}.").format(places)
    return text


def state_text(parcel: Parcel) -> str:
    """The result column of the running list."""
    if parcel.state is ParcelState.SENDING:
        return _tr("Sending…")
    if parcel.state is ParcelState.CANCELLED:
        return _tr("Undone (cancelled)")
    if parcel.state is ParcelState.REFUSED and parcel.refusal is not None:
        return _tr("Refused: {0}").format(refusal_text(parcel.refusal))
    text = _tr("Created, box {0}").format(size_text(parcel.size))
    if parcel.upsized_from is not None:
        text += " " + _tr("(no {0} box was free)").format(size_text(parcel.upsized_from))
    if parcel.undo_problem is not None:
        text += " — " + _tr("not undone: {0}").format(sentence(parcel.undo_problem))
    return text


def totals_text(totals: Totals) -> str:
    sizes = ", ".join(f"{size_text(size)} {count}" for size, count in sorted(
        totals.by_size.items(), key=lambda item: SIZES.index(item[0])))
    created = translate("IntakeWords", "%n created", None, totals.created)
    if sizes:
        created += f" ({sizes})"
    refused = translate("IntakeWords", "%n refused", None, totals.refused)
    undone = translate("IntakeWords", "%n undone", None, totals.cancelled)
    return " · ".join((created, refused, undone))

"""What a courier-intake line says: each refusal of lok_desk.core.intake in the person's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lok_desk.api import models
from lok_desk.core.intake import Parcel, ParcelRefusal, ParcelState, Refusal, Totals
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problems import sentence

SIZES: tuple[models.BoxSize, ...] = tuple(models.BOX_SIZES)


def size_text(size: models.BoxSize | str | None) -> str:
    return str(size or "").upper()


def _dims(size: models.BoxSize) -> str:
    box = models.BOX_SIZES[size]
    return f"{box.width:g} × {box.height:g} × {box.length:g} cm"


def refusal_text(refusal: ParcelRefusal) -> str:
    """The one sentence under the field at fault and in the running list."""
    reason = refusal.reason
    if reason is Refusal.MISSING_SHIPMENT:
        return translate("IntakeWords", "Scan or type the shipment id first.")
    if reason is Refusal.NO_SENDER:
        return translate("IntakeWords", "Lok needs who sends the parcels: type the sender or the carrier "
                                        "(kept for the whole batch).")
    if reason is Refusal.REPEATED_IN_BATCH:
        text = translate("IntakeWords", "This shipment id is already line {0} of this batch.")
        return text.format(int(refusal.number or 0))
    if reason is Refusal.DUPLICATE_SHIPMENT:
        return translate("IntakeWords", "Your company already has a reservation with this shipment id: "
                                        "check the label, or find that reservation (Ctrl+F).")
    if reason is Refusal.NOT_A_NUMBER:
        return translate("IntakeWords", "Type the measures in cm and the weight in kg, like 12 30 40 2.")
    if reason is Refusal.NO_SIZE:
        return translate("IntakeWords", "Type the measures (like 12 30 40 2) or pick a box size.")
    if reason is Refusal.TOO_HEAVY:
        heaviest = max(box.max_weight for box in models.BOX_SIZES.values())
        text = translate("IntakeWords", "No box takes this parcel: boxes hold up to {0} kg and it weighs "
                                        "{1} kg.")
        return text.format(f"{heaviest:g}", f"{refusal.number or 0:g}")
    if reason is Refusal.TOO_BIG:
        largest = SIZES[-1]
        text = translate("IntakeWords", "No box takes this parcel: the largest box ({0}) measures {1}. "
                                        "Nothing was sent.")
        return text.format(size_text(largest), _dims(largest))
    if reason is Refusal.SIZE_TOO_SMALL:
        text = translate("IntakeWords", "The size picked is too small for these measures; the smallest box "
                                        "that fits is {0}.")
        return text.format(size_text(refusal.size))
    if reason is Refusal.NO_FREE_BOX:
        return no_free_box_text(refusal)
    if reason is Refusal.BAD_EMAIL:
        return translate("FieldError", "This is not an e-mail address (like name@example.com).")
    if reason is Refusal.OFFLINE:
        return translate("IntakeWords", "Not sent: the Lok server cannot be reached. The line is kept; "
                                        "retry it when the desk is back online.")
    return sentence(refusal.problem)


def no_free_box_text(refusal: ParcelRefusal) -> str:
    here = ", ".join(size_text(size) for size in refusal.free_here)
    text = translate("IntakeWords", "No {0} box is free here now.").format(size_text(refusal.size))
    if here:
        text += " " + translate("IntakeWords", "Free here: {0}.").format(here)
    if refusal.free_elsewhere:
        places = "; ".join(f"{place.name} ({size_text(place.size)})" for place in refusal.free_elsewhere[:4])
        text += " " + translate("IntakeWords", "A box that fits is free at: {0}.").format(places)
    return text


def state_text(parcel: Parcel) -> str:
    """The result column of the running list."""
    if parcel.state is ParcelState.SENDING:
        return translate("IntakeWords", "Sending…")
    if parcel.state is ParcelState.CANCELLED:
        return translate("IntakeWords", "Undone (cancelled)")
    if parcel.state is ParcelState.REFUSED and parcel.refusal is not None:
        return translate("IntakeWords", "Refused: {0}").format(refusal_text(parcel.refusal))
    text = translate("IntakeWords", "Created, box {0}").format(size_text(parcel.size))
    if parcel.upsized_from is not None:
        text += " " + translate("IntakeWords", "(no {0} box was free)").format(size_text(parcel.upsized_from))
    if parcel.undo_problem is not None:
        text += " — " + translate("IntakeWords", "not undone: {0}").format(sentence(parcel.undo_problem))
    return text


# The plural templates, marked for the catalogue (a literal count is what pyside6-lupdate needs to see a
# plural); `_counted` translates them with the real count.
CREATED = translate("IntakeWords", "%n created", None, 0)
REFUSED = translate("IntakeWords", "%n refused", None, 0)
UNDONE = translate("IntakeWords", "%n undone", None, 0)


def _counted(template: str, count: int) -> str:
    return QCoreApplication.translate("IntakeWords", template, None, count)


def totals_text(totals: Totals) -> str:
    created = _counted("%n created", totals.created)
    refused = _counted("%n refused", totals.refused)
    undone = _counted("%n undone", totals.cancelled)
    ordered = sorted(totals.by_size.items(), key=lambda item: SIZES.index(item[0]))
    sizes = ", ".join(size_text(size) + " " + str(count) for size, count in ordered)
    if sizes:
        created += " (" + sizes + ")"
    return " · ".join((created, refused, undone))

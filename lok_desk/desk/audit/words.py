"""What the locker audit says: its marks, advice and scan answers (lok_desk.core.audit) in words."""

from __future__ import annotations

from lok_desk.core.audit import Advice, Discrepancy, Mark, ScanOutcome, ScanResult
from lok_desk.desk.kit.i18n import translate


def mark_names() -> dict[Mark, str]:
    return {
        Mark.UNCHECKED: translate("AuditWords", "Not checked"),
        Mark.PRESENT: translate("AuditWords", "Present"),
        Mark.EMPTY: translate("AuditWords", "Empty"),
        Mark.DIFFERENT: translate("AuditWords", "A different parcel"),
    }


def advice_text(discrepancy: Discrepancy) -> str:
    """What to do about one discrepancy."""
    advice = discrepancy.advice
    if advice is Advice.CHECK_PICKUP_HISTORY:
        return translate("AuditWords", "Lok says the parcel is in this box, but it is empty. Open the "
                                       "reservation and check its history: it may have been picked up "
                                       "without the locker recording it, or put in another box.")
    if advice is Advice.MOVE_TO_ITS_BOX:
        return translate("AuditWords", "This parcel belongs in box {0}: move it there, then check that box "
                                       "again.").format(discrepancy.belongs_in)
    if advice is Advice.FIND_ITS_SHIPMENT:
        return translate("AuditWords", "Lok does not know this parcel in this box: take it out, find "
                                       "its shipment (Ctrl+F with the label), and look for the parcel Lok "
                                       "expects here.")
    if advice is Advice.REMIND_OR_RETURN:
        return translate("AuditWords", "Present but long past its pick-up date: remind the recipient (Today "
                                       "board) or return it to the sender.")
    return translate("AuditWords", "Not checked: open the box and mark it.")


def scan_text(result: ScanResult) -> str:
    row = result.row
    if result.outcome is ScanOutcome.PRESENT and row is not None:
        return translate("AuditWords", "Box {0}: the expected parcel is there.").format(row.box_id)
    if result.outcome is ScanOutcome.MISMATCH and row is not None:
        return translate("AuditWords", "Box {0}: found {1}, Lok expects {2}. Recorded as a different "
                                       "parcel.").format(row.box_id, row.found_shipment_id, row.shipment_id)
    if result.outcome is ScanOutcome.IS_A_CODE:
        return translate("AuditWords", "That is a box-opening code, not a parcel label: nothing was "
                                       "recorded. Scan the shipment label.")
    return translate("AuditWords", "Every box is checked.")

"""The right slip for each person, against a real sandbox: the QR codes on each rendered page are decoded
and must be exactly the tokens that slip is for; void tokens are not printable; tokens stay hidden from
roles that cannot act (issue 10), with the reason in words; Ctrl+P follows the reservation's state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from lok_desk.api import LokClient, models
from lok_desk.core.codes import SlipKind
from lok_desk.desk.kit.printing import (
    PaperFormat,
    VoidSlipError,
    pdf_printer,
    print_slip,
    render_slip_pages,
)
from lok_desk.desk.kit.slip_dialog import SlipDialog, write_slip_pdf
from lok_desk.desk.kit.slips import build_slip
from lok_desk.desk.kit.tokens_view import TokensView
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.sandbox import SandboxServer

from ._helpers import until
from .test_pane_flows import click_row, direct_request, first_location_free, type_at_kiosk

PaneFactory = Callable[[str], ReservationsPane]
Created = tuple[models.ReservationCreated, models.LocationDetail]
ALL_TOKENS = ("delivery", "pickup", "reopen_1", "reopen_2", "cancel")


def decode_qr_codes(image: QImage) -> list[str]:
    """Every QR code zxing-cpp finds on a rendered page, as text."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())  # type: ignore[call-overload]
    pil = Image.frombuffer("L", (grey.width(), grey.height()), data, "raw", "L", grey.bytesPerLine(), 1)
    found = zxingcpp.read_barcodes(pil, formats=zxingcpp.BarcodeFormat.QRCode)
    return sorted(result.text for result in found)


def codes_on(pages: list[QImage]) -> list[str]:
    return sorted(code for page in pages for code in decode_qr_codes(page))


def tokens_of(created: models.ReservationWithTokens, *names: str) -> list[str]:
    return sorted(str(created.tokens.token(name)) for name in names)


@pytest.fixture
def created(api: Callable[[str], LokClient], run: Any) -> Created:
    client = api("owner")

    async def make() -> Created:
        location = await first_location_free(client, "Antara Polanco")
        result = await client.create_reservation(location.id, direct_request("SLIP-0042", size="m"))
        return result, location

    return run(make())


@pytest.mark.parametrize("paper", list(PaperFormat))
def test_each_slip_carries_exactly_its_tokens_on_every_paper(
    created: Created, paper: PaperFormat, qapp: Any
) -> None:
    result, location = created
    expected = {
        SlipKind.COURIER: tokens_of(result, "delivery"),
        SlipKind.RECIPIENT: tokens_of(result, "pickup"),
        SlipKind.STAFF: tokens_of(result, *ALL_TOKENS),
    }
    for kind, tokens in expected.items():
        slip = build_slip(kind, result.reservation, result.tokens, location, "Antara Polanco")
        pages = render_slip_pages(slip, paper, dpi=200)
        assert codes_on(pages) == tokens, (kind, paper)
        assert slip.heading == "SLIP-0042"
        assert slip.confidential is (kind is SlipKind.STAFF)
    slip = build_slip(SlipKind.COURIER, result.reservation, result.tokens, location, "Antara Polanco")
    courier = dict(slip.rows)
    assert courier["Box size"] == "M (20 × 35 × 60 cm)"
    assert courier["Deliver to"] == "Antara Polanco"
    assert location.timezone and courier["Deliver by (locker time)"].endswith(f"({location.timezone})")
    assert location.address is not None and str(location.address.street) in courier["Address"]
    recipient = dict(build_slip(SlipKind.RECIPIENT, result.reservation, result.tokens, location, "x").rows)
    assert recipient["Opening hours"] and ":" in recipient["Opening hours"]


def test_slips_print_and_save_as_pdf(
    created: Created, tmp_path: Path, qapp: Any
) -> None:
    result, location = created
    for paper in PaperFormat:
        slip = build_slip(SlipKind.STAFF, result.reservation, result.tokens, location, "Antara Polanco")
        printed = tmp_path / f"printed-{paper.value}.pdf"
        print_slip(pdf_printer(str(printed)), slip, paper)
        saved = tmp_path / f"saved-{paper.value}.pdf"
        write_slip_pdf(str(saved), slip, paper)
        for path in (printed, saved):
            data = path.read_bytes()
            assert data.startswith(b"%PDF")
            assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 1


def test_every_file_written_with_codes_is_owner_only_wherever_it_goes(
    created: Created, tmp_path: Path, qapp: Any
) -> None:
    """The print dialog's "Print to File (PDF)" fallback (queue removed) wrote ~/print.pdf 0644."""
    import os
    import stat

    from lok_desk.desk.kit.printing import print_image

    result, location = created
    slip = build_slip(SlipKind.COURIER, result.reservation, result.tokens, location, "Antara Polanco")
    before = os.umask(0o022)
    try:
        printed = tmp_path / "print.pdf"                 # as "Print to File" names it
        print_slip(pdf_printer(str(printed)), slip, PaperFormat.A4)
        stale = tmp_path / "again.pdf"                   # a file already there, readable by all
        stale.write_bytes(b"old")
        os.chmod(stale, 0o644)
        print_slip(pdf_printer(str(stale)), slip, PaperFormat.A4)
        saved = tmp_path / "saved.pdf"
        write_slip_pdf(str(saved), slip, PaperFormat.A4)
        image = tmp_path / "image.pdf"
        picture = QImage(20, 20, QImage.Format.Format_RGB32)
        picture.fill(0)
        print_image(pdf_printer(str(image)), picture, "label")
    finally:
        os.umask(before)
    for path in (printed, stale, saved, image):
        assert path.read_bytes().startswith(b"%PDF"), path.name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_tokens_of_a_finished_reservation_are_void_and_not_printable(
    created: Created, api: Callable[[str], LokClient],
    run: Any, qtbot: Any, tmp_path: Path,
) -> None:
    result, location = created
    client = api("owner")
    asked: list[QWidget] = []

    async def choose_printer(parent: QWidget) -> QPrinter | None:
        asked.append(parent)
        return pdf_printer(str(tmp_path / "never.pdf"))

    async def scenario() -> None:
        await client.cancel_reservation(str(result.reservation.id))
        cancelled = await client.get_reservation(str(result.reservation.id), include_tokens=True)
        view = TokensView(choose_printer)
        qtbot.addWidget(view)
        view.paper_path = tmp_path / "slip-format.json"
        view.set_reservation(cancelled, location, "Antara Polanco")
        assert view.printable == ()
        assert "void" in view.notice
        assert view.cards and all(card.void and not card.copy_button.isEnabled() for card in view.cards)
        assert all(card.text.font().strikeOut() for card in view.cards)
        assert await view.print_slip(SlipKind.STAFF) is False
        assert await view.print_sheet() is False
        assert asked == []                     # no print dialog was even offered
        slip = build_slip(SlipKind.COURIER, cancelled.reservation, cancelled.tokens, location, "x")
        with pytest.raises(VoidSlipError):
            print_slip(pdf_printer(str(tmp_path / "void.pdf")), slip, PaperFormat.A4)
        assert not (tmp_path / "void.pdf").exists()

    run(scenario())


def test_ctrl_p_prints_the_courier_slip_before_delivery_and_the_recipient_slip_after(
    qtbot: Any, run: Any, make_pane: PaneFactory, sandbox: SandboxServer, printed: list[Path],
    api: Callable[[str], LokClient], tmp_path: Path,
) -> None:
    pane = make_pane("owner")
    client = api("owner")
    kinds: list[str] = []
    pane.detail.tokens.printed.connect(kinds.append)
    pane.detail.tokens.paper_path = tmp_path / "slip-format.json"

    async def scenario() -> None:
        location = await first_location_free(client, "Antara Polanco")
        created = await client.create_reservation(location.id, direct_request("SLIP-CTRLP"))
        await pane.refresh()
        click_row(qtbot, pane, "SLIP-CTRLP")
        await until(lambda: pane.detail.title.text() == "SLIP-CTRLP" and pane.detail.tokens.cards,
                    what="the detail")
        assert pane.detail.print_button.isEnabled()
        await pane.print_selected()
        assert kinds == ["courier"] and printed[-1].read_bytes().startswith(b"%PDF")
        await type_at_kiosk(sandbox, created.tokens.delivery_token)
        await pane.open_reservation(str(created.reservation.id))
        await until(lambda: pane.detail.tokens.fitting() is SlipKind.RECIPIENT, what="the delivered state")
        await pane.print_selected()
        assert kinds == ["courier", "recipient"]
        # The choice is one key away: the slip dialog picks with 1/2/3 and remembers the paper.
        dialog = SlipDialog(pane.detail.tokens, PaperFormat.LABEL_62MM, pane)
        qtbot.addWidget(dialog)
        assert dialog.kind is SlipKind.RECIPIENT
        assert not dialog.buttons[SlipKind.COURIER].isEnabled()   # its token was used at delivery
        dialog.choose(SlipKind.STAFF)
        assert dialog.kind is SlipKind.STAFF
        assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
        assert await dialog.print_chosen()
        assert kinds[-1] == "staff"
        assert await pane.detail.tokens.paper() is PaperFormat.LABEL_62MM

    run(scenario())


@pytest.mark.parametrize(("role", "words"), [
    ("reporter", "Tokens are not shown: your role (reporter) reads reservations but does not act on them"),
    ("admin", "Tokens are not shown: Lok administrators read every company's reservations"),
])
def test_roles_that_cannot_act_see_no_token_and_read_why(
    qtbot: Any, run: Any, make_pane: PaneFactory, role: str, words: str
) -> None:
    pane = make_pane(role)

    async def scenario() -> None:
        await pane.refresh()
        assert pane.model.rowCount() > 0
        first = pane.proxy.index(0, 0).data()
        click_row(qtbot, pane, first)
        await until(lambda: pane.detail.title.text() == first, what="the detail")
        tokens = pane.detail.tokens
        assert tokens.cards == [] and tokens.tokens == []
        assert tokens.notice.startswith(words)
        assert tokens._empty.isVisibleTo(pane)        # written in the panel, not only a tooltip
        assert not pane.detail.print_button.isEnabled()
        assert pane.detail.print_button.toolTip().startswith(words)
        assert len(pane._session.store.tokens) == 0    # nothing kept to search by either

    run(scenario())

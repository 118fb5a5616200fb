"""Images the sandbox hands out: QR codes of locker tokens (PNG) and shipping labels (JPEG, PDF)."""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

# segno and Pillow are imported where a code or a label is drawn, not at start-up: no list or
# sign-in needs them, and at import they cost ~20 ms of the sandbox's start (on the GIL the desk's
# own start shares).


@lru_cache(maxsize=4096)
def qr_png_base64(token: str) -> str:
    """Base64 of a PNG QR code holding the token (cached: tokens never change)."""
    import segno

    buffer = io.BytesIO()
    # micro=False: a short token would otherwise become a Micro QR, which many phone scanners skip.
    segno.make(token, error="m", micro=False).save(buffer, kind="png", scale=4, border=4)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _label_image(lines: list[str], code: str) -> Image.Image:
    import segno
    from PIL import Image, ImageDraw, ImageFont

    # 4×6 in at 100 dpi: the size of a thermal shipping label.
    image = Image.new("RGB", (400, 600), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    draw.rectangle((8, 8, 391, 591), outline="black", width=3)
    draw.text((20, 20), "LOK — guía de envío", fill="black", font=font)
    y = 50
    for line in lines:
        draw.text((20, y), line[:60], fill="black", font=font)
        y += 18
    qr = segno.make(code, error="m", micro=False)
    qr_buffer = io.BytesIO()
    qr.save(qr_buffer, kind="png", scale=5, border=1)
    qr_image = Image.open(io.BytesIO(qr_buffer.getvalue())).convert("RGB")
    image.paste(qr_image, (200 - qr_image.width // 2, 590 - qr_image.height - 20))
    return image


def label_files(lines: list[str], code: str) -> tuple[bytes, bytes]:
    """(JPEG bytes, PDF bytes) of the same label."""
    image = _label_image(lines, code)
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=85)
    pdf = io.BytesIO()
    image.save(pdf, format="PDF", resolution=100.0)
    return jpeg.getvalue(), pdf.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")

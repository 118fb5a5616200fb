"""The size-fit assistant's rule: the smallest size that fits AND is free at the location."""

from __future__ import annotations

from lok_desk.api import models
from lok_desk.desk.reservations.create_dialog import fit_advice


def location(free: dict[str, int]) -> models.LocationDetail:
    return models.LocationDetail(
        id="loc-1",
        internal_name="Antara",
        timezone="America/Mexico_City",
        boxes=[
            models.BoxAvailability(size=size, total=10, occupied=10 - count) for size, count in free.items()
        ],
    )


def test_smallest_fitting_size_when_it_is_free() -> None:
    size, sentence = fit_advice(location({"s": 3, "m": 3, "l": 3, "xl": 3}), 8, 30, 50, 2)
    assert size == models.BoxSize.S
    assert "S" in sentence and "smallest box that fits" in sentence


def test_skips_to_the_next_free_size_and_says_why() -> None:
    size, sentence = fit_advice(location({"s": 0, "m": 0, "l": 2, "xl": 1}), 8, 30, 50, 2)
    assert size == models.BoxSize.L
    assert sentence == "L is the smallest free box that fits: S would fit, but none is free at Antara."


def test_too_heavy_is_explained() -> None:
    size, sentence = fit_advice(location({"s": 3, "m": 3, "l": 3, "xl": 3}), 8, 30, 50, 30)
    assert size is None
    assert sentence == "No box takes this package: boxes hold up to 25 kg and it weighs 30 kg."


def test_too_large_is_explained() -> None:
    size, sentence = fit_advice(location({"s": 3, "m": 3, "l": 3, "xl": 3}), 70, 30, 50, 2)
    assert size is None
    assert "largest box (XL) measures 60 × 45 × 60 cm" in sentence


def test_nothing_free_that_fits() -> None:
    size, sentence = fit_advice(location({"s": 5, "m": 5, "l": 0, "xl": 0}), 30, 30, 50, 2)
    assert size is None
    assert "A L box would fit, but no box of that size or larger is free at Antara" in sentence

"""Box sizes' inside measures and the smallest size a package fits (the desk's only guard)."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import BoxSize


@dataclass(frozen=True)
class BoxDimensions:
    """Inside measures of a box in cm, and the weight it takes in kg."""

    width: float
    height: float
    length: float
    max_weight: float = 25.0

    def fits(self, width: float, height: float, length: float, weight: float) -> bool:
        # A package may be turned any way to go in, so compare sorted measures.
        package = sorted((width, height, length))
        box = sorted((self.width, self.height, self.length))
        return weight <= self.max_weight and all(p <= b for p, b in zip(package, box, strict=True))


BOX_SIZES: dict[BoxSize, BoxDimensions] = {
    BoxSize.S: BoxDimensions(10, 35, 60),
    BoxSize.M: BoxDimensions(20, 35, 60),
    BoxSize.L: BoxDimensions(40, 35, 60),
    BoxSize.XL: BoxDimensions(60, 45, 60),
}


def smallest_fitting_size(width: float, height: float, length: float, weight: float) -> BoxSize | None:
    """The smallest box size that takes the package (any orientation), or None when none does."""
    for size, box in BOX_SIZES.items():
        if box.fits(width, height, length, weight):
            return size
    return None



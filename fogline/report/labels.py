"""Label placement for map points, shared by the report map and the dashboard map.

Greedy and deterministic: callers offer points in priority order (most reported first). A label goes beside
its point (right, left, above, below), else an abbreviated form is tried at the same positions, else the
point keeps no label. A placed label never overlaps another label, a blocked area (every point's circle,
titles, scale bars) or the frame. Text boxes are estimated from the font size, generously, so that real
glyphs stay inside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # left, top, right, bottom (y grows downwards)

CHAR_WIDTH = 0.6  # average advance of a sans-serif glyph, in font sizes (DejaVu Sans is wide)
ASCENT, DESCENT = 0.8, 0.25  # of the font size, above and below the baseline
ELLIPSIS = "…"


@dataclass
class Placed:
    x: float
    y: float  # the baseline
    text: str
    anchor: str  # start, middle, end (SVG text-anchor)
    box: Box


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """The estimated box of ``text`` drawn at baseline ``y`` with an SVG ``text-anchor``."""
    w = CHAR_WIDTH * size * len(text)
    left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    return (left, y - ASCENT * size, left + w, y + DESCENT * size)


def circle_box(x: float, y: float, r: float) -> Box:
    return (x - r, y - r, x + r, y + r)


def abbreviations(text: str, min_chars: int = 5) -> list[str]:
    """The label, then shorter forms: the first of several names ("A; B" → "A…"), then cuts ending in "…"."""
    out = [text]
    first = text.split(";")[0].strip()
    if first and first != text:
        out.append(first + ELLIPSIS)
    for n in (18, 12, 8, min_chars):
        if len(first) > n >= min_chars:
            out.append(first[: n - 1].rstrip() + ELLIPSIS)
    return list(dict.fromkeys(out))


class LabelPlacer:
    """Places labels inside a ``width`` × ``height`` frame without overlaps (see the module docstring)."""

    def __init__(self, width: float, height: float, *, size: float, gap: float = 2.0) -> None:
        self.width, self.height, self.size, self.gap = width, height, size, gap
        self.blocked: list[Box] = []
        self.labels: list[Box] = []

    def block(self, box: Box) -> None:
        """An area labels must keep clear of (a point's circle, a title, a scale bar)."""
        self.blocked.append(box)

    def block_circles(self, circles: Iterable[tuple[float, float, float]]) -> None:
        for x, y, r in circles:
            self.block(circle_box(x, y, r))

    def free(self, box: Box) -> bool:
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= self.width and box[3] <= self.height
        return inside and not any(overlaps(box, b) for b in self.blocked)

    def place(self, x: float, y: float, r: float, text: str) -> Placed | None:
        """The first free spot for the label of a point at (x, y) with radius r, or ``None``."""
        if not text:
            return None
        size, gap = self.size, self.gap
        middle = y + (ASCENT - DESCENT) * size / 2  # baseline that centres the text on the point
        positions = (
            (x + r + gap, middle, "start"),  # right
            (x - r - gap, middle, "end"),  # left
            (x, y - r - gap - DESCENT * size, "middle"),  # above
            (x, y + r + gap + ASCENT * size, "middle"),  # below
        )
        for variant in abbreviations(text):
            for tx, ty, anchor in positions:
                tx, ty = round(tx, 1), round(ty, 1)
                box = text_box(tx, ty, variant, size, anchor)
                if self.free(box):
                    self.blocked.append(box)
                    self.labels.append(box)
                    return Placed(tx, ty, variant, anchor, box)
        return None

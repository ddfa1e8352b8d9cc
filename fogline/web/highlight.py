"""Split a document's text into segments, each tagged with the extracted items whose char span covers it."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from fogline.schema import Claim, Extraction, Mention

# CSS class of each kind of item (mentions by their label).
KIND_BY_TABLE: dict[str, str] = {
    "figures": "figure",
    "events": "event",
    "statements": "statement",
    "agreements": "agreement",
    "facility_impacts": "facility",
}
KIND_BY_LABEL: dict[str, str] = {"PLACE": "place", "ACTOR": "actor", "FACILITY": "facility", "DATE": "date"}


def item_kind(item: Claim) -> str:
    if isinstance(item, Mention):
        return KIND_BY_LABEL.get(item.label, "mention")
    return KIND_BY_TABLE.get(item.table, "item")


@dataclass
class Segment:
    text: str
    items: list[str] = field(default_factory=list)  # ids of the items covering it, innermost first
    kind: str = ""  # kind of the innermost item, "" for plain text


def item_spans(extraction: Extraction) -> list[Claim]:
    """Every item of the extraction with a usable span inside the text, rejected ones left out."""
    size = len(extraction.document.text)
    return [c for c in extraction.claims() if 0 <= c.start < c.end <= size and c.review_status != "rejected"]


def segments(text: str, items: list[Claim]) -> list[Segment]:
    """The text cut at every span boundary; each piece lists the items over it (shortest span first)."""
    cuts = sorted({0, len(text), *(c.start for c in items), *(c.end for c in items)})
    ordered = sorted(items, key=lambda c: (c.end - c.start, c.start))
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        if a >= b:
            continue
        covering = [c for c in ordered if c.start <= a and b <= c.end]
        seg = Segment(
            text=text[a:b], items=[c.id for c in covering], kind=item_kind(covering[0]) if covering else ""
        )
        if out and out[-1].items == seg.items:
            out[-1].text += seg.text
        else:
            out.append(seg)
    return out

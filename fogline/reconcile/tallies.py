"""Tallies: the figures of several reports that count the same thing, reconciled at read time.

Grouping rules (documented choices)
- Same ``measure``. Groups are compared as written: ``children`` and ``women`` are subsets of civilians and
  get their own tallies (a count of children killed never contradicts a count of civilians killed). A figure
  whose group is ``unknown`` ("people", "residents", "citizens") joins the civilians tally of the same
  measure, place and period when one exists ("nothing better"); otherwise it forms an ``unknown`` tally.
- ``side`` splits tallies of combatant groups (fighters, security forces): 38 fighters of one side and 12 of
  the other are two counts. For civilians and the other groups the side is kept on the claim but not used.
- Place: figures are grouped at their nearest enclosing place of city level or coarser (``Corpus.anchor``),
  so a neighbourhood figure and a figure for the enclosing city count the same thing, two cities never do.
  A figure without a place (or whose place only locates its source: "the Red Crescent in X said …") takes its
  document's dominant place; failing that it joins the widest tally of its
  measure/group. The tally's place is the finest place enclosing all its claims.
- Period: claims sorted by date (publication date, else the figure's own date); a gap of more than
  ``PERIOD_GAP_DAYS`` starts a new tally. Undated claims join the largest tally.

Per tally, every source's claims are kept. Source = the attributed actor (``source_id``), else the attribution
text, else the document's outlet; near-duplicate documents resolve to their original, so they count once. A
source's latest claim (by publication date; within one document, the highest figure) is its current claim,
older ones are ``superseded`` and stay in the history.

Read-time values over the sources' current, credible claims (confidence ≥ ``MIN_CONFIDENCE`` or reviewed):
- Vague figures ("dozens", "tens of thousands") are kept as claims but used for the values below only when no
  source gives a number.
- ``low``: the lowest figure (UCDP's low).
- ``high``: the highest figure (an open-ended "at least N" contributes N).
- ``best``: the lower median of the sources' point values, so ``best`` is always a figure some source gave.
- ``conservative``: ACLED's rule, the most conservative figure; vague words count as ACLED codes them
  ("dozens" 12, "hundreds" 100, "several"/"many" 10).
- ``contested``: the sources' stated ranges do not all overlap. A figure's range: exact N is [N, N]; a range
  is [low, high]; "about/around N" is N ± 10 %; "at least/more than N" is [N, ∞); "at most/fewer than N" is
  [0, N]; vague is [low, high or ∞). So 13 vs 43 vs 216 is contested, about 150,000 vs about 155,000 is not,
  and "at least 38" agrees with anything from 38 up.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from fogline.reconcile.corpus import REVIEWED, Corpus, effective_date, in_period, norm_key, unique
from fogline.schema import Figure, Measure, Qualifier, VictimGroup, make_id
from fogline.store import Store

MIN_CONFIDENCE = 0.5
PERIOD_GAP_DAYS = 21
ABOUT_MARGIN = 0.10
COMBATANT_GROUPS = {VictimGroup.FIGHTERS.value, VictimGroup.SECURITY_FORCES.value}
# ACLED's codes for vague numbers, most specific phrase first
ACLED_VAGUE = (
    (re.compile(r"hundreds of thousands"), 100_000),
    (re.compile(r"tens of thousands"), 10_000),
    (re.compile(r"thousands"), 1000),
    (re.compile(r"hundreds"), 100),
    (re.compile(r"dozens|scores"), 12),
    (re.compile(r"\b(several|many|numerous)\b"), 10),
)
# plain strings: enum member lookups are slow in hot loops
ABOUT, VAGUE, EXACT = Qualifier.ABOUT.value, Qualifier.VAGUE.value, Qualifier.EXACT.value
OPEN_ABOVE = frozenset({Qualifier.AT_LEAST.value, Qualifier.MORE_THAN.value})
OPEN_BELOW = frozenset({Qualifier.AT_MOST.value, Qualifier.LESS_THAN.value})
MEASURE_ORDER = [m.value for m in Measure]
MEASURE_WORDS = {Measure.CASUALTIES.value: "killed or injured", Measure.AT_RISK.value: "at risk"}
GROUP_ORDER = [g.value for g in VictimGroup]


@dataclass
class TallyClaim:
    """One source's figure inside a tally."""

    figure_id: str
    document_id: str
    source: str
    source_id: str | None
    low: int
    high: int | None
    qualifier: str
    quote: str
    published: str | None
    superseded: bool = False
    credible: bool = True
    number_text: str = ""
    date: str | None = None
    place: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass
class HistoryPoint:
    """The tally after one more claim arrived: the claim's own value and the running low/best/high."""

    date: str | None
    value: int
    source: str
    figure_id: str
    low: int
    best: int
    high: int


@dataclass
class Tally:
    id: str
    measure: str
    group: str
    side: str | None
    place_id: str | None
    place: str | None
    low: int
    best: int
    high: int
    conservative: int
    contested: bool
    sources: list[str]
    claims: list[TallyClaim]
    history: list[HistoryPoint]
    key: str = ""  # stable across runs: measure|group|side|anchor place, for comparing reports
    period_start: str | None = None
    period_end: str | None = None

    @property
    def label(self) -> str:
        who = self.group if self.group != VictimGroup.UNKNOWN.value else "people"
        side = f" ({self.side})" if self.side else ""
        where = f" in {self.place}" if self.place else ""
        text = f"{who}{side} {MEASURE_WORDS.get(self.measure, self.measure)}{where}"
        return text[:1].upper() + text[1:]

    def current(self) -> list[TallyClaim]:
        return [c for c in self.claims if not c.superseded]

    @property
    def approximate(self) -> bool:
        """No source gives a number: every figure the values rest on is vague ("dozens"), so low–high is
        the honest reading and ``best`` is only a placeholder (``conservative`` stays ACLED's code)."""
        return vague_only(self.claims)

    @property
    def vague_words(self) -> list[str]:
        """The vague figures the values rest on, as written ("dozens"), when the tally is approximate."""
        if not self.approximate:
            return []
        return unique([" ".join(c.number_text.lower().split()) for c in _basis(self.claims) if c.number_text])


@dataclass
class _Item:
    figure: Figure
    source_key: str
    source_label: str
    place_id: str | None
    anchor: str | None
    side_key: str
    group: str
    date: str | None
    order: tuple[str, str, str]
    credible: bool
    period: tuple[float, float] = (0.0, 0.0)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        )
    except (ValueError, IndexError):
        return None


# -- values of one claim ---------------------------------------------------------------------------


def claim_range(low: int, high: int | None, qualifier: str) -> tuple[float, float]:
    """The range a figure states (see the module docstring)."""
    top = high if high is not None else low
    if qualifier == ABOUT:
        return low * (1 - ABOUT_MARGIN), top * (1 + ABOUT_MARGIN)
    if qualifier in OPEN_ABOVE:
        return float(low), math.inf
    if qualifier in OPEN_BELOW:
        return 0.0, float(top)
    if qualifier == VAGUE:
        return float(low), float(high) if high is not None else math.inf
    return float(low), float(top)


def point_value(low: int, high: int | None, qualifier: str) -> int:
    """A single number standing for a figure: its low end, the midpoint of a closed range."""
    if qualifier in OPEN_BELOW:
        return high if high is not None else low
    if high is not None and high > low and qualifier in (EXACT, ABOUT):
        return (low + high) // 2
    return low


def acled_value(low: int, qualifier: str, number_text: str) -> int:
    """The figure ACLED would code: vague words by ACLED's conventions, else the low end."""
    if qualifier == VAGUE:
        text = number_text.lower()
        for pattern, value in ACLED_VAGUE:
            if pattern.search(text):
                return min(low, value) if low else value
    return low


def counted(claim: TallyClaim, claims: list[TallyClaim]) -> bool:
    """Whether the tally's values are computed from a claim (current; vague only if nothing precise)."""
    if claim.superseded:
        return False
    if claim.qualifier != VAGUE:
        return True
    return all(c.qualifier == VAGUE for c in claims if not c.superseded)


def _basis(claims: list[TallyClaim]) -> list[TallyClaim]:
    """The claims a tally's values are read from before vague ones are set aside (as ``summarise``)."""
    return [c for c in claims if c.credible and not c.superseded] or [c for c in claims if not c.superseded]


def vague_only(claims: list[TallyClaim]) -> bool:
    """True when the current figures are all vague words ("dozens", "tens of thousands")."""
    basis = _basis(claims)
    return bool(basis) and all(c.qualifier == VAGUE for c in basis)


@dataclass
class Summary:
    low: int
    best: int
    high: int
    conservative: int
    contested: bool


def summarise(claims: list[TallyClaim], *, all_current: bool = False) -> Summary | None:
    """low/best/high/conservative/contested over current credible claims (``None`` when there are none).

    ``all_current``: the claims are the sources' current ones already (ignore their ``superseded`` flag).
    """
    if all_current:
        current = [c for c in claims if c.credible] or claims
    else:
        current = [c for c in claims if c.credible and not c.superseded] or [
            c for c in claims if not c.superseded
        ]
    if not current:
        return None
    # vague figures ("dozens", "tens of thousands") count only when no source gives a number
    precise = [c for c in current if c.qualifier != VAGUE] or current
    low, high, conservative = math.inf, -math.inf, math.inf
    floor, ceiling = -math.inf, math.inf  # the intersection of the stated ranges
    points = []
    for c in precise:  # one pass: this runs for every date of every tally's history
        top = c.low if c.high is None else max(c.low, c.high)
        low, high = min(low, c.low), max(high, top)
        conservative = min(conservative, acled_value(c.low, c.qualifier, c.number_text))
        r0, r1 = claim_range(c.low, c.high, c.qualifier)
        floor, ceiling = max(floor, r0), min(ceiling, r1)
        points.append(point_value(c.low, c.high, c.qualifier))
    best = statistics.median_low(points)
    low, high, conservative, contested = int(low), int(high), int(conservative), floor > ceiling
    return Summary(low=low, best=best, high=high, conservative=conservative, contested=contested)


# -- grouping --------------------------------------------------------------------------------------


def _items(corpus: Corpus, since: str | None, until: str | None, place_id: str | None) -> list[_Item]:
    items = []
    for fig in corpus.claims(Figure):
        place = figure_place(corpus, fig)
        if place_id and not corpus.encloses(place_id, place):
            continue
        when = effective_date(corpus, fig)
        if (since or until) and not in_period(when, since, until):
            continue
        key, label = corpus.source_of(fig.source_id, fig.source, fig.document_id)
        group = str(fig.group)
        side_key = ""
        if group in COMBATANT_GROUPS:
            side_key = corpus.canonical_entity_id(fig.side_id) or norm_key(fig.side)
        items.append(
            _Item(
                figure=fig,
                source_key=key,
                source_label=label,
                place_id=place,
                anchor=corpus.anchor(place),
                side_key=side_key or "",
                group=group,
                date=corpus.published(fig.document_id) or when,
                order=corpus.order_key(fig.document_id, when),
                credible=fig.confidence >= MIN_CONFIDENCE or fig.review_status in REVIEWED,
            )
        )
    return items


def describes_source(fig: Figure) -> bool:
    """True when the figure's place is written as the location of its source, not of the victims:
    "a source from the Red Crescent in Western Kurdistan said …", "the health ministry of Gaza (…)"."""
    if not fig.place or not fig.source:
        return False
    quote = fig.quote.lower()
    source, place = fig.source.lower().strip(), fig.place.lower().strip()
    at = quote.find(source)
    if at < 0:
        return False
    after = quote[at + len(source) : at + len(source) + len(place) + 12]
    return bool(re.match(rf"\s*(?:in|of|from|based in|\()\s*(?:the\s+)?{re.escape(place)}", after))


# "fighters affiliated with Damascus", "Moscow-backed forces": the place names a side, not a location
_AFFILIATION_BEFORE = re.compile(
    r"(?:affiliated|allied|aligned|associated|linked|loyal|close|backed|sponsored|supported|led|"
    r"controlled|commanded)\s+(?:with|to|by)\s+(?:the\s+)?$"
)
_AFFILIATION_AFTER = re.compile(
    r"^[-\s](?:backed|affiliated|aligned|allied|led|controlled|sponsored|loyal)\b"
)


def names_side(fig: Figure) -> bool:
    """True when the figure's place is written as an allegiance ("fighters affiliated with Damascus",
    "Kyiv-backed units") or is the side of the victims: a capital standing for its government."""
    return place_names_side(fig.quote, fig.place, [fig.side])


def place_names_side(quote: str | None, place: str | None, sides: list[str | None]) -> bool:
    """True when ``place`` is one of the ``sides`` or every time ``quote`` names it, it names an allegiance
    (one "in Damascus" keeps the place)."""
    if not place or not quote:
        return False
    key = norm_key(place)
    if any(side and norm_key(side) == key for side in sides):
        return True
    text, name = quote.lower(), place.strip().lower()
    found = list(re.finditer(rf"\b{re.escape(name)}\b", text))
    return bool(found) and all(
        _AFFILIATION_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        or _AFFILIATION_AFTER.match(text[m.end() : m.end() + 14])
        for m in found
    )


def figure_place(corpus: Corpus, fig: Figure) -> str | None:
    """The place a figure counts: its own place, unless that only locates its source or names a side; else
    the document's dominant place."""
    if fig.place_id and not describes_source(fig) and not names_side(fig):
        return corpus.canonical_entity_id(fig.place_id)
    return corpus.dominant_place(fig.document_id)


def _split_by_period(items: list[_Item]) -> list[list[_Item]]:
    dated = sorted((i for i in items if _day(i.date)), key=lambda i: i.order)
    undated = [i for i in items if not _day(i.date)]
    clusters: list[list[_Item]] = []
    last: date | None = None
    for item in dated:
        day = _day(item.date)
        assert day is not None
        if not clusters or last is None or (day - last).days > PERIOD_GAP_DAYS:
            clusters.append([])
        clusters[-1].append(item)
        last = day
    if undated:
        if clusters:
            max(clusters, key=len).extend(undated)
        else:
            clusters.append(undated)
    return clusters


def _group(corpus: Corpus, items: list[_Item]) -> list[list[_Item]]:
    buckets: dict[tuple[str, str, str], dict[str | None, list[_Item]]] = defaultdict(
        lambda: defaultdict(list)
    )
    unknown: list[_Item] = []
    for item in items:
        if item.group == VictimGroup.UNKNOWN.value:
            unknown.append(item)
        else:
            buckets[(str(item.figure.measure), item.group, item.side_key)][item.anchor].append(item)
    # placeless figures (no place, no dominant place) join the widest tally of their measure/group/side
    for by_anchor in buckets.values():
        loose = by_anchor.pop(None, [])
        if loose and by_anchor:
            widest = min(by_anchor, key=lambda a: (corpus.level_rank(a), -len(by_anchor[a]), a or ""))
            by_anchor[widest].extend(loose)
        elif loose:
            by_anchor[None] = loose
    # unknown-group figures join a civilians tally of the same measure and place when there is one
    for item in unknown:
        civ = buckets.get((str(item.figure.measure), VictimGroup.CIVILIANS.value, ""))
        if civ:
            target = item.anchor if item.anchor in civ else None
            if target is None and item.anchor is None:
                target = min(civ, key=lambda a: (corpus.level_rank(a), -len(civ[a]), a or ""))
            if target is not None or None in civ:
                civ[target].append(item)
                continue
        buckets[(str(item.figure.measure), VictimGroup.UNKNOWN.value, "")][item.anchor].append(item)
    groups: list[list[_Item]] = []
    for by_anchor in buckets.values():
        for anchored in by_anchor.values():
            groups.extend(_split_by_period(anchored))
    return groups


def _common_place(corpus: Corpus, place_ids: list[str]) -> str | None:
    if not place_ids:
        return None
    common = corpus.chain(place_ids[0])
    for pid in place_ids[1:]:
        chain = set(corpus.chain(pid))
        common = [p for p in common if p in chain]
    return common[0] if common else None


def _build(corpus: Corpus, items: list[_Item]) -> Tally | None:
    items = sorted(items, key=lambda i: (i.order, -i.figure.low, i.figure.start))
    # a source's latest claim: the last document in time; within one document, its highest figure
    latest: dict[str, _Item] = {}
    for item in items:
        prev = latest.get(item.source_key)
        if prev is None or prev.order < item.order or item.figure.low > prev.figure.low:
            latest[item.source_key] = item
    current_ids = {i.figure.id for i in latest.values()}
    claims: list[TallyClaim] = []
    for item in items:
        fig = item.figure
        doc = corpus.documents.get(fig.document_id)
        claims.append(
            TallyClaim(
                figure_id=fig.id,
                document_id=fig.document_id,
                source=item.source_label,
                source_id=corpus.canonical_entity_id(fig.source_id),
                low=fig.low,
                high=fig.high,
                qualifier=str(fig.qualifier),
                quote=fig.quote,
                published=doc.published if doc else None,
                superseded=fig.id not in current_ids,
                credible=item.credible,
                number_text=fig.number_text,
                date=effective_date(corpus, fig),
                place=corpus.name(item.place_id, fig.place),
                title=doc.title if doc else None,
                url=doc.url if doc else None,
            )
        )
    summary = summarise(claims)
    if summary is None:
        return None
    history: list[HistoryPoint] = []
    latest_so_far: dict[str, TallyClaim] = {}
    batch: list[tuple[_Item, TallyClaim]] = []
    for n, (item, claim) in enumerate(zip(items, claims, strict=True)):
        # the tally as it stood once this date's reports were in: each source's latest claim so far
        before = latest_so_far.get(item.source_key)
        if before is None or before.document_id != claim.document_id or claim.low > before.low:
            latest_so_far[item.source_key] = claim
        batch.append((item, claim))
        if n + 1 < len(items) and items[n + 1].date == item.date and item.date is not None:
            continue
        running = summarise(list(latest_so_far.values()), all_current=True)
        if running is not None:
            history += [
                HistoryPoint(
                    date=it.date,
                    value=point_value(cl.low, cl.high, cl.qualifier),
                    source=cl.source,
                    figure_id=cl.figure_id,
                    low=running.low,
                    best=running.best,
                    high=running.high,
                )
                for it, cl in batch
            ]
        batch = []
    first = items[0]
    place_id = _common_place(corpus, unique([i.place_id for i in items]))
    side_names = unique([i.figure.side for i in items if i.side_key])
    side = corpus.name(first.side_key, None) if first.side_key else None
    side = side or (side_names[0] if side_names else None)
    measure, group = str(first.figure.measure), _tally_group(items)
    key = "|".join([measure, group, first.side_key, first.anchor or ""])
    dates = sorted(d for d in (i.date for i in items) if d)
    return Tally(
        id=make_id("tally", key, dates[0] if dates else ""),
        measure=measure,
        group=group,
        side=side,
        place_id=place_id,
        place=corpus.name(place_id),
        low=summary.low,
        best=summary.best,
        high=summary.high,
        conservative=summary.conservative,
        contested=summary.contested,
        sources=unique([c.source for c in claims if counted(c, claims)]),
        claims=claims,
        history=history,
        key=key,
        period_start=dates[0] if dates else None,
        period_end=dates[-1] if dates else None,
    )


def _tally_group(items: list[_Item]) -> str:
    groups = {i.group for i in items}
    groups.discard(VictimGroup.UNKNOWN.value)
    return groups.pop() if len(groups) == 1 else VictimGroup.UNKNOWN.value


def _sort_key(tally: Tally) -> tuple[int, int, int, int]:
    return (
        MEASURE_ORDER.index(tally.measure) if tally.measure in MEASURE_ORDER else 99,
        GROUP_ORDER.index(tally.group) if tally.group in GROUP_ORDER else 99,
        -len(tally.sources),
        -tally.best,
    )


def compute_tallies(
    store: Store | Corpus,
    *,
    since: str | None = None,
    until: str | None = None,
    place_id: str | None = None,
) -> list[Tally]:
    """Reconcile the stored figures into tallies (see the module docstring for every rule)."""
    corpus = store if isinstance(store, Corpus) else Corpus.load(store)
    place = corpus.resolve_place(place_id)
    tallies = [
        t for t in (_build(corpus, g) for g in _group(corpus, _items(corpus, since, until, place))) if t
    ]
    return sorted(tallies, key=_sort_key)


def headline_tallies(tallies: list[Tally], limit: int = 12) -> list[Tally]:
    """The ``limit`` most important tallies: those resting on a number before those resting only on vague
    words ("dozens of wounded" is not a headline next to counted figures), then most sources, non-combatant
    groups, largest. Numbered tallies come first; within each part the given order is kept: cutting the
    sorted list would drop a whole measure (e.g. displacement) first."""
    ranked = sorted(
        range(len(tallies)),
        key=lambda i: (
            tallies[i].approximate,
            -len(tallies[i].sources),
            tallies[i].group in COMBATANT_GROUPS,
            -tallies[i].best,
            i,
        ),
    )
    keep = set(ranked[:limit])
    kept = [t for i, t in enumerate(tallies) if i in keep]
    return [t for t in kept if not t.approximate] + [t for t in kept if t.approximate]

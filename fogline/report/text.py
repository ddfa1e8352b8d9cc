"""Wording shared by every renderer, so Markdown, HTML and PDF say the same thing."""

from __future__ import annotations

import re

from fogline.reconcile.corpus import norm_key
from fogline.reconcile.digest import AgreementItem, FacilityItem, StatementItem
from fogline.reconcile.tallies import MEASURE_WORDS, Tally, counted
from fogline.reconcile.timeline import ACT_VERBS
from fogline.report.maps import CLUSTER_KM, MapPanel
from fogline.report.model import SituationReport

QUALIFIER_WORDS = {
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "less_than": "fewer than ",
    "about": "about ",
}


def number(n: int) -> str:
    return f"{n:,}"


def value(t: Tally, n: int) -> str:
    """A tally value as its sources wrote it: "more than 460" is stored as 461 and shown as ">460"."""
    for c in t.current():
        if c.qualifier == "more_than" and c.low == n and c.high in (None, n) and n > 0:
            return _more_than(n, c.number_text)
    return number(n)


def _more_than(n: int, number_text: str) -> str:
    """ ">460" for a "more than 460" stored as 461 (the extractors' N + 1; a reviewer may type N itself)."""
    written = _written_number(number_text)
    return f">{number(written if written in (n - 1, n) else n - 1)}"


def _written_number(number_text: str) -> int | None:
    digits = re.sub(r"[,\s]", "", re.sub(r"^\D*", "", number_text or ""))
    return int(digits) if digits.isdigit() else None


def tally_range(t: Tally) -> str:
    if t.low == t.high:
        return value(t, t.low)
    low, high = value(t, t.low), value(t, t.high)
    return f"{low} to {high}" if ">" in low + high else f"{low}–{high}"


def status(t: Tally) -> str:
    """contested, consistent (several sources agree), single source, or approximate (no source gives a
    number, only words such as "dozens")."""
    if t.contested:
        return "contested"
    if t.approximate:
        return "approximate"
    return "consistent" if len(t.sources) > 1 else "single source"


def best_text(t: Tally) -> str:
    """The tally's headline value: its best figure, or for an approximate tally the words its sources used
    and the range they stand for ("dozens (12–99)"), never a single number that would pretend precision."""
    if not t.approximate:
        return value(t, t.best)
    words = ", ".join(t.vague_words) or "approximately"
    return f"{words} ({tally_range(t)})"


def what(t: Tally) -> str:
    """ "Civilians killed", "People displaced (Rapid Support Forces)"…"""
    group = "people" if t.group == "unknown" else t.group.replace("_", " ")
    side = f" ({t.side})" if t.side else ""
    return f"{group.capitalize()}{side} {MEASURE_WORDS.get(t.measure, t.measure)}"


def claim_text(low: int, high: int | None, qualifier: str) -> str:
    if high is not None and high != low:
        return f"{QUALIFIER_WORDS.get(qualifier, '')}{number(low)}–{number(high)}"
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{number(low)}"


def source_claims(t: Tally) -> list[tuple[str, str]]:
    """(source, its current figure as written) per source."""
    out = []
    for c in t.current():
        figure = c.number_text if 0 < len(c.number_text) <= 40 else claim_text(c.low, c.high, c.qualifier)
        out.append((c.source, figure if counted(c, t.claims) else f"{figure} (vague, not counted)"))
    return out


def history_text(t: Tally) -> str:
    """How the tally moved: 13 → 23 → 43 (each report's figure, in publication order, repeats dropped)."""
    values: list[str] = []
    vague = {c.figure_id for c in t.claims if c.qualifier == "vague"}
    open_above = {c.figure_id: c for c in t.claims if c.qualifier == "more_than" and c.low > 0}
    precise = len(vague) < len(t.claims)
    for p in t.history:
        if precise and p.figure_id in vague:
            continue  # "tens of thousands" is not a step of the tally when sources give numbers
        claim = open_above.get(p.figure_id)
        v = number(p.value)
        if claim is not None and p.value == claim.low:  # "more than 82,000" (stored as 82,001)
            v = _more_than(p.value, claim.number_text)
        if not values or values[-1] != v:
            values.append(v)
    return " → ".join(values)


def statement_line(s: StatementItem) -> str:
    verbs = ", ".join(ACT_VERBS.get(a, a) for a in s.acts)
    target = f" ({', '.join(s.targets)})" if s.targets else ""
    return f"{s.speaker} {verbs}{target}"


def statement_gist(s: StatementItem, limit: int = 220) -> str:
    """What was said: the demands when there are any, else the first quoted sentence (shortened)."""
    if s.demands:
        return "Demands: " + "; ".join(s.demands)
    if not s.quotes:
        return ""
    quote = " ".join(s.quotes[0].quote.split())
    if len(quote) > limit:
        quote = quote[:limit].rsplit(" ", 1)[0] + "…"
    return f"“{quote}”"


def agreement_line(a: AgreementItem) -> str:
    when = f", {a.date}" if a.date else ""
    parties = f" — parties: {', '.join(a.parties)}" if a.parties else ""
    violated = "; reported violated" if a.violated and a.status != "violated" else ""
    return f"{a.name} ({a.kind}{when}): {a.status.replace('_', ' ')}{violated}{parties}"


def ceasefire_line(report: SituationReport) -> str:
    c = report.ceasefire
    if c is None:
        return "No ceasefire or truce reported."
    when = f" of {c.date}" if c.date else ""
    history = (
        f" (reported as: {', '.join(s.replace('_', ' ') for s in c.statuses)})" if len(c.statuses) > 1 else ""
    )
    return f"Latest ceasefire{when}: {c.name}, {c.status.replace('_', ' ')}{history}."


def facility_line(f: FacilityItem) -> str:
    """ "Khalid Fajr Hospital (hospital, Sheikh Maqsoud): out of service, attacked, 2026-01-09"; a facility
    named only by its type ("schools") is not followed by the type again."""
    name = f.facility[:1].upper() + f.facility[1:]
    kind = f.facility_type.replace("_", " ") if f.facility_type else ""
    kind_is_name = bool(kind) and norm_key(f.facility).rstrip("s") == norm_key(kind).rstrip("s")
    about = ", ".join(x for x in (None if kind_is_name else kind, f.place) if x)
    about = f" ({about})" if about else ""
    when = f", {f.date}" if f.date else ""
    return f"{name}{about}: {', '.join(s.replace('_', ' ') for s in f.statuses)}{when}"


def scope_line(report: SituationReport) -> str:
    parts = [f"Generated {report.generated_at[:16].replace('T', ' ')} UTC"]
    if report.place:
        parts.append(f"place: {report.place}")
    if report.since:
        parts.append(f"since {report.since}")
    parts.append(f"{report.documents} document(s) from {len(report.sources)} source(s)")
    return " · ".join(parts)


def changes_heading(report: SituationReport) -> str:
    if report.previous_at is None:
        return "First report for this scope: nothing to compare with yet."
    if not report.changes:
        return f"No change since the report of {report.previous_at[:16].replace('T', ' ')} UTC."
    return f"Since the report of {report.previous_at[:16].replace('T', ' ')} UTC:"


def map_caption(report: SituationReport) -> str:
    panels = len(report.maps)
    caption = (
        "Event and facility locations (neighbourhood level where known) over a drawn graticule; dot size "
        "grows with the number of reports; each area is outlined by the extent of its known places."
    )
    if panels > 1:
        caption += (
            f" One panel per group of places within {CLUSTER_KM:g} km of each other ({panels} panels, most "
            "reported first), each with its own extent and scale."
        )
    if report.map_elsewhere:
        caption += " Also reported elsewhere (not drawn): " + ", ".join(report.map_elsewhere) + "."
    if report.map_coarse:
        caption += (
            " Located only at country or province level (not drawn): " + ", ".join(report.map_coarse) + "."
        )
    return caption


def panel_caption(panel: MapPanel) -> str:
    """ "El Fasher, Tawila: 7 report(s) at 3 location(s)" """
    return f"{panel.name}: {panel.weight:,} report(s) at {len(panel.points):,} location(s)"


def omitted_line(report: SituationReport, section: str) -> str:
    n = report.omitted.get(section, 0)
    return f"{n:,} earlier item(s) not shown; `fogline export` has them all." if n else ""

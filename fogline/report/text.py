"""Wording shared by every renderer, so Markdown, HTML and PDF say the same thing."""

from __future__ import annotations

from fogline.reconcile.digest import AgreementItem, FacilityItem, StatementItem
from fogline.reconcile.tallies import MEASURE_WORDS, Tally, counted
from fogline.reconcile.timeline import ACT_VERBS
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


def tally_range(t: Tally) -> str:
    return number(t.low) if t.low == t.high else f"{number(t.low)}–{number(t.high)}"


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
    precise = len(vague) < len(t.claims)
    for p in t.history:
        if precise and p.figure_id in vague:
            continue  # "tens of thousands" is not a step of the tally when sources give numbers
        v = number(p.value)
        if not values or values[-1] != v:
            values.append(v)
    return " → ".join(values)


def statement_line(s: StatementItem) -> str:
    verbs = ", ".join(ACT_VERBS.get(a, a) for a in s.acts)
    target = f" ({', '.join(s.targets)})" if s.targets else ""
    return f"{s.speaker} {verbs}{target}"


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
    where = f" ({f.place})" if f.place else ""
    when = f", {f.date}" if f.date else ""
    return (
        f"{f.facility}{where}, {f.facility_type}: {', '.join(s.replace('_', ' ') for s in f.statuses)}{when}"
    )


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
    caption = (
        "Event and facility locations (neighbourhood level where known) over a drawn graticule; dot size "
        "grows with the number of reports; the area is outlined by the extent of its known places."
    )
    if report.map_elsewhere:
        caption += " Also reported elsewhere (not drawn): " + ", ".join(report.map_elsewhere) + "."
    return caption


def omitted_line(report: SituationReport, section: str) -> str:
    n = report.omitted.get(section, 0)
    return f"{n:,} earlier item(s) not shown; `fogline export` has them all." if n else ""

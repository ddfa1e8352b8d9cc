"""The situation report as Markdown, with footnotes to the quoted sentences behind every number."""

from __future__ import annotations

from fogline.report import text
from fogline.report.model import SituationReport, timeline_entries

MAX_LOCATED = 50  # the most reported located events


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _notes(ns: list[int]) -> str:
    return "".join(f"[^{n}]" for n in ns)


def render_markdown(report: SituationReport) -> str:
    out = [f"# {report.title}", "", f"_{text.scope_line(report)}_", ""]
    out += ["## Headline figures", ""]
    if report.headlines:
        out += [
            "| What | Where | Range | Best | Conservative | Sources | Status |",
            "|---|---|---|---|---|---|---|",
        ]
        for h in report.headlines:
            t = h.tally
            sources = "; ".join(
                f"{_cell(src)}: {claim}{_notes(h.notes.get(src, []))}" for src, claim in text.source_claims(t)
            )
            status = "**contested**" if t.contested else text.status(t)
            out.append(
                f"| {_cell(text.what(t))} | {_cell(t.place or '—')} | {text.tally_range(t)} | "
                f"{text.best_text(t)} | {text.value(t, t.conservative)} | {sources} | {status} |"
            )
        out.append("")
        moved = [h for h in report.headlines if len(h.tally.history) > 1]
        if moved:
            out += ["How the figures moved, report by report:", ""]
            out += [
                f"- {text.what(h.tally)}{' in ' + h.tally.place if h.tally.place else ''}: "
                f"{text.history_text(h.tally)}{_notes(sorted(set(h.history_notes)))}"
                for h in moved
            ]
            out.append("")
    else:
        out += ["No figures reported.", ""]
    out += ["## What changed", "", text.changes_heading(report), ""]
    out += [f"- {c}" for c in report.changes]
    if report.changes:
        out.append("")
    out += ["## Agreements and ceasefire", "", text.ceasefire_line(report), ""]
    out += [f"- {text.agreement_line(c.item)}{_notes(c.notes)}" for c in report.agreements]
    out += ["", "## Facilities affected", ""]
    facilities = report.facilities
    out += [f"- {text.facility_line(c.item)}{_notes(c.notes)}" for c in facilities] or ["None reported."]
    out += ["", "## Statements", ""]
    if text.omitted_line(report, "statements"):
        out += [f"_{text.omitted_line(report, 'statements')}_", ""]
    statements = report.statements
    for c in statements:
        s = c.item
        when = f"{s.date}: " if s.date else ""
        gist = text.statement_gist(s)
        out.append(f"- {when}{text.statement_line(s)}{': ' + gist if gist else '.'}{_notes(c.notes)}")
    if not statements:
        out.append("None reported.")
    out += ["", "## Timeline", ""]
    if text.omitted_line(report, "timeline"):
        out += [f"_{text.omitted_line(report, 'timeline')}_", ""]
    for entry, notes in timeline_entries(report):
        flags = f" ⚠ {'; '.join(entry.flags)}" if entry.flags else ""
        detail = f" — {entry.detail}" if entry.detail else ""
        out.append(
            f"- **{entry.date or 'undated'}** [{entry.kind}] {entry.title}{detail}{flags}{_notes(notes)}"
        )
    located = [e for e in report.events if e.latitude is not None]
    located = sorted(located, key=lambda e: (-e.mention_count, e.date_start or ""))[:MAX_LOCATED]
    if located:
        out += [
            "",
            "## Event locations",
            "",
            "| Event | Place | Lat | Lon | Mentions |",
            "|---|---|---|---|---|",
        ]
        for e in located:
            where = f"{e.latitude:.4f} | {e.longitude or 0:.4f}"
            out.append(f"| {_cell(e.title)} | {_cell(e.place or '')} | {where} | {e.mention_count} |")
    out += ["", "## Sources", ""]
    for n in report.footnotes:
        where = ", ".join(x for x in (n.title, n.published, n.url) if x)
        out.append(f"[^{n.n}]: {n.source} ({where}): “{n.quote.strip()}”")
    return "\n".join(out) + "\n"

"""HXL-tagged CSV (Humanitarian Exchange Language): a header row, then a row of hashtags, then the data.

Events (merged across reports) and tallies; numbers of killed/injured/displaced go in ``#affected+…`` columns.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from fogline.export import Filters, exporter
from fogline.export.eventrows import deaths, events, figures_by_id, where
from fogline.reconcile.corpus import Corpus
from fogline.reconcile.tallies import compute_tallies

Column = tuple[str, str]  # (header, hashtag)

EVENT_COLUMNS: list[Column] = [
    ("Event id", "#meta+id"),
    ("Date", "#date"),
    ("Country", "#country+name"),
    ("Admin1", "#adm1+name"),
    ("Admin2", "#adm2+name"),
    ("Location", "#loc+name"),
    ("Latitude", "#geo+lat"),
    ("Longitude", "#geo+lon"),
    ("Event type", "#event+type"),
    ("Sub-event type", "#event+type+sub"),
    ("Actor 1", "#org+name+actor1"),
    ("Actor 2", "#org+name+actor2"),
    ("Killed", "#affected+killed"),
    ("Injured", "#affected+injured"),
    ("Displaced", "#affected+displaced"),
    ("Reports", "#meta+count"),
    ("Sources", "#meta+source"),
    ("Notes", "#description"),
]

TALLY_COLUMNS: list[Column] = [
    ("Tally id", "#meta+id"),
    ("Period start", "#date+start"),
    ("Period end", "#date+end"),
    ("Country", "#country+name"),
    ("Admin1", "#adm1+name"),
    ("Location", "#loc+name"),
    ("Latitude", "#geo+lat"),
    ("Longitude", "#geo+lon"),
    ("Measure", "#indicator+name"),
    ("Group", "#group+name"),
    ("Killed", "#affected+killed"),
    ("Injured", "#affected+injured"),
    ("Displaced", "#affected+displaced"),
    ("Low", "#affected+num+min"),
    ("Best", "#affected+num"),
    ("High", "#affected+num+max"),
    ("Contested", "#status+contested"),
    ("Sources", "#meta+source"),
]


def write_hxl(columns: list[Column], rows: Iterable[list[Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([h for h, _ in columns])
    writer.writerow([t for _, t in columns])
    n = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
        n += 1
    return n


def _event_rows(corpus: Corpus, filters: Filters) -> Iterable[list[Any]]:
    figures = figures_by_id(corpus)
    for ev in events(corpus, filters):
        loc = where(corpus, ev.place_id, ev.place)
        d = deaths(corpus, ev, figures)
        yield [
            ev.id, ev.date_start, loc.country, loc.admin1, loc.admin2, loc.location, ev.latitude,
            ev.longitude, ev.event_type, ev.sub_event_type, ev.actor1, ev.actor2,
            ev.fatalities or d.best or 0, d.injured, d.displaced, ev.mention_count, "; ".join(ev.sources),
            ev.mentions[0].quote if ev.mentions else "",
        ]  # fmt: skip


def _tally_rows(corpus: Corpus, filters: Filters) -> Iterable[list[Any]]:
    for t in compute_tallies(corpus, since=filters.since, until=filters.until, place_id=filters.place_id):
        loc = where(corpus, t.place_id, t.place)
        coords = corpus.place_coords(t.place_id)
        by_measure = {m: (t.best if t.measure == m else None) for m in ("killed", "injured", "displaced")}
        yield [
            t.id, t.period_start, t.period_end, loc.country, loc.admin1, t.place,
            coords[0] if coords else None, coords[1] if coords else None, t.measure, t.group,
            by_measure["killed"], by_measure["injured"], by_measure["displaced"], t.low, t.best, t.high,
            "yes" if t.contested else "no", "; ".join(t.sources),
        ]  # fmt: skip


def _register(
    kind: str, columns: list[Column], rows: Callable[[Corpus, Filters], Iterable[list[Any]]]
) -> None:
    @exporter(kind, "hxl")
    def _hxl(corpus: Corpus, out: TextIO, filters: Filters) -> int:
        return write_hxl(columns, rows(corpus, filters), out)


_register("events", EVENT_COLUMNS, _event_rows)
_register("tallies", TALLY_COLUMNS, _tally_rows)

"""UCDP GED-style CSV of events merged across reports: deaths by side with low/best/high.

Deaths come from the figures linked to the event's mentions, reconciled across sources like a tally (best =
median of the sources' latest figures); an event with only a stated fatality count puts it in deaths_unknown.
``type_of_violence``: 3 (one-sided) for violence against civilians, 1 (state-based) when a state actor is
involved, else 2 (non-state). ``event_clarity`` is 2 when reports disagree on the event's attributes.
"""

from __future__ import annotations

import csv
from typing import TextIO

from fogline.export import Filters, exporter
from fogline.export.eventrows import actor_type, deaths, events, figures_by_id, where
from fogline.export.regions import acled_region
from fogline.reconcile.corpus import Corpus

UCDP_COLUMNS = [
    "id", "year", "type_of_violence", "side_a", "side_b", "source_article", "source_office", "source_date",
    "source_headline", "source_original", "where_prec", "where_coordinates", "where_description", "adm_1",
    "adm_2", "latitude", "longitude", "geom_wkt", "country", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high",
    "low",
]  # fmt: skip

WHERE_PREC = {"site": 1, "neighbourhood": 1, "city": 1, "admin2": 3, "admin1": 4, "country": 6}
DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
STATE_TYPES = {"state_forces", "government"}


@exporter("events", "ucdp")
def export_ucdp(corpus: Corpus, out: TextIO, filters: Filters) -> int:
    writer = csv.DictWriter(out, fieldnames=UCDP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    figures = figures_by_id(corpus)
    n = 0
    for ev in events(corpus, filters):
        loc = where(corpus, ev.place_id, ev.place)
        d = deaths(corpus, ev, figures)
        types = {actor_type(corpus, ev.actor1_id), actor_type(corpus, ev.actor2_id)}
        if ev.event_type == "Violence against civilians":
            violence = 3
        elif types & STATE_TYPES:
            violence = 1
        else:
            violence = 2
        side_b = ev.actor2 or ("Civilians" if violence == 3 else "")
        wkt = f"POINT ({ev.longitude} {ev.latitude})" if ev.latitude is not None else ""
        docs = list(ev.mentions)
        writer.writerow(
            {
                "id": ev.id,
                "year": (ev.date_start or "")[:4],
                "type_of_violence": violence,
                "side_a": ev.actor1 or "",
                "side_b": side_b,
                "source_article": "; ".join(
                    f'{m.source}, "{m.title or ""}", {m.published or "undated"}'
                    + (f", {m.url}" if m.url else "")
                    for m in docs
                ),
                "source_office": "; ".join(ev.sources),
                "source_date": "; ".join(sorted({m.published for m in docs if m.published})),
                "source_headline": "; ".join(sorted({m.title for m in docs if m.title})),
                "source_original": "; ".join(sorted({m.quote.strip() for m in docs if m.quote})),
                "where_prec": WHERE_PREC.get(loc.level or "", ""),
                "where_coordinates": f"{loc.location}; {loc.country}".strip("; ")
                if loc.location
                else loc.country,
                "where_description": ev.place or "",
                "adm_1": loc.admin1,
                "adm_2": loc.admin2,
                "latitude": "" if ev.latitude is None else ev.latitude,
                "longitude": "" if ev.longitude is None else ev.longitude,
                "geom_wkt": wkt,
                "country": loc.country,
                "region": acled_region(loc.iso2),
                "event_clarity": 2 if ev.conflicts else 1,
                "date_prec": DATE_PREC.get(ev.date_precision or "", 1 if ev.date_start else ""),
                "date_start": ev.date_start or "",
                "date_end": ev.date_end or ev.date_start or "",
                "deaths_a": d.by_side.get("a", 0),
                "deaths_b": d.by_side.get("b", 0),
                "deaths_civilians": d.by_side.get("civilians", 0),
                "deaths_unknown": d.by_side.get("unknown", 0),
                "best": d.best,
                "high": d.high,
                "low": d.low,
            }
        )
        n += 1
    return n

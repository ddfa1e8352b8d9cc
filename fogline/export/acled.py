"""ACLED-style CSV of events merged across reports, with ACLED's codebook columns.

Fatalities follow ACLED's rule (the most conservative report); ``inter`` codes come from the actors' types;
``notes`` is the first report's sentence, with conflicting dates noted; ``source`` lists every outlet.
"""

from __future__ import annotations

import csv
from typing import TextIO

from fogline.export import Filters, exporter
from fogline.export.eventrows import events, inter_code, timestamp, where
from fogline.export.regions import acled_region
from fogline.reconcile.corpus import Corpus

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"site": 1, "neighbourhood": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}


def _event_date(value: str | None) -> str:
    if not value:
        return ""
    parts = value.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])


@exporter("events", "acled")
def export_acled(corpus: Corpus, out: TextIO, filters: Filters) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for ev in events(corpus, filters):
        loc = where(corpus, ev.place_id, ev.place)
        inter1, inter2 = inter_code(corpus, ev.actor1_id), inter_code(corpus, ev.actor2_id)
        codes = sorted(c for c in (inter1, inter2) if c)
        interaction = (
            int("".join(str(c) for c in codes)) if len(codes) == 2 else (codes[0] * 10 if codes else "")
        )
        civilian = inter2 == 7 or ev.event_type == "Violence against civilians"
        precision = TIME_PRECISION.get(
            ev.date_precision or "", 1 if ev.date_start and len(ev.date_start) == 10 else 3
        )
        tags = []
        if ev.is_onset:
            tags.append("start of campaign")
        tags += [f"reports differ on {k.replace('_', ' ')}: {', '.join(v)}" for k, v in ev.conflicts.items()]
        assoc = [corpus.name(a) or a for a in ev.assoc_actor_ids]
        note = ev.mentions[0].quote.strip() if ev.mentions else ""
        if ev.mention_count > 1:
            note += f" [{ev.mention_count} reports]"
        writer.writerow(
            {
                "event_id_cnty": f"{loc.iso3 or 'XXX'}{int(ev.id[:7], 16)}",
                "event_date": _event_date(ev.date_start),
                "year": (ev.date_start or "")[:4],
                "time_precision": precision,
                "disorder_type": ev.disorder_type,
                "event_type": ev.event_type,
                "sub_event_type": ev.sub_event_type,
                "actor1": ev.actor1 or "",
                "assoc_actor_1": "; ".join(assoc),
                "inter1": inter1 or "",
                "actor2": ev.actor2 or "",
                "assoc_actor_2": "",
                "inter2": inter2 or "",
                "interaction": interaction,
                "civilian_targeting": "Civilian targeting" if civilian else "",
                "iso": loc.iso_numeric or "",
                "region": acled_region(loc.iso2),
                "country": loc.country,
                "admin1": loc.admin1,
                "admin2": loc.admin2,
                "admin3": "",
                "location": loc.location,
                "latitude": "" if ev.latitude is None else round(ev.latitude, 4),
                "longitude": "" if ev.longitude is None else round(ev.longitude, 4),
                "geo_precision": GEO_PRECISION.get(loc.level or "", 3 if loc.location else ""),
                "source": "; ".join(ev.sources),
                "source_scale": "",
                "notes": note,
                "fatalities": ev.fatalities or 0,
                "tags": "; ".join(tags),
                "timestamp": timestamp(corpus, ev),
            }
        )
        n += 1
    return n

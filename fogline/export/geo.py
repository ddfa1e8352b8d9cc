"""GeoJSON FeatureCollection of events merged across reports (events without coordinates are left out)."""

from __future__ import annotations

import json
from typing import TextIO

from fogline.export import Filters, exporter
from fogline.export.eventrows import events
from fogline.export.records import plain
from fogline.reconcile.corpus import Corpus

SKIPPED = {"mentions", "latitude", "longitude"}


@exporter("events", "geojson")
def export_geojson(corpus: Corpus, out: TextIO, filters: Filters) -> int:
    features = []
    for ev in events(corpus, filters):
        if ev.latitude is None or ev.longitude is None:
            continue
        props = {k: v for k, v in plain(ev).items() if k not in SKIPPED}
        props["title"] = ev.title
        props["quotes"] = [
            {"source": m.source, "quote": m.quote, "document_id": m.document_id} for m in ev.mentions
        ]
        features.append(
            {
                "type": "Feature",
                "id": ev.id,
                "geometry": {"type": "Point", "coordinates": [round(ev.longitude, 6), round(ev.latitude, 6)]},
                "properties": props,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)

"""Exports read back with each format's own reader, on the hand-built world of ``test_reconcile``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geojson
import hxl
import pytest
from test_reconcile import build_world
from typer.testing import CliRunner

from fogline.cli import app
from fogline.export import EXPORTERS, KINDS, export
from fogline.store import Store

ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "tags", "timestamp",
]  # fmt: skip
UCDP_REQUIRED = [
    "id",
    "date_start",
    "date_end",
    "where_description",
    "latitude",
    "longitude",
    "side_a",
    "side_b",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
    "source_article",
]


def _run(store: Store, kind: str, fmt: str, **filters: str) -> tuple[int, str]:
    buf = io.StringIO()
    n = export(store, kind, fmt, buf, **filters)
    return n, buf.getvalue()


def test_every_kind_exports_jsonl_and_csv(store: Store) -> None:
    build_world(store)
    for kind in KINDS:
        n, text = _run(store, kind, "jsonl")
        lines = [json.loads(line) for line in text.splitlines()]
        assert n == len(lines) > 0, kind
        n_csv, text_csv = _run(store, kind, "csv")
        rows = list(csv.DictReader(io.StringIO(text_csv)))
        assert n_csv == len(rows) == n, kind
        assert rows[0]["id"] == lines[0]["id"]


def test_figure_lines_carry_document_span_and_attribution(store: Store) -> None:
    build_world(store)
    _, text = _run(store, "figures", "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    at_least = next(x for x in lines if x["qualifier"] == "at_least")
    assert at_least["high"] is None and at_least["low"] == 12
    assert at_least["source"] == "Sudan Doctors Network" and at_least["place"] == "Abu Shouk"
    assert at_least["document"] == {
        "id": "d1", "path": None, "url": "https://example.org/d1", "title": "Wire A on the siege",
        "published": "2025-10-26",
    }  # fmt: skip
    assert at_least["span"] == [10, 15]
    for key in ("measure", "group", "side", "date_start", "date_end", "quote"):
        assert key in at_least
    unattributed = next(x for x in lines if x["low"] == 460)
    assert unattributed["source"] == "Agency E" and unattributed["source_text"] is None
    # rejected figures are not exported
    assert all(x["low"] != 999 for x in lines)


def test_filters_apply_to_exports(store: Store) -> None:
    build_world(store)
    n_all, _ = _run(store, "figures", "jsonl")
    n_daraja, text = _run(store, "figures", "jsonl", place="Daraja Oula")
    assert n_daraja == 1 and json.loads(text)["low"] == 460
    n_early, _ = _run(store, "figures", "jsonl", until="2025-10-26")
    assert 0 < n_early < n_all


def test_acled_csv_has_the_codebook_header_and_conservative_fatalities(store: Store) -> None:
    build_world(store)
    n, text = _run(store, "events", "acled")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == ACLED_HEADER
    rows = list(reader)
    assert n == len(rows) == 3
    shelling = next(r for r in rows if r["sub_event_type"].startswith("Shelling"))
    assert shelling["fatalities"] == "14"  # 14 and 15 reported: the most conservative
    assert shelling["inter1"] == "2" and shelling["interaction"] == "20"
    assert (
        shelling["country"] == "Sudan"
        and shelling["iso"] == "729"
        and shelling["region"] == "Northern Africa"
    )
    assert shelling["admin1"] == "North Darfur" and shelling["location"] == "Abu Shouk"
    assert shelling["event_id_cnty"].startswith("SDN") and shelling["source"] == "Wire A; Daily C"
    clash = next(r for r in rows if r["location"] == "Tawila")
    assert clash["interaction"] == "12" and clash["event_date"] == "2025-10-28" and clash["year"] == "2025"
    onset = next(r for r in rows if "start of campaign" in r["tags"])
    assert "2025-10-20, 2025-10-21, 2025-10-24" in onset["tags"]


def test_ucdp_csv_splits_deaths_by_side(store: Store) -> None:
    build_world(store)
    _, text = _run(store, "events", "ucdp")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames is not None and all(c in reader.fieldnames for c in UCDP_REQUIRED)
    rows = {r["where_description"]: r for r in reader}
    shelling = rows["Abu Shouk"]
    assert shelling["deaths_civilians"] == "12" and shelling["best"] == "12"  # the linked "at least 12"
    assert shelling["event_clarity"] == "2" and shelling["side_a"] == "Rapid Support Forces"
    assert rows["Tawila"]["type_of_violence"] == "1" and rows["Tawila"]["geom_wkt"] == "POINT (24.85 13.49)"


def test_geojson_is_valid(store: Store) -> None:
    build_world(store)
    n, text = _run(store, "events", "geojson")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    assert n == len(collection["features"]) == 3
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert 24 < lon < 26 and 13 < lat < 14
    props = collection["features"][0]["properties"]
    assert props["sources"] and props["mention_count"] >= 1


def _hxl(text: str, path: Path) -> hxl.model.Dataset:
    path.write_text(text, encoding="utf-8")
    return hxl.data(str(path), hxl.InputOptions(allow_local=True))


def test_hxl_reads_back_with_libhxl(store: Store, tmp_path: Path) -> None:
    build_world(store)
    n, text = _run(store, "events", "hxl")
    data = _hxl(text, tmp_path / "events.csv")
    tags = data.display_tags
    for tag in (
        "#date",
        "#adm1+name",
        "#loc+name",
        "#geo+lat",
        "#geo+lon",
        "#affected+killed",
        "#affected+injured",
        "#affected+displaced",
        "#org+name+actor1",
        "#event+type",
        "#meta+source",
    ):
        assert tag in tags, tag
    rows = list(data)
    assert len(rows) == n == 3
    killed = {r.get("#loc+name"): r.get("#affected+killed") for r in rows}
    assert killed["Abu Shouk"] == "14"
    _, text_t = _run(store, "tallies", "hxl")
    tallies = list(_hxl(text_t, tmp_path / "tallies.csv"))
    civ = next(
        r for r in tallies if r.get("#indicator+name") == "killed" and r.get("#group+name") == "civilians"
    )
    assert civ.get("#status+contested") == "yes" and civ.get("#affected+num+max") == "460"


def test_unknown_kind_or_format_is_a_clear_error(sqlite_store: Store) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        export(sqlite_store, "bananas", "jsonl", io.StringIO())
    with pytest.raises(ValueError, match="no 'acled' export for figures"):
        export(sqlite_store, "figures", "acled", io.StringIO())
    assert ("events", "acled") in EXPORTERS


def test_export_cli_writes_a_file(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    build_world(Store(str(db)))
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(app, ["export", "events", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert geojson.loads(out.read_text()).is_valid
    result = CliRunner().invoke(
        app, ["export", "tallies", "--format", "csv", "--db", str(db), "--place", "Mars"]
    )
    assert result.exit_code == 1 and "unknown place" in result.output

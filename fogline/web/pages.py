"""Read views: one data function per page, each served as HTML, ``.json`` and ``/api/...`` (see ``view``)."""

from __future__ import annotations

import dataclasses
import importlib
import io
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import create_model
from sqlalchemy import func, select

from fogline.reconcile.tallies import headline_tallies
from fogline.review import REVIEWABLE_TABLES, editable_fields, history
from fogline.schema import RECORD_BY_TABLE, Document, Entity, Extraction, Review
from fogline.store.tables import TABLES
from fogline.web import queries
from fogline.web.app import authorize, store_of, view
from fogline.web.charts import place_map, time_chart
from fogline.web.highlight import item_kind, item_spans, segments
from fogline.web.models import DocumentDetail, EntityDetail, SearchResults, list_model, page_model
from fogline.web.queries import RESOURCES, Filters, Page, list_records

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

# Columns shown in HTML listings (the JSON has every field).
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("published", "title", "outlet"),
    "entities": ("name", "kind", "type", "country", "aliases"),
    "figures": ("date_start", "measure", "group", "number_text", "low", "high", "place", "source"),
    "events": ("date_start", "event_type", "sub_event_type", "place", "actor1", "actor2", "fatalities"),
    "statements": ("date_start", "speaker", "act", "target"),
    "agreements": ("date", "name", "kind", "status", "parties"),
    "facility_impacts": ("date_start", "facility", "facility_type", "status"),
    "mentions": ("label", "text", "value", "entity_id"),
}


def reconcile_function(name: str) -> Callable[..., Any] | None:
    """A function of the reconcile package, wherever it lives there; None while it does not exist."""
    for module_name in (
        "fogline.reconcile",
        f"fogline.reconcile.{name.split('_')[-1]}",
        "fogline.reconcile.tallies",
        "fogline.reconcile.timeline",
    ):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found = getattr(module, name, None)
        if callable(found):
            result: Callable[..., Any] = found
            return result
    return None


def reconcile_type(name: str) -> Any:
    """A dataclass of the reconcile package (the response model), or a plain dict while it is missing."""
    try:
        found = getattr(importlib.import_module("fogline.reconcile"), name, None)
    except ImportError:
        found = None
    return found if found is not None else dict[str, Any]


def tally_type() -> Any:
    return reconcile_type("Tally")


def filter_params(
    request: Request,
    since: Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date (or month, year)")] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
    place: Annotated[
        str | None, Query(description="place entity id or name; includes places inside it")
    ] = None,
    actor: Annotated[str | None, Query(description="actor entity id or name")] = None,
    measure: str | None = None,
    source: Annotated[
        str | None, Query(description="attribution (actor id or text); outlet for documents")
    ] = None,
    status: Annotated[str, Query(pattern=r"^(|all|reviewed|auto|accepted|edited|rejected)$")] = "",
    document: str | None = None,
    kind: str | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Filters:
    store = store_of(request)
    refs: dict[str, str | None] = {"place": place, "actor": actor}
    for ref_kind, ref in refs.items():  # a name typed in a filter box works as well as an id
        if ref:
            found = queries.resolve_entity_ref(store, ref, ref_kind)
            if found is None:
                raise HTTPException(400, f"unknown {ref_kind} {ref!r}")
            refs[ref_kind] = found
    place, actor = refs["place"], refs["actor"]
    return Filters(since, until, place, actor, measure, source, status, document, kind, q, limit, offset)


FilterDep = Annotated[Filters, Depends(filter_params)]


def _list_extra(name: str) -> Callable[[Request, Any], dict[str, Any]]:
    def extra(request: Request, data: Any) -> dict[str, Any]:
        res = RESOURCES[name]
        return {"name": name, "title": res.title, "columns": COLUMNS[name], "reviewable": res.reviewable}

    return extra


def _register_lists(app: FastAPI) -> None:
    for name, res in RESOURCES.items():

        def make(name: str = name) -> Callable[..., Page]:
            def listing(request: Request, filters: FilterDep) -> Page:
                return list_records(store_of(request), name, filters)

            listing.__name__ = f"list_{name}"
            listing.__doc__ = f"{RESOURCES[name].title}, filtered and paginated."
            return listing

        view(
            app, f"/{name}", template="list.html", model=page_model(res.record), html_extra=_list_extra(name)
        )(make())


# -- dashboard ---------------------------------------------------------------------------------------------


def _place_counts(request: Request) -> list[tuple[Entity, int]]:
    store = store_of(request)
    counts: Counter[str] = Counter()
    with store.engine.connect() as conn:
        for table_name in ("figures", "events", "facility_impacts"):
            table = TABLES[table_name]
            query = (
                select(table.c.place_id, func.count())
                .where(table.c.place_id.is_not(None), table.c.review_status != "rejected")
                .group_by(table.c.place_id)
            )
            for place_id, n in conn.execute(query):
                counts[place_id] += int(n)
    entities = queries.entities_by_id(store, set(counts))
    merged: Counter[str] = Counter()
    for place_id, n in counts.items():
        entity = entities.get(place_id)
        if entity is not None:
            merged[entity.merged_into or entity.id] += n
    canonical = {e.id: e for e in queries.retyped(list(queries.entities_by_id(store, set(merged)).values()))}
    return [(canonical[i], n) for i, n in merged.most_common(60) if i in canonical]


def _daily_counts(request: Request) -> dict[str, dict[str, float]]:
    store = store_of(request)
    series: dict[str, dict[str, float]] = {}
    with store.engine.connect() as conn:
        for label, table_name, column in (
            ("events", "events", "date_start"),
            ("reports", "documents", "published"),
        ):
            table = TABLES[table_name]
            query = select(table.c[column], func.count()).where(table.c[column].is_not(None))
            if "review_status" in table.c:
                query = query.where(table.c.review_status != "rejected")
            rows = conn.execute(query.group_by(table.c[column])).all()
            daily: dict[str, float] = defaultdict(float)
            for day, n in rows:
                if day and len(day) >= 10:
                    daily[day[:10]] += int(n)
            series[label] = dict(daily)
    return series


def dashboard(request: Request, filters: FilterDep) -> dict[str, Any]:
    """Headline tallies, item counts, places, activity over time and the latest documents."""
    store = store_of(request)
    compute = reconcile_function("compute_tallies")
    tallies = (
        compute(store, since=filters.since, until=filters.until, place_id=filters.place) if compute else []
    )
    counts = {name: store.count(RESOURCES[name].record) for name in RESOURCES if name != "mentions"}
    return {
        "tallies": tallies,
        "counts": counts,
        "activity": _daily_counts(request),
        "places": [{"entity": e, "count": n} for e, n in _place_counts(request)],
        "documents": list_records(store, "documents", Filters(limit=10)).items,
    }


RANGE_COLOURS = {"high": "#c0392b", "best": "#1c2430", "low": "#2e86c1"}


def _dashboard_extra(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    chart_data: dict[str, dict[str, float]] = {}
    title = "Reports and events per day"
    for tally in data["tallies"]:  # the first headline tally reported on several days: how its range moved
        days = {p.date[:10] for p in tally.history if p.date and len(p.date) >= 10}
        if len(days) >= 2:
            for key in ("high", "low", "best"):  # best drawn last, on top
                chart_data[key] = {p.date[:10]: float(getattr(p, key)) for p in tally.history if p.date}
            title = f"{tally.label}: low, best and high as reports arrived"
            break
    if not chart_data:
        chart_data = data["activity"]
    places = [(p["entity"], p["count"]) for p in data["places"] if p["entity"].type != "country"]
    return {
        "chart": time_chart(chart_data, colours=RANGE_COLOURS),
        "chart_title": title,
        "map": place_map(places),
        "tally_count": len(data["tallies"]),
        # the most important twelve (as in the report), not the first twelve of the measure order
        "headlines": headline_tallies(data["tallies"]) if data["tallies"] else [],
    }


# -- documents, entities, items ----------------------------------------------------------------------------


def document_detail(request: Request, doc_id: str) -> dict[str, Any]:
    """A document with every item extracted from it and the entities they name."""
    store = store_of(request)
    found = store.find_document(doc_id)
    extraction = store.extraction(found.id) if found else None
    if extraction is None:
        raise HTTPException(404, "no such document")
    ids = {m.entity_id for m in extraction.mentions if m.entity_id}
    data: dict[str, Any] = {"document": extraction.document}
    queries.retyped([extraction.document])
    for name in ("mentions", "figures", "events", "statements", "agreements", "facility_impacts"):
        data[name] = queries.retyped(getattr(extraction, name))
    data["entities"] = queries.retyped(list(queries.entities_by_id(store, ids).values()))
    return data


def _document_extra(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    extraction = Extraction(**{k: v for k, v in data.items() if k != "entities"})
    items = item_spans(extraction)
    details = [
        {
            "item": item,
            "kind": item_kind(item),
            "fields": _fields(item),
            "span": extraction.document.text[item.start : item.end],
        }
        for item in sorted(items, key=lambda c: (c.start, c.end))
    ]
    return {
        "segments": segments(extraction.document.text, items),
        "details": details,
        "entities": {e.id: e for e in data["entities"]},
        "kinds": sorted({d["kind"] for d in details}),
    }


PROVENANCE = (
    "document_id",
    "start",
    "end",
    "quote",
    "extractor",
    "confidence",
    "review_status",
    "reviewed_by",
)


def _fields(item: Any) -> list[tuple[str, Any]]:
    return [
        (f.name, getattr(item, f.name))
        for f in dataclasses.fields(item)
        if f.name not in PROVENANCE and getattr(item, f.name) not in (None, "", [], {})
    ]


def entity_detail(request: Request, entity_id: str) -> dict[str, Any]:
    """An entity with its aliases, the places inside it, and the items about it."""
    store = store_of(request)
    entity = store.get(Entity, entity_id)
    if entity is None:
        raise HTTPException(404, "no such entity")
    if entity.merged_into:
        entity = store.get(Entity, entity.merged_into) or entity
    is_place = entity.kind == "place"
    page = Filters(place=entity.id, limit=100) if is_place else Filters(actor=entity.id, limit=100)
    if entity.kind == "facility":
        facility_filter = {"facility_id": sorted(queries.entity_family(store, entity.id))}
        impacts = store.records(RECORD_BY_TABLE["facility_impacts"], where=facility_filter, limit=100)
        facility_page = Page(queries.retyped(impacts), len(impacts), 100, 0)
    else:
        facility_page = list_records(store, "facility_impacts", page)
    parent = store.get(Entity, entity.parent_id) if entity.parent_id else None
    queries.retyped([entity, *([parent] if parent else [])])
    return {
        "entity": entity,
        "parent": parent,
        "children": queries.retyped(queries.children(store, entity.id)),
        "merged": queries.retyped(store.records(Entity, where={"merged_into": entity.id})),
        "figures": list_records(store, "figures", page),
        "events": list_records(store, "events", page),
        "statements": list_records(store, "statements", page),
        "facility_impacts": facility_page,
    }


ItemDetail = create_model(
    "ItemDetail",
    table=(str, ...),
    item=(dict[str, Any], ...),
    history=(list[Review], ...),
    editable=(list[str], ...),
)


def item_detail(request: Request, table: str, item_id: str) -> dict[str, Any]:
    """One item with its provenance and review history."""
    if table not in REVIEWABLE_TABLES:
        raise HTTPException(404, "no such table")
    item = store_of(request).get(RECORD_BY_TABLE[table], item_id)
    if item is None:
        raise HTTPException(404, "no such item")
    return {
        "table": table,
        "item": dataclasses.asdict(item),
        "history": history(store_of(request), table, item_id),  # Review has no enum fields
        "editable": editable_fields(table),
    }


def search_view(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> dict[str, Any]:
    """Substring search over documents, entities and every kind of item."""
    results = queries.search(store_of(request), q)
    empty = Page([], 0, 20, 0)
    return {"q": q, **{name: results.get(name, empty) for name in SearchResults.model_fields if name != "q"}}


def review_queue(table: str) -> Callable[..., Page]:
    def queue(request: Request, filters: FilterDep) -> Page:
        if not filters.status and table != "entities":
            filters.status = "auto"
        return list_records(store_of(request), table, filters)

    queue.__name__ = f"review_{table}"
    queue.__doc__ = f"Review queue: {RESOURCES[table].title.lower()} awaiting a decision."
    return queue


def _review_extra(table: str) -> Callable[[Request, Any], dict[str, Any]]:
    def extra(request: Request, data: Page) -> dict[str, Any]:
        return {
            "table": table,
            "tables": REVIEWABLE_TABLES,
            "titles": {t: RESOURCES[t].title for t in REVIEWABLE_TABLES},
            "editable": editable_fields(table),
            "columns": COLUMNS[table],
        }

    return extra


def timeline_view(request: Request, filters: FilterDep) -> list[Any]:
    """Dated entries (events, figures, statements, agreements) in order, from the reconcile library."""
    timeline = reconcile_function("timeline")
    if timeline is None:
        raise HTTPException(503, "the timeline is not available in this build")
    entries: list[Any] = timeline(
        store_of(request), since=filters.since, until=filters.until, place_id=filters.place
    )
    return entries


EXPORT_MEDIA = {
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
    "acled": "text/csv",
    "ucdp": "text/csv",
    "hxl": "text/csv",
}


def export_file(
    request: Request,
    kind: str,
    fmt: str,
    since: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
    place: str | None = None,
) -> Response:
    """Download an export in any format the CLI writes (``/export/events.acled``), with the same filters."""
    authorize(request, "viewer")
    try:
        export = importlib.import_module("fogline.export").export
    except (ImportError, AttributeError):
        raise HTTPException(503, "exports are not available in this build") from None
    out = io.StringIO()
    try:
        export(store_of(request), kind, fmt, out, since=since, until=until, place=place)
    except (KeyError, ValueError) as exc:
        raise HTTPException(404, str(exc)) from None
    extension = {"acled": "csv", "ucdp": "csv", "hxl": "csv"}.get(fmt, fmt)
    return Response(
        out.getvalue().encode("utf-8"),
        media_type=EXPORT_MEDIA.get(fmt, "text/plain") + "; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="fogline-{kind}-{fmt}.{extension}"'},
    )


def register(app: FastAPI) -> None:
    view(
        app,
        "/",
        template="dashboard.html",
        api_path="/api/dashboard",
        html_extra=_dashboard_extra,
        model=create_model(
            "Dashboard",
            tallies=(list_model(tally_type()), ...),
            counts=(dict[str, int], ...),
            activity=(dict[str, dict[str, float]], ...),
            places=(list_model(create_model("PlaceCount", entity=(Entity, ...), count=(int, ...))), ...),
            documents=(list[Document], ...),
        ),
    )(dashboard)
    view(app, "/search", template="search.html", model=SearchResults)(search_view)
    view(app, "/timeline", template="timeline.html", model=list_model(reconcile_type("TimelineEntry")))(
        timeline_view
    )
    view(app, "/tallies", template="tallies.html", model=list_model(tally_type()))(tallies_view)
    view(
        app, "/documents/{doc_id}", template="document.html", model=DocumentDetail, html_extra=_document_extra
    )(document_detail)
    view(app, "/entities/{entity_id}", template="entity.html", model=EntityDetail)(entity_detail)
    view(app, "/items/{table}/{item_id}", template="item.html", model=ItemDetail, role="viewer")(item_detail)
    for table in REVIEWABLE_TABLES:
        view(
            app,
            f"/review/{table}",
            template="review.html",
            role="analyst",
            model=page_model(RECORD_BY_TABLE[table]),
            html_extra=_review_extra(table),
        )(review_queue(table))
    _register_lists(app)
    app.add_api_route("/export/{kind}.{fmt}", export_file, methods=["GET"], summary="Export")

    @app.get("/review", include_in_schema=False)
    def review_home() -> RedirectResponse:
        return RedirectResponse("/review/figures", status_code=303)


def tallies_view(request: Request, filters: FilterDep) -> list[Any]:
    """Reconciled tallies: low/best/high across sources, contested when their ranges disagree."""
    compute = reconcile_function("compute_tallies")
    if compute is None:
        raise HTTPException(503, "tallies are not available in this build")
    tallies: list[Any] = compute(
        store_of(request), since=filters.since, until=filters.until, place_id=filters.place
    )
    if filters.measure:
        tallies = [t for t in tallies if t.measure == filters.measure]
    return tallies

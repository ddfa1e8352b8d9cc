"""Place and actor recall on an ACLED export (columns NOTES, ACTOR1, LOCATION, ADMIN1).

Not a registered CLI scorer: a measurement helper for the entity components. A row counts as a location hit
when a PLACE mention's canonical name, an alias or its text folds to LOCATION or ADMIN1; as an actor hit when
an ACTOR mention loosely matches ACTOR1 (folded names equal, one contained in the other, or most content
words shared). Rows whose ACTOR1 is a category rather than a name (Protesters, Rioters, Civilians,
Unidentified Armed Group…) are scored apart.
"""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path
from typing import Any

from spacy.language import Language

from fogline.gazetteer.normalize import name_key
from fogline.gazetteer.places import place_entity
from fogline.ingest.normalize import document_from_text
from fogline.nlp.entities import ModelNer
from fogline.nlp.pipeline import build_pipeline, make_doc
from fogline.schema import Entity, PlaceLevel

COMPONENTS = ("fogline.sentences.v1", "fogline.gazetteer.v1", "fogline.model_ner.v1", "fogline.actors.v1")
_CATEGORIES = ("protesters", "rioters", "civilians", "unidentified", "mutiny", "prisoners")
_PARENS = re.compile(r"\([^)]*\)")
_STOP = frozenset({"of", "the", "and", "for", "forces", "group", "military"})


def _keys(entity: Entity, text: str) -> set[tuple[str, ...]]:
    return {name_key(n) for n in (entity.name, text, *entity.aliases)} - {()}


_ACLED_STATE = re.compile(r"^(Military|Police) Forces of (.+?)(?: \(|$)")
_ACLED_GROUP = re.compile(r"^(Protesters|Rioters|Unidentified Armed Group) \((.+?)\)")


def _country_of(name: str) -> str | None:
    place = place_entity(name)
    return place.country if place is not None and place.type == PlaceLevel.COUNTRY else None


def actor_matches(gold: str, entity: Entity, text: str) -> bool:
    """A loose match between an ACLED actor name and an extracted actor."""
    for pattern in (_ACLED_STATE, _ACLED_GROUP):
        hit = pattern.match(gold)
        if hit:
            prefix, country = hit.group(1), _country_of(hit.group(2))
            if entity.name.startswith(prefix) and country is not None and entity.country == country:
                return True
    gold_key = name_key(_PARENS.sub(" ", gold).split(" - ")[0])
    if not gold_key:
        return False
    gold_words = set(gold_key) - _STOP
    for key in _keys(entity, text):
        if key == gold_key:
            return True
        joined, gold_joined = " ".join(key), " ".join(gold_key)
        if len(key) > 1 and (f" {joined} " in f" {gold_joined} " or f" {gold_joined} " in f" {joined} "):
            return True
        words = set(key) - _STOP
        if gold_words and words and len(words & gold_words) >= max(1, (2 * len(gold_words) + 2) // 3):
            return True
    return False


def entities_recall(
    path: str | Path, *, limit: int | None = 500, nlp: Language | None = None, country_hint: bool = False
) -> dict[str, Any]:
    """Location and actor recall of the entity components on the first ``limit`` rows of an ACLED CSV.

    With ``country_hint`` the row's COUNTRY goes into the document's metadata (``meta["country"]``), as a
    feed about one country would provide."""
    nlp = nlp or build_pipeline(COMPONENTS)
    n = loc_hits = named = named_hits = category_rows = category_hits = 0
    misses: list[dict[str, str]] = []
    started = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if limit is not None and n >= limit:
                break
            n += 1
            meta = {"country": row["COUNTRY"]} if country_hint and row.get("COUNTRY") else None
            doc = make_doc(nlp, document_from_text(row["NOTES"], meta=meta))
            for _name, proc in nlp.pipeline:
                doc = proc(doc)
            entities = doc._.entities or {}
            places = [(entities[m.entity_id], m.text) for m in doc._.mentions if m.label == "PLACE"]
            actors = [(entities[m.entity_id], m.text) for m in doc._.mentions if m.label == "ACTOR"]
            gold_places = {name_key(row["LOCATION"]), name_key(row["ADMIN1"])} - {()}
            loc_hit = any(_keys(e, t) & gold_places for e, t in places)
            loc_hits += loc_hit
            actor_hit = any(actor_matches(row["ACTOR1"], e, t) for e, t in actors)
            if row["ACTOR1"].lower().startswith(_CATEGORIES):
                category_rows += 1
                category_hits += actor_hit
            else:
                named += 1
                named_hits += actor_hit
            if (not loc_hit or not actor_hit) and len(misses) < 40:
                misses.append(
                    {
                        "location": "" if loc_hit else f"{row['LOCATION']} / {row['ADMIN1']}",
                        "actor": "" if actor_hit else row["ACTOR1"],
                        "found": "; ".join(sorted({e.name for e, _ in places + actors})),
                    }
                )
    seconds = time.perf_counter() - started
    ner = next((proc for _name, proc in nlp.pipeline if isinstance(proc, ModelNer)), None)
    return {
        "n": n,
        "location_recall": loc_hits / n if n else 0.0,
        "actor1_recall": (named_hits + category_hits) / n if n else 0.0,
        "named_actor1_rows": named,
        "named_actor1_recall": named_hits / named if named else 0.0,
        "category_actor1_rows": category_rows,
        "category_actor1_recall": category_hits / category_rows if category_rows else 0.0,
        "docs_per_second": n / seconds if seconds else 0.0,
        "model_ner_sentence_fraction": ner.stats.fraction if ner is not None else None,
        "errors": misses,
    }

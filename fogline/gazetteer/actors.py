"""Canonical actors: Fogline's actor gazetteer (``data/actors.json``), generic state actors built from country
adjectives ("Nigerian troops" -> Military Forces of Nigeria), and new actors found in texts.

``actor_entity(name, actor_type)`` always returns an Entity, with the same id for every spelling of the same
actor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from fogline.gazetteer.normalize import name_key, name_words, strip_leading
from fogline.gazetteer.places import DATA, country_entity, place_entity
from fogline.schema import ActorType, Entity, EntityKind, PlaceLevel, make_id

# Honorifics dropped from a person's name before lookup ("President Macron" -> "Macron").
TITLES = frozenset(
    name_words(
        "mr mrs ms dr president prime minister gen general lt col colonel maj major capt captain sgt "
        "commander chief sheikh emir king prince queen foreign defence defense interior secretary "
        "spokesman spokeswoman spokesperson ambassador envoy senator governor mayor deputy former interim"
    )
)
_KEEP_TITLE = frozenset(name_words("sheikh"))  # part of many Arabic personal and place names


@dataclass(frozen=True)
class GenericHead:
    """A head phrase that makes "<country adjective> HEAD" a state actor."""

    template: str
    type: ActorType


_FORCES = GenericHead("Military Forces of {country}", ActorType.STATE_FORCES)
_POLICE = GenericHead("Police Forces of {country}", ActorType.STATE_FORCES)
_GOVERNMENT = GenericHead("Government of {country}", ActorType.GOVERNMENT)
GENERIC_HEADS: dict[tuple[str, ...], GenericHead] = {
    **{
        name_words(h): _FORCES
        for h in (
            "army",
            "armed forces",
            "forces",
            "troops",
            "military",
            "soldiers",
            "security forces",
            "air force",
            "navy",
            "military forces",
            "defence forces",
            "defense forces",
            "government forces",
            "government troops",
            "national army",
            "army troops",
            "warplanes",
            "jets",
            "fighter jets",
            "drones",
            "artillery",
        )
    },
    **{
        name_words(h): _POLICE
        for h in (
            "police",
            "police forces",
            "police officers",
            "policemen",
            "gendarmerie",
            "gendarmes",
            "riot police",
        )
    },
    **{
        name_words(h): _GOVERNMENT
        for h in (
            "government",
            "authorities",
            "administration",
            "regime",
            "state",
            "cabinet",
            "presidency",
            "junta",
            "officials",
        )
    },
}
MINISTRY_SUBJECTS: dict[tuple[str, ...], str] = {
    **{name_words(s): "Foreign Affairs" for s in ("foreign", "foreign affairs", "external affairs")},
    **{name_words(s): "Defense" for s in ("defence", "defense")},
    **{name_words(s): "Interior" for s in ("interior", "home affairs")},
    **{name_words(s): "Health" for s in ("health", "public health")},
    **{name_words(s): "Information" for s in ("information",)},
    **{name_words(s): "Justice" for s in ("justice",)},
    **{name_words(s): "Humanitarian Affairs" for s in ("humanitarian affairs",)},
}
_MINISTRY = name_words("ministry")[0]
_OF = name_words("of")[0]
_POSSESSIVE = name_words("'s") or ("s",)


@dataclass
class ActorIndex:
    """Every gazetteer actor, by id and by folded alias; country adjectives."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_key: dict[tuple[str, ...], str] = field(default_factory=dict)
    acronyms: dict[tuple[str, ...], str] = field(
        default_factory=dict
    )  # keys that must be written in capitals
    contextual: set[tuple[str, ...]] = field(
        default_factory=set
    )  # lowercase aliases: only in the entity's country
    countries: dict[tuple[str, ...], str] = field(
        default_factory=dict
    )  # adjective or country name -> alpha-2
    max_country_len: int = 1


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in alias.strip()


def actor_id(key: Sequence[str]) -> str:
    return make_id("actor", " ".join(key))


def _load_demonyms(index: ActorIndex) -> None:
    for line in (DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, names = line.split("\t")
        for name in [*names.split("|")]:
            index.countries.setdefault(name_words(name), code)
    from fogline.gazetteer.places import place_gazetteer

    places = place_gazetteer()
    for key, ids in [*places.by_key.items(), *places.by_light.items()]:
        for pid in ids:
            entity = places.entities[pid]
            if entity.type == PlaceLevel.COUNTRY and entity.country:
                index.countries.setdefault(key, entity.country)
    index.max_country_len = max(len(k) for k in index.countries)


@lru_cache(maxsize=1)
def actor_gazetteer() -> ActorIndex:
    """The actor index, built once per process."""
    index = ActorIndex()
    rows: list[dict[str, object]] = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))["actors"]
    parents: dict[str, str] = {}
    for row in rows:
        name = str(row["name"])
        key = name_key(name)
        aliases = [str(a) for a in row.get("aliases", [])]  # type: ignore[attr-defined]
        attributes: dict[str, object] = dict(row.get("attributes", {}))  # type: ignore[call-overload]
        if row.get("role"):
            attributes["role"] = row["role"]
        entity = Entity(
            id=actor_id(key),
            kind=EntityKind.ACTOR,
            name=name,
            aliases=aliases,
            type=ActorType(str(row["type"])),
            country=str(row["country"]) if row.get("country") else None,
            origin="gazetteer",
            attributes=attributes,
        )
        index.entities[entity.id] = entity
        if row.get("parent"):
            parents[entity.id] = str(row["parent"])
        for alias in [name, *aliases]:
            akey = name_key(alias)
            if not akey:
                continue
            if is_acronym(alias):
                index.acronyms[akey] = entity.id
            index.by_key.setdefault(akey, entity.id)
            if alias[:1].islower() and not alias.lower().startswith(("al-", "el-", "the ")):
                index.contextual.add(akey)
    for child, parent in parents.items():
        parent_id = index.by_key.get(name_key(parent))
        if parent_id:
            index.entities[child].parent_id = parent_id
    _load_demonyms(index)
    return index


def person_key(words: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name without leading honorifics ("President Emmanuel Macron" -> "emmanuel macron")."""
    while len(words) > 1 and words[0] in TITLES and words[0] not in _KEEP_TITLE:
        words = words[1:]
    return strip_leading(words)


def country_name(code: str) -> str:
    entity = country_entity(code)
    return entity.name if entity else code


_FIRST_WORDS: dict[int, tuple[dict[tuple[str, ...], str], int, frozenset[str]]] = {}


def _country_first_words(index: ActorIndex) -> frozenset[str]:
    """The first words of ``index.countries`` keys (recomputed if the dictionary grows)."""
    countries = index.countries
    cached = _FIRST_WORDS.get(id(countries))
    if cached is None or cached[0] is not countries or cached[1] != len(countries):
        first = frozenset(k[0] for k in countries if k)
        cached = _FIRST_WORDS[id(countries)] = (countries, len(countries), first)
    return cached[2]


def match_country(
    words: Sequence[str], start: int, index: ActorIndex | None = None
) -> tuple[str, int] | None:
    """The country an adjective or name at ``words[start:]`` names: (alpha-2, words used), longest first."""
    index = index or actor_gazetteer()
    if start < len(words) and words[start] not in _country_first_words(index):
        return None  # no country name or adjective starts with this word (most words)
    for n in range(min(index.max_country_len, len(words) - start), 0, -1):
        code = index.countries.get(tuple(words[start : start + n]))
        if code:
            used = n
            if tuple(words[start + n : start + n + len(_POSSESSIVE)]) == _POSSESSIVE:
                used += len(_POSSESSIVE)
            return code, used
    return None


def generic_actor(words: Sequence[str], start: int = 0) -> tuple[str, ActorType, str, int] | None:
    """A state actor written as "<country adjective> HEAD" (or "Ministry of X" forms) at ``words[start:]``.

    Returns (canonical name, type, alpha-2, number of words used) or None.
    """
    hit = match_country(words, start)
    if hit is None:
        return None
    code, used = hit
    rest = words[start + used :]
    # "<adj> ministry of foreign affairs" / "<adj> foreign ministry" / "<adj> ministry"
    for n in range(min(3, len(rest)), 0, -1):
        subject = MINISTRY_SUBJECTS.get(tuple(rest[:n]))
        if subject and len(rest) > n and rest[n] == _MINISTRY:
            return f"Ministry of {subject} of {country_name(code)}", ActorType.GOVERNMENT, code, used + n + 1
    if len(rest) > 2 and rest[0] == _MINISTRY and rest[1] == _OF:
        for n in range(min(3, len(rest) - 2), 0, -1):
            subject = MINISTRY_SUBJECTS.get(tuple(rest[2 : 2 + n]))
            if subject:
                return (
                    f"Ministry of {subject} of {country_name(code)}",
                    ActorType.GOVERNMENT,
                    code,
                    used + 2 + n,
                )
    for n in range(min(3, len(rest)), 0, -1):
        head = GENERIC_HEADS.get(tuple(rest[:n]))
        if head:
            return head.template.format(country=country_name(code)), head.type, code, used + n
    return None


def _lookup(key: tuple[str, ...], index: ActorIndex) -> Entity | None:
    found = index.by_key.get(key)
    return index.entities[found] if found else None


def gazetteer_actor(name: str) -> Entity | None:
    """The gazetteer actor with this name or alias (any spelling), or None."""
    index = actor_gazetteer()
    key = name_key(name)
    return _lookup(key, index) or _lookup(person_key(key), index)


_EXTRACTED: dict[str, Entity] = {}


def actor_entity(name: str, actor_type: str | None = None) -> Entity:
    """The canonical actor for a name: gazetteer hit by alias, a generic state actor, else a new actor.

    New actors get id ``make_id("actor", normalised name)`` and origin "extracted"; the same spelling variants
    always give the same id.
    """
    index = actor_gazetteer()
    key = name_key(name)
    found = _lookup(key, index)
    if found is None and actor_type in (None, ActorType.PERSON):
        found = _lookup(person_key(key), index)
    if found is not None:
        return found
    generic = generic_actor(key)
    if generic is not None and generic[3] == len(key):
        canonical, gtype, code, _ = generic
        found = _lookup(name_key(canonical), index)
        if found is not None:
            return found
        return _new_actor(canonical, name_key(canonical), gtype, code, origin="generic")
    if actor_type == ActorType.PERSON:
        key = person_key(key)
        name = _strip_titles(name)
    return _new_actor(
        name.strip(), key, ActorType(actor_type) if actor_type else None, None, origin="extracted"
    )


def _strip_titles(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and name_words(parts[0]) and name_words(parts[0])[0] in TITLES:
        if name_words(parts[0])[0] in _KEEP_TITLE:
            break
        parts = parts[1:]
    return " ".join(parts)


def _new_actor(
    name: str, key: tuple[str, ...], actor_type: ActorType | None, country: str | None, origin: str
) -> Entity:
    entity_id = actor_id(key)
    cached = _EXTRACTED.get(entity_id)
    if cached is not None:
        if cached.type is None and actor_type is not None:
            cached.type = actor_type
        return cached
    entity = Entity(
        id=entity_id,
        kind=EntityKind.ACTOR,
        name=name,
        aliases=[],
        type=actor_type,
        country=country,
        parent_id=None,
        origin=origin,
    )
    if len(_EXTRACTED) < 50_000:
        _EXTRACTED[entity_id] = entity
    return entity


def place_authority(place_name: str) -> Entity | None:
    """The government actor for "<place> authorities" / "local council of <place>" (None if not a place)."""
    place = place_entity(place_name)
    if place is None:
        return None
    if place.type == PlaceLevel.COUNTRY and place.country:
        return actor_entity(f"Government of {place.name}")
    entity = _new_actor(
        f"Local authorities of {place.name}",
        name_key(f"local authorities of {place.name}"),
        ActorType.GOVERNMENT,
        place.country,
        origin="generic",
    )
    entity.attributes.setdefault("place_id", place.id)
    return entity


def contextual_actor(name: str, country: str) -> Entity | None:
    """A state actor written without its country ("Ministry of Defense", "government forces", "the National
    Guard"), read as the document's country's; None when the name is not such a phrase."""
    words = name_key(name)
    country_words = name_key(country_name(country))
    generic = generic_actor((*country_words, *words))
    if generic is not None and generic[3] == len(country_words) + len(words):
        return actor_entity(f"{country_name(country)} {name}")
    found = countryless_aliases().get(words, {}).get(country)
    return actor_gazetteer().entities[found] if found else None


@lru_cache(maxsize=1)
def countryless_aliases() -> dict[tuple[str, ...], dict[str, str]]:
    """Gazetteer aliases with their country taken off ("Mexico's National Guard", "National Guard of
    Ukraine" -> "national guard"), each to the actor of each country it names. Only names of two words or
    more, and only where one actor of that country has the name."""
    index = actor_gazetteer()
    found: dict[tuple[str, ...], dict[str, set[str]]] = {}
    for entity in index.entities.values():
        if not entity.country:
            continue
        for alias in (entity.name, *entity.aliases):
            key = name_key(alias)
            for bare in (
                _without_country_prefix(key, entity.country),
                _without_country_suffix(key, entity.country),
            ):
                if bare and len(bare) >= 2 and bare not in index.by_key:
                    found.setdefault(bare, {}).setdefault(entity.country, set()).add(entity.id)
    return {
        bare: {code: next(iter(ids)) for code, ids in by_country.items() if len(ids) == 1}
        for bare, by_country in found.items()
    }


def _without_country_prefix(key: tuple[str, ...], country: str) -> tuple[str, ...] | None:
    hit = match_country(key, 0)
    return key[hit[1] :] if hit and hit[0] == country else None


def _without_country_suffix(key: tuple[str, ...], country: str) -> tuple[str, ...] | None:
    for n in range(len(key) - 1, 0, -1):
        if key[n] == _OF:
            hit = match_country(key, n + 1)
            if hit and hit[0] == country and n + 1 + hit[1] == len(key):
                return key[:n]
    return None

"""One pass over a document's tokens that finds every gazetteer place and actor name.

The phrase index maps folded word tuples (``fogline.gazetteer.normalize``) to the places and actor they may
name; it is built once per process. Matching is greedy left to right, longest phrase first, no overlaps.
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from spacy.attrs import IDX, LOWER, ORTH, SENT_START, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from fogline.gazetteer.actors import ActorIndex, actor_gazetteer, is_acronym
from fogline.gazetteer.normalize import (
    ARTICLES,
    fold_word,
    light_key,
    light_word,
    name_key,
    name_words,
    strip_leading,
)
from fogline.gazetteer.places import PlaceIndex, place_gazetteer
from fogline.nlp.extensions import doc_text, doc_value
from fogline.schema import Entity, PlaceLevel

# Tokens skipped inside names (they never break a phrase): hyphens and apostrophes.
_SKIP = frozenset({"-", "–", "'", "’", "‘"})
# Words that may stay lowercase inside a capitalised name.
_LOWER_OK = frozenset(
    name_words("of for the and al el as ash ad ar az at an es ez ed ul de du des la le wal bin ibn")
)
# A capitalised word before a single-word city that makes it part of a person's or an organisation's name.
_PLACE_MODIFIERS = frozenset(
    name_words(
        "north south east west northern southern eastern western central greater upper lower rural "
        "downtown old new the in of to from and or near outside"
    )
)
_TITLES = frozenset(
    name_words(
        "mr mrs ms dr president gen general minister sen senator gov governor judge "
        "mayor king prince sheikh lord lady saint st"
    )
)
_SPEECH = frozenset(name_words("said says told added stated tweeted wrote"))
_DOWNGRADE_ORIGINS = frozenset({"geonames", "pycountry"})
# A currency sign glued to a country code makes it a currency ("US$4.2 billion"), not a place.
_CURRENCY = frozenset({"$", "€", "£", "¥"})


@dataclass
class Phrase:
    """What a folded word tuple may name."""

    place_ids: list[str] = field(default_factory=list)
    actor_id: str | None = None
    caps: list[bool] = field(default_factory=list)  # which words must be capitalised in the text
    acronym: bool = True  # every alias with this key is an acronym: match capitals only
    contextual: bool = False  # a lowercase actor alias ("state media"): only in its country's documents
    needs_article: bool = (
        True  # every alias with this key starts with an article ("al-Bab"): so must the text
    )


@dataclass
class PhraseIndex:
    """Folded keys for our gazetteers (``phrases``), light keys for the world lists (``light_phrases``);
    ``lengths`` maps a first word to the phrase lengths it starts, longest first."""

    phrases: dict[tuple[str, ...], Phrase] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    light_phrases: dict[tuple[str, ...], Phrase] = field(default_factory=dict)
    light_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    places: PlaceIndex = field(default_factory=PlaceIndex)
    actors: ActorIndex = field(default_factory=ActorIndex)


def _caps(alias: str, word_key: Callable[[str], str] = fold_word) -> tuple[tuple[str, ...], list[bool]]:
    """The key of an alias with, per key word, whether the alias capitalises it."""
    from fogline.gazetteer.normalize import _TOKENIZER

    if all(c.isalpha() or c == " " for c in alias):
        raw = alias.split()
    else:
        raw = [t.text for t in _TOKENIZER(alias.replace("-", " - "))]
    pairs = [(word_key(w), w[:1].isupper() or w[:1].isdigit()) for w in raw]
    pairs = [(k, c) for k, c in pairs if k]
    words = strip_leading(tuple(k for k, _ in pairs))
    caps = [c for _, c in pairs[len(pairs) - len(words) :]]
    return words, caps


def _add(
    index: PhraseIndex,
    alias: str,
    place_id: str | None = None,
    actor_id: str | None = None,
    world: bool = False,
) -> None:
    key, caps = _caps(alias, light_word if world else fold_word)
    if not key:
        return
    phrases = index.light_phrases if world else index.phrases
    phrase = phrases.get(key)
    if phrase is None:
        phrase = phrases[key] = Phrase(caps=caps)
    else:
        phrase.caps = [a and b for a, b in zip(phrase.caps, caps, strict=False)]
    phrase.acronym = phrase.acronym and is_acronym(alias)
    phrase.needs_article = phrase.needs_article and _has_article(alias)
    if place_id and place_id not in phrase.place_ids:
        phrase.place_ids.append(place_id)
    if actor_id and phrase.actor_id is None:
        phrase.actor_id = actor_id
        phrase.contextual = not any(caps)


def _has_article(alias: str) -> bool:
    first = alias.replace("-", " ").split()[:1]
    return bool(first) and len(alias.split()) + alias.count("-") > 1 and first[0].lower() in ARTICLES


@lru_cache(maxsize=1)
def phrase_index() -> PhraseIndex:
    """The phrase index over every place and actor name (built once per process)."""
    places, actors = place_gazetteer(), actor_gazetteer()
    index = PhraseIndex(places=places, actors=actors)
    for entity in places.entities.values():
        names = [entity.name, *entity.aliases]
        for name in names:
            if entity.id in places.by_key.get(name_key(name), []):
                _add(index, name, place_id=entity.id)
            if entity.id in places.by_light.get(light_key(name), []):
                _add(index, name, place_id=entity.id, world=True)
        if entity.type == PlaceLevel.ADMIN1:
            world = entity.origin != "gazetteer"
            for name in names:
                for suffix in ("state", "province", "governorate", "region", "oblast"):
                    _add(index, f"{name} {suffix}", place_id=entity.id, world=world)
                    _add(index, f"{name} {suffix.title()}", place_id=entity.id, world=world)
    for entity in actors.entities.values():
        for alias in [entity.name, *entity.aliases]:
            _add(index, alias, actor_id=entity.id)
    index.lengths = _lengths(index.phrases)
    index.light_lengths = _lengths(index.light_phrases)
    # The gazetteers and this index (~600k objects) live as long as the process: move everything built so far
    # out of the garbage collector's reach, else each full collection re-scans them (~0.5 s a time, a few
    # ms per document on average).
    gc.freeze()
    return index


def _lengths(phrases: dict[tuple[str, ...], Phrase]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in phrases:
        lengths.setdefault(key[0], set()).add(len(key))
    return {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}


@dataclass
class Match:
    start: int  # token offsets, end exclusive
    end: int
    phrase: Phrase
    key: tuple[str, ...]


@dataclass
class TokenTable:
    """Token texts, lowercase forms and sentence starts of a doc as plain lists (built once per doc: creating
    spaCy ``Token`` objects in loops is the slow part of rule matching)."""

    texts: list[str]
    lowers: list[str]
    sent_starts: list[int]  # token index of each sentence start, ascending
    positions: list[int]  # tokens that count in names (hyphens and apostrophes skipped)…
    keys: list[str]  # …and their folded keys
    light_keys: list[str]  # …and their light keys
    quotes: dict[int, str] = field(default_factory=dict)  # sentence start -> sentence text
    text: str = ""  # the doc's text (``Doc.text`` joins every token on each call)
    idx: list[int] = field(default_factory=list)  # character offset of each token
    spaces: list[bool] = field(default_factory=list)  # whether each token is followed by a space

    def token_range(self, start: int, end: int) -> range:
        """Tokens of the character span [start, end) (a token-aligned span: mentions, ``Span.start_char``)."""
        return range(max(0, bisect_right(self.idx, start) - 1), bisect_left(self.idx, end))

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds [start, end) of the sentence holding token ``i``."""
        k = bisect_right(self.sent_starts, i) - 1
        start = self.sent_starts[k] if k >= 0 else 0
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.texts)
        return start, end

    def sentences(self) -> list[tuple[int, int]]:
        bounds = [*self.sent_starts, len(self.texts)]
        return [(a, b) for a, b in pairwise(bounds) if a < b]


_WORD_CACHE: dict[int, tuple[str, str]] = {}  # ORTH id -> (folded key, light key)


def token_table(doc: Doc) -> TokenTable:
    """The doc's ``TokenTable`` (cached in ``doc.user_data`` while the doc keeps its length)."""
    cached = doc.user_data.get("fogline_tokens")
    if isinstance(cached, TokenTable) and len(cached.texts) == len(doc):
        return cached
    strings = doc.vocab.strings
    n = len(doc)
    columns: list[list[int]] = [[], [], [], [], []]
    if n:
        array = doc.to_array([ORTH, LOWER, SENT_START, IDX, SPACY])
        columns = [array[:, k].tolist() for k in range(5)]
    orths, lower_ids, sent_starts, idx, spaces = columns
    texts = [strings[o] for o in orths]
    lowers = [t if o == lo else strings[lo] for t, o, lo in zip(texts, orths, lower_ids, strict=True)]
    starts = [i for i, s in enumerate(sent_starts) if s == 1 or i == 0]
    positions = [i for i, t in enumerate(texts) if t not in _SKIP]
    cache = _WORD_CACHE
    pairs = [cache.get(orths[i]) or _word_keys(orths[i], texts[i]) for i in positions]
    table = TokenTable(
        texts,
        lowers,
        starts,
        positions,
        [pair[0] for pair in pairs],
        [pair[1] for pair in pairs],
        text=doc_text(doc),
        idx=idx,
        spaces=[s == 1 for s in spaces],
    )
    doc.user_data["fogline_tokens"] = table
    return table


def _word_keys(orth: int, text: str) -> tuple[str, str]:
    """The folded and light keys of a word not yet in ``_WORD_CACHE`` (then cached, up to a bound)."""
    pair = ("", "") if text.isspace() else (fold_word(text), light_word(text))
    if len(_WORD_CACHE) < 500_000:
        _WORD_CACHE[orth] = pair
    return pair


def token_keys(doc: Doc) -> tuple[list[int], list[str]]:
    """Positions and folded keys of the tokens that count in names (hyphens and apostrophes skipped)."""
    table = token_table(doc)
    return table.positions, table.keys


def sentence_text(doc: Doc, i: int) -> str:
    """The text of the sentence holding token ``i`` (cached per sentence)."""
    table = token_table(doc)
    start, end = table.sentence(i)
    quote = table.quotes.get(start)
    if quote is None:
        stop = table.idx[end - 1] + len(table.texts[end - 1])
        quote = table.quotes[start] = table.text[table.idx[start] : stop]
    return quote


def sentence_span(doc: Doc, i: int) -> Span:
    start, end = token_table(doc).sentence(i)
    return doc[start:end]


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _case_ok(texts: list[str], positions: list[int], p: int, phrase: Phrase) -> bool:
    words = [texts[positions[p + j]] for j in range(len(phrase.caps))]
    if phrase.acronym:
        return all(w.isupper() or not any(c.isalpha() for c in w) for w in words)
    if phrase.contextual:
        return True
    if not _capitalised(words[0]):
        return False
    return all(_capitalised(w) or not need for w, need in zip(words, phrase.caps, strict=True))


def find_matches(doc: Doc, index: PhraseIndex | None = None) -> list[Match]:
    """Every gazetteer phrase in the document, longest first at each position, without overlaps.

    Our gazetteers match on folded keys (spelling variants), the world lists on light keys; at equal length
    the two merge (our entries first)."""
    index = index or phrase_index()
    table = token_table(doc)
    positions, keys, lights, texts = table.positions, table.keys, table.light_keys, table.texts
    own_lengths, world_lengths = index.lengths, index.light_lengths
    own_phrases, world_phrases = index.phrases, index.light_phrases
    matches: list[Match] = []
    n = len(keys)
    # only the positions whose word starts some phrase need a look (a third of them in news text)
    starts = [p for p in range(n) if keys[p] in own_lengths or lights[p] in world_lengths]
    free = 0  # the first position not inside an earlier match
    for p in starts:
        if p < free:
            continue
        own_lens = own_lengths.get(keys[p], ())
        world_lens = world_lengths.get(lights[p], ())
        lens = (
            own_lens
            if not world_lens
            else world_lens
            if not own_lens
            else sorted({*own_lens, *world_lens})[::-1]
        )
        for length in lens:
            if p + length > n:
                continue
            # a phrase of this length starting with this word exists only if its first word lists the length
            key = tuple(keys[p : p + length])
            own = own_phrases.get(key) if length in own_lens else None
            world = world_phrases.get(tuple(lights[p : p + length])) if length in world_lens else None
            if (own is None and world is None) or not _sentence_ok(table, positions, p, length):
                continue
            own = own if own is not None and _case_ok(texts, positions, p, own) else None
            world = world if world is not None and _case_ok(texts, positions, p, world) else None
            phrase = _merge(own, world)
            if phrase is None:
                continue
            start = _with_article(doc, positions[p])
            if phrase.needs_article and start == positions[p]:
                continue
            matches.append(Match(start, positions[p + length - 1] + 1, phrase, key))
            free = p + length
            break
    return matches


def _merge(own: Phrase | None, world: Phrase | None) -> Phrase | None:
    if own is None or world is None:
        return own or world
    return Phrase(
        place_ids=own.place_ids + [i for i in world.place_ids if i not in own.place_ids],
        actor_id=own.actor_id,
        caps=own.caps,
        acronym=own.acronym and world.acronym,
        contextual=own.contextual,
        needs_article=own.needs_article and world.needs_article,
    )


def _sentence_ok(table: TokenTable, positions: list[int], p: int, length: int) -> bool:
    """A phrase must not run across a sentence boundary."""
    if length == 1:
        return True
    return table.sentence(positions[p])[1] > positions[p + length - 1]


def _with_article(doc: Doc, i: int) -> int:
    """Extend a name back over a written Arabic article ("al-Bab", "Al Bab")."""
    if i < 1:
        return i
    table = token_table(doc)
    texts = table.texts
    if i >= 2 and texts[i - 1] in _SKIP and table.lowers[i - 2] in ARTICLES:
        return i - 2
    if texts[i - 1] in ("Al", "El", "al", "el") and table.spaces[i - 1]:
        return i - 1
    return i


def likely_not_place(doc: Doc, match: Match, entity: Entity) -> bool:
    """A single-word city from the world lists that reads as part of a person's name or a speaker, or an
    English function word ("We", "Is"); a country code glued to a currency sign ("US$")."""
    table = token_table(doc)
    texts = table.texts
    if texts[match.end - 1][-1:] in _CURRENCY or (
        match.end < len(texts) and texts[match.end][:1] in _CURRENCY and not table.spaces[match.end - 1]
    ):
        return True
    if entity.origin not in _DOWNGRADE_ORIGINS or entity.type == PlaceLevel.COUNTRY:
        return False
    if match.end - match.start != 1:
        return False
    if doc[match.start].lower_ in STOP_WORDS:
        return True
    before = doc[match.start - 1] if match.start > 0 else None
    after = doc[match.end] if match.end < len(doc) else None
    if before is not None and not doc[match.start].is_sent_start:
        word = fold_word(before.text)
        if word in _TITLES or (
            before.text[:1].isupper() and word not in _PLACE_MODIFIERS and before.is_alpha
        ):
            return True
    if after is not None and after.is_alpha and after.text[:1].isupper() and not after.is_sent_start:
        return True
    return after is not None and fold_word(after.text) in _SPEECH


CONTEXT_FREE_POPULATION = 100_000


def needs_context(places: PlaceIndex, place_id: str, single_word: bool) -> bool:
    """A place from the world lists that counts only in documents about its country: every town below
    15,000 people, and one-word towns and provinces below 100,000 (one-word names collide with common words,
    names and other countries' towns: "Date", "Roman", "Madaya")."""
    entity = places.entities[place_id]
    if entity.origin == "gazetteer" or entity.type == PlaceLevel.COUNTRY:
        return False
    if entity.attributes.get("minor"):
        return True
    return single_word and places.population.get(place_id, 0) < CONTEXT_FREE_POPULATION


def country_context(doc: Doc, matches: list[Match], index: PhraseIndex) -> Counter[str]:
    """Countries the document is about: unambiguous place names, actors' countries and adjectives."""
    counts: Counter[str] = Counter()
    for m in matches:
        ids = [i for i in m.phrase.place_ids if not needs_context(index.places, i, len(m.key) == 1)]
        countries = {index.places.entities[i].country for i in ids}
        if len(countries) == 1 and ids:
            counts[next(iter(countries)) or ""] += 1
        elif m.phrase.actor_id and not m.phrase.contextual:
            country = index.actors.entities[m.phrase.actor_id].country
            if country:
                counts[country] += 1
    table = token_table(doc)
    adjectives = _one_word_adjectives(index.actors)
    texts = table.texts
    for i, key in zip(table.positions, table.keys, strict=True):
        if key in adjectives and texts[i][:1].isupper():
            counts[adjectives[key]] += 1
    # two different world-list names of the same country vouch for each other ("Djendel, Skikda")
    weak: Counter[str] = Counter()
    for m in matches:
        weak.update({index.places.entities[i].country or "" for i in m.phrase.place_ids})
    for code, n in weak.items():
        if n >= 2 and code not in counts:
            counts[code] = 1
    # a country the document's metadata names (a feed or collection about one country)
    meta = doc_value(doc, "document").meta if doc_value(doc, "document") is not None else {}
    hint = meta.get("country") if isinstance(meta, dict) else None
    if isinstance(hint, str) and hint.strip():
        hinted = _country_code(hint, index)
        if hinted:
            counts[hinted] += 1
    counts.pop("", None)
    return counts


_ADJECTIVE_WORDS: dict[int, tuple[ActorIndex, dict[str, str]]] = {}  # id(actor index) -> one-word adjectives


def _one_word_adjectives(actors: ActorIndex) -> dict[str, str]:
    """The one-word keys of ``actors.countries`` ("syrian" -> "SY"), computed once per actor index (built
    once, never changed)."""
    cached = _ADJECTIVE_WORDS.get(id(actors))
    if cached is None or cached[0] is not actors:
        words = {key[0]: code for key, code in actors.countries.items() if len(key) == 1}
        cached = _ADJECTIVE_WORDS[id(actors)] = (actors, words)
    return cached[1]


def _country_code(name: str, index: PhraseIndex) -> str | None:
    if len(name) == 2 and name.isalpha():
        return name.upper()
    for pid in index.places.lookup(name):
        entity = index.places.entities[pid]
        if entity.type == PlaceLevel.COUNTRY:
            return entity.country
    return None

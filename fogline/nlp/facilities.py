"""``fogline.facilities.v1``: hospitals, schools, mosques… attacked, damaged, destroyed, closed, evacuated.

Rule-based over each sentence's text (no parser). A facility is a noun from the lexicon
(``data/facilities.json``), named when capitalised words precede it ("Kamal Adwan Hospital", "al-Shifa
hospital") and generic otherwise ("schools", "the only functioning hospital"). A status is recorded only when
a cue governs the facility: an active verb or an attack noun right before it ("shelled the school",
"strikes on markets"), a passive or state phrase right after it ("the clinic was looted", "… is out of
service"), or the list it stands in ("targeting mosques, schools and bakeries"). Negated, hypothetical and
questioned cues are dropped. "the hospital" after a named hospital in the same document is that hospital.

Named facilities become a FACILITY ``Mention`` and an ``Entity`` (kind facility) whose id is
``make_id("facility", name key, country)``, so the same hospital named in two reports about one country is one
entity; ``parent_id`` is the nearest place mentioned in the sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from fogline.gazetteer.normalize import key_string
from fogline.nlp.extensions import doc_entities, doc_list, document_id, register_extensions
from fogline.schema import (
    DatePrecision,
    Entity,
    EntityKind,
    FacilityImpact,
    FacilityStatus,
    Mention,
    make_id,
)

EXTRACTOR = "fogline.facilities.v1"
DATA = Path(__file__).with_name("data") / "facilities.json"

_NEGATION = re.compile(r"\b(?:not|never|no|without|neither|nor|n't|denied|deny|denies)\b", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|could|might|would|may|threaten(?:s|ed|ing)?\s+to|plans?\s+to|planning\s+to|risk(?:s|ed)?|"
    r"feared|fears?|whether|unless)\b",
    re.I,
)
_PREPOSITIONS = frozenset(
    (
        *("from", "of", "in", "to", "near", "with", "by", "for", "at", "after", "before", "around"),
        *("outside", "inside", "behind", "beside", "close", "next", "across", "into", "onto"),
        *("toward", "towards"),
    )
)
_TAKE_SHELTER = re.compile(r"\b(?:take|took|taking|takes|seek|sought|seeking|find|found|finding)\s+$", re.I)
_AUX = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been|being|got|gets|get|having\s+been)"
_ADVERBS = r"(?:(?:\w+ly|also|again|reportedly|now|since|then|partially|partly|fully|badly|heavily)\s+)*"
_NAME_WORD = r"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]r|[Aa]n|[Aa]z)[-‑‐])?[A-Z][\w'’.&-]*"
_NAME_LINK = r"(?:\s+(?:al|el|bin|ibn|of|de|du|la|le|the)(?=\s+[A-Z]))?"


@dataclass(frozen=True)
class Sentence:
    """A sentence as text and character offsets (what the rule-based components need of it)."""

    text: str
    start_char: int
    end_char: int


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (the property joins every token on each access)."""
    text = doc.user_data.get("fogline.text")
    if text is None:
        text = doc.user_data["fogline.text"] = doc.text
    return str(text)


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc`` from the token array (no Token objects: much cheaper than ``doc.sents``)."""
    if not len(doc):
        return []
    rows = doc.to_array([IDX, SENT_START]).tolist()
    starts = [0] + [idx for idx, start in rows[1:] if start == 1]
    full = doc_text(doc)
    ends = [*starts[1:], len(full)]
    out = []
    for start, end in zip(starts, ends, strict=True):
        text = full[start:end].rstrip()
        out.append(Sentence(text, start, start + len(text)))
    return out


@dataclass
class _Lexicon:
    noun_type: dict[str, str]  # noun form (lowercase) -> facility type
    noun_re: re.Pattern[str]
    named_only: frozenset[str]
    generic_words: frozenset[str]
    before: list[tuple[re.Pattern[str], FacilityStatus]]
    after: list[tuple[re.Pattern[str], FacilityStatus]]


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The facility lexicon, compiled once."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    noun_type = {noun.lower(): ftype for ftype, nouns in data["types"].items() for noun in nouns}
    noun_re = re.compile(rf"\b(?:{_alternation(list(noun_type))})\b", re.I)
    before: list[tuple[re.Pattern[str], FacilityStatus]] = []
    after: list[tuple[re.Pattern[str], FacilityStatus]] = []
    for status_name, cues in data["status"].items():
        status = FacilityStatus(status_name)
        if cues["active"]:
            before.append((re.compile(rf"\b(?:{_alternation(cues['active'])})\b", re.I), status))
        if cues["nouns"]:
            nouns = _alternation(cues["nouns"])
            before.append(
                (re.compile(rf"\b(?:{nouns})(?:\s+(?:on|of|against|targeting|at|in)\b)?", re.I), status)
            )
        if cues["passive"]:
            passive = _alternation(cues["passive"])
            after.append((re.compile(rf"^[^.;:]{{0,40}}?\b{_AUX}\s+{_ADVERBS}(?:{passive})\b", re.I), status))
        if cues["after"]:
            state = _alternation(cues["after"])
            after.append((re.compile(rf"^[^.;:]{{0,80}}?\b(?:{state})\b", re.I), status))
    return _Lexicon(
        noun_type=noun_type,
        noun_re=noun_re,
        named_only=frozenset(w.lower() for w in data["named_only"]),
        generic_words=frozenset(w.lower() for w in data["generic_name_words"]),
        before=before,
        after=after,
    )


@dataclass
class FacilityRef:
    """A facility noun found in a sentence (offsets relative to the sentence text)."""

    start: int
    end: int
    text: str
    noun: str
    ftype: str
    name: str | None = None  # display name for named facilities
    plural: bool = False
    definite: bool = False  # "the hospital": may refer back to a named one


_NAME_BEFORE = re.compile(rf"((?:{_NAME_WORD}{_NAME_LINK}\s+){{1,5}})$")


def find_facilities(text: str) -> list[FacilityRef]:
    """Facility nouns in a sentence, named ones with their name, left to right."""
    lex = lexicon()
    refs: list[FacilityRef] = []
    titlecase = _is_titlecase(text)
    for match in lex.noun_re.finditer(text):
        noun = re.sub(r"\s+", " ", match.group(0))
        low = noun.lower()
        ftype = lex.noun_type.get(low, "")
        plural = (low.endswith("s") and low[:-1] in lex.noun_type) or low.endswith(("ies", "ches", "ses"))
        ref = FacilityRef(match.start(), match.end(), noun, noun, ftype, plural=plural)
        head = text[: match.start()]
        name_match = _NAME_BEFORE.search(head)
        if name_match and not plural and not titlecase:
            words = name_match.group(1).split()
            while words and words[0].lower().strip("'’") in lex.generic_words:
                words = words[1:]
            if words and not all(w.lower() in lex.generic_words for w in words):
                name_start = match.start() - len(name_match.group(1)) + name_match.group(1).index(words[0])
                ref.start = name_start
                ref.text = text[name_start : match.end()]
                ref.name = " ".join([*words, noun[:1].upper() + noun[1:]])
        if ref.name is None:
            if low in lex.named_only:
                continue
            if _TAKE_SHELTER.search(head):
                continue  # "took shelter"
            ref.definite = bool(re.search(r"\bthe\s+$", head, re.I)) and not plural
        refs.append(ref)
    return refs


def _is_titlecase(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.8


def _clean_gap(gap: str) -> bool:
    """True when the words between a cue and a facility may sit inside one noun phrase."""
    words = re.findall(r"[\w'’-]+", gap.lower())
    return not any(w in _PREPOSITIONS for w in words) and not re.search(r"[,;:.]", gap.strip(" “”\"'‘’"))


def status_of(text: str, ref: FacilityRef, next_start: int) -> FacilityStatus | None:
    """The status a cue around ``ref`` gives it, or None (negated and hypothetical cues give None)."""
    lex = lexicon()
    head = text[: ref.start]
    window_start = max(0, ref.start - 90)
    cues = [
        (match.end(), match.start(), status)
        for pattern, status in lex.before
        for match in pattern.finditer(head, window_start)
    ]
    for cue_end, cue_start, status in sorted(cues, reverse=True):
        gap = head[cue_end:]
        if len(re.findall(r"[\w'’-]+", gap)) > 4 or not _clean_gap(gap):
            continue
        clause = head[max(0, cue_start - 40) : cue_start].split(",")[-1]
        if _NEGATION.search(gap) or _HYPOTHETICAL.search(clause) or _NEGATION.search(clause[-14:]):
            return None
        return status
    tail = text[ref.end : next_start]
    for pattern, status in lex.after:
        match = pattern.search(tail)
        if match is None:
            continue
        between = tail[: match.end()]
        clause = head.split(",")[-1][-40:]
        if _NEGATION.search(_strip_cue_negation(between)) or _HYPOTHETICAL.search(between + " " + clause):
            return None
        return status
    return None


def _strip_cue_negation(text: str) -> str:
    return re.sub(r"\b(?:no\s+longer|non-?functional)\b", " ", text, flags=re.I)


def _list_gap(gap: str) -> bool:
    """The words between two facilities of one list ("mosques, schools and")."""
    return bool(_LIST_GAP.fullmatch(gap))


_LIST_GAP = re.compile(
    r"\s*[”\"']?\s*(?:,|,?\s+(?:and|or|as\s+well\s+as))\s*(?:(?:the|a|an|two|several)\s+)?"
)


@dataclass
class _Named:
    entity: Entity
    ftype: str


class FacilityExtractor:
    """Finds facility impacts sentence by sentence."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        impacts = doc_list(doc, "facility_impacts")
        last_named: dict[str, _Named] = {}
        country = _document_country(doc)
        for sent in sentences(doc):
            try:
                impacts.extend(self._sentence(doc, sent, last_named, country))
            except Exception as exc:  # one bad sentence must not stop the document
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        return doc

    def _sentence(
        self, doc: Doc, sent: Sentence, last_named: dict[str, _Named], country: str | None
    ) -> list[FacilityImpact]:
        text = sent.text
        if text.rstrip().endswith("?"):
            return []
        refs = find_facilities(text)
        if not refs:
            return []
        out: list[FacilityImpact] = []
        offset = sent.start_char
        previous_status: FacilityStatus | None = None
        previous_end = -1
        for i, ref in enumerate(refs):
            next_start = refs[i + 1].start if i + 1 < len(refs) else len(text)
            # a generic noun in apposition to a named one ("the only hospital, X Hospital,") is that one
            if (
                ref.name is None
                and i + 1 < len(refs)
                and refs[i + 1].name
                and re.fullmatch(r"\s*,?\s*", text[ref.end : refs[i + 1].start])
            ):
                continue
            status = status_of(text, ref, next_start)
            if status is None and previous_status is not None and _list_gap(text[previous_end : ref.start]):
                status = previous_status
            previous_status, previous_end = status, ref.end
            named = self._named(doc, ref, sent, last_named, country)
            if status is None:
                continue
            start, end = offset + ref.start, offset + ref.end
            date, precision = sentence_date(doc, sent.start_char, sent.end_char)
            place_id = named.entity.parent_id if named else nearest_place(doc, sent, start, end)
            facility = named.entity.name if named else ref.text
            out.append(
                FacilityImpact(
                    id=make_id(document_id(doc), EXTRACTOR, start, end, facility, status.value),
                    document_id=document_id(doc),
                    start=start,
                    end=end,
                    quote=text.strip(),
                    extractor=EXTRACTOR,
                    confidence=0.8 if named else 0.6,
                    facility_id=named.entity.id if named else None,
                    facility=facility,
                    facility_type=ref.ftype,
                    status=status,
                    place_id=place_id,
                    date_start=date,
                    date_precision=precision,
                )
            )
        return out

    def _named(
        self, doc: Doc, ref: FacilityRef, sent: Sentence, last_named: dict[str, _Named], country: str | None
    ) -> _Named | None:
        """The facility entity a reference names or refers back to (adds its mention and entity)."""
        if ref.name is None:
            return last_named.get(ref.ftype) if ref.definite else None
        start, end = sent.start_char + ref.start, sent.start_char + ref.end
        place_id = nearest_place(doc, sent, start, end)
        entity = facility_entity(ref.name, ref.ftype, doc, place_id, country)
        doc_list(doc, "mentions").append(
            Mention(
                id=make_id(document_id(doc), EXTRACTOR, start, end, entity.id),
                document_id=document_id(doc),
                start=start,
                end=end,
                quote=ref.text,
                extractor=EXTRACTOR,
                label="FACILITY",
                text=ref.text,
                entity_id=entity.id,
                attributes={"type": ref.ftype},
            )
        )
        named = _Named(entity, ref.ftype)
        last_named[ref.ftype] = named
        return named


def facility_entity(name: str, ftype: str, doc: Doc, place_id: str | None, country: str | None) -> Entity:
    """The facility entity for a name (reused when already on the document)."""
    entities = doc_entities(doc)
    entity_id = make_id("facility", key_string(name), country or "")
    entity = entities.get(entity_id)
    if entity is None:
        entity = Entity(
            id=entity_id,
            kind=EntityKind.FACILITY,
            name=name,
            type=ftype,
            country=country,
            parent_id=place_id,
            origin="extracted",
        )
        entities[entity_id] = entity
    else:
        if name not in entity.aliases and name != entity.name:
            entity.aliases.append(name)
        if entity.parent_id is None:
            entity.parent_id = place_id
    return entity


def _document_country(doc: Doc) -> str | None:
    """The country most place mentions of the document lie in."""
    entities = doc._.entities or {}
    counts: dict[str, int] = {}
    for mention in doc._.mentions or []:
        if mention.label != "PLACE" or mention.entity_id is None:
            continue
        entity = entities.get(mention.entity_id)
        if entity is not None and entity.country:
            counts[entity.country] = counts.get(entity.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


_IN_PLACE = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?")


def nearest_place(doc: Doc, sent: Sentence | None, start: int, end: int) -> str | None:
    """The entity id of the place mention nearest to [start, end) in the sentence (after "in"/"at" first)."""
    if sent is None:
        return None
    places = [
        m
        for m in doc._.mentions or []
        if m.label == "PLACE" and m.entity_id and m.start >= sent.start_char and m.end <= sent.end_char
    ]
    if not places:
        return None
    text = doc_text(doc)
    after = [m for m in places if m.start >= end and _IN_PLACE.fullmatch(text[end : m.start])]
    inside = [m for m in places if m.start >= start and m.end <= end]
    best = (after or inside or sorted(places, key=lambda m: min(abs(m.start - end), abs(start - m.end))))[0]
    return best.entity_id


def sentence_date(doc: Doc, start: int, end: int) -> tuple[str | None, DatePrecision | None]:
    """The resolved date mentioned in [start, end): an "on" date first, else the first one."""
    dates = [
        m
        for m in (doc._.dates or [m for m in doc._.mentions or [] if m.label == "DATE"])
        if m.start >= start and m.end <= end and m.value
    ]
    if not dates:
        return None, None
    dates.sort(key=lambda m: (m.attributes.get("relation", "on") != "on", m.start))
    best = dates[0]
    precision = DatePrecision(best.precision) if best.precision in DatePrecision._value2member_map_ else None
    return best.value, precision


@Language.factory(
    "fogline_facilities_v1", requires=["token.is_sent_start"], assigns=["doc._.facility_impacts"]
)
def make_facility_extractor(nlp: Language, name: str) -> FacilityExtractor:
    register_extensions()
    return FacilityExtractor()

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

from spacy.language import Language
from spacy.tokens import Doc

from fogline.gazetteer.normalize import key_string
from fogline.nlp.extensions import (
    doc_entities,
    doc_list,
    doc_text,
    doc_value,
    document_id,
    register_extensions,
)
from fogline.nlp.fastre import BULLET_MARK, alternation, with_first_char_filter
from fogline.nlp.gazetteer_match import token_table
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
_DENIAL = re.compile(r"\b(?:denied|denies|deny|denying|refuted|dismissed\s+(?:claims|reports))\b", re.I)
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


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of ``doc`` from the token table (no Token objects: much cheaper than ``doc.sents``),
    built once per doc (facilities, agreements and statements all read them)."""
    if not len(doc):
        return []
    cached = doc.user_data.get("fogline.sentences")
    if cached is not None and cached[0] == len(doc):
        return list(cached[1])
    table = token_table(doc)
    full = table.text
    starts = [table.idx[i] for i in table.sent_starts]
    ends = [*starts[1:], len(full)]
    out = []
    for start, end in zip(starts, ends, strict=True):
        text = full[start:end].rstrip()
        out.append(Sentence(text, start, start + len(text)))
    doc.user_data["fogline.sentences"] = (len(doc), out)
    return list(out)


@dataclass
class _Lexicon:
    noun_type: dict[str, str]  # noun form (lowercase) -> facility type
    noun_re: re.Pattern[str]
    named_only: frozenset[str]
    generic_words: frozenset[str]
    before: list[tuple[re.Pattern[str], FacilityStatus]]
    after: list[tuple[re.Pattern[str], FacilityStatus]]
    # the first words of the nouns (None: some noun is not plain lowercase words, no quick check)
    first_words: frozenset[str] | None = None


# Non-ASCII letters that ``re.IGNORECASE`` matches to ASCII ones ("ſ" to "s", the Kelvin sign to "k"…): a text
# with one of them skips the quick check below.
_CASE_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")
_ALNUM_RUN = re.compile(r"[a-z0-9]+")
_PLAIN_NOUN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def _may_name_facility(text: str, lex: _Lexicon) -> bool:
    """False when no facility noun can occur in ``text``: none of the nouns' first words is a word of it
    (a cheap test that lets most sentences skip the long noun alternation)."""
    if lex.first_words is None or _CASE_SPECIAL.search(text):
        return True
    return not lex.first_words.isdisjoint(_ALNUM_RUN.findall(text.lower()))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The facility lexicon, compiled once."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    noun_type = {noun.lower(): ftype for ftype, nouns in data["types"].items() for noun in nouns}
    noun_re = with_first_char_filter(re.compile(rf"\b(?:{alternation(list(noun_type))})\b", re.I))
    before: list[tuple[re.Pattern[str], FacilityStatus]] = []
    after: list[tuple[re.Pattern[str], FacilityStatus]] = []
    for status_name, cues in data["status"].items():
        status = FacilityStatus(status_name)
        if cues["active"]:
            active = re.compile(rf"\b(?:{alternation(cues['active'])})\b", re.I)
            before.append((with_first_char_filter(active), status))
        if cues["nouns"]:
            nouns = alternation(cues["nouns"])
            noun_cue = re.compile(rf"\b(?:{nouns})(?:\s+(?:on|of|against|targeting|at|in)\b)?", re.I)
            before.append((with_first_char_filter(noun_cue), status))
        if cues["passive"]:
            passive = alternation(cues["passive"])
            after.append((re.compile(rf"^[^.;:]{{0,40}}?\b{_AUX}\s+{_ADVERBS}(?:{passive})\b", re.I), status))
        if cues["after"]:
            state = alternation(cues["after"])
            after.append((re.compile(rf"^[^.;:]{{0,80}}?\b(?:{state})\b", re.I), status))
    return _Lexicon(
        noun_type=noun_type,
        noun_re=noun_re,
        named_only=frozenset(w.lower() for w in data["named_only"]),
        generic_words=frozenset(w.lower() for w in data["generic_name_words"]),
        before=before,
        after=after,
        first_words=frozenset(n.split()[0] for n in noun_type)
        if noun_type and all(_PLAIN_NOUN.fullmatch(n) for n in noun_type)
        else None,
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


_NAME_BEFORE = with_first_char_filter(re.compile(rf"((?:{_NAME_WORD}{_NAME_LINK}\s+){{1,5}})$"))


def find_facilities(text: str) -> list[FacilityRef]:
    """Facility nouns in a sentence, named ones with their name, left to right."""
    lex = lexicon()
    refs: list[FacilityRef] = []
    if not _may_name_facility(text, lex):
        return refs
    titlecase: bool | None = None  # read at the first named facility
    for match in lex.noun_re.finditer(text):
        noun = re.sub(r"\s+", " ", match.group(0))
        low = noun.lower()
        ftype = lex.noun_type.get(low, "")
        plural = (low.endswith("s") and low[:-1] in lex.noun_type) or low.endswith(("ies", "ches", "ses"))
        ref = FacilityRef(match.start(), match.end(), noun, noun, ftype, plural=plural)
        head = text[: match.start()]
        name_match = _NAME_BEFORE.search(head)
        if name_match and not plural and titlecase is None:
            titlecase = _is_titlecase(text)
        if name_match and not plural and not titlecase:
            words = name_match.group(1).split()
            while words and words[0].lower().strip("'’") in lex.generic_words:
                words = words[1:]
            if words and not all(w.lower() in lex.generic_words for w in words):
                name_start = match.start() - len(name_match.group(1)) + name_match.group(1).index(words[0])
                ref.start = name_start
                ref.text = text[name_start : match.end()]
                ref.name = " ".join([*words, *(w[:1].upper() + w[1:] for w in noun.split())])
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


_PARTITIVE = re.compile(
    r"\b(?:one|two|three|several|some|many|all)\s+of\s+(?=(?:the|its|their|our|his|her)\b)", re.I
)
# "killed 44 worshippers at a mosque", "gunned down three people inside the clinic": the site was attacked
_KILLED_AT = re.compile(
    r"\b(?:killed|killing|kills|massacred|massacring|shot\s+dead|gunned\s+down|opened\s+fire\s+on)"
    r"(?:\s+(?!(?:were|was|are|is|been|being|had|have|has|taken|brought|transferred|rushed|admitted|treated)\b)"
    r"[\w'’-]+){0,4}?\s+(?:at|in|inside)\s+(?:the|a|an)\s+$",
    re.I,
)


def _clean_gap(gap: str) -> bool:
    """True when the words between a cue and a facility may sit inside one noun phrase ("one of its" too)."""
    gap = _PARTITIVE.sub(" ", gap)
    words = re.findall(r"[\w'’-]+", gap.lower())
    return not any(w in _PREPOSITIONS for w in words) and not re.search(r"[,;:.]", gap.strip(" “”\"'‘’"))


def status_before(text: str, ref: FacilityRef) -> FacilityStatus | bool | None:
    """The status an active verb or attack noun right before ``ref`` gives it (False: a negated or
    hypothetical cue, which blocks the facility's other cues too)."""
    lex = lexicon()
    head = text[: ref.start]
    window_start = max(0, ref.start - 90)
    cues = [
        (match.end(), match.start(), status)
        for pattern, status in lex.before
        for match in pattern.finditer(head, window_start)
    ]
    killed = _KILLED_AT.search(head, window_start)
    if killed is not None:
        cues.append((len(head), killed.start(), FacilityStatus.ATTACKED))
    for cue_end, cue_start, status in sorted(cues, reverse=True):
        gap = head[cue_end:]
        if len(_WORD.findall(gap)) > 4 or not _clean_gap(gap):
            continue
        clause = head[max(0, cue_start - 40) : cue_start].split(",")[-1]
        if _NEGATION.search(gap) or _HYPOTHETICAL.search(clause) or _NEGATION.search(clause[-14:]):
            return False
        if _DENIAL.search(clause):  # "X denied that its army had shelled a school"
            return False
        if (
            status == FacilityStatus.BESIEGED
            and _ENCIRCLED.fullmatch(head[cue_start:cue_end])
            and _RAID.search(text)
        ):
            return FacilityStatus.ATTACKED  # "surrounded the mosque … before opening fire": a raid, no siege
        return status
    return None


_ENCIRCLED = re.compile(r"surround(?:ed|ing)|encircl(?:ed|ing)", re.I)
_RAID = re.compile(
    r"\b(?:open(?:ed|ing)\s+fire|kill(?:ed|ing)|shot|shooting|massacr\w*|set(?:ting)?\s+(?:fire|ablaze)|"
    r"torch(?:ed|ing)|burn(?:ed|t|ing)|stormed|storming|looted|looting|abduct(?:ed|ing))\b",
    re.I,
)


def statuses_after(text: str, ref: FacilityRef, stop: int) -> list[FacilityStatus] | bool:
    """The statuses passive or state phrases after ``ref`` (up to ``stop``) give it, in text order
    ("was hit twice and has stopped functioning"); False when a cue is negated or hypothetical."""
    lex = lexicon()
    tail = text[ref.end : stop]
    closing = _APPOSITIVE_END.match(tail)
    if closing:  # "X Hospital, the last hospital still working in the city, was hit": skip to the verb
        tail = tail[closing.end() :]
    clause = text[: ref.start].split(",")[-1][-40:]
    found: list[tuple[int, FacilityStatus]] = []
    for pattern, status in lex.after:
        match = pattern.search(tail)
        if match is None:
            continue
        between = tail[: match.end()]
        if _NEGATION.search(_strip_cue_negation(between)) or _HYPOTHETICAL.search(between + " " + clause):
            return False
        found.append((match.end(), status))
    return list(dict.fromkeys(status for _, status in sorted(found, key=lambda f: f[0])))


def status_of(text: str, ref: FacilityRef, next_start: int) -> FacilityStatus | None:
    """The first status cued around ``ref`` (None when none, or when negated or hypothetical)."""
    before = status_before(text, ref)
    if before is False:
        return None
    if isinstance(before, FacilityStatus):
        return before
    after = statuses_after(text, ref, next_start)
    return after[0] if isinstance(after, list) and after else None


_WORD = re.compile(r"[\w'’-]+")
# The rest of an appositive or relative clause, closed by a comma right before the main verb's auxiliary.
_APPOSITIVE_END = re.compile(rf"^[^,;.()]{{1,70}},\s*(?={_AUX}\b)", re.I)
# "the rising number of attacks on shelters", "a pattern of strikes against hospitals": a trend, no site.
_GENERIC_PLURAL = re.compile(
    r"\b(?:number|rise|increase|surge|spate|pattern|series)\s+(?:in|of)\s+"
    r"(?:attacks|strikes|airstrikes|air\s+strikes|raids|bombings|assaults)\s+(?:on|against|targeting)\s+$",
    re.I,
)
_LOCATIVE = re.compile(r"\b(?:in|at|inside|near|outside|of|around|behind)\s+(?:the\s+|a\s+)?$", re.I)
_APPOSITIVE_GAP = re.compile(r"\s*,\s*(?:the|its|a|an)\b[^,;.]{0,50}$", re.I)


def _strip_cue_negation(text: str) -> str:
    return re.sub(r"\b(?:no\s+longer|non-?functional)\b", " ", text, flags=re.I)


def _list_gap(gap: str) -> bool:
    """The words between two facilities of one list ("mosques, schools and")."""
    return bool(_LIST_GAP.fullmatch(gap))


_LIST_GAP = re.compile(
    r"\s*[”\"']?\s*(?:,|,?\s+(?:and|or|as\s+well\s+as))\s*"
    r"(?:(?:the|a|an|two|several|nearby|other|local|only|its|their)\s+){0,2}"
)


# A line that introduces a list of demands ("They called on all parties to:") and the bullet items under it:
# the items say what should happen, not what happened.
_DEMAND_LEAD = re.compile(
    r"^[^\n]*\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|"
    r"appeal(?:s|ed|ing)?|ask(?:s|ed|ing)?|recommend(?:s|ed|ing)?|must|should|need\s+to)\b[^\n]*:[ \t]*\n",
    re.I | re.M,
)
_BULLET_ITEM = re.compile(r"(?:[ \t]*\n)*[ \t]*" + BULLET_MARK + r"[ \t]+[^\n]*\n?")
# "stop attacks on hospitals", "attacked at least 40 times": a demand or a tally, no particular site
_DEMANDED_STOP = re.compile(
    r"\b(?:stop|end|halt|cease|refrain\s+from|prevent|protect\s+\w+\s+from)\s+(?:\w+\s+){0,2}"
    r"(?:attacks|strikes|bombings?|shelling|targeting|raids)\s+(?:on|against|of)\s+(?:\w+\s+)?"
    r"(?:[\w'’-]+(?:\s+[\w'’-]+){0,2}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?)*$",
    re.I,
)
_TIMES = re.compile(r"\b(?:\d[\d,]*|dozens\s+of|hundreds\s+of|several|many)\s+times\b", re.I)


def demand_list_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of bullet lists introduced by an appeal line ending with ":" (cached per doc)."""
    cached = doc.user_data.get("fogline.demand_lists")
    if cached is not None and cached[0] == len(doc):
        return list(cached[1])
    text = doc_text(doc)
    spans: list[tuple[int, int]] = []
    if ":" in text:
        for lead in _DEMAND_LEAD.finditer(text):
            end = pos = lead.end()
            while (item := _BULLET_ITEM.match(text, pos)) is not None and item.end() > pos:
                end = pos = item.end()
            if end > lead.end():
                spans.append((lead.end(), end))
    doc.user_data["fogline.demand_lists"] = (len(doc), spans)
    return list(spans)


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


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
        demand_lists = demand_list_spans(doc)
        for sent in sentences(doc):
            if demand_lists and in_spans(sent.start_char, demand_lists):
                continue
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
        for ref in refs:  # "the Kharkiv power plant": a place and a common noun, not a name
            place_name = text[ref.start : ref.end - len(ref.noun)].strip()
            if ref.name and ref.noun[:1].islower() and place_name in _place_texts(doc, sent):
                ref.name = None
        out: list[FacilityImpact] = []
        offset = sent.start_char
        for i, ref, statuses in self._statuses(text, refs):
            if ref.plural and ref.name is None and _GENERIC_PLURAL.search(text[: ref.start]):
                continue  # "the rising number of attacks on shelters": no particular site
            if _DEMANDED_STOP.search(text[: ref.start]):
                continue  # "stop attacks on health centres": a demand, not a report
            if ref.plural and ref.name is None and _TIMES.search(text):
                continue  # "health facilities were attacked 40 times this year": a tally
            named = self._named(doc, ref, sent, last_named, country)
            if (
                i > 0
                and ref.name is None
                and refs[i - 1].name
                and _APPOSITIVE_GAP.fullmatch(text[refs[i - 1].end : ref.start])
            ):
                named, ref = self._named(doc, refs[i - 1], sent, {}, country, mention=False), refs[i - 1]
            if not statuses:
                continue
            start, end = offset + ref.start, offset + ref.end
            date, precision = sentence_date(doc, sent.start_char, sent.end_char)
            place_id = named.entity.parent_id if named else nearest_place(doc, sent, start, end)
            facility = named.entity.name if named else ref.text
            for status in statuses:
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

    @staticmethod
    def _statuses(text: str, refs: list[FacilityRef]) -> list[tuple[int, FacilityRef, list[FacilityStatus]]]:
        """Each facility's statuses: its own cues, then shared along lists and locatives.

        - "targeting mosques, schools and bakeries": the verb before the list reaches every item;
        - "markets and a mosque … were struck": the verb after the list reaches the items before;
        - "a mosque in the X camp was struck": the camp only locates the mosque, which takes the verb;
        - "the only clinic, X Hospital, was shelled": the generic noun is the named one.
        """
        before: list[FacilityStatus | None] = []
        after: list[list[FacilityStatus]] = []
        blocked: list[bool] = []
        for i, ref in enumerate(refs):
            stop = refs[i + 1].start if i + 1 < len(refs) else len(text)
            b, a = status_before(text, ref), statuses_after(text, ref, stop)
            blocked.append(b is False or a is False)
            before.append(b if isinstance(b, FacilityStatus) else None)
            after.append(a if isinstance(a, list) else [])
        for i in range(1, len(refs)):
            locative = _LOCATIVE.search(text, max(0, refs[i].start - 20), refs[i].start)
            if locative and not before[i] and not after[i - 1] and not blocked[i - 1]:
                after[i - 1], after[i] = after[i], []
        for i in range(1, len(refs)):
            if before[i] is None and before[i - 1] and _list_gap(text[refs[i - 1].end : refs[i].start]):
                before[i] = before[i - 1]
        for i in range(len(refs) - 2, -1, -1):
            if not after[i] and after[i + 1] and _list_gap(text[refs[i].end : refs[i + 1].start]):
                after[i] = list(after[i + 1])
        out = []
        for i, ref in enumerate(refs):
            if blocked[i]:
                continue
            generic_before_named = (
                ref.name is None
                and i + 1 < len(refs)
                and refs[i + 1].name
                and re.fullmatch(r"\s*,?\s*", text[ref.end : refs[i + 1].start])
            )
            if generic_before_named:  # "the only hospital, X Hospital,": the named one carries the status
                continue
            out.append((i, ref, list(dict.fromkeys([s for s in [before[i]] if s] + after[i]))))
        return out

    def _named(
        self,
        doc: Doc,
        ref: FacilityRef,
        sent: Sentence,
        last_named: dict[str, _Named],
        country: str | None,
        mention: bool = True,
    ) -> _Named | None:
        """The facility entity a reference names or refers back to (adds its mention and entity)."""
        if ref.name is None:
            return last_named.get(ref.ftype) if ref.definite else None
        start, end = sent.start_char + ref.start, sent.start_char + ref.end
        place_id = nearest_place(doc, sent, start, end)
        entity = facility_entity(ref.name, ref.ftype, doc, place_id, country)
        if not mention:
            return _Named(entity, ref.ftype)
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


def _place_texts(doc: Doc, sent: Sentence) -> set[str]:
    return {
        m.text
        for m in doc_value(doc, "mentions") or []
        if m.label == "PLACE" and sent.start_char <= m.start and m.end <= sent.end_char
    }


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
    entities = doc_value(doc, "entities") or {}
    counts: dict[str, int] = {}
    for mention in doc_value(doc, "mentions") or []:
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
        for m in doc_value(doc, "mentions") or []
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
        for m in (
            doc_value(doc, "dates") or [m for m in doc_value(doc, "mentions") or [] if m.label == "DATE"]
        )
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

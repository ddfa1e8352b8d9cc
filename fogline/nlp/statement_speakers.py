"""Speakers of statements: subjects, persons and their roles, back-references, signatory groups.

Used by ``fogline.statements.v1`` (see ``fogline.nlp.statements`` for the rules). No parser: a subject is the
left-most candidate phrase that opens a clause and is separated from the speech verb only by adverbs,
auxiliaries, a parenthesis, an appositive, a locative phrase or "in a statement on Sunday".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from fogline.gazetteer.actors import actor_entity
from fogline.gazetteer.normalize import key_string
from fogline.gazetteer.places import capital_country, country_entity
from fogline.nlp.extensions import doc_entities, doc_text, doc_value
from fogline.nlp.facilities import Sentence
from fogline.nlp.fastre import BULLET_MARK
from fogline.nlp.statement_lexicon import CAPS as CAPS  # "X as X": re-exported for statements.py and tests
from fogline.nlp.statement_lexicon import LOWER_ROLE, is_role_phrase
from fogline.nlp.statement_lexicon import is_org as is_org
from fogline.nlp.statement_lexicon import lexicon as lexicon
from fogline.nlp.statement_lexicon import prescan_persons as prescan_persons
from fogline.nlp.statement_lexicon import split_title as split_title
from fogline.nlp.statement_lexicon import surname_key as surname_key
from fogline.schema import DatePrecision, Entity, EntityKind, Mention, StatementAct, make_id

_PRONOUN = re.compile(r"\b(?:it|they|he|she|we)\b", re.I)
_TITLE_BEFORE = (
    r"(?:(?:[A-Z][\w'’-]*|army|military|police|foreign|defence|defense|interior|deputy|prime|security|"
    r"intelligence|militia|rebel|group|party|former|acting|senior|top|emergency|government|health|information|"
    r"state|regional|provincial|local|district|humanitarian|country|press|communications)\s+){0,3}"
    r"(?:chief|spokesperson|spokesman|spokeswoman|commander|head|leader|minister|president|ambassador|envoy|"
    r"official|director|coordinator|representative|general|secretary|researcher|analyst|expert|adviser|advisor|"
    r"lawyer|activist|doctor|negotiator|mediator|diplomat|governor|mayor|investigator)\s+"
)
_BOUNDARY = re.compile(
    r"(?:^|[,;:(—–]\s*|[”\"]\s*,?\s*|\b(?i:that|while|as|when|after|but|whereas|where)\s+|[,;]\s*and\s+)"
    r"(?:[“\"]\s*)?(?:(?i:the|a|an)\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?:\([^()]*\)\s+)?)?"
    rf"(?:{_TITLE_BEFORE})?(?:[A-Z][\w'’-]*\s+){{0,3}}$"
)
_PP = (
    r"(?:\s+(?:in|of|for|from|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+|of\s+|the\s+)*[A-Z][\w'’.-]*)*)?"
)
_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?:(?:\w+ly|also|has|have|had|then|later)\s+)*$", re.I)
_GAP = re.compile(
    r"""^(?:\s*\([^()]{1,80}\))?
    (?:\s+(?:in|of|for|from|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+|of\s+|the\s+)*[A-Z][\w'’.-]*)*)?
    (?:\s*,\s*[^,;:“”"]{2,260}?,|\s*,\s*(?:among\s+them|including|such\s+as|notably)\s+[^;:“”"]{2,260}?,)?
    (?:\s*(?:has|have|had|was|were|is|are|also|further|again|then|later|once\s+again|jointly|separately|
        previously|specifically|publicly|strongly|firmly|repeatedly|reportedly|officially|explicitly|
        immediately|directly|itself|themselves|himself|herself|in\s+turn|earlier|today|yesterday|
        [a-z]+ly|on\s+[A-Z]\w+(?:\s+\d{1,2})?(?:,?\s+\d{4})?|on\s+\d{1,2}\s+[A-Z]\w+(?:\s+\d{4})?|
        last\s+\w+|this\s+week|for\s+(?:his|her|its|their)\s+part|
        in\s+(?:a|an|its|his|her|their|the|a\s+joint)\s+(?:[\w-]+\s+){0,3}(?:statement|post|interview|speech|
        message|remarks|communiqu[ée]|briefing|letter|address|declaration|press\s+conference|tweet)
        (?:\s+on\s+\w+)?|,))*\s*$""",
    re.X,
)
_SIGNATORY_HEADING = re.compile(
    r"^\s*[\w ,'’-]{0,40}?(?:signator(?:y|ies)|undersigned|signed\s+by|endorsed\s+by|endorsing|co-?signed|"
    r"organi[sz]ations|ngos|groups|members)[\w ,'’()-]{0,30}:\s*$",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*" + BULLET_MARK + r"?\s*(\S.{1,120}?)\s*$")
_GROUP_SUBJECT = re.compile(
    r"\b(?:the\s+)?(?:undersigned(?:\s+[\w-]+){0,2}?\s+(?:organi[sz]ations|groups|ngos|parties|signatories|"
    r"entities)\b|(?:organi[sz]ations|groups|ngos)\s+(?:undersigned|signatory)(?:\s+to\s+(?:this|the)\s+"
    r"(?:statement|letter|appeal|declaration))?\b|signatory\s+(?:organi[sz]ations|groups|ngos)\b|"
    r"signatories\b|undersigned\b)",
    re.I,
)
# a lowercase title right before a name, with its owner: "SDF chief", "Sudan's army chief"


@dataclass
class Speaker:
    """Who a statement is attributed to."""

    name: str
    entity_id: str | None
    kind: str  # person, org, group
    role: str | None = None
    text: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Cue:
    start: int
    end: int
    act: StatementAct
    text: str


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    kind: str  # mention, member, its_member, caps, description, pronoun, group, statement
    mention: Mention | None = None


@dataclass
class History:
    sentence: int
    speaker: Speaker
    date: str | None
    precision: DatePrecision | None


@dataclass
class Context:
    doc: Doc
    persons: dict[str, tuple[str, str | None]]  # surname key -> (full name, role)
    group: Speaker | None
    history: list[History] = field(default_factory=list)
    last_quote: tuple[int, Speaker] | None = None  # sentence and speaker of the last attributed quotation


# --------------------------------------------------------------------------------------------------
# Speakers


_LEADING_TIME = re.compile(
    r"^(?:(?:on|in|by|since|last|this|next|earlier|later|also|meanwhile|then|separately|"
    r"yesterday|today|tonight|overnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"morning|afternoon|evening|night|week|month|year|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|the|\d{1,4}(?:st|nd|rd|th)?),?\s+)+",
    re.I,
)


def clean_role(role: str | None) -> str | None:
    """A role without the time adverbials that open its clause ("On Monday army chief" -> "army chief")."""
    if role is None:
        return None
    cleaned = _LEADING_TIME.sub("", role.strip()).strip(" ,")
    return cleaned or None


def entity_speaker(doc: Doc, name: str, kind: str, role: str | None, text: str) -> Speaker:
    entity = actor_entity(name, "person" if kind == "person" else None)
    doc_entities(doc).setdefault(entity.id, entity)
    return Speaker(entity.name, entity.id, kind, clean_role(role), text)


def mention_speaker(doc: Doc, mention: Mention, persons: dict[str, tuple[str, str | None]]) -> Speaker:
    entity = (doc_value(doc, "entities") or {}).get(mention.entity_id or "")
    if mention.label == "PLACE" and entity is not None:
        country = _capital_as_state(doc, entity)
        if country is not None:  # "Moscow denies": the capital stands for its country's government
            return Speaker(country.name, country.id, "org", None, mention.text)
    name = entity.name if entity is not None else mention.text
    kind = "person" if entity is not None and entity.type == "person" else "org"
    role = None
    known = persons.get(surname_key(name))
    if known is not None and set(name.split()) <= set(known[0].split()):
        kind = "person"
        if name != known[0]:
            return entity_speaker(doc, known[0], "person", known[1], mention.text)
    if kind == "person":
        role = clean_role((known[1] if known else None) or split_title(mention.text)[0])
    return Speaker(name, mention.entity_id, kind, role, mention.text)


def _candidates(
    doc: Doc, sent: Sentence, text: str, limit: int, quotes: list[tuple[int, int]]
) -> list[_Candidate]:
    """Possible subjects ending before ``limit`` (offsets relative to the sentence)."""
    lex = lexicon()
    offset = sent.start_char
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []  # towns and sites: a capitalised phrase inside one is no speaker
    for m in sentence_mentions(doc, sent):
        if m.end > offset + limit or not m.entity_id:
            continue
        if m.label == "ACTOR" or (m.label == "PLACE" and is_country(doc, m)):
            out.append(_Candidate(m.start - offset, m.end - offset, m.text, "mention", m))
            taken.append((m.start - offset, m.end - offset))
            member = _member_roles()[0].match(text, m.end - offset, limit)
            if member is not None and not _is_person(doc, m):  # "A (senior) Fano commander said"
                pre = _PRE_MODIFIERS.search(text, 0, m.start - offset)
                begin = pre.start() if pre else m.start - offset
                out.append(_Candidate(begin, member.end(), text[begin : member.end()], "member", m))
        elif m.label in {"PLACE", "FACILITY"}:
            places.append((m.start - offset, m.end - offset))
    head = text[:limit]
    for match in _GROUP_SUBJECT.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "group"))
    for match in lex.statement_re.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "statement"))
    for match in lex.anaphor_re.finditer(head):
        end = match.end()
        if any(s < end < e for s, e in taken):
            continue  # "The International Organization" cut out of "International Organization for Migration"
        out.append(_Candidate(match.start(), end, match.group(0), "description"))
    if "s office" in head:
        for match in _OFFICE.finditer(head):
            if match.group("owner").split()[-1].lower() not in _NOT_OFFICE_OWNERS:
                out.append(_Candidate(match.start(), match.end(), match.group(0), "office"))
    if "its " in head or "Its " in head or "their " in head or "Their " in head:
        for match in _member_roles()[1].finditer(head):
            out.append(_Candidate(match.start(), match.end(), match.group(0), "its_member"))
    for match in _POSSESSIVE_ORG.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "possessive"))
    for match in _COUNCIL_OF.finditer(head):  # "the local council of …"
        out.append(_Candidate(match.start(), match.end(), match.group(0), "description"))
    for match in _BODY_OF.finditer(head):  # "a coalition of aid agencies"
        out.extend(_of_tails(head, match.start(), match.end(), taken))
    for match in CAPS.finditer(head):
        start, end = match.start(), match.end()
        words = match.group(0).split()
        while words and words[0].lower().strip(".") in lexicon().function_words:
            start = head.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        if not words or any(s <= start < e or s < end <= e for s, e in taken):
            continue
        if any(s <= start and end <= e for s, e in places):
            continue
        phrase = head[start:end]
        out.append(_Candidate(start, end, phrase, "caps"))
        extension = re.match(
            r"((?:\s+(?!also\b|has\b|have\b|had\b|was\b|were\b|is\b|are\b)[a-z]+(?<!ly)){1,2})(?=\s)",
            head[end:],
        )
        if extension and not is_role_phrase(words):
            out.append(_Candidate(start, end + extension.end(), head[start : end + extension.end()], "caps"))
    for match in _PRONOUN.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "pronoun"))
    return [c for c in out if not any(qs <= c.start < qe for qs, qe in quotes)]


def sentence_mentions(doc: Doc, sent: Sentence) -> list[Mention]:
    """The mentions inside ``sent`` (indexed once per doc and number of mentions)."""
    mentions = doc_value(doc, "mentions") or []
    cached = doc.user_data.get("fogline.statement_mentions")
    if cached is None or cached[0] != len(mentions):
        cached = doc.user_data["fogline.statement_mentions"] = (len(mentions), {})
    index: dict[int, list[Mention]] = cached[1]
    found = index.get(sent.start_char)
    if found is None:
        found = index[sent.start_char] = [
            m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char
        ]
    return found


def is_country(doc: Doc, mention: Mention) -> bool:
    """A country, or a national capital standing for one ("Kigali rejected ...")."""
    entity = (doc_value(doc, "entities") or {}).get(mention.entity_id or "")
    if entity is None:
        return False
    return str(entity.type) == "country" or _capital_as_state(doc, entity) is not None


def _capital_as_state(doc: Doc, entity: Entity) -> Entity | None:
    """The country entity of a national capital (added to the document's entities), else None."""
    code = capital_country(entity)
    if code is None:
        return None
    country = country_entity(code)
    if country is not None:
        doc_entities(doc).setdefault(country.id, country)
    return country


def _chain(candidates: list[_Candidate], head: str, cand: _Candidate) -> list[_Candidate]:
    """``cand`` and the conjuncts before it ("A, B and C said")."""
    chain = [cand]
    while True:
        conj = re.search(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$", head[: chain[0].start])
        if conj is None:
            return chain
        before = [c for c in candidates if c.end == conj.start() and c.kind in {"mention", "caps"}]
        if not before:
            return chain
        chain.insert(0, max(before, key=lambda c: c.end - c.start))


def find_subjects(
    ctx: Context, sent: Sentence, text: str, cue: Cue, index: int, quotes: list[tuple[int, int]]
) -> list[Speaker]:
    """The speakers whose subject phrase opens the clause of ``cue``."""
    head = text[: cue.start]
    candidates = _candidates(ctx.doc, sent, text, cue.start, quotes)
    relative = _RELATIVE.search(head)
    if relative is not None:  # "…, X, which issued a condemnation": the antecedent before the comma
        antecedents = [
            c
            for c in candidates
            if c.kind != "pronoun"
            and re.fullmatch(_PP + r"(?:\s*\([^()]*\))?", head[c.end : relative.start()])
        ]
        antecedents.sort(key=lambda c: (c.start, _KIND_ORDER[c.kind]))
        for cand in antecedents:
            speaker = _resolve(ctx, cand, head, index)
            if speaker is not None:
                return [speaker]
    chains: list[list[_Candidate]] = []
    listing = "among" in head or "including" in head or "such as" in head or "notably" in head
    for c in candidates:
        if not _GAP.match(head[c.end :]):
            continue
        if listing and _LIST_MEMBER.search(head, 0, c.start) and re.match(r"\s*(?:,|and\b)", head[c.end :]):
            continue  # "The signatories, among them A, B and C, said": A is a member, not the subject
        if _BOUNDARY.search(head[: c.start]):
            chains.append([c])
        elif c.kind in {"mention", "caps"}:
            chain = _chain(candidates, head, c)
            if len(chain) > 1 and _BOUNDARY.search(head[: chain[0].start]):
                chains.append(chain)
    valid = [chain[0] for chain in chains]
    pronoun = next((c for c in valid if c.kind == "pronoun" and c.text.lower() in {"it", "they"}), None)
    if pronoun is not None and pronoun.start > 0:
        # "…, where they declared": an antecedent earlier in the same sentence before the recent speakers
        earlier = [
            c for c in candidates if c.end <= pronoun.start and c.kind in {"mention", "description", "group"}
        ]
        for cand in sorted(earlier, key=lambda c: (-c.end, c.start)):
            speaker = _resolve(ctx, cand, head, index)
            if speaker is not None and speaker.kind != "person":
                return [speaker]
    chains.sort(key=lambda ch: (ch[0].start, -ch[-1].end, _KIND_ORDER[ch[0].kind]))
    for chain in chains:
        speakers = [sp for sp in (_resolve(ctx, c, head, index) for c in chain) if sp is not None]
        if len(speakers) == len(chain):
            last = speakers[-1]
            if last.kind == "person" and last.role is None:
                last.role = clean_role(_appositive_role(head[chain[-1].end :]))
            return speakers
    return []


# a lowercase office named after its holder: "the regional ombudsman's office", "the prosecutor's office"
_OFFICE = re.compile(
    r"\b[Tt]he\s+(?:(?:regional|national|local|state|provincial|district|public|federal|special|chief)\s+)?"
    r"(?P<name>(?P<owner>(?:[a-z]+\s+)?[a-z]+)['’]s\s+office)\b"
)
_NOT_OFFICE_OWNERS = frozenset(
    {
        "country",
        "group",
        "city",
        "region",
        "agency",
        "organisation",
        "organization",
        "army",
        "company",
        "family",
    }
)
_LIST_MEMBER = re.compile(r",\s*(?:among\s+them|including|such\s+as|notably)\s+[^;:“”\"]*$", re.I)
_KIND_ORDER = {
    "mention": 0,
    "member": 0,
    "its_member": 3,
    "office": 3,
    "group": 1,
    "statement": 2,
    "possessive": 3,
    "description": 3,
    "caps": 4,
    "pronoun": 5,
}
_POSSESSIVE_ORG = re.compile(
    r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?:[a-z][\w-]*\s+){0,2}(?:ministry|army|government|forces|military|"
    r"council|administration|authorities|presidency|office|embassy|mission|militia|police|coalition)\b"
)


def _appositive_role(gap: str) -> str | None:
    match = re.match(r"\s*,\s*(?:the\s+|a\s+)?([^,]{2,180}?),", gap)
    if match and lexicon().role_re.search(match.group(1)):
        return match.group(1).strip()
    return None


def _resolve(ctx: Context, cand: _Candidate, head: str, index: int) -> Speaker | None:
    """Turn a subject candidate into a speaker (anaphors via the recent speakers)."""
    doc, lex = ctx.doc, lexicon()
    if cand.kind == "mention" and cand.mention is not None:
        return mention_speaker(doc, cand.mention, ctx.persons)
    if cand.kind == "member" and cand.mention is not None:
        return _member_speaker(ctx, cand, head[: cand.start])
    if cand.kind == "office":  # "the regional ombudsman's office": the office, without its modifiers
        office = _OFFICE.match(cand.text)
        office_name = office.group("name") if office else cand.text
        return entity_speaker(doc, re.sub(r"\s+", " ", office_name), "org", None, cand.text)
    if cand.kind == "its_member":  # "its representative": a member of the organisation that just spoke
        org = _recent(ctx, index, 2, lambda s: s.kind in {"org", "group"})
        if org is None:
            return None
        member_role = cand.text.split(None, 1)[1]
        return Speaker(org.name, org.entity_id, org.kind, member_role, cand.text, {"speaker_unnamed": True})
    if cand.kind == "possessive":
        return entity_speaker(doc, cand.text, "org", None, cand.text)
    if cand.kind == "group":
        return ctx.group or Speaker("undersigned organisations", None, "group", text=cand.text)
    if cand.kind == "pronoun":
        word = cand.text.lower()
        if word == "we":  # in a joint statement "we" are its authors
            return _recent(ctx, index, 12, lambda s: s.kind == "group")
        kinds = {"it": {"org"}, "they": {"group", "org"}, "he": {"person"}, "she": {"person"}, "we": set()}[
            word
        ]
        return _recent(ctx, index, 2, lambda s: s.kind in kinds)
    if cand.kind == "statement":
        owner = re.match(r"(?:the|this|that|its|their|his|her)\s+(.+?)\s+\w+$", cand.text, re.I)
        if owner and owner.group(1)[:1].isupper():
            name = re.sub(r"['’]s$", "", owner.group(1))
            found = _recent(ctx, index, 12, lambda s: _name_matches(s, name))
            return found or entity_speaker(doc, name, "org", None, name)
        return _recent(ctx, index, 3, lambda s: True)
    if cand.kind == "description":
        words = cand.text.split()[1:]
        if " of " in cand.text:
            desc = " ".join(words)
            found = _recent(ctx, index, 40, lambda s: _same_description(s.name, desc))
            return found or entity_speaker(doc, desc, "org", None, cand.text)
        phrase = " ".join(words).lower()
        last = words[-1].lower()
        singular = re.sub(r"ies$", "y", last) if last.endswith("ies") else last.removesuffix("s")
        if phrase in lex.generic_heads or last in lex.generic_heads or singular in lex.generic_heads:
            return _recent(ctx, index, 3, lambda s: s.kind in {"org", "group"})
        return _recent(ctx, index, 12, lambda s: _name_matches(s, " ".join(words)))
    # capitalised phrase
    words = cand.text.split()
    if is_role_phrase(words):
        return _recent(ctx, index, 12, lambda s: _name_matches(s, cand.text))
    role, name = split_title(cand.text)
    if role is None:
        before = LOWER_ROLE.search(head, max(0, cand.start - 40), cand.start)
        if before and lex.role_re.fullmatch(before.group(1).split()[-1]):
            role = before.group(1)
    if is_org(name):
        return entity_speaker(doc, re.sub(r"\s+\([^)]*\)$", "", name), "org", None, cand.text)
    if len(name.split()) == 1:
        known = ctx.persons.get(surname_key(name))
        if known is not None:
            return entity_speaker(doc, known[0], "person", role or known[1], cand.text)
        if role is None:
            # a lone capitalised word opening the sentence ("Witnesses said") is no name unless an acronym
            if not name.isupper() and not head[: cand.start].strip(" “\"'"):
                return None
            return entity_speaker(doc, name, "org", None, cand.text) if _plausible_single(name) else None
        return entity_speaker(doc, name, "person", role, cand.text)
    known = ctx.persons.get(surname_key(name))
    return entity_speaker(doc, name, "person", role or (known[1] if known else None), cand.text)


_ROLE_MODIFIERS = (
    r"(?:(?:senior|top|local|military|field|regional|deputy|former|security|government|police|army|rebel|"
    r"militia|humanitarian|country|press)\s+){0,2}"
)


# roles that say what a person knows or does, not whom they belong to: "a Ukraine expert" is not Ukraine
_NOT_MEMBER_ROLES = frozenset({"researcher", "analyst", "expert", "lawyer", "activist", "doctor", "monitor"})


@lru_cache(maxsize=1)
def _member_roles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A role right after an organisation ("Fano commander", "UN Secretary-General") and after "its"/"their"
    ("its representative"), with no name after it."""
    roles = sorted(
        (
            r
            for r in lexicon().role_words
            if r.replace("-", "").replace(" ", "").isalpha() and r not in _NOT_MEMBER_ROLES
        ),
        key=len,
    )
    alt = "|".join(re.escape(r).replace("\\ ", r"\s+") for r in reversed(roles))
    tail = r"(?:s)?(?![\w-])(?!\s+(?:of\b|[A-Z]))"
    after = re.compile(rf"[ \t]+{_ROLE_MODIFIERS}(?i:{alt}){tail}")
    possessive = re.compile(rf"\b(?:[Ii]ts|[Tt]heir)\s+{_ROLE_MODIFIERS}(?i:{alt}){tail}")
    return after, possessive


_COUNCIL_OF = re.compile(
    r"\b(?:the|a)\s+((?:[a-z][\w-]*\s+){0,3}(?:councils?|committees?|administrations?|authorities|authority)"
    r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,8}?[\w'’-]+)(?=\s)",
    re.I,
)
_BODY_OF = re.compile(
    r"\b(?:the|a)\s+(?:[a-z][\w-]*\s+){0,3}(?:coalition|alliance|consortium|network|federation)"
    r"(?=\s+of\s+(?:the\s+)?[a-z])",
    re.I,
)
# a word that ends a described body's "of" phrase: a verb ("issued"; cues like "says" too) or a name
_NOT_TAIL = re.compile(r"(?:[a-z]+ed|said|told|made|gave|took|spoke|wrote|met|held|sent|[A-Z]\S*)$")
_PRE_MODIFIERS = re.compile(rf"\b{_ROLE_MODIFIERS.replace('{0,2}', '{1,2}')}$")
_TAIL_WORD = re.compile(r"[\w'’-]+(?=\s)")


def _of_tails(head: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[_Candidate]:
    """'a coalition' + 'of …' in lower case: the shortest tail, lengthened word by word (up to five) until
    the rest of the clause reads as the gap before the cue ("a coalition of aid agencies called"); a tail
    stops before a verb, a name or an actor mention ("a coalition of Syrian groups")."""
    lead = re.match(r"\s+of\s+(?:the\s+)?", head[end:])
    if lead is None:
        return []
    out: list[_Candidate] = []
    position = end + lead.end()
    for i in range(5):
        word = _TAIL_WORD.match(head, position)
        if word is None or any(s < word.end() and word.start() < e for s, e in taken):
            break
        if i and (_NOT_TAIL.match(word.group(0)) or lexicon().acts.match(head, word.start())):
            break
        out.append(_Candidate(start, word.end(), head[start : word.end()], "description"))
        if _GAP.match(head[word.end() :]):
            break
        space = re.match(r"\s+", head[word.end() :])
        if space is None:
            break
        position = word.end() + space.end()
    return out


def _is_person(doc: Doc, mention: Mention) -> bool:
    entity = (doc_value(doc, "entities") or {}).get(mention.entity_id or "")
    return entity is not None and entity.type == "person"


def _member_speaker(ctx: Context, cand: _Candidate, before: str) -> Speaker:
    """Who "<organisation> <role>" is: the office holder for a unique office ("the UN Secretary-General"),
    else the organisation, with the unnamed member's role ("a Fano commander" -> Fano, commander)."""
    mention = cand.mention
    assert mention is not None
    org = mention_speaker(ctx.doc, mention, ctx.persons)
    at = cand.text.find(mention.text)
    role = re.sub(r"\s+", " ", (cand.text[:at] + " " + cand.text[at + len(mention.text) :]).strip())
    low = role.lower()
    office = next((o for o in lexicon().unique_offices if low == o or low.endswith(" " + o)), None)
    indefinite = re.search(r"\b(?i:an?|one|two|three|several|some|another)\s+$", before)
    if office is not None and indefinite is None:
        for name, known_role in ctx.persons.values():
            if (
                known_role
                and known_role.lower().endswith(office)
                and any(re.search(rf"\b{re.escape(n)}\b", known_role, re.I) for n in (mention.text, org.name))
            ):
                return entity_speaker(ctx.doc, name, "person", known_role, cand.text)
        return entity_speaker(ctx.doc, f"{org.name} {role}", "person", role, cand.text)
    return Speaker(org.name, org.entity_id, org.kind, role, cand.text, {"speaker_unnamed": True})


def _plausible_single(name: str) -> bool:
    """A lone capitalised word as speaker: an acronym or a country/capital used for its government."""
    return name.isupper() or len(name) > 3


def _name_matches(speaker: Speaker, phrase: str) -> bool:
    words = [w.lower() for w in re.findall(r"[\w-]+", phrase) if w.lower() not in {"the", "this", "that"}]
    hay = f"{speaker.name} {speaker.role or ''} {speaker.text}".lower()
    return bool(words) and all(_starts_word(hay, w) for w in words)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _starts_word(hay: str, w: str) -> bool:
    """``re.search(r"\\b" + re.escape(w), hay)`` without compiling a pattern per word: ``w`` occurs in
    ``hay`` at a word boundary."""
    first = _is_word_char(w[0])
    p = hay.find(w)
    while p >= 0:
        if (p > 0 and _is_word_char(hay[p - 1])) != first:
            return True
        p = hay.find(w, p + 1)
    return False


def _same_description(name: str, desc: str) -> bool:
    a, b = name.lower().split(" of "), desc.lower().split(" of ")
    return (
        len(a) > 1 and len(b) > 1 and a[-1].strip() == b[-1].strip() and a[0].split()[-1] == b[0].split()[-1]
    )


def note_subject(ctx: Context, index: int, sent: Sentence) -> None:
    """A sentence without a statement that opens with a description or group phrase of a recent speaker
    ("The groups set out a list of demands.") keeps that speaker as the subject the next "they" refers to."""
    text = sent.text
    lead = len(text) - len(text.lstrip())
    match = _GROUP_SUBJECT.match(text, lead) or lexicon().anaphor_re.match(text, lead)
    if match is None or " of " in match.group(0):
        return
    kind = "description" if match.re is not _GROUP_SUBJECT else "group"
    cand = _Candidate(match.start(), match.end(), match.group(0), kind)
    speaker = _resolve(ctx, cand, text[: match.start()], index)
    if speaker is not None and any(item.speaker is speaker for item in ctx.history[-6:]):
        ctx.history.append(History(index, speaker, None, None))


def recent_history(ctx: Context, index: int, window: int, speaker: Speaker) -> History | None:
    """The latest dated statement of the same speaker in the last ``window`` sentences."""
    for item in reversed(ctx.history):
        if index - item.sentence > window:
            break
        same = item.speaker is speaker or (speaker.entity_id and item.speaker.entity_id == speaker.entity_id)
        if same and item.date is not None:
            return item
    return None


def _recent(ctx: Context, index: int, window: int, accept: Any) -> Speaker | None:
    for item in reversed(ctx.history):
        if index - item.sentence > window:
            break
        if accept(item.speaker):
            return item.speaker
    return None


# --------------------------------------------------------------------------------------------------
# Signatory lists and embedded posts


def find_signatories(doc: Doc) -> Speaker | None:
    """A list of names under a heading ("Signatory organizations:") → the group speaker."""
    lines = doc_text(doc).split("\n")
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(":") or len(line) > 90 or not _SIGNATORY_HEADING.match(line):
            continue
        names: list[str] = []
        for item in lines[i + 1 :]:
            if not item.strip():
                if names:
                    break
                continue
            match = _LIST_ITEM.match(item)
            if match is None or len(match.group(1).split()) > 12 or match.group(1).endswith("."):
                break
            names.append(match.group(1))
        if len(names) >= 2:
            name = f"undersigned organisations ({len(names)})"
            entity = Entity(
                id=make_id("actor", "signatories", sorted(key_string(n) for n in names)),
                kind=EntityKind.ACTOR,
                name=name,
                type="ngo",
                origin="extracted",
                attributes={"signatories": names},
            )
            doc_entities(doc).setdefault(entity.id, entity)
            return Speaker(name, entity.id, "group", attributes={"signatories": names})
    return None

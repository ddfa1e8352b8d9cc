"""``fogline.statements.v1``: who said what — condemnations, appeals, demands, accusations, calls between leaders.

Rule-based over each sentence (no parser); lexicon in ``data/statements.json``.

1. **Acts.** Speech-act cues (verbs and phrases per ``StatementAct``) are found outside quotations. A cue
   inside the complement of another ("said that Canada is concerned") keeps the outer speaker; a
   participle or coordinated verb (", calling for …", "… and demanded …") takes the speaker of the cue before
   it. One record per (speaker, act) per sentence; a plain ``state`` is dropped when the same speaker has a
   stronger act in the sentence.
2. **Speakers.** The subject is the left-most candidate that opens a clause and is separated from the cue
   only by adverbs, auxiliaries, a parenthesis, an appositive (kept as the speaker's role), a locative
   phrase or "in a statement on Sunday". Candidates: ACTOR mentions, country PLACE mentions, capitalised
   phrases (resolved through ``actor_entity``; persons keep their title as role: "French President …",
   "SDF chief …", "X, the ambassador to …,"), descriptive noun phrases ("the local council of …"),
   pronouns and definite descriptions ("it", "she", "the Council", "the statement", "the Turkish
   President"), which refer back to the most recent compatible speaker of the last sentences (none found →
   no record). Quoted speech attributed after the quote ("…,” said X) is handled too.
3. **Groups.** A list of names under a heading ("Signatory organizations:", "Signed by:") makes a group
   speaker ``undersigned organisations (N)`` with the names in ``attributes["signatories"]``; "the
   undersigned …", "the signatories" and later "they" resolve to it.
4. **Calls between leaders** (``discuss``): one record per pair, speaker = the grammatical subject, target =
   the counterpart ("X received calls from Y and Z" → X→Y, X→Z; "Y and Z discussed … with X" → Y→X, Z→X).
5. **Embedded posts** ("— Name (@handle) January 8, 2026") → statements by Name with that date, one per act
   found in the post text.
6. **Demands** of appeals and demands are normalised through the lexicon ("immediate ceasefire",
   "protection of civilians", …); unlisted items keep their raw text.

Dates: the sentence's DATE mention ("on Thursday", resolved by ``fogline.dates.v1``); a continuation ("The
statement warned …") without one inherits the date of the statement it continues.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from fogline.gazetteer.actors import actor_entity
from fogline.gazetteer.normalize import key_string
from fogline.nlp.extensions import doc_entities, doc_list, document_id, register_extensions
from fogline.schema import DatePrecision, Entity, EntityKind, Mention, Statement, StatementAct, make_id

EXTRACTOR = "fogline.statements.v1"
DATA = Path(__file__).with_name("data") / "statements.json"

_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?|(?:^|(?<=\s))”[^”“]{10,}?[,.!]?”")
_NAME_WORD = r"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]r|[Aa]z)[-‑])?[A-Z][\w'’&-]*\.?"
_CAPS = re.compile(
    rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|for|and|the|de|du|bin|ibn|al)[ \t]+)*{_NAME_WORD})*(?:[ \t]+\([A-Z][\w&.-]*\))?"
)
_PRONOUN = re.compile(r"\b(?:it|they|he|she|we)\b", re.I)
_FUNCTION_CAPS = frozenset(
    "the a an in on at as but and or if for with after before when while this that these those its his her "
    "their our we they he she it i meanwhile however furthermore moreover also separately previously "
    "domestically specifically crucially amid despite according since during following earlier later then "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december there here both each all some many most several".split()
)
_BOUNDARY = re.compile(
    r"(?:^|[,;:(—–]\s*|[”\"]\s*,?\s*|\b(?i:that|while|as|when|after|but|whereas|where)\s+|[,;]\s*and\s+)"
    r"(?:[“\"]\s*)?(?:(?i:the|a|an)\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?:\([^()]*\)\s+)?)?"
    r"(?:[A-Z][\w'’-]*\s+){0,3}$"
)
_PP = r"(?:\s+(?:in|of|for|from|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+|of\s+|the\s+)*[A-Z][\w'’.-]*)*)?"
_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?:(?:\w+ly|also|has|have|had|then|later)\s+)*$", re.I)
_GAP = re.compile(
    r"""^(?:\s*\([^()]{1,80}\))?
    (?:\s+(?:in|of|for|from|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+|of\s+|the\s+)*[A-Z][\w'’.-]*)*)?
    (?:\s*,\s*[^,;:“”"]{2,260}?,)?
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
_THAT_COMPLEMENT = re.compile(r"^\s*(?:[\w'’-]+\s+){0,4}?that\b", re.I)
_CONTINUATION = re.compile(r"^(?:\s*,)?\s*(?:and\s+|while\s+)?(?:also\s+|further\s+)?$", re.I)
_NOUN_USE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|these|those|such|urgent|renewed|repeated|growing|international|"
    r"[a-z]+ing)\s+$",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.I)
_SIGNATORY_HEADING = re.compile(
    r"^\s*[\w ,'’-]{0,40}?(?:signator(?:y|ies)|undersigned|signed\s+by|endorsed\s+by|endorsing|co-?signed|"
    r"organi[sz]ations|ngos|groups|members)[\w ,'’()-]{0,30}:\s*$",
    re.I,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*▪·–—]|\d{1,2}[.)])?\s*(\S.{1,120}?)\s*$")
_GROUP_SUBJECT = re.compile(
    r"\b(?:the\s+)?(?:undersigned(?:\s+[\w-]+){0,2}?\s+(?:organi[sz]ations|groups|ngos|parties|signatories|"
    r"entities)\b|(?:organi[sz]ations|groups|ngos)\s+(?:undersigned|signatory)(?:\s+to\s+(?:this|the)\s+"
    r"(?:statement|letter|appeal|declaration))?\b|signatory\s+(?:organi[sz]ations|groups|ngos)\b|"
    r"signatories\b|undersigned\b)",
    re.I,
)
_POST = re.compile(
    r"^[ \t]*[—–-]{1,2}\s*(?P<name>[^\n(@]{2,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+"
    r"\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*$",
    re.M,
)
_PRECEDING_ROLE = re.compile(r"(?:^|[.;:\n]\s*|\bthe\s+)([A-Z][^,.;:\n]{2,100}),\s+$")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|ish|ese|an|i|ch|ic|ean)$")


_NO_TARGET = frozenset(
    {StatementAct.STATE, StatementAct.ANNOUNCE, StatementAct.EXPRESS_CONCERN, StatementAct.DEMAND, StatementAct.WARN}
)


@dataclass
class _Lexicon:
    acts: list[tuple[re.Pattern[str], StatementAct]]
    discuss_received: re.Pattern[str]
    discuss_with: re.Pattern[str]
    discuss_plain: re.Pattern[str]
    demands: list[tuple[re.Pattern[str], str]]
    precedence: list[tuple[str, str]]
    org_words: frozenset[str]
    role_re: re.Pattern[str]
    role_words: frozenset[str]
    anaphor_re: re.Pattern[str]
    generic_heads: frozenset[str]
    statement_re: re.Pattern[str]


def _spaced(patterns: list[str]) -> str:
    """An alternation of patterns in which a space matches any run of whitespace."""
    return "|".join(p.replace(" ", r"\s+") for p in patterns)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The statement lexicon, compiled once."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    acts = [
        (re.compile(rf"\b(?:{_spaced(patterns)})\b", re.I), StatementAct(act)) for act, patterns in data["acts"].items()
    ]
    roles = sorted(data["role_words"], key=len, reverse=True)
    role_alt = "|".join(re.escape(r) for r in roles)
    heads = sorted(data["anaphor_heads"], key=len, reverse=True)
    return _Lexicon(
        acts=acts,
        discuss_received=re.compile(rf"\b(?:{data['discuss']['received']})\s+", re.I),
        discuss_with=re.compile(rf"\b(?:{data['discuss']['with']})\s*", re.I),
        discuss_plain=re.compile(rf"\b(?:{data['discuss']['plain']})\b", re.I),
        demands=[(re.compile(p, re.I), name) for name, p in data["demands"].items()],
        precedence=[(a, b) for a, b in data["demand_precedence"]],
        org_words=frozenset(w.lower() for w in data["org_words"]),
        role_re=re.compile(rf"(?<![\w-])(?:{role_alt})(?![\w-])", re.I),
        role_words=frozenset(r.lower() for r in roles),
        anaphor_re=re.compile(
            rf"\b(?:the|this|that)\s+((?:[\w-]+\s+){{0,2}}?(?:{'|'.join(heads)}))\b(?!\s+of\b)", re.I
        ),
        generic_heads=frozenset(data["generic_anaphor_heads"]),
        statement_re=re.compile(
            rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
            rf"(?:([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)(?:['’]s)?\s+)?"
            rf"(?:{'|'.join(re.escape(n) for n in data['statement_nouns'])})\b",
        ),
    )


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
class _Cue:
    start: int
    end: int
    act: StatementAct
    text: str


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    kind: str  # mention, caps, description, pronoun, group, statement
    mention: Mention | None = None


@dataclass
class _History:
    sentence: int
    speaker: Speaker
    date: str | None
    precision: DatePrecision | None


@dataclass
class _Context:
    doc: Doc
    persons: dict[str, tuple[str, str | None]]  # surname key -> (full name, role)
    group: Speaker | None
    history: list[_History] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# Speakers


def _is_role_phrase(words: list[str]) -> bool:
    lex = lexicon()
    return bool(words) and all(
        w.lower().rstrip(".") in lex.role_words or w.lower() in lex.role_words or _NATIONALITY.match(w)
        for w in words
    )


def split_title(phrase: str) -> tuple[str | None, str]:
    """("French President Emmanuel Macron") -> ("French President", "Emmanuel Macron")."""
    lex = lexicon()
    words = phrase.split()
    i = 0
    while i < len(words) - 1 and (
        words[i].lower() in lex.role_words
        or words[i].lower().rstrip(".") in lex.role_words
        or (_NATIONALITY.match(words[i]) and i + 1 < len(words) and words[i + 1].lower() in lex.role_words)
        or (i + 1 < len(words) and f"{words[i]} {words[i + 1]}".lower() in lex.role_words)
    ):
        i += 2 if i + 1 < len(words) and f"{words[i]} {words[i + 1]}".lower() in lex.role_words else 1
    if i == 0 or i >= len(words):
        return None, phrase
    return " ".join(words[:i]), " ".join(words[i:])


def _is_org(name: str) -> bool:
    lex = lexicon()
    words = [w.lower().strip("().,") for w in name.split()]
    return any(w in lex.org_words for w in words) or (len(words) == 1 and name.isupper())


def _surname_key(name: str) -> str:
    last = name.split()[-1]
    return key_string(last)


def prescan_persons(doc: Doc) -> dict[str, tuple[str, str | None]]:
    """Full names of persons introduced with a title ("Turkish President Recep Tayyip Erdogan"), by surname."""
    persons: dict[str, tuple[str, str | None]] = {}
    text = doc.text
    for match in _CAPS.finditer(text):
        position = match.start()
        for phrase in re.split(r"\s+and\s+", match.group(0)):
            start = text.index(phrase, position)
            position = start + len(phrase)
            _prescan_phrase(persons, text, start, position)
    for mention in doc._.mentions or []:
        entity = (doc._.entities or {}).get(mention.entity_id or "")
        if mention.label == "ACTOR" and entity is not None and entity.type == "person" and " " in entity.name:
            role, _ = split_title(mention.text)
            persons.setdefault(_surname_key(entity.name), (entity.name, role))
    return persons


def _prescan_phrase(persons: dict[str, tuple[str, str | None]], text: str, start: int, end: int) -> None:
    lex = lexicon()
    role, name = split_title(text[start:end])
    before = text[max(0, start - 40) : start]
    lower_role = re.search(r"((?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+)?[a-z-]+)\s+$", before)
    if role is None and lower_role and lex.role_re.fullmatch(lower_role.group(1).split()[-1]):
        role = lower_role.group(1)
    appositive = re.match(r",\s+(?:the\s+)?([^,.;\n]{3,120}?)[,.]", text[end : end + 130])
    preceding = _PRECEDING_ROLE.search(text[max(0, start - 110) : start])
    if role is None and preceding and lex.role_re.search(preceding.group(1)) and not _is_org(preceding.group(1)):
        role = preceding.group(1)
    if role is None and appositive and lex.role_re.search(appositive.group(1).split(" of ")[0]):
        role = appositive.group(1)
    words = name.split()
    if role is None or len(words) < 2 or _is_org(name) or len(words) > 4:
        return
    key = _surname_key(name)
    if key not in persons or persons[key][1] is None:
        persons[key] = (name, role)


def _entity_speaker(doc: Doc, name: str, kind: str, role: str | None, text: str) -> Speaker:
    entity = actor_entity(name, "person" if kind == "person" else None)
    doc_entities(doc).setdefault(entity.id, entity)
    return Speaker(entity.name, entity.id, kind, role, text)


def _mention_speaker(doc: Doc, mention: Mention, persons: dict[str, tuple[str, str | None]]) -> Speaker:
    entity = (doc._.entities or {}).get(mention.entity_id or "")
    name = entity.name if entity is not None else mention.text
    kind = "person" if entity is not None and entity.type == "person" else "org"
    role = None
    known = persons.get(_surname_key(name))
    if known is not None and set(name.split()) <= set(known[0].split()):
        kind = "person"
        if name != known[0]:
            return _entity_speaker(doc, known[0], "person", known[1], mention.text)
    if kind == "person":
        role = (known[1] if known else None) or split_title(mention.text)[0]
    return Speaker(name, mention.entity_id, kind, role, mention.text)


def _candidates(
    doc: Doc, sent: Span, text: str, limit: int, quotes: list[tuple[int, int]]
) -> list[_Candidate]:
    """Possible subjects ending before ``limit`` (offsets relative to the sentence)."""
    lex = lexicon()
    offset = sent.start_char
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in doc._.mentions or []:
        if m.start < offset or m.end > offset + limit or not m.entity_id:
            continue
        if m.label == "ACTOR" or (m.label == "PLACE" and _is_country(doc, m)):
            out.append(_Candidate(m.start - offset, m.end - offset, m.text, "mention", m))
            taken.append((m.start - offset, m.end - offset))
    head = text[:limit]
    for match in _GROUP_SUBJECT.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "group"))
    for match in lex.statement_re.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "statement"))
    for match in lex.anaphor_re.finditer(head):
        end = match.end()
        out.append(_Candidate(match.start(), end, match.group(0), "description"))
        tail = re.match(r"\s+of\s+(?:the\s+)?((?:[\w'’-]+\s+){0,8}?[\w'’-]+)(?=\s)", head[end:])
        if tail:
            out.append(
                _Candidate(
                    match.start(), end + tail.end(), head[match.start() : end + tail.end()], "description"
                )
            )
    for match in _POSSESSIVE_ORG.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "possessive"))
    for match in re.finditer(
        r"\b(?:the|a)\s+((?:[a-z][\w-]*\s+){0,3}(?:councils?|committees?|administrations?|authorities|authority)"
        r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,8}?[\w'’-]+)(?=\s)",
        head,
        re.I,
    ):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "description"))
    for match in _CAPS.finditer(head):
        start, end = match.start(), match.end()
        words = match.group(0).split()
        while words and words[0].lower().strip(".") in _FUNCTION_CAPS:
            start = head.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        if not words or any(s <= start < e or s < end <= e for s, e in taken):
            continue
        phrase = head[start:end]
        out.append(_Candidate(start, end, phrase, "caps"))
        extension = re.match(
            r"((?:\s+(?!also\b|has\b|have\b|had\b|was\b|were\b|is\b|are\b)[a-z]+(?<!ly)){1,2})(?=\s)",
            head[end:],
        )
        if extension and not _is_role_phrase(words):
            out.append(_Candidate(start, end + extension.end(), head[start : end + extension.end()], "caps"))
    for match in _PRONOUN.finditer(head):
        out.append(_Candidate(match.start(), match.end(), match.group(0), "pronoun"))
    return [c for c in out if not any(qs <= c.start < qe for qs, qe in quotes)]


def _is_country(doc: Doc, mention: Mention) -> bool:
    entity = (doc._.entities or {}).get(mention.entity_id or "")
    return entity is not None and str(entity.type) == "country"


def find_subject(
    ctx: _Context, sent: Span, text: str, cue: _Cue, index: int, quotes: list[tuple[int, int]]
) -> Speaker | None:
    """The speaker whose subject phrase opens the clause of ``cue`` (the first of coordinated ones)."""
    speakers = find_subjects(ctx, sent, text, cue, index, quotes)
    return speakers[0] if speakers else None


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
    ctx: _Context, sent: Span, text: str, cue: _Cue, index: int, quotes: list[tuple[int, int]]
) -> list[Speaker]:
    """The speakers whose subject phrase opens the clause of ``cue``."""
    head = text[: cue.start]
    candidates = _candidates(ctx.doc, sent, text, cue.start, quotes)
    relative = _RELATIVE.search(head)
    if relative is not None:  # "…, X, which issued a condemnation": the antecedent before the comma
        antecedents = [
            c
            for c in candidates
            if c.kind != "pronoun" and re.fullmatch(_PP + r"(?:\s*\([^()]*\))?", head[c.end : relative.start()])
        ]
        antecedents.sort(key=lambda c: (c.start, _KIND_ORDER[c.kind]))
        for cand in antecedents:
            speaker = _resolve(ctx, cand, head, index)
            if speaker is not None:
                return [speaker]
    chains: list[list[_Candidate]] = []
    for c in candidates:
        if not _GAP.match(head[c.end :]):
            continue
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
        earlier = [c for c in candidates if c.end <= pronoun.start and c.kind in {"mention", "description", "group"}]
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
                last.role = _appositive_role(head[chain[-1].end :])
            return speakers
    return []


_KIND_ORDER = {"mention": 0, "group": 1, "statement": 2, "possessive": 3, "description": 3, "caps": 4, "pronoun": 5}
_POSSESSIVE_ORG = re.compile(
    r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+(?:[a-z][\w-]*\s+){0,2}(?:ministry|army|government|forces|military|"
    r"council|administration|authorities|presidency|office|embassy|mission|militia|police|coalition)\b"
)


def _appositive_role(gap: str) -> str | None:
    match = re.match(r"\s*,\s*(?:the\s+|a\s+)?([^,]{2,180}?),", gap)
    if match and lexicon().role_re.search(match.group(1)):
        return match.group(1).strip()
    return None


def _resolve(ctx: _Context, cand: _Candidate, head: str, index: int) -> Speaker | None:
    """Turn a subject candidate into a speaker (anaphors via the recent speakers)."""
    doc, lex = ctx.doc, lexicon()
    if cand.kind == "mention" and cand.mention is not None:
        return _mention_speaker(doc, cand.mention, ctx.persons)
    if cand.kind == "possessive":
        return _entity_speaker(doc, cand.text, "org", None, cand.text)
    if cand.kind == "group":
        return ctx.group or Speaker("undersigned organisations", None, "group", text=cand.text)
    if cand.kind == "pronoun":
        word = cand.text.lower()
        kinds = {"it": {"org"}, "they": {"group", "org"}, "he": {"person"}, "she": {"person"}, "we": set()}[
            word
        ]
        return _recent(ctx, index, 2, lambda s: s.kind in kinds)
    if cand.kind == "statement":
        owner = re.match(r"(?:the|this|that|its|their|his|her)\s+(.+?)\s+\w+$", cand.text, re.I)
        if owner and owner.group(1)[:1].isupper():
            name = re.sub(r"['’]s$", "", owner.group(1))
            found = _recent(ctx, index, 12, lambda s: _name_matches(s, name))
            return found or _entity_speaker(doc, name, "org", None, name)
        return _recent(ctx, index, 3, lambda s: True)
    if cand.kind == "description":
        words = cand.text.split()[1:]
        if " of " in cand.text:
            desc = " ".join(words)
            found = _recent(ctx, index, 40, lambda s: _same_description(s.name, desc))
            return found or _entity_speaker(doc, desc, "org", None, cand.text)
        phrase = " ".join(words).lower()
        if phrase in lex.generic_heads or words[-1].lower() in lex.generic_heads:
            return _recent(ctx, index, 3, lambda s: s.kind in {"org", "group"})
        return _recent(ctx, index, 12, lambda s: _name_matches(s, " ".join(words)))
    # capitalised phrase
    words = cand.text.split()
    if _is_role_phrase(words):
        return _recent(ctx, index, 12, lambda s: _name_matches(s, cand.text))
    role, name = split_title(cand.text)
    if role is None:
        before = re.search(r"((?:[A-Z][\w-]*\s+)?[a-z-]+)\s+$", head[: cand.start])
        if before and lex.role_re.fullmatch(before.group(1).split()[-1]):
            role = before.group(1)
    if _is_org(name):
        return _entity_speaker(doc, re.sub(r"\s+\([^)]*\)$", "", name), "org", None, cand.text)
    if len(name.split()) == 1:
        known = ctx.persons.get(_surname_key(name))
        if known is not None:
            return _entity_speaker(doc, known[0], "person", role or known[1], cand.text)
        if role is None:
            # a lone capitalised word opening the sentence ("Witnesses said") is no name unless an acronym
            if not name.isupper() and not head[: cand.start].strip(" “\"'"):
                return None
            return _entity_speaker(doc, name, "org", None, cand.text) if _plausible_single(name) else None
        return _entity_speaker(doc, name, "person", role, cand.text)
    known = ctx.persons.get(_surname_key(name))
    return _entity_speaker(doc, name, "person", role or (known[1] if known else None), cand.text)


def _plausible_single(name: str) -> bool:
    """A lone capitalised word as speaker: an acronym or a country/capital used for its government."""
    return name.isupper() or len(name) > 3


def _name_matches(speaker: Speaker, phrase: str) -> bool:
    words = [w.lower() for w in re.findall(r"[\w-]+", phrase) if w.lower() not in {"the", "this", "that"}]
    hay = f"{speaker.name} {speaker.role or ''} {speaker.text}".lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}", hay) for w in words)


def _same_description(name: str, desc: str) -> bool:
    a, b = name.lower().split(" of "), desc.lower().split(" of ")
    return (
        len(a) > 1 and len(b) > 1 and a[-1].strip() == b[-1].strip() and a[0].split()[-1] == b[0].split()[-1]
    )


def _recent_history(ctx: _Context, index: int, window: int, speaker: Speaker) -> _History | None:
    """The latest dated statement of the same speaker in the last ``window`` sentences."""
    for item in reversed(ctx.history):
        if index - item.sentence > window:
            break
        same = item.speaker is speaker or (speaker.entity_id and item.speaker.entity_id == speaker.entity_id)
        if same and item.date is not None:
            return item
    return None


def _recent(ctx: _Context, index: int, window: int, accept: Any) -> Speaker | None:
    for item in reversed(ctx.history):
        if index - item.sentence > window:
            break
        if accept(item.speaker):
            return item.speaker
    return None


# --------------------------------------------------------------------------------------------------
# Cues, targets, demands


def find_cues(text: str, quotes: list[tuple[int, int]]) -> list[_Cue]:
    """Speech-act cues outside quotations, longest first when they overlap, left to right."""
    found: list[_Cue] = []
    plain = re.sub(r"[“”\"]", " ", text)  # scare quotes inside a cue ("is “very concerned”")
    for pattern, act in lexicon().acts:
        for match in pattern.finditer(plain):
            if any(qs <= match.start() < qe for qs, qe in quotes):
                continue
            if match.group(0).split()[0].lower().endswith("s") and _NOUN_USE.search(text[: match.start()]):
                continue  # "rejecting demands", "urgent calls for": nouns, not verbs
            if match.group(0)[0].isupper() and text[: match.start()].strip(" “\"'"):
                continue
            if act != StatementAct.EXPRESS_CONCERN and _PASSIVE.search(text[: match.start()]):
                continue
            found.append(_Cue(match.start(), match.end(), act, match.group(0)))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cue] = []
    for cue in found:
        if out and cue.start < out[-1].end:
            continue
        out.append(cue)
    return out


_INFINITIVE = re.compile(
    r"^\s*(?:to\s+)?(?P<addr>[^,;]{0,60}?)\s+(?P<inf>(?:not\s+)?to\s+(?!the\b|a\b|an\b|all\b)[a-z]+\b.*)$",
    re.I | re.S,
)


def demand_clause(cue: str, clause: str) -> tuple[str, bool]:
    """What a cue's clause demands, and whether unlisted items may be kept as raw text.

    "called for X" / "demanded X" / "urged X": X. "urged them to X" / "called on all parties to X": X.
    "appealed to the international community" with no infinitive: nothing raw (the addressee is no demand).
    """
    low = cue.lower()
    if low.endswith("for") or low.startswith(("demand", "insist")):
        return clause, True
    match = _INFINITIVE.match(clause)
    addressee = match.group("addr") if match else ""
    if match and len(addressee.split()) <= 6 and not any(p.search(addressee) for p, _ in lexicon().demands):
        wanted = match.group("inf")
        return ("not " if wanted.startswith("not") else "") + re.sub(r"^(?:not\s+)?to\s+", "", wanted), True
    if re.match(r"\s*to\s", clause) or low.endswith((" on", " upon", " to", "appeal")):
        return clause, False
    return clause, True


def normalise_demands(clause: str, keep_raw: bool = True) -> list[str]:
    """Short normalised demands from a demand clause; unlisted items keep their text."""
    lex = lexicon()
    items = [
        i.strip(" ,.;:“”\"'")
        for i in re.split(
            r",\s+(?:and\s+)?|\s+and\s+(?=(?:for|an?|to|urgent|immediate|renewed)\b)|;", clause
        )
    ]
    demands: list[str] = []
    for item in items:
        if not item:
            continue
        hits = [name for pattern, name in lex.demands if pattern.search(item)]
        for strong, weak in lex.precedence:
            if strong in hits and weak in hits:
                hits.remove(weak)
        if hits:
            demands.extend(h for h in hits if h not in demands)
        elif keep_raw:
            raw = re.sub(r"^(?:for|on|upon|to|that)\s+", "", item, flags=re.I)
            raw = re.split(r"\s+(?:as|because|since|which|who|while|so\s+that|in\s+order\s+to|where)\s", raw)[0]
            raw = re.sub(r"\s+(?:and|or|as\s+well\s+as)$", "", raw)
            if re.match(r"(?:as|because|since|which|who|while|in\s+order|where|so)\b", raw, re.I):
                continue
            words = raw.split()
            fragment = bool(demands or any(p.search(clause) for p, _ in lex.demands)) and (
                len(words) < 4 or re.match(r"(?:in|with|by|at|from|of|under|within|without|also)\b", raw, re.I)
            )
            if 2 <= len(words) <= 16 and raw[:1].islower() and raw not in demands and not fragment:
                demands.append(raw)
    return demands[:8]


def _targets(ctx: _Context, sent: Span, text: str, start: int, stop: int, max_words: int = 8) -> list[Speaker]:
    """Actors named right after a cue (within its clause): addressees, accused, counterparts."""
    window = text[start:stop]
    cut = re.search(r"[.;:]|\s(?:to\s+discuss|in\s+order|which|who)\b|,\s+(?!and\b)", window)
    end = start + (cut.start() if cut else len(window))
    out: list[Speaker] = []
    doc, offset = ctx.doc, sent.start_char
    mentions = [
        m
        for m in doc._.mentions or []
        if m.entity_id
        and offset + start <= m.start
        and m.end <= offset + end
        and (m.label == "ACTOR" or (m.label == "PLACE" and _is_country(doc, m)))
    ]
    for m in mentions:
        if len(re.findall(r"\w+", text[start : m.start - offset])) <= max_words:
            out.append(_mention_speaker(doc, m, ctx.persons))
    if not out:
        for match in _CAPS.finditer(text, start, end):
            phrase = match.group(0)
            words = phrase.split()
            if words[0].lower() in _FUNCTION_CAPS or len(re.findall(r"\w+", text[start : match.start()])) > max_words:
                continue
            role, name = split_title(phrase)
            for part in re.split(r"\s+and\s+(?=[A-Z])", name) if not _is_org(name) else [name]:
                known = ctx.persons.get(_surname_key(part))
                if known is not None:
                    out.append(_entity_speaker(doc, known[0], "person", known[1], part))
                elif _is_org(part) or len(part.split()) >= 2 or role:
                    out.append(_entity_speaker(doc, part, "org" if _is_org(part) else "person", role, part))
    return out


# --------------------------------------------------------------------------------------------------
# Records


def _record(
    ctx: _Context,
    sent: Span,
    speaker: Speaker,
    act: StatementAct,
    start: int,
    end: int,
    target: Speaker | None = None,
    demands: list[str] | None = None,
    date: tuple[str | None, DatePrecision | None] = (None, None),
    attributes: dict[str, Any] | None = None,
    quote: str | None = None,
) -> Statement:
    doc = ctx.doc
    attrs = dict(attributes or {})
    attrs.update(speaker.attributes)
    if speaker.text and speaker.text != speaker.name:
        attrs["speaker_text"] = speaker.text
    return Statement(
        id=make_id(
            document_id(doc),
            EXTRACTOR,
            start,
            end,
            speaker.entity_id or speaker.name,
            act.value,
            target.entity_id if target else None,
        ),
        document_id=document_id(doc),
        start=start,
        end=end,
        quote=(quote or sent.text).strip(),
        extractor=EXTRACTOR,
        confidence=0.7 if act != StatementAct.STATE else 0.6,
        speaker_id=speaker.entity_id,
        speaker=speaker.name,
        speaker_role=speaker.role,
        act=act,
        target_id=target.entity_id if target else None,
        target=target.name if target else None,
        demands=demands or [],
        date_start=date[0],
        date_precision=date[1],
        attributes=attrs,
    )


class StatementExtractor:
    """Finds statements sentence by sentence, with the speakers of earlier sentences as context."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        statements = doc_list(doc, "statements")
        try:
            ctx = _Context(doc, prescan_persons(doc), find_signatories(doc))
            posts = list(_POST.finditer(doc.text))
        except Exception as exc:  # a failing pre-scan must not stop the document
            doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
            return doc
        post_spans = [(_post_text_start(doc.text, p.start()), p.end()) for p in posts]
        index = 0
        for sent in doc.sents:
            if not re.search(r"[A-Za-z]", sent.text):
                continue  # blank lines are not sentences for the look-back windows
            index += 1
            if any(s <= sent.start_char < e for s, e in post_spans):
                continue
            try:
                statements.extend(self._sentence(ctx, index, sent))
            except Exception as exc:  # one bad sentence must not stop the document
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        for post in posts:
            try:
                statements.extend(_post_statements(ctx, post))
            except Exception as exc:
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        return doc

    def _sentence(self, ctx: _Context, index: int, sent: Span) -> list[Statement]:
        text = sent.text
        if not text.strip() or text.rstrip().endswith("?") or _is_headline(text):
            return []
        quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
        cues = find_cues(text, quotes)
        records: list[Statement] = []
        offset = sent.start_char
        date = statement_date_in(ctx.doc, sent.start_char, sent.end_char)
        previous: tuple[_Cue, Speaker] | None = None
        records.extend(self._discuss(ctx, index, sent, text, quotes, date))
        for i, cue in enumerate(cues):
            act = cue.act
            next_start = cues[i + 1].start if i + 1 < len(cues) else len(text)
            if act in {StatementAct.ANNOUNCE, StatementAct.WARN} and re.match(r"\s+that\b", text[cue.end :]):
                act = StatementAct.STATE if act == StatementAct.ANNOUNCE else act
            speakers = self._speakers(ctx, sent, text, cue, previous, index, quotes)
            speakers = [sp for sp in speakers if not _reporting_only(ctx.doc, sp, cue)]
            if not speakers:
                continue
            quote_text = self._attached_quote(text, cue, quotes)
            content_act = act
            if quote_text is not None and act == StatementAct.STATE:
                content_act = _first_person_act(quote_text) or act
            demands: list[str] = []
            if content_act in {StatementAct.APPEAL, StatementAct.DEMAND}:
                if quote_text is not None and content_act != act:
                    demands = normalise_demands(_after_first_person(quote_text))
                else:
                    clause = text[cue.end : next_start]
                    if text.rstrip().endswith(":"):
                        clause = clause.rstrip().rstrip(":") + " " + _following_list(ctx.doc.text, sent.end_char)
                    demands = normalise_demands(*demand_clause(cue.text, clause))
            no_target = content_act in _NO_TARGET or re.search(r"\bfor$", cue.text, re.I)
            reach = 3 if content_act == StatementAct.APPEAL else 8  # an appeal's target is its addressee
            targets = [] if no_target else _targets(ctx, sent, text, cue.end, next_start, reach)
            for speaker in speakers:
                statement_date, inherited = date, False
                antecedent = _recent_history(ctx, index, 6, speaker) if date[0] is None else None
                if antecedent is not None:
                    statement_date, inherited = (antecedent.date, antecedent.precision), True
                target = next((t for t in targets if t.entity_id != speaker.entity_id), None)
                attrs: dict[str, Any] = {"cue": cue.text}
                if inherited:
                    attrs["date_inherited"] = True
                if quote_text is not None:
                    attrs["quoted"] = quote_text
                span = (offset + cue.start, offset + cue.end)
                records.append(
                    _record(ctx, sent, speaker, content_act, *span, target, list(demands), statement_date, attrs)
                )
                ctx.history.append(_History(index, speaker, statement_date[0], statement_date[1]))
            previous = (cue, speakers[0])
        return _dedupe(records)

    def _speakers(
        self,
        ctx: _Context,
        sent: Span,
        text: str,
        cue: _Cue,
        previous: tuple[_Cue, Speaker] | None,
        index: int,
        quotes: list[tuple[int, int]],
    ) -> list[Speaker]:
        """Who utters ``cue``: the complement's outer speaker, the clause subject, the previous verb's
        subject (participles, coordinated verbs) or the name after a quotation."""
        if previous is not None:
            between = text[previous[0].end : cue.start]
            say_complement = previous[0].act == StatementAct.STATE and len(between.split()) <= 4
            if _THAT_COMPLEMENT.match(between) or (say_complement and "," not in between):
                return [previous[1]]
        speakers = find_subjects(ctx, sent, text, cue, index, quotes)
        if speakers:
            return speakers
        if previous is not None and (
            _CONTINUATION.match(text[previous[0].end : cue.start][-12:])
            or re.search(r"(?:,|\band)\s+$", text[: cue.start])
        ):
            return [previous[1]]
        speaker = self._after_quote(ctx, sent, text, cue)
        return [speaker] if speaker is not None else []

    @staticmethod
    def _attached_quote(text: str, cue: _Cue, quotes: list[tuple[int, int]]) -> str | None:
        """The quotation a say-verb attributes (right before or after it)."""
        for qs, qe in quotes:
            if 0 <= cue.start - qe <= 40 or 0 <= qs - cue.end <= 6:
                return text[qs:qe].strip('“”" ')
        return None

    @staticmethod
    def _after_quote(ctx: _Context, sent: Span, text: str, cue: _Cue) -> Speaker | None:
        """'“…,” said X' / 'read a statement from X': the speaker follows the cue."""
        if not re.search(r"[”\"]\s*,?\s*$", text[: cue.start]) and not re.search(
            r"statement\s+(?:from|by)$", cue.text, re.I
        ):
            return None
        tail = text[cue.end :]
        lead = re.match(r"\s+(?:a\s+statement\s+from\s+|by\s+)?", tail)
        start = cue.end + (lead.end() if lead else 0)
        found = _targets(ctx, sent, text, start, len(text))
        persons = [f for f in found if f.kind == "person"]
        return (persons or found or [None])[0]

    def _discuss(
        self,
        ctx: _Context,
        index: int,
        sent: Span,
        text: str,
        quotes: list[tuple[int, int]],
        date: tuple[str | None, DatePrecision | None],
    ) -> list[Statement]:
        """Calls and talks between leaders: one record per (subject, counterpart) pair."""
        lex = lexicon()
        out: list[Statement] = []
        for pattern in (lex.discuss_received, lex.discuss_with, lex.discuss_plain):
            match = pattern.search(text)
            if match is None:
                continue
            cue = _Cue(match.start(), match.end(), StatementAct.DISCUSS, match.group(0))
            subjects = self._subjects(ctx, sent, text, cue, index, quotes)
            if not subjects:
                continue
            counterparts = _targets(ctx, sent, text, match.end(), len(text))
            if pattern is lex.discuss_plain or not counterparts:
                after = re.search(r"\b(?:with|from)\s+", text[match.end() :])
                before = re.search(r"\b(?:conversation|call|talks|meeting)\s+with\s+", text[: match.start()])
                if after is not None:
                    counterparts = _targets(ctx, sent, text, match.end() + after.end(), len(text))
                elif before is not None:
                    counterparts = _targets(ctx, sent, text, before.end(), match.start())
            names = [s.name for s in subjects] + [c.name for c in counterparts]
            for subject in subjects:
                for other in counterparts or [None]:
                    if other is not None and other.entity_id == subject.entity_id:
                        continue
                    out.append(
                        _record(
                            ctx,
                            sent,
                            subject,
                            StatementAct.DISCUSS,
                            sent.start_char + cue.start,
                            sent.start_char + cue.end,
                            other,
                            [],
                            date,
                            {"cue": cue.text, "participants": names},
                        )
                    )
                ctx.history.append(_History(index, subject, date[0], date[1]))
            break
        return out

    @staticmethod
    def _subjects(
        ctx: _Context, sent: Span, text: str, cue: _Cue, index: int, quotes: list[tuple[int, int]]
    ) -> list[Speaker]:
        subjects = find_subjects(ctx, sent, text, cue, index, quotes)
        if len(subjects) == 1 and subjects[0].kind == "person" and " and " in subjects[0].text:
            # "Presidents Macron and Erdogan" read as one capitalised phrase
            subjects = []
            for part in re.split(r"\s+and\s+", split_title(text[: cue.start].split(",")[-1].strip())[1]):
                known = ctx.persons.get(_surname_key(part))
                name = known[0] if known else part
                subjects.append(_entity_speaker(ctx.doc, name, "person", known[1] if known else None, part))
        return subjects


def statement_date_in(doc: Doc, start: int, end: int) -> tuple[str | None, DatePrecision | None]:
    """A day-precise date in [start, end) ("on Thursday", "on 7 January"), else none."""
    for m in doc._.dates or []:
        if start <= m.start and m.end <= end and m.value and m.precision == "day":
            if m.attributes.get("relation", "on") in {"on", "as_of"} and not m.attributes.get("future"):
                return m.value, DatePrecision.DAY
    return None, None


def _reporting_only(doc: Doc, speaker: Speaker, cue: _Cue) -> bool:
    """A news outlet "reported" something: a source of facts, not a statement of its own."""
    entity = (doc._.entities or {}).get(speaker.entity_id or "")
    return cue.text.lower() == "reported" and entity is not None and str(entity.type) == "media"


def _following_list(text: str, position: int) -> str:
    """The bullet items right after a line ending with ":" (joined with "; ")."""
    items: list[str] = []
    for line in text[position:].lstrip("\n").split("\n"):
        match = re.match(r"^\s*(?:[-•*▪·]|\d{1,2}[.)])\s+(.+)$", line)
        if match is None:
            break
        items.append(match.group(1))
    return "; ".join(items)


def _after_first_person(quote: str) -> str:
    """The part of a quotation after its first first-person act cue ("we demand …")."""
    for cue in find_cues(quote, []):
        if cue.act != StatementAct.STATE and re.search(r"\b(?:we|i)\s+(?:\w+\s+){0,2}$", quote[: cue.start], re.I):
            return quote[cue.end :]
    return quote


def _first_person_act(quote: str) -> StatementAct | None:
    for cue in find_cues(quote, []):
        if cue.act != StatementAct.STATE and re.search(
            r"\b(?:we|i)\s+(?:\w+\s+){0,2}$", quote[: cue.start], re.I
        ):
            return cue.act
    return None


def _dedupe(records: list[Statement]) -> list[Statement]:
    """One record per (speaker, act, target) in a sentence; ``state`` dropped beside a stronger act."""
    strong = {r.speaker_id or r.speaker for r in records if r.act != StatementAct.STATE}
    kept: dict[tuple[Any, ...], Statement] = {}
    for r in records:
        if r.act == StatementAct.STATE and (r.speaker_id or r.speaker) in strong:
            continue
        key = (r.speaker_id or r.speaker, r.act, r.target_id if r.act == StatementAct.DISCUSS else None)
        first = kept.get(key)
        if first is None:
            kept[key] = r
            continue
        first.demands.extend(d for d in r.demands if d not in first.demands)
        if first.target_id is None and r.target_id is not None:
            first.target_id, first.target = r.target_id, r.target
    return list(kept.values())


def _is_headline(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.75


# --------------------------------------------------------------------------------------------------
# Signatory lists and embedded posts


def find_signatories(doc: Doc) -> Speaker | None:
    """A list of names under a heading ("Signatory organizations:") → the group speaker."""
    lines = doc.text.split("\n")
    for i, line in enumerate(lines):
        if not _SIGNATORY_HEADING.match(line):
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


def _post_text_start(text: str, attribution: int) -> int:
    """Where the embedded post's text begins: the start of the paragraph before the attribution line."""
    before = text[:attribution].rstrip()
    cut = before.rfind("\n")
    return cut + 1 if cut >= 0 else 0


def _post_statements(ctx: _Context, post: re.Match[str]) -> list[Statement]:
    doc = ctx.doc
    start = _post_text_start(doc.text, post.start())
    body = doc.text[start : post.start()].strip()
    if not body:
        return []
    name = " ".join(w for w in post.group("name").split() if re.match(r"[A-Za-z]", w))
    known = ctx.persons.get(_surname_key(name)) if name else None
    speaker = _entity_speaker(doc, known[0] if known else name, "person", known[1] if known else None, name)
    speaker.attributes = {"handle": "@" + post.group("handle")}
    date_text = re.sub(r"\.", "", post.group("date"))
    parsed = None
    for fmt in ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y"):
        try:
            parsed = datetime.strptime(date_text, fmt).date()
            break
        except ValueError:
            continue
    date = (parsed.isoformat(), DatePrecision.DAY) if parsed else (None, None)
    acts = [c.act for c in find_cues(body, [])]
    demands = normalise_demands(body)
    if demands and not ({StatementAct.APPEAL, StatementAct.DEMAND} & set(acts)):
        acts.append(StatementAct.DEMAND)
    acts = list(dict.fromkeys(a for a in acts if a != StatementAct.STATE)) or [StatementAct.STATE]
    sent = doc.char_span(start, post.end(), alignment_mode="expand")
    if sent is None:
        return []
    out = []
    for act in acts:
        out.append(
            _record(
                ctx,
                sent,
                speaker,
                act,
                start,
                post.end(),
                None,
                demands if act in {StatementAct.APPEAL, StatementAct.DEMAND} else [],
                date,
                {"cue": "post", "post": True},
                quote=body,
            )
        )
    return out


@Language.factory("fogline_statements_v1", requires=["doc.sents"], assigns=["doc._.statements"])
def make_statement_extractor(nlp: Language, name: str) -> StatementExtractor:
    register_extensions()
    return StatementExtractor()

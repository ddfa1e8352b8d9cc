"""``fogline.agreements.v1``: agreements, ceasefires, truces, and claims that they hold, broke or collapsed.

Rule-based over each sentence (no parser), lexicon in ``data/agreements.json``. An agreement noun
("ceasefire", "truce", "understanding", "deal", "memorandum", "agreement", "accord") gives a record when

- a status cue governs it, before ("reached a truce", "in breach of the ceasefire", "collapse of the deal")
  or after it ("the ceasefire took effect", "the agreements … appear collapsed"), or a "partial" modifier;
- or it is identified — named ("the Doha agreement", "the Juba Peace Agreement") or dated ("the 10 March 2025
  agreement", "the agreement signed on 1 April 2025") — which makes it a reference with status ``reached``.

Parties are actors and countries; a national capital stands for its state ("between Damascus and the SDF").
Without them, two or more communities named as the subject ("Leaders of the Nasa reserve of Toribío and the
community council of Alto Naya signed …") are the parties, each a new actor. An agreement included in
another ("the deal also included a humanitarian pause") is ``reached`` (``proposed`` inside a plan); a dated
participle after the noun ("the accord signed in Bangui in February 2019") is a fact that an appeal or a
hope in the clause before does not block.
Who proposed or mediated it ("a truce proposed by A and B") goes to ``attributes["proposed_by"]`` /
``["mediated_by"]``, not the parties; an accepted proposal ("agreed to a truce proposed by …") is ``reached``
with ``attributes["accepted_by"]``. Blocking words are only read outside capitalised names.

Appeals and hypotheticals ("called for a ceasefire", "efforts to reach a truce", "no deal was signed") give no
record: a call for a ceasefire is a statement's demand, not an agreement. UN resolutions are not agreements
and are not extracted here.

Records: one per (agreement, status claim) in a document, so each claim keeps its own provenance. Repeated
mentions of one agreement with the same status merge (parties are unioned, the first span is kept); a bare
reference (status ``reached`` from identification only) is dropped when the same agreement also has a cued
claim. The same agreement is the same date, else the same name; unnamed, undated agreements of one kind and
status merge when their dates agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fogline.gazetteer.actors import actor_entity
from fogline.gazetteer.normalize import key_string
from fogline.gazetteer.places import capital_country, country_entity
from fogline.nlp.extensions import (
    doc_entities,
    doc_list,
    doc_text,
    doc_value,
    document_id,
    register_extensions,
)
from fogline.nlp.facilities import Sentence, sentence_date, sentences
from fogline.nlp.fastre import alternation, with_first_char_filter
from fogline.schema import Agreement, AgreementStatus, DatePrecision, Mention, make_id

EXTRACTOR = "fogline.agreements.v1"
DATA = Path(__file__).with_name("data") / "agreements.json"

# strongest first: the status a sentence claims when several cues govern one noun
STATUS_ORDER = (
    AgreementStatus.COLLAPSED,
    AgreementStatus.VIOLATED,
    AgreementStatus.PARTIAL,
    AgreementStatus.IN_FORCE,
    AgreementStatus.SIGNED,
    AgreementStatus.REACHED,
    AgreementStatus.PROPOSED,
)
_NAME_WORD = r"(?:(?:[Aa]l|[Ee]l)[-‑])?[A-Z][\w'’.-]*"
_NAME_BEFORE = with_first_char_filter(re.compile(rf"((?:{_NAME_WORD}\s+){{1,4}})$"))
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "our",
        "his",
        "her",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "as",
        "and",
        "but",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "un",
    ]
)
_DATED_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\s+)?(?:(?:was|were)\s+)?"
    r"(?:signed|reached|agreed|concluded|struck|brokered|announced|dated|of|from)\s+(?:on\s+|in\s+)?$",
    re.I,
)
# "ceasefire statement", "truce talks": the noun modifies another noun and names no agreement itself
_MODIFIER_USE = re.compile(
    r"\s+(?:statement|statements|announcement|talks|negotiations|negotiators|monitors?|line|lines|"
    r"deadline|efforts?|mediators?|committee|zone)\b",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\b", re.I)
# "a truce proposed by A, B and C": who put the agreement forward (or mediated it), not a party to it
_PROPOSED_BY = re.compile(
    r"^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:first\s+)?"
    r"(?P<role>proposed|put\s+forward|offered|drafted|tabled|brokered|mediated|sponsored)\s+(?:jointly\s+)?by\s+",
    re.I,
)
_ACCEPT_CUE = re.compile(r"^(?:agreed\s+to|accept(?:ed|s|ing)?)$", re.I)
_CAPITALISED = re.compile(r"(?<=\S)(\s+)(?:[Aa]l-)?[A-Z][\w'’-]*")
# an agreement named as part of another one: "the deal also included a 72-hour humanitarian pause"
_COMPONENT = re.compile(
    r"\b(?P<host>agreement|deal|truce|ceasefire|cease-fire|accord|pact|understanding|memorandum|plan|proposal)"
    r"\b[^.;:,]{0,40}?\b(?P<cue>(?:also\s+)?(?:included|includes|include|including|provides\s+for|"
    r"provided\s+for|provide\s+for|contains|contained|envisages|envisaged))\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
# parties no gazetteer lists, described by what they are: "the Nasa indigenous reserve of Toribío"
_COMMUNITY_HEAD = (
    r"(?:communit(?:y|ies)|reserves?|reservations?|councils?|clans?|sub-clans?|tribes?|villages?|chiefdoms?|"
    r"lineages?|families|settlements?|herders|farmers|elders|people|peoples|kingdoms?)"
)
_NAMED = r"(?:[Aa]l-|[Ee]l-)?[A-Z][\w'’.-]*(?:\s+(?:de\s+|del\s+|la\s+)?[A-Z][\w'’.-]*){0,3}"
_COMMUNITY = re.compile(
    rf"(?:the\s+)?(?:(?:[\w'’-]+\s+){{0,3}}?{_COMMUNITY_HEAD}\s+(?:of|from)\s+{_NAMED}|{_NAMED}\s+{_COMMUNITY_HEAD})"
)
_COMMUNITY_WORD = with_first_char_filter(re.compile(rf"\b{_COMMUNITY_HEAD}"))
_COMPONENT_VERB = re.compile(r"includ|provide|contain|envisag", re.I)
_REPRESENTED_BY = re.compile(
    r"^(?:(?:leaders|elders|representatives|chiefs|delegates|delegations|members|heads|envoys|authorities)\s+"
    r"(?:of|from)\s+)?(?:both\s+)?(?:the\s+)?",
    re.I,
)
_WITH = re.compile(r"^\s*(?:\w+\s+){0,3}?with\s+(?:the\s+)?$", re.I)


@dataclass
class _Lexicon:
    noun_kind: dict[str, str]
    noun_re: re.Pattern[str]
    modifiers_re: re.Pattern[str]
    partial: frozenset[str]
    before: list[tuple[re.Pattern[str], AgreementStatus]]
    after: list[tuple[re.Pattern[str], AgreementStatus]]
    blockers: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The agreement lexicon, compiled once."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    noun_kind = {noun.lower(): kind for kind, nouns in data["kinds"].items() for noun in nouns}
    before: list[tuple[re.Pattern[str], AgreementStatus]] = []
    after: list[tuple[re.Pattern[str], AgreementStatus]] = []
    for name, cues in data["status"].items():
        status = AgreementStatus(name)
        if cues["before"]:
            before.append((re.compile(rf"\b(?:{alternation(cues['before'])})\b", re.I), status))
        if cues["after"]:
            after.append((re.compile(rf"\b(?:{alternation(cues['after'])})\b", re.I), status))
    modifiers = "|".join(data["modifiers"])
    return _Lexicon(
        noun_kind=noun_kind,
        noun_re=with_first_char_filter(re.compile(rf"\b(?:{alternation(list(noun_kind))})\b", re.I)),
        modifiers_re=re.compile(rf"((?:\b(?:{modifiers})\s+)+)$", re.I),
        partial=frozenset(data["partial_modifiers"]),
        before=before,
        after=after,
        blockers=re.compile(rf"\b(?:{alternation(data['blockers'])})\b"),
    )


@dataclass
class _Found:
    record: Agreement
    key: tuple[str, str]
    cued: bool


def _valid_noun(noun: str, head: str, tail: str) -> bool:
    """Reject senses of ambiguous nouns that are not agreements ("to deal with", "our understanding of")."""
    low = noun.lower()
    if low in {"deal", "deals"}:
        return bool(
            re.search(r"\b(?:a|the|this|that|its|their|[\w-]+['’]s|new|any)\s+(?:\w+\s+)?$", head, re.I)
        )
    if low in {"understanding", "understandings"}:
        return bool(
            re.match(
                r"\s*[”\"']?\s*(?:that|on|between|with|to|for|regarding|reached|was|which)\b", tail, re.I
            )
        ) and bool(re.search(r"\b(?:an|the|this|that)\s+[“\"']?\s*$", head, re.I))
    if low in {"accord", "accords"}:
        return not re.search(r"\b(?:in|of\s+its\s+own)\s+$", head, re.I)
    if low == "memorandum":
        return True
    return True


def _blocked(text: str) -> bool:
    """A blocking context (appeal, hypothesis, negation) in lower-case words; names ("Rapid Support
    Forces") are masked so that words inside them never block."""
    masked = _CAPITALISED.sub(r"\1NAME", text.strip())
    return bool(lexicon().blockers.search(re.sub(r"\bMay\b", "MONTH", masked).lower()))


def _clause_before(head: str) -> str:
    return re.split(r"[;:]|,\s+(?=(?:but|while|and|which|as)\b)|\.\s", head)[-1]


class AgreementExtractor:
    """Finds agreements and status claims sentence by sentence, then merges repeats in the document."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        found: list[_Found] = []
        for sent in sentences(doc):
            try:
                found.extend(self._sentence(doc, sent))
            except Exception as exc:  # one bad sentence must not stop the document
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        doc_list(doc, "agreements").extend(merge(found))
        return doc

    def _sentence(self, doc: Doc, sent: Sentence) -> list[_Found]:
        text = sent.text
        if text.rstrip().endswith("?"):
            return []
        lex = lexicon()
        out: list[_Found] = []
        offset = sent.start_char
        dates: list[Mention] | None = None  # the sentence's DATE mentions, read at the first noun
        last_end = -1
        for match in lex.noun_re.finditer(text):
            if match.start() < last_end:
                continue
            if dates is None:
                dates = [
                    m
                    for m in (
                        doc_value(doc, "dates")
                        or [m for m in doc_value(doc, "mentions") or [] if m.label == "DATE"]
                    )
                    if m.start >= sent.start_char and m.end <= sent.end_char
                ]
            noun = re.sub(r"\s+", " ", match.group(0))
            head, tail = text[: match.start()], text[match.end() :]
            before_date = next((m for m in dates if 0 <= match.start() + offset - m.end <= 2), None)
            valid_head = head if before_date is None else text[: before_date.start - offset]
            if not _valid_noun(noun, valid_head, tail) or _MODIFIER_USE.match(tail):
                continue
            kind = lex.noun_kind[noun.lower()]
            start, end = match.start(), match.end()
            # identification: a date right before ("the 10 March 2025 agreement") or after ("signed on …")
            date_m = before_date
            if date_m is not None:
                start = min(start, date_m.start - offset)
            else:
                date_m = next(
                    (
                        m
                        for m in dates
                        if m.start - offset >= end and _DATED_AFTER.match(text[end : m.start - offset])
                    ),
                    None,
                )
            name_words, name_start = self._name(head) if date_m is None else ([], start)
            if name_words:
                start = name_start
            modifiers = lex.modifiers_re.search(head)
            mods = modifiers.group(1).lower().split() if modifiers and not name_words else []
            status, cue_span = self._status(text, match.start(), end, mods)
            clause = _clause_before(head)
            if (
                status is not None
                and cue_span
                and _dated_participle(text, end, cue_span, status, dates, offset)
            ):
                clause = (
                    ""  # "support for the agreement signed in February 2019": signed, whatever the clause
                )
            if status is not None and _blocked(
                clause + " " + text[end : cue_span[1]] if cue_span else clause
            ):
                status = None
            identified = bool(date_m or name_words)
            if status is None and not identified:
                continue
            last_end = end
            cued = status is not None
            status = status or AgreementStatus.REACHED
            if date_m is None and status in {
                AgreementStatus.REACHED,
                AgreementStatus.SIGNED,
                AgreementStatus.PARTIAL,
                AgreementStatus.IN_FORCE,
            }:
                date_value, precision = sentence_date(doc, sent.start_char, sent.end_char)
            elif date_m is not None:
                date_value = date_m.value
                precision = DatePrecision(date_m.precision) if date_m.precision else None
            else:
                date_value, precision = None, None
            if name_words:
                name = " ".join([*name_words, noun])
                key = ("name", key_string(name))
            elif date_m is not None:
                name = text[start:end] if start < match.start() else f"{noun} of {date_m.text}"
                key = ("date", f"{date_m.value or key_string(date_m.text)}|{kind}")
            else:
                name = " ".join([*mods, noun])
                key = ("generic", kind)
            parties = self._parties(doc, sent, match.start() + offset, end + offset, cue_span, offset)
            a_start, a_end = offset + start, offset + end
            record = Agreement(
                id=make_id(document_id(doc), EXTRACTOR, a_start, a_end, key, status.value),
                document_id=document_id(doc),
                start=a_start,
                end=a_end,
                quote=text.strip(),
                extractor=EXTRACTOR,
                confidence=0.8 if cued and identified else 0.7 if cued else 0.6,
                name=name,
                kind=kind,
                date=date_value,
                date_precision=precision,
                party_ids=[p.entity_id for p in parties if p.entity_id],
                parties=[p.text for p in parties],
                status=status,
                violated=status == AgreementStatus.VIOLATED,
                attributes={"reference_only": not cued},
            )
            self._roles(doc, sent, record, text, end, cue_span)
            if key[0] == "generic" and re.search(r"\bthe\s+$", text[:start], re.I):
                record.attributes["definite"] = True
            out.append(_Found(record, key, cued))
        return out

    @staticmethod
    def _roles(
        doc: Doc, sent: Sentence, record: Agreement, text: str, end: int, cue: tuple[int, int] | None
    ) -> None:
        """Proposers/mediators named after the noun ("proposed by A and B") and, for an accepted proposal
        ("agreed to a truce proposed by …"), the parties that accepted it."""
        by = _PROPOSED_BY.match(text[end:])
        if by is None:
            return
        b_start = sent.start_char + end + by.end()
        stop = re.search(
            r"[.;:]|,\s+(?:which|who|but|while|as|after|and\s+(?:said|added))\b", text[end + by.end() :]
        )
        b_end = b_start + stop.start() if stop else sent.end_char
        proposers = [
            party
            for m in doc_value(doc, "mentions") or []
            if b_start <= m.start and m.end <= b_end and (party := _as_party(doc, m)) is not None
        ]
        if not proposers:
            return
        key = "mediated_by" if by.group("role").lower() in {"brokered", "mediated"} else "proposed_by"
        record.attributes[key] = [p.text for p in proposers]
        record.attributes[f"{key}_ids"] = [p.entity_id for p in proposers]
        keep = [
            (pid, name)
            for pid, name in zip(record.party_ids, record.parties, strict=False)
            if pid not in record.attributes[f"{key}_ids"]
        ]
        record.party_ids, record.parties = [k[0] for k in keep], [k[1] for k in keep]
        if (
            cue is not None
            and _ACCEPT_CUE.match(re.sub(r"\s+", " ", text[cue[0] : cue[1]]))
            and record.parties
        ):
            record.attributes["accepted_by"] = list(record.parties)

    @staticmethod
    def _name(head: str) -> tuple[list[str], int]:
        """The capitalised name words right before the noun, and where they start."""
        match = _NAME_BEFORE.search(head)
        if not match:
            return [], len(head)
        words = match.group(1).split()
        position = match.start(1)
        while words and words[0].lower().strip("'’") in _NOT_NAMES:
            position = head.index(words[1], position + len(words[0])) if len(words) > 1 else len(head)
            words = words[1:]
        if (
            not words
            or any(w.lower() in _NOT_NAMES for w in words)
            or re.match(r"\d", words[0])
            or re.search(r"['’]s?$", words[-1])  # "the SDF's ceasefire": a party, not a name
        ):
            return [], len(head)
        return words, position

    @staticmethod
    def _status(
        text: str, start: int, end: int, mods: list[str]
    ) -> tuple[AgreementStatus | None, tuple[int, int] | None]:
        """The strongest status cued around the noun at [start, end), and the cue's span."""
        lex = lexicon()
        claims: list[tuple[AgreementStatus, tuple[int, int]]] = []
        if any(m in lex.partial for m in mods):
            claims.append((AgreementStatus.PARTIAL, (start, end)))
        head = text[max(0, start - 70) : start]
        base = max(0, start - 70)
        for pattern, status in lex.before:
            for cue in pattern.finditer(head):
                gap = head[cue.end() :]
                if len(re.findall(r"[\w'’-]+", gap)) <= 5 and not re.search(r"[.;:]|,\s", gap):
                    claims.append((status, (base + cue.start(), base + cue.end())))
        component = _COMPONENT.search(head) if _COMPONENT_VERB.search(head) else None
        if component is not None:  # "the deal also included a humanitarian pause"
            host_status = (
                AgreementStatus.PROPOSED
                if component.group("host").lower() in {"plan", "proposal"}
                else AgreementStatus.REACHED
            )
            claims.append((host_status, (base + component.start("cue"), base + component.end("cue"))))
        tail = text[end : end + 90]
        tail = re.split(r"[.;:]|\s[—–]\s", tail)[0]
        tail = re.sub(r"^\s*,\s*(?:which|that)\b", " which", tail)
        tail = re.split(r",\s", tail)[0]
        for pattern, status in lex.after:
            for cue in pattern.finditer(tail):
                if len(re.findall(r"[\w'’-]+", tail[: cue.start()])) <= 6:
                    claims.append((status, (end + cue.start(), end + cue.end())))
        if not claims:
            return None, None
        claims.sort(key=lambda c: STATUS_ORDER.index(c[0]))
        return claims[0]

    @staticmethod
    def _parties(
        doc: Doc, sent: Sentence, start: int, end: int, cue: tuple[int, int] | None, offset: int
    ) -> list[Mention]:
        """ACTOR (or country PLACE) mentions named as parties: "between A and B", "with B", or the subject."""
        text = doc_text(doc)
        mentions = [
            party
            for m in doc_value(doc, "mentions") or []
            if m.start >= sent.start_char
            and m.end <= sent.end_char
            and (party := _as_party(doc, m)) is not None
        ]
        parties: list[Mention] = []
        tail_end = min(sent.end_char, end + 160)
        tail = text[end:tail_end]
        between = _BETWEEN.search(tail)
        if between and len(re.findall(r"\w+", tail[: between.start()])) <= 8:
            b_start = end + between.end()
            stop = re.search(
                r"[.;]|,\s+(?:which|and\s+the|while|as)\b|\bto\s+(?:implement|end|stop)\b",
                text[b_start:tail_end],
            )
            b_end = b_start + stop.start() if stop else tail_end
            parties = [m for m in mentions if b_start <= m.start and m.end <= b_end]
        for m in mentions:
            if m.start >= end and _WITH.match(text[end : m.start]):
                parties.append(m)
        if cue is not None and cue[0] + offset < start:
            subject = [m for m in mentions if m.end <= cue[0] + offset and cue[0] + offset - m.end <= 40]
            if subject and not re.search(r"[,;]", text[subject[-1].end : cue[0] + offset]):
                chain = [subject[-1]]
                for m in reversed(subject[:-1]):  # "Russia and Ukraine signed …"
                    if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[m.end : chain[0].start]):
                        break
                    chain.insert(0, m)
                parties.extend(chain)
        if not parties and _COMMUNITY_WORD.search(text, sent.start_char, start):
            verb = _cue_before(text[max(sent.start_char, start - 70) : start])
            if verb is not None:
                parties = _described_parties(doc, sent, text[sent.start_char : start - verb])
        seen: set[str] = set()
        unique = []
        for m in parties:
            key = m.entity_id or m.text
            if key not in seen:
                seen.add(key)
                unique.append(m)
        return unique


def _dated_participle(
    text: str,
    end: int,
    cue: tuple[int, int],
    status: AgreementStatus,
    dates: list[Mention],
    offset: int,
) -> bool:
    """A past participle after the noun, dated ("the accord signed in Bangui in February 2019"): a fact about
    the agreement that an appeal or a hope in the clause before does not make hypothetical."""
    if cue[0] < end or status not in {AgreementStatus.SIGNED, AgreementStatus.REACHED}:
        return False
    if not re.fullmatch(
        r"(?:signed|reached|agreed|concluded|brokered|struck|sealed|inked)", text[cue[0] : cue[1]]
    ):
        return False
    after = cue[1] + offset
    return any(
        0 <= m.start - after <= 40 and not re.search(r"[,.;:]", text[cue[1] : m.start - offset])
        for m in dates
    )


def _cue_before(head: str) -> int | None:
    """How far before the noun the status verb governing it starts ("signed a local peace pact"), if any."""
    best: int | None = None
    for pattern, status in lexicon().before:
        if status == AgreementStatus.PROPOSED:
            continue
        for cue in pattern.finditer(head):
            gap = head[cue.end() :]
            if len(re.findall(r"[\w'’-]+", gap)) <= 5 and not re.search(r"[.;:,]", gap):
                best = max(best or 0, len(head) - cue.start())
    return best


def _described_parties(doc: Doc, sent: Sentence, head: str) -> list[Mention]:
    """The subject before a status cue as two or more communities no gazetteer lists ("Leaders of the Nasa
    reserve of Toribío and the community council of Alto Naya signed …"), each a new actor; else none."""
    clause_start = max(head.rfind(c) for c in ".;:–—\n") + 1
    clause = head[clause_start:]
    lead = _REPRESENTED_BY.match(clause.lstrip())
    body_start = clause_start + len(clause) - len(clause.lstrip()) + (lead.end() if lead else 0)
    body = re.sub(
        r"(?:\s+(?:on\s+\w+|have|has|had|jointly|formally|finally|also|today|yesterday))*\s*$",
        "",
        head[body_start:],
    )
    parts = list(re.finditer(r"(?:^|,\s+(?:and\s+)?|\s+and\s+)(?P<part>.+?)(?=,\s|\s+and\s+|$)", body))
    found: list[Mention] = []
    for part in parts:
        piece = part.group("part")
        if not _COMMUNITY.fullmatch(piece):
            return []
        name = re.sub(r"^the\s+", "", piece, flags=re.I)
        entity = actor_entity(name)
        doc_entities(doc).setdefault(entity.id, entity)
        p_start = sent.start_char + body_start + part.start("part") + (len(piece) - len(name))
        found.append(
            Mention(start=p_start, end=p_start + len(name), label="ACTOR", text=name, entity_id=entity.id)
        )
    return found if len(found) >= 2 else []


def _as_party(doc: Doc, mention: Mention) -> Mention | None:
    """The mention as a possible party: an actor, a country, or a national capital standing for its
    state ("between Damascus and the SDF" -> Syria); else None."""
    if not mention.entity_id:
        return None
    if mention.label == "ACTOR":
        return mention
    if mention.label != "PLACE":
        return None
    entity = (doc_value(doc, "entities") or {}).get(mention.entity_id)
    if entity is None:
        return None
    if entity.type == "country":
        return mention
    code = capital_country(entity)
    country = country_entity(code) if code else None
    if country is None:
        return None
    doc_entities(doc).setdefault(country.id, country)
    return replace(mention, entity_id=country.id, text=country.name)


def merge(found: list[_Found]) -> list[Agreement]:
    """One record per (agreement, status) in the document; bare references dropped when a claim exists."""
    merged: dict[tuple[Any, ...], Agreement] = {}
    cued_keys = {f.key for f in found if f.cued and f.key[0] != "generic"}
    for item in found:
        record = item.record
        if not item.cued and item.key in cued_keys:
            continue
        group: tuple[Any, ...] = (item.key, record.status)
        antecedent = _antecedent(merged, record) if item.key[0] == "generic" else None
        if antecedent is not None:  # "the deal", "the agreement": the one reported earlier
            antecedent.attributes.setdefault("also_at", []).append([record.start, record.end])
            continue
        if item.key[0] == "generic":
            existing = next(
                (
                    g
                    for g, r in merged.items()
                    if g[0] == item.key
                    and g[1] == record.status
                    and (not r.date or not record.date or r.date == record.date)
                ),
                None,
            )
            group = existing or (*group, record.start)
        target = merged.get(group)
        if target is None:
            merged[group] = record
            continue
        for pid, party in zip(record.party_ids, record.parties, strict=False):
            if pid not in target.party_ids:
                target.party_ids.append(pid)
                target.parties.append(party)
        if target.date is None and record.date is not None:
            target.date, target.date_precision = record.date, record.date_precision
        target.attributes.setdefault("also_at", []).append([record.start, record.end])
    return list(merged.values())


def _antecedent(merged: dict[tuple[Any, ...], Agreement], record: Agreement) -> Agreement | None:
    """The latest earlier agreement a bare definite reference ("the deal", no parties, no date, same status)
    points back to."""
    if not record.attributes.get("definite") or record.parties or record.date:
        return None
    earlier = [r for r in merged.values() if r.status == record.status and r.start < record.start]
    return max(earlier, key=lambda r: r.start) if earlier else None


@Language.factory("fogline_agreements_v1", requires=["token.is_sent_start"], assigns=["doc._.agreements"])
def make_agreement_extractor(nlp: Language, name: str) -> AgreementExtractor:
    register_extensions()
    return AgreementExtractor()

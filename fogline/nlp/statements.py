"""``fogline.statements.v1``: who said what: condemnations, appeals, demands, accusations, calls.

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
   no record). Quoted speech attributed after the quote ("…,” said X) is handled too. An organisation
   followed by a role ("A Fano commander said", "its representative said") is that organisation with the
   unnamed member's role (``attributes["speaker_unnamed"]``); a unique office ("the UN Secretary-General")
   is its holder when introduced earlier, else the office; "the ombudsman's office" is a speaker; members
   listed in an apposition ("The signatories, among them A and B, said") are not the subject.
3. **Groups.** A list of names under a heading ("Signatory organizations:", "Signed by:") makes a group
   speaker ``undersigned organisations (N)`` with the names in ``attributes["signatories"]``; "the
   undersigned …", "the signatories" and later "they" resolve to it; a sentence with no statement that
   opens with a description of a recent speaker ("The groups set out demands.") keeps it for "They …".
4. **Calls between leaders** (``discuss``): one record per pair, speaker = the grammatical subject, target =
   the counterpart ("X received calls from Y and Z" → X→Y, X→Z; "Y and Z discussed … with X" → Y→X, Z→X).
5. **Embedded posts** ("— Name (@handle) January 8, 2026") → statements by Name with that date, one per act
   found in the post text.
6. **Demands** of appeals and demands are normalised through the lexicon ("immediate ceasefire",
   "protection of civilians", …); unlisted items keep their raw text. In a quotation, "X should …" is an
   appeal and "X must …" a demand; a sentence that is all quotation right after an attributed one continues
   it. "Announced that … would/will …" is an announcement (a decision), "announced that … had …" a plain
   statement. "Rejected accusations that X …" does not target X.

Speaker finding lives in ``fogline.nlp.statement_speakers``; lexicon in ``data/statements.json``.

Dates: the sentence's day-precise "on" DATE mention ("on Thursday", resolved by ``fogline.dates.v1``; years
and "since …" are not statement dates); a continuation ("The statement warned …") without one inherits the
date of the same speaker's dated statement in the last six sentences.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fogline.nlp.extensions import doc_list, doc_text, doc_value, document_id, register_extensions
from fogline.nlp.facilities import Sentence, sentences
from fogline.nlp.fastre import BULLET_MARK
from fogline.nlp.statement_speakers import (
    CAPS,
    Context,
    Cue,
    History,
    Speaker,
    entity_speaker,
    find_signatories,
    find_subjects,
    is_country,
    is_org,
    lexicon,
    mention_speaker,
    note_subject,
    prescan_persons,
    recent_history,
    split_title,
    surname_key,
)
from fogline.schema import DatePrecision, Statement, StatementAct, make_id

EXTRACTOR = "fogline.statements.v1"

_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?|(?:^|(?<=\s))”[^”“]{10,}?[,.!]?”")
_THAT_COMPLEMENT = re.compile(r"^\s*(?:[\w'’-]+\s+){0,4}?that\b", re.I)
_CONTINUATION = re.compile(r"^(?:\s*,)?\s*(?:and\s+|while\s+)?(?:also\s+|further\s+)?$", re.I)
_NOUN_USE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|these|those|such|urgent|renewed|repeated|growing|international|"
    r"[a-z]+ing)\s+$",
    re.I,
)
_COORDINATED = re.compile(r"(?:,|\band)\s+(?:\w+ly\s+)?$")  # ", strongly condemn", "and demanded"
_BULLET = re.compile(r"\s*" + BULLET_MARK + r"\s")
# "said (that) X had violated the truce": the speaker accuses X
_VIOLATION = re.compile(
    r"\s*(?:that\s+)?(?P<subj>[^,;:“”\"]{2,60}?)\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+|again\s+)?"
    r"(?:violated|breached|broken|broke)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:ceasefire|cease-fire|truce|agreement|deal|pause|accord|pact)\b",
    re.I,
)
# "rejected accusations (by X) that …" / "denied X's claims of …": the accused in the clause is no target
_REPORTED_CLAIM = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:accusations?|allegations?|claims?|charges?|reports?|suggestions?|assertions?)"
    r"(?:\s+(?:by|from)\s+[^,;:]{2,60}?)?\s+(?P<that>that|of)\b",
    re.I,
)
# "announced that the border would close / it will hold elections": a decision, still an announcement
_DECISION = re.compile(
    r"\s+that\s+(?:[^,;:.]{0,80}?\s)?(?:would|will|shall|is\s+to|are\s+to|was\s+to|were\s+to|"
    r"(?:had|has|have)\s+decided)\s",
    re.I,
)
_WHOLE_QUOTE = re.compile(r"[“\"][^“”\"]{10,}[”\"]\.?")
_SCARE_QUOTES = re.compile(r"[“”\"]")
# The clause's first finite verb, whose subject a coordinated cue shares ("X called it a massacre and urged")
_PRIOR_VERB = re.compile(r"\b(?:[a-z]{3,}ed|said|told|made|gave|took|spoke|wrote|met|held|sent|says|calls)\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.I)
_POST = re.compile(
    r"^[ \t]*[—–-]{1,2}\s*(?P<name>[^\n(@]{2,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*$",
    re.M,
)
# ", describing the assault as racist", ", saying …": a participle that characterises or reports, after
# which the clause no longer says what is demanded
_CHARACTERISATION = re.compile(
    r",?\s+(?:describing|labell?ing|terming|branding|dubbing|characteri[sz]ing|calling\s+(?:it|them|this|that)\b|"
    r"saying|adding|noting|stressing|arguing|accusing|blaming)\b",
    re.I,
)
_NO_TARGET = frozenset(
    {
        StatementAct.STATE,
        StatementAct.ANNOUNCE,
        StatementAct.EXPRESS_CONCERN,
        StatementAct.DEMAND,
        StatementAct.WARN,
    }
)


# --------------------------------------------------------------------------------------------------
# Cues, targets, demands


def find_cues(text: str, quotes: list[tuple[int, int]]) -> list[Cue]:
    """Speech-act cues outside quotations, left to right (one pass of the acts' alternation)."""
    found: list[Cue] = []
    plain = _SCARE_QUOTES.sub(" ", text)  # scare quotes inside a cue ("is “very concerned”")
    for match in lexicon().acts.finditer(plain):
        start, cue = match.start(), match.group(0)
        act = StatementAct(match.lastgroup or StatementAct.STATE.value)
        if any(qs <= start < qe for qs, qe in quotes):
            continue
        if cue.split()[0].lower().endswith("s") and _NOUN_USE.search(text, max(0, start - 30), start):
            continue  # "rejecting demands", "urgent calls for": nouns, not verbs
        if cue[0].isupper() and text[:start].strip(" “\"'"):
            continue
        if act != StatementAct.EXPRESS_CONCERN and _PASSIVE.search(text, max(0, start - 30), start):
            continue
        found.append(Cue(start, match.end(), act, cue))
    return found


_INFINITIVE = re.compile(
    r"^\s*(?:to\s+)?(?P<addr>[^,;]{0,60}?)\s+(?P<inf>(?:not\s+)?to\s+(?!the\b|a\b|an\b|all\b)[a-z]+\b.*)$",
    re.I | re.S,
)


@lru_cache(maxsize=1)
def _any_demand() -> re.Pattern[str]:
    """One alternation of the lexicon's demand patterns: it matches where any of them does (they hold no
    groups, back-references or inline flags)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p, _ in lexicon().demands), re.I)


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
    if match and len(addressee.split()) <= 6 and not _any_demand().search(addressee):
        wanted = match.group("inf")
        return ("not " if wanted.startswith("not") else "") + re.sub(r"^(?:not\s+)?to\s+", "", wanted), True
    if re.match(r"\s*to\s", clause) or low.endswith((" on", " upon", " to", "appeal")):
        return clause, False
    return clause, True


_ITEMS = re.compile(r",\s+(?:and\s+)?|\s+and\s+(?=(?:for|an?|to|urgent|immediate|renewed)\b)|;")
_LIST_ITEMS = re.compile(r";")


def normalise_demands(clause: str, keep_raw: bool = True) -> list[str]:
    """Short normalised demands from a demand clause; unlisted items keep their text."""
    lex = lexicon()
    clause = _CHARACTERISATION.split(clause, maxsplit=1)[0]
    # a list of items ("to: - guarantee access; - stop attacks on clinics, schools and convoys") splits at its
    # semicolons only: the commas inside an item belong to it
    splitter = _ITEMS if clause.count(";") < 2 else _LIST_ITEMS
    items = [i.strip(" ,.;:“”\"'") for i in splitter.split(clause)]
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
            raw = re.split(r"\s+(?:as|because|since|which|who|while|so\s+that|in\s+order\s+to|where)\s", raw)[
                0
            ]
            raw = re.sub(r"\s+(?:and|or|as\s+well\s+as)$", "", raw)
            if re.match(r"(?:as|because|since|which|who|while|in\s+order|where|so)\b", raw, re.I):
                continue
            words = raw.split()
            fragment = bool(demands or any(p.search(clause) for p, _ in lex.demands)) and (
                len(words) < 4
                or re.match(r"(?:in|with|by|at|from|of|under|within|without|also)\b", raw, re.I)
            )
            if 2 <= len(words) <= 16 and raw[:1].islower() and raw not in demands and not fragment:
                demands.append(raw)
    return demands[:8]


def _targets(
    ctx: Context, sent: Sentence, text: str, start: int, stop: int, max_words: int = 8
) -> list[Speaker]:
    """Actors named right after a cue (within its clause): addressees, accused, counterparts."""
    window = text[start:stop]
    cut = re.search(r"[.;:]|\s(?:to\s+discuss|in\s+order|which|who)\b|,\s+(?!and\b)", window)
    end = start + (cut.start() if cut else len(window))
    out: list[Speaker] = []
    doc, offset = ctx.doc, sent.start_char
    mentions = [
        m
        for m in doc_value(doc, "mentions") or []
        if m.entity_id
        and offset + start <= m.start
        and m.end <= offset + end
        and (m.label == "ACTOR" or (m.label == "PLACE" and is_country(doc, m)))
    ]
    for m in mentions:
        if len(re.findall(r"\w+", text[start : m.start - offset])) <= max_words:
            out.append(mention_speaker(doc, m, ctx.persons))
    if not out:
        for match in CAPS.finditer(text, start, end):
            phrase = match.group(0)
            words = phrase.split()
            if (
                words[0].lower() in lexicon().function_words
                or len(re.findall(r"\w+", text[start : match.start()])) > max_words
            ):
                continue
            role, name = split_title(phrase)
            for part in re.split(r"\s+and\s+(?=[A-Z])", name) if not is_org(name) else [name]:
                known = ctx.persons.get(surname_key(part))
                if known is not None:
                    out.append(entity_speaker(doc, known[0], "person", known[1], part))
                elif is_org(part) or len(part.split()) >= 2 or role:
                    out.append(entity_speaker(doc, part, "org" if is_org(part) else "person", role, part))
    return out


# --------------------------------------------------------------------------------------------------
# Records


def _record(
    ctx: Context,
    sent: Sentence,
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
            ctx = Context(doc, prescan_persons(doc), find_signatories(doc))
            posts = list(_POST.finditer(doc_text(doc)))
        except Exception as exc:  # a failing pre-scan must not stop the document
            doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
            return doc
        post_spans = [(_post_text_start(doc_text(doc), p.start()), p.end()) for p in posts]
        index = 0
        for sent in sentences(doc):
            if not re.search(r"[A-Za-z]", sent.text):
                continue  # blank lines are not sentences for the look-back windows
            if not _BULLET.match(sent.text):
                index += 1  # the items of a list belong to the sentence that introduces them
            if any(s <= sent.start_char < e for s, e in post_spans):
                continue
            try:
                found = self._sentence(ctx, index, sent)
                statements.extend(found)
                if not found:
                    note_subject(ctx, index, sent)
            except Exception as exc:  # one bad sentence must not stop the document
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        for post in posts:
            try:
                statements.extend(_post_statements(ctx, post))
            except Exception as exc:
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        return doc

    def _sentence(self, ctx: Context, index: int, sent: Sentence) -> list[Statement]:
        text = sent.text
        if not text.strip() or text.rstrip().endswith("?") or _is_headline(text):
            return []
        has_quote = '"' in text or "“" in text or "”" in text
        quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)] if has_quote else []
        cues = find_cues(text, quotes)
        if not cues and ctx.last_quote is not None:
            continued = self._continued_quote(ctx, index, sent, text)
            if continued:
                return continued
        records: list[Statement] = []
        offset = sent.start_char
        date = statement_date_in(ctx.doc, sent.start_char, sent.end_char)
        previous: tuple[Cue, Speaker] | None = None
        records.extend(self._discuss(ctx, index, sent, text, quotes, date))
        for i, cue in enumerate(cues):
            act = cue.act
            next_start = cues[i + 1].start if i + 1 < len(cues) else len(text)
            if (
                act == StatementAct.ANNOUNCE
                and re.match(r"\s+that\b", text[cue.end :])
                and not _DECISION.match(text, cue.end, next_start)
            ):
                act = StatementAct.STATE  # "announced that three soldiers had died": a report, not a decision
            floor = cues[i - 1].end if i else 0
            speakers = self._speakers(ctx, sent, text, cue, previous, index, quotes, floor)
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
                    demands = _quoted_demands(quote_text)
                else:
                    clause = text[cue.end : next_start]
                    if re.search(r"\bto\s*$", clause) and i + 1 < len(cues):
                        # "urge X to press for a ceasefire": the next cue is this appeal's own infinitive
                        clause = text[cue.end : cues[i + 2].start if i + 2 < len(cues) else len(text)]
                    if text.rstrip().endswith(":"):
                        clause = (
                            clause.rstrip().rstrip(":")
                            + " "
                            + _following_list(doc_text(ctx.doc), sent.end_char)
                        )
                    demands = normalise_demands(*demand_clause(cue.text, clause))
            no_target = content_act in _NO_TARGET or re.search(r"\bfor$", cue.text, re.I)
            reach = 3 if content_act == StatementAct.APPEAL else 8  # an appeal's target is its addressee
            stop = next_start
            if content_act in {StatementAct.REJECT, StatementAct.DENY}:
                claim = _REPORTED_CLAIM.match(text, cue.end, next_start)
                if claim is not None:  # "rejected accusations that its troops backed M23": not M23
                    stop = claim.start("that")
            targets = [] if no_target else _targets(ctx, sent, text, cue.end, stop, reach)
            violation = (
                _VIOLATION.match(text, cue.end, next_start) if content_act == StatementAct.STATE else None
            )
            if violation is not None:  # "said Afghan forces had violated the ceasefire": an accusation
                accused = _targets(ctx, sent, text, violation.start("subj"), violation.end("subj"))
                if accused:
                    content_act, targets = StatementAct.ACCUSE, accused
            for speaker in speakers:
                statement_date, inherited = date, False
                antecedent = recent_history(ctx, index, 6, speaker) if date[0] is None else None
                if antecedent is not None:
                    statement_date, inherited = (antecedent.date, antecedent.precision), True
                target = next((t for t in targets if t.entity_id != speaker.entity_id), None)
                attrs: dict[str, Any] = {"cue": cue.text}
                if inherited:
                    attrs["date_inherited"] = True
                if quote_text is not None:
                    attrs["quoted"] = quote_text
                    ctx.last_quote = (index, speaker)
                span = (offset + cue.start, offset + cue.end)
                records.append(
                    _record(
                        ctx, sent, speaker, content_act, *span, target, list(demands), statement_date, attrs
                    )
                )
                ctx.history.append(History(index, speaker, statement_date[0], statement_date[1]))
            previous = (cue, speakers[0])
        return _dedupe(records)

    def _speakers(
        self,
        ctx: Context,
        sent: Sentence,
        text: str,
        cue: Cue,
        previous: tuple[Cue, Speaker] | None,
        index: int,
        quotes: list[tuple[int, int]],
        floor: int = 0,
    ) -> list[Speaker]:
        """Who utters ``cue``: the complement's outer speaker, the clause subject, the previous verb's
        subject (participles, coordinated verbs) or the name after a quotation. The previous verb is looked
        for after ``floor`` (the end of the cue before, whose speaker was not found: "…, the ministry said,
        blaming …" is not said by the subject of the verb before "said")."""
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
            or _COORDINATED.search(text, max(0, cue.start - 30), cue.start)
        ):
            return [previous[1]]
        if previous is None and _COORDINATED.search(text, max(0, cue.start - 30), cue.start):
            clause_start = max(text.rfind(";", 0, cue.start) + 1, text.rfind(":", 0, cue.start) + 1, floor)
            verb = _PRIOR_VERB.search(text, clause_start, cue.start)
            if verb is not None:
                prior = Cue(verb.start(), verb.end(), StatementAct.STATE, verb.group(0))
                speakers = find_subjects(ctx, sent, text, prior, index, quotes)
                if speakers:
                    return speakers
        speaker = self._after_quote(ctx, sent, text, cue)
        return [speaker] if speaker is not None else []

    @staticmethod
    def _continued_quote(ctx: Context, index: int, sent: Sentence, text: str) -> list[Statement]:
        """A sentence that is all quotation, right after a quotation attributed to a speaker, continues it:
        recorded when it appeals or demands ("The authorities should investigate …")."""
        body = text.strip()
        if ctx.last_quote is None or ctx.last_quote[0] != index - 1 or not _WHOLE_QUOTE.fullmatch(body):
            return []
        speaker = ctx.last_quote[1]
        quote = body.strip('“”" .')
        act = _first_person_act(quote)
        if act is None or act == StatementAct.STATE:
            return []
        demands = _quoted_demands(quote) if act in {StatementAct.APPEAL, StatementAct.DEMAND} else []
        date = statement_date_in(ctx.doc, sent.start_char, sent.end_char)
        attrs: dict[str, Any] = {"cue": "continued quotation", "quoted": quote}
        if date[0] is None:
            antecedent = recent_history(ctx, index, 6, speaker)
            if antecedent is not None:
                date = (antecedent.date, antecedent.precision)
                attrs["date_inherited"] = True
        lead = len(text) - len(text.lstrip())
        span = (sent.start_char + lead, sent.start_char + lead + len(body))
        ctx.history.append(History(index, speaker, date[0], date[1]))
        ctx.last_quote = (index, speaker)
        return [_record(ctx, sent, speaker, act, *span, None, demands, date, attrs)]

    @staticmethod
    def _attached_quote(text: str, cue: Cue, quotes: list[tuple[int, int]]) -> str | None:
        """The quotation a say-verb attributes (right before or after it)."""
        for qs, qe in quotes:
            if 0 <= cue.start - qe <= 40 or 0 <= qs - cue.end <= 6:
                return text[qs:qe].strip('“”" ')
        return None

    @staticmethod
    def _after_quote(ctx: Context, sent: Sentence, text: str, cue: Cue) -> Speaker | None:
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
        chosen = persons or found
        return chosen[0] if chosen else None

    def _discuss(
        self,
        ctx: Context,
        index: int,
        sent: Sentence,
        text: str,
        quotes: list[tuple[int, int]],
        date: tuple[str | None, DatePrecision | None],
    ) -> list[Statement]:
        """Calls and talks between leaders: one record per (subject, counterpart) pair."""
        lex = lexicon()
        out: list[Statement] = []
        if lex.discuss_any is not None and lex.discuss_any.search(text) is None:
            return out  # none of the three patterns can match: one search instead of three
        for pattern in (lex.discuss_received, lex.discuss_with, lex.discuss_plain):
            match = pattern.search(text)
            if match is None:
                continue
            cue = Cue(match.start(), match.end(), StatementAct.DISCUSS, match.group(0))
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
                others: list[Speaker | None] = list(counterparts) or [None]
                for other in others:
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
                ctx.history.append(History(index, subject, date[0], date[1]))
            break
        return out

    @staticmethod
    def _subjects(
        ctx: Context, sent: Sentence, text: str, cue: Cue, index: int, quotes: list[tuple[int, int]]
    ) -> list[Speaker]:
        subjects = find_subjects(ctx, sent, text, cue, index, quotes)
        if len(subjects) == 1 and subjects[0].kind == "person" and " and " in subjects[0].text:
            # "Presidents Macron and Erdogan" read as one capitalised phrase
            subjects = []
            for part in re.split(r"\s+and\s+", split_title(text[: cue.start].split(",")[-1].strip())[1]):
                known = ctx.persons.get(surname_key(part))
                name = known[0] if known else part
                subjects.append(entity_speaker(ctx.doc, name, "person", known[1] if known else None, part))
        return subjects


def statement_date_in(doc: Doc, start: int, end: int) -> tuple[str | None, DatePrecision | None]:
    """A day-precise date in [start, end) ("on Thursday", "on 7 January"), else none."""
    for m in doc_value(doc, "dates") or []:
        inside = start <= m.start and m.end <= end and m.value and m.precision == "day"
        if (
            inside
            and m.attributes.get("relation", "on") in {"on", "as_of"}
            and not m.attributes.get("future")
        ):
            return m.value, DatePrecision.DAY
    return None, None


def _reporting_only(doc: Doc, speaker: Speaker, cue: Cue) -> bool:
    """A news outlet "reported" something: a source of facts, not a statement of its own."""
    entity = (doc_value(doc, "entities") or {}).get(speaker.entity_id or "")
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


_FIRST_PERSON = re.compile(r"\b(?:we|i)\s+(?:\w+\s+){0,2}$", re.I)
# a quotation opening with its author in the third person: "The Secretary-General calls on all parties …"
_OPENING_SUBJECT = re.compile(r"^\s*(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}(?:also\s+|\w+ly\s+)?$")


def _performative(quote: str, cue: Cue) -> bool:
    """The quotation's speaker performs the act: "we demand …", "The Council urges …" (present tense)."""
    before = quote[: cue.start]
    if _FIRST_PERSON.search(before):
        return True
    verb = cue.text.split()[0].lower()
    return bool(_OPENING_SUBJECT.match(before)) and verb.endswith("s") and not verb.endswith("ss")


# "The authorities should investigate …", "All parties must allow …": what the quotation's author asks for
_RECOMMENDATION = re.compile(
    r"(?:^|[,;]\s+(?:and\s+)?|[.!]\s+)(?P<subj>(?:[Tt]he|[Aa]ll|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,3}?)\s+"
    r"(?P<modal>should|must)\s+(?:(?:immediately|urgently|also|now|promptly)\s+)?"
    r"(?!be\b|have\b|not\b|never\b|always\b)(?P<verb>[a-z]{3,})\b"
)
_NOT_ADDRESSEES = frozenset({"we", "i", "you", "it", "this", "that", "there", "they", "he", "she", "one"})


def _recommendation(quote: str) -> tuple[StatementAct, str] | None:
    """The act ("should" → appeal, "must" → demand) and demanded clause of a recommendation in a quotation."""
    for match in _RECOMMENDATION.finditer(quote):
        if match.group("subj").split()[0].lower() in _NOT_ADDRESSEES:
            continue
        clause = re.split(r"[;.!]|,\s+(?:and|but|while)\s", quote[match.start("verb") :])[0].strip(" ,")
        if len(clause.split()) == 1:  # "Attacks on health care must stop": stop attacks on health care
            subject = match.group("subj")
            clause = f"{clause.strip()} {subject[0].lower()}{subject[1:]}"
        act = StatementAct.APPEAL if match.group("modal") == "should" else StatementAct.DEMAND
        return act, clause
    return None


def _quoted_demands(quote: str) -> list[str]:
    """The demands of a quotation's first performed act cue ("we demand …", "… calls on all parties to …"),
    else of its recommendation ("The authorities should investigate …")."""
    for cue in find_cues(quote, []):
        if cue.act != StatementAct.STATE and _performative(quote, cue):
            return normalise_demands(*demand_clause(cue.text, quote[cue.end :]))
    recommendation = _recommendation(quote)
    if recommendation is not None:
        return normalise_demands(recommendation[1])
    return normalise_demands(quote)


def _first_person_act(quote: str) -> StatementAct | None:
    for cue in find_cues(quote, []):
        if cue.act != StatementAct.STATE and _performative(quote, cue):
            return cue.act
    recommendation = _recommendation(quote)
    return recommendation[0] if recommendation is not None else None


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
    if text.rstrip()[-1:] in {".", "!", "?", '"', "”", ":", "'", "’"}:
        return False  # headlines carry no sentence-final punctuation
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.75


def _post_text_start(text: str, attribution: int) -> int:
    """Where the embedded post's text begins: the start of the paragraph before the attribution line."""
    before = text[:attribution].rstrip()
    cut = before.rfind("\n")
    return cut + 1 if cut >= 0 else 0


def _post_statements(ctx: Context, post: re.Match[str]) -> list[Statement]:
    doc = ctx.doc
    start = _post_text_start(doc_text(doc), post.start())
    body = doc_text(doc)[start : post.start()].strip()
    if not body:
        return []
    name = " ".join(w for w in post.group("name").split() if re.match(r"[A-Za-z]", w))
    known = ctx.persons.get(surname_key(name)) if name else None
    speaker = entity_speaker(doc, known[0] if known else name, "person", known[1] if known else None, name)
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
    sent = Sentence(doc_text(doc)[start : post.end()], start, post.end())
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


@Language.factory("fogline_statements_v1", requires=["token.is_sent_start"], assigns=["doc._.statements"])
def make_statement_extractor(nlp: Language, name: str) -> StatementExtractor:
    register_extensions()
    return StatementExtractor()

"""``fogline.figures.v1``: people killed, injured, displaced…, with group, side, source, place and date.

Per sentence, rule-based over tokens (no parser):

1. find quantities (``fogline.nlp.numbers``) and drop those that count no people: dates ("10 March",
   "2025"), ages ("12-year-old"), durations ("four days", "six-day"), money, percentages, units, times,
   "Resolution 2254", "clause 3";
2. read the victim phrase after the number: modifiers then a head noun ("38 Damascus-affiliated fighters",
   "43 civilians", "one Asayish member"); a head that is itself a measure ("13 deaths", "dozens of civilian
   casualties"); or nothing ("64 injured"); any other noun ("thousands of armed men attacked",
   "three vehicles") leaves the number without a measure, so it is dropped;
3. decide the measure: the head noun, else a trigger after the phrase ("were killed", "lost their lives",
   "fled"), else a trigger just before ("killing 23", "the displacement of 155,000", "death toll rose to 23",
   "home to 250,000", "the death toll from the strike on the market was 45"). Numbers joined by commas/"and"
   share the trigger after the list ("38 fighters, one member and 43 civilians were killed"); a phrase
   followed by "said"/"told" is the speaker, not a victim ("…, including 13 civilians, a police officer
   said");
4. group from the head noun and its modifiers (``fogline.nlp.figures_lexicon``); "others"/"more" take the
   group of the sentence's earlier figures when those agree; "people, mostly soldiers" takes the group of
   most victims (``figures_words``); leaders of an armed ACTOR are its fighters (``figures_leaders``); side
   from a capitalised or hyphenated modifier or an "of/from X" phrase for fighters and security forces;
5. source from the attribution phrase in the same sentence nearest the figure (``figures_source``); its
   entity from an ACTOR mention over the phrase, else ``actor_entity(name)``; place from the most specific
   PLACE mention of the sentence (not a wire story's dateline); dates from the sentence's DATE mentions
   ("since" → start, "as of" → end).

Precision first: a number with no measure is not a figure. Works without the other components: no mentions
means no ids, place or date, but the figure is still emitted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from fogline.nlp.extensions import doc_entities, doc_list, document_id, register_extensions
from fogline.nlp.figures_context import add_incident_context, figure_dates, figure_place, sentence_string
from fogline.nlp.figures_leaders import LEADER_HEADS, leaders_group
from fogline.nlp.figures_source import Attribution, find_attributions
from fogline.nlp.figures_tally import drop_redundant
from fogline.nlp.figures_triggers import not_a_conflict_count
from fogline.nlp.figures_victims import SIDE_GROUPS, Victims, find_victims
from fogline.nlp.gazetteer_match import token_table
from fogline.schema import Entity, Figure, Measure, Mention, VictimGroup, make_id

EXTRACTOR = "fogline.figures.v1"


def _actor_lookup() -> Callable[[str], Entity] | None:
    try:
        from fogline.gazetteer.actors import actor_entity
    except ImportError:
        return None
    return actor_entity


def _slice(sent: Span, start: int, end: int) -> str:
    """Document characters [start:end] inside the sentence."""
    return sentence_string(sent)[start - sent.start_char : end - sent.start_char]


def _char_span(sent: Span, start: int, end: int) -> tuple[int, int]:
    table = token_table(sent.doc)
    a, b = sent.start + start, sent.start + end - 1
    if not (sent.start <= a < sent.end and sent.start <= b < sent.end):
        raise IndexError("token index out of range")
    return table.idx[a], table.idx[b] + len(table.texts[b])


def _mention_over(doc: Doc, label: str, start: int, end: int) -> Mention | None:
    best = None
    for m in doc._.mentions or []:
        overlaps = m.label == label and m.start < end and m.end > start and m.entity_id
        if overlaps and (best is None or (m.end - m.start) > (best.end - best.start)):
            best = m
    return best


class FigureExtractor:
    """The spaCy component: writes ``Figure`` records to ``doc._.figures``."""

    def __init__(self) -> None:
        self._actor_entity = _actor_lookup()

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        figures = doc_list(doc, "figures")
        found: list[Figure] = []
        sents = list(doc.sents)
        for k, sent in enumerate(sents):
            try:
                figs = self.sentence_figures(doc, sent)
                if figs:
                    add_incident_context(doc, sents, k, figs)
                found.extend(figs)
            except Exception as exc:  # one bad sentence must not stop the document
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        figures.extend(drop_redundant(found))
        return doc

    def sentence_figures(self, doc: Doc, sent: Span) -> list[Figure]:
        victims = find_victims(sent)
        if not victims:
            return []
        words = token_table(doc).lowers[sent.start : sent.end]
        victims = [
            v
            for v in victims
            if v.measure is None
            or not not_a_conflict_count(words, v.q.start, v.np_end, v.head, v.measure, v.q.low)
        ]
        if not victims:
            return []
        attributions = find_attributions(sent)
        out = []
        for v in victims:
            out.append(self._figure(doc, sent, v, attributions, victims))
        return out

    def _entity_id(self, doc: Doc, name: str, start: int, end: int, create: bool) -> str | None:
        mention = _mention_over(doc, "ACTOR", start, end)
        if mention is not None:
            return mention.entity_id
        if self._actor_entity is None or not any(c.isupper() for c in name):
            return None
        if _mention_over(doc, "PLACE", start, end) is not None and not create:
            return None
        entity = self._actor_entity(name)
        if not create and entity.origin != "gazetteer":
            return None
        doc_entities(doc).setdefault(entity.id, entity)
        return entity.id

    def _figure(
        self, doc: Doc, sent: Span, v: Victims, attributions: list[Attribution], victims: list[Victims]
    ) -> Figure:
        start, end = _char_span(sent, v.q.start, v.np_end if v.np_end > v.q.end else v.q.end)
        fields: dict[str, Any] = {}
        group = None
        if v.head in LEADER_HEADS:
            side = _char_span(sent, *v.side) if v.side is not None else None
            group = leaders_group(doc, sent, side, v.q.start if v.definite else None)
        group = group or v.group or VictimGroup.UNKNOWN
        if v.side is not None and group in SIDE_GROUPS and _armed_side(doc, sent, v, group):
            s0, s1 = _char_span(sent, *v.side)
            fields["side"] = _slice(sent, s0, s1)
            fields["side_id"] = self._entity_id(doc, fields["side"], s0, s1, create=False)
        inside = [(x.q.start, x.np_end) for x in victims]
        usable = [a for a in attributions if not any(a.start < e and a.end > s for s, e in inside)]
        if usable:
            best = min(usable, key=lambda a: min(abs(a.cue - v.q.start), abs(a.cue - v.np_end)))
            a0, a1 = _char_span(sent, best.start, best.end)
            fields["source"] = _slice(sent, a0, a1)
            fields["source_id"] = self._entity_id(doc, fields["source"], a0, a1, create=True)
        skip: tuple[int, int] | None = None
        if usable:  # "a source from the Red Crescent in Western Kurdistan": the source's seat, not the place
            tail = best.end
            if tail < len(sent) and sent[tail].lower_ in ("in", "of", "at", "("):
                skip = (sent[tail].idx, _char_span(sent, tail, min(tail + 7, len(sent)))[1])
        fields.update(figure_place(doc, sent, start, skip, end))
        fields.update(figure_dates(doc, sent, start, end))
        doc_id = document_id(doc)
        return Figure(
            id=make_id(doc_id, EXTRACTOR, start, end, str(v.measure), str(group)),
            document_id=doc_id,
            start=start,
            end=end,
            quote=sentence_string(sent),
            extractor=EXTRACTOR,
            confidence=round(max(0.1, min(v.confidence, 1.0)), 2),
            measure=v.measure or Measure.KILLED,
            group=group,
            low=v.q.low,
            high=v.q.high,
            qualifier=v.q.qualifier,
            number_text=_slice(sent, *_char_span(sent, v.q.start, v.q.end)),
            **fields,
        )


def _armed_side(doc: Doc, sent: Span, v: Victims, group: VictimGroup) -> bool:
    """A side for victims of unknown status only when it names an organisation (an acronym or an ACTOR
    mention): "12 Hausa men", "30 Syrians" name who the people are, not a party to the conflict."""
    if group != VictimGroup.UNKNOWN or v.side is None:
        return True
    s0, s1 = _char_span(sent, *v.side)
    text = _slice(sent, s0, s1)
    return any(t.isupper() and len(t) > 1 for t in text.replace("-", " ").split()) or (
        _mention_over(doc, "ACTOR", s0, s1) is not None
    )


@Language.factory("fogline_figures_v1", requires=["doc.sents"], assigns=["doc._.figures"])
def make_figure_extractor(nlp: Language, name: str) -> FigureExtractor:
    return FigureExtractor()

"""The discourse around an event sentence: where to look for the day and place it does not state itself.

Reports state the day and place of an incident once and then go on without repeating them ("The strike
killed two people", "Peacekeepers repelled the assailants"), or give them in the next sentence ("The attack
took place on Friday afternoon in the village of X"). ``Passage`` knows the sentences, paragraphs, list items
and the lead of a document: ``preceding(sent)`` are the earlier sentences of the same passage (the paragraph;
a list with its introduction; the lead for the paragraph after it), nearest first; ``following(sent)`` is
the next sentence when it opens with a definite reference to an event ("The attack …", "The bombs …").

``is_speech_date`` tells a date that dates the speaking ("a local official said on Thursday") from one that
dates the event; ``is_reference_point`` a place used to locate another ("60 km east of Zemio").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from fogline.nlp.extensions import doc_text

LIST_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s")
# "said on Thursday", "told reporters on Monday", "said in a statement four days later"
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+[\w'’.-]+){0,3}|announced|reported|stated|added|confirmed|declared|claimed|"
    r"wrote|tweeted|posted)\s+(?:(?:in|on)\s+(?:a|an|its|their|his|her)\s+(?:\w+\s+)?"
    r"(?:statement|post|briefing|report|interview|conference)\s+)?$",
    re.IGNORECASE,
)
# A definite reference to an event the text has just named, opening a sentence.
EVENT_ANAPHOR = re.compile(
    r"^\W*(?:the|this|that|these|those)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:attacks?|(?:air|drone)\s*strikes?|strikes?|bombs?|bombings?|bombardment|shelling|raids?|massacres?|"
    r"killings?|assault|ambush|explosions?|blasts?|clash(?:es)?|fighting|shootout|shooting|incident)\b",
    re.IGNORECASE,
)
# A sentence that announces another incident or time does not take its day from the sentences before it.
_ANOTHER = re.compile(
    r"\b(?:separate(?:ly)?|elsewhere|another|earlier|previous(?:ly)?|prior|last\s+(?:week|month|year)|"
    r"(?:hours|days|weeks|months)\s+(?:after|before))\b",
    re.IGNORECASE,
)
_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_REFERENCE_POINT = re.compile(
    rf"(?:\b(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s)\s+(?:\w+\s+)?(?:{_COMPASS}\s+)?(?:of|from)"
    rf"|\b{_COMPASS}(?:ern)?\s+of)\s+"
    r"(?:the\s+(?:city|town|village|capital|provincial capital)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
CONTEXT_REACH = 3  # sentences (list items aside) an event may look back for its day or place
_LEAD_MIN_WORDS = 8


def is_speech_date(text: str, start: int, floor: int = 0) -> bool:
    """Whether the date at ``start`` dates a speech act ("the army said on Monday"), not the event."""
    return _SPEECH_BEFORE.search(text[max(floor, start - 80) : start]) is not None


def is_reference_point(text: str, start: int) -> bool:
    """Whether the place at ``start`` locates another one ("some 60 km east of Zemio", "north of Gao")."""
    return _REFERENCE_POINT.search(text[max(0, start - 50) : start]) is not None


def announces_another(text: str) -> bool:
    """A sentence about a separate incident or an earlier time ("In a separate attack …")."""
    return _ANOTHER.search(text) is not None


class Passage:
    """The sentences of a document with their paragraphs, lists and lead."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.sents: list[Span] = list(doc.sents)
        self.index = {s.start_char: i for i, s in enumerate(self.sents)}
        self.lead_start, self.lead_end = self._lead()

    def _lead(self) -> tuple[int, int]:
        """The first paragraph with a real sentence (not a heading or a dateline line)."""
        for s in self.sents:
            piece = self.text[s.start_char : s.end_char]
            if len(piece.split()) >= _LEAD_MIN_WORDS and not piece.lstrip().startswith("#"):
                end = self.text.find("\n", s.start_char)
                return self.text.rfind("\n", 0, s.start_char) + 1, len(self.text) if end < 0 else end
        return 0, 0

    def sentence_text(self, sent: Span) -> str:
        return self.text[sent.start_char : sent.end_char]

    def preceding(self, sent: Span) -> list[Span]:
        """Earlier sentences of the same passage, nearest first (at most ``CONTEXT_REACH`` besides list
        items). A paragraph break ends the passage unless the paragraph before is the lead, ends with a
        colon, or both sides are items of one list."""
        i = self.index.get(sent.start_char)
        if i is None or announces_another(self.sentence_text(sent)):
            return []
        out: list[Span] = []
        steps = 0
        while i > 0 and steps < CONTEXT_REACH:
            cur, prev = self.sents[i], self.sents[i - 1]
            before = self.text[prev.start_char : cur.start_char]
            listed = LIST_ITEM.match(before) is not None
            if "\n" in before and not (
                before.rstrip().endswith(":")
                or (listed and LIST_ITEM.match(self.sentence_text(cur)) is not None)
                or self.lead_start <= prev.start_char < self.lead_end
            ):
                break
            out.append(prev)
            steps += 0 if listed else 1
            i -= 1
        return out

    def following(self, sent: Span) -> Span | None:
        """The next sentence when it opens with a definite reference to an event ("The attack took place
        …"): it tells more about the same event."""
        i = self.index.get(sent.start_char)
        if i is None or i + 1 >= len(self.sents):
            return None
        nxt = self.sents[i + 1]
        text = self.sentence_text(nxt)
        return nxt if EVENT_ANAPHOR.match(text) and not announces_another(text) else None

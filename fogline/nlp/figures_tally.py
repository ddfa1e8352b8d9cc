"""Counting rules over a document's figures: ACLED's fatality count and civilian/non-civilian splits.

ACLED's rule (codebook): sum the killed of every distinct group of the event, take the most conservative
figure when several are given for the same victims, code "dozens" as 12, "several"/"many" as 10, "hundreds"
as 100, never count injuries, and 0 when no number is given.

Here, figures in one sentence that name different victims are added up ("38 fighters, one member and 43
civilians" → 82); a figure introduced by "including" / "among them" / "two of the", or followed by "were
among", is a part of another and is not added; an unknown-group count beside named groups is taken as
their total; across sentences the same group is counted once, with its lowest figure, and different groups
are added.
Attackers are counted among the dead, as ACLED does (a suicide bomber who "blew himself up" is a fatality).
Deaths a protest is about ("marched after the killing of 4 students"), and deaths given as the reason for any
event ("in retaliation for the killing of 3", "following the death of a boy"), are not the event's toll. A
figure that repeats an earlier one of its sentence word for word (scraped text run twice) is counted once.
Deaths reported with no number ("an unknown number of soldiers were killed", "heavy casualties") count as
``UNSPECIFIED_VALUE`` (10) when the caller asks for ACLED's convention.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from fogline.nlp.numbers import parse_quantity
from fogline.schema import Figure, Measure, Qualifier, VictimGroup

CIVILIAN_GROUPS = {VictimGroup.CIVILIANS, VictimGroup.CHILDREN, VictimGroup.WOMEN, VictimGroup.UNKNOWN}
ARMED_GROUPS = {VictimGroup.FIGHTERS, VictimGroup.SECURITY_FORCES}
_SUBSET_BEFORE = re.compile(
    r"(?:including|among\s+(?:them|whom|the\s+\w+|those\s+\w+)?|of\s+(?:them|whom)|of\s+the\s+\w+)\W*$",
    re.IGNORECASE,
)


# "including a woman and two children": later items of an "including" list are parts too
_SUBSET_LIST = re.compile(
    r"\b(?:including|among\s+(?:them|whom))\s+[^.;:()]{1,60}?(?:,|\band\b)\s*$",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|whom|those)\b", re.IGNORECASE)
_DEFINITE = {"the", "his", "her", "their", "its", "him"}
_AMONG_AFTER = re.compile(
    r"\s+(?:were|was|are|is)\s+(?:also\s+)?(?:(?:identified|listed|counted|confirmed)\s+)?among\b",
    re.IGNORECASE,
)


def acled_value(figure: Figure) -> int:
    """ACLED's conservative count for one figure ("dozens" → 12, "more than 100" → 100, "at least 6" → 6)."""
    q = parse_quantity(figure.number_text)
    if q is not None:
        return q.acled_value
    if figure.qualifier == Qualifier.MORE_THAN:
        return max(figure.low - 1, 0)
    return figure.low


def is_subset(figure: Figure, text: str) -> bool:
    """True when the text gives the figure as part of another ("including 6 children", "two of the")."""
    before = text[max(0, figure.start - 40) : figure.start]
    after = text[figure.start + len(figure.number_text) : figure.start + len(figure.number_text) + 10]
    wider = text[max(0, figure.start - 80) : figure.start]
    if _SUBSET_BEFORE.search(before) or _PARTITIVE.match(after) or _SUBSET_LIST.search(wider):
        return True
    return bool(_AMONG_AFTER.match(text, figure.end))


def sentence_key(figure: Figure, text: str) -> tuple[str, int]:
    """The sentence a figure was read from (its start in the text: a repeated sentence is another one)."""
    start = text.rfind(figure.quote, 0, figure.start + len(figure.quote)) if figure.quote else -1
    return figure.document_id, start if start >= 0 else figure.start


_WITH_BEFORE = re.compile(r"(?<!along\s)(?<!together\s)\bwith\s+(?:at\s+least\s+|some\s+|about\s+)?$", re.I)


def _part_with(figure: Figure, sentence: list[Figure], text: str) -> bool:
    """True for a smaller count of the same victims after "with" ("32 people were killed, with 18 bodies
    pulled from one building"): a part of the figure before it, not more victims."""
    if not _WITH_BEFORE.search(text[max(0, figure.start - 30) : figure.start]):
        return False
    if re.match(r"\s*(?:more|others?|additional|further)\b", text[figure.start + len(figure.number_text) :]):
        return False  # "with 4 more killed later": more victims
    return any(
        g.start < figure.start and g.group == figure.group and acled_value(g) > acled_value(figure)
        for g in sentence
    )


def _is_reference(figure: Figure) -> bool:
    """ "the driver", "his brother": one person the text may already have counted."""
    return figure.number_text.lower() in _DEFINITE


def _without_repeats(figures: list[Figure], text: str) -> list[Figure]:
    """Drop a figure whose words repeat an earlier one of the same sentence word for word (scraped text that
    runs a paragraph twice without a full stop)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in sorted(figures, key=lambda f: f.start):
        key = (str(f.group), text[max(0, f.start - 12) : f.end + 12].lower(), "")
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def killed_by_group(
    figures: Iterable[Figure], text: str, combine: Callable[[int, int], int] = min
) -> dict[VictimGroup, int]:
    """Killed counts per victim group under ACLED's rule (``combine``: how two sentences' counts for one group
    merge; ACLED keeps the most conservative), before adding the groups up."""
    killed = [f for f in figures if f.measure == Measure.KILLED]
    if any(not _is_reference(f) for f in killed):
        killed = [f for f in killed if not _is_reference(f)]
    by_sentence: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for f in killed:
        by_sentence[sentence_key(f, text)].append(f)
    counts: dict[VictimGroup, int] = {}
    seen_in: dict[VictimGroup, set[tuple[str, int]]] = defaultdict(set)
    for key, sentence in by_sentence.items():
        sentence = _without_repeats(sentence, text)
        whole = [f for f in sentence if not is_subset(f, text) and not _part_with(f, sentence, text)]
        if not whole:  # only parts are given: keep the largest
            whole = [max(sentence, key=acled_value)]
        local: dict[VictimGroup, int] = defaultdict(int)
        for f in whole:
            local[f.group] += acled_value(f)
        # an unknown-group figure beside named groups in one sentence is usually their total (the same
        # people when it equals them: "kills 19 … 19 civilians were killed")
        if VictimGroup.UNKNOWN in local and len(local) > 1:
            named = sum(v for g, v in local.items() if g != VictimGroup.UNKNOWN)
            if local[VictimGroup.UNKNOWN] > named:
                local = defaultdict(int, {VictimGroup.UNKNOWN: local[VictimGroup.UNKNOWN]})
            else:
                del local[VictimGroup.UNKNOWN]
        for group, value in local.items():
            counts[group] = combine(counts[group], value) if group in counts else value
            seen_in[group].add(key)
    return _without_civilian_parts(counts, seen_in)


_CIVILIAN_PARTS = (VictimGroup.CHILDREN, VictimGroup.WOMEN)


def _without_civilian_parts(
    counts: dict[VictimGroup, int], seen_in: dict[VictimGroup, set[tuple[str, int]]]
) -> dict[VictimGroup, int]:
    """Children and women counted in other sentences than a civilians figure that can hold them are part of
    it ("15 civilians were killed …" then "eleven children were killed"), not more victims."""
    civilians = counts.get(VictimGroup.CIVILIANS, 0)
    parts = [g for g in _CIVILIAN_PARTS if g in counts and not seen_in[g] & seen_in[VictimGroup.CIVILIANS]]
    if civilians and parts and sum(counts[g] for g in parts) <= civilians:
        return {g: v for g, v in counts.items() if g not in parts}
    return counts


_PROTEST = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|marched|marchers|riot\w*|funeral|"
    r"mourn\w*|vigil|strike|sit-in|anniversary)\b",
    re.IGNORECASE,
)
# a death given as the reason for the event, whatever the event ("in retaliation for the killing of 3")
_PRIOR = re.compile(
    r"\b(?:(?:in\s+)?(?:retaliation|revenge|reprisal|response)\s+(?:for|to|of)|following|after|over|"
    r"avenge|avenging)\s+(?:the\s+)?(?:recent\s+|earlier\s+|alleged\s+|reported\s+)?"
    r"(?:death|deaths|killing|killings|murder|murders|assassination|lynching|execution|beheading)\s+of\s*"
    r"(?:(?:an?|the|his|her|their)\s+[\w-]+\s*(?:and|,)\s*)?$",  # "… of a sister and [brother]"
    re.IGNORECASE,
)
_CAUSE = re.compile(
    r"\b(?:(?:death|deaths|killing|killings|murder|murders|assassination|lynching)\s+of|after|"
    r"following|over|against)\b",
    re.IGNORECASE,
)


def is_background(figure: Figure, text: str) -> bool:
    """A death that a protest is about ("rallied after the killing of 3 students"): not the protest's toll."""
    start = text.rfind(figure.quote, 0, figure.start + len(figure.quote)) if figure.quote else -1
    head = text[start if start >= 0 else max(0, figure.start - 200) : figure.start]
    if _PRIOR.search(head[-90:]):
        return True
    cue = _PROTEST.search(head)
    return bool(cue and _CAUSE.search(head, max(cue.end(), len(head) - 90)))


# deaths reported without a number: ACLED codes them as 10 ("an unknown number of soldiers were killed")
UNSPECIFIED_VALUE = 10
_UNSPECIFIED = re.compile(
    r"\b(?:(?:unknown|unidentified|unspecified|undetermined|undisclosed|unconfirmed)\s+number\s+of\s+(?:\w+\s+){0,4}?"
    r"(?:killed|dead|casualties|causalities|fatalities|deaths|losses)"
    r"|(?:heavy|several|many|numerous|significant|multiple)\s+(?:casualties|causalities|fatalities|deaths|losses)"
    r"|(?:kill|kills|killed|killing)\s+(?:an?\s+)?(?:unknown|unspecified|undisclosed|unidentified)\s+number"
    r"|(?:unknown|unspecified|undisclosed)\s+number\s+(?:\w+\s+){0,2}?(?:killed|dead)"
    r"|\ban?\s+(?:unknown\s+)?number[\"'”]?\s+of\s+(?:[\w\"'’-]+\s+){0,5}?(?:were|was|are|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?:killed|dead)"
    r"|[\"“]?(?:some|many|several)[\"”]?\s+(?:of\s+(?:their|the)\s+)?(?:[\w-]+\s+){0,3}?(?:were|was)\s+killed"
    r"|(?:killed|kill|kills)\s+[\"“]?(?:many|some|several)[\"”]?\s+of"
    r"|(?:suffered|caused|causing|inflicted|inflicting|sustained|incurred|left)\s+(?:heavy\s+|some\s+|several\s+)?"
    r"(?:casualties|causalities|fatalities|losses)"
    r"|(?:casualties|causalities|fatalities|deaths)\s+(?:were\s+|was\s+|have\s+been\s+|had\s+)?(?:\w+ly\s+)?"
    r"(?:reported|confirmed|occurred|inflicted)(?!\s+(?:no|none))"
    r"|(?:specific|exact)\s+numbers?\s+(?:of\s+(?:fatalities|casualties|deaths)\s+)?(?:were\s+)?not\s+"
    r"(?:known|reported|given|available)"
    r"|\bno\s+(?:specific|exact)\s+numbers?\s+of\s+(?:fatalities|casualties|deaths))",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:(?:no|without|not|zero)\b(?!\s+(?:specific|exact)\s+numbers?)[^.;]{0,40}?"
    r"|(?:unknown|unclear|not\s+known)\s+(?:if|whether)\b[^.;]{0,40}?)"
    r"(?:casualties|causalities|fatalities|deaths)",
    re.I,
)


def unspecified_deaths(text: str) -> bool:
    """True when the text reports deaths or casualties without giving a number."""
    return bool(_UNSPECIFIED.search(text)) and not _NEGATED.search(text)


def acled_fatalities(figures: Iterable[Figure], text: str, unspecified: int = 0) -> int:
    """ACLED-style fatalities of the event the figures describe: 0 when no number is given, or
    ``unspecified`` (ACLED's 10) when deaths are reported without one."""
    counts = killed_by_group([f for f in figures if not is_background(f, text)], text)
    if not counts:
        return unspecified if unspecified and unspecified_deaths(text) else 0
    unknown = counts.pop(VictimGroup.UNKNOWN, 0)
    named = sum(counts.values())
    return max(unknown, named)  # an unknown-group count is usually the total of the named ones


# vague words that say "some" rather than how many: no casualties figure from them alone
_NOT_A_COUNT = {"several", "a few", "a handful"}
REDUNDANT_WITHIN = 1500  # characters between a summary "casualties" figure and the killed figure it repeats


def drop_redundant(figures: list[Figure]) -> list[Figure]:
    """Precision filters over one document's figures, in text order: a ``casualties`` figure given by a vague
    word alone ("several casualties on both sides"), and a ``casualties`` figure that repeats the number of
    a nearby killed figure ("as casualties rose to 13" beside "13 citizens lost their lives")."""
    killed = [f for f in figures if f.measure == Measure.KILLED]
    out = []
    for f in figures:
        if f.measure == Measure.CASUALTIES:
            if f.qualifier == Qualifier.VAGUE and f.number_text.lower() in _NOT_A_COUNT:
                continue
            if any(
                k.low == f.low and k.high == f.high and abs(k.start - f.start) <= REDUNDANT_WITHIN
                for k in killed
            ):
                continue
        out.append(f)
    return out

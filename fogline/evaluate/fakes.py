"""Score killed counts and governorates on FA-KES (Syrian war news articles with crowd-coded casualties).

Each article (title + content without the scraped copy of the title, published on the ``date`` column,
m/d/yy) is run through the pipeline. The article's main event is read from its lead: the title and the first
``LEAD_SENTENCES`` sentences of the text (the first sentence with a killed figure when the lead has none),
without a later lead sentence about another day, a running total or an earlier event, and without the
title's figure when the title adds up events in several places, nor a headline's "more than N" that rounds
down the body's count. Figures in a scraped related-stories list and deaths given as the reason for the
attack ("a day after the execution of a pilot") are left out. A later sentence that breaks an
unknown-status total down ("12 children and 11 fighters were among the dead") joins it, or one that gives
the total's status ("a total of 54 civilians were killed"); a vague lead ("dozens killed") gives way to the
first consistent exact count below. Killed people are counted there by ACLED's rule
(``fogline.nlp.figures_tally``), split into civilians (civilians, children, women; people of unknown status
when no civilian figure is given, unless the text says they were of one armed side or another) and
non-civilians (fighters, security forces); the rest of a total whose status the text calls unclear is
neither. They are compared with ``nb_civilians`` / ``nb_noncivilians``. The governorate is the admin1 of the
first main figure's own place, else of the most specific place mentioned in the sentences holding the main
figures (else the lead), when the places component is present.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from fogline.evaluate import scorer
from fogline.evaluate.acled import MAX_ERRORS, available_pipeline, iso_date, read_rows, run_documents
from fogline.nlp.figures_lexicon import GROUP_MODIFIERS, GROUP_NOUNS
from fogline.nlp.figures_tally import (
    ARMED_GROUPS,
    acled_value,
    is_background,
    is_subset,
    killed_by_group,
    sentence_key,
)
from fogline.schema import Entity, Figure, Measure, Qualifier, VictimGroup

LEAD_SENTENCES = 2
EXACT_WITHIN = 8  # when the lead only has vague amounts, the first exact count within this many sentences


def _first(kept: int, _later: int) -> int:
    return kept


COMBINE = _first  # FA-KES coders keep the count the lead gives first
_CIVILIAN_NAMED = {VictimGroup.CIVILIANS, VictimGroup.CHILDREN, VictimGroup.WOMEN}
# FA-KES governorate names -> other spellings of the same governorate
GOVERNORATE_ALIASES = {"damascus": {"rif dimashq", "damascus countryside", "rural damascus"}}


TITLE_COPY_WITHIN = 400  # characters of the content searched for a scraped copy of the headline
TITLE_COPY_MIN = 20  # shorter headlines ("Syria") may be ordinary words of the text


def without_title_copy(title: str, content: str) -> str:
    """The content without a scraped copy of its headline near the start ("5 May 2016 Title Body…"): the copy
    would otherwise join the first sentence and count the headline's figures twice."""
    if len(title) < TITLE_COPY_MIN:
        return content
    at = content.find(title, 0, TITLE_COPY_WITHIN + len(title))
    if at < 0:
        return content
    rest = content[at + len(title) :].lstrip(" .:-|")
    return f"{content[:at]}{rest}" if at else rest


def article_text(row: dict[str, str]) -> tuple[str, str]:
    """(title, text) of an FA-KES row: the headline, a blank line, then the content without its copy of
    the headline."""
    title = (row.get("article_title") or "").strip()
    return title, f"{title}\n\n{without_title_copy(title, (row.get('article_content') or '').strip())}"


def main_event_figures(doc: Doc, title_end: int) -> list[Figure]:
    """Killed figures of the article's main event: the title and lead (without the figures of another time
    there), a later sentence that breaks the lead's total down ("12 children and 11 fighters were among the
    dead"), else the first exact count further down, else the first sentence with a killed figure."""
    text = doc.text
    related = related_blocks(text)
    killed = [
        f
        for f in doc._.figures or []
        if f.measure == Measure.KILLED and not is_background(f, text) and not _in_related(f, text, related)
    ]
    if not killed:
        return []
    sentences = list(doc.sents)
    lead_end = title_end
    body = [s for s in sentences if s.start_char >= title_end]
    if body:
        lead_end = body[min(LEAD_SENTENCES, len(body)) - 1].end_char
    window_end = _sentence_end(body, EXACT_WITHIN)
    lead = [f for f in killed if f.start < lead_end]
    if not lead:
        first = min(killed, key=lambda f: f.start)
        lead = [f for f in killed if f.quote == first.quote]
    lead = same_time(lead, text, title_end)
    if roundup_title(
        doc, title_end
    ):  # "10 killed in attacks on Aleppo and Deir Ezzor": the first one is told
        lead = [f for f in lead if f.start >= title_end] or lead
    exact = without_rounded_title([f for f in lead if f.qualifier != Qualifier.VAGUE], title_end)
    if exact:
        later = [f for f in killed if max(lead_end, exact[-1].end) <= f.start < window_end]
        loose = [_status_unsure(f, text) for f in exact] if _status_unclear(exact + later, text) else exact
        parts = breakdown(loose, later, text)
        return loose + parts if parts else restated_status(exact, later, text)
    floor = max(acled_value(f) for f in lead)
    later = [f for f in killed if f.qualifier != Qualifier.VAGUE and lead_end <= f.start < window_end]
    # "Hundreds dead" in the lead, "the toll reached 330" below
    for _key, figures in _by_sentence(later, text):
        if any(acled_value(f) >= floor for f in figures):  # not "three died in hospital" after "dozens"
            return figures
    return lead


ROUNDED_WITHIN = 1.25  # a headline's "more than 50" rounds down a body count up to a quarter larger


def without_rounded_title(figures: list[Figure], title_end: int) -> list[Figure]:
    """The figures without a headline's "more than N" when the body gives a sharper count of the same
    victims just above N ("More than 50 civilians killed" over "at least 51 civilians were killed")."""
    body = [f for f in figures if f.start >= title_end]
    out = []
    for f in figures:
        if f.start < title_end and f.qualifier == Qualifier.MORE_THAN:
            rounded = acled_value(f)
            if any(g.group == f.group and rounded < acled_value(g) <= rounded * ROUNDED_WITHIN for g in body):
                continue
        out.append(f)
    return out


def restated_status(main: list[Figure], later: list[Figure], text: str) -> list[Figure]:
    """The main figures, with a total of unknown status replaced by a later sentence that gives the same
    number with its victims' status ("54 killed in the city" … "a total of 54 civilians were killed that
    day"); the main event's smaller counts of that group are parts of it."""
    named = max((acled_value(f) for f in main if f.group != VictimGroup.UNKNOWN), default=0)
    totals = {
        acled_value(f)
        for f in main
        if f.group == VictimGroup.UNKNOWN and not is_subset(f, text) and acled_value(f) > named
    }
    if not totals:
        return main
    for f in later:
        if (
            f.group in _CIVILIAN_NAMED | ARMED_GROUPS
            and f.qualifier != Qualifier.VAGUE
            and acled_value(f) in totals
            and not is_subset(f, text)
            and not _OTHER_TIME.search(f.quote)
        ):
            return [g for g in main if g.group not in (VictimGroup.UNKNOWN, f.group)] + [f]
    return main


# a scraped list of links to other stories ("Print Tweet Views 1430 Related <headlines>"): the marker, after
# page furniture (a count, a share button) and before a capitalised headline
_RELATED = re.compile(
    r"(?:\b(?:Print|Tweet|Share|Email|Views)|\d|\))\s+(?:Related|Read\s+[Aa]lso|Read\s+[Mm]ore|See\s+[Aa]lso|"
    r"Also\s+[Rr]ead)(?:\s+(?:stories|articles|news))?:?\s+(?=[A-Z0-9])"
)
_LIST_END = re.compile(r"\bTags\b|[.!?](?:\s|$)")
_AUXILIARY_AFTER = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:were|was|have\s+been|has\s+been|had\s+been)\b", re.I)


def related_blocks(text: str) -> list[tuple[int, int]]:
    """Character spans of scraped "Related …" headline lists: from the marker to the next full stop or
    "Tags" label (the story's own sentence may run on after the last headline)."""
    spans = []
    for m in _RELATED.finditer(text):
        end = _LIST_END.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return spans


def _in_related(figure: Figure, text: str, spans: list[tuple[int, int]]) -> bool:
    """True for a figure of a headline in a related-stories list: headlines drop the auxiliary ("43
    civilians dead in bombardment"), the story's own sentence keeps it ("22 people were killed")."""
    if not any(a <= figure.start < b for a, b in spans):
        return False
    return not _AUXILIARY_AFTER.match(text[figure.end : figure.end + 60])


def roundup_title(doc: Doc, title_end: int) -> bool:
    """True when the headline names two or more places, none inside another ("… in rocket attacks on Aleppo
    and Homs", not "… in Idlib province's Saraqeb"): its figure adds up several events, and the lead tells
    them one by one."""
    entities = doc._.entities or {}
    places = {
        m.entity_id
        for m in doc._.mentions or []
        if m.label == "PLACE"
        and m.end <= title_end
        and m.entity_id in entities
        and str(entities[m.entity_id].type) != "country"
    }
    enclosing = {a for p in places for a in _ancestors(entities[p], entities)}
    return len(places - enclosing) >= 2


def _ancestors(entity: Entity, entities: dict[str, Entity]) -> set[str]:
    """The ids of the places that enclose this one."""
    out: set[str] = set()
    for _ in range(6):
        if not entity.parent_id or entity.parent_id in out:
            break
        out.add(entity.parent_id)
        parent = entities.get(entity.parent_id) or _place_by_id(entity.parent_id)
        if parent is None:
            break
        entity = parent
    return out


def _place_by_id(entity_id: str) -> Entity | None:
    try:
        from fogline.gazetteer.places import place_by_id
    except ImportError:
        return None
    return place_by_id(entity_id)


def _by_sentence(figures: list[Figure], text: str) -> list[tuple[tuple[str, int], list[Figure]]]:
    """The figures grouped by sentence, in text order."""
    out: dict[tuple[str, int], list[Figure]] = {}
    for f in sorted(figures, key=lambda f: f.start):
        out.setdefault(sentence_key(f, text), []).append(f)
    return list(out.items())


# a lead sentence after the first that speaks of another time span: a running total or an earlier event
_OTHER_TIME = re.compile(
    r"\b(?:since|so\s+far|to\s+date|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)|earlier\s+this|"
    r"last\s+(?:week|month|year)|previous(?:ly)?|(?:days|weeks|months|years)\s+(?:ago|earlier)|in\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def same_time(lead: list[Figure], text: str, title_end: int) -> list[Figure]:
    """The lead's figures without those of a later lead sentence dated to another day than the first dated
    figure, or speaking of a running total or an earlier event ("… since the offensive began", "troops had
    executed 48 people earlier this week"). The headline and the first body sentence with figures stay."""
    ordered = _by_sentence(lead, text)
    body = [(k, fs) for k, fs in ordered if fs[0].start >= title_end]
    if len(body) < 2:
        return lead
    dated = [
        f
        for _, fs in body
        for f in fs
        if f.date_start and f.date_precision == "day" and f.qualifier != Qualifier.VAGUE
    ]
    anchor = dated[0].date_start if dated else None
    dropped: set[tuple[str, int]] = set()
    for key, figures in body[1:]:
        other_day = anchor is not None and any(f.date_start and f.date_start != anchor for f in figures)
        if other_day or _OTHER_TIME.search(figures[0].quote):
            dropped.add(key)
    kept = [f for f in lead if sentence_key(f, text) not in dropped]
    return kept or lead


def breakdown(main: list[Figure], later: list[Figure], text: str) -> list[Figure]:
    """The figures of the first later sentence that says who the lead's victims of unknown status were: its
    named groups are parts of the lead's total ("12 children and 11 fighters were among the dead"), add up
    to it ("two women and two soldiers were killed in the attack"), or come with the total restated ("17
    people were killed, among them 13 police officers"). Empty when the lead names its victims."""
    if any(f.group != VictimGroup.UNKNOWN for f in main):
        return []
    total = killed_by_group(main, text, combine=COMBINE).get(VictimGroup.UNKNOWN, 0)
    lower_bound = any(f.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN) for f in main)
    if not total:
        return []
    for _key, figures in _by_sentence(later, text):
        named = [
            f for f in figures if f.group != VictimGroup.UNKNOWN and f.number_text.lower() not in _DEFINITE
        ]
        if not named:
            continue
        among = bool(
            _AMONG_THE_DEAD.search(named[0].quote)
        )  # "12 children and 11 fighters were among the dead"
        parts = sum(acled_value(f) for f in named if among or is_subset(f, text))
        whole = sum(acled_value(f) for f in named if not among and not is_subset(f, text))
        unknown = {
            acled_value(f) for f in figures if f.group == VictimGroup.UNKNOWN and not is_subset(f, text)
        }
        restated = total in unknown
        if parts + whole > total and not (lower_bound and whole + sum(unknown) <= total * 1.2):
            continue
        if (
            (not whole and parts and unknown <= {total})
            or (whole == total and not unknown)
            or (restated and len(unknown) == 1)
            or (lower_bound and not restated and total <= whole + sum(unknown) <= total * 1.2)
        ):
            return figures
    return []


_LOOSE_HEADS = {"people", "persons", "individuals", "victims", "men", "others", "dead"}


def _status_unsure(figure: Figure, text: str) -> Figure:
    """The figure as of unknown status when its group comes only from a "mostly" appositive ("47 people,
    most of them civilians"); used when the text says the status of some of the dead is unclear, so that a
    later exact count ("31 civilians were identified among the dead") says more than the majority."""
    span = re.findall(r"[a-z-]+", text[figure.start : figure.end].lower())
    if figure.group == VictimGroup.UNKNOWN or not span or span[-1] not in _LOOSE_HEADS:
        return figure
    named = (GROUP_NOUNS.get(w, VictimGroup.UNKNOWN) != VictimGroup.UNKNOWN for w in span)
    if any(named) or any(w in GROUP_MODIFIERS for w in span):
        return figure
    return replace(figure, group=VictimGroup.UNKNOWN)


_DEFINITE = {"the", "his", "her", "their", "its", "him"}
_AMONG_THE_DEAD = re.compile(
    r"\b(?:were|was|are|is)\s+(?:also\s+)?(?:\w+ed\s+)?among\s+(?:the\s+)?"
    r"(?:dead|killed|victims|those\s+killed|fatalities)\b",
    re.IGNORECASE,
)


def _sentence_end(body: list[Span], count: int) -> int:
    return body[min(count, len(body)) - 1].end_char if body else 0


def _parts(figures: list[Figure], text: str) -> dict[VictimGroup, int]:
    """Killed per group counting the parts too ("six civilians were among 22 people"), first sentence wins."""
    parts: dict[VictimGroup, int] = {}
    by_sentence: dict[tuple[str, int], dict[VictimGroup, int]] = {}
    for f in figures:
        if f.measure == Measure.KILLED and f.number_text.lower() not in (
            "the",
            "his",
            "her",
            "their",
            "its",
            "him",
        ):
            local = by_sentence.setdefault(sentence_key(f, text), {})
            local[f.group] = local.get(f.group, 0) + acled_value(f)
    for local in by_sentence.values():
        for group, value in local.items():
            parts.setdefault(group, value)
    return parts


def split_killed(figures: list[Figure], text: str) -> tuple[int, int]:
    """(civilians, non-civilians) killed among the main event's figures."""
    counts = killed_by_group(figures, text, combine=COMBINE)
    civilians = sum(v for g, v in counts.items() if g in _CIVILIAN_NAMED)
    named_civilians = counts.get(VictimGroup.CIVILIANS, 0)
    if named_civilians and civilians <= 2 * named_civilians:
        civilians = (
            named_civilians  # FA-KES counts "16 civilians and three children" as 16: children among them
        )
    armed = sum(v for g, v in counts.items() if g in ARMED_GROUPS)
    unknown = counts.get(VictimGroup.UNKNOWN, 0)
    explicit = 0
    if unknown > civilians + armed:
        parts = _parts(figures, text)
        explicit = parts.get(VictimGroup.CIVILIANS, 0)
        civilians = (
            civilians or explicit or parts.get(VictimGroup.CHILDREN, 0) + parts.get(VictimGroup.WOMEN, 0)
        )
        armed = armed or sum(v for g, v in parts.items() if g in ARMED_GROUPS)
    if (
        unknown
        and not civilians
        and not armed
        and (_combat_only(figures, text) or _armed_either_way(figures, text))
    ):
        armed = unknown  # "40 killed in clashes between the army and rebels": the dead are combatants
        unknown = 0
    if unknown > civilians + armed:
        if civilians and not armed and not explicit:
            civilians = unknown  # "20 people killed, at least five children among them": all civilians
        elif civilians and not armed:
            # "22 people were killed, six of them civilians": the rest are fighters when the text names any;
            # otherwise people of unknown status count as civilians ("six killed including a journalist")
            if _status_unclear(figures, text):
                pass  # "not clear whether the 16 others were civilians or fighters": counted as neither
            elif _mentions_armed(figures, text) or _named_civilians_part(figures, text):
                armed = unknown - civilians
            elif _civilian_part_of_total(figures, text):
                civilians = unknown
        elif civilians and armed and not explicit:
            civilians = unknown - armed  # "70 killed … 12 children and 11 fighters among the dead"
        elif not civilians:
            civilians = unknown - armed
    return civilians, armed


_COMBAT = re.compile(r"\b(?:clash\w*|fighting|battles?|fought|firefights?|gunfights?|offensive)\b", re.I)
_NOT_COMBAT = re.compile(
    r"\b(?:civilians?|residents?|children|women|villagers|families|market|hospital|school|shelling|"
    r"air\s*strikes?|raids?|bomb\w*|massacre|executed|beheaded)\b",
    re.I,
)


def _combat_only(figures: list[Figure], text: str) -> bool:
    """True when the sentences of the unknown-status killed speak of clashes and of nothing civilian."""
    quotes = {f.quote for f in figures if f.group == VictimGroup.UNKNOWN}
    joined = " ".join(quotes)
    return bool(quotes) and bool(_COMBAT.search(joined)) and not _NOT_COMBAT.search(joined)


_EITHER = re.compile(
    r"\b(?:whether|if)\s+(?:they|the\s+(?:[\w-]+\s+){0,2}?(?:men|dead|victims|others|people|bodies))\s+"
    r"(?:were|was|had\s+been)\s+([^.;]{1,50}?)\s+or\s+([^.;]{1,40})",
    re.IGNORECASE,
)


def _armed_either_way(figures: list[Figure], text: str) -> bool:
    """True when the text leaves open which armed side the dead were on, never that they were civilians
    ("it is not clear whether the men were soldiers or rebels")."""
    start = min(f.start for f in figures)
    m = _EITHER.search(text, start, max(f.end for f in figures) + UNCLEAR_WITHIN)
    if m is None:
        return False
    sides = [_side_groups(m.group(1)), _side_groups(m.group(2).split(" or ")[0])]
    return all(groups and groups <= ARMED_GROUPS for groups in sides)


def _side_groups(phrase: str) -> set[VictimGroup]:
    """The victim groups named in a short phrase ("Syrian troops" → security forces)."""
    out: set[VictimGroup] = set()
    for w in re.findall(r"[a-z-]+", phrase.lower())[:4]:
        group = GROUP_MODIFIERS.get(w) or GROUP_NOUNS.get(w)
        if group is not None and group != VictimGroup.UNKNOWN:
            out.add(group)
    return out


def _civilian_part_of_total(figures: list[Figure], text: str) -> bool:
    """True when a civilian figure is given as a part of an unknown-status total, in the same sentence or in a
    sentence of parts only, and no armed victims are named there ("killed six people, including a
    journalist"; "two medics were among the dead")."""
    for f in figures:
        if f.group in _CIVILIAN_NAMED and is_subset(f, text):
            key = sentence_key(f, text)
            same = [g for g in figures if sentence_key(g, text) == key]
            total_beside = any(g.group == VictimGroup.UNKNOWN for g in same)
            only_parts = all(is_subset(g, text) for g in same)  # "two medics were among the dead"
            if (total_beside or only_parts) and not any(g.group in ARMED_GROUPS for g in same):
                quote = f.quote.lower()
                if not re.search(r"\b(?:fighters|soldiers|troops|militants|rebels|jihadists)\b", quote):
                    return True
    return False


def _named_civilians_part(figures: list[Figure], text: str) -> bool:
    """True when the part is named "civilians" ("20 people were killed, including 13 civilians"): the
    reporter sets them apart from the rest, who are then combatants."""
    return any(
        f.group == VictimGroup.CIVILIANS
        and is_subset(f, text)
        and re.search(r"\bcivilians?\b", text[f.start : f.end], re.IGNORECASE)
        for f in figures
    )


_UNCLEAR_STATUS = re.compile(
    r"\b(?:not\s+(?:yet\s+|immediately\s+|been\s+)?(?:clear|known|confirm(?:ed)?|specified|specify|established|"
    r"determined?|say)|unclear|without\s+specifying)\b"
    r"[^.;]{0,80}?\b(?:whether|if|how\s+many)\b[^.;]{0,80}?\bcivilians?\b[^.;]{0,30}?\bor\b",
    re.IGNORECASE,
)
UNCLEAR_WITHIN = 800  # characters after the last figure searched for a word that the rest's status is unknown


def _status_unclear(figures: list[Figure], text: str) -> bool:
    """True when the text says the status of the rest of the dead is not known ("it was not clear whether the
    others were civilians or fighters", "without specifying whether they were civilians or militants")."""
    start = min(f.start for f in figures)
    end = max(f.end for f in figures) + UNCLEAR_WITHIN
    return bool(_UNCLEAR_STATUS.search(text, start, end))


def _mentions_armed(figures: list[Figure], text: str) -> bool:
    """True when the sentences around the figures speak of armed victims ("the rest were IS fighters")."""
    start = min(f.start for f in figures)
    return bool(
        re.search(
            r"\b(?:fighters|soldiers|troops|militants|rebels|jihadists|members)\b", text[start : start + 600]
        )
    )


def _skeleton(name: str) -> str:
    """A spelling-insensitive key: "Deir ez-Zor" and "dayr az zawr" → "drzr"."""
    name = re.sub(r"\b(?:governorate|province|al|ar|as|ad|an|el|ash)\b", " ", name.lower())
    name = re.sub(r"[^a-z]", "", name)
    name = re.sub(r"[aeiouyw']", "", name)
    name = re.sub(r"(.)\1+", r"\1", name)
    return name[:-1] if name.endswith("h") and len(name) > 2 else name


def _admin1(entity: Entity | None, entities: dict[str, Entity]) -> Entity | None:
    lookup = None
    for _ in range(6):
        if entity is None:
            return None
        if str(entity.type) == "admin1":
            return entity
        if not entity.parent_id:
            return None
        parent = entities.get(entity.parent_id)
        if parent is None:
            if lookup is None:
                try:
                    from fogline.gazetteer.places import place_by_id
                except ImportError:
                    return None
                lookup = place_by_id
            parent = lookup(entity.parent_id)
        entity = parent
    return None


_RANK = {"neighbourhood": 5, "site": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 0}


def governorate(doc: Doc, figures: list[Figure], title_end: int) -> Entity | None:
    """The admin1 of the main event: the place the extractor gave its first figure ("killed 12 in X"), else
    the most specific place named near its figures (else in the lead)."""
    entities = doc._.entities or {}
    for f in sorted(figures, key=lambda f: f.start):
        found = _admin1(entities[f.place_id], entities) if f.place_id in entities else None
        if found is not None:
            return found
    places = [m for m in doc._.mentions or [] if m.label == "PLACE" and m.entity_id in entities]
    if not places:
        return None
    spans = [(f.start - 400, f.end + 400) for f in figures] or [(0, title_end + 1500)]
    near = [m for m in places if any(a <= m.start <= b for a, b in spans)] or places
    near.sort(key=lambda m: (-_RANK.get(str(entities[m.entity_id].type), 0), m.start))
    for m in near:
        found = _admin1(entities[m.entity_id], entities)
        if found is not None:
            return found
    return None


def same_governorate(entity: Entity, expected: str) -> bool:
    names = {entity.name, *entity.aliases}
    wanted = {expected, *GOVERNORATE_ALIASES.get(expected, set())}
    keys = {_skeleton(n) for n in names}
    return any(_skeleton(w) in keys for w in wanted)


@scorer("fakes")
def score(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Exact match and mean absolute error of killed civilians / non-civilians; governorate accuracy."""
    from fogline.ingest.normalize import document_from_text

    rows = read_rows(path, limit)
    documents = []
    title_ends = []
    for r in rows:
        title, text = article_text(r)
        published = iso_date(r.get("date", ""), "%m/%d/%y")
        documents.append(document_from_text(text, title=title or None, published=published))
        title_ends.append(len(title))
    nlp = available_pipeline()
    n = exact_civ = exact_non = exact_both = located = loc_ok = 0
    err_civ = err_non = 0
    errors: list[dict[str, Any]] = []
    for row, doc, title_end in zip(rows, run_documents(nlp, documents), title_ends, strict=True):
        n += 1
        figures = main_event_figures(doc, title_end)
        civ, non = split_killed(figures, doc.text)
        want_civ, want_non = int(row.get("nb_civilians") or 0), int(row.get("nb_noncivilians") or 0)
        exact_civ += civ == want_civ
        exact_non += non == want_non
        exact_both += civ == want_civ and non == want_non
        err_civ += abs(civ - want_civ)
        err_non += abs(non - want_non)
        place = governorate(doc, figures, title_end)
        if place is not None:
            located += 1
            loc_ok += same_governorate(place, (row.get("location") or "").strip().lower())
        if (civ, non) != (want_civ, want_non) and len(errors) < MAX_ERRORS:
            errors.append({"id": row.get("unit_id", ""), "expected": [want_civ, want_non], "got": [civ, non]})
    return {
        "n": n,
        "exact_match": round(exact_civ / n, 4) if n else 0.0,
        "exact_match_noncivilians": round(exact_non / n, 4) if n else 0.0,
        "exact_match_both": round(exact_both / n, 4) if n else 0.0,
        "mae_civilians": round(err_civ / n, 3) if n else 0.0,
        "mae_noncivilians": round(err_non / n, 3) if n else 0.0,
        "location_accuracy": round(loc_ok / n, 4) if n else 0.0,
        "location_coverage": round(located / n, 4) if n else 0.0,
        "errors": errors,
    }

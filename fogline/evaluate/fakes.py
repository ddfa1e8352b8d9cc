"""Score killed counts and governorates on FA-KES (Syrian war news articles with crowd-coded casualties).

Each article (title + content, published on the ``date`` column, m/d/yy) is run through the pipeline. The
article's main event is read from its lead: the title and the first ``LEAD_SENTENCES`` sentences of the text
(the whole text when the lead has no killed figure). Killed people are counted there by ACLED's rule
(``fogline.nlp.figures_tally``), split into civilians (civilians, children, women; people of unknown status
when no civilian figure is given) and non-civilians (fighters, security forces), and compared with
``nb_civilians`` / ``nb_noncivilians``. The governorate is the admin1 of the most specific place mentioned in
the sentences holding the main figures (else the lead), when the places component is present.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from fogline.evaluate import scorer
from fogline.evaluate.acled import MAX_ERRORS, available_pipeline, iso_date, read_rows, run_documents
from fogline.nlp.figures_tally import ARMED_GROUPS, acled_value, is_subset, killed_by_group, sentence_key
from fogline.schema import Entity, Figure, Measure, Qualifier, VictimGroup

LEAD_SENTENCES = 2
EXACT_WITHIN = 8  # when the lead only has vague amounts, the first exact count within this many sentences


def _first(kept: int, _later: int) -> int:
    return kept


COMBINE = _first  # FA-KES coders keep the count the lead gives first
_CIVILIAN_NAMED = {VictimGroup.CIVILIANS, VictimGroup.CHILDREN, VictimGroup.WOMEN}
# FA-KES governorate names -> other spellings of the same governorate
GOVERNORATE_ALIASES = {"damascus": {"rif dimashq", "damascus countryside", "rural damascus"}}


def main_event_figures(doc: Doc, title_end: int) -> list[Figure]:
    """Killed figures of the article's main event: the title and lead, else the whole text."""
    killed = [f for f in doc._.figures or [] if f.measure == Measure.KILLED]
    if not killed:
        return []
    sentences = list(doc.sents)
    lead_end = title_end
    body = [s for s in sentences if s.start_char >= title_end]
    if body:
        lead_end = body[min(LEAD_SENTENCES, len(body)) - 1].end_char
    lead = [f for f in killed if f.start < lead_end]
    if not lead:
        first = min(killed, key=lambda f: f.start)
        lead = [f for f in killed if f.quote == first.quote]
    exact = [f for f in lead if f.qualifier != Qualifier.VAGUE]
    if exact:
        return exact
    later = [
        f for f in killed if f.qualifier != Qualifier.VAGUE and f.start < _sentence_end(body, EXACT_WITHIN)
    ]
    if later:  # "Hundreds dead" in the lead, "the toll reached 330" further down
        first = min(later, key=lambda f: f.start)
        return [f for f in later if f.quote == first.quote]
    return lead


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
    armed = sum(v for g, v in counts.items() if g in ARMED_GROUPS)
    unknown = counts.get(VictimGroup.UNKNOWN, 0)
    if unknown > civilians + armed:
        parts = _parts(figures, text)
        explicit = parts.get(VictimGroup.CIVILIANS, 0)
        civilians = (
            civilians or explicit or parts.get(VictimGroup.CHILDREN, 0) + parts.get(VictimGroup.WOMEN, 0)
        )
        armed = armed or sum(v for g, v in parts.items() if g in ARMED_GROUPS)
    if unknown and not civilians and not armed and _combat_only(figures, text):
        armed = unknown  # "40 killed in clashes between the army and rebels": the dead are combatants
        unknown = 0
    if unknown > civilians + armed:
        if civilians and not armed and not explicit:
            civilians = unknown  # "20 people killed, at least five children among them": all civilians
        elif civilians and not armed:
            # "22 people were killed, six of them civilians": the rest are fighters when the text names any;
            # otherwise people of unknown status count as civilians ("six killed including a journalist")
            if _mentions_armed(figures, text):
                armed = unknown - civilians
            elif _civilian_part_of_total(figures, text):
                civilians = unknown
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


def _civilian_part_of_total(figures: list[Figure], text: str) -> bool:
    """True when a civilian figure is given as a part of an unknown-status total in the same sentence and
    no armed victims are named there ("killed six people, including a journalist")."""
    for f in figures:
        if f.group in _CIVILIAN_NAMED and is_subset(f, text):
            key = sentence_key(f, text)
            same = [g for g in figures if sentence_key(g, text) == key]
            if any(g.group == VictimGroup.UNKNOWN for g in same) and not any(
                g.group in ARMED_GROUPS for g in same
            ):
                quote = f.quote.lower()
                if not re.search(r"\b(?:fighters|soldiers|troops|militants|rebels|jihadists)\b", quote):
                    return True
    return False


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
    """The admin1 of the most specific place named with the main event (its figures' sentences, else lead)."""
    entities = doc._.entities or {}
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
        title = (r.get("article_title") or "").strip()
        text = f"{title}\n\n{(r.get('article_content') or '').strip()}"
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

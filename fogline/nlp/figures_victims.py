"""Victim phrases of ``fogline.figures.v1``: every number in a sentence that counts people, with its noun
phrase, victim group, side and measure (``find_victims``), before the component dates, places and attributes
them (``fogline.nlp.figures``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from fogline.nlp.figures_lexicon import (
    ADJECTIVES,
    ARMED_KILL_VERBS,
    BOUNDARY,
    CONNECTORS,
    DEFINITE,
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    HEAD_GROUPS,
    HEAD_MEASURES,
    HYPHEN_NOT_PEOPLE,
    INHERIT_HEADS,
    LEFT_TRIGGERS,
    MEASURE_NOUNS,
    MONTHS,
    NAME_PARTICLES,
    NOT_MODIFIERS,
    NOT_PEOPLE_AFTER,
    NOT_PEOPLE_BEFORE,
    OBJECT_START,
    QUOTES,
    RIGHT_GAP,
    RIGHT_TRIGGERS,
    SINGULAR,
    STATUS_HEADS,
    SUBSET_WORDS,
)
from fogline.nlp.figures_triggers import left_trigger, object_trigger, right_trigger
from fogline.nlp.figures_words import (
    MAJORITY_HEADS,
    after_age,
    after_including,
    appositive_group,
    appositive_start,
    compound_noun,
    coordinated_modifier,
    joined_group,
    majority_group,
    noun_group,
    short_pp_then_and,
)
from fogline.nlp.gazetteer_match import token_table
from fogline.nlp.numbers import Quantity, may_start_quantity, read_quantity
from fogline.schema import Measure, Qualifier, VictimGroup

SIDE_GROUPS = {VictimGroup.FIGHTERS, VictimGroup.SECURITY_FORCES, VictimGroup.UNKNOWN}
_ARMED = {VictimGroup.FIGHTERS, VictimGroup.SECURITY_FORCES}


@dataclass
class Victims:
    """A number and the phrase it counts, inside one sentence (token indices relative to the sentence)."""

    q: Quantity
    np_end: int
    head: str | None = None
    group: VictimGroup | None = None
    head_measure: Measure | None = None
    mod_measure: Measure | None = None
    side: tuple[int, int] | None = None
    measure: Measure | None = None
    confidence: float = 0.0
    subset: bool = False
    bare: bool = False  # no victim noun, the number ends a clause ("killing two and wounding three")
    definite: bool = False  # "the soldier", "Soldier killed": one person without a number word
    chain: list[Victims] = field(default_factory=list)


def _is_cap(text: str) -> bool:
    return text[:1].isupper()


def _spaced_dash(sent: Span | None, i: int) -> bool:
    """True when the dash at token ``i`` stands alone between spaces or opens the line ("- Some 46,000",
    "(Reuters) – At least 27"): a bullet or a dateline dash, not a hyphen joining numbers ("2-3")."""
    if sent is None or i < 0:
        return False
    table, k = token_table(sent.doc), sent.start + i
    if k >= sent.end:
        raise IndexError("token index out of range")
    if table.texts[k] not in ("-", "–", "—"):
        return False
    return table.spaces[k] and (i == 0 or table.spaces[k - 1] or "\n" in table.texts[k - 1])


def _rejected(words: list[str], q: Quantity, sent: Span | None = None) -> bool:
    """True when the number plainly counts no people (dates, ages, durations, money, units, labels)."""
    before = words[q.start - 1] if q.start > 0 else ""
    if _spaced_dash(sent, q.start - 1):
        before = ""
    after = words[q.end] if q.end < len(words) else ""
    after2 = words[q.end + 1] if q.end + 1 < len(words) else ""
    if before in NOT_PEOPLE_BEFORE or before in MONTHS or after in NOT_PEOPLE_AFTER or after in MONTHS:
        return True
    if before in ("-", "/", ":", "–", "#") or after in ("/", ":", "-%"):
        return True
    if after in ("-", "–") and (after2 in HYPHEN_NOT_PEOPLE or after2 in NOT_PEOPLE_AFTER):
        return True
    if after == "of" and after2 in MONTHS:
        return True
    number = words[q.number_start]
    if q.vague is None and number.isdigit() and len(number) == 4 and 1900 <= q.value <= 2100:
        return True
    return before == "the" and after in ("th", "st", "nd", "rd")


def _victim_phrase(
    texts: list[str], words: list[str], q: Quantity, begin: int | None = None
) -> Victims | None:
    """The phrase after the number (from ``begin`` when given): modifiers and a head noun (or nothing
    before a trigger)."""
    n = len(words)
    j = q.end if begin is None else begin
    modifiers: list[int] = []
    measure_mod: Measure | None = None
    partitive = False  # "one of the victims": a part of a group counted elsewhere
    group_mod: VictimGroup | None = None
    if j + 1 < n and words[j] == "of" and q.vague is None:
        other = read_quantity(words, j + 1)  # "two of three robbers": the first number counts
        if other is not None and other.qualifier == Qualifier.EXACT and other.value > q.value:
            j = other.end
            partitive = True
    if j < n and words[j] == "of":
        if j + 1 < n and words[j + 1] in ("them", "whom", "those"):
            return Victims(q=q, np_end=j + 2, head=words[j + 1])
        if q.vague is None and not (j + 1 < n and words[j + 1] in _PARTITIVE_DET):
            return None
        j += 1
        if j < n and words[j] in _PARTITIVE_DET:  # "two of the guards", "six of their fighters"
            j += 1
            partitive = True
    while j < n and len(modifiers) <= 5:
        w = words[j]
        tok = texts[j]
        if not w.strip():
            break
        if w in QUOTES and j == q.end:  # '"Hundreds" killed'
            j += 1
            continue
        nxt = words[j + 1] if j + 1 < n else ""
        if w in HEAD_MEASURES and not (nxt in GROUP_NOUNS and nxt not in ("members",)):
            if (
                w in _PARTICIPLES
                and modifiers
                and texts[modifiers[-1]].islower()
                and words[modifiers[-1]] not in ADJECTIVES | NAME_PARTICLES
                and (nxt[:1].isdigit() or nxt in OBJECT_START)
            ):
                return None  # "the attack on two villages killed 15": a verb after another noun
            v = Victims(q=q, np_end=j + 1, head=w, head_measure=HEAD_MEASURES[w])
            both = nxt in ("and", "&") and j + 2 < n and HEAD_MEASURES.get(words[j + 2]) == Measure.INJURED
            if v.head_measure == Measure.KILLED and both:  # "88 killed and injured"
                v.head_measure, v.np_end = Measure.CASUALTIES, j + 3
            if w in STATUS_HEADS:  # "nine prisoners" can still be killed: a trigger decides first
                v.head_measure, v.mod_measure = None, HEAD_MEASURES[w]
            v.group = group_mod or HEAD_GROUPS.get(w)
            return _with_side(texts, words, v, modifiers)
        if w in HEAD_MEASURES:  # "displaced persons", "wounded soldiers": a fallback measure
            measure_mod = HEAD_MEASURES[w]
            j += 1
            continue
        if w in GROUP_NOUNS and nxt in MEASURE_NOUNS and w not in INHERIT_HEADS:  # "civilian casualties"
            group_mod = GROUP_MODIFIERS.get(w, GROUP_NOUNS[w])
            modifiers.append(j)
            j += 1
            continue
        if w in GROUP_NOUNS:
            while j + 1 < n and words[j + 1] in GROUP_NOUNS and words[j + 1] not in ("others", "members"):
                group_mod = group_mod or GROUP_MODIFIERS.get(w)
                if GROUP_NOUNS[words[j + 1]] == VictimGroup.UNKNOWN and GROUP_NOUNS[w] != VictimGroup.UNKNOWN:
                    group_mod = group_mod or GROUP_NOUNS[w]  # "civilians residents": the specific noun
                j += 1
                w = words[j]
            if w in SINGULAR and q.value != 1 and q.vague is None:
                if not any(x in GROUP_NOUNS and x not in SINGULAR for x in words[j + 1 : j + 4]):
                    return None
                group_mod = GROUP_MODIFIERS.get(w, group_mod)  # "20 rebel Sudanese gunmen"
                modifiers.append(j)
                j += 1
                continue
            v = Victims(q=q, np_end=j + 1, head=w, mod_measure=measure_mod, subset=partitive)
            v.group = group_mod or GROUP_NOUNS[w]
            if w in INHERIT_HEADS:
                v.group = group_mod
            if w in ("members", "member") and group_mod is None:
                v.group = VictimGroup.FIGHTERS if any(_is_cap(texts[m]) for m in modifiers) else None
            if w == "forces" and group_mod is None:
                v.group = VictimGroup.FIGHTERS
            if j + 2 < n and words[j + 1] in ("and", "&") and words[j + 2] in GROUP_NOUNS and q.value > 1:
                joined = GROUP_NOUNS[words[j + 2]]  # "patients and companions", "soldiers and police"
                v.np_end = j + 3
                v.group = joined_group(v.group, joined)
            return _with_side(texts, words, _of_phrase(texts, words, v), modifiers)
        if w in ("and", "&", "or") and modifiers and coordinated_modifier(words, j + 1):
            modifiers.append(j)  # "70 regime and rebel fighters"
            j += 1
            continue
        if (
            (w in RIGHT_GAP or w in BOUNDARY)
            and tok.isupper()
            and len(w) > 1
            and j + 1 < n
            and words[j + 1] not in NOT_MODIFIERS
            and not texts[j + 1].isupper()
        ):
            modifiers.append(j)  # an acronym that is also a word: "8 IS militants", not "SIX KILLED IN RAID"
            j += 1
            continue
        if w in RIGHT_TRIGGERS or w in RIGHT_GAP or w in BOUNDARY:
            if any(
                not _is_cap(texts[m]) and words[m] not in ADJECTIVES | NAME_PARTICLES and words[m] != "-"
                for m in modifiers
            ):
                return None
            v = Victims(q=q, np_end=j, group=group_mod, bare=w in BOUNDARY and w not in RIGHT_GAP)
            v.subset = partitive
            return _with_side(texts, words, v, modifiers)
        if w in INHERIT_HEADS:
            return Victims(q=q, np_end=j + 1, head=w, group=group_mod, subset=w in ("them", "whom"))
        is_mod = (
            w in ADJECTIVES
            or (w in NAME_PARTICLES and j + 1 < n and _is_cap(texts[j + 1]))
            or (tok.isalpha() and _is_cap(tok))
            or tok in ("U.N.", "U.S.", "UN")
            or (w == "-" and modifiers and j + 1 < n and texts[j + 1].isalpha())
            or (j > 0 and words[j - 1] == "-" and tok.isalpha())
            or (tok.isalpha() and tok.islower() and w not in NOT_MODIFIERS and len(modifiers) < 3)
        )
        if not is_mod:
            return None
        in_name = w == "state" and tok[:1].isupper() and j > 0 and texts[j - 1][:1].isupper()
        if w in GROUP_MODIFIERS and not in_name:  # "Islamic State fighters" are no state forces
            group_mod = GROUP_MODIFIERS[w]
        modifiers.append(j)
        j += 1
    if (
        j == q.end and q.vague is None and all(not x.strip() for x in words[j:])
    ):  # a headline's "… kills 32": the number ends the sentence
        return Victims(q=q, np_end=j, bare=True, subset=partitive)
    return None


# "fighters affiliated with Damascus", "troops loyal to the GNA": participles that name the victims' side
_AFFILIATION = {
    "affiliated": ("with", "to"),
    "loyal": ("to",),
    "linked": ("to", "with"),
    "backed": ("by",),
    "allied": ("with", "to"),
    "aligned": ("with",),
    "belonging": ("to",),
}


def _of_phrase(texts: list[str], words: list[str], v: Victims) -> Victims:
    """ "members of the security forces", "fighters from the RSF": read the group and side from the phrase."""
    j = v.np_end
    if j >= len(words) or words[j] not in ("of", "from", "belonging", *_AFFILIATION):
        return v
    k = j + 1
    if words[j] in _AFFILIATION or words[j] == "belonging":
        if k >= len(words) or words[k] not in _AFFILIATION.get(words[j], ("to",)):
            return v
        k += 1
    if k < len(words) and words[k] == "the":
        k += 1
    lead = k
    while (
        k < len(words)
        and k - lead < 3
        and texts[k].islower()
        and texts[k].isalpha()
        and words[k] not in NOT_MODIFIERS
    ):
        k += 1
    if not (k < len(words) and _is_cap(texts[k])):
        k = lead
    start = k
    if v.head in ("members", "member") and lead < len(words):
        for m in range(lead, min(lead + 4, len(words))):
            if words[m] in GROUP_NOUNS and words[m] not in ("members", "member"):
                v.group = GROUP_MODIFIERS.get(words[m], GROUP_NOUNS[words[m]])
                break
            if words[m] in GROUP_MODIFIERS:
                v.group = GROUP_MODIFIERS[words[m]]
                break
    while (
        k < len(words)
        and k - start < 6
        and words[k] not in RIGHT_TRIGGERS  # a headline's "Leaders of the Front Killed in …"
        and (
            _is_cap(texts[k])
            or words[k] in ("-", "of", "al", "el")
            or words[k] in GROUP_MODIFIERS
            or words[k] == "forces"
        )
    ):
        k += 1
    if k > start and k < len(words) and words[k] in _BODY_NOUNS:
        k += 1  # "gunmen of Arab tribes", "fighters from Lendu militias": the body's own noun
    if k > start and any(_is_cap(texts[m]) for m in range(start, k)):
        v.side = (start, k)
        v.np_end = k
        if v.head in ("members", "member") and v.group is None:
            v.group = VictimGroup.FIGHTERS
    elif k > start and v.head in ("members", "member"):
        v.np_end = k
    return v


# a plain noun closing a capitalised side ("of Arab tribes"): still the side's name, not a verb's subject
_BODY_NOUNS = {"tribe", "tribes", "clan", "clans", "militia", "militias", "groups", "communities", "factions"}


def _with_side(texts: list[str], words: list[str], v: Victims, modifiers: list[int]) -> Victims:
    """The side: capitalised or hyphenated modifiers ("Damascus-affiliated", "Asayish", "RSF")."""
    if v.side is not None or not modifiers:
        return v
    run = [m for m in modifiers if _is_cap(texts[m]) or words[m] == "-" or (m > 0 and words[m - 1] == "-")]
    if run and any(_is_cap(texts[m]) for m in run):
        last = texts[run[-1]]
        if v.head is None and last.endswith("s") and not last.isupper():
            return v  # "27 Palestinians were killed": the people themselves, not an armed side
        v.side = (run[0], run[-1] + 1)
    return v


_PARTITIVE_DET = {"the", "their", "its", "his", "her", "our", "these", "those"}
_PARTICIPLES = {"killed", "wounded", "injured", "displaced"}


def find_victims(sent: Span) -> list[Victims]:
    """Every number in the sentence that counts people in a measure, with its phrase and measure."""
    table = token_table(sent.doc)
    words = table.lowers[sent.start : sent.end]
    texts = table.texts[sent.start : sent.end]
    caps = [t[:1].isupper() and t.isalpha() for t in texts]
    found: list[Victims] = []
    i = 0
    while i < len(words):
        q = read_quantity(words, i) if may_start_quantity(words[i]) else None
        if q is None and words[i] in _ONE_STARTS:  # only these can open a one-person phrase
            v = _singular(texts, words, i) or _second_singular(texts, words, i, found)
            if v is not None:
                found.append(v)
                i = v.np_end
                continue
        if q is None:
            i += 1
            continue
        v = None if _rejected(words, q, sent) else _victim_phrase(texts, words, q)
        if v is not None:
            found.append(v)
        i = max(q.end, v.np_end) if v is not None else q.end
    _chain(words, found)
    for k, v in enumerate(found):
        _measure(words, v, caps)
        subset = after_including(words, v.q.start) or (
            v.head in ("them", "whom")
            and (v.subset or (words[v.q.start - 1 : v.q.start] == [","] and _named_part(words, v)))
        )  # "17 wounded people, six of them children": a part of the figure just before
        if v.measure is None and k > 0 and found[k - 1].measure is not None and subset:
            v.measure, v.confidence, v.subset = found[k - 1].measure, 0.8, True
        elif v.measure is None and k > 0 and found[k - 1].measure is not None and _revised_from(words, v):
            prev = found[k - 1]  # "rose to 42, up from 27": the earlier count of the same measure
            v.measure, v.confidence, v.group = prev.measure, 0.75, v.group or prev.group
        elif (
            v.measure is None and v.chain[0] is not v and v.chain[0].subset and v.chain[0].measure is not None
        ):
            v.measure, v.confidence, v.subset = (
                v.chain[0].measure,
                0.8,
                True,
            )  # "including six children and …"
    kept = [v for v in found if v.measure is not None and not _speaker(words, v)]
    for v in kept:  # "killing 22 people, 20 of them children", "two of them ambulance workers"
        group = appositive_group(words, v.np_end) if v.head in ("them", "whom") and v.group is None else None
        partitive = words[v.q.end : v.q.end + 2] in (["of", "the"], ["of", "those"])
        if partitive and v.head in HEAD_MEASURES and words[v.np_end : v.np_end + 1] in (["were"], ["are"]):
            group = appositive_group(words, v.np_end)  # "25 of the dead were tourists"
        if group not in (None, VictimGroup.UNKNOWN):
            v.group = group
    _inherit_groups(kept)
    for v in kept:
        if v.group == VictimGroup.UNKNOWN and v.head in MAJORITY_HEADS:
            v.group = majority_group(words, appositive_start(words, v.np_end)) or v.group
    return _one_and_more(words, kept)


def _one_and_more(words: list[str], kept: list[Victims]) -> list[Victims]:
    """ "An officer and three soldiers were killed": one person then a number of the same group and measure,
    joined by "and" in one list, is one figure of four (the analyst's count), not a figure of one and one of
    three."""
    out: list[Victims] = []
    for v in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.q.value == 1
            and words[prev.q.start] in ("a", "an")
            and v.chain is prev.chain
            and "and" in words[prev.np_end : v.q.start]
            and not v.subset
            and not prev.subset
            and v.group == prev.group
            and v.group in _ARMED
            and v.measure == prev.measure
            and v.q.low is not None
            and v.q.vague is None
        ):
            high = v.q.high + 1 if v.q.high is not None else None
            low, value = v.q.low + 1, v.q.value + 1
            q = Quantity(prev.q.start, v.q.end, low, high, v.q.qualifier, value, v.q.number_start)
            merged = Victims(q=q, np_end=v.np_end, head=v.head, group=v.group, measure=v.measure)
            merged.confidence, merged.side, merged.chain = min(v.confidence, prev.confidence), v.side, v.chain
            out[-1] = merged
            continue
        out.append(v)
    return out


def _named_part(words: list[str], v: Victims) -> bool:
    """ "six of them children": the part is named by a group, not "four of them seriously"; and the whole
    is a casualty count, not a status ("23 patients …, six of them children" counts patients)."""
    whole = v.chain[0] if v.chain else None
    if whole is None or whole is v or whole.head in STATUS_HEADS:
        return False
    return appositive_group(words, v.np_end) is not None


_REVISED_FROM = {("up", "from"), ("down", "from")}


def _revised_from(words: list[str], v: Victims) -> bool:
    """The number follows "up from" / "down from" and counts nothing of its own ("27 on Monday")."""
    s = v.q.start
    return s >= 2 and (words[s - 2], words[s - 1]) in _REVISED_FROM and v.head is None


def _singular(texts: list[str], words: list[str], i: int) -> Victims | None:
    """One person: "a soldier", "an ISWA soldier", "the driver", a headline's "Soldier killed"."""
    w = words[i]
    if w not in SINGULAR and w not in _ONE_WORDS:
        return None
    one = Quantity(i, i + 1, 1, 1, Qualifier.EXACT, 1, i)
    if w in ("a", "an") or w in DEFINITE:
        begin = after_age(words, i + 1)  # "a 65-year-old farmer"
        if i + 1 >= len(words) or (begin is None and read_quantity(words, i + 1) is not None):
            return None
        v = _victim_phrase(texts, words, one, begin)
        if v is None or (v.head not in SINGULAR and v.head not in ("personnel", "police")):
            return None
        if compound_noun(texts, words, v.np_end):
            return None  # "the militant group were killed": the noun is a modifier of another noun
        v.definite = w in DEFINITE
        return v
    if w in SINGULAR and i + 1 < len(words) and texts[i + 1].istitle() and words[i + 1] not in NOT_MODIFIERS:
        titled = _titled_name(texts, words, i)
        if titled is not None:
            return titled
    after_verb = i > 0 and words[i - 1] in LEFT_TRIGGERS
    headline = (
        i <= 2
        and _is_cap(texts[0])
        and all(words[m] in ADJECTIVES or (m == 0 and texts[m].isalpha()) for m in range(i))
    )
    if (headline or after_verb) and w in SINGULAR and not compound_noun(texts, words, i + 1):
        v = Victims(q=one, np_end=i + 1, head=w, definite=True)
        v.group = noun_group(w)
        return v
    if after_verb and (w == "him" or (w == "her" and (i + 1 == len(words) or words[i + 1] in _AFTER_OBJECT))):
        return Victims(q=one, np_end=i + 1, head=w, definite=True)  # "…, killing him."
    return None


_SPEAKING = {"said", "says", "told", "tells", "added", "stated", "explained", "recalled"}


def _speaker(words: list[str], v: Victims) -> bool:
    """True for a phrase that says something rather than suffers it ("…, including 13 civilians, a police
    officer said"): the source of the figure, not a victim."""
    if v.q.start > 0 and words[v.q.start - 1] in LEFT_TRIGGERS:
        return False  # "killing four civilians residents said": the object of the verb
    return v.np_end < len(words) and words[v.np_end] in _SPEAKING


def _second_singular(texts: list[str], words: list[str], i: int, found: list[Victims]) -> Victims | None:
    """The second person of "a woman and child were killed": a singular victim noun without its article
    right after "and" that follows a one-person phrase."""
    w = words[i]
    if w not in SINGULAR or i < 2 or words[i - 1] != "and" or not found:
        return None
    last = found[-1]
    if last.np_end != i - 1 or last.q.value != 1 or last.head not in SINGULAR:
        return None
    v = Victims(q=Quantity(i, i + 1, 1, 1, Qualifier.EXACT, 1, i), np_end=i + 1, head=w)
    v.group = noun_group(w)
    return v


_ONE_WORDS = {"a", "an", "him", "her"} | DEFINITE
_ONE_STARTS = frozenset(SINGULAR | _ONE_WORDS)  # the words ``_singular``/``_second_singular`` can start at
# words that may follow "her" as a pronoun object ("killed her in front of"), not as a determiner
_AFTER_OBJECT = {
    ",", ".", ";", "and", "in", "on", "at", "with", "near", "during", "after", "before", "while", "when",
    "outside", "inside", "as", "because", "for", "by", "(",
}  # fmt: skip


def _titled_name(texts: list[str], words: list[str], i: int) -> Victims | None:
    """A titled, named person with a passive trigger: "party official John Doe was shot dead"."""
    k = i + 1
    while (
        k < len(words)
        and k - i <= 4
        and (texts[k].istitle() or words[k] in NAME_PARTICLES or words[k] == "-")
    ):
        k += 1
    caps = [t[:1].isupper() and t.isalpha() for t in texts]
    trigger = right_trigger(words, k, caps)
    if trigger is None or trigger[0] != Measure.KILLED:
        return None
    v = Victims(q=Quantity(i, i + 1, 1, 1, Qualifier.EXACT, 1, i), np_end=k, head=words[i], definite=True)
    v.group = noun_group(words[i])
    return v


def _chain(words: list[str], found: list[Victims]) -> None:
    """Link numbers joined by commas/"and"/"including" into lists that share one trigger."""
    chain: list[Victims] = []
    for v in found:
        if chain:
            between = words[chain[-1].np_end : v.q.start]
            if between[:1] == ["("] and ")" in between[1:5]:  # "… Forces (SDF) and six gunmen"
                between = between[between.index(")") + 1 :]
            joined = all(w in CONNECTORS for w in between) and (
                "with" not in between or bool({"along", "together"} & set(between))
            )
            if not joined and short_pp_then_and(between):  # "22 gunmen from the militia and three farmers"
                joined, between = True, between[-1:]
            if len(between) <= 4 and joined:
                v.subset = chain[-1].subset or any(w in SUBSET_WORDS for w in between)
                chain.append(v)
                v.chain = chain
                continue
        chain = [v]
        v.chain = chain


def _measure(words: list[str], v: Victims, caps: list[bool]) -> None:
    by_object = object_trigger(words, v.q.start, v.np_end)
    if by_object is not None and v.head_measure is None:
        v.measure, v.confidence = by_object, 0.85
        return
    last = v.chain[-1]
    first = v.chain[0]
    right = right_trigger(words, last.np_end, caps)
    if right is None and last is not first and last.subset and words[last.np_end : last.np_end + 1] == [","]:
        right = right_trigger(words, last.np_end + 1, caps)  # "27 soldiers, including a general, also died"
    own_right = right_trigger(words, v.np_end, caps) if v is not last else right
    left = left_trigger(words, v.q.start)
    if left is None and v is not first and first.head_measure is None:
        left = left_trigger(words, first.q.start)
        by_verb = first.q.start > 0 and words[first.q.start - 1] in LEFT_TRIGGERS
        if left is not None and v.mod_measure == Measure.INJURED and not by_verb:
            left = (v.mod_measure, left[1], None)  # "the toll rose to 32 and 115 wounded persons"
    if v.bare and (right is None or (last is not v and not v.chain[1].subset)):
        if left is not None and left[1] >= 0.85 and (v is first or first.measure is not None):
            v.measure, v.confidence = left[0], left[1] - 0.05
            v.group = v.group or left[2]  # "civilian death toll rises to 20"
        return
    if v.definite:
        if own_right is not None and v.head_measure is None:
            v.measure, v.confidence = own_right[0], 0.7
        elif v.q.start > 0 and words[v.q.start - 1] in LEFT_TRIGGERS:  # "killing its driver"
            v.measure, v.confidence = LEFT_TRIGGERS[words[v.q.start - 1]], 0.7
        return
    if own_right is not None and own_right[1] == 0 and v.head_measure is None:
        v.measure, v.confidence = own_right[0], 0.9
    elif v.head_measure is not None and (right is None or v.head_measure != Measure.DISPLACED):
        v.measure, v.confidence = v.head_measure, 0.9
    elif left is not None and left[1] >= 0.85 and v.q.start > 0 and words[v.q.start - 1] in LEFT_TRIGGERS:
        v.measure, v.confidence = left[0], left[1]
    elif right is not None:
        v.measure, v.confidence = right[0], 0.85 if right[1] <= 2 else 0.75
    elif left is not None:
        v.measure, v.confidence = left[0], left[1]
        if v.group is None:
            v.group = left[2]
    elif v.mod_measure is not None:
        v.measure, v.confidence = v.mod_measure, 0.8
    elif v.group in _ARMED and v.q.start > 0 and words[v.q.start - 1] in ARMED_KILL_VERBS:
        v.measure, v.confidence = Measure.KILLED, 0.8  # a communiqué's "eliminated 75 militants"
    if v.measure is not None:
        uprooted = v.mod_measure in _UPROOTED and v.measure != v.mod_measure
        if uprooted and v.group in (None, VictimGroup.UNKNOWN):
            v.group = VictimGroup.CIVILIANS  # "five displaced persons … were killed": uprooted civilians
        if v.q.qualifier == Qualifier.VAGUE:
            v.confidence -= 0.1
        if v.q.value == 1 and v.q.end - v.q.start == 1 and words[v.q.start] in ("a", "an"):
            v.confidence -= 0.15


_UPROOTED = {Measure.DISPLACED, Measure.EVACUATED, Measure.RETURNED}


def _inherit_groups(kept: list[Victims]) -> None:
    """ "13 citizens … and 64 others injured": a phrase without its own group takes the group of the figure
    just before it, when that figure's list has a single group."""
    for k, v in enumerate(kept):
        if v.group is not None:
            continue
        v.group = VictimGroup.UNKNOWN
        if k == 0 or not (v.head in INHERIT_HEADS or v.head is None or v.head in HEAD_MEASURES):
            continue
        groups = {e.group for e in kept[k - 1].chain if e.measure is not None}
        if len(groups) == 1 and None not in groups:
            v.group = groups.pop() or VictimGroup.UNKNOWN
            v.confidence -= 0.05


# --------------------------------------------------------------------------------------------------
# Writing figures

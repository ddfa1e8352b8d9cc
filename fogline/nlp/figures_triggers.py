"""Measure triggers around a victim phrase for ``fogline.figures.v1``: the verb or toll after the phrase
("… were killed", "… was shot dead", across a short clause or "of" phrase inside the subject) and the verb,
toll or noun before the number ("killing 23", "death toll rose to 23", "the displacement of 155,000"),
skipping hypothetical verbs ("could kill", "threatened to displace", "nearly lynched")."""

from __future__ import annotations

from fogline.nlp.figures_lexicon import (
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    HOME_TRIGGERS,
    LEFT_TRIGGERS,
    LIVES_VERBS,
    MONTHS,
    NAME_PARTICLES,
    NOT_MODIFIERS,
    OBJECT_START,
    OF_TRIGGERS,
    RIGHT_GAP,
    RIGHT_TRIGGERS,
    TOLL_GAP,
    TOLL_MEASURE_WORDS,
    TOLL_NOUNS,
    TOLL_VERBS,
    TRANSITIVE,
)
from fogline.schema import Measure, VictimGroup

_LEFT_SKIP = {
    "a",
    "an",
    "the",
    "total",
    "of",
    "another",
    "additional",
    "further",
    "least",
    "at",
    "some",
    '"',
    "“",
}


def right_trigger(words: list[str], j: int, caps: list[bool] | None = None) -> tuple[Measure, int] | None:
    """A measure trigger after the phrase ending at j (gap words allowed); (measure, gap length)."""
    gap = 0
    n = len(words)
    passive = False
    start = j
    while j < n and gap <= 5:
        for phrase, measure in RIGHT_TRIGGERS.get(words[j], ()):
            if tuple(words[j : j + len(phrase)]) == phrase:
                after = words[j + len(phrase)] if j + len(phrase) < n else ""
                transitive = phrase[0] in TRANSITIVE
                if (
                    not passive
                    and transitive
                    and (after in OBJECT_START or after[:1].isdigit())
                    and not _listed_after(words, j + len(phrase))
                ):
                    return None  # active voice: "20 gunmen killed two herders" counts the attackers
                end = j + len(phrase)
                if (
                    end + 1 < n
                    and words[end] in ("and", "&", "or")
                    and measure == Measure.KILLED
                    and words[end + 1] in ("injured", "wounded")
                ):
                    return Measure.CASUALTIES, gap  # "88 killed and injured": not separated
                if (
                    end + 1 < n
                    and words[end] in ("and", "&")
                    and words[end + 1] in ("killed", "executed", "murdered")
                ):
                    return Measure.KILLED, gap  # "detained and killed"
                return measure, gap
        w = words[j]
        if w in _COUNTED_AMONG and j + 1 < n and words[j + 1] == "among":
            j += 1  # "12 women were identified among those killed"
            gap += 1
            continue
        if w in RIGHT_GAP or (
            w.endswith("ly") and len(w) > 5 and w.isalpha() and gap < 3 and w not in _APPOSITIVE
        ):
            passive = passive or w in (
                "were",
                "was",
                "been",
                "are",
                "is",
                "be",
                "being",
                "got",
                "get",
                "reported",
                "remain",
                "remains",
                "remained",
            )
            j += 1
            gap += 1
            continue
        if w == "(" and ")" in words[j + 1 : j + 8]:  # "One militant (name) reported killed"
            j = words.index(")", j + 1) + 1
            gap += 1
            continue
        if w in ("in", "at", "from", "near", "of") and caps and _cap_run(caps, words, j + 1) and gap <= 2:
            j = _cap_run(caps, words, j + 1)  # "a ranger in Virunga National Park was killed"
            gap += 1
            continue
        if w in ("of", "from", "in", "at") and gap == 0:
            end = _plain_pp(words, j + 1)
            if end and end < n and words[end] in _PASSIVE:
                j = end  # "four members of his unit were killed"
                gap += 1
                continue
        if (
            (w.endswith("ed") or w in ("shot", "hit", "caught", "beaten"))
            and j + 1 < n
            and words[j + 1] == "and"
        ):
            j += 2
            gap += 2
            continue
        # "73 civilians mostly women and children were killed", "…, half of them children, were killed"
        if (w in _APPOSITIVE or w in _FRACTIONS) and gap <= 2:
            k = j + 1  # "… most of them from the X militant group were killed": names and modifiers too
            while (
                k < n
                and k - j <= 9
                and (
                    words[k] in GROUP_NOUNS
                    or words[k] in _APPOSITIVE_FILL
                    or words[k] in GROUP_MODIFIERS
                    or words[k] in NAME_PARTICLES
                    or (caps is not None and caps[k])
                )
            ):
                k += 1
            named = any(words[x] in GROUP_NOUNS or words[x] in GROUP_MODIFIERS for x in range(j + 1, k))
            of_them = words[j + 1 : j + 3] == ["of", "them"] and k > j + 3
            if of_them and j > 0 and words[j - 1] == ",":  # "…, most of them from the X area, killed in"
                end = k
                while end < n and end - j <= 12 and words[end].isalpha() and words[end] not in _NOT_IN_ASIDE:
                    end += 1
                k = end if end < n and words[end] == "," else k
            if named or of_them:
                if k < n and words[k] == "," and j > 0 and words[j - 1] == ",":
                    k += 1  # the comma closing "…, most of them from the X tribe, killed in"
                j = k
                gap += 1
                continue
        if gap == 0 and (w in _CLAUSE_OPENERS or w == "of"):  # "a man believed to have fled … was killed"
            return _after_clause(words, j, caps, of_phrase=w == "of")
        if w == "," and gap == 0 and j + 1 < n and words[j + 1] in _APPOSITIVE:
            j += 1  # "40 civilians, mostly women and children, were killed"
            continue
        fraction = _fraction_end(words, j + 1) if w == "," and gap == 0 else None
        if fraction is not None:
            j = fraction - 1  # "40 people, half of them children, were killed", "…, a third of them women"
            continue
        # "a farmer from X clan was shot dead", "a man believed to have fled was killed"
        if start < n and (words[start] in _PP_OPENERS or words[start] in _CLAUSE_OPENERS) and j > start:
            return _after_clause(words, start, caps)
        if gap <= 1 and w.isalpha() and w not in NOT_MODIFIERS:
            k = j  # the rest of a "from the X community" phrase read as a side: up to three plain words
            while k < n and k - j < 3 and words[k].isalpha() and words[k] not in NOT_MODIFIERS | _FINITE:
                k += 1
            if k < n and words[k] in _FINITE:
                j = k
                gap += 1
                continue
        return None
    return None


_LISTED_NEXT = {"injured", "wounded", "hurt"}
_COUNTED_AMONG = {"identified", "listed", "counted", "confirmed", "recorded"}


def _listed_after(words: list[str], j: int) -> bool:
    """True when the number after a trigger opens the next item of a headline's list, not an object:
    "20 people killed 30 others injured"."""
    k = j
    while k < len(words) and k - j < 4 and words[k] not in _LISTED_NEXT:
        k += 1
    if not (k < len(words) and k - j < 4 and words[k] in _LISTED_NEXT):
        return False
    if "others" in words[j:k] or "more" in words[j:k]:
        return True
    # "2 Civilians Killed 7 Injured": the number then the participle, no noun after it
    return k == j + 1 and (k + 1 == len(words) or words[k + 1] not in GROUP_NOUNS)


# words opening a participle or relative clause inside a subject ("a rebel involved in poaching was killed")
_CLAUSE_OPENERS = {
    "described", "believed", "suspected", "thought", "accused", "involved", "identified", "named", "known",
    "trying", "attempting", "who", "wanted", "aged", "working", "travelling", "traveling", "hailing",
    "riding", "driving", "returning", "fleeing", "carrying", "wearing", "employed", "affiliated",
}  # fmt: skip
_PP_OPENERS = {"from", "in", "at", "with", "of"}
_APPOSITIVE = {"mostly", "mainly", "largely", "predominantly", "many", "most", "all", "chiefly", "some"}
# a share of the victims in the "mostly …" slot: "half", "a third", "two thirds", "nearly a quarter"
_FRACTIONS = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}
_FRACTION_LEAD = {"a", "one", "two", "three", "four", "nearly", "almost", "about", "around", "roughly"}


def _fraction_end(words: list[str], j: int) -> int | None:
    """End of a fraction word opening an appositive at ``j`` ("half", "a third", "nearly two thirds"), when
    "of them"/"of whom" or a group noun follows; None otherwise."""
    k = j
    while k < len(words) and k - j < 2 and words[k] in _FRACTION_LEAD:
        k += 1
    if k >= len(words) or words[k] not in _FRACTIONS:
        return None
    nxt = words[k + 1 : k + 3]
    if nxt[:2] in (["of", "them"], ["of", "whom"]) or (nxt and nxt[0] in GROUP_NOUNS):
        return k + 1
    return None


_APPOSITIVE_FILL = {
    "of",
    "them",
    "and",
    "the",
    ",",
    "whom",
    "among",
    "including",
    "from",
    "armed",
    "-",
    "group",
    "groups",
    "ranks",
    "tribe",
    "tribes",
    "clan",
    "clans",
}
_FINITE = {"was", "were"}
_NOT_IN_ASIDE = set(RIGHT_TRIGGERS) | _FINITE | {"and", "but", "who", "which", "that"}
_CLAUSE_STOP = {";", ".", ":", "(", "and", "but", "while", "after", "when", "said", "says"}


def _after_clause(
    words: list[str], j: int, caps: list[bool] | None, of_phrase: bool = False
) -> tuple[Measure, int] | None:
    """The trigger after a short clause in the subject: the first "was"/"were" within 12 words, then a
    passive trigger ("... was shot dead"); None when the clause holds another verb group first. An "of"
    phrase may join names ("members of the "X" and "Y" groups were killed")."""
    k = j + 1
    while k < len(words) and k - j <= (20 if of_phrase else 12):
        w = words[k]
        if w in _FINITE:
            found = right_trigger(words, k, caps)
            return (found[0], found[1] + 1) if found is not None else None
        if of_phrase and w == "and":
            k += 1
            continue
        # a second verb group ends the clause, but not "believed to have fled"
        auxiliary = w in ("is", "are", "has", "have", "had") and words[k - 1] != "to"
        if w in _CLAUSE_STOP or auxiliary or w[:1].isdigit():
            return None
        k += 1
    return None


_PASSIVE = {"were", "was", "are", "is", "have", "has", "had", "reportedly", "allegedly"}


def _plain_pp(words: list[str], j: int) -> int:
    """End of a short noun phrase after a preposition ("his unit", "the village"), 0 when none."""
    k = j
    while k < len(words) and k - j < 4 and words[k].isalpha() and words[k] not in _PASSIVE:
        k += 1
    return k if k > j else 0


def _cap_run(caps: list[bool], words: list[str], j: int) -> int:
    """End of a run of capitalised words starting at j ("the Virunga National Park"), 0 when none."""
    k = j
    if k < len(words) and words[k] == "the":
        k += 1
    start = k
    while k < len(words) and k - start < 6 and (caps[k] or (words[k] in ("-", "of") and k > start)):
        k += 1
    return k if k > start and caps[k - 1] else 0


# "the number of dead at 300", "the count of wounded to 40": an adjective as the toll noun after "<count> of"
_OF_TOLL = {"dead": Measure.KILLED, "wounded": Measure.INJURED, "injured": Measure.INJURED}
_COUNT_NOUNS = {"number", "count", "tally", "toll"}


def left_trigger(words: list[str], start: int) -> tuple[Measure, float, VictimGroup | None] | None:
    """A trigger before the number at ``start``: a verb, "the displacement of", a toll, "home to"."""
    # toll: "death toll has risen to", "casualties rose to", "the toll from the floods climbed to"
    k = start - 1
    while k >= 0 and start - k <= 7 and words[k] in TOLL_GAP:
        k -= 1
    if k >= 0 and words[k] not in TOLL_NOUNS:
        counted = _counted_toll(words, k, start)
        if counted is not None:
            return counted
    if 2 <= k < start - 1 and words[k] in _OF_TOLL and words[k - 1] == "of" and words[k - 2] in _COUNT_NOUNS:
        return _OF_TOLL[words[k]], 0.85, None  # "put the number of dead at 300"
    if k >= 0 and k < start - 1 and words[k] in TOLL_NOUNS:
        measure = TOLL_NOUNS[words[k]]
        group = None
        for back in _toll_modifiers(words, k):
            measure = TOLL_MEASURE_WORDS.get(words[back], measure) if words[k] == "toll" else measure
            group = GROUP_MODIFIERS.get(words[back], group)
        return measure, 0.9, group
    if start >= 2 and words[start - 1] == "of":
        noun = words[start - 2]
        if noun in OF_TRIGGERS:
            return OF_TRIGGERS[noun], 0.85, None
        if noun == "lives" and any(w in LIVES_VERBS for w in words[max(0, start - 5) : start - 2]):
            return Measure.KILLED, 0.85, None
    for phrase, measure in HOME_TRIGGERS.items():
        if tuple(words[max(0, start - len(phrase)) : start]) == phrase:
            return measure, 0.8, None
    k = _before_attribution(words, start - 1)
    skipped = 0
    while k >= 0 and words[k] in _LEFT_SKIP and skipped < 3:
        k -= 1
        skipped += 1
    listed = _listed_among(words, k)
    if listed is not None:
        return listed, 0.8, None  # "the dead include four children", "among the wounded were two medics"
    if k >= 2 and (words[k - 1], words[k]) in _ALONG and words[k - 2] in _ALONG_VERBS:
        return _ALONG_VERBS[words[k - 2]], 0.85, None  # "were killed along with six others"
    if k >= 1 and (words[k - 1], words[k]) in (("shot", "dead"), ("gunned", "down"), ("to", "death")):
        return None if _hypothetical(words, k - 1) else (Measure.KILLED, 0.85, None)
    if k >= 0 and words[k] in LEFT_TRIGGERS:
        if _hypothetical(words, k):
            return None
        return LEFT_TRIGGERS[words[k]], 0.85 if skipped == 0 else 0.8, None
    if (  # "lynched and burned a thief": a killing verb joined to the verb before the object
        k >= 2
        and words[k - 1] == "and"
        and LEFT_TRIGGERS.get(words[k - 2]) == Measure.KILLED
        and words[k].isalpha()
        and words[k] not in LEFT_TRIGGERS
        and not _hypothetical(words, k - 2)
    ):
        return Measure.KILLED, 0.8, None
    return None


_ATTRIBUTION_WORDS = 8  # "killing, according to the health ministry's latest toll, 44 civilians"


def _before_attribution(words: list[str], k: int) -> int:
    """The index before an "according to X" phrase that ends at ``k`` and sits between a verb and its
    object ("killing, according to local medics, 12 people"), else ``k``: the verb then governs the
    number. Only plain words may stand in the phrase (no number, no verb of another measure)."""
    end = k
    while k >= 0 and words[k] == ",":
        k -= 1
    for at in range(k, max(k - _ATTRIBUTION_WORDS, 0), -1):
        if words[at - 1 : at + 1] == ["according", "to"]:
            inner = words[at + 1 : k + 1]
            if (
                inner
                and all(w.isalpha() or w in ("'s", "’s", "-") for w in inner)
                and not any(w in LEFT_TRIGGERS or w in TOLL_VERBS for w in inner)
            ):
                before = at - 2
                while before >= 0 and words[before] == ",":
                    before -= 1
                return before
            return end
        if not (words[at].isalpha() or words[at] in ("'s", "’s", "-")):
            return end
    return end


# words that end the modifiers of a toll noun when read leftwards ("the government said the toll…")
_MODIFIER_STOP = {"the", "a", "an", "its", "their", "his", "her", "our", ",", ";", ":", "that", "said",
                  "says", "say", "told", "and", "of", "from", "in"}  # fmt: skip


def _toll_modifiers(words: list[str], k: int) -> list[int]:
    """Indices of the (at most three) words directly modifying the toll noun at ``k``, in text order."""
    out = []
    back = k - 1
    while back >= 0 and k - back <= 3 and words[back] not in _MODIFIER_STOP:
        out.append(back)
        back -= 1
    return out[::-1]


# "the death toll from the strikes was 45", "the number of civilians killed in the raid has risen to 20":
# a toll noun, a phrase saying of what (opened by one of these words), then the verb and the number
_TOLL_PHRASE_OPENERS = {"from", "in", "of", "on", "at", "after", "following", "since", "among", "for"}
_TOLL_PHRASE_WORDS = 16
_COPULAS = {"was", "is", "stood", "stands", "stand", "at"}
_COUNTED = {"killed": Measure.KILLED, "dead": Measure.KILLED, "deaths": Measure.KILLED}


def _day(words: list[str], m: int) -> bool:
    """A day of the month inside a toll's phrase ("… since the fighting began on 27 August has risen")."""
    near = words[m + 1 : m + 2] + words[max(0, m - 1) : m]
    return words[m].isdigit() and len(words[m]) <= 2 and any(w in MONTHS for w in near)


def _counted_toll(words: list[str], k: int, start: int) -> tuple[Measure, float, VictimGroup | None] | None:
    """A toll whose noun is separated from its verb by a phrase ("the death toll from a bomb attack on a
    convoy has reached 126", "the number of civilians killed in the raid has risen to 20"); k: the last word
    before the verb group ending at ``start``. None when there is none."""
    verbs = words[k + 1 : start]
    rising = any(w in TOLL_VERBS for w in verbs)
    if not rising and not any(w in _COPULAS for w in verbs):
        return None
    m = k
    while (
        m >= 0
        and k - m < _TOLL_PHRASE_WORDS
        and (words[m].isalpha() or words[m] in ("-", "'s", "’s") or _day(words, m))
    ):
        w = words[m]
        if w in TOLL_NOUNS and w != "toll":
            return None
        if w == "toll" and m < k:
            opened = words[m + 1] in _TOLL_PHRASE_OPENERS
            if not opened and (not rising or k - m >= 8):
                return None
            if (not rising or k - m >= 8) and any(x in _DISASTERS for x in words[m:k]):
                return None  # "the death toll from the floods that hit the north in May was 300"
            measure, group = Measure.KILLED, None
            for back in _toll_modifiers(words, m):
                measure = TOLL_MEASURE_WORDS.get(words[back], measure)
                group = GROUP_MODIFIERS.get(words[back], group)
            return measure, 0.9, group
        if w in _COUNTED and m >= 3:
            at = next(
                (x for x in range(m - 2, max(-1, m - 6), -1) if words[x : x + 2] == ["number", "of"]), None
            )
            if at is not None:  # "the number of civilians killed by the strike has risen to 20"
                group = None
                for x in words[at + 2 : m]:
                    group = GROUP_NOUNS.get(x, GROUP_MODIFIERS.get(x, group))
                return _COUNTED[w], 0.85, group
        m -= 1
    return None


# "the dead include …", "among those killed were …": the people listed are counted in the measure
_LISTED_NOUNS = {
    "dead": Measure.KILLED, "killed": Measure.KILLED, "deceased": Measure.KILLED,
    "fatalities": Measure.KILLED, "wounded": Measure.INJURED, "injured": Measure.INJURED,
}  # fmt: skip
_LISTED_VERBS = {"include", "included", "includes", "including"}
_LISTED_BE = {"were", "are", "was", "is"}


def listed_noun(words: list[str], k: int) -> Measure | None:
    """The measure of "the dead"/"those killed" ending at ``k`` (a definite noun phrase, not a count)."""
    if k < 1 or words[k] not in _LISTED_NOUNS:
        return None
    return _LISTED_NOUNS[words[k]] if words[k - 1] in ("the", "those") else None


def _listed_among(words: list[str], k: int) -> Measure | None:
    """ "The dead include" / "among the injured were" ending at ``k`` (the word before the number)."""
    if k >= 1 and words[k] in _LISTED_VERBS and words[k] != "including":
        return listed_noun(words, k - 1)
    if k >= 3 and words[k] in _LISTED_BE and words[k - 3] in ("among", "amongst"):
        return listed_noun(words, k - 1)
    return None


# "killed along with 6 fighters": the verb before the joined phrase counts the number after it
_ALONG = {("along", "with"), ("together", "with")}
_ALONG_VERBS = {"killed": Measure.KILLED, "died": Measure.KILLED, "dead": Measure.KILLED}


# words before a verb that make it a threat, a plan, a forecast or a near miss ("could kill thousands")
_HYPOTHETICAL = {
    "could", "would", "might", "may", "will", "can", "nearly", "almost", "threatened", "threatens",
    "threatening", "threaten", "tried", "trying", "try", "attempted", "attempting", "attempt", "failed",
    "plan", "plans", "planned", "planning", "vowed", "vow", "vows", "aim", "aims", "aimed", "intended",
    "intend", "intends", "wanted", "want", "wants", "sought", "seeking", "seek", "risk", "risks", "not",
    "never", "to", "shall", "should", "must",
}  # fmt: skip


def _hypothetical(words: list[str], k: int) -> bool:
    """True when the verb at k is hypothetical, planned or denied ("could kill", "threatened to displace",
    "nearly lynched"); "to" alone counts only after such a word ("tried to kill", not "led to killing")."""
    before = words[k - 1] if k > 0 else ""
    if before == "to":
        return k > 1 and words[k - 2] in _HYPOTHETICAL
    return before in _HYPOTHETICAL


# "a pre-war population of 60,000": a baseline head count, not people at risk now
_BASELINE = {"war", "pre-war", "prewar", "conflict", "pre-conflict", "former", "original", "census"}
# "the earthquake, which killed 3,700": a natural disaster's toll, not a conflict figure
_DISASTERS = {
    "earthquake", "earthquakes", "quake", "quakes", "flood", "floods", "flooding", "storm", "storms",
    "cyclone", "hurricane", "typhoon", "landslide", "landslides", "tsunami", "epidemic", "outbreak",
    "cholera", "drought", "wildfire", "wildfires", "avalanche",
}  # fmt: skip
# "33 hostages are to be freed in exchange for hundreds of prisoners": a planned release, not a detention
_RELEASE = {"freed", "released", "release", "exchange", "exchanged", "swap", "swapped", "handed", "free"}
_RELEASED_NOUNS = {"hostages", "hostage", "prisoners", "prisoner", "detainees", "detainee", "captives"}
_MOBILE = {Measure.DISPLACED, Measure.EVACUATED, Measure.RETURNED, Measure.AT_RISK}
# where people who "remained in" are not people at risk of the fighting
_HELD = {"hospital", "hospitals", "custody", "detention", "prison", "jail", "power", "office", "control",
         "contact", "touch", "place", "critical", "serious", "intensive", "hiding", "service", "position",
         "positions", "charge", "command"}  # fmt: skip
_ARMED_GROUPS = {VictimGroup.FIGHTERS, VictimGroup.SECURITY_FORCES}
# nouns that count groups of people of unknown size: no figure of people from them
_UNITS_OF_PEOPLE = {"families", "households", "household", "clans", "tribes", "villages", "communities"}


def not_a_conflict_count(
    words: list[str], start: int, end: int, head: str | None, measure: Measure, low: int
) -> bool:
    """True for numbers that a trigger reads as a figure but that count no conflict victims: a pre-war
    population, a natural disaster's toll, hostages or prisoners to be released, one person who fled ("a
    45-year-old teacher who fled"). ``start``/``end``: the victim phrase's token span."""
    before = words[max(0, start - 5) : start]
    if measure == Measure.AT_RISK and "population" in before:
        at = len(before) - 1 - before[::-1].index("population")
        if any(w in _BASELINE for w in before[max(0, at - 2) : at]) or "pre" in before[:at]:
            return True
    if measure == Measure.KILLED and any(w in _DISASTERS for w in words[max(0, start - 4) : start]):
        return True
    if measure == Measure.DETAINED and head in _RELEASED_NOUNS:
        near = words[max(0, start - 4) : start] + words[end : end + 5]
        if any(w in _RELEASE for w in near):
            return True
    after = words[end : end + 7]
    if measure == Measure.AT_RISK and any(w.startswith("remain") for w in after) and "in" in after:
        place = [w for w in after[after.index("in") + 1 :] if w not in ("the", "a", "police", "military")]
        if place and place[0] in _HELD:  # "three soldiers remained in hospital": not people at risk
            return True
    if measure == Measure.DISPLACED and "move" in after and GROUP_NOUNS.get(head or "") in _ARMED_GROUPS:
        return True  # "thousands of troops are on the move"
    if head in _UNITS_OF_PEOPLE and measure != Measure.AT_RISK:
        return True  # "30 families were evacuated": households, not a head count ("home to" keeps its size)
    return measure in _MOBILE and low == 1 and words[start] in ("a", "an")


# "forced 20,000 residents to flee", "compelled about 300 families to leave their homes"
_FORCING_VERBS = frozenset(
    {"forced", "forcing", "force", "forces", "compelled", "compelling", "drove", "driving"}
)
_FLIGHT = frozenset({("to", "flee"), ("to", "leave"), ("to", "abandon")})
_HOMES = frozenset({"home", "homes", "village", "villages", "town", "towns", "city", "area", "areas", "land"})
# "treated 40 people for shrapnel wounds", "received 23 patients with gunshot wounds"
_CARE_VERBS = frozenset(
    {"treated", "treating", "treat", "treats", "received", "receiving", "admitted", "admitting"}
)
_WOUND_WORDS = frozenset({"wounds", "wound", "injuries", "injury", "burns", "trauma"})


def object_trigger(words: list[str], q_start: int, np_end: int) -> Measure | None:
    """The measure a verb gives its counted object together with what follows the phrase: people an event
    forced to flee are displaced; people a clinic treated for (or received with) wounds are injured. Appeals
    ("urged 20,000 residents to flee") and bare admissions ("received 23 patients") are not figures."""
    if q_start <= 0:
        return None
    verb = words[q_start - 1]
    after = tuple(words[np_end : np_end + 2])
    if verb in _FORCING_VERBS:
        rest = words[np_end : np_end + 5]
        if (
            after in _FLIGHT
            or (  # "… from their homes", "… out of their villages"
                rest[:2] in (["from", "their"], ["out", "of"]) and any(w in _HOMES for w in rest[2:])
            )
        ):
            return Measure.DISPLACED
    if verb in _CARE_VERBS and np_end < len(words) and words[np_end] in ("for", "with"):
        window = words[np_end + 1 : np_end + 5]
        if any(w in _WOUND_WORDS for w in window):
            return Measure.INJURED
    return None

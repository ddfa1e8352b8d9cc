"""Word-level readings around a victim phrase for ``fogline.figures.v1``: coordinated modifiers and groups
("regime and rebel fighters", "women and children"), the group most victims belong to ("40 people, mostly
soldiers"), compounds that are no victim phrase ("the militant group were killed"), ages, "including" lists
and short phrases between two victim phrases ("22 gunmen from the militia and three farmers")."""

from __future__ import annotations

from spacy.tokens import Span

from fogline.nlp.extensions import doc_text
from fogline.nlp.figures_lexicon import (
    BOUNDARY,
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    HEAD_GROUPS,
    HEAD_MEASURES,
    NOT_MODIFIERS,
    RIGHT_GAP,
    RIGHT_TRIGGERS,
)
from fogline.schema import Mention, VictimGroup


def coordinated_modifier(words: list[str], j: int) -> bool:
    """True when words[j:] is one or two modifiers then a victim noun ("rebel fighters")."""
    for k in range(j, min(j + 3, len(words))):
        if words[k] in GROUP_NOUNS and k > j:
            return True
        if k == j and words[k] in GROUP_MODIFIERS and k + 1 < len(words) and words[k + 1] in GROUP_NOUNS:
            return True  # "regime and rebel fighters"
        if words[k] in GROUP_NOUNS or not words[k].isalpha() or words[k] in NOT_MODIFIERS:
            return False
    return False


ARMED = {VictimGroup.FIGHTERS, VictimGroup.SECURITY_FORCES}
UNARMED = {VictimGroup.CIVILIANS, VictimGroup.CHILDREN, VictimGroup.WOMEN}


def joined_group(first: VictimGroup | None, second: VictimGroup) -> VictimGroup | None:
    """The group of "soldiers and militiamen" (armed), "women and children" (civilians), else unknown."""
    if first == second:
        return first
    if first in ARMED and second in ARMED:
        return first
    if first in UNARMED and second in UNARMED:
        return VictimGroup.CIVILIANS
    return VictimGroup.UNKNOWN


_MAJORITY = {"mostly", "mainly", "largely", "predominantly", "most", "chiefly"}
_MAJORITY_FILL = {",", "of", "them", "whom", "from", "the", "members", "member", "and", "-"}
MAJORITY_HEADS = {"people", "persons", "individuals", "victims", "men", "others", None}


def appositive_start(words: list[str], j: int) -> int:
    """Where an appositive about the victims starts: right after their phrase, or after the verb group that
    follows it ("30 people were killed, mostly soldiers")."""
    if j < len(words) and (words[j] == "," or words[j] in _MAJORITY):
        return j
    for k in range(j, min(j + 6, len(words) - 1)):
        if words[k] == "," and words[k + 1] in _MAJORITY:
            return k
        if words[k][:1].isdigit() or words[k] in (".", ";"):
            break
    return j


def majority_group(words: list[str], j: int) -> VictimGroup | None:
    """The group most victims belong to, from an appositive after the phrase ("23 people, most of them
    members of the militant group, were killed"; "40 dead, mainly soldiers"); None when it is mixed."""
    if j < len(words) and words[j] == ",":
        j += 1
    if j >= len(words) or words[j] not in _MAJORITY:
        return None
    groups: list[VictimGroup] = []
    for k in range(j + 1, min(j + 13, len(words))):
        w = words[k]
        if w in _MAJORITY_FILL:
            continue
        if w in NOT_MODIFIERS or w in BOUNDARY:  # "mostly in the north": not about who they were
            break
        if w in GROUP_MODIFIERS and k + 1 < len(words) and words[k + 1] not in GROUP_NOUNS:
            groups.append(GROUP_MODIFIERS[w])  # "from the opposition" … "groups"
        elif w in GROUP_NOUNS and w not in ("members", "member"):
            groups.append(GROUP_MODIFIERS.get(w, GROUP_NOUNS[w]))
        elif w in RIGHT_TRIGGERS or w in RIGHT_GAP or w in (".", ";", ":") or not w.isalpha():
            break
    if not groups or VictimGroup.UNKNOWN in groups:
        return None
    if all(g in ARMED for g in groups):
        return groups[0]
    if all(g in UNARMED for g in groups):
        return groups[0] if len(set(groups)) == 1 else VictimGroup.CIVILIANS
    return None


def compound_noun(texts: list[str], words: list[str], j: int) -> bool:
    """True when words[j] is a plain noun that the victim noun before it modifies, followed by a verb
    ("the militant group were killed", "a soldier training camp was hit")."""
    if j + 1 >= len(words) or not texts[j].isalpha() or not texts[j].islower():
        return False
    w = words[j]
    if w in RIGHT_TRIGGERS or w in RIGHT_GAP or w in BOUNDARY or w in NOT_MODIFIERS or w in GROUP_NOUNS:
        return False
    return words[j + 1] in ("were", "was", "is", "are", "has", "have", "had")


def after_age(words: list[str], j: int) -> int | None:
    """The index after an age ("65-year-old", "27 year-old") starting at j, None when there is none."""
    if j >= len(words) or not words[j].isdigit():
        return None
    for k in range(j + 1, min(j + 6, len(words))):
        if words[k] == "old":
            return k + 1
        if words[k] not in ("-", "year", "years", "‐"):
            return None
    return None


_INCLUDING = {
    ("including",),
    ("among", "them"),
    ("among", "whom"),
    ("of", "whom"),
    ("of", "them"),
    ("among",),
}


def after_including(words: list[str], start: int) -> bool:
    """ "… were killed, including 6 children": the number opens a subset of the figure before it."""
    k = start - 1 if start > 0 and words[start - 1] == "the" else start
    return any(tuple(words[max(0, k - len(p)) : k]) == p for p in _INCLUDING)


def short_pp_then_and(between: list[str]) -> bool:
    """True for a short prepositional phrase then "and" between two victim phrases ("from the group and")."""
    # "an officer with the rank of first lieutenant and three soldiers"
    rank = between[:4] == ["with", "the", "rank", "of"] and len(between) <= 8
    if not rank and (not 3 <= len(between) <= 5 or between[0] not in ("from", "of", "in")):
        return False
    if between[-1] != "and":
        return False
    inner = between[1:-1]
    return all(
        w.isalpha() and w not in RIGHT_TRIGGERS and w not in RIGHT_GAP - {"the"} and w not in ("and", "or")
        for w in inner
    )


def noun_group(word: str) -> VictimGroup:
    """The group of a singular victim noun ("witness", "refugee" and "hostage" are singular but no group
    noun)."""
    return GROUP_NOUNS.get(word) or HEAD_GROUPS.get(word) or VictimGroup.UNKNOWN


def dateline(sent: Span, m: Mention) -> bool:
    """True for a wire story's dateline: a place in capitals opening the sentence, then a comma
    ("PORT-AU-PRINCE, Oct 4 (Wire) – …")."""
    if not (m.text.isupper() and len(m.text) > 2):
        return False  # checked first: ``Span.text`` builds a token object per word
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # ``sent.text``
    head = text[: m.start - sent.start_char]
    after = text[m.end - sent.start_char : m.end - sent.start_char + 2]
    return not head.strip() and after.startswith(",")


_APPOSITIVE_MODIFIERS = 2  # "two of them local aid workers": plain words allowed before the group noun


def appositive_group(words: list[str], j: int) -> VictimGroup | None:
    """The group named right after "N of them" ending at ``j`` ("20 of them children", "two of them were
    ambulance crew", "three of them Kurdish fighters"): a group noun after at most two plain modifiers."""
    j += j < len(words) and words[j] in ("were", "are")
    group_mod: VictimGroup | None = None
    for k in range(j, min(j + _APPOSITIVE_MODIFIERS + 1, len(words))):
        w = words[k]
        if w in GROUP_NOUNS:
            return group_mod or GROUP_NOUNS[w]
        if not w.isalpha() or w in NOT_MODIFIERS or w in RIGHT_TRIGGERS or w in HEAD_MEASURES:
            return None
        group_mod = GROUP_MODIFIERS.get(w, group_mod)
    return None

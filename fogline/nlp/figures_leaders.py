"""Leaders of an armed group are its members: "47 leaders of the X brigade", "an X militia leader", "a rebel
group … killing its leader" are fighters (security forces for state forces), not civilians. The group is
an ACTOR mention of an armed actor over the phrase's side, or, for "its/their leader", the nearest armed
group named before it in the sentence ("an Islamist rebel group", an armed ACTOR mention)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from fogline.nlp.figures_lexicon import GROUP_MODIFIERS, GROUP_NOUNS
from fogline.schema import Mention, VictimGroup

LEADER_HEADS = {"leader", "leaders"}
ARMED_ACTORS = {
    "rebel_group": VictimGroup.FIGHTERS,
    "political_militia": VictimGroup.FIGHTERS,
    "identity_militia": VictimGroup.FIGHTERS,
    "state_forces": VictimGroup.SECURITY_FORCES,
}
_ARMED = {VictimGroup.FIGHTERS, VictimGroup.SECURITY_FORCES}
# nouns for an organisation that "its leader" may refer to
_BODY_NOUNS = {"group", "faction", "militia", "movement", "organization", "organisation", "brigade",
               "battalion", "front", "alliance", "coalition", "network", "cell"}  # fmt: skip
ANTECEDENT_WITHIN = 15  # tokens searched back for the body that "its leader" belongs to


def _actor_group(doc: Doc, mention: Mention | None) -> VictimGroup | None:
    entity = (doc._.entities or {}).get(mention.entity_id) if mention is not None else None
    return ARMED_ACTORS.get(str(entity.type)) if entity is not None else None


def _overlapping(doc: Doc, label: str, start: int, end: int) -> Mention | None:
    found = [m for m in doc._.mentions or [] if m.label == label and m.start < end and m.end > start]
    return max(found, key=lambda m: m.end - m.start) if found else None


def leaders_group(
    doc: Doc, sent: Span, side: tuple[int, int] | None, possessive: int | None
) -> VictimGroup | None:
    """The armed group of leaders: from the side's ACTOR mention (char span ``side``), or for "its/their
    leader" (``possessive``: the token index of the pronoun in ``sent``) from the nearest body before it."""
    if side is not None:
        return _actor_group(doc, _overlapping(doc, "ACTOR", *side))
    if possessive is None or sent[possessive].lower_ not in ("its", "their"):
        return None
    for k in range(possessive - 1, max(possessive - ANTECEDENT_WITHIN, 0) - 1, -1):
        tok = sent[k]
        actor = _overlapping(doc, "ACTOR", tok.idx, tok.idx + len(tok.text))
        if actor is not None:
            return _actor_group(doc, actor)  # the nearest named body decides, armed or not
        if _overlapping(doc, "PLACE", tok.idx, tok.idx + len(tok.text)) is not None:
            return None  # "the town … its leader"
        if tok.lower_ in _BODY_NOUNS:
            for m in range(k - 1, max(k - 3, 0) - 1, -1):
                w = sent[m].lower_
                group = GROUP_MODIFIERS.get(w) or GROUP_NOUNS.get(w)
                if group in _ARMED:
                    return VictimGroup.FIGHTERS if group == VictimGroup.FIGHTERS else group
            return None
    return None

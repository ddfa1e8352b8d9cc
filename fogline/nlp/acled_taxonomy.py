"""ACLED's event taxonomy as data, with the CASE 2021 labels mapped onto it.

ACLED (codebook 2023) sorts events into three disorder types, six event types and 25 sub-event types. The
CASE 2021 shared task (task 2) labels news snippets with the 25 sub-event types under short codes
(``ARMED_CLASH``, ``AIR_STRIKE``…) plus five labels that are not ACLED types (``DIPLO``, ``ATTRIB``,
``ORG_CRIME``, ``NATURAL_DISASTER``, ``MAN_MADE_DISASTER``); those keep their own "event type" here and no
disorder type.

Displacement is not an ACLED type. Fogline records it as ``Strategic developments / Other`` with the event
attribute ``{"displacement": true}`` (see ``DISPLACEMENT``); its CASE label is ``OTHER``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Disorder types
POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
# ACLED codes violent demonstrations and excessive force against protesters under both.
POLITICAL_VIOLENCE_DEMONSTRATIONS = "Political violence; Demonstrations"
DISORDER_TYPES: tuple[str, ...] = (POLITICAL_VIOLENCE, DEMONSTRATIONS, STRATEGIC)

# Event types
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
EVENT_TYPES: tuple[str, ...] = (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC_DEVELOPMENTS)


@dataclass(frozen=True)
class SubEventType:
    """One class: an ACLED sub-event type (or a CASE 2021 extra label) and where it sits."""

    label: str  # CASE 2021 code, e.g. "AIR_STRIKE"
    sub_event_type: str  # ACLED name, e.g. "Air/drone strike"; the readable name for extra labels
    event_type: str
    disorder_type: str  # "" for labels outside ACLED's taxonomy
    acled: bool = True  # False for CASE 2021's extra labels
    description: str = ""

    @property
    def is_political_violence(self) -> bool:
        return POLITICAL_VIOLENCE in self.disorder_type


_PV, _DM, _SD, _PVD = POLITICAL_VIOLENCE, DEMONSTRATIONS, STRATEGIC, POLITICAL_VIOLENCE_DEMONSTRATIONS

SUB_EVENT_TYPES: tuple[SubEventType, ...] = (
    # Battles
    SubEventType("ARMED_CLASH", "Armed clash", BATTLES, _PV, description="armed, organised groups fight"),
    SubEventType(
        "GOV_REGAINS_TERIT",
        "Government regains territory",
        BATTLES,
        _PV,
        description="state forces retake territory held by a non-state group",
    ),
    SubEventType(
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "Non-state actor overtakes territory",
        BATTLES,
        _PV,
        description="a non-state group takes territory by force",
    ),
    # Explosions/Remote violence
    SubEventType("CHEM_WEAP", "Chemical weapon", EXPLOSIONS, _PV, description="chlorine, sarin, toxic gas"),
    SubEventType("AIR_STRIKE", "Air/drone strike", EXPLOSIONS, _PV, description="aircraft or drones strike"),
    SubEventType("SUIC_BOMB", "Suicide bomb", EXPLOSIONS, _PV, description="a suicide bomber or vehicle"),
    SubEventType(
        "ART_MISS_ATTACK",
        "Shelling/artillery/missile attack",
        EXPLOSIONS,
        _PV,
        description="shells, mortars, rockets, missiles fired from the ground or sea",
    ),
    SubEventType(
        "REM_EXPLOS",
        "Remote explosive/landmine/IED",
        EXPLOSIONS,
        _PV,
        description="IEDs, landmines, car bombs, roadside bombs",
    ),
    SubEventType("GRENADE", "Grenade", EXPLOSIONS, _PV, description="a grenade thrown or exploding"),
    # Violence against civilians
    SubEventType("SEX_VIOL", "Sexual violence", VAC, _PV, description="rape, sexual assault"),
    SubEventType("ATTACK", "Attack", VAC, _PV, description="armed actors attack unarmed civilians"),
    SubEventType(
        "ABDUCT_DISSAP",
        "Abduction/forced disappearance",
        VAC,
        _PV,
        description="kidnapping, abduction, enforced disappearance",
    ),
    # Protests
    SubEventType(
        "PEACE_PROTEST", "Peaceful protest", PROTESTS, _DM, description="a non-violent demonstration"
    ),
    SubEventType(
        "PROTEST_WITH_INTER",
        "Protest with intervention",
        PROTESTS,
        _DM,
        description="a peaceful protest dispersed or suppressed without lethal force",
    ),
    SubEventType(
        "FORCE_AGAINST_PROTEST",
        "Excessive force against protesters",
        PROTESTS,
        _PVD,
        description="lethal or serious force against peaceful protesters",
    ),
    # Riots
    SubEventType(
        "VIOL_DEMONSTR",
        "Violent demonstration",
        RIOTS,
        _PVD,
        description="demonstrators engage in violence or vandalism",
    ),
    SubEventType("MOB_VIOL", "Mob violence", RIOTS, _PV, description="a mob attacks people or property"),
    # Strategic developments
    SubEventType(
        "AGREEMENT", "Agreement", STRATEGIC_DEVELOPMENTS, _SD, description="ceasefire, deal, surrender"
    ),
    SubEventType("ARREST", "Arrests", STRATEGIC_DEVELOPMENTS, _SD, description="arrests and detentions"),
    SubEventType(
        "CHANGE_TO_GROUP_ACT",
        "Change to group/activity",
        STRATEGIC_DEVELOPMENTS,
        _SD,
        description="troop movements, recruitment, group formation, mergers",
    ),
    SubEventType(
        "DISR_WEAP",
        "Disrupted weapons use",
        STRATEGIC_DEVELOPMENTS,
        _SD,
        description="weapons seized, explosives defused, attacks foiled",
    ),
    SubEventType(
        "HQ_ESTABLISHED",
        "Headquarters or base established",
        STRATEGIC_DEVELOPMENTS,
        _SD,
        description="a group sets up a base or headquarters",
    ),
    SubEventType(
        "PROPERTY_DISTRUCT",
        "Looting/property destruction",
        STRATEGIC_DEVELOPMENTS,
        _SD,
        description="looting, arson, demolition of property",
    ),
    SubEventType(
        "NON_VIOL_TERRIT_TRANSFER",
        "Non-violent transfer of territory",
        STRATEGIC_DEVELOPMENTS,
        _SD,
        description="territory handed over or vacated without fighting",
    ),
    SubEventType("OTHER", "Other", STRATEGIC_DEVELOPMENTS, _SD, description="other strategic developments"),
    # CASE 2021 extra labels: not ACLED types
    SubEventType(
        "DIPLO", "Diplomatic event", "Diplomacy", "", acled=False, description="talks, visits, calls"
    ),
    SubEventType(
        "ATTRIB",
        "Attribution",
        "Attribution",
        "",
        acled=False,
        description="claims or denials of responsibility",
    ),
    SubEventType(
        "ORG_CRIME", "Organised crime", "Organised crime", "", acled=False, description="cartels, gangs"
    ),
    SubEventType(
        "NATURAL_DISASTER",
        "Natural disaster",
        "Natural disaster",
        "",
        acled=False,
        description="earthquakes, floods, storms, epidemics",
    ),
    SubEventType(
        "MAN_MADE_DISASTER",
        "Man-made disaster",
        "Man-made disaster",
        "",
        acled=False,
        description="industrial fires, crashes, collapses, spills",
    ),
)

BY_LABEL: dict[str, SubEventType] = {t.label: t for t in SUB_EVENT_TYPES}
BY_SUB_EVENT: dict[str, SubEventType] = {t.sub_event_type: t for t in SUB_EVENT_TYPES}
ACLED_SUB_EVENT_TYPES: tuple[str, ...] = tuple(t.sub_event_type for t in SUB_EVENT_TYPES if t.acled)
CASE_LABELS: tuple[str, ...] = tuple(t.label for t in SUB_EVENT_TYPES)
EXTRA_LABELS: tuple[str, ...] = tuple(t.label for t in SUB_EVENT_TYPES if not t.acled)

# Displacement: an ACLED "Other" strategic development flagged by this attribute.
DISPLACEMENT = "displacement"
DISPLACEMENT_ATTRIBUTES: dict[str, bool] = {DISPLACEMENT: True}


def by_label(label: str) -> SubEventType:
    """The class for a CASE 2021 code (``KeyError`` for an unknown code)."""
    return BY_LABEL[label]


def event_type_of(label: str) -> str:
    """The ACLED event type of a CASE label; an extra label is its own type."""
    return BY_LABEL[label].event_type


def sub_event_types_of(event_type: str) -> list[str]:
    """The ACLED sub-event types of an event type, in codebook order."""
    return [t.sub_event_type for t in SUB_EVENT_TYPES if t.event_type == event_type]

"""Word lists for ``fogline.figures.v1``: who is counted (victim nouns) and what happened (measure triggers).

Choices (documented in the component):
- "civilians", "citizens", "villagers" and civilian occupations (farmers, students, journalists…) → civilians;
  "people", "persons", "residents", "individuals", "victims" → unknown unless "civilian" is written;
- "children", "minors", "kids", "boys", "girls", "babies" → children; "women", "mothers" → women;
- armed members of non-state groups → fighters; soldiers, troops, police, gendarmes, guards → security_forces;
  "members" → security_forces when the phrase names a security body, else fighters;
- "abducted", "kidnapped", "taken hostage" count as detained (held by someone), "missing" as missing.
"""

from __future__ import annotations

from fogline.schema import Measure, VictimGroup


def words(text: str) -> list[str]:
    """The words of a whitespace-separated list (keeps long lexicons readable)."""
    return text.split()


C, U, CH, W, F, S = (
    VictimGroup.CIVILIANS,
    VictimGroup.UNKNOWN,
    VictimGroup.CHILDREN,
    VictimGroup.WOMEN,
    VictimGroup.FIGHTERS,
    VictimGroup.SECURITY_FORCES,
)

_GROUP_WORDS: dict[VictimGroup, str] = {
    C: """civilians civilian citizens citizen villagers villager non-combatants noncombatants farmers farmer
        herders herder shepherds shepherd fishermen fisherman traders trader merchants merchant shopkeepers
        students student pupils worshippers worshipers pilgrims passengers passenger journalists journalist
        reporters reporter teachers teacher doctors doctor nurses nurse medics medic paramedics patients
        aid workers workers worker volunteers volunteer rescuers rescuer motorists motorist shoppers
        refugees refugee migrants migrant farmworkers labourers laborers miners miner drivers
        driver cameraman photographer businessman businessmen chief chiefs elders elder imam priest
        pastor villager civil servants councillor councilor official officials mourners herdsmen herdsman
        protesters protester demonstrators demonstrator rioters passerby passersby bystander bystanders
        passer-by passers-by hunters hunter pedestrians pedestrian tourists tourist engineers engineer
        lecturer lawyer lawyers activists activist politician politicians candidate leader leaders
        headman monk monks nun priests pastors clerics cleric preacher vendor vendors youth
        employees employee staff contractors contractor guardsman prisoner inmates inmate paramedic
        volunteer ranger rangers national nationals breeder breeders cobbler butcher butchers labourer
        laborer labours rioter minister ministers mayor judge governor chairman spokesman commissioner""",
    U: """people persons person individuals individual residents resident inhabitants others victims victim
        men man lives souls bodies corpses family relatives relative husband wife son families households
        daughter brother sister father nephew cousin neighbour neighbor robbers robber thieves thief
        criminals criminal smugglers smuggler companions crew crews crewmen""",
    CH: """children child kids kid minors minor infants infant babies baby boys boy girls girl toddlers
        toddler schoolchildren teenagers teenager teens youths schoolboys schoolgirls newborns""",
    W: """women woman mothers mother wives widows females""",
    F: """fighters fighter militants militant rebels rebel insurgents insurgent jihadists jihadist jihadis
        gunmen gunman attackers attacker assailants assailant militiamen militiaman militia militias
        combatants combatant extremists extremist terrorists terrorist guerrillas guerrilla bombers bomber
        mercenaries mercenary loyalists loyalist members member recruits recruit commanders commander
        vigilantes vigilante bandits bandit raiders raider poachers poacher dahalo kidnappers pirates
        abductors suspects suspect islamists islamist ruler elements element operatives operative""",
    S: """soldiers soldier troops troop servicemen serviceman policemen policeman police officers officer
        gendarmes gendarme guards guard personnel peacekeepers peacekeeper marines marine conscripts
        conscript sailors pilots pilot paratroopers commandos commando cadets agents agent sergeant
        captain lieutenant colonel major general corporal private constable constables army military
        servicemembers airmen forces""",
}
GROUP_NOUNS: dict[str, VictimGroup] = {w: g for g, words in _GROUP_WORDS.items() for w in words.split()}

# nouns that are singular (need "a/an/one" or a number 1 to be a count of one)
SINGULAR = {
    w
    for w in GROUP_NOUNS
    if not w.endswith("s")
    and not w.endswith("men")
    and w
    not in {
        "people", "police", "militia", "personnel", "military", "army", "men", "women", "children",
        "gendarmes", "youths", "dahalo", "displaced", "servicemen", "policemen", "militiamen", "fishermen",
        "businessmen", "gunmen", "family", "crew", "staff",
    }
} | {"boss", "actress", "witness", "idp", "refugee", "detainee", "hostage", "prisoner", "martyr"}  # fmt: skip

# modifiers that settle the group whatever the head noun
GROUP_MODIFIERS: dict[str, VictimGroup] = {
    "civilian": C,
    "civil": C,
    "traditional": C,  # "a traditional ruler", "traditional chiefs": community leaders, not fighters
    "child": CH,
    "female": W,
    "security": S,
    "police": S,
    "army": S,
    "military": S,
    "government": S,
    "regime": S,
    "state": S,
    "pro-government": F,
    "rebel": F,
    "opposition": F,
    "militia": F,
    "jihadist": F,
    "insurgent": F,
    # the crew's job says who they are: "an ambulance crew" (a "tank crew" stays unknown)
    "ambulance": C,
}

# a head noun that is itself the measure ("13 deaths", "dozens of casualties", "2 million IDPs")
HEAD_MEASURES: dict[str, Measure] = {
    "deaths": Measure.KILLED,
    "death": Measure.KILLED,
    "dead": Measure.KILLED,
    "fatalities": Measure.KILLED,
    "fatality": Measure.KILLED,
    "martyrs": Measure.KILLED,
    "martyr": Measure.KILLED,
    "bodies": Measure.KILLED,
    "corpses": Measure.KILLED,
    "remains": Measure.KILLED,
    "killed": Measure.KILLED,
    "casualties": Measure.CASUALTIES,
    "casualty": Measure.CASUALTIES,
    "injuries": Measure.INJURED,
    "wounded": Measure.INJURED,
    "injured": Measure.INJURED,
    "idps": Measure.DISPLACED,
    "idp": Measure.DISPLACED,
    "refugees": Measure.DISPLACED,
    "displaced": Measure.DISPLACED,
    "evacuees": Measure.EVACUATED,
    "returnees": Measure.RETURNED,
    "detainees": Measure.DETAINED,
    "detainee": Measure.DETAINED,
    "prisoners": Measure.DETAINED,
    "hostages": Measure.DETAINED,
    "hostage": Measure.DETAINED,
    "captives": Measure.DETAINED,
    "abductees": Measure.DETAINED,
}
# the group a head-measure noun implies when nothing else says
HEAD_GROUPS: dict[str, VictimGroup] = {"martyrs": U, "refugees": C, "idps": C, "idp": C}

# words after the victim phrase that say what happened: first word -> [(phrase, measure)], longest first
_RIGHT: list[tuple[str, Measure]] = [
    ("killed", Measure.KILLED),
    ("dead", Measure.KILLED),
    ("died", Measure.KILLED),
    ("die", Measure.KILLED),
    ("perished", Measure.KILLED),
    ("drowned", Measure.KILLED),
    ("slain", Measure.KILLED),
    ("massacred", Measure.KILLED),
    ("executed", Measure.KILLED),
    ("murdered", Measure.KILLED),
    ("beheaded", Measure.KILLED),
    ("lynched", Measure.KILLED),
    ("blew himself up", Measure.KILLED),
    ("blew herself up", Measure.KILLED),
    ("blew themselves up", Measure.KILLED),
    ("assassinated", Measure.KILLED),
    ("crucified", Measure.KILLED),
    ("shot dead", Measure.KILLED),
    ("gunned down", Measure.KILLED),
    ("hacked to death", Measure.KILLED),
    ("to death", Measure.KILLED),
    ("burned to death", Measure.KILLED),
    ("burnt to death", Measure.KILLED),
    ("stabbed to death", Measure.KILLED),
    ("beaten to death", Measure.KILLED),
    ("stoned to death", Measure.KILLED),
    ("lost their lives", Measure.KILLED),
    ("lost their life", Measure.KILLED),
    ("lost his life", Measure.KILLED),
    ("lost her life", Measure.KILLED),
    ("martyred", Measure.KILLED),
    ("injured", Measure.INJURED),
    ("wounded", Measure.INJURED),
    ("hurt", Measure.INJURED),
    ("maimed", Measure.INJURED),
    ("hospitalised", Measure.INJURED),
    ("hospitalized", Measure.INJURED),
    ("sustained injuries", Measure.INJURED),
    ("suffered injuries", Measure.INJURED),
    ("sustained wounds", Measure.INJURED),
    ("displaced", Measure.DISPLACED),
    ("fled", Measure.DISPLACED),
    ("uprooted", Measure.DISPLACED),
    ("forced to flee", Measure.DISPLACED),
    ("forced from their homes", Measure.DISPLACED),
    ("forced out of their homes", Measure.DISPLACED),
    ("made homeless", Measure.DISPLACED),
    ("left homeless", Measure.DISPLACED),
    ("forcibly displaced", Measure.DISPLACED),
    ("internally displaced", Measure.DISPLACED),
    ("arrested", Measure.DETAINED),
    ("detained", Measure.DETAINED),
    ("captured", Measure.DETAINED),
    ("jailed", Measure.DETAINED),
    ("imprisoned", Measure.DETAINED),
    ("abducted", Measure.DETAINED),
    ("kidnapped", Measure.DETAINED),
    ("taken hostage", Measure.DETAINED),
    ("taken prisoner", Measure.DETAINED),
    ("taken captive", Measure.DETAINED),
    ("rounded up", Measure.DETAINED),
    ("missing", Measure.MISSING),
    ("disappeared", Measure.MISSING),
    ("unaccounted for", Measure.MISSING),
    ("evacuated", Measure.EVACUATED),
    ("returned", Measure.RETURNED),
    ("living in", Measure.AT_RISK),
    ("live in", Measure.AT_RISK),
    ("living inside", Measure.AT_RISK),
    ("trapped", Measure.AT_RISK),
    ("besieged", Measure.AT_RISK),
    ("remain trapped", Measure.AT_RISK),
    ("remained in", Measure.AT_RISK),
    ("remain in", Measure.AT_RISK),
    ("remaining in", Measure.AT_RISK),
    ("on the move", Measure.DISPLACED),
]
RIGHT_TRIGGERS: dict[str, list[tuple[tuple[str, ...], Measure]]] = {}
for _phrase, _measure in sorted(_RIGHT, key=lambda pm: -len(pm[0].split())):
    _words = tuple(_phrase.split())
    RIGHT_TRIGGERS.setdefault(_words[0], []).append((_words, _measure))

# words allowed between the victim phrase and its trigger ("were reportedly killed", "have been injured")
RIGHT_GAP = {
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "reported",
    "allegedly", "also", "all", "later", "subsequently", "confirmed", "believed", "feared", "said", "to",
    "so", "far", "now", "already", "either", "both", "since", "got", "get", "found", "left",
    "seriously", "severely", "critically", "slightly", "lightly", "fatally", "mortally", "instantly",
    "immediately", "initially", "themselves", "recently", "just", "still", "presumed", "thought", "among",
    "the", "those", "who", "that", "ultimately", "eventually", "apparently", '"', "“", "”",
    "remain", "remains", "remained",
}  # fmt: skip

# verbs just before a number that say what happened to the people counted ("killing 23 people")
LEFT_TRIGGERS: dict[str, Measure] = {
    **{w: Measure.KILLED for w in words(
        """
        killing killed kill kills killings slaying slaughtering massacring massacred executed
        executing execute executes beheaded beheading murdered murdering slaughtered assassinated
        assassinating assassinate assassinates lynched lynching lynch lynches crucified crucifying
        """
    )},
    **{w: Measure.INJURED for w in words(
        """
        injuring injured injure injures wounding wounded wound wounds
        """
    )},
    **{w: Measure.DISPLACED for w in words(
        """
        displacing displaced displace displaces uprooting uprooted
        """
    )},
    **{w: Measure.DETAINED for w in words(
        """
        arresting arrested arrest arrests detaining detained abducting abducted kidnapping
        kidnapped capturing captured seizing jailing jailed
        """
    )},
    **{w: Measure.EVACUATED for w in ["evacuating", "evacuated"]},
}  # fmt: skip
# verbs that mean killing only when their object is armed: a military communiqué's "eliminated 75 militants"
# ("eliminated three candidates" is no killing)
ARMED_KILL_VERBS = {"eliminated", "eliminating", "eliminates", "eliminate"}
# nouns followed by "of" before the number ("the deaths of 12", "the displacement of 155,000")
OF_TRIGGERS: dict[str, Measure] = {
    "deaths": Measure.KILLED,
    "death": Measure.KILLED,
    "bodies": Measure.KILLED,
    "body": Measure.KILLED,
    "remains": Measure.KILLED,
    "corpses": Measure.KILLED,
    "killing": Measure.KILLED,
    "killings": Measure.KILLED,
    "massacre": Measure.KILLED,
    "murder": Measure.KILLED,
    "murders": Measure.KILLED,
    "execution": Measure.KILLED,
    "executions": Measure.KILLED,
    "injury": Measure.INJURED,
    "injuries": Measure.INJURED,
    "wounding": Measure.INJURED,
    "displacement": Measure.DISPLACED,
    "flight": Measure.DISPLACED,
    "exodus": Measure.DISPLACED,
    "arrest": Measure.DETAINED,
    "arrests": Measure.DETAINED,
    "detention": Measure.DETAINED,
    "abduction": Measure.DETAINED,
    "abductions": Measure.DETAINED,
    "kidnapping": Measure.DETAINED,
    "disappearance": Measure.MISSING,
    "evacuation": Measure.EVACUATED,
    "return": Measure.RETURNED,
    "population": Measure.AT_RISK,
}
# "claimed the lives of N": the verbs that make "lives of" a death count
LIVES_VERBS = {"claimed", "claiming", "claim", "claims", "took", "taking", "cost", "costing", "taken"}
# "home to N", "hosting N"
HOME_TRIGGERS = {("home", "to"): Measure.AT_RISK, ("hosting",): Measure.AT_RISK, ("hosts",): Measure.AT_RISK}

# toll phrases: noun -> measure; the number follows after only TOLL_GAP words ("death toll has risen to 23")
TOLL_NOUNS: dict[str, Measure] = {
    "toll": Measure.KILLED,
    "casualties": Measure.CASUALTIES,
    "fatalities": Measure.KILLED,
    "deaths": Measure.KILLED,
}
TOLL_GAP = {
    "rose", "risen", "rises", "rise", "rising", "climbed", "climbs", "climbing", "reached", "reaches",
    "reaching", "stood", "stands", "standing", "hit", "hits", "jumped", "jumps", "increased", "increases",
    "mounted", "soared", "grew", "is", "was", "has", "had", "have", "at", "to", "of", "now", "reportedly",
    "further", "since", "then", "stand", "climb", "reach", "surpassed", "passed", "topped",
    "exceeded", "exceeds", "currently", "been", "put", "puts", "placed", "revised", "lowered", "raised",
    "updated", "adjusted", "corrected", "down", "up", "went", "fell", "dropped",
}  # fmt: skip
TOLL_MEASURE_WORDS = {"injury": Measure.INJURED, "casualty": Measure.CASUALTIES, "death": Measure.KILLED}

# words that, right after a number, show it counts something other than people
NOT_PEOPLE_AFTER = set(
    words(
        """
        % percent per cent pc years year yrs months month weeks week days day hours hour minutes
        minute seconds km kilometres kilometers kilometre kilometer miles mile metres meters
        metre meter m kg tonnes tons tonne ton hectares acres litres liters dollars dollar usd
        euros euro pounds pound sterling naira shillings francs cfa birr rand yuan rupees dinars
        dinar lira liras pounds riyals dirhams times am pm a.m. p.m. gmt utc o'clock bn mln
        billion am. st nd rd th
        """
    )
)
NOT_PEOPLE_BEFORE = set(
    words(
        """
        $ £ € us$ usd resolution article articles no no. number page pages clause chapter
        section paragraph route highway road unit battalion brigade division flight phase # tel
        tel. phone fax ext. apartment building block street st. km kilometre kilometer mile
        level grade class category code model version aged age ages under-
        """
    )
)
MONTHS = set(
    words(
        """
        january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec
        """
    )
)
# "six-day", "2,000-strong", "a 12-member committee": hyphenated compounds that are no count of victims
HYPHEN_NOT_PEOPLE = {"year", "day", "week", "month", "hour", "minute", "strong", "member", "man", "point",
                     "storey", "story", "kilometre", "kilometer", "mile", "page", "seat", "km", "times",
                     "fold", "metre", "meter", "bed", "vehicle", "car", "truck"}  # fmt: skip

# words that end a victim phrase without spoiling it, and words that join phrases in a list
CONNECTORS = {",", "-", "—", "–"} | set(
    words(
        """and as well plus along together with besides including another the among them of whom those were
        was are"""
    )
)
SUBSET_WORDS = {"including", "among", "of"}

# sources: nouns that may stand for a source even in lower case ("officials said", "a monitor said")
SOURCE_NOUNS = set(
    words(
        """
        monitor monitors official officials source sources spokesman spokeswoman spokesperson
        activists activist ministry ministries authorities authority agency police army military
        council witnesses media medics doctors hospital hospitals government governor mayor
        observatory group organisation organization committee commission office officer officers
        network coalition commander rescuers workers residents statement report ngo un
        volunteers paramedics rescuers groups mission prosecutor prosecutors
        """
    )
)
SAY_VERBS = set(
    words(
        """
        said says say reported told tells announced announces stated added adds confirmed
        confirms claimed estimated counted documented recorded noted wrote tweeted posted
        declared indicated
        """
    )
)
SOURCE_FIGURE_WORDS = {"figures", "data", "statistics", "tally", "count", "estimates", "estimate", "numbers",
                       "records", "reports", "report", "sources", "the", "a", "an", "latest", "official",
                       "preliminary", "initial", "updated", "new", "from", "by", "of"}  # fmt: skip

# --- words the victim-phrase reader uses

ADJECTIVES = set(
    words(
        """
        other more additional further innocent unarmed armed young elderly old civilian local
        foreign unidentified unknown suspected alleged fellow female male pregnant adult teenage
        newborn syrian palestinian israeli ukrainian russian sudanese displaced wounded injured
        dead fleeing trapped defenceless defenseless family innocent senior junior top high-
        ranking ranking government rebel opposition regime army police security militia military
        state pro allied affiliated backed linked aligned led loyal kurdish arab christian
        muslim alawite druze yazidi rohingya ethnic tribal internal suicide sri own total
        """
    )
)
INHERIT_HEADS = {"others", "more", "them", "whom", "those"}
# words that may end a phrase with no victim noun ("killing two and wounding nine")
BOUNDARY = {",", ".", ";", "—", "–", "(", "over", "within", "inside", "outside", "along"} | set(
    words(
        """and in on at during while when after as near across from including overnight yesterday today this
        last by but with"""
    )
)
NOT_MODIFIERS = set(
    words(
        """of to for the a an were was are is have has had who which that and or with by from in on at into
        than per"""
    )
)
# words that open the object of an active verb ("gunmen killed two herders": the gunmen are not victims)
OBJECT_START = set(
    words(
        """a an the his her their its him them at more over some about around nearly several dozens hundreds
        scores up one two three four five six seven eight nine ten many civilians people soldiers members
        police troops fighters"""
    )
)
DEFINITE = {"the", "his", "her", "their", "its"}
MEASURE_NOUNS = {"casualties", "casualty", "deaths", "death", "fatalities", "fatality", "injuries", "bodies"}
TOLL_VERBS = set(
    words(
        """rose risen rises climbed climbs reached reaches stood stands hit jumped increased soared surpassed
        passed topped exceeded mounted revised lowered raised updated adjusted corrected fell dropped"""
    )
)
TRANSITIVE = set(
    words(
        """killed injured wounded displaced arrested detained captured abducted kidnapped executed massacred
        murdered evacuated beheaded hurt slain jailed imprisoned lynched maimed uprooted returned assassinated
        crucified"""
    )
)
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
NAME_PARTICLES = {"al", "el", "ad", "bin", "ibn", "de", "du", "la", "le", "abu", "ben", "van", "von", "der"}

# nouns that say what people are (held, displaced), not what happened to them in this sentence
STATUS_HEADS = {
    "prisoners",
    "detainees",
    "detainee",
    "hostages",
    "hostage",
    "captives",
    "refugees",
    "idps",
    "idp",
}

"""``fogline.figures.v1`` on hand-written sentences from several conflicts, with and without mentions."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Entity, EntityKind, Figure, Measure, Mention, Qualifier, VictimGroup

K, INJ, D = Measure.KILLED, Measure.INJURED, Measure.DISPLACED


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.figures.v1"])


def run(
    nlp: Language, text: str, mentions: list[Mention] | None = None, entities: dict[str, Any] | None = None
) -> Doc:
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("fogline.sentences.v1")(doc)
    if mentions is not None:
        doc._.mentions = mentions
        doc._.dates = [m for m in mentions if m.label == "DATE"]
        doc._.entities = entities or {}
    return nlp.get_pipe("fogline.figures.v1")(doc)  # type: ignore[no-any-return]


def figures(nlp: Language, text: str) -> list[Figure]:
    return list(run(nlp, text)._.figures or [])


def readings(nlp: Language, text: str) -> list[tuple[Measure, VictimGroup, int, int | None]]:
    return [(f.measure, f.group, f.low, f.high) for f in figures(nlp, text)]


def mention(text: str, name: str, label: str, entity_id: str, **kw: Any) -> Mention:
    start = text.index(name)
    return Mention(label=label, start=start, end=start + len(name), text=name, entity_id=entity_id, **kw)


# --- measures, groups, coordination ---------------------------------------------------------------


def test_sudan_killed_and_wounded_with_source(nlp: Language) -> None:
    text = (
        "At least 40 civilians were killed and 65 others wounded when paramilitaries shelled a market in "
        "El Fasher, according to the Sudan Doctors Network."
    )
    got = figures(nlp, text)
    assert [(f.measure, f.group, f.low, f.high, f.qualifier) for f in got] == [
        (K, VictimGroup.CIVILIANS, 40, None, Qualifier.AT_LEAST),
        (INJ, VictimGroup.CIVILIANS, 65, 65, Qualifier.EXACT),
    ]
    assert {f.source for f in got} == {"Sudan Doctors Network"}
    assert got[0].number_text == "At least 40"
    assert text[got[0].start : got[0].end] == "At least 40 civilians"
    assert got[0].quote == text and got[0].extractor == "fogline.figures.v1"


def test_coordinated_groups_share_the_trigger(nlp: Language) -> None:
    text = (
        "Seven soldiers, two police officers and 14 villagers were killed in the raid on the Sahel outpost."
    )
    assert readings(nlp, text) == [
        (K, VictimGroup.SECURITY_FORCES, 7, 7),
        (K, VictimGroup.SECURITY_FORCES, 2, 2),
        (K, VictimGroup.CIVILIANS, 14, 14),
    ]


def test_list_then_a_second_clause(nlp: Language) -> None:
    text = (
        "Nine rebel fighters, one Tatmadaw officer and 22 civilians died, and more than 60 others were hurt "
        "during the battle for the town."
    )
    got = figures(nlp, text)
    assert [(f.measure, f.group, f.low) for f in got] == [
        (K, VictimGroup.FIGHTERS, 9),
        (K, VictimGroup.SECURITY_FORCES, 1),
        (K, VictimGroup.CIVILIANS, 22),
        (INJ, VictimGroup.UNKNOWN, 61),  # "others" after a mixed list keeps no group
    ]
    assert got[1].side == "Tatmadaw"


def test_others_take_the_group_of_the_figure_before(nlp: Language) -> None:
    text = "By Thursday 17 citizens in Omdurman had lost their lives, and 52 others were injured by shells."
    assert readings(nlp, text) == [(K, VictimGroup.CIVILIANS, 17, 17), (INJ, VictimGroup.CIVILIANS, 52, 52)]


def test_people_and_residents_are_of_unknown_status(nlp: Language) -> None:
    text = "A missile hit the railway station in Kramatorsk, killing 52 people and injuring 87 residents."
    assert readings(nlp, text) == [(K, VictimGroup.UNKNOWN, 52, 52), (INJ, VictimGroup.UNKNOWN, 87, 87)]


def test_children_women_and_a_subset(nlp: Language) -> None:
    text = "Twenty-three people were killed on Monday, including six children and four women, medics said."
    got = figures(nlp, text)
    assert [(f.measure, f.group, f.low) for f in got] == [
        (K, VictimGroup.UNKNOWN, 23),
        (K, VictimGroup.CHILDREN, 6),
        (K, VictimGroup.WOMEN, 4),
    ]
    assert {f.source for f in got} == {"medics"}


def test_death_toll_phrases(nlp: Language) -> None:
    assert readings(nlp, "The death toll from the flooding of the camp rose to 23 on Sunday.") == [
        (K, VictimGroup.UNKNOWN, 23, 23)
    ]
    assert readings(nlp, "Officials said the toll had climbed to 1,200.")[0][2] == 1200
    assert readings(nlp, "The bombing claimed the lives of 31 worshippers in Kano.") == [
        (K, VictimGroup.CIVILIANS, 31, 31)
    ]


def test_head_nouns_that_are_measures(nlp: Language) -> None:
    assert readings(nlp, "The clinic recorded 17 deaths and 40 injuries after the strike.") == [
        (K, VictimGroup.UNKNOWN, 17, 17),
        (INJ, VictimGroup.UNKNOWN, 40, 40),
    ]
    got = figures(nlp, "The council reported dozens of civilian casualties in Rafah.")
    assert [(f.measure, f.group, f.low, f.high, f.qualifier) for f in got] == [
        (Measure.CASUALTIES, VictimGroup.CIVILIANS, 12, 99, Qualifier.VAGUE)
    ]


def test_displacement_and_population(nlp: Language) -> None:
    text = "Officials said more than 300,000 people have been displaced from Khan Younis since the order."
    assert readings(nlp, text) == [(D, VictimGroup.UNKNOWN, 300_001, None)]
    got = figures(nlp, "Tens of thousands of civilians have fled to other districts amid the shelling.")
    assert [(f.measure, f.group, f.low, f.high) for f in got] == [(D, VictimGroup.CIVILIANS, 20_000, 99_999)]
    got = figures(nlp, "The bombardment endangers more than 250,000 civilians living in the two districts.")
    assert [(f.measure, f.low) for f in got] == [(Measure.AT_RISK, 250_001)]
    got = figures(nlp, "The siege caused the displacement of around 90,000 people from Sagaing villages.")
    assert [(f.measure, f.low, f.qualifier) for f in got] == [(D, 90_000, Qualifier.ABOUT)]
    assert [f.measure for f in figures(nlp, "The camp near Goma is home to 40,000 families.")] == [
        Measure.AT_RISK
    ]


def test_detained_missing_and_abducted(nlp: Language) -> None:
    assert readings(nlp, "Police arrested 45 protesters outside the parliament in Bamako.") == [
        (Measure.DETAINED, VictimGroup.CIVILIANS, 45, 45)
    ]
    assert [f.measure for f in figures(nlp, "Gunmen abducted 20 students from the school in Kaduna.")] == [
        Measure.DETAINED
    ]
    assert [
        f.measure for f in figures(nlp, "Four aid workers are missing after the convoy was attacked.")
    ] == [Measure.MISSING]


def test_one_person_without_a_number(nlp: Language) -> None:
    assert readings(nlp, "A paramedic was killed by a drone strike on the ambulance near Kherson.") == [
        (K, VictimGroup.CIVILIANS, 1, 1)
    ]
    assert readings(nlp, "Soldier killed in an ambush east of Timbuktu.") == [
        (K, VictimGroup.SECURITY_FORCES, 1, 1)
    ]


def test_bare_numbers_after_a_verb(nlp: Language) -> None:
    assert readings(nlp, "Soldiers opened fire on the crowd, killing two and wounding nine.") == [
        (K, VictimGroup.UNKNOWN, 2, 2),
        (INJ, VictimGroup.UNKNOWN, 9, 9),
    ]


def test_attackers_in_active_voice_are_not_victims(nlp: Language) -> None:
    text = "Twenty gunmen killed two herders and stole their cattle in Plateau State."
    assert readings(nlp, text) == [(K, VictimGroup.CIVILIANS, 2, 2)]


def test_killed_and_injured_together_are_casualties(nlp: Language) -> None:
    assert [
        f.measure for f in figures(nlp, "The blast left 88 people killed and injured in the market.")
    ] == [Measure.CASUALTIES]


def test_side_from_modifiers_and_of_phrases(nlp: Language) -> None:
    got = figures(nlp, "At least 38 Kremlin-backed fighters and 3 members of the Wagner Group were killed.")
    assert [(f.group, f.side) for f in got] == [
        (VictimGroup.FIGHTERS, "Kremlin-backed"),
        (VictimGroup.FIGHTERS, "Wagner Group"),
    ]
    got = figures(nlp, "Five members of the security forces were killed in the ambush.")
    assert [(f.group, f.low) for f in got] == [(VictimGroup.SECURITY_FORCES, 5)]


def test_postmodifiers_and_joined_nouns(nlp: Language) -> None:
    got = figures(
        nlp, "At least 12 civilians, 30 fighters loyal to the Sudanese army and one medic were killed."
    )
    assert [(f.group, f.low, f.side) for f in got] == [
        (VictimGroup.CIVILIANS, 12, None),
        (VictimGroup.FIGHTERS, 30, "Sudanese army"),
        (VictimGroup.CIVILIANS, 1, None),
    ]
    got = figures(nlp, "More than 70 patients and nurses were killed when the hospital was stormed.")
    assert [(f.measure, f.group, f.low) for f in got] == [(K, VictimGroup.CIVILIANS, 71)]
    got = figures(nlp, "A woman and a child were killed by the shell.")
    assert [(f.group, f.low) for f in got] == [(VictimGroup.WOMEN, 1), (VictimGroup.CHILDREN, 1)]


def test_nationalities_are_victims_not_sides(nlp: Language) -> None:
    (fig,) = figures(nlp, "Air strikes killed 27 Palestinians in Rafah overnight.")
    assert (fig.measure, fig.low, fig.side, fig.group) == (K, 27, None, VictimGroup.UNKNOWN)
    (fig,) = figures(nlp, 'The ministry said 14 soldiers were "killed" near the dam.')
    assert (fig.measure, fig.group, fig.low) == (K, VictimGroup.SECURITY_FORCES, 14)


# --- not figures --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The six-day offensive was carried out by thousands of armed men against the two neighbourhoods.",
        "Hundreds of fighters attacked the town at dawn from three directions.",
        "The clashes lasted four days and destroyed 30 homes and 12 vehicles.",
        "A 12-year-old boy watched the convoy pass.",
        "Resolution 2254 calls for a political transition.",
        "They urged respect for the 10 March 2025 agreement and its third clause.",
        "Donors pledged $5 million for 200 families in the camp.",
        "Bread prices rose 30 percent in a week.",
        "The curfew starts at 10:30 on Tuesday.",
        "More than 100 trucks crossed at Rafah on 4 November 2023.",
        "A large number of residents were forcibly displaced from their homes.",
        "Many people were killed in the fighting.",
        "The army said 2,000 troops were deployed along the border.",
        "They were defended by mere hundreds of internal security personnel.",
        "The ceasefire was signed in 2024 after the war began in 2023.",
        "Call 0791 234 567 for help.",
    ],
)
def test_numbers_that_count_no_victims(nlp: Language, text: str) -> None:
    assert figures(nlp, text) == []


# --- sources -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Shelling killed 14 civilians in the town, the Sudan Doctors Network said.",
            "Sudan Doctors Network",
        ),
        ("OCHA said 12,000 people had fled the district since Friday.", "OCHA"),
        (
            "A source from the Kurdish Red Crescent told reporters that 30 civilians were killed.",
            "Kurdish Red Crescent",
        ),
        (
            "About 5,000 people were displaced, according to figures from the Mopti regional authorities.",
            "Mopti regional authorities",
        ),
        ("At least 19 people were killed, per the Palestinian Red Crescent.", "Palestinian Red Crescent"),
        ("Syrian state media reported that 8 soldiers were killed near Palmyra.", "Syrian state media"),
    ],
)
def test_attribution(nlp: Language, text: str, source: str) -> None:
    got = figures(nlp, text)
    assert got, text
    assert {f.source for f in got} == {source}


def test_unattributed_figures_have_no_source(nlp: Language) -> None:
    got = figures(nlp, "Eleven soldiers were killed when their convoy hit a mine near Djibo.")
    assert [(f.low, f.source, f.source_id) for f in got] == [(11, None, None)]


# --- with hand-set mentions and dates ------------------------------------------------------------------


def test_mentions_give_source_place_and_dates(nlp: Language) -> None:
    text = "Since Tuesday, 41 civilians have been killed in Kadugli in South Kordofan, the UN mission said."
    places = {
        "p-city": Entity(id="p-city", kind=EntityKind.PLACE, name="Kadugli", type="city"),
        "p-state": Entity(id="p-state", kind=EntityKind.PLACE, name="South Kordofan", type="admin1"),
    }
    mentions = [
        mention(text, "Since Tuesday", "DATE", "", value="2024-05-07", precision="day",
                attributes={"relation": "since", "end": "2024-05-10"}),
        mention(text, "Kadugli", "PLACE", "p-city"),
        mention(text, "South Kordofan", "PLACE", "p-state"),
        mention(text, "UN mission", "ACTOR", "a-un"),
    ]  # fmt: skip
    (fig,) = run(nlp, text, mentions, places)._.figures
    assert (fig.measure, fig.group, fig.low) == (K, VictimGroup.CIVILIANS, 41)
    assert (fig.source, fig.source_id) == ("UN mission", "a-un")
    assert (fig.place, fig.place_id) == ("Kadugli", "p-city")
    assert (fig.date_start, fig.date_end, str(fig.date_precision)) == ("2024-05-07", None, "day")


def test_as_of_date_ends_the_period(nlp: Language) -> None:
    text = "As of Friday, 2,300 people had been displaced from the camp."
    mentions = [
        mention(text, "As of Friday", "DATE", "", value="2024-06-14", precision="day",
                attributes={"relation": "as_of"}),
    ]  # fmt: skip
    (fig,) = run(nlp, text, mentions)._.figures
    assert (fig.measure, fig.low, fig.date_start, fig.date_end) == (D, 2300, None, "2024-06-14")


def test_side_id_from_an_actor_mention(nlp: Language) -> None:
    text = "Heavy fighting left 17 RSF fighters dead near the refinery."
    mentions = [mention(text, "RSF", "ACTOR", "a-rsf")]
    (fig,) = run(nlp, text, mentions)._.figures
    assert (fig.side, fig.side_id, fig.group) == ("RSF", "a-rsf", VictimGroup.FIGHTERS)


def test_ids_are_stable_and_errors_do_not_escape(nlp: Language) -> None:
    text = "Four civilians were killed in the drone strike on the market in Sumy."
    first = figures(nlp, text)
    second = figures(nlp, text)
    assert [f.id for f in first] == [f.id for f in second] and first[0].id
    doc = run(nlp, text)
    assert not doc._.errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A herder believed to have crossed the river at night was shot dead by border guards.",
            [(K, VictimGroup.CIVILIANS, 1, 1)],
        ),
        (
            "A trader from the Nuba community was shot and killed by raiders.",
            [(K, VictimGroup.CIVILIANS, 1, 1)],
        ),
        ("A 52-year-old farmer was killed by a landmine near Kadugli.", [(K, VictimGroup.CIVILIANS, 1, 1)]),
        ("Militiamen abducted and killed a cattle breeder on the road.", [(K, VictimGroup.CIVILIANS, 1, 1)]),
        ("Gunmen stormed the house of a district judge, killing him.", [(K, VictimGroup.UNKNOWN, 1, 1)]),
        (
            "Party official Jean Bosco Ndayi was shot dead outside his office.",
            [(K, VictimGroup.CIVILIANS, 1, 1)],
        ),
        ("A guard was accidentally killed by a stray bullet.", [(K, VictimGroup.SECURITY_FORCES, 1, 1)]),
        ("A second bomber blew herself up at the gate.", [(K, VictimGroup.FIGHTERS, 1, 1)]),
    ],
)
def test_single_victims_behind_clauses_ages_and_titles(
    nlp: Language, text: str, expected: list[tuple[Measure, VictimGroup, int, int | None]]
) -> None:
    assert readings(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The militia threatened to kill 40 villagers if the ransom was not paid.",
        "Officials warned the dam failure could kill thousands of people downstream.",
        "A crowd nearly lynched two men suspected of theft before police arrived.",
        "The offensive would displace 200,000 people, aid agencies warned.",
        "Fighting left several casualties on both sides.",
    ],
)
def test_hypothetical_and_vague_figures_are_not_recorded(nlp: Language, text: str) -> None:
    assert readings(nlp, text) == []


def test_appositions_and_of_phrases_before_the_trigger(nlp: Language) -> None:
    assert readings(nlp, "At least 40 civilians, mostly women and children, were killed in the raid.") == [
        (K, VictimGroup.CIVILIANS, 40, None)
    ]
    text = (
        'Residents said 15 members of the "Northern Shield" and "Lion Cubs" brigades were killed in battle.'
    )
    assert [(m, low) for m, _, low, _ in readings(nlp, text)] == [(K, 15)]
    assert readings(nlp, "The commander said two of their men died in the ambush.") == [
        (K, VictimGroup.UNKNOWN, 2, 2)
    ]
    assert readings(nlp, "At least 30 regime and rebel fighters have died in two days of combat.")[0][:3] == (
        K,
        VictimGroup.SECURITY_FORCES,
        30,
    )


def test_a_headline_ending_on_the_number(nlp: Language) -> None:
    assert readings(nlp, "Car bomb at busy market kills 27\n\nThe blast went off at noon.") == [
        (K, VictimGroup.UNKNOWN, 27, 27)
    ]


def test_a_summary_casualty_count_repeating_a_death_toll_is_dropped(nlp: Language) -> None:
    text = (
        "Clashes went on in the district as casualties rose to 9. "
        "Medics said 9 residents had lost their lives and 40 were wounded."
    )
    assert [(f.measure, f.low) for f in figures(nlp, text)] == [(K, 9), (INJ, 40)]


def test_ethnic_names_are_not_sides_of_unknown_victims(nlp: Language) -> None:
    (fig,) = figures(nlp, "Twelve Hausa men were killed in the market attack.")
    assert (fig.measure, fig.group, fig.low, fig.side) == (K, VictimGroup.UNKNOWN, 12, None)
    (fig,) = figures(nlp, "Eight RSF men were killed near El Obeid.")
    assert fig.side == "RSF"


def test_the_date_of_an_agreement_is_not_the_date_of_the_deaths(nlp: Language) -> None:
    text = "Despite the truce signed on 2 March, 14 civilians were killed on 5 March in Kadugli."
    mentions = [
        mention(
            text, "2 March", "DATE", "", value="2024-03-02", precision="day", attributes={"relation": "on"}
        ),
        mention(
            text, "5 March", "DATE", "", value="2024-03-05", precision="day", attributes={"relation": "on"}
        ),
    ]
    (fig,) = run(nlp, text, mentions)._.figures
    assert (fig.low, fig.date_start, fig.date_end) == (14, "2024-03-05", "2024-03-05")
    text = "Under the deal agreed on 2 March, 14 prisoners were released."
    mentions = [
        mention(
            text, "2 March", "DATE", "", value="2024-03-02", precision="day", attributes={"relation": "on"}
        )
    ]
    for fig in run(nlp, text, mentions)._.figures:
        assert fig.date_start is None


# --- tolls across a phrase, headline lists, appositives, groups -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll from the drone strike on a bus station in Kherson has reached at least 14.",
         [(K, VictimGroup.UNKNOWN, 14)]),
        ("A doctor at the district hospital said the death toll from the shelling was 9.",
         [(K, VictimGroup.UNKNOWN, 9)]),
        ("The number of civilians killed in the raid on the camp near Goma has risen to 31.",
         [(K, VictimGroup.CIVILIANS, 31)]),
        ("Civilian Death Toll in Omdurman Market Shelling Rises to 56",
         [(K, VictimGroup.CIVILIANS, 56)]),
        ("The toll from the twin blasts in the town rose to 32 and more than 115 wounded persons.",
         [(K, VictimGroup.UNKNOWN, 32), (INJ, VictimGroup.UNKNOWN, 116)]),
    ],
)  # fmt: skip
def test_a_toll_read_across_the_phrase_that_says_of_what(
    nlp: Language, text: str, expected: list[tuple[Measure, VictimGroup, int]]
) -> None:
    assert [(f.measure, f.group, f.low) for f in figures(nlp, text)] == expected


def test_headline_lists_of_killed_and_injured(nlp: Language) -> None:
    assert [
        (f.measure, f.group, f.low) for f in figures(nlp, "3 Soldiers Killed 5 Injured in Ambush Near Gao")
    ] == [
        (K, VictimGroup.SECURITY_FORCES, 3),
        (INJ, VictimGroup.SECURITY_FORCES, 5),
    ]
    assert [
        (f.measure, f.low) for f in figures(nlp, "20 people killed 30 others injured in Mogadishu blast")
    ] == [
        (K, 20),
        (INJ, 30),
    ]
    assert [f.measure for f in figures(nlp, "Shelling Leaves 64 Killed & Injured in Gaza Camp")] == [
        Measure.CASUALTIES
    ]
    # the active voice still counts the victims, not the attackers
    assert [(f.measure, f.low) for f in figures(nlp, "Gunmen killed 7 villagers near Bunia.")] == [(K, 7)]


def test_a_second_person_without_an_article_and_deaths_named_after_the_verb(nlp: Language) -> None:
    text = "A woman and child were killed when a shell struck their house in Avdiivka."
    assert [(f.group, f.low) for f in figures(nlp, text)] == [
        (VictimGroup.WOMEN, 1),
        (VictimGroup.CHILDREN, 1),
    ]
    text = "Eleven soldiers were killed along with six militants in the raid near Menaka."
    assert [(f.measure, f.group, f.low) for f in figures(nlp, text)] == [
        (K, VictimGroup.SECURITY_FORCES, 11),
        (K, VictimGroup.FIGHTERS, 6),
    ]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Twelve villagers some of them children killed in raid on Darfur hamlet", VictimGroup.CIVILIANS),
        ("At least 23 people, most of them members of the Ansar militant group, died.", VictimGroup.FIGHTERS),
        ("Thirty people were killed in the ambush, mostly soldiers and police.", VictimGroup.SECURITY_FORCES),
        ("Twelve people were killed on Monday, mostly in the north of the province.", VictimGroup.UNKNOWN),
        ("Forty people were killed, mostly fighters and farmers.", VictimGroup.UNKNOWN),
        ("Drone strikes kill 8 IS militants in Cabo Delgado", VictimGroup.FIGHTERS),
        ("Some 120 Islamic State fighters died in the strikes.", VictimGroup.FIGHTERS),
        ("Forty state security officers were killed.", VictimGroup.SECURITY_FORCES),
    ],
)  # fmt: skip
def test_the_group_of_most_victims_and_names_that_look_like_groups(
    nlp: Language, text: str, group: VictimGroup
) -> None:
    (fig,) = figures(nlp, text)
    assert (fig.measure, fig.group) == (K, group)


def test_nouns_that_are_not_the_victims_before_a_verb(nlp: Language) -> None:
    text = "The assault on two villages killed 15 civilians and 27 militia fighters in Jonglei."
    assert [(f.group, f.low) for f in figures(nlp, text)] == [
        (VictimGroup.CIVILIANS, 15),
        (VictimGroup.FIGHTERS, 27),
    ]
    text = "Police in Maiduguri said 22 gunmen from the militia and three farmers died in the explosion."
    assert [(f.group, f.low) for f in figures(nlp, text)] == [
        (VictimGroup.FIGHTERS, 22),
        (VictimGroup.CIVILIANS, 3),
    ]
    assert readings(nlp, "Troops said 10 al Shabaab dead after the raid.") == [
        (K, VictimGroup.UNKNOWN, 10, 10)
    ]
    assert [f.low for f in figures(nlp, "The militant group were killed in the strike, the army said.")] == []
    text = "Riots at the prison led to the death of one guard and nine prisoners."
    assert [(f.measure, f.low) for f in figures(nlp, text)] == [(K, 1), (K, 9)]


def test_a_headline_name_run_stops_at_the_verb(nlp: Language) -> None:
    (fig,) = figures(nlp, "Nine Commanders of the Northern Front Killed in Airstrike")
    assert (fig.measure, fig.group, fig.low) == (K, VictimGroup.FIGHTERS, 9)


# --- counting rules (figures_tally) -----------------------------------------------------------------


def test_children_told_in_another_sentence_are_part_of_the_civilians(nlp: Language) -> None:
    from fogline.nlp.figures_tally import acled_fatalities, killed_by_group

    doc = run(
        nlp, "Shelling killed 18 civilians in Bakhmut on Friday. Seven children were killed, medics said."
    )
    assert killed_by_group(doc._.figures, doc.text) == {VictimGroup.CIVILIANS: 18}
    assert acled_fatalities(doc._.figures, doc.text) == 18
    # in one sentence the words add them up
    doc = run(nlp, "Shelling killed 18 civilians and seven children in Bakhmut on Friday.")
    assert acled_fatalities(doc._.figures, doc.text) == 25


def test_an_unknown_total_equal_to_the_named_victims_keeps_their_group(nlp: Language) -> None:
    from fogline.nlp.figures_tally import killed_by_group

    doc = run(nlp, "Raid on Tawila kills 9 At least 9 civilians were killed in the raid on Tuesday.")
    assert killed_by_group(doc._.figures, doc.text) == {VictimGroup.CIVILIANS: 9}


def test_deaths_listed_as_the_reason_for_another_event_are_background(nlp: Language) -> None:
    from fogline.nlp.figures_tally import acled_fatalities

    text = "Villagers marched to the police post after the killing of a farmer and herder near Jos."
    doc = run(nlp, text)
    assert [f.low for f in doc._.figures] == [1, 1]
    assert acled_fatalities(doc._.figures, doc.text) == 0


def test_the_speaker_after_a_list_of_victims_is_not_one_of_them(nlp: Language) -> None:
    text = "Twenty people died in the attack, including 13 civilians, a police officer told reporters."
    assert [(f.group, f.low) for f in figures(nlp, text)] == [
        (VictimGroup.UNKNOWN, 20),
        (VictimGroup.CIVILIANS, 13),
    ]


def test_people_who_remain_and_people_on_the_move(nlp: Language) -> None:
    text = "The governor said about 9,000 people remained in Kupiansk and urged them to leave."
    assert readings(nlp, text) == [(Measure.AT_RISK, VictimGroup.UNKNOWN, 9000, 9000)]
    assert readings(nlp, "Four wounded soldiers remained in hospital in Kramatorsk.") == []
    text = "Tens of thousands of people are on the move after the fall of Bukavu."
    assert [f.measure for f in figures(nlp, text)] == [D]
    assert figures(nlp, "Thousands of troops are on the move towards the border.") == []


def test_a_dateline_is_not_where_the_victims_died(nlp: Language) -> None:
    text = "KHARTOUM, May 2 (Wire) - Gunmen killed at least 25 villagers in an attack on Wad al-Noura."
    entities = {
        "p1": Entity(id="p1", kind=EntityKind.PLACE, name="Khartoum", type="city"),
        "p2": Entity(id="p2", kind=EntityKind.PLACE, name="Wad al-Noura", type="city"),
    }
    mentions = [mention(text, "KHARTOUM", "PLACE", "p1"), mention(text, "Wad al-Noura", "PLACE", "p2")]
    (fig,) = run(nlp, text, mentions, entities)._.figures
    assert (fig.low, fig.place) == (25, "Wad al-Noura")
    text = "Gunmen killed at least 25 villagers near KHARTOUM, officials said."
    (fig,) = run(nlp, text, [mention(text, "KHARTOUM", "PLACE", "p1")], entities)._.figures
    assert fig.place == "KHARTOUM"


def test_singular_nouns_outside_the_group_lists_do_not_break_the_sentence(nlp: Language) -> None:
    doc = run(nlp, "Witness killed in Juba courthouse shooting")
    assert [(f.measure, f.group, f.low) for f in doc._.figures] == [(K, VictimGroup.UNKNOWN, 1)]
    assert not doc._.errors


def test_a_toll_across_a_phrase_keeps_the_disaster_and_possessive_rules(nlp: Language) -> None:
    assert figures(nlp, "The death toll from the floods that hit the north of Niger in May was 300.") == []
    text = "The toll from Sunday's attack on the village near Djibo stood at 17, a local official said."
    assert readings(nlp, text) == [(K, VictimGroup.UNKNOWN, 17, 17)]
    assert figures(nlp, "Officials said the toll from the strike was likely to rise to 30.") == []


# ---- generalisation audit (tests/data/other_conflicts, November 2026): hand-made sentences per rule


def test_a_bullet_or_dateline_dash_does_not_hide_the_number(nlp: Language) -> None:
    assert readings(nlp, "- Some 46,000 people have fled their homes.") == [
        (D, VictimGroup.UNKNOWN, 46000, 46000)
    ]
    assert readings(nlp, "GOMA, Jan 27 (Wire) – At least 27 people were killed in the clashes.") == [
        (K, VictimGroup.UNKNOWN, 27, None)
    ]
    assert readings(nlp, "The clashes left 2-3 dead.") == [
        (K, VictimGroup.UNKNOWN, 2, 3)
    ]  # a range stays one
    assert readings(nlp, "Talks on 12 - 14 May were postponed.") == []


def test_a_revised_toll_and_the_earlier_count_it_replaces(nlp: Language) -> None:
    got = readings(
        nlp, "The number of people killed rose to 42 on Tuesday, up from 27 on Monday, police said."
    )
    assert got == [(K, VictimGroup.UNKNOWN, 42, 42), (K, VictimGroup.UNKNOWN, 27, 27)]
    assert readings(nlp, "Later the state government said the toll had been revised down to 38.") == [
        (K, VictimGroup.UNKNOWN, 38, 38)
    ]  # "government" before "said" does not make the victims security forces
    assert readings(nlp, "Prices were up from 27 dollars last week.") == []


def test_counts_of_families_or_households_are_not_head_counts(nlp: Language) -> None:
    assert readings(nlp, "Some 30 families were evacuated from the district by the Red Crescent.") == []
    assert readings(nlp, "About 1,200 households have been displaced since March.") == []
    assert readings(nlp, "About 1,200 people have been displaced since March.") == [
        (D, VictimGroup.UNKNOWN, 1200, 1200)
    ]


def test_people_who_remain_displaced_or_missing(nlp: Language) -> None:
    assert readings(nlp, "Some 60,000 residents remain displaced from their homes.") == [
        (D, VictimGroup.UNKNOWN, 60000, 60000)
    ]
    assert readings(nlp, "Three soldiers remained in hospital on Friday.") == []


def test_the_source_survives_an_adverb_and_markup(nlp: Language) -> None:
    got = figures(nlp, "Police now say 32 civilians were killed and 63 wounded.")
    assert [(f.low, f.source) for f in got] == [(32, "Police"), (63, "Police")]
    got = figures(nlp, "**22:58** - Police spokesman Ali Hassan says at least seven people have been killed.")
    assert [(f.low, f.source) for f in got] == [(7, "Police spokesman Ali Hassan")]


def test_a_date_or_place_of_the_next_counted_clause_is_not_the_figures() -> None:
    from fogline.nlp.pipeline import extract_text

    x = extract_text(
        "The insurgency has killed more than 6,000 people, according to monitors, and forced about "
        "1 million to flee at its peak in 2022.",
        published="2024-05-21",
    )
    killed = [f for f in x.figures if f.measure == K]
    assert [(f.low, f.date_start) for f in killed] == [(6001, None)]
    x = extract_text(
        "Nearly 1.2 million people have been forced from their homes, the government says, and more than "
        "540,000 have crossed into Syria since 23 September.",
        published="2024-11-08",
    )
    assert [f.date_start for f in x.figures if f.low == 1080000] == [None]
    x = extract_text(
        "Shelling killed 5 people in Gaza on Monday, and wounded 12 others.", published="2025-01-15"
    )
    assert {(f.low, f.place, f.date_start) for f in x.figures} == {
        (5, "Gaza", "2025-01-13"),
        (12, "Gaza", "2025-01-13"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shelling forced some 20,000 residents to flee their homes in the valley.",
            [(Measure.DISPLACED, 20000)],
        ),
        ("The offensive has compelled about 1 million to leave since 2021.", [(Measure.DISPLACED, 1000000)]),
        ("Raiders forced 40 villagers out of their homes near the river.", [(Measure.DISPLACED, 40)]),
        ("The field clinic treated 35 people for shrapnel wounds overnight.", [(Measure.INJURED, 35)]),
        (
            "Surgeons received 12 patients with blast injuries after the market strike.",
            [(Measure.INJURED, 12)],
        ),
        # not figures: an appeal, a bare admission, people forced out of vehicles
        ("The governor urged 20,000 residents to flee before the storm reached the coast.", []),
        ("The ward received 23 patients on Friday.", []),
        ("Gunmen forced 12 drivers out of their trucks at the checkpoint.", []),
    ],
)
def test_what_a_verb_did_to_its_counted_object(
    nlp: Language, text: str, expected: list[tuple[Measure, int]]
) -> None:
    assert [(f.measure, f.low) for f in figures(nlp, text)] == expected

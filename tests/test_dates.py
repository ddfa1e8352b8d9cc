"""fogline.dates.v1: date expressions resolved against the publication date, and its inference."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.ingest.normalize import document_from_text
from fogline.nlp.dates import acled_time_precision, dates_in, infer_pub_date, nearest_date
from fogline.nlp.dates_rules import scan
from fogline.nlp.extensions import doc_text
from fogline.nlp.pipeline import build_pipeline, make_doc
from fogline.schema import Mention


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.dates.v1"])


def run(nlp: Language, text: str, published: str | None = None) -> Doc:
    doc = make_doc(nlp, document_from_text(text, published=published))
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def found(doc: Doc) -> dict[str, Mention]:
    return {m.text: m for m in doc._.dates}


# A Friday, so that weekdays fall in the same week and "last week" is the week before.
PUB = "2026-01-09"

# (sentence, {mention text: (value, precision, relation, end)})
CASES: list[tuple[str, dict[str, tuple[Any, ...]]]] = [
    (
        "Drone strikes hit a fuel depot in Port Sudan on Thursday, the army said.",
        {"on Thursday": ("2026-01-08", "day", "on", "2026-01-08")},
    ),
    (
        "Paramilitary fighters stormed the camp early Friday, and the shelling went on late Sunday.",
        {"early Friday": ("2026-01-09", "day", "on", "2026-01-09"),
         "on late Sunday": ("2026-01-04", "day", "on", "2026-01-04")},
    ),
    (
        "At least 40 people have died in the city since Tuesday, local medics reported.",
        {"since Tuesday": ("2026-01-06", "day", "since", "2026-01-09")},
    ),
    (
        "As of Wednesday, the ministry counted 212 wounded in the Kharkiv region.",
        {"As of Wednesday": ("2026-01-07", "day", "as_of", "2026-01-07")},
    ),
    (
        "Rockets landed near Khan Younis on 7 January 2026 and again on January 8, 2026.",
        {"7 January 2026": ("2026-01-07", "day", "on", "2026-01-07"),
         "January 8, 2026": ("2026-01-08", "day", "on", "2026-01-08")},
    ),
    (
        "Talks collapsed on Jan. 5 and resumed on 2026-01-07 in Doha.",
        {"Jan. 5": ("2026-01-05", "day", "on", "2026-01-05"),
         "2026-01-07": ("2026-01-07", "day", "on", "2026-01-07")},
    ),
    (
        "The junta has violated the March 10 truce repeatedly, monitors in Mandalay said.",
        {"March 10": ("2025-03-10", "day", "on", "2025-03-10")},
    ),
    (
        "Aid convoys were blocked in December 2024 and again last month near Goma.",
        {"December 2024": ("2024-12", "month", "on", "2024-12-31"),
         "last month": ("2025-12", "month", "on", "2025-12-31")},
    ),
    (
        "The jihadist insurgency in the Sahel spread south after 2015, and in 2018 it reached Burkina Faso.",
        {"after 2015": ("2015", "year", "after", "2015-12-31"),
         "in 2018": ("2018", "year", "on", "2018-12-31")},
    ),
    (
        "Shelling killed two civilians yesterday and a third died last night in Kherson.",
        {"yesterday": ("2026-01-08", "day", "on", "2026-01-08"),
         "last night": ("2026-01-08", "day", "on", "2026-01-08")},
    ),
    (
        "Relief workers reached the village this morning; by today 3,000 families had registered.",
        {"this morning": ("2026-01-09", "day", "on", "2026-01-09"),
         "by today": ("2026-01-09", "day", "by", "2026-01-09")},
    ),
    (
        "More than 900 homes were torched last week in the hills outside El Geneina.",
        {"last week": ("2025-12-29", "week", "on", "2026-01-04")},
    ),
    (
        "Fighting has flared earlier this month along the border with Chad.",
        {"earlier this month": ("2026-01", "month", "on", "2026-01-09")},
    ),
    (
        "In the past 24 hours, the health ministry recorded 31 deaths across the strip.",
        {"In the past 24 hours": ("2026-01-08", "day", "between", "2026-01-09")},
    ),
    (
        "Over the past week, more than 12,000 people fled the town of Sittwe.",
        {"Over the past week": ("2026-01-02", "week", "between", "2026-01-09")},
    ),
    (
        "Between 6 and 8 January 2026 the militia attacked four villages in Ituri.",
        {"Between 6 and 8 January 2026": ("2026-01-06", "day", "between", "2026-01-08")},
    ),
    (
        "The curfew applied from January 3 to January 5 in the northern districts.",
        {"from January 3 to January 5": ("2026-01-03", "day", "between", "2026-01-05")},
    ),
    (
        "Residents said the bombardment was heaviest between Tuesday and Thursday.",
        {"between Tuesday and Thursday": ("2026-01-06", "day", "between", "2026-01-08")},
    ),
    (
        "Violence surged at the beginning of the month, when the ceasefire lapsed.",
        {"the beginning of the month": ("2026-01", "month", "on", "2026-01-10")},
    ),
    (
        "Mediators will meet again on Monday in Addis Ababa.",
        {"on Monday": ("2026-01-12", "day", "on", "2026-01-12")},
    ),
    (
        "The 2023 war displaced millions; the 2011 uprising had already emptied the town.",
        {"2023": ("2023", "year", "on", "2023-12-31"), "2011": ("2011", "year", "on", "2011-12-31")},
    ),
    (
        "Monitors logged 17 strikes on Tuesday night and two more in the early hours of Wednesday.",
        {"on Tuesday night": ("2026-01-06", "day", "on", "2026-01-06"),
         "in the early hours of Wednesday": ("2026-01-07", "day", "on", "2026-01-07")},
    ),
    (
        "The offensive began two weeks ago and was expected to end by mid-February.",
        {"two weeks ago": ("2025-12-22", "week", "on", "2025-12-28")},
    ),
    (
        "The group seized the dam in June last year and lost it again on 4 March this year.",
        {"in June last year": ("2025-06", "month", "on", "2025-06-30"),
         "4 March this year": ("2026-03-04", "day", "on", "2026-03-04")},
    ),
    (
        "By the end of 2025 the mission had logged 310 violations; the current truce runs until 15 January.",
        {"the end of 2025": ("2025", "year", "on", "2025-12-31"),
         "until 15 January": ("2026-01-15", "day", "until", "2026-01-15")},
    ),
    (
        "Clashes in Wau were reported from Apr 6-8, and several planned rallies went ahead on 20 December.",
        {"from Apr 6-8": ("2025-04-06", "day", "between", "2025-04-08"),
         "20 December": ("2025-12-20", "day", "on", "2025-12-20")},
    ),
    (
        "The court cited the 1994 genocide and the crackdown that began in March of 2019.",
        {"1994": ("1994", "year", "on", "1994-12-31"),
         "March of 2019": ("2019-03", "month", "on", "2019-03-31")},
    ),
    (
        "Since the start of the year 400 people have died in the camps around the city.",
        {"Since the start of the year": ("2026", "year", "since", "2026-01-09")},
    ),
    (
        "Two more villages burned over the weekend, and the envoy is due back later this week.",
        {"over the weekend": ("2026-01-03", "week", "on", "2026-01-04"),
         "later this week": ("2026-01-09", "week", "on", "2026-01-11")},
    ),
    (
        "Observers dated the market bombing to 24.12.2025, in the middle of the dry season.",
        {"24.12.2025": ("2025-12-24", "day", "on", "2025-12-24")},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_date_mentions_resolve_against_the_publication_date(
    nlp: Language, sentence: str, expected: dict[str, tuple[Any, ...]]
) -> None:
    doc = run(nlp, sentence, published=PUB)
    assert doc._.pub_date == date(2026, 1, 9)
    assert doc._.pub_date_inferred is False
    got = found(doc)
    for text, (value, precision, relation, end) in expected.items():
        assert text in got, f"{text!r} not found in {list(got)}"
        m = got[text]
        assert (m.value, m.precision, m.attributes["relation"], m.attributes["end"]) == (
            value,
            precision,
            relation,
            end,
        ), text
        assert m.attributes["resolved"] is True
        assert m.attributes["inferred_pub"] is False
        assert m.label == "DATE"
        assert sentence[m.start : m.end] == m.text
        assert m in doc._.mentions


def test_relative_dates_across_a_year_boundary(nlp: Language) -> None:
    text = (
        "Gunmen attacked a market on Wednesday, a day after clashes that began on December 28. "
        "The UN said last month was the deadliest of the year, and that yesterday 14 bodies were found. "
        "Last week the governor imposed a curfew, first announced in March."
    )
    got = found(run(nlp, text, published="2026-01-02"))  # a Friday
    assert got["on Wednesday"].value == "2025-12-31"
    assert got["December 28"].value == "2025-12-28"
    assert got["last month"].value == "2025-12"
    assert got["yesterday"].value == "2026-01-01"
    assert (got["Last week"].value, got["Last week"].attributes["end"]) == ("2025-12-22", "2025-12-28")
    assert got["in March"].value == "2025-03"


def test_month_boundary_and_last_weekday(nlp: Language) -> None:
    text = "Airstrikes resumed last Monday. Earlier this week the border crossing closed again."
    got = found(run(nlp, text, published="2025-03-03"))  # itself a Monday
    assert got["last Monday"].value == "2025-02-24"
    assert got["Earlier this week"].attributes["start"] == "2025-03-03"


def test_publication_date_from_a_dateline(nlp: Language) -> None:
    text = (
        "Tue 14 Mar 2023\n"
        "Fighting in the eastern town continued on Monday, and a convoy was hit on Saturday, officials said."
    )
    doc = run(nlp, text)
    assert doc._.pub_date == date(2023, 3, 14)
    assert doc._.pub_date_inferred is True
    got = found(doc)
    assert got["on Monday"].value == "2023-03-13"
    assert got["on Saturday"].value == "2023-03-11"
    assert got["on Monday"].attributes["inferred_pub"] is True
    assert got["Tue 14 Mar 2023"].attributes["inferred_pub"] is False
    assert infer_pub_date(text).method == "dateline"
    assert doc._.document.meta["published_inferred_by"] == "dateline"


def test_publication_date_after_a_posted_on_cue() -> None:
    text = "Casualty report. Posted on August 3 2024 by the press office. Three died in a raid on Thursday."
    guess = infer_pub_date(text)
    assert (guess.value, guess.method) == (date(2024, 8, 3), "dateline")


def test_publication_date_from_the_latest_date_and_weekdays(nlp: Language) -> None:
    # The only full date is a Monday; the weekdays mentioned run to Thursday, so the article is from Thursday.
    text = (
        "The siege of the city entered a new phase on 3 June 2024, when supply routes were cut. "
        "On Wednesday, rebels shelled the airport, and on Thursday the governor appealed for help. "
        "The city has been without power since Tuesday. An earlier truce, signed 12 April 2023, is long dead."
    )
    doc = run(nlp, text)
    assert doc._.pub_date == date(2024, 6, 6)
    assert doc._.pub_date_inferred is True
    got = found(doc)
    assert got["On Wednesday"].value == "2024-06-05"
    assert got["since Tuesday"].value == "2024-06-04"
    assert got["since Tuesday"].attributes["end"] == "2024-06-06"
    assert got["12 April 2023"].value == "2023-04-12"
    guess = infer_pub_date(text)
    assert (guess.method, guess.anchor) == ("latest_date+weekdays", date(2024, 6, 3))


def test_weekdays_before_the_latest_date_keep_it(nlp: Language) -> None:
    text = "On Monday the army advanced, and on 8 May 2024 (a Wednesday) it entered the town."
    assert infer_pub_date(text).value == date(2024, 5, 8)


def test_a_later_month_rules_out_an_old_anchor() -> None:
    text = (
        "Under the accord of 3 May 2024, aid flowed until it collapsed in November 2025. "
        "On Friday, strikes resumed."
    )
    guess = infer_pub_date(text)
    assert (guess.value, guess.method) == (None, "conflict")
    ahead = "On 2 March 2025 the parties met to prepare the 2026 elections; on Monday they met again."
    assert infer_pub_date(ahead).value is not None


def test_future_dates_do_not_anchor_the_publication_date() -> None:
    text = "On 2 February 2025 the rebels seized the bridge. Elections will be held on 20 March 2025."
    assert infer_pub_date(text).value == date(2025, 2, 2)


def test_metadata_wins_over_the_text(nlp: Language) -> None:
    doc = run(nlp, "Sun 10 Jul 2016\nTwo killed on Saturday.", published="2016-07-12")
    assert doc._.pub_date == date(2016, 7, 12)
    assert doc._.pub_date_inferred is False
    assert found(doc)["on Saturday"].value == "2016-07-09"


def test_nothing_to_anchor_leaves_relative_dates_unresolved(nlp: Language) -> None:
    text = (
        "Militants attacked a checkpoint on Sunday. Since last week, 30 soldiers have died; "
        "on March 10 a truce held."
    )
    doc = run(nlp, text)
    assert doc._.pub_date is None
    assert doc._.pub_date_inferred is False
    got = found(doc)
    for key in ("on Sunday", "Since last week", "March 10"):
        m = got[key]
        assert (m.value, m.precision, m.attributes["resolved"]) == (None, None, False), key
        assert m.attributes["end"] is None


def test_absolute_dates_resolve_without_a_publication_date(nlp: Language) -> None:
    doc = run(nlp, "The agreement signed in Juba on 31 August 2020 was never implemented in full.")
    assert doc._.pub_date == date(2020, 8, 31)  # the only full date is the best guess, and says so
    assert doc._.pub_date_inferred is True
    m = found(doc)["31 August 2020"]
    assert (m.value, m.attributes["resolved"], m.attributes["inferred_pub"]) == ("2020-08-31", True, False)


NON_DATES = [
    "A 7-year-old boy and his 12-year-old sister were among the wounded.",
    "The four days of fighting left the district in ruins after a six-day escalation.",
    "Nearly a week of shelling destroyed 2,018 homes, the council said.",
    "The council invoked Resolution 2254 and Resolution 1325 in its statement.",
    "In 2018 people were displaced from 14 villages, according to one count.",
    "May the negotiators succeed, one resident said; another said he would march on the capital.",
    "The unit lost 120 men in the fifth battle for the ridge; 2000 troops remain.",
    "He was sentenced to 15 years and fined 3,000 dollars.",
    "A ratio of 7/1/2026 is not a date we read, nor is version 3.2.1.",
    "Friday prayers were cancelled across the province, and few marked Good Friday.",
    "The convoy had been stopped the previous day, a driver recalled.",
    "A crowd of 2000 gathered, and the 2000 displaced residents waited by 2100 GMT for the trucks.",
    "Mourners met at the church of Mar Elias, as the Sunday Times reported.",
]


@pytest.mark.parametrize("sentence", NON_DATES)
def test_non_dates_are_not_dates(nlp: Language, sentence: str) -> None:
    doc = run(nlp, sentence, published=PUB)
    assert [m.text for m in doc._.dates] == []


def test_dates_in_and_nearest_date(nlp: Language) -> None:
    text = "On Monday, troops entered the town. On Wednesday, 12 civilians were killed there, medics said."
    doc = run(nlp, text, published=PUB)
    second = text.index("On Wednesday")
    inside = dates_in(doc, second, len(text))
    assert [m.text for m in inside] == ["On Wednesday"]
    killed = text.index("killed")
    nearest = nearest_date(doc, killed, 0, len(text))
    assert nearest is not None and nearest.value == "2026-01-07"


def test_mentions_carry_provenance(nlp: Language) -> None:
    text = "Clashes erupted near Bakhmut. On Thursday, the army said it had repelled 14 assaults."
    doc = run(nlp, text, published=PUB)
    m = found(doc)["On Thursday"]
    assert m.quote == "On Thursday, the army said it had repelled 14 assaults."
    assert m.extractor == "fogline.dates.v1"
    assert m.document_id == doc._.document.id
    assert m.id and len({x.id for x in doc._.dates}) == len(doc._.dates)


def test_empty_and_dateless_documents(nlp: Language) -> None:
    for text in ("", "   ", "No date here at all, only 40 people and 3 trucks."):
        doc = run(nlp, text)
        assert doc._.dates == [] and doc._.pub_date is None and not doc._.errors


def test_doc_text_is_the_document_text_when_it_fits(nlp: Language) -> None:
    doc = run(nlp, "Shelling hit the port on Monday.\nTwo ships burned.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc._.document.text
    doc._.document = document_from_text("A different, longer text that does not match the tokens at all.")
    assert doc_text(doc) == doc.text


def test_running_twice_does_not_duplicate(nlp: Language) -> None:
    doc = run(nlp, "Troops shelled the town on Monday and again on Tuesday.", published=PUB)
    again = nlp.get_pipe("fogline.dates.v1")(doc)
    assert [m.text for m in again._.dates] == ["on Monday", "on Tuesday"]
    assert len([m for m in again._.mentions if m.label == "DATE"]) == 2


def test_acled_time_precision() -> None:
    assert [acled_time_precision(p) for p in ("day", "week", "month", "year", None)] == [1, 2, 3, 3, None]


def test_scan_is_linear_in_practice() -> None:
    paragraph = (
        "On Tuesday, shelling hit the market in the old town, and on 4 May 2024 a convoy was attacked. "
        "Since last week, more than 3,000 people have fled, officials said in the past 24 hours. "
    )
    small = scan(paragraph * 10)
    large = scan(paragraph * 200)
    assert len(large) == 20 * len(small)


SEED_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%B %d %Y")


def _explicit_value(text: str) -> str | None:
    from datetime import datetime

    clean = text.replace(".", "").strip()
    for fmt in SEED_DATE_FORMATS:
        try:
            return datetime.strptime(clean, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def test_seeds_without_metadata(seeds_dir: Path) -> None:
    """Read the real seeds with no publication metadata: explicit dates must come out exactly, the inferred
    publication date must not precede any explicit past date, and where nothing anchors the text the
    relative dates stay unresolved."""
    nlp = build_pipeline(["fogline.sentences.v1", "fogline.dates.v1"])
    seen_explicit = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = run(nlp, path.read_text(encoding="utf-8"))
        assert not doc._.errors
        pub = doc._.pub_date
        explicit = [m for m in doc._.dates if m.attributes["kind"] == "date" and _explicit_value(m.text)]
        for m in explicit:
            assert m.value == _explicit_value(m.text), m.text
            seen_explicit += 1
            if pub is not None and not m.attributes["future"]:
                assert date.fromisoformat(m.value) <= pub
        if pub is None:
            assert not explicit
            for m in doc._.dates:
                if m.attributes["kind"] in {"weekday", "relative", "period"}:
                    assert m.value is None and not m.attributes["resolved"]
            continue
        assert doc._.pub_date_inferred is True
        for m in doc._.dates:
            if m.attributes["kind"] == "weekday" and m.attributes["resolved"] and not m.attributes["future"]:
                assert 0 <= (pub - date.fromisoformat(m.value)).days <= 6
            if m.attributes["kind"] == "date" and m.value and not _explicit_value(m.text):
                # a day without its year: the nearest such day on or before the publication date
                assert 0 <= (pub - date.fromisoformat(m.value)).days < 366
    assert seen_explicit > 0

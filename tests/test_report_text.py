"""Wording shared by the renderers: figures as sources wrote them, tally status, statements, facilities."""

from __future__ import annotations

from fogline.reconcile.digest import FacilityItem, Quote, StatementItem
from fogline.reconcile.tallies import Tally, TallyClaim
from fogline.report import text


def _claim(
    low: int, high: int | None, qualifier: str, source: str = "S", number_text: str = ""
) -> TallyClaim:
    return TallyClaim(
        figure_id=f"f-{source}-{low}",
        document_id="d",
        source=source,
        source_id=None,
        low=low,
        high=high,
        qualifier=qualifier,
        quote="q",
        published="2025-10-29",
        number_text=number_text,
    )


def _tally(claims: list[TallyClaim], low: int, best: int, high: int, contested: bool = False) -> Tally:
    return Tally(
        id="t",
        measure="killed",
        group="civilians",
        side=None,
        place_id=None,
        place="El Fasher",
        low=low,
        best=best,
        high=high,
        conservative=low,
        contested=contested,
        sources=sorted({c.source for c in claims if c.qualifier != "vague"}),
        claims=claims,
        history=[],
    )


def test_more_than_is_not_shown_as_one_more() -> None:
    t = _tally([_claim(461, None, "more_than", number_text="more than 460")], 461, 461, 461)
    assert text.value(t, t.best) == ">460"
    assert text.tally_range(t) == ">460"
    typed = _tally([_claim(4000, None, "more_than", number_text="More than 4,000")], 4000, 4000, 4000)
    assert text.value(typed, 4000) == ">4,000"  # stored as written (a reviewer's edit)
    mixed = _tally([_claim(64, 64, "exact", "A"), _claim(116, None, "more_than", "B")], 64, 64, 116, True)
    assert text.tally_range(mixed) == "64 to >115"
    exact = _tally([_claim(13, 13, "exact", "A"), _claim(43, None, "at_least", "B")], 13, 13, 43)
    assert text.tally_range(exact) == "13–43" and text.value(exact, 43) == "43"


def test_status_says_how_far_a_figure_is_corroborated() -> None:
    one = _tally([_claim(40, None, "at_least")], 40, 40, 40)
    assert text.status(one) == "single source"
    two = _tally(
        [_claim(150000, 150000, "about", "A"), _claim(155000, 155000, "about", "B")], 150000, 150000, 155000
    )
    assert text.status(two) == "consistent"
    vague = _tally([_claim(12, 99, "vague", number_text="dozens")], 12, 12, 99)
    assert text.status(vague) == "approximate"
    disputed = _tally([_claim(13, 13, "exact", "A"), _claim(216, None, "at_least", "B")], 13, 13, 216, True)
    assert text.status(disputed) == "contested"


def _statement(demands: list[str], quote: str) -> StatementItem:
    q = Quote(document_id="d", source="Wire", quote=quote, title=None, url=None, published=None, item_id="s")
    return StatementItem(
        speaker="Sudan Doctors Network",
        speaker_id=None,
        acts=["state"],
        targets=[],
        demands=demands,
        date="2025-11-06",
        precision="day",
        sources=["Wire"],
        quotes=[q],
        item_ids=["s"],
    )


def test_a_statement_says_what_was_said() -> None:
    said = _statement([], "The network said  the clinic\nhad run out of fuel.")
    assert text.statement_gist(said) == "“The network said the clinic had run out of fuel.”"
    demanded = _statement(["a ceasefire", "safe passage"], "They demanded a ceasefire.")
    assert text.statement_gist(demanded) == "Demands: a ceasefire; safe passage"
    long = _statement([], "word " * 100)
    gist = text.statement_gist(long, limit=50)
    assert gist.endswith("…”") and len(gist) <= 54


def _facility(name: str, kind: str, place: str | None) -> FacilityItem:
    return FacilityItem(
        facility=name,
        facility_id=None,
        facility_type=kind,
        place_id=None,
        place=place,
        statuses=["attacked"],
        date="2026-01-09",
        precision="day",
        sources=["Wire"],
        quotes=[],
        item_ids=["f"],
    )


def test_facility_named_by_its_type_is_not_repeated() -> None:
    assert text.facility_line(_facility("schools", "school", None)) == "Schools: attacked, 2026-01-09"
    assert (
        text.facility_line(_facility("Saudi Hospital", "hospital", "El Fasher"))
        == "Saudi Hospital (hospital, El Fasher): attacked, 2026-01-09"
    )


def test_a_chart_needs_two_different_figures() -> None:
    from fogline.reconcile.tallies import HistoryPoint
    from fogline.report.model import _moved

    def point(claim: TallyClaim, day: str) -> HistoryPoint:
        return HistoryPoint(day, claim.low, claim.source, claim.figure_id, claim.low, claim.low, claim.low)

    dozens, thirteen = _claim(12, 99, "vague", "A", "dozens"), _claim(13, 13, "exact", "B")
    t = _tally([dozens, thirteen], 13, 13, 13)
    t.history = [point(dozens, "2026-01-07"), point(thirteen, "2026-01-08")]
    assert not _moved(t)  # "dozens" then 13: one number
    rose = _claim(43, None, "at_least", "C")
    t.claims.append(rose)
    t.history.append(point(rose, "2026-01-11"))
    assert _moved(t)

"""Headline ranking: tallies resting on a number before tallies resting only on vague words ("dozens")."""

from __future__ import annotations

from test_reconcile import _doc, fig

from fogline.reconcile import compute_tallies, headline_tallies
from fogline.reconcile.tallies import Tally, TallyClaim, acled_value
from fogline.report import build_report, render, text
from fogline.schema import Extraction, Measure, Qualifier, VictimGroup
from fogline.store import Store


def _claim(n: int, low: int, high: int | None, qualifier: str, source: str, words: str = "") -> TallyClaim:
    return TallyClaim(
        figure_id=f"f{n}",
        document_id="d",
        source=source,
        source_id=None,
        low=low,
        high=high,
        qualifier=qualifier,
        quote="q",
        published="2025-11-02",
        number_text=words or str(low),
    )


def _tally(tid: str, claims: list[TallyClaim], best: int, group: str = "civilians") -> Tally:
    return Tally(
        id=tid,
        measure="injured",
        group=group,
        side=None,
        place_id=None,
        place="Tawila",
        low=min(c.low for c in claims),
        best=best,
        high=max(c.high or c.low for c in claims),
        conservative=min(acled_value(c.low, c.qualifier, c.number_text) for c in claims),
        contested=False,
        sources=sorted({c.source for c in claims}),
        claims=claims,
        history=[],
    )


DOZENS = _tally(
    "vague", [_claim(1, 12, 99, "vague", "MSF", "dozens"), _claim(2, 12, 99, "vague", "UN", "Dozens")], 12
)
HUNDREDS = _tally("hundreds", [_claim(3, 100, 999, "vague", "A", "hundreds")], 100)
EXACT = _tally("exact", [_claim(4, 7, 7, "exact", "Clinic")], 7)
MIXED = _tally("mixed", [_claim(5, 12, 99, "vague", "B", "dozens"), _claim(6, 40, None, "at_least", "C")], 40)


def test_vague_only_tallies_rank_after_tallies_with_a_number() -> None:
    # given order: the vague tallies first, with more sources and larger values than the exact one
    ranked = headline_tallies([DOZENS, HUNDREDS, EXACT, MIXED])
    assert [t.id for t in ranked] == ["exact", "mixed", "vague", "hundreds"]
    assert [t.id for t in headline_tallies([DOZENS, HUNDREDS, EXACT, MIXED], 2)] == ["exact", "mixed"]
    assert [t.id for t in headline_tallies([DOZENS, EXACT], 1)] == ["exact"]
    assert DOZENS.approximate and HUNDREDS.approximate
    assert not EXACT.approximate and not MIXED.approximate  # one number is enough
    assert DOZENS.vague_words == ["dozens"] and MIXED.vague_words == []


def test_vague_only_tallies_read_as_approximate_ranges() -> None:
    assert text.status(DOZENS) == "approximate"
    assert text.best_text(DOZENS) == "dozens (12–99)"  # the words and their range, not "12"
    assert text.best_text(EXACT) == "7" and text.status(EXACT) == "single source"
    assert text.best_text(MIXED) == "40"
    assert text.value(DOZENS, DOZENS.conservative) == "12"  # ACLED's code stays as it was


def test_report_and_exported_values_of_a_vague_tally(sqlite_store: Store) -> None:
    dozens = fig(
        "d1",
        1,
        12,
        99,
        measure=Measure.INJURED,
        group=VictimGroup.CHILDREN,
        qualifier=Qualifier.VAGUE,
        number_text="dozens",
        source="a medical charity",
    )
    counted = fig("d2", 1, 9, measure=Measure.KILLED, source="the health office")
    sqlite_store.save(Extraction(document=_doc("d1"), figures=[dozens]))
    sqlite_store.save(Extraction(document=_doc("d2"), figures=[counted]))
    tallies = compute_tallies(sqlite_store)
    vague = next(t for t in tallies if t.group == "children")
    assert vague.approximate and (vague.low, vague.best, vague.high, vague.conservative) == (12, 12, 99, 12)
    report = build_report(sqlite_store)
    assert [h.tally.group for h in report.headlines] == ["civilians", "children"]
    md = render(report, ".md")
    assert isinstance(md, str)
    row = next(line for line in md.splitlines() if line.startswith("| Children injured"))
    assert "dozens (12–99)" in row and "approximate" in row and "| 12 |" in row  # conservative kept


def test_what_changed_does_not_turn_dozens_into_twelve() -> None:
    from fogline.report.runs import what_changed

    vague = {"label": "Children injured in Tawila", "low": 12, "best": 12, "high": 99, "contested": False}
    vague |= {"sources": ["MSF"], "approximate": True, "words": ["dozens"]}
    counted = vague | {"low": 31, "best": 31, "high": 31, "approximate": False, "words": []}
    new = what_changed({"tallies": {}}, {"tallies": {"k": vague}})
    assert new == [
        "New figure: Children injured in Tawila: dozens, no precise figure (range 12–99), 1 source(s)"
    ]
    moved = what_changed({"tallies": {"k": vague}}, {"tallies": {"k": counted}})
    assert moved == ["Children injured in Tawila: dozens, no precise figure → best 31, range 12–99 → 31"]
    old_run = {k: v for k, v in counted.items() if k not in ("approximate", "words")}  # before this field
    assert what_changed(
        {"tallies": {"k": old_run}}, {"tallies": {"k": counted | {"best": 40, "high": 40}}}
    ) == ["Children injured in Tawila: best 31 → 40, range 31 → 31–40"]

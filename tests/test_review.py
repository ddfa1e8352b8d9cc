"""Human review: the library (accept/edit/reject/merge, history) and the review pages, end to end."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from test_web import app_for, csrf_of, fast_hashing, fill_sample, report_1, report_2, sign_in, tree_of

from fogline import review
from fogline.schema import Entity, Figure, Review
from fogline.store import Store
from fogline.web.pages import reconcile_function
from fogline.web.queries import Filters, list_records

__all__ = ["fast_hashing"]  # autouse fixture: cheap password hashing in these tests


def _figure(store: Store, number_text: str) -> Figure:
    found = [f for f in store.records(Figure) if f.number_text == number_text]
    assert len(found) == 1
    return found[0]


@pytest.fixture
def sample(store: Store) -> Store:
    fill_sample(store, hostile=False)
    return store


def test_accept_records_who_and_when(sample: Store) -> None:
    fig = _figure(sample, "30")
    rev = review.accept(sample, "figures", fig.id, "ana")
    stored = sample.get(Figure, fig.id)
    assert stored is not None and stored.review_status == "accepted" and stored.reviewed_by == "ana"
    assert rev.action == "accept" and rev.user == "ana" and rev.at
    assert rev.before["review_status"] == "auto" and rev.after["review_status"] == "accepted"
    assert [r.id for r in review.history(sample, "figures", fig.id)] == [rev.id]


def test_edit_coerces_form_values_and_keeps_before_after(sample: Store) -> None:
    fig = _figure(sample, "41")
    rev = review.edit(
        sample, "figures", fig.id, {"low": "14", "high": "14", "qualifier": "exact", "date_end": ""}, "ana"
    )
    stored = sample.get(Figure, fig.id)
    assert stored is not None and (stored.low, stored.high) == (14, 14)
    assert stored.review_status == "edited" and stored.reviewed_by == "ana"
    assert (rev.before["low"], rev.after["low"]) == (41, 14)
    assert sample.count(Review) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"low": "many"}, "invalid value"),
        ({"measure": "exploded"}, "invalid value"),
        ({"quote": "rewritten"}, "no editable field"),
        ({"document_id": "x"}, "no editable field"),
        ({"colour": "red"}, "no editable field"),
        ({}, "nothing to change"),
    ],
)
def test_bad_edits_change_nothing(sample: Store, changes: dict[str, str], message: str) -> None:
    fig = _figure(sample, "41")
    with pytest.raises(review.ReviewError, match=message):
        review.edit(sample, "figures", fig.id, changes, "ana")
    assert sample.get(Figure, fig.id) == fig
    assert sample.count(Review) == 0


def test_unknown_table_or_item(sample: Store) -> None:
    with pytest.raises(review.ReviewError):
        review.accept(sample, "users", "x", "ana")
    with pytest.raises(review.ReviewError):
        review.reject(sample, "figures", "missing", "ana")


def test_rejected_figure_leaves_the_tally(sample: Store) -> None:
    compute = reconcile_function("compute_tallies")
    if compute is None:
        pytest.skip("fogline.reconcile has no compute_tallies yet")

    def killed_high() -> int:
        return next(t.high for t in compute(sample) if t.measure == "killed" and t.group == "civilians")

    assert killed_high() == 41
    review.reject(sample, "figures", _figure(sample, "41").id, "ana")
    assert killed_high() == 15


def test_review_stands_when_extraction_runs_again(sample: Store) -> None:
    fig = _figure(sample, "41")
    review.edit(sample, "figures", fig.id, {"low": 40, "high": 40}, "ana")
    rejected = _figure(sample, "15")
    review.reject(sample, "figures", rejected.id, "ana")
    sample.save(report_2())  # the extractor produces the same automatic items again
    again = sample.get(Figure, fig.id)
    assert again is not None and (again.low, again.review_status) == (40, "edited")
    assert sample.get(Figure, rejected.id).review_status == "rejected"  # type: ignore[union-attr]
    assert sample.count(Figure) == 5


def _pipeline_ready() -> bool:
    from fogline.nlp.pipeline import COMPONENT_MODULES

    for module in set(COMPONENT_MODULES.values()):
        try:
            importlib.import_module(module)
        except ImportError:
            return False
    return True


def test_review_stands_when_the_real_pipeline_runs_again(sqlite_store: Store) -> None:
    if not _pipeline_ready():
        pytest.skip("the extraction components are not all built yet")
    from fogline.ingest.normalize import document_from_text
    from fogline.nlp.pipeline import extract

    text = (
        "Two days of air strikes on the market town of Ruweng killed at least 23 people, local officials "
        "said on Friday, and about 1,500 families fled to nearby villages."
    )
    doc = document_from_text(text, published="2024-05-10")
    first = next(extract([doc]))
    sqlite_store.save(first)  # type: ignore[arg-type]
    figures = sqlite_store.records(Figure)
    if not figures:
        pytest.skip("the figures component found nothing in this text")
    target = figures[0]
    review.edit(sqlite_store, "figures", target.id, {"low": target.low + 1}, "ana")
    sqlite_store.save(next(extract([document_from_text(text, published="2024-05-10")])))  # type: ignore[arg-type]
    kept = sqlite_store.get(Figure, target.id)
    assert kept is not None and kept.low == target.low + 1 and kept.review_status == "edited"


def test_merge_entities(sample: Store) -> None:
    rev = review.merge_entities(sample, "ac-monitor", "ac-monitor2", "ana")
    keep, gone = sample.get(Entity, "ac-monitor"), sample.get(Entity, "ac-monitor2")
    assert keep is not None and gone is not None
    assert "the monitor" in keep.aliases and gone.merged_into == "ac-monitor"
    assert rev.action == "merge" and rev.before["keep"]["aliases"] == []
    assert review.canonical_entity(sample, "ac-monitor2").id == "ac-monitor"  # type: ignore[union-attr]
    with pytest.raises(review.ReviewError, match="already merged"):
        review.merge_entities(sample, "ac-monitor", "ac-monitor2", "ana")
    with pytest.raises(review.ReviewError, match="cannot merge"):
        review.merge_entities(sample, "pl-kadugli", "ac-moh", "ana")
    names = [e.name for e in list_records(sample, "entities", Filters(kind="actor", limit=50)).items]
    assert "the monitor" not in names


def test_filters_follow_merged_entities(sample: Store) -> None:
    fig = _figure(sample, "41")
    review.edit(sample, "figures", fig.id, {"source_id": "ac-monitor2"}, "ana")
    assert list_records(sample, "figures", Filters(actor="ac-monitor")).total == 0
    review.merge_entities(sample, "ac-monitor", "ac-monitor2", "ana")
    assert [f.id for f in list_records(sample, "figures", Filters(actor="ac-monitor")).items] == [fig.id]
    assert [f.id for f in list_records(sample, "figures", Filters(source="ac-monitor")).items] == [fig.id]


# -- the review pages ----------------------------------------------------------------------------------


@pytest.fixture
def analyst(sample: Store) -> Iterator[TestClient]:
    with TestClient(app_for(sample)) as c:
        sign_in(c, "ana")
        yield c


def _tally_card(html: str, label: str) -> dict[str, str]:
    for card in tree_of(html).xpath("//article[contains(@class, 'tally')]"):
        if card.xpath("string(h3)").lower() == label.lower():
            return {
                "best": card.xpath("string(.//span[@class='value'])"),
                "range": card.xpath("string(.//p[@class='range'])"),
                "contested": str(bool(card.xpath(".//span[contains(@class, 'contested-badge')]"))),
            }
    raise AssertionError(f"no tally card {label!r}")


def test_edit_in_the_queue_changes_the_dashboard_tally(analyst: TestClient, sample: Store) -> None:
    if reconcile_function("compute_tallies") is None:
        pytest.skip("fogline.reconcile has no compute_tallies yet")
    before = _tally_card(analyst.get("/").text, "civilians killed in Kadugli")
    assert before["contested"] == "True" and "15–41" in before["range"]
    page = analyst.get("/review/figures")
    fig = _figure(sample, "41")
    forms = tree_of(page.text).xpath(f"//li[@data-item='{fig.id}']//form[@class='editform']")
    assert len(forms) == 1
    fields = {i.get("name"): i.get("value") for i in forms[0].xpath(".//input")}
    assert fields["field.low"] == "41"
    fields.update({"field.low": "15", "field.high": "15", "action": "edit"})
    r = analyst.post(f"/review/figures/{fig.id}", data=fields, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/review/figures")
    after = _tally_card(analyst.get("/").text, "civilians killed in Kadugli")
    # a single value is shown once ("conservative 15"), not as a range "15–15"
    assert after["contested"] == "False" and "conservative 15" in after["range"]
    assert "range" not in after["range"]
    stored = sample.get(Figure, fig.id)
    assert stored is not None and stored.review_status == "edited" and stored.low == 15
    edits = review.history(sample, "figures", fig.id)
    assert [(r.action, r.before["low"], r.after["low"]) for r in edits] == [
        ("edit", 41, 15)
    ]  # only changed fields


def test_accept_and_reject_buttons(analyst: TestClient, sample: Store) -> None:
    page = analyst.get("/review/figures")
    token = csrf_of(page.text)
    queue = {li.get("data-item") for li in tree_of(page.text).xpath("//li[@data-item]")}
    assert queue == {f.id for f in sample.records(Figure)}
    accept, reject = _figure(sample, "30"), _figure(sample, "15")
    analyst.post(f"/review/figures/{accept.id}", data={"csrf_token": token, "action": "accept"})
    analyst.post(f"/review/figures/{reject.id}", data={"csrf_token": token, "action": "reject"})
    left = {
        li.get("data-item") for li in tree_of(analyst.get("/review/figures").text).xpath("//li[@data-item]")
    }
    assert left == queue - {accept.id, reject.id}
    assert sample.get(Figure, accept.id).review_status == "accepted"  # type: ignore[union-attr]
    assert reject.id not in {i["id"] for i in analyst.get("/api/figures").json()["items"]}
    assert reject.id in {i["id"] for i in analyst.get("/api/figures?status=rejected").json()["items"]}
    item_page = tree_of(analyst.get(f"/items/figures/{accept.id}").text)
    assert "accept by ana" in " ".join(item_page.xpath("string(//ul[@class='history'])").split())


def test_review_posts_need_csrf_and_the_analyst_role(sample: Store) -> None:
    fig = _figure(sample, "30")
    with TestClient(app_for(sample)) as c:
        sign_in(c, "ana")
        r = c.post(f"/review/figures/{fig.id}", data={"action": "accept", "csrf_token": "forged"})
        assert r.status_code == 403
    with TestClient(app_for(sample)) as c:
        sign_in(c, "vic")
        token = csrf_of(c.get("/figures").text)
        r = c.post(f"/review/figures/{fig.id}", data={"action": "accept", "csrf_token": token})
        assert r.status_code == 403
    assert sample.get(Figure, fig.id).review_status == "auto"  # type: ignore[union-attr]


def test_merge_form(analyst: TestClient, sample: Store) -> None:
    page = analyst.get("/review/entities?kind=actor")
    form = tree_of(page.text).xpath("//form[@class='mergeform']")[0]
    options = set(form.xpath(".//select[@name='merge_id']/option/@value"))
    assert {"ac-monitor", "ac-monitor2"} <= options
    r = analyst.post(
        "/review/merge",
        data={"csrf_token": csrf_of(page.text), "keep_id": "ac-monitor", "merge_id": "ac-monitor2"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert sample.get(Entity, "ac-monitor2").merged_into == "ac-monitor"  # type: ignore[union-attr]
    bad = analyst.post(
        "/review/merge",
        data={"csrf_token": csrf_of(page.text), "keep_id": "pl-kadugli", "merge_id": "ac-moh"},
    )
    assert bad.status_code == 400


def test_report_1_is_reusable() -> None:
    # the sample builder is deterministic: ids are content hashes of document, extractor and span
    assert [f.id for f in report_1().figures] == [f.id for f in report_1().figures]

"""``fogline.dates.v1``: the publication date and every date expression, resolved against it.

Publication date
    ``doc._.document.published`` (ISO) when given; else a caller-set ``doc._.pub_date``; else it is read off
    the text by ``infer_pub_date`` (``doc._.pub_date_inferred = True``):

    1. a *dateline*: a full date (day, month, year) that opens the text or one of its first lines, or follows
       "Posted on", "Published", "Updated", "Date:", or is written with its matching weekday ("Sunday 22 Feb
       2015") near the top → that date;
    2. otherwise the latest explicit full date D in a past context (not after "will", "scheduled"…); when the
       text also mentions weekdays ("on Thursday", "since Tuesday"), the publication date is the day P in
       [D, D+6] that makes the window [earliest referenced day, P] shortest, where the weekdays resolve to the
       latest such day on or before P (ties: the earliest P). News text uses weekdays for the days just before
       publication, so this picks the P under which D and the weekdays form the tightest recent cluster.
       Dates used as names ("the 1 April 2025 deal") are not anchors; when a month or year stated in full
       ("in December 2025") starts after D, D is evidently not recent and nothing is inferred;
    3. nothing explicit → ``None``: relative expressions then stay unresolved (``resolved=False``).

Date mentions
    ``Mention(label="DATE", value=<ISO start at its precision: 2026-01-08 | 2026-01 | 2026>, precision=
    "day"|"week"|"month"|"year", attributes={"start": first day, "end": last day (both YYYY-MM-DD),
    "relation": on|since|as_of|until|by|before|after|between, "resolved", "inferred_pub", "kind", "part",
    "future"})`` in ``doc._.mentions`` and ``doc._.dates``. "since Tuesday" ends on the publication date.
    Durations ("four days") are not dates and are not emitted. See ``fogline.nlp.dates_rules``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from fogline.nlp.dates_rules import DateExpr, iso_at, resolve, scan
from fogline.nlp.extensions import doc_list, doc_text, doc_value, document_id, register_extensions
from fogline.schema import Mention, make_id

EXTRACTOR = "fogline.dates.v1"
__all__ = ["EXTRACTOR", "DateTagger", "PubDateGuess", "acled_time_precision", "dates_in", "doc_text",
           "infer_pub_date", "nearest_date", "parse_iso_date"]  # fmt: skip

_PUBLISH_CUE = re.compile(
    r"(?:posted|published|updated|last\s+updated|first\s+published|date\s+of\s+publication|date|dated)"
    r"\s*(?:on|at|:)?\s*$",
    re.IGNORECASE,
)
_DATELINE_CHARS = 300  # a dateline sits in the first lines of a text
_DATELINE_LINES = 4


@dataclass
class PubDateGuess:
    """An inferred publication date and how it was found (for explanations and tests)."""

    value: date | None
    method: str  # metadata, dateline, latest_date, latest_date+weekdays, none
    anchor: date | None = None  # the explicit date D it was derived from


def parse_iso_date(value: str | None) -> date | None:
    """``2026-01-08`` or ``2026-01-08T10:00:00Z`` → date; anything else → None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _is_dateline(text: str, expr: DateExpr) -> bool:
    head = text[max(0, expr.start - 40) : expr.start]
    if _PUBLISH_CUE.search(head):
        return True
    if expr.weekday_checked and expr.start <= 2 * _DATELINE_CHARS:
        return True
    if expr.start > _DATELINE_CHARS:
        return False
    line_start = text.rfind("\n", 0, expr.start) + 1
    if text.count("\n", 0, expr.start) >= _DATELINE_LINES:
        return False
    before = text[line_start : expr.start].strip(" \t-–—|·•,:")
    return before == "" or expr.start < 3


_REFERENCE_BEFORE = re.compile(r"(?:\bthe|\ba|\ban|\bits|\btheir)\s+$", re.IGNORECASE)
_REFERENCE_AFTER = re.compile(r"\s+[a-z]{3,}")


def _is_reference(text: str, expr: DateExpr) -> bool:
    """A date used as a name ("the 1 April 2025 deal"): it points at a past event, not at the news day."""
    return bool(
        _REFERENCE_BEFORE.search(text, max(0, expr.start - 8), expr.start)
        and _REFERENCE_AFTER.match(text, expr.end)
    )


def _latest_period_start(exprs: list[DateExpr]) -> date | None:
    """The first day of the latest month or year stated in full ("in December 2025", "in 2025") in a past
    context: the publication date cannot precede it."""
    starts = []
    for e in exprs:
        if e.future or e.kind not in {"month", "year"} or e.year is None or e.relation not in {"on", "since"}:
            continue
        if e.kind == "year" and not e.text.lower().startswith(("in ", "since ", "during ", "throughout ")):
            continue  # "the 2026 elections" may lie ahead
        span = resolve(e, None)
        if span is not None:
            starts.append(span[0])
    return max(starts) if starts else None


def infer_pub_date(text: str, exprs: list[DateExpr] | None = None) -> PubDateGuess:
    """The publication date implied by the text alone (see the module docstring for the rule)."""
    exprs = scan(text) if exprs is None else exprs
    explicit = [e for e in exprs if e.explicit and not e.future and not _is_reference(text, e)]
    for e in explicit:
        if _is_dateline(text, e):
            value = resolve(e, None)
            if value is not None:
                return PubDateGuess(value[0], "dateline", value[0])
    if not explicit:
        return PubDateGuess(None, "none")
    anchor = max(resolve(e, None)[0] for e in explicit)  # type: ignore[index]
    floor = _latest_period_start(exprs)
    if floor is not None and floor > anchor:  # "December 2025" but the latest full date is in April 2025
        return PubDateGuess(None, "conflict", anchor)
    weekdays = [e for e in exprs if e.kind == "weekday" and not e.future and e.direction != "next"]
    if not weekdays:
        return PubDateGuess(anchor, "latest_date", anchor)
    best: tuple[int, date] | None = None
    for shift in range(7):
        pub = anchor + timedelta(days=shift)
        earliest = anchor
        for e in weekdays:
            span = resolve(e, pub)
            if span is not None and span[0] < earliest:
                earliest = span[0]
        width = (pub - earliest).days
        if best is None or width < best[0]:
            best = (width, pub)
    assert best is not None
    return PubDateGuess(best[1], "latest_date+weekdays", anchor)


def _sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start (array access, no Token objects: cheaper than doc.sents)."""
    if not len(doc):
        return [0]
    arr = doc.to_array([IDX, SENT_START]).astype("int64")
    starts: list[int] = arr[arr[:, 1] == 1, 0].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


def _sentence_at(text: str, starts: list[int], pos: int) -> str:
    idx = max(0, bisect.bisect_right(starts, pos) - 1)
    end = starts[idx + 1] if idx + 1 < len(starts) else len(text)
    return text[starts[idx] : end].strip()


def _anchored(expr: DateExpr, before: Mention | None) -> tuple[date, date, str] | None:
    """ "four days later" from the date the text gave just before it, when that is one past day."""
    if before is None or before.precision != "day" or expr.relative is None:
        return None
    attrs = before.attributes or {}
    anchor = parse_iso_date(attrs.get("start"))
    if anchor is None or attrs.get("future") or attrs.get("relation") != "on":
        return None
    return expr.relative(anchor)


class DateTagger:
    """Find and resolve date expressions; set ``doc._.pub_date`` and append DATE mentions."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        dates = doc_list(doc, "dates")
        mentions = doc_list(doc, "mentions")
        if dates:  # run again on the same doc: replace, do not duplicate
            dates.clear()
            mentions[:] = [m for m in mentions if m.extractor != EXTRACTOR]
        try:
            text = doc_text(doc)
            exprs = scan(text)
            pub, inferred = self._pub_date(doc, text, exprs)
            doc._.pub_date = pub
            doc._.pub_date_inferred = inferred
            starts = _sentence_starts(doc)
            doc_id = document_id(doc)
            before: Mention | None = None  # the date the text gave last: "four days later" counts from it
            for expr in exprs:
                mention = self._mention(text, expr, pub, inferred, doc_id, starts, before)
                dates.append(mention)
                mentions.append(mention)
                before = mention
        except Exception as exc:  # a failure here must not stop the batch
            doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        return doc

    @staticmethod
    def _pub_date(doc: Doc, text: str, exprs: list[DateExpr]) -> tuple[date | None, bool]:
        meta = doc_value(doc, "document")
        given = parse_iso_date(getattr(meta, "published", None)) if meta is not None else None
        if given is not None and not getattr(meta, "published_inferred", False):
            return given, False
        by = (getattr(meta, "meta", None) or {}).get("published_inferred_by")
        if given is not None and by == "related_reports":
            return given, True  # dated from related reports (fogline.ingest.dating): the text cannot redo it
        if isinstance(doc_value(doc, "pub_date"), date):
            return doc_value(doc, "pub_date"), bool(doc_value(doc, "pub_date_inferred"))
        guess = infer_pub_date(text, exprs)
        if guess.value is not None and meta is not None and isinstance(getattr(meta, "meta", None), dict):
            meta.meta["published_inferred_by"] = guess.method  # audit trail: dateline, latest_date…
        return guess.value, guess.value is not None

    @staticmethod
    def _mention(
        text: str,
        expr: DateExpr,
        pub: date | None,
        inferred: bool,
        doc_id: str,
        starts: list[int],
        before: Mention | None = None,
    ) -> Mention:
        span = resolve(expr, pub) if expr.kind != "anchored" else _anchored(expr, before)
        relation = expr.relation
        value = precision = first = last = None
        if span is not None:
            first_d, last_d, precision = span
            if relation == "since" and pub is not None and pub >= first_d:  # "since X": X up to the pub date
                last_d = pub
            value = iso_at(first_d, precision)
            first, last = first_d.isoformat(), last_d.isoformat()
        uses_pub = (
            expr.kind in {"weekday", "relative", "period"}
            or (expr.kind == "anchored" and before is not None and before.attributes.get("inferred_pub"))
            or (expr.kind in {"date", "month"} and expr.year is None)
            or (expr.kind == "range" and any(p.year is None for p in expr.parts))
        )
        if relation == "since" and span is not None:
            uses_pub = True
        resolved = span is not None
        attributes = {
            "start": first,
            "end": last,
            "relation": relation,
            "resolved": resolved,
            "inferred_pub": bool(resolved and uses_pub and inferred),
            "kind": expr.kind,
            "part": expr.part,
            "future": expr.future,
        }
        return Mention(
            id=make_id(doc_id, EXTRACTOR, expr.start, expr.end, value),
            document_id=doc_id,
            start=expr.start,
            end=expr.end,
            quote=_sentence_at(text, starts, expr.start),
            extractor=EXTRACTOR,
            confidence=(0.7 if attributes["inferred_pub"] else 0.9) if resolved else 0.5,
            label="DATE",
            text=expr.text,
            value=value,
            precision=precision,
            attributes=attributes,
        )


# spaCy forbids "." in factory names: the pipe is named "fogline.dates.v1", its factory "fogline_dates_v1".
@Language.factory(
    "fogline_dates_v1", requires=["token.is_sent_start"], assigns=["doc._.dates", "doc._.pub_date"]
)
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger()


ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def acled_time_precision(precision: str | None) -> int | None:
    """ACLED's ``time_precision`` code for a DATE mention's precision (1 day, 2 week, 3 month or coarser)."""
    return ACLED_TIME_PRECISION.get(precision or "")


def dates_in(doc: Doc, start: int, end: int) -> list[Mention]:
    """The DATE mentions of ``doc`` whose span lies within [start, end), in text order."""
    return [m for m in (doc_value(doc, "dates") or []) if m.start >= start and m.end <= end]


def nearest_date(doc: Doc, position: int, start: int, end: int) -> Mention | None:
    """The resolved DATE mention in [start, end) closest to ``position`` (ties: the one before it)."""
    best: tuple[int, int, Mention] | None = None
    for m in dates_in(doc, start, end):
        if not m.attributes.get("resolved"):
            continue
        dist = m.start - position if m.start >= position else position - m.end
        key = (dist, 0 if m.end <= position else 1, m)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None

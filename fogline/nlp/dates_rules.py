"""Date expressions in English news text: scanning and resolution (no spaCy here; the patterns are in
``fogline.nlp.dates_patterns``).

Two steps, so that the publication date can be inferred from the same matches:

1. ``scan(text)`` finds date expressions with a handful of regular expressions (tried only around cheap
   trigger words, so the cost is linear and small) and returns
   ``DateExpr`` objects that describe *what was written* (a full date, a month and day without a year,
   a weekday, "last week", "the past 24 hours"…), independent of any publication date.
2. ``resolve(expr, pub)`` turns one expression into a calendar span ``(first day, last day, precision)``
   against a publication date, or ``None`` when it cannot be resolved (relative expression, no pub date).

Design choices (documented, deliberate):
- Month and weekday names must be capitalised ("may" and "march" are words too); bare "May" counts only
  next to a day, a year or a preposition ("in May").
- Ambiguous numeric forms ("7/1/2026") are not read; ISO ``2026-01-07``, dotted day-first ``24.08.2013`` and
  numeric dates with a part above 12 (``21/08/2013``) are.
- Years need a cue ("in 2018", "since 2011", "the 2025 clashes", "2015-2016"): bare numbers never become
  years, and "Resolution 2254" or "2,018" are not years (only 1900–2099 with word boundaries count).
- Durations ("four days", "a six-day escalation") are NOT dates and are not emitted; a duration anchored to
  the publication date ("over the past four days", "in the last 24 hours") is a period ending on it.
- A day without a year ("March 10") is the nearest such day on or before the publication date (or up to
  a week after it); in a future context ("will meet on March 10", "next Monday") the nearest one after it.
- A weekday ("on Thursday", "early Friday", "Tuesday night") is the most recent such day on or before the
  publication date ("last Monday": strictly before; "next Monday" or a future context: strictly after).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from fogline.nlp.dates_patterns import (
    FUTURE_CUE,
    MONTHS,
    NEAR_FUTURE_DAYS,
    NUMBER_WORDS,
    PATTERNS,
    WEEKDAY_ABBR,
    WEEKDAY_NAMES,
    WEEKDAYS,
    Builder,
    DateExpr,
    month_bounds,
    narrow,
)

__all__ = ["DateExpr", "iso_at", "resolve", "scan"]

# --------------------------------------------------------------------------------------------------
# Scanning

_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–|—)\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)

# Speed: instead of running every pattern over the whole text, one cheap regex finds *trigger* words (a month,
# a weekday, a year, a relative word); each pattern is then tried with ``match`` only at the trigger and at
# the starts of the few words just before it that can open a date expression ("since", "early", "6-10"…).
_TRIGGER = re.compile(r"[A-Z][A-Za-z]+\.?|\d+|(?<![a-z])(?:to|ye|ni|mo|af|ev|we|mon|ye|ho|da|ag)[a-z]*")
_PATTERN_BY_NAME = {name: (pattern, build) for name, pattern, build in PATTERNS}
_BY_CATEGORY: dict[str, list[tuple[re.Pattern[str], Builder]]] = {
    "month": [_PATTERN_BY_NAME[n] for n in ("day_range_dmy", "day_range_mdy", "dmy", "mdy", "month_year",
                                            "bare_month", "month_rel_year")],
    "weekday": [_PATTERN_BY_NAME[n] for n in ("weekday",)],
    "year": [_PATTERN_BY_NAME[n] for n in ("iso", "numeric", "year_range", "year")],
    "numeric": [_PATTERN_BY_NAME[n] for n in ("numeric",)],
    "relative": [_PATTERN_BY_NAME[n] for n in ("day_word", "calendar_unit", "calendar_unit_the", "period",
                                               "ago", "weekend", "later")],
}  # fmt: skip
_RELATIVE_TRIGGERS = {
    "today", "tonight", "tomorrow", "yesterday", "night", "morning", "afternoon", "evening", "week", "weeks",
    "month", "months", "year", "years", "hour", "hours", "day", "days", "weekend", "ago",
}  # fmt: skip
_TRIGGER_WORDS: dict[str, str] = {w: "month" for w in MONTHS}
_TRIGGER_WORDS.update({w: "weekday" for w in WEEKDAYS})
_TRIGGER_WORDS.update({w: "relative" for w in _RELATIVE_TRIGGERS})
_TRIGGER_WORDS.update({w.capitalize(): "relative" for w in _RELATIVE_TRIGGERS})
# Words that may open a date expression before its trigger word.
_PREFIX_WORDS = {
    "since", "as", "of", "until", "till", "through", "by", "before", "after", "from", "starting", "on",
    "last", "next", "this", "past", "early", "late", "mid", "overnight", "in", "the", "hours", "night",
    "beginning", "start", "middle", "end", "earlier", "later", "during", "throughout", "between", "over",
    "within", "for", "summer", "winter", "spring", "autumn", "fall", "and", "to", "couple", "few",
    "several", "day", "following",
    "at", *NUMBER_WORDS, *(w.lower() for w in WEEKDAY_NAMES), *(w.lower() for w in WEEKDAY_ABBR),
}  # fmt: skip
_WORD = re.compile(r"\S+")
_PUNCT = ",;:()[]\"'“”‘’.-–—"
_LOOKBACK = 48


def _category(word: str, text: str, end: int) -> str | None:
    if word[0].isdigit():
        if len(word) == 4 and word[:2] in ("19", "20"):
            return "year"
        if len(word) <= 2 and end < len(text) and text[end] in "./-":
            return "numeric"
        return None
    return _TRIGGER_WORDS.get(word) or _TRIGGER_WORDS.get(word.rstrip("."))


def _starts(text: str, pos: int) -> list[int]:
    """``pos`` and the starts of the words just before it that can open a date expression."""
    starts = [pos]
    chunk_start = max(0, pos - _LOOKBACK)
    words = list(_WORD.finditer(text, chunk_start, pos))
    for m in reversed(words):
        word = m.group(0)
        if m.end() == pos and m.start() != chunk_start:  # "mid-" glued to the trigger
            core = word.strip(_PUNCT).lower()
        else:
            if word[-1] in ".!?" and len(word) > 4:
                break
            core = word.strip(_PUNCT).lower()
        if not core or core in _PREFIX_WORDS or core[0].isdigit():
            starts.append(m.start() + len(word) - len(word.lstrip(_PUNCT)))
        else:
            break
    return starts


def scan(text: str) -> list[DateExpr]:
    """Every date expression in ``text``, left to right, without overlaps (longest match wins)."""
    found: dict[tuple[int, int], DateExpr] = {}
    for t in _TRIGGER.finditer(text):
        category = _category(t.group(0), text, t.end())
        if category is None:
            continue
        for start in _starts(text, t.start()):
            for pattern, build in _BY_CATEGORY[category]:
                m = pattern.match(text, start)
                if m is None or m.end() <= t.start() or (m.start(), m.end()) in found:
                    continue
                expr = build(m)
                if expr is not None and expr.text.strip():
                    found[(m.start(), m.end())] = expr
    chosen = _merge_ranges(text, _longest_first(list(found.values())))
    for expr in chosen:
        expr.future = _future_context(text, expr.start)
    return chosen


def _longest_first(candidates: list[DateExpr]) -> list[DateExpr]:
    """Non-overlapping candidates, longest first ("March of 2019" beats "in March"), in text order."""
    kept: list[DateExpr] = []
    for expr in sorted(candidates, key=lambda e: (-(e.end - e.start), e.start)):
        if all(expr.end <= k.start or expr.start >= k.end for k in kept):
            kept.append(expr)
    return sorted(kept, key=lambda e: e.start)


def _merge_ranges(text: str, exprs: list[DateExpr]) -> list[DateExpr]:
    """ "between Tuesday and Thursday", "from 6 January to 9 January": one range expression."""
    out: list[DateExpr] = []
    i = 0
    while i < len(exprs):
        a = exprs[i]
        if i + 1 < len(exprs) and a.kind != "range" and exprs[i + 1].kind != "range":
            b = exprs[i + 1]
            gap = text[a.end : b.start]
            head = text[max(0, a.start - 12) : a.start]
            opened = _RANGE_OPEN.search(head) or (a.relation == "since" and a.text.lower().startswith("from"))
            if len(gap) <= 12 and _RANGE_JOIN.match(gap) and opened and a.kind == b.kind:
                if a.kind == "date" and a.year is None and b.year is not None:
                    a.year = b.year if (a.month or 0) <= (b.month or 0) else b.year - 1
                open_m = _RANGE_OPEN.search(head)
                start = a.start - (len(open_m.group(0)) if open_m else 0)
                a.relation = b.relation = "on"
                out.append(DateExpr(start, b.end, text[start : b.end], "range", "between", parts=[a, b]))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _future_context(text: str, start: int) -> bool:
    """A future cue between the start of the sentence and the date (looking back at most 80 chars)."""
    window = text[max(0, start - 80) : start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! "))
    if cut >= 0:
        window = window[cut + 1 :]
    return FUTURE_CUE.search(window) is not None


# --------------------------------------------------------------------------------------------------
# Resolution against a publication date

Span3 = tuple[date, date, str]


def _resolve_date(e: DateExpr, pub: date | None) -> Span3 | None:
    assert e.month is not None and e.day is not None
    if e.year is not None:
        d = date(e.year, e.month, e.day)
        return d, d, "day"
    if pub is None:
        return None
    year = pub.year
    if e.month == 2 and e.day == 29:
        return None
    d = date(year, e.month, e.day)
    if e.future or e.direction == "next":
        if d < pub - timedelta(days=NEAR_FUTURE_DAYS if e.future and e.direction != "next" else 0):
            d = date(year + 1, e.month, e.day)
    elif d > pub + timedelta(days=NEAR_FUTURE_DAYS):
        d = date(year - 1, e.month, e.day)
    return d, d, "day"


def _resolve_month(e: DateExpr, pub: date | None) -> Span3 | None:
    assert e.month is not None
    year = e.year
    if year is None:
        if pub is None:
            return None
        year = pub.year
        if e.future or e.direction == "next":
            if e.month <= pub.month:
                year += 1
        elif e.direction == "last":
            if e.month >= pub.month:
                year -= 1
        elif e.month > pub.month:
            year -= 1
    first, last = narrow(*month_bounds(year, e.month), e.part)
    return first, last, "month"


def _resolve_year(e: DateExpr, pub: date | None) -> Span3 | None:
    assert e.year is not None
    first, last = narrow(date(e.year, 1, 1), date(e.year, 12, 31), e.part)
    return first, last, "year"


def _resolve_weekday(e: DateExpr, pub: date | None) -> Span3 | None:
    if pub is None or e.weekday is None:
        return None
    back = (pub.weekday() - e.weekday) % 7
    if e.direction == "next" or (e.future and e.direction != "last"):
        d = pub + timedelta(days=(e.weekday - pub.weekday()) % 7 or 7)
    else:
        if e.direction == "last" and back == 0:
            back = 7
        d = pub - timedelta(days=back)
    return d, d, "day"


def _resolve_relative(e: DateExpr, pub: date | None) -> Span3 | None:
    if pub is None or e.relative is None:
        return None
    return e.relative(pub)


def _resolve_range(e: DateExpr, pub: date | None) -> Span3 | None:
    a, b = (resolve(p, pub) for p in e.parts)
    if a is None or b is None:
        return None
    if b[1] < a[0] and e.parts[1].kind == "weekday":  # "from Friday to Monday" across a week end
        return None
    return a[0], max(a[1], b[1]), a[2]


RESOLVERS: dict[str, Callable[[DateExpr, date | None], Span3 | None]] = {
    "date": _resolve_date,
    "month": _resolve_month,
    "year": _resolve_year,
    "weekday": _resolve_weekday,
    "relative": _resolve_relative,
    "period": _resolve_relative,
    "range": _resolve_range,
    "anchored": lambda e, pub: None,  # needs the date before it: resolved by fogline.nlp.dates
}


def resolve(expr: DateExpr, pub: date | None) -> Span3 | None:
    """The first day, last day and precision of ``expr`` against ``pub`` (None when not resolvable)."""
    return RESOLVERS[expr.kind](expr, pub)


def iso_at(d: date, precision: str) -> str:
    """``d`` written at its precision: ``2026-01-08``, ``2026-01``, ``2026`` (weeks keep the start day)."""
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    return d.isoformat()

"""Date expressions as written: vocabulary, the ``DateExpr`` record, the regular expressions and the
builders that turn a match into a ``DateExpr`` (see ``fogline.nlp.dates_rules`` for scanning/resolution).

Each entry of ``PATTERNS`` is ``(name, compiled regex, builder)``; a builder returns ``None`` to reject a
match (an impossible day, an ambiguous numeric date). Expressions relative to the publication date carry a
``relative`` function from the publication date to ``(first day, last day, precision)``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

# --------------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NAMES = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip
_MONTH_ABBR = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
MONTHS: dict[str, int] = {**_MONTH_NAMES, **{k.upper(): v for k, v in _MONTH_NAMES.items()}}
for _abbr, _num in _MONTH_ABBR.items():
    MONTHS[_abbr] = _num
    MONTHS[_abbr + "."] = _num
    MONTHS[_abbr.upper()] = _num

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAY_NAMES):
    WEEKDAYS[_name] = _i
    WEEKDAYS[_name.upper()] = _i
# Abbreviated weekdays only appear inside full dates ("Sun 10 Jul 2016").
WEEKDAY_ABBR = {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4,
                 "Sat": 5, "Sun": 6}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "couple of": 2, "few": 3, "several": 3,
}  # fmt: skip
_UNIT_DAYS = {"hour": 1, "day": 1, "week": 7, "month": 30, "year": 365}


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alt(MONTHS)})(?![A-Za-z])"
_MONTH_FULL = rf"(?P<month>{_alt([*_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES)])})(?![A-Za-z])"
_WD_FULL = _alt(WEEKDAYS)
_WD_ANY = _alt(list(WEEKDAYS) + list(WEEKDAY_ABBR))
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,.]\d|\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_NUM = rf"(?P<num>\d{{1,3}}|{_alt(NUMBER_WORDS)})"

# Words after "in 2018" that show the number is a count, not a year ("in 2018 people were…").
_COUNT_NOUNS = (
    "people|persons|civilians|children|women|men|families|households|refugees|fighters|soldiers|troops|"
    "deaths|dead|casualties|cases|homes|houses|tonnes|tons|km|kilometres|kilometers|metres|meters|"
    "dollars|euros|of\\s+whom|of\\s+them|were|had|have|are|GMT|UTC|local|hours|hrs|h"
)

# Nouns a bare year may modify ("2025 clashes", "2011 uprising"): the year is then a date.
_EVENT_NOUNS = (
    "clashes|fighting|offensive|war|uprising|revolution|protests|elections?|agreement|accord|deal|ceasefire|"
    "truce|massacres?|attacks?|bombings?|siege|invasion|coup|earthquake|floods?|famine|crisis|conflict|"
    "campaign|operation|escalation|referendum|talks|summit|census|report|genocide|borders?|constitution|"
    "crackdown|intifada|accords?|peace\\s+(?:deal|agreement|talks)|civil\\s+war|unrest|violence|riots?|raids?|"
    "airstrikes?|air\\s+strikes?|shelling|assault|battle|takeover|withdrawal|evacuation|resolution|law"
)

# A day without a year up to this many days after the publication date is that near day, not the same day a
# year earlier ("the deadline of 15 January" in a 9 January article; an inferred pub date a day early).
NEAR_FUTURE_DAYS = 7

# A cue in the same sentence, shortly before a date, that the date lies after the publication date.
FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|would|is\s+due|are\s+due|scheduled|expected\s+to|plans?\s+to|"
    r"planned\s+(?:to|for)|set\s+to|upcoming|deadline|to\s+be\s+held|postponed\s+to|until\s+next)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------------
# What was written


@dataclass
class DateExpr:
    """One date expression as written: offsets, kind and the fields it states."""

    start: int
    end: int
    text: str
    kind: str  # date, month, year, weekday, relative, period, range, anchored (to the date before it)
    relation: str = "on"  # on, since, as_of, until, by, before, after, between
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str = "past"  # past (on or before pub), last (strictly before), next (strictly after)
    part: str | None = None  # early, mid, late, morning, night…
    relative: Callable[[date], tuple[date, date, str]] | None = None
    parts: list[DateExpr] = field(default_factory=list)  # the two ends of a range
    future: bool = False  # a future cue precedes it in its sentence

    @property
    def weekday_checked(self) -> bool:
        """A full date written with its own, matching weekday ("Sunday 22 Feb 2015"): a timestamp."""
        if self.kind != "date" or self.year is None or self.weekday is None:
            return False
        assert self.month is not None and self.day is not None
        return date(self.year, self.month, self.day).weekday() == self.weekday

    @property
    def explicit(self) -> bool:
        """A full calendar date with its year (readable without a publication date)."""
        return self.kind == "date" and self.year is not None


# --------------------------------------------------------------------------------------------------
# Patterns: each a compiled regex and a builder from the match to a DateExpr (or None to reject).

Builder = Callable[[re.Match[str]], "DateExpr | None"]
RELATION_WORDS = {
    "since": "since", "as of": "as_of", "until": "until", "till": "until", "through": "until",
    "by": "by", "before": "before", "after": "after", "from": "since", "starting": "since",
}  # fmt: skip
_REL_PREFIX = (
    r"(?:(?P<rel>[Ss]ince|[Aa]s\s+of|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter|[Ff]rom|[Ss]tarting)\s+)?"
)


def _relation(m: re.Match[str]) -> str:
    word = m.groupdict().get("rel")
    return RELATION_WORDS[" ".join(word.lower().split())] if word else "on"


def _valid(y: int | None, mo: int, d: int) -> bool:
    if not 1 <= d <= 31:
        return False
    if y is None:
        return d <= (29 if mo == 2 else calendar.monthrange(2001, mo)[1])
    return d <= calendar.monthrange(y, mo)[1]


def _make_date(m: re.Match[str]) -> DateExpr | None:
    g = m.groupdict()
    mo = MONTHS[g["month"]]
    d = int(g["day"])
    y = int(g["year"]) if g.get("year") else None
    if not _valid(y, mo, d):
        return None
    expr = DateExpr(m.start(), m.end(), m.group(0), "date", _relation(m), year=y, month=mo, day=d)
    if g.get("wdn"):
        name = g["wdn"]
        expr.weekday = WEEKDAYS.get(name, WEEKDAY_ABBR.get(name))
    return expr


def _make_iso(m: re.Match[str]) -> DateExpr | None:
    y, mo, d = int(m.group("year")), int(m.group("mo")), int(m.group("day"))
    if not 1 <= mo <= 12 or not _valid(y, mo, d):
        return None
    return DateExpr(m.start(), m.end(), m.group(0), "date", _relation(m), year=y, month=mo, day=d)


def _make_numeric(m: re.Match[str]) -> DateExpr | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if m.group("sep") == "." or a > 12 >= b:
        day, mo = a, b
    elif b > 12 >= a:
        day, mo = b, a
    elif a == b:
        day = mo = a
    else:  # "7/1/2026": 7 January or July 1? Not read.
        return None
    if not 1 <= mo <= 12 or not _valid(y, mo, day):
        return None
    return DateExpr(m.start(), m.end(), m.group(0), "date", year=y, month=mo, day=day)


def _make_day_range(m: re.Match[str]) -> DateExpr | None:
    g = m.groupdict()
    mo = MONTHS[g["month"]]
    y = int(g["year"]) if g.get("year") else None
    d1, d2 = int(g["day"]), int(g["day2"])
    if not (_valid(y, mo, d1) and _valid(y, mo, d2)) or d2 <= d1:
        return None
    a = DateExpr(m.start(), m.end(), m.group(0), "date", year=y, month=mo, day=d1)
    b = DateExpr(m.start(), m.end(), m.group(0), "date", year=y, month=mo, day=d2)
    return DateExpr(m.start(), m.end(), m.group(0), "range", "between", parts=[a, b])


_PARTS = {
    "early": "early", "mid": "mid", "late": "late", "the beginning of": "early", "the start of": "early",
    "the middle of": "mid", "the end of": "late", "end of": "late", "beginning of": "early",
}  # fmt: skip
_PART_RE = r"(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?(?:beginning|start|middle|end)\s+of)[\s-]+)?"


def _part(m: re.Match[str]) -> str | None:
    word = m.groupdict().get("part")
    return _PARTS[" ".join(word.lower().split())] if word else None


def _make_month_year(m: re.Match[str]) -> DateExpr | None:
    mo = MONTHS[m.group("month")]
    return DateExpr(m.start(), m.end(), m.group(0), "month", _relation(m), year=int(m.group("year")),
                    month=mo, part=_part(m))  # fmt: skip


def _make_year(m: re.Match[str]) -> DateExpr | None:
    word = " ".join((m.group("yprep") or "").lower().split())
    part: str | None = None
    if word in {"early", "mid", "late"}:
        part = word
    elif word.startswith("the "):
        part = (
            "early"
            if ("beginning" in word or "start" in word)
            else "mid"
            if "middle" in word
            else ("late" if "end" in word else None)
        )
    rel = RELATION_WORDS.get(word, "on")
    return DateExpr(m.start(), m.end(), m.group(0), "year", rel, year=int(m.group("year")), part=part)


def _make_year_range(m: re.Match[str]) -> DateExpr | None:
    y1 = int(m.group("year"))
    raw = m.group("year2")
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if not y1 < y2 <= y1 + 30:
        return None
    a = DateExpr(m.start(), m.end(), m.group(0), "year", year=y1)
    b = DateExpr(m.start(), m.end(), m.group(0), "year", year=y2)
    return DateExpr(m.start(), m.end(), m.group(0), "range", "between", parts=[a, b])


_WD_PREFIX = (
    r"(?:(?P<wprep>[Oo]n|[Ss]ince|[Aa]s\s+of|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter|[Ff]rom|[Ll]ast|[Nn]ext|"
    r"[Tt]his(?:\s+past)?|[Ee]arly(?:\s+on)?|[Ll]ate(?:\s+on)?|[Oo]vernight|[Ii]n\s+the\s+early\s+hours\s+of|"
    r"(?:[Oo]n\s+)?[Tt]he\s+night\s+of|[Ee]arlier\s+on|[Ll]ater\s+on)\s+)?"
    r"(?:(?P<wpart>early|late|early\s+on|late\s+on)\s+)?"
)
_WD_SUFFIX = r"(?:'s|’s)?(?:\s+(?P<wtime>morning|afternoon|evening|night|overnight))?"


def _make_weekday(m: re.Match[str]) -> DateExpr | None:
    prep = " ".join((m.group("wprep") or "").lower().split())
    direction = {"last": "last", "next": "next"}.get(prep, "past")
    rel = RELATION_WORDS.get(prep, "on")
    part = m.group("wtime") or m.group("wpart") or (prep if prep in {"early", "late", "overnight"} else None)
    if prep.startswith("in the early hours"):
        part = "early"
    return DateExpr(m.start(), m.end(), m.group(0), "weekday", rel, weekday=WEEKDAYS[m.group("wd")],
                    direction=direction, part=part)  # fmt: skip


def _week_bounds(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def month_bounds(y: int, mo: int) -> tuple[date, date]:
    return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])


def _shift_month(y: int, mo: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (mo - 1) + delta
    return idx // 12, idx % 12 + 1


def _unit_span(unit: str, which: str, pub: date) -> tuple[date, date, str]:
    """The calendar week/month/year that is ``this`` / ``last`` / ``next`` relative to pub."""
    step = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "week":
        first, last = _week_bounds(pub + timedelta(days=7 * step))
        return first, last, "week"
    if unit == "month":
        y, mo = _shift_month(pub.year, pub.month, step)
        first, last = month_bounds(y, mo)
        return first, last, "month"
    y = pub.year + step
    return date(y, 1, 1), date(y, 12, 31), "year"


def narrow(first: date, last: date, part: str | None) -> tuple[date, date]:
    """Early/mid/late part of a span: its first, middle or last third."""
    if part not in {"early", "mid", "late"}:
        return first, last
    days = (last - first).days + 1
    third = max(1, days // 3)
    if part == "early":
        return first, first + timedelta(days=third - 1)
    if part == "mid":
        return first + timedelta(days=third), first + timedelta(days=days - third - 1)
    return last - timedelta(days=third - 1), last


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _make_period(m: re.Match[str]) -> DateExpr | None:
    """ "the past 24 hours", "over the last four days": a period ending on the publication date."""
    n = _count(m.group("num")) if m.group("num") else 1
    unit = m.group("unit").lower().rstrip("s")
    days = max(1, round(n / 24)) if unit == "hour" else n * _UNIT_DAYS[unit]
    if days > 3660:
        return None

    def fn(pub: date) -> tuple[date, date, str]:
        precision = "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 62 else "year"
        return pub - timedelta(days=days), pub, precision

    return DateExpr(m.start(), m.end(), m.group(0), "period", "between", relative=fn)


def _make_ago(m: re.Match[str]) -> DateExpr | None:
    n = _count(m.group("num"))
    unit = m.group("unit").lower().rstrip("s")
    if unit == "hour":
        return None

    def fn(pub: date) -> tuple[date, date, str]:
        if unit == "day":
            d = pub - timedelta(days=n)
            return d, d, "day"
        if unit == "week":
            d = pub - timedelta(days=7 * n)
            first, last = _week_bounds(d)
            return first, last, "week"
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            first, last = month_bounds(y, mo)
            return first, last, "month"
        return date(pub.year - n, 1, 1), date(pub.year - n, 12, 31), "year"

    return DateExpr(m.start(), m.end(), m.group(0), "relative", _relation(m), relative=fn)


_DAY_OFFSETS = {
    "today": 0, "earlier today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
    "this evening": 0, "yesterday": -1, "last night": -1, "the day before yesterday": -2,
    "tomorrow": 1, "the day after tomorrow": 2,
}  # fmt: skip


def _make_day_word(m: re.Match[str]) -> DateExpr | None:
    key = " ".join(m.group("dword").lower().split())
    offset = _DAY_OFFSETS[key]
    part = m.group("dtime")

    def fn(pub: date) -> tuple[date, date, str]:
        d = pub + timedelta(days=offset)
        return d, d, "day"

    return DateExpr(m.start(), m.end(), m.group(0), "relative", _relation(m), part=part, relative=fn)


def _make_later(m: re.Match[str]) -> DateExpr | None:
    """ "four days later", "a week later", "the next day": counted from the date the text gave just before
    (``relative`` takes that date, not the publication date; kind ``anchored``)."""
    num = m.group("num")
    n = _count(num) if num else 1
    unit = (m.group("unit") or "day").lower().rstrip("s")
    days = n * _UNIT_DAYS.get(unit, 1)
    if unit not in ("day", "week") or days > 62:
        return None

    def fn(anchor: date) -> tuple[date, date, str]:
        d = anchor + timedelta(days=days)
        return d, d, "day" if unit == "day" else "week"

    return DateExpr(m.start(), m.end(), m.group(0), "anchored", "on", relative=fn)


def _make_weekend(m: re.Match[str]) -> DateExpr | None:
    which = (m.group("which") or "").lower()

    def fn(pub: date) -> tuple[date, date, str]:
        back = (pub.weekday() - 5) % 7  # days back to the latest Saturday on or before pub
        sat = pub - timedelta(days=back)
        if which == "last" and back < 2:  # "last weekend" said on the weekend: the one before
            sat -= timedelta(days=7)
        if which == "next":
            sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        return sat, sat + timedelta(days=1), "week"

    return DateExpr(m.start(), m.end(), m.group(0), "relative", _relation(m), relative=fn)


def _make_bare_month(m: re.Match[str]) -> DateExpr | None:
    prep = m.group("mprep") or "in"
    expr = DateExpr(m.start(), m.end(), m.group(0), "month", month=MONTHS[m.group("month")], part=_part(m))
    word = prep.lower()
    expr.direction = "last" if word == "last" else "next" if word == "next" else "past"
    expr.relation = RELATION_WORDS.get(word, "on")
    if word in {"early", "late"}:
        expr.part = word
    return expr


def _make_month_rel_year(m: re.Match[str]) -> DateExpr | None:
    """ "June last year", "on 4 March this year" (the year counted from the publication year)."""
    month = MONTHS[m.group("month")]
    step = {"last": -1, "this": 0, "next": 1}[m.group("which")]
    raw_day = m.group("day") or m.group("dayb")
    day = int(raw_day) if raw_day else None
    if day is not None and not _valid(None, month, day):
        return None
    prep = (m.group("mprep") or "").lower()
    part = prep if prep in {"early", "late", "mid"} else None

    def fn(pub: date) -> tuple[date, date, str]:
        year = pub.year + step
        if day is not None:
            d = date(year, month, min(day, calendar.monthrange(year, month)[1]))
            return d, d, "day"
        first, last = narrow(*month_bounds(year, month), part)
        return first, last, "month"

    return DateExpr(m.start(), m.end(), m.group(0), "relative", RELATION_WORDS.get(prep, "on"), part=part,
                    relative=fn)  # fmt: skip


def _make_calendar_unit(m: re.Match[str]) -> DateExpr | None:
    """ "last week", "earlier this month", "the end of next year", "the beginning of the month"."""
    which = (m.groupdict().get("which") or "this").lower()
    unit = m.group("unit").lower()
    lead = " ".join((m.groupdict().get("lead") or "").lower().split())
    part: str | None = None
    if lead.startswith("earlier"):
        part = "early_to_pub"
    elif lead.startswith("later"):
        part = "late_from_pub"
    elif "beginning" in lead or "start" in lead or lead.startswith("early"):
        part = "early"
    elif "end" in lead or lead.startswith("late"):
        part = "late"
    elif "middle" in lead or lead.startswith("mid"):
        part = "mid"

    def fn(pub: date) -> tuple[date, date, str]:
        first, last, precision = _unit_span(unit, which, pub)
        if part == "early_to_pub":
            return first, min(last, pub), precision
        if part == "late_from_pub":
            return max(first, pub), last, precision
        first, last = narrow(first, last, part)
        return first, last, precision

    rel = RELATION_WORDS.get((m.groupdict().get("rel") or "").lower(), "on")
    return DateExpr(m.start(), m.end(), m.group(0), "relative", rel, part=part, relative=fn)


_F = re.IGNORECASE
PATTERNS: list[tuple[str, re.Pattern[str], Builder]] = [
    # "6-10 January 2026", "between 6 and 10 January"
    (
        "day_range_dmy",
        re.compile(
            rf"(?:(?:[Ff]rom|[Bb]etween)\s+)?(?<![\d/.-])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|until)\s*"
            rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
        ),
        _make_day_range,
    ),
    # "January 6-10, 2026"
    (
        "day_range_mdy",
        re.compile(
            rf"(?:(?:[Ff]rom|[Bb]etween)\s+)?{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*"
            rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?![\d:])(?:,?\s+{_YEAR})?"
        ),
        _make_day_range,
    ),
    (
        "iso",
        re.compile(
            _REL_PREFIX + r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"
        ),
        _make_iso,
    ),
    # "24.08.2013" (dotted: day first), "21/08/2013", "08-21-2013" only when unambiguous (a part above 12)
    (
        "numeric",
        re.compile(
            r"(?<![\d/.:-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d/.-]\d|\d)"
        ),
        _make_numeric,
    ),
    # "Sun 10 Jul 2016", "7 January 2026", "the 7th of January", "since 3 March"
    (
        "dmy",
        re.compile(
            rf"{_REL_PREFIX}(?:(?P<wdn>{_WD_ANY})\.?,?\s+)?(?<![\d/.,-])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
        ),
        _make_date,
    ),
    # "Thursday, January 8, 2026", "Jan. 7", "March 10"
    (
        "mdy",
        re.compile(
            rf"{_REL_PREFIX}(?:(?P<wdn>{_WD_ANY})\.?,?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\d,]\d)"
        ),
        _make_date,
    ),
    # "December 2024", "early March 2025", "the end of June 2025"
    ("month_year", re.compile(rf"{_REL_PREFIX}{_PART_RE}{_MONTH},?\s+(?:of\s+)?{_YEAR}"), _make_month_year),
    # "in March", "last March", "since May", "mid-April"
    (
        "bare_month",
        re.compile(
            r"(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?(?:beginning|start|middle|end)\s+of)[\s-]+|"
            r"(?P<mprep>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Tt]hroughout|[Ll]ast|[Nn]ext|[Bb]efore|"
            r"[Aa]fter|[Ff]rom|[Oo]f|[Ll]ate|[Ee]arly)\s+(?:(?:early|mid|late)[\s-]+)?)"
            rf"{_MONTH_FULL}(?!\s*\d)"
        ),
        _make_bare_month,
    ),
    (
        "year_range",
        re.compile(
            rf"(?<![\d,.])(?:[Bb]etween\s+|[Ff]rom\s+)?{_YEAR}\s*(?:-|–|—|to|and|until)\s*(?P<year2>(?:19|20)\d\d|\d\d)"
            rf"(?![\d,.]\d|\d)(?!\s+(?:{_COUNT_NOUNS})\b)"
        ),
        _make_year_range,
    ),
    # "in 2018", "since 2011", "the end of 2024", "the 2025 clashes", "2019's"
    (
        "year",
        re.compile(
            r"(?:(?P<yprep>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter|[Ff]rom|"
            r"[Ee]arly|[Mm]id|[Ll]ate|[Tt]he\s+(?:beginning|start|middle|end|summer|winter|spring|autumn|fall)"
            rf"\s+of)[\s-]+|(?=(?:19|20)\d\d\s+(?:{_EVENT_NOUNS})\b))"
            rf"(?<![\d,.]){_YEAR}"
            rf"(?!\s+(?:{_COUNT_NOUNS})\b)"
        ),
        _make_year,
    ),
    # "on Thursday", "early Friday", "Tuesday night"; not "Friday prayers" or "Good Friday"
    (
        "weekday",
        re.compile(
            rf"(?<!Good\s)(?<!Black\s)(?<!Bloody\s)(?<!Holy\s)(?<!Palm\s)(?<!Easter\s)(?<!Ash\s)"
            rf"{_WD_PREFIX}(?P<wd>{_WD_FULL})(?![A-Za-z]){_WD_SUFFIX}(?!\s+(?:prayers?|sermons?|market|mass)\b)"
            r"(?!\s+(?:Times|Telegraph|Express|Mail|Herald|Post|Tribune|Mirror|Observer|Independent)\b)"
        ),
        _make_weekday,
    ),
    # "in June last year", "March of this year"
    (
        "month_rel_year",
        re.compile(
            rf"(?:(?P<mprep>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?"
            rf"(?:(?P<dayb>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}"
            r"(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b"
        ),
        _make_month_rel_year,
    ),
    (
        "day_word",
        re.compile(
            r"(?P<rel>since\s+|until\s+|by\s+|as\s+of\s+)?(?P<dword>the\s+day\s+before\s+yesterday|the\s+day\s+after"
            r"\s+tomorrow|earlier\s+today|yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|"
            r"this\s+afternoon|this\s+evening)\b(?:\s+(?P<dtime>morning|afternoon|evening|night))?",
            _F,
        ),
        _make_day_word,
    ),
    (
        "calendar_unit",
        re.compile(
            r"(?:(?P<rel>since|until|by)\s+)?(?P<lead>(?:earlier|later)\s+|(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+"
            r"|early\s+|late\s+|mid-?)?(?P<which>this|last|next)\s+(?P<unit>week|month|year)"
            r"(?![\w-])(?!'s\s+\w+\s+(?:days|weeks))",
            _F,
        ),
        _make_calendar_unit,
    ),
    (
        "calendar_unit_the",
        re.compile(
            r"(?:(?P<rel>since|until|by)\s+)?(?P<lead>(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+)the\s+"
            r"(?P<unit>week|month|year)\b",
            _F,
        ),
        _make_calendar_unit,
    ),
    (
        "period",
        re.compile(
            rf"(?:(?:in|over|during|within|for|throughout)\s+)?the\s+(?:past|last)\s+(?:{_NUM}\s+)?"
            r"(?P<unit>hours|days|weeks|months|years|hour|day|week|month|year)\b",
            _F,
        ),
        _make_period,
    ),
    (
        "ago",
        re.compile(rf"{_REL_PREFIX}{_NUM}\s+(?P<unit>hours?|days?|weeks?|months?|years?)\s+ago\b", _F),
        _make_ago,
    ),
    (
        "later",
        re.compile(
            rf"(?:{_NUM}\s+(?P<unit>days?|weeks?)\s+(?:later|afterwards|after\s+that)"
            r"|the\s+(?:next|following)\s+day)\b",
            _F,
        ),
        _make_later,
    ),
    (
        "weekend",
        re.compile(
            r"(?:(?:over|during|at|on)\s+)?(?:the\s+(?:past\s+)?|(?P<which>last|this|next)\s+(?:past\s+)?)"
            r"weekend\b",
            _F,
        ),
        _make_weekend,
    ),
]

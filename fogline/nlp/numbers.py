"""Read quantities of people out of words: "155,000", "1.2 million", "twenty-three", "at least 38", "dozens".

The parser works on a list of lower-cased word strings (spaCy token texts, or ``split_words(text)``), so it
is usable with or without a pipeline. Each quantity is a range ``low..high`` with a ``Qualifier``:

- exact numbers: ``low == high == value`` (``EXACT``);
- "at least N": ``low = N``, ``high = None`` (``AT_LEAST``);
- "more than / over N": ``low = N + 1``, ``high = None`` (``MORE_THAN``);
- "up to / as many as N": ``low = 0``, ``high = N`` (``AT_MOST``); "fewer than / under N": ``high = N - 1``
  (``LESS_THAN``); "nearly / almost N": ``high = N - 1``, ``low = 90 % of N`` (``LESS_THAN``): the text
  says the count is close to N;
- "about / around / some / roughly / an estimated N": ``low == high == N`` (``ABOUT``): the figure is kept as
  written and the qualifier tells the reader it is approximate;
- "between 10 and 15", "10 to 15", "10-15": ``low = 10``, ``high = 15`` (``EXACT``, a range);
- vague amounts ("dozens", "hundreds", "tens of thousands", "several", "a few") are ranges with ``VAGUE``.
  ``dozens`` is 12..99 (ACLED codes it 12). ``acled_value`` gives ACLED's conventional count ("dozens" → 12,
  "several" → 10, "hundreds" → 100): the range says what the word means, ACLED's value how ACLED codes it.

"many", "a large number", "scores of people" without a count are not figures ("scores" is, as 40..99).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fogline.schema import Qualifier

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# vague word -> (low, high, ACLED's conventional value)
VAGUE: dict[str, tuple[int, int, int]] = {
    "dozens": (12, 99, 12),
    "scores": (40, 99, 40),
    "hundreds": (200, 999, 100),
    "thousands": (2_000, 9_999, 1_000),
    "millions": (2_000_000, 9_999_999, 1_000_000),
    "several": (3, 9, 10),
    "a few": (2, 5, 3),
    "a handful": (2, 5, 3),
    "tens": (20, 99, 20),
}
# "tens of thousands", "hundreds of thousands": the vague word times the next scale
VAGUE_MULTIPLIERS = {"tens": (2, 9), "hundreds": (2, 9), "dozens": (2, 9), "several": (3, 9), "a few": (2, 5)}

# qualifier words before a number: phrase (as a tuple of words) -> qualifier
PREFIXES: dict[tuple[str, ...], Qualifier] = {
    ("at", "least"): Qualifier.AT_LEAST,
    ("no", "fewer", "than"): Qualifier.AT_LEAST,
    ("no", "less", "than"): Qualifier.AT_LEAST,
    ("a", "minimum", "of"): Qualifier.AT_LEAST,
    ("more", "than"): Qualifier.MORE_THAN,
    ("over",): Qualifier.MORE_THAN,
    ("well", "over"): Qualifier.MORE_THAN,
    ("well", "above"): Qualifier.MORE_THAN,
    ("above",): Qualifier.MORE_THAN,
    ("upwards", "of"): Qualifier.MORE_THAN,
    ("in", "excess", "of"): Qualifier.MORE_THAN,
    ("up", "to"): Qualifier.AT_MOST,
    ("as", "many", "as"): Qualifier.AT_MOST,
    ("no", "more", "than"): Qualifier.AT_MOST,
    ("a", "maximum", "of"): Qualifier.AT_MOST,
    ("fewer", "than"): Qualifier.LESS_THAN,
    ("less", "than"): Qualifier.LESS_THAN,
    ("under",): Qualifier.LESS_THAN,
    ("nearly",): Qualifier.LESS_THAN,
    ("almost",): Qualifier.LESS_THAN,
    ("close", "to"): Qualifier.LESS_THAN,
    ("about",): Qualifier.ABOUT,
    ("around",): Qualifier.ABOUT,
    ("some",): Qualifier.ABOUT,
    ("approximately",): Qualifier.ABOUT,
    ("approx",): Qualifier.ABOUT,
    ("roughly",): Qualifier.ABOUT,
    ("an", "estimated"): Qualifier.ABOUT,
    ("estimated",): Qualifier.ABOUT,
    ("some", "estimated"): Qualifier.ABOUT,
    ("an", "approximate"): Qualifier.ABOUT,
    ("circa",): Qualifier.ABOUT,
}
_PREFIX_MAX = max(len(p) for p in PREFIXES)
_NEARLY = {"nearly", "almost", "close"}

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$")
_WORD_SPLIT = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z]+(?:\.[A-Za-z]\.?)*|[^\sA-Za-z\d]")


@dataclass(frozen=True)
class Quantity:
    """A quantity found at words[start:end] (``start`` includes the qualifier words)."""

    start: int
    end: int
    low: int
    high: int | None
    qualifier: Qualifier
    value: int  # the number as written (38 for "more than 38"; 12 for "dozens", ACLED's value)
    number_start: int  # where the number itself starts (after the qualifier)
    vague: str | None = None  # the vague word ("dozens") when the amount has no digits

    @property
    def acled_value(self) -> int:
        """ACLED's most conservative count for this quantity."""
        if self.vague is not None:
            return self.value
        if self.qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
            return self.value if self.high is None else max(self.low, min(self.value, self.high + 1))
        return self.value if self.qualifier == Qualifier.MORE_THAN else self.low


def split_words(text: str) -> list[str]:
    """Lower-cased words roughly as spaCy splits them (digits with separators stay whole)."""
    return [w.lower() for w in _WORD_SPLIT.findall(text)]


def _digits(word: str) -> float | None:
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    return None


def _number_words(words: list[str], i: int) -> tuple[int, int] | None:
    """Number words from words[i]: "twenty - three", "two hundred and fifty", "one thousand". (value, end)."""
    total = current = 0
    last = ""  # kind of the previous number word: unit, tens, hundred, scale
    j = i
    while j < len(words):
        w = words[j]
        if w in UNITS and last in ("", "tens", "hundred", "scale"):
            current += UNITS[w]
            last = "unit"
        elif w in TENS and last in ("", "hundred", "scale"):
            current += TENS[w]
            last = "tens"
        elif w == "hundred" and last in ("unit", "tens"):
            current *= 100
            last = "hundred"
        elif w in SCALES and w != "hundred" and last in ("unit", "tens", "hundred"):
            total += current * SCALES[w]
            current = 0
            last = "scale"
        elif (w == "-" and last == "tens" and j + 1 < len(words) and words[j + 1] in UNITS) or (
            w == "and"
            and last in ("hundred", "scale")
            and j + 1 < len(words)
            and (words[j + 1] in UNITS or words[j + 1] in TENS)
        ):
            j += 1
            continue
        else:
            break
        j += 1
    if not last:
        return None
    return total + current, j


def read_number(words: list[str], i: int) -> tuple[int, int] | None:
    """The exact number at words[i] (digits, digits with scale, number words, "a dozen"): (value, end)."""
    if i >= len(words):
        return None
    w = words[i]
    m = _DIGITS_SCALE.match(w)
    if m:
        return round(float(m.group(1)) * SHORT_SCALES[m.group(2)]), i + 1
    num = _digits(w)
    if num is not None:
        j = i + 1
        if j < len(words) and words[j] in SCALES and words[j] != "hundred":
            return round(num * SCALES[words[j]]), j + 1
        if j < len(words) and words[j] in SHORT_SCALES and (j + 1 >= len(words) or words[j + 1] != "."):
            return round(num * SHORT_SCALES[words[j]]), j + 1
        if num != int(num):
            return None  # "2.5" people is no count
        return int(num), j
    if w in ("a", "one") and i + 1 < len(words) and words[i + 1] == "dozen":
        return 12, i + 2
    if w == "a" and i + 1 < len(words) and words[i + 1] in ("hundred", "thousand", "million"):
        return SCALES[words[i + 1]], i + 2
    return _number_words(words, i)


def _vague(words: list[str], i: int) -> tuple[int, int, int, str, int] | None:
    """A vague amount at words[i]: (low, high, acled value, word, end)."""
    w = words[i]
    key = w
    j = i + 1
    if w == "a" and j < len(words) and words[j] in ("few", "handful"):
        key = f"a {words[j]}"
        j += 1
    if (
        key in VAGUE_MULTIPLIERS
        and j + 1 < len(words)
        and words[j] == "of"
        and words[j + 1] in ("thousands", "millions")
    ):
        lo_mul, hi_mul = VAGUE_MULTIPLIERS[key]
        scale = 1_000 if words[j + 1] == "thousands" else 1_000_000
        base = {"tens": 10, "hundreds": 100, "dozens": 12}.get(key, 1)
        return (
            lo_mul * base * scale,
            (hi_mul + 1) * base * scale - 1,
            base * scale,
            f"{key} of {words[j + 1]}",
            j + 2,
        )
    if key in ("several", "a few") and j < len(words) and words[j] in ("hundred", "thousand", "dozen"):
        scale = {"hundred": 100, "thousand": 1_000, "dozen": 12}[words[j]]
        lo_mul, hi_mul = VAGUE_MULTIPLIERS[key]
        return lo_mul * scale, hi_mul * scale, lo_mul * scale, f"{key} {words[j]}", j + 1
    if key not in VAGUE:
        return None
    if key == "tens":  # only "tens of thousands" (handled above) is an amount
        return None
    low, high, acled = VAGUE[key]
    return low, high, acled, key, j


# words a quantity may start with besides digits ("at least", "some", "dozens", "twenty", "a dozen")
STARTS = (
    {p[0] for p in PREFIXES}
    | {k.split()[0] for k in VAGUE}
    | set(VAGUE_MULTIPLIERS)
    | set(UNITS)
    | set(TENS)
    | {"between", "a", "one"}
)


_PREFIX_FIRST = frozenset(p[0] for p in PREFIXES)  # a qualifier prefix ("at least") starts with one of these


def may_start_quantity(word: str) -> bool:
    """A cheap test before ``read_quantity``: False when no quantity can start with this lower-cased word."""
    return word[:1].isdigit() or word in STARTS


def read_quantity(words: list[str], i: int) -> Quantity | None:
    """The quantity starting at words[i] (qualifier included), or None."""
    qualifier = Qualifier.EXACT
    start = i
    for size in range(_PREFIX_MAX, 0, -1) if words[i : i + 1] and words[i] in _PREFIX_FIRST else ():
        phrase = tuple(words[i : i + size])
        found = len(phrase) == size and phrase in PREFIXES and i + size < len(words)
        if found and (read_number(words, i + size) or _vague(words, i + size)):
            qualifier = PREFIXES[phrase]
            i += size
            break
    if qualifier == Qualifier.EXACT and words[i : i + 1] == ["between"]:
        first = read_number(words, i + 1)
        if first and first[1] < len(words) and words[first[1]] in ("and", "to", "-", "–"):
            second = read_number(words, first[1] + 1)
            if second and second[0] > first[0]:
                return Quantity(start, second[1], first[0], second[0], Qualifier.EXACT, first[0], i + 1)
    vague = _vague(words, i)
    if vague is not None:
        low, high, acled, word, end = vague
        return Quantity(start, end, low, high, Qualifier.VAGUE, acled, i, vague=word)
    number = read_number(words, i)
    if number is None:
        return None
    value, end = number
    # "10 to 15", "10-15", "10 or 12"
    if end + 1 < len(words) and words[end] in ("to", "-", "–", "or") and qualifier == Qualifier.EXACT:
        second = read_number(words, end + 1)
        same_kind = (_digits(words[end + 1]) is None) == (_digits(words[i]) is None)
        if second and value < second[0] <= value * 10 and same_kind:
            return Quantity(start, second[1], value, second[0], Qualifier.EXACT, value, i)
    return _qualified(start, end, value, qualifier, i, words[start])


def _qualified(
    start: int, end: int, value: int, qualifier: Qualifier, number_start: int, first: str
) -> Quantity:
    if qualifier == Qualifier.AT_LEAST:
        return Quantity(start, end, value, None, qualifier, value, number_start)
    if qualifier == Qualifier.MORE_THAN:
        return Quantity(start, end, value + 1, None, qualifier, value, number_start)
    if qualifier == Qualifier.AT_MOST:
        return Quantity(start, end, 0, value, qualifier, value, number_start)
    if qualifier == Qualifier.LESS_THAN:
        low = int(value * 0.9) if first in _NEARLY else 0
        return Quantity(start, end, low, max(value - 1, 0), qualifier, value, number_start)
    return Quantity(start, end, value, value, qualifier, value, number_start)


def parse_quantity(text: str) -> Quantity | None:
    """Parse a whole phrase ("at least 38", "tens of thousands"); None unless it is one quantity."""
    words = split_words(text)
    q = read_quantity(words, 0)
    return q if q is not None and q.end == len(words) else None


def parse_number(text: str) -> int | None:
    """The exact number a phrase spells ("155,000", "twenty-three", "1.2 million"); None otherwise."""
    words = split_words(text)
    got = read_number(words, 0)
    return got[0] if got is not None and got[1] == len(words) else None

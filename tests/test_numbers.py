"""Reading quantities: digits, number words, vague amounts, qualifiers and ranges."""

from __future__ import annotations

import pytest

from fogline.nlp.numbers import may_start_quantity, parse_number, parse_quantity, read_quantity, split_words
from fogline.schema import Qualifier


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("155,000", 155_000),
        ("1.2 million", 1_200_000),
        ("2m", 2_000_000),
        ("40k", 40_000),
        ("thirteen", 13),
        ("twenty-three", 23),
        ("one", 1),
        ("a dozen", 12),
        ("two hundred", 200),
        ("two hundred and fifty", 250),
        ("three thousand five hundred", 3_500),
        ("a hundred", 100),
        ("ninety-nine", 99),
    ],
)
def test_exact_numbers(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["2.5", "many", "a large number", "twenty twenty", "dozens"])
def test_not_exact_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high", "acled"),
    [
        ("dozens", 12, 99, 12),
        ("scores", 40, 99, 40),
        ("hundreds", 200, 999, 100),
        ("thousands", 2_000, 9_999, 1_000),
        ("tens of thousands", 20_000, 99_999, 10_000),
        ("hundreds of thousands", 200_000, 999_999, 100_000),
        ("several", 3, 9, 10),
        ("a few", 2, 5, 3),
        ("several hundred", 300, 900, 300),
    ],
)
def test_vague_amounts_are_ranges(text: str, low: int, high: int, acled: int) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.high, q.qualifier, q.acled_value) == (low, high, Qualifier.VAGUE, acled)
    assert q.vague == text


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "acled"),
    [
        ("at least 38", 38, None, Qualifier.AT_LEAST, 38),
        ("over 115", 116, None, Qualifier.MORE_THAN, 115),
        ("more than 100", 101, None, Qualifier.MORE_THAN, 100),
        ("well over 1,000", 1_001, None, Qualifier.MORE_THAN, 1_000),
        ("up to 20", 0, 20, Qualifier.AT_MOST, 20),
        ("fewer than 10", 0, 9, Qualifier.LESS_THAN, 10),
        ("nearly 100", 90, 99, Qualifier.LESS_THAN, 100),
        ("around 155,000", 155_000, 155_000, Qualifier.ABOUT, 155_000),
        ("an estimated 5,000", 5_000, 5_000, Qualifier.ABOUT, 5_000),
        ("some 40", 40, 40, Qualifier.ABOUT, 40),
        ("between 10 and 15", 10, 15, Qualifier.EXACT, 10),
        ("10 to 15", 10, 15, Qualifier.EXACT, 10),
        ("10-15", 10, 15, Qualifier.EXACT, 10),
        ("at least a dozen", 12, None, Qualifier.AT_LEAST, 12),
    ],
)
def test_qualifiers(text: str, low: int, high: int | None, qualifier: Qualifier, acled: int) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.high, q.qualifier, q.acled_value) == (low, high, qualifier, acled)


def test_quantity_inside_words_keeps_positions() -> None:
    words = split_words("Shelling killed at least 12 people in Kharkiv")
    q = read_quantity(words, 2)
    assert q is not None
    assert (q.start, q.number_start, q.end) == (2, 4, 5)
    assert read_quantity(words, 0) is None


def test_some_and_over_without_a_number_are_not_quantities() -> None:
    assert parse_quantity("some") is None
    assert parse_quantity("over") is None
    assert parse_quantity("tens") is None


def test_the_cheap_precheck_never_hides_a_quantity() -> None:
    text = (
        "At least 12 were killed, some 3,000 fled and no fewer than twenty-one were held; a dozen, a few, "
        "dozens, tens of thousands, between 5 and 9, 1.2 million and 40k were counted in Tigray and Amhara."
    )
    words = split_words(text)
    for i in range(len(words)):
        if read_quantity(words, i) is not None:
            assert may_start_quantity(words[i]), words[i]
    assert not may_start_quantity("shelling") and not may_start_quantity("tigray")

"""``fogline.nlp.fastre``: the first-character lookahead must never change what a pattern matches."""

from __future__ import annotations

import re

import pytest

from fogline.nlp.fastre import with_first_char_filter

TEXT = (
    "Officials in the district condemned the raid; the governor REJECTED the claims and re-affirmed "
    "that aid would resume. Residents were deeply concerned, denied reports of looting and (again) "
    "called for calm. Al-Rashid Clinic and el-Amin school reopened."
)

PATTERNS = [
    (r"\b(?:condemn(?:s|ed)?|reject(?:s|ed)?|(?:re)?[- ]?affirm(?:ed)?|call(?:ed)? for)\b", re.I),
    (r"(?<![\w-])(?:governor|officials?|residents)(?![\w-])", re.I),
    (r"(?:deeply|gravely) concerned", re.I),
    (r"((?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w'-]*\s+){1,3}(?=clinic|school|Clinic)", 0),
    (r"[d-f]\w+", 0),
]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_filtered_pattern_finds_the_same_matches(source: str, flags: int) -> None:
    plain = re.compile(source, flags)
    fast = with_first_char_filter(plain)
    assert fast.pattern != plain.pattern  # a lookahead was added
    assert [m.span() for m in fast.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert [m.groups() for m in fast.finditer(TEXT)] == [m.groups() for m in plain.finditer(TEXT)]


@pytest.mark.parametrize("source", [r"\w+ said", r"(?:x|)", r"(?i)abc", r"a?b*", r".ffirm"])
def test_patterns_without_a_known_first_character_are_kept(source: str) -> None:
    plain = re.compile(source)
    assert with_first_char_filter(plain) is plain


def test_named_groups_survive() -> None:
    fast = with_first_char_filter(re.compile(r"\b(?:(?P<deny>denied)|(?P<call>called for))\b"))
    assert [m.lastgroup for m in fast.finditer(TEXT)] == ["deny", "call"]

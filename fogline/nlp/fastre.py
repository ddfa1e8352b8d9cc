"""Faster regular expressions: a long alternation behind a lookahead on the characters a match can start with.

Python's ``re`` tries a pattern at every position of the text; for an alternation of hundreds of cue phrases
most positions fail only after every branch is tried. ``with_first_char_filter`` computes, from the parsed
pattern, the set of characters a match can begin with and puts a lookahead on that set in front: the matches
are exactly the same, found about twice as fast on prose.
"""

from __future__ import annotations

import re
from typing import Any


def _first_chars(items: Any) -> tuple[set[int], bool] | None:
    """Code points a match of the parsed pattern ``items`` can start with, and whether it can match the
    empty string; None when unknown (an op not handled here)."""
    chars: set[int] = set()
    for op, av in items:
        found = _item_first_chars(getattr(op, "name", str(op)), av)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _item_first_chars(name: str, av: Any) -> tuple[set[int], bool] | None:
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return set(), True  # \\b and other zero-width anchors
    if name == "LITERAL":
        return {av}, False
    if name == "IN":
        chars: set[int] = set()
        for in_op, in_av in av:
            in_name = getattr(in_op, "name", "")
            if in_name == "LITERAL":
                chars.add(in_av)
            elif in_name == "RANGE":
                chars.update(range(in_av[0], in_av[1] + 1))
            else:
                return None
        return chars, False
    if name == "SUBPATTERN":
        return _first_chars(av[-1])
    if name == "BRANCH":
        union: set[int] = set()
        nullable = False
        for branch in av[1]:
            found = _first_chars(branch)
            if found is None:
                return None
            union |= found[0]
            nullable = nullable or found[1]
        return union, nullable
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        found = _first_chars(av[2])
        return None if found is None else (found[0], found[1] or av[0] == 0)
    return None


def with_first_char_filter(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a lookahead on the characters a match can start with: a long alternation is
    then tried only where a match can begin (about twice as fast on prose); unchanged when unknown."""
    found = _first_chars(re._parser.parse(pattern.pattern, pattern.flags))  # type: ignore[attr-defined]
    if found is None or found[1] or not found[0]:
        return pattern
    chars = found[0]
    if pattern.flags & re.I:
        chars |= {ord(c) for ch in list(chars) for c in (chr(ch).lower(), chr(ch).upper()) if len(c) == 1}
    klass = "".join(re.escape(chr(c)) for c in sorted(chars))
    try:
        return re.compile(f"(?=[{klass}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. inline global flags, which must open the pattern
        return pattern


def alternation(words: list[str]) -> str:
    """A regex alternation of lexicon entries, longest first; a space in an entry matches any whitespace."""
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# A list item's marker: a dash or bullet character, or "1." / "2)" (shared by the components that read lists)
BULLET_MARK = r"(?:[-•*▪·–—]|\d{1,2}[.)])"

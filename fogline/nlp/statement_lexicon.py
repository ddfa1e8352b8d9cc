"""The statement lexicon (``data/statements.json``, compiled once) and the persons a document introduces
with a title ("Kenyan President William Ruto").

Used by ``fogline.nlp.statement_speakers`` and ``fogline.nlp.statements``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from fogline.gazetteer.normalize import key_string
from fogline.nlp.extensions import doc_text, doc_value
from fogline.nlp.fastre import with_first_char_filter
from fogline.schema import StatementAct

DATA = Path(__file__).with_name("data") / "statements.json"


_NAME_WORD = (
    r"(?:[A-Z][a-z]{1,3}\.(?=[ \t]+[A-Z])|(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]r|[Aa]z)[-‑])?[A-Z][\w'’&-]*)"
)


_LINK = r"(?:(?:of|for|and|the|de|du|bin|ibn|al)[ \t]+)*"


CAPS = with_first_char_filter(
    re.compile(rf"{_NAME_WORD}(?:[ \t]+{_LINK}{_NAME_WORD})*(?:[ \t]+\([A-Z][\w&.-]*\))?")
)


LOWER_ROLE = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,4}(?:[a-z-]+\s+)?[a-z-]+)\s+$")


_PRECEDING_ROLE = re.compile(r"(?:^|[.;:\n]\s*|\bthe\s+)([A-Z][^,.;:\n]{2,100}),\s+$")


_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|ish|ese|an|i|ch|ic|ean)$")


@dataclass
class _Lexicon:
    acts: re.Pattern[str]  # one alternation, a named group per act, the plain "state" verbs last
    discuss_received: re.Pattern[str]
    discuss_with: re.Pattern[str]
    discuss_plain: re.Pattern[str]
    demands: list[tuple[re.Pattern[str], str]]
    precedence: list[tuple[str, str]]
    org_words: frozenset[str]
    role_re: re.Pattern[str]
    role_words: frozenset[str]
    anaphor_re: re.Pattern[str]
    generic_heads: frozenset[str]
    statement_re: re.Pattern[str]
    function_words: frozenset[str]  # capitalised at a sentence start, never a name
    discuss_any: re.Pattern[str] | None = None  # matches wherever one of the three discuss patterns does
    unique_offices: frozenset[str] = (
        frozenset()
    )  # "the UN Secretary-General" is one person, "a UN official" not


def _spaced(patterns: list[str]) -> str:
    """An alternation of patterns in which a space matches any run of whitespace."""
    return "|".join(p.replace(" ", r"\s+") for p in patterns)


def _trie_alternation(words: list[str]) -> str:
    """``"|".join(re.escape(w) for w in words)`` (words longest first) as a prefix tree: the same matches
    (the longest word that fits wins, and a failed lookahead after it falls back to shorter ones), tried
    one character at a time instead of word by word. Only for distinct lower-case ASCII words (two
    siblings then never match the same character, even with ``re.I``); else the plain alternation."""
    plain = "|".join(re.escape(w) for w in words)
    if any(not w or not w.isascii() or w != w.lower() for w in words) or len(set(words)) != len(words):
        return plain
    if [len(w) for w in words] != sorted((len(w) for w in words), reverse=True):
        return plain
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The statement lexicon, compiled once."""
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    ordered = sorted(data["acts"].items(), key=lambda item: item[0] == StatementAct.STATE.value)
    acts = with_first_char_filter(
        re.compile(
            r"\b(?:" + "|".join(f"(?P<{act}>{_spaced(patterns)})" for act, patterns in ordered) + r")\b", re.I
        )
    )
    roles = sorted(data["role_words"], key=len, reverse=True)
    role_alt = _trie_alternation(roles)
    singular = data["anaphor_heads"]
    plural = [h[:-1] + "ies" if h.endswith("y") else h if h.endswith("s") else h + "s" for h in singular]
    heads = sorted({*singular, *plural}, key=len, reverse=True)
    return _Lexicon(
        acts=acts,
        discuss_received=re.compile(rf"\b(?:{data['discuss']['received']})\s+", re.I),
        discuss_with=re.compile(rf"\b(?:{data['discuss']['with']})\s*", re.I),
        discuss_plain=re.compile(rf"\b(?:{data['discuss']['plain']})\b", re.I),
        demands=[(re.compile(p, re.I), name) for name, p in data["demands"].items()],
        precedence=[(a, b) for a, b in data["demand_precedence"]],
        org_words=frozenset(w.lower() for w in data["org_words"]),
        role_re=with_first_char_filter(re.compile(rf"(?<![\w-])(?:{role_alt})(?![\w-])", re.I)),
        role_words=frozenset(r.lower() for r in roles),
        anaphor_re=re.compile(
            rf"\b(?:the|this|that|these|those)\s+((?:[\w-]+\s+){{0,2}}?(?:{'|'.join(heads)}))\b(?!\s+of\b)",
            re.I,
        ),
        generic_heads=frozenset(data["generic_anaphor_heads"]),
        statement_re=re.compile(
            rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
            rf"(?:([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)(?:['’]s)?\s+)?"
            rf"(?:{'|'.join(re.escape(n) for n in data['statement_nouns'])})\b",
        ),
        function_words=frozenset(data["function_words"]),
        unique_offices=frozenset(data["unique_offices"]),
        discuss_any=with_first_char_filter(
            re.compile(
                rf"\b(?:{data['discuss']['received']})\s+|\b(?:{data['discuss']['with']})\s*|"
                rf"\b(?:{data['discuss']['plain']})\b",
                re.I,
            )
        ),
    )


def is_role_phrase(words: list[str]) -> bool:
    lex = lexicon()
    return bool(words) and all(
        w.lower().rstrip(".") in lex.role_words or w.lower() in lex.role_words or _NATIONALITY.match(w)
        for w in words
    )


def split_title(phrase: str) -> tuple[str | None, str]:
    """("Kenyan President William Ruto") -> ("Kenyan President", "William Ruto"); no title -> (None, phrase).

    The title is everything up to the last role word among leading role words, nationalities, acronyms and
    words right before a role word ("UN Secretary-General", "Syrian Interim President").
    """
    roles = lexicon().role_words
    words = phrase.split()
    last = -1
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        pair = f"{low} {words[i + 1].lower()}" if i + 2 < len(words) else ""
        if low in roles or low.rstrip(".") in roles:
            last = i
        elif pair in roles:
            last = i + 1
        elif not (_NATIONALITY.match(word) or word.isupper() or words[i + 1].lower() in roles):
            break
    if last < 0 or last >= len(words) - 1:
        return None, phrase
    return " ".join(words[: last + 1]), " ".join(words[last + 1 :])


def is_org(name: str) -> bool:
    lex = lexicon()
    words = [w.lower().strip("().,") for w in name.split()]
    return any(w in lex.org_words for w in words) or (len(words) == 1 and name.isupper())


def surname_key(name: str) -> str:
    last = name.split()[-1]
    return key_string(last)


def prescan_persons(doc: Doc) -> dict[str, tuple[str, str | None]]:
    """Full names of persons introduced with a title ("Kenyan President William Ruto"), by surname."""
    persons: dict[str, tuple[str, str | None]] = {}
    text = doc_text(doc)
    role_re = lexicon().role_re
    longest = 2 * max((len(r) for r in lexicon().role_words), default=0) + 2
    # the windows below only move right: a role word found whole inside one (not cut by its end) answers
    # for the next windows that hold it, and a window with none is not searched again
    hit = (-1, len(text) + 1)
    searched_from = 0
    for match in CAPS.finditer(text):
        if " " not in match.group(0):
            continue
        begin, stop = max(0, match.start() - 40), min(len(text), match.end() + 130)
        if not (begin <= hit[0] and hit[1] <= stop):
            found = role_re.search(text, max(begin, searched_from), stop)
            if found is None:
                searched_from = max(0, stop - longest)
                continue  # a person's full name comes with a title nearby
            searched_from = 0
            if found.end() < stop:
                hit = (found.start(), found.end())
        position = match.start()
        for phrase in re.split(r"\s+and\s+", match.group(0)):
            start = text.index(phrase, position)
            position = start + len(phrase)
            _prescan_phrase(persons, text, start, position)
    for mention in doc_value(doc, "mentions") or []:
        entity = (doc_value(doc, "entities") or {}).get(mention.entity_id or "")
        if mention.label == "ACTOR" and entity is not None and entity.type == "person" and " " in entity.name:
            role, _ = split_title(mention.text)
            persons.setdefault(surname_key(entity.name), (entity.name, role))
    return persons


def _prescan_phrase(persons: dict[str, tuple[str, str | None]], text: str, start: int, end: int) -> None:
    lex = lexicon()
    role, name = split_title(text[start:end])
    before = text[max(0, start - 40) : start]
    lower_role = LOWER_ROLE.search(before)
    if role is None and lower_role and lex.role_re.fullmatch(lower_role.group(1).split()[-1]):
        role = lower_role.group(1)
    appositive = re.match(r",\s+(?:the\s+)?([^,.;\n]{3,120}?)[,.]", text[end : end + 130])
    preceding = _PRECEDING_ROLE.search(text[max(0, start - 110) : start])
    if (
        role is None
        and preceding
        and lex.role_re.search(preceding.group(1))
        and not is_org(preceding.group(1))
    ):
        role = preceding.group(1)
    if role is None and appositive and lex.role_re.search(appositive.group(1).split(" of ")[0]):
        role = appositive.group(1)
    words = name.split()
    if role is None or len(words) < 2 or is_org(name) or len(words) > 4 or not words[0][:1].isupper():
        return  # "Head of MINUSCA": "of MINUSCA" is no person
    key = surname_key(name)
    if key not in persons or persons[key][1] is None:
        persons[key] = (name, role)

"""Who a figure is attributed to: "according to X", "X said", "a source from X told", "figures from X"…

Works on one sentence's tokens; returns candidate attributions with token spans so the component can pick the
one nearest to a figure and look up the actor mention under it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Span

from fogline.nlp.figures_lexicon import SAY_VERBS, SOURCE_FIGURE_WORDS, SOURCE_NOUNS, TRANSITIVE
from fogline.nlp.gazetteer_match import token_table

_STOP = {",", ".", ";", ":", "(", ")", "[", "]", '"', "“", "”", "which", "who", "that", "after", "as", "on",
         "when", "while", "and", "but", "to", "since", "with", "told", "said", "says", "in", "at", "this",
         "last", "late", "early", "-", "—", "–", "'", "’"}  # fmt: skip
_NP_INNER = {"of", "for", "the", "'s", "’s", "-", "and", "on", "in"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "which", "who", "that", "there"}
_NOT_SOURCE_HEADS = {"statement", "report", "reports", "figures", "data", "source", "sources", "toll"}
_SOURCE_FROM = {"source", "sources", "official", "officials", "spokesman", "spokesperson", "spokeswoman",
                "member", "members", "doctor", "medic", "figures", "data", "statistics", "estimates",
                "tally", "count", "numbers"}  # fmt: skip
_FROM = {"from", "in", "at", "with", "within", "of", "close"}
_MAX = 10
# lower-case words allowed in a reporting subject ("the local health ministry said")
_SUBJECT_WORDS = {
    "a", "an", "local", "state", "official", "health", "medical", "security", "human", "rights", "activist",
    "opposition", "humanitarian", "news", "government", "un", "u.n.", "civil", "defence", "defense", "pro",
    "regional", "provincial", "district", "military", "public", "society", "ambulance", "service", "services",
    "emergency", "hospital", "police", "army", "tribal", "community", "church", "relief", "interior",
    "foreign", "justice", "information", "federal", "national", "central",
}  # fmt: skip
# words before the source's name in "according to a preliminary assessment by X", "data compiled by X"
_RECORD_LEAD = {
    "a", "an", "preliminary", "initial", "latest", "new", "assessment", "assessments", "collected",
    "compiled", "gathered", "documented", "provided", "published", "released", "issued", "by",
}  # fmt: skip
# a descriptor that makes "sources" a source: "civil society sources", "medical sources", "security sources"
_NOT_DESCRIPTORS = {"a", "an", "official", "human", "rights", "pro", "service", "services"}
_SOURCES_DESCRIPTORS = _SUBJECT_WORDS - _NOT_DESCRIPTORS
_FIGURE_NOUNS = {"figures", "data", "count", "tally", "toll", "estimate", "estimates", "statistics"}
# "the ministry raised the toll to 89", "a source put the number of dead at 300": the subject is the source
_RAISE_VERBS = {"raised", "revised", "put", "updated", "lowered", "increased", "brought", "puts", "raises"}
_RAISE_OBJECTS = _FIGURE_NOUNS | {"number", "figure"}
_RECORD_NOUNS = _FIGURE_NOUNS | {"documentation", "records", "figure", "numbers", "report", "findings"}
_DETERMINERS = {"the", "a", "an"}
# between a subject and its verb
_ADVERBS = {"also", "later", "previously", "earlier", "had", "has", "have", "now", "still", "again"}
_APPOSITIVE_START = {"a", "an", "the"}


@dataclass(frozen=True)
class Attribution:
    start: int  # token indices in the sentence
    end: int
    cue: int  # token index of the cue ("according", "said")


class _Tokens(NamedTuple):
    """One sentence's token lowercase forms and texts (sentence-relative indices)."""

    lowers: list[str]
    texts: list[str]


def _is_name(token_text: str) -> bool:
    return token_text[:1].isupper() or any(c.isupper() for c in token_text[1:3])


def _trim(tx: _Tokens, start: int, end: int) -> tuple[int, int] | None:
    """Strip figure words ("figures from", "the latest data of"), "X-based" descriptors and trailing glue."""
    words = tx.lowers
    while start < end and not any(c.isalnum() for c in words[start]):
        start += 1  # "** - Police spokesman X": markup and dashes before the name
    while start < end and (
        words[start] in SOURCE_FIGURE_WORDS or words[start] in ("'s", "’s") or words[start] in _RECORD_LEAD
    ):
        start += 1  # "a preliminary assessment by the Mission", "data collected by the X": the X
    # "UK-based", "Kurdish-led" descriptors before a name
    while start + 2 < end and words[start + 1] == "-" and words[start + 2] in ("based", "run", "funded"):
        start += 3
    if end - start > 2 and words[end - 2] in ("'s", "’s") and words[end - 1] in _RECORD_NOUNS:
        end -= 2  # "according to the monitor's documentation": the monitor
    while end > start and words[end - 1] in _NP_INNER | _ADVERBS | {"'s", "’s"}:
        end -= 1
    if end - start > 1 and words[end - 1] in ("source", "sources") and _is_name(tx.texts[end - 2]):
        end -= 1  # "a United Nations source": the organisation
    if start >= end:
        return None
    texts = [tx.texts[i] for i in range(start, end)]
    has_name = any(_is_name(t) for t in texts if t.isalpha() or "." in t)
    if not has_name and words[end - 1] not in SOURCE_NOUNS:
        return None
    described = words[end - 1] == "sources" and end - start >= 2 and words[end - 2] in _SOURCES_DESCRIPTORS
    if described and not has_name:
        return start, end
    if words[end - 1] in _NOT_SOURCE_HEADS or (end - start == 1 and words[start] in _PRONOUNS):
        return None
    return start, end


def _forward(tx: _Tokens, i: int) -> int:
    """End of the name phrase that starts at token i."""
    j = i
    while j < len(tx.lowers) and j - i < _MAX and tx.lowers[j] not in _STOP:
        j += 1
    # "the UK-based …": keep hyphens inside the phrase
    if j < len(tx.lowers) and tx.texts[j] == "-" and j + 1 < len(tx.lowers) and j - i < _MAX:
        return _forward(tx, j + 1)
    return j


def _backward(tx: _Tokens, verb: int) -> int | None:
    """Start of the subject phrase ending just before the reporting verb at token ``verb``."""
    j = verb - 1
    while j >= 0 and tx.lowers[j] in _ADVERBS:
        j -= 1
    if j > 0 and tx.texts[j] == ")":  # "Jama'at Nusrat al-Islam (JNIM) claimed": the name before the bracket
        k = j - 1
        while k >= 0 and j - k <= 6 and tx.texts[k] != "(":
            k -= 1
        if k >= 0 and tx.texts[k] == "(":
            j = k - 1
    end = j + 1
    if end <= 0:
        return None
    while j >= 0 and end - j <= _MAX:
        low = tx.lowers[j]
        if low in _DETERMINERS and (j == 0 or tx.lowers[j - 1] not in _NP_INNER):
            j -= 1  # "On Sunday the regional prosecutor's office": the determiner opens the subject
            break
        if (
            _is_name(tx.texts[j])
            or low in _NP_INNER
            or low in SOURCE_NOUNS
            or low in _SUBJECT_WORDS
            or (tx.texts[j + 1] == "-" if j + 1 < end else False)
            or (j > 0 and tx.texts[j - 1] == "-")
        ):
            j -= 1
            continue
        break
    start = j + 1
    return start if start < end else None


def _appositive_subject(tx: _Tokens, comma: int) -> tuple[int, int] | None:
    """Subject before an appositive ending at ``comma``: "The X Project, an independent monitor, said",
    "…, Oleh Kiper, the governor of the region, said"."""
    k = comma - 1
    while k >= 0 and comma - k <= 14 and tx.texts[k] not in (",", ";", ".", "(", ")"):
        k -= 1
    if k <= 0 or tx.texts[k] != "," or k + 1 >= comma or tx.lowers[k + 1] not in _APPOSITIVE_START:
        return None
    start = _backward(tx, k)
    if start is None:
        return None
    span = _trim(tx, start, k)
    if span is None or not any(_is_name(tx.texts[m]) for m in range(*span)):
        return None
    if tx.lowers[k + 1] == "the" and span[0] > 0 and tx.texts[span[0] - 1] != ",":
        return None  # a definite appositive only after a name set off by commas
    return span


def _cut_at_violence(tx: _Tokens, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """None when the phrase runs into a violence verb ("Members of the X gang killed…": the perpetrator)."""
    if span is None:
        return None
    for m in range(span[0], span[1]):
        if tx.lowers[m] in TRANSITIVE and m > span[0] and tx.lowers[m - 1] not in _DETERMINERS:
            return None
    return span


_LISTING = {"including", "among", "include", "included", "includes"}


def _listed_victims(words: list[str], i: int) -> bool:
    """True when the word at ``i`` sits in a list of victims opened by "including"/"among" a few words
    before it in the same clause."""
    for k in range(i - 1, max(-1, i - 9), -1):
        if words[k] in _LISTING:
            return True
        if words[k] in (";", ".", ":", "said", "says", "told"):
            return False
    return False


def find_attributions(sent: Span) -> list[Attribution]:
    """Every attribution phrase in the sentence (token spans of the source's name)."""
    table = token_table(sent.doc)
    tx = _Tokens(table.lowers[sent.start : sent.end], table.texts[sent.start : sent.end])
    words = tx.lowers
    found: list[Attribution] = []
    n = len(words)
    for i, w in enumerate(words):
        span: tuple[int, int] | None = None
        if w == "according" and i + 1 < n and words[i + 1] == "to":
            span = _trim(tx, i + 2, _forward(tx, i + 2))
        elif (
            w == "per"
            and i + 1 < n
            and words[i + 1] not in ("cent", "day", "capita", "week", "month", "year")
        ):
            span = _trim(tx, i + 1, _forward(tx, i + 1))
        elif (
            w in _SOURCE_FROM
            and i + 1 < n
            and words[i + 1] in _FROM
            and (i == 0 or words[i - 1] != "according")
        ):
            if i >= 1 and words[i - 1] in ("to", "per"):
                continue
            if w in ("member", "members") and _listed_victims(words, i):
                continue  # "16 dead, including the mayor and members of the council": victims, not a source
            end = _forward(tx, i + 2)
            span = _cut_at_violence(tx, _trim(tx, i + 2, end))
            if (
                span
                and w in ("source", "sources", "official", "officials")
                and not any(_is_name(tx.texts[k]) for k in range(span[0], span[1]))
            ):
                span = None
        elif w in ("'s", "’s") and i + 1 < n and words[i + 1] in _FIGURE_NOUNS:
            start = _backward(tx, i)
            span = _trim(tx, start, i) if start is not None else None
        elif w in SAY_VERBS or (
            w in _RAISE_VERBS and any(words[m] in _RAISE_OBJECTS for m in range(i + 1, min(i + 5, n)))
        ):
            start = _backward(tx, i)
            if start is not None:
                span = _trim(tx, start, i)
            if span is None:
                j = i - 1
                while j > 0 and words[j] in _ADVERBS:
                    j -= 1
                if j > 0 and words[j] == ",":
                    span = _appositive_subject(tx, j)
            if span is None and w in SAY_VERBS and i > 0 and words[i - 1] in (",", '"', "”", "'", "’"):
                # inverted: "…, said the health ministry"
                span = _trim(tx, i + 1, _forward(tx, i + 1))
        if span is not None:
            found.append(Attribution(span[0], span[1], i))
    return found

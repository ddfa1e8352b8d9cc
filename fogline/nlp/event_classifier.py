"""A fast lexical classifier for ACLED sub-event types (and CASE 2021's extra labels).

The model is a reviewable data file, ``data/event_cues.json``:

- ``groups``: named cue lexicons. A cue is a phrase; ``word*`` matches any word starting with ``word``;
  ``...`` allows a gap of up to ``gap`` words. Each group gives weights to labels (``weights``), may be
  resolved by the actor next to it (``resolve``: the agent before the cue or the target after it decides the
  label), and may be ``context`` only (weights nothing, feeds rules and resolvers). A group may ``defer``
  (attribution: "an attack later claimed by…" comments on the event named before it) or be an ``outcome``
  ("damaged" names a result, not an event, so "damaged after a tank exploded" keeps the explosion).
- ``background``: cues just after "after the", "amid", "as part of"… up to the next comma name an earlier
  event or a frame and count less, when the marker opens the sentence or an event cue precedes it.
- ``topic``: words after a protest cue and a topic marker ("a protest over the killing of…") are what the
  protest is about, not the event, and are damped.
- ``rules``: conjunctions of groups (``all``, optional ``none``; ``a|b`` is either; optional ``window``:
  the groups within so many words in one sentence) that add weights: "a protest" plus "lethal force" is
  excessive force against protesters.
- ``modifiers``: negation and modality words; a cue preceded by one counts for little (``damping``).
- ``not_prefixed``: words no ``word*`` cue matches ("protestant" is not "protest*").
- ``priority``: the tie-break order of labels.

Words after the first sentence count less (``later_sentence_factor``): the lead says what happened. A full
stop after an abbreviation or initial ("U.S.", "Gen.") ends no sentence, and a fragment of under three words
(a dateline) is read with the sentence after it. The classifier tokenises with one regular expression and
looks cues up in dictionaries, so it runs at thousands of snippets per second on one core.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from fogline.nlp.acled_taxonomy import BY_LABEL

DATA_PATH = Path(__file__).parent / "data" / "event_cues.json"
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;,:()]")
_CLAUSE_END = {",", ":", "(", ")"}
_SENTENCE_END = {".", "!", "?", ";"}
_PUNCTUATION = _CLAUSE_END | _SENTENCE_END
_START_END = itemgetter(0, 1)  # a hit's (start, -end)
# A full stop after these (or after a single letter: "U.S.") abbreviates, it does not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "brig"),
        *("gov", "govt", "sen", "rep", "st", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
# A "sentence" shorter than this (a dateline, "Homs.", "Dec. 18.") is read with the one that follows.
_MIN_SENTENCE_WORDS = 3
# Capitalised month names that are also cue or modifier words ("March", "May") are not those words.
_MONTHS = re.compile(r"(?<=[^.!?\s]\s)(?:March|May)\b|\b(?:March|May)(?=\s+\d)")


@dataclass(frozen=True)
class Classification:
    """The predicted class of a text, with the cues that decided it."""

    sub_event_type: str  # ACLED name ("Air/drone strike"), or the extra label's name
    event_type: str
    disorder_type: str
    label: str  # CASE 2021 code ("AIR_STRIKE"); "" when no cue matched
    score: float  # the winning label's score (0 when nothing matched)
    cues: list[str] = field(default_factory=list)
    confidence: float = 0.0  # share of the winning label in the positive scores, 0..1
    negated: bool = False  # every cue of the winning label was negated or hypothetical
    scores: dict[str, float] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)  # character spans of the winning cues
    groups_at: dict[str, int] = field(default_factory=dict)  # cue group -> character offset of its first cue


@dataclass(frozen=True)
class _Cue:
    group: str
    text: str
    parts: tuple[tuple[str, bool], ...]  # (word, is_prefix); ("...", False) is a gap


@dataclass
class _Match:
    group: str
    cue: str
    start: int  # token index of the first word
    end: int  # token index after the last word
    sentence: int
    factor: float  # damping for negation/modality and sentence position
    hedged: bool
    char_start: int = 0
    char_end: int = 0
    clause: int = 0
    phrase: int = 0
    aside: bool = False  # a comment on another event or an earlier one: no rule counts it


@dataclass
class _Scored:
    scores: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    cues: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    spans: defaultdict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    hedged: dict[str, bool] = field(default_factory=dict)
    groups_at: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Rule:
    required: list[frozenset[str]]  # each: alternative group names, one must be present
    excluded: list[frozenset[str]]
    name: str
    weights: dict[str, float]
    window: int  # >= 0: the required groups must occur at most this many words apart in one sentence


def _fires(rule: _Rule, present: set[str]) -> bool:
    """Every required group (or one of its alternatives) is present and no excluded one is."""
    for alt in rule.required:
        if present.isdisjoint(alt):
            return False
    return all(present.isdisjoint(alt) for alt in rule.excluded)


@dataclass
class _Group:
    name: str
    weights: dict[str, float]
    resolve: dict[str, Any] | None
    hedge: bool  # negation and modality damp this group's cues
    defer: float = 1.0  # factor for a cue that follows an event cue in its sentence


def _parse_cue(text: str) -> tuple[tuple[str, bool], ...]:
    parts: list[tuple[str, bool]] = []
    for raw in text.lower().replace("-", " ").split():
        if raw == "...":
            parts.append(("...", False))
        elif raw.endswith("*"):
            parts.append((raw[:-1], True))
        else:
            parts.append((raw, False))
    return tuple(parts)


def tokenize(
    text: str, clause_words: frozenset[str] = frozenset()
) -> tuple[list[str], list[int], list[tuple[int, int]], list[int], list[int]]:
    """Lower-cased words (hyphens split), the sentence index of each, their character spans, the clause
    index of each (clauses end at commas, colons, brackets and before ``clause_words``) and the phrase index
    of each (phrases end at punctuation only)."""
    words: list[str] = []
    sentences: list[int] = []
    spans: list[tuple[int, int]] = []
    clauses: list[int] = []
    phrases: list[int] = []
    sentence = clause = phrase = 0
    # same-length substitutions keep character offsets exact
    if "Ma" in text:
        text = _MONTHS.sub(lambda m: "_" * len(m.group()), text)
    lowered = text.lower().replace("-", " ").replace("’", "'")
    if len(lowered) != len(text):
        lowered = "".join(c.lower()[:1] or c for c in text).replace("-", " ").replace("’", "'")
    first = 0  # index of the first word of the current sentence
    add_word, add_sentence, add_span = words.append, sentences.append, spans.append
    add_clause, add_phrase = clauses.append, phrases.append
    for match in _TOKEN.finditer(lowered):
        token = match.group()
        if token in _PUNCTUATION:
            if token in _SENTENCE_END:
                if token == "." and words and match.start() == spans[-1][1]:
                    after = lowered[match.end() : match.end() + 1]
                    if after and not after.isspace() and after not in "\"'":
                        continue  # "1.5", "news.com"
                    if (len(words[-1]) == 1 and words[-1].isalpha()) or words[-1] in _ABBREVIATIONS:
                        continue  # "U.S.", "Gen."
                if words and sentences[-1] == sentence and len(words) - first >= _MIN_SENTENCE_WORDS:
                    sentence += 1
                    first = len(words)
            clause += 1
            phrase += 1
            continue
        if token in clause_words:
            clause += 1
        add_word(token)
        add_sentence(sentence)
        add_span(match.span())
        add_clause(clause)
        add_phrase(phrase)
    return words, sentences, spans, clauses, phrases


class EventClassifier:
    """Weighted cue lexicons plus conjunction rules and actor resolvers, loaded from JSON."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.gap = int(data.get("gap", 4))
        self.target_window = int(data.get("target_window", 6))
        self.clause_words = frozenset(data.get("clause_words", []))
        self.later_factor = float(data.get("later_sentence_factor", 0.6))
        self.repeat_factor = float(data.get("repeat_factor", 0.35))
        mods = data.get("modifiers", {})
        self.negators = set(mods.get("negation", []))
        self.modals = set(mods.get("modality", []))
        self.damping = float(mods.get("damping", 0.25))
        self._hedges = self.negators | self.modals
        self.window = int(mods.get("window", 4))
        self.priority: list[str] = list(data["priority"])
        unknown = [label for label in self.priority if label not in BY_LABEL]
        if unknown:
            raise ValueError(f"event cues: unknown labels {unknown}")
        self.groups: dict[str, _Group] = {}
        self._exact: dict[str, list[_Cue]] = defaultdict(list)
        self._prefix: dict[str, list[_Cue]] = defaultdict(list)
        for name, spec in data["groups"].items():
            weights = {k: float(v) for k, v in spec.get("weights", {}).items()}
            for label in weights:
                if label not in BY_LABEL:
                    raise ValueError(f"event cues: group {name!r} weighs unknown label {label!r}")
            self.groups[name] = _Group(
                name,
                weights,
                spec.get("resolve"),
                bool(spec.get("hedge", True)),
                float(spec.get("defer", 1.0)),
            )
            for text in spec["cues"]:
                cue = _Cue(name, text, _parse_cue(text))
                word, is_prefix = cue.parts[0]
                (self._prefix if is_prefix else self._exact)[word].append(cue)
        # groups whose cues name an event by themselves (a weight of 2.5 or more, or an actor resolver), not
        # just its outcome ("outcome": "damaged" in "damaged after a tank exploded")
        self._eventful = {
            name: not data["groups"][name].get("outcome", False)
            and (bool(g.resolve) or any(w >= 2.5 for w in g.weights.values()))
            for name, g in self.groups.items()
        }
        self._deferring = frozenset(name for name, g in self.groups.items() if g.defer != 1.0)
        topic = data.get("topic", {})
        self.topic_group: str = topic.get("group", "")
        self.topic_heads: set[str] = set(topic.get("heads", []))
        self.topic_span = int(topic.get("span", 8))
        self.topic_factor = float(topic.get("factor", 0.3))
        self.topic_reach = int(topic.get("reach", 2))  # words between the protest cue and the topic marker
        background = data.get("background", {})
        self.background_group: str = background.get("group", "")
        self.background_span = int(background.get("span", 6))
        self.background_factor = float(background.get("factor", 0.5))
        self.retro_group: str = background.get("retrospective", "")
        self.rules: list[dict[str, Any]] = list(data.get("rules", []))
        for rule in self.rules:
            for alternatives in [*rule["all"], *rule.get("none", [])]:
                for name in alternatives.split("|"):
                    if name not in self.groups:
                        raise ValueError(f"event cues: rule names unknown group {name!r}")
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        self._cache: dict[str, tuple[_Cue, ...]] = {}
        self._rank = {label: i for i, label in enumerate(self.priority)}
        self._rules = [
            _Rule(
                [frozenset(g.split("|")) for g in rule["all"]],
                [frozenset(g.split("|")) for g in rule.get("none", [])],
                "+".join(rule["all"]),
                {k: float(v) for k, v in rule["weights"].items()},
                int(rule.get("window", -1)),
            )
            for rule in self.rules
        ]
        # rule indices by the groups of their first required alternative: a rule none of these is present
        # for cannot fire
        self._rules_by_first: dict[str, list[int]] = defaultdict(list)
        for k, compiled in enumerate(self._rules):
            for name in compiled.required[0] if compiled.required else ():
                self._rules_by_first[name].append(k)
        self._rules_by_first = dict(self._rules_by_first)
        self._rules_always = [k for k, compiled in enumerate(self._rules) if not compiled.required]
        # words that no prefix cue matches ("protestant" is not "protest*")
        self.not_prefixed = frozenset(data.get("not_prefixed", []))

    # -- matching --------------------------------------------------------------------------------

    def _candidates(self, word: str) -> tuple[_Cue, ...]:
        """The cues whose first word matches ``word`` (memoised: words repeat across texts)."""
        found = self._cache.get(word)
        if found is None:
            hits = list(self._exact.get(word, ()))
            for n in () if word in self.not_prefixed else self._prefix_lengths:
                if n > len(word):
                    break
                hits.extend(self._prefix.get(word[:n], ()))
            found = tuple(hits)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[word] = found
        return found

    @staticmethod
    def _word_matches(word: str, part: tuple[str, bool]) -> bool:
        return word.startswith(part[0]) if part[1] else word == part[0]

    def _match_rest(self, words: list[str], sentences: list[int], cue: _Cue, i: int) -> int:
        """The end index of ``cue`` matched from word ``i`` (its first word already matches), or -1."""
        j = i + 1
        parts = cue.parts
        k = 1
        while k < len(parts):
            part = parts[k]
            if part[0] == "...":
                nxt = parts[k + 1]
                for g in range(j, min(j + self.gap + 1, len(words))):
                    if sentences[g] != sentences[i]:
                        return -1
                    if self._word_matches(words[g], nxt):
                        j = g + 1
                        k += 2
                        break
                else:
                    return -1
                continue
            if j >= len(words) or not self._word_matches(words[j], part):
                return -1
            j += 1
            k += 1
        return j

    def _hedged(self, hedge_at: list[int], sentences: list[int], i: int) -> bool:
        """A negation or modality word shortly before word ``i`` in the same sentence."""
        return any(i - self.window <= j < i and sentences[j] == sentences[i] for j in hedge_at)

    def matches(self, text: str) -> list[_Match]:
        """Every cue found in ``text``; where cues overlap, the longest wins."""
        words, sentences, spans, clauses, phrases = tokenize(text, self.clause_words)
        hits: list[tuple[int, int, _Cue]] = []  # (start, -end, cue)
        n = len(words)
        cache = self._cache
        looked = [cache.get(word) for word in words]
        if None in looked:
            looked = [c if c is not None else self._candidates(w) for c, w in zip(looked, words, strict=True)]
        for i, cues in [(i, c) for i, c in enumerate(looked) if c]:  # only the words some cue starts with
            nxt = words[i + 1] if i + 1 < n else ""
            for cue in cues:
                if len(cue.parts) == 1:
                    hits.append((i, -i - 1, cue))
                    continue
                second, is_prefix = cue.parts[1]
                if second != "..." and not (nxt.startswith(second) if is_prefix else nxt == second):
                    continue
                end = self._match_rest(words, sentences, cue, i)
                if end > 0:
                    hits.append((i, -end, cue))
        hits.sort(key=_START_END)
        hedges = self._hedges
        hedge_at = [j for j, w in enumerate(words) if w in hedges]
        found: list[_Match] = []
        reach = -1
        last: tuple[int, int] = (-1, -1)
        groups_here: set[str] = set()
        for i, neg_end, cue in hits:
            end = -neg_end
            if (i, end) == last:
                if cue.group in groups_here:
                    continue
            elif end <= reach:
                continue  # inside a longer cue (cues of other groups on the very same words are kept)
            else:
                groups_here = set()
            groups_here.add(cue.group)
            hedged = bool(hedge_at) and self.groups[cue.group].hedge and self._hedged(hedge_at, sentences, i)
            factor = (self.damping if hedged else 1.0) * (1.0 if sentences[i] == 0 else self.later_factor)
            found.append(
                _Match(
                    cue.group,
                    cue.text,
                    i,
                    end,
                    sentences[i],
                    factor,
                    hedged,
                    spans[i][0],
                    spans[end - 1][1],
                    clauses[i],
                    phrases[i],
                )
            )
            reach = max(reach, end)
            last = (i, end)
        self._damp_topics(found)
        self._damp_background(found, sentences)
        self._damp_retrospective(found)
        self._defer(found)
        return found

    def _damp_background(self, found: list[_Match], sentences: list[int]) -> None:
        """Events named after "after the", "amid", "in retaliation for"… (up to the next comma) are background
        to the main one: when the marker opens its sentence, or an event cue comes before it ("Police fired
        tear gas after…"); not when only a reaction precedes it ("The union voiced concern after the
        looting of…")."""
        markers = [m for m in found if m.group == self.background_group]
        if not markers:
            return
        first_event: dict[int, int] = {}  # sentence -> end of its first event cue
        for m in found:
            if self._eventful[m.group] and m.end < first_event.get(m.sentence, 1 << 30):
                first_event[m.sentence] = m.end
        for marker in markers:
            opens = marker.start == 0 or sentences[marker.start - 1] != marker.sentence
            if not opens and first_event.get(marker.sentence, 1 << 30) > marker.start:
                continue
            for m in found:
                if (
                    m.phrase == marker.phrase
                    and m.sentence == marker.sentence
                    and marker.end <= m.start <= marker.end + self.background_span
                ):
                    m.factor *= self.background_factor

    def _damp_retrospective(self, found: list[_Match]) -> None:
        """Cues near a phrase dating them before the news ("…the previous day when police opened fire")
        recall an earlier event: they feed no rule, and count less when a current event is named too."""
        markers = [m for m in found if m.group == self.retro_group]
        if not markers:
            return
        span = self.background_span
        recalled = [
            m
            for m in found
            if m.group != self.retro_group
            and any(
                (r.sentence, r.phrase) == (m.sentence, m.phrase) and r.start - span <= m.start <= r.end + span
                for r in markers
            )
        ]
        # they count less only next to a current event (a sentence about one past event keeps its score)
        ids = {id(m) for m in recalled}
        damp = any(self._eventful[m.group] for m in found if id(m) not in ids)
        for m in recalled:
            m.aside = True
            if damp:
                m.factor *= self.background_factor

    def _defer(self, found: list[_Match]) -> None:
        """Cues of a deferring group (attribution) that follow an event cue in their sentence comment on that
        event ("in an attack later claimed by…") rather than being the news."""
        deferring = [m for m in found if m.group in self._deferring]
        if not deferring:
            return
        first_event: dict[int, int] = {}  # sentence -> end of its first event cue
        for e in found:
            if self._eventful[e.group] and e.group not in self._deferring:
                first_event[e.sentence] = min(e.end, first_event.get(e.sentence, 1 << 30))
        for m in deferring:
            if first_event.get(m.sentence, 1 << 30) <= m.start:
                m.factor *= self.groups[m.group].defer
                m.aside = True

    def _damp_topics(self, found: list[_Match]) -> None:
        """Cues naming what a protest is about ("protest over the killing of…") are not the event."""
        heads = [m for m in found if m.group in self.topic_heads]
        for marker in (m for m in found if m.group == self.topic_group):
            if not any(
                h.sentence == marker.sentence and 0 <= marker.start - h.end <= self.topic_reach for h in heads
            ):
                continue
            for m in found:
                if (
                    m.sentence == marker.sentence
                    and marker.end <= m.start <= marker.end + self.topic_span
                    and m.group not in self.topic_heads
                ):
                    m.factor *= self.topic_factor
                    m.hedged = True

    # -- scoring ---------------------------------------------------------------------------------

    def _resolve(self, group: _Group, m: _Match, by_group: dict[str, list[_Match]]) -> dict[str, float]:
        """Weights decided by the actor on the agent side (before) or target side (after) of a cue."""
        spec = group.resolve or {}
        side = spec.get("by", "agent")
        options: dict[str, dict[str, float]] = spec["groups"]
        best: tuple[int, str] | None = None
        for name in options:
            for a in by_group.get(name, ()):
                if a.sentence != m.sentence:
                    continue
                if side == "agent":
                    # the subject: the first actor of the cue's clause; else the nearest before it in the
                    # sentence; else one just after it
                    if a.end <= m.start:
                        dist = a.start - 1000 if a.clause == m.clause else 1000 + m.start - a.end
                    elif a.start - m.end <= 5:
                        dist = 10_000 + a.start - m.end
                    else:
                        continue
                else:
                    if a.start < m.end or a.start - m.end > self.target_window or a.clause != m.clause:
                        continue
                    dist = a.start - m.end
                if best is None or dist < best[0]:
                    best = (dist, name)
        chosen = options[best[1]] if best else spec.get("default", {})
        return {k: float(v) for k, v in chosen.items()}

    def score(self, text: str) -> _Scored:
        """Scores per label with the cues behind each, and where each cue group first occurs."""
        found = self.matches(text)
        by_group: dict[str, list[_Match]] = defaultdict(list)
        for m in found:
            by_group[m.group].append(m)
        out = _Scored()
        for name, ms in by_group.items():
            group = self.groups[name]
            out.groups_at[name] = ms[0].char_start
            ranked = sorted(ms, key=lambda m: -m.factor)
            for n, m in enumerate(ranked):
                weights = self._resolve(group, m, by_group) if group.resolve else group.weights
                mult = m.factor * (1.0 if n == 0 else self.repeat_factor)
                for label, w in weights.items():
                    out.scores[label] += w * mult
                    if w > 0:
                        out.cues[label].append(m.cue)
                        out.spans[label].append((m.char_start, m.char_end))
                        out.hedged[label] = out.hedged.get(label, True) and m.hedged
        present = {name for name, ms in by_group.items() if any(not (m.hedged or m.aside) for m in ms)}

        by_first = self._rules_by_first
        for k in sorted({k for name in present for k in by_first.get(name, ())}.union(self._rules_always)):
            rule = self._rules[k]
            if not _fires(rule, present) or (rule.window >= 0 and not self._near(rule, by_group)):
                continue
            for label, w in rule.weights.items():
                out.scores[label] += w
                if w > 0:
                    out.cues[label].append(rule.name)
                    out.hedged[label] = False
        return out

    @staticmethod
    def _near(rule: _Rule, by_group: dict[str, list[_Match]]) -> bool:
        """Some cue of the first required group has a cue of every other one within ``rule.window`` words
        in its sentence (unhedged cues only)."""

        def live(alt: frozenset[str]) -> list[_Match]:
            return [m for name in alt for m in by_group.get(name, ()) if not m.hedged]

        first, *others = [live(alt) for alt in rule.required]
        return any(
            all(
                any(
                    b.sentence == a.sentence and max(a.start - b.end, b.start - a.end) <= rule.window
                    for b in other
                )
                for other in others
            )
            for a in first
        )

    def classify(self, text: str) -> Classification:
        """The most likely sub-event type of a snippet or sentence."""
        scored = self.score(text)
        positive = {k: v for k, v in scored.scores.items() if v > 0}
        if not positive:
            return Classification("", "", "", "", 0.0, scores=dict(scored.scores), groups_at=scored.groups_at)
        rank = self._rank
        label = max(positive, key=lambda k: (round(positive[k], 6), -rank.get(k, len(rank))))
        kind = BY_LABEL[label]
        total = sum(positive.values())
        return Classification(
            sub_event_type=kind.sub_event_type,
            event_type=kind.event_type,
            disorder_type=kind.disorder_type,
            label=label,
            score=round(positive[label], 4),
            cues=list(dict.fromkeys(scored.cues.get(label, []))),
            confidence=round(positive[label] / total, 4),
            negated=scored.hedged.get(label, False),
            scores=dict(scored.scores),
            spans=sorted(set(scored.spans.get(label, []))),
            groups_at=scored.groups_at,
        )


@lru_cache(maxsize=4)
def load_classifier(path: str | None = None) -> EventClassifier:
    """The classifier built from ``data/event_cues.json`` (or another cue file), cached."""
    with open(path or DATA_PATH, encoding="utf-8") as fh:
        return EventClassifier(json.load(fh))


def classify(text: str) -> Classification:
    """Classify a snippet or sentence into an ACLED sub-event type (or a CASE 2021 extra label)."""
    return load_classifier().classify(text)

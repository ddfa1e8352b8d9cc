"""Transliteration-tolerant lookup keys for names of places and actors.

Spelling variants of the same name (``Sheikh Maqsoud`` / ``Shaykh Maqsud``, ``Ashrafieh`` / ``Ashrafiyeh``,
``Raqqa`` / ``Raqqah``, ``al-Bab`` / ``Al Bab``) fold to the same key. Keys are for lookup only; mentions keep
the surface text as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en import English
from unidecode import unidecode

# Leading Arabic articles dropped from the first word of a name ("al-Bab" -> "bab").
ARTICLES = frozenset({"al", "el", "as", "ash", "ad", "ar", "az", "at", "an", "es", "ez", "ed", "er", "ul"})
_TITLE_WORDS = frozenset({"the"})

_APOSTROPHES = re.compile(r"[\'’‘`ʿʾ´]")
_NON_WORD = re.compile(r"[^a-z0-9.&]+")
# Ordered spelling folds applied to one casefolded, ASCII word.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(iyyah|iyyeh|iyya|iyeh|iyah|iyya|ieh|iya|iye|iah)$"), "ia"),
    (re.compile(r"(?<=[aeiou])h$"), ""),  # Raqqah -> Raqqa, Hasakeh -> Hasake
    (re.compile(r"(?<=[a-z]{3})e$"), "a"),  # Hasake -> Hasaka, Kobane -> Kobana
    (re.compile(r"ch"), "sh"),  # French transliteration: Achrafieh
    (re.compile(r"ck|q"), "k"),
    (re.compile(r"ou|oo|uu"), "u"),
    (re.compile(r"ee|ii"), "i"),
    (re.compile(r"ay|ai|ey"), "ei"),  # Shaykh/Shaikh/Sheikh, Zayd/Zaid/Zeid, Dayr/Deir
    (re.compile(r"([a-z])\1+"), r"\1"),  # double letters
)


# Common given names with many romanisations, folded to one form (applied after the spelling folds).
_NAME_FORMS: dict[str, str] = {
    **dict.fromkeys(("muhamad", "mohamad", "muhamed", "mohamed", "mohd"), "muhamad"),
    **dict.fromkeys(("ahmed", "ahmad"), "ahmad"),
    **dict.fromkeys(("husein", "husain", "huseyn", "husayn", "hussein"), "husein"),
    **dict.fromkeys(("hasan", "hassan"), "hasan"),
    **dict.fromkeys(("yusuf", "yusef", "yosef", "yousef"), "yusuf"),
    **dict.fromkeys(("umar", "omar"), "umar"),
    **dict.fromkeys(("mahmud", "mahmoud"), "mahmud"),
    **dict.fromkeys(("abdel", "abdul", "abdal"), "abdul"),
}


def fold_word(word: str) -> str:
    """The lookup key of one word: ASCII, casefolded, apostrophes dropped, spelling variants folded."""
    return _fold_word(word)


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    text = _APOSTROPHES.sub("", unidecode(word).casefold())
    text = _NON_WORD.sub("", text).strip(".")
    if not text or text.isdigit():
        return text
    for pattern, repl in _FOLDS:
        text = pattern.sub(repl, text)
    return _NAME_FORMS.get(text, text)


def light_word(word: str) -> str:
    """A lighter key for the world lists (geonames, pycountry): ASCII, casefolded, apostrophes dropped, no
    spelling folds (folding Arabic transliterations would make "More" a "Mora" and "Date" a town)."""
    return _light_word(word)


@lru_cache(maxsize=200_000)
def _light_word(word: str) -> str:
    return _NON_WORD.sub("", _APOSTROPHES.sub("", unidecode(word).casefold())).strip(".")


_TOKENIZER = English().tokenizer


@lru_cache(maxsize=100_000)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, tokenised like the pipeline does (hyphens, apostrophes dropped)."""
    if all(c.isalpha() or c == " " for c in name):
        words = [fold_word(w) for w in name.split()]
    else:
        words = [fold_word(t.text) for t in _TOKENIZER(name.replace("-", " - "))]
    return tuple(w for w in words if w)


@lru_cache(maxsize=100_000)
def light_key(name: str) -> tuple[str, ...]:
    """``name_key`` with ``light_word`` instead of the spelling folds."""
    if all(c.isalpha() or c == " " for c in name):
        words = [light_word(w) for w in name.split()]
    else:
        words = [light_word(t.text) for t in _TOKENIZER(name.replace("-", " - "))]
    return strip_leading(tuple(w for w in words if w))


def name_key(name: str) -> tuple[str, ...]:
    """The lookup key of a whole name: its folded words without a leading "the" or Arabic article."""
    return strip_leading(name_words(name))


def strip_leading(words: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a leading "the" and a leading Arabic article (when more words follow)."""
    while len(words) > 1 and (words[0] in _TITLE_WORDS or words[0] in ARTICLES):
        words = words[1:]
    return words


def key_string(name: str) -> str:
    """``name_key`` as one string (for dictionaries and comparisons)."""
    return " ".join(name_key(name))

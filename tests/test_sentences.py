"""fogline.sentences.v1: boundaries at final punctuation, line breaks and before an opening quote."""

from __future__ import annotations

from fogline.nlp.pipeline import build_pipeline


def _sentences(text: str) -> list[str]:
    nlp = build_pipeline(["fogline.sentences.v1"])
    return [s.text.strip() for s in nlp(text).sents]


def test_split_before_opening_straight_quote() -> None:
    text = 'The mayor spoke first. "We need water now," she said.'
    assert _sentences(text) == ["The mayor spoke first.", '"We need water now," she said.']


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'He called it "a disaster." Aid groups agreed.'
    assert _sentences(text) == ['He called it "a disaster."', "Aid groups agreed."]


def test_abbreviation_and_line_break() -> None:
    text = "Amb. Okafor arrived on Monday\nTalks resumed later."
    assert _sentences(text) == ["Amb. Okafor arrived on Monday", "Talks resumed later."]


def test_line_break_token_is_not_a_sentence() -> None:
    text = "Fighting eased overnight.\nAid trucks entered at dawn."
    assert _sentences(text) == ["Fighting eased overnight.", "Aid trucks entered at dawn."]

"""Scorer for CASE 2021 shared task 2 (ACLED sub-event types of news snippets).

Reads a TSV with ``id``, ``EventSnippet`` and ``SubType`` columns, classifies each snippet with
``fogline.nlp.event_classifier.classify`` and reports accuracy, weighted F1 (the shared task's measure, over
every label), macro F1, accuracy after mapping to ACLED's six event types (the five extra labels count as
their own types), per-class precision/recall/F1 and the most frequent confusions.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path
from typing import Any

from fogline.evaluate import scorer
from fogline.nlp.acled_taxonomy import BY_LABEL
from fogline.nlp.event_classifier import classify, load_classifier

NO_LABEL = "NONE"  # predicted when no cue matched


def read_rows(path: str | Path, limit: int | None = None) -> list[dict[str, str]]:
    """The rows of a CASE 2021 task 2 TSV (quotes are text, not CSV quoting)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    missing = {"EventSnippet", "SubType"} - set(rows[0] if rows else {})
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    return rows[:limit] if limit is not None else rows


def per_class(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of every label seen in ``gold`` or ``pred``."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    out: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold) | set(pred)):
        precision = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        recall = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp[label] + fn[label],
        }
    return out


def metrics(gold: list[str], pred: list[str], top: int = 15) -> dict[str, Any]:
    """Accuracy, weighted/macro F1 (over the gold labels), event-type accuracy, per-class F1, confusions."""
    n = len(gold)
    if n == 0:
        return {"n": 0}
    classes = per_class(gold, pred)
    gold_labels = sorted(set(gold))
    weighted = sum(classes[c]["f1"] * classes[c]["support"] for c in gold_labels) / n
    macro = sum(classes[c]["f1"] for c in gold_labels) / len(gold_labels)

    def etype(label: str) -> str:
        return BY_LABEL[label].event_type if label in BY_LABEL else label

    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return {
        "n": n,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4),
        "weighted_f1": round(weighted, 4),
        "macro_f1": round(macro, 4),
        "event_type_accuracy": round(
            sum(etype(g) == etype(p) for g, p in zip(gold, pred, strict=True)) / n, 4
        ),
        "per_class": {c: classes[c] for c in gold_labels},
        "confusions": [{"gold": g, "predicted": p, "count": k} for (g, p), k in confusions.most_common(top)],
    }


@scorer("case2021")
def score(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Classify every snippet of a CASE 2021 task 2 file and score the labels."""
    rows = read_rows(path, limit)
    load_classifier()  # build the lexicon index before timing
    started = time.perf_counter()
    predictions = [classify(row["EventSnippet"]) for row in rows]
    elapsed = time.perf_counter() - started
    gold = [row["SubType"].strip() for row in rows]
    pred = [p.label or NO_LABEL for p in predictions]
    result = metrics(gold, pred)
    result["snippets_per_second"] = round(len(rows) / elapsed, 1) if elapsed > 0 else None
    result["errors"] = [
        {
            "id": row.get("id", ""),
            "gold": g,
            "predicted": p,
            "cues": c.cues,
            "text": row["EventSnippet"][:200],
        }
        for row, g, p, c in zip(rows, gold, pred, predictions, strict=True)
        if g != p
    ][:50]
    return result

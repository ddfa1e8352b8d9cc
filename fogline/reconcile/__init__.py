"""Reconciliation across reports: tallies, merged events, digests and the timeline, computed at read time."""

from __future__ import annotations

from fogline.reconcile.corpus import Corpus
from fogline.reconcile.events import EventMention, MergedEvent, merged_events
from fogline.reconcile.tallies import HistoryPoint, Tally, TallyClaim, compute_tallies, headline_tallies
from fogline.reconcile.timeline import Reconciled, TimelineEntry, reconcile, timeline

__all__ = [
    "Corpus",
    "EventMention",
    "HistoryPoint",
    "MergedEvent",
    "Reconciled",
    "Tally",
    "TallyClaim",
    "TimelineEntry",
    "compute_tallies",
    "headline_tallies",
    "merged_events",
    "reconcile",
    "timeline",
]

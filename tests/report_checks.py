"""Shared by the tests that run the whole pipeline on hand-written reports (``tests/data/other_conflicts*``):
reading a report with front matter, extracting it once per session, and matchers that say whether an extracted
item fits a check's spec."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from fogline.schema import Extraction

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_CACHE: dict[Path, Extraction] = {}


def load_report(path: Path) -> tuple[str, str]:
    """Body and published date of one report (front matter: title, published)."""
    raw = path.read_text(encoding="utf-8")
    match = FRONT.match(raw)
    assert match, path.name
    meta = dict(line.split(": ", 1) for line in match.group(1).splitlines())
    return raw[match.end() :], meta["published"].strip()


def run_report(nlp: Any, path: Path) -> Extraction:
    """The report's extraction, computed once per test session."""
    if path not in _CACHE:
        from fogline.nlp.pipeline import extract_text

        body, published = load_report(path)
        _CACHE[path] = extract_text(body, published=published, nlp=nlp)
    return _CACHE[path]


def xf(reason: str) -> Any:
    """A check the pipeline does not meet yet: it turns green when the pipeline improves."""
    return pytest.mark.xfail(strict=False, reason=reason)


def has(value: Any, needle: str) -> bool:
    return bool(value) and needle.lower() in str(value).lower()


def entity_name(x: Extraction, entity_id: str | None) -> str | None:
    return next((e.name for e in x.entities if e.id == entity_id), None)


def _named(x: Extraction, text: str | None, entity_id: str | None, needle: str) -> bool:
    return has(text, needle) or has(entity_name(x, entity_id), needle)


def statement_matches(x: Extraction, spec: dict[str, Any]) -> bool:
    for s in x.statements:
        if "speaker" in spec and not _named(x, s.speaker, s.speaker_id, spec["speaker"]):
            continue
        if "act" in spec and str(s.act) != spec["act"]:
            continue
        if "role" in spec and not has(s.speaker_role, spec["role"]):
            continue
        if "demand" in spec and not any(has(d, spec["demand"]) for d in s.demands):
            continue
        if "target" in spec and not _named(x, s.target, s.target_id, spec["target"]):
            continue
        if "quote" in spec and not has(s.quote, spec["quote"]):
            continue
        return True
    return False


def facility_matches(x: Extraction, spec: dict[str, Any]) -> bool:
    return any(
        ("type" not in spec or f.facility_type == spec["type"])
        and ("name" not in spec or has(f.facility, spec["name"]))
        and ("status" not in spec or str(f.status) in spec["status"].split("|"))
        for f in x.facility_impacts
    )


def agreement_matches(x: Extraction, spec: dict[str, Any]) -> bool:
    """``parties``: these exact names among the parties; ``parties_like``: each named in some party."""
    for a in x.agreements:
        if "kind" in spec and a.kind != spec["kind"]:
            continue
        if "status" in spec and str(a.status) not in spec["status"].split("|"):
            continue
        if "parties" in spec and not set(spec["parties"]) <= set(a.parties):
            continue
        if "parties_like" in spec and not all(
            any(has(p, want) for p in a.parties) for want in spec["parties_like"]
        ):
            continue
        if "date" in spec and a.date != spec["date"]:
            continue
        return True
    return False


def event_matches(x: Extraction, spec: dict[str, Any]) -> bool:
    for e in x.events:
        if "quote" in spec and not has(e.quote, spec["quote"]):
            continue
        if "event_type" in spec and e.event_type != spec["event_type"]:
            continue
        if "sub" in spec and e.sub_event_type != spec["sub"]:
            continue
        if "place" in spec and not _named(x, e.place, e.place_id, spec["place"]):
            continue
        if "date" in spec and e.date_start != spec["date"]:
            continue
        if "actor1" in spec and not _named(x, e.actor1, e.actor1_id, spec["actor1"]):
            continue
        return True
    return False

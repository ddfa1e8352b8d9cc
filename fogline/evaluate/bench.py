"""Throughput benchmark: the Fogline pipeline against a plain full spaCy pass, on real-length articles.

``run_bench`` builds a corpus of ~600-word articles (from ``examples/`` and the founding seeds when present,
else FA-KES article texts read at run time from ``../shared/eval/fakes.csv``, else a generated corpus),
runs the full pipeline (every component that builds; the others are listed under ``skipped``), times each
component, then runs the full ``en_core_web_sm`` pipeline over the same texts and reports the ratio.
"""

from __future__ import annotations

import cProfile
import csv
import gc
import importlib
import io
import multiprocessing
import pstats
import random
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fogline.ingest.normalize import document_from_text
from fogline.nlp.pipeline import COMPONENT_MODULES, DEFAULT_COMPONENTS, factory_name, load_model, run_pipes
from fogline.schema import Document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
TARGET_WORDS = 600

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


# --------------------------------------------------------------------------------------------------
# Corpus


def _paragraphs(text: str) -> list[str]:
    text = _FRONT_MATTER.sub("", text)
    return [p.strip() for p in re.split(r"\n\s*\n|\n(?=\S)", text) if len(p.split()) >= 8]


def local_paragraphs() -> tuple[list[str], str]:
    """Paragraphs from the example corpus and the seeds (whichever exist), and where they came from."""
    paragraphs: list[str] = []
    sources = []
    if EXAMPLES.is_dir():
        files = sorted(EXAMPLES.rglob("*.md"))
        files = [f for f in files if f.name.lower() != "readme.md"]
        for f in files:
            paragraphs += _paragraphs(f.read_text(encoding="utf-8"))
        if files:
            sources.append("examples")
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        for f in sorted(seeds.glob("*.txt")):
            paragraphs += _paragraphs(f.read_text(encoding="utf-8"))
        sources.append("seeds")
    return paragraphs, "+".join(sources)


def fakes_paragraphs(limit: int = 400) -> list[str]:
    """FA-KES article texts (read at run time, never copied), split into sentence groups of ~60 words."""
    path = SHARED / "eval" / "fakes.csv"
    if not path.is_file():
        return []
    out: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i >= limit:
                break
            chunk: list[str] = []
            for sentence in _SENTENCE_END.split(row.get("article_content") or ""):
                chunk.append(sentence)
                if sum(len(s.split()) for s in chunk) >= 60:
                    out.append(" ".join(chunk))
                    chunk = []
    return out


_TEXT_COLUMNS = ("article_content", "text", "content", "body", "NOTES", "EventSnippet")


def read_corpus(path: Path) -> list[str]:
    """Texts to benchmark on: a folder of ``.txt``/``.md`` files, one such file, or a CSV/TSV with a text
    column (``article_content`` as in FA-KES, ``text``, ``content``, ``body``, ``NOTES``,
    ``EventSnippet``)."""
    if path.is_dir():
        files = sorted(f for f in path.rglob("*") if f.suffix.lower() in (".txt", ".md") and f.is_file())
        return [f.read_text(encoding="utf-8", errors="replace") for f in files]
    if path.suffix.lower() in (".csv", ".tsv"):
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
            column = next((c for c in _TEXT_COLUMNS if c in (reader.fieldnames or [])), None)
            if column is None:
                raise ValueError(f"{path}: no text column (one of {', '.join(_TEXT_COLUMNS)})")
            return [row[column] for row in reader if (row.get(column) or "").strip()]
    return [path.read_text(encoding="utf-8", errors="replace")]


_GEN_PLACES = [
    "Kadugli", "Mopti", "Sittwe", "Kherson", "Rafah", "Goma", "Marib", "Idlib", "Tillaberi", "Juba",
]  # fmt: skip
_GEN_ACTORS = ["the army", "paramilitary forces", "a rebel coalition", "an armed group", "local militias"]
_GEN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generated_paragraphs(n: int = 120, seed: int = 7) -> list[str]:
    """A synthetic newswire-like corpus, for when no real text is available."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        place, actor, day = rng.choice(_GEN_PLACES), rng.choice(_GEN_ACTORS), rng.choice(_GEN_DAYS)
        killed, hurt, fled = rng.randint(2, 90), rng.randint(5, 200), rng.randint(100, 40000)
        out.append(
            f"At least {killed} civilians were killed and {hurt} injured on {day} when {actor} shelled "
            f"residential areas of {place}, the health ministry said in a statement. Aid groups said "
            f"{fled:,} people had fled the district since the fighting began, and the United Nations "
            f"called on all parties to protect civilians and allow humanitarian access to {place}."
        )
    return out


def make_articles(paragraphs: Sequence[str], n_articles: int, target_words: int = TARGET_WORDS) -> list[str]:
    """``n_articles`` texts of about ``target_words`` words, each a run of consecutive paragraphs."""
    if not paragraphs:
        raise ValueError("no paragraphs to build articles from")
    articles = []
    for i in range(n_articles):
        parts: list[str] = []
        words = 0
        j = (i * 7) % len(paragraphs)
        while words < target_words:
            para = paragraphs[j % len(paragraphs)]
            n = len(para.split())
            if words + n > target_words * 1.15:
                para = _trim(para, target_words - words)
                n = len(para.split())
            if n:
                parts.append(para)
                words += n
            j += 1
            if j - (i * 7) % len(paragraphs) > 10 * len(paragraphs):
                break
        articles.append("\n\n".join(parts))
    return articles


def _trim(paragraph: str, words: int) -> str:
    """The first sentences of ``paragraph`` holding about ``words`` words (at least one sentence)."""
    out: list[str] = []
    count = 0
    for sentence in _SENTENCE_END.split(paragraph):
        out.append(sentence)
        count += len(sentence.split())
        if count >= words:
            break
    return " ".join(out)


def build_corpus(n_articles: int, target_words: int = TARGET_WORDS) -> tuple[list[str], str]:
    """Articles for the benchmark and the name of their source."""
    paragraphs, source = local_paragraphs()
    if sum(len(p.split()) for p in paragraphs) < target_words:
        paragraphs, source = fakes_paragraphs(), "fakes"
    if sum(len(p.split()) for p in paragraphs) < target_words:
        paragraphs, source = generated_paragraphs(), "generated"
    return make_articles(paragraphs, n_articles, target_words), source


# --------------------------------------------------------------------------------------------------
# Pipelines


def build_available(components: Sequence[str] = DEFAULT_COMPONENTS) -> tuple[Language, dict[str, str]]:
    """The Fogline pipeline with every component that imports and builds; the others with their error."""
    nlp = load_model(disable_all=True)
    skipped: dict[str, str] = {}
    for name in components:
        try:
            importlib.import_module(COMPONENT_MODULES[name])
            nlp.add_pipe(factory_name(name), name=name)
        except Exception as exc:  # a component still being written must not stop the benchmark
            skipped[name] = f"{type(exc).__name__}: {exc}"[:300]
    return nlp, skipped


BATCH_SIZE = 16  # documents per batch, as ``fogline.nlp.pipeline.extract`` runs them


def _run_batch(nlp: Language, documents: Sequence[Document], timings: dict[str, float] | None = None) -> int:
    """Run a batch through the pipeline (as ``extract`` does); the number of component errors."""
    errors = 0
    for doc in run_pipes(nlp, documents, timings):
        errors += len(doc._.errors or []) if isinstance(doc, Doc) else 1
    return errors


def _run_all(nlp: Language, documents: Sequence[Document], timings: dict[str, float] | None = None) -> int:
    return sum(
        _run_batch(nlp, documents[i : i + BATCH_SIZE], timings) for i in range(0, len(documents), BATCH_SIZE)
    )


_WORKER_NLP: Language | None = None


def _worker_chunk(documents: list[Document]) -> int:
    assert _WORKER_NLP is not None
    return _run_all(_WORKER_NLP, documents)


def _parallel(fn: Callable[[list[Document]], int], documents: list[Document], n_process: int) -> int:
    """Run ``fn`` over ``n_process`` forked workers (they inherit the loaded pipeline)."""
    size = max(1, len(documents) // (n_process * 4))
    chunks = [documents[i : i + size] for i in range(0, len(documents), size)]
    ctx = multiprocessing.get_context("fork")
    was_frozen = gc.get_freeze_count() > 0  # the gazetteers freeze themselves once built
    gc.freeze()  # keep the workers' collector off the inherited objects (no copy-on-write of the gazetteers)
    pool = ctx.Pool(n_process)
    try:
        errors = sum(pool.map(fn, chunks))
        pool.close()
        pool.join()  # reaped children count in RUSAGE_CHILDREN (CPU time, peak RSS)
    finally:
        pool.terminate()
        if not was_frozen:  # a frozen gazetteer must stay out of the collector's full passes
            gc.unfreeze()
    return errors


def _cpu_seconds() -> float:
    """CPU time of this process and its reaped children: robust to other jobs sharing the machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _rss_mb() -> float:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _children_rss_mb() -> float:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale


# --------------------------------------------------------------------------------------------------
# Benchmark


def run_bench(
    n_articles: int = 200,
    corpus: list[str] | None = None,
    n_process: int = 1,
    baseline: bool = True,
    components: Sequence[str] = DEFAULT_COMPONENTS,
) -> dict[str, Any]:
    """Articles per second of the Fogline pipeline and of a plain full spaCy pass over the same texts.

    ``corpus``: texts to use (padded/trimmed to ~600 words by concatenation); default: see ``build_corpus``.
    ``n_process`` > 1 runs both in that many processes: spaCy's ``nlp.pipe(n_process=…)`` for the baseline,
    a fork pool for Fogline (``nlp.pipe`` cannot ship Fogline's Docs between processes: msgpack cannot
    serialise ``doc._.document`` or the Mention records). ``baseline=False`` skips the spaCy pass.
    Wall-clock rates (``articles_per_s``) depend on other load on the machine; the CPU-time rates
    (``articles_per_cpu_s``, ``cpu_ratio``) do not, and are the ones to compare across runs.
    """
    global _WORKER_NLP
    if corpus is not None:
        paragraphs = [p for text in corpus for p in (_paragraphs(text) or [text])]
        texts, source = make_articles(paragraphs, n_articles), "given"
    else:
        texts, source = build_corpus(n_articles)
    mean_words = sum(len(t.split()) for t in texts) / len(texts)

    nlp, skipped = build_available(components)
    documents = [document_from_text(t) for t in texts]  # ingestion (hashes, fingerprints) is not timed
    _run_batch(nlp, documents[:2])  # warm-up: lazy data files, regex caches
    timings: dict[str, float] = {}
    errors = 0
    t0, c0 = time.perf_counter(), _cpu_seconds()
    if n_process > 1:
        _WORKER_NLP = nlp
        errors = _parallel(_worker_chunk, documents, n_process)
        _WORKER_NLP = None
    else:
        errors = _run_all(nlp, documents, timings)
    seconds = time.perf_counter() - t0
    cpu = _cpu_seconds() - c0
    peak = max(_rss_mb(), _children_rss_mb())

    result: dict[str, Any] = {
        "n_articles": len(texts),
        "mean_words": round(mean_words, 1),
        "corpus": source,
        "n_process": n_process,
        "components": list(nlp.pipe_names),
        "skipped": skipped,
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(texts) / seconds, 2),
        "words_per_s": round(len(texts) * mean_words / seconds, 1),
        "cpu_seconds": round(cpu, 3),
        "articles_per_cpu_s": round(len(texts) / cpu, 2) if cpu > 0 else None,
        "peak_rss_mb": round(peak, 1),
        "component_errors": errors,
    }
    if timings:
        total = sum(timings.values())
        result["component_ms_per_article"] = {k: round(1000 * v / len(texts), 3) for k, v in timings.items()}
        result["component_share"] = {k: round(v / total, 3) for k, v in timings.items()}
    if baseline:
        full = load_model()
        list(full.pipe(texts[:2]))  # warm-up
        t0, c0 = time.perf_counter(), _cpu_seconds()
        for _doc in full.pipe(texts, batch_size=16, n_process=n_process):
            pass
        base_seconds = time.perf_counter() - t0
        base_cpu = _cpu_seconds() - c0
        result["baseline_cpu_seconds"] = round(base_cpu, 3)
        result["baseline_articles_per_cpu_s"] = round(len(texts) / base_cpu, 2) if base_cpu > 0 else None
        if cpu > 0 and base_cpu > 0:
            result["cpu_ratio"] = round(base_cpu / cpu, 2)
        result["baseline_pipes"] = list(full.pipe_names)
        result["baseline_seconds"] = round(base_seconds, 3)
        result["baseline_articles_per_s"] = round(len(texts) / base_seconds, 2)
        result["ratio"] = round(result["articles_per_s"] / result["baseline_articles_per_s"], 2)
        result["peak_rss_mb_with_baseline"] = round(max(_rss_mb(), _children_rss_mb()), 1)
    return result


def profile_pipeline(n_articles: int = 40, top: int = 25, sort: str = "cumulative") -> str:
    """A cProfile report (text) of the available pipeline over ``n_articles`` benchmark articles."""
    texts, _source = build_corpus(n_articles)
    nlp, _skipped = build_available()
    documents = [document_from_text(t) for t in texts]
    _run_batch(nlp, documents[:2])
    profiler = cProfile.Profile()
    profiler.enable()
    _run_all(nlp, documents)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(sort).print_stats(top)
    return out.getvalue()


def run_scaling(n_articles: int = 60, processes: Sequence[int] = (1, 2)) -> dict[str, Any]:
    """``run_bench`` at each process count (Fogline and the spaCy baseline at the same count), and a summary:
    articles/s of each, and the ratio at equal process counts (wall clock and CPU time)."""
    runs = {str(n): run_bench(n_articles, n_process=n) for n in processes}
    summary = {
        n: {
            "fogline_articles_per_s": r["articles_per_s"],
            "baseline_articles_per_s": r.get("baseline_articles_per_s"),
            "ratio": r.get("ratio"),
            "cpu_ratio": r.get("cpu_ratio"),
            "peak_rss_mb": r.get("peak_rss_mb_with_baseline", r["peak_rss_mb"]),
        }
        for n, r in runs.items()
    }
    return {"runs": runs, "summary": summary}

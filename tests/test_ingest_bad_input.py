"""Bad input: each case gives one clear reason naming the source, the batch goes on, nothing bad is stored.

Runs on SQLite and (with FOGLINE_TEST_PG) PostgreSQL through the ``store`` fixture.
"""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfWriter
from spacy.language import Language
from spacy.tokens import Doc

from fogline.ingest import IngestSummary, ingest
from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Document
from fogline.store import Store

GOOD_TEXT = (
    "Aid convoy reaches hill villages\n"
    "A convoy of twelve trucks carrying flour and medicine reached four villages in the hills on Saturday, "
    "the relief agency said, the first delivery since the road was cut in the spring."
)


def write_good(tmp_path: Path, name: str = "zz_good.txt", text: str = GOOD_TEXT) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def run_with_good(store: Store, tmp_path: Path, bad: str, **options: object) -> IngestSummary:
    """Ingest a bad source between two good files; the good ones must be stored, the bad one reported."""
    first = write_good(tmp_path, "aa_before.txt", GOOD_TEXT.replace("twelve", "nine"))
    last = write_good(tmp_path, "zz_after.txt")
    options.setdefault("extract_items", False)
    summary = ingest(store, [str(first), bad, str(last)], **options)  # type: ignore[arg-type]
    assert summary.ingested == 2, summary
    assert store.count(Document) == 2
    assert len(summary.failed) == 1, summary.failed
    source, reason = summary.failed[0]
    assert source == bad
    assert reason and "\n" not in reason and len(reason) < 300
    return summary


def failure_reason(summary: IngestSummary) -> str:
    return summary.failed[0][1]


def test_empty_file(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert failure_reason(run_with_good(store, tmp_path, str(bad))) == "empty file"


def test_whitespace_only_file(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "blank.md"
    bad.write_text(" \n\t\n\n", "utf-8")
    assert "empty" in failure_reason(run_with_good(store, tmp_path, str(bad)))


def test_binary_file(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "binary" in failure_reason(run_with_good(store, tmp_path, str(bad)))


def test_file_over_the_size_cap(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "huge.txt"
    with bad.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: rejected by size before it is read
    reason = failure_reason(run_with_good(store, tmp_path, str(bad)))
    assert reason == "file is 50.0 MB, over the 20.0 MB size limit"


def test_size_cap_is_configurable(store: Store, tmp_path: Path) -> None:
    bad = write_good(tmp_path, "long.txt", GOOD_TEXT * 20)
    reason = failure_reason(run_with_good(store, tmp_path, str(bad), max_bytes=1000))
    assert reason.endswith("over the 1000 bytes size limit")


def test_missing_file(store: Store, tmp_path: Path) -> None:
    reason = failure_reason(run_with_good(store, tmp_path, str(tmp_path / "nowhere.txt")))
    assert "no such file" in reason


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (
            "Les habitants de Bangui signalent des tirs près du marché central depuis l'aube.",
            "latin-1",
            "cp1252",
        ),
        ("أعلنت السلطات المحلية حظر التجول في المدينة بعد اشتباكات عنيفة ليلة أمس", "cp1256", "cp1256"),
    ],
)
def test_non_utf8_text_is_decoded_not_rejected(
    store: Store, tmp_path: Path, text: str, encoding: str, expected: str
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    summary = ingest(store, [str(path)], extract_items=False)
    assert summary.failed == [] and summary.ingested == 1
    doc = store.get(Document, summary.document_ids[0])
    assert doc is not None and doc.text == text and doc.meta["encoding"] == expected


def test_broken_html_with_text_is_ingested(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<div><p>Gunmen attacked a bus station in the north<b> on Monday, police said", "utf-8")
    summary = ingest(store, [str(path)], extract_items=False)
    assert summary.failed == [] and summary.ingested == 1
    doc = store.get(Document, summary.document_ids[0])
    assert doc is not None and doc.text == "Gunmen attacked a bus station in the north on Monday, police said"
    assert doc.source_format == "html"


def test_html_without_text(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "shell.html"
    bad.write_text("<html><head><script>var a = 1;</script></head><body><div></div></body></html>", "utf-8")
    assert "no readable text" in failure_reason(run_with_good(store, tmp_path, str(bad)))


def test_corrupt_pdf(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "report.pdf"
    bad.write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage\x00\x01\x02 trailer"
    )
    reason = failure_reason(run_with_good(store, tmp_path, str(bad)))
    assert "PDF" in reason and ("corrupt" in reason or "no extractable text" in reason)


def test_truncated_pdf(store: Store, tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(out.getvalue()[:60])
    assert "PDF" in failure_reason(run_with_good(store, tmp_path, str(bad)))


def test_encrypted_pdf(store: Store, tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    bad = tmp_path / "locked.pdf"
    bad.write_bytes(out.getvalue())
    reason = failure_reason(run_with_good(store, tmp_path, str(bad)))
    assert "encrypted PDF" in reason and "password" in reason


def test_feed_that_is_not_xml(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "news.rss"
    bad.write_text("Headlines: none today. This file was saved from a web form.", "utf-8")
    assert "not an RSS/Atom feed" in failure_reason(run_with_good(store, tmp_path, str(bad)))


def test_jsonl_bad_line_names_file_and_line(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"text": "Troops withdrew from the border post overnight."}\n'
        '{"text": "unterminated\n'
        '{"text": "Fighting resumed near the airport by noon."}\n',
        "utf-8",
    )
    summary = ingest(store, [str(path)], extract_items=False)
    assert summary.ingested == 2
    assert [src for src, _ in summary.failed] == [f"{path}:2"]


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP server on 127.0.0.1 that accepts connections and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/report.html"
    sock.close()


def test_url_that_times_out(store: Store, tmp_path: Path, silent_server: str) -> None:
    summary = run_with_good(store, tmp_path, silent_server, allow_private=True, timeout=0.5)
    assert "timed out" in failure_reason(summary)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://localhost:9/x",
        "http://10.1.2.3/x",
        "http://169.254.169.254/latest",
        "http://[::1]/",
    ],
)
def test_private_address_refused_without_allow_private(store: Store, tmp_path: Path, url: str) -> None:
    reason = failure_reason(run_with_good(store, tmp_path, url))
    assert reason.startswith("refused") and "--allow-private" in reason


def test_non_http_url_scheme_is_not_fetched(store: Store, tmp_path: Path) -> None:
    assert "no such file" in failure_reason(run_with_good(store, tmp_path, "file:///etc/passwd"))


@Language.component("test_ingest_exploder")
def _exploder(doc: Doc) -> Doc:
    if "detonator" in doc.text:
        raise RuntimeError("component crashed")
    return doc


@pytest.fixture(scope="module")
def exploding_nlp() -> Language:
    nlp = build_pipeline(["fogline.sentences.v1"])
    nlp.add_pipe("test_ingest_exploder")
    return nlp


def test_failure_in_the_middle_of_a_batch_keeps_the_rest(
    store: Store, tmp_path: Path, exploding_nlp: Language
) -> None:
    sources = []
    for i, body in enumerate(
        [
            "Engineers restored power to the western district after a week of outages.",
            "",  # empty: a read failure
            "A detonator was found beside the rail line and made safe by the army.",  # extraction failure
            "Schools in the eastern valley reopened for the first time since the floods.",
        ]
    ):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(body, "utf-8")
        sources.append(str(path))
    pdf = tmp_path / "05.pdf"
    pdf.write_bytes(b"%PDF-1.4 broken")
    sources.insert(2, str(pdf))
    summary = ingest(store, sources, nlp=exploding_nlp)
    assert summary.ingested == 2
    assert [Path(src).name for src, _ in summary.failed] == ["01.txt", "05.pdf", "02.txt"]
    assert "extraction failed" in summary.failed[2][1] and "component crashed" in summary.failed[2][1]
    stored = {d.text for d in store.records(Document)}
    assert stored == {
        "Engineers restored power to the western district after a week of outages.",
        "Schools in the eastern valley reopened for the first time since the floods.",
    }
    # a re-run stores nothing twice and still reports the bad ones
    again = ingest(store, sources, nlp=exploding_nlp)
    assert again.ingested == 0 and again.duplicates == 2 and len(again.failed) == 3

"""Readers: every input form and every kind of bad input, without running the pipeline."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import config
from sitrep.errors import (
    BadOption,
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    InputTooLarge,
    MalformedRecord,
    MissingField,
    UnreadableInput,
)
from sitrep.ingest.documents import document_id, make_document, with_published
from sitrep.ingest.readers import read_bytes, read_path, read_stdin
from sitrep.model import Document
from sitrep.safe_text import clean_text

BODY = "Gunmen attacked a police checkpoint near the town on Monday, officials said."


def one(path: Path) -> Document | InputError:
    (item,) = list(read_path(path))
    return item


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def test_plain_text(tmp_path: Path) -> None:
    doc = one(write(tmp_path, "a.txt", BODY))
    assert isinstance(doc, Document)
    assert doc.text == BODY and doc.published is None and doc.source == str(tmp_path / "a.txt")
    assert doc.id == document_id(BODY) and doc.language == "en"


def test_dated_text_strips_the_header(tmp_path: Path) -> None:
    doc = one(write(tmp_path, "d.txt", f" date 2020-09-28 {BODY}"))
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2020, 9, 28)
    assert doc.text == BODY


def test_the_defining_example(shared_dir: Path) -> None:
    doc = one(shared_dir / "examples" / "artsakh-2020-09-28.txt")
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2020, 9, 28) and doc.text.startswith("On September 27")


def test_a_date_word_later_is_not_a_header(tmp_path: Path) -> None:
    doc = one(write(tmp_path, "a.txt", "The date 2020-09-28 was quiet."))
    assert isinstance(doc, Document) and doc.published is None and doc.text.startswith("The date")


def test_dated_header_with_an_impossible_date(tmp_path: Path) -> None:
    assert isinstance(one(write(tmp_path, "a.txt", f"date 2020-13-45 {BODY}")), BadOption)


HTML = f"""<!DOCTYPE html><html><head><title>Checkpoint attacked - Example News</title>
<meta name="date" content="2021-03-04"><meta property="og:site_name" content="Example News"></head>
<body><nav>Home | World | Sport</nav><article><h1>Checkpoint attacked</h1><p>{BODY}</p>
<p>Residents described an hour of gunfire across the northern districts before the attackers fled.</p></article>
<footer>Copyright Example News</footer></body></html>"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt"])
def test_html_by_extension_or_by_its_start(tmp_path: Path, name: str) -> None:
    doc = one(write(tmp_path, name, HTML))
    assert isinstance(doc, Document)
    assert BODY in doc.text and "Copyright" not in doc.text and "<p>" not in doc.text
    assert doc.title == "Checkpoint attacked"
    assert doc.published == dt.date(2021, 3, 4)
    assert doc.publisher == "Example News"


def test_html_without_main_text(tmp_path: Path) -> None:
    assert isinstance(one(write(tmp_path, "e.html", "<html><body><nav></nav></body></html>")), EmptyInput)


def test_jsonl_malformed_middle_line_does_not_stop_the_others(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY, "published": "2021-05-03", "title": "T", "url": "http://u", "publisher": "P"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Troops shelled the village overnight."}),
    ]
    p = write(tmp_path, "in.jsonl", "\n".join(lines) + "\n")
    items = list(read_path(p))
    assert [type(i) for i in items] == [Document, MalformedRecord, MissingField, Document]
    first, bad, missing, last = items
    assert isinstance(first, Document) and isinstance(last, Document)
    assert first.source == f"{p}:1" and last.source == f"{p}:5"
    assert (first.published, first.title, first.url, first.publisher) == (dt.date(2021, 5, 3), "T", "http://u", "P")
    assert str(bad).startswith(f"[E005] {p}:2: ")
    assert str(missing).startswith(f"[E009] {p}:3: ")


def test_jsonl_bad_fields(tmp_path: Path) -> None:
    p = write(tmp_path, "in.ndjson", '[1, 2]\n{"text": 5}\n{"text": "  "}\n{"text": "x y z", "published": "soon"}\n')
    assert [type(i) for i in read_path(p)] == [MalformedRecord, MalformedRecord, EmptyInput, BadOption]


def test_jsonl_non_utf8_line_names_the_line(tmp_path: Path) -> None:
    p = write(tmp_path, "in.jsonl", b'{"text": "caf\xe9 attacked"}\n' + json.dumps({"text": BODY}).encode() + b"\n")
    bad, good = list(read_path(p))
    assert isinstance(bad, EncodingError) and f"{p}:1" in str(bad) and isinstance(good, Document)


def test_stdin_text_and_jsonl() -> None:
    (doc,) = list(read_stdin(io.BytesIO(f"date 2020-01-02\n{BODY}".encode())))
    assert isinstance(doc, Document) and doc.source == "<stdin>" and doc.published == dt.date(2020, 1, 2)
    docs = list(read_stdin(io.BytesIO(b'{"text": "a b c"}\n{"text": "d e f"}\n')))
    assert [d.source for d in docs if isinstance(d, Document)] == ["<stdin>:1", "<stdin>:2"]


def test_folder_reads_known_files_in_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", BODY)
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/a.txt", "Another " + BODY)
    write(tmp_path, "c.png", b"\x89PNG\x00")
    items = list(read_path(tmp_path))
    assert [Path(i.source).name for i in items if isinstance(i, Document)] == ["b.txt", "a.txt"]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n"])
def test_empty(tmp_path: Path, data: bytes) -> None:
    err = one(write(tmp_path, "e.txt", data))
    assert isinstance(err, EmptyInput) and str(err).startswith("[E001] ")


def test_dated_header_without_text(tmp_path: Path) -> None:
    assert isinstance(one(write(tmp_path, "e.txt", "date 2020-01-01\n  ")), EmptyInput)


def test_binary_with_nul(tmp_path: Path) -> None:
    err = one(write(tmp_path, "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert isinstance(err, BinaryInput) and err.code == "E002"


def test_binary_without_nul(tmp_path: Path) -> None:
    assert isinstance(one(write(tmp_path, "b.txt", bytes(range(1, 32)) * 20)), BinaryInput)


def test_latin1_names_the_byte_offset(tmp_path: Path) -> None:
    err = one(write(tmp_path, "l.txt", "Caf\u00e9 attacked near the town.".encode("latin-1")))
    assert isinstance(err, EncodingError)
    assert (
        str(err)
        == f"[E003] {tmp_path / 'l.txt'}: not UTF-8: byte 0xe9 at offset 3 cannot be decoded (save the file as UTF-8)"
    )


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    doc = one(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BODY.encode()))
    assert isinstance(doc, Document) and doc.text == BODY


def test_oversized_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "MAX_DOCUMENT_CHARS", 20)
    err = one(write(tmp_path, "big.txt", BODY))
    assert isinstance(err, InputTooLarge) and err.code == "E004" and "limit is 20" in str(err)


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 10)
    err = one(write(tmp_path, "big.txt", BODY))
    assert isinstance(err, InputTooLarge) and "limit is 10 bytes" in str(err)
    (err2,) = list(read_stdin(io.BytesIO(BODY.encode())))
    assert isinstance(err2, InputTooLarge)


def test_missing_file(tmp_path: Path) -> None:
    err = one(tmp_path / "nope.txt")
    assert isinstance(err, UnreadableInput) and str(err) == f"[E006] {tmp_path / 'nope.txt'}: no such file"


def test_non_english_is_still_read_and_marked(tmp_path: Path) -> None:
    doc = one(
        write(
            tmp_path,
            "fr.txt",
            "Des tirs ont frappé la ville de Stepanakert dimanche, selon le ministère de la défense.",
        )
    )
    assert isinstance(doc, Document) and doc.language == "und"


def test_read_bytes_sniffs_html() -> None:
    doc = read_bytes(HTML.encode(), "<x>")
    assert isinstance(doc, Document) and doc.title == "Checkpoint attacked"


def test_documents_helpers_still_work() -> None:
    doc = make_document(BODY, published="2020-01-02")
    assert doc.published == dt.date(2020, 1, 2)
    assert with_published(doc, "2021-02-03").published == dt.date(2021, 2, 3)
    assert with_published(doc, "2021-02-03").id == doc.id


# ---------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document_or_a_coded_error_never_an_exception(data: bytes) -> None:
    item = read_bytes(data, "<x>", html=False)
    assert isinstance(item, (Document, InputError))
    if isinstance(item, InputError):
        assert str(item).startswith(f"[{item.code}] <x>: ")
    else:
        assert item.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200).filter(lambda s: s.strip() and not s[0].isspace() and "\x00" not in s))
def test_dated_header_is_removed_and_the_body_kept_exactly(body: str) -> None:
    item = read_bytes(f"  date 2021-02-03 {body}".encode(), "<x>", html=False)
    if isinstance(item, Document):
        assert item.text == clean_text(body) and item.published == dt.date(2021, 2, 3)
    else:  # only binary-looking bodies (many control characters) or bodies of nothing else are refused
        assert isinstance(item, BinaryInput) or (isinstance(item, EmptyInput) and not clean_text(body).strip())

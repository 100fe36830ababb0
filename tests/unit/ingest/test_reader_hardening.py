"""Inputs an adversary (or an unlucky export) produces: each is read or refused with a code, never a
traceback, a hang or a silent drop, and nothing a reader returns can fail a later layer."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from sitrep import config
from sitrep.errors import (
    BadOption,
    EmptyInput,
    EncodingError,
    InputError,
    InputTooLarge,
    MalformedRecord,
    NotARegularFile,
    UnreadableInput,
)
from sitrep.ingest.readers import read_inputs, read_path, read_stdin
from sitrep.model import Document

STORY = "Gunmen attacked a police post in the north of the country on Monday, killing two officers."
PLAIN = STORY.replace(",", "")  # for CSV cells written without quotes


def documents(results: list[Document | InputError]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def errors(results: list[Document | InputError]) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def test_a_lone_surrogate_in_a_json_record_becomes_a_replacement_character(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "' + STORY + ' \\ud800 end", "title": "x\\udfff", "publisher": "\\udc80"}\n')
    (doc,) = read_path(f)
    assert isinstance(doc, Document)
    for value in (doc.text, doc.title, doc.publisher):
        assert value is not None
        value.encode("utf-8")  # would raise on a surrogate
    assert "\ufffd end" in doc.text and len(doc.text) == len(STORY) + len(" \ufffd end")


def test_control_characters_become_spaces_and_layout_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(STORY.encode() + b"\x1b[31m red\x07\n\tsecond\r\nthird\x0cpage\x7f")
    (doc,) = read_path(f)
    assert isinstance(doc, Document)
    assert doc.text.endswith(" [31m red \n\tsecond\r\nthird\x0cpage ")


def test_a_file_name_that_is_not_utf8_is_recorded_with_an_escape(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as fh:
        fh.write(STORY.encode())
    (doc,) = read_path(os.fsdecode(name))
    assert isinstance(doc, Document)
    assert doc.source.endswith("caf\\xe9.txt")
    doc.source.encode("utf-8")


def test_a_deeply_nested_json_line_is_one_reject_and_the_next_line_is_read(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    f.write_text(deep + "\n" + json.dumps({"text": STORY}) + "\n")
    first, second = read_path(f)
    assert isinstance(first, MalformedRecord) and first.source == f"{f}:1" and "nested" in first.message
    assert isinstance(second, Document)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found: list[object] = []
    reader = threading.Thread(target=lambda: found.extend(read_path(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO with no writer hung")
    (err,) = found
    assert isinstance(err, NotARegularFile) and "named pipe" in err.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused() -> None:
    (err,) = read_path("/dev/zero")
    assert isinstance(err, NotARegularFile) and err.code == "E011"


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "a.txt").write_text(STORY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(STORY + " Again.")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # as root, permission bits would not stop the listing
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    results = list(read_path(tmp_path))
    assert len(documents(results)) == 1
    (err,) = errors(results)
    assert isinstance(err, UnreadableInput) and err.source == str(locked) and "cannot be listed" in err.message


def test_a_csv_cell_over_the_limit_is_refused_and_the_rows_after_it_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "MAX_DOCUMENT_CHARS", 200)
    f = tmp_path / "a.csv"
    f.write_text(f'text,title\n"{STORY}",one\n"{"x" * 300}",two\n"{STORY} Later.",three\n')
    results = list(read_path(f))
    assert [d.title for d in documents(results)] == ["one", "three"]
    (err,) = errors(results)
    assert isinstance(err, InputTooLarge) and err.source == f"{f}:3"


def test_an_unterminated_quote_does_not_swallow_the_rows_after_it(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text(f'text,title\n"{PLAIN},one\n{PLAIN} Two.,two\n"{PLAIN} Three.",three\nFour: {PLAIN},four\n')
    results = list(read_path(f))
    (err,) = errors(results)
    assert isinstance(err, MalformedRecord) and err.source == f"{f}:2-4" and "quote" in err.message
    assert [d.title for d in documents(results)] == ["four"]


def test_an_unterminated_quote_at_the_end_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text(f'text,title\n{PLAIN},one\n"{PLAIN},two\n')
    results = list(read_path(f))
    assert [d.title for d in documents(results)] == ["one"]
    (err,) = errors(results)
    assert isinstance(err, MalformedRecord) and err.source.startswith(f"{f}:3")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "a.txt"
    data = STORY.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    f.write_bytes(data)
    (doc,) = read_path(f)
    assert isinstance(doc, Document) and doc.text == STORY


def test_utf16_that_does_not_decode_is_an_encoding_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    (err,) = read_path(f)
    assert isinstance(err, EncodingError)


def test_an_empty_path_is_not_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    (err,) = read_inputs([""])
    assert isinstance(err, UnreadableInput) and "empty path" in err.message


def test_control_characters_only_is_an_empty_input(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "\\u001b\\u001b \\u007f"}\n')
    (err,) = read_path(f)
    assert isinstance(err, EmptyInput)


def test_a_deeply_nested_record_on_standard_input_is_one_reject() -> None:
    import io

    data = ("{" + '"a":' * 1 + "[" * 100_000 + "]" * 100_000 + "}\n").encode()
    (err,) = read_stdin(io.BytesIO(data))
    assert isinstance(err, MalformedRecord)


def test_a_reader_that_fails_costs_one_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.ingest import readers

    def broken(data: bytes, source: str) -> object:
        raise ValueError("a bug in the feed reader")

    monkeypatch.setattr(readers, "read_feed_bytes", broken)
    (tmp_path / "a.xml").write_text("<rss/>")
    (tmp_path / "b.txt").write_text(STORY)
    results = list(read_path(tmp_path))
    (err,) = errors(results)
    assert isinstance(err, UnreadableInput) and err.code == "E006" and "ValueError" in err.message
    assert len(documents(results)) == 1


@pytest.mark.parametrize("day", ["0001-01-02", "9999-12-30", "1799-12-31"])
def test_a_publication_date_at_the_calendars_ends_is_refused_with_a_code(tmp_path: Path, day: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"date {day}\n{STORY} Three years ago the same post was attacked.")
    (err,) = read_path(f)
    assert isinstance(err, BadOption) and err.code == "E008" and "outside the years" in err.message

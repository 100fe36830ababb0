"""ingest/tables.py: CSV rows with a text column become documents; bad rows become errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import EmptyInput, EncodingError, InputError, MissingField
from sitrep.ingest.readers import read_path
from sitrep.ingest.tables import read_csv_bytes
from sitrep.model import Document

CSV = (
    b"id,Title,body,published,url,outlet\n"
    b'1,Raid,"Troops raided the village, residents said.",2022-05-01,http://x/1,Daily\n'
    b"2,Blank,,2022-05-02,,\n"
    b'3,Multi,"Line one.\nLine two, with a comma.",,,\n'
)


def test_default_text_column_and_metadata() -> None:
    results = list(read_csv_bytes(CSV, "t.csv"))
    first, blank, multi = results
    assert isinstance(first, Document)
    assert first.text == "Troops raided the village, residents said."
    assert (first.title, first.url, first.publisher) == ("Raid", "http://x/1", "Daily")
    assert first.published == dt.date(2022, 5, 1) and first.source == "t.csv:2"
    assert isinstance(blank, EmptyInput) and blank.source == "t.csv:3"
    assert isinstance(multi, Document) and multi.text == "Line one.\nLine two, with a comma."
    assert multi.published is None and multi.source == "t.csv:4"


def test_named_text_column() -> None:
    data = b"headline,story\nA,Rebels shelled the town.\n"
    (doc,) = list(read_csv_bytes(data, "s.csv", text_column="story"))
    assert isinstance(doc, Document) and doc.text == "Rebels shelled the town." and doc.title == "A"
    (err,) = list(read_csv_bytes(data, "s.csv", text_column="nope"))
    assert isinstance(err, MissingField) and "nope" in err.message


def test_no_text_column_found() -> None:
    (err,) = list(read_csv_bytes(b"a,b\n1,2\n", "x.csv"))
    assert isinstance(err, MissingField) and err.code == "E009"


def test_bad_encoding_and_empty() -> None:
    (err,) = list(read_csv_bytes("text\ncaf\xe9\n".encode("latin-1"), "x.csv"))
    assert isinstance(err, EncodingError)
    (err,) = list(read_csv_bytes(b"text\n", "x.csv"))
    assert isinstance(err, EmptyInput)


def test_bad_date_rejects_only_that_row() -> None:
    data = b"text,date\nOne report.,yesterday\nAnother report.,2020-01-02\n"
    bad, good = list(read_csv_bytes(data, "d.csv"))
    assert isinstance(bad, InputError) and bad.code == "E008"
    assert isinstance(good, Document) and good.published == dt.date(2020, 1, 2)


def test_folder_routes_csv_with_text_column(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("story\nGunmen attacked a bus.\n", encoding="utf-8")
    (doc,) = list(read_path(tmp_path, text_column="story"))
    assert isinstance(doc, Document) and doc.text == "Gunmen attacked a bus."


@settings(max_examples=50, deadline=None)
@given(
    texts=st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip),
        min_size=1,
        max_size=5,
    )
)
def test_any_text_round_trips_through_csv(texts: list[str]) -> None:
    """Whatever the cell holds (quotes, commas, newlines), the document's text is the cell."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["text"])
    writer.writerows([t] for t in texts)
    results = list(read_csv_bytes(buf.getvalue().encode(), "p.csv"))
    assert [r.text for r in results if isinstance(r, Document)] == texts


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_tsv_dialect(tmp_path: Path, suffix: str) -> None:
    sep = "\t" if suffix == ".tsv" else ","
    path = tmp_path / f"x{suffix}"
    path.write_text(f"text{sep}title\nA clash in the hills.{sep}T\n", encoding="utf-8")
    (doc,) = list(read_path(path))
    assert isinstance(doc, Document) and doc.text == "A clash in the hills." and doc.title == "T"

"""ingest/feeds.py: RSS and Atom entries become documents with metadata; bad feeds become errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.errors import EmptyInput, InputError, UnknownFormat
from sitrep.ingest.feeds import markup_to_text, read_feed_bytes
from sitrep.ingest.readers import read_path
from sitrep.model import Document

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Herald</title><link>http://example.org/</link>
<item><title>Shelling hits market</title><link>http://example.org/a</link>
<pubDate>Mon, 28 Sep 2020 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Artillery shelled the market on Sunday.&lt;/p&gt;&lt;p&gt;Two people were killed, police said.&lt;/p&gt;</description></item>
<item><title>Empty one</title><link>http://example.org/b</link><description></description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id><updated>2021-03-02T00:00:00Z</updated>
<entry><title>Clashes in the north</title><id>urn:1</id><link href="http://example.org/c"/>
<updated>2021-03-02T08:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;div&gt;Fighters clashed with troops near the border.&lt;script&gt;var x=1;&lt;/script&gt;&lt;/div&gt;</content>
</entry></feed>"""


def docs(results: list[Document | InputError]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def test_rss_items_with_metadata_and_an_empty_entry() -> None:
    results = list(read_feed_bytes(RSS, "news.rss"))
    assert len(results) == 2
    doc, empty = results
    assert isinstance(doc, Document)
    assert doc.title == "Shelling hits market" and doc.url == "http://example.org/a"
    assert doc.publisher == "Valley Herald" and doc.published == dt.date(2020, 9, 28)
    assert doc.source == "news.rss#1"
    assert (
        doc.text
        == "Shelling hits market\n\nArtillery shelled the market on Sunday.\nTwo people were killed, police said."
    )
    assert isinstance(empty, EmptyInput) and empty.source == "news.rss#2" and empty.code == "E001"


def test_atom_prefers_full_content_and_drops_scripts() -> None:
    (doc,) = docs(list(read_feed_bytes(ATOM, "wire.atom")))
    assert "Fighters clashed with troops near the border." in doc.text
    assert "var x" not in doc.text and "Short summary" not in doc.text
    assert doc.published == dt.date(2021, 3, 2) and doc.publisher == "Wire"


def test_not_a_feed_is_an_error_not_a_crash() -> None:
    (err,) = list(read_feed_bytes(b"<root><a>1</a></root>", "data.xml"))
    assert isinstance(err, (UnknownFormat, EmptyInput))
    (err,) = list(read_feed_bytes(b"this is not xml at all {", "junk.xml"))
    assert isinstance(err, InputError)


def test_markup_to_text() -> None:
    assert markup_to_text("<p>One &amp; two</p><p>three  four</p>") == "One & two\nthree four"
    assert markup_to_text("plain &quot;text&quot;") == 'plain "text"'


def test_folder_routes_feeds(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "news.xml").write_bytes(RSS)
    (tmp_path / "a.txt").write_text("A short note about a protest in the capital.", encoding="utf-8")
    sources = [r.source for r in read_path(tmp_path)]
    assert sources == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'sub' / 'news.xml'}#1",
        f"{tmp_path / 'sub' / 'news.xml'}#2",
    ]

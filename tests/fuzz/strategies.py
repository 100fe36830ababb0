"""Generated inputs: raw bytes, and bytes shaped like each format so the fuzz reaches past the first check."""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Characters a hostile or broken input holds: controls, surrogates, bidi overrides, quotes, markup.
NASTY = st.sampled_from(
    [
        "\x00",
        "\x1b[2J",
        "\x07",
        "\x7f",
        "\x85",
        "\x9b",
        "\ud800",
        "\udfff",
        "\u202e",
        "\u2028",
        "\ufeff",
        '"',
        "'",
        ",",
        "\t",
        "\r\n",
        "\n",
        "<",
        "&amp;",
        "]]>",
        "=cmd|' /C calc'!A0",
        "99999999999999999999999",
        "killed",
        "Gunmen attacked",
        "date 2020-09-28\n",
        "date 0001-01-01\n",
    ]
)
WORDS = st.sampled_from(
    "the police said rebels shelled killed wounded village of Gao on Monday at least 12 people protest "
    "army drone strike near Kharkiv Reuters".split()
)
TEXT = st.lists(st.one_of(WORDS, NASTY, st.text(max_size=8)), max_size=40).map(" ".join)
ANY_BYTES = st.binary(max_size=600)
ENCODED = st.tuples(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"])).map(
    lambda pair: pair[0].encode(pair[1], "surrogatepass" if pair[1].startswith("utf") else "replace")
)
TEXTLIKE = st.one_of(ANY_BYTES, ENCODED)

JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=8,
)
RECORD = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(TEXT, JSON_VALUE),
        "title": st.one_of(TEXT, JSON_VALUE),
        "published": st.one_of(st.sampled_from(["2020-09-28", "0001-01-01", "9999-12-31", "2020-13-45", ""]), TEXT),
        "url": TEXT,
        "publisher": TEXT,
    },
)
JSON_LINE = st.one_of(
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)),
    RECORD.map(json.dumps),
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),
    TEXT,
)
JSONL = st.one_of(
    st.lists(JSON_LINE, max_size=6).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")), ANY_BYTES
)

CELL = st.one_of(TEXT, st.just('"'), TEXT.map(lambda t: f'"{t}"'), TEXT.map(lambda t: f'"{t}'))
CSV = st.one_of(
    st.tuples(
        st.lists(
            st.sampled_from(["text", "title", "published", "date", "url", "body", "x", ""]), min_size=1, max_size=5
        ),
        st.lists(st.lists(CELL, max_size=6), max_size=6),
        st.sampled_from([",", "\t"]),
    ).map(
        lambda t: (t[2].join(t[0]) + "\n" + "\n".join(t[2].join(row) for row in t[1])).encode("utf-8", "surrogatepass")
    ),
    ANY_BYTES,
)

ENTRY = st.tuples(TEXT, TEXT, st.sampled_from(["Mon, 28 Sep 2020 10:00:00 GMT", "yesterday", "", "2020-09-28T00:00Z"]))
FEED = st.one_of(
    st.lists(ENTRY, max_size=4).map(
        lambda entries: (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            + "".join(
                f"<item><title>{t}</title><description>{d}</description><pubDate>{p}</pubDate></item>"
                for t, d, p in entries
            )
            + "</channel></rss>"
        ).encode("utf-8", "surrogatepass")
    ),
    st.lists(ENTRY, max_size=4).map(
        lambda entries: (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
            + "".join(
                f"<entry><title>{t}</title><content>{d}</content><updated>{p}</updated></entry>" for t, d, p in entries
            )
            + "</feed>"
        ).encode("utf-8", "surrogatepass")
    ),
    st.integers(1, 5000).map(lambda depth: ("<rss>" + "<a>" * depth + "</a>" * depth + "</rss>").encode()),
    ANY_BYTES,
)
HTML = st.one_of(
    st.tuples(TEXT, TEXT).map(
        lambda t: (
            f"<!doctype html><html><head><title>{t[0]}</title></head><body><article><p>{t[1]}</p></article></body></html>".encode(
                "utf-8", "surrogatepass"
            )
        )
    ),
    st.integers(1, 3000).map(lambda depth: ("<html><body>" + "<div>" * depth + "x" + "</div>" * depth).encode()),
    ANY_BYTES,
)

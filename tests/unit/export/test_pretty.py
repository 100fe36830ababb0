"""The terminal view: each event's sentence with its event word marked, why a value was chosen when it
fell back, the tellings joined to it, background and not-happened events apart, nothing raw."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

import sitrep
from sitrep import cli
from sitrep.export.pretty import ELLIPSIS, SENTENCE_CHARS, PrettyExporter, format_count, marked_sentence
from sitrep.ingest.documents import make_document
from sitrep.model import Count, Evidence, Extraction
from sitrep.pipeline import Pipeline
from tests.unit.test_serialize import make_event, make_extraction

EV = Evidence(start=0, end=1, text="x", stage="t")
PUBLISHED = "2024-03-12"


def _count(low: int, best: int, high: int | None) -> Count:
    return Count(low=low, best=best, high=high, raw="", rule="", evidence=EV)


def shown(extraction: Extraction, width: int = 100) -> str:
    out = io.StringIO()
    exp = PrettyExporter(out, width=width)
    exp.write(extraction)
    exp.close()
    return out.getvalue()


def extract(pipeline: Pipeline, text: str) -> Extraction:
    return pipeline(make_document(text, published=PUBLISHED, source="report.txt"))


def test_count_forms() -> None:
    assert format_count(_count(12, 12, None)) == "12+"
    assert format_count(_count(3, 4, 5)) == "3-5"
    assert format_count(_count(7, 7, 7)) == "7"
    assert format_count(None) == "-"


def test_document_header_event_row_and_not_happened_section() -> None:
    hedged = make_event(event_id="h")
    hedged = dataclasses.replace(hedged, certainty=dataclasses.replace(hedged.certainty, hedges=(EV,)))
    text = shown(make_extraction(hedged, make_event(event_id="x", happened=False)))
    assert text.startswith("== a.txt  published 2020-09-28  claimant Ministry of Defence")
    assert (
        "2020-09-27 (day)  ASSAULT [heavy-weapons]  |  Explosions/Remote violence / Shelling/artillery/missile attack"
        in text
    )
    assert "Azerbaijan -> Civilians" in text
    assert "Stepanakert, Nagorno-Karabakh, AZE [de facto Artsakh] (39.8177, 46.7528, town)" in text
    assert "killed 13+; wounded -" in text and "weapons: artillery" in text and "hedged: x" in text
    happened_part, _, not_part = text.partition("reported as not happened")
    assert "DID NOT HAPPEN" not in happened_part
    assert "DID NOT HAPPEN: hypothetical" in not_part


def test_document_without_events() -> None:
    out = io.StringIO()
    PrettyExporter(out).write(make_extraction())
    assert "(no events)" in out.getvalue()


# ---------------------------------------------------------------- the sentence, trimmed around its word


def _ev(text: str, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, text=text[start:end], stage="t")


def test_the_event_word_is_marked_and_whitespace_collapsed() -> None:
    text = "Gunmen\n  attacked   a post."
    word = text.index("attacked")
    assert marked_sentence(_ev(text, 0, len(text)), _ev(text, word, word + 8)) == "Gunmen «attacked» a post."


def test_a_long_sentence_is_cut_at_words_around_its_event_word() -> None:
    text = " ".join(f"w{i}" for i in range(60)) + " bombed " + " ".join(f"v{i}" for i in range(60))
    word = text.index("bombed")
    line = marked_sentence(_ev(text, 0, len(text)), _ev(text, word, word + 6), chars=60)
    assert line.startswith(ELLIPSIS + "w") and line.endswith(ELLIPSIS) and "«bombed»" in line
    assert len(line) <= 60 + 4  # the two marks and the two ellipses
    before, _, after = line.partition("«bombed»")
    assert abs(len(before) - len(after)) <= 4  # the context is shared out evenly
    assert all(part.startswith(("w", "v")) for part in line.strip(ELLIPSIS).replace("«bombed»", "w").split())


def test_a_word_near_the_start_gives_its_room_to_the_rest() -> None:
    text = "Rebels shelled " + " ".join(f"v{i}" for i in range(80))
    line = marked_sentence(_ev(text, 0, len(text)), _ev(text, 7, 14), chars=60)
    assert line.startswith("Rebels «shelled» v0 v1") and line.endswith(ELLIPSIS)


def test_a_word_outside_its_sentence_leaves_the_sentence_unmarked() -> None:
    text = "Rebels shelled the town. The shelling went on."
    line = marked_sentence(_ev(text, 0, 24), _ev(text, 29, 37))
    assert line == "Rebels shelled the town."


# ---------------------------------------------------------------- through the real pipeline


def test_the_sentence_and_the_publication_date_fallback(pipeline: Pipeline) -> None:
    text = shown(extract(pipeline, "Gunmen attacked a police checkpoint in Bannu, killing two officers."))
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("  [1] "))
    assert lines[header + 1] == '      "Gunmen «attacked» a police checkpoint in Bannu, killing two officers."'
    assert "      why date 2024-03-12: no date in the text: the publication date" in lines


def test_a_long_sentence_is_trimmed_with_an_ellipsis(pipeline: Pipeline) -> None:
    text = (
        "After weeks of rising tension along the northern border, where herders from both sides have long "
        "quarrelled over grazing land and water, armed men from a neighbouring district raided the village "
        "of Bannu at dawn on Sunday, torching dozens of homes and killing six people, according to a "
        "statement issued late in the evening by the provincial government."
    )
    out = shown(extract(pipeline, text), width=1000)
    sentences = [line.strip() for line in out.splitlines() if line.startswith('      "')]
    assert sentences and any("«raided»" in s for s in sentences)
    for s in sentences:
        assert ELLIPSIS in s and len(s) <= SENTENCE_CHARS + 6  # quotes, marks and ellipses


def test_a_background_event_is_tagged_and_listed_after_the_news(pipeline: Pipeline) -> None:
    text = (
        "Militants stormed a police station in Tank on Monday, killing three officers, police said.\n\n"
        "On 5 January 2023, militants had stormed another station in Tank, killing five."
    )
    out = shown(extract(pipeline, text))
    news, heading, background = out.partition("  -- background (recalled for context, not this report's news):\n")
    assert heading, out
    assert "[background]" not in news and "«stormed» a police station" in news
    assert "  [2] [background] 2023-01-05 (day)" in background
    assert "      background: dated 'On 5 January 2023', 432 days before publication" in background
    assert "«stormed» another station" in background


def test_joined_tellings_are_listed_under_their_event(pipeline: Pipeline) -> None:
    text = (
        "Rebels shell market in Mopti\n\n"
        "Rebel fighters shelled the main market of Mopti on Sunday, killing three traders, the governor said.\n\n"
        "The shelling also wounded seven people, a nurse said.\n\n"
        "The shelling set several stalls on fire.\n\n"
        "Witnesses said the shelling went on for an hour."
    )
    lines = shown(extract(pipeline, text), width=1000).splitlines()
    joined = next(i for i, line in enumerate(lines) if line.startswith("      joined "))
    assert lines[joined] == "      joined 4 other tellings:"
    assert lines[joined + 1 : joined + 4] == [
        "        + Rebel fighters shelled the main market of Mopti on Sunday, killing three traders, the governor"
        " said.",
        "        + The shelling also wounded seven people, a nurse said.",
        "        + and 2 more",
    ]
    assert any(line.startswith("      reason: retold at 'shelling'") and line.endswith("(x3)") for line in lines)


def test_control_and_bidi_characters_are_escaped(pipeline: Pipeline) -> None:
    text = "Gunmen ambushed a bus near Bannu on Sunday, the \u202epolice said\u2069, and fled."
    x = extract(pipeline, text)
    x = dataclasses.replace(x, document=dataclasses.replace(x.document, source="report\x1b[2J.txt"))
    out = shown(x)
    assert "\u202e" not in out and "\u2069" not in out and "\x1b" not in out
    assert "the \\u202epolice said\\u2069, and fled." in out and "report\\x1b[2J.txt" in out


def test_the_same_extraction_shows_the_same(pipeline: Pipeline) -> None:
    x = extract(pipeline, "Rebels shelled the town of Kunduz on Sunday, killing four civilians.")
    assert shown(x) == shown(x)


def test_sitrep_extract_prints_it(pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sitrep, "load_pipeline", lambda **_: pipeline)
    monkeypatch.setenv("COLUMNS", "100")
    report = tmp_path / "report.txt"
    report.write_text(f"date {PUBLISHED}\nGunmen attacked a police checkpoint in Bannu, killing two officers.\n")
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["extract", str(report), "--format", "pretty"], stdout=out, stderr=err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"== {report}  published {PUBLISHED}")
    assert '      "Gunmen «attacked» a police checkpoint in Bannu, killing two officers."' in lines
    assert "      why date 2024-03-12: no date in the text: the publication date" in lines

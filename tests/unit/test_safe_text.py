from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from sitrep.errors import UnreadableInput
from sitrep.safe_text import clean_text, printable, source_name

ANY_TEXT = st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=80)


@given(ANY_TEXT)
def test_clean_text_keeps_the_length_and_always_encodes(text: str) -> None:
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    cleaned.encode("utf-8")
    assert all(c in "\t\n\r\x0c" or unicodedata.category(c) != "Cc" for c in cleaned)


@given(ANY_TEXT)
def test_printable_is_one_line_of_utf8_a_terminal_cannot_act_on(text: str) -> None:
    shown = printable(text)
    shown.encode("utf-8")
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown and "\x9b" not in shown
    assert not any(unicodedata.category(c) in {"Cc", "Cs"} for c in shown)
    assert "\u202e" not in shown


def test_a_file_name_cannot_forge_a_second_error_line() -> None:
    error = UnreadableInput("no such file", source="a.txt\n[E001] b.txt: forged\x1b[2J")
    line = str(error)
    assert line == "[E006] a.txt\\x0a[E001] b.txt: forged\\x1b[2J: no such file"


def test_undecodable_file_name_bytes_show_as_the_bytes() -> None:
    assert source_name("caf\udce9.txt") == "caf\\xe9.txt"
    assert printable("caf\udce9.txt") == "caf\\xe9.txt"
    assert source_name("plain.txt") == "plain.txt"

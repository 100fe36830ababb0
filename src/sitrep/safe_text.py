"""Text from outside, made safe once: for processing and storing, and for showing on a terminal.

Two different jobs. :func:`clean_text` runs at the readers on every document's text and metadata,
so that no later layer (the parser, the store's UTF-8 encoder, an exporter) can fail on a lone
surrogate or a stray control character. :func:`printable` runs on anything a message shows that a
user controls, a file name above all: a name holding a newline must not forge a second ``[E...]``
line, and one holding an escape sequence must not reach the terminal raw.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# UTF-16 halves that do not pair: Python strings may hold them (JSON "\ud800", undecodable file-name
# bytes kept by surrogateescape) but UTF-8 cannot encode them.
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab, line feed, form feed and carriage return; DEL; the C1 block.
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Shown escaped: every C0 control (line breaks included), DEL, C1, the bidirectional overrides and
# isolates (which can make a name read backwards), line and paragraph separators, and surrogates.
_NOT_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Bytes that ``os.fsdecode`` could not decode arrive as U+DC80..U+DCFF (surrogateescape).
_ESCAPED_BYTE = range(0xDC80, 0xDD00)


def clean_text(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD and control characters by a space.

    Tab, line feed, form feed and carriage return are kept: they are layout. Every replacement is
    one character for one, so the cleaned text keeps the length, and the offsets, of what was read.
    """
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(REPLACEMENT, text)
    if _CONTROL_IN_TEXT.search(text):
        text = _CONTROL_IN_TEXT.sub(" ", text)
    return text


def clean_optional(text: str | None) -> str | None:
    return None if text is None else clean_text(text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _ESCAPED_BYTE:
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every character a terminal could act on written as a Python-style escape.

    A file-name byte that was not UTF-8 shows as ``\\xe9``, a newline as ``\\x0a``, an escape as
    ``\\x1b``; everything else is left as it is. The result is one line of valid UTF-8.
    """
    return _NOT_PRINTABLE.sub(_escape, text)


def source_name(path: str) -> str:
    """A file name as sitrep records it (in documents, rejects and messages): valid UTF-8.

    Bytes that were not UTF-8 become ``\\xNN`` escapes; other characters, control characters
    included, are kept, and :func:`printable` escapes them where the name is shown.
    """
    if not _SURROGATE.search(path):
        return path
    return _SURROGATE.sub(_escape, path)

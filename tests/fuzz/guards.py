"""What every fuzz target checks, and the time limit that turns a hang into a failure."""

from __future__ import annotations

import contextlib
import signal
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from sitrep.errors import InputError, SitrepError
from sitrep.model import Document

COUNTS: Counter[str] = Counter()
HANGS = 0
# Seconds one generated input may take. The slowest reader (HTML through trafilatura) needs
# milliseconds on inputs of this size; a hundred times that is a hang, not slowness.
LIMIT_SECONDS = 10


class Hang(Exception):
    """An input that took longer than the limit."""


@contextlib.contextmanager
def time_limit(target: str, seconds: float = LIMIT_SECONDS) -> Iterator[None]:
    """Count one input for ``target`` and fail it if it runs longer than ``seconds``."""
    global HANGS  # a counter for the run's summary
    COUNTS[target] += 1

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"{target}: one input ran over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except Hang:
        HANGS += 1
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _clean(text: str) -> bool:
    return all(c in "\t\n\r\x0c" or unicodedata.category(c) not in {"Cc", "Cs"} for c in text)


def check_read(results: Iterable[object]) -> list[Document | InputError]:
    """Every item a reader yields is a Document or a coded InputError; a Document's text and metadata
    are clean (no surrogate, no control character but layout) and non-blank; an error is one line."""
    out: list[Document | InputError] = []
    for item in results:
        assert isinstance(item, Document | InputError), type(item)
        if isinstance(item, Document):
            assert item.text.strip() and _clean(item.text)
            item.text.encode("utf-8")
            for value in (item.title, item.url, item.publisher):
                if value is not None:
                    assert _clean(value), value
                    value.encode("utf-8")
            item.source.encode("utf-8")  # a file name keeps its control characters; messages escape them
        else:
            check_message(str(item))
        out.append(item)
    return out


def check_message(line: str) -> None:
    """A message a user sees: one line, valid UTF-8, nothing a terminal would act on."""
    assert "\n" not in line and "\r" not in line, line
    assert not any(unicodedata.category(c) in {"Cc", "Cs"} for c in line), line
    line.encode("utf-8")


def check_error(error: BaseException) -> None:
    """The only exceptions a target may raise to its caller are sitrep's coded ones."""
    assert isinstance(error, SitrepError), f"{type(error).__name__}: {error}"
    assert error.code[0] in "EW" and error.code[1:].isdigit()

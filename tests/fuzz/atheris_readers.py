"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python), beside the hypothesis suite.

Run by ``make fuzz``: ``python tests/fuzz/atheris_readers.py -runs=N``. The first byte picks a reader, the
rest is its input; each input must give Documents and coded errors only (tests.fuzz.guards.check_read).
A crash prints libFuzzer's report and exits non-zero, which fails ``make fuzz``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable

import atheris

with atheris.instrument_imports(include=["sitrep"]):
    from sitrep.ingest.feeds import read_feed_bytes
    from sitrep.ingest.readers import read_bytes, read_jsonl_bytes, read_stdin
    from sitrep.ingest.tables import read_csv_bytes

from tests.fuzz.guards import check_read

READERS: list[tuple[str, Callable[[bytes], Iterable[object]]]] = [
    ("text", lambda data: [read_bytes(data, "fuzz.txt", html=False)]),
    ("html", lambda data: [read_bytes(data, "fuzz.html", html=True)]),
    ("jsonl", lambda data: read_jsonl_bytes(data, "fuzz.jsonl")),
    ("feed", lambda data: read_feed_bytes(data, "fuzz.xml")),
    ("csv", lambda data: read_csv_bytes(data, "fuzz.csv")),
    ("stdin", lambda data: read_stdin(io.BytesIO(data))),
]


def one_input(data: bytes) -> None:
    if not data:
        return
    _, reader = READERS[data[0] % len(READERS)]
    check_read(reader(data[1:]))


def main() -> None:
    import logging
    import warnings

    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    warnings.simplefilter("ignore")
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()  # libFuzzer prints the runs done, and exits


if __name__ == "__main__":
    main()

"""A second process that parses pieces of one very long text while this process parses others.

spaCy's parse is most of the time a very long text costs (about 4,000 tokens a second per core here),
and it holds the interpreter lock, so threads do not help; a long text is already parsed in
independent pieces (``sitrep.bounded_parse``), so a helper process with the same model takes pieces
from the back while this process takes them from the front. Each piece is parsed exactly as it would
be here, so the joined ``Doc`` is the same whichever process parsed which piece.

The helper is ``python -m sitrep.parse_helper MODEL``, talking over its standard input and output in
length-prefixed frames (``Doc.to_bytes``). It is not a ``multiprocessing`` child, because those
re-import the caller's main module, which a script using the library need not guard.

It is used only from a top-level process (a worker of ``--workers N`` or of Dask is already one of
several processes on the machine), only on a machine with two or more cores, and only when
``SITREP_PARSE_HELPER`` is not ``0``. It is started on the first long text and kept for later ones;
any failure of it (it could not start, loaded another model, or died) makes this process parse the
piece itself and stop using the helper.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing
import os
import struct
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ENV_SWITCH = "SITREP_PARSE_HELPER"
_FRAME = struct.Struct(">Q")  # each message: its length in 8 bytes, then the bytes


def wanted() -> bool:
    """Whether a helper may be used from this process (see the module's docstring)."""
    if os.environ.get(ENV_SWITCH, "1").strip() == "0":
        return False
    if multiprocessing.parent_process() is not None or multiprocessing.current_process().daemon:
        return False
    return len(os.sched_getaffinity(0)) >= 2


class HelperFailed(RuntimeError):
    """The helper process could not be used; the caller parses the piece itself."""


class ParseHelper:
    """One helper process with the model ``model``, checked to be the same pipeline as ``nlp``."""

    def __init__(self, model: str, nlp: Language) -> None:
        self.model = model
        self.identity = _identity(nlp)
        self.failed = False
        self.pieces = 0  # pieces the helper parsed
        self._process: subprocess.Popen[bytes] | None = None
        self._io: ThreadPoolExecutor | None = None  # one thread: requests and replies in order
        self._checked: Future[None] | None = None

    def start(self) -> bool:
        """Start the helper if it is not running; False when it cannot be used."""
        if self.failed:
            return False
        if self._process is None:
            try:
                self._process = subprocess.Popen(
                    [sys.executable, "-m", "sitrep.parse_helper", self.model],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError:
                self.failed = True
                return False
            self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-parse-helper")
            self._checked = self._io.submit(self._check_identity)
            atexit.register(self.close)
        return True

    def submit(self, doc: Doc) -> Future[bytes] | None:
        """The piece ``doc`` (tokens and preset sentence starts) sent to be parsed, or None."""
        if not self.start() or self._io is None:
            return None
        try:
            return self._io.submit(self._round_trip, doc.to_bytes())
        except RuntimeError:  # the thread was shut down
            self.failed = True
            return None

    def result(self, future: Future[bytes], nlp: Language) -> Doc | None:
        """The parsed piece, or None when the helper failed (it is then not used again)."""
        from spacy.tokens import Doc

        try:
            doc = Doc(nlp.vocab).from_bytes(future.result())
        except Exception:  # noqa: BLE001 - whatever went wrong in the helper, the piece is parsed here
            self.failed = True
            self.close()
            return None
        self.pieces += 1
        return doc

    def close(self) -> None:
        """Stop the helper: it exits when its input ends."""
        process, self._process = self._process, None
        if process is None:
            return
        if self._io is not None:
            self._io.shutdown(wait=False, cancel_futures=True)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _check_identity(self) -> None:
        found = tuple(json.loads(self._read()))
        if found != (self.identity[0], self.identity[1], list(self.identity[2])):
            raise HelperFailed(f"the helper loaded {found}, not {self.identity}")

    def _round_trip(self, data: bytes) -> bytes:
        if self._checked is not None:
            self._checked.result()
        process = self._process
        if process is None or process.stdin is None:
            raise HelperFailed("the helper was stopped")
        _write(process.stdin, data)
        return self._read()

    def _read(self) -> bytes:
        process = self._process
        if process is None or process.stdout is None:
            raise HelperFailed("the helper was stopped")
        data = _read(process.stdout)
        if data is None:
            raise HelperFailed(f"the helper ended (exit status {process.poll()})")
        return data


def _identity(nlp: Language) -> tuple[str, str, tuple[str, ...]]:
    return (str(nlp.meta.get("name", "")), str(nlp.meta.get("version", "")), tuple(nlp.pipe_names))


def _write(stream: IO[bytes], data: bytes) -> None:
    stream.write(_FRAME.pack(len(data)))
    stream.write(data)
    stream.flush()


def _read(stream: IO[bytes]) -> bytes | None:
    """One frame, or None at the end of the stream."""
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(head)
    data = stream.read(size)
    return data if len(data) == size else None


def serve(model: str, inputs: IO[bytes], outputs: IO[bytes]) -> None:
    """The helper's side: say which model it loaded, then parse each piece it is sent, until its input ends."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model)
    _write(outputs, json.dumps(_identity(nlp)).encode())
    while (data := _read(inputs)) is not None:
        doc = Doc(nlp.vocab).from_bytes(data)
        parsed = next(iter(nlp.pipe([doc], batch_size=1)))  # as sitrep.bounded_parse parses a piece itself
        _write(outputs, bytes(parsed.to_bytes()))


if __name__ == "__main__":
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to standard error, not into the replies
    sys.stdout = sys.stderr
    serve(sys.argv[1], sys.stdin.buffer, replies)

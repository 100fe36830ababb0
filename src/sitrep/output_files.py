"""Output files: written whole or not at all, and never over what the command reads.

`-o FILE` (and `eval --json FILE`) write to a temporary file beside ``FILE`` and rename it into place
once the output is complete, so an interrupted or failed run leaves an earlier ``FILE`` as it was and
never a half-written one. The overwrite rule: a new file is created, or an existing regular file (an
earlier output) is replaced; a folder, a link to nothing, and any file the command reads (an input,
a file inside an input folder, the store and its journal files, the gold file of an evaluation) are
refused with E010 before anything runs. A device or a pipe (``/dev/null``, ``/dev/stdout``) is written
directly, since it cannot be replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Self, TextIO

from .errors import OutputClash


def check_target(target: str, *, reads: Iterable[str]) -> Path:
    """The path to write ``target`` to, after refusing one that would destroy what the command reads."""
    path = Path(target)
    if path.is_symlink() and not path.exists():
        raise OutputClash("is a link to nothing; give the file to write", source=target)
    if path.is_dir():
        raise OutputClash("is a folder; give a file name", source=target)
    real = path.resolve()
    for read in reads:
        if read in ("", "-") or not Path(read).exists():
            continue
        source = Path(read).resolve()
        if real == source:
            raise OutputClash(f"is also read by this command ({read}); write the output elsewhere", source=target)
        if source.is_dir() and real.is_relative_to(source):
            raise OutputClash(f"lies inside the input folder {read} and would be read back as input", source=target)
    return real


class OutputFile:
    """A text file written to a temporary file beside it and renamed into place by :meth:`commit`.

    Leaving the ``with`` block without a commit removes the temporary file and leaves the target as
    it was. A device or a pipe is written directly.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self._direct = target.exists() and not stat.S_ISREG(target.stat().st_mode)
        self._temp: Path | None = None
        self.stream: TextIO

    def __enter__(self) -> Self:
        if self._direct:
            self.stream = self.target.open("w", encoding="utf-8", newline="")
            return self
        fd, name = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".part")
        self._temp = Path(name)
        self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self

    def commit(self) -> None:
        """Put the complete output in place of the target."""
        self.stream.flush()
        if self._temp is not None:
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.chmod(self._temp, _mode_for(self.target))
            os.replace(self._temp, self.target)
            self._temp = None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if not self.stream.closed:
            self.stream.close()
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    """The permissions the output gets: the earlier file's, else what the user's umask gives a new file."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

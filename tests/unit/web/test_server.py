"""web/server.py and `sitrep serve`: options checked before listening; a real server answers on loopback."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from sitrep.cli import main


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    return main(list(argv), stdout=io.StringIO(), stderr=err), err.getvalue()


def test_a_missing_store_is_a_coded_error(tmp_path: Path) -> None:
    code, err = run("serve", "--db", str(tmp_path / "none.db"))
    assert code == 2 and err.startswith("[E006]")


@pytest.mark.parametrize(
    ("option", "value"), [("--port", "0"), ("--port", "70000"), ("--body-limit", "0"), ("--token", "short")]
)
def test_bad_options_are_coded_errors(served_db: Path, option: str, value: str) -> None:
    code, err = run("serve", "--db", str(served_db), option, value)
    assert code == 2 and err.startswith("[E008]") and option in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_its_address_and_answers(served_db: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3] / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--db", str(served_db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert body == {"status": "ok", "events": 4, "writable": False}
    finally:
        proc.terminate()
        proc.wait(timeout=30)

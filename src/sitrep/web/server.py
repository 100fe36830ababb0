"""Running the application with uvicorn: checked options first, then the address on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..errors import BadOption
from .app import Settings, create_app


def serve(db: str, *, host: str, port: int, token: str | None, body_limit: int, err: TextIO) -> int:
    """Serve ``db`` until interrupted; coded errors (a missing store, a bad port) before listening."""
    import uvicorn

    if not 0 < port < 65536:
        raise BadOption(f"{port} is not a port (1 to 65535)", source="--port")
    if body_limit < 1:
        raise BadOption("must be at least 1 byte", source="--body-limit")
    if token is not None and len(token) < 8:
        raise BadOption("a token of at least 8 characters is needed", source="--token")
    app = create_app(Settings(db=Path(db), token=token, body_limit=body_limit))
    mode = "accepting posted articles with the token" if token else "read-only"
    err.write(f"sitrep: serving {db} ({mode}) at http://{host}:{port}/ (Ctrl-C stops)\n")
    err.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    return 0

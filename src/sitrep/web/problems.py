"""Errors as RFC 9457 problem details: the same codes and messages as the command line, never a traceback."""

from __future__ import annotations

from typing import Any

from ..errors import InputTooLarge, NotAllowed, NotFound, SitrepError, StoreError
from ..safe_text import printable

PROBLEM_TYPE = "application/problem+json"
# The type URI of a problem names its code; the codes are listed in docs/output-fields.md.
TYPE_BASE = "urn:sitrep:error:"


def status_of(error: SitrepError) -> int:
    """The HTTP status a coded error answers with."""
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, NotAllowed):
        return 401
    if isinstance(error, InputTooLarge):
        return 413
    if isinstance(error, StoreError):
        return 503
    if error.code.startswith("E0"):
        return 400
    return 500


def problem(error: SitrepError, *, instance: str | None = None) -> tuple[int, dict[str, Any]]:
    """The status and body of the problem document for ``error``."""
    status = status_of(error)
    body: dict[str, Any] = {
        "type": f"{TYPE_BASE}{error.code}",
        "title": type(error).__name__,
        "status": status,
        "detail": str(error),
        "code": error.code,
    }
    if error.source:
        body["source"] = printable(error.source)
    if instance:
        body["instance"] = instance
    return status, body

"""The assembly stage's name and the mention kinds it needs from the stages before it."""

from __future__ import annotations

STAGE = "assemble.rules.v1"
REQUIRES = ("trigger", "actor", "place", "date", "casualty", "weapon", "attribution", "certainty")

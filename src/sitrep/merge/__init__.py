"""Merge events reported by many documents into incidents (see docs/merge.md)."""

from .figures import merge_figures
from .incidents import incident_id, merge_events
from .records import Conflict, FigureClaim, Incident, MergedFigure, Position, Revision, Settings, SourceRef
from .revisions import reconcile

__all__ = [
    "Conflict",
    "FigureClaim",
    "Incident",
    "MergedFigure",
    "Position",
    "Revision",
    "Settings",
    "SourceRef",
    "incident_id",
    "merge_events",
    "merge_figures",
    "reconcile",
]

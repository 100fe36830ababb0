"""The built-in stages and exporters, registered in one place.

A stage or exporter registers itself when its module is imported (its decorator runs). The
registry cannot import those modules, since they import it; this module does, and the package's
entry (``sitrep/__init__``, which every ``import sitrep.…`` runs first) imports this module. The
imports wait until the registry is first asked for a stage or an exporter: the stages load spaCy,
which the store commands never need.
"""

from __future__ import annotations

from . import registry


def load_builtin_stages() -> None:
    from . import document, stages  # noqa: F401  (importing the packages registers every built-in stage)


def load_builtin_exporters() -> None:
    from . import export  # noqa: F401  (importing the package registers every built-in exporter)


registry.add_loaders(stages=load_builtin_stages, exporters=load_builtin_exporters)

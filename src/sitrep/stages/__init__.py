"""Extraction stages. Importing this package registers every built-in stage.

(Named `stages`, not `extract`, because `sitrep.extract` is the library's main function.)
"""

from . import actors, attribution, casualties, certainty, datelines, dates, places, triggers, weapons  # noqa: F401

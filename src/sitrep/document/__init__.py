"""Document stages: what a whole report says about its events, decided after they are assembled.

A report tells one incident in its headline, its lead, a caption and a quote, beside events it only
recalls. Each stage here is registered under a versioned name (``sitrep.registry.document_stage``),
runs in the order of ``config.DOCUMENT_STAGES``, takes the document's events and returns them with
what it decided, leaving a reason on each event it changed. Importing the package registers them.
"""

from . import claimants, coreference, named_doers, window  # noqa: F401

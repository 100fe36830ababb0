"""Event typing: from a trigger and its context to PLOVER event + modes and ACLED event type + sub-event type.

Each event family names its typing rule in the family table (data/triggers.json); the rules are
registered by name in :mod:`.rules`, and :func:`sitrep.resolve.event_types.classify` calls the one
the trigger's family names.
"""

"""The analyst's desk: an HTTP API and a map page over a store (``sitrep serve``). Thin: every query is
the store's (sitrep.store), every download an exporter's (sitrep.export)."""

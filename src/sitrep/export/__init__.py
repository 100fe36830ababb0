"""Exporters, registered by ``--format`` name. Importing this package registers the built-in ones.

Each exporter is a class built on an open text stream with ``write(extraction)`` called once per
document as it comes out of the pipeline and ``close()`` at the end; it writes as it goes.
"""

from . import acled_csv, geojson, jsonl, pretty  # noqa: F401

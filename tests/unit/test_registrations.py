"""The built-in stages and exporters are found whatever the way into the package.

The registry imports neither the stages nor the exporters (they import it); sitrep.registrations
registers them. Each way in is tried in a fresh interpreter, where nothing else has imported them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep

SOURCE = str(Path(sitrep.__file__).resolve().parents[1])
STAGES = "{'places.gazetteer.v1', 'casualties.rules.v1', 'triggers.lexicon.v1'}"
EXPORTERS = "['acled-csv', 'geojson', 'jsonl', 'pretty']"


def run_fresh(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (SOURCE, os.environ.get("PYTHONPATH")) if p)}
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


WAYS_IN = {
    "all_stages": f"from sitrep.registry import all_stages\nassert {STAGES} <= set(all_stages())",
    "get_stage": "from sitrep.registry import get_stage\nassert get_stage('places.gazetteer.v1').family == 'places'",
    "get_exporter": "from sitrep.registry import get_exporter\nassert get_exporter('jsonl').__name__ == 'JsonlExporter'",
    "exporter_names": f"from sitrep.registry import exporter_names\nassert exporter_names() == {EXPORTERS}",
    "Pipeline": "from sitrep import config\nfrom sitrep.pipeline import Pipeline\n"
    "assert Pipeline().stage_names == tuple(config.DEFAULT_STAGES) + tuple(config.DOCUMENT_STAGES)",
    "cli": "import contextlib, io\nfrom sitrep.cli import main\nout = io.StringIO()\n"
    "with contextlib.redirect_stdout(out):\n    assert main(['extract', '--help']) == 0\n"
    "assert 'acled-csv' in out.getvalue() and 'geojson' in out.getvalue(), out.getvalue()",
}


@pytest.mark.parametrize("way_in", sorted(WAYS_IN))
def test_every_way_in_finds_the_builtins(way_in: str) -> None:
    run_fresh(WAYS_IN[way_in])


def test_extract_finds_the_builtin_stages() -> None:
    out = run_fresh(
        "import sitrep\n"
        "x = sitrep.extract('Two soldiers were killed in Mosul on Monday.', published='2020-01-08')\n"
        "print(len(x.stages), len(x.events), x.stages[0])"
    )
    # the first look's model, then every built-in stage and document stage
    stages = len(sitrep.config.DEFAULT_STAGES) + len(sitrep.config.DOCUMENT_STAGES) + 1
    assert out.split() == [str(stages), "1", "relevance.linear.v1"]


def test_a_lookup_of_exporters_does_not_load_the_stages() -> None:
    """Reading or exporting a store never needs spaCy, which the stages load."""
    run_fresh(
        "import sys\nfrom sitrep.registry import exporter_names\nexporter_names()\n"
        "assert 'sitrep.stages' not in sys.modules and 'spacy' not in sys.modules"
    )

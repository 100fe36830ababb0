"""Cold load time and peak memory of the cached gazetteer index, one fresh process per run.

Each run starts a new interpreter that imports sitrep, calls ``Gazetteer.load()`` on a cache folder
that already holds a valid cache, and reports the wall and CPU seconds of that call and the
process's peak RSS. Several code trees may be given (``--src``, each a ``src`` folder with its own
cache folder): runs alternate between them so that a busy machine slows them alike. Build each
cache first (one ``Gazetteer.load()`` with the same ``SITREP_CACHE``); a run that builds is
reported and left out of the medians.

    .venv/bin/python benchmarks/bench_gazetteer_load.py --runs 7 \\
        --src old=/tmp/gaz-base/src:/tmp/cache-old --src new=src:/tmp/cache-new
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

CHILD = """
import json, resource, time, warnings
from sitrep.resolve import gazetteer_build
built = []
real_build = gazetteer_build.build
def counting_build(files):
    built.append(1)
    return real_build(files)
gazetteer_build.build = counting_build
from sitrep.resolve.gazetteer import Gazetteer
wall, cpu = time.perf_counter(), time.process_time()
with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter("always")
    gaz = Gazetteer.load()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
assert gaz.lookup("Stepanakert")
print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "built": bool(built), "warnings": [str(w.message) for w in seen]}))
"""


def run_once(src: str, cache: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": src, "SITREP_CACHE": cache}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--src", action="append", required=True, help="NAME=SRC_FOLDER:CACHE_FOLDER")
    args = parser.parse_args(argv)
    trees = {}
    for item in args.src:
        name, _, rest = item.partition("=")
        src, _, cache = rest.partition(":")
        trees[name] = (src, cache)
    results: dict[str, list[dict[str, object]]] = {name: [] for name in trees}
    for _ in range(args.runs):
        for name, (src, cache) in trees.items():
            result = run_once(src, cache)
            print(name, json.dumps(result), flush=True)
            if not result["built"]:
                results[name].append(result)
    for name, runs in results.items():
        if not runs:
            print(f"{name}: every run built the index")
            continue
        wall = [float(str(r["wall"])) for r in runs]
        cpu = [float(str(r["cpu"])) for r in runs]
        rss = statistics.median(float(str(r["rss_mb"])) for r in runs)
        print(
            f"{name}: {len(runs)} runs; load median {statistics.median(wall):.3f} s wall (min {min(wall):.3f}), "
            f"{statistics.median(cpu):.3f} s CPU (min {min(cpu):.3f}); peak RSS median {rss:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Load on the HTTP API: 32 concurrent clients asking for filtered pages of events over 200,000 stored events.

The store is filled as ``bench_query.py`` fills it (synthetic rows through ``StoreWriter``: two years,
a 30 x 20 degree area, six countries). ``sitrep serve`` runs it in its own process on loopback; this
process runs ``--clients`` clients (asyncio + httpx), each a closed loop: ask for one page
(``/api/events``, 50 events) under a random filter of the kinds an analyst uses (a week, a month in
one country, a type over a month, a box over a month, words over a month), wait a random think time
(uniform 0 .. 2 x ``--think`` seconds), ask again. A bounded run: ``--requests`` answered requests in
all, after ``--warmup`` requests not counted. It prints the latency percentiles, the answered rate
and any failures; ``--think 0`` gives the saturated case (every client asking back to back).

    .venv/bin/python benchmarks/bench_web.py [--events 200000] [--clients 32] [--requests 4000]
        [--think 0.25] [--db FILE] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from bench_query import COUNTRIES, DAYS, LAT, LON, START, fill
from report import emit

ROOT = Path(__file__).resolve().parents[1]
PAGE = 50


def query(rng: random.Random) -> dict[str, str]:
    """One filter of the kinds the page sends, over the synthetic store."""
    kind = rng.choice(("week", "country_month", "type_month", "box_month", "words_month"))
    days = 7 if kind == "week" else 30
    start = START + dt.timedelta(days=rng.randrange(DAYS - days))
    params = {"start": start.isoformat(), "end": (start + dt.timedelta(days=days - 1)).isoformat(), "limit": str(PAGE)}
    if kind == "country_month":
        params["country"] = rng.choice(COUNTRIES)
    elif kind == "type_month":
        params["type"] = "Explosions/Remote violence"
    elif kind == "box_month":
        lon, lat = rng.uniform(LON[0], LON[1] - 5), rng.uniform(LAT[0], LAT[1] - 5)
        params["bbox"] = f"{lon:.3f},{lat:.3f},{lon + 5:.3f},{lat + 5:.3f}"
    elif kind == "words_month":
        params["q"] = "artillery civilians"
    return params


async def load(base: str, clients: int, requests: int, warmup: int, think: float, seed: int) -> dict[str, object]:
    latencies: list[float] = []
    failures: list[str] = []
    sent = 0
    started_at = 0.0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as http:

        async def client(k: int) -> None:
            nonlocal sent, started_at
            rng = random.Random(seed * 1000 + k)
            while True:
                if sent >= warmup + requests:
                    return
                sent += 1
                counted = sent > warmup
                if sent == warmup + 1:
                    started_at = time.perf_counter()
                t0 = time.perf_counter()
                try:
                    r = await http.get("/api/events", params=query(rng))
                    ok = r.status_code == 200 and "events" in r.json()
                    if not ok:
                        failures.append(f"{r.status_code}")
                except httpx.HTTPError as exc:
                    failures.append(type(exc).__name__)
                if counted:
                    latencies.append((time.perf_counter() - t0) * 1000)
                if think > 0:
                    await asyncio.sleep(rng.uniform(0, 2 * think))

        await asyncio.gather(*(client(k) for k in range(clients)))
    elapsed = time.perf_counter() - started_at
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 2)

    return {
        "clients": clients,
        "think_mean_s": think,
        "requests": len(latencies),
        "failures": len(failures),
        "answered_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": pct(50),
        "p90_ms": pct(90),
        "p99_ms": pct(99),
        "max_ms": round(latencies[-1], 2),
        "mean_ms": round(statistics.mean(latencies), 2),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).raise_for_status()
            return proc
        except httpx.HTTPError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--think", type=float, default=0.25, help="mean think time of a client, seconds")
    parser.add_argument("--db", metavar="FILE", help="keep the store here (reused when it exists)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sitrep-web-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "web.db"
        fill_s = fill(db, args.events, random.Random(7)) if not db.exists() else 0.0
        port = free_port()
        proc = serve(db, port)
        try:
            figures = asyncio.run(
                load(f"http://127.0.0.1:{port}", args.clients, args.requests, args.warmup, args.think, seed=11)
            )
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    emit({"events": args.events, "fill_seconds": round(fill_s, 1), "page": PAGE, **figures}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

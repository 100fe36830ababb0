"""Ingest throughput with 2 workers against bare spaCy ``nlp.pipe(n_process=2)``, in one run, with peak memory.

The texts are synthetic news articles (about 500 words, several paragraphs, places, dates,
figures, attributions) composed by :func:`article` from sentence patterns written for this
benchmark; the same seed gives the same corpus. Both sides get the same texts and the same spaCy
components (``sitrep.annotated.Resources().nlp``). Peak memory is the largest sum of the resident
set sizes of this process and all its descendants, sampled every 0.1 s from /proc.

    .venv/bin/python benchmarks/bench_ingest.py [--docs 2000] [--workers 2] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from report import emit

PLACES = [
    ("Kharkiv", "Ukraine"),
    ("Bakhmut", "Ukraine"),
    ("Mariupol", "Ukraine"),
    ("Goma", "the Democratic Republic of Congo"),
    ("Bunia", "the Democratic Republic of Congo"),
    ("Gao", "Mali"),
    ("Mopti", "Mali"),
    ("Maiduguri", "Nigeria"),
    ("Aleppo", "Syria"),
    ("Idlib", "Syria"),
    ("Mosul", "Iraq"),
    ("Kirkuk", "Iraq"),
    ("Stepanakert", "Azerbaijan"),
    ("Khartoum", "Sudan"),
    ("El Fasher", "Sudan"),
    ("Mogadishu", "Somalia"),
    ("Kismayo", "Somalia"),
    ("Sanaa", "Yemen"),
    ("Marib", "Yemen"),
    ("Tripoli", "Libya"),
    ("Ouagadougou", "Burkina Faso"),
    ("Mandalay", "Myanmar"),
    ("Kabul", "Afghanistan"),
    ("Quetta", "Pakistan"),
]
ATTACKERS = [
    "government forces",
    "rebel fighters",
    "unidentified gunmen",
    "the army",
    "militants",
    "police",
    "soldiers",
    "an armed group",
    "security forces",
    "insurgents",
    "separatist forces",
    "a militia",
]
TARGETS = [
    "a village",
    "a police checkpoint",
    "a market",
    "an army base",
    "a convoy",
    "a school",
    "a hospital",
    "residential buildings",
    "a power station",
    "a refugee camp",
    "a bridge",
    "farmers",
]
ACTIONS = [
    ("shelled", "artillery"),
    ("attacked", "rifles"),
    ("bombed", "aircraft"),
    ("struck", "drones"),
    ("raided", "small arms"),
    ("fired rockets at", "rockets"),
    ("ambushed", "machine guns"),
]
CLAIMANTS = [
    "the defence ministry",
    "a local official",
    "the regional governor",
    "a hospital director",
    "witnesses",
    "the United Nations",
    "a military spokesman",
    "human rights monitors",
    "the health ministry",
    "residents",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "The area has seen repeated clashes since the start of the year, and many families have already left.",
    "Aid agencies said roads into the district remained closed and supplies of food and water were running low.",
    "Talks between the two sides stalled last month after a ceasefire collapsed within days.",
    "Local radio reported that schools in the district would stay shut for the rest of the week.",
    "Analysts say the fighting reflects a wider struggle for control of trade routes in the region.",
    "The claims could not be independently verified because access to the area is restricted.",
    "Residents described hearing explosions through the night and seeing smoke above the town centre.",
    "Officials appealed for calm and promised an investigation into what happened.",
    "Several buildings were damaged and electricity was cut to large parts of the town.",
    "Doctors at the main hospital said they were overwhelmed and short of blood supplies.",
    "The government has repeatedly accused foreign backers of arming the fighters.",
    "Opposition leaders condemned the violence and called for international observers.",
    "Humanitarian groups estimate that thousands of people have been displaced in recent weeks.",
    "Markets reopened briefly in the afternoon before a curfew was announced.",
]


def _paragraph(rng: random.Random, day: dt.date) -> list[str]:
    place, country = rng.choice(PLACES)
    attacker, target = rng.choice(ATTACKERS), rng.choice(TARGETS)
    verb, weapon = rng.choice(ACTIONS)
    killed, wounded = rng.randint(2, 60), rng.randint(0, 120)
    claimant = rng.choice(CLAIMANTS)
    weekday = WEEKDAYS[day.weekday()]
    lead = [
        f"{attacker.capitalize()} {verb} {target} in {place}, {country}, on {weekday}, killing at least {killed} "
        f"people and wounding {wounded}, {claimant} said.",
        f"At least {killed} people were killed when {attacker} {verb} {target} near {place} on "
        f"{day:%B} {day.day}, according to {claimant}.",
        f"{claimant.capitalize()} said {killed} civilians died and about {wounded} were injured after {attacker} "
        f"{verb} {target} outside {place} early on {weekday}.",
    ]
    follow = [
        f"The attack involved {weapon}, {rng.choice(CLAIMANTS)} told reporters.",
        f"A spokesman for {rng.choice(ATTACKERS)} denied responsibility and accused {rng.choice(ATTACKERS)} of "
        f"staging the incident.",
        f"Another {rng.randint(2, 15)} people were reported missing in {rng.choice(PLACES)[0]} the same day.",
        f"On {WEEKDAYS[(day.weekday() + 1) % 7]}, {rng.choice(ATTACKERS)} reportedly clashed with "
        f"{rng.choice(ATTACKERS)} in {rng.choice(PLACES)[0]}, leaving {rng.randint(1, 30)} dead.",
        f"Protesters gathered in {rng.choice(PLACES)[0]} to demand an end to the violence, and police "
        f"used tear gas to disperse about {rng.randint(2, 40) * 50} people.",
    ]
    return [rng.choice(lead)] + rng.sample(follow, 2) + rng.sample(FILLER, 3)


def article(seed: int) -> tuple[dt.date, str]:
    """One synthetic article of about 500 words (its publication day and text), the same for the same seed."""
    rng = random.Random(seed)
    published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
    paragraphs = []
    words = 0
    while words < 480:
        day = published - dt.timedelta(days=rng.randint(0, 3))
        para = " ".join(_paragraph(rng, day))
        paragraphs.append(para)
        words += len(para.split())
    return published, "\n\n".join(paragraphs)


def write_corpus(root: Path, n: int) -> list[str]:
    """``n`` dated-text files in ``root``; returns the texts as sitrep reads them."""
    texts = []
    for i in range(n):
        published, text = article(i)
        (root / f"a{i:05d}.txt").write_text(f"date {published.isoformat()}\n{text}\n", encoding="utf-8")
        texts.append(text)
    return texts


# ---------------------------------------------------------------- memory


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            statm = Path(f"/proc/{entry}/statm").read_text().split()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(statm[1]) * page
    total, stack = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def peak_memory(fn: Callable[[], Any]) -> tuple[Any, int]:
    """Run ``fn`` and return (its result, the peak RSS of the process tree in bytes)."""
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(me))
            stop.wait(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        result = fn()
    finally:
        stop.set()
        thread.join()
    return result, peak[0]


# ---------------------------------------------------------------- the run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)

    from sitrep.annotated import Resources
    from sitrep.corpus import ingest

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        root = Path(tmp) / "corpus"
        root.mkdir()
        texts = write_corpus(root, args.docs)
        words = sum(len(t.split()) for t in texts) / len(texts)

        started = time.perf_counter()
        summary, ingest_peak = peak_memory(lambda: ingest([root], Path(tmp) / "bench.db", workers=args.workers))
        ingest_s = time.perf_counter() - started

        nlp = Resources().nlp  # loaded before timing: spaCy's workers inherit it
        started = time.perf_counter()
        parsed, spacy_peak = peak_memory(lambda: sum(1 for _ in nlp.pipe(texts, n_process=args.workers, batch_size=16)))
        spacy_s = time.perf_counter() - started

    figures = {
        "documents": args.docs,
        "words_per_document": round(words),
        "workers": args.workers,
        "ingest_seconds": round(ingest_s, 1),
        "ingest_docs_per_s": round(summary.coded / ingest_s, 2),
        "ingest_events": summary.events,
        "ingest_rejected": summary.rejected,
        "spacy_seconds": round(spacy_s, 1),
        "spacy_docs_per_s": round(parsed / spacy_s, 2),
        "ratio_ingest_to_spacy": round((summary.coded / ingest_s) / (parsed / spacy_s), 3),
        "ingest_peak_rss_mb": round(ingest_peak / 2**20),
        "spacy_peak_rss_mb": round(spacy_peak / 2**20),
        "components": list(nlp.pipe_names),
        "load_average": os.getloadavg(),
    }
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

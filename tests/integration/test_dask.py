"""`ingest(scheduler=...)` on a Dask LocalCluster stores exactly what a local run stores."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sitrep import corpus
from sitrep.errors import ClusterUnavailable

pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'sitrep[dask]'")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXTS = [
    "date 2022-03-02\nRussian forces shelled Kharkiv on Tuesday, killing 9 civilians and wounding 37, the regional "
    "governor said. The strike hit the central square.",
    "date 2021-05-11\nGunmen attacked a police checkpoint near Gao on Monday, killing two officers, officials said.",
    "date 2020-10-04\nAzerbaijani forces shelled Stepanakert with artillery on Sunday, the ministry said. "
    "Armenia accused Azerbaijan of targeting civilians.",
    "date 2019-07-20\nProtesters marched in Khartoum on Saturday. Police fired tear gas, wounding 14 people, "
    "doctors said.",
]


def _corpus(root: Path) -> Path:
    root.mkdir()
    for i, text in enumerate(TEXTS):
        (root / f"r{i}.txt").write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLES / "demo-article.txt", root / "demo.txt")
    return root


def _stored(db: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        docs = con.execute("SELECT id, text FROM documents ORDER BY id").fetchall()
        events = con.execute("SELECT id, document_id, record FROM events ORDER BY id").fetchall()
        return docs, events
    finally:
        con.close()


@pytest.mark.slow
def test_records_from_a_local_cluster_equal_a_local_run(tmp_path: Path) -> None:
    from distributed import LocalCluster

    inputs = _corpus(tmp_path / "in")
    local = corpus.ingest([inputs], tmp_path / "local.db", chunk=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = corpus.ingest([inputs], tmp_path / "dask.db", chunk=2, scheduler=cluster.scheduler_address)
    assert remote.coded == local.coded == len(TEXTS) + 1
    assert remote.events == local.events > 0
    assert _stored(tmp_path / "dask.db") == _stored(tmp_path / "local.db")


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep import distributed as sd

    monkeypatch.setattr(sd, "CONNECT_TIMEOUT", 1)
    inputs = _corpus(tmp_path / "in")
    with pytest.raises(ClusterUnavailable) as caught:
        corpus.ingest([inputs], tmp_path / "x.db", scheduler="tcp://127.0.0.1:9")
    assert caught.value.code == "E203"


@pytest.mark.parametrize("address", ["not-an-address", "http://host:1", "::::"])
def test_an_address_dask_cannot_parse_is_refused_before_anything_runs(tmp_path: Path, address: str) -> None:
    import io

    from sitrep import cli
    from sitrep.errors import BadOption

    inputs = _corpus(tmp_path / "in")
    with pytest.raises(BadOption) as caught:
        corpus.ingest([inputs], tmp_path / "x.db", scheduler=address)
    assert caught.value.source == "--scheduler" and "scheduler address" in caught.value.message
    assert not (tmp_path / "x.db").exists()
    err = io.StringIO()
    args = ["ingest", str(inputs), "--db", str(tmp_path / "x.db"), "--scheduler", address]
    assert cli.main(args, stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().startswith("[E008] --scheduler:") and "Traceback" not in err.getvalue()

"""A small store served by the API under test: hand-built events (no spaCy), merged into incidents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.incidents_run import update_incidents
from sitrep.store import StoreWriter, document_rows
from sitrep.web.app import Settings, create_app
from tests.unit.store.conftest import extraction

TOKEN = "s3cret-token-for-tests"
# (n, day, lat, lon, country): two reports of one incident near Stepanakert, one in Kyiv, one undated
ROWS = [
    (1, dt.date(2020, 9, 27), 39.8177, 46.7528, "AZE"),
    (2, dt.date(2020, 9, 27), 39.8177, 46.7528, "AZE"),
    (3, dt.date(2020, 10, 15), 50.45, 30.52, "UKR"),
    (4, dt.date(2020, 10, 20), 50.45, 30.52, "UKR"),
]


@pytest.fixture(scope="package")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "served.db"
    with StoreWriter(path) as w:
        for n, day, lat, lon, country in ROWS:
            w.write(document_rows(extraction(n, day=day, lat=lat, lon=lon, country=country)))
    update_incidents(path)
    return path


@pytest.fixture(scope="package")
def client(served_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=served_db))) as c:
        yield c


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    path = tmp_path / "w.db"
    with StoreWriter(path) as w:
        w.write(document_rows(extraction(1)))
    with TestClient(create_app(Settings(db=path, token=TOKEN, body_limit=4000))) as c:
        yield c, path

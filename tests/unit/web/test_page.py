"""The map page in real headless Chromium (Debian's /usr/bin/chromium driven by playwright), served
live over the demo store built from the bundled demo articles."""

from __future__ import annotations

import io
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from sitrep.cli import main
from sitrep.web.app import Settings, create_app

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "examples" / "demo-store" / "articles.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "docs" / "web-page.png"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    out, err = io.StringIO(), io.StringIO()
    assert main(["ingest", str(DEMO), "--db", str(db)], stdout=out, stderr=err) == 0, err.getvalue()
    assert main(["merge", "--db", str(db)], stdout=out, stderr=err) == 0, err.getvalue()
    return db


@pytest.fixture(scope="module")
def base_url(demo_db: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(Settings(db=demo_db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "the browser tests need Debian's chromium (make test installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture()
def problems() -> list[str]:
    """Console errors, uncaught exceptions and dialogs the page raised."""
    return []


@pytest.fixture()
def page(browser: Browser, problems: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    pg = context.new_page()
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


def ready(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=30000)


def count(page: Page) -> int:
    page.wait_for_function("() => document.getElementById('count').dataset.count !== undefined")
    return int(page.get_attribute("#count", "data-count") or -1)


def test_the_page_loads_with_markers_and_no_console_error(
    page: Page, base_url: str, problems: list[str], tmp_path: Path
) -> None:
    ready(page, base_url + "/")
    page.wait_for_selector(".leaflet-interactive, .cluster")
    assert count(page) >= 30
    assert page.locator("#map svg path").count() > 100  # country outlines drawn
    # `make screenshot` sets SITREP_SCREENSHOT=1 to refresh the picture of the page kept in docs/
    shot = SCREENSHOT if os.environ.get("SITREP_SCREENSHOT") == "1" else tmp_path / SCREENSHOT.name
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert problems == []


def test_a_click_on_a_marker_opens_the_event_with_its_highlighted_sentence(
    page: Page, base_url: str, problems: list[str]
) -> None:
    ready(page, base_url + "/?at=12,30,3")
    cluster = page.locator(".cluster")
    for _ in range(8):  # zoom into clusters until single markers show
        if page.locator("path.leaflet-interactive").count() > 1:
            break
        cluster.first.click()
        page.wait_for_timeout(600)
    marker = page.locator("path.leaflet-interactive").last
    marker.click(force=True)
    page.wait_for_selector("#panel:not([hidden]) #evidence-sentence mark")
    assert page.locator("#evidence-sentence mark.f-event").count() == 1
    assert "event=" in page.url
    assert problems == []


def test_a_date_filter_changes_the_count_and_the_url(page: Page, base_url: str) -> None:
    ready(page, base_url + "/")
    before = count(page)
    page.fill("input[name=start]", "2026-03-15")
    page.click("button[type=submit]")
    page.wait_for_function(f"() => document.getElementById('count').dataset.count !== '{before}'")
    after = count(page)
    assert 0 < after < before
    assert "start=2026-03-15" in page.url
    ready(page, page.url)  # the URL holds the view
    assert count(page) == after and page.input_value("input[name=start]") == "2026-03-15"


def test_article_text_with_a_script_tag_shows_as_text(page: Page, base_url: str, problems: list[str]) -> None:
    ready(page, base_url + "/?view=table&q=script")
    row = page.locator("#table tbody tr").first
    row.focus()
    page.keyboard.press("Enter")  # keyboard alone opens the event
    page.wait_for_selector("#panel:not([hidden]) #evidence-sentence")
    panel_text = page.inner_text("#panel")
    assert "<script>" in panel_text + page.inner_text("#table")
    assert page.locator("#panel script, #table script").count() == 0
    assert problems == []
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()


def test_the_page_sends_a_strict_content_security_policy(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp and "unsafe-inline" not in csp

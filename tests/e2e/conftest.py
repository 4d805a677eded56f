"""End-to-end tests: the app served by uvicorn on 127.0.0.1, driven by Debian's Chromium through
Playwright for Python. Skipped with a reason when /usr/bin/chromium or Playwright is missing.
Screenshots go to test-artifacts/screenshots/ (docs/web.md shows them)."""
import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VENDOR = Path(__file__).resolve().parents[2] / "src" / "nkevents" / "web" / "static" / "vendor"

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(app):
    """Serve an app with uvicorn on a free port of 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the web app did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent (install it with .ci/browser.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright for Python is not installed")
    if not (VENDOR / "leaflet" / "leaflet.js").exists():
        pytest.skip("web assets are not built (run scripts/build_assets.sh)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The app over a fresh SQLite database with the test reports and users; yields its base URL."""
    from nkevents.store import Store
    from nkevents.web import create_app
    from tests.web import fixtures

    store = Store.open(str(tmp_path_factory.mktemp("e2e") / "e2e.db"))
    ids = fixtures.fill(store)
    fixtures.add_users(store)
    with serve(create_app(store, secret_key="e2e")) as url:
        yield {"url": url, "store": store, "ids": ids}
    store.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append(f"dialog opened: {d.message}"), d.dismiss()))
    pg.js_errors = errors
    yield pg
    context.close()


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

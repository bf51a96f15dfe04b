"""The built site in a real browser: built once per test session, served from 127.0.0.1,
opened in headless Chromium (Debian's ``chromium``, driven by Playwright). Without a
browser, Playwright or npm these tests skip and say which is missing."""

from __future__ import annotations

import base64
import functools
import http.server
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from game.web.bench import CHROMIUM_ENV, chromium

READY_S = 120  # a cold start on a busy 2-core machine; usually 5-15 s


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from game.web.build import BuildError, build

    out = tmp_path_factory.mktemp("site")
    try:
        build(out)
    except BuildError as error:
        pytest.skip(f"the site cannot be built here: {error}")
    return out


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def origin(site: Path) -> Iterator[str]:
    """The site served on a free port of 127.0.0.1, like ``python -m http.server``."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for one test module: Playwright's sync API holds this thread's asyncio loop
    while it runs, so it must stop before tests that run the game's own loop."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("no Playwright: python -m pip install -r requirements.txt")
    executable = chromium()
    if executable is None:
        pytest.skip(f"no Chromium: apt-get install chromium (or set {CHROMIUM_ENV})")
    with sync_playwright() as play:
        launched = play.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--autoplay-policy=user-gesture-required"],
        )
        yield launched
        launched.close()


@dataclass
class Tab:
    """One page of the site, with everything it said and asked for."""

    page: Any
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def wait_ready(self) -> dict[str, Any]:
        self.page.wait_for_function(
            "window.asyncBurgers && (window.asyncBurgers.ready || window.asyncBurgers.error)",
            timeout=READY_S * 1000,
        )
        state = self.page.evaluate("({...window.asyncBurgers, frameTimes: undefined})")
        assert state["error"] is None, state["error"]
        return state

    def frames(self) -> int:
        return int(self.page.evaluate("window.asyncBurgers.frames"))

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)
            self.settle()

    def settle(self, frames: int = 3) -> None:
        """Wait until the game has drawn a few more frames (it reads keys once a frame)."""
        start = self.frames()
        self.page.wait_for_function(f"window.asyncBurgers.frames >= {start + frames}")

    def link(self) -> dict[str, str]:
        """U: the link of what is on screen (it also becomes the page's address)."""
        from urllib.parse import parse_qsl, urlsplit

        self.press("u")
        return dict(parse_qsl(urlsplit(self.page.url).query))

    def canvas(self) -> Any:
        from PIL import Image

        data = self.page.evaluate("document.getElementById('screen').toDataURL('image/png')")
        return Image.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1]))).convert("RGB")


@pytest.fixture
def open_tab(browser: Any, origin: str) -> Iterator[Any]:
    contexts = []

    def opener(query: str = "", locale: str = "en-US", context: Any = None) -> Tab:
        if context is None:
            context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800})
            contexts.append(context)
        page = context.new_page()
        tab = Tab(page)
        page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: tab.errors.append(str(e)))
        page.on(
            "request",
            lambda r: None if r.url.startswith((origin + "/", "data:", "blob:")) else
            tab.foreign.append(r.url),
        )
        page.goto(f"{origin}/{query}")
        return tab

    yield opener
    for context in contexts:
        context.close()


def agreement(a: Any, b: Any, within: int = 0) -> float:
    """The share of pixels alike in two same-sized RGB pictures: every channel within
    ``within`` levels (0: identical)."""
    from PIL import ImageChops

    assert a.size == b.size
    r, g, b_ = ImageChops.difference(a, b).split()
    hist = ImageChops.lighter(ImageChops.lighter(r, g), b_).histogram()  # any channel differs
    return sum(hist[: within + 1]) / sum(hist)

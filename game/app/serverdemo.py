"""The real thing for the web: a real FastAPI server on this machine, timed from outside.

    python -m game.app.realdemo --server [--requests N] [--wait SECONDS] [--json]

Starts the three endpoints of ``game.shop.webserver`` under uvicorn on 127.0.0.1 (a free
port, nothing else is ever addressed), sends ``N`` requests at once to each with httpx,
and prints each endpoint's p50 / p95 / total next to what the game's kernel predicts for
the same ``N``. The server stops by itself; every request has a deadline. FastAPI,
uvicorn and httpx are the optional extra ``pip install .[server]``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

from ..shop.webserver import CODE, ENDPOINTS, LESSONS, Figures, predict

NEEDS = ("fastapi", "uvicorn", "httpx")
HOST = "127.0.0.1"
START_TIMEOUT = 10.0  # seconds for the server to come up
SLACK = 10.0  # seconds a request may take past what the slowest endpoint should need


class MissingExtra(ImportError):
    """FastAPI, uvicorn or httpx is not installed; the message says what to install."""


def missing() -> list[str]:
    """The server extra's modules that cannot be imported here."""
    return [name for name in NEEDS if importlib.util.find_spec(name) is None]


def build_app(wait: float) -> Any:
    """The FastAPI app: the same endpoint three ways, each waiting ``wait`` seconds."""
    from fastapi import FastAPI

    app = FastAPI(title="Async Burgers")

    @app.get("/burgers/await")
    async def read_burgers_await() -> dict[str, int]:
        await asyncio.sleep(wait)  # the loop serves others meanwhile
        return {"burgers": 2}

    @app.get("/burgers/blocking")
    async def read_burgers_blocking() -> dict[str, int]:
        time.sleep(wait)  # blocks the one event loop: the mistake
        return {"burgers": 2}

    @app.get("/burgers/thread")
    def read_burgers_thread() -> dict[str, int]:  # plain def: run in the thread pool
        time.sleep(wait)
        return {"burgers": 2}

    return app


@dataclass
class Server:
    """uvicorn on a socket of our own (127.0.0.1, a port the system picks), in a thread."""

    wait: float

    def __enter__(self) -> Server:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((HOST, 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(
            build_app(self.wait),
            log_level="warning",
            lifespan="off",
            backlog=2048,
            access_log=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError("the server did not start on 127.0.0.1")
            time.sleep(0.01)
        return self

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=START_TIMEOUT)
        self.sock.close()


async def _measure(url: str, endpoint: str, requests: int, deadline: float) -> Figures:
    """``requests`` GETs at once; each latency from the common start to its answer."""
    import httpx

    limits = httpx.Limits(max_connections=requests, max_keepalive_connections=requests)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=deadline) as client:
        await client.get("/burgers/await")  # a first request: not timed (imports, routes)
        start = time.perf_counter()

        async def one() -> float:
            answer = await client.get(f"/burgers/{endpoint}")
            answer.raise_for_status()
            return time.perf_counter() - start

        latencies = await asyncio.gather(*(one() for _ in range(requests)))
    return Figures(endpoint, tuple(latencies))


def measure(requests: int, wait: float) -> dict[str, Figures]:
    """Each endpoint's real figures from one server on 127.0.0.1."""
    if missing():
        raise MissingExtra(
            f"the real server needs {', '.join(missing())}: pip install 'async-burgers[server]'"
            " (or pip install fastapi uvicorn httpx)"
        )
    deadline = requests * wait + SLACK
    with Server(wait) as server:
        return {
            endpoint: asyncio.run(_measure(server.url, endpoint, requests, deadline))
            for endpoint in ENDPOINTS
        }


def figures(requests: int, wait: float) -> dict[str, Any]:
    """Real and predicted figures of every endpoint, as ``--json`` prints them."""
    real = measure(requests, wait)
    rows = []
    for endpoint in ENDPOINTS:
        game = predict(endpoint, requests, wait)
        rows.append(
            {
                "endpoint": f"/burgers/{endpoint}",
                "code": CODE[endpoint].replace("WAIT", f"{wait:g}"),
                "real": real[endpoint].as_dict(),
                "game": game.as_dict(),
                "lesson": LESSONS[endpoint],
            }
        )
    return {"host": HOST, "requests": requests, "wait": wait, "endpoints": rows}


def report(data: dict[str, Any]) -> str:
    """The table a person reads: real next to predicted, a lesson under each endpoint."""
    requests, wait = data["requests"], data["wait"]
    plural = "" if requests == 1 else "s"
    lines = [
        "Async Burgers - a real web server on this machine (FastAPI under uvicorn, 127.0.0.1)",
        f"{requests} request{plural} at once to each endpoint; each endpoint waits {wait:g} s",
        "",
        f"  {'endpoint':<20}{'':>4}{'p50':>8}{'p95':>8}{'total':>8}",
    ]
    for row in data["endpoints"]:
        for label, key in (("real", "real"), ("game", "game")):
            fig = row[key]
            name = row["endpoint"] if key == "real" else ""
            lines.append(
                f"  {name:<20}{label:>4}{fig['p50']:7.2f}s{fig['p95']:7.2f}s{fig['total']:7.2f}s"
            )
        lines.append(f"    lesson: {row['lesson']}")
    return "\n".join(lines)


def run(requests: int, wait: float, as_json: bool) -> str:
    data = figures(requests, wait)
    return json.dumps(data, indent=2) if as_json else report(data)

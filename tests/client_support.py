"""What the client tests share: the generated seed package, a loopback test server, Prism."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from .conftest import ROOT, SEEDS_OUT

SEED_PACKAGE = SEEDS_OUT / "python" / "modelarts"
SEED_OPENAPI = SEEDS_OUT / "openapi" / "modelarts.yaml"
PRISM = ROOT / "node_modules" / ".bin" / "prism"

if str(SEED_PACKAGE) not in sys.path:
    sys.path.insert(0, str(SEED_PACKAGE))


@dataclass(frozen=True)
class Received:
    """One request as the test server read it off the wire."""

    method: str
    raw_path: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.raw_path).path

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(self.raw_path).query, keep_blank_values=True)

    def json(self) -> object:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    """What the test server answers: a status, headers, a JSON (or raw) body, a delay."""

    status: int = 200
    body: object = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class LoopbackServer:
    """An HTTP server on 127.0.0.1 that records requests and answers from a script: queued
    replies first, then ``respond(request)`` (by default 200 ``{}``)."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.replies: list[Reply] = []
        self.respond: Callable[[Received], Reply] = lambda request: Reply()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def reply(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def answer(self, request: Received) -> Reply:
        self.requests.append(request)
        return self.replies.pop(0) if self.replies else self.respond(request)

    @contextmanager
    def running(self) -> Iterator[LoopbackServer]:
        thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._httpd.shutdown()
            self._httpd.server_close()
            thread.join(timeout=5)


def _handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Received(self.command, self.path,
                               {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length))
            reply = server.answer(request)
            if reply.delay:
                time.sleep(reply.delay)
            data = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
            try:
                self.send_response(reply.status)
                for name, value in {"Content-Type": "application/json", **reply.headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def prism_mock(document: Path, startup_seconds: float = 60.0) -> Iterator[str]:
    """Prism mocking ``document`` on a free loopback port, rejecting requests (and flagging
    responses) that break the document; yields its base URL."""
    port = free_port()
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(
        [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), "--errors", str(document)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + startup_seconds
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            log.seek(0)
            raise RuntimeError(f"prism did not start on port {port}: {log.read()}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

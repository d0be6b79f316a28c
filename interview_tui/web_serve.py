"""``interview-tui serve``: the app in a browser tab, on loopback, behind a secret in the URL.

textual-serve (the optional ``web`` extra) runs ``python -m interview_tui`` for each tab and
relays it over a websocket. Other accounts on the same machine can reach 127.0.0.1 too, so
every path lives under a random prefix — the page at ``/<secret>/``, its websocket at
``/<secret>/ws``, its scripts under ``/<secret>/static/`` — and anything else gets 403.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web
    from aiohttp.typedefs import Handler

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
INSTALL_HINT = (
    "interview-tui serve: the browser tab needs the web extra: "
    'pip install "interview-tui[web]" (in a checkout: pip install ".[web]")'
)
REFUSED = "403: this address needs the link interview-tui serve printed at start"


def app_command(data_dir: str | None, bank_paths: Sequence[str]) -> str:
    """The shell command textual-serve runs per tab: this Python, the same data options."""
    parts = [sys.executable, "-m", "interview_tui"]
    if data_dir:
        parts += ["--data-dir", data_dir]
    for path in bank_paths:
        parts += ["--banks", path]
    # textual-serve starts it through the shell.
    return subprocess.list2cmdline(parts) if sys.platform == "win32" else shlex.join(parts)


def serve(data_dir: str | None, bank_paths: Sequence[str], port: int) -> int:
    """Serve until Ctrl+C; 2 without the web extra, 1 if the port cannot be had."""
    try:
        from aiohttp import web
        from textual_serve.server import Server
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2

    secret = secrets.token_urlsafe(24)
    prefix = f"/{secret}"

    @web.middleware
    async def require_secret(request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path.encode()
        if hmac.compare_digest(path, prefix.encode()):  # the link typed without its last "/"
            raise web.HTTPFound(f"{prefix}/")
        if not hmac.compare_digest(path[: len(prefix) + 1], f"{prefix}/".encode()):
            raise web.HTTPForbidden(text=REFUSED)
        return await handler(request)

    async def no_referrer(_request: web.Request, response: web.StreamResponse) -> None:
        # The page fetches a web font: no browser may send the secret along as a Referer.
        response.headers["Referrer-Policy"] = "no-referrer"

    class GuardedServer(Server):
        """textual-serve's app, mounted under the secret prefix behind the guard."""

        url = f"http://{HOST}:{port}{prefix}/"

        async def _make_app(self) -> web.Application:
            guarded = web.Application(middlewares=[require_secret])
            guarded.add_subapp(prefix, await super()._make_app())
            guarded.on_response_prepare.append(no_referrer)
            return guarded

        async def on_startup(self, app: web.Application) -> None:
            """Nothing: textual-serve's banner would print its address without the secret."""

        def serve(self, debug: bool = False) -> None:
            """textual-serve's ``serve``, on the socket bound before it."""
            self.debug = debug
            self.initialize_logging()
            print(f"interview-tui in a browser tab: {self.url}", flush=True)
            print(
                "Only this machine can reach it (127.0.0.1), and only with the key in that link: "
                "keep it private. Ctrl+C stops the server.",
                flush=True,
            )
            loop = asyncio.new_event_loop()
            for stop in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError):  # Windows: KeyboardInterrupt
                    loop.add_signal_handler(stop, self.request_exit)
            web.run_app(
                self._make_app(),
                sock=listening,
                handle_signals=False,
                loop=loop,
                print=lambda *_args: None,
            )

    server = GuardedServer(
        app_command(data_dir, bank_paths), host=HOST, port=port, title="interview-tui"
    )
    try:  # bound first: a port in use is one line, never a printed link that fails
        listening = socket.create_server((HOST, port))
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        print(f"interview-tui serve: cannot listen on {HOST}:{port}: {reason}", file=sys.stderr)
        return 1
    with contextlib.suppress(KeyboardInterrupt):
        server.serve()
    return 0
